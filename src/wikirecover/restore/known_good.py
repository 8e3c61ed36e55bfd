"""Known-good mode: only a good revision and the current page. Every hunk between them is scored
from its content (`features`); damage is reverted, the rest kept; hunks near the line are
uncertain. Blind mode: the page alone; its own paragraphs scored the same way and reported,
nothing changed."""

from __future__ import annotations

from ..align.hunks import KEPT, REVERTED, Hunk, hunks, rebuild
from .features import damage_score
from .result import Restored

REVERT_AT = 0.5  # damage score from which a hunk is reverted (the preset; a person decides)
# Content alone does not tell a content dispute from an edit (docs/restore.md, measured on the
# real reverts of ../shared/history): hunks scoring 0.05 or less (an edit adding wiki markup)
# were damage in 36% of cases, those scoring 0.9 or more legitimate in 43%. Only several strong
# signs together (0.97: 23 of 24 hunks were damage) count as evidence; nothing in a hunk's
# content is evidence enough that it is legitimate. Everything else is for review.
SURE_REVERT = 0.97


def restore_known_good(current: str, good: str) -> Restored:
    found = hunks(good, current)
    for hunk in found:
        _decide(hunk, good)
    return Restored(rebuild(current, found), good, current, found, "known-good", "the good page")


def _decide(hunk: Hunk, good: str) -> None:
    score, reasons = damage_score(hunk, good)
    hunk.score = score
    hunk.certain = score >= SURE_REVERT
    if score >= REVERT_AT:
        hunk.decision = REVERTED
        hunk.reason = f"looks like damage ({score:.0%}): " + (", ".join(reasons) or "weak signs")
    else:
        hunk.decision = KEPT
        hunk.reason = f"looks like an edit ({score:.0%} damage), for review" + (
            f"; signs: {', '.join(reasons)}" if reasons else ""
        )


def flag_suspicious(page: str) -> Restored:
    """Blind mode: each paragraph of the page scored as if it had just been added; the page is
    returned unchanged, the suspicious paragraphs reported as uncertain hunks."""
    found = []
    at = 0
    for paragraph in page.split("\n\n"):
        hunk = Hunk(at, at, at, at + len(paragraph), "", paragraph)
        score, reasons = damage_score(hunk, page.replace(paragraph, "", 1))
        if score >= REVERT_AT:
            hunk.decision, hunk.certain, hunk.score = KEPT, False, score
            hunk.reason = f"suspicious ({score:.0%}): {', '.join(reasons) or 'weak signs'}"
            found.append(hunk)
        at += len(paragraph) + 2
    return Restored(page, page, page, found, "blind", "the page itself")
