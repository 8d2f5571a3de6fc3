-- Every quantitative statement of every full text, with its provenance: the warehouse's base fact.
select
    s.statement_id,
    s.edition_year,
    s.ref_year,
    s.indicator_key,
    s.subject,
    s.value,
    s.unit,
    s.qualifier,
    s.kind,
    s.section,
    s.source_file,
    s.sha256,
    s.line,
    s.char_start,
    s.char_end,
    s.quote
from {{ ref('stg_reports__statements') }} as s
