-- Every statement mapped to an indicator, one row per edition × indicator × reference year × statement
-- (full-text statement or curated fact), with the value after corrections, the value as stated, and its
-- provenance: file, checksum, line and quote (full text) or the figure as written and its citation (curated).
with observations as (select * from {{ ref('int_indicator_observations__corrected') }}),

indicators as (select indicator_key, name_zh, name_en from {{ ref('indicators') }})

select
    o.observation_id,
    o.edition_year,
    o.indicator_key,
    i.name_zh as indicator_name_zh,
    i.name_en as indicator_name_en,
    o.ref_year,
    o.value,
    o.value_as_stated,
    o.correction_id,
    o.correction_reason,
    o.unit,
    o.unit_as_stated,
    o.qualifier,
    o.kind,
    o.source_kind,
    o.subject_as_written,
    o.section,
    o.source_file,
    o.sha256,
    o.line,
    o.char_start,
    o.char_end,
    o.quote,
    o.value_text,
    o.citation
from observations as o
left join indicators as i using (indicator_key)
