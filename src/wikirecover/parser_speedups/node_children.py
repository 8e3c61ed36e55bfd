"""A node's child wikicodes, as mwparserfromhell's ``node.__children__()`` yields them, as a list.

The repair passes and writers walk every page's tree several times (every holder of text, every
node of some kinds). The library's ``__children__`` is a generator reading each part through a
property; here one function per kind of node reads the attributes the library's setters write
and returns them in the same order. A kind not handled here (a future node, a subclass) gets its
own ``__children__()``. `tests/test_node_children.py` compares the two on the shared corpus,
generated wikitext and nodes built with any attributes.
"""

from __future__ import annotations

from collections.abc import Callable

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
from mwparserfromhell.wikicode import Wikicode

_NONE: tuple[Wikicode, ...] = ()


def children(node: Node) -> list[Wikicode] | tuple[Wikicode, ...]:
    """``list(node.__children__())``, read directly."""
    read = _READERS.get(type(node))
    return read(node) if read is not None else tuple(node.__children__())


def _template(node: Template) -> list[Wikicode]:
    found = [node._name]
    for param in node._params:
        if param._showkey:
            found.append(param._name)
        found.append(param._value)
    return found


def _tag(node: Tag) -> list[Wikicode]:
    found = [] if node._wiki_markup else [node._tag]
    for attribute in node._attrs:
        found.append(attribute._name)
        if attribute._value is not None:
            found.append(attribute._value)
    if not node._self_closing:
        found.append(node._contents)
        if not node._wiki_markup and node._closing_tag:  # a Wikicode is true when it writes text
            found.append(node._closing_tag)
    return found


def _wikilink(node: Wikilink) -> list[Wikicode]:
    return [node._title] if node._text is None else [node._title, node._text]


def _external_link(node: ExternalLink) -> list[Wikicode]:
    return [node._url] if node._title is None else [node._url, node._title]


def _argument(node: Argument) -> list[Wikicode]:
    return [node._name] if node._default is None else [node._name, node._default]


def _heading(node: Heading) -> list[Wikicode]:
    return [node._title]


def _leaf(node: Node) -> tuple[Wikicode, ...]:
    return _NONE


_READERS: dict[type, Callable[[Node], list[Wikicode] | tuple[Wikicode, ...]]] = {
    Template: _template,
    Tag: _tag,
    Wikilink: _wikilink,
    ExternalLink: _external_link,
    Argument: _argument,
    Heading: _heading,
    Text: _leaf,
    Comment: _leaf,
    HTMLEntity: _leaf,
}
