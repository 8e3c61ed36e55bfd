"""Undo one change (GOOD -> BAD) on a page edited since BAD, the way MediaWiki's undo is meant
to work, but hunk by hunk at the level of words instead of whole lines.

Each hunk of the bad change is found in the current page through the edits made since BAD. A
hunk no later edit touched is put back as GOOD had it: certain. A hunk a later edit touched is
undone where its text can still be found and marked uncertain either way: a page that might be
wrong is never presented as clean.

A hunk that puts back text the bad change removed is certain only on a page not edited since:
had the page been made by doing the change again on a later revision (a fork, a vandal coming
back), an edit made to that text in between would not show in the page at all. Last, the result
is checked against what was asked (`verify.check_undo`, with its own diffs).
"""

from __future__ import annotations

from ..align.hunks import KEPT, REVERTED, Hunk, hunks
from .result import Restored
from .verify import check_undo

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


def undo_change(
    current: str, good: str, bad: str, reason: str = "", check: bool = True
) -> Restored:
    """``current`` with the change ``good`` -> ``bad`` undone; with ``check``, the result checked
    against what was asked."""
    damage = hunks(good, bad)
    since = hunks(bad, current)
    edits: list[Hunk] = []
    for hunk in damage:
        low, high = hunk.new_start - MARGIN, hunk.new_end + MARGIN
        touching = [g for g in since if g.old_start <= high and g.old_end >= low]
        start = old_to_new(since, hunk.new_start)
        if not touching:
            if hunk.removed and since:
                edits.append(
                    _reverted(hunk, start, start + len(hunk.added), False, _put_back(reason))
                )
            else:
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
            "an edit made since the bad revision (reverting it gives the bad revision's text)",
        )
        for g in since
        if not any(e.new_start < g.new_end and g.new_start < e.new_end for e in edits)
    ]
    merged = sorted(edits + kept, key=lambda h: (h.new_start, h.new_end))
    text = _apply(current, edits)
    result = Restored(text, good, current, merged, "undo", "the revision before")
    if check:
        result.found_wrong(check_undo(current, good, bad, text))
    return result


def _put_back(reason: str) -> str:
    return (reason + "; " if reason else "") + (
        "puts back text the bad change removed, as the revision before it had it: the page was "
        "edited since, and an edit made to that text elsewhere would not show in the page"
    )


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
