"""The wikitext a tree stands for, written faster than mwparserfromhell's ``str()``: same strings.

The repair passes, the template expander and the writers turn trees and nodes back into
wikitext all the time (a holder's string and its nodes' offsets, a node's text to compare or
quote, the page after each round). mwparserfromhell writes a tree by calling ``str()`` on each
node, which calls ``str()`` on each of its parts, each through a property and a list that is
joined: about a sixth of the time wikirecover spends on a page. Here one function per kind of
node appends the pieces to one list, reading the attributes the library's setters write; a
kind not handled here is written by its own ``str()``.

`install` makes these the ``__str__`` of mwparserfromhell's classes, so every ``str()`` of a
tree, the library's own included, is the fast one. It is installed only when it writes a sample
tree exactly as the library does (`agrees_with_library`), node by node; a mwparserfromhell whose
nodes changed inside keeps its own. `tests/test_tree_source.py` checks it the same way on the
shared corpus, MediaWiki's parser tests, generated wikitext and nodes built with any attributes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.nodes.extras import Attribute, Parameter
from mwparserfromhell.wikicode import Wikicode

from .node_children import children

Out = list[str]


def source(code: Wikicode) -> str:
    """``str(code)``, written in one pass."""
    out: Out = []
    _code(code, out)
    return "".join(out)


def _code(code: Wikicode, out: Out) -> None:
    append = out.append
    for node in code._nodes:
        kind = type(node)
        if kind is Text:
            append(node._value)
        else:
            write = _WRITERS.get(kind)
            if write is None:
                append(str(node))
            else:
                write(node, out)


def _template(node: Template, out: Out) -> None:
    append = out.append
    append("{{")
    _code(node._name, out)
    for param in node._params:
        append("|")
        _parameter(param, out)
    append("}}")


def _parameter(param: Parameter, out: Out) -> None:
    if param._showkey:
        _code(param._name, out)
        out.append("=")
    _code(param._value, out)


def _argument(node: Argument, out: Out) -> None:
    _two_parts("{{{", node._name, node._default, "}}}", out)


def _wikilink(node: Wikilink, out: Out) -> None:
    _two_parts("[[", node._title, node._text, "]]", out)


def _two_parts(opening: str, first: Wikicode, second: Wikicode | None, closing: str, out: Out):
    """``{{{name|default}}}``, ``[[title|text]]``: the second part and its pipe when present."""
    out.append(opening)
    _code(first, out)
    if second is not None:
        out.append("|")
        _code(second, out)
    out.append(closing)


def _external_link(node: ExternalLink, out: Out) -> None:
    if not node._brackets:
        _code(node._url, out)
        return
    out.append("[")
    _code(node._url, out)
    if node._title is not None:
        if node.suppress_space is not True:  # a plain attribute, as the library tests it
            out.append(" ")
        _code(node._title, out)
    out.append("]")


def _heading(node: Heading, out: Out) -> None:
    marks = "=" * node._level
    out.append(marks)
    _code(node._title, out)
    out.append(marks)


def _comment(node: Comment, out: Out) -> None:
    out.append("<!--" + node._contents + "-->")


def _tag(node: Tag, out: Out) -> None:
    append = out.append
    if node._wiki_markup:  # '' for italics, * for a list item, {| for a table...
        append(node._wiki_markup)
        for attribute in node._attrs:
            _attribute(attribute, out)
        append(node._padding or "")
        append(node._wiki_style_separator or "")
        if not node._self_closing:
            _code(node._contents, out)
            append(node._closing_wiki_markup or "")
        return
    append("</" if node._invalid else "<")
    _code(node._tag, out)
    for attribute in node._attrs:
        _attribute(attribute, out)
    append(node._padding)
    if node._self_closing:
        append(">" if node._implicit else "/>")
        return
    append(">")
    _code(node._contents, out)
    append("</")
    _code(node._closing_tag, out)
    append(">")


def _attribute(attribute: Attribute, out: Out) -> None:
    append = out.append
    append(attribute._pad_first)
    _code(attribute._name, out)
    append(attribute._pad_before_eq)
    if attribute._value is None:
        return
    append("=")
    append(attribute._pad_after_eq)
    quotes = attribute._quotes
    if quotes:
        append(quotes)
        _code(attribute._value, out)
        append(quotes)
    else:
        _code(attribute._value, out)


_WRITERS: dict[type, Callable] = {
    Template: _template,
    Argument: _argument,
    Wikilink: _wikilink,
    ExternalLink: _external_link,
    Heading: _heading,
    Comment: _comment,
    Tag: _tag,
}
# The parts that are not nodes, written by their own functions too.
_PART_WRITERS: dict[type, Callable] = {Parameter: _parameter, Attribute: _attribute}

# The library's own ``__str__`` of every class this module writes, kept to compare with.
LIBRARY_STR: dict[type, Callable[[object], str]] = {
    kind: kind.__dict__["__str__"] for kind in (Wikicode, Text, *_WRITERS, *_PART_WRITERS)
}


def _text_str(node: Text) -> str:
    return node._value


def _as_str(write: Callable[[object, Out], None]) -> Callable[[object], str]:
    def __str__(item: object) -> str:
        out: Out = []
        write(item, out)
        return "".join(out)

    return __str__


FAST_STR: dict[type, Callable[[object], str]] = {
    Wikicode: source,
    Text: _text_str,
    **{kind: _as_str(write) for kind, write in (_WRITERS | _PART_WRITERS).items()},
}


def parts(code: Wikicode) -> Iterator[object]:
    """Every Wikicode, node, parameter and attribute in the tree, the tree first."""
    stack: list[object] = [code]
    while stack:
        item = stack.pop()
        yield item
        if isinstance(item, Wikicode):
            stack.extend(item.nodes)
        elif isinstance(item, Template):
            stack.append(item.name)
            stack.extend(item.params)
        elif isinstance(item, Parameter | Attribute):
            stack.extend(part for part in (item.name, item.value) if part is not None)
        elif isinstance(item, Tag):
            stack.extend(item.attributes)
            stack.extend((item.tag, item.contents, item.closing_tag))
        elif not isinstance(item, Text | Comment):
            stack.extend(children(item))


def disagreements(code: Wikicode) -> list[tuple[object, str, str]]:
    """The parts of the tree that the library's ``__str__`` and this module write differently:
    (part, the library's string, this module's). Each part's own ``__str__`` is compared with
    its parts written by whatever ``str()`` is installed, so that, bottom up, no difference can
    hide behind another."""
    found = []
    for item in parts(code):
        kind = type(item)
        if kind in LIBRARY_STR:
            theirs, ours = LIBRARY_STR[kind](item), FAST_STR[kind](item)
            if theirs != ours:
                found.append((item, theirs, ours))
    return found


def agrees_with_library(sample: Wikicode) -> bool:
    """Whether this module writes every part of ``sample`` as the library does (a changed
    library may fail in any way: then it keeps its own)."""
    try:
        return not disagreements(sample)
    except Exception:
        return False


def install() -> None:
    """Make this module's writers the ``__str__`` of mwparserfromhell's classes."""
    for kind, write in FAST_STR.items():
        kind.__str__ = write
