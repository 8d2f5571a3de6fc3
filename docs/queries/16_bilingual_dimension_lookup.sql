-- Question: Who is in the 2021 top ten for digital government? Asked in English — the dimension tables
-- carry English and Chinese names side by side, so the same query works with '数字政府建设水平'.
-- Marts: dim_evaluation_dimension, fct_province_rankings, dim_province.
select
    r.position,
    p.name_en as province,
    p.short_name_zh as province_zh,
    p.region,
    d.name_en as dimension,
    d.name_zh as dimension_zh
from marts.fct_province_rankings as r
join marts.dim_evaluation_dimension as d on d.edition_year = r.edition_year and d.dimension_key = r.dimension_key
join marts.dim_province as p on p.province_code = r.province_code
where r.edition_year = 2021 and r.list_kind = 'top_n_list'
  and (d.name_en ilike '%digital government%' or d.name_zh = '数字政府建设水平')
order by r.position;
