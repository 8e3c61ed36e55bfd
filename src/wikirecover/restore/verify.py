"""A restore checked against what was asked, independently of the code that did it.

Undoing a change GOOD -> BAD on a page CURRENT edited since BAD asks for three things: none of
the bad change's insertions left, all of its deletions back, and every other difference between
CURRENT and BAD kept. All three hold exactly when the output is BAD with both sets of edits done:
the bad change's own edits backwards (BAD -> GOOD) and the edits made since (BAD -> CURRENT). That
page is only well defined where no edit of one set touches an edit of the other; where one does,
what was asked cannot be checked and the restore is not certain.

The check uses its own diffs (`align.diff.flat_diff`: tokens over the whole text, cleaned up
to what a person would call one change), not the structural word diff the restore modes merge
with, so a fault in the merge cannot hide itself. What it finds is reported as problems, each
placed in the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..align.diff import flat_diff
from ..align.hunks import hunks_of

TIMEOUT = 1.0  # seconds per diff; a diff cut short is still a valid diff, only a coarser one


@dataclass(frozen=True)
class Edit:
    """Replace ``[start, end)`` of the text diffed from with ``text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Problem:
    where: int  # a position in the output (or in the bad revision for a touching edit)
    what: str

    def __str__(self) -> str:
        return f"at character {self.where}: {self.what}"


def edits(old: str, new: str) -> list[Edit]:
    """The edits turning ``old`` into ``new``, in order, none touching another."""
    return [Edit(h.old_start, h.old_end, h.added) for h in hunks_of(flat_diff(old, new, TIMEOUT))]


def applied(text: str, changes: list[Edit]) -> str:
    out, at = [], 0
    for edit in sorted(changes, key=lambda e: (e.start, e.end)):
        out.append(text[at : edit.start])
        out.append(edit.text)
        at = edit.end
    out.append(text[at:])
    return "".join(out)


def check_undo(current: str, good: str, bad: str, output: str) -> list[Problem]:
    """What is wrong with ``output`` as ``current`` with the change ``good`` -> ``bad`` undone;
    nothing when it is exactly that. Each problem is placed in ``current``."""
    undo = edits(bad, good)
    since = edits(bad, current)
    problems = [
        Problem(
            _forward(since, u.start),
            "an edit made since the bad revision touches the bad change there "
            f"({_show(bad[u.start : u.end], u.text)}): what undoing it gives is not defined",
        )
        for u in undo
        if any(s.start <= u.end and u.start <= s.end for s in since)
    ]
    if problems:
        return problems
    both = sorted(undo + since, key=lambda e: (e.start, e.end))
    expected = applied(bad, both)
    if expected == output:
        return []
    return [
        Problem(
            _forward(since, _backward(both, e.start)),
            _wrong(expected[e.start : e.end], e.text),
        )
        for e in edits(expected, output)
    ]


def _forward(changes: list[Edit], position: int) -> int:
    """Where ``position`` of the text ``changes`` start from falls in the text they give."""
    shift = 0
    for edit in changes:
        if edit.start >= position:
            break
        if edit.end > position:
            return edit.start + shift
        shift += len(edit.text) - (edit.end - edit.start)
    return position + shift


def _backward(changes: list[Edit], position: int) -> int:
    """Where ``position`` of the text ``changes`` give falls in the text they start from."""
    shift = 0
    for edit in changes:
        start = edit.start + shift
        if start >= position:
            break
        if start + len(edit.text) > position:
            return edit.start
        shift += len(edit.text) - (edit.end - edit.start)
    return position - shift


def _wrong(wanted: str, got: str) -> str:
    return f"the output has {_short(got)} where what was asked gives {_short(wanted)}"


def _show(removed: str, added: str) -> str:
    return f"{_short(removed)} -> {_short(added)}"


def _short(text: str, limit: int = 60) -> str:
    if not text:
        return "nothing"
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
