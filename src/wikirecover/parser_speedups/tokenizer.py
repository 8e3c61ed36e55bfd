"""mwparserfromhell's C tokenizer, used only where it gives the pure-Python tokenizer's tokens.

The C tokenizer is about six times faster than the pure-Python one, but mwparserfromhell 0.7.2
(and 0.6.6, 0.7.1) writes out of bounds whenever it reads an ``&`` followed by text (an HTML
entity, or a bare ``&`` in a template: upstream #352), silently corrupting the heap. It also
stops at U+0000 and does not read a tag whose opening spans lines (``<div\\ntitle=...>``), which
the Python tokenizer and MediaWiki do.

So the C tokenizer never sees an ``&``: each is replaced by a private-use character the text
does not hold, and the entities are rebuilt afterwards from the tokens, by the rule the Python
tokenizer applies (``&name;`` for the names of `html.entities.entitydefs`, ``&#123;`` and
``&#x1F;`` for code points 1 to 0x10FFFF), everywhere except in comments and inside a tag's
opening (attributes), where the Python tokenizer keeps ``&`` as text too. A page that holds
U+0000, a tag opening over several lines, or where the rebuilt entities would be placed
differently (an ``&`` in a tag name; a free link ending just before an entity's ``;``), a free
link followed by ``;``, ``:`` or ``!`` (which the two tokenizers end in different places), or a
parse that starts in a context, goes to the pure-Python tokenizer. Both give the same tokens on
every page of the shared corpus and parser tests and on generated wikitext
(`tests/test_tokenizer.py`), and the C tokenizer runs there under ``PYTHONMALLOC=debug``.
"""

from __future__ import annotations

import html.entities
import re

from mwparserfromhell.definitions import URI_SCHEMES
from mwparserfromhell.parser import tokens as T
from mwparserfromhell.parser.tokenizer import Tokenizer as PythonTokenizer

from .pieces import needs_pieces, tokenize_in_pieces

try:
    from mwparserfromhell.parser._tokenizer import CTokenizer as _CTokenizer
except ImportError:  # a platform without the compiled tokenizer
    _CTokenizer = None

_PLACEHOLDERS = "\ue01a\ue01b\ue01c\ue01d"  # never all four in one page
_NAMES = html.entities.entitydefs
_TAG_OVER_LINES = re.compile(r"<[A-Za-z][^<>\n]*\n")
_AMPERSAND_FREE = (T.CommentStart, T.TagOpenOpen)  # & stays text until their end
_AMPERSAND_ENDS = (T.CommentEnd, T.TagCloseOpen, T.TagCloseSelfclose)
_NESTED_OPEN = (T.TemplateOpen, T.ArgumentOpen, T.WikilinkOpen, T.ExternalLinkOpen)
_NESTED_CLOSE = (T.TemplateClose, T.ArgumentClose, T.WikilinkClose, T.ExternalLinkClose)


class _Unsafe(Exception):
    """The C tokenizer's tokens cannot be made the Python tokenizer's: use that instead."""


class SafeTokenizer:
    """A drop-in for mwparserfromhell's tokenizer: C where it is safe and equal, else Python."""

    USES_C = True

    def tokenize(self, text: str, context: int = 0, skip_style_tags: bool = False) -> list:
        if not context and needs_pieces(text):  # openers that never close: linear time
            return tokenize_in_pieces(text, lambda piece: self._whole(piece, 0, skip_style_tags))
        return self._whole(text, context, skip_style_tags)

    def _whole(self, text: str, context: int, skip_style_tags: bool) -> list:
        placeholder = next((c for c in _PLACEHOLDERS if c not in text), None)
        if (
            _CTokenizer is None
            or context
            or placeholder is None
            or "\x00" in text
            or _TAG_OVER_LINES.search(text)
        ):
            return PythonTokenizer().tokenize(text, context, skip_style_tags)
        masked = text.replace("&", placeholder)
        tokens = _CTokenizer().tokenize(masked, 0, skip_style_tags)
        if _may_keep_punctuation(text) and _free_link_before_punctuation(tokens):
            return PythonTokenizer().tokenize(text, context, skip_style_tags)
        if placeholder not in masked:
            return tokens
        try:
            return _with_entities(tokens, placeholder)
        except _Unsafe:
            return PythonTokenizer().tokenize(text, context, skip_style_tags)


