-- Question: Which indicator series have a gap — a year missing between the first and the last year the
-- warehouse has a value for — and which years are missing?
-- Marts: mart_indicator_series (one row per indicator × reference year), dim_indicator.
with years as (
    select indicator_key, list(ref_year order by ref_year) as years, min(ref_year) as first_year,
           max(ref_year) as last_year, count(*) as n_years
    from marts.mart_indicator_series
    group by indicator_key
),
gaps as (
    select y.indicator_key, y.first_year, y.last_year, y.n_years,
           list(g.year order by g.year) as missing_years
    from years as y, unnest(range(y.first_year, y.last_year + 1)) as g(year)
    where not list_contains(y.years, g.year)
    group by all
)
select g.indicator_key, i.name_en, i.name_zh, i.topic, g.first_year, g.last_year, g.n_years,
       array_to_string(g.missing_years, ',') as missing_years
from gaps as g
join marts.dim_indicator as i using (indicator_key)
order by len(g.missing_years) desc, g.indicator_key;
