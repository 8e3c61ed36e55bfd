"""A page's history held compactly, its identity reverts, and the revision nearest a text.

Each distinct line of every revision is stored once and a revision is the list of its line
numbers, so the 15,180 revisions of a 1 GB history fit in tens of megabytes and any of them is
rebuilt exactly in a millisecond. Identity reverts are found as MediaWiki and mwreverts define
them: a revision whose SHA-1 equals that of one of the 15 revisions before it reverts the ones
in between.
"""

from __future__ import annotations

import hashlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import numpy as np

from ..dumps import PageEnd, Revision, stream_revisions
from ..errors import InputError

T = TypeVar("T")
REVERT_RADIUS = 15  # revisions a revert may undo at once (mwreverts' default)


@dataclass(frozen=True)
class BadChange:
    """Revision ``before`` (a good one) -> ``bad`` (the last of the reverted run): the change a
    restore undoes."""

    before: int  # index in the history
    bad: int
    reason: str
    listed: bool = False  # named by the user (not reverted: the revisions after carry it)


@dataclass
class History:
    """The revisions of one page, oldest first."""

    title: str = ""
    ids: list[str] = field(default_factory=list)
    sha1s: list[str] = field(default_factory=list)
    users: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    _lines: list[str] = field(default_factory=list)  # every distinct line once
    _line_ids: dict[str, int] = field(default_factory=dict)
    _revisions: list[array] = field(default_factory=list)  # line numbers of each revision
    _postings: dict[int, array] | None = None  # line number -> revisions holding it
    _lengths: list[int] = field(default_factory=list)  # characters of each revision
    damage: str | None = None  # where the dump broke, when it did
    _cache: dict = field(default_factory=dict)  # what restores of many pages share

    # -- building -------------------------------------------------------------------------
    @classmethod
    def from_dump(cls, path: str | Path, title: str | None = None) -> History:
        """The history of ``title`` (default: the dump's first page) from an XML dump."""
        if not Path(path).is_file():
            raise InputError("no such file", str(path))
        history = cls()
        damage = None
        for item in stream_revisions(Path(path)):
            if isinstance(item, PageEnd):
                if history.title and item.title == history.title:
                    damage = item.damage
                    break
                continue
            if title is not None and item.title != title:
                continue
            if not history.title:
                history.title = item.title
            if item.title == history.title:
                history.add(item)
        if not history.ids:
            what = f"no revisions of {title!r}" if title else "no revisions"
            raise InputError(f"the dump holds {what}", str(path))
        history.damage = damage
        return history

    @classmethod
    def from_texts(cls, texts: Iterable[str], title: str = "") -> History:
        history = cls(title=title)
        for number, text in enumerate(texts, 1):
            history.add(Revision(title, str(number), "", "", "", "", text))
        return history

    def add(self, revision: Revision) -> None:
        text = revision.text or ""
        self.ids.append(revision.id)
        self.sha1s.append(revision.sha1)
        self.users.append(revision.user)
        self.comments.append(revision.comment)
        numbers = array("I")
        for line in text.split("\n"):
            number = self._line_ids.get(line)
            if number is None:
                number = self._line_ids[line] = len(self._lines)
                self._lines.append(line)
            numbers.append(number)
        self._revisions.append(numbers)
        self._lengths.append(len(text))
        self._postings = None

    def cached(self, key: object, make: Callable[[], T]) -> T:
        """``make()`` once per key for this history (its bad-change index, for instance)."""
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    # -- reading --------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.ids)

    def length(self, index: int) -> int:
        """The characters of revision ``index``, without rebuilding its text."""
        return self._lengths[index]

    def text(self, index: int) -> str:
        return "\n".join(self._lines[n] for n in self._revisions[index])

    def changed_lines(self, before: int, after: int) -> tuple[str, str]:
        """The lines ``before`` had that ``after`` lacks, and the reverse, each joined by
        newlines: where a change between the two can be (a cheap first look)."""
        old, new = set(self._revisions[before]), set(self._revisions[after])
        gone = "\n".join(self._lines[n] for n in self._revisions[before] if n not in new)
        added = "\n".join(self._lines[n] for n in self._revisions[after] if n not in old)
        return gone, added

    def index_of(self, revision_id: str) -> int:
        try:
            return self.ids.index(revision_id)
        except ValueError:
            raise InputError(f"no revision {revision_id} in the history") from None

    def revisions_with(self, text: str) -> list[int]:
        """The revisions whose text is exactly ``text`` (by SHA-1), oldest first."""
        by_sha1 = self.cached("by-sha1", self._by_sha1)
        return by_sha1.get(hashlib.sha1(text.encode("utf-8")).hexdigest(), [])

    def _by_sha1(self) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for index, sha1 in enumerate(self.sha1s):
            found.setdefault(sha1, []).append(index)
        return found

    def carried_until(self, bad: int) -> int:
        """The first revision after ``bad`` that no longer descends from it: one whose text
        is that of a revision before ``bad`` (a revert past it); the history's length if none."""
        earlier = set(self.sha1s[:bad])
        for index in range(bad + 1, len(self)):
            if self.sha1s[index] in earlier:
                return index
        return len(self)

    def identity_reverts(self, radius: int = REVERT_RADIUS) -> list[BadChange]:
        """Each run of revisions undone by an identity revert, as the change it made."""
        changes: list[BadChange] = []
        reverted: set[int] = set()
        for index, sha1 in enumerate(self.sha1s):
            for back in range(index - 2, max(-1, index - radius - 2), -1):
                if self.sha1s[back] == sha1:
                    run = [k for k in range(back + 1, index) if k not in reverted]
                    if run and self.sha1s[index - 1] != sha1:
                        reverted.update(run)
                        changes.append(
                            BadChange(
                                back,
                                index - 1,
                                f"revision {self.ids[index - 1]} was reverted by revision "
                                f"{self.ids[index]} (identity revert to {self.ids[back]})",
                            )
                        )
                    break
        return changes

    def nearest(self, text: str, exclude: set[int] = frozenset(), count: int = 3) -> list[int]:
        """The revisions (not in ``exclude``) whose text is nearest ``text``: ranked by the lines
        they share, the best few by characters that differ line by line."""
        if self._postings is None:
            postings: dict[int, array] = {}
            for index, numbers in enumerate(self._revisions):
                for number in set(numbers):
                    postings.setdefault(number, array("I")).append(index)
            self._postings = postings
        lines = set(text.split("\n"))
        wanted = [(self._line_ids[line], len(line) + 1) for line in lines if line in self._line_ids]
        shared = np.zeros(len(self), dtype=np.float64)
        if wanted:
            holders = [np.frombuffer(self._postings[n], dtype=np.uint32) for n, _ in wanted]
            weights = np.repeat([w for _, w in wanted], [len(h) for h in holders])
            shared = np.bincount(np.concatenate(holders), weights, minlength=len(self))
        ranked = [int(k) for k in np.argsort(-shared, kind="stable") if int(k) not in exclude][:20]
        mine = Counter(text.split("\n"))
        return sorted(ranked, key=lambda k: (self._line_distance(k, mine), -k))[:count]

    def _line_distance(self, index: int, lines: Counter[str]) -> int:
        theirs = Counter(self._lines[n] for n in self._revisions[index])
        return sum(len(line) + 1 for line in (theirs - lines).elements()) + sum(
            len(line) + 1 for line in (lines - theirs).elements()
        )
