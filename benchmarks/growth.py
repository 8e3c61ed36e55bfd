"""The pathological-growth suite to 1 MiB (reliability goal G11): each generator of
tests/growth/generators.py at 64 KiB .. 1 MiB, converted to gfm under the page budget; prints the
CPU time of each size, and whether it grows too fast (`test_growth.growth`) or the budget cut the
page.

    python benchmarks/growth.py [--max-kib 1024] [--budget 30] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "growth"))
sys.path.insert(0, str(ROOT / "tests"))

from generators import GENERATORS  # noqa: E402
from test_growth import growth, measure  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-kib", type=int, default=1024)
    parser.add_argument("--min-kib", type=int, default=64)
    parser.add_argument("--budget", type=float, default=30.0)
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    sizes = []
    size = args.min_kib << 10
    while size <= args.max_kib << 10:
        sizes.append(size)
        size *= 2
    print(f"{'generator':28s} " + " ".join(f"{s >> 10:>7d}K" for s in sizes) + "  verdict")
    failures = 0
    for name in args.only or sorted(GENERATORS):
        cells: list[str] = []
        times: list[float] = []
        verdict = "linear enough"
        for size in sizes:
            elapsed, status = measure(GENERATORS[name](size), seconds=args.budget)
            cells.append(f"{elapsed:7.2f}{'*' if status == 'cut' else ' '}")
            if status == "cut":
                verdict = f"cut by the budget at {size >> 10} KiB (DEGRADED, text kept)"
                break
            times.append(elapsed)
        problem = growth(times) if not verdict.startswith("cut") else None
        if problem:
            verdict = f"SUPERLINEAR: {problem}"
            failures += 1
        print(f"{name:28s} {' '.join(cells).ljust(9 * len(sizes))} {verdict}", flush=True)
    print(f"{len(args.only or GENERATORS)} generators, {failures} growing faster than allowed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
