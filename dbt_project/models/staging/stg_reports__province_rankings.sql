-- Every published provincial ranking row (full text or curated), one row per province per list, as ingested.
select
    edition_year,
    trim(dimension_zh) as dimension_zh,
    dimension_key,
    list_kind,
    position,
    province_as_written,
    cast(province_code as varchar) as province_code,
    announced_length,
    counted_length,
    source_kind,
    source_file,
    sha256,
    line,
    char_start,
    char_end,
    quote,
    citation,
    repeated_at_lines
from {{ source('reports', 'province_rankings') }}
