-- Province x edition, for every edition that publishes an overall list: the province's overall position,
-- or "not in the published top N" (a rank is never invented), the dimension lists it is in with its
-- positions, and the number of published lists it appears in.
with rankings as (select * from {{ ref('int_province_rankings') }}),
dimensions as (select * from {{ ref('dim_evaluation_dimension') }}),
lists as (
    select l.*, d.level, d.short_name_zh, d.table_level1_position
    from {{ ref('int_province_published_lists') }} as l
    inner join dimensions as d on l.edition_year = d.edition_year and l.dimension_key = d.dimension_key
),

overall_lists as (
    select edition_year, dimension_key, dimension_zh, list_id, top_n, announced_length, source_kind
    from lists
    where level = 'overall'
),

grid as (
    select p.province_code, p.name_zh, p.short_name_zh, p.name_en, o.*
    from {{ ref('dim_province') }} as p
    cross join overall_lists as o
),

overall_listed as (
    select list_id, province_code, position
    from rankings
    where list_kind = 'top_n_list'
),

overall_reported as (
    -- a province's own overall rank from local news (may lie outside the published top N)
    select edition_year, dimension_key, province_code, min(position) as position
    from rankings
    where list_kind = 'single_province_rank'
    group by edition_year, dimension_key, province_code
),

dimension_listings as (
    select
        r.edition_year,
        r.province_code,
        count(*) as dimension_lists_count,
        string_agg(l.short_name_zh || ' ' || r.position, '; '
                   order by coalesce(l.table_level1_position, 99), l.dimension_key) as dimension_positions
    from rankings as r
    inner join lists as l on r.list_id = l.list_id
    where r.list_kind = 'top_n_list' and l.level = 'dimension'
    group by r.edition_year, r.province_code
),

dimension_lists_published as (
    select edition_year, count(*) as dimension_lists_published
    from lists
    where level = 'dimension'
    group by edition_year
),

other_reported as (
    -- ranks from local news outside the published lists: single ranks in dimensions, ranks among the top ten
    select
        r.edition_year,
        r.province_code,
        string_agg(coalesce(d.short_name_zh, r.dimension_zh) || ' ' || r.position
                   || case when r.list_kind = 'rank_among_overall_top10' then ' (among the overall top 10)' else '' end,
                   '; ' order by coalesce(d.table_level1_position, 99), r.dimension_ident) as other_reported_ranks
    from rankings as r
    left join dimensions as d on r.edition_year = d.edition_year and r.dimension_key = d.dimension_key
    where r.list_kind <> 'top_n_list' and coalesce(d.level, 'dimension') = 'dimension'
    group by r.edition_year, r.province_code
)

select
    g.province_code || '-' || g.edition_year as scorecard_id,
    g.province_code,
    g.name_zh as province_name_zh,
    g.short_name_zh as province_short_name_zh,
    g.name_en as province_name_en,
    g.edition_year,
    g.dimension_key as overall_dimension_key,
    g.dimension_zh as overall_dimension_zh,
    g.top_n as overall_list_length,
    g.source_kind as overall_list_source_kind,
    ol.position as overall_position,
    case
        when ol.position is not null then 'listed'
        when rep.position is not null then 'reported_outside_list'
        else 'not_in_published_top_n'
    end as overall_status_code,
    case
        when ol.position is not null then 'position ' || ol.position || ' in the published top ' || g.top_n
        when rep.position is not null then 'not in the published top ' || g.top_n || '; local news reports rank ' || rep.position
        else 'not in the published top ' || g.top_n
    end as overall_status,
    rep.position as overall_reported_rank,
    coalesce(dl.dimension_lists_count, 0) as dimension_lists_count,
    dl.dimension_positions,
    coalesce(dp.dimension_lists_published, 0) as dimension_lists_published,
    coalesce(dl.dimension_lists_count, 0) + case when ol.position is not null then 1 else 0 end as lists_appeared_in,
    coalesce(dp.dimension_lists_published, 0) + 1 as lists_published,
    oth.other_reported_ranks
from grid as g
left join overall_listed as ol on g.list_id = ol.list_id and g.province_code = ol.province_code
left join overall_reported as rep
    on g.edition_year = rep.edition_year and g.dimension_key = rep.dimension_key and g.province_code = rep.province_code
    and rep.position > g.top_n
left join dimension_listings as dl on g.edition_year = dl.edition_year and g.province_code = dl.province_code
left join dimension_lists_published as dp on g.edition_year = dp.edition_year
left join other_reported as oth on g.edition_year = oth.edition_year and g.province_code = oth.province_code
