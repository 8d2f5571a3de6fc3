-- Province x dimension_key x edition, for every edition that ranks the dimension (a published top-N list:
-- all 31 provinces; a province's own rank from local news: that province), with the change in position
-- since the previous edition that ranks the same dimension_key. The seed's keys encode comparability
-- (info_* for the 信息化发展 evaluations of 2017-2020, digital_* for 数字化发展 of 2021-2022), so a change
-- is only computed within one key; where it cannot be, change_status and change_reason say why.
with dimensions as (select * from {{ ref('dim_evaluation_dimension') }}),
lists as (select * from {{ ref('int_province_published_lists') }} where dimension_key is not null),
positions as (select * from {{ ref('int_province_positions') }}),

frame as (
    -- every province for a published list; the province alone for a reported single rank
    select p.province_code, l.edition_year, l.dimension_key
    from {{ ref('dim_province') }} as p
    cross join lists as l
    union
    select province_code, edition_year, dimension_key
    from positions
),

ranked as (
    select
        f.province_code,
        f.dimension_key,
        f.edition_year,
        pos.position,
        pos.position_source,
        l.top_n as published_top_n,
        l.source_kind as list_source_kind
    from frame as f
    left join positions as pos
        on f.province_code = pos.province_code and f.edition_year = pos.edition_year
        and f.dimension_key = pos.dimension_key
    left join lists as l on f.edition_year = l.edition_year and f.dimension_key = l.dimension_key
),

other_keys as (
    -- for a first edition of a key: the other keys of the same level that earlier editions rank
    select
        cur.edition_year,
        cur.dimension_key,
        string_agg(distinct prev.dimension_key, ', ' order by prev.dimension_key) as other_keys
    from lists as cur
    inner join dimensions as dc on cur.edition_year = dc.edition_year and cur.dimension_key = dc.dimension_key
    inner join lists as prev on prev.edition_year < cur.edition_year and prev.dimension_key <> cur.dimension_key
    inner join dimensions as dp on prev.edition_year = dp.edition_year and prev.dimension_key = dp.dimension_key
    where dc.level = dp.level and dc.level = 'overall'
    group by cur.edition_year, cur.dimension_key
),

with_previous as (
    select
        *,
        lag(edition_year) over w as previous_edition_year,
        lag(position) over w as previous_position,
        lag(published_top_n) over w as previous_published_top_n
    from ranked
    window w as (partition by province_code, dimension_key order by edition_year)
)

select
    h.province_code || '-' || h.dimension_key || '-' || h.edition_year as history_id,
    h.province_code,
    p.name_zh as province_name_zh,
    p.short_name_zh as province_short_name_zh,
    p.name_en as province_name_en,
    h.dimension_key,
    d.name_zh as dimension_name_zh,
    d.name_en as dimension_name_en,
    d.level as dimension_level,
    h.edition_year,
    h.position,
    h.position_source,
    h.published_top_n,
    case
        when h.position is not null and h.position_source = 'top_n_list' then 'listed'
        when h.position is not null then 'reported_rank'
        else 'not_in_published_top_n'
    end as status_code,
    h.previous_edition_year,
    h.previous_position,
    h.previous_position - h.position as position_change,
    case
        when h.previous_edition_year is null then 'no_earlier_edition'
        when h.position is not null and h.previous_position is not null then 'compared'
        when h.position is null and h.previous_position is null then 'not_ranked_either'
        when h.position is null then 'not_ranked_this_edition'
        else 'not_ranked_previous_edition'
    end as change_status,
    case
        when h.previous_edition_year is null
            then 'no earlier edition publishes a rank of this province in ' || h.dimension_key
                 || coalesce(' (earlier editions rank ' || o.other_keys || ': another evaluation, not comparable)', '')
        when h.position is not null and h.previous_position is not null
            then 'compared with ' || h.previous_edition_year || ' (same dimension_key)'
        when h.position is null and h.previous_position is null
            then 'not in the published top ' || coalesce(cast(h.published_top_n as varchar), '?') || ' of ' || h.edition_year
                 || ' nor in the published top ' || coalesce(cast(h.previous_published_top_n as varchar), '?') || ' of ' || h.previous_edition_year
        when h.position is null
            then 'not in the published top ' || coalesce(cast(h.published_top_n as varchar), '?') || ' of ' || h.edition_year
        else 'not in the published top ' || coalesce(cast(h.previous_published_top_n as varchar), '?') || ' of ' || h.previous_edition_year
    end as change_reason
from with_previous as h
left join other_keys as o on h.edition_year = o.edition_year and h.dimension_key = o.dimension_key
left join {{ ref('dim_province') }} as p on h.province_code = p.province_code
left join dimensions as d on h.edition_year = d.edition_year and h.dimension_key = d.dimension_key
