"""Where the hunks of a review come from: a restore's decisions, the changes between two
pages (`diff`), or the markup `convert --upstream` carried over. Each gives `Decisions` whose
preset result is exactly what the command itself gave."""

from __future__ import annotations

from ..restore.hunks import REVERTED, hunks
from ..restore.result import Restored
from .decisions import KEEP, REVERT, Decisions, pieces


def from_restore(result: Restored, page_label: str = "page as given") -> Decisions:
    """A restore's hunks: reverting puts back the text of the version they are measured from
    (for an undo's later edits, the bad revision's)."""
    spans = [
        (
            h.new_start,
            h.new_end,
            h.removed,
            REVERT if h.decision == REVERTED else KEEP,
            h.certain,
            h.reason,
        )
        for h in result.hunks
    ]
    between, choices = pieces(result.new, spans)
    notes = [*result.notes, *result.problems]
    return Decisions(
        between, choices, "restore", {"page": page_label, "other": result.base or "good"}, "", notes
    )


def from_diff(old: str, new: str, old_label: str, new_label: str) -> Decisions:
    """The changes OLD -> NEW, each kept as NEW has it unless a person takes OLD's back."""
    spans = [
        (h.new_start, h.new_end, h.removed, KEEP, False, "changed in " + new_label)
        for h in hunks(old, new)
    ]
    between, choices = pieces(new, spans)
    return Decisions(between, choices, "diff", {"page": new_label, "other": old_label})


def from_upstream(plain: str, carried: str) -> Decisions:
    """The markup an upstream gave the page: each hunk between the page recovered alone and the
    page with the upstream's markup carried over, kept unless a person drops it."""
    spans = [
        (h.new_start, h.new_end, h.removed, KEEP, False, "markup carried over from the upstream")
        for h in hunks(plain, carried)
    ]
    between, choices = pieces(carried, spans)
    return Decisions(
        between, choices, "upstream", {"page": "with the upstream", "other": "recovered alone"}
    )
