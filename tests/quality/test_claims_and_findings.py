"""Claims and consistency findings of the built warehouse (real Dagster + dbt + GX build of sources/)."""
import shutil

import pytest


def _one(query, sql, params=None):
    rows = query(sql, params)
    assert len(rows) == 1, rows
    return rows[0]


def test_every_2021_claim_statement_has_a_claim_row_with_a_status(query):
    missing = query("""
        select s.statement_id, s.quote from marts.fct_statements as s
        where s.edition_year = 2021 and s.kind in ('growth', 'cagr', 'share', 'multiple', 'increment')
          and s.statement_id not in (select claim_id from marts.fct_claims)""")
    assert missing == []
    statuses = {r[0] for r in query("select distinct status from marts.fct_claims where edition_year = 2021")}
    assert statuses <= {"holds", "fails", "cannot_check"} and "holds" in statuses and "fails" in statuses


def test_gdp_share_recomputed_from_the_reference_seed(query):
    # 45.5万亿元 / 1143670亿元 (NBS 2021 communiqué) = 39.78%; stated 39.8%
    rows = query("""select status, recomputed_value, tolerance, input_b_id from marts.fct_claims
                    where edition_year = 2021 and indicator_key = 'digital_economy_gdp_share' and ref_year = 2021""")
    assert rows and all(r[0] == "holds" and abs(r[1] - 39.784) < 0.01 and r[3] == "REF-gdp-2021" for r in rows)
    # tolerance: half of the recomputed range (27.2 ± 0.05 ... ) plus half a unit of 39.8 (0.05)
    assert all(0.05 < r[2] < 0.2 for r in rows)


def test_penetration_and_per_capita_against_population(query):
    rows = query("""select status, recomputed_value from marts.fct_claims
                    where edition_year = 2021 and indicator_key = 'internet_penetration_rate' and ref_year = 2021""")
    assert rows and all(r[0] == "holds" and abs(r[1] - 73.06) < 0.01 for r in rows)  # 10.32亿 / 141260万
    status, value = _one(query, """select status, recomputed_value from marts.fct_claims
        where edition_year = 2021 and indicator_key = 'fiveg_base_stations_per_10k_population'""")
    assert status == "holds" and abs(value - 10.088) < 0.01  # 142.5万 / 141260万 × 10 000


def test_increment_disagrees_with_the_stocks_of_two_editions(query):
    """新增5G基站65.4万个 (2021 edition) against 142.5万 (2021) − 71.8万 (2020 edition) = 70.7万: fails."""
    status, stated, recomputed, b_edition, provenance = _one(query, """
        select status, stated_value, recomputed_value, input_b_edition, provenance from marts.fct_claims
        where edition_year = 2021 and indicator_key = 'fiveg_base_stations_added' and ref_year = 2021""")
    assert (status, stated, recomputed, b_edition) == ("fails", 654000, 707000, 2020)
    assert "65.4万" in provenance and "curated/digital_china_2020_curated.yml" in provenance
    scope, fstatus = _one(query, """select check_scope, status from marts.fct_consistency_findings
        where check_name = 'claim_increment' and subject = 'fiveg_base_stations_added' and edition_year = 2021""")
    assert (scope, fstatus) == ("across_editions", "fails")


def test_qualifier_over_holds_when_the_recomputed_value_can_reach_it(query):
    for status, lo, hi, stated_lo, stated_hi in query("""
            select status, recomputed_lo, recomputed_hi, stated_lo, stated_hi from marts.fct_claims
            where qualifier = 'over' and recomputed_value is not null"""):
        assert stated_hi > 1e100  # 超过 X: no upper bound
        assert (status == "holds") == (hi >= stated_lo)


def test_unit_slip_found_and_corrected(query):
    """大数据产业规模 1.57亿元 (2022 press coverage) is 10^4 below 1.3万亿元 (2021 edition): found as a unit slip,
    fixed by C2022-01 in sources/corrections.yml, and shown as corrected with both values."""
    status, explanation, corrections = _one(query, """
        select status, explanation, correction_ids from marts.fct_consistency_findings
        where check_name = 'unit_slip' and subject = 'big_data_industry_size' and edition_year = 2022""")
    assert status == "corrected" and "10^4" in explanation and corrections == "C2022-01"
    value, as_stated, cid = _one(query, """select value, value_as_stated, correction_id
        from intermediate.int_indicator_observations__corrected
        where edition_year = 2022 and indicator_key = 'big_data_industry_size' and ref_year = 2022""")
    assert (value, as_stated, cid) == (1.57e12, 1.57e8, "C2022-01")
    # the growth the same coverage states (18%) fails as stated and holds once corrected
    status, as_stated_status = _one(query, """select status, status_as_stated from marts.fct_claims
        where edition_year = 2022 and indicator_key = 'big_data_industry_yoy_growth'""")
    assert (status, as_stated_status) == ("holds", "fails")


def test_wrong_unit_is_found_and_corrected(query):
    status, corrections = _one(query, """select status, correction_ids from marts.fct_consistency_findings
        where check_name = 'unit_fits_indicator' and subject = 'rural_internet_users' and edition_year = 2018""")
    assert (status, corrections) == ("corrected", "C2018-01")


def test_findings_are_queryable_with_provenance(query):
    assert query("select count(*) from marts.fct_consistency_findings where provenance is null")[0][0] == 0
    checks = {r[0] for r in query("select distinct check_name from marts.fct_consistency_findings")}
    assert {"percent_in_range", "repeated_figure_agrees", "restated_by_later_edition", "unit_slip",
            "cumulative_does_not_fall", "subpopulation_within_population", "claim_share",
            "claim_increment", "province_list_complete"} <= checks
    assert query("select count(*) from marts.fct_consistency_findings where check_name = 'province_list_complete' "
                 "and status = 'fails'")[0][0] == 0


def test_warn_checks_report_findings_and_do_not_block(build_report):
    checks = {c["name"]: c for c in build_report.checks}
    assert checks["claims_findings"]["severity"] == "WARN" and not checks["claims_findings"]["passed"]
    for name in ("claims_integrity", "findings_integrity", "edition_observations"):
        assert checks[name]["passed"], name


@pytest.mark.e2e
def test_without_the_correction_the_unit_slip_fails(tmp_path):
    """The same build without entry C2022-01: the finding is a plain failure."""
    from orchestration.corrections import load_corrections
    from orchestration.operations.build import build
    import duckdb
    import yaml

    from tests.conftest import SOURCES, environment

    sources = tmp_path / "sources"
    shutil.copytree(SOURCES, sources)
    doc = yaml.safe_load((sources / "corrections.yml").read_text(encoding="utf-8"))
    doc["corrections"] = [e for e in doc["corrections"] if e["id"] != "C2022-01"]
    (sources / "corrections.yml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    assert "C2022-01" not in {c.id for c in load_corrections(sources / "corrections.yml")}
    db = tmp_path / "warehouse" / "digital_china.duckdb"
    with environment(sources, db):
        report = build(say=lambda _m: None)
    assert report.published, report.error
    with duckdb.connect(str(db), read_only=True) as con:
        (status,) = con.execute("""select status from marts.fct_consistency_findings where check_name = 'unit_slip'
            and subject = 'big_data_industry_size' and edition_year = 2022""").fetchone()
    assert status == "fails"
