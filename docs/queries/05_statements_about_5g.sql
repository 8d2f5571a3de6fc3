-- Question: What does the warehouse hold about 5G — every statement of a full text and every curated
-- figure, with where it comes from?
-- Marts: fct_statements (every figure of a full text, matched or not) and fct_indicator_observations
-- (curated figures from press coverage, with their citation).
select
    edition_year, 'full_text' as source_kind, statement_id as id, ref_year, indicator_key, subject,
    value, unit, source_file || ' line ' || line as provenance, quote as text
from marts.fct_statements
where subject ilike '%5G%' or quote ilike '%5G%'
union all
select
    edition_year, source_kind, observation_id, ref_year, indicator_key, subject_as_written,
    value, unit, source_file || ' line ' || line, value_text || ' — ' || citation
from marts.fct_indicator_observations
where source_kind = 'curated' and (subject_as_written ilike '%5G%' or indicator_key like 'fiveg%')
order by edition_year, id;
