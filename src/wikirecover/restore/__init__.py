"""Restoring vandalized pages: find the damage, revert it, keep the good edits.

- `history_mode.restore_from_history`: the page against its history (identity reverts and listed
  bad revisions; the hunks that repeat a bad change are reverted).
- `undo.undo_change`: one change GOOD -> BAD undone on a page edited since.
- `known_good.restore_known_good`: only a known-good revision (not yet a classifier: see there).
`request.RestoreRequest` chooses among them from what the user gave. Each returns a `Restored`:
the page, every hunk with its decision and reason, and whether the result is certain;
`review.review_page` renders it for a person to check.
"""

from __future__ import annotations

from .history import BadChange, History
from .history_mode import restore_from_history
from .result import Restored
from .undo import undo_change

__all__ = ["BadChange", "History", "Restored", "restore_from_history", "undo_change"]
