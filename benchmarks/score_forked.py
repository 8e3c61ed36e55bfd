"""Recover the 13 forked pages from a dump plus their upstream, score them, check local edits.

    python benchmarks/score_forked.py [--kind text-crawled|text|html] [--no-upstream]
        [--shared ../shared] [--out DIR] [--per-page]

The truth is `corpus/forked/<Safe>.wiki`; the upstream `<Safe>.upstream.wiki`; the dump
`corpus/forked/<kind>/`. Prints score.py's table, then how many of the local edits listed in
`<Safe>.edits.json` survived (added and reworded sentences present, deleted paragraphs and dropped
references absent), then the time spent aligning.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import wikirecover
from wikirecover.wikitext import parse_wikitext


def readable(wikitext: str) -> str:
    """Prose of a wikitext: refs removed, markup stripped, whitespace folded."""
    code = parse_wikitext(wikitext)
    for tag in code.filter_tags(recursive=False):
        if str(tag.tag).strip().lower() == "ref":
            with contextlib.suppress(ValueError):
                code.remove(tag)
    return " ".join(code.strip_code(normalize=True, collapse=True).split())


def edit_survives(edit: dict, output: str, output_text: str) -> bool:
    """Whether one local edit of edits.json is in the recovered page."""
    kind = edit["kind"]
    if kind == "add_sentence":
        return readable(edit["detail"]) in output_text
    if kind == "reword_sentence":
        return readable(edit["after"]) in output_text
    if kind == "delete_paragraph":
        return readable(edit["before"]) not in output_text
    if kind == "drop_reference":
        return edit["before"] not in output
    raise ValueError(f"unknown edit kind {kind!r}")


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kind", default="text-crawled", help="dump folder under corpus/forked")
    parser.add_argument("--no-upstream", action="store_true", help="recover without upstream")
    parser.add_argument("--shared", type=Path, default=here.parent / "shared")
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
    survived = total = 0
    lost: list[str] = []
    started = time.perf_counter()
    for dump in dumps:
        safe = dump.stem
        (truth / f"{safe}.wiki").write_text((forked / f"{safe}.wiki").read_text("utf-8"), "utf-8")
        upstream = None if args.no_upstream else forked / f"{safe}.upstream.wiki"
        [result] = wikirecover.convert(dump, to="wikitext", upstream=upstream)
        output = result.output or ""
        (out / f"{safe}.wiki").write_text(output, encoding="utf-8")
        output_text = readable(output)
        for edit in json.loads((forked / f"{safe}.edits.json").read_text("utf-8"))["edits"]:
            total += 1
            if edit_survives(edit, output, output_text):
                survived += 1
            else:
                lost.append(f"{safe}: {edit['kind']}: {edit.get('detail') or edit['before'][:80]}")
    elapsed = time.perf_counter() - started
    command = [sys.executable, str(args.shared / "eval" / "score.py"), "--truth", str(truth)]
    command += ["--recovered", str(out)] + (["--per-page"] if args.per_page else [])
    code = subprocess.call(command)
    print(f"local edits kept: {survived}/{total}")
    for line in lost:
        print(f"  not kept: {line}")
    print(f"{len(dumps)} pages recovered in {elapsed:.2f} s (read, repair, align, write)")
    return code


if __name__ == "__main__":
    sys.exit(main())
