"""Align the pieces of two source maps with diff-match-patch, and map positions across.

Each piece key becomes one character, so diff-match-patch diffs words, whitespace classes and
tokens, never characters. `Diff_Timeout` is 0: the default one second returns diffs hundreds of
times too long on big pages (reliability finding 7), and here a long diff means markup lost.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

from .sourcemap import SourceMap

EQUAL, DELETE, INSERT = 0, -1, 1
_FIRST_CODE = 0x100


@dataclass(frozen=True)
class Segment:
    """A run of pieces: equal on both sides, only in ``a`` (DELETE) or only in ``b`` (INSERT)."""

    op: int
    a_start: int
    a_end: int
    b_start: int
    b_end: int


class Alignment:
    """The segments that turn the pieces of ``a`` into those of ``b``."""

    def __init__(self, segments: list[Segment]) -> None:
        self.segments = segments
        self._a = [s for s in segments if s.a_end > s.a_start]
        self._b = [s for s in segments if s.b_end > s.b_start]
        self._a_starts = [s.a_start for s in self._a]
        self._b_starts = [s.b_start for s in self._b]
        self.a_length = segments[-1].a_end if segments else 0
        self.b_length = segments[-1].b_end if segments else 0

    def a_to_b(self, index: int) -> int:
        """The position in ``b`` of the boundary before piece ``index`` of ``a``."""
        at = bisect.bisect_right(self._a_starts, index) - 1
        if at < 0 or index >= self.a_length:
            return 0 if at < 0 else self.b_length
        segment = self._a[at]
        return segment.b_start + (index - segment.a_start if segment.op == EQUAL else 0)

    def b_to_a(self, index: int) -> int:
        """The position in ``a`` of the boundary before piece ``index`` of ``b``."""
        at = bisect.bisect_right(self._b_starts, index) - 1
        if at < 0 or index >= self.b_length:
            return 0 if at < 0 else self.a_length
        segment = self._b[at]
        return segment.a_start + (index - segment.b_start if segment.op == EQUAL else 0)


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


def align(a: SourceMap, b: SourceMap) -> Alignment:
    """A minimal diff of the pieces of ``a`` and ``b``."""
    codes: dict[str, str] = {}

    def encode(keys: list[str]) -> str:
        out = []
        for key in keys:
            code = codes.get(key)
            if code is None:
                number = _FIRST_CODE + len(codes)
                code = chr(number + 0x800 if number >= 0xD800 else number)  # no surrogates
                codes[key] = code
            out.append(code)
        return "".join(out)

    engine = diff_match_patch()
    engine.Diff_Timeout = 0  # minimal diffs; see the module's docstring
    diffs = engine.diff_main(encode(a.keys), encode(b.keys), False)
    spaces = {codes[k] for k in (" ", "\n") if k in codes}
    _bridge_small_equalities(engine, diffs, spaces)
    segments = []
    ai = bi = 0
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
    return Alignment(segments)
