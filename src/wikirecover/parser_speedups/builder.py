"""mwparserfromhell's tree builder, faster: the same tree from the same tokens.

Building the tree is about 60% of parsing a page with mwparserfromhell 0.7.2 (the tokenizer is
C, the builder Python): a method call, a dictionary lookup behind every token attribute and a
``try`` per token, and every Text node made through its property setter. This builder reads
the same token list in the same order, by the same rules (`mwparserfromhell/parser/builder.py`),
with one loop that gathers a construct's nodes until one of the tokens that ends that part of
it, and makes Text nodes directly. `tests/test_builder.py` checks that it gives the library's
tree, node for node and attribute for attribute, on the shared corpus, MediaWiki's parser tests
and generated wikitext; `parser_speedups.install` puts it in as the library's builder.
"""

from __future__ import annotations

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
from mwparserfromhell.nodes.extras import Attribute, Parameter
from mwparserfromhell.parser import tokens as T
from mwparserfromhell.parser.errors import ParserError
from mwparserfromhell.smart_list import SmartList
from mwparserfromhell.wikicode import Wikicode

_TEMPLATE_ENDS = frozenset({T.TemplateParamSeparator, T.TemplateClose})
_PARAMETER_ENDS = frozenset({T.TemplateParamEquals, T.TemplateParamSeparator, T.TemplateClose})
_ARGUMENT_ENDS = frozenset({T.ArgumentSeparator, T.ArgumentClose})
_WIKILINK_ENDS = frozenset({T.WikilinkSeparator, T.WikilinkClose})
_EXTERNAL_LINK_ENDS = frozenset({T.ExternalLinkSeparator, T.ExternalLinkClose})
_HEADING_ENDS = frozenset({T.HeadingEnd})
_COMMENT_ENDS = frozenset({T.CommentEnd})
_ATTRIBUTE_ENDS = frozenset(
    {T.TagAttrEquals, T.TagAttrQuote, T.TagAttrStart, T.TagCloseOpen, T.TagCloseSelfclose}
)
_TAG_ENDS = frozenset(
    {T.TagAttrStart, T.TagCloseOpen, T.TagOpenClose, T.TagCloseSelfclose, T.TagCloseClose}
)


_new = object.__new__


def _text(value: str) -> Text:
    """A Text node, as ``Text(value)`` makes it (its setter stores ``str(value)``)."""
    node = _new(Text)
    node._value = value  # the attribute Text's own setter writes
    return node


def _parameter_node(name: Wikicode, value: Wikicode, showkey: bool) -> Parameter:
    """``Parameter(name, value, showkey)`` as its setters store it (a hidden key is always a
    position here, which its setter would check)."""
    param = object.__new__(Parameter)
    param._name, param._value, param._showkey = name, value, showkey
    return param


def _node_of(kind: type[Node], **attributes: object) -> Node:
    """A node of ``kind`` holding ``attributes`` as its constructor and setters would store
    them (the setters parse what they are given again, which a tree just built need not)."""
    node = object.__new__(kind)
    node.__dict__.update(attributes)
    return node


def _tag_node(
    tag: Wikicode,
    contents: Wikicode | None,
    attrs: list[Attribute],
    wiki_markup: str | None,
    self_closing: bool,
    invalid: bool,
    implicit: bool,
    padding: str,
    closing_tag: Wikicode | None,
    wiki_style_separator: str | None,
    closing_wiki_markup: str | None,
) -> Tag:
    """``Tag(...)`` with these arguments, as its constructor and setters store them."""
    if padding and not padding.isspace():
        raise ParserError("a tag's padding that is not whitespace")
    node = object.__new__(Tag)
    node._tag = tag
    node._closing_tag = tag if closing_tag is None else closing_tag
    node._contents = _code([]) if contents is None else contents
    node._attrs = attrs
    node._wiki_markup = str(wiki_markup) if wiki_markup else None
    node._closing_wiki_markup = node._wiki_markup
    if closing_wiki_markup is not None:
        node._closing_wiki_markup = str(closing_wiki_markup) if closing_wiki_markup else None
    node._self_closing = bool(self_closing)
    node._invalid = bool(invalid)
    node._implicit = bool(implicit)
    node._padding = padding or ""
    node._wiki_style_separator = str(wiki_style_separator) if wiki_style_separator else None
    return node


