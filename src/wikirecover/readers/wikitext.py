"""Wikitext as it was saved: parsed losslessly, repaired later by the passes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, SourceInfo
from ..options import Options
from ..registry import register_reader
from .title import title_from_path

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


@register_reader("wikitext", sniff=sniff_wikitext)
def read_wikitext(text: str, source: SourceInfo, options: Options) -> Iterator[Document]:
    """Wikitext source, read with an exact round trip."""
    yield Document.from_wikitext(text, source, options.title or title_from_path(source.path))
