-- Question: In the 2021 edition's evaluation (an overall result and seven dimensions, each a top ten),
-- which provinces appear in the most lists, and where?
-- Mart: mart_province_scorecard (lists_appeared_in counts the overall list and the dimension lists).
select
    province_short_name_zh,
    province_name_en,
    overall_status,
    lists_appeared_in,
    lists_published,
    dimension_positions
from marts.mart_province_scorecard
where edition_year = 2021 and lists_appeared_in > 0
order by lists_appeared_in desc, overall_position nulls last, province_code;
