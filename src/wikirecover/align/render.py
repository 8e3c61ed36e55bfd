"""A diff for people and programs: unified lines, words in colour, JSON hunks."""

from __future__ import annotations

import difflib
import html
import json

from rich.text import Text

from .diff import DELETE, EQUAL, INSERT, Change, hunks
from .moves import find_moves

FOLD_CONTEXT = 2  # unchanged lines kept on each side of a change in the side-by-side view


def unified(old: str, new: str, old_name: str, new_name: str) -> str:
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), old_name, new_name
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def coloured_words(changes: list[Change]) -> Text:
    """The new text with removed words struck through in red and added words in green; equal
    stretches longer than a few lines are shortened to their first and last line."""
    out = Text()
    for change in changes:
        if change.op == DELETE:
            out.append(change.text, style="red strike")
        elif change.op == INSERT:
            out.append(change.text, style="green underline")
        else:
            lines = change.text.split("\n")
            if len(lines) > 4:
                out.append("\n".join([lines[0], "…", lines[-1]]), style="dim")
            else:
                out.append(change.text)
    return out


def json_hunks(changes: list[Change], old_name: str, new_name: str) -> str:
    """The hunks of a diff as JSON, and the moves among them (text deleted in one place and
    added, nearly the same, in another; lines 1-based, where the moved text starts)."""
    moves = find_moves(changes)
    old_line = new_line = 1
    starts: dict[int, tuple[int, int]] = {}
    for index, change in enumerate(changes):
        starts[index] = (old_line, new_line)
        if change.op in (EQUAL, DELETE):
            old_line += change.text.count("\n")
        if change.op in (EQUAL, INSERT):
            new_line += change.text.count("\n")
    moved = [
        {
            "text": changes[i].text,
            "old_line": starts[i][0] + _leading_lines(changes[i].text),
            "new_line": starts[j][1] + _leading_lines(changes[j].text),
        }
        for i, j in sorted(moves.items())
        if changes[i].op == DELETE
    ]
    return json.dumps(
        {
            "old": old_name,
            "new": new_name,
            "hunks": [h.to_json() for h in hunks(changes)],
            "moves": moved,
        },
        ensure_ascii=False,
        indent=1,
    )


def _leading_lines(text: str) -> int:
    return len(text) - len(text.lstrip("\n"))


_STYLE = """
body{font-family:sans-serif;margin:1em}table{border-collapse:collapse;width:100%;table-layout:fixed}
td{vertical-align:top;padding:.3em .6em;white-space:pre-wrap;word-wrap:break-word;
font-family:monospace;font-size:90%}th{text-align:left;padding:.3em .6em}
td.old{background:#fff5f5}td.new{background:#f5fff5}td.same{color:#555}
del{background:#fbb;text-decoration:line-through}ins{background:#bfb;text-decoration:none}
tr.gap td{text-align:center;color:#999}
del.move,ins.move{background:#cde;text-decoration:none}a.move{text-decoration:none;font-weight:bold}
"""


def side_by_side(changes: list[Change], old_name: str, new_name: str) -> str:
    """A standalone HTML page: the old text left and the new right, line by line, changed words
    marked, unchanged stretches folded to their edges (like MediaWiki's diff view)."""
    rows = []
    for old, new, changed in _fold(_rows(changes, find_moves(changes))):
        kind = ("old", "new") if changed else ("same", "same")
        rows.append(f'<tr><td class="{kind[0]}">{old}</td><td class="{kind[1]}">{new}</td></tr>')
    title = f"{html.escape(old_name)} → {html.escape(new_name)}"
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_STYLE}</style></head><body><h1>{title}</h1><table>"
        f"<tr><th>{html.escape(old_name)}</th><th>{html.escape(new_name)}</th></tr>"
        + "\n".join(rows)
        + "</table></body></html>\n"
    )


def _rows(changes: list[Change], moves: dict[int, int]) -> list[tuple[str, str, bool]]:
    """Rows of (old line, new line, changed). Line breaks both sides share split the texts into
    blocks; inside a block, old and new lines pair in order. Moved text links to where it went
    (and came from) instead of showing as deleted and added."""
    blocks: list[tuple[list[str], list[str], list[bool]]] = [([""], [""], [False])]
    for index, change in enumerate(changes):
        moved = index in moves
        link = ""
        if moved:  # one arrow before the moved text, linking its two places
            arrow = "⤷" if change.op == DELETE else "⤶"
            link = (
                f'<a class="move" id="moved-{index}" href="#moved-{moves[index]}" '
                f'title="moved">{arrow}</a>'
            )
        pieces = change.text.split("\n")
        for k, piece in enumerate(pieces):
            old, new, changed = blocks[-1]
            if k and change.op == EQUAL:
                blocks.append(([""], [""], [False]))
                old, new, changed = blocks[-1]
            elif k and change.op == DELETE:
                old.append("")
            elif k and change.op == INSERT:
                new.append("")
            escaped = html.escape(piece)
            mark = ' class="move"' if moved else ""
            if link and piece:
                escaped, link = link + escaped, ""
            if change.op == DELETE:
                old[-1] += _marked("del", mark, escaped) if piece else ""
                changed[0] = True
            elif change.op == INSERT:
                new[-1] += _marked("ins", mark, escaped) if piece else ""
                changed[0] = True
            else:
                old[-1] += escaped
                new[-1] += escaped
    rows = []
    for old, new, changed in blocks:
        for k in range(max(len(old), len(new))):
            rows.append(
                (old[k] if k < len(old) else "", new[k] if k < len(new) else "", changed[0])
            )
    return rows


def _marked(tag: str, mark: str, escaped: str) -> str:
    """``<del>``/``<ins>`` around a piece; a move's arrow link stays outside the mark."""
    link = ""
    if escaped.startswith('<a class="move"'):
        end = escaped.index("</a>") + 4
        link, escaped = escaped[:end], escaped[end:]
    return f"{link}<{tag}{mark}>{escaped}</{tag}>"


def _fold(rows: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """Long runs of unchanged rows folded to FOLD_CONTEXT rows at each end."""
    folded: list[tuple[str, str, bool]] = []
    run: list[tuple[str, str, bool]] = []
    for row in [*rows, ("", "", True)]:
        if not row[2]:
            run.append(row)
            continue
        if len(run) > 2 * FOLD_CONTEXT + 1:
            folded += run[:FOLD_CONTEXT]
            folded.append((f"… {len(run) - 2 * FOLD_CONTEXT} unchanged lines …", "", False))
            folded += run[-FOLD_CONTEXT:]
        else:
            folded += run
        run = []
        folded.append(row)
    return folded[:-1]
