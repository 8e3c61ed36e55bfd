"""Paragraphs, lists and indented pre blocks from lines, the way MediaWiki does it.

A port of the legacy parser's block-level pass (BlockLevelPass.php, MediaWiki 1.39): it runs
over lines that already hold the HTML of their inline content. List markers at the start of a
line open, continue and close nested lists; a line starting with a space is preformatted; other
lines are joined into paragraphs, a blank line ends one and a second blank line adds
``<p><br /></p>``; lines holding block-level tags (tables, headings, divs...) are left alone and
close the paragraph.
"""

from __future__ import annotations

import re

# A definition on the line of its term (`; term : definition`): the renderer puts this
# character where the `:` was, so that a colon in the text never splits a term.
DD_MARK = "\ue000"
# A line that is only a placeholder for a block the renderer finished itself (a reference list).
BLOCK_MARK = "\ue001"

# Tags that open or close a block, each pattern led by its `<` (a literal the engine scans for).
_OPEN = re.compile(r"<(?:table|h[1-6]|pre|tr|p[\s>]|p$|ul|ol|dl|li|/tr|/td|/th)", re.I)
_CLOSE = re.compile(
    r"<(?:/table|/h[1-6]|td|th|/?blockquote|/?div|hr|/pre|/p|/li|/ul|/ol|/dl|/?center)", re.I
)
_PREFIX = re.compile(r"[*#:;]+")


class _Pass:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.last_paragraph = ""  # "p" or "pre" when one is open
        self.dt_open = False

    def close_paragraph(self) -> str:
        if self.last_paragraph:
            closed = f"</{self.last_paragraph}>\n"
            self.last_paragraph = ""
            return closed
        return ""

    def open_list(self, char: str) -> str:
        result = self.close_paragraph()
        if char == "*":
            return result + "<ul><li>"
        if char == "#":
            return result + "<ol><li>"
        if char == ":":
            return result + "<dl><dd>"
        self.dt_open = True
        return result + "<dl><dt>"

    def next_item(self, char: str) -> str:
        if char in "*#":
            return "</li>\n<li>"
        close = "</dt>\n" if self.dt_open else "</dd>\n"
        self.dt_open = char == ";"
        return close + ("<dt>" if char == ";" else "<dd>")

    def close_list(self, char: str) -> str:
        if char == "*":
            return "</li></ul>"
        if char == "#":
            return "</li></ol>"
        if self.dt_open:
            self.dt_open = False
            return "</dt></dl>"
        return "</dd></dl>"


def _common(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y and not (x == ";" and y == ":"):  # a definition after a term continues
            break
        n += 1
    return n


def block_levels(text: str, inline_start: bool = False) -> str:
    """Wrap the lines of ``text`` in paragraphs, lists and pre blocks. ``inline_start``: the
    first line continues an element opened before it (a table cell), so it is never wrapped."""
    state = _Pass()
    out = state.out
    last_prefix = ""
    pending: str | None = None
    in_block = inline_start
    lines = text.split("\n")
    for number, line in enumerate(lines):
        last_line = number == len(lines) - 1
        match = _PREFIX.match(line)
        prefix = match.group() if match else ""
        if prefix:
            body = line[len(prefix) :]
            prefix2 = prefix.replace(";", ":")
            common = _common(prefix, last_prefix)
            pending = None
            for char in reversed(last_prefix[common:]):
                out.append(state.close_list(char))
            if len(prefix) <= common and common > 0:
                out.append(state.next_item(prefix[common - 1]))
                if prefix[common - 1] == ";" and DD_MARK in body:
                    term, body = body.split(DD_MARK, 1)
                    out.append(term + state.next_item(":"))
            if last_prefix and len(prefix) > common:
                out.append("\n")
            while len(prefix) > common:
                char = prefix[common]
                out.append(state.open_list(char))
                if char == ";" and DD_MARK in body:
                    term, body = body.split(DD_MARK, 1)
                    out.append(term + state.next_item(":"))
                common += 1
            last_prefix = prefix2
            out.append(body.replace(DD_MARK, ":"))
            continue
        if last_prefix:
            for char in reversed(last_prefix):
                out.append(state.close_list(char))
            out.append("\n")
            last_prefix = ""
        opens, closes = _OPEN.search(line), BLOCK_MARK in line or _CLOSE.search(line)
        if opens or closes:
            pending = None
            out.append(state.close_paragraph())
            in_block = not closes
        elif not in_block:
            if line.startswith(" ") and (state.last_paragraph == "pre" or line.strip()):
                if state.last_paragraph != "pre":
                    pending = None
                    out.append(state.close_paragraph() + "<pre>")
                    state.last_paragraph = "pre"
                line = line[1:]
            elif not line.strip():
                if pending is not None:
                    out.append(pending + "<br />")
                    pending = None
                    state.last_paragraph = "p"
                elif state.last_paragraph != "p":
                    out.append(state.close_paragraph())
                    pending = "<p>"
                else:
                    pending = "</p><p>"
            elif pending is not None:
                out.append(pending)
                pending = None
                state.last_paragraph = "p"
            elif state.last_paragraph != "p":
                out.append(state.close_paragraph() + "<p>")
                state.last_paragraph = "p"
        if pending is None:
            out.append(line)
            if not last_line or state.last_paragraph:
                out.append("\n")
    for char in reversed(last_prefix):
        out.append(state.close_list(char))
    if last_prefix:
        out.append("\n")
    out.append(state.close_paragraph())
    return "".join(out).replace(BLOCK_MARK, "")
