-- Every claim a report makes about its own numbers (a growth rate, a compound annual growth rate, a share
-- of a whole, a multiple, an increment, a per-capita figure), recomputed from the statements it rests on
-- (seeds/claim_rules.csv says which level indicators each claim is computed from) or from the reference
-- seed (NBS GDP and population). status: holds | fails | cannot_check (explanation names what is missing).
-- The tolerance comes from the printed precision of the inputs and of the stated value (half a unit of
-- the last printed digit, propagated by interval arithmetic) and from the qualifier (超过30% holds when the
-- recomputed value can reach 30). status is judged on corrected values; status_as_stated on the values as
-- the sources state them (they differ where sources/corrections.yml fixes an input).
{% set kinds = "('growth', 'cagr', 'share', 'multiple', 'increment')" %}
with inputs as (select * from {{ ref('int_claims__inputs') }}),

rules as (select * from {{ ref('claim_rules') }}),

claims as (
    select *
    from inputs
    where variant = 'corrected' and source_kind <> 'reference'
      and (kind in {{ kinds }} or unit = 'per_10k_population'
           or indicator_key in (select claim_indicator_key from rules))
),

as_stated as (select * from inputs where variant = 'as_stated'),

recomputed as (select * from {{ ref('int_claims__recomputed') }}),

judged as (
    select
        r.*,
        c.value as s, c.half_unit as hs, c.qualifier as q,
        case c.qualifier when 'over' then c.value when 'near' then c.value - 0.1 * abs(c.value)
                         when 'approx' then c.value - 0.05 * abs(c.value) - c.half_unit
                         when 'under' then -1e300 else c.value - c.half_unit end as stated_lo,
        case c.qualifier when 'over' then 1e300 when 'near' then c.value + c.half_unit
                         when 'approx' then c.value + 0.05 * abs(c.value) + c.half_unit
                         when 'under' then c.value else c.value + c.half_unit end as stated_hi
    from recomputed as r
    join inputs as c on c.variant = r.variant and c.observation_id = r.claim_id
),

statused as (
    select *,
        case when recomputed is null then 'cannot_check'
             when recomputed_hi >= stated_lo and recomputed_lo <= stated_hi then 'holds'
             else 'fails' end as status,
        case when a_value is null and b_value is null
                 then 'missing inputs: ' || a_key || ' for ' || a_year || ' and ' || b_key || ' for ' || b_year
             when a_value is null then 'missing input: ' || a_key || ' for ' || a_year
             when b_value is null then 'missing input: ' || b_key || ' for ' || b_year
             when recomputed is null then 'inputs cannot be combined (zero or negative base)'
        end as missing_input
    from judged
),

cor as (select * from statused where variant = 'corrected'),
sta as (select * from statused where variant = 'as_stated'),

keyed as (
    select
        c.observation_id as claim_id,
        c.edition_year,
        c.indicator_key,
        c.ref_year,
        c.kind,
        r.method,
        c.value as stated_value,
        c.value_as_stated as stated_value_as_stated,
        c.qualifier,
        c.unit,
        r.recomputed as recomputed_value,
        r.recomputed_lo,
        r.recomputed_hi,
        s.recomputed as recomputed_value_as_stated,
        r.stated_lo,
        r.stated_hi,
        case when r.recomputed is not null
             then (r.recomputed_hi - r.recomputed_lo) / 2 + c.half_unit end as tolerance,
        coalesce(r.status, 'cannot_check') as status,
        coalesce(s.status, 'cannot_check') as status_as_stated,
        case when r.method is null
             then 'no rule in seeds/claim_rules.csv: the whole or base of ' || c.indicator_key
                  || ' is not stated in the warehouse'
             else r.missing_input end as missing_input,
        r.a_key as input_a_key, r.a_year as input_a_year, r.a_id as input_a_id, r.a_edition as input_a_edition,
        r.a_value as input_a_value, r.a_quote as input_a_quote,
        r.b_key as input_b_key, r.b_year as input_b_year, r.b_id as input_b_id, r.b_edition as input_b_edition,
        r.b_value as input_b_value, r.b_quote as input_b_quote,
        nullif(concat_ws(', ', c.correction_id, r.a_correction, r.b_correction), '') as correction_ids,
        c.source_kind,
        c.source_file,
        c.line,
        coalesce(c.quote, c.value_text) as quote,
        c.citation,
        concat_ws(' | ',
            {{ provenance('c') }},
            r.a_id || ' (' || r.a_file || coalesce(' line ' || r.a_line, '') || '): ' || r.a_quote,
            r.b_id || ' (' || r.b_file || coalesce(' line ' || r.b_line, '') || '): ' || r.b_quote
        ) as provenance
    from claims as c
    left join cor as r on r.claim_id = c.observation_id
    left join sta as s on s.claim_id = c.observation_id
),

-- statements of a claim's kind that no indicator matched: kept, with the reason they cannot be checked
unkeyed as (
    select
        statement_id as claim_id, edition_year, indicator_key, ref_year, kind, cast(null as varchar) as method,
        value as stated_value, value as stated_value_as_stated, qualifier, unit,
        cast(null as double) as recomputed_value, cast(null as double) as recomputed_lo,
        cast(null as double) as recomputed_hi, cast(null as double) as recomputed_value_as_stated,
        cast(null as double) as stated_lo, cast(null as double) as stated_hi, cast(null as double) as tolerance,
        'cannot_check' as status, 'cannot_check' as status_as_stated,
        'no indicator matched the statement''s subject "' || coalesce(subject, '') || '": no rule applies' as missing_input,
        null as input_a_key, null as input_a_year, null as input_a_id, null as input_a_edition,
        null as input_a_value, null as input_a_quote, null as input_b_key, null as input_b_year, null as input_b_id,
        null as input_b_edition, null as input_b_value, null as input_b_quote, null as correction_ids,
        'full_text' as source_kind, source_file, line, quote, null as citation,
        statement_id || ' (' || source_file || ' line ' || line || '): ' || quote as provenance
    from {{ ref('stg_reports__statements') }}
    where indicator_key is null and (kind in {{ kinds }} or unit = 'per_10k_population')
),

all_claims as (
    select * from keyed
    union all by name
    select * from unkeyed
)

select
    *,
    case status
        when 'cannot_check' then 'cannot check: ' || missing_input
        else 'stated ' || qualifier || ' ' || printf('%.4g', stated_value) || ', recomputed '
             || printf('%.4g', recomputed_value) || ' (' || method || ' of ' || input_a_key || ' ' || input_a_year
             || case when method in ('share', 'per_capita') then ' over ' || input_b_key || ' ' || input_b_year
                     else ' against ' || input_b_year end
             || '); recomputed range [' || printf('%.4g', recomputed_lo) || ', ' || printf('%.4g', recomputed_hi)
             || '] against stated range [' || printf('%.4g', greatest(stated_lo, -1e15)) || ', '
             || printf('%.4g', least(stated_hi, 1e15)) || ']: ' || status
             || case when status_as_stated <> status then ' (as stated: ' || status_as_stated || ')' else '' end
    end as explanation
from all_claims
