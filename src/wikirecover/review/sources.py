"""Where the hunks of a review come from: the changes between two pages (`diff`), or the markup
`convert --upstream` carried over (a restore's own: `restore/review.py`). Each gives `Decisions`
whose preset result is exactly what the command itself gave."""

from __future__ import annotations

from ..align.hunks import hunks
from .decisions import KEEP, Decisions, pieces


def from_diff(old: str, new: str, old_label: str, new_label: str) -> Decisions:
    """The changes OLD -> NEW, each kept as NEW has it unless a person takes OLD's back."""
    between, choices = _kept(old, new, "changed in " + new_label)
    return Decisions(between, choices, "diff", {"page": new_label, "other": old_label})


def from_upstream(plain: str, carried: str) -> Decisions:
    """The markup an upstream gave the page: each hunk between the page recovered alone and the
    page with the upstream's markup carried over, kept unless a person drops it."""
    between, choices = _kept(plain, carried, "markup carried over from the upstream")
    labels = {"page": "with the upstream", "other": "recovered alone"}
    return Decisions(between, choices, "upstream", labels)


def _kept(old: str, new: str, reason: str):
    """``new`` cut at its hunks against ``old``, each kept (for review) for ``reason``."""
    spans = [(h.new_start, h.new_end, h.removed, KEEP, False, reason) for h in hunks(old, new)]
    return pieces(new, spans)
