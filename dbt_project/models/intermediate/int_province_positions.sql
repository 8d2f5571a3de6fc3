-- One row per province x edition x dimension where the edition ranks the province in that dimension on
-- the national scale: its position in a published top-N list, else the rank a local news article
-- reports for it alone (single_province_rank). A rank among the overall top ten only
-- (rank_among_overall_top10) is not a national rank and is left out.
with ranks as (
    select
        edition_year,
        dimension_key,
        province_code,
        list_kind,
        position,
        announced_length,
        counted_length,
        row_number() over (
            partition by edition_year, dimension_key, province_code
            order by case list_kind when 'top_n_list' then 1 else 2 end
        ) as preference
    from {{ ref('int_province_rankings') }}
    where dimension_key is not null
      and list_kind in ('top_n_list', 'single_province_rank')
)

select
    edition_year,
    dimension_key,
    province_code,
    position,
    list_kind as position_source
from ranks
where preference = 1
