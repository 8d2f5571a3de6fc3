-- Question: How did each province's overall standing change between editions, where two editions publish
-- comparable overall lists (same evaluation system)?
-- Mart: mart_province_rank_history (province × dimension × edition; a change is computed only between
-- editions ranking the same dimension_key, so 2020's 信息化发展 and 2021's 数字化综合发展 are not compared).
select
    province_short_name_zh,
    province_name_en,
    dimension_key,
    dimension_name_zh,
    previous_edition_year,
    previous_position,
    edition_year,
    position,
    position_change,
    change_reason
from marts.mart_province_rank_history
where dimension_level = 'overall' and change_status = 'compared'
order by dimension_key, edition_year, position_change desc, position;
