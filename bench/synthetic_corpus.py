"""Synthetic editions for the scale benchmark: N rewrites of the 2021 edition, deterministic (seeded).

Edition 2021+k (k = 2, 3, ... so editions 2023 … 2023+N-1) is the 2021 text with
  * every year shifted by k (the title 数字中国发展报告（2021年） becomes （2021+k年）, "2017 年到 2021 年"
    becomes "2017+k 年到 2021+k 年", "2017-2021", "2021版", event names "2021网上…"),
  * every level figure (a number followed by a magnitude or a counting unit: 亿元, 万户, 个, 件, ZB, …)
    multiplied by the edition's cumulative growth factor (a seeded, slowly decelerating 2–8 % a year, the
    same factor for every level of one edition, so ratios, multiples and growth claims stay consistent),
  * percentages, percentage points, multiples (倍), ranks (第 9 位), counts of provinces (31 个省),
    headings, the table of contents, 表1 and page numbers left as they are (so they stay within [0, 100]
    and the evaluation's scope stays 31 provinces),
  * every published ranking list (浙江、北京、上海…) reordered by a seeded permutation; a list printed
    twice (摘要 and 第三篇) gets the same permutation both times, as a real report would.
The line structure is unchanged, so headings, sections and the TOC parse as in 2021.

The evaluation's dimensions are judgements kept per edition in dbt_project/seeds/evaluation_dimensions.csv;
`extend_seeds` gives the synthetic editions the 2021 rows in a private copy of the project (bench_scale.py
runs the pipeline on such a copy; the checkout is never touched).

Years: the extractor reads 19xx/20xx as years. Editions past 2085 shift the 2035 horizon (2035年远景目标)
past 2099, and editions from 2100 on have every year past 2099: those are no longer read as years (they
may be read as figures). N = 200 (editions 2023 … 2222) therefore includes such editions; the pipeline
still runs on them (see bench/bench_scale.py, which reports what the checks said).

    python bench/synthetic_corpus.py OUT_DIR --n 50 [--seed 8] [--with-2021]
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import math
import random
import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE_2021 = ROOT / "sources" / "digital_china_development_report_2021.txt"
PROVINCES_CSV = ROOT / "dbt_project" / "seeds" / "provinces.csv"
BASE_YEAR = 2021
FIRST_EDITION = 2023
DEFAULT_SEED = 8

# A year: 19xx/20xx written as a year (年, 版, a range "2017-2021", an event name "2021网上…"), but not a
# level figure ("1900 万台").
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d.])(?!\s*(?:万|亿|千|百|余|多|个|台|家|件|项|人|户|元|条|款))")
# A level figure: a number followed by a magnitude or a counting/measuring unit. Not after 第 (a rank),
# a letter (IPv6, 5G is followed by a letter and has no unit), not a percentage, not "个百分点", not a
# count of provinces (个省), not a duration (年).
_UNIT = (r"(?:个(?!百分点|省|国民经济)|户|元|件|人|条|家|项|款|台|所|座|部|颗|张|套|篇|GB|TB|PB|EB|ZB|吨|公里|千米)")
_LEVEL = re.compile(
    r"(?<![\dA-Za-z.第\-])(\d+(?:\.\d+)?)(?![\d.])"
    r"(?=\s*(?:余|多)?\s*(?:万亿|万|亿|千)|\s*(?:余|多)?\s*" + _UNIT + r")")


def province_names() -> list[str]:
    with open(PROVINCES_CSV, encoding="utf-8", newline="") as fh:
        return [row["short_name_zh"] for row in csv.DictReader(fh)]


def growth_factors(n: int, seed: int) -> dict[int, float]:
    """edition year -> cumulative level factor relative to 2021 (2–8 % a year, decelerating)."""
    rng = random.Random(seed)
    factors, log_factor = {}, 0.0
    for k in range(1, FIRST_EDITION - BASE_YEAR + n):
        rate = rng.uniform(0.02, 0.08) / (1 + k / 25)
        log_factor += math.log1p(rate)
        factors[BASE_YEAR + k] = math.exp(log_factor)
    return factors


def _format_like(original: str, value: float) -> str:
    decimals = len(original.split(".")[1]) if "." in original else 0
    if decimals == 0:
        return str(max(1, int(round(value))))
    return f"{value:.{decimals}f}"


def rewrite(text: str, edition_year: int, factor: float, seed: int, names: list[str]) -> str:
    offset = edition_year - BASE_YEAR

    # 1. Levels first (years are excluded by the unit look-ahead only partly: "2000 余家" is a level).
    def level(m: re.Match) -> str:
        return _format_like(m.group(1), float(m.group(1)) * factor)

    # Mark years so the level pass cannot touch them, then scale, then shift the years.
    years: list[str] = []

    def stash(m: re.Match) -> str:
        years.append(m.group(1))
        return f"\x00{len(years) - 1}\x00"

    text = _YEAR.sub(stash, text)
    text = _LEVEL.sub(level, text)
    text = re.sub(r"\x00(\d+)\x00", lambda m: str(int(years[int(m.group(1))]) + offset), text)

    # 2. Ranking lists: runs of >= 3 province names joined by 、 get a seeded permutation, the same one
    #    for every printing of the same list.
    alternation = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    run = re.compile(rf"(?:(?:{alternation})、\s*){{2,}}(?:{alternation})")

    def permute(m: re.Match) -> str:
        items = [s.strip() for s in m.group(0).split("、")]
        rng = random.Random(f"{seed}:{edition_year}:{'、'.join(items)}")
        shuffled = items[:]
        rng.shuffle(shuffled)
        return "、".join(shuffled)

    return run.sub(permute, text)


def sha256_text(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_corpus(out: Path, n: int, seed: int = DEFAULT_SEED, with_2021: bool = True) -> list[int]:
    """Write N synthetic editions (and, by default, the real 2021 file) plus manifest.yml into `out`."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    base = SOURCE_2021.read_text(encoding="utf-8")
    names = province_names()
    factors = growth_factors(n, seed)
    lines = ["# Synthetic editions for bench/bench_scale.py (bench/synthetic_corpus.py, seed "
             f"{seed}): rewrites of the 2021 edition.", "editions:"]

    def entry(year: int, file: str, digest: str, note: str) -> None:
        lines.extend([f"  - edition_year: {year}", f"    title: 数字中国发展报告（{year}年）",
                      "    publisher: 国家互联网信息办公室", f'    published: "{year + 1}-07-01"',
                      f"    file: {file}", f"    sha256: {digest}", "    kind: full_text", f"    note: {note}"])

    if with_2021:  # the real edition, with its real manifest entry
        data = SOURCE_2021.read_bytes()
        (out / SOURCE_2021.name).write_bytes(data)
        real = [e for e in yaml.safe_load((SOURCE_2021.parent / "manifest.yml").read_text(encoding="utf-8"))
                ["editions"] if e["file"] == SOURCE_2021.name][0]
        lines.extend([f"  - edition_year: {real['edition_year']}", f"    title: {real['title']}",
                      f"    publisher: {real['publisher']}", f'    published: "{real.get("published")}"',
                      f"    file: {real['file']}", f"    sha256: {sha256_text(data)}",
                      f"    kind: {real['kind']}", "    note: the real 2021 edition"])
    years = list(range(FIRST_EDITION, FIRST_EDITION + n))
    for year in years:
        data = rewrite(base, year, factors[year], seed, names).encode("utf-8")
        name = f"synthetic_digital_china_{year}.txt"
        (out / name).write_bytes(data)
        entry(year, name, sha256_text(data), f"synthetic, levels x{factors[year]:.3f} of 2021")
    (out / "manifest.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return years


def extend_seeds(project_dir: Path, years: list[int]) -> int:
    """The judgements that live in seeds and are keyed by edition (evaluation_dimensions.csv: which printed
    dimension names an edition's evaluation uses) do not know synthetic editions: give each synthetic
    edition the 2021 rows, in `project_dir` (a private copy of the project; never the checkout)."""
    path = Path(project_dir) / "dbt_project" / "seeds" / "evaluation_dimensions.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields, rows = reader.fieldnames, list(reader)
    base = [r for r in rows if r["edition_year"] == str(BASE_YEAR)]
    added = [{**r, "edition_year": str(y), "note": "synthetic edition (bench)"} for y in years for r in base]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows + added)
    return len(added)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--without-2021", action="store_true", help="do not copy the real 2021 edition")
    args = ap.parse_args()
    years = write_corpus(args.out, args.n, args.seed, with_2021=not args.without_2021)
    print(f"{args.out}: {len(years)} synthetic editions {years[0]}-{years[-1]}"
          f"{' + the real 2021 edition' if not args.without_2021 else ''}")


if __name__ == "__main__":
    main()
