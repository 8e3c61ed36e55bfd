"""Time `repair` (parse + every pass) on the largest pages of the shared corpus.

python benchmarks/repair_speed.py [--shared ../shared] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from wikirecover.pipeline import read_text, repair

HERE = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent / "shared")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pages = sorted(
        (args.shared / "corpus" / "wikitext").glob("*.wiki"),
        key=lambda p: p.stat().st_size,
        reverse=True,
    )[:4]
    for path in pages:
        text = path.read_text(encoding="utf-8")
        best_parse = best_total = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            [doc] = read_text(text, kind="wikitext")
            parsed = time.perf_counter()
            repair(doc)
            done = time.perf_counter()
            best_parse = min(best_parse, parsed - started)
            best_total = min(best_total, done - started)
        print(
            f"{path.stem[:32]:32s} {len(text.encode()) / 1024:7.0f} KB  parse {best_parse:5.2f} s"
            f"  parse+repair {best_total:5.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
