-- Question: Per edition, how many consistency checks hold, fail, are marginal, disagree with another
-- edition or with outside statistics, cannot be checked, or hold only after a correction — the numbers
-- behind the data-quality dashboard?
-- Mart: fct_consistency_findings (one row per check × subject × edition, status and explanation).
select
    edition_year,
    count(*) as checks,
    count(*) filter (where status = 'holds') as holds,
    count(*) filter (where status = 'marginal') as marginal,
    count(*) filter (where status = 'fails') as fails,
    count(*) filter (where status = 'restated') as restated,
    count(*) filter (where status = 'external_mismatch') as external_mismatch,
    count(*) filter (where status = 'corrected') as corrected,
    count(*) filter (where status = 'cannot_check') as cannot_check
from marts.fct_consistency_findings
group by edition_year
order by edition_year;
