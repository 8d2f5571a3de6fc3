-- The heading tree of each full text.
select edition_year, source_file, sha256, section_path, title, level, line_start, line_end
from {{ source('reports', 'sections') }}
