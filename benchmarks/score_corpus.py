"""Recover every page of the shared corpus and score it with ../shared/eval/score.py.

    python benchmarks/score_corpus.py [--kind text-crawled|text|html] [--shared ../shared]
        [--out DIR] [--per-page]

Prints the score table and the recovery speed (pages/s, in this one process).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import wikirecover


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kind", default="text-crawled", help="corpus folder to recover from")
    parser.add_argument("--shared", type=Path, default=here.parent / "shared")
    parser.add_argument("--out", type=Path, help="keep the recovered pages here")
    parser.add_argument("--per-page", action="store_true")
    args = parser.parse_args()
    corpus = args.shared / "corpus"
    inputs = sorted((corpus / args.kind).glob("*.*"))
    if not inputs:
        print(f"no pages in {corpus / args.kind}", file=sys.stderr)
        return 2
    out = args.out or Path(tempfile.mkdtemp(prefix="wikirecover-score-"))
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    failed = 0
    for path in inputs:
        [result] = wikirecover.convert(path, to="wikitext")
        if result.output is None:
            failed += 1
            print(f"{path.name}: FAILED {result.document.failed}", file=sys.stderr)
            continue
        (out / f"{path.stem}.wiki").write_text(result.output, encoding="utf-8")
    elapsed = time.perf_counter() - started
    print(
        f"recovered {len(inputs) - failed}/{len(inputs)} pages from {args.kind} in "
        f"{elapsed:.2f} s ({len(inputs) / elapsed:.1f} pages/s)"
    )
    command = [
        sys.executable,
        str(args.shared / "eval" / "score.py"),
        "--truth",
        str(corpus / "wikitext"),
        "--recovered",
        str(out),
    ]
    if args.per_page:
        command.append("--per-page")
    return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main())
