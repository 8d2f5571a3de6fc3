"""Extraction time of the 2021 edition (best of N) and throughput in MB/s.

    python bench/bench_extraction.py [report] [--repeat N]

Target: well under 0.5 s for the 2021 edition (>= 1 MB/s). Reading is timed separately.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from orchestration.extraction import extract_sections, extract_statements, read_document  # noqa: E402


def best_of(repeat: int, fn) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?", default=str(ROOT / "sources" / "digital_china_development_report_2021.txt"))
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--edition", type=int, default=2021)
    args = parser.parse_args(argv)

    document = read_document(args.report)
    megabytes = document.size_bytes / 1e6
    count = len(extract_statements(document, args.edition))  # warm-up (regex compilation, imports)
    t_read = best_of(args.repeat, lambda: read_document(args.report))
    t_extract = best_of(args.repeat, lambda: extract_statements(document, args.edition))
    t_sections = best_of(args.repeat, lambda: extract_sections(document))
    print(f"file                {document.name} ({document.size_bytes:,} bytes, {len(document.text):,} characters)")
    print(f"statements          {count}")
    print(f"read_document       {t_read * 1000:8.1f} ms (best of {args.repeat})")
    print(f"extract_sections    {t_sections * 1000:8.1f} ms (best of {args.repeat})")
    print(f"extract_statements  {t_extract * 1000:8.1f} ms (best of {args.repeat})  "
          f"{megabytes / t_extract:6.2f} MB/s  target < 500 ms: {'ok' if t_extract < 0.5 else 'SLOW'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
