-- An edition's evaluation indicator system (表1 of the 2021 edition), one row per level-2 indicator.
select
    edition_year,
    table_number,
    table_title,
    level1_position,
    level1_zh,
    level1_as_written,
    level2_position,
    level2_zh,
    key_elements_zh,
    in_score,
    score_note,
    dimension_key,
    source_file,
    sha256,
    line,
    char_start,
    char_end
from {{ source('reports', 'evaluation_system') }}
