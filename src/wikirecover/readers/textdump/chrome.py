"""Skin chrome around and inside the content of a text dump: found, removed, reported.

What is learnt from it is kept: the page title (the line above "From <Site>"), heading levels
(from the numbering of the table of contents) and the categories (from the footer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...rules import Rules
from .lines import Line
from .vocabulary import BULLETS

# How far into the dump the skin header can reach, in non-blank lines: site notice, title,
# "From X", "Jump to", with room for a redirect note and an indicator line.
HEADER_WINDOW = 8
_TOC_ENTRY = re.compile(rf"^\s*(?:[{BULLETS}*-]\s+)?(?P<number>\d+(?:\.\d+)*)\s+(?P<title>\S.*)$")
_FROM_SITE = "From "


@dataclass(frozen=True)
class Removed:
    first: Line
    last: Line
    what: str  # "site notice", "table of contents", ...
    count: int = 1  # lines
    text: str = ""  # every removed line, when more than one


@dataclass
class Stripped:
    """The content lines of a dump and what the chrome told about the page."""

    lines: list[Line]
    title: str | None = None
    toc_levels: dict[str, int] = field(default_factory=dict)  # folded title -> level
    categories: list[str] = field(default_factory=list)  # as the footer lists them
    removed: list[Removed] = field(default_factory=list)


def fold_title(title: str) -> str:
    return " ".join(title.split()).casefold()


def strip_chrome(lines: list[Line], rules: Rules) -> Stripped:
    result = Stripped(lines=list(lines))
    _strip_header(result, rules)
    _strip_footer(result, rules)
    _strip_toc(result, rules)
    _strip_errors(result, rules)
    return result


def _strip_errors(result: Stripped, rules: Rules) -> None:
    """MediaWiki's error messages ("Cite error: ...") where they stand as lines of their own."""
    if not rules.error_lines:
        return
    kept = []
    for line in result.lines:
        if not line.blank and rules.is_chrome(line.text, rules.error_lines):
            result.removed.append(Removed(line, line, "MediaWiki error message"))
        else:
            kept.append(line)
    result.lines[:] = kept


def _strip_header(result: Stripped, rules: Rules) -> None:
    lines = result.lines
    seen = 0
    cut = 0  # lines[:cut] are chrome
    for i, line in enumerate(lines):
        if line.blank:
            continue
        seen += 1
        if seen > HEADER_WINDOW:
            break
        if rules.is_chrome(line.text, rules.chrome_top):
            what = "skin header line"
            if _is_tagline(line.text, rules):
                what = '"From <site>" line'
            result.removed.append(Removed(line, line, what))
            cut = i + 1
            continue
        following = _next_nonblank(lines, i + 1)
        if (
            result.title is None
            and following is not None
            and _is_tagline(following.text, rules)
            and rules.is_chrome(following.text, rules.chrome_top)
        ):
            result.title = line.text
            result.removed.append(Removed(line, line, "title line"))
            cut = i + 1
            continue
        if result.title is None and seen == 1:
            # a site notice above the title has no fixed wording: it is the line above the
            # title when the second line is the title.
            after = _next_nonblank(lines, i + 1)
            after2 = _next_nonblank(lines, lines.index(after) + 1) if after else None
            if after2 is not None and _is_tagline(after2.text, rules):
                result.removed.append(Removed(line, line, "site notice"))
                cut = i + 1
                continue
        break
    del lines[:cut]


def _is_tagline(text: str, rules: Rules) -> bool:
    """Whether ``text`` is the skin's "From <site>" line (in the interface language's words)."""
    return text.startswith(_FROM_SITE) or any(p.fullmatch(text) for p in rules.taglines)


def _next_nonblank(lines: list[Line], start: int) -> Line | None:
    for line in lines[start:]:
        if not line.blank:
            return line
    return None


def _strip_footer(result: Stripped, rules: Rules) -> None:
    lines = result.lines
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if rules.is_chrome(line.text, rules.chrome_footer_start)
        ),
        None,
    )
    if start is None:
        return
    footer = lines[start:]
    _read_categories(footer, result, rules)
    nonblank = [line for line in footer if not line.blank]
    if nonblank:
        result.removed.append(
            Removed(
                nonblank[0],
                nonblank[-1],
                "skin footer and navigation",
                len(nonblank),
                "\n".join(line.text for line in nonblank),
            )
        )
    del lines[start:]


def _read_categories(footer: list[Line], result: Stripped, rules: Rules) -> None:
    for i, line in enumerate(footer):
        match = rules.categories.fullmatch(line.text) or (
            rules.more_categories and rules.more_categories.fullmatch(line.text)
        )
        if not match or line.text.startswith("Hidden"):
            continue
        names = [n.strip() for n in match.group("list").split("|") if n.strip()]
        if not names:
            for item in footer[i + 1 :]:
                if item.blank:
                    if names:
                        break
                    continue
                bullet = re.match(rf"^\s*[{BULLETS}*]\s+(.*)$", item.raw)
                if not bullet:
                    break
                names.append(bullet.group(1).strip())
        result.categories.extend(names)
        return


def _strip_toc(result: Stripped, rules: Rules) -> None:
    lines = result.lines
    for i, line in enumerate(lines):
        if line.text not in rules.toc_titles:
            continue
        entries: list[tuple[Line, str, int]] = []
        end = i + 1
        for j in range(i + 1, len(lines)):
            if lines[j].blank:
                continue
            entry = _TOC_ENTRY.match(lines[j].raw)
            if not entry or rules.edit_link.search(lines[j].text):
                break
            level = entry.group("number").count(".") + 2
            entries.append((lines[j], entry.group("title"), level))
            end = j + 1
        follower = _next_nonblank(lines, end)
        previous = _previous_nonblank(lines, i)
        toggle = previous is not None and rules.is_chrome(previous.text, rules.chrome_top)
        looks_like_toc = (
            entries or toggle or follower is None or rules.edit_link.search(follower.text)
        )
        if not looks_like_toc:
            continue
        for _, title, level in entries:
            result.toc_levels.setdefault(fold_title(title), level)
        start = lines.index(previous) if toggle else i
        block = [line for line in lines[start:end] if not line.blank]
        result.removed.append(
            Removed(
                block[0],
                block[-1],
                f"table of contents ({len(entries)} entries)",
                len(block),
                "\n".join(line.text for line in block),
            )
        )
        del lines[start:end]
        return


def _previous_nonblank(lines: list[Line], before: int) -> Line | None:
    for line in reversed(lines[:before]):
        if not line.blank:
            return line
    return None
