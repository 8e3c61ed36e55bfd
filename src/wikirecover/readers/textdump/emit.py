"""Blocks -> wikitext, in the layout MediaWiki editors write (`==Title==`, `* item`)."""

from __future__ import annotations

from .citations import Citer
from .escape import escape_inline, escape_text
from .vocabulary import Block


def emit(blocks: list[Block], citer: Citer, categories: list[str]) -> str:
    """The page's wikitext; ``categories`` are link targets (`Category:Towns in Cornwall`)."""
    parts: list[str] = []
    previous: Block | None = None
    for block in blocks:
        text = _render(block, citer)
        if text is None:
            continue
        if previous is not None:
            parts.append(_separator(previous, block))
        parts.append(text)
        previous = block
    body = "".join(parts).strip("\n")
    if categories:
        links = "\n".join(f"[[{link}]]" for link in categories)
        body = f"{body}\n\n{links}" if body else links
    return body + "\n"


def _separator(previous: Block, block: Block) -> str:
    if previous.kind == "heading" and block.kind != "heading":
        return "\n"
    if previous.kind == "item" and block.kind == "item":
        return "\n"
    if previous.kind == "file" and previous.caption and block.kind in ("paragraph", "file"):
        return "\n"  # a thumbnail floats: the text goes on below it, as editors write it
    return "\n\n"


def _render(block: Block, citer: Citer) -> str | None:
    kind = block.kind
    if kind == "heading":
        marks = "=" * block.level
        return f"{marks}{citer.render(escape_inline(block.text), block)}{marks}"
    if kind == "paragraph":
        return citer.render(escape_text(block.text), block)
    if kind == "item":
        return f"{block.marker} {citer.render(escape_inline(block.text), block)}"
    if kind == "indent":
        return ":" + citer.render(escape_inline(block.text), block)
    if kind == "file":
        if block.caption:
            return f"[[{block.text}|thumb|{citer.render(escape_inline(block.caption), block)}]]"
        return f"[[{block.text}]]"
    if kind == "table":
        return _table(block, citer)
    if kind == "gallery":
        rows = []
        for name, caption in block.rows:
            text = citer.render(escape_inline(caption), block) if caption else ""
            rows.append(f"File:{name}|{text}" if text else f"File:{name}")
        return "<gallery>\n" + "\n".join(rows) + "\n</gallery>"
    if kind == "verbatim":
        text = block.text.replace("&", "&amp;").replace("<", "&lt;")
        return f"<pre>\n{text}\n</pre>"
    if kind == "wikitext":  # already wikitext (a rebuilt reference list)
        return block.text
    raise ValueError(f"unknown block kind {kind!r}")


def _table(block: Block, citer: Citer) -> str:
    def cells(row: list[str]) -> list[str]:
        return [citer.render(escape_inline(cell), block).replace("|", "&#124;") for cell in row]

    header, *rows = block.rows
    out = ['{| class="wikitable"', "! " + " !! ".join(cells(header))]
    for row in rows:
        out.append("|-")
        out.append("| " + " || ".join(cells(row)))
    out.append("|}")
    return "\n".join(out)
