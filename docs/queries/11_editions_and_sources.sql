-- Question: Which editions does the warehouse hold, in English and Chinese, and is each built from the
-- report's full text or from a curated sheet of press coverage? How many figures come from each?
-- Mart: dim_edition.
select
    edition_year,
    title,
    title_en,
    publisher,
    published,
    has_full_text,
    has_curated_sheet,
    statement_count
from marts.dim_edition
order by edition_year;
