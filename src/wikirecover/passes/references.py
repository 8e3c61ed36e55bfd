"""References: a `<ref>` left open, a stray `</ref>` whose opening was lost, named references
used but never defined or defined twice with different content, and references with no list
to show them."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from mwparserfromhell.nodes import Heading, Node, Tag, Template, Text
from mwparserfromhell.wikicode import Wikicode

from ..model import Document, Severity
from ..options import Options
from ..parsing import tag_name
from ..registry import register_pass
from .holders import (
    Offsets,
    edit_and_reparse,
    has_text,
    holders,
    node_offsets,
    paragraph_starts,
    rendered_for,
    text_matches,
)
from .scope import undoes_rendering

COMPONENT = "pass:references"
_REF_OPEN = re.compile(r"<ref(?:\s+[^<>]*?)?(?<!/)>", re.IGNORECASE)
_REF_CLOSE = re.compile(r"</ref\s*>", re.IGNORECASE)
# Section titles under which an article's reference list is printed.
REFERENCE_SECTIONS = frozenset(
    {
        "references",
        "notes",
        "footnotes",
        "citations",
        "sources",
        "notes and references",
        "einzelnachweise",
        "verwysings",
        "referansar",
        "kjelder",
        "références",
        "notes et références",
    }
)


@register_pass("references", after=("syntax",))
def repair_references(doc: Document, options: Options) -> None:
    """Open and stray ref tags repaired; undefined and conflicting names reported; a list added
    where refs have none."""
    for holder in doc.walked("holders", holders):
        if holder.context in ("ref", "tag", "link", "heading"):
            continue  # refs do not nest; in formatting the parser may have split a good pair
        if not has_text(holder.code, ("<ref", "</ref", "<REF", "</REF")):
            continue
        text, offsets = rendered_for(doc, holder.code)
        opens, closes = _unpaired(holder.code, text, offsets)
        nodes = node_offsets(holder.code, offsets)
        edits = _stray_closes(nodes, text, closes, doc) + _open_refs(nodes, text, opens, doc)
        if edits:
            edit_and_reparse(holder.code, edits, paragraph_starts(text, edits), offsets)
    found = doc.nodes_by_kind(Tag, Template)
    refs = [tag for tag in found[Tag] if _is_ref(tag)]
    _names(doc, refs)
    if undoes_rendering(doc, options):  # in exact wikitext, Cite lists the refs at the end
        _reference_list(doc, options, refs, found[Tag], found[Template])


def _is_ref(node: object) -> bool:
    return isinstance(node, Tag) and tag_name(node) == "ref"


def _unpaired(code: Wikicode, text: str, offsets: Offsets) -> tuple[set[int], set[int]]:
    """Offsets of the literal `<ref>` openers and `</ref>` closers in the holder's own text that
    pair with nothing in the holder's whole text (the parser leaves a good pair as text when
    the markup between them is odd, or puts its closer inside an italic run)."""
    tokens = sorted(
        [(m.start(), "open") for m in _REF_OPEN.finditer(text)]
        + [(m.start(), "close") for m in _REF_CLOSE.finditer(text)]
    )
    opens: list[int] = []
    lonely: set[int] = set()
    for offset, kind in tokens:
        if kind == "open":
            if opens:  # refs do not nest: an opener while one is open leaves that one open
                lonely.add(opens.pop())
            opens.append(offset)
        elif opens:
            opens.pop()
        else:
            lonely.add(offset)
    lonely.update(opens)
    literal = {offset for offset, _ in text_matches(code, _REF_OPEN, offsets, "<")}
    literal |= {offset for offset, _ in text_matches(code, _REF_CLOSE, offsets, "</")}
    closers = {offset for offset, kind in tokens if kind == "close"}
    found = lonely & literal
    return found - closers, found & closers


def _stray_closes(
    nodes: list[tuple[int, Node]], text: str, closes: set[int], doc: Document
) -> list[tuple[int, int, str]]:
    """A `</ref>` whose `<ref>` was lost: put back before the citation just before it (a
    template node, or a citation whose `{{` was lost too: `...1980scite web |url=...}}</ref>`)."""
    edits = []
    starts = [offset for offset, _ in nodes]
    for closer in sorted(closes):
        k = bisect.bisect_right(starts, closer) - 1
        offset, node = nodes[k]
        prefix = str(node)[: closer - offset]
        line_start = text.rfind("\n", 0, closer) + 1
        if not prefix and k and _is_citation(nodes[k - 1][1]):
            before_offset, before = nodes[k - 1]
            edits.append((before_offset, before_offset, "<ref>"))
            doc.report(
                "ref-opening-restored",
                "stray </ref> after a citation: its lost <ref> put back before the citation",
                COMPONENT,
                Severity.GUESS,
                str(before)[:100] + "</ref>",
            )
        elif (start := _lost_citation_start(text[line_start:closer])) is not None:
            start += line_start
            edits.append((start, start, "<ref>{{"))
            doc.report(
                "ref-opening-restored",
                "stray }}</ref> after a citation's parameters: its lost <ref>{{ put back before "
                "the citation's name",
                COMPONENT,
                Severity.GUESS,
                text[start:closer][:100] + "</ref>",
            )
        else:
            doc.report(
                "ref-stray-close",
                "stray </ref> whose opening is lost: left as it is",
                COMPONENT,
                Severity.WARNING,
                (prefix[-60:] + "</ref>"),
            )
    return edits


_CITATION_NAME = re.compile(r"\s*(?:cite\b|citation\b|cite[ _]|harv|sfn|webarchive)", re.I)


def _is_citation(node: object) -> bool:
    return isinstance(node, Template) and bool(_CITATION_NAME.match(str(node.name)))


_CITATION_START = re.compile(r"(?:cite[ _][a-z]+|citation)\s*\|", re.IGNORECASE)


def _lost_citation_start(text: str) -> int | None:
    """Where a citation template whose `{{` was lost starts in ``text`` (which ends with its
    `}}`), if its name can be seen."""
    if not text.endswith("}}"):
        return None
    for match in reversed(list(_CITATION_START.finditer(text))):
        body = text[match.start() :]
        if body.count("}}") == 1 and "{{" not in body:
            return match.start()
    return None


def _open_refs(
    nodes: list[tuple[int, Node]], text: str, opens: set[int], doc: Document
) -> list[tuple[int, int, str]]:
    """`<ref>` never closed: closed after the citation template that follows it, else before
    the next `<ref` or the end of the line."""
    edits = []
    for k, (offset, node) in enumerate(nodes):
        if not isinstance(node, Text):
            continue
        value = str(node)
        for match in _REF_OPEN.finditer(value):
            if offset + match.start() not in opens:
                continue
            start = offset + match.end()
            rest_of_node = value[match.end() :]
            following = nodes[k + 1] if k + 1 < len(nodes) else None
            if not rest_of_node and following is not None and isinstance(following[1], Template):
                end = following[0] + len(str(following[1]))
                how = "after the citation that follows it"
            else:
                candidates = [text.find("\n", start), text.find("<ref", start)]
                found = [c for c in candidates if c >= 0]
                end = min(found) if found else len(text)
                how = "before the next reference or the end of its line"
            edits.append((end, end, "</ref>"))
            doc.report(
                "ref-closed",
                f"<ref> left open closed {how}",
                COMPONENT,
                Severity.GUESS,
                text[offset + match.start() : end][:120],
            )
    return edits


def _names(doc: Document, refs: list[Tag]) -> None:
    defined: dict[str, list[Wikicode]] = defaultdict(list)
    used: dict[str, int] = defaultdict(int)
    for tag in refs:
        if not tag.has("name"):
            continue
        name = str(tag.get("name").value).strip().strip("\"'")
        group = str(tag.get("group").value).strip() if tag.has("group") else ""
        key = f"{group}\0{name}"
        if tag.contents is not None and not _blank(tag.contents):
            defined[key].append(tag.contents)
        else:
            used[key] += 1
    for key, holders_of_key in defined.items():
        if len(holders_of_key) < 2:
            continue  # one definition cannot conflict (its text is not needed)
        distinct = list(dict.fromkeys(str(contents).strip() for contents in holders_of_key))
        if len(distinct) > 1:
            doc.report(
                "ref-name-conflict",
                f"reference name {key.split(chr(0))[1]!r} is defined {len(distinct)} times with "
                "different content (MediaWiki shows a cite error): left for a person to choose",
                COMPONENT,
                Severity.WARNING,
                " | ".join(d[:60] for d in distinct),
            )
    for key, count in used.items():
        if key not in defined:
            doc.report(
                "ref-undefined",
                f"reference name {key.split(chr(0))[1]!r} is used {count} time(s) but never "
                "defined (give --upstream to restore it)",
                COMPONENT,
                Severity.WARNING,
                key.split("\0")[1],
            )


def _blank(code: Wikicode) -> bool:
    """Whether ``code`` renders as whitespace only (every node but text has markup)."""
    return all(isinstance(node, Text) and not node.value.strip() for node in code.nodes)


def _empty_reference_section(code: Wikicode) -> Heading | None:
    """A References/Notes section with nothing in it: where the lost list was."""
    nodes = code.nodes
    for index, node in enumerate(nodes):
        if not isinstance(node, Heading):
            continue
        if str(node.title).strip().casefold() not in REFERENCE_SECTIONS:
            continue
        following = nodes[index + 1 :]
        body = []
        for item in following:
            if isinstance(item, Heading):
                break
            body.append(str(item))
        if not "".join(body).strip():
            return node
    return None


def _reference_list(
    doc: Document, options: Options, refs: list[Tag], tags: list[Tag], templates: list[Template]
) -> None:
    code = doc.wikicode
    if not refs:
        return
    has_list = any(tag_name(t) == "references" for t in tags) or any(
        str(t.name).strip().casefold() in options.rules.reflist_templates for t in templates
    )
    if has_list:
        return
    section = _empty_reference_section(code)
    if section is None:
        return  # MediaWiki prints the list at the end of the page by itself
    code.insert_after(section, "\n<references />")
    where = f"under the empty heading {str(section.title).strip()!r}"
    doc.report(
        "reference-list-added",
        f"{len(refs)} reference(s) and an empty reference section: <references /> added {where}",
        COMPONENT,
        Severity.GUESS,
    )
