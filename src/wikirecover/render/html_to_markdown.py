"""Markdown from the page's HTML rendering: GitHub-flavoured (default) or plain CommonMark.

The HTML renderer already decided what MediaWiki would show (paragraphs, lists, tables,
references); this module writes that tree as Markdown, walking the HTML with Lexbor:
citations become footnotes (a named reference is one footnote cited several times), tables pipe
tables when every cell is one line of inline text (HTML otherwise, which GitHub renders),
definition lists bold terms, images ``![alt](media URL)``. CommonMark has neither footnotes nor
pipe tables: there citations are ``[n]`` links to a numbered notes list and tables stay HTML.
"""

from __future__ import annotations

import contextlib
import re
import sys
from dataclasses import dataclass, field
from urllib.parse import unquote

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..lexbor import BLOCK_TAGS, blocks_of, children
from .extensions import code_language

# Markdown's inline markers, each written after a backslash (a table: one C pass over a text).
_MARKER = re.compile(r"[\\`*_\[\]<>|]")
_ESCAPES = str.maketrans({marker: "\\" + marker for marker in "\\`*_[]<>|"})
_SAME_PAGE_LINK = re.compile(r'href="#(?!cite_)')
_ANCHOR_MARK = re.compile("\ue020(\\d+)\ue021")
_ENTITY_LIKE = re.compile(r"&(#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]{1,31};)")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_LINE_START = re.compile(r"^(\s*)([#+\-]|\d+[.)]|>)(?=\s|$)", re.M)


@dataclass
class MarkdownStyle:
    flavour: str = "gfm"  # gfm | commonmark
    obsidian: bool = False  # internal links as [[Title|label]]
    media_url: str = "{name}"  # where images are, {name} replaced by the file name
    internal_prefix: str = ""  # hrefs that are internal links start with this (from the pattern)
    # a migrated site's links: hrefs are final (their anchors the engine's own), an Obsidian
    # link names the note its href gives (a redirect followed), images link to their files
    site: bool = False


@dataclass
class _State:
    notes: dict[str, str] = field(default_factory=dict)  # note id -> markdown text
    order: dict[str, int] = field(default_factory=dict)  # note id -> number, first-cited first
    anchored: set[str] = field(default_factory=set)  # notes cited from HTML: need an anchor


