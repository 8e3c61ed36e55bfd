"""Wikitext -> the text a reader sees, as pieces that each know their wikitext span.

A page and its upstream are compared on what a reader of the rendered page sees, not on markup:
words, spaces, line breaks, and one *token* for each thing that shows as a unit (a citation, a
template, an image, a list bullet). Every piece records the span of wikitext it came from, so a
difference found between two texts can be carried back onto the wikitext.

Alongside the pieces, `Span`s record the wikitext nodes that an edit must not cut through: a
link's target, a template, a ref, the markers of bold text, a table cell. `SourceMap.widen` grows
an edit region until it starts and ends at places where cutting keeps the markup well formed.

Tokens are keyed so that the same thing recovered from a dump compares equal to the upstream's:
``t:<template name>`` (the dump showed a missing template as its name), ``ref`` (a citation
marker), ``reflist`` (`<references/>` and the reflist templates), ``f:<file name>``, ``li`` (a
list or indent marker), ``table``/``row``/``cell`` structure is only whitespace.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from mwparserfromhell.nodes import (
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from ..parsing import EXTENSION_TAGS, parse_wikitext, tag_name
from ..rules import Rules
from ..titles import page_name
from .codes import TOKEN as TOKEN_PATTERN

WORD, SPACE, BREAK, TOKEN = 0, 1, 2, 3
_WORDLIKE = re.compile(r"\w")

# Kinds of span: what an edit may do inside a node.
ATOMIC = "atomic"  # never cut inside (a link target, a ref, a template)
INLINE = "inline"  # cut inside its content only for a region strictly inside it (bold, link text)
BLOCK = "block"  # content is free text: regions and insertion points may sit inside (table cell)

# Tags whose content is shown as one unit that a dump renders its own way: compared as a token.
UNIT_TAGS = EXTENSION_TAGS
# Tags that lay out blocks (their content is edited like page text).
BLOCK_TAGS = frozenset(
    {"table", "tr", "td", "th", "caption", "div", "blockquote", "center", "poem", "pre", "ul", "ol"}
)
LIST_MARKERS = frozenset({"li", "dt", "dd"})
# Magic words written like templates that print nothing a dump would show.
_MAGIC = re.compile(r"^\s*(?:#|[A-Z_]+\s*:|__|(?:DEFAULTSORT|DISPLAYTITLE|NOTOC|TOC)\b)")


@dataclass
class Span:
    start: int
    end: int
    inner_start: int
    inner_end: int
    kind: str
    children: list[Span] = field(default_factory=list)
    _child_starts: list[int] | None = None

    def child_at(self, at: int) -> Span | None:
        """The child that contains position ``at`` strictly, if any (children never overlap)."""
        if self._child_starts is None or len(self._child_starts) != len(self.children):
            self._child_starts = [c.start for c in self.children]
        index = bisect.bisect_right(self._child_starts, at) - 1
        if index < 0:
            return None
        child = self.children[index]
        return child if child.start < at < child.end else None


@dataclass
class SourceMap:
    """The readable pieces of a wikitext and the spans edits must respect."""

    wikitext: str
    keys: list[str] = field(default_factory=list)
    kinds: list[int] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    linked: list[bool] = field(default_factory=list)  # the piece shows inside a link
    root: Span = field(default_factory=lambda: Span(0, 0, 0, 0, BLOCK))
    tables: list[tuple[int, int]] = field(default_factory=list)  # piece ranges of tables

    def __len__(self) -> int:
        return len(self.keys)

    def text(self, first: int = 0, last: int | None = None) -> str:
        """The readable text of pieces [first, last): words as they are, tokens as ``⟦key⟧``."""
        last = len(self.keys) if last is None else last
        out = []
        for i in range(first, last):
            kind = self.kinds[i]
            if kind == TOKEN:
                out.append(f"⟦{self.keys[i]}⟧")
            elif kind == WORD:
                out.append(self.keys[i])
            else:
                out.append("\n" if kind == BREAK else " ")
        return "".join(out)

    def piece_range(self, start: int, end: int) -> tuple[int, int]:
        """Pieces whose wikitext lies inside [start, end) (a piece of zero width at a boundary
        counts when it sits inside or at the start)."""
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        while last > first and self.ends[last - 1] > end:
            last -= 1
        return first, last

    def widen(self, start: int, end: int) -> tuple[int, int]:
        """Grow [start, end) until cutting there leaves every node whole or untouched."""
        while True:
            new_start, new_end = _widen_in(self.root, start, end)
            if (new_start, new_end) == (start, end):
                return start, end
            start, end = new_start, new_end

    def insertion_point(self, at: int) -> int:
        """Move an insertion point out of any link, template or formatting that contains it."""
        span = self.root
        while True:
            child = span.child_at(at)
            if child is None or not (child.start < at < child.end):
                return at
            if child.kind != BLOCK or not (child.inner_start <= at <= child.inner_end):
                return child.end
            span = child


def _widen_in(span: Span, start: int, end: int) -> tuple[int, int]:
    for at in (start, end):
        child = span.child_at(at)
        if child is None:
            continue
        inside = child.inner_start <= start and end <= child.inner_end
        covers_inner = start <= child.inner_start and child.inner_end <= end
        if child.kind != ATOMIC and inside and not (child.kind == INLINE and covers_inner):
            return _widen_in(child, start, end)
        return min(start, child.start), max(end, child.end)
    return start, end


class _Builder:
    def __init__(self, wikitext: str, rules: Rules) -> None:
        self.map = SourceMap(wikitext)
        self.map.root = Span(0, len(wikitext), 0, len(wikitext), BLOCK)
        self.categories = tuple(ns.casefold() for ns in rules.category_namespaces)
        self.files = tuple(ns.casefold() for ns in rules.file_namespaces)
        self.reflists = rules.reflist_templates
        self.link_depth = 0

    def piece(self, key: str, kind: int, start: int, end: int) -> None:
        m = self.map
        last = m.kinds[-1] if m.kinds else None
        if kind in (SPACE, BREAK) and last in (SPACE, BREAK):
            # one run of whitespace, however many nodes it crosses
            m.kinds[-1] = max(m.kinds[-1], kind)
            m.keys[-1] = "\n" if m.kinds[-1] == BREAK else " "
            m.ends[-1] = max(m.ends[-1], end)
            return
        if kind == WORD and last == WORD and _WORDLIKE.match(key) and _WORDLIKE.match(m.keys[-1]):
            # one word across markup: a link trail (`[[mirror]]s`), `2<sup>n</sup>`
            m.keys[-1] += key
            m.ends[-1] = end
            m.linked[-1] = m.linked[-1] or self.link_depth > 0
            return
        m.keys.append(key)
        m.kinds.append(kind)
        m.starts.append(start)
        m.ends.append(end)
        m.linked.append(self.link_depth > 0)

    def text(self, value: str, offset: int) -> None:
        for match in TOKEN_PATTERN.finditer(value):
            token = match.group()
            start, end = offset + match.start(), offset + match.end()
            if token.isspace():
                kind = BREAK if "\n" in token else SPACE
                self.piece("\n" if kind == BREAK else " ", kind, start, end)
            else:
                self.piece(token, WORD, start, end)

    def code(self, code: Wikicode, offset: int, parent: Span) -> None:
        for node in code.nodes:
            source = str(node)
            end = offset + len(source)
            self.node(node, source, offset, end, parent)
            offset = end

    def token(self, key: str, start: int, end: int) -> None:
        self.piece(key, TOKEN, start, end)

    def span(self, parent: Span, start: int, end: int, inner: tuple[int, int], kind: str) -> Span:
        child = Span(start, end, inner[0], inner[1], kind)
        parent.children.append(child)
        return child

    def node(self, node, source: str, start: int, end: int, parent: Span) -> None:
        if isinstance(node, Text):
            self.text(node.value, start)
        elif isinstance(node, HTMLEntity):
            value = node.normalize()
            kind = SPACE if value.isspace() else WORD
            self.piece(" " if kind == SPACE else value, kind, start, end)
        elif isinstance(node, Comment):
            return
        elif isinstance(node, Template):
            raw = "".join(str(n) for n in node.name.nodes if not isinstance(n, Comment))
            name = page_name(raw)
            if _MAGIC.match(raw):
                return
            key = "reflist" if name.casefold() in self.reflists else "t:" + name
            self.link_depth += 1  # a missing template shows as a red link to it
            self.token(key, start, end)
            self.link_depth -= 1
        elif isinstance(node, Wikilink):
            self.wikilink(node, start, end, parent)
        elif isinstance(node, ExternalLink):
            self.external_link(node, source, start, end, parent)
        elif isinstance(node, Heading):
            self.piece("\n", BREAK, start, start)
            inner = (start + node.level, end - node.level)
            span = self.span(parent, start, end, inner, INLINE)
            self.code(node.title, inner[0], span)
            self.piece("\n", BREAK, end, end)
        elif isinstance(node, Tag):
            self.tag(node, start, end, parent)
        # Arguments ({{{1}}}) and anything else show nothing a dump would keep.

    def wikilink(self, node: Wikilink, start: int, end: int, parent: Span) -> None:
        title = str(node.title)
        namespace = title.split(":", 1)[0].strip().casefold() if ":" in title else ""
        if namespace in self.categories:
            return  # categories are merged on their own (see transfer.merge_categories)
        if namespace in self.files:
            self.token("f:" + page_name(title.split(":", 1)[1]), start, end)
            return
        if re.fullmatch(r"[a-z]{2,3}(?:-[a-z]+)?", namespace):
            return  # an interlanguage link shows in the sidebar, not the text
        self.link_depth += 1
        if node.text is not None:
            inner_start = start + 2 + len(title) + 1
            span = self.span(parent, start, end, (inner_start, end - 2), INLINE)
            self.code(node.text, inner_start, span)
        else:
            span = self.span(parent, start, end, (start + 2, end - 2), ATOMIC)
            self.code(node.title, start + 2, span)
        self.link_depth -= 1

    def external_link(self, node: ExternalLink, source: str, start: int, end: int, parent) -> None:
        self.link_depth += 1
        if not node.brackets:
            self.span(parent, start, end, (start, end), ATOMIC)
            self.text(source, start)
        elif node.title is None:
            self.token("ext", start, end)
        else:
            title_start = end - 1 - len(str(node.title))
            span = self.span(parent, start, end, (title_start, end - 1), INLINE)
            self.code(node.title, title_start, span)
        self.link_depth -= 1

    def tag(self, node: Tag, start: int, end: int, parent: Span) -> None:
        name = tag_name(node)
        if name == "ref":
            self.token("ref", start, end)
            return
        if name == "references":
            self.token("reflist", start, end)
            return
        if name in LIST_MARKERS and node.wiki_markup:
            self.token("li", start, end)
            return
        if name == "hr":
            self.token("hr", start, end)
            return
        if name in UNIT_TAGS:
            self.token(name, start, end)
            return
        if name == "br":
            self.piece("\n", BREAK, start, end)
            return
        if node.self_closing or node.contents is None:
            return
        inner = _contents_range(node, end)
        block = name in BLOCK_TAGS
        if block:
            self.piece("\n", BREAK, start, start)
        span = self.span(parent, start, end, inner, BLOCK if block else INLINE)
        first = len(self.map.keys)
        if name in ("nowiki",):
            self.text(str(node.contents), inner[0])
        else:
            self.code(node.contents, inner[0], span)
        if name == "table":
            self.map.tables.append((first, len(self.map.keys)))
        if block:
            self.piece("\n", BREAK, end, end)


def _contents_range(node: Tag, end: int) -> tuple[int, int]:
    contents = len(str(node.contents))
    if node.wiki_markup:
        close = len(node.closing_wiki_markup or "")
        return end - close - contents, end - close
    close = len("</" + str(node.closing_tag) + ">")
    return end - close - contents, end - close


def source_map(wikitext: str, rules: Rules, code: Wikicode | None = None) -> SourceMap:
    """The readable pieces of ``wikitext`` (parsed here unless its tree is given)."""
    builder = _Builder(wikitext, rules)
    builder.code(code if code is not None else parse_wikitext(wikitext), 0, builder.map.root)
    _numbered_links(builder.map)
    return builder.map


def _numbered_links(m: SourceMap) -> None:
    """Literal ``[3]`` is how a page shows a bracketed link without a label: one ``ext``
    token, like the link itself. Literal ``[note 2]`` or ``[a]`` is a citation marker of a
    notes group: one ``ref`` token, like the ref."""
    i = 0
    keys, kinds = m.keys, m.kinds
    while i + 2 < len(keys):
        size, key = _marker(keys, kinds, i)
        if size:
            keys[i : i + size] = [key]
            kinds[i : i + size] = [TOKEN]
            m.starts[i : i + size] = [m.starts[i]]
            m.ends[i : i + size] = [m.ends[i + size - 1]]
            m.linked[i : i + size] = [True]
        i += 1


def _marker(keys: list[str], kinds: list[int], i: int) -> tuple[int, str]:
    """(pieces, token) of a marker in brackets starting at piece ``i``, or (0, "")."""
    if keys[i] != "[" or kinds[i] != WORD:
        return 0, ""
    if keys[i + 2] == "]" and kinds[i + 1] == WORD:
        inner = keys[i + 1]
        if inner.isdigit():
            return 3, "ext"
        if len(inner) == 1 and inner.isalpha() and inner.islower():
            return 3, "ref"
    if (
        i + 4 < len(keys)
        and keys[i + 4] == "]"
        and keys[i + 1].isalpha()
        and kinds[i + 2] == SPACE
        and keys[i + 3].isalnum()
    ):
        return 5, "ref"
    return 0, ""
