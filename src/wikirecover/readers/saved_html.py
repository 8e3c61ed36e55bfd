"""Saved HTML pages (browser saves, Wayback Machine captures) back to wikitext.

Steps, each in its own module under `htmlpage/`: page (content column found, chrome removed and
reported, title and categories read; parsed with Lexbor, which keeps deep trees whole), notes
(the reference lists), convert (elements to wikitext: headings, paragraphs, lists, tables,
files, links with their real targets, citations as `<ref>` tags with their original names,
red-link templates as `{{Name}}`). Hatnote lines and leftover red-link text are finished by the
`templates` pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Severity, SourceInfo
from ..options import Options
from ..parsing import parse_wikitext
from ..registry import register_reader
from ..titles import title_from_path
from ..wayback import is_wayback, unwrap
from .htmlpage.convert import Converter
from .htmlpage.notes import read_notes
from .htmlpage.page import read_page
from .textdump.escape import escape_text
from .tracking import own_categories

COMPONENT = "reader:html"
# MediaWiki prints a table of contents on a page with at least this many headings, unless the
# page says __NOTOC__.
TOC_MIN_HEADINGS = 4
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?(?:div|p|span|a|ul|li|table|h[1-6])\b", re.IGNORECASE)


def sniff_html(text: str) -> float:
    head = text[:4096]
    if _HTML_START.match(head.lstrip()):
        return 0.99  # a document that opens as HTML is HTML, whatever text it holds
    if _HTML_START.search(head):
        return 0.9
    tags = len(_HTML_TAG.findall(text[:20_000]))
    return min(0.85, tags / 40)


@register_reader("html", sniff=sniff_html)
def read_html(text: str, source: SourceInfo, options: Options) -> Iterator[Document]:
    """Saved HTML of a MediaWiki page: content column, links, citations, templates rebuilt."""
    unwrapped = unwrap(text) if is_wayback(text) else None
    page = read_page(unwrapped.html if unwrapped else text)
    doc = Document.from_wikitext("", source)
    if unwrapped is not None:
        doc.report(
            "wayback-unwrapped",
            "a page saved from the Wayback Machine"
            + (f" (captured {unwrapped.timestamp})" if unwrapped.timestamp else "")
            + (f": removed {', '.join(unwrapped.removed)}" if unwrapped.removed else ""),
            COMPONENT,
            Severity.INFO,
        )
    doc.title = options.title or page.title or title_from_path(source.path)
    for what, excerpt in page.removed:
        doc.report(
            "chrome-removed", f"removed {what}", COMPONENT, Severity.INFO, excerpt, dropped=excerpt
        )
    if page.flattened:
        doc.report(
            "html-deep-nesting",
            f"{page.flattened} wrapper element(s) nested deeper than the page could need were "
            "unwrapped (their content kept)",
            COMPONENT,
            Severity.WARNING,
        )
    converter = Converter(doc, options.rules, read_notes(page.content), page.language)
    try:
        blocks = converter.blocks(page.content)
    except RecursionError:
        # formatting or lists nested thousands deep: keep every word, as plain paragraphs
        text = page.content.text(deep=True, separator="\n") or ""
        blocks = [escape_text(line.strip()) for line in text.split("\n") if line.strip()]
        doc.report(
            "html-too-deep",
            "elements nested too deep to convert: the page's text is kept as plain paragraphs",
            COMPONENT,
            Severity.ERROR,
        )
    categories = [
        f"[[Category:{name}]]"
        for name in own_categories(page.categories, options.rules, doc, COMPONENT)
    ]
    body = _join(blocks)
    headings = sum(1 for block in blocks if block.startswith("=="))
    if headings >= TOC_MIN_HEADINGS and not page.had_toc:
        body = "__NOTOC__\n" + body
        doc.report(
            "magic-word-notoc",
            f"{headings} headings but no table of contents: __NOTOC__ added",
            COMPONENT,
            Severity.GUESS,
        )
    if categories:
        body = (body + "\n\n" if body else "") + "\n".join(categories)
    doc.wikicode = parse_wikitext(body + "\n")
    yield doc


def _join(blocks: list[str]) -> str:
    """Blocks separated by blank lines; a heading's text follows it on the next line."""
    parts: list[str] = []
    for k, block in enumerate(blocks):
        if k:
            parts.append("\n" if blocks[k - 1].startswith("=") else "\n\n")
        parts.append(block)
    return "".join(parts)
