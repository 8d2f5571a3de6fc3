-- Every figure a claim can be recomputed from, with the interval its printed precision implies:
-- the indicator observations (after corrections) and the reference seed (NBS GDP and population).
-- half_unit is half a unit of the last printed digit, read from the figure as written (value_text of a
-- curated fact, the quote of a full-text statement): "142.5万" -> 500, "4700亿" -> 5e7, "13.6%" -> 0.05.
-- A qualified figure widens its interval by one more unit in the direction the qualifier allows:
-- over (超过 X) -> [X, X + 2h]; near (近 X) / under (不足 X) -> [X - 2h, X]; approx (约 X) -> [X - 2h, X + 2h].
-- Both the corrected value and the value as stated get an interval (variant), so that a claim can be
-- judged before and after corrections.
-- A table, unlike the other intermediate models (views): every claim and finding model reads it several
-- times, and as a view it was computed again each time (int_findings__within_edition: 270 ms against 53 ms).
{{ config(materialized='table') }}

with observations as (
    select
        observation_id, edition_year, indicator_key, ref_year, value, value_as_stated, correction_id,
        unit, qualifier, kind, source_kind, source_file, line, quote, value_text, citation
    from {{ ref('int_indicator_observations__corrected') }}
),

tokens as (
    select o.observation_id, o.value_as_stated, t.tok
    from observations as o
    cross join unnest(regexp_extract_all(coalesce(o.value_text, o.quote, ''), '[0-9]+(?:\.[0-9]+)?')) as t(tok)
    where try_cast(t.tok as double) > 0 and o.value_as_stated <> 0
),

matched as (
    select
        observation_id,
        min(0.5 * power(10, round(log10(value_as_stated / cast(tok as double)))
                        - case when contains(tok, '.') then length(split_part(tok, '.', 2)) else 0 end)) as half_unit
    from tokens
    where value_as_stated / cast(tok as double) > 0
      and abs(log10(value_as_stated / cast(tok as double)) - round(log10(value_as_stated / cast(tok as double)))) < 1e-6
      and round(log10(value_as_stated / cast(tok as double))) in (0, 3, 4, 7, 8, 11, 12)
    group by observation_id
),

with_precision as (
    select
        o.*,
        coalesce(
            m.half_unit,
            -- no digits to read (三分之一, 八成): half a unit of the value's last decimal (up to 2)
            case when o.value_as_stated = round(o.value_as_stated) then 0.5
                 when o.value_as_stated * 10 = round(o.value_as_stated * 10) then 0.05
                 else 0.005 end
        ) as half_unit,
        m.half_unit is null as precision_guessed
    from observations as o
    left join matched as m using (observation_id)
),

reference as (
    select
        'REF-' || measure_key || '-' || ref_year as observation_id,
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
        citation,
        cast(half_unit as double) as half_unit,
        false as precision_guessed
    from {{ ref('reference_national_statistics') }}
),

pool as (
    select * from with_precision
    union all
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
    h as half_unit,
    precision_guessed,
    case qualifier when 'over' then v when 'near' then v - 2 * h when 'under' then v - 2 * h
                   when 'approx' then v - 2 * h else v - h end as value_lo,
    case qualifier when 'over' then v + 2 * h when 'near' then v when 'under' then v
                   when 'approx' then v + 2 * h else v + h end as value_hi
from variants
