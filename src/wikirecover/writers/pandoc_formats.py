"""Every other format through pandoc's mediawiki reader, with nothing dropped silently.

pandoc drops every template (`{{convert|5|km}}` -> nothing). Until templates are rendered
natively, each template is shown in the output as its own source text (a visible placeholder)
and reported, so the reader of the export sees what was there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import partial

from mwparserfromhell.nodes import ExternalLink, Heading, Node, Tag, Template, Text, Wikilink
from mwparserfromhell.wikicode import Wikicode

from ..model import Document, Severity
from ..options import Options
from ..pandoc import run_pandoc
from ..registry import add_writer
from ..wikitext import parse_wikitext

# (writer name, pandoc target, file extension, one-line help)
FORMATS = (
    ("markdown", "gfm", "md", "GitHub-flavoured Markdown (via pandoc)"),
    ("gfm", "gfm", "md", "GitHub-flavoured Markdown (via pandoc)"),
    ("commonmark", "commonmark", "md", "CommonMark (via pandoc)"),
    ("pandoc-markdown", "markdown", "md", "pandoc's own Markdown (via pandoc)"),
    ("pandoc-html", "html", "html", "HTML fragment (via pandoc)"),
    ("rst", "rst", "rst", "reStructuredText (via pandoc)"),
    ("asciidoc", "asciidoc", "adoc", "AsciiDoc (via pandoc)"),
    ("latex", "latex", "tex", "LaTeX (via pandoc)"),
    ("org", "org", "org", "Emacs Org mode (via pandoc)"),
    ("dokuwiki", "dokuwiki", "txt", "DokuWiki markup (via pandoc)"),
    ("textile", "textile", "textile", "Textile (via pandoc)"),
    ("jira", "jira", "txt", "Jira/Confluence wiki markup (via pandoc)"),
    ("plain", "plain", "txt", "plain text (via pandoc)"),
)


def _drop_reference_lists(code: Wikicode, options: Options, doc: Document, component: str) -> None:
    """`<references />` and `{{Reflist}}` print the list that the writer's footnotes already
    are: removed (with a note) instead of shown raw."""
    dropped = 0
    for node in list(code.nodes):
        is_list_tag = (
            isinstance(node, Tag)
            and str(node.tag).strip().lower() == "references"
            and not str(node.contents or "").strip()
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


def templates_as_placeholders(doc: Document, options: Options, component: str) -> str:
    """The page's wikitext with every outermost template replaced by its visible source."""
    code = parse_wikitext(doc.text)
    _drop_reference_lists(code, options, doc, component)
    names: Counter[str] = Counter()
    for holder, index, template in outermost_templates(code):
        names[str(template.name).strip()] += 1
        holder.nodes[index] = Tag("code", Text(f"<nowiki>{_escape_nowiki(str(template))}</nowiki>"))
    if names:
        listing = ", ".join(f"{name} ×{count}" for name, count in names.most_common())
        doc.report(
            "template-placeholder",
            f"{sum(names.values())} template(s) shown as their source text,"
            f" not rendered: {listing}",
            component,
            Severity.WARNING,
        )
    return str(code)


def outermost_templates(code: Wikicode) -> Iterator[tuple[Wikicode, int, Template]]:
    """(holder, index, template) for each template not inside another one, in page order."""
    stack = [code]
    while stack:
        holder = stack.pop()
        for index, node in enumerate(holder.nodes):
            if isinstance(node, Template):
                yield holder, index, node
            else:
                stack.extend(child for child in _children(node) if isinstance(child, Wikicode))


def _children(node: Node) -> list[Wikicode | None]:
    if isinstance(node, Tag):
        return [node.contents]
    if isinstance(node, Wikilink):
        return [node.text]
    if isinstance(node, ExternalLink):
        return [node.title]
    if isinstance(node, Heading):
        return [node.title]
    return []


def _escape_nowiki(text: str) -> str:
    return text.replace("</nowiki>", "&lt;/nowiki&gt;")


def write_with_pandoc(target: str, name: str, doc: Document, options: Options) -> str:
    wikitext = templates_as_placeholders(doc, options, f"writer:{name}")
    return run_pandoc(
        wikitext, "mediawiki", target, timeout=options.pandoc_timeout, memory=options.pandoc_memory
    )


for _name, _target, _ext, _help in FORMATS:
    add_writer(_name, _help, partial(write_with_pandoc, _target, _name), _ext)
