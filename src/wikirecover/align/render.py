"""A diff for people and programs: unified lines, words in colour, JSON hunks."""

from __future__ import annotations

import difflib
import json

from rich.text import Text

from .diff import DELETE, INSERT, Change, Hunk


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


def json_hunks(found: list[Hunk], old_name: str, new_name: str) -> str:
    return json.dumps(
        {"old": old_name, "new": new_name, "hunks": [h.to_json() for h in found]},
        ensure_ascii=False,
        indent=1,
    )
