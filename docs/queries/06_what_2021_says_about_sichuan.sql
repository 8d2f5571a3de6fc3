-- Question: What does the 2021 edition say about 四川 (Sichuan)?
-- Mart: fct_province_mentions (every place a full text names a province: running text and the printed
-- ranking lists, with section, line and sentence). The same query works in English:
-- where province_name_en = 'Sichuan'.
select
    line,
    mention_kind,
    section,
    province_as_written,
    sentence
from marts.fct_province_mentions
where edition_year = 2021 and province_short_name_zh = '四川'
order by line, char_start;
