"""Score the HTML export on MediaWiki's parser tests (../shared/eval/parsertests.py).

    python benchmarks/parsertests_export.py [--file parserTests.txt|citeParserTests.txt]
        [--shared ../shared] [--show-failures N]

The pages a test file defines (its `!! article` blocks) are the pages that exist on the test
wiki: they are given to the export as --known-pages (links to other pages are red links, as
MediaWiki renders them) and its Template: pages as --templates definitions. The page is titled
"Parser test" and, like MediaWiki's parser tests, has [edit] links after its headings
(--edit-links); its wikitext is clean, so it is rendered as it is (--no-repair). Nothing else
about the tests is given.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", default="parserTests.txt")
    parser.add_argument("--shared", type=Path, default=here.parent / "shared")
    parser.add_argument("--show-failures", default="0")
    args = parser.parse_args()
    tests = args.shared / "parsertests" / args.file
    text = tests.read_text(encoding="utf-8")
    articles = re.findall(
        r"^!!\s*article\s*\n(.*?)\n!!\s*text\s*\n(.*?)^!!\s*endarticle", text, flags=re.M | re.S
    )
    work = Path(tempfile.mkdtemp(prefix="wikirecover-pt-"))
    known = work / "known-pages.txt"
    known.write_text("\n".join(t.strip() for t, _ in articles) + "\n", encoding="utf-8")
    templates = work / "templates"
    templates.mkdir()
    for title, body in articles:
        if title.strip().lower().startswith("template:"):
            name = title.split(":", 1)[1].strip().replace("/", "%2F")
            (templates / f"{name}.wiki").write_text(body.rstrip("\n"), encoding="utf-8")
    command = (
        f"{sys.executable} -m wikirecover convert - --from wikitext --to html -q --no-repair "
        f"--known-pages {known} --templates {templates} --title 'Parser test' "
        "--edit-links '/index.php?title={title}&action=edit&section={section}'"
    )
    return subprocess.call(
        [
            sys.executable,
            str(args.shared / "eval" / "parsertests.py"),
            "--cmd",
            command,
            "--file",
            str(tests),
            "--show-failures",
            args.show_failures,
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
