"""Bold and italic closed at the end of their line, as MediaWiki's `doQuotes` closes them.

MediaWiki reads `''` and `'''` one line at a time: a run left open ends with its line.
mwparserfromhell pairs them across lines (`* a '''x` then `* b '''y'''`: bold from the first
item into the second), which renders crossed tags. Before rendering, every line whose quotes
stay open gets the closers MediaWiki would add; lines of verbatim blocks (`<pre>`, `<nowiki>`,
code, formulas, comments) and headings are left as they are. Only the rendering's copy of the
page changes, never the page.
"""

from __future__ import annotations

import bisect
import re

_RUNS = re.compile(r"''+")
_VERBATIM_OPEN = re.compile(
    r"<(pre|nowiki|syntaxhighlight|source|math|gallery|poem|score|timeline|graph)\b[^>]*?(?<!/)>|<!--",
    re.IGNORECASE,
)
_HEADING = re.compile(r"^=.*=\s*$")
_CLOSERS = {"b": "'''", "i": "''", "bi": "''<nowiki/>'''", "ib": "'''<nowiki/>''"}


def open_at_end(line: str) -> str:
    """What is left open at the end of ``line`` by its quote runs: "", "b", "i", "bi" (bold
    then italic opened), "ib", following MediaWiki's counting (runs of 4 are `'` + bold, of
    more than 5 are apostrophes + both, an odd bold and odd italic count makes one bold an
    apostrophe and italic)."""
    runs = [len(m.group(0)) for m in _RUNS.finditer(line)]
    if not runs:
        return ""
    runs = [3 if n == 4 else 5 if n > 5 else n for n in runs]
    if runs.count(2) % 2 and runs.count(3) % 2:
        index = runs.index(3)  # MediaWiki picks by the letters before it: any one will do here
        runs[index] = 2
    state = ""
    for run in runs:
        if run == 2:
            state = state.replace("i", "") if "i" in state else state + "i"
        elif run == 3:
            state = state.replace("b", "") if "b" in state else state + "b"
        else:  # 5: both toggled
            for mark in ("b", "i"):
                state = state.replace(mark, "") if mark in state else state + mark
    return state


def closed_per_line(source: str) -> str:
    """``source`` with the quotes each line leaves open closed at its end (see the module)."""
    if "''" not in source:
        return source
    spans = _verbatim_spans(source)
    starts = [start for start, _ in spans]
    edits: list[tuple[int, str]] = []
    for line in _QUOTED_LINE.finditer(source):
        if _HEADING.match(line.group(0)):
            continue
        at = bisect.bisect_right(starts, line.end()) - 1  # the last block opening before its end
        if at >= 0 and spans[at][1] > line.start():
            continue  # verbatim text on the line: its quotes may be that text's
        state = open_at_end(line.group(0))
        if state:
            edits.append((line.end(), _CLOSERS.get(state, "")))
    if not edits:
        return source
    pieces, position = [], 0
    for end, closer in edits:
        pieces += [source[position:end], closer]
        position = end
    pieces.append(source[position:])
    return "".join(pieces)


_QUOTED_LINE = re.compile(r"(?m)^[^\n]*''[^\n]*$")


def _verbatim_spans(source: str) -> list[tuple[int, int]]:
    """Where verbatim blocks and comments are: (start, end), in order, not overlapping; a block
    never closed runs to the end."""
    spans: list[tuple[int, int]] = []
    position = 0
    lowered = source.lower() if _VERBATIM_OPEN.search(source) else ""
    while lowered:
        opened = _VERBATIM_OPEN.search(source, position)
        if opened is None:
            break
        closer = "-->" if opened.group(0) == "<!--" else f"</{opened.group(1).lower()}"
        end = lowered.find(closer, opened.end())
        end = len(source) if end < 0 else end + len(closer)
        spans.append((opened.start(), end))
        position = end
    return spans
