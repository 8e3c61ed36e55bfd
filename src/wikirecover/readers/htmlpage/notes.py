"""The reference lists of a rendered page (`ol.references`), read into notes keyed by the
anchor their citations point at."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

_NOTE_ID = re.compile(r"^cite_note-(?:(?P<name>.+)-)?(?P<number>\d+)$")


@dataclass
class Note:
    anchor: str  # the li's id, "cite_note-Smith-3"
    name: str  # the ref's name ("" for an anonymous ref)
    body: LexborNode | None  # span.reference-text
    backlinks: int
    reference_list: LexborNode  # the ol it belongs to
    uses: int = 0
    defined: bool = False
    group: str = ""
    backlink_text: str = ""  # "^ a b": the list's links back to the citations
    error_text: str = ""  # a Cite error shown in place of the note's text


def read_notes(content: LexborNode) -> dict[str, Note]:
    notes: dict[str, Note] = {}
    for reference_list in content.css("ol.references"):
        for item in reference_list.css("li"):
            anchor = item.attributes.get("id") or ""
            match = _NOTE_ID.match(anchor)
            if not match:
                continue
            backlink = item.css_first(".mw-cite-backlink")
            links = backlink.css("a") if backlink is not None else []
            notes[anchor] = Note(
                anchor=anchor,
                name=(match.group("name") or "").replace("_", " "),
                body=item.css_first(".reference-text"),
                backlinks=max(1, len(links)),
                reference_list=reference_list,
                backlink_text=backlink.text(separator=" ") if backlink is not None else "",
                error_text=_text(item.css_first(".mw-ext-cite-error")),
            )
    return notes


def _text(node: LexborNode | None) -> str:
    return " ".join(node.text(separator=" ").split()) if node is not None else ""
