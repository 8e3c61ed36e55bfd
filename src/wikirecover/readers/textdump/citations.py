"""Citation markers `[n]` and the reference list printed by the Cite extension, rebuilt into
`<ref>` tags at the markers.

An entry `3. ↑ 3.0 3.1 3.2 Text` (or `3. ^ a b c Text`, or `3. 3.0 3.1 Text` in old skins) was
cited three times: its backlinks give the use count. A reference used more than once becomes a
named ref, defined at its first marker and reused at the others; a reference whose markers are all
gone becomes a list-defined ref inside the reference list.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ...model import Document, Severity
from ...printed_references import MARKER, read_entry, reference_name, starts_with_arrow
from ...rules import Rules
from .vocabulary import Block

COMPONENT = "reader:text"


@dataclass
class Entry:
    group: str
    number: int
    text: str
    backlinks: int  # citations the list says there were
    uses: int = 0  # markers found in the text
    name: str = ""
    defined: bool = False


@dataclass
class RefList:
    blocks: list[Block]
    entries: dict[int, Entry]
    has_arrows: bool
    group: str | None = None


@dataclass
class Citer:
    """Turns markers into `<ref>` wikitext, first use defining, later uses reusing."""

    lists: dict[str, RefList] = field(default_factory=dict)  # group -> list
    escape: Callable[[str], str] = str
    flags: dict[int, list[bool]] = field(default_factory=dict)  # id(block) -> is-citation

    def render(self, text: str, block: Block) -> str:
        """``text`` (already escaped) of ``block`` with its citation markers as <ref> tags."""
        flags = self.flags.get(id(block), [])

        def replace(match: re.Match[str]) -> str:
            is_citation = flags.pop(0) if flags else True
            entry = self._entry(match) if is_citation else None
            if entry is None:
                return match.group(0)
            group = f' group="{entry.group}"' if entry.group else ""
            if entry.defined:
                return f'<ref name="{entry.name}"{group} />'
            entry.defined = True
            return self.definition(entry)

        return MARKER.sub(replace, text)

    def definition(self, entry: Entry) -> str:
        """The defining tag of a reference. A note (a named group) that cites references of
        the default group becomes `{{#tag:ref|...}}`, the form that lets refs nest."""
        body = self.escape(entry.text)
        if entry.group and any(not m.group("group") for m in MARKER.finditer(body)):
            argument = _tag_argument(body)  # before the nested refs: tags are opaque to `|`
            nested = MARKER.sub(self._nested, argument)
            if nested != argument:
                attributes = f"|group={entry.group}" + (f"|name={entry.name}" if entry.name else "")
                return "{{#tag:ref|" + nested + attributes + "}}"
        name = f' name="{entry.name}"' if entry.name else ""
        group = f' group="{entry.group}"' if entry.group else ""
        return f"<ref{name}{group}>{body}</ref>"

    def _nested(self, match: re.Match[str]) -> str:
        if match.group("group"):
            return match.group(0)
        entry = self._entry(match)
        if entry is None:
            return match.group(0)
        if entry.defined:
            return f'<ref name="{entry.name}" />'
        entry.defined = True
        return self.definition(entry)

    def _entry(self, match: re.Match[str]) -> Entry | None:
        reflist = self.lists.get(match.group("group") or "")
        if reflist is None:
            return None
        return reflist.entries.get(int(match.group("n")))

    def list_defined(self, group: str) -> list[str]:
        """Definitions of the references of ``group`` that no marker cites."""
        reflist = self.lists.get(group)
        if reflist is None:
            return []
        return [
            f'<ref name="{e.name}">{self.escape(e.text)}</ref>'
            for e in reflist.entries.values()
            if e.uses == 0
        ]


def _tag_argument(text: str) -> str:
    """Text made safe as the content argument of `{{#tag:...}}`: a `|` would end it and a `=`
    outside tags would make it an attribute."""
    return text.replace("|", "{{!}}").replace("=", "&#61;")


def find_reference_lists(blocks: list[Block]) -> list[RefList]:
    """Runs of numbered items 1, 2, 3 ... that are reference lists (backlinks or arrows)."""
    found = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if not (block.kind == "item" and block.marker == "#" and block.number == 1):
            i += 1
            continue
        run = [block]
        entries = {1: _entry(block)}
        j = i + 1
        while j < len(blocks) and _continues_list(blocks, j, len(entries)):
            item = blocks[j]
            if item.kind == "item" and item.marker == "#":
                if item.number != len(entries) + 1:
                    break
                entries[item.number] = _entry(item)
            else:  # a nested line inside an entry (a list or line break in the reference)
                entries[len(entries)].text += " " + item.text
            run.append(item)
            j += 1
        arrows = any(starts_with_arrow(b.text) for b in run if b.marker == "#")
        backlinks = any(e.backlinks > 1 for e in entries.values())
        found.append(RefList(run, entries, arrows or backlinks))
        i = j
    return found


def _continues_list(blocks: list[Block], j: int, count: int) -> bool:
    """Whether blocks[j] belongs to a numbered list of ``count`` entries so far: an item of it,
    or an indented paragraph inside an entry (a quotation in a note) that the next entry
    follows."""
    block = blocks[j]
    if block.kind == "item":
        return block.marker.startswith("#")
    if block.kind != "indent":
        return False
    after = next((b for b in blocks[j + 1 :] if b.kind != "indent"), None)
    return (
        after is not None
        and after.kind == "item"
        and after.marker == "#"
        and after.number == count + 1
    )


def _entry(block: Block) -> Entry:
    text, backlinks = read_entry(block.number, block.text)
    return Entry(group="", number=block.number, text=text, backlinks=backlinks)


def marker_groups(blocks: list[Block]) -> dict[str, int]:
    """Citation groups in order of first appearance, with the highest number cited in each."""
    groups: dict[str, int] = {}
    for block in blocks:
        for text in _texts(block):
            for match in MARKER.finditer(text):
                group = match.group("group") or ""
                groups[group] = max(groups.get(group, 0), int(match.group("n")))
    return groups


def _texts(block: Block) -> list[str]:
    if block.kind == "table":
        return [cell for row in block.rows for cell in row]
    if block.kind == "gallery":
        return [caption for _, caption in block.rows]
    if block.kind == "file":
        return [block.caption]
    if block.kind == "verbatim":
        return []
    return [block.text]


def assign_groups(lists: list[RefList], groups: dict[str, int]) -> dict[str, RefList]:
    """Match reference lists to citation groups. The default group takes the last list long
    enough for its markers (MediaWiki prints it last, after any notes group); named groups take
    the remaining lists in page order."""
    chosen: dict[str, RefList] = {}
    free = [r for r in lists if r.has_arrows or _covers(r, groups.get("", 0))]
    if free and (groups.get("") or not groups):
        fitting = [r for r in free if _covers(r, groups.get("", 0))] or free
        chosen[""] = fitting[-1]
        free.remove(chosen[""])
    for group, highest in groups.items():
        if not group:
            continue
        for reflist in free:
            if _covers(reflist, highest):
                chosen[group] = reflist
                free.remove(reflist)
                break
    for group, reflist in chosen.items():
        reflist.group = group
        for entry in reflist.entries.values():
            entry.group = group
    return chosen


def _covers(reflist: RefList, highest: int) -> bool:
    return highest > 0 and len(reflist.entries) >= highest


def classify_markers(
    blocks: list[Block], chosen: dict[str, RefList], doc: Document
) -> dict[int, list[bool]]:
    """For each block, whether each of its `[n]` markers is a citation (True) or the number
    MediaWiki prints for an external link without a label (False).

    Both count 1, 2, 3 ... in page order, each on its own. A marker is a citation while its
    reference still has backlinks left in the list; past that, a marker that continues the link
    count is a link number (as is one that cannot be a citation: more than one above the highest
    citation so far)."""
    default = chosen.get("")
    left = {n: e.backlinks for n, e in default.entries.items()} if default else {}
    flags: dict[int, list[bool]] = {}
    highest_citation, next_link = 0, 1
    for block in blocks:
        block_flags = flags.setdefault(id(block), [])
        for text in _texts(block):
            for match in MARKER.finditer(text):
                n = int(match.group("n"))
                if match.group("group"):
                    block_flags.append(True)
                    continue
                budget = left.get(n, 0) > 0 and n <= highest_citation + 1
                if n == next_link and not budget:
                    block_flags.append(False)
                    next_link += 1
                    doc.report(
                        "external-link-number",
                        f"{match.group(0)} is the number of an external link whose address is "
                        "lost: kept as text",
                        COMPONENT,
                        Severity.WARNING,
                        text[max(0, match.start() - 60) : match.end()],
                        block.first_line,
                    )
                    continue
                block_flags.append(True)
                left[n] = left.get(n, 0) - 1
                highest_citation = max(highest_citation, n)
    return flags


def count_uses(
    blocks: list[Block], chosen: dict[str, RefList], flags: dict[int, list[bool]], doc: Document
) -> None:
    unknown: dict[str, int] = {}
    for block in blocks:
        block_flags = iter(flags.get(id(block), []))
        for text in _texts(block):
            for match in MARKER.finditer(text):
                if not next(block_flags, True):
                    continue
                reflist = chosen.get(match.group("group") or "")
                entry = reflist.entries.get(int(match.group("n"))) if reflist else None
                if entry is None:
                    unknown[match.group(0)] = block.first_line
                else:
                    entry.uses += 1
    default = chosen.get("")
    for group, reflist in chosen.items():
        if not group or default is None:
            continue
        for note in reflist.entries.values():
            for match in MARKER.finditer(note.text):
                if not match.group("group"):
                    entry = default.entries.get(int(match.group("n")))
                    if entry is not None:
                        entry.uses += 1
    for marker, line in unknown.items():
        doc.report(
            "citation-unmatched",
            f"{marker} has no entry in a reference list: kept as text",
            COMPONENT,
            Severity.WARNING,
            marker,
            line,
        )


def name_entries(chosen: dict[str, RefList], doc: Document) -> None:
    taken: set[str] = set()
    for reflist in chosen.values():
        for entry in reflist.entries.values():
            if entry.uses > 1 or entry.uses == 0 or entry.backlinks > 1:
                entry.name = reference_name(entry.text, entry.number, taken)
            where = entry.group + " " if entry.group else ""
            if entry.uses == 0:
                doc.report(
                    "ref-list-defined",
                    f"reference {where}{entry.number} is cited {entry.backlinks} time(s) by the"
                    " list but no marker is left: kept as a list-defined reference",
                    COMPONENT,
                    Severity.GUESS,
                    entry.text,
                )
            elif entry.uses != entry.backlinks:
                doc.report(
                    "ref-uses-mismatch",
                    f"reference {where}{entry.number}: {entry.uses} marker(s) in the text but "
                    f"{entry.backlinks} backlink(s) in the list",
                    COMPONENT,
                    Severity.WARNING,
                    entry.text,
                )


def reflist_template_block(blocks: list[Block], rules: Rules) -> Block | None:
    """The paragraph that shows a reference-list template as red-link text, if any."""
    for block in blocks:
        if block.kind != "paragraph" or "\n" in block.text:
            continue
        shown = rules.template_red_link.match(block.text)
        if shown and block.text[shown.end() :].strip().casefold() in rules.reflist_templates:
            return block
    return None
