"""The places of a tree that hold wikicode of their own, for passes that repair text in place.

Broken markup stays as literal text in mwparserfromhell's tree (`{{cite web|url=x` with no
closing braces is a Text node), so a repair finds the literal token in a holder's Text nodes,
edits the holder's string and parses that holder again: one holder, not the page.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from mwparserfromhell.nodes import ExternalLink, Heading, Node, Tag, Template, Text, Wikilink
from mwparserfromhell.wikicode import Wikicode

from ..model import Document
from ..parsing import ends_line, parse_wikitext, tag_name
from ..tags import NOT_REPAIRED_TAGS

VERBATIM_TAGS = NOT_REPAIRED_TAGS  # (see `tags`)


class Holder(NamedTuple):
    code: Wikicode
    context: str  # "page", "ref", "tag", "param", "link", "heading"


def holders(code: Wikicode, context: str = "page") -> list[Holder]:
    """Every holder of the tree, innermost first (so that repairing a holder never invalidates
    one still to come: a repair edits its own holder's nodes, and every holder inside it came
    before it)."""
    found: list[Holder] = []
    _gather(code, context, found.append)
    return found


def _gather(code: Wikicode, context: str, append: Callable[[Holder], None]) -> None:
    """`holders`' walk (a module function: a closure calling itself would be a reference cycle
    keeping the tree alive until a garbage collection)."""
    for node in code.nodes:
        kind = type(node)
        if kind is Text:
            continue
        if kind is Template:  # the commonest, read at once
            for param in node.params:
                _gather(param.value, "param", append)
        else:
            for child, child_context in _children(node):
                _gather(child, child_context, append)
    append(Holder(code, context))


def _children(node: Node) -> list[tuple[Wikicode, str]]:
    if isinstance(node, Tag):
        tag = tag_name(node)
        if node.contents is None or tag in VERBATIM_TAGS:
            return []
        return [(node.contents, "ref" if tag == "ref" else "tag")]
    if isinstance(node, Template):
        return [(param.value, "param") for param in node.params]
    if isinstance(node, Wikilink):
        return [(node.text, "link")] if node.text is not None else []
    if isinstance(node, ExternalLink):
        return [(node.title, "link")] if node.title is not None else []
    if isinstance(node, Heading):
        return [(node.title, "heading")]
    return []


def text_matches(
    code: Wikicode,
    pattern: re.Pattern[str],
    offsets: Offsets | None = None,
    needle: str = "",
) -> Iterator[tuple[int, re.Match[str]]]:
    """(offset in the holder's string, match) for matches of ``pattern`` inside the holder's
    own Text nodes: literal text, not markup that parsed. Offsets are measured only when a
    match is found (most holders have none, and measuring renders every node before it),
    unless the caller has them already (`rendered`). ``needle``: a string every match holds;
    a text without it is not searched."""
    for index, node in enumerate(code.nodes):
        if not isinstance(node, Text) or needle not in (value := node.value):
            continue
        for match in pattern.finditer(value):
            offsets = offsets or Offsets(code)
            yield offsets[index] + match.start(), match


def node_offsets(code: Wikicode, offsets: Offsets | None = None) -> list[tuple[int, Node]]:
    """(offset in the holder's string, node) for the holder's own nodes."""
    return list(zip((offsets or Offsets(code)).every(), code.nodes, strict=False))


def rendered(code: Wikicode) -> tuple[str, Offsets]:
    """The holder's string and where each of its own nodes starts in it, for the price of the
    string alone (rendering a holder renders each of its nodes anyway)."""
    pieces = [str(node) for node in code.nodes]
    return "".join(pieces), Offsets(code, list(itertools.accumulate(map(len, pieces), initial=0)))


def rendered_for(doc: Document, code: Wikicode) -> tuple[str, Offsets]:
    """`rendered(code)` for a holder of ``doc``, shared by the passes until the page changes
    (`Document.walked`): the syntax and references passes both render a page's holders that
    hold their tokens, the whole page among them."""
    renderings: dict[int, tuple[Wikicode, str, Offsets]] = doc.walked("renderings", _renderings)
    found = renderings.get(id(code))
    if found is None or found[0] is not code:
        text, offsets = rendered(code)
        renderings[id(code)] = found = (code, text, offsets)
    return found[1], found[2]


def _renderings(code: Wikicode) -> dict[int, tuple[Wikicode, str, Offsets]]:
    return {}


class Offsets:
    """Where each of a holder's own nodes starts in the holder's string, measured on demand
    and only as far as asked, or given (the holder must not change while it is used)."""

    def __init__(self, code: Wikicode, starts: list[int] | None = None) -> None:
        self._nodes = code.nodes
        self._starts = starts or [0]

    def __getitem__(self, index: int) -> int:
        starts = self._starts
        while len(starts) <= index:
            starts.append(starts[-1] + len(str(self._nodes[len(starts) - 1])))
        return starts[index]

    def every(self) -> list[int]:
        """The start of every node, and the end of the last one."""
        self[len(self._nodes)]
        return self._starts


def has_text(code: Wikicode, needles: tuple[str, ...]) -> bool:
    """Whether any of the holder's own Text nodes holds one of ``needles`` (a cheap test before
    a repair looks closer): one search of their texts joined by a character no needle holds."""
    nodes = code.nodes
    if len(nodes) == 1:  # most holders (a parameter's value): its one node, if it is text
        for node in nodes:  # (indexing a SmartList is a Python call)
            return isinstance(node, Text) and _any_of(needles).search(node.value) is not None
    texts = [node.value for node in nodes if isinstance(node, Text)]
    return bool(texts) and _any_of(needles).search("\x00".join(texts)) is not None


@functools.cache
def _any_of(needles: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(needle) for needle in needles))


def edit_and_reparse(
    code: Wikicode,
    edits: list[tuple[int, int, str]],
    anchors: list[int] = (),
    offsets: Offsets | None = None,
) -> None:
    """Apply (start, end, replacement) edits to the holder's text and parse again only the
    whole lines of nodes that hold them and their ``anchors`` (where the repaired construct
    opens), so that a repair costs a few lines, not the page."""
    nodes = code.nodes
    starts = (offsets or Offsets(code)).every()
    positions = [e[0] for e in edits] + [e[1] for e in edits] + list(anchors)
    low, high = min(positions), max(positions)

    def index_at(position: int) -> int:
        return min(bisect.bisect_right(starts, position) - 1, len(nodes) - 1)

    first, last = index_at(low), index_at(high)
    while first > 0 and not ends_line(nodes[first - 1]):
        first -= 1
    while last < len(nodes) - 1 and not ends_line(nodes[last]):
        last += 1
    start = starts[first]
    window = "".join(str(node) for node in nodes[first : last + 1])
    shifted = [(a - start, b - start, r) for a, b, r in edits]
    code.nodes[first : last + 1] = parse_wikitext(apply_insertions(window, shifted)).nodes


_BLANK_LINE = re.compile(r"(?=\n\n)")  # every "\n\n", overlapping ones too


def paragraph_starts(text: str, edits: list[tuple[int, int, str]]) -> list[int]:
    """Where the paragraph of each edit starts: the anchors of `edit_and_reparse`, so that the
    reparsed window holds the whole construct an edit closes. That is
    ``text.rfind("\n\n", 0, start) + 1`` for each edit, from one scan of the text (a search
    back from each edit is quadratic on a long paragraph with many repairs)."""
    breaks = [match.start() for match in _BLANK_LINE.finditer(text)]
    found = []
    for start, _, _ in edits:
        before = bisect.bisect_right(breaks, start - 2)  # breaks that end by ``start``
        found.append(breaks[before - 1] + 1 if before else 0)
    return found


def apply_insertions(text: str, insertions: list[tuple[int, int, str]]) -> str:
    """Apply (start, end, replacement) edits that do not overlap. Insertions at one place come
    out last given first, as if applied one by one from the last place to the first; the text
    is joined once (applying them one by one copies it per edit: quadratic)."""
    ordered = sorted(enumerate(insertions), key=lambda item: (*item[1][:2], -item[0]))
    parts: list[str] = []
    at = 0
    for _, (start, end, replacement) in ordered:
        parts += (text[at:start], replacement)
        at = end
    parts.append(text[at:])
    return "".join(parts)
