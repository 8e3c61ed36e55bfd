"""The page explained exactly: which good revision, with which bad change done again on it,
gives the page as it is.

History mode first reads the page hunk by hunk; this checks the reading. For each bad change
the page's hunks repeat (a reverted run, ``before -> bad``) and each good revision the page may
come from, the bad change is done again on the revision with the project's three-way merge
(`align.merge.merge3(before, revision, bad)`). A merge without conflicts that gives back the
page character for character proves the page is that revision plus that bad change, so the
restore is the revision itself. The revisions tried are the page's nearest ones and those
nearest the page with the bad change undone (a large bad change moves the page away from the
revision it was made from).

One distinct revision reproducing the page makes the restore certain; two that differ (a later
edit hidden under what the bad change overwrote) make it uncertain, since the page cannot tell
them apart; none leaves history mode's own reading, which is then not certain when it reverted
anything: a page that is not a revision plus a known bad change was edited in ways the history
does not show.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..align.merge import merge3
from .history import BadChange, History
from .undo import undo_change

UNDONE_NEAREST = 3  # revisions nearest the page with a bad change undone


@dataclass(frozen=True)
class Reproduction:
    revision: int  # the good revision the page was made from
    change: BadChange  # the bad change done again on it


def reproductions(
    history: History,
    current: str,
    changes: list[BadChange],
    bases: list[int],
    excluded: set[int],
    undo_first: bool = True,
) -> list[Reproduction]:
    """Every (good revision, bad change) pair that gives ``current`` exactly, the bad changes
    in the order given, then the revisions nearest first. With ``undo_first``, when none does,
    the revisions nearest the page with the first change undone are tried as well."""
    found = [
        Reproduction(revision, change)
        for change in changes
        for revision in bases
        if _gives(history, current, revision, change)
    ]
    if found or not undo_first or not changes:
        return found
    # the page with the change it repeats most undone: a large bad change moves the page away
    # from the revision it was made from, which may then be none of the nearest
    change = changes[0]
    undone = undo_change(
        current, history.text(change.before), history.text(change.bad), check=False
    ).text
    near = [k for k in history.revisions_with(undone) if k not in excluded]
    near += history.nearest(undone, excluded, count=UNDONE_NEAREST)
    return [
        Reproduction(revision, change)
        for revision in dict.fromkeys(near)
        if revision not in bases and _gives(history, current, revision, change)
    ]


def _gives(history: History, current: str, revision: int, change: BadChange) -> bool:
    """Whether ``change`` done again on ``revision`` gives ``current`` exactly. A clean merge
    makes both changes whole, so the lengths add up: a first cut that rebuilds no text (a
    merge of two pages far apart takes seconds)."""
    if len(current) - history.length(revision) != (
        history.length(change.bad) - history.length(change.before)
    ):
        return False
    merged = merge3(history.text(change.before), history.text(revision), history.text(change.bad))
    return not merged.conflicts and merged.text == current
