-- The figures each judged claim of fct_claims was recomputed from: one row per claim and input, with the
-- input's value, the interval its printed precision and qualifier allow, where it comes from (the claim's
-- own edition, another edition, outside statistics) and its provenance. A missing input is a row without
-- a value, naming what is missing.
with kept as (
    -- the judgement fct_claims kept for each claim
    select t.*
    from {{ ref('int_claims__to_judge') }} as t
    join {{ ref('fct_claims') }} as f
      on f.claim_id = t.claim_id and f.method = t.rule and (f.judged_by = 'paragraph') = (t.judge_id like '%:relation')
    where t.variant = 'corrected'
)

select
    k.claim_id,
    k.input_no,
    k.role,
    k.input_label as label,
    k.input_value as value,
    k.input_printed as printed,
    {{ input_low('k.input_value', 'k.input_half_unit', 'k.input_qualifier') }} as value_lo,
    {{ input_high('k.input_value', 'k.input_half_unit', 'k.input_qualifier') }} as value_hi,
    k.input_qualifier as qualifier,
    k.input_unit as unit,
    k.input_origin as origin,
    k.input_source as origin_note,
    k.input_id as observation_id,
    k.input_key as indicator_key,
    k.input_year as ref_year,
    k.input_edition as edition_year,
    k.input_source_kind as source_kind,
    k.input_file as source_file,
    k.input_line as line,
    k.input_quote as quote,
    k.input_correction as correction_id
from kept as k
