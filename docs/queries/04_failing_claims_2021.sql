-- Question: Which claims of the 2021 edition fail when recomputed from the report's own figures (or the
-- NBS reference data), and why?
-- Mart: fct_claims (every growth rate, share, multiple, increment, per-capita figure with its recomputed
-- value, tolerance and status; explanation says what was compared).
select
    claim_id,
    indicator_key,
    ref_year,
    kind,
    method,
    stated_value,
    round(recomputed_value, 4) as recomputed_value,
    explanation,
    line,
    quote
from marts.fct_claims
where edition_year = 2021 and status = 'fails'
order by line, claim_id;
