"""Moved text in a diff: a deleted stretch that reappears, (nearly) the same, somewhere else.

MediaWiki's diff view shows a moved paragraph as a move (an arrow from where it was to where it
went) instead of one long deletion and one long insertion; so does ours.
"""

from __future__ import annotations

import difflib

from .diff import DELETE, INSERT, Change

# A stretch shorter than this is too common to call a move ("the", a lone reference marker).
MIN_MOVE_CHARS = 40
# A moved paragraph may be touched up on its way; below this similarity it was rewritten.
MOVE_SIMILARITY = 0.9


def find_moves(changes: list[Change]) -> dict[int, int]:
    """Pairs of change indexes (deletion -> insertion and insertion -> deletion) that are one
    stretch of text moved."""
    deleted = [i for i, c in enumerate(changes) if c.op == DELETE and _size(c) >= MIN_MOVE_CHARS]
    inserted = [i for i, c in enumerate(changes) if c.op == INSERT and _size(c) >= MIN_MOVE_CHARS]
    moves: dict[int, int] = {}
    for i in deleted:
        old = " ".join(changes[i].text.split())
        best, best_j = MOVE_SIMILARITY, None
        for j in inserted:
            if j in moves or abs(i - j) == 1:  # next to each other: a replacement, not a move
                continue
            new = " ".join(changes[j].text.split())
            if old == new:
                best, best_j = 1.0, j
                break
            matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
            if matcher.real_quick_ratio() >= best and matcher.quick_ratio() >= best:
                ratio = matcher.ratio()
                if ratio >= best:
                    best, best_j = ratio, j
        if best_j is not None:
            moves[i] = best_j
            moves[best_j] = i
    return moves


def _size(change: Change) -> int:
    return len(change.text.strip())
