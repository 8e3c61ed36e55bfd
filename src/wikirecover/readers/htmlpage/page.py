"""A saved MediaWiki page: its content column, the chrome inside it, its title and categories.
Parsed with Lexbor (selectolax), an HTML5 parser that keeps deep trees whole."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Where the article lives, most specific first (MonoBook, Vector, Timeless, Minerva share these).
CONTENT_SELECTORS = (".mw-parser-output", "#mw-content-text", "#bodyContent", "#content", "body")
# Chrome inside the content column: (selector, what it is).
CHROME_SELECTORS = (
    (".mw-editsection", "section edit link"),
    ("#toc, .toc", "table of contents"),
    (".printfooter", '"Retrieved from" footer'),
    (".mw-jump-link, #jump-to-nav", '"Jump to" link'),
    ("#siteSub, #contentSub, #contentSub2", "page subtitle"),
    ("#catlinks", "category box"),
    ("script, style, noscript, link, meta", "script or style"),
    ("#wm-ipp-base, #wm-ipp, #donato", "Wayback Machine toolbar"),
)
_WAYBACK = re.compile(r"^(?:https?:)?//web\.archive\.org/web/\d+(?:[a-z_]+)?/(?P<url>.+)$")


@dataclass
class Page:
    content: LexborNode
    title: str
    categories: list[str] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (what, text)


def read_page(html: str) -> Page:
    tree = LexborHTMLParser(html)
    title = _title(tree)
    categories = [a.text(strip=True) for a in tree.css("#mw-normal-catlinks li a")]
    categories += [a.text(strip=True) for a in tree.css("#mw-hidden-catlinks li a")]
    content = next((found[0] for s in CONTENT_SELECTORS if (found := tree.css(s))), tree.root)
    page = Page(content, title, categories)
    for selector, what in CHROME_SELECTORS:
        for node in content.css(selector):
            page.removed.append((what, node.text(strip=True)))
            node.decompose()
    return page


def _title(tree: LexborHTMLParser) -> str:
    heading = tree.css_first("#firstHeading")
    if heading is not None:
        return heading.text(strip=True)
    title = tree.css_first("title")
    return title.text(strip=True).rsplit(" - ", 1)[0] if title is not None else ""


def unwrap_wayback(url: str) -> str:
    """A Wayback Machine capture's rewritten URL back to the original."""
    match = _WAYBACK.match(url)
    return match.group("url") if match else url
