"""Checks on exports of real pages, shared by tests/test_realworld.py and
benchmarks/realworld.py."""

from __future__ import annotations

import re
from urllib.parse import unquote

from wikirecover.render.html_to_markdown import gfm_slug

_HREF_ANCHOR = re.compile(r"""\]\(#([^)\s]+)\)|href="#([^"]+)\"""")
_ANCHORS = re.compile(r"""\bid="([^"]+)"|^\[\^([^\]]+)\]:""", re.M)
_HEADING = re.compile(r"#{1,6} ")


def dead_anchors(output: str, html: str) -> list[str]:
    """The same-page links of a gfm ``output`` (`](#x)`, `href="#x"`) whose target the page
    has (an id of its ``html`` rendering: a heading, a note) but the output lacks (no heading,
    footnote or element id of it), and footnote marks with no note. Code blocks are not read."""
    output = re.sub(r"```.*?```", "", output, flags=re.S)
    in_page = {unquote(i) for i in re.findall(r'\bid="([^"]+)"', html)}
    in_page |= {gfm_slug(i) for i in in_page}
    defined = {a or b for a, b in _ANCHORS.findall(output)}
    defined |= {
        gfm_slug(line.lstrip("#").strip()) for line in output.splitlines() if _HEADING.match(line)
    }
    used = [unquote(a or b) for a, b in _HREF_ANCHOR.findall(output)]
    notes = set(re.findall(r"^\[\^([^\]]+)\]:", output, re.M))
    marks = set(re.findall(r"(?<!\\)\[\^([^\]\\]+)\](?!:)", output))  # (not `\[^x\]`: text)
    dead = [u for u in used if u in in_page and u not in defined]
    return dead + [f"^{m}" for m in marks - notes]
