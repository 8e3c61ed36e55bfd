"""atheris harness: ``python tests/fuzz/fuzz.py TARGET [libFuzzer options] [CORPUS_DIR]``.

TARGET is one of wikitext, html, xml, exports (see targets.py). Long run, as documented in
tests/fuzz/README.md::

    python tests/fuzz/fuzz.py wikitext -max_total_time=1800 -timeout=20 \
        -rss_limit_mb=2048 -max_len=65536 tests/fuzz/corpus/wikitext
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports(include=["wikirecover", "mwparserfromhell"]):
    from targets import TARGETS


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: fuzz.py {{{','.join(TARGETS)}}} [libFuzzer options] [corpus]")
    target = TARGETS[sys.argv.pop(1)]
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
