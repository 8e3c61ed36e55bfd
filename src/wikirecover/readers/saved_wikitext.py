"""Wikitext as it was saved: parsed losslessly, repaired later by the passes."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Document, Severity, SourceInfo
from ..options import Options
from ..parsing import parse_reporting
from ..registry import register_reader
from ..titles import title_from_path

_MARKUP = re.compile(
    r"^=+[^=\n].*=+[ \t]*$|\[\[|\{\{|'''?|<ref\b|</ref>|^\{\||^\|-|\[https?://|^[*#]+ ",
    re.MULTILINE,
)
# Markup signals in the first 20,000 characters at which we are sure the text is wikitext.
SURE_MARKUP_COUNT = 10
SNIFF_WINDOW = 20_000


def sniff_wikitext(text: str) -> float:
    hits = len(_MARKUP.findall(text[:SNIFF_WINDOW]))
    return 0.1 + 0.8 * min(1.0, hits / SURE_MARKUP_COUNT)


_ENDINGS = re.compile(r"\r\n|\r|\n")
_NAMES = {"\r\n": "CRLF", "\r": "CR", "\n": "LF"}


@dataclass(frozen=True)
class LfLines:
    text: str  # every line ending made LF, as MediaWiki saves pages and parsers expect
    ending: str  # the page's own (its most common) line ending
    mixed: str  # "CRLF ×3, LF ×1" when the page mixed them, else ""


def lf_lines(text: str) -> LfLines:
    """``text`` with LF line endings and the ending it used: a CR-only page otherwise parses as
    one line, and CRLF leaves a stray CR in every construct that ends a line."""
    if "\r" not in text:
        return LfLines(text, "\n", "")
    kinds = Counter(match.group(0) for match in _ENDINGS.finditer(text))
    ending = kinds.most_common(1)[0][0]
    mixed = ", ".join(f"{_NAMES[k]} ×{n}" for k, n in kinds.most_common()) if len(kinds) > 1 else ""
    return LfLines(_ENDINGS.sub("\n", text), ending, mixed)


@register_reader("wikitext", sniff=sniff_wikitext)
def read_wikitext(text: str, source: SourceInfo, options: Options) -> Iterator[Document]:
    """Wikitext source, read with an exact round trip (line endings: see `lf_lines`)."""
    lines = lf_lines(text)
    code, notes = parse_reporting(lines.text)
    title = options.title or title_from_path(source.path)
    doc = Document(code, source, title, parsed_from=(code, lines.text))
    for note, message in notes:
        severity = Severity.WARNING if note == "styles-not-parsed" else Severity.ERROR
        doc.report(note, message, "reader:wikitext", severity)
    if lines.ending != "\n":
        doc.metadata["line_ending"] = lines.ending  # the wikitext writer restores it
    if lines.mixed:
        doc.report(
            "line-endings-unified",
            f"mixed line endings ({lines.mixed}) made {_NAMES[lines.ending]}",
            "reader:wikitext",
        )
    yield doc
