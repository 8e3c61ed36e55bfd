"""Template expansion: definitions with parameters, parser functions, budgets.

The page's templates are expanded before any writer sees it, outermost first, the way
MediaWiki's preprocessor does: a definition's ``{{{name|default}}}`` arguments take the call's
values, parser functions (``#if``, ``#ifeq``, ``#switch``, ``#tag``...) are evaluated, nested
templates are expanded in turn. A definition comes from the user (``--templates DIR``, an XML
dump's Template: pages) or from the built-in library (`builtin.py`); anything else follows the
unknown-template policy. Depth and output size have budgets: past them a template is left
unexpanded and reported, never looped on.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

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
from mwparserfromhell.smart_list import SmartList
from mwparserfromhell.wikicode import Wikicode

from ..namespaces import DEFAULT as DEFAULT_NAMESPACES
from ..namespaces import TEMPLATE
from ..parsing import parse_wikitext, tag_name
from ..tags import NOT_EXPANDED_TAGS
from ..titles import page_name
from .parser_functions import PARSER_FUNCTIONS, split_function
from .placeholder import placeholder, placeholder_nodes

MAX_DEPTH = 40  # MediaWiki's $wgMaxTemplateDepth
MAX_OUTPUT = 2_000_000  # characters one page's expansions may add (MediaWiki: 2 MB)

Builtin = Callable[[dict[str, str], "Expander"], str | None]


@dataclass
class Expander:
    definitions: dict[str, str]  # normalised name -> wikitext of the template page
    builtins: Callable[[str], Builtin | None]  # the built-in for a template name, if any
    page_title: str = ""
    unknown: str = "placeholder"  # placeholder | keep | drop
    expanded: Counter[str] = field(default_factory=Counter)
    builtin_used: Counter[str] = field(default_factory=Counter)
    left: Counter[str] = field(default_factory=Counter)  # unknown templates, by policy
    dropped: Counter[str] = field(default_factory=Counter)  # dropped on purpose, with a reason
    dropped_text: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    over_budget: Counter[str] = field(default_factory=Counter)
    output_size: int = 0

    def expand_page(self, code: Wikicode) -> list[tuple[Wikicode, int, int, list]]:
        """Expand the page's templates in its own tree (parsing only what they expand to).
        Returns the undo log: (holder, index, node count, original nodes), latest last."""
        undo: list[tuple[Wikicode, int, int, list]] = []
        self._expand_in(code, undo)
        return undo

    def _expand_in(self, code: Wikicode, undo: list) -> None:
        index = 0
        nodes = code.nodes  # edited in place below
        item = list.__getitem__ if isinstance(nodes, list) else type(nodes).__getitem__
        while index < len(nodes):
            node = item(nodes, index)  # a SmartList's own __getitem__ is a Python call
            if type(node) is Text:  # most nodes: nothing inside
                index += 1
                continue
            if isinstance(node, Template):
                expansion = _nodes_of(self.template(node, {}, 0))
                undo.append((code, index, len(expansion), [node]))
                _splice(nodes, index, index + 1, expansion)
                index += len(expansion)
                continue
            for child in _holders(node):
                self._expand_in(child, undo)
            index += 1

    def expand_code(self, code: Wikicode, args: dict[str, str], depth: int) -> str:
        out: list[str] = []
        for node in code.nodes:
            if type(node) is Text:  # most nodes
                out.append(node.value)
            elif isinstance(node, Template):
                out.append(self.template(node, args, depth))
            elif isinstance(node, Argument):
                out.append(self.argument(node, args, depth))
            elif isinstance(node, Tag) and node.contents is not None and not _verbatim(node):
                out.append(self._tag(node, args, depth))
            elif isinstance(node, Comment) and depth > 0:
                continue  # comments in definitions do not reach the page
            else:
                out.append(str(node))
        return "".join(out)

    def _tag(self, node: Tag, args: dict[str, str], depth: int) -> str:
        inner = self.expand_code(node.contents, args, depth)
        source = str(node)
        contents = str(node.contents)
        end = source.rfind(contents) if contents else -1
        if end < 0:
            return source
        return source[:end] + inner + source[end + len(contents) :]

    def argument(self, node: Argument, args: dict[str, str], depth: int) -> str:
        name = self.expand_code(node.name, args, depth).strip()
        if name in args:
            return args[name]
        if node.default is not None:
            return self.expand_code(node.default, args, depth)
        return str(node) if depth == 0 else "{{{" + name + "}}}"

    def template(self, node: Template, args: dict[str, str], depth: int) -> str:
        raw_name = self.expand_code(node.name, args, depth).strip()
        if depth >= MAX_DEPTH or self.output_size > MAX_OUTPUT:
            self.over_budget[raw_name] += 1
            return str(node)
        function, first = split_function(raw_name)
        if function is not None:
            handler = PARSER_FUNCTIONS.get(function)
            if handler is not None:
                return handler(self, first, node, args, depth)
            return self._unknown(node, raw_name)
        name = normalise_name(raw_name)
        params = self._params(node, args, depth)
        if name in self.definitions:
            self.expanded[name] += 1
            body = parse_wikitext(_include_only(self.definitions[name]))
            result = self.expand_code(body, params, depth + 1)
            self.output_size += len(result)
            return result
        builtin = self.builtins(name)
        if builtin is not None:
            result = builtin(params, self)
            if result is not None:
                self.builtin_used[name] += 1
                expanded = (
                    self.expand_code(parse_wikitext(result), {}, depth + 1)
                    if "{{" in result
                    else result
                )
                self.output_size += len(expanded)
                return expanded
        return self._unknown(node, name)

    def _params(self, node: Template, args: dict[str, str], depth: int) -> dict[str, str]:
        params: dict[str, str] = {}
        position = 0
        for param in node.params:
            value = self.expand_code(param.value, args, depth)
            if param.showkey:
                params[self.expand_code(param.name, args, depth).strip()] = value.strip()
            else:
                position += 1
                params[str(position)] = value
        return params

    def _unknown(self, node: Template, name: str) -> str:
        self.left[name] += 1
        if self.unknown == "drop":
            return ""
        if self.unknown == "keep":
            return str(node)
        return placeholder(str(node))

    def drop(self, name: str, reason: str, text: str = "") -> str:
        """A built-in that drops its template on purpose (decorations, navigation boxes);
        ``text``: what of the page it leaves out (its parameters)."""
        self.dropped[f"{name}: {reason}"] += 1
        if text.strip():
            self.dropped_text[f"{name}: {reason}"].append(text.strip())
        return ""


def _nodes_of(expansion: str) -> list:
    """The nodes a template's expansion parses to (a placeholder's made without the parser)."""
    nodes = placeholder_nodes(expansion)
    return parse_wikitext(expansion).nodes if nodes is None else nodes


def _holders(node) -> list[Wikicode]:
    """The wikicode inside a node that may hold templates (not inside verbatim tags)."""
    if isinstance(node, Tag):
        return [node.contents] if node.contents is not None and not _verbatim(node) else []
    if isinstance(node, Wikilink):
        return [c for c in (node.title, node.text) if c is not None]
    if isinstance(node, ExternalLink):
        return [c for c in (node.url, node.title) if c is not None]
    if isinstance(node, Heading):
        return [node.title]
    return []


def undo_expansion(undo: list[tuple[Wikicode, int, int, list]]) -> None:
    """Put the page's tree back as it was before `Expander.expand_page`."""
    for holder, index, count, original in reversed(undo):
        _splice(holder.nodes, index, index + count, original)


