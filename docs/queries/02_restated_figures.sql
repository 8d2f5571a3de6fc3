-- Question: Which figures did a later edition restate for a year an earlier edition had already
-- reported, and by how much did the value change?
-- Mart: fct_indicator_vintages (previous_edition_year / previous_value / change_abs / change_rel compare
-- each edition's value with the previous edition's value for the same indicator and year).
select
    v.indicator_key,
    i.name_en,
    i.name_zh,
    v.ref_year,
    v.previous_edition_year,
    v.previous_value,
    v.edition_year as restating_edition,
    v.value,
    v.change_abs,
    round(100 * v.change_rel, 2) as change_percent,
    case when v.change_abs = 0 then 'unchanged' else 'revised' end as outcome
from marts.fct_indicator_vintages as v
join marts.dim_indicator as i using (indicator_key)
where v.previous_edition_year is not null
order by abs(v.change_rel) desc nulls last, v.indicator_key, v.ref_year;
