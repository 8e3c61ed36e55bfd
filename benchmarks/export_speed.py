"""Markdown export speed: the native gfm writer against one pandoc process per page.

    python benchmarks/export_speed.py [--shared ../shared] [--to gfm]

Both convert the 46 corpus pages (wikitext) in this one run, on one core: the native writer
(read, resolve templates, render, write Markdown) and the loop it replaces (`pandoc -f mediawiki
-t gfm` once per page, the pandoc binary of the pypandoc-binary wheel). Prints pages/s of each
and the ratio; pandoc's failures are counted, not timed out.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import wikirecover
from wikirecover.pandoc import pandoc_path


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=here.parent / "shared")
    parser.add_argument("--to", default="gfm")
    parser.add_argument("--no-repair", action="store_true", help="clean pages: no repair passes")
    args = parser.parse_args()
    options = wikirecover.Options(passes=() if args.no_repair else None)
    pages = sorted((args.shared / "corpus" / "wikitext").glob("*.wiki"))
    if not pages:
        print("no corpus pages", file=sys.stderr)
        return 2
    texts = [p.read_text(encoding="utf-8") for p in pages]
    size = sum(len(t.encode()) for t in texts) / 1e6

    started = time.perf_counter()
    failed_native = 0
    for path, text in zip(pages, texts, strict=True):
        [result] = wikirecover.convert_text(
            text, kind="wikitext", to=args.to, title=path.stem, options=options
        )
        failed_native += result.output is None
    native = time.perf_counter() - started

    started = time.perf_counter()
    failed_pandoc = 0
    for text in texts:
        done = subprocess.run(
            [pandoc_path(), "-f", "mediawiki", "-t", "gfm"],
            input=text.encode(),
            capture_output=True,
            check=False,
        )
        failed_pandoc += done.returncode != 0
    pandoc = time.perf_counter() - started

    n = len(pages)
    print(f"{n} pages, {size:.2f} MB of wikitext")
    mode = " (no repair passes)" if args.no_repair else " (read, repair, resolve, write)"
    print(
        f"native {args.to}{mode}: {native:.2f} s, {n / native:.1f} pages/s, {failed_native} failed"
    )
    print(f"pandoc per page: {pandoc:.2f} s, {n / pandoc:.1f} pages/s, {failed_pandoc} failed")
    print(f"native is {pandoc / native:.1f}x as fast")
    return 0


if __name__ == "__main__":
    sys.exit(main())
