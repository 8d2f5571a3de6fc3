"""The 31 provinces, their written forms, and the areas that are not among them."""
from __future__ import annotations

import pytest

from orchestration.provinces.names import (
    UnknownProvinceError, find_area_names, find_province_names, load_catalogue, normalise_province,
)


def test_seed_has_the_31_provinces_with_the_nbs_four_region_split():
    p = load_catalogue().provinces
    assert len(p) == 31 and p["province_code"].is_unique
    assert p["province_code"].str.fullmatch(r"[1-6]\d0000").all()
    assert p["region"].value_counts().to_dict() == {"west": 12, "east": 10, "central": 6, "northeast": 3}
    assert p["province_type"].value_counts().to_dict() == {
        "province": 22, "autonomous_region": 5, "municipality": 4}
    row = p.set_index("province_code").loc["450000"]
    assert (row.name_zh, row.short_name_zh, row.name_en) == ("广西壮族自治区", "广西", "Guangxi")


def test_no_one_character_variant_because_single_characters_are_ambiguous_in_prose():
    assert all(len(v) >= 2 for v in load_catalogue().variants)


@pytest.mark.parametrize("written, code", [
    ("浙江", "330000"), ("浙江省", "330000"), ("广西", "450000"), ("广西壮族自治区", "450000"),
    ("广西区", "450000"), ("内蒙古", "150000"), ("内蒙古自治区", "150000"), ("新疆", "650000"),
    ("新疆维吾尔自治区", "650000"), ("宁夏回族自治区", "640000"), ("西藏", "540000"),
    ("北京市", "110000"), ("黑龙江省", "230000"),
    ("浙 江", "330000"), ("广西壮族\n\n自治区", "450000"), ("　四川省　", "510000"),  # spaces, page break
    ("Sichuan", "510000"), ("inner mongolia", "150000"), ("510000", "510000"),
])
def test_variants_normalise(written, code):
    assert normalise_province(written) == code


@pytest.mark.parametrize("name, kind", [
    ("新疆生产建设兵团", "xpcc"), ("香港", "special_administrative_region"),
    ("澳门特别行政区", "special_administrative_region"), ("台湾", "taiwan"),
])
def test_non_province_areas_are_rejected_by_name(name, kind):
    with pytest.raises(UnknownProvinceError) as err:
        normalise_province(name, source="report.txt line 7")
    message = str(err.value)
    assert name in message and kind in message and "report.txt line 7" in message
    assert "not one of the 31" in message


@pytest.mark.parametrize("name", ["浙红", "京", "沪", "广", "山", "Zhejang", ""])
def test_typos_and_one_character_forms_are_rejected(name):
    with pytest.raises(UnknownProvinceError, match="unknown province name"):
        normalise_province(name, source="sheet.yml")


def test_longest_form_wins_so_the_corps_is_never_read_as_xinjiang():
    text = "新疆生产建设兵团和新疆维吾尔自治区、内蒙古自治区以及浙江西部"
    found = find_province_names(text)
    assert [(code, w) for _, _, code, w in found] == [
        ("650000", "新疆维吾尔自治区"), ("150000", "内蒙古自治区"), ("330000", "浙江")]
    s, e, _, _ = found[0]
    assert text[s:e] == "新疆维吾尔自治区"
    corps = [a for a in find_area_names(text) if a[2] is None]
    assert [(a[3], a[4]) for a in corps] == [("新疆生产建设兵团", "xpcc")]


def test_names_cut_by_a_page_break_are_found_with_their_span():
    text = "持续推进。浙\n\n江全面推进数字化改革，广 西加快建设。"
    found = find_province_names(text)
    assert [(c, w) for _, _, c, w in found] == [("330000", "浙江"), ("450000", "广西")]
    s, e, _, _ = found[0]
    assert text[s:e] == "浙\n\n江"
