"""An unknown template's placeholder, ``<code class="wr-template"><nowiki>SOURCE</nowiki></code>``,
as nodes without the parser.

A page's unknown templates (most of a real wiki's: only the built-in library and the user's
definitions expand) each become such a placeholder, and each was parsed on its own: a third of
the template outputs parsed on the corpus pages. Inside ``<nowiki>`` the tokenizer reads nothing
but HTML entities, so the tokens are the placeholder's fixed opening and closing ones around the
source's text and entity tokens (`tokenizer.entity_tokens`); the builder makes the nodes.
`tests/test_templates.py` compares them with the parser's on generated sources.
"""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Node

from .. import parser_speedups
from ..parser_speedups.builder import FastBuilder
from ..parser_speedups.tokenizer import SafeTokenizer, entity_tokens

OPENING = '<code class="wr-template"><nowiki>'
CLOSING = "</nowiki></code>"
_NOWIKI_MARKUP = re.compile(r"<(/?nowiki)", re.IGNORECASE)  # escaped in a template's source
# What could end or nest the nowiki, escaped or not: such a source is left to the parser.
_NOWIKI = re.compile(r"<\s*/?\s*nowiki", re.IGNORECASE)
_MARK = "\ue000"


def _fixed_tokens() -> tuple[list, list]:
    """The placeholder's own tokens before and after its source (a one-character mark)."""
    tokens = SafeTokenizer().tokenize(OPENING + _MARK + CLOSING)
    [at] = [i for i, token in enumerate(tokens) if token.get("text") == _MARK]
    return tokens[:at], tokens[at + 1 :]


_BEFORE, _AFTER = _fixed_tokens()


def placeholder(source: str) -> str:
    """The placeholder's wikitext for a template whose wikitext is ``source``."""
    if "<" in source:  # one nowiki, no nest
        source = _NOWIKI_MARKUP.sub(r"&lt;\1", source)
    return OPENING + source + CLOSING


def placeholder_nodes(text: str) -> list[Node] | None:
    """The nodes ``text`` parses to when it is a placeholder, else None (parse it)."""
    if not parser_speedups.installed():
        return None  # the library's parser makes them
    if not (text.startswith(OPENING) and text.endswith(CLOSING)):
        return None
    source = text[len(OPENING) : len(text) - len(CLOSING)]
    if not source or ("<" in source and _NOWIKI.search(source)):
        return None
    return FastBuilder().build([*_BEFORE, *entity_tokens(source), *_AFTER]).nodes
