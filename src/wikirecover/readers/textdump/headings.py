"""Heading levels, which a text dump does not print.

1. The table of contents, when the dump kept it, numbers every section: "2.1" is level 3.
2. Otherwise, from the page's structure (each rule a guess, reported):
   - appendix sections (References, See also, External links ... in rules) are level 2;
   - a run of headings that are years or date spans ("2004", "1800–1945", "Since 1945") right
     after another heading are its subsections;
   - a section with no text of its own, followed by a heading that is not an appendix, is a
     parent: the headings up to the next appendix or year-like run are one level deeper;
   - everything else is level 2 (63% of the headings of our corpus, 85% of pages' headings).
"""

from __future__ import annotations

import re

from ...model import Document, Severity
from .chrome import fold_title
from .vocabulary import Block

COMPONENT = "reader:text"
TOP_LEVEL = 2
_YEARLIKE = re.compile(
    r"^(?:(?:before|after|since|until|from|c\.|circa|pre-|post-)\s*)?"
    r"\d{3,4}(?:s)?(?:\s*[–—-]\s*(?:\d{2,4}s?|present|today))?$",
    re.IGNORECASE,
)
# Words of a title that mark the standard closing sections of an article.
APPENDIX_TITLES = frozenset(
    fold_title(t)
    for t in (
        "See also",
        "References",
        "Notes",
        "Footnotes",
        "Citations",
        "Sources",
        "Bibliography",
        "Further reading",
        "External links",
        "Notes and references",
        "References and notes",
        "Works cited",
        "Literature",
        "Siehe auch",
        "Literatur",
        "Weblinks",
        "Einzelnachweise",
        "Anmerkungen",
        "Quellen",
        "Verwysings",
        "Bronne",
        "Eksterne skakels",
        "Sjå òg",
        "Kjelder",
        "Referansar",
        "Bibliografi",
        "Notes and sources",
    )
)


def assign_levels(blocks: list[Block], toc_levels: dict[str, int], doc: Document) -> None:
    headings = [b for b in blocks if b.kind == "heading"]
    if not headings:
        return
    if toc_levels:
        for heading in headings:
            level = toc_levels.get(fold_title(heading.text))
            if level is None:
                heading.level = TOP_LEVEL
                _guess(doc, heading, "not in the table of contents")
            else:
                heading.level = level
        return
    _structural_levels(blocks)
    for heading in headings:
        _guess(doc, heading, "no table of contents in the dump: inferred from the page's structure")


def _guess(doc: Document, heading: Block, why: str) -> None:
    doc.report(
        "heading-level-guessed",
        f"level {heading.level} for {heading.text!r}: {why}",
        COMPONENT,
        Severity.GUESS,
        heading.text,
        heading.first_line,
    )


def _structural_levels(blocks: list[Block]) -> None:
    positions = [i for i, b in enumerate(blocks) if b.kind == "heading"]
    parent_level = None  # level of the open parent section, when its children are deeper
    for k, i in enumerate(positions):
        heading = blocks[i]
        title = fold_title(heading.text)
        if title in APPENDIX_TITLES:
            heading.level, parent_level = TOP_LEVEL, None
            continue
        previous = blocks[positions[k - 1]] if k else None
        if _YEARLIKE.match(heading.text.strip()) and previous is not None:
            if not _YEARLIKE.match(previous.text.strip()):
                parent_level = previous.level
            heading.level = (parent_level or TOP_LEVEL) + 1
            continue
        if previous is not None and _YEARLIKE.match(previous.text.strip()):
            parent_level = None
        heading.level = parent_level + 1 if parent_level else TOP_LEVEL
        body = blocks[i + 1 : positions[k + 1]] if k + 1 < len(positions) else blocks[i + 1 :]
        following = blocks[positions[k + 1]] if k + 1 < len(positions) else None
        if (
            not body
            and following is not None
            and fold_title(following.text) not in APPENDIX_TITLES
            and not parent_level
        ):
            parent_level = heading.level
