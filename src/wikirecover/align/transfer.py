"""Carry an upstream's markup onto a recovered page, keeping the page's own edits.

Both wikitexts are mapped to readable pieces (`sourcemap`), the pieces are aligned
(`alignment`), and the result is the upstream's wikitext with every difference the local page
shows written into it: shared stretches keep the upstream's links, refs, templates and
formatting; reworded, added and deleted text comes from the local page. Each difference is a
`Hunk`; `keep_rules.upstream_reason` says when a difference is what the dump could not show
rather than an edit (a link-only list the crawler dropped, layout noise), and the upstream is
kept there. Every hunk ends in a `Decision` for the report.
"""

from __future__ import annotations

from dataclasses import dataclass

from mwparserfromhell.wikicode import Wikicode

from ..rules import Rules
from .alignment import EQUAL, Alignment, align
from .keep_rules import (
    LINK_LISTS,
    peel_link_lists,
    split_link_lists,
    table_layout,
    upstream_reason,
)
from .refs import changed_refs
from .sourcemap import BREAK, SPACE, SourceMap, source_map

LOCAL, UPSTREAM = "local", "upstream"


@dataclass(frozen=True)
class Hunk:
    """Pieces [a_start, a_end) of the upstream differ from pieces [b_start, b_end) locally."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True)
class Decision:
    kept: str  # LOCAL (the page's own text) or UPSTREAM
    reason: str
    upstream: str  # the upstream's readable text of the hunk
    local: str  # the page's readable text of the hunk


@dataclass
class Transferred:
    wikitext: str
    decisions: list[Decision]


@dataclass(frozen=True)
class _Edit:
    start: int  # upstream wikitext offsets replaced ...
    end: int
    text: str  # ... by this
    a: tuple[int, int]  # piece ranges the edit covers, for merging overlaps
    b: tuple[int, int]


def hunks(alignment: Alignment, a: SourceMap) -> list[Hunk]:
    """Runs of differences, joined across stretches that are equal only in whitespace."""
    found: list[Hunk] = []
    alone = False  # the last hunk holds whole sentences: nothing joins it
    for segment in alignment.segments:
        if segment.op == EQUAL:
            continue
        if found and not alone and not segment.whole:
            last = found[-1]
            gap = range(last.a_end, segment.a_start)
            if all(a.kinds[i] == SPACE for i in gap):  # never across a line break
                found[-1] = Hunk(last.a_start, segment.a_end, last.b_start, segment.b_end)
                continue
        found.append(Hunk(segment.a_start, segment.a_end, segment.b_start, segment.b_end))
        alone = segment.whole
    return found


def _trim(m: SourceMap, first: int, last: int) -> tuple[int, int]:
    while first < last and m.kinds[first] in (SPACE, BREAK):
        first += 1
    while last > first and m.kinds[last - 1] in (SPACE, BREAK):
        last -= 1
    return first, last


def transfer(
    upstream: str,
    local: str,
    rules: Rules,
    upstream_code: Wikicode | None = None,
    local_code: Wikicode | None = None,
) -> Transferred:
    """The upstream's wikitext with the local page's differences written in (give the parsed
    trees of both texts when they exist: they are not parsed again)."""
    a, b = source_map(upstream, rules, upstream_code), source_map(local, rules, local_code)
    alignment = align(a, b)
    decisions: list[Decision] = []
    edits: list[_Edit] = []
    ranges = []
    for hunk in hunks(alignment, a):
        a0, a1 = _trim(a, hunk.a_start, hunk.a_end)
        b0, b1 = _trim(b, hunk.b_start, hunk.b_end)
        if a0 != a1 and b0 == b1:
            ranges += [(s0, s1, b0, b1) for s0, s1 in split_link_lists(a, a0, a1)]
        elif a0 != a1 or b0 != b1:  # whitespace only: the upstream's layout stays
            ranges.append((a0, a1, b0, b1))
    refs = changed_refs(a, b, alignment)
    ranges = sorted(ranges + [(i, i + 1, j, j + 1) for i, j in refs])
    changed = {(i, j) for i, j in refs}
    layout = table_layout(a, b, ranges)
    for index, (a0, a1, b0, b1) in enumerate(ranges):
        if (a0, b0) in changed and a1 == a0 + 1 and b1 == b0 + 1:
            reason = None  # a reference the fork changed: its own version stays
        elif index in layout:
            reason: str | None = "words in another order in a table the dump laid out in columns"
        else:
            if b0 < b1:  # link-only list lines next to a change: the dump never shows them
                p0, p1 = peel_link_lists(a, a0, a1)
                if (p0, p1) != (a0, a1):
                    decisions.append(Decision(UPSTREAM, LINK_LISTS, a.text(a0, a1), ""))
                    a0, a1 = p0, p1
            reason = upstream_reason(a, b, (a0, a1), (b0, b1))
        if reason:
            decisions.append(Decision(UPSTREAM, reason, a.text(a0, a1), b.text(b0, b1)))
            continue
        edit = _settle(a, b, alignment, (a0, a1), (b0, b1))
        if edits and edit.a[0] < edits[-1].a[1]:
            previous = edits.pop()
            edit = _settle(
                a,
                b,
                alignment,
                (previous.a[0], max(previous.a[1], edit.a[1])),
                (previous.b[0], max(previous.b[1], edit.b[1])),
            )
        edits.append(edit)
        if (a0, b0) in changed and a1 == a0 + 1 and b1 == b0 + 1:
            kind = "reference changed locally"
            upstream_text, local_text = a.wikitext[edit.start : edit.end], edit.text
        else:
            kind = _kind(a0, a1, b0, b1)
            upstream_text, local_text = a.text(a0, a1), b.text(b0, b1)
        decisions.append(Decision(LOCAL, kind, upstream_text, local_text))
    out = []
    at = 0
    for edit in edits:
        out.append(upstream[at : edit.start])
        out.append(edit.text)
        at = max(at, edit.end)
    out.append(upstream[at:])
    return Transferred("".join(out), decisions)


def _kind(a0: int, a1: int, b0: int, b1: int) -> str:
    if a0 == a1:
        return "added locally"
    if b0 == b1:
        return "deleted locally"
    return "changed locally"


def _settle(
    a: SourceMap, b: SourceMap, alignment: Alignment, ar: tuple[int, int], br: tuple[int, int]
) -> _Edit:
    """Grow a region until both sides start and end at safe cuts and cover the same text."""
    (a0, a1), (b0, b1) = ar, br
    while True:
        if a0 < a1:
            a_start, a_end = a.widen(a.starts[a0], a.ends[a1 - 1])
            n0, n1 = a.piece_range(a_start, a_end)
        else:
            previous = a0 - 1
            while previous >= 0 and a.kinds[previous] in (SPACE, BREAK):
                previous -= 1
            a_start = a_end = a.insertion_point(a.ends[previous] if previous >= 0 else 0)
            n0 = n1 = a0
        if b0 < b1:
            b_start, b_end = b.widen(b.starts[b0], b.ends[b1 - 1])
            m0, m1 = b.piece_range(b_start, b_end)
        else:
            b_start = b_end = 0
            m0 = m1 = b0
        new = (
            min(n0, alignment.b_to_a(m0)) if m0 < m1 else n0,
            max(n1, alignment.b_end_to_a(m1)) if m0 < m1 else n1,
            min(m0, alignment.a_to_b(n0)) if n0 < n1 else m0,
            max(m1, alignment.a_end_to_b(n1)) if n0 < n1 else m1,
        )
        new = (*_trim(a, new[0], new[1]), *_trim(b, new[2], new[3]))
        if new == (a0, a1, b0, b1):
            break
        a0, a1, b0, b1 = new
    text = b.wikitext[b_start:b_end] if b0 < b1 else ""
    if a0 == a1:  # an insertion: after the last upstream text, with the page's own spacing
        before = _space_before(b, b0)
        return _Edit(a_start, a_start, before + text, (a0, a1), (b0, b1))
    if b0 == b1:  # a deletion: take the whitespace it leaves doubled with it
        a_start, a_end = _tidy_deletion(a.wikitext, a_start, a_end)
    return _Edit(a_start, a_end, text, (a0, a1), (b0, b1))


def _space_before(b: SourceMap, first: int) -> str:
    if first > 0 and b.kinds[first - 1] in (SPACE, BREAK):
        return b.wikitext[b.starts[first - 1] : b.ends[first - 1]] or (
            "\n" if b.kinds[first - 1] == BREAK else " "
        )
    return ""


def _tidy_deletion(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a deletion over the whitespace it would leave doubled: a removed sentence takes
    the space before it when a line break follows, or the spaces after it; a removed paragraph
    takes the blank line after it."""
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    newline_after = after >= len(text) or text[after] == "\n"
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    line_start = before == 0 or text[before - 1] == "\n"
    if newline_after and line_start:
        while after < len(text) and text[after] in " \t\n":
            after += 1
        return before, after if after < len(text) else len(text)
    if newline_after:
        return before, end
    if before < start:  # spaces on both sides: one of them goes
        return start, after
    return start, end
