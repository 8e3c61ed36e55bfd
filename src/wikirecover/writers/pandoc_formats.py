"""Every other format through pandoc's mediawiki reader, with nothing dropped silently.

pandoc drops every template (`{{convert|5|km}}` -> nothing): templates are resolved first
(`templates.resolve`: definitions, the built-in library, a visible placeholder for the rest,
all reported), so pandoc only sees what it can render.
"""

from __future__ import annotations

import html
import re
from functools import partial

from mwparserfromhell.nodes import Tag, Template
from mwparserfromhell.wikicode import Wikicode
from selectolax.lexbor import LexborHTMLParser

from .. import languages
from ..errors import PandocError
from ..model import Document, Severity
from ..options import Options
from ..pandoc import run_pandoc
from ..parsing import is_blank, parse_wikitext, tag_name
from ..registry import add_writer
from ..render.redirects import redirect_in
from ..templates import resolve

# (writer name, pandoc target, file extension, one-line help)
FORMATS = (
    ("pandoc-gfm", "gfm", "md", "GitHub-flavoured Markdown (via pandoc)"),
    ("pandoc-markdown", "markdown", "md", "pandoc's own Markdown (via pandoc)"),
    ("pandoc-html", "html", "html", "HTML fragment (via pandoc)"),
    ("rst", "rst", "rst", "reStructuredText (via pandoc)"),
    ("asciidoc", "asciidoc", "adoc", "AsciiDoc (via pandoc)"),
    ("latex", "latex", "tex", "LaTeX (via pandoc)"),
    ("org", "org", "org", "Emacs Org mode (via pandoc)"),
    ("pandoc-dokuwiki", "dokuwiki", "txt", "DokuWiki markup (via pandoc; drops most tables)"),
    ("textile", "textile", "textile", "Textile (via pandoc)"),
    ("jira", "jira", "txt", "Jira/Confluence wiki markup (via pandoc)"),
    ("plain", "plain", "txt", "plain text (via pandoc)"),
    ("docx", "docx", "docx", "Word document (via pandoc; binary: give -o FILE)"),
    ("odt", "odt", "odt", "OpenDocument text (via pandoc; binary: give -o FILE)"),
    ("epub", "epub", "epub", "EPUB e-book (via pandoc; binary: give -o FILE)"),
)
BINARY = frozenset({"docx", "odt", "epub"})


def _drop_reference_lists(code: Wikicode, options: Options, doc: Document, component: str) -> None:
    """`<references />` and `{{Reflist}}` print the list that the writer's footnotes already
    are: removed (with a note) instead of shown raw."""
    dropped = 0
    for node in list(code.nodes):
        is_list_tag = (
            isinstance(node, Tag)
            and tag_name(node) == "references"
            and (node.contents is None or is_blank(node.contents))
        )
        is_list_template = (
            isinstance(node, Template)
            and str(node.name).strip().casefold() in options.rules.reflist_templates
            and not node.params
        )
        if is_list_tag or is_list_template:
            code.remove(node)
            dropped += 1
    if dropped:
        doc.report(
            "reference-list-as-footnotes",
            "the reference list is written as the format's footnotes",
            component,
        )


def resolved_wikitext(doc: Document, options: Options, component: str) -> str:
    """The page's wikitext with its templates resolved (see `templates`) and its reference
    list left to the format's footnotes."""
    code = resolve(doc, options)
    _drop_reference_lists(code, options, doc, component)
    return str(code)


# pandoc rejects a whole page over one construct it cannot read (a `/` in a ref name, a stray
# `</ref>`): the line it names is given to it as plain text instead, at most this many times.
MAX_DEGRADED_LINES = 20
_WHERE = re.compile(r"line (\d+), column \d+")


# pandoc writers that drop a table's caption: it is written as a bold line before the table
NO_TABLE_CAPTIONS = frozenset({"jira"})
_CAPTION_LINE = re.compile(r"^[ \t]*\|\+(.*)$")


def captions_before_tables(wikitext: str) -> tuple[str, int]:
    """Each table caption (`|+ caption` or `|+ attributes | caption`) moved before its table
    as a bold line; (the wikitext, how many were moved)."""
    lines: list[str | None] = list(wikitext.split("\n"))
    openers: list[int] = []  # where each open table starts
    moved: list[tuple[int, str]] = []
    for number, line in enumerate(wikitext.split("\n")):
        stripped = line.lstrip(" \t:")
        if stripped.startswith("{|"):
            openers.append(number)
        elif stripped.startswith("|}") and openers:
            openers.pop()
        elif openers and (caption := _CAPTION_LINE.match(line)):
            text = caption.group(1)
            attributes, bar, after = text.partition("|")
            if bar and "[[" not in attributes and "{{" not in attributes:
                text = after
            moved.append((openers[-1], text.strip()))
            lines[number] = None
    for opener, text in reversed(moved):
        lines.insert(opener, "'''" + text + "'''\n")
    return "\n".join(line for line in lines if line is not None), len(moved)


