"""Brackets and blocks left open or closed twice: `{{` without `}}`, a stray `}}`, `[[` without
`]]`, a stray `]]`, `<!--` without `-->`, `{|` without `|}`.

Each is found as literal text in the tree (what parsed is balanced) and closed where the damage
most likely is; every edit is reported.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable

from mwparserfromhell.nodes import Tag, Template, Text, Wikilink
from mwparserfromhell.wikicode import Wikicode

from ..model import Document, Severity
from ..options import Options
from ..parsing import parse_wikitext
from ..registry import register_pass
from ..tags import VERBATIM_TAGS
from .holders import (
    Holder,
    Offsets,
    edit_and_reparse,
    has_text,
    holders,
    paragraph_starts,
    rendered_for,
    text_matches,
)

COMPONENT = "pass:syntax"
# Tags whose contents are not wikitext: left open, MediaWiki shows the opener as text.
_VERBATIM_TAGS = tuple(sorted(VERBATIM_TAGS, key=lambda n: (n not in ("nowiki", "pre"), n)))
_OPEN_VERBATIM = re.compile(r"<(" + "|".join(_VERBATIM_TAGS) + r")(?:\s[^<>]*)?>", re.I)
_TOKENS = ("{{", "}}", "[[", "]]", "<!--", "{|", "\n|", "\n!", *(f"<{t}" for t in _VERBATIM_TAGS))
_OPEN_TEMPLATE = re.compile(r"(?<!\{)\{\{(?!\{)(?=\s*[^\s{}|<>\[\]])")
_OPEN_LINK = re.compile(r"(?<!\[)\[\[(?=[^\[\]\n|{}<>]+)")  # `[[[x` is text to the parser
_OPEN_COMMENT = re.compile(r"<!--")
_OPEN_TABLE = re.compile(r"(?m)^[ \t]*\{\|")
# Where a link left open most likely ended when no other link on the page names the same page.
_LINK_END = re.compile(r"[.,;:!?()\n]|<ref|\{\{|\[\[| (?:and|or|in|of|the|a|is|was) ")
# A link target is at most this long (MediaWiki's limit is 255 bytes).
MAX_TITLE = 255


@register_pass("syntax", after=("characters",))
def repair_syntax(doc: Document, options: Options) -> None:
    """Unclosed or doubled `{{ }}`, `[[ ]]`, comments and tables closed or removed."""
    # the pages the page links to, read when a link left open is first found (rarely)
    targets = functools.cache(
        lambda: {str(link.title).strip() for link in doc.nodes_by_kind(Wikilink)[Wikilink]}
    )
    for holder in doc.walked("holders", holders):
        if holder.context in ("tag", "link", "heading"):
            # inside formatting, a link label or a title the parser may have split a construct
            # that the enclosing text closes: repairs happen in the enclosing holder
            continue
        if not has_text(holder.code, _TOKENS):
            continue
        text, offsets = rendered_for(doc, holder.code)
        edits: list[tuple[int, int, str]] = []
        edits += _stray_closers(holder.code, offsets, doc)
        edits += _open_templates(holder, text, offsets, doc)
        edits += _open_links(holder.code, text, offsets, targets, doc)
        edits += _open_comments(holder.code, text, offsets, doc)
        _report_open_verbatim(holder.code, text, offsets, doc)
        if holder.context == "page":
            edits += _open_tables(holder.code, text, offsets, doc)
            edits += _rows_after_tables(holder.code, offsets, doc)
        if edits:
            edits = _without_overlaps(edits)
            edit_and_reparse(holder.code, edits, paragraph_starts(text, edits), offsets)


def _without_overlaps(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for edit in sorted(edits):
        if kept and edit[0] < kept[-1][1]:
            continue
        kept.append(edit)
    return kept


def _line_of(text: str, offset: int, reach: int = 200) -> str:
    """The line around ``offset``, at most ``reach`` characters each way (a page may be one
    giant line, and every repair on it quotes it)."""
    start = text.rfind("\n", max(0, offset - reach), offset)
    start = start + 1 if start >= 0 else max(0, offset - reach)
    end = text.find("\n", offset, offset + reach)
    return text[start : end if end >= 0 else min(len(text), offset + reach)]


def _stray_closers(code: Wikicode, offsets: Offsets, doc: Document) -> list[tuple[int, int, str]]:
    """`}}` right after a template or `]]` right after a link: a closer typed twice."""
    edits = []
    for index, (before, node) in enumerate(itertools.pairwise(code.nodes), 1):
        if not isinstance(node, Text):
            continue
        value = node.value
        for closer, owner, what in (("}}", Template, "template"), ("]]", Wikilink, "link")):
            if isinstance(before, owner) and value.startswith(closer):
                if value.startswith(closer + closer[0]):
                    continue  # a run of closers (`]]]]`, `}}}`) is not one typed twice
                edits.append((offsets[index], offsets[index] + 2, ""))
                doc.report(
                    f"stray-{what}-close-removed",
                    f"removed a second {closer} after the {what} {str(before)[:60]!r}",
                    COMPONENT,
                    Severity.INFO,
                    str(before) + value[:20],
                )
    return edits


def _open_templates(
    holder: Holder, text: str, offsets: Offsets, doc: Document
) -> list[tuple[int, int, str]]:
    """`{{` that never closed: closed at the end of its ref or parameter, else of its line."""
    edits = []
    openers = [offset for offset, _ in text_matches(holder.code, _OPEN_TEMPLATE, offsets, "{{")]
    if openers:
        balanced = balanced_openers(text, "{{", "}}")
        # (balanced in the text: the parser stumbled on something inside)
        openers = _alone_on_their_line(
            [offset for offset in openers if offset not in balanced], text, doc
        )
    for offset in openers:
        first_line_end = -1
        if holder.context in ("ref", "param"):
            end = len(text.rstrip())
        else:
            newline = text.find("\n", offset)
            end = newline if newline >= 0 else len(text)
            first_line_end = end
            while end < len(text) and text.startswith("|", end + 1):
                # parameter lines (`| name = value`) below the opener belong to the template
                following = text.find("\n", end + 1)
                end = following if following >= 0 else len(text)
            stray = text.find("</ref>", offset, end)
            end = stray if stray >= 0 else end
            while end > offset and text[end - 1] in " \t":
                end -= 1
        if text.count("{{", offset, end) != 1 or end <= offset + 2:
            continue  # nested openers: left for a person to untangle
        if holder.context == "page" and _parameters_go_on(text, end):
            doc.report(
                "template-open",
                "template left open whose parameters go on after a blank line: its end is "
                "unclear, left as it is",
                COMPONENT,
                Severity.WARNING,
                text[offset : text.find("\n", offset)],
            )
            continue
        multiline = holder.context == "page" and end > first_line_end
        if not _closes_as(text[offset:end] + ("\n}}" if multiline else "}}"), Template):
            continue  # closing it would not make a template (a name broken over lines...)
        edits.append((end, end, "\n}}" if multiline else "}}"))
        doc.report(
            "template-closed",
            "template left open closed with }} at the end of its "
            + ("reference" if holder.context == "ref" else "line or parameter lines"),
            COMPONENT,
            Severity.GUESS,
            text[offset:end],
        )
    return edits


def _closes_as(closed: str, kind: type) -> bool:
    """Whether ``closed`` (an opener and what follows, with the added closer) parses as one
    ``kind`` node: otherwise the close would change the page without repairing it."""
    nodes = parse_wikitext(closed).nodes
    return len(nodes) == 1 and isinstance(nodes[0], kind)


def _parameters_go_on(text: str, end: int) -> bool:
    """Whether parameter lines (`|name = value`) follow after blank and comment lines."""
    for line in text[end:].split("\n")[1:]:
        stripped = line.strip()
        if not stripped or (stripped.startswith("<!--") and stripped.endswith("-->")):
            continue
        return stripped.startswith("|")
    return False


def _alone_on_their_line(openers: list[int], text: str, doc: Document) -> list[int]:
    """The open templates (offsets, in order) that are the only one left open on their line;
    several on one line are reported once: which one a closer was lost from is unclear."""
    lines: list[list[int]] = []
    for offset in openers:
        if lines and text.find("\n", lines[-1][-1], offset) < 0:
            lines[-1].append(offset)  # no line break since the one before: the same line
        else:
            lines.append([offset])
    for line in lines:
        if len(line) > 1:
            doc.report(
                "template-open",
                f"{len(line)} templates left open on one line: which of them lost its "
                "closer is unclear, left as they are",
                COMPONENT,
                Severity.WARNING,
                _line_of(text, line[0]),
            )
    return [line[0] for line in lines if len(line) == 1]


def balanced_openers(text: str, opener: str, closer: str) -> set[int]:
    """Where the openers of ``text`` are that a closer later in their paragraph balances (a
    closer in another paragraph belongs to something else); one pass over the text."""
    balanced: set[int] = set()
    token = re.compile(re.escape(opener) + "|" + re.escape(closer) + "|\n\n")
    open_at: list[int] = []
    for found in token.finditer(text):
        if found.group() == opener:
            open_at.append(found.start())
        elif found.group() == closer:
            if open_at:
                balanced.add(open_at.pop())
        else:
            open_at.clear()
    return balanced


def _open_links(
    code: Wikicode,
    text: str,
    offsets: Offsets,
    targets: Callable[[], set[str]],
    doc: Document,
) -> list[tuple[int, int, str]]:
    """`[[` that never closed: after the name of a page the page links to elsewhere (the
    longest that fits), else before the first punctuation or function word."""
    edits = []
    for offset, match in text_matches(code, _OPEN_LINK, offsets, "[["):
        if closed_link(text, offset):
            continue  # MediaWiki reads a link there: the parser stumbled on something around
        start = offset + len(match.group(0))
        rest = text[start : start + MAX_TITLE]
        known = [t for t in targets() if t and rest.startswith(t)]
        if known:
            end = start + len(max(known, key=len))
            how = "after the name of a page linked elsewhere on the page"
        else:
            stop = _LINK_END.search(rest)
            end = start + (stop.start() if stop else len(rest.rstrip()))
            how = "before the next punctuation"
        while end > start and text[end - 1] == " ":
            end -= 1
        if end <= start or "]]" in text[start:end] or text[end : end + 1] == ":":
            continue  # nothing to link, or a namespace prefix (`[[File:`): not a plain link
        if not _closes_as(text[offset:end] + "]]", Wikilink):
            continue  # the closed text would still not be a link (a bracket inside the title)
        edits.append((end, end, "]]"))
        doc.report(
            "link-closed",
            f"link left open closed with ]] {how}",
            COMPONENT,
            Severity.GUESS,
            _line_of(text, offset),
        )
    return edits


# What MediaWiki reads as a link after `[[`: a title of legal characters, then `]]` or a label
# and `]]`, before the next `[[` (Parser::handleInternalLinks2: the text is split at each `[[`).
_LINK_AFTER_OPENER = re.compile(r"[^\[\]{}|<>\n]+(?:\|.*?)?\]\]", re.DOTALL)


def closed_link(text: str, offset: int) -> bool:
    """Whether the `[[` at ``offset`` opens a link MediaWiki renders (a label may hold
    anything but another `[[`, which starts the next piece; file links nest, so one with
    `[[` in its caption is left to the parser)."""
    start = offset + 2
    following = text.find("[[", start)
    piece = text[start : following if following >= 0 else len(text)]
    return _LINK_AFTER_OPENER.match(piece) is not None


def _open_comments(
    code: Wikicode, text: str, offsets: Offsets, doc: Document
) -> list[tuple[int, int, str]]:
    """`<!--` that never closed would hide the rest of the page: closed at the end of its
    line. Once one is closed, the text it hid is read again: an opener there that a `-->`
    closes is a comment, one that none closes is closed the same way."""
    edits = []
    resume = 0
    for offset, _ in text_matches(code, _OPEN_COMMENT, offsets, "<!--"):
        if offset < resume:
            continue
        closing = text.find("-->", offset + len("<!--"))
        if edits and closing >= 0:
            resume = closing + len("-->")
            continue
        end = _comment_end(text, offset + len("<!--"))
        edits.append((end, end, "-->"))
        resume = end
        doc.report(
            "comment-closed",
            "comment left open (it would hide the rest of the page) closed before the first "
            "bracket it did not open, citation or line end",
            COMPONENT,
            Severity.GUESS,
            text[offset:end],
        )
    return edits


def _report_open_verbatim(code: Wikicode, text: str, offsets: Offsets, doc: Document) -> None:
    """`<nowiki>`, `<pre>`, `<math>`... that never closed: MediaWiki shows the opener as text and
    reads on, so nothing is hidden; reported (where the closer belongs is for a person)."""
    lowered = None
    for offset, match in text_matches(code, _OPEN_VERBATIM, offsets, "<"):
        lowered = lowered if lowered is not None else text.lower()
        if lowered.find(f"</{match.group(1).lower()}", offset) >= 0:
            continue  # closed later: the parser stumbled on something else
        doc.report(
            "tag-open",
            f"<{match.group(1)}> is never closed: it shows as text and the rest of the page is "
            "read as usual; left for a person to close",
            COMPONENT,
            Severity.WARNING,
            _line_of(text, offset),
        )


_ROWS_AFTER = re.compile(r"\A\n((?:[ \t]*(?:\|[-+ ]|\|(?!\})|!)[^\n]*(?:\n|\Z))+)")


def _rows_after_tables(
    code: Wikicode, offsets: Offsets, doc: Document
) -> list[tuple[int, int, str]]:
    """Rows left outside a table that was closed too early (`|}` before its last rows): the
    closing is moved after them."""
    edits = []
    for index, (node, after) in enumerate(itertools.pairwise(code.nodes)):
        if not (isinstance(node, Tag) and isinstance(after, Text) and str(node.tag) == "table"):
            continue
        rows = _ROWS_AFTER.match(after.value)
        markup = str(node)
        if rows is None or not markup.endswith("|}"):
            continue
        table_end = offsets[index] + len(markup)
        rows_end = table_end + 1 + len(rows.group(1).rstrip("\n"))
        closing = 3 if markup.endswith("\n|}") else 2
        edits.append((table_end - closing, table_end, ""))
        edits.append((rows_end, rows_end, "\n|}"))
        doc.report(
            "table-rows-inside",
            "rows after the table's |} moved inside it (the table was closed too early)",
            COMPONENT,
            Severity.GUESS,
            rows.group(1)[:80],
        )
    return edits


def _comment_end(text: str, start: int) -> int:
    """Where a comment left open most likely ended: before a `)`, `]` or `}}` it did not open
    (a note inside parentheses or a link label), before a citation, or at the end of the line."""
    depth: list[str] = []
    position = start
    pairs = {")": "(", "]": "[", "}}": "{{"}
    while position < len(text):
        if text[position] == "\n" or text.startswith("<ref", position):
            return position
        token = text[position : position + 2] if text[position] in "{}" else text[position]
        if token in ("(", "[", "{{"):
            depth.append(token)
        elif token in pairs:
            if not depth or depth[-1] != pairs[token]:
                return position
            depth.pop()
        position += len(token) if token in ("{{", "}}") else 1
    return len(text)


def _open_tables(
    code: Wikicode, text: str, offsets: Offsets, doc: Document
) -> list[tuple[int, int, str]]:
    """`{|` without `|}`: closed after its last row line when that is clear: the table runs
    until a heading, a category link, a paragraph after a blank line or the end, and the
    closing goes after its last `|`/`!` line when only blank lines follow that one. Otherwise
    (a line of text after the last row: the end of a cell or the start of the page's text?) it
    is reported and left open."""
    edits = []
    left_open = False  # a table before this one was left open: this one may be inside it
    balanced = None
    for offset, _ in text_matches(code, _OPEN_TABLE, offsets, "{|"):
        line_start = text.rfind("\n", 0, offset) + 1
        if text[line_start:offset].strip(" \t"):
            continue  # not at the start of a line (`:{|` is an indented table)
        balanced = balanced if balanced is not None else balanced_openers(text, "{|", "|}")
        if text.index("{|", offset) in balanced:
            continue
        last_row = None if left_open else _table_last_row_end(text, offset)
        if last_row is not None and _OPEN_TABLE.search(text, offset + 2, last_row):
            last_row = None  # a table opened inside it, left open too: which closes where?
        if last_row is None:
            left_open = True
            doc.report(
                "table-open",
                "table left open whose end is unclear (text follows its last row): left open",
                COMPONENT,
                Severity.WARNING,
                _line_of(text, offset),
            )
            continue
        edits.append((last_row, last_row, "\n|}"))
        doc.report(
            "table-closed",
            "table left open closed with |} after its last row",
            COMPONENT,
            Severity.GUESS,
            _line_of(text, offset),
        )
    return edits


# A line of a table written with HTML rows and cells (`<tr><td>a<td>b`), which MediaWiki
# accepts inside `{|`.
_HTML_ROW = re.compile(r"</?(?:tr|td|th|caption)\b", re.IGNORECASE)


def _table_last_row_end(text: str, offset: int) -> int | None:
    position = text.find("\n", offset)
    last_row = len(text) if position < 0 else position
    after_blank = False
    while 0 <= position < len(text):
        following = text.find("\n", position + 1)
        end = following if following >= 0 else len(text)
        line = text[position + 1 : end].strip()
        if line.startswith(("=", "[[Category:", "[[category:")) or (
            after_blank
            and line
            and not line.startswith(("|", "!", "<!--"))
            and not _HTML_ROW.match(line)
        ):
            break
        if line.startswith(("|", "!")) or _HTML_ROW.match(line):
            last_row = end
        elif line and not line.startswith("<!--") and not after_blank:
            return None  # a line of text right after a row: a cell's end or the page's text
        after_blank = not line
        position = following
    return last_row
