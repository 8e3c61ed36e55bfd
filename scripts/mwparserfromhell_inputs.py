"""Regenerate tests/data/mwparserfromhell_inputs.json: the wikitext inputs of mwparserfromhell's
own tokenizer tests, which the speed-up equivalence tests run on in a clone without ../shared.

    git clone https://github.com/earwig/mwparserfromhell /tmp/mwph
    python scripts/mwparserfromhell_inputs.py /tmp/mwph
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).parents[1] / "tests" / "data" / "mwparserfromhell_inputs.json"
_INPUT = re.compile(r'^input:\s*"(.*)"\s*$', re.M)


def main(checkout: str) -> None:
    root = Path(checkout)
    commit = subprocess.run(
        ["git", "-C", checkout, "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    inputs: list[str] = []
    for path in sorted((root / "tests" / "tokenizer").glob("*.mwtest")):
        for found in _INPUT.finditer(path.read_text(encoding="utf-8")):
            # the files write Python-style escapes (\n, \t, \\) inside unescaped quotes
            raw = found.group(1).encode("latin-1", "backslashreplace")
            inputs.append(raw.decode("unicode_escape"))
    origin = (
        "inputs of mwparserfromhell's tokenizer tests, tests/tokenizer/*.mwtest, "
        f"github.com/earwig/mwparserfromhell at {commit} (MIT licence, (C) 2012-2025 Ben "
        "Kurtovic); made by scripts/mwparserfromhell_inputs.py"
    )
    data = {"origin": origin, "inputs": list(dict.fromkeys(inputs))}
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(data['inputs'])} inputs -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
