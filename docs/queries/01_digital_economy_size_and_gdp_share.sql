-- Question: How big is China's digital economy, and what share of GDP is it, year by year — as every
-- edition of the report states it (each edition's vintage side by side)?
-- Marts: fct_indicator_vintages (one row per indicator × reference year × edition), dim_edition.
-- Size in 万亿元 (trillion yuan) for reading; the share is in percent.
with vintages as (
    select ref_year, edition_year, indicator_key, value, qualifier, source_kind
    from marts.fct_indicator_vintages
    where indicator_key in ('digital_economy_size', 'digital_economy_gdp_share')
)
select
    v.ref_year,
    v.edition_year,
    e.title as edition_title,
    max(v.value) filter (where v.indicator_key = 'digital_economy_size') / 1e12 as size_trillion_yuan,
    max(v.value) filter (where v.indicator_key = 'digital_economy_gdp_share') as gdp_share_percent,
    string_agg(distinct v.source_kind, ',') as source_kind
from vintages as v
join marts.dim_edition as e using (edition_year)
group by v.ref_year, v.edition_year, e.title
order by v.ref_year, v.edition_year;
