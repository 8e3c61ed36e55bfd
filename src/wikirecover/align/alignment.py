"""Align the pieces of two source maps with diff-match-patch, and map positions across.

Each piece key becomes one character (`codes`), so diff-match-patch diffs words, whitespace
classes and tokens, never characters, and minimally: here a long diff means markup lost.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

from .codes import Codes, minimal_engine
from .pairing import MAX_PAIRINGS, pair_blocks
from .sourcemap import BREAK, SPACE, TOKEN, WORD, SourceMap

EQUAL, DELETE, INSERT = 0, -1, 1


@dataclass(frozen=True)
class Segment:
    """A run of pieces: equal on both sides, only in ``a`` (DELETE) or only in ``b`` (INSERT)."""

    op: int
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    whole: bool = False  # whole sentences deleted or inserted (not a change inside one)


class Alignment:
    """The segments that turn the pieces of ``a`` into those of ``b``."""

    def __init__(self, segments: list[Segment], a_length: int, b_length: int) -> None:
        self.segments = segments
        self._a = [s for s in segments if s.a_end > s.a_start]
        self._b = [s for s in segments if s.b_end > s.b_start]
        self._a_starts = [s.a_start for s in self._a]
        self._b_starts = [s.b_start for s in self._b]
        self.a_length = a_length
        self.b_length = b_length

    def a_to_b(self, index: int) -> int:
        """The position in ``b`` of the boundary before piece ``index`` of ``a``."""
        return self._map("a", index, end=False)

    def b_to_a(self, index: int) -> int:
        """The position in ``a`` of the boundary before piece ``index`` of ``b``."""
        return self._map("b", index, end=False)

    def a_end_to_b(self, index: int) -> int:
        """Like `a_to_b` for the end of a range: just after the ``b`` piece that piece
        ``index - 1`` of ``a`` matches (so text deleted or inserted after it is not taken)."""
        return self._map("a", index, end=True)

    def b_end_to_a(self, index: int) -> int:
        return self._map("b", index, end=True)

    def _map(self, side: str, index: int, end: bool) -> int:
        segments, starts = (self._a, self._a_starts) if side == "a" else (self._b, self._b_starts)
        length, other_length = (
            (self.a_length, self.b_length) if side == "a" else (self.b_length, self.a_length)
        )
        if end:
            if index <= 0:
                return 0
            at = bisect.bisect_right(starts, index - 1) - 1
        else:
            at = bisect.bisect_right(starts, index) - 1
            if at < 0 or index >= length:
                return 0 if at < 0 else other_length
        segment = segments[at]
        here, there = (
            (segment.a_start, segment.b_start)
            if side == "a"
            else (segment.b_start, segment.a_start)
        )
        return there + (index - here if segment.op == EQUAL else 0)


# A deleted paragraph next to an added sentence shares words like "in this the": a minimal diff
# keeps them as equalities and cuts both into fragments. An equality of at most BRIDGE_WORDS
# words between two changes of at least BRIDGED_CHANGE pieces each becomes part of the change
# (diff-match-patch's own semantic cleanup also merges the small changes of a table laid out in
# columns with the text around it, which loses the table).
BRIDGE_WORDS = 3
BRIDGED_CHANGE = 8


def _bridge_small_equalities(engine: diff_match_patch, diffs: list, spaces: set[str]) -> None:
    while True:
        changed = False
        out: list = []
        for i, (op, text) in enumerate(diffs):
            if op == EQUAL and 0 < i < len(diffs) - 1:
                words = sum(1 for c in text if c not in spaces)
                if (
                    words <= BRIDGE_WORDS
                    and min(_change_size(diffs, i, -1), _change_size(diffs, i, 1)) >= BRIDGED_CHANGE
                ):
                    out += [(DELETE, text), (INSERT, text)]
                    changed = True
                    continue
            out.append((op, text))
        if not changed:
            return
        engine.diff_cleanupMerge(out)
        diffs[:] = out


def _change_size(diffs: list, at: int, step: int) -> int:
    size = 0
    at += step
    while 0 <= at < len(diffs) and diffs[at][0] != EQUAL:
        size = max(size, len(diffs[at][1]))
        at += step
    return size


# Sentences ending with these (closing quotes and brackets looked through).
_ENDS = frozenset(".!?")
_BLOCK_TOKENS = ("t:", "f:", "reflist", "table", "gallery")
_CLOSERS = frozenset("\"'”’)»")


def _units(m: SourceMap, first: int = 0, last: int | None = None) -> list[tuple[int, int]]:
    """Sentences (piece ranges) of pieces [first, last); the whitespace between is left out."""
    last = len(m.kinds) if last is None else last
    units: list[tuple[int, int]] = []
    start = first
    ended = False
    for i in range(first, last):
        kind = m.kinds[i]
        if kind in (SPACE, BREAK) and start == i:
            start = i + 1  # whitespace before a sentence belongs to none
        elif kind == BREAK or (kind == SPACE and ended):
            if start < i:
                units.append((start, i))
            start, ended = i + 1, False
        elif kind == WORD and m.keys[i] not in _CLOSERS:
            ended = m.keys[i] in _ENDS
        elif kind == TOKEN and m.keys[i].startswith(_BLOCK_TOKENS):
            ended = True  # a box or an image stands apart, whether a line break follows or not
    if start < last:
        units.append((start, last))
    return units


def _unit_key(m: SourceMap, unit: tuple[int, int]) -> str:
    return "\x1f".join(m.keys[unit[0] : unit[1]])


def align(a: SourceMap, b: SourceMap) -> Alignment:
    """Diff the pieces of ``a`` and ``b``: sentences first, then words inside sentences that
    were changed rather than replaced. Whitespace between sentences takes no part in the
    sentence diff (a dump's line breaks are not the page's)."""
    units_a, units_b = _units(a), _units(b)
    codes = Codes()
    diffs = minimal_engine().diff_main(
        codes.encode(_unit_key(a, u) for u in units_a),
        codes.encode(_unit_key(b, u) for u in units_b),
        False,
    )
    segments: list[Segment] = []
    ua = ub = 0  # unit indexes
    at_a = at_b = 0  # piece positions where the pending changed block starts
    for op, text in diffs:
        n = len(text)
        if op == EQUAL:
            first_a, first_b = units_a[ua][0], units_b[ub][0]
            segments += _changed_block(a, b, (at_a, first_a), (at_b, first_b))
            at_a, at_b = units_a[ua + n - 1][1], units_b[ub + n - 1][1]
            segments.append(Segment(EQUAL, first_a, at_a, first_b, at_b))
            ua, ub = ua + n, ub + n
        elif op == DELETE:
            ua += n
        else:
            ub += n
    segments += _changed_block(a, b, (at_a, len(a)), (at_b, len(b)))
    return Alignment(_merged(segments), len(a), len(b))


def _changed_block(
    a: SourceMap, b: SourceMap, range_a: tuple[int, int], range_b: tuple[int, int]
) -> list[Segment]:
    """Segments for a stretch of changed sentences: pairs of similar sentences diffed word by
    word, the rest deleted or inserted whole (whitespace around them included)."""
    (a0, a1), (b0, b1) = range_a, range_b
    if a0 == a1 and b0 == b1:
        return []
    units_a = [u for u in _units_in(a, a0, a1)]
    units_b = [u for u in _units_in(b, b0, b1)]
    if len(units_a) * len(units_b) > MAX_PAIRINGS:
        return _word_segments(a, b, range_a, range_b)
    groups = pair_blocks([_bag(a, u) for u in units_a], [_bag(b, u) for u in units_b])
    segments: list[Segment] = []
    ca, cb = a0, b0
    for gi0, gi1, gj0, gj1 in [*groups, (len(units_a), 0, len(units_b), 0)]:
        next_a = units_a[gi0][0] if gi0 < len(units_a) else a1
        next_b = units_b[gj0][0] if gj0 < len(units_b) else b1
        # Inserted sentences go before the deleted ones they replace: right after the text
        # that precedes both, which is where the page put them.
        if cb < next_b:
            segments.append(Segment(INSERT, ca, ca, cb, next_b, True))
        if ca < next_a:
            segments.append(Segment(DELETE, ca, next_a, next_b, next_b, True))
        if gi0 < len(units_a):
            ca, cb = units_a[gi1 - 1][1], units_b[gj1 - 1][1]
            segments += _word_segments(a, b, (next_a, ca), (next_b, cb))
    return segments


def _units_in(m: SourceMap, first: int, last: int) -> list[tuple[int, int]]:
    return [u for u in _units(m, first, last) if m.kinds[u[0]] not in (SPACE, BREAK)]


def _bag(m: SourceMap, unit: tuple[int, int]) -> Counter[str]:
    keys = [m.keys[i] for i in range(*unit) if m.kinds[i] != SPACE]
    return Counter(keys or [m.keys[unit[0]]])


def _word_segments(
    a: SourceMap, b: SourceMap, range_a: tuple[int, int], range_b: tuple[int, int]
) -> list[Segment]:
    codes = Codes()
    engine = minimal_engine()
    diffs = engine.diff_main(
        codes.encode(a.keys[range_a[0] : range_a[1]]),
        codes.encode(b.keys[range_b[0] : range_b[1]]),
        False,
    )
    spaces = {codes.codes[k] for k in (" ", "\n") if k in codes.codes}
    _bridge_small_equalities(engine, diffs, spaces)
    segments = []
    ai, bi = range_a[0], range_b[0]
    for op, text in diffs:
        n = len(text)
        if op == EQUAL:
            segments.append(Segment(EQUAL, ai, ai + n, bi, bi + n))
            ai, bi = ai + n, bi + n
        elif op == DELETE:
            segments.append(Segment(DELETE, ai, ai + n, bi, bi))
            ai += n
        else:
            segments.append(Segment(INSERT, ai, ai, bi, bi + n))
            bi += n
    return segments


def _merged(segments: list[Segment]) -> list[Segment]:
    """Adjacent segments of one kind joined; deletions before insertions where both meet."""
    out: list[Segment] = []
    for segment in segments:
        if segment.a_start == segment.a_end and segment.b_start == segment.b_end:
            continue
        if out and out[-1].op == segment.op and out[-1].whole == segment.whole:
            last = out[-1]
            out[-1] = Segment(
                segment.op, last.a_start, segment.a_end, last.b_start, segment.b_end, segment.whole
            )
        else:
            out.append(segment)
    return out
