"""The places of a tree that hold wikicode of their own, for passes that repair text in place.

Broken markup stays as literal text in mwparserfromhell's tree (`{{cite web|url=x` with no
closing braces is a Text node), so a repair finds the literal token in a holder's Text nodes,
edits the holder's string and parses that holder again: one holder, not the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from mwparserfromhell.nodes import ExternalLink, Heading, Node, Tag, Template, Text, Wikilink
from mwparserfromhell.wikicode import Wikicode

from ..wikitext import parse_wikitext

# Tags whose contents are not wikitext (or not ours to repair).
VERBATIM_TAGS = frozenset(
    {
        "nowiki",
        "pre",
        "code",
        "math",
        "source",
        "syntaxhighlight",
        "tt",
        "score",
        "timeline",
        "graph",
        "templatedata",
        "chem",
        "ce",
    }
)


@dataclass(frozen=True)
class Holder:
    code: Wikicode
    context: str  # "page", "ref", "tag", "param", "link", "heading"


def holders(code: Wikicode, context: str = "page") -> Iterator[Holder]:
    """Every holder of the tree, innermost first (so that repairing a holder never invalidates
    one still to come)."""
    for node in code.nodes:
        for child, child_context in _children(node):
            yield from holders(child, child_context)
    yield Holder(code, context)


def _children(node: Node) -> list[tuple[Wikicode, str]]:
    if isinstance(node, Tag):
        tag = str(node.tag).strip().lower()
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


def text_matches(code: Wikicode, pattern: re.Pattern[str]) -> Iterator[tuple[int, re.Match[str]]]:
    """(offset in the holder's string, match) for matches of ``pattern`` inside the holder's
    own Text nodes: literal text, not markup that parsed."""
    offset = 0
    for node in code.nodes:
        text = str(node)
        if isinstance(node, Text):
            for match in pattern.finditer(text):
                yield offset + match.start(), match
        offset += len(text)


def node_offsets(code: Wikicode) -> list[tuple[int, Node]]:
    """(offset in the holder's string, node) for the holder's own nodes."""
    out = []
    offset = 0
    for node in code.nodes:
        out.append((offset, node))
        offset += len(str(node))
    return out


def reparse(code: Wikicode, text: str) -> None:
    """Give the holder new text, parsed: its nodes are replaced in place."""
    code.nodes[:] = parse_wikitext(text).nodes


def apply_insertions(text: str, insertions: list[tuple[int, int, str]]) -> str:
    """Apply (start, end, replacement) edits that do not overlap, from the last to the first."""
    for start, end, replacement in sorted(insertions, key=lambda e: (e[0], e[1]), reverse=True):
        text = text[:start] + replacement + text[end:]
    return text
