"""Characters no page should hold: NUL and other control characters, mixed line endings,
mojibake (UTF-8 read as Windows-1252 or Latin-1, fixed with ftfy). Runs first: the text level.
"""

from __future__ import annotations

import re
from collections import Counter

import ftfy
from ftfy.badness import BADNESS_RE

from ..model import Document, Severity
from ..options import Options
from ..registry import register_text_pass

COMPONENT = "pass:characters"
# C0 controls but tab, line feed and carriage return; DEL; C1 controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")
_ENDINGS = re.compile(r"\r\n|\r|\n")


@register_text_pass("characters")
def repair_characters(text: str, doc: Document, options: Options) -> str:
    """NUL and control characters removed, line endings made consistent, mojibake fixed."""
    fixed = _controls(text, doc)
    fixed = _line_endings(fixed, doc)
    return _mojibake(fixed, doc)


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


# Every sign of mojibake ftfy looks for (`ftfy.badness`) holds a non-ASCII character and is a
# few characters long, so a line is searched only around its non-ASCII characters, this far
# either side (tests/test_shortcuts.py checks the result is `is_bad`'s).
BAD_REACH = 12
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def looks_bad(line: str) -> bool:
    """`ftfy.badness.is_bad(line)`, searching only near the line's non-ASCII characters (a
    page's lines are long and mostly ASCII; the pattern is slow)."""
    windows: list[list[int]] = []  # merged [start, end) around the non-ASCII runs
    for run in _NON_ASCII.finditer(line):
        start, end = max(0, run.start() - BAD_REACH), min(len(line), run.end() + BAD_REACH)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    return any(BADNESS_RE.search(line, start, end) for start, end in windows)


def _mojibake(text: str, doc: Document) -> str:
    lines = text.split("\n")
    changed = False
    for k, line in enumerate(lines):
        if not line.isascii() and looks_bad(line):
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
