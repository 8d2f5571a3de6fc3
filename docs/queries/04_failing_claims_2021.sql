-- Question: Which claims of the 2021 edition does the warehouse flag when it recomputes them, and why: the
-- ones its own figures contradict (fails), the ones only the rounding of the inputs can rescue (marginal),
-- and the ones that disagree with another edition (restated) or with NBS statistics (external_mismatch)?
-- Mart: fct_claims (status, the best estimate, what a marginal claim needs, what a restated one implies,
-- and one sentence of explanation; docs/how-claims-are-judged.md gives the rules).
select
    claim_id,
    status,
    subject,
    method,
    stated_value,
    round(recomputed_value, 4) as recomputed_value,
    rescue,
    implied,
    explanation,
    line,
    quote
from marts.fct_claims
where edition_year = 2021 and status in ('fails', 'marginal', 'restated', 'external_mismatch')
order by case status when 'fails' then 0 when 'marginal' then 1 when 'restated' then 2 else 3 end, line, claim_id;