def _splice(nodes: list, start: int, stop: int, items: list) -> None:
    """``nodes[start:stop] = items``; on a SmartList with no live slices, as the list it is
    (its own ``__setitem__`` does the same, then moves its slices, in Python)."""
    if type(nodes) is SmartList and not nodes._children:
        list.__setitem__(nodes, slice(start, stop), list(items))
    else:
        nodes[start:stop] = items


def normalise_name(name: str) -> str:
    """A template's page name without its namespace prefix (`Template:`, `Vorlage:`, any
    language's name for it)."""
    name = page_name(name)
    if ":" in name:
        number, rest = DEFAULT_NAMESPACES.split(name)
        if number == TEMPLATE:
            name = rest
    return page_name(name)


def _include_only(definition: str) -> str:
    """What a template page transcludes: `<noinclude>` parts out, `<onlyinclude>` alone if any,
    `<includeonly>` tags unwrapped."""

    only = re.findall(r"<onlyinclude>(.*?)</onlyinclude>", definition, flags=re.S)
    if only:
        definition = "".join(only)
    definition = re.sub(r"<noinclude>.*?(?:</noinclude>|$)", "", definition, flags=re.S)
    return re.sub(r"</?includeonly>", "", definition)


def _verbatim(node: Tag) -> bool:
    return tag_name(node) in NOT_EXPANDED_TAGS
