-- The observations after the corrections of sources/corrections.yml. A correction applies to the
-- observations of its edition with the same indicator and reference year whose value is the value as
-- stated: `value` becomes the corrected value (and `unit` the corrected unit, when given), while
-- `value_as_stated` keeps the figure exactly as the source states it, with the correction's id and reason.
-- Every indicator mart reads THIS model, so a correction flows into the marts.
with observations as (select * from {{ ref('int_indicator_observations__unioned') }}),

corrections as (select * from {{ ref('stg_reports__corrections') }})

select
    o.observation_id,
    o.edition_year,
    o.indicator_key,
    o.ref_year,
    coalesce(c.corrected_value, o.value) as value,
    o.value as value_as_stated,
    c.correction_id,
    c.reason as correction_reason,
    coalesce(c.corrected_unit, o.unit) as unit,
    o.unit_as_stated,
    o.qualifier,
    o.kind,
    o.source_kind,
    o.source_file,
    o.sha256,
    o.line,
    o.char_start,
    o.char_end,
    o.quote,
    o.value_text,
    o.citation,
    o.subject_as_written,
    o.section
from observations as o
left join corrections as c
    on c.edition_year = o.edition_year
   and c.indicator_key = o.indicator_key
   and c.ref_year = o.ref_year
   and abs(c.value_as_stated - o.value) <= 1e-9 * greatest(abs(o.value), 1)
