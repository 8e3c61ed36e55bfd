"""How MediaWiki prints references on a rendered page: the `[3]` citation markers and the
entries of the reference list (`↑ 3.0 3.1 Text`, `^ a b Text`), read back by the text-dump
reader and by the `reference-text` pass; and the names given to references cited again."""

from __future__ import annotations

import re
from functools import cache

from .interface import backlink_labels
from .rules import alternation

MARKER = re.compile(r"\[(?:(?P<group>[A-Za-z][A-Za-z ._-]{0,15}?) )?(?P<n>\d{1,4})\]")
ARROW = re.compile(r"^[↑^]\s*")
_LETTERS = re.compile(r"^((?:[a-z] ){2,})")
_TEMPLATE_TEXT = re.compile(r"\b(?:Template|Vorlage):")
NAME_WORDS = 3  # words of a reference's text used for its generated name


@cache
def _labelled_arrow() -> re.Pattern[str]:
    """An arrow with Cite's hidden label before or after it, in any language: `Jump up ↑`,
    `↑ Jump up to:`, `^ Hochspringen nach:`."""
    labels = alternation(backlink_labels())  # (some 500: one branch per character)
    return re.compile(rf"^(?:(?:{labels})\s*[↑^]|[↑^]\s*(?:{labels}))\s*")


def starts_with_arrow(text: str) -> bool:
    """Whether a list item starts as a reference list's entries do (an arrow, maybe labelled)."""
    return bool(ARROW.match(text) or _labelled_arrow().match(text))


def read_entry(number: int, text: str) -> tuple[str, int]:
    """(reference text, backlinks) of the entry numbered ``number`` of a printed reference
    list: `↑ 3.0 3.1 Text`, `^ a b Text`, `3.0 3.1 Text` or `Text`; the arrow may come with
    its label for screen readers (`^ Jump up to: a b Text`)."""
    arrow = _labelled_arrow().match(text) or ARROW.match(text)
    rest = text[arrow.end() :] if arrow else text
    numbered = re.match(rf"^(?:{number}\.\d+ )+", rest + " ")
    backlinks = 1
    if numbered:
        backlinks = numbered.group(0).count(".")
        rest = rest[numbered.end() :] if numbered.end() <= len(rest) else ""
    elif arrow:
        letters = _LETTERS.match(rest)
        if letters and _is_alphabet_run(letters.group(1).split()):
            backlinks = len(letters.group(1).split())
            rest = rest[letters.end() :]
    return rest.strip(), backlinks


def _is_alphabet_run(letters: list[str]) -> bool:
    return all(ord(letter) == ord("a") + k for k, letter in enumerate(letters))


def reference_name(text: str, number: int, taken: set[str]) -> str:
    """A name for a reused reference from its first words, unique in ``taken`` (updated)."""
    words = re.findall(r"[^\W_]+", _TEMPLATE_TEXT.sub(" ", text))[:NAME_WORDS]
    base = " ".join(words) if words else f"ref {number}"
    if base.isdigit():
        base = f"ref {base}"
    name, k = base, 1
    while name.casefold() in taken:
        k += 1
        name = f"{base} {k}"
    taken.add(name.casefold())
    return name