def _code(nodes: list[Node]) -> Wikicode:
    """``Wikicode(SmartList(nodes))``, as the library's builder makes it (its constructor only
    stores the list; SmartList's ``__new__`` gives it an empty dict of slices, made here
    without a Python call)."""
    items = _new_list(SmartList)
    _fill_list(items, nodes)
    items._children = {}
    code = object.__new__(Wikicode)
    code._nodes = items
    return code


_new_list, _fill_list = list.__new__, list.__init__


class FastBuilder:
    """A drop-in for ``mwparserfromhell.parser.builder.Builder``."""

    def build(self, tokenlist: list) -> Wikicode:
        """The tree of ``tokenlist`` (which is used up, as the library's builder does)."""
        tokenlist.reverse()
        self._tokens = tokenlist
        self._pop = tokenlist.pop
        nodes = []
        while tokenlist:
            nodes.append(self._node(self._pop()))
        return _code(nodes)

    def _node(self, token) -> Node:
        kind = type(token)
        if kind is T.Text:
            return _text(token.get("text"))
        handler = _HANDLERS.get(kind)
        if handler is None:
            raise ParserError(f"_handle_token() got unexpected {kind.__name__}")
        return handler(self, token)

    def _until(self, ends: frozenset) -> tuple[list[Node], object]:
        """The nodes before the next token of a kind in ``ends``, and that token (text nodes
        made here as `_text` makes them: most tokens are text, and a call costs)."""
        tokens, pop, node = self._tokens, self._pop, self._node
        nodes: list[Node] = []
        append = nodes.append
        while tokens:
            token = pop()
            kind = type(token)
            if kind is T.Text:
                text = _new(Text)
                text._value = token.get("text")
                append(text)
            elif kind in ends:
                return nodes, token
            else:
                append(node(token))
        raise ParserError("the tokens ended inside a construct (missed a close token)")

    def _template(self, token) -> Template:
        nodes, end = self._until(_TEMPLATE_ENDS)
        name = _code(nodes)
        params: list[Parameter] = []
        default = 1
        while type(end) is T.TemplateParamSeparator:
            param, end = self._parameter(default)
            params.append(param)
            if not param.showkey:
                default += 1
        return _node_of(Template, _name=name, _params=params)

    def _parameter(self, default: int) -> tuple[Parameter, object]:
        key = None
        showkey = False
        while True:
            nodes, end = self._until(_PARAMETER_ENDS)
            if type(end) is T.TemplateParamEquals:
                key, showkey = _code(nodes), True
                continue
            if key is None:
                key = _code([_text(str(default))])
            return _parameter_node(key, _code(nodes), showkey), end

    def _parts(self, ends: frozenset, separator: type) -> tuple[Wikicode | None, Wikicode, object]:
        """A construct of two parts (an argument's name and default, a link's target and
        label): the part before its last separator (None without one), the part after, and
        that separator's token (the tokenizer gives one separator at most; after a second, the
        library's builder too keeps only the part just before it)."""
        first = divider = None
        while True:
            nodes, end = self._until(ends)
            if type(end) is separator:
                first, divider = _code(nodes), end
                continue
            return first, _code(nodes), divider

    def _argument(self, token) -> Argument:
        name, rest, _ = self._parts(_ARGUMENT_ENDS, T.ArgumentSeparator)
        if name is None:
            return _node_of(Argument, _name=rest, _default=None)
        return _node_of(Argument, _name=name, _default=rest)

    def _wikilink(self, token) -> Wikilink:
        title, rest, _ = self._parts(_WIKILINK_ENDS, T.WikilinkSeparator)
        if title is None:
            return _node_of(Wikilink, _title=rest, _text=None)
        return _node_of(Wikilink, _title=title, _text=rest)

    def _external_link(self, token) -> ExternalLink:
        url, rest, divider = self._parts(_EXTERNAL_LINK_ENDS, T.ExternalLinkSeparator)
        brackets = bool(token.get("brackets"))
        if url is None:
            return _node_of(
                ExternalLink, _url=rest, _title=None, _brackets=brackets, suppress_space=False
            )
        suppress_space = divider.get("suppress_space") is True
        return _node_of(
            ExternalLink, _url=url, _title=rest, _brackets=brackets, suppress_space=suppress_space
        )

    def _entity(self, token) -> HTMLEntity:
        pop = self._pop
        token = pop()
        if type(token) is T.HTMLEntityNumeric:
            token = pop()
            if type(token) is T.HTMLEntityHex:
                text = pop()
                pop()  # HTMLEntityEnd
                return HTMLEntity(
                    text.get("text"), named=False, hexadecimal=True, hex_char=token.get("char")
                )
            pop()  # HTMLEntityEnd
            return HTMLEntity(token.get("text"), named=False, hexadecimal=False)
        pop()  # HTMLEntityEnd
        return HTMLEntity(token.get("text"), named=True, hexadecimal=False)

    def _heading(self, token) -> Heading:
        nodes, _ = self._until(_HEADING_ENDS)
        return Heading(_code(nodes), token.get("level"))

    def _comment(self, token) -> Comment:
        nodes, _ = self._until(_COMMENT_ENDS)
        return Comment(_code(nodes))

    def _attribute(self, start) -> Attribute:
        name = quotes = None
        nodes: list[Node] = []
        while True:
            more, end = self._until(_ATTRIBUTE_ENDS)
            nodes += more
            kind = type(end)
            if kind is T.TagAttrEquals:
                name, nodes = _code(nodes), []
            elif kind is T.TagAttrQuote:
                quotes = end.get("char")
            else:  # the next attribute or the end of the opening: left for the tag
                self._tokens.append(end)
                if name:  # as the library tests it: an empty name reads as none
                    value = _code(nodes)
                else:
                    name, value = _code(nodes), None
                return Attribute(
                    name,
                    value,
                    quotes,
                    start.get("pad_first"),
                    start.get("pad_before_eq"),
                    start.get("pad_after_eq"),
                )

    def _tag(self, token) -> Tag:
        wiki_markup, invalid = token.get("wiki_markup"), token.get("invalid") or False
        tag = padding = contents = closing_tag = wiki_style_separator = None
        implicit, attrs, closing_wiki_markup = False, [], wiki_markup
        nodes: list[Node] = []
        while True:
            more, end = self._until(_TAG_ENDS)
            nodes += more
            kind = type(end)
            if kind is T.TagAttrStart:
                attrs.append(self._attribute(end))
            elif kind is T.TagCloseOpen:
                wiki_style_separator = end.get("wiki_markup")
                padding = end.get("padding") or ""
                tag, nodes = _code(nodes), []
            elif kind is T.TagOpenClose:
                closing_wiki_markup = end.get("wiki_markup")
                contents, nodes = _code(nodes), []
            elif kind is T.TagCloseSelfclose:
                closing_wiki_markup = end.get("wiki_markup")
                tag, self_closing = _code(nodes), True
                padding = end.get("padding") or ""
                implicit = end.get("implicit") or False
                break
            else:  # TagCloseClose
                self_closing, closing_tag = False, _code(nodes)
                break
        if tag is None or padding is None:
            raise ParserError("a tag closed before its opening ended")
        return _tag_node(
            tag,
            contents,
            attrs,
            wiki_markup,
            self_closing,
            invalid,
            implicit,
            padding,
            closing_tag,
            wiki_style_separator,
            closing_wiki_markup,
        )


