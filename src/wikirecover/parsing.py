"""Parsing wikitext: the one place that calls mwparserfromhell's parser (with its fallbacks: a
`ParserError` is retried without style tags, then the page is one text node) and walks trees.

The parser is mwparserfromhell as `parser_speedups.install` left it: with wikirecover's safe
tokenizer and faster builder and strings (the default), or the library alone, with its pure
Python tokenizer (``WIKIRECOVER_SPEEDUPS=0``, or a newer mwparserfromhell than the layer was
checked with).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

import mwparserfromhell
import mwparserfromhell.parser
from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.parser import ParserError
from mwparserfromhell.smart_list import SmartList
from mwparserfromhell.wikicode import Wikicode

from . import tags
from .parser_speedups.node_children import children

EXTENSION_TAGS = tags.EXTENSION_TAGS  # (see `tags`)


# Every piece of markup mwparserfromhell reads holds one of these characters: text without any
# parses as one Text node (`tests/test_shortcuts.py` checks it against the parser).
_MARKUP = re.compile(r"[{}\[\]<>&'=|!:;*#\n\r~_\-]")


def parse_wikitext(text: str) -> Wikicode:
    """Parse ``text`` into a tree whose ``str()`` is exactly ``text``.

    A tokenizer bug (``ParserError``) is retried without style tags, then the page is kept as one
    text node: never an exception, never lost text.
    """
    if _MARKUP.search(text) is None:  # plain text (a template's output often is): one node
        return Wikicode(SmartList([Text(text)] if text else []))
    return _parsed(text)[0]


def parse_reporting(text: str) -> tuple[Wikicode, list[tuple[str, str]]]:
    """`parse_wikitext`, and what a reader should report about it: (code, message) pairs for a
    tokenizer bug worked around and for structure past the parser's nesting limit."""
    code, fallback, error = _parsed(text)
    notes: list[tuple[str, str]] = []
    if fallback == "styles-not-parsed":
        notes.append((fallback, f"the parser failed ({error}); read again without bold/italic"))
    elif fallback == "unparsed":
        notes.append((fallback, f"the parser failed ({error}); the page is kept as text"))
    depth = bracket_depth(text)
    if depth > NESTING_LIMIT:
        parsed = template_depth(code)
        if parsed < depth:
            notes.append(
                (
                    "nesting-limit",
                    f"templates nested {depth} deep; the parser reads only {parsed} levels, so "
                    "the deeper ones are text (kept as written)",
                )
            )
    return code, notes


# Template levels (with parameters) mwparserfromhell reads: its MAX_DEPTH of 100 contexts.
NESTING_LIMIT = 32
_BRACES = re.compile(r"\{\{|\}\}")


def _parsed(text: str) -> tuple[Wikicode, str | None, ParserError | None]:
    """The tree, and how a tokenizer bug was worked around: None, "styles-not-parsed" (read
    again without bold/italic) or "unparsed" (one text node), with the first error. The parser
    is called as ``mwparserfromhell.parse`` calls it for a string, without its imports on each
    call."""
    parse = mwparserfromhell.parser.Parser().parse
    try:
        return parse(text, 0, False), None, None
    except ParserError as error:
        try:
            return parse(text, 0, True), "styles-not-parsed", error
        except ParserError:
            return Wikicode([Text(text)]), "unparsed", error


