"""Wikitext tables the parser could not read, written with HTML table tags as MediaWiki's own
table pass (`Parser::handleTables`) writes them, line by line.

mwparserfromhell gives up on a `{|` table whose rows are HTML (`{|` then `<tr><td>a<td>b`),
and on some others: the whole table is then text to it. MediaWiki reads such tables line by
line: `{|` opens a table, `|-` a row, `|+` a caption, `|` and `!` cells (`||` and `!!` more on
the same line), `|}` closes; other lines go on in the cell. Here those lines become the HTML
tags MediaWiki writes, the cells' contents stay wikitext, and the page is parsed again; tags
left open (`<td>` has no closer in either form) are closed by an HTML5 parser after rendering,
as MediaWiki's own Remex does.
"""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Text
from mwparserfromhell.wikicode import Wikicode

# a table opener at the start of a line of the page's own text (not parsed as a table)
_OPENER = re.compile(r"(?m)^[ \t:]*\{\|")


def unparsed_table_at(code: Wikicode) -> bool:
    """Whether a `{|` the parser did not read as a table starts a line of ``code``."""
    nodes = code.nodes
    for index, node in enumerate(nodes):
        if not isinstance(node, Text) or "{|" not in node.value:
            continue
        for match in _OPENER.finditer(node.value):
            line_start = match.start() == 0 and index > 0
            if line_start and not str(nodes[index - 1]).endswith("\n"):
                continue  # `x{|`: not at a line's start
            return True
    return False


def tables_as_tags(source: str) -> str:
    """``source`` with every wikitext table's lines written as HTML table tags."""
    out: list[str] = []
    depth = 0
    braces = 0  # templates open at the line's start: their parameter lines are no cells
    for line in source.split("\n"):
        inside_template = braces > 0
        braces = max(0, braces + line.count("{{") - line.count("}}"))
        if inside_template:
            out.append(line)
            continue
        stripped = line.lstrip(" \t")
        indent = len(stripped) - len(stripped.lstrip(":"))
        body = stripped[indent:].lstrip(" \t")
        if body.startswith("{|"):
            depth += 1
            out.append(":" * indent + f"<table {body[2:].strip()}>".replace(" >", ">"))
        elif depth and body.startswith("|}"):
            depth -= 1
            out.append("</table>" + body[2:])
        elif depth and body.startswith("|-"):
            attributes = body.lstrip("|-").strip()
            out.append(f"<tr {attributes}>".replace(" >", ">"))
        elif depth and body.startswith("|+"):
            out.append(_cell("caption", body[2:]))
        elif depth and body.startswith(("|", "!")):
            tag = "th" if body.startswith("!") else "td"
            separator = "!!" if tag == "th" else "||"
            cells = _split_cells(body[1:], separator)
            out.append("".join(_cell(tag, cell) for cell in cells))
        else:
            out.append(line)
    return "\n".join(out)


def _split_cells(text: str, separator: str) -> list[str]:
    """A line's cells, split at ``separator`` (and `||` on header lines too) outside links and
    templates."""
    cells, depth, start, index = [], 0, 0, 0
    while index < len(text):
        pair = text[index : index + 2]
        if pair in ("[[", "{{"):
            depth += 1
            index += 2
        elif pair in ("]]", "}}"):
            depth = max(0, depth - 1)
            index += 2
        elif depth == 0 and (pair == separator or pair == "||"):
            cells.append(text[start:index])
            index += 2
            start = index
        else:
            index += 1
    cells.append(text[start:])
    return cells


def _cell(tag: str, cell: str) -> str:
    """`attributes | content` or `content` as `<tag attributes>content`."""
    attributes, content = "", cell
    depth, index = 0, 0
    while index < len(cell):
        pair = cell[index : index + 2]
        if pair in ("[[", "{{"):
            depth += 1
            index += 2
            continue
        if pair in ("]]", "}}"):
            depth = max(0, depth - 1)
            index += 2
            continue
        if depth == 0 and cell[index] == "|":
            attributes, content = cell[:index].strip(), cell[index + 1 :]
            break
        index += 1
    opening = f"<{tag} {attributes}>" if attributes else f"<{tag}>"
    return opening + content
