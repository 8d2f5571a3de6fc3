-- Every published provincial ranking: edition x dimension x province x list kind, in printed order, with
-- the list's length as announced and as counted, and its provenance (file, checksum, line, offsets and
-- sentence for a full text; citation for a curated sheet).
with rankings as (select * from {{ ref('int_province_rankings') }}),
provinces as (select * from {{ ref('dim_province') }}),
dimensions as (select * from {{ ref('dim_evaluation_dimension') }})

select
    r.ranking_id,
    r.list_id,
    r.edition_year,
    r.dimension_key,
    r.dimension_zh,
    d.name_zh as dimension_name_zh,
    d.name_en as dimension_name_en,
    d.level as dimension_level,
    r.list_kind,
    r.position,
    r.province_code,
    r.province_as_written,
    p.name_zh as province_name_zh,
    p.short_name_zh as province_short_name_zh,
    p.name_en as province_name_en,
    r.announced_length,
    r.counted_length,
    r.source_kind,
    r.also_published_by_other_source,
    r.source_file,
    r.sha256,
    r.line,
    r.char_start,
    r.char_end,
    r.quote,
    r.citation,
    r.repeated_at_lines,
    case
        when r.source_kind = 'full_text'
            then r.source_file || ' line ' || r.line || ': ' || coalesce(r.quote, '')
        else r.source_file || coalesce(' line ' || r.line, '') || ': ' || coalesce(r.citation, '')
    end as provenance
from rankings as r
left join provinces as p on r.province_code = p.province_code
left join dimensions as d on r.edition_year = d.edition_year and r.dimension_key = d.dimension_key