_HANDLERS = {
    T.TemplateOpen: FastBuilder._template,
    T.ArgumentOpen: FastBuilder._argument,
    T.WikilinkOpen: FastBuilder._wikilink,
    T.ExternalLinkOpen: FastBuilder._external_link,
    T.HTMLEntityStart: FastBuilder._entity,
    T.HeadingStart: FastBuilder._heading,
    T.CommentStart: FastBuilder._comment,
    T.TagOpenOpen: FastBuilder._tag,
}


def tree_shape(item: object) -> object:
    """Everything a tree or node holds, recursively, in plain values (to compare two trees)."""
    if item is None or isinstance(item, str | bool | int):
        return item
    if isinstance(item, Wikicode):
        return [tree_shape(node) for node in item.nodes]
    kind = type(item).__name__
    if isinstance(item, Text):
        return (kind, item.value)
    if isinstance(item, Template):
        params = [(tree_shape(p.name), tree_shape(p.value), p.showkey) for p in item.params]
        return (kind, tree_shape(item.name), params)
    if isinstance(item, Argument):
        return (kind, tree_shape(item.name), tree_shape(item.default))
    if isinstance(item, Wikilink):
        return (kind, tree_shape(item.title), tree_shape(item.text))
    if isinstance(item, ExternalLink):
        return (
            kind,
            tree_shape(item.url),
            tree_shape(item.title),
            item.brackets,
            item.suppress_space,
        )
    if isinstance(item, HTMLEntity):
        return (kind, item.value, item.named, item.hexadecimal, item.hex_char)
    if isinstance(item, Heading):
        return (kind, tree_shape(item.title), item.level)
    if isinstance(item, Comment):
        return (kind, item.contents)
    if isinstance(item, Tag):
        attributes = [
            (
                tree_shape(a.name),
                tree_shape(a.value),
                a.quotes,
                a.pad_first,
                a.pad_before_eq,
                a.pad_after_eq,
            )
            for a in item.attributes
        ]
        return (
            kind,
            tree_shape(item.tag),
            tree_shape(item.contents),
            attributes,
            item.wiki_markup,
            item.self_closing,
            item.invalid,
            item.implicit,
            item.padding,
            tree_shape(item.closing_tag),
            item.wiki_style_separator,
            item.closing_wiki_markup,
        )
    raise TypeError(f"not a node of mwparserfromhell: {kind}")


