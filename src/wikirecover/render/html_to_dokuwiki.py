"""DokuWiki markup from the page's HTML rendering, written natively (pandoc's DokuWiki writer
drops most tables).

The HTML renderer already decided what MediaWiki would show; this module writes that tree in
DokuWiki's syntax (https://www.dokuwiki.org/wiki:syntax): headings from `======` (level 1) to
`==`, `**bold**`, `//italic//`, `[[page#section|label]]`, `{{media?200|caption}}`, lists as
two-space indented `*`/`-` lines, tables with `^` header cells, `:::` under a cell that spans
rows and an empty cell after one that spans columns, citations as footnotes `((text))` at each
place they are cited, code as `<code>`. Text that DokuWiki would read as markup is wrapped in
`%%...%%`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..lexbor import BLOCK_TAGS, blocks_of, children
from .html_to_markdown import MAX_DEPTH, RECURSION_LIMIT, flatten_deep, recursion_room

# What DokuWiki reads as markup inside a line of text.
_MARKUP = re.compile(
    r"\*\*|(?<!:)//|__|''|\[\[|\]\]|\{\{|\}\}|\(\(|\)\)|\\\\|~~|<|%%|\^|\||\bhttps?://|\bwww\."
)
# ... and at the start of a line (lists, quotes, headings, rules, code by indentation).
_LINE_START = re.compile(r"^(?:\s{2,}|>|=|-{4})")
_SPACES = re.compile(r"[ \t\r\n]+")
HEADING_MARKS = {1: 6, 2: 5, 3: 4, 4: 3, 5: 2, 6: 2}


@dataclass
class DokuWikiState:
    notes: dict[str, LexborNode] = field(default_factory=dict)  # note id -> its text node
    headings: int = 0
    unrepresented: list[str] = field(default_factory=list)  # what DokuWiki cannot hold


class DokuWikiWriter:
    def __init__(self) -> None:
        self.state = DokuWikiState()
        self.flattened = 0

    def convert(self, html: str) -> str:
        tree = LexborHTMLParser(f"<body>{html}</body>")
        body = tree.body
        if body is None:
            return ""
        for listing in body.css("div.mw-references-wrap, ol.references"):
            for item in listing.css("li"):
                key = item.attributes.get("id") or ""
                self.state.notes[key] = item.css_first(".reference-text") or item
        for selector in ("div#toc", "span.mw-editsection"):
            for node in body.css(selector):
                node.decompose()
        self.flattened = flatten_deep(body, MAX_DEPTH)
        with recursion_room(RECURSION_LIMIT):
            text = self.blocks(body).strip("\n")
        return re.sub(r"\n{3,}", "\n\n", text) + "\n"

    # --- blocks ---------------------------------------------------------------------------

    def blocks(self, node: LexborNode) -> str:
        return "\n\n".join(
            part
            for part in blocks_of(
                node,
                lambda tag: tag in BLOCK_TAGS or tag in ("li", "dt", "dd"),
                lambda child: (self.block(child),),
                self.inline,
            )
            if part.strip()
        )

    def block(self, node: LexborNode) -> str:
        tag = node.tag
        classes = node.attributes.get("class") or ""
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.state.headings += 1
            marks = "=" * HEADING_MARKS[int(tag[1])]
            title = self.one_line(self.inline_children(node))
            return f"{marks} {title} {marks}"
        if tag == "p":
            return self.one_paragraph(self.inline_children(node))
        if tag == "hr":
            return "----"
        if tag == "pre":
            return _code(node.text(deep=True) or "")
        if tag == "blockquote":
            inner = self.blocks(node)
            return "\n".join("> " + line for line in inner.split("\n") if line.strip())
        if tag in ("ul", "ol"):
            if "references" in classes:
                return ""
            return self.list_block(node, 1)
        if tag == "dl":
            return self.definitions(node)
        if tag == "table":
            return self.table(node)
        if tag == "div" and "mw-references-wrap" in classes:
            return ""
        if tag == "div" and "mw-highlight" in classes:
            return _code(node.text(deep=True) or "")
        return self.blocks(node)

    def list_block(self, node: LexborNode, depth: int) -> str:
        marker = "-" if node.tag == "ol" else "*"
        lines: list[str] = []
        for item in children(node):
            if item.tag != "li":
                if (item.text(deep=True) or "").strip():
                    lines.append(f"{'  ' * depth}{marker} {self.one_line(self.inline(item))}")
                continue
            own, nested = [], []
            for child in children(item):
                (nested if child.tag in ("ul", "ol") else own).append(child)
            text = self.one_line(
                " ".join(
                    self.blocks(c) if c.tag in BLOCK_TAGS else self.inline(c) for c in own
                ).strip()
            )
            lines.append(f"{'  ' * depth}{marker} {text}".rstrip())
            lines += [self.list_block(n, depth + 1) for n in nested]
        return "\n".join(line for line in lines if line.strip())

    def definitions(self, node: LexborNode) -> str:
        lines = []
        for item in children(node):
            text = self.one_line(self.blocks(item))
            if not text:
                continue
            lines.append(f"  * **{text}**" if item.tag == "dt" else f"    * {text}")
        return "\n".join(lines)

    def table(self, node: LexborNode) -> str:
        rows = [r for r in node.css("tr") if _closest_table(r) == node]
        spans: dict[int, int] = {}  # column -> rows still covered by a cell above
        lines: list[str] = []
        caption = node.css_first("caption")
        if caption is not None and _closest_table(caption) == node:
            lines.append(f"**{self.one_line(self.inline_children(caption))}**")
            lines.append("")
        for row in rows:
            cells = [c for c in children(row) if c.tag in ("td", "th")]
            out = ""
            column = 0
            for cell in cells:
                while spans.get(column, 0) > 0:
                    out += "| ::: "
                    spans[column] -= 1
                    column += 1
                text = self.cell_text(cell)
                mark = "^" if cell.tag == "th" else "|"
                out += f"{mark} {text} "
                width = _span(cell, "colspan")
                height = _span(cell, "rowspan")
                for k in range(width):
                    if height > 1:
                        spans[column + k] = height - 1
                out += mark * (width - 1)
                column += width
            while spans.get(column, 0) > 0:
                out += "| ::: "
                spans[column] -= 1
                column += 1
            last = "^" if cells and cells[-1].tag == "th" else "|"
            lines.append(out + last)
        return "\n".join(lines)

    def cell_text(self, cell: LexborNode) -> str:
        """A cell's content on one line (DokuWiki's cells hold one): blocks joined by forced
        line breaks; a table inside a cell written as its text."""
        for inner in cell.css("table"):
            self.state.unrepresented.append("a table inside a table cell, kept as its text")
            inner.replace_with(" ".join((inner.text(deep=True, separator=" ") or "").split()))
        has_blocks = any(c.tag in BLOCK_TAGS or c.tag in ("ul", "ol", "dl") for c in children(cell))
        text = self.blocks(cell) if has_blocks else self.inline_children(cell)
        parts = [self.one_line(p) for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
        return " \\\\ ".join(parts) or " "

    # --- inline ---------------------------------------------------------------------------

    def one_line(self, text: str) -> str:
        return _SPACES.sub(" ", text).strip()

    def one_paragraph(self, text: str) -> str:
        lines = [line.strip() for line in text.split("\n")]
        return " ".join(line for line in lines if line)

    def inline_children(self, node: LexborNode) -> str:
        return "".join(self.inline(child) for child in children(node))

    def inline(self, node: LexborNode) -> str:
        tag = node.tag
        if tag == "-text":
            return escape(_SPACES.sub(" ", node.text_content or ""))
        if tag == "-comment":
            return ""
        if tag in ("b", "strong"):
            return _wrap("**", self.inline_children(node))
        if tag in ("i", "em"):
            return _wrap("//", self.inline_children(node))
        if tag == "u":
            return _wrap("__", self.inline_children(node))
        if tag in ("code", "tt", "kbd", "samp"):
            text = " ".join((node.text(deep=True) or "").split())
            return f"''%%{text}%%''" if text and "%%" not in text else escape(text)
        if tag in ("sub", "sup", "del"):
            if tag == "sup" and "reference" in (node.attributes.get("class") or ""):
                return self.citation(node)
            inner = self.inline_children(node)
            return f"<{tag}>{inner}</{tag}>" if inner.strip() else inner
        if tag in ("s", "strike"):
            inner = self.inline_children(node)
            return f"<del>{inner}</del>" if inner.strip() else inner
        if tag == "br":
            return "\\\\ "
        if tag == "a":
            return self.link(node)
        if tag == "img":
            return self.image(node, "")
        if tag in BLOCK_TAGS or tag in ("ul", "ol", "dl", "li"):
            return " " + self.one_line(self.blocks(node)) + " "
        return self.inline_children(node)

    def link(self, node: LexborNode) -> str:
        href = node.attributes.get("href")
        classes = node.attributes.get("class") or ""
        image = node.css_first("img")
        if image is not None and "image" in classes:
            return self.image(image, href or "")
        label = self.one_line(self.inline_children(node))
        if href is None:  # a page the site lacks: its label alone
            return label
        if href.startswith("#cite_"):
            return label
        if href.startswith("//"):  # DokuWiki reads a link without a scheme as a page
            href = "https:" + href
        target = href.replace("|", "%7C")
        plain = self.one_line(node.text(deep=True) or "")
        if "external" in classes and plain == href:
            return href
        if not label or label == target:
            return f"[[{target}]]"
        return f"[[{target}|{label.replace(']]', '] ]')}]]"

    def image(self, image: LexborNode, href: str) -> str:
        source = image.attributes.get("src") or href
        alt = self.one_line(image.attributes.get("alt") or "")
        return "{{" + source + (f"|{alt.replace('}}', '} }')}" if alt else "") + "}}"

    def citation(self, node: LexborNode) -> str:
        link = node.css_first("a")
        key = ((link.attributes.get("href") or "") if link is not None else "").lstrip("#")
        note = self.state.notes.get(key)
        if note is None:
            return self.inline_children(node)
        text = self.one_line(self.inline_children(note)).replace("))", ") )")
        return f"(({text}))" if text else ""


def escape(text: str) -> str:
    """Text that DokuWiki would read as markup, wrapped in `%%...%%` (or `<nowiki>` when it
    holds `%%`)."""
    if not _MARKUP.search(text) and not _LINE_START.match(text):
        return text
    if "%%" in text:
        return "<nowiki>" + text.replace("</nowiki>", "</now iki>") + "</nowiki>"
    return f"%%{text}%%"


def _wrap(mark: str, inner: str) -> str:
    if not inner.strip():
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    tail = inner[len(inner.rstrip()) :]
    return f"{lead}{mark}{inner.strip()}{mark}{tail}"


def _code(text: str) -> str:
    return "<code>\n" + text.replace("</code>", "</ code>").strip("\n") + "\n</code>"


def _span(cell: LexborNode, name: str) -> int:
    try:
        return max(1, min(1000, int(cell.attributes.get(name) or 1)))
    except ValueError:
        return 1


def _closest_table(node: LexborNode) -> LexborNode | None:
    parent = node.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent
