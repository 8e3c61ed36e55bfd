"""A restore's hunks as decisions a person can change (`from_restore`), and its review page: the
interactive page (`review.page`) with every hunk preset to the tool's decision, and what the
restore and its check said above them."""

from __future__ import annotations

from pathlib import PurePath

from ..align.hunks import REVERTED
from ..review.decisions import KEEP, REVERT, Decisions, pieces
from ..review.page import review_page
from .result import Restored


def restore_review(result: Restored, given: str = "page as given") -> str:
    decisions = from_restore(result, PurePath(given).name)
    verdict = "certain" if result.certain else "NOT certain: decide the hunks marked for review"
    summary = [
        f"{result.mode} mode, measured from {result.base or 'the page itself'}: {verdict}. "
        f"{len(result.reverted)} of {len(result.hunks)} hunks reverted.",
        *(f"! {problem}" for problem in result.problems),
        *result.notes,
    ]
    return review_page(decisions, f"Restore review: {given}", summary)


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
    labels = {"page": page_label, "other": result.base or "good"}
    return Decisions(between, choices, "restore", labels, PurePath(page_label).stem, notes)
