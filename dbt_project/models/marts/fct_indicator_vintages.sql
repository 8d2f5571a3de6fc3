-- One row per indicator × reference year × edition: the value that edition gives for that year (its
-- "vintage"), and the change against the previous edition's vintage of the same year.
--
-- Repeated statements of one edition are collapsed to one value, chosen in this order: full text before
-- curated sheet, exact before qualified (超过, 近, 约, 不足), the value stated most often, the most precise
-- value, the first in the file. `statements_disagree` flags an edition whose exact statements differ
-- beyond rounding: two values agree when they are equal at the precision of the coarser one, i.e. when
-- they differ by at most half a unit of its last significant digit (a value is assumed to carry at least
-- two significant digits: 100 is read as 1.0e2, not as 1e2). Observations without a reference year
-- cannot form a vintage and are left out (they stay in fct_indicator_observations).
with observations as (
    select * from {{ ref('int_indicator_observations__corrected') }}
    where ref_year is not null
),

with_precision as (
    select
        *,
        -- decimal exponent of the value's last significant digit (1.42e8 -> 6, 92.4 -> -1), at most
        -- one below the leading digit
        case when value = 0 then -6 else least(
            list_max([k for k in range(-6, 16) if abs(value / pow(10, k) - round(value / pow(10, k))) < 1e-6]),
            cast(floor(log10(abs(value))) as integer) - 1
        ) end as precision_exponent,
        count(*) over (partition by indicator_key, ref_year, edition_year, value) as n_same_value
    from observations
),

ranked as (
    select
        *,
        row_number() over (
            partition by indicator_key, ref_year, edition_year
            order by
                case source_kind when 'full_text' then 0 else 1 end,
                case qualifier when 'exact' then 0 else 1 end,
                n_same_value desc,
                precision_exponent,
                line,
                observation_id
        ) as preference
    from with_precision
),

collapsed as (
    select
        indicator_key,
        ref_year,
        edition_year,
        count(*) as n_statements,
        count(*) filter (where source_kind = 'full_text') as n_full_text_statements,
        count(*) filter (where source_kind = 'curated') as n_curated_statements,
        count(distinct value) as n_distinct_values,
        min(value) as min_stated_value,
        max(value) as max_stated_value,
        string_agg(distinct source_kind, ',' order by source_kind) as source_kinds,
        bool_or(correction_id is not null) as has_correction,
        -- exact statements only: a qualified figure (超过 60%) is a bound, not a competing value
        max(value) filter (where qualifier = 'exact')
            - min(value) filter (where qualifier = 'exact') as exact_range,
        0.5 * pow(10, max(precision_exponent) filter (where qualifier = 'exact')) as rounding_tolerance
    from with_precision
    group by indicator_key, ref_year, edition_year
),

chosen as (
    select
        c.*,
        r.observation_id,
        r.value,
        r.value_as_stated,
        r.unit,
        r.qualifier,
        r.kind,
        r.source_kind
    from collapsed as c
    inner join ranked as r
        on r.indicator_key = c.indicator_key
        and r.ref_year = c.ref_year
        and r.edition_year = c.edition_year
        and r.preference = 1
),

with_previous as (
    select
        *,
        lag(edition_year) over series as previous_edition_year,
        lag(value) over series as previous_value,
        row_number() over series = 1 as is_first_vintage,
        row_number() over (partition by indicator_key, ref_year order by edition_year desc) = 1 as is_latest_vintage
    from chosen
    window series as (partition by indicator_key, ref_year order by edition_year)
)

select
    indicator_key || '|' || ref_year || '|' || edition_year as vintage_id,
    indicator_key,
    ref_year,
    edition_year,
    value,
    value_as_stated,
    unit,
    qualifier,
    kind,
    source_kind,
    observation_id,
    n_statements,
    n_full_text_statements,
    n_curated_statements,
    n_distinct_values,
    min_stated_value,
    max_stated_value,
    coalesce(exact_range > rounding_tolerance + 1e-9 * abs(max_stated_value), false) as statements_disagree,
    source_kinds,
    has_correction,
    previous_edition_year,
    previous_value,
    value - previous_value as change_abs,
    case when previous_value <> 0 then (value - previous_value) / abs(previous_value) end as change_rel,
    is_first_vintage,
    is_latest_vintage
from with_previous
