-- Every place a full text names one of the 31 provinces outside the ranking lists, with a stable id.
select
    'M' || edition_year || '-' || substr(sha256, 1, 8) || '-' || lpad(cast(char_start as varchar), 7, '0') as mention_id,
    edition_year,
    cast(province_code as varchar) as province_code,
    province_as_written,
    section,
    line,
    char_start,
    char_end,
    sentence,
    source_file,
    sha256
from {{ source('reports', 'province_mentions') }}
