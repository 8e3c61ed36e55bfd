"""Where the hunks of a review come from: the changes between two pages (`diff`), or the markup
`convert --upstream` carried over (a restore's own: `restore/review.py`). Each gives `Decisions`
whose preset result is exactly what the command itself gave."""

from __future__ import annotations

from ..align.hunks import hunks
from .decisions import KEEP, Decisions, pieces


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
