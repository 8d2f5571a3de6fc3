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
    assert {"holds", "marginal", "fails", "restated", "cannot_check"} <= statuses


def test_a_2021_claim_fails_only_where_the_reports_own_figures_contradict_each_other(query):
    """fails needs every input from the 2021 edition itself; restated needs one from another edition,
    external_mismatch one from outside statistics."""
    origins = query("""
        select c.claim_id, c.status, list(distinct i.origin order by i.origin)
        from marts.fct_claims as c join marts.fct_claim_inputs as i using (claim_id)
        where c.status in ('fails', 'restated', 'external_mismatch') group by all""")
    assert origins
    for claim_id, status, kinds in origins:
        assert {"fails": kinds == ["same_edition"], "restated": "other_edition" in kinds,
                "external_mismatch": "reference" in kinds and "other_edition" not in kinds}[status], claim_id
    findings = query("""select finding_id, check_name from marts.fct_consistency_findings
                        where edition_year = 2021 and status = 'fails'""")
    # the share change a paragraph contradicts, and 用户量 counted in 次 (the report's unit against its words)
    assert sorted(check for _, check in findings) == ["claim_share_points_from_growth", "unit_fits_indicator"], findings


def test_a_share_cannot_rise_faster_than_its_part_and_whole_growth_allow(query):
    """Part +21.2 %, whole +20.0 %, share 12.9 % now: the share was 12.77 % a year before (+0.13 points)."""
    status, best, method = _one(query, """select status, recomputed_value, method from marts.fct_claims
        where edition_year = 2021 and stated_value = 4.6 and unit = 'percentage_points'""")
    assert (status, method) == ("fails", "share_points_from_growth") and best == pytest.approx(0.1277, abs=1e-3)
    roles = query("""select role, value from marts.fct_claim_inputs as i join marts.fct_claims as c using (claim_id)
                     where c.edition_year = 2021 and c.stated_value = 4.6 order by role""")
    assert roles == [("part_growth", 21.2), ("share", 12.9), ("whole_growth", 20.0)]


def test_gdp_share_recomputed_from_the_first_published_gdp(query):
    # 45.5万亿元 / 1143670亿元 (NBS 2021 communiqué, as first published: CAICT's convention) = 39.78%; stated 39.8%
    rows = query("""select status, recomputed_value, tolerance, input_b_id from marts.fct_claims
                    where edition_year = 2021 and indicator_key = 'digital_economy_gdp_share' and ref_year = 2021""")
    assert rows and all(r[0] == "holds" and abs(r[1] - 39.784) < 0.01 and r[3] == "REF-gdp-2021" for r in rows)
    assert all(0.05 < r[2] < 0.2 for r in rows)


def test_penetration_divides_by_the_previous_year_end_population(query):
    """CNNIC's convention (seeds/publisher_conventions.csv): 7.72亿 / 138271万 (end of 2016) = 55.83%."""
    rows = query("""select status, recomputed_value, input_b_id from marts.fct_claims
                    where edition_year = 2021 and indicator_key = 'internet_penetration_rate' order by ref_year""")
    assert rows and all(r[0] == "holds" for r in rows)
    assert {(round(r[1], 2), r[2]) for r in rows} == {(55.83, "REF-population-2016"), (73.08, "REF-population-2020")}
    status, value = _one(query, """select status, recomputed_value from marts.fct_claims
        where edition_year = 2021 and indicator_key = 'fiveg_base_stations_per_10k_population'""")
    assert status == "holds" and abs(value - 10.088) < 0.01  # 142.5万 / 141260万 × 10 000
    # CNNIC's 70.4 % (2020) is matched by no NBS year-end population: outside statistics, not the report
    status, implied = _one(query, """select status, implied from marts.fct_claims
        where edition_year = 2020 and indicator_key = 'internet_penetration_rate'""")
    assert status == "external_mismatch" and "14.05亿" in implied


def test_increment_against_another_editions_stock_is_a_restatement(query):
    """新增5G基站65.4万个 (2021 edition) against 142.5万 (2021) − 71.8万 (2020 edition) = 70.7万: the 2021
    edition's own figures imply a 2020 stock of 77.1万, so the 2020 figure was restated."""
    status, stated, recomputed, b_edition, implied, provenance = _one(query, """
        select status, stated_value, recomputed_value, input_b_edition, implied, provenance from marts.fct_claims
        where edition_year = 2021 and indicator_key = 'fiveg_base_stations_added' and ref_year = 2021""")
    assert (status, stated, recomputed, b_edition) == ("restated", 654000, 707000, 2020)
    assert "77.1万" in implied and "71.8万" in implied
    assert "65.4万" in provenance and "curated/digital_china_2020_curated.yml" in provenance
    scope, fstatus = _one(query, """select check_scope, status from marts.fct_consistency_findings
        where check_name = 'claim_increment' and subject = 'fiveg_base_stations_added' and edition_year = 2021""")
    assert (scope, fstatus) == ("across_editions", "restated")


def test_marginal_claims_name_the_rounding_they_need(query):
    """超过30% from 4700亿 to 1.3万亿 in four years: 28.96 %; only a 2021 level ≥ 1.3424万亿 reaches 30 %."""
    status, best, rescue, share = _one(query, """select status, recomputed_value, rescue, box_share
        from marts.fct_claims where edition_year = 2021 and indicator_key = 'big_data_industry_cagr'""")
    assert status == "marginal" and best == pytest.approx(28.96, abs=0.01)
    assert "≥ 1.3424万亿元" in rescue and 0.05 < share < 0.12
    for status, best, lo, hi, stated_lo, stated_hi in query("""
            select status, recomputed_value, recomputed_lo, recomputed_hi, stated_lo, stated_hi from marts.fct_claims
            where qualifier = 'over' and recomputed_value is not null and judged_by = 'claim_rule'"""):
        assert stated_hi is None  # 超过 X: no upper end
        assert (status == "holds") == (best >= stated_lo)
        assert (status == "marginal") == (best < stated_lo <= hi)


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
    # the growth the same coverage states (18%) is restated as stated, and within rounding once corrected
    status, as_stated_status = _one(query, """select status, status_as_stated from marts.fct_claims
        where edition_year = 2022 and indicator_key = 'big_data_industry_yoy_growth'""")
    assert (status, as_stated_status) == ("marginal", "restated")
    finding, = _one(query, """select status from marts.fct_consistency_findings
        where check_name = 'claim_growth' and subject = 'big_data_industry_yoy_growth' and edition_year = 2022""")
    assert finding == "corrected"


def test_a_count_of_users_in_times_does_not_fit(query):
    status, explanation = _one(query, """select status, explanation from marts.fct_consistency_findings
        where check_name = 'unit_fits_indicator' and edition_year = 2021 and status = 'fails'""")
    assert "次" in explanation and "not users" in explanation


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