class MarkdownWriter:
    def __init__(self, style: MarkdownStyle) -> None:
        self.style = style
        self.state = _State()
        self.flattened = 0  # elements unwrapped past MAX_DEPTH in the last page

    def convert(self, html: str) -> str:
        tree = LexborHTMLParser(f"<body>{html}</body>")
        body = tree.body
        if body is None:
            return ""
        anchors = self._mark_link_targets(body) if _SAME_PAGE_LINK.search(html) else []
        for listing in body.css("div.mw-references-wrap, ol.references"):
            self._collect_notes(listing)
        for toc in body.css("div#toc"):
            toc.decompose()
        for edit in body.css("span.mw-editsection"):
            edit.decompose()
        self.flattened = flatten_deep(body, MAX_DEPTH)
        with recursion_room(RECURSION_LIMIT):
            text = self.blocks(body).strip("\n")
        if "\n\n\n" in text:
            text = re.sub(r"\n{3,}", "\n\n", text)
        text += self._notes() + "\n"
        if anchors:
            text = _ANCHOR_MARK.sub(lambda m: f'<a id="{anchors[int(m.group(1))]}"></a>', text)
        return text

    def _mark_link_targets(self, body: LexborNode) -> list[str]:
        """An element that a link of the page points to (`<span id="refASHA2005">`) keeps its
        anchor as `<a id>` before it (Markdown has no ids; headings have their own anchors):
        a mark is put in the tree, made the anchor at the end. Returns the anchors by mark."""
        targets = {
            self._section_anchor(href).partition("#")[2]
            for link in body.css('a[href^="#"]')
            if not (href := link.attributes.get("href") or "").startswith("#cite_")
        }
        anchors: list[str] = []
        for element in body.css("[id]") if targets else []:
            classes = element.attributes.get("class") or ""
            if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6") or "mw-headline" in classes:
                continue
            anchor = self._section_anchor("#" + (element.attributes.get("id") or ""))[1:]
            if anchor in targets and anchor not in anchors:
                element.insert_before(f"\ue020{len(anchors)}\ue021")
                anchors.append(anchor)
        return anchors

    # --- blocks -----------------------------------------------------------------------------

    def blocks(self, node: LexborNode) -> str:
        return "\n\n".join(
            blocks_of(
                node,
                lambda tag: tag in BLOCK_TAGS or tag in ("li", "dt", "dd"),
                lambda child: (self.block(child),),
                self.inline,
            )
        )

    def block(self, node: LexborNode) -> str:
        tag = node.tag
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return "#" * int(tag[1]) + " " + self.inline_children(node).strip()
        if tag == "p":
            return self.inline_children(node).strip()
        if tag in ("div", "center"):
            classes = node.attributes.get("class") or ""
            if "mw-references-wrap" in classes:
                return ""
            if "redirectMsg" in classes:  # one line: the label and the link
                label, target = node.css_first("p"), node.css_first("a")
                parts = [self.inline_children(p).strip() for p in (label, target) if p is not None]
                return " ".join(parts) if target is None else f"{parts[0]} {self.link(target)}"
            if "math" in classes.split():
                return _math(node.text(deep=True), True)
            if "mw-highlight" in classes:
                return _fenced(node.text(deep=True), code_language(classes))
            return self.blocks(node)
        if tag == "hr":
            return "---"
        if tag == "pre":
            return _fenced(node.text(deep=True))
        if tag == "blockquote":
            inner = self.blocks(node)
            return "\n".join("> " + line if line else ">" for line in inner.split("\n"))
        if tag in ("ul", "ol"):
            return self.list_block(node)
        if tag == "dl":
            return self.definitions(node)
        if tag == "table":
            return self.table(node)
        return self.blocks(node)

    def list_block(self, node: LexborNode) -> str:
        if "references" in (node.attributes.get("class") or ""):
            return ""
        ordered = node.tag == "ol"
        if "gallery" in (node.attributes.get("class") or ""):
            return self.gallery(node)
        items = []
        # its items, also those an HTML5 parser moved under a formatting element (an unclosed
        # <small> around a list is cloned into each item)
        items_here = _own_items(node)
        if not items_here:  # a list right inside a list (`<ol>` then `#` items): its lists
            return self.blocks(node)
        for number, item in enumerate(items_here, 1):
            marker = f"{number}." if ordered else "-"
            body = self.blocks(item).strip() or ""
            pad = " " * (len(marker) + 1)
            lines = body.split("\n")
            text = (
                marker
                + " "
                + lines[0]
                + "".join("\n" + (pad + line if line else "") for line in lines[1:])
            )
            items.append(text)
        return "\n".join(items)

    def gallery(self, node: LexborNode) -> str:
        """A gallery: its caption in bold, then each image with its caption below it."""
        out = []
        for item in _own_items(node):
            body = self.blocks(item).strip()
            if body:
                caption = "gallerycaption" in (item.attributes.get("class") or "")
                out.append(f"**{body}**" if caption else body)
        return "\n\n".join(out)

    def definitions(self, node: LexborNode) -> str:
        out = []
        for item in children(node):
            body = self.blocks(item).strip()
            if not body:
                continue
            out.append(f"**{body}**" if item.tag == "dt" else body)
        return "\n\n".join(out)

    def table(self, node: LexborNode) -> str:
        rows = [r for r in node.css("tr") if _closest_table(r) == node]  # == : same element
        simple = (
            self.style.flavour == "gfm"
            and rows
            and all(
                not (c.attributes.get("rowspan") or c.attributes.get("colspan"))
                and not any(b.tag in BLOCK_TAGS for b in c.css("*"))
                and "\n" not in (c.text(deep=True) or "").strip()
                for r in rows
                for c in _cells(r)
            )
        )
        if not simple:
            return self._html_table(node)
        grid = [
            [self.inline_children(c).strip().replace("|", "\\|") for c in _cells(r)] for r in rows
        ]
        width = max(len(r) for r in grid)
        grid = [r + [""] * (width - len(r)) for r in grid]
        header = grid[0] if all(c.tag == "th" for c in _cells(rows[0])) else [""] * width
        body = grid[1:] if header is grid[0] else grid
        caption = node.css_first("caption")
        lines = []
        if caption is not None:
            lines.append(f"**{self.inline_children(caption).strip()}**\n")
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "|".join(" --- " for _ in range(width)) + "|")
        lines += ["| " + " | ".join(row) + " |" for row in body]
        return "\n".join(lines)

    # --- inline -----------------------------------------------------------------------------

    def inline_children(self, node: LexborNode) -> str:
        return "".join(self.inline(child) for child in children(node))

    def inline(self, node: LexborNode) -> str:
        tag = node.tag
        if tag == "-text":
            return escape_markdown(node.text_content or "")
        if tag == "-comment":
            return ""
        if tag in ("b", "strong"):
            inner = self.inline_children(node)
            return f"**{inner.strip()}**" if inner.strip() else inner
        if tag in ("i", "em"):
            inner = self.inline_children(node)
            return f"*{inner.strip()}*" if inner.strip() else inner
        if tag in ("code", "tt", "kbd", "samp"):
            # (a blank line would end the paragraph, and the code span with it)
            text = _BLANK_LINES.sub("\n", node.text(deep=True))
            tick = "``" if "`" in text else "`"
            return f"{tick}{text}{tick}" if text else ""
        if tag == "br":
            return "<br>"
        if tag == "a":
            return self.link(node)
        if tag == "img":
            name = node.attributes.get("src") or ""
            alt = node.attributes.get("alt") or ""
            return f"![{escape_markdown(alt)}]({self.style.media_url.replace('{name}', name)})"
        if tag == "sup" and "reference" in (node.attributes.get("class") or ""):
            return self.citation(node)
        if tag == "span" and "math" in (classes := node.attributes.get("class") or ""):
            return _math(node.text(deep=True), "display" in classes.split())
        if tag in ("sup", "sub", "s", "del", "ins", "u", "mark", "abbr", "small", "big"):
            return f"<{tag}>{self.inline_children(node)}</{tag}>"
        if tag in BLOCK_TAGS:
            return " " + self.blocks(node) + " "
        if tag == "span" and "mw-ext-cite-error" in (node.attributes.get("class") or ""):
            return " " + self.inline_children(node)  # an error, not part of the word before it
        return self.inline_children(node)

    def link(self, node: LexborNode) -> str:
        href = node.attributes.get("href") or ""
        label = self.inline_children(node).strip()
        classes = node.attributes.get("class") or ""
        title = node.attributes.get("title") or ""
        internal = "external" not in classes and "image" not in classes
        if self.style.obsidian and internal and (title or (self.style.site and href)):
            target = title.removesuffix(" (page does not exist)")
            plain = node.text(deep=True)
            if self.style.site:
                if not href:  # a page the site lacks: its label
                    return label
                target = unquote(href)
            return f"[[{target}]]" if plain == target else f"[[{target}|{plain}]]"
        if not href:
            return label
        if "external" not in classes and not self.style.site:
            href = self._section_anchor(href)
        return f"[{label or escape_markdown(href)}]({_url(href)})"

    def _section_anchor(self, href: str) -> str:
        """An internal link's section (`Page.md#Early_life`) as GitHub names a heading's
        anchor (`#early-life`); other flavours have no heading anchors to match."""
        page, hash_, section = href.partition("#")
        if not hash_ or self.style.flavour != "gfm" or section.startswith("cite_note-"):
            return href
        return f"{page}#{gfm_slug(section)}"

    def citation(self, node: LexborNode) -> str:
        anchor = node.css_first("a")
        href = anchor.attributes.get("href") if anchor is not None else ""
        key = (href or "").removeprefix("#cite_note-")
        if key not in self.state.order:
            self.state.order[key] = len(self.state.order) + 1
        if self.style.flavour == "gfm":
            return f"[^{_footnote_id(key)}]"
        return f"<sup>[{self.state.order[key]}](#note-{_footnote_id(key)})</sup>"

    def _html_table(self, node: LexborNode) -> str:
        """A table Markdown cannot hold, kept as HTML: its citations link to anchors written
        into the notes (Markdown's footnote links do not work inside HTML)."""
        marks = []
        for sup in node.css("sup.reference"):
            anchor = sup.css_first("a")
            key = (
                (anchor.attributes.get("href") if anchor is not None else "") or ""
            ).removeprefix("#cite_note-")
            if key not in self.state.order:
                self.state.order[key] = len(self.state.order) + 1
            self.state.anchored.add(key)
            marks.append(
                f'<sup><a href="#note-{_footnote_id(key)}">[{self.state.order[key]}]</a></sup>'
            )
            sup.replace_with(f"\ue010{len(marks) - 1}\ue011")
        for anchor in node.css("a[href]"):
            href = anchor.attributes.get("href") or ""
            if "#" in href and "external" not in (anchor.attributes.get("class") or ""):
                anchor.attrs["href"] = self._section_anchor(href)
        text = node.html or ""
        return re.sub("\ue010(\\d+)\ue011", lambda m: marks[int(m.group(1))], text)

    def _collect_notes(self, listing: LexborNode) -> None:
        for item in listing.css("li"):
            key = (item.attributes.get("id") or "").removeprefix("cite_note-")
            text = item.css_first(".reference-text")
            body = self.inline_children(text).strip() if text is not None else ""
            if not body:
                error = item.css_first(".error")
                body = self.inline_children(error).strip() if error is not None else ""
            self.state.notes[key] = body
        listing.decompose()

    def _notes(self) -> str:
        keys = [*self.state.order, *(k for k in self.state.notes if k not in self.state.order)]
        if not keys:
            return ""
        if self.style.flavour == "gfm":
            return "\n\n" + "\n".join(
                f"[^{_footnote_id(k)}]: "
                + (f'<a id="note-{_footnote_id(k)}"></a>' if k in self.state.anchored else "")
                + self.state.notes.get(k, "")
                for k in keys
            )
        return "\n\n## Notes\n\n" + "\n".join(
            f'{n}. <a id="note-{_footnote_id(k)}"></a>{self.state.notes.get(k, "")}'
            for n, k in enumerate(keys, 1)
        )


