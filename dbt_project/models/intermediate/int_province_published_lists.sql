-- One row per published top-N list (edition x dimension): its length as announced and as counted.
select
    list_id,
    edition_year,
    dimension_key,
    max(dimension_zh) as dimension_zh,
    max(source_kind) as source_kind,
    max(announced_length) as announced_length,
    count(distinct province_code) as counted_length,
    coalesce(max(announced_length), count(distinct province_code)) as top_n
from {{ ref('int_province_rankings') }}
where list_kind = 'top_n_list'
group by list_id, edition_year, dimension_key