# A free link (`http://a.org/; x`, `http://a.org/?! x`) followed by punctuation that ends in
# `;`, `:` or `!` and a space: the Python tokenizer keeps the punctuation in the link, the C
# tokenizer leaves it out (as MediaWiki does). The text tells where that can happen, the tokens
# tell whether it does. A free link is a scheme the tokenizers know (in any case), its colon
# and no space or line feed: the pattern finds every colon with such punctuation after it in
# the same run (a lookahead, so that no colon hides another), the scheme is checked before it.
_COLON_BEFORE_PUNCTUATION = re.compile(r":(?=[^ \n]*?[;:!][ \t])")
# a colon whose URL reaches a `{{` (before a space, line feed, or anything that ends a free
# link in a template or a tag: `|`, `}`, `<`, `>`, `[`, `]`)
_COLON_BEFORE_TEMPLATE = re.compile(r":(?=[^ \n|{}<>\[\]]*\{\{)")
_PUNCTUATION_SPACE = re.compile(r"[;:!][ \t]")
_SCHEMES = tuple(URI_SCHEMES)
_LONGEST_SCHEME = max(map(len, _SCHEMES))


def _may_keep_punctuation(text: str) -> bool:
    """Whether a free link in ``text`` may be followed by such punctuation."""
    for colon in _COLON_BEFORE_PUNCTUATION.finditer(text):
        if _after_scheme(text, colon.start()):
            return True
    return "{{" in text and _template_in_link(text)


def _after_scheme(text: str, at: int) -> bool:
    return text[max(0, at - _LONGEST_SCHEME) : at].lower().endswith(_SCHEMES)


def _template_in_link(text: str) -> bool:
    """A URL holds no space, but a template inside it may (`http://a.org/{{x }}; `): after a
    `{{` in a link's run, such punctuation anywhere further on the line counts. Only colons
    whose run reaches a `{{` are looked at, each line searched once."""
    searched: dict[int, bool] = {}  # line end -> whether the line holds such punctuation
    for colon in _COLON_BEFORE_TEMPLATE.finditer(text):
        at = colon.start()
        if not _after_scheme(text, at):
            continue
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        if line_end not in searched:
            searched[line_end] = _PUNCTUATION_SPACE.search(text, at, line_end) is not None
        if searched[line_end]:
            return True
    return False


_EXTERNAL_LINK_EDGES = (T.ExternalLinkOpen, T.ExternalLinkClose)
# What a free link leaves after it (the trailing punctuation and the space that ended it) when
# the Python tokenizer would have kept the punctuation in the link.
_PUNCTUATION_RUN = re.compile(r"[,;\\.:!?)]*[;:!][ \t]")


def _free_link_before_punctuation(tokens: list) -> bool:
    """Whether a link without brackets is followed by punctuation ending in `;`, `:` or `!`
    and a space. Only the links' own opening and closing tokens are looked at one by one."""
    free: list[bool] = []  # per open external link: whether it has no brackets
    edges = [index for index, token in enumerate(tokens) if type(token) in _EXTERNAL_LINK_EDGES]
    for index in edges:
        token = tokens[index]
        if type(token) is T.ExternalLinkOpen:
            free.append(not token.get("brackets"))
        elif free and free.pop() and index + 1 < len(tokens):
            following = tokens[index + 1]
            if type(following) is T.Text and _PUNCTUATION_RUN.match(following["text"]):
                return True
    return False


