"""The hunks between two versions of a page, and a page rebuilt with some of them undone.

A hunk is one place where OLD and NEW differ: the characters OLD had there and those NEW has.
They come from the project's structural diff (`align.diff.word_diff`: paragraphs first, then
words inside the paragraphs that were edited, markup characters as words of their own), so a
hunk is what an editor changed in one place, and a rewritten paragraph is one hunk rather than a
scatter of letters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .diff import Change, word_diff

EQUAL, DELETE, INSERT = 0, -1, 1
KEPT, REVERTED = "kept", "reverted"


@dataclass
class Hunk:
    old_start: int  # [old_start, old_end) in OLD
    old_end: int
    new_start: int  # [new_start, new_end) in NEW
    new_end: int
    removed: str
    added: str
    decision: str = KEPT  # kept | reverted
    certain: bool = True
    reason: str = ""
    score: float = 0.0  # how strongly it looks like damage, 0..1

    @property
    def size(self) -> int:
        return len(self.removed) + len(self.added)

    def to_json(self) -> dict:
        return {
            "old": [self.old_start, self.old_end],
            "new": [self.new_start, self.new_end],
            "removed": self.removed,
            "added": self.added,
            "decision": self.decision,
            "certain": self.certain,
            "reason": self.reason,
            "score": round(self.score, 3),
        }


def hunks(old: str, new: str) -> list[Hunk]:
    """The hunks turning ``old`` into ``new``, in order."""
    return hunks_of(word_diff(old, new))


def hunks_of(changes: Iterable[Change]) -> list[Hunk]:
    """The hunks of a diff (from any of `align.diff`'s diffs): the runs of changes between two
    equal stretches, with their places in both texts."""
    found: list[Hunk] = []
    at_old = at_new = 0
    current: Hunk | None = None
    for change in changes:
        op, text = change.op, change.text
        if op == EQUAL:
            current = None
            at_old += len(text)
            at_new += len(text)
            continue
        if current is None:
            current = Hunk(at_old, at_old, at_new, at_new, "", "")
            found.append(current)
        if op == DELETE:
            current.removed += text
            at_old += len(text)
            current.old_end = at_old
        else:
            current.added += text
            at_new += len(text)
            current.new_end = at_new
    return found


def rebuild(new: str, changes: list[Hunk]) -> str:
    """``new`` with every reverted hunk put back as OLD had it."""
    out: list[str] = []
    position = 0
    for hunk in changes:
        if hunk.decision != REVERTED:
            continue
        out.append(new[position : hunk.new_start])
        out.append(hunk.removed)
        position = hunk.new_end
    out.append(new[position:])
    return "".join(out)
