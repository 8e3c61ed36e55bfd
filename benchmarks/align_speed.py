"""How fast a page aligns with its upstream: the biggest corpus page against its own text dump.

    python benchmarks/align_speed.py [--page United_Kingdom] [--shared ../shared] [--repeat 3]

The upstream is the page's true wikitext (corpus/wikitext/<page>.wiki, ~320 KB for the United
Kingdom); the local page is what the reader recovers from its crawled text dump, so every
difference a dump makes is there to align. Prints the best of --repeat runs for: the source maps
of both sides, the alignment, the whole transfer, and `convert --upstream` end to end.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import wikirecover
from wikirecover.align.alignment import align
from wikirecover.align.sourcemap import source_map
from wikirecover.align.transfer import transfer
from wikirecover.rules import Rules


def best_of(repeat: int, work) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page", default="United_Kingdom")
    parser.add_argument("--shared", type=Path, default=here.parent / "shared")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpus = args.shared / "corpus"
    upstream_path = corpus / "wikitext" / f"{args.page}.wiki"
    dump = corpus / "text-crawled" / f"{args.page}.txt"
    if not upstream_path.exists() or not dump.exists():
        print(f"no page {args.page} in {corpus}", file=sys.stderr)
        return 2
    upstream = upstream_path.read_text(encoding="utf-8")
    [recovered] = wikirecover.convert(dump, to="wikitext")
    local = recovered.output or ""
    rules = Rules.default()
    maps, (a, b) = best_of(
        args.repeat, lambda: (source_map(upstream, rules), source_map(local, rules))
    )
    aligned, alignment = best_of(args.repeat, lambda: align(a, b))
    whole, result = best_of(args.repeat, lambda: transfer(upstream, local, rules))
    end_to_end, _ = best_of(
        args.repeat, lambda: wikirecover.convert(dump, to="wikitext", upstream=upstream_path)
    )
    print(
        f"page: {args.page}, upstream {len(upstream.encode()) / 1024:.0f} KB, "
        f"local {len(local.encode()) / 1024:.0f} KB"
    )
    print(
        f"pieces: upstream {len(a)}, local {len(b)}; segments: {len(alignment.segments)}; "
        f"decisions: {len(result.decisions)}"
    )
    print(f"source maps (both sides)  {maps:.2f} s")
    print(f"alignment                 {aligned:.2f} s")
    print(f"transfer (maps + align + rebuild)  {whole:.2f} s")
    print(f"convert --upstream end to end (read, repair, align, write)  {end_to_end:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