def bracket_depth(text: str) -> int:
    """The deepest nesting of ``{{ }}`` pairs in ``text``, counted on the characters (an opener
    that nothing closes nests nothing)."""
    braces = _BRACES.findall(text)  # strings, not match objects
    closed = [False] * len(braces)  # per brace: a pair's opener or closer
    open_at: list[int] = []
    for index, brace in enumerate(braces):
        if brace == "{{":
            open_at.append(index)
        elif open_at:
            closed[open_at.pop()] = closed[index] = True
    depth = deepest = 0
    for brace, paired in zip(braces, closed, strict=True):
        if not paired:
            continue
        if brace == "{{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def template_depth(code: Wikicode) -> int:
    """The deepest nesting of templates (and ``{{{arguments}}}``) in the tree."""
    deepest = 0
    stack: list[tuple[Node, int]] = [(node, 0) for node in code.nodes]
    while stack:
        node, depth = stack.pop()
        if type(node) is Text:
            continue
        if isinstance(node, Template | Argument):
            depth += 1
            deepest = max(deepest, depth)
        for child in children(node):
            stack.extend((inner, depth) for inner in child.nodes)
    return deepest


N = TypeVar("N", bound=Node)


def nodes_of(code: Wikicode, kind: type[N]) -> list[N]:
    """Every node of ``kind`` in the tree, nested ones included, in page order: what
    ``code.filter(forcetype=kind)`` returns, without its chains of generators (several times
    faster, and the passes walk every page's tree many times). The recursion is as deep as the
    tree, which the parser keeps under its own nesting limit."""
    found: list[N] = []
    _collect(code._nodes, kind, found.append)
    return found


def _collect(nodes: list[Node], kind: type | tuple[type, ...], append: Callable) -> None:
    """`nodes_of`'s walk: a module function, not a closure (a closure that calls itself is a
    reference cycle, which would keep every tree it walked alive until a garbage collection)."""
    for node in nodes:
        if isinstance(node, kind):
            append(node)
        if type(node) is not Text:  # most nodes, and they hold none
            for child in children(node):
                _collect(child._nodes, kind, append)  # what its ``nodes`` property returns


def nodes_by_kind(code: Wikicode, *kinds: type[Node]) -> dict[type[Node], list[Node]]:
    """One walk of the tree for several kinds of node: each kind's nodes, in page order."""
    found: dict[type[Node], list[Node]] = {kind: [] for kind in kinds}
    for node in nodes_of(code, kinds):  # type: ignore[arg-type]
        found[type(node)].append(node)
    return found


# Nodes whose markup can neither start nor end with a line feed: `{{ }}`, `[[ ]]`, `[ ]` or a
# bare URL, `<!-- -->`, `&...;`, `{{{ }}}`, `== ==`.
_DELIMITED = (Template, Wikilink, ExternalLink, Comment, HTMLEntity, Argument, Heading)


def is_blank(code: Wikicode) -> bool:
    """Whether ``str(code).strip()`` is empty, without rendering it: only whitespace text (any
    other node writes its markup)."""
    return all(type(node) is Text and not node.value.strip() for node in code.nodes)


def tag_name(node: Tag) -> str:
    """``str(node.tag).strip().lower()``, the name the passes and writers compare, read
    directly when it is one text node (nearly always), from the attributes the library's
    properties return (as `node_children` does; tests/test_shortcuts.py compares the two)."""
    nodes = node._tag._nodes
    if len(nodes) == 1:
        for only in nodes:  # (indexing a SmartList is a Python call)
            if type(only) is Text:
                return only._value.strip().lower()
    return str(node.tag).strip().lower()


def ends_line(node: Node) -> bool:
    """Whether ``str(node)`` ends with a line feed (without rendering a delimited node)."""
    if isinstance(node, Text):
        return node.value.endswith("\n")
    return not _delimited(node) and str(node).endswith("\n")


def starts_line(node: Node) -> bool:
    """Whether ``str(node)`` starts with a line feed (without rendering a delimited node)."""
    if isinstance(node, Text):
        return node.value.startswith("\n")
    return not _delimited(node) and str(node).startswith("\n")


def _delimited(node: Node) -> bool:
    """A tag written as HTML (`<ref ...>...</ref>`, `<br/>`) starts with `<` and ends with `>`;
    one written as wiki markup (`''`, `*`, `{|`) may start or end anywhere."""
    return isinstance(node, _DELIMITED) or (isinstance(node, Tag) and node.wiki_markup is None)
