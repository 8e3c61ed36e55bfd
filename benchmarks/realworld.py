"""Real wiki material from outside the corpus (../shared/realworld): round trip and exports.

    python benchmarks/realworld.py [--shared ../shared] [--to gfm] [--every N] [--show N]
        [--dump FILE.xml ...]

For every page of every XML dump in `realworld/dumps/` (and of each ``--dump``: other real
dumps kept outside the repository) and every `.wiki` page in `realworld/pages/`, with the
default options:
- round trip: `convert --to wikitext` must give the page back byte for byte (a page whose
  repairs changed it is listed with the repairs' issue codes);
- export (every Nth page, to the ``--to`` format with `--verify`): pages whose words the export
  lost without a report, and the output's internal links to an anchor (`#x`) that no element
  or footnote of the output defines (dead links).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from wikirecover import Options
from wikirecover.pipeline import convert_documents, read, read_text, write
from wikirecover.verify import INPUT_WORDS

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE / "tests"))

from realworld_checks import dead_anchors  # noqa: E402


def _dumps(shared: Path, extra: list[Path]) -> list[Path]:
    return sorted((shared / "realworld" / "dumps").glob("*.xml")) + extra


def pages(
    shared: Path, extra: list[Path], options: Options | None = None
) -> list[tuple[str, str, object]]:
    """(source name, title, document) for every real page, read with ``options``."""
    found = []
    realworld = shared / "realworld"
    for dump in _dumps(shared, extra):
        for doc in read(dump, kind="xml", options=options):
            found.append((dump.name, doc.title, doc))
    for page in sorted((realworld / "pages").glob("*.wiki")):
        text = page.read_text(encoding="utf-8")
        [doc] = read_text(text, kind="wikitext", options=options or Options())
        doc.title = page.stem
        found.append((page.name, page.stem, doc))
    return found


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=here.parent / "shared")
    parser.add_argument("--to", default="gfm")
    parser.add_argument("--every", type=int, default=1, help="export every Nth page")
    parser.add_argument("--show", type=int, default=20, help="changed pages listed")
    parser.add_argument("--dump", type=Path, action="append", default=[], help="another dump")
    args = parser.parse_args()
    if not (args.shared / "realworld").is_dir():
        print(f"no realworld folder in {args.shared}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    changed = []
    found = pages(args.shared, args.dump)
    texts = {(origin, title): doc.text for origin, title, doc in found}  # before any repair
    for origin, title, doc in found:
        [result] = convert_documents([doc], to="wikitext", options=Options())
        if result.output != texts[(origin, title)]:
            codes = Counter(i.code for i in result.document.issues if i.changed_page)
            changed.append((origin, title, dict(codes)))
    round_trip = time.perf_counter() - started
    print(
        f"round trip: {len(found) - len(changed)} of {len(found)} pages byte for byte "
        f"({100 * (len(found) - len(changed)) / len(found):.2f}%), {round_trip:.1f} s"
    )
    for origin, title, codes in changed[: args.show]:
        print(f"  changed: {origin} {title!r}: {codes}")
    started = time.perf_counter()
    lost_pages, lost_words, dead = 0, 0, []
    exported = words = 0
    verify = Options(verify=True)
    for index, (_, title, doc) in enumerate(pages(args.shared, args.dump, verify)):
        if index % args.every:
            continue
        [result] = convert_documents([doc], to=args.to, options=verify)
        exported += 1
        words += sum(result.document.metadata.get(INPUT_WORDS, {}).values())
        lost = [i for i in result.document.issues if i.code == "words-lost"]
        if lost:
            lost_pages += 1
            lost_words += len(lost[0].dropped.split())
        if isinstance(result.output, str) and args.to in ("gfm", "markdown"):
            html = write(result.document, "html", Options())
            dead += [(title, anchor) for anchor in dead_anchors(result.output, html)]
    print(
        f"export to {args.to}: {exported} pages, {lost_pages} with words lost unreported "
        f"({lost_words} of {words} words: recall {1 - lost_words / max(words, 1):.5f}), "
        f"{len(dead)} dead internal links, "
        f"{time.perf_counter() - started:.1f} s"
    )
    for title, anchor in dead[: args.show]:
        print(f"  dead link: {title!r} -> #{anchor}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
