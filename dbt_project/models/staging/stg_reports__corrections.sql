-- The corrections of sources/corrections.yml, one row per entry and edition (checked at load time
-- against the edition's source: an entry whose value as stated no longer appears fails the edition).
select
    correction_id,
    edition_year,
    indicator_key,
    ref_year,
    value_as_stated,
    corrected_value,
    corrected_unit,
    reason,
    evidence,
    source_file,
    line
from {{ source('reports', 'corrections') }}
