"""What of a page an output format does not carry, reported with the text it leaves out:
comments (MediaWiki does not show them either), categories where the format has no place for
them, and the ``title`` attributes of tags where the format has no tooltips."""

from __future__ import annotations

from mwparserfromhell.nodes import Comment, ExternalLink, Node, Tag, Wikilink

from ..model import Document, Severity
from ..namespaces import CATEGORY
from ..options import Options

COMPONENT = "writer"
KEEPS_EVERYTHING = frozenset({"wikitext", "mediawiki-xml"})
KEEPS_CATEGORIES = KEEPS_EVERYTHING | {"gfm", "markdown", "commonmark"}  # front matter
KEEPS_TITLES = KEEPS_EVERYTHING | {"html", "pandoc-html", "epub"}
NO_LINKS = frozenset({"plain"})


Found = dict[type[Node], list[Node]]


def unexported_nodes(doc: Document, to: str) -> Found | None:
    """The nodes `report_unexported` looks at, None when ``to`` keeps everything. Taken before
    the writer runs: the writer reports what it does, which would make the walk the repairs
    left unusable (`Document.nodes_by_kind`), and it leaves the tree as it found it."""
    if to in KEEPS_EVERYTHING:
        return None
    return doc.nodes_by_kind(Comment, Wikilink, ExternalLink, Tag)


def report_unexported(doc: Document, to: str, options: Options, found: Found | None) -> None:
    """Report what of the page ``to`` does not carry (``found``: `unexported_nodes`)."""
    if found is None:
        return
    comments = [str(node.contents).strip() for node in found[Comment]]
    if any(comments):
        doc.report(
            "comments-not-exported",
            f"{len(comments)} comment(s) not in the {to} output (MediaWiki does not show them "
            "either)",
            COMPONENT,
            dropped="\n".join(c for c in comments if c),
        )
    namespaces = {n.casefold() for n in options.rules.category_namespaces}
    categories = [
        title
        for link in found[Wikilink]
        if ":" in (title := str(link.title).strip())
        and not title.startswith(":")
        and (
            title.split(":", 1)[0].strip().casefold() in namespaces
            or doc.namespaces.split(title)[0] == CATEGORY
        )
    ]
    if categories and to in KEEPS_CATEGORIES:
        doc.report(
            "categories-as-front-matter",
            f"{len(categories)} categories written as the front matter's list, without their "
            "namespace",
            COMPONENT,
            Severity.INFO,
            dropped="\n".join(categories),
        )
    elif categories:
        doc.report(
            "categories-not-exported",
            f"{to} has no place for categories: {', '.join(categories)[:200]}",
            COMPONENT,
            Severity.INFO,
            dropped="\n".join(categories),
        )
    if to in NO_LINKS:
        targets = [str(link.title).strip() for link in found[Wikilink]]
        targets += [str(link.url).strip() for link in found[ExternalLink]]
        if targets:
            doc.report(
                "link-targets-not-exported",
                f"{to} has no links: {len(targets)} link target(s) left out (labels kept)",
                COMPONENT,
                Severity.INFO,
                dropped="\n".join(targets),
            )
    if to not in KEEPS_TITLES:
        titles = [
            str(tag.get("title").value).strip()
            for tag in found[Tag]
            if tag.has("title") and str(tag.get("title").value).strip()
        ]
        if titles:
            doc.report(
                "tooltips-not-exported",
                f"{len(titles)} title attribute(s) (tooltips) not in the {to} output",
                COMPONENT,
                Severity.INFO,
                dropped="\n".join(titles),
            )