# Every kind of node and token the builder reads, for the check below.
SAMPLE = (
    "{{a|b|c=d|e}} {{{x|y}}} [[l|m]] [[n]] [http://e.org f] http://g.org &amp; &#65; &#x41;\n"
    "== h ==\n<!-- c --><ref name=\"n\" group=g>r</ref><br/><span title=t>s</span>''i''\n"
    "* l\n; t : d\n{|\n|-\n! h\n| c\n|}\n----\n"
)


def agrees_with_library(tokenize) -> bool:
    """Whether this builder gives the library's tree for `SAMPLE` (checked when wikirecover is
    imported: a mwparserfromhell whose nodes changed inside keeps its own builder)."""
    from mwparserfromhell.parser.builder import Builder

    try:
        tokens = tokenize(SAMPLE)
        ours, theirs = FastBuilder().build(list(tokens)), Builder().build(list(tokens))
        same_lists = _slot_values(_code([])._nodes) == _slot_values(SmartList([]))
        return (
            same_lists and tree_shape(ours) == tree_shape(theirs) and stored(ours) == stored(theirs)
        )
    except Exception:  # a changed library may fail in any way: it keeps its own builder
        return False


def stored(item: object) -> object:
    """What every node of a tree stores: its attributes by name, recursively (the builder sets
    them directly, so each must be the one the library's constructor and setters store)."""
    if isinstance(item, Wikicode):
        return [stored(node) for node in item.nodes]
    if isinstance(item, list):
        return [stored(part) for part in item]
    if hasattr(item, "__dict__"):
        return (type(item).__name__, {name: stored(v) for name, v in vars(item).items()})
    return item


def _slot_values(item: object) -> dict[str, object]:
    """What an object's slots hold (a SmartList made here against one made by its class)."""
    return {
        name: getattr(item, name, "(unset)")
        for kind in type(item).__mro__
        for name in getattr(kind, "__slots__", ())
    }
