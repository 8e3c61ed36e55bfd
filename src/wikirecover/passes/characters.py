"""Characters no page should hold: NUL and other control characters (C1 controls that are
Windows-1252 bytes read as Latin-1 become the characters they encode), mixed line endings,
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


def _windows_1252(character: str) -> str | None:
    """The character a C1 control stands for when it is a Windows-1252 byte read as Latin-1
    (U+0096 for the en dash 0x96), or None (0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned)."""
    try:
        return bytes([ord(character)]).decode("cp1252")
    except UnicodeDecodeError:
        return None


def _controls(text: str, doc: Document) -> str:
    text = _c1_as_windows_1252(text, doc)
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


_C1 = re.compile(r"[\x80-\x9f]")


def _c1_as_windows_1252(text: str, doc: Document) -> str:
    """C1 controls that are Windows-1252 bytes read as Latin-1 (`October\x96`, a lost en
    dash) made the characters they stand for."""
    if text.isascii() or not _C1.search(text):
        return text
    found: Counter[str] = Counter()

    def replace(match: re.Match[str]) -> str:
        meant = _windows_1252(match.group(0))
        if meant is None:
            return match.group(0)
        found[match.group(0)] += 1
        return meant

    fixed = _C1.sub(replace, text)
    if found:
        first = _C1.search(text)
        assert first is not None
        listing = ", ".join(
            f"U+{ord(c):04X} -> {_windows_1252(c)} ×{n}" for c, n in found.most_common()
        )
        doc.report(
            "windows-1252-controls-fixed",
            f"{sum(found.values())} C1 control character(s) read as the Windows-1252 "
            f"characters they encode: {listing}",
            COMPONENT,
            Severity.GUESS,
            text[max(0, first.start() - 40) : first.end() + 40],
            text.count("\n", 0, first.start()) + 1,
        )
    return fixed


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
