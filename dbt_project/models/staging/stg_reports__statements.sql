-- Every quantitative statement found in a full text, with a stable id: edition, file and order.
select
    'S' || edition_year || '-' || substr(sha256, 1, 8) || '-' || lpad(cast(statement_no as varchar), 4, '0') as statement_id,
    statement_no,
    edition_year,
    source_file,
    sha256,
    line,
    char_start,
    char_end,
    section,
    subject,
    value,
    unit,
    qualifier,
    kind,
    ref_year,
    indicator_key,
    quote,
    figure_text,
    coalesce(reach, false) as reach,
    unit_fits,
    unit_note
from {{ source('reports', 'statements') }}
