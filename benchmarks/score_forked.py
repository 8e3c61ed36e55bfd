"""Recover the 13 forked pages from a dump plus their upstream, score them, check local edits.

    python benchmarks/score_forked.py [--kind text-crawled|text|html] [--no-upstream]
        [--shared ../shared] [--out DIR] [--per-page]

The truth is `corpus/forked/<Safe>.wiki`; the upstream `<Safe>.upstream.wiki`; the dump
`corpus/forked/<kind>/`. Prints score.py's table, then how many of the local edits listed in
`<Safe>.edits.json` survived (added and reworded sentences present, deleted paragraphs and dropped
references absent), then the time spent.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE / "tests"))

from forked import recover  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kind", default="text-crawled", help="dump folder under corpus/forked")
    parser.add_argument("--no-upstream", action="store_true", help="recover without upstream")
    parser.add_argument("--shared", type=Path, default=HERE.parent / "shared")
    parser.add_argument("--out", type=Path, help="keep the recovered pages here")
    parser.add_argument("--per-page", action="store_true")
    args = parser.parse_args()
    forked = args.shared / "corpus" / "forked"
    dumps = sorted((forked / args.kind).glob("*.*"))
    if not dumps:
        print(f"no pages in {forked / args.kind}", file=sys.stderr)
        return 2
    out = args.out or Path(tempfile.mkdtemp(prefix="wikirecover-forked-"))
    truth = Path(tempfile.mkdtemp(prefix="wikirecover-truth-"))
    out.mkdir(parents=True, exist_ok=True)
    kept = total = 0
    lost: list[str] = []
    started = time.perf_counter()
    for dump in dumps:
        page = recover(forked, dump, with_upstream=not args.no_upstream)
        (out / f"{page.safe}.wiki").write_text(page.output, encoding="utf-8")
        (truth / f"{page.safe}.wiki").write_text(page.truth, encoding="utf-8")
        total += page.total_edits
        kept += page.total_edits - len(page.lost_edits)
        lost += page.lost_edits
    elapsed = time.perf_counter() - started
    command = [sys.executable, str(args.shared / "eval" / "score.py"), "--truth", str(truth)]
    command += ["--recovered", str(out)] + (["--per-page"] if args.per_page else [])
    code = subprocess.call(command)
    print(f"local edits kept: {kept}/{total}")
    for line in lost:
        print(f"  not kept: {line}")
    print(f"{len(dumps)} pages recovered in {elapsed:.2f} s (read, repair, align, write)")
    return code


if __name__ == "__main__":
    sys.exit(main())
