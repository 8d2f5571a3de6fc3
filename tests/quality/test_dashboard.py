"""The data-quality dashboard, loaded in headless Chromium from the file system (no network)."""
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run installs it)")
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                          text=True, timeout=180)


@pytest.fixture(scope="module")
def page(built_warehouse) -> Path:
    page = built_warehouse.parent / "dashboard" / "index.html"
    assert page.exists(), "the build did not write the dashboard"
    return page


def test_page_is_self_contained(page):
    text = page.read_text(encoding="utf-8")
    assert "<script src=\"http" not in text and "cdn.plot.ly" not in text.split("</style>")[0]
    assert "数据质量 Data quality" in text and "新增5G基站数" in text


def test_rendered_content_and_screenshot(page, tmp_path, built_warehouse):
    dom = _chromium(tmp_path, "--dump-dom", "--virtual-time-budget=10000", page.as_uri()).stdout
    # rendered by plotly's JavaScript: one SVG per headline chart
    assert dom.count('class="main-svg"') >= 4
    for label in ("5G基站数 5G base stations", "网民规模 Internet users", "数字经济规模 Digital economy size",
                  "数字经济占GDP比重"):
        assert label in dom
    assert 'id="edition-checks"' in dom and "2021" in dom
    assert "不成立 fails" in dom and "已更正 corrected" in dom   # findings, and the corrected unit slip
    assert "65.4万" in dom and "71.8万" in dom                     # each finding with its sentences
    for status in ("fails", "marginal", "restated", "external_mismatch"):  # a section per verdict to look at
        assert f'id="claims-{status}"' in dom
    assert "需要 needs 大数据产业规模 2021 ≥ 1.3424万亿元" in dom        # a marginal claim with the rounding it needs
    assert "隐含 implied:" in dom and "77.1万" in dom               # a restated one with the value it implies
    shot = tmp_path / "dashboard.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1400,2400", "--virtual-time-budget=10000",
              page.as_uri())
    assert shot.exists() and shot.stat().st_size > 50_000
    shutil.copy(shot, page.parent / "screenshot.png")
    published = Path(__file__).resolve().parents[2] / "warehouse" / "dashboard"
    if published.is_dir():  # the developer's built warehouse: keep its screenshot beside its page
        shutil.copy(shot, published / "screenshot.png")


def test_dashboard_shows_the_corrected_unit_slip(page, tmp_path):
    dom = _chromium(tmp_path, "--dump-dom", "--virtual-time-budget=10000", page.as_uri()).stdout
    assert "unit_slip" in dom and "C2022-01" in dom and "big_data_industry_size" in dom
