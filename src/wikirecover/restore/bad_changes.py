"""Which known bad change a hunk repeats.

A hunk of the current page (against the revision it was made from) is damage when it does again
what a known bad revision did: it adds what that revision added and removes what it removed.
Candidates are found cheaply on the lines each bad change touched, then compared hunk to hunk
(exact containment, else RapidFuzz's similarity). A short hunk (a word, a space) also needs its
surroundings to match, since a bare "the" or a space is in every change.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..align.hunks import Hunk, hunks
from .history import BadChange, History

SHORT = 12  # characters: below this a hunk must match with its surroundings
CONTEXT = 12
AROUND = 0.6  # likeness of a short hunk's surroundings to the bad change's
MAX_CANDIDATES = 24  # bad changes looked at per hunk, nearest the page's base first
ENOUGH = 0.8  # share of a hunk's words the lines a bad change touched must hold
SCORED = 8  # of those, how many are diffed and compared hunk to hunk


@dataclass
class Match:
    score: float  # 0..1, how exactly the hunk repeats the bad change
    change: BadChange
    number: int  # its place in the list of bad changes


@dataclass
class KnownBadChanges:
    history: History
    changes: list[BadChange]
    _lines: dict[int, tuple[str, str]] = field(default_factory=dict)
    _hunks: dict[int, list[Hunk]] = field(default_factory=dict)
    _line_words: dict[int, tuple[Counter[str], Counter[str]]] = field(default_factory=dict)

    def _changed_lines(self, k: int) -> tuple[str, str]:
        if k not in self._lines:
            change = self.changes[k]
            self._lines[k] = self.history.changed_lines(change.before, change.bad)
        return self._lines[k]

    def _texts_of(self, k: int) -> tuple[str, str]:
        """The bad change's two texts, rebuilt from the history (a fraction of a millisecond;
        kept, they would hold two pages per bad change ever looked at)."""
        change = self.changes[k]
        return self.history.text(change.before), self.history.text(change.bad)

    def _hunks_of(self, k: int) -> list[Hunk]:
        if k not in self._hunks:
            self._hunks[k] = hunks(*self._texts_of(k))
        return self._hunks[k]

    def matches(self, hunk: Hunk, new: str, near: int, first: tuple[int, ...] = ()) -> list[Match]:
        """The known bad changes ``hunk`` (OLD -> NEW) is like, best first: the changes in
        ``first`` (those the page's other hunks repeat) are looked at first, then the others
        nearest revision ``near`` in the history first."""
        candidates = self._candidates(hunk, near, first)
        likely = [k for k in candidates if k in first or self._bound(k, hunk) >= ENOUGH]
        found = []
        for k in likely[:SCORED]:
            score = self._score(k, hunk, new)
            if score > 0:
                found.append(Match(score, self.changes[k], k))
        return sorted(found, key=lambda m: -m.score)

    def _bound(self, k: int, hunk: Hunk) -> float:
        """How much of the hunk's words the lines the change touched hold: a cheap first cut
        before a bad change is diffed (it misses a change that moved a line: such a line is in
        both of its texts, so in neither line set)."""
        if k not in self._line_words:
            gone, added = self._changed_lines(k)
            self._line_words[k] = (_words(gone), _words(added))
        gone_words, added_words = self._line_words[k]
        return min(
            _coverage(_words(hunk.added), added_words),
            _coverage(_words(hunk.removed), gone_words),
        )

    def _candidates(self, hunk: Hunk, near: int, first: tuple[int, ...]) -> list[int]:
        order = sorted(range(len(self.changes)), key=lambda k: abs(self.changes[k].bad - near))
        found = []
        for k in [*first, *(k for k in order if k not in first)]:
            gone, added = self._changed_lines(k)
            # one side is enough: a line the change moved is in both its texts
            if _present(hunk.added, added) or _present(hunk.removed, gone):
                found.append(k)
                if len(found) >= MAX_CANDIDATES:
                    break
        return found

    def _score(self, k: int, hunk: Hunk, new: str) -> float:
        """How much of the hunk the bad change's own hunks account for: 1.0 when one of them
        holds it whole, else the share of its words found in those of them that share a word
        with it (a hunk and the bad change may cut the same edit in different places)."""
        bad = self._texts_of(k)[1]
        theirs = self._hunks_of(k)
        if hunk.size < SHORT or not _words(hunk.added + hunk.removed):
            # a word or a space: found whole, with surroundings like the bad change's
            return max(
                (
                    1.0
                    for t in theirs
                    if hunk.added in t.added
                    and hunk.removed in t.removed
                    and (bool(hunk.added) == bool(t.added))
                    and (bool(hunk.removed) == bool(t.removed))
                    and _surroundings(new, hunk.new_start, hunk.new_end, bad, t) >= AROUND
                ),
                default=0.0,
            )
        if any(hunk.added in t.added and hunk.removed in t.removed for t in theirs):
            return 1.0
        mine = _words(hunk.added + " " + hunk.removed)
        related = [t for t in theirs if mine & _words(t.added + " " + t.removed)]
        added = _coverage(_words(hunk.added), _words(" ".join(t.added for t in related)))
        removed = _coverage(_words(hunk.removed), _words(" ".join(t.removed for t in related)))
        return min(added, removed)


_WORD = re.compile(r"\w{3,}|[^\w\s]")


def _words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text))


def _coverage(mine: Counter[str], theirs: Counter[str]) -> float:
    total = sum(mine.values())
    return sum((mine & theirs).values()) / total if total else 1.0


def _present(piece: str, lines: str) -> bool:
    """Whether ``piece`` can come from ``lines``: each of its lines is there (the blob has the
    changed lines without the newlines between them), or, when long, one of its ends is (the
    rest may have been edited since). An empty piece can come from anything."""
    parts = [part for part in piece.split("\n") if part.strip()]
    if all(part in lines for part in parts):
        return True
    if len(piece) >= 4 * CONTEXT:
        return piece[: 2 * CONTEXT] in lines or piece[-2 * CONTEXT :] in lines
    return False


def _surroundings(new: str, start: int, end: int, bad: str, theirs: Hunk) -> float:
    """How alike the text around a short hunk is to the text around the bad change's hunk
    (the page may have been edited right beside it since: alike, not equal)."""
    mine = new[max(0, start - CONTEXT) : start] + "\x00" + new[end : end + CONTEXT]
    left = bad[max(0, theirs.new_start - CONTEXT) : theirs.new_start]
    right = bad[theirs.new_end : theirs.new_end + CONTEXT]
    return fuzz.ratio(mine, left + "\x00" + right) / 100.0
