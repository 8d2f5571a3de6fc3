-- Every claim a report makes about its own numbers, judged (docs/how-claims-are-judged.md): a growth rate,
-- CAGR, share, multiple, increment or per-capita figure recomputed from the level indicators its rule names
-- (seeds/claim_rules.csv) or from the reference seed, and the claims a paragraph makes with its own figures
-- (a share's change from the growth of the part and the whole, an increase against the level, a share of a
-- count of items, parts against their total, shares of one whole, orderings and differences in words).
-- status: holds | marginal | fails | restated | external_mismatch | cannot_check, on corrected values;
-- status_as_stated on the values as the sources state them. One row per claim: a claim statement (full text
-- or curated fact), or a relation whose claim is in words. A statement judged both by a rule and by its
-- paragraph keeps the paragraph's verdict unless only the rule could check it.
{% set kinds = "('growth', 'cagr', 'share', 'multiple', 'increment')" %}
with inputs as (select * from {{ ref('int_claims__inputs') }} where variant = 'corrected'),

to_judge as (select * from {{ ref('int_claims__to_judge') }}),

judged as (select * from {{ ref('int_claims__judged') }}),

relations as (select * from {{ ref('stg_reports__claim_relations') }} where input_no = 1),

judgements as (
    select distinct judge_id, claim_id, rule, formula from to_judge
),

-- the verdict each claim keeps: a checked verdict before cannot_check, the paragraph's before the rule's
chosen as (
    select j.judge_id, j.claim_id, j.rule, j.formula, c.*  exclude (judge_id, variant),
           s.status as status_as_stated, s.best_estimate as best_as_stated
    from judgements as j
    join judged as c on c.judge_id = j.judge_id and c.variant = 'corrected'
    join judged as s on s.judge_id = j.judge_id and s.variant = 'as_stated'
    qualify row_number() over (partition by j.claim_id
                               order by c.status = 'cannot_check', j.judge_id like '%:rule', j.judge_id) = 1
),

claim_inputs as (
    select * from to_judge where variant = 'corrected' and judge_id in (select judge_id from chosen)
),

inputs_text as (
    select judge_id,
        string_agg(input_id || ' (' || coalesce(input_file, '') || coalesce(' line ' || input_line, '') || '): '
                   || coalesce(input_quote, input_label), ' | ' order by input_no)
            filter (where input_value is not null) as input_provenance,
        string_agg(input_label, ', ' order by input_no) filter (where input_value is null) as missing,
        string_agg(input_correction, ', ' order by input_no) as input_corrections
    from claim_inputs
    group by judge_id
),

slots as (
    select judge_id,
        max(input_key) filter (where input_no = 1) as input_a_key,
        max(input_year) filter (where input_no = 1) as input_a_year,
        max(input_id) filter (where input_no = 1) as input_a_id,
        max(input_edition) filter (where input_no = 1) as input_a_edition,
        max(input_value) filter (where input_no = 1) as input_a_value,
        max(input_quote) filter (where input_no = 1) as input_a_quote,
        max(input_key) filter (where input_no = 2) as input_b_key,
        max(input_year) filter (where input_no = 2) as input_b_year,
        max(input_id) filter (where input_no = 2) as input_b_id,
        max(input_edition) filter (where input_no = 2) as input_b_edition,
        max(input_value) filter (where input_no = 2) as input_b_value,
        max(input_quote) filter (where input_no = 2) as input_b_quote
    from claim_inputs
    group by judge_id
),

-- the claims: every statement or curated fact of a claim's kind or with a claim rule, every statement a
-- paragraph rule judges, and every relation whose claim is in words
statement_claims as (
    select i.observation_id as claim_id, i.edition_year, i.indicator_key, i.ref_year, i.kind, i.value,
           i.value_as_stated, i.qualifier, i.unit, i.correction_id, i.source_kind, i.source_file, i.line,
           coalesce(i.quote, i.value_text) as quote, i.citation, i.measure_zh,
           {{ provenance('i') }} as claim_provenance
    from inputs as i
    where i.source_kind <> 'reference'
      and (i.kind in {{ kinds }} or i.unit = 'per_10k_population'
           or i.indicator_key in (select claim_indicator_key from {{ ref('claim_rules') }})
           or i.observation_id in (select claim_id from judgements))
),

word_claims as (
    select r.relation_id as claim_id, r.edition_year, cast(null as varchar) as indicator_key,
           cast(null as integer) as ref_year, cast(null as varchar) as kind, r.stated as value,
           r.stated as value_as_stated, r.stated_qualifier as qualifier,
           (select min(t.unit) from to_judge as t where t.claim_id = r.relation_id) as unit,
           cast(null as varchar) as correction_id, 'full_text' as source_kind, r.source_file, r.line, r.quote,
           cast(null as varchar) as citation, r.rule as measure_zh,
           r.relation_id || ' (' || r.source_file || ' line ' || r.line || '): ' || r.quote as claim_provenance
    from relations as r
    where r.claim_statement_id is null
),

claims as (
    select * from statement_claims
    union all by name
    select * from word_claims
)

select
    c.claim_id,
    c.edition_year,
    c.indicator_key,
    c.ref_year,
    c.kind,
    coalesce(j.rule, 'none') as method,
    case when j.judge_id like '%:relation' then 'paragraph' when j.judge_id is not null then 'claim_rule' end
        as judged_by,
    c.measure_zh as subject,
    c.value as stated_value,
    c.value_as_stated as stated_value_as_stated,
    c.qualifier,
    j.bound_rule,
    c.unit,
    j.best_estimate as recomputed_value,
    j.recomputed_lo,
    j.recomputed_hi,
    j.best_as_stated as recomputed_value_as_stated,
    j.stated_lo,
    j.stated_hi,
    case when j.best_estimate is not null
         then (j.recomputed_hi - j.recomputed_lo) / 2 + coalesce(c.value - j.stated_lo, j.stated_hi - c.value, 0) end
        as tolerance,
    coalesce(j.status, 'cannot_check') as status,
    coalesce(j.status_as_stated, 'cannot_check') as status_as_stated,
    j.rescue,
    j.box_share,
    j.implied,
    case when j.judge_id is null
             then 'no rule applies: seeds/claim_rules.csv has none for '
                  || coalesce(c.indicator_key, 'a statement no indicator matched ("' || c.measure_zh || '")')
                  || ' and no paragraph rule found its inputs'
         when coalesce(j.status, 'cannot_check') = 'cannot_check'
             then coalesce('missing: ' || t.missing, 'the inputs cannot be combined')
    end as missing_input,
    s.input_a_key, s.input_a_year, s.input_a_id, s.input_a_edition, s.input_a_value, s.input_a_quote,
    s.input_b_key, s.input_b_year, s.input_b_id, s.input_b_edition, s.input_b_value, s.input_b_quote,
    nullif(concat_ws(', ', c.correction_id, t.input_corrections), '') as correction_ids,
    c.source_kind,
    c.source_file,
    c.line,
    c.quote,
    c.citation,
    concat_ws(' | ', c.claim_provenance, t.input_provenance) as provenance,
    case when j.judge_id is null
             then 'Cannot check: no rule applies (no claim rule for the indicator, no paragraph rule found its inputs).'
         else j.explanation
              || case when j.status_as_stated <> j.status
                      then ' As the sources state the figures (before sources/corrections.yml): ' || j.status_as_stated || '.'
                      else '' end
    end as explanation
from claims as c
left join chosen as j on j.claim_id = c.claim_id
left join inputs_text as t on t.judge_id = j.judge_id
left join slots as s on s.judge_id = j.judge_id
