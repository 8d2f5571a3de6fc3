-- Question: Where does an edition state different values for the same indicator and year (beyond
-- rounding) — figures to read with care before quoting?
-- Marts: fct_indicator_vintages (statements_disagree), fct_indicator_observations (the statements).
select
    v.edition_year,
    v.indicator_key,
    i.name_zh,
    v.ref_year,
    v.n_statements,
    v.min_stated_value,
    v.max_stated_value,
    string_agg(coalesce(o.quote, o.value_text), ' | ' order by o.line) as statements
from marts.fct_indicator_vintages as v
join marts.dim_indicator as i using (indicator_key)
join marts.fct_indicator_observations as o
  on o.indicator_key = v.indicator_key and o.ref_year = v.ref_year and o.edition_year = v.edition_year
where v.statements_disagree
group by all
order by v.edition_year, v.indicator_key, v.ref_year;
