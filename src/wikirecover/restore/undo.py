"""Undo one change (GOOD -> BAD) on a page edited since BAD, the way MediaWiki's undo is meant
to work, but hunk by hunk at the level of words instead of whole lines.

Each hunk of the bad change is found in the current page through the edits made since BAD. A
hunk no later edit touched is put back as GOOD had it: certain. A hunk a later edit touched is
undone where its text can still be found and marked uncertain either way: a page that might be
wrong is never presented as clean.
"""

from __future__ import annotations

from .history import BadChange, History
from .hunks import KEPT, REVERTED, Hunk, hunks
from .result import Restored

MARGIN = 1  # characters between a bad hunk and a later edit below which they touch


def old_to_new(changes: list[Hunk], position: int) -> int:
    """Where a position of OLD falls in NEW, through ``changes`` (OLD -> NEW)."""
    shift = 0
    for hunk in changes:
        if hunk.old_start >= position:
            break
        if hunk.old_end > position:
            return hunk.new_start
        shift = hunk.new_end - hunk.old_end
    return position + shift


def undo_change(current: str, good: str, bad: str, reason: str = "") -> Restored:
    """``current`` with the change ``good`` -> ``bad`` undone."""
    damage = hunks(good, bad)
    since = hunks(bad, current)
    edits: list[Hunk] = []
    for hunk in damage:
        low, high = hunk.new_start - MARGIN, hunk.new_end + MARGIN
        touching = [g for g in since if g.old_start <= high and g.old_end >= low]
        start = old_to_new(since, hunk.new_start)
        if not touching:
            edits.append(_reverted(hunk, start, start + len(hunk.added), True, reason))
            continue
        found = _find_near(current, hunk.added, start) if hunk.added else start
        if found is None:
            continue  # its text is gone from the page: a later edit replaced it
        edits.append(
            _reverted(
                hunk,
                found,
                found + len(hunk.added),
                False,
                (reason + "; " if reason else "") + "a later edit touched the same place",
            )
        )
    edits = _without_overlaps(edits)
    kept = [
        Hunk(
            g.old_start,
            g.old_end,
            g.new_start,
            g.new_end,
            g.removed,
            g.added,
            KEPT,
            True,
            "an edit made since the bad revision",
        )
        for g in since
        if not any(e.new_start < g.new_end and g.new_start < e.new_end for e in edits)
    ]
    merged = sorted(edits + kept, key=lambda h: (h.new_start, h.new_end))
    return Restored(_apply(current, edits), good, current, merged, "undo", "the revision before")


def _reverted(hunk: Hunk, start: int, end: int, certain: bool, reason: str) -> Hunk:
    return Hunk(
        hunk.old_start,
        hunk.old_end,
        start,
        end,
        hunk.removed,
        hunk.added,
        REVERTED,
        certain,
        reason or "part of the bad change",
        1.0,
    )


def _find_near(text: str, piece: str, position: int) -> int | None:
    """The occurrence of ``piece`` in ``text`` nearest ``position``."""
    best = None
    at = text.find(piece)
    while at >= 0:
        if best is None or abs(at - position) < abs(best - position):
            best = at
        at = text.find(piece, at + 1)
    return best


def _without_overlaps(edits: list[Hunk]) -> list[Hunk]:
    kept: list[Hunk] = []
    for edit in sorted(edits, key=lambda h: (h.new_start, h.new_end)):
        if kept and edit.new_start < kept[-1].new_end:
            kept[-1].certain = False
            continue
        kept.append(edit)
    return kept


def _apply(current: str, edits: list[Hunk]) -> str:
    out, position = [], 0
    for edit in edits:
        out.append(current[position : edit.new_start])
        out.append(edit.removed)
        position = edit.new_end
    out.append(current[position:])
    return "".join(out)


def undo_carried(history: History, changes: list[BadChange], current: str) -> Restored:
    """Undo, one after the other, the bad changes ``current`` still carries (for a page that
    went its own way from every revision of the history)."""
    text = current
    notes, all_hunks = [], []
    for change in changes:
        good, bad = history.text(change.before), history.text(change.bad)
        if not _carries(text, good, bad):
            continue
        done = undo_change(text, good, bad, change.reason)
        text = done.text
        all_hunks.extend(h for h in done.hunks if h.decision == REVERTED)
        notes.append(change.reason)
    uncertain = any(not h.certain for h in all_hunks)
    result = Restored(text, current, current, [], "history", "no revision is near the page")
    result.notes = ["undone by merging, one bad change after the other", *notes]
    result.hunks = hunks(text, current)
    for hunk in result.hunks:
        hunk.decision = REVERTED
        hunk.certain = not uncertain
        hunk.reason = "part of a bad change the page still carried"
    result.old = text
    return result


def _carries(text: str, good: str, bad: str) -> bool:
    damage = [h for h in hunks(good, bad) if len(h.added) >= 8 or len(h.removed) >= 8]
    if not damage:
        return False
    carried = sum(
        1
        for h in damage
        if (not h.added or h.added in text) and (len(h.removed) < 8 or h.removed not in text)
    )
    return carried * 2 > len(damage)
