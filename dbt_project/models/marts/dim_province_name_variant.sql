-- Every written form of a province name the reports use, and the non-province areas recognised on purpose
-- so that they are rejected by name (province_code null), never folded into one of the 31.
with variants as (
    select
        regexp_replace(variant, '\s', '', 'g') as variant,
        cast(province_code as varchar) as province_code,
        note
    from {{ ref('province_name_variants') }}
),

names as (
    select name_zh as variant, province_code, 'full name' as note from {{ ref('dim_province') }}
    union all
    select short_name_zh, province_code, 'short name' from {{ ref('dim_province') }}
),

all_province_forms as (
    select variant, province_code, note from variants
    union all
    select n.variant, n.province_code, n.note
    from names as n
    where not exists (select 1 from variants as v where v.variant = n.variant)
)

select
    f.variant,
    f.province_code,
    p.name_zh as province_name_zh,
    p.name_en as province_name_en,
    true as is_province,
    cast(null as varchar) as area_kind,
    f.note
from all_province_forms as f
inner join {{ ref('dim_province') }} as p on f.province_code = p.province_code
union all
select
    regexp_replace(name, '\s', '', 'g') as variant,
    cast(null as varchar) as province_code,
    cast(null as varchar) as province_name_zh,
    cast(null as varchar) as province_name_en,
    false as is_province,
    kind as area_kind,
    note
from {{ ref('non_province_areas') }}
