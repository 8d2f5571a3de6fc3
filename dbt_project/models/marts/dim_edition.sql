-- One row per edition: its title and publisher in Chinese and English, its date, and the files it was built from.
with documents as (select * from {{ ref('stg_reports__documents') }}),

-- figures mapped to a catalogue indicator, from either source (read from staging, not from the
-- corrected observations: a correction changes a value, never which edition states it)
indicator_figures as (
    select edition_year, indicator_key from {{ ref('stg_reports__statements') }} where indicator_key is not null
    union all
    select edition_year, indicator_key from {{ ref('stg_reports__curated_facts') }} where indicator_key is not null
),

indicator_counts as (
    select edition_year, count(*) as indicator_observation_count, count(distinct indicator_key) as indicator_count
    from indicator_figures
    group by edition_year
),

publishers as (
    select code as publisher, label_en as publisher_en
    from {{ ref('vocabulary_labels') }}
    where vocabulary = 'publisher'
),

editions as (
    select
        edition_year,
        max(title) as title,
        max(publisher) as publisher,
        max(published) as published,
        bool_or(source_kind = 'full_text') as has_full_text,
        bool_or(source_kind = 'curated') as has_curated_sheet,
        string_agg(distinct source_kind, ',' order by source_kind) as source_kinds,
        max(case when source_kind = 'full_text' then source_file end) as full_text_file,
        max(case when source_kind = 'full_text' then sha256 end) as full_text_sha256,
        max(case when source_kind = 'curated' then source_file end) as curated_file,
        max(case when source_kind = 'curated' then sha256 end) as curated_sha256,
        sum(statement_count) as statement_count
    from documents
    group by edition_year
)

select
    e.edition_year,
    e.title,
    -- English title from the series' three Chinese names (README of the curated editions)
    case
        when e.title like '%数字中国建设发展进程报告%' then 'Digital China Construction and Development Progress Report (' || e.edition_year || ')'
        when e.title like '%数字中国建设发展报告%' then 'Digital China Construction and Development Report (' || e.edition_year || ')'
        when e.title like '%数字中国发展报告%' then 'Digital China Development Report (' || e.edition_year || ')'
    end as title_en,
    e.publisher,
    p.publisher_en,
    e.published,
    e.has_full_text,
    e.has_curated_sheet,
    e.source_kinds,
    case when e.has_full_text then 'full_text' else 'curated' end as best_source_kind,
    e.full_text_file,
    e.full_text_sha256,
    e.curated_file,
    e.curated_sha256,
    e.statement_count,
    coalesce(c.indicator_observation_count, 0) as indicator_observation_count,
    coalesce(c.indicator_count, 0) as indicator_count
from editions as e
left join indicator_counts as c using (edition_year)
left join publishers as p on p.publisher = e.publisher
