-- One row per source file of an edition, as ingested.
select
    edition_year,
    source_file,
    sha256,
    source_kind,
    format,
    encoding,
    size_bytes,
    characters,
    line_count,
    title,
    publisher,
    published,
    statement_count
from {{ source('reports', 'documents') }}
