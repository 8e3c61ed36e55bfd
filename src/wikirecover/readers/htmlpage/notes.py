"""The reference lists of a rendered page (`ol.references`), read into notes keyed by the
anchor their citations point at."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

# The list item's id: `cite_note-Name-3` (1.16 on), `cite_note-Name` / `cite_note-3` (1.11-1.15),
# `_note-Name` / `_note-0` (Cite's first years).
_NOTE_ID = re.compile(r"^(?:cite_note|_note)-(?:(?P<name>.+)-(?P<number>\d+)|(?P<only>.+))$")
# Links back to the citations, before the list had `mw-cite-backlink` (1.5-1.15): `#_ref-0`,
# `#cite_ref-Name_0-1`; the arrow before them is text.
_BACKLINK_HREF = re.compile(r"^#(?:cite_ref|_ref)-")
_ARROW = re.compile(r"^\s*[↑^]\s*")


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
            name = match.group("name") or ""
            if match.group("only") and not match.group("only").isdigit():
                name = match.group("only")
            backlink = item.css_first(".mw-cite-backlink")
            body = item.css_first(".reference-text")
            if backlink is not None:
                links, backlink_text = backlink.css("a"), backlink.text(separator=" ")
            else:
                links, backlink_text = _old_backlinks(item)
                if body is None:
                    body = item  # before `reference-text`, the item less its backlinks
            notes[anchor] = Note(
                anchor=anchor,
                name=name.replace("_", " "),
                body=body,
                backlinks=max(1, len(links)),
                reference_list=reference_list,
                backlink_text=backlink_text,
                error_text=_text(item.css_first(".mw-ext-cite-error")),
            )
    return notes


def _old_backlinks(item: LexborNode) -> tuple[list[LexborNode], str]:
    """The links back to the citations at the start of an item of an old list, removed from
    it with the arrow before them (`↑ <sup><a>1.0</a></sup>`, `<b><a>^</a></b>`)."""
    links = [a for a in item.css("a") if _BACKLINK_HREF.match(a.attributes.get("href") or "")]
    words: list[str] = []
    for link in links:
        holder = link  # the link, or the sup or b around it and nothing else
        while (
            (parent := holder.parent) is not None
            and parent.mem_id != item.mem_id
            and parent.tag in ("sup", "b", "i", "span")
            and _words(parent) == _words(holder)
        ):
            holder = parent
        words.append(holder.text(separator=" ").strip())
        holder.decompose()
    first = item.child
    if links and first is not None and first.tag == "-text":
        text = first.text_content or ""
        arrow = _ARROW.match(text)
        if arrow:
            words.insert(0, arrow.group().strip())
            first.replace_with(text[arrow.end() :])
    return links, " ".join(w for w in words if w)


def _words(node: LexborNode) -> str:
    return " ".join((node.text() or "").split())


def _text(node: LexborNode | None) -> str:
    return " ".join(node.text(separator=" ").split()) if node is not None else ""
