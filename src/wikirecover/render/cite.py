"""References as the Cite extension renders them: numbered markers and the list they point to.

`<ref>` becomes ``<sup id="cite_ref-N" class="reference"><a href="#cite_note-N">[N]</a></sup>``;
a named reference keeps its number each time it is cited (``cite_ref-NAME_N-K``), and the list
(`<references />`, or at the end of the page when the page has none) links back to every use.
Groups (``group="note"``) number and list apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Note:
    number: int
    key: str  # the anchor part: "N" for an anonymous note, "NAME-N" for a named one
    name: str | None
    html: str | None = None  # content, once defined
    uses: int = 0
    conflict: bool = False  # defined again with other content (reported once)


@dataclass
class Group:
    notes: list[Note] = field(default_factory=list)
    by_name: dict[str, Note] = field(default_factory=dict)


class Citations:
    """The notes of one page, in citation order, per group."""

    def __init__(self) -> None:
        self.groups: dict[str, Group] = {}
        self.counter = 0  # MediaWiki numbers cite_ref ids across groups

    def cite(self, name: str | None, group: str, content: str | None) -> str:
        """The marker HTML for one citation (defining the note when it has content)."""
        notes = self.groups.setdefault(group, Group())
        note = notes.by_name.get(name) if name else None
        if note is None:
            self.counter += 1
            number = len(notes.notes) + 1
            key = f"{_anchor(name)}-{self.counter}" if name else str(self.counter)
            note = Note(number, key, name)
            notes.notes.append(note)
            if name:
                notes.by_name[name] = note
        if content is not None and note.html is None:
            note.html = content
        elif content is not None and content != note.html and not note.conflict:
            note.conflict = True
            note.html += " " + error(f'name "{name}" defined multiple times with different content')
        use = note.uses
        note.uses += 1
        ref_id = f"cite_ref-{_ref_key(note, use)}"
        label = f"{group} {note.number}" if group else str(note.number)
        return (
            f'<sup id="{ref_id}" class="reference"><a href="#cite_note-{note.key}">'
            f"&#91;{label}&#93;</a></sup>"
        )

    def define(self, name: str, group: str, content: str) -> None:
        """A definition inside `<references>` (list-defined): content for a name cited before."""
        notes = self.groups.setdefault(group, Group())
        note = notes.by_name.get(name)
        if note is None:
            self.counter += 1
            note = Note(len(notes.notes) + 1, f"{_anchor(name)}-{self.counter}", name)
            notes.notes.append(note)
            notes.by_name[name] = note
        if note.html is None:
            note.html = content

    def list_html(self, group: str) -> str:
        """The reference list of ``group`` (empty when it has no notes); its notes are done."""
        notes = self.groups.pop(group, None)
        if notes is None or not notes.notes:
            return ""
        items = []
        for note in notes.notes:
            if note.uses <= 1:
                back = (
                    f'<span class="mw-cite-backlink"><a href="#cite_ref-{_ref_key(note, 0)}">'
                    "↑</a></span>"
                )
            else:
                links = " ".join(
                    f'<sup><a href="#cite_ref-{_ref_key(note, k)}">{note.number}.{k}</a></sup>'
                    for k in range(note.uses)
                )
                back = f'<span class="mw-cite-backlink">↑ {links}</span>'
            if note.html is not None:
                text = f'<span class="reference-text">{note.html}</span>\n'
            else:
                text = error(f"no text was provided for refs named <code>{note.name}</code>")
            items.append(f'<li id="cite_note-{note.key}">{back} {text}</li>')
        return (
            '<div class="mw-references-wrap"><ol class="references">\n'
            + "\n".join(items)
            + "\n</ol></div>"
        )

    def remaining_groups(self) -> list[str]:
        return list(self.groups)


def _ref_key(note: Note, use: int) -> str:
    if note.name is None:
        return note.key
    return f"{_anchor(note.name)}_{note.key.rsplit('-', 1)[1]}-{use}"


def follow(self_: Citations, name: str, group: str, content: str) -> bool:
    """Content of ``<ref follow=NAME>`` joins the note NAME (True), if it is already cited."""
    notes = self_.groups.get(group)
    note = notes.by_name.get(name) if notes else None
    if note is None or note.html is None:
        return False
    note.html += " " + content
    return True


def error(message: str, tag: str = "ref") -> str:
    """A Cite error as the extension shows it."""
    return (
        '<span class="error mw-ext-cite-error" lang="en" dir="ltr">Cite error: '
        f"Invalid <code>&lt;{tag}&gt;</code> tag; {message}</span>"
    )


def _anchor(name: str | None) -> str:
    return "_".join((name or "").replace("_", " ").split())
