-- One row per edition: its title, publisher and date, and the files it was built from.
with documents as (select * from {{ ref('stg_reports__documents') }})
select
    edition_year,
    max(title) as title,
    max(publisher) as publisher,
    max(published) as published,
    bool_or(source_kind = 'full_text') as has_full_text,
    bool_or(source_kind = 'curated') as has_curated_sheet,
    max(case when source_kind = 'full_text' then source_file end) as full_text_file,
    max(case when source_kind = 'full_text' then sha256 end) as full_text_sha256,
    max(case when source_kind = 'curated' then source_file end) as curated_file,
    max(case when source_kind = 'curated' then sha256 end) as curated_sha256,
    sum(statement_count) as statement_count
from documents
group by edition_year
