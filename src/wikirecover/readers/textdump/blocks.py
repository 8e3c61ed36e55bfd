"""Content lines of a dump -> blocks of a small vocabulary (heading, paragraph, list item,
indented text, file, table), the way a text browser laid them out."""

from __future__ import annotations

import re

from ...rules import Rules
from .chrome import fold_title
from .lines import Line
from .tables import parse_table
from .vocabulary import BULLETS, Block

_BULLET = re.compile(rf"^(?P<indent> *)(?P<mark>[{BULLETS}])\s+(?P<text>.*)$")
_NUMBERED = re.compile(r"^(?P<indent> *)(?P<number>\d{1,4})\.\s+(?P<text>\S.*)$")
_FILE = re.compile(
    r"^(?P<ns>File|Image|Datei|Bild|Fil|Fichier|Bestand|Archivo):(?P<name>[^\[\]{}|#<>]+?"
    r"\.(?:jpe?g|png|gif|svg|tiff?|webp|xcf|ogg|oga|ogv|webm|mp3|wav|flac|pdf|djvu))$",
    re.IGNORECASE,
)
_GALLERY_FILE = re.compile(
    r"^[^\[\]{}|#<>:/\\]+\.(?:jpe?g|png|gif|svg|tiff?|webp|xcf)$", re.IGNORECASE
)
# w3m indents each list level by 4 columns (bullet at column 2, 6, 10 ...) and block quotes and
# definitions by 4: an indent of at least this many columns is an indented paragraph.
INDENT_STEP = 4
# Numbered items shift their text by a column or two when the number gets a digit longer
# ("9." -> "10." printed left-aligned): less than a nesting step, so still the same level.
SAME_LEVEL_SLACK = 2
# Headings in a dump without edit links: at most this long (the corpus's longest section title
# is 57 characters and 9 words; paragraphs, even one-sentence ones, are longer or end in a stop).
BARE_HEADING_MAX_CHARS = 80
BARE_HEADING_MAX_WORDS = 10


def parse_blocks(lines: list[Line], rules: Rules, toc_titles: dict[str, int]) -> list[Block]:
    # a dump printed without edit links (and without a TOC) shows headings only as short lines
    # standing alone: then those are taken as headings
    bare_headings = not toc_titles and not any(rules.edit_link.search(x.text) for x in lines)
    blocks: list[Block] = []
    stack: list[tuple[int, str]] = []  # open list levels: (indent, "*" or "#")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.blank:
            i += 1
            continue
        heading = _heading(line, lines, i, rules, toc_titles, bare_headings)
        if heading is not None:
            blocks.append(Block("heading", heading, [line]))
            stack.clear()
            i += 1
            continue
        item = _BULLET.match(line.raw) or _NUMBERED.match(line.raw)
        if item:
            # the column where the item's text starts is the same for " 9." and "10.", and
            # grows by INDENT_STEP per nesting level
            column = item.start("text")
            kind = "#" if "number" in item.groupdict() else "*"
            while stack and stack[-1][0] > column + SAME_LEVEL_SLACK:
                stack.pop()
            if stack and abs(stack[-1][0] - column) <= SAME_LEVEL_SLACK:
                stack[-1] = (column, kind)
            else:
                stack.append((column, kind))
            text, used = _continued(lines, i + 1, column, rules)
            block = Block(
                "item",
                " ".join([item.group("text").strip(), *text]),
                lines[i : i + 1 + used],
                marker="".join(k for _, k in stack),
            )
            if kind == "#":
                block.number = int(item.group("number"))
            blocks.append(block)
            i += 1 + used
            continue
        stack.clear()
        table = parse_table(lines, i, lambda x: bool(rules.edit_link.search(x.text)))
        if table is not None:
            block, used = table
            blocks.append(block)
            i += used
            continue
        file_match = _FILE.match(line.text)
        if file_match:
            text, used = _continued(lines, i + 1, 0, rules)
            blocks.append(Block("file", line.text, lines[i : i + 1 + used], caption=" ".join(text)))
            i += 1 + used
            continue
        text, used = _continued(lines, i + 1, 0, rules)
        kind = "indent" if line.indent >= INDENT_STEP else "paragraph"
        joiner = " " if kind == "indent" else "\n"
        blocks.append(Block(kind, joiner.join([line.text, *text]), lines[i : i + 1 + used]))
        i += 1 + used
    return _galleries(blocks)


def _galleries(blocks: list[Block]) -> list[Block]:
    """A gallery prints as bullets that are bare file names, each with its caption indented
    below: such a run becomes one gallery block (rows of file name and caption)."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        rows: list[list[str]] = []
        lines: list[Line] = []
        j = i
        while j < len(blocks) and blocks[j].kind == "item" and blocks[j].marker == "*":
            if not _GALLERY_FILE.match(blocks[j].text):
                break
            caption = blocks[j + 1] if j + 1 < len(blocks) else None
            has_caption = caption is not None and caption.kind == "indent"
            rows.append([blocks[j].text, caption.text if has_caption else ""])
            lines += blocks[j].lines + (caption.lines if has_caption else [])
            j += 2 if has_caption else 1
        if rows:
            out.append(Block("gallery", "", lines, rows=rows))
            i = j
        else:
            out.append(blocks[i])
            i += 1
    return out


def _heading(
    line: Line,
    lines: list[Line],
    i: int,
    rules: Rules,
    toc_titles: dict[str, int],
    bare_headings: bool,
) -> str | None:
    if line.indent == 0 or line.indent < INDENT_STEP:
        edit = rules.edit_link.search(line.text)
        if edit:
            title = line.text[: edit.start()].strip()
            return title or None
    if toc_titles and fold_title(line.text) in toc_titles and _stands_alone(lines, i):
        return line.text
    if bare_headings and _looks_like_bare_heading(line, lines, i, rules):
        return line.text
    return None


def _looks_like_bare_heading(line: Line, lines: list[Line], i: int, rules: Rules) -> bool:
    """A short line standing alone, starting like a title, not ending like a sentence, that is
    not a list item, file, template red link or column row, with a text block after it."""
    text = line.text
    if line.indent or not _stands_alone(lines, i) or i == _first_nonblank(lines):
        return False
    if all(x.blank for x in lines[i + 1 :]):  # a heading has a section after it
        return False
    if len(text) > BARE_HEADING_MAX_CHARS or len(text.split()) > BARE_HEADING_MAX_WORDS:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"'‘“("):
        return False
    if text[-1] in ".,;:!?" or _BULLET.match(line.raw) or _NUMBERED.match(line.raw):
        return False
    if _FILE.match(text) or "  " in text or ". " in text or ":" in text.split(" ")[0]:
        return False
    return not any(rules.is_chrome(text, p) for p in (rules.chrome_top,))


def _first_nonblank(lines: list[Line]) -> int:
    return next((k for k, x in enumerate(lines) if not x.blank), -1)


def _stands_alone(lines: list[Line], i: int) -> bool:
    before = i == 0 or lines[i - 1].blank
    after = i + 1 >= len(lines) or lines[i + 1].blank
    return before and after


def _continued(
    lines: list[Line], start: int, min_indent: int, rules: Rules
) -> tuple[list[str], int]:
    """Lines that continue a block (no blank line between, not a new item, heading or file)."""
    out: list[str] = []
    for line in lines[start:]:
        if line.blank or _BULLET.match(line.raw) or _NUMBERED.match(line.raw):
            break
        if line.indent < min_indent or rules.edit_link.search(line.text):
            break
        if _FILE.match(line.text):
            break
        out.append(line.text)
    return out, len(out)
