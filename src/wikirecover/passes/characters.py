"""Characters no page should hold: NUL and other control characters, mixed line endings,
mojibake (UTF-8 read as Windows-1252 or Latin-1, fixed with ftfy). Runs first: the text level.
"""

from __future__ import annotations

import re
from collections import Counter

import ftfy
from ftfy.badness import is_bad

from ..model import Document, Severity
from ..options import Options
from ..registry import register_pass
from ..wikitext import parse_wikitext

COMPONENT = "pass:characters"
# C0 controls but tab, line feed and carriage return; DEL; C1 controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")
_ENDINGS = re.compile(r"\r\n|\r|\n")


@register_pass("characters")
def repair_characters(doc: Document, options: Options) -> None:
    """NUL and control characters removed, line endings made consistent, mojibake fixed."""
    text = doc.text
    fixed = _controls(text, doc)
    fixed = _line_endings(fixed, doc)
    fixed = _mojibake(fixed, doc)
    if fixed != text:
        doc.wikicode = parse_wikitext(fixed)


def _controls(text: str, doc: Document) -> str:
    found = Counter(match.group(0) for match in _CONTROLS.finditer(text))
    if not found:
        return text
    first = _CONTROLS.search(text)
    assert first is not None
    line = text.count("\n", 0, first.start()) + 1
    listing = ", ".join(f"U+{ord(c):04X} ×{n}" for c, n in found.most_common())
    doc.report(
        "control-characters-removed",
        f"removed {sum(found.values())} control character(s): {listing}",
        COMPONENT,
        Severity.INFO,
        text[max(0, first.start() - 40) : first.end() + 40].replace("\x00", "␀"),
        line,
    )
    return _CONTROLS.sub("", text)


def _line_endings(text: str, doc: Document) -> str:
    """CRs left by a reader that did not make its lines LF (the wikitext reader does)."""
    if "\r" not in text:
        return text
    kinds = Counter(match.group(0) for match in _ENDINGS.finditer(text))
    names = {"\r\n": "CRLF", "\r": "CR", "\n": "LF"}
    doc.report(
        "line-endings-unified",
        "line endings ("
        + ", ".join(f"{names[k]} ×{n}" for k, n in kinds.most_common())
        + ") made LF",
        COMPONENT,
    )
    return _ENDINGS.sub("\n", text)


def _mojibake(text: str, doc: Document) -> str:
    lines = text.split("\n")
    changed = False
    for k, line in enumerate(lines):
        if not line.isascii() and is_bad(line):
            fixed = ftfy.fix_encoding(line)
            if fixed != line:
                doc.report(
                    "mojibake-fixed",
                    "text decoded with the wrong encoding (mojibake) re-decoded",
                    COMPONENT,
                    Severity.GUESS,
                    line,
                    k + 1,
                )
                lines[k] = fixed
                changed = True
    return "\n".join(lines) if changed else text
