"""Read the legacy-parser HTML of MediaWiki's parser tests back into wikitext and count the cases
that come back to their `!! wikitext` exactly, or equal once whitespace is folded.

    python benchmarks/parsertests_import.py [--shared ../shared] [--file parserTests.txt]

Cases with `!! options` are counted apart (many need parser features a page cannot show).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import wikirecover

HERE = Path(__file__).resolve().parent.parent
_WS = re.compile(r"\s+")


def cases(text: str) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    section = None
    for line in text.split("\n"):
        if line.startswith("!! "):
            keyword = line[3:].strip()
            if keyword == "test":
                current, section = {}, "name"
            elif keyword == "end":
                if current is not None:
                    found.append({k: v.rstrip("\n") for k, v in current.items()})
                current, section = None, None
            elif current is not None:
                section = keyword
            continue
        if current is not None and section is not None:
            current[section] = current.get(section, "") + line + "\n"
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent / "shared")
    parser.add_argument("--file", default="parserTests.txt")
    args = parser.parse_args()
    text = (args.shared / "parsertests" / args.file).read_text(encoding="utf-8")
    counts = {"cases": 0, "exact": 0, "whitespace": 0, "with_options": 0, "failed": 0}
    for case in cases(text):
        html = case.get("html/php", case.get("html"))
        wikitext = case.get("wikitext")
        if html is None or wikitext is None:
            continue
        if case.get("options", "").strip():
            counts["with_options"] += 1
            continue
        counts["cases"] += 1
        page = f'<html><body><div class="mw-parser-output">{html}</div></body></html>'
        try:
            [result] = wikirecover.convert_text(page, kind="html", to="wikitext")
        except wikirecover.WikirecoverError:
            counts["failed"] += 1
            continue
        got = (result.output or "").strip()
        if got == wikitext.strip():
            counts["exact"] += 1
        elif _WS.sub(" ", got).strip() == _WS.sub(" ", wikitext).strip():
            counts["whitespace"] += 1
    total = counts["cases"]
    print(
        f"{args.file}: {total} cases without options ({counts['with_options']} with options "
        f"not run); exact {counts['exact']} ({counts['exact'] / total:.1%}), equal up to "
        f"whitespace {counts['whitespace']} more "
        f"({(counts['exact'] + counts['whitespace']) / total:.1%} together), "
        f"reader errors {counts['failed']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
