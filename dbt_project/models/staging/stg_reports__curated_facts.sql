-- Every figure of a curated fact sheet (press coverage of an edition), kept exactly as stated, with a
-- stable id built like the statements' one: C<edition>-<sha256 prefix>-<line of the entry in the sheet>.
select
    'C' || edition_year || '-' || substr(sha256, 1, 8) || '-' || cast(source_line as varchar) as curated_fact_id,
    edition_year,
    ref_year,
    indicator_zh,
    indicator_key,
    value_text,
    value,
    unit,
    unit_as_stated,
    qualifier,
    kind,
    citation,
    source_file,
    sha256,
    source_line
from {{ source('reports', 'curated_facts') }}
