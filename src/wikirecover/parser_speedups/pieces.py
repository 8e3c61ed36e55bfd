"""Openers that never close, tokenized in linear time: the page cut into pieces whose tokens
are the whole page's tokens.

mwparserfromhell tries every opener (``{{``, ``[[``, ``[``, ``<tag>``, ``<!--``, ``{|``) as the
start of its construct and, when nothing closes it, fails only at the end of the text: each
failed attempt reads the rest of the page, so a page of many openers that never close costs
quadratic time (4,000 ``{{a|`` took 4 s in the C tokenizer, 10,000 took 92 s). An opener whose
closer nowhere follows it always fails: the tokenizer then goes on at the top level. So the
text can be cut at a position ``p`` where

- every construct begun before ``p`` has no closer after it (for each kind whose opener occurs
  before ``p``, all its closers end before ``p``; no ``''`` at all after ``p``, since a bold or
  italic that failed inside a failed construct is remembered as failing at the top level too;
  a heading or a definition's term counts as open until the last ``=`` or ``:``, as a tag in
  it may span lines);
- the tokenizer reads ``p`` as the start of a text: ``p`` starts a line, or is a ``{{``, ``[``,
  ``<!--`` or a tag's ``<`` in a line that is no heading, list, table or indented line, with
  no free link open (no colon before ``p`` in the text, or a space just before ``p``: a URL
  goes on through comments, tabs and templates, over lines too);
- no tag's opening spans ``p`` and no run of apostrophes or brackets is split.

The pieces are tokenized one by one and their tokens joined (text tokens at a seam become one,
as the tokenizer emits them); a piece that holds nothing that could make a construct (no
closer, no tag that needs none, no entity, colon, magic word or line-start markup) is one text
token without tokenizing. Only pages with at least `FEW` openers after the last closer of their
kind are cut (`needs_pieces`); every other page is tokenized whole. The rules were found and
are checked by comparing the pieces' tokens with the whole text's on generated pages
(`tests/test_pieces.py`, which keeps the pages that broke earlier rules).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mwparserfromhell.definitions import SINGLE
from mwparserfromhell.parser import tokens as T

# kind -> (what opens it, what closes it)
_KINDS: dict[str, tuple[re.Pattern[str], str]] = {
    "template": (re.compile(r"\{\{"), "}}"),
    "wikilink": (re.compile(r"\[\["), "]]"),
    "bracket": (re.compile(r"\["), "]"),
    "comment": (re.compile(r"<!--"), "-->"),
    "tag": (re.compile(r"<[A-Za-z]"), "</"),
    "table": (re.compile(r"\{\|"), "|}"),
    "style": (re.compile(r"''"), "''"),
    # a heading or a definition's term ends on a later line when a tag in it spans lines
    "heading": (re.compile(r"^=", re.M), "="),
    "term": (re.compile(r"^;", re.M), ":"),
}
_LINE_OPENERS = "=;:*#|!- \t"  # a line starting so may be a construct of its own
# What may make a construct of a piece that holds openers only: a closer, a tag that needs
# none, an entity, a colon (a free link), a magic word, a line that is a heading, list, rule,
# table row or indented (a table needs its `|}`). A piece without any is one text token.
_MAY_BE_MARKUP = re.compile(
    r"\}\}|\]|-->|</|/>|\|\}|''|&|:|__|^[=*#;:\-|! \t]"
    rf"|<(?:{'|'.join(SINGLE)})(?![A-Za-z0-9])",
    re.M | re.I,
)
FEW = 64  # openers after their kind's last closer below which a page is tokenized whole
PIECE = 32  # characters: a piece ends at the first cut after this many


def needs_pieces(text: str) -> bool:
    """Whether ``text`` holds many openers that nothing after them closes."""
    if len(text) < FEW:
        return False
    never_closed = 0
    for opener, closer in _KINDS.values():
        last = _last_end(closer, text)
        for _ in opener.finditer(text, last):
            never_closed += 1
            if never_closed >= FEW:
                return True
    return False


def cut_points(text: str, piece: int = PIECE) -> list[int]:
    """Positions where ``text`` can be cut (see the module's rules), at least ``piece``
    characters apart, in order. One pass over the text."""
    closed_by = {kind: _last_end(closer, text) for kind, (_, closer) in _KINDS.items()}
    first_opener = {
        kind: (found.start() if (found := opener.search(text)) else len(text))
        for kind, (opener, _) in _KINDS.items()
    }
    # Bold and italics: mwparserfromhell remembers a style that failed inside a construct
    # that failed as failing at the top level too, so no piece is cut before one.
    first_opener["style"] = 0
    line = _Line(text)
    cuts: list[int] = []
    at = piece
    while (found := _CANDIDATE.search(text, at)) is not None:
        p = found.start()
        if p >= len(text):
            break
        if all(first_opener[k] >= p or closed_by[k] <= p for k in _KINDS) and line.starts_cleanly(
            p
        ):
            cuts.append(p)
            at = p + piece
        else:
            at = p + 1
    return cuts


# a line's start, or an opener in the middle of a line
_CANDIDATE = re.compile(r"(?<=\n)|\{\{|\[|<!--|<[A-Za-z]")
_TAG_START = re.compile(r"<[A-Za-z/]")


class _Line:
    """What the line up to a position opened; positions only move forward (linear in all)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.start = 0  # the current line's start
        self.at = 0  # scanned up to here
        self.first_colon = text.find(":")  # before it, no free link can be open
        self.tag_open = False  # a tag's opening before ``at`` not closed by `>`

    def starts_cleanly(self, p: int) -> bool:
        text = self.text
        before, at = text[p - 1], text[p]
        if before in "'[{<" or at == "'":  # never split a run of apostrophes or brackets
            return False
        self._scan_to(p)
        if self.tag_open:  # a tag's opening goes on over ``p`` (over lines too)
            return False
        if before == "\n":
            return True
        if text[self.start] in _LINE_OPENERS or text.startswith("{|", self.start):
            return False  # a heading, list, table or indented line
        # A free link's URL goes on through comments, templates (over lines too) and tabs:
        # after a colon, only a space just before the piece shows that none is open.
        return not (0 <= self.first_colon < p and before != " ")

    def _scan_to(self, p: int) -> None:
        text = self.text
        newline = text.rfind("\n", self.at, p)
        if newline >= 0:
            self.start = newline + 1
        tags = [found.start() for found in _TAG_START.finditer(text, self.at, p)]
        if tags:
            self.tag_open = text.find(">", tags[-1], p) < 0
        elif self.tag_open:
            self.tag_open = text.find(">", self.at, p) < 0
        self.at = p


def _last_end(closer: str, text: str) -> int:
    """Where the last ``closer`` in ``text`` ends (0 when there is none)."""
    found = text.rfind(closer)
    return found + len(closer) if found >= 0 else 0


def tokenize_in_pieces(text: str, tokenize: Callable[[str], list], piece: int = PIECE) -> list:
    """``tokenize(text)``'s tokens, the text tokenized piece by piece."""
    cuts = cut_points(text, piece)
    if not cuts:
        return tokenize(text)
    out: list = []
    texts: list[str] = []  # text tokens at the end of ``out`` still to be joined into one
    for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True):
        piece_text = text[start:end]
        if _MAY_BE_MARKUP.search(piece_text) is None:
            texts.append(piece_text)  # openers that nothing closes: text
            continue
        tokens = tokenize(piece_text)
        if not tokens:
            continue
        first = 1 if type(tokens[0]) is T.Text else 0
        if first:
            texts.append(tokens[0]["text"])
        if len(tokens) > first:
            if texts:
                out.append(T.Text(text="".join(texts)))
                texts.clear()
            if type(tokens[-1]) is T.Text:
                out += tokens[first:-1]
                texts.append(tokens[-1]["text"])
            else:
                out += tokens[first:]
    if texts:
        out.append(T.Text(text="".join(texts)))
    return out
