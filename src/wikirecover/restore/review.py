"""The review page of a restore: the interactive page (`review.page`) with the restore's hunks,
each preset to the tool's decision, and what the restore and its check said above them."""

from __future__ import annotations

from ..review.page import review_page
from ..review.sources import from_restore
from .result import Restored


def restore_review(result: Restored, given: str = "page as given") -> str:
    decisions = from_restore(result, given)
    verdict = "certain" if result.certain else "NOT certain: decide the hunks marked for review"
    summary = [
        f"{result.mode} mode, measured from {result.base or 'the page itself'}: {verdict}. "
        f"{len(result.reverted)} of {len(result.hunks)} hunks reverted.",
        *(f"! {problem}" for problem in result.problems),
        *result.notes,
    ]
    return review_page(decisions, f"Restore review: {given}", summary)
