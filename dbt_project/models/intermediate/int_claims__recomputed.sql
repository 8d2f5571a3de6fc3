-- Each claim (a stated growth rate, CAGR, share, multiple, increment or per-capita figure) recomputed
-- from the inputs its rule names (seeds/claim_rules.csv), once on the corrected values and once on the
-- values as stated (column variant). Inputs come from the claim's own edition when it states them, else
-- from the reference seed, else from the nearest other edition (the earlier one on a tie).
-- Interval arithmetic: every formula rises with input a and falls with input b, so the recomputed
-- interval is [f(a_lo, b_hi), f(a_hi, b_lo)]; the claim holds when that interval meets the stated one.
with inputs as (select * from {{ ref('int_claims__inputs') }}),

rules as (select * from {{ ref('claim_rules') }}),

claims as (
    select i.*
    from inputs as i
    where i.source_kind <> 'reference'
      and (i.kind in ('growth', 'cagr', 'share', 'multiple', 'increment')
           or i.unit = 'per_10k_population'
           or i.indicator_key in (select claim_indicator_key from rules))
),

needs as (
    select c.variant, c.observation_id as claim_id, c.edition_year as claim_edition, c.ref_year as claim_year,
           r.method, r.base_year, r.scale, 'a' as slot, r.input_a_key as need_key, c.ref_year as need_year
    from claims as c join rules as r on r.claim_indicator_key = c.indicator_key
    union all
    select c.variant, c.observation_id, c.edition_year, c.ref_year,
           r.method, r.base_year, r.scale, 'b', r.input_b_key,
           case r.b_year when 'previous' then c.ref_year - 1 when 'same' then c.ref_year
                         when 'base' then r.base_year end
    from claims as c join rules as r on r.claim_indicator_key = c.indicator_key
),

picked as (
    select n.variant, n.claim_id, n.slot, n.need_key, n.need_year,
           i.observation_id, i.edition_year, i.value, i.value_lo, i.value_hi,
           coalesce(i.quote, i.value_text || ' — ' || i.citation) as quote, i.source_kind, i.line,
           i.source_file, i.correction_id,
           row_number() over (
               partition by n.variant, n.claim_id, n.slot
               order by case when i.edition_year is null or i.edition_year = n.claim_edition then 0
                             else 1 + 2 * abs(i.edition_year - n.claim_edition)
                                  + case when i.edition_year > n.claim_edition then 1 else 0 end end,
                        case i.source_kind when 'full_text' then 0 else 1 end,
                        i.observation_id) as pick
    from needs as n
    join inputs as i
      on i.variant = n.variant and i.indicator_key = n.need_key and i.ref_year = n.need_year
),

slots as (
    select n.variant, n.claim_id, n.method, n.base_year, n.scale, n.claim_year,
           max(case when n.slot = 'a' then n.need_key end) as a_key,
           max(case when n.slot = 'a' then n.need_year end) as a_year,
           max(case when n.slot = 'b' then n.need_key end) as b_key,
           max(case when n.slot = 'b' then n.need_year end) as b_year
    from needs as n
    group by all
),

joined as (
    select s.*,
           a.observation_id as a_id, a.edition_year as a_edition, a.value as a_value, a.value_lo as a_lo,
           a.value_hi as a_hi, a.quote as a_quote, a.source_kind as a_source_kind, a.line as a_line,
           a.source_file as a_file, a.correction_id as a_correction,
           b.observation_id as b_id, b.edition_year as b_edition, b.value as b_value, b.value_lo as b_lo,
           b.value_hi as b_hi, b.quote as b_quote, b.source_kind as b_source_kind, b.line as b_line,
           b.source_file as b_file, b.correction_id as b_correction
    from slots as s
    left join picked as a on a.variant = s.variant and a.claim_id = s.claim_id and a.slot = 'a' and a.pick = 1
    left join picked as b on b.variant = s.variant and b.claim_id = s.claim_id and b.slot = 'b' and b.pick = 1
),

computed as (
    select j.*,
        {% for suffix, a, b in [('', 'a_value', 'b_value'), ('_lo', 'a_lo', 'b_hi'), ('_hi', 'a_hi', 'b_lo')] %}
        case
            when j.a_value is null or j.b_value is null then null
            when j.method = 'increment' then {{ a }} - {{ b }}
            when {{ b }} <= 0 then null
            when j.method in ('growth', 'growth_since') then ({{ a }} / {{ b }} - 1) * 100
            when j.method = 'cagr' and j.claim_year > j.base_year
                then (power({{ a }} / {{ b }}, 1.0 / (j.claim_year - j.base_year)) - 1) * 100
            when j.method = 'multiple' then {{ a }} / {{ b }}
            when j.method = 'share' then {{ a }} / {{ b }} * 100
            when j.method = 'per_capita' then {{ a }} / {{ b }} * j.scale
        end as recomputed{{ suffix }}{{ "," if not loop.last }}
        {% endfor %}
    from joined as j
)

select * from computed
