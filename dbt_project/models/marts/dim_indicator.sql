-- One row per indicator of the catalogue (seed indicators, the same file the extractor matches with):
-- Chinese and English names side by side (topic, unit and kind too, labels from the vocabulary_labels
-- seed), and how often the warehouse observes it.
with indicators as (select * from {{ ref('indicators') }}),

labels as (select vocabulary, code, label_zh from {{ ref('vocabulary_labels') }}),

observations as (select * from {{ ref('int_indicator_observations__corrected') }}),

observed as (
    select
        indicator_key,
        count(*) as n_observations,
        count(*) filter (where source_kind = 'full_text') as n_full_text_observations,
        count(*) filter (where source_kind = 'curated') as n_curated_observations,
        count(distinct edition_year) as n_editions,
        count(distinct ref_year) as n_ref_years,
        min(ref_year) as first_ref_year,
        max(ref_year) as last_ref_year
    from observations
    group by indicator_key
)

select
    i.indicator_key,
    i.name_zh,
    i.name_en,
    i.unit,
    lu.label_zh as unit_zh,
    i.kind,
    lk.label_zh as kind_zh,
    i.topic,
    lt.label_zh as topic_zh,
    cast(i.is_cumulative as boolean) as is_cumulative,
    i.aliases,
    i.description,
    coalesce(o.n_observations, 0) as n_observations,
    coalesce(o.n_full_text_observations, 0) as n_full_text_observations,
    coalesce(o.n_curated_observations, 0) as n_curated_observations,
    coalesce(o.n_editions, 0) as n_editions,
    coalesce(o.n_ref_years, 0) as n_ref_years,
    o.first_ref_year,
    o.last_ref_year
from indicators as i
left join observed as o using (indicator_key)
left join labels as lt on lt.vocabulary = 'topic' and lt.code = i.topic
left join labels as lu on lu.vocabulary = 'unit' and lu.code = i.unit
left join labels as lk on lk.vocabulary = 'kind' and lk.code = i.kind
