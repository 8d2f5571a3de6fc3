-- The claims a rule of seeds/claim_rules.csv recomputes from level indicators, with the inputs a and b
-- picked for each: one row per claim × variant × input, in the shape the judge reads (int_claims__to_judge).
-- An input comes from the claim's own edition when it states it, else from the reference seed, else from
-- the nearest other edition (the earlier one on a tie); the input's origin (same_edition, reference,
-- other_edition) decides whether a disagreement is the report's (fails), a restatement (restated) or
-- outside statistics' (external_mismatch). A publisher convention (seeds/publisher_conventions.csv) moves
-- the year of a reference input (CNNIC divides by the previous year-end population) and picks its vintage;
-- without one the reference figure is the one first published for the year.
with inputs as (select * from {{ ref('int_claims__inputs') }}),

rules as (select * from {{ ref('claim_rules') }}),

conventions as (select * from {{ ref('publisher_conventions') }}),

claims as (
    select i.*, r.method, r.base_year, r.scale, r.input_a_key, r.input_b_key, r.b_year
    from inputs as i
    join rules as r on r.claim_indicator_key = i.indicator_key
    where i.source_kind <> 'reference'
),

needs as (
    select c.variant, c.observation_id as claim_id, c.edition_year as claim_edition, c.ref_year as claim_year,
           c.indicator_key as claim_key, 1 as input_no, 'a' as slot, c.input_a_key as need_key,
           c.ref_year as base_need_year
    from claims as c
    union all
    select c.variant, c.observation_id, c.edition_year, c.ref_year, c.indicator_key, 2, 'b', c.input_b_key,
           case c.b_year when 'previous' then c.ref_year - 1 when 'same' then c.ref_year
                         when 'base' then c.base_year end
    from claims as c
),

needs_dated as (
    select n.*,
           n.base_need_year + coalesce(v.year_offset, 0) as need_year,
           coalesce(v.vintage_key, 'first_published') as need_vintage,
           v.publisher as convention_publisher
    from needs as n
    left join conventions as v
      on v.claim_indicator_key = n.claim_key and v.input_slot = n.slot
     and n.need_key = 'ref:' || v.measure_key
),

picked as (
    select n.variant, n.claim_id, n.input_no, i.* exclude (variant)
    from needs_dated as n
    join inputs as i
      on i.variant = n.variant and i.indicator_key = n.need_key and i.ref_year = n.need_year
     and (i.source_kind <> 'reference' or i.vintage_key = n.need_vintage)
    qualify row_number() over (
        partition by n.variant, n.claim_id, n.input_no
        order by case when i.edition_year is null or i.edition_year = n.claim_edition then 0
                      else 1 + 2 * abs(i.edition_year - n.claim_edition)
                           + case when i.edition_year > n.claim_edition then 1 else 0 end end,
                 case i.source_kind when 'full_text' then 0 else 1 end,
                 i.observation_id) = 1
)

select
    n.claim_id || ':rule' as judge_id,
    n.claim_id,
    n.variant,
    c.method as formula,
    c.method as rule,
    c.measure_zh || ' ' || c.ref_year as claim_label,
    c.value as stated,
    c.half_unit as stated_half_unit,
    c.qualifier,
    c.reach,
    c.unit,
    case when n.variant = 'as_stated' or c.correction_id is null then c.printed end as claim_printed,
    case when c.method = 'cagr' then c.ref_year - c.base_year end as years,
    c.scale,
    cast(null as double) as direction,
    n.input_no,
    n.slot as role,
    coalesce(p.measure_zh, k.name_zh, n.need_key) || ' ' || n.need_year as input_label,
    p.value as input_value,
    p.half_unit as input_half_unit,
    p.qualifier as input_qualifier,
    p.unit as input_unit,
    case when p.observation_id is null then null
         when p.source_kind = 'reference' then 'reference'
         when p.edition_year = n.claim_edition then 'same_edition'
         else 'other_edition' end as input_origin,
    case when p.source_kind = 'reference'
             then 'NBS, ' || p.vintage
                  || coalesce('; ' || n.convention_publisher || ' convention, seeds/publisher_conventions.csv', '')
         when p.edition_year <> n.claim_edition then 'the ' || p.edition_year || ' edition'
    end as input_source,
    case when n.variant = 'as_stated' or p.correction_id is null then p.printed end as input_printed,
    p.observation_id as input_id,
    p.edition_year as input_edition,
    p.source_kind as input_source_kind,
    p.source_file as input_file,
    p.line as input_line,
    coalesce(p.quote, p.value_text || ' — ' || p.citation) as input_quote,
    p.correction_id as input_correction,
    n.need_key as input_key,
    n.need_year as input_year
from needs_dated as n
join claims as c on c.variant = n.variant and c.observation_id = n.claim_id
left join picked as p on p.variant = n.variant and p.claim_id = n.claim_id and p.input_no = n.input_no
left join {{ ref('indicators') }} as k on k.indicator_key = n.need_key
