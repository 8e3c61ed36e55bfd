"""Section edit links printed before their heading, as MediaWiki did until 1.23 (a floating
`[edit]` before the title until 1.15, the title's first words after), moved after it where
the other steps look for them."""

from __future__ import annotations

from dataclasses import replace

from ...rules import Rules
from .lines import Line

# A heading is a short line: longer text after a lone "[edit]" is a paragraph.
HEADING_MAX_CHARS = 200


def move_edit_links(lines: list[Line], rules: Rules) -> list[Line]:
    """``lines`` with `[edit] Title` and a lone `[edit]` above `Title` written `Title [edit]`
    (the blank line between them dropped)."""
    if not any(
        line.text[:1] == "[" and rules.edit_link_before.fullmatch(line.text) for line in lines
    ):
        return lines
    out: list[Line] = []
    skip = -1
    for i, line in enumerate(lines):
        if i <= skip:
            continue
        found = line.text[:1] == "[" and rules.edit_link_before.fullmatch(line.text)
        if not found:
            out.append(line)
            continue
        title = found.group("title")
        link = line.text[: found.start("title")].strip() if title else line.text
        if title:
            out.append(replace(line, raw=line.raw[: line.indent] + f"{title} {link}"))
            continue
        j = i + 1
        if j < len(lines) and lines[j].blank:
            j += 1  # one blank line between the link and its heading
        heading = lines[j] if j < len(lines) else None
        if (
            heading is None
            or heading.blank
            or len(heading.text) > HEADING_MAX_CHARS
            or rules.edit_link_before.fullmatch(heading.text)
        ):
            out.append(line)  # no heading after it: left for the chrome steps
            continue
        out.append(replace(heading, raw=f"{heading.raw} {link}"))
        skip = j
    return out
