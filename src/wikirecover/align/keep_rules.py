"""When a difference between a dump and its upstream is what the dump could not show.

A text dump is not the page: crawlers drop list items that hold nothing but links, and reading
a rendered page back leaves layout crumbs. Such a difference is not a local edit, so the
upstream's version is kept (and reported as a guess). Everything else is a local edit.
"""

from __future__ import annotations

from collections import Counter

from .sourcemap import BREAK, SPACE, TOKEN, WORD, SourceMap

LINK_LISTS = "list items made only of links, which text dumps leave out"


def upstream_reason(
    a: SourceMap, b: SourceMap, a_range: tuple[int, int], b_range: tuple[int, int]
) -> str | None:
    """Why the upstream's text should stay for this difference, or None for a local edit."""
    (a0, a1), (b0, b1) = a_range, b_range
    if _only_list_markers(a, a0, a1) and _only_list_markers(b, b0, b1):
        return "list and indent markers, which text dumps do not show reliably"
    if b0 == b1 and _link_only_list(a, a0, a1):
        return LINK_LISTS
    if a0 == a1 and all(
        b.kinds[i] != TOKEN and not any(c.isalnum() for c in b.keys[i]) for i in range(b0, b1)
    ):
        return "punctuation only the dump shows, no words"
    return None


def _lines(a: SourceMap, first: int, last: int) -> list[tuple[int, int]]:
    lines = []
    start = first
    for i in range(first, last + 1):
        if i == last or a.kinds[i] == BREAK:
            if start < i:
                lines.append((start, i))
            start = i + 1
    return lines


def split_link_lists(a: SourceMap, first: int, last: int) -> list[tuple[int, int]]:
    """A deleted stretch cut into runs of lines that are all link-only list items or all not,
    so that the items a dump leaves out come back while a real deletion next to them holds."""
    runs: list[tuple[int, int]] = []
    kind = None
    for start, end in _lines(a, first, last):
        link_only = _link_only_list(a, start, end)
        if runs and link_only == kind:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
            kind = link_only
    return runs or [(first, last)]


def peel_link_lists(a: SourceMap, first: int, last: int) -> tuple[int, int]:
    """[first, last) without the whole link-only list lines at its start and its end."""
    lines = _lines(a, first, last)
    while lines and _link_only_list(a, *lines[0]):
        lines.pop(0)
    while lines and _link_only_list(a, *lines[-1]):
        lines.pop()
    if not lines:
        return last, last
    return lines[0][0], lines[-1][1]


def _only_list_markers(m: SourceMap, first: int, last: int) -> bool:
    return all(
        m.kinds[i] == TOKEN and m.keys[i] == "li"
        for i in range(first, last)
        if m.kinds[i] not in (SPACE, BREAK)
    )


def _link_only_list(a: SourceMap, first: int, last: int) -> bool:
    """Pieces [first, last) are whole list items that show nothing but links (a red-linked
    template counts: that is how a missing template shows)."""
    if first > 0 and a.kinds[first - 1] not in (BREAK,):
        return False  # the region starts in the middle of a line
    line_start = True
    for i in range(first, last):
        kind, key = a.kinds[i], a.keys[i]
        if kind == BREAK:
            line_start = True
            continue
        if line_start:
            if not (kind == TOKEN and key == "li"):
                return False
            line_start = False
            continue
        if kind == WORD and not a.linked[i] and any(c.isalnum() for c in key):
            return False
        if kind == TOKEN and key not in ("li", "ext") and not key.startswith("t:"):
            return False
    return True


def table_layout(a: SourceMap, b: SourceMap, ranges: list[tuple[int, int, int, int]]) -> set[int]:
    """The differences inside an upstream table that only move words around.

    A text dump lays a table out in columns and wraps long cells onto lines of their own, so
    reading it back puts cell words in another order. Inside each upstream table, words deleted
    in one place and inserted in another are such moves; a difference made only of moved words
    is layout, not an edit.
    """
    layout: set[int] = set()
    for t0, t1 in a.tables:
        members = [i for i, (a0, a1, _, _) in enumerate(ranges) if t0 <= a0 and a1 <= t1]
        deleted: Counter[str] = Counter()
        inserted: Counter[str] = Counter()
        for i in members:
            a0, a1, b0, b1 = ranges[i]
            deleted.update(_words(a, a0, a1))
            inserted.update(_words(b, b0, b1))
        moved = deleted & inserted
        for i in members:
            a0, a1, b0, b1 = ranges[i]
            if not (Counter(_words(a, a0, a1)) - moved) and not (
                Counter(_words(b, b0, b1)) - moved
            ):
                layout.add(i)
    return layout


def _words(m: SourceMap, first: int, last: int) -> list[str]:
    return [m.keys[i] for i in range(first, last) if m.kinds[i] == WORD]
