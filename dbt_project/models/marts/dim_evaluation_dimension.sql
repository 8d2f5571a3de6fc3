-- The evaluated dimensions of each edition (evaluation_dimensions seed), beside what the report's own
-- evaluation table (表1 of the 2021 edition) says of them: level-1 position, level-2 indicators, and
-- whether the dimension counts in the score. A dimension belongs to an edition.
with seed as (
    select
        cast(edition_year as integer) as edition_year,
        dimension_key,
        name_zh,
        name_en,
        level,
        nullif(in_score, 'unknown') as seed_in_score,
        nullif(other_names_zh, '') as other_names_zh,
        nullif(note, '') as seed_note
    from {{ ref('evaluation_dimensions') }}
),

table1 as (
    select
        edition_year,
        dimension_key,
        min(table_number) as table_number,
        min(table_title) as table_title,
        min(level1_position) as level1_position,
        min(level1_zh) as level1_zh,
        min(level1_as_written) as level1_as_written,
        count(*) as level2_count,
        string_agg(level2_zh, '；' order by level2_position) as level2_indicators_zh,
        bool_and(in_score) as in_score,
        max(score_note) as score_note,
        min(source_file) as source_file,
        min(line) as line
    from {{ ref('stg_reports__evaluation_system') }}
    where dimension_key is not null
    group by edition_year, dimension_key
),

lists as (
    select edition_year, dimension_key, max(top_n) as published_top_n
    from {{ ref('int_province_published_lists') }}
    where dimension_key is not null
    group by edition_year, dimension_key
)

select
    s.edition_year || '-' || s.dimension_key as dimension_id,
    s.edition_year,
    s.dimension_key,
    s.name_zh,
    s.name_en,
    coalesce(t.level1_zh, s.name_zh) as short_name_zh,
    s.other_names_zh,
    s.level,
    case s.level when 'overall' then '综合评价' else '评价维度' end as level_zh,
    case
        when t.dimension_key is not null then t.in_score
        when s.seed_in_score is not null then s.seed_in_score = 'true'
    end as in_score,
    case
        when t.dimension_key is not null then 'report_table'
        when s.seed_in_score is not null then 'seed'
        else 'unknown'
    end as in_score_source,
    s.seed_in_score = 'true' as seed_in_score,
    t.dimension_key is not null as in_evaluation_table,
    t.table_number,
    t.table_title,
    t.level1_position as table_level1_position,
    t.level1_as_written as table_level1_as_written,
    t.level2_count as table_level2_count,
    t.level2_indicators_zh as table_level2_indicators_zh,
    t.score_note,
    t.source_file as table_source_file,
    t.line as table_line,
    l.published_top_n is not null as has_published_list,
    l.published_top_n,
    s.seed_note as note
from seed as s
left join table1 as t on s.edition_year = t.edition_year and s.dimension_key = t.dimension_key
left join lists as l on s.edition_year = l.edition_year and s.dimension_key = l.dimension_key
