"""Conservation check: every word a reader of the page sees is in the export, or reported.

The page's words are those of its HTML rendering after template resolution (what a reader of
the wiki sees; templates dropped on purpose are reported where they are dropped). Each export's
words are read back from its own syntax; a word of the page missing from the export (counted:
a paragraph lost twice is two losses) is listed in one issue with the format that lost it.
"""

from __future__ import annotations

import html
import re
from collections import Counter

from selectolax.lexbor import LexborHTMLParser

from .model import Document, Severity
from .options import Options

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
REPORTED_WORDS = 30  # lost words quoted in the issue; the count covers them all


def page_words(doc: Document, options: Options) -> Counter[str]:
    from .render.html import HtmlRenderer
    from .templates import resolved

    with resolved(Document(doc.wikicode, doc.source, doc.title), options) as code:
        rendered = HtmlRenderer(options.rules, toc=False).render(code)
    return _words(_html_text(rendered.html))


def output_words(output: str, to: str) -> Counter[str]:
    if to in ("html", "pandoc-html"):
        return _words(_html_text(output))
    code = _CODE.findall(output)  # code is shown as written: its words count as they are
    words = _words(" ".join(code))
    text = _OWN_TAGS.sub(" ", _CODE.sub(" ", output))
    text = re.sub(r"\\(.)", r"\1", text)  # Markdown escapes (an escaped < is text)
    return words + _words(html.unescape(text))


def lost_words(doc: Document, output: str, to: str, options: Options) -> Counter[str]:
    return page_words(doc, options) - output_words(output, to)


def check(doc: Document, output: str, to: str, options: Options) -> int:
    """Report the words of the page the ``to`` export lost; return how many."""
    if to == "wikitext":
        return 0
    lost = lost_words(doc, output, to, options)
    total = sum(lost.values())
    if total:
        listing = ", ".join(w for w, _ in lost.most_common(REPORTED_WORDS))
        doc.report(
            "words-lost",
            f"{total} words of the page are not in the {to} output: {listing}",
            f"verify:{to}",
            Severity.WARNING,
        )
    return total


def _html_text(page: str) -> str:
    """The text a reader of the page reads: without the TOC, citation marks and backlinks,
    edit links (navigation, which every format writes its own way) and the renderer's own
    Cite error messages (diagnostics, not the page's words)."""
    tree = LexborHTMLParser(f"<body>{page}</body>")
    if tree.body is None:
        return ""
    for node in tree.body.css(_NAVIGATION):
        node.decompose()
    return tree.body.text(separator=" ")


_CODE = re.compile(r"```.*?```|`[^`\n]+`", re.S)
_NAVIGATION = (
    "div#toc, sup.reference, span.mw-cite-backlink, span.mw-editsection, span.mw-ext-cite-error"
)
# HTML tags the text writers emit inside their own syntax (Markdown keeps some inline HTML).
_OWN_TAGS = re.compile(
    r"(?<!\\)</?(?:sup|sub|s|del|ins|u|mark|abbr|small|big|br|a|table|tbody|thead|tr|td|th|caption|"
    r"code|span|div|p|ul|ol|li|dl|dt|dd|pre|b|i|blockquote|hr|img)\b[^>]*>",
    re.I,
)


def _words(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD.findall(text))
