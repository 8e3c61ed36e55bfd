"""What a user asked `restore` to do, and the choice of mode that follows from it.

The command line gathers the paths; `RestoreRequest.run` checks they make one request and calls
the mode they ask for: `--undo BAD --before GOOD` (one change undone), `--history DUMP` (the
page against its history), `--good GOOD` (only a known-good revision), or the page alone
(suspicious paragraphs flagged, nothing changed).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import WikirecoverError
from ..pipeline import page_wikitext
from .history import History
from .history_mode import restore_from_history
from .known_good import flag_suspicious, restore_known_good
from .result import Restored
from .undo import undo_change


@dataclass(frozen=True)
class RestoreRequest:
    current: str | None = None  # the page to restore (a path)
    history: str | None = None  # the page's history (an XML dump)
    title: str | None = None  # the page of the history dump
    bad: tuple[str, ...] = ()  # bad revision ids of the history
    undo: str | None = None  # the bad revision of one change ...
    before: str | None = None  # ... and the revision before it
    good: str | None = None  # a known-good revision

    def run(self) -> Restored:
        if bool(self.undo) != bool(self.before):
            raise WikirecoverError("--undo BAD and --before GOOD go together")
        if self.undo and self.before:
            if self.current is None:
                raise WikirecoverError("--undo needs the CURRENT page")
            current, bad, good = (page_wikitext(p) for p in (self.current, self.undo, self.before))
            return undo_change(current, good, bad, f"the change {self.before} -> {self.undo}")
        if self.history:
            history = History.from_dump(self.history, self.title)
            current_text = page_wikitext(self.current) if self.current else None
            return restore_from_history(history, current_text, self.bad)
        if self.current is None:
            raise WikirecoverError("give the CURRENT page, or --history DUMP")
        if self.good:
            return restore_known_good(page_wikitext(self.current), page_wikitext(self.good))
        return flag_suspicious(page_wikitext(self.current))
