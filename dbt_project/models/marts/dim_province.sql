-- The 31 provinces (GB/T 2260), English and Chinese side by side. 新疆生产建设兵团, Hong Kong, Macao and
-- Taiwan are not among them (see dim_province_name_variant).
select
    cast(province_code as varchar) as province_code,
    name_zh,
    short_name_zh,
    name_en,
    province_type,
    type_zh,
    region,
    region_zh
from {{ ref('provinces') }}
