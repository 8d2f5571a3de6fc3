-- One row per indicator × reference year: the series an analyst reads, built from the vintages.
-- best_value = the latest edition's vintage (within an edition the full text wins over the curated
-- sheet, see fct_indicator_vintages); first_value = the first edition that published the year.
with vintages as (select * from {{ ref('fct_indicator_vintages') }}),

indicators as (select indicator_key, name_zh, name_en, topic from {{ ref('indicators') }}),

series as (
    select
        indicator_key,
        ref_year,
        count(*) as n_editions,
        string_agg(cast(edition_year as varchar), ',' order by edition_year) as editions,
        string_agg(edition_year || ': ' || value, '; ' order by edition_year) as vintage_values,
        min(value) as min_value,
        max(value) as max_value,
        max(value) - min(value) as spread,
        sum(n_statements) as n_statements,
        bool_or(statements_disagree) as any_statements_disagree,
        bool_or(has_correction) as has_correction
    from vintages
    group by indicator_key, ref_year
),

-- the sources behind every vintage of the year (a vintage may rest on both a full text and a curated sheet)
source_kinds as (
    select
        indicator_key,
        ref_year,
        string_agg(distinct kinds.source_kind, ',' order by kinds.source_kind) as source_kinds
    from vintages
    cross join unnest(string_split(vintages.source_kinds, ',')) as kinds(source_kind)
    group by indicator_key, ref_year
),

latest as (select * from vintages where is_latest_vintage),

first as (select * from vintages where is_first_vintage)

select
    s.indicator_key || '|' || s.ref_year as series_id,
    s.indicator_key,
    i.name_zh as indicator_name_zh,
    i.name_en as indicator_name_en,
    i.topic,
    s.ref_year,
    l.value as best_value,
    l.value_as_stated as best_value_as_stated,
    l.unit as best_unit,
    l.qualifier as best_qualifier,
    l.source_kind as best_source_kind,
    l.edition_year as best_edition_year,
    l.observation_id as best_observation_id,
    l.edition_year as latest_edition_year,
    l.value as latest_value,
    f.edition_year as first_edition_year,
    f.value as first_value,
    f.qualifier as first_qualifier,
    s.n_editions,
    s.editions,
    s.vintage_values,
    s.min_value,
    s.max_value,
    s.spread,
    case when s.min_value <> 0 then s.spread / abs(s.min_value) end as spread_rel,
    s.n_statements,
    s.any_statements_disagree,
    s.has_correction,
    k.source_kinds
from series as s
inner join source_kinds as k using (indicator_key, ref_year)
inner join latest as l using (indicator_key, ref_year)
inner join first as f using (indicator_key, ref_year)
left join indicators as i using (indicator_key)
