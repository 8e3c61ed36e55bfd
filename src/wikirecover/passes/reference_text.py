"""References that survived only as text: `[n]` markers in the page and a numbered list of
plain entries under a References heading (a page pasted from a rendered copy, or a text dump
turned into wikitext by hand) rebuilt into `<ref>` tags at the markers and `<references />`.

The entries are read as the text-dump reader reads them (`3. ↑ 3.0 3.1 Text`, `3. ^ a b Text`,
`# Text`): a reference cited more than once becomes a named ref defined at its first marker.
"""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Heading, Text

from ..model import Document, Severity
from ..options import Options
from ..parsing import parse_wikitext
from ..printed_references import MARKER, read_entry, reference_name
from ..registry import register_pass
from .references import REFERENCE_SECTIONS
from .scope import undoes_rendering

COMPONENT = "pass:reference-text"
_ENTRY = re.compile(r"^\s*(?:(?P<number>\d+)\.|#)\s+(?P<text>\S.*)$")


@register_pass("reference-text", after=("references",))
def rebuild_text_references(doc: Document, options: Options) -> None:
    """`[n]` markers and a plain numbered reference list back to `<ref>` tags."""
    if not undoes_rendering(doc, options):
        return  # in exact wikitext `[3]` and a numbered list are what the author wrote
    code = doc.wikicode
    nodes = code.nodes
    section = _reference_section(nodes)
    if section is None:
        return
    start, end = section
    entries = _entries("".join(str(n) for n in nodes[start + 1 : end]))
    if not entries:
        return
    body_text = "".join(str(n.value) for n in nodes[:start] if isinstance(n, Text))
    markers = [int(m.group("n")) for m in MARKER.finditer(body_text) if not m.group("group")]
    if not markers or max(markers) > len(entries):
        return
    uses = {n: markers.count(n) for n in set(markers)}
    names = _names(entries, uses)
    defined: set[int] = set()

    def replace(match: re.Match[str]) -> str:
        number = int(match.group("n"))
        if match.group("group") or number not in entries:
            return match.group(0)
        name = names.get(number)
        if number in defined:
            return f'<ref name="{name}" />'
        defined.add(number)
        attribute = f' name="{name}"' if name else ""
        return f"<ref{attribute}>{entries[number][0]}</ref>"

    rebuilt = []
    for node in nodes[:start]:
        if isinstance(node, Text):
            rebuilt.append(MARKER.sub(replace, str(node.value)))
        else:
            rebuilt.append(str(node))
    unused = [n for n in entries if n not in uses]
    list_defined = "\n".join(f'<ref name="{names[n]}">{entries[n][0]}</ref>' for n in unused)
    reference_list = (
        f"<references>\n{list_defined}\n</references>\n" if unused else "<references />\n"
    )
    heading = str(nodes[start])
    rest = "".join(str(n) for n in nodes[end:])
    if rest and not rest.startswith("\n"):
        reference_list += "\n"  # keep the blank line before the next section
    doc.wikicode = parse_wikitext("".join(rebuilt) + heading + "\n" + reference_list + rest)
    doc.report(
        "reference-text-rebuilt",
        f"{len(markers)} citation marker(s) and a plain list of {len(entries)} references "
        "rebuilt into <ref> tags",
        COMPONENT,
        Severity.GUESS,
        heading,
    )


def _reference_section(nodes: list) -> tuple[int, int] | None:
    """(index of the heading, index of the next heading) of a References section whose
    content is a numbered list of plain text."""
    for index, node in enumerate(nodes):
        if isinstance(node, Heading) and str(node.title).strip().casefold() in REFERENCE_SECTIONS:
            end = next(
                (k for k in range(index + 1, len(nodes)) if isinstance(nodes[k], Heading)),
                len(nodes),
            )
            body = nodes[index + 1 : end]
            if (
                body
                and all(isinstance(n, Text) for n in body)
                and _ENTRY.search(str(body[0]).strip("\n").split("\n")[0])
            ):
                return index, end
    return None


def _entries(text: str) -> dict[int, tuple[str, int]]:
    """number -> (reference text, backlinks) for a run 1, 2, 3 ... of entries."""
    entries: dict[int, tuple[str, int]] = {}
    for line in text.split("\n"):
        match = _ENTRY.match(line)
        if not match:
            if line.strip():
                return {}  # not only a list: leave the section alone
            continue
        number = int(match.group("number") or len(entries) + 1)
        if number != len(entries) + 1:
            return {}
        entries[number] = read_entry(number, match.group("text"))
    return entries


def _names(entries: dict[int, tuple[str, int]], uses: dict[int, int]) -> dict[int, str]:
    taken: set[str] = set()
    return {
        number: reference_name(text, number, taken)
        for number, (text, backlinks) in entries.items()
        if uses.get(number, 0) != 1 or backlinks > 1
    }