def redirect_shown(wikitext: str, language: str) -> str:
    """A redirect page as MediaWiki shows it ("Redirect to:" and a link to the target, in the
    wiki's language), which pandoc's mediawiki reader would drop as a stray `#` line."""
    found = redirect_in(wikitext, language)
    if found is None:
        return wikitext
    target, rest = found
    label = languages.message(language, "redirectto") or "Redirect to:"
    return f"{label}\n* [[{target}]]\n\n{rest}"


def write_with_pandoc(target: str, name: str, doc: Document, options: Options) -> str | bytes:
    wikitext = resolved_wikitext(doc, options, f"writer:{name}")
    if wikitext.lstrip().startswith("#"):
        wikitext = redirect_shown(wikitext, doc.namespaces.language)
    if target in NO_TABLE_CAPTIONS and "|+" in wikitext:
        wikitext, moved = captions_before_tables(wikitext)
        if moved:
            doc.report(
                "table-captions-moved",
                f"{moved} table caption(s) written as a bold line before their table "
                f"({name} tables have no caption)",
                f"writer:{name}",
            )
    degraded: set[int] = set()
    for _ in range(MAX_DEGRADED_LINES + 1):
        try:
            return _pandoc(wikitext, "mediawiki", target, options)
        except PandocError as exc:
            where = _WHERE.search(str(exc))
            lines = wikitext.split("\n")
            if where is None or not 0 < int(where.group(1)) <= len(lines):
                return _from_own_html(target, name, doc, options, exc)
            number = int(where.group(1))
            if number in degraded:  # plain text did not help: no point trying the next lines
                return _from_own_html(target, name, doc, options, exc)
            degraded.add(number)
            line = lines[number - 1]
            plain = parse_wikitext(line).strip_code(normalize=True, collapse=False)
            lines[number - 1] = "<nowiki>" + plain.replace("<", "&lt;") + "</nowiki>"
            wikitext = "\n".join(lines)
            doc.report(
                "degraded-for-pandoc",
                f"pandoc could not read line {number}; written as plain text ({exc})",
                f"writer:{name}",
                Severity.WARNING,
                line,
            )
    return _from_own_html(
        target,
        name,
        doc,
        options,
        PandocError(f"pandoc still fails after {MAX_DEGRADED_LINES} lines made plain text"),
    )


def _pandoc(text: str, source: str, target: str, options: Options) -> str | bytes:
    """pandoc under the options' time and heap budget."""
    return run_pandoc(
        text,
        source,
        target,
        timeout=options.pandoc_timeout,
        memory=options.pandoc_memory,
        binary=target in BINARY,
    )


def _captions_shown(page: str, table_captions: bool = False) -> str:
    """The HTML export with each image's caption (kept there as its ``alt``, as MediaWiki's
    does) also written as text after it: pandoc's writers drop ``alt`` in many formats; with
    ``table_captions``, each table's caption as a bold paragraph before it."""
    tree = LexborHTMLParser(f"<body>{page}</body>")
    if tree.body is None:
        return page
    for caption in tree.body.css("table > caption") if table_captions else []:
        table = caption.parent
        if table is not None:
            shown = f"<p><strong>{caption.inner_html or ''}</strong></p>"
            table.insert_before(LexborHTMLParser(shown).body.child)
            caption.decompose()
    for image in tree.body.css("a.image > img[alt]"):
        caption = image.attributes.get("alt") or ""
        link = image.parent
        if caption and link is not None and not caption.startswith(("File:", "Image:")):
            link.insert_after(LexborHTMLParser(f"<em>{html.escape(caption)}</em>").body.child)
    return tree.body.inner_html or ""


def _from_own_html(
    target: str, name: str, doc: Document, options: Options, failure: PandocError
) -> str | bytes:
    """The page rendered by wikirecover's own HTML writer, converted by pandoc from HTML (which
    it never rejects): for wikitext its mediawiki reader cannot read (an unclosed table...)."""
    from .html import write_html

    page = _captions_shown(write_html(doc, options), target in NO_TABLE_CAPTIONS)
    output = _pandoc(page, "html", target, options)
    doc.report(
        "pandoc-from-html",
        f"pandoc could not read the wikitext ({failure}); converted from the HTML export instead",
        f"writer:{name}",
        Severity.WARNING,
    )
    return output


for _name, _target, _ext, _help in FORMATS:
    add_writer(_name, _help, partial(write_with_pandoc, _target, _name), _ext)