# Elements nested deeper than this (a 1,000-deep list) lose their wrappers past it, keeping
# their text: the writer walks the tree recursively and Markdown cannot show such depth anyway.
# 200 levels of elements leave room for lists 50 deep (two elements a level, plus paragraphs).
MAX_DEPTH = 200
RECURSION_LIMIT = 6000  # Python frames the walk may need at MAX_DEPTH (a few per element)


def flatten_deep(root: LexborNode, limit: int) -> int:
    """Unwrap the elements below ``root`` nested more than ``limit`` deep (their children take
    their place); returns how many. Iterative: the tree may be any depth."""
    deep: list[LexborNode] = []
    stack: list[tuple[LexborNode, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > limit and not node.tag.startswith("-"):
            deep.append(node)
        child = node.child
        while child is not None:
            stack.append((child, depth + 1))
            child = child.next
    for node in reversed(deep):  # deepest first: each unwrap then moves a single child
        node.unwrap()
    return len(deep)


@contextlib.contextmanager
def recursion_room(frames: int):
    """Python's recursion limit raised to ``frames`` for a walk of bounded depth (3.11 runs
    Python calls without growing the C stack), then put back."""
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(max(before, frames))
    try:
        yield
    finally:
        sys.setrecursionlimit(before)


def _cells(row: LexborNode) -> list[LexborNode]:
    return [c for c in children(row) if c.tag in ("td", "th")]


def _closest_table(node: LexborNode) -> LexborNode | None:
    return _closest(node, ("table",))


def _own_items(node: LexborNode) -> list[LexborNode]:
    """The ``li`` of this list, in order, wherever a formatting element holds them, but not
    those of the lists nested in it (one walk: a list 1,000 deep is not walked 1,000 times)."""
    items: list[LexborNode] = []
    stack = list(reversed(children(node)))
    while stack:
        child = stack.pop()
        if child.tag == "li":
            items.append(child)
        elif child.tag not in ("ul", "ol") and not child.tag.startswith("-"):
            stack.extend(reversed(children(child)))
    return items


def _closest(node: LexborNode, tags: tuple[str, ...]) -> LexborNode | None:
    parent = node.parent
    while parent is not None and parent.tag not in tags:
        parent = parent.parent
    return parent


def _fenced(code: str, language: str = "") -> str:
    fence = "````" if "```" in code else "```"
    return f"{fence}{language}\n{code.rstrip()}\n{fence}"


def _math(text: str, display: bool) -> str:
    """TeX as `$…$` (inline) or `$$…$$` (display), from `\\(…\\)` or `\\[…\\]`."""
    tex = text.strip()
    if tex[:2] in ("\\(", "\\[") and tex[-2:] in ("\\)", "\\]"):
        tex = tex[2:-2].strip()
    return f"$${tex}$$" if display else f"${tex}$"


def escape_markdown(text: str) -> str:
    text = _single_spaces(text)
    if _MARKER.search(text):  # rarely (a translation through a dict is slow per character)
        text = text.translate(_ESCAPES)
    if "&" in text:  # `&#x14C;` as text: Markdown would show the character it names
        text = _ENTITY_LIKE.sub(r"&amp;\1", text)
    # one line now (its whitespace is single spaces): only its start can look like a block
    start = _LINE_START.match(text)
    return text if start is None else text[: start.end(1)] + "\\" + text[start.start(2) :]


def _single_spaces(text: str) -> str:
    """Each run of whitespace made one space: ``re.sub(r"\\s+", " ", text)``, with str.split
    (the same whitespace, split in C)."""
    words = text.split()
    if not words:
        return " " if text else ""
    return (
        (" " if text[0].isspace() else "") + " ".join(words) + (" " if text[-1].isspace() else "")
    )


def gfm_slug(anchor: str) -> str:
    """The anchor GitHub gives a heading, from MediaWiki's (`Early_life`, percent-encoded):
    lower case, punctuation dropped, spaces as hyphens."""
    text = unquote(anchor).replace("_", " ").strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def _url(href: str) -> str:
    return href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def _footnote_id(key: str) -> str:
    return re.sub(r"[^\w.-]", "_", key) or "note"
