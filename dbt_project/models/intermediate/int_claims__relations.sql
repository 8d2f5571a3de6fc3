-- The claims a paragraph makes with its own figures (stg_reports__claim_relations), in the shape the judge
-- reads (int_claims__to_judge): one row per relation × variant × input. The claim is a statement of the
-- paragraph (its value, precision, qualifier), or, for a claim in words (an ordering, shares of one whole),
-- the bound the relation states. Inputs are the paragraph's statements (corrected or as stated), or figures
-- read from the text; a missing input keeps its row, with no value, so that the judge can name it.
with relations as (select * from {{ ref('stg_reports__claim_relations') }}),

inputs as (select * from {{ ref('int_claims__inputs') }} where source_kind = 'full_text'),

variants as (select * from (values ('corrected'), ('as_stated')) as x(variant)),

heads as (
    select distinct relation_id, rule, formula, claim_statement_id, stated, stated_qualifier, direction,
           edition_year, source_file, line, quote
    from relations
)

select
    h.relation_id || ':relation' as judge_id,
    coalesce(h.claim_statement_id, h.relation_id) as claim_id,
    v.variant,
    h.formula,
    h.rule,
    coalesce(c.measure_zh || ' ' || c.ref_year, h.rule) as claim_label,
    -- a bound the relation states wins over its statement's own figure (parts of a non-exhaustive 其中 list
    -- are at most the total)
    coalesce(h.stated, c.value) as stated,
    coalesce(c.half_unit, 0.0) as stated_half_unit,
    coalesce(h.stated_qualifier, c.qualifier, 'exact') as qualifier,
    coalesce(c.reach, false) as reach,
    -- a claim in words takes its inputs' unit; the difference of two percentages is in points
    case when c.unit is null and h.formula = 'difference' and i.unit = 'percent' then 'percentage_points'
         else coalesce(c.unit, i.unit, 'percent') end as unit,
    case when c.correction_id is null or v.variant = 'as_stated' then c.printed end as claim_printed,
    cast(null as integer) as years,
    cast(null as double) as scale,
    h.direction,
    r.input_no,
    case when r.missing then 'missing_' || r.input_no else r.role end as role,
    -- a keyed statement reads as its indicator's name (the extractor's subject can run long)
    case when i.indicator_key is not null then i.measure_zh || ' ' || i.ref_year else r.input_label end
        as input_label,
    case when r.missing then null else coalesce(i.value, r.input_value) end as input_value,
    coalesce(i.half_unit, {{ printed_half_unit('r.input_value', 'r.input_printed') }}, 0.5) as input_half_unit,
    coalesce(i.qualifier, 'exact') as input_qualifier,
    coalesce(i.unit, c.unit) as input_unit,
    case when r.missing then null else 'same_edition' end as input_origin,
    cast(null as varchar) as input_source,
    case when i.correction_id is null or v.variant = 'as_stated' then coalesce(i.printed, r.input_printed) end
        as input_printed,
    coalesce(i.observation_id, case when not r.missing then h.relation_id || '#' || r.input_no end) as input_id,
    case when not r.missing then h.edition_year end as input_edition,
    case when not r.missing then 'full_text' end as input_source_kind,
    case when not r.missing then h.source_file end as input_file,
    coalesce(i.line, case when not r.missing then h.line end) as input_line,
    coalesce(i.quote, r.input_printed) as input_quote,
    i.correction_id as input_correction,
    i.indicator_key as input_key,
    i.ref_year as input_year
from heads as h
cross join variants as v
join relations as r on r.relation_id = h.relation_id
left join inputs as c on c.variant = v.variant and c.observation_id = h.claim_statement_id
left join inputs as i on i.variant = v.variant and i.observation_id = r.input_statement_id
