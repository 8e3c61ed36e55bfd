"""Headings: unbalanced `==Title=`, empty titles, and headings glued to the text before them;
in pages rebuilt from a rendering (`scope.py`), also edit-link residue in titles, level-1
headings and levels that skip."""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Heading, Text

from ..model import Document, Severity
from ..options import Options
from ..parsing import ends_line, parse_wikitext
from ..registry import register_pass
from .scope import undoes_rendering

COMPONENT = "pass:headings"
TOP_LEVEL = 2  # articles start their sections at ==level 2== (level 1 is the page title)
# A heading written at the end of a line of text: `...end.==History==`.
_GLUED = re.compile(r"(?m)(?<=[^\s=])(={2,6})([^=\n]{1,200}?)\1[ \t]*$")
# The same at the start of a text node that follows markup on the same line: `}}==History==`.
_LEADING = re.compile(r"(={2,6})[^=\n]{1,200}?\1[ \t]*(?=\n|$)")


@register_pass("headings", after=("references",))
def repair_headings(doc: Document, options: Options) -> None:
    """Unbalanced, residue-laden, level-1, skipping, empty and glued headings repaired."""
    edit_link = options.rules.for_languages(doc.metadata.get("interface_languages", ())).edit_link
    rendered = undoes_rendering(doc, options)
    _unglue(doc)
    previous = None
    for heading in doc.wikicode.filter_headings(recursive=False):
        title = str(heading.title)
        before = str(heading)
        extra_left = len(title) - len(title.lstrip("="))
        extra_right = len(title) - len(title.rstrip("="))
        if (extra_left or extra_right) and heading.level < 6:
            # (past level 6 the extra signs are text: `======= x =======` is `= x =` at 6)
            heading.title = title.strip("=")
            heading.level = min(6, heading.level + max(extra_left, extra_right))
            _report(doc, "heading-balanced", "unbalanced = signs balanced", before, heading)
        residue = rendered and edit_link.search(str(heading.title).rstrip())
        if residue:
            heading.title = str(heading.title)[: residue.start()].rstrip() + _trailing_space(
                str(heading.title)
            )
            _report(
                doc,
                "heading-edit-residue",
                "edit-link text removed from the title",
                before,
                heading,
            )
        # levels as written in exact wikitext: MediaWiki renders any level from 1 to 6
        if rendered and heading.level == 1:
            heading.level = TOP_LEVEL
            _report(
                doc,
                "heading-level-1",
                "level-1 heading (the page title's level) made level 2",
                before,
                heading,
            )
        if rendered and previous is not None and heading.level > previous + 1:
            heading.level = previous + 1
            _report(
                doc,
                "heading-level-skip",
                "heading level skipped one: made one deeper than the heading before it",
                before,
                heading,
            )
        if not str(heading.title).strip():
            doc.report(
                "heading-empty",
                "heading without a title: left for a person to name",
                COMPONENT,
                Severity.WARNING,
                before,
            )
        previous = heading.level


def _trailing_space(title: str) -> str:
    return " " if title.endswith(" ") and title.startswith(" ") else ""


def _report(doc: Document, code: str, message: str, before: str, heading: Heading) -> None:
    doc.report(code, f"{message}: {str(heading)!r}", COMPONENT, Severity.INFO, before)


def _unglue(doc: Document) -> None:
    """Put a heading written at the end of a text line back on a line of its own, separated the
    way the page separates its other headings (with or without a blank line)."""
    code = doc.wikicode
    separator = ""  # found out when first needed: it costs a look at the whole page
    changed = False
    for index, node in enumerate(code.nodes):
        if not isinstance(node, Text):
            continue
        value = node.value
        # (every glued heading holds "==": most text is passed over at C speed)
        glued = [m.group(0) for m in _GLUED.finditer(value)] if "==" in value else []
        leading = _LEADING.match(value)
        if leading and (index == 0 or ends_line(code.nodes[index - 1])):
            leading = None  # at a line's start: a heading already
        if not glued and not leading:
            continue
        separator = separator or _separator_style(str(code))
        new = _GLUED.sub(lambda m, sep=separator: sep + m.group(0), value)
        if leading:
            glued.insert(0, leading.group(0).strip())
            new = separator + new
        for heading in glued:
            doc.report(
                "heading-unglued",
                "heading written at the end of a text line put on its own line",
                COMPONENT,
                Severity.INFO,
                heading,
            )
        if new != value:
            code.nodes[index] = Text(new)
            changed = True
    if changed:
        doc.wikicode = parse_wikitext(str(code))


def _separator_style(text: str) -> str:
    blank = len(re.findall(r"\n\n=", text))
    tight = len(re.findall(r"[^\n]\n=", text))
    return "\n\n" if blank >= tight else "\n"
