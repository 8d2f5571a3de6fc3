{#- The fixed range of reference years, one column each (value_2012 … value_2025). Fixed rather than
    data-driven so the columns of the table (and of its CSV export) do not change when an edition adds a
    year; n_ref_years_outside_range counts the years of a series this range does not show. -#}
{%- set first_year = 2012 -%}
{%- set last_year = 2025 -%}
-- One row per indicator with at least one value, one column per reference year ({{ first_year }}–{{ last_year }}),
-- holding the series' best value (mart_indicator_series): the spreadsheet view.
with series as (select * from {{ ref('mart_indicator_series') }}),

indicators as (select * from {{ ref('dim_indicator') }})

select
    s.indicator_key,
    i.name_zh as indicator_name_zh,
    i.name_en as indicator_name_en,
    i.unit,
    i.kind,
    i.topic,
    {%- for year in range(first_year, last_year + 1) %}
    max(s.best_value) filter (where s.ref_year = {{ year }}) as value_{{ year }},
    {%- endfor %}
    count(*) as n_ref_years,
    min(s.ref_year) as first_ref_year,
    max(s.ref_year) as last_ref_year,
    count(*) filter (where s.ref_year not between {{ first_year }} and {{ last_year }}) as n_ref_years_outside_range,
    string_agg(distinct s.best_source_kind, ',' order by s.best_source_kind) as source_kinds
from series as s
left join indicators as i using (indicator_key)
group by s.indicator_key, i.name_zh, i.name_en, i.unit, i.kind, i.topic
