-- Every place a full text names a province: the running text (province_mentions) and the printed ranking
-- lists (fct_province_rankings, full text only), each with its section, line and sentence, so that
-- "what does the report say about 四川" is one query on province_code or a name.
with sections as (select * from {{ ref('stg_reports__sections') }}),

text_mentions as (
    select
        mention_id,
        'text' as mention_kind,
        edition_year,
        province_code,
        province_as_written,
        section,
        line,
        char_start,
        char_end,
        sentence,
        cast(null as varchar) as ranking_id,
        source_file,
        sha256
    from {{ ref('stg_reports__province_mentions') }}
),

list_mentions as (
    select
        'M' || r.edition_year || '-' || substr(r.sha256, 1, 8) || '-' || lpad(cast(r.char_start as varchar), 7, '0') as mention_id,
        'ranking_list' as mention_kind,
        r.edition_year,
        r.province_code,
        r.province_as_written,
        (
            select s.section_path
            from sections as s
            where s.edition_year = r.edition_year and s.source_file = r.source_file
              and r.line between s.line_start and s.line_end
            order by s.level desc
            limit 1
        ) as section,
        r.line,
        r.char_start,
        r.char_end,
        r.quote as sentence,
        r.ranking_id,
        r.source_file,
        r.sha256
    from {{ ref('int_province_rankings') }} as r
    where r.source_kind = 'full_text'
),

mentions as (
    select * from text_mentions
    union all
    select * from list_mentions
)

select
    m.mention_id,
    m.mention_kind,
    m.edition_year,
    m.province_code,
    p.name_zh as province_name_zh,
    p.short_name_zh as province_short_name_zh,
    p.name_en as province_name_en,
    m.province_as_written,
    m.section,
    m.line,
    m.char_start,
    m.char_end,
    m.sentence,
    m.ranking_id,
    m.source_file,
    m.sha256
from mentions as m
left join {{ ref('dim_province') }} as p on m.province_code = p.province_code
