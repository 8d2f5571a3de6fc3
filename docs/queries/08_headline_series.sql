-- Question: What are the headline series — 5G base stations, internet users, internet penetration and the
-- digital economy — year by year: the value to use, where it comes from, and how many editions state it?
-- Mart: mart_indicator_series (best_value = the latest edition's vintage; vintage_values lists them all).
select
    indicator_key,
    indicator_name_en,
    indicator_name_zh,
    ref_year,
    best_value,
    best_unit,
    best_edition_year,
    best_source_kind,
    n_editions,
    vintage_values,
    spread
from marts.mart_indicator_series
where indicator_key in ('fiveg_base_stations', 'internet_users', 'internet_penetration_rate',
                        'digital_economy_size', 'digital_economy_gdp_share')
order by indicator_key, ref_year;
