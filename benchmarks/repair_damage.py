"""Damage the shared corpus pages in every way `tests/damage.py` knows and measure what
`wikirecover repair` gives back.

    python benchmarks/repair_damage.py [--shared ../shared] [--seed 1]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE / "tests"))

from damage import measure  # noqa: E402

import wikirecover  # noqa: E402


def repair_text(text: str, repairs: str) -> str:
    options = wikirecover.Options(repairs=repairs)
    [result] = wikirecover.convert_text(text, to="wikitext", kind="wikitext", options=options)
    assert result.output is not None
    return result.output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent / "shared")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    corpus = args.shared / "corpus"
    paths = sorted((corpus / "wikitext").glob("*.wiki")) + sorted(
        (corpus / "forked").glob("*.upstream.wiki")
    )
    pages = {p.name: p.read_text(encoding="utf-8") for p in paths}
    started = time.perf_counter()
    results = measure(pages, repair_text, args.seed)
    elapsed = time.perf_counter() - started
    print(f"{'damage kind':24s} {'pages':>5s} {'exact':>7s} {'<=1%':>7s} {'worse':>5s}")
    total = exact = within = 0
    for name, row in results.items():
        n = row["pages"]
        total, exact, within = total + n, exact + row["exact"], within + row["within_1pct"]
        print(
            f"{name:24s} {n:5d} {row['exact'] / n:7.1%} {row['within_1pct'] / n:7.1%} "
            f"{len(row['worse']):5d}"
            if n
            else f"{name:24s}     0"
        )
    print(f"{'all kinds':24s} {total:5d} {exact / total:7.1%} {within / total:7.1%}")
    print(f"({len(pages)} pages, {elapsed:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
