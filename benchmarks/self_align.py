"""False edits: recover every corpus page with its own true wikitext as the upstream.

    python benchmarks/self_align.py [--kind text-crawled|text|html] [--shared ../shared]
        [--per-page]

No page here has local edits, so every difference the alignment keeps from the dump is noise
read as an edit. Prints score.py's table (1.0 everywhere would be perfect), and how many
differences were kept from the dump ("false edits") and kept from the upstream.
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
    parser.add_argument("--kind", default="text-crawled")
    parser.add_argument("--shared", type=Path, default=here.parent / "shared")
    parser.add_argument("--per-page", action="store_true")
    args = parser.parse_args()
    corpus = args.shared / "corpus"
    dumps = sorted((corpus / args.kind).glob("*.*"))
    if not dumps:
        print(f"no pages in {corpus / args.kind}", file=sys.stderr)
        return 2
    out = Path(tempfile.mkdtemp(prefix="wikirecover-self-"))
    false_edits = kept_upstream = 0
    worst: list[tuple[int, str]] = []
    started = time.perf_counter()
    for dump in dumps:
        truth = corpus / "wikitext" / f"{dump.stem}.wiki"
        [result] = wikirecover.convert(dump, to="wikitext", upstream=truth)
        (out / f"{dump.stem}.wiki").write_text(result.output or "", encoding="utf-8")
        codes = [i.code for i in result.document.issues]
        false_edits += codes.count("local-edit-kept")
        kept_upstream += codes.count("upstream-kept")
        worst.append((codes.count("local-edit-kept"), dump.stem))
    elapsed = time.perf_counter() - started
    command = [sys.executable, str(args.shared / "eval" / "score.py")]
    command += ["--truth", str(corpus / "wikitext"), "--recovered", str(out)]
    code = subprocess.call(command + (["--per-page"] if args.per_page else []))
    print(f"false edits (dump differences kept as local edits): {false_edits}")
    print(f"dump differences where the upstream was kept: {kept_upstream}")
    print("most false edits: " + ", ".join(f"{n} {name}" for n, name in sorted(worst)[-5:]))
    print(f"{len(dumps)} pages in {elapsed:.1f} s")
    return code


if __name__ == "__main__":
    sys.exit(main())
