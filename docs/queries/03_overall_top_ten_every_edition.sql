-- Question: Which provinces are in the overall top ten of every edition that publishes an overall list?
-- Mart: mart_province_scorecard (province × edition for every edition with a published overall list;
-- overall_status_code = 'listed' when the province is in it — a rank is never invented).
with editions as (
    select distinct edition_year from marts.mart_province_scorecard
)
select
    province_code,
    province_short_name_zh,
    province_name_en,
    string_agg(edition_year || ': ' || overall_position, '; ' order by edition_year) as positions,
    avg(overall_position) as mean_position
from marts.mart_province_scorecard
where overall_status_code = 'listed'
group by province_code, province_short_name_zh, province_name_en
having count(distinct edition_year) = (select count(*) from editions)
order by mean_position, province_code;
