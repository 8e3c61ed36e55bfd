"""Links put back into a page that was kept only as text, from the site's own title list.

A rendering kept as plain text (a crawler's text extraction) has lost its links. The site's
other captures say which titles existed (Special:AllPages, category listings, blue links, the
pages recovered): where the page's text names one of them unambiguously, the first mention is
linked, as editors link a term once. A mention matches a title when it is the title itself
(its first letter in either case, as MediaWiki compares titles) between word boundaries; the
longest title found at a place wins; a mention that matches two titles differing only in case is
left alone, and so is the page's own title. Only plain text is linked: never inside links,
templates, tags or headings. Every link is a guess, and the report lists them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from mwparserfromhell.nodes import Text

from ..namespaces import DEFAULT
from ..parsing import parse_wikitext

_WORD = re.compile(r"\w+")
# titles too short or too common to be told from ordinary words
MIN_LENGTH = 4
NEVER = frozenset({"Main Page"})


class TitleIndex:
    """Main-namespace titles by their first word, casefolded; longest first."""

    def __init__(self, titles: Iterable[str]) -> None:
        by_word: dict[str, list[str]] = defaultdict(list)
        for title in set(titles):
            namespace, _ = DEFAULT.split(title)
            if namespace != 0 or title in NEVER or not _WORD.match(title):
                continue
            if len(title) < MIN_LENGTH and not (title.isupper() and len(title) >= 2):
                continue
            by_word[_WORD.match(title).group().casefold()].append(title)
        self.by_word = {w: sorted(ts, key=len, reverse=True) for w, ts in by_word.items()}

    def match(self, text: str, at: int, word: str) -> tuple[str, int] | None:
        """The title named at ``at`` (and the mention's length), or None."""
        found: list[str] = []
        length = 0
        for title in self.by_word.get(word.casefold(), ()):
            if length and len(title) < length:
                break  # a longer title already matched here
            mention = text[at : at + len(title)]
            end = at + len(title)
            if mention.casefold() != title.casefold() or (end < len(text) and _is_word(text[end])):
                continue
            found.append(title)
            length = len(title)
        exact = [t for t in found if text[at + 1 : at + length] == t[1:]]
        if len(found) != 1 or len(exact) != 1:
            return None  # no title, or several that differ only in case
        return exact[0], length


def _is_word(character: str) -> bool:
    return character.isalnum() or character == "_"


def restore_links(wikitext: str, index: TitleIndex, own_title: str) -> tuple[str, list[str]]:
    """``wikitext`` with the first mention of each known title linked; the titles linked."""
    code = parse_wikitext(wikitext)
    linked: set[str] = {own_title}
    for node in code.filter_wikilinks():
        linked.add(str(node.title).strip())
    added: list[str] = []
    for node in code.nodes:  # top level only: not inside links, templates, tags, headings
        if not isinstance(node, Text):
            continue
        node.value, found = _link_text(node.value, index, linked)
        added += found
    return (str(code), added) if added else (wikitext, [])


def _link_text(text: str, index: TitleIndex, linked: set[str]) -> tuple[str, list[str]]:
    out: list[str] = []
    added: list[str] = []
    at = 0
    for word in _WORD.finditer(text):
        if word.start() < at or (word.start() and _is_word(text[word.start() - 1])):
            continue
        match = index.match(text, word.start(), word.group())
        if match is None or match[0] in linked:
            continue
        title, length = match
        mention = text[word.start() : word.start() + length]
        out.append(text[at : word.start()])
        out.append(f"[[{mention}]]" if mention[1:] == title[1:] else f"[[{title}|{mention}]]")
        at = word.start() + length
        linked.add(title)
        added.append(title)
    out.append(text[at:])
    return "".join(out), added
