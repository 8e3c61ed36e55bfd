"""Tables a text browser laid out in columns, turned back into rows and cells.

A run of lines is a table when most of its lines have a gap of two or more spaces inside the
text; columns are the character positions that are blank on every line (gutters). A one-column
gutter separates cells where most rows have a wider gap there ("Pos. No." over "1   46") or where
the text left of it varies from row to row ("1871 Thomas Hale"), not inside a name printed after
the same prefix on every row ("Template:Flagicon Casey Stoner").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .lines import Line
from .vocabulary import Block

_GAP = re.compile(r"\S {2,}\S")
MIN_ROWS = 2  # a single line with gaps is a wide paragraph or a caption, not a table
MIN_COLUMNS = 2
GAPPED_SHARE = 0.6  # share of a run's lines with an inner gap for the run to be columnar
WIDE_GAP_SHARE = 0.5
# A line with at least this share of the fullest line's cells is a row of its own; lines with
# fewer hold the wrapped parts of a neighbouring row's cells.
ANCHOR_SHARE = 0.6  # share of rows whose gap must be wider than 1 at a one-column gutter


def parse_table(
    lines: list[Line], start: int, ends_run: Callable[[Line], bool]
) -> tuple[Block, int] | None:
    """The table (or verbatim column text) starting at ``lines[start]``, and its line count.
    ``ends_run`` tells a line that cannot be part of it (a heading)."""
    run = _run(lines, start, ends_run)
    if len(run) < MIN_ROWS:
        return None
    gapped = sum(1 for line in run if _GAP.search(line.raw.strip()))
    if gapped < MIN_ROWS or gapped / len(run) < GAPPED_SHARE:
        return None
    segments = _columns(run)
    if len(segments) < MIN_COLUMNS:
        text = "\n".join(line.raw for line in run)
        return Block("verbatim", text, run), len(run)
    rows = _merge_wrapped([[line.raw[a:b].strip() for a, b in segments] for line in run])
    return Block("table", "", run, rows=rows), len(run)


def _merge_wrapped(lines: list[list[str]]) -> list[list[str]]:
    """Join the lines of rows whose cells wrapped. A text browser centres a row's cells
    vertically: the row's line is the one with (nearly) all cells filled, and the fragments of
    wrapped cells sit on the lines above and below it; each such line joins the nearest row."""
    filled = [sum(1 for cell in line if cell) for line in lines]
    anchors = [k for k, count in enumerate(filled) if count >= ANCHOR_SHARE * max(filled)]
    if len(anchors) == len(lines):
        return lines
    owner = {k: min(anchors, key=lambda a: (abs(a - k), a)) for k in range(len(lines))}
    merged: list[list[str]] = []
    for anchor in anchors:
        parts = [lines[k] for k in range(len(lines)) if owner[k] == anchor]
        merged.append([" ".join(p[c] for p in parts if p[c]) for c in range(len(lines[0]))])
    return merged


def _run(lines: list[Line], start: int, ends_run: Callable[[Line], bool]) -> list[Line]:
    run = []
    for line in lines[start:]:
        if line.blank or ends_run(line):
            break
        run.append(line)
    return run


def _columns(run: list[Line]) -> list[tuple[int, int]]:
    width = max(len(line.raw) for line in run)
    padded = [line.raw.ljust(width) for line in run]
    occupied = [any(row[c] != " " for row in padded) for c in range(width)]
    cuts = [0]
    c = 0
    while c < width:
        if occupied[c]:
            c += 1
            continue
        end = c
        while end < width and not occupied[end]:
            end += 1
        if end - c >= 2 or _wide_in_most_rows(padded, c) or _varies(padded, cuts[-1], c):
            cuts.append(end)
        c = end
    segments = []
    for k, begin in enumerate(cuts):
        finish = cuts[k + 1] if k + 1 < len(cuts) else width
        if any(row[begin:finish].strip() for row in padded):
            segments.append((begin, finish))
    return segments


def _varies(padded: list[str], start: int, gutter: int) -> bool:
    """Whether the text left of a one-column gutter differs between the rows below the header:
    a column of values does, a common prefix ("Template:Flagicon" before each name) does not."""
    values = {row[start:gutter].strip() for row in padded[1:]}
    return len(values) > 1


def _wide_in_most_rows(padded: list[str], c: int) -> bool:
    wide = sum(
        1
        for row in padded
        if (c > 0 and row[c - 1] == " ") or (c + 1 < len(row) and row[c + 1] == " ")
    )
    return wide / len(padded) > WIDE_GAP_SHARE
