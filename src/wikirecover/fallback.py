"""What a page that could not be processed within its budget becomes: its raw text, kept whole.

The page is marked DEGRADED with the reason and exported in the simplest form of the format that
keeps every character visible: the text itself as wikitext, a ``<pre>`` block in HTML, a code
block in Markdown. Formats that cannot show raw text simply (pandoc's binary ones) fail the page.
"""

from __future__ import annotations

import html
import re

from mwparserfromhell.nodes import Text
from mwparserfromhell.wikicode import Wikicode

from .model import Document, Severity, SourceInfo

_MARKDOWN = ("gfm", "markdown", "commonmark", "pandoc-gfm", "pandoc-markdown")


def raw_output(text: str, to: str) -> str | None:
    """``text`` shown verbatim in format ``to``; None when the format has no simple way."""
    if to in ("wikitext", "plain"):
        return text
    if to in ("html", "pandoc-html"):
        return f"<pre>{html.escape(text, quote=False)}</pre>\n"
    if to in _MARKDOWN:
        longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
        fence = "`" * max(3, longest + 1)
        return f"{fence}\n{text.removesuffix(chr(10))}\n{fence}\n"
    return None


def raw_document(text: str, source: SourceInfo, title: str, reason: str = "") -> Document:
    """The page as one text node; DEGRADED with ``reason`` when one is given."""
    doc = Document(Wikicode([Text(text)]), source, title)
    if reason:
        doc.report("page-budget", f"{reason}; raw text kept", "budget", Severity.ERROR)
    return doc
