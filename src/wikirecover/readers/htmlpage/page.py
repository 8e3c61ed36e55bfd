"""A saved MediaWiki page: its content column, the chrome inside it, its title and categories.
Parsed with Lexbor (selectolax), an HTML5 parser that keeps deep trees whole."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ...namespaces import CATEGORY, DEFAULT

# Where the article lives, most specific first (MonoBook, Vector, Timeless, Minerva share these;
# MediaWiki before 1.18 has no `mw-content-text`, Cologne Blue and Classic before 1.18 only
# `#article`).
CONTENT_SELECTORS = (
    ".mw-parser-output",
    "#mw-content-text",
    "#bodyContent",
    "#article",
    "#content",
    "body",
)
# Chrome inside the content column: (selector, what it is).
CHROME_SELECTORS = (
    # 1.23 on; before, `editsection` (1.5-1.15: a floating div before the heading)
    (".mw-editsection, .editsection", "section edit link"),
    ("#toc, .toc", "table of contents"),
    (".printfooter", '"Retrieved from" footer'),
    (".mw-jump-link, #jump-to-nav", '"Jump to" link'),
    ("#siteSub, #contentSub, #contentSub2, p.subtitle", "page subtitle"),
    ("h1.pagetitle", "page title"),  # Cologne Blue's, inside its `#article`
    ("#catlinks, .catlinks", "category box"),
    (".magnify", '"Enlarge" icon'),
    ("script, style, noscript, link, meta", "script or style"),
    ("#wm-ipp-base, #wm-ipp, #donato", "Wayback Machine toolbar"),
)


# The wiki's content language as MediaWiki's page script states it (1.17 on: RLCONF or
# `mw.config.set`; before: `var wgContentLanguage = "de";`).
_CONTENT_LANGUAGE = re.compile(
    r"""["']?wgContentLanguage["']?\s*[:=]\s*["']([a-z][a-z0-9-]{1,20})["']"""
)


@dataclass
class Page:
    content: LexborNode
    title: str
    language: str = "en"  # the wiki's content language (namespace names)
    categories: list[str] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (what, text)
    had_toc: bool = False
    flattened: int = 0  # wrapper elements unwrapped below MAX_NESTING


def read_page(html: str) -> Page:
    tree = LexborHTMLParser(html)
    title = _title(tree)
    categories = _categories(tree)
    content = next((found[0] for s in CONTENT_SELECTORS if (found := tree.css(s))), tree.root)
    page = Page(content, title, _language(html, tree), categories)
    page.had_toc = bool(content.css("#toc, .toc"))
    if content is not tree.root and tree.body is not None:
        outside = _text_outside(html, content)
        if outside:
            page.removed.append(("the skin around the article (menus, tools, footer)", outside))
    page.flattened = _flatten_deep_wrappers(content)
    for selector, what in CHROME_SELECTORS:
        for node in content.css(selector):
            page.removed.append((what, " ".join(node.text(separator=" ").split())))
            node.decompose()
    return page


def _language(html: str, tree: LexborHTMLParser) -> str:
    """The wiki's content language: from the page's script, else `<html lang>` (the interface
    language, the same on most saved pages), else English."""
    stated = _CONTENT_LANGUAGE.search(html[:200_000])
    if stated:
        return stated.group(1)
    root = tree.css_first("html")
    lang = (root.attributes.get("lang") or "") if root is not None else ""
    return lang.lower() if re.fullmatch(r"[A-Za-z][A-Za-z0-9-]{1,20}", lang) else "en"


def _categories(tree: LexborHTMLParser) -> list[str]:
    """The category box's links to categories, visible then hidden: a list since 1.13, links
    in a paragraph before; the label link (to Special:Categories) is not one."""
    found: list[str] = []
    for link in tree.css("#catlinks a, .catlinks a"):
        title = link.attributes.get("title") or unquote(link.attributes.get("href") or "")
        title = title.rsplit("/", 1)[-1].split("title=", 1)[-1].split("&", 1)[0]
        if DEFAULT.split(title.replace("_", " "))[0] == CATEGORY:
            name = link.text(strip=True)
            if name and name not in found:
                found.append(name)
    return found


def _text_outside(html: str, content: LexborNode) -> str:
    """The visible text of the page outside its content column."""
    tree = LexborHTMLParser(html)
    if tree.body is None:
        return ""
    for selector in CONTENT_SELECTORS:
        found = tree.css(selector)
        if found:
            if found[0].tag in ("html", "body"):
                return ""  # the whole page is the content
            found[0].decompose()
            break
    if tree.body is None:
        return ""
    for hidden in tree.body.css("script, style, noscript"):
        hidden.decompose()
    return " ".join(tree.body.text(separator=" ").split())


# Nesting below which wrapper elements (div, span, ...) are unwrapped, their content kept: a
# converter walks the tree recursively, and real pages nest a few dozen levels at most.
MAX_NESTING = 100
WRAPPERS = frozenset({"div", "span", "font", "center", "section", "article", "main", "aside"})


def _flatten_deep_wrappers(root: LexborNode) -> int:
    """Unwrap wrapper elements nested deeper than MAX_NESTING (iteratively); return how many."""
    deep: list[LexborNode] = []
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        child = node.child
        while child is not None:
            if child.tag not in ("-text", "-comment"):
                if depth + 1 > MAX_NESTING and child.tag in WRAPPERS:
                    deep.append(child)
                stack.append((child, depth + 1))
            child = child.next
    for node in reversed(deep):  # innermost first: each unwrap leaves its children in place
        node.unwrap()
    return len(deep)


def _title(tree: LexborHTMLParser) -> str:
    heading = tree.css_first("#firstHeading, h1.firstHeading, h1.pagetitle")
    if heading is not None:
        return heading.text(strip=True)
    title = tree.css_first("title")
    return title.text(strip=True).rsplit(" - ", 1)[0] if title is not None else ""
