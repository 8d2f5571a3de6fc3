-- Question: Which figures does the warehouse correct, from what to what, and why?
-- Mart: fct_indicator_observations (value = after sources/corrections.yml, value_as_stated = as the
-- source states it; correction_id and correction_reason say which correction and why).
select
    correction_id,
    edition_year,
    indicator_key,
    indicator_name_en,
    ref_year,
    value_as_stated,
    value,
    unit,
    value_text,
    correction_reason
from marts.fct_indicator_observations
where correction_id is not null
order by correction_id;
