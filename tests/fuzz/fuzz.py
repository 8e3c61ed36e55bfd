"""atheris harness, shared by the fuzz_<target>.py scripts (libFuzzer re-runs the script by its
own name with its own options, so each target is a script of its own). Long run, as documented
in tests/fuzz/README.md::

    python tests/fuzz/fuzz_wikitext.py -max_total_time=1800 -timeout=20 \
        -rss_limit_mb=2048 -max_len=8192 tests/fuzz/corpus/wikitext
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports(include=["wikirecover", "mwparserfromhell"]):
    from targets import TARGETS


def main(target: str) -> None:
    atheris.Setup(sys.argv, TARGETS[target])
    atheris.Fuzz()
