"""English and Chinese side by side in the dimension tables: a query in either language finds the same rows.

The Chinese labels of coded vocabularies (topic, unit, kind) and the publishers' English names come from the
seed dbt_project/seeds/vocabulary_labels.csv.
"""
from __future__ import annotations

import pytest

# (table, key, English column, Chinese column, an English value, the same in Chinese)
PAIRS = [
    ("dim_indicator", "indicator_key", "topic", "topic_zh", "infrastructure", "基础设施"),
    ("dim_indicator", "indicator_key", "topic", "topic_zh", "economy", "数字经济"),
    ("dim_indicator", "indicator_key", "unit", "unit_zh", "percent", "百分比"),
    ("dim_indicator", "indicator_key", "kind", "kind_zh", "share", "占比"),
    ("dim_indicator", "indicator_key", "name_en", "name_zh", "5G base stations", "5G基站数"),
    ("dim_edition", "edition_year", "publisher_en", "publisher", "Cyberspace Administration of China",
     "国家互联网信息办公室"),
    ("dim_province", "province_code", "name_en", "name_zh", "Sichuan", "四川省"),
    ("dim_province", "province_code", "region", "region_zh", "west", "西部"),
    ("dim_province", "province_code", "province_type", "type_zh", "municipality", "直辖市"),
    ("dim_evaluation_dimension", "dimension_id", "level", "level_zh", "overall", "综合评价"),
]


@pytest.mark.parametrize("table, key, en, zh, en_value, zh_value", PAIRS,
                         ids=[f"{p[0]}.{p[2]}={p[4]}" for p in PAIRS])
def test_a_query_in_chinese_finds_the_rows_of_the_same_query_in_english(query, table, key, en, zh,
                                                                        en_value, zh_value):
    in_english = query(f"select {key} from marts.{table} where {en} = ? order by 1", [en_value])
    in_chinese = query(f"select {key} from marts.{table} where {zh} = ? order by 1", [zh_value])
    assert in_english, f"no {table} row with {en} = {en_value!r}"
    assert in_chinese == in_english


@pytest.mark.parametrize("table, en, zh", sorted({(p[0], p[2], p[3]) for p in PAIRS}))
def test_every_row_has_both_languages_one_to_one(query, table, en, zh):
    """No row lacks a language, and each English value has exactly one Chinese one (and back), so that any
    filter on one column is the same filter on the other."""
    [(rows, no_en, no_zh, n_en, n_zh, n_pairs)] = query(
        f"select count(*), count(*) filter (where {en} is null), count(*) filter (where {zh} is null), "
        f"count(distinct {en}), count(distinct {zh}), count(distinct ({en}, {zh})) from marts.{table}")
    assert rows > 0
    assert (no_en, no_zh) == (0, 0), f"{table}: {no_en} rows without {en}, {no_zh} without {zh}"
    assert n_en == n_zh == n_pairs, f"{table}: {en} and {zh} are not one to one"


def test_vocabulary_labels_are_unambiguous(query):
    dupes = query("""
        select vocabulary, 'code ' || code from reference.vocabulary_labels group by all having count(*) > 1
        union all
        select vocabulary, 'label_zh ' || label_zh from reference.vocabulary_labels group by all having count(*) > 1
        union all
        select vocabulary, 'label_en ' || label_en from reference.vocabulary_labels group by all having count(*) > 1
    """)
    assert not dupes, dupes
    missing = query("select vocabulary, code from reference.vocabulary_labels "
                    "where coalesce(label_en, '') = '' or coalesce(label_zh, '') = ''")
    assert not missing, missing
