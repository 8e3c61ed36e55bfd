"""Saved HTML pages (browser saves, Wayback captures): the content column to wikitext.

First version: the content column is found and the skin chrome around and inside it removed
(each removal reported), then pandoc's HTML reader turns the rest into wikitext. Citations,
red links and templates are not yet rebuilt (that is the HTML-recovery work); the report says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree
from lxml import html as lxml_html

from ..errors import InputError, PandocError
from ..model import Document, Severity, SourceInfo
from ..options import Options
from ..pandoc import run_pandoc
from ..registry import register_reader
from .title import title_from_path

COMPONENT = "reader:html"
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?(?:div|p|span|a|ul|li|table|h[1-6])\b", re.IGNORECASE)

# Where the article lives in the skins we know, most specific first.
CONTENT_XPATHS = (
    "//div[contains(concat(' ', @class, ' '), ' mw-parser-output ')]",
    "//*[@id='mw-content-text']",
    "//*[@id='bodyContent']",
    "//*[@id='content']",
    "//body",
)
# Chrome inside the content column: (xpath, what it is).
CHROME_XPATHS = (
    ("//*[contains(concat(' ', @class, ' '), ' mw-editsection ')]", "section edit link"),
    ("//*[@id='toc' or contains(concat(' ', @class, ' '), ' toc ')]", "table of contents"),
    ("//*[contains(concat(' ', @class, ' '), ' printfooter ')]", '"Retrieved from" footer'),
    ("//*[contains(concat(' ', @class, ' '), ' mw-jump-link ')]", '"Jump to" link'),
    ("//*[@id='siteSub' or @id='contentSub' or @id='jump-to-nav']", "page subtitle"),
    ("//script | //style | //noscript", "script or style"),
)


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
    """Saved HTML of a MediaWiki page: content column, chrome removed, via pandoc."""
    try:
        tree = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse as HTML: {exc}", source.path) from None
    title = options.title or _title(tree) or title_from_path(source.path)
    categories = [a.text_content().strip() for a in tree.xpath("//*[@id='mw-normal-catlinks']//li")]
    content = next((found[0] for xp in CONTENT_XPATHS if (found := tree.xpath(xp))), tree)
    removed: list[tuple[str, str]] = []
    for xpath, what in CHROME_XPATHS:
        for element in content.xpath("." + xpath if xpath.startswith("//") else xpath):
            removed.append((what, element.text_content()))
            element.drop_tree()
    fragment = etree.tostring(content, encoding="unicode", method="html")
    try:
        wikitext = run_pandoc(
            fragment,
            "html",
            "mediawiki",
            timeout=options.pandoc_timeout,
            memory=options.pandoc_memory,
        )
    except PandocError as exc:
        raise InputError(str(exc), source.path) from None
    if categories:
        wikitext = (
            wikitext.rstrip("\n")
            + "\n\n"
            + "\n".join(f"[[Category:{name}]]" for name in categories)
            + "\n"
        )
    doc = Document.from_wikitext(wikitext, source, title)
    for what, excerpt in removed:
        doc.report("chrome-removed", f"removed {what}", COMPONENT, Severity.INFO, excerpt)
    doc.report(
        "html-basic-reader",
        "citations, red links and templates are converted by pandoc as links, not rebuilt",
        COMPONENT,
        Severity.WARNING,
    )
    yield doc


def _title(tree: etree._Element) -> str:
    heading = tree.xpath("//*[@id='firstHeading']")
    if heading:
        return heading[0].text_content().strip()
    titles = tree.xpath("//title")
    return titles[0].text_content().split(" - ")[0].strip() if titles else ""
