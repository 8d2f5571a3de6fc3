-- Every figure a claim can be judged on or recomputed from, with the interval its printed precision and
-- qualifier allow: each indicator observation (after corrections), each full-text statement no indicator
-- matched (a paragraph's own claims use them), and each figure of the reference seed (NBS GDP and
-- population, in every vintage). half_unit is half a unit of the last printed digit, read from the figure
-- as written (macros/precision.sql); the interval follows orchestration/claims/bounds.py.
-- Both the corrected value and the value as stated get an interval (variant), so that a claim can be
-- judged before and after corrections.
-- A table, unlike the other intermediate models (views): every claim and finding model reads it several
-- times, and as a view it was computed again each time (int_findings__within_edition: 270 ms against 53 ms).
{{ config(materialized='table') }}

with statements as (select * from {{ ref('stg_reports__statements') }}),

observations as (
    select
        o.observation_id, o.edition_year, o.indicator_key, o.ref_year, o.value, o.value_as_stated, o.correction_id,
        o.unit, o.qualifier, o.kind, o.source_kind, o.source_file, o.line, o.quote, o.value_text, o.citation,
        coalesce(s.figure_text, o.value_text) as printed,
        coalesce(i.name_zh, o.subject_as_written) as measure_zh,
        coalesce(s.reach, false) as reach,
        cast(null as varchar) as vintage_key,
        cast(null as varchar) as vintage
    from {{ ref('int_indicator_observations__corrected') }} as o
    left join statements as s on s.statement_id = o.observation_id
    left join {{ ref('indicators') }} as i on i.indicator_key = o.indicator_key
),

-- statements no indicator matched: no correction can apply to them (corrections name an indicator)
unkeyed as (
    select
        statement_id as observation_id, edition_year, indicator_key, ref_year, value, value as value_as_stated,
        cast(null as varchar) as correction_id, unit, qualifier, kind, 'full_text' as source_kind, source_file,
        line, quote, cast(null as varchar) as value_text, cast(null as varchar) as citation,
        figure_text as printed, subject as measure_zh, reach, cast(null as varchar) as vintage_key,
        cast(null as varchar) as vintage
    from statements
    where indicator_key is null
),

with_precision as (
    select
        o.*,
        coalesce(
            {{ printed_half_unit('o.value_as_stated', 'coalesce(o.printed, o.quote)') }},
            -- no digits to read (三分之一, 八成): half a unit of the value's last decimal (up to 2)
            case when o.value_as_stated = round(o.value_as_stated) then 0.5
                 when o.value_as_stated * 10 = round(o.value_as_stated * 10) then 0.05
                 else 0.005 end
        ) as half_unit,
        {{ printed_half_unit('o.value_as_stated', 'coalesce(o.printed, o.quote)') }} is null as precision_guessed
    from (select * from observations union all by name select * from unkeyed) as o
),

reference as (
    select
        'REF-' || measure_key || '-' || ref_year
            || case when vintage_key = 'first_published' then '' else '-' || vintage_key end as observation_id,
        cast(null as integer) as edition_year,
        'ref:' || measure_key as indicator_key,
        ref_year,
        cast(value as double) as value,
        cast(value as double) as value_as_stated,
        cast(null as varchar) as correction_id,
        unit,
        'exact' as qualifier,
        'level' as kind,
        'reference' as source_kind,
        'dbt_project/seeds/reference_national_statistics.csv' as source_file,
        cast(null as integer) as line,
        citation as quote,
        value_text,
        citation || ' (' || vintage || ')' as citation,
        value_text as printed,
        case measure_key when 'gdp' then 'GDP' when 'population' then 'year-end population' else measure_key end
            as measure_zh,
        false as reach,
        vintage_key,
        vintage,
        cast(half_unit as double) as half_unit,
        false as precision_guessed
    from {{ ref('reference_national_statistics') }}
),

pool as (
    select * from with_precision
    union all by name
    select * from reference
),

variants as (
    select
        p.*,
        x.variant,
        case when x.variant = 'corrected' then p.value else p.value_as_stated end as v,
        -- a corrected value keeps the printed precision, rescaled (a unit slip moves the last digit too)
        p.half_unit * case when x.variant = 'corrected' and p.value_as_stated <> 0
                           then abs(p.value / p.value_as_stated) else 1 end as h
    from pool as p
    cross join (values ('corrected'), ('as_stated')) as x(variant)
)

select
    variant,
    observation_id,
    edition_year,
    indicator_key,
    ref_year,
    v as value,
    value_as_stated,
    correction_id,
    unit,
    qualifier,
    kind,
    source_kind,
    source_file,
    line,
    quote,
    value_text,
    citation,
    printed,
    measure_zh,
    reach,
    vintage_key,
    vintage,
    h as half_unit,
    precision_guessed,
    {{ input_low('v', 'h', 'qualifier') }} as value_lo,
    {{ input_high('v', 'h', 'qualifier') }} as value_hi
from variants