# What a token does to the stack of open constructs `_with_entities` keeps.
_OPENS_PLAIN, _OPENS_NESTED, _CLOSES = 1, 2, 3
_STACK = {
    **dict.fromkeys(_AMPERSAND_FREE, _OPENS_PLAIN),
    **dict.fromkeys(_NESTED_OPEN, _OPENS_NESTED),
    **dict.fromkeys(_AMPERSAND_ENDS + _NESTED_CLOSE, _CLOSES),
}


def _with_entities(tokens: list, mark: str) -> list:
    """The tokens with each ``mark`` back to ``&``, entities rebuilt where Python reads them.
    Only the tokens that open or close a construct, and the text tokens holding a mark, are
    looked at one by one (the others are copied in runs)."""
    entity = _entity_pattern(mark)
    text = T.Text
    looked_at = [
        index
        for index, token in enumerate(tokens)
        if type(token) in _STACK or (type(token) is text and mark in token["text"])
    ]
    out: list = []
    copied = 0  # tokens before this index are in ``out``
    plain: list[bool] = []  # per open construct: whether & is only text inside it
    for index in looked_at:
        token = tokens[index]
        action = _STACK.get(type(token))
        if action == _OPENS_PLAIN:
            plain.append(True)
        elif action == _OPENS_NESTED:
            plain.append(False)
        elif action == _CLOSES:
            if plain:
                plain.pop()
        else:  # a text token holding a mark
            if index and type(tokens[index - 1]) in (T.TagOpenOpen, T.TagOpenClose):
                raise _Unsafe("an & in a tag name")  # Python reads no tag there
            out += tokens[copied:index]
            copied = index + 1
            value = token["text"]
            if plain and plain[-1]:
                out.append(text(text=value.replace(mark, "&")))
                continue
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if type(following) is T.ExternalLinkClose and re.search(
                re.escape(mark) + r"#?[0-9a-zA-Z]+$", value
            ):
                raise _Unsafe("a free link ending before an entity's ';'")
            out += _split(value, mark, entity)
    out += tokens[copied:]
    return out


def _entity_pattern(mark: str) -> re.Pattern[str]:
    """An entity as the tokenizers read it, its ``&`` written ``mark``."""
    return re.compile(re.escape(mark) + r"(?:#([xX])([0-9a-fA-F]+)|#([0-9]+)|([0-9a-zA-Z]+));")


_ENTITY = _entity_pattern("&")


def entity_tokens(text: str) -> list:
    """The tokens of ``text`` where the tokenizers read nothing but entities (the contents of
    ``<nowiki>``): text tokens and entity tokens, as the Python tokenizer emits them."""
    return _split(text, "&", _ENTITY) if "&" in text else [T.Text(text=text)]


def _split(text: str, mark: str, entity: re.Pattern[str]) -> list:
    """Text tokens and entity tokens for ``text``, as the Python tokenizer emits them."""
    out: list = []
    at = 0
    for found in entity.finditer(text):
        hex_mark, hex_digits, digits, name = found.groups()
        if name is not None:
            if name not in _NAMES:
                continue
            parts = [T.HTMLEntityStart(), T.Text(text=name), T.HTMLEntityEnd()]
        elif digits is not None:
            if not 1 <= int(digits) <= 0x10FFFF:
                continue
            parts = [T.HTMLEntityStart(), T.HTMLEntityNumeric(), T.Text(text=digits)]
            parts.append(T.HTMLEntityEnd())
        else:
            if not 1 <= int(hex_digits, 16) <= 0x10FFFF:
                continue
            parts = [T.HTMLEntityStart(), T.HTMLEntityNumeric(), T.HTMLEntityHex(char=hex_mark)]
            parts += [T.Text(text=hex_digits), T.HTMLEntityEnd()]
        if found.start() > at:
            out.append(T.Text(text=text[at : found.start()].replace(mark, "&")))
        out.extend(parts)
        at = found.end()
    if at < len(text):
        out.append(T.Text(text=text[at:].replace(mark, "&")))
    return out
