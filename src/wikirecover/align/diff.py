"""Line- and word-level differences between two texts, with diff-match-patch (minimal diffs
on tokens: see `codes`)."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

from .codes import TOKEN, Codes, minimal_engine
from .pairing import MAX_PAIRINGS, pair_blocks

EQUAL, DELETE, INSERT = 0, -1, 1


@dataclass(frozen=True)
class Change:
    op: int  # EQUAL, DELETE or INSERT
    text: str


@dataclass(frozen=True)
class Hunk:
    """A run of changes between two equal stretches, with its line ranges (1-based, inclusive
    start, exclusive end) in the old and the new text."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int
    changes: tuple[Change, ...]

    @property
    def removed(self) -> str:
        return "".join(c.text for c in self.changes if c.op == DELETE)

    @property
    def added(self) -> str:
        return "".join(c.text for c in self.changes if c.op == INSERT)

    def to_json(self) -> dict:
        return {
            "old_lines": [self.old_start, self.old_end],
            "new_lines": [self.new_start, self.new_end],
            "removed": self.removed,
            "added": self.added,
            "changes": [
                {"op": {0: "=", -1: "-", 1: "+"}[c.op], "text": c.text} for c in self.changes
            ],
        }


def flat_diff(old: str, new: str, timeout: float = 1.0) -> list[Change]:
    """The changes that turn ``old`` into ``new``: lines, then tokens inside each changed block
    as a whole (no pairing of lines, no joining), cleaned up to what a person would call one
    change. A second opinion on `word_diff` for checks that must not share its faults. Past
    ``timeout`` seconds in all, the blocks left are taken whole: coarser, never wrong."""
    deadline = time.monotonic() + timeout
    lines = Codes()
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    diffs = minimal_engine().diff_main(lines.encode(old_lines), lines.encode(new_lines), False)
    changes: list[Change] = []
    removed: list[str] = []
    added: list[str] = []
    for op, text in [*diffs, (EQUAL, "")]:
        if op == DELETE:
            removed.append(lines.decode(text))
        elif op == INSERT:
            added.append(lines.decode(text))
        else:
            if removed or added:
                changes += _block_tokens("".join(removed), "".join(added), deadline)
                removed, added = [], []
            if text:
                changes.append(Change(EQUAL, lines.decode(text)))
    return changes


def _block_tokens(old: str, new: str, deadline: float) -> list[Change]:
    left = deadline - time.monotonic()
    if not old or not new or left <= 0:
        return [c for c in (Change(DELETE, old), Change(INSERT, new)) if c.text]
    codes = Codes()
    engine = diff_match_patch()
    engine.Diff_Timeout = left
    encoded = engine.diff_main(
        codes.encode(TOKEN.findall(old)), codes.encode(TOKEN.findall(new)), False
    )
    engine.diff_cleanupSemantic(encoded)
    return [Change(op, codes.decode(text)) for op, text in encoded]


def word_diff(old: str, new: str) -> list[Change]:
    """The changes that turn ``old`` into ``new``: lines first, then words inside the lines that
    were edited (a line that shares few words with its counterpart was replaced whole, so a
    moved or rewritten paragraph reads as one, the way MediaWiki's diff shows it)."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    codes = Codes()
    diffs = minimal_engine().diff_main(codes.encode(old_lines), codes.encode(new_lines), False)
    changes: list[Change] = []
    block_old: list[str] = []
    block_new: list[str] = []
    at_old = at_new = 0
    for op, text in diffs:
        n = len(text)
        if op == EQUAL:
            changes += _changed_lines(block_old, block_new)
            block_old, block_new = [], []
            changes.append(Change(EQUAL, "".join(old_lines[at_old : at_old + n])))
            at_old, at_new = at_old + n, at_new + n
        elif op == DELETE:
            block_old += old_lines[at_old : at_old + n]
            at_old += n
        else:
            block_new += new_lines[at_new : at_new + n]
            at_new += n
    changes += _changed_lines(block_old, block_new)
    return _joined(changes)


def _changed_lines(old: list[str], new: list[str]) -> list[Change]:
    if not old or not new or len(old) * len(new) > MAX_PAIRINGS:
        return (
            _words("".join(old), "".join(new))
            if old and new
            else [Change(DELETE, "".join(old)) if old else Change(INSERT, "".join(new))]
        )
    groups = pair_blocks([_bag(line) for line in old], [_bag(line) for line in new])
    out: list[Change] = []
    i = j = 0
    for i0, i1, j0, j1 in [*groups, (len(old), len(old), len(new), len(new))]:
        if i < i0:
            out.append(Change(DELETE, "".join(old[i:i0])))
        if j < j0:
            out.append(Change(INSERT, "".join(new[j:j0])))
        if i0 < len(old):
            out += _words("".join(old[i0:i1]), "".join(new[j0:j1]))
        i, j = i1, j1
    return out


def _bag(line: str) -> Counter[str]:
    return Counter(t for t in TOKEN.findall(line) if not t.isspace())


def _joined(changes: list[Change]) -> list[Change]:
    out: list[Change] = []
    for change in changes:
        if not change.text:
            continue
        if out and out[-1].op == change.op:
            out[-1] = Change(change.op, out[-1].text + change.text)
        else:
            out.append(change)
    return out


# Word pairs above which a stretch's middle (past the words it begins and ends with) is taken as
# replaced whole: a minimal diff of two long, unlike stretches costs time in their product (one
# 47 KB rewrite took over two minutes).
MAX_WORD_PAIRS = 25_000_000


def _words(old: str, new: str) -> list[Change]:
    """Word-level changes between two stretches of text."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    if len(a) * len(b) > MAX_WORD_PAIRS:
        head = 0
        while head < min(len(a), len(b)) and a[head] == b[head]:
            head += 1
        tail = 0
        while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
            tail += 1
        if (len(a) - head - tail) * (len(b) - head - tail) > MAX_WORD_PAIRS:
            middle = [
                Change(DELETE, "".join(a[head : len(a) - tail])),
                Change(INSERT, "".join(b[head : len(b) - tail])),
            ]
            ends = [
                Change(EQUAL, "".join(a[:head])),
                *middle,
                Change(EQUAL, "".join(a[len(a) - tail :])),
            ]
            return [change for change in ends if change.text]
    codes = Codes()
    engine = minimal_engine()
    encoded = engine.diff_main(codes.encode(a), codes.encode(b), False)
    engine.diff_cleanupSemantic(encoded)
    return [Change(op, codes.decode(text)) for op, text in encoded]


def hunks(changes: list[Change], context: int = 0) -> list[Hunk]:
    """Group changes into hunks separated by equal text, with their line ranges."""
    found: list[Hunk] = []
    old_line = new_line = 1
    current: list[Change] = []
    start = (1, 1)
    for change in changes:
        if change.op == EQUAL and change.text.count("\n") > context:
            if current:
                found.append(Hunk(start[0], old_line + 1, start[1], new_line + 1, tuple(current)))
                current = []
            old_line += change.text.count("\n")
            new_line += change.text.count("\n")
            continue
        if not current:
            start = (old_line, new_line)
        current.append(change)
        if change.op in (EQUAL, DELETE):
            old_line += change.text.count("\n")
        if change.op in (EQUAL, INSERT):
            new_line += change.text.count("\n")
    if current:
        found.append(Hunk(start[0], old_line + 1, start[1], new_line + 1, tuple(current)))
    return found
