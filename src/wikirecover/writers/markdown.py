"""Markdown, natively: GitHub-flavoured (``gfm``, ``markdown``) and ``commonmark``.

The page's templates are resolved, it is rendered to HTML (`render.wikitext_to_html`,
MediaWiki's rules) and that is written as Markdown (`render.html_to_markdown`): references as
footnotes, internal links through ``--link-pattern`` (default ``{title}.md``, section anchors
kept; ``--link-style obsidian`` for ``[[Title|label]]``), the title and categories in YAML front
matter, images at ``--media-url``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial

from ..model import Document, Severity
from ..namespaces import CATEGORY
from ..options import Options
from ..registry import add_writer
from ..render.html_to_markdown import MarkdownStyle, MarkdownWriter, escape_markdown
from ..render.wikitext_to_html import HtmlRenderer, LinkStyle, Rendered
from ..templates import resolved

DEFAULT_LINK_PATTERN = "{title}.md"


def write_markdown(flavour: str, name: str, doc: Document, options: Options) -> str:
    site = options.site_links.resolver(doc.title) if options.site_links else None
    links = LinkStyle(
        pattern=options.link_pattern or DEFAULT_LINK_PATTERN,
        resolve=site,
        media=site.media if site is not None else None,
    )
    renderer = HtmlRenderer(options.rules, links, toc=False, namespaces=doc.namespaces)
    with resolved(doc, options) as code:
        rendered = renderer.render(code)
    report_unrendered(doc, rendered, f"writer:{name}")
    style = MarkdownStyle(
        flavour=flavour,
        obsidian=options.link_style == "obsidian",
        media_url=options.media_url or "{name}",
        site=site is not None,
    )
    writer = MarkdownWriter(style)
    body = writer.convert(rendered.html)
    if writer.flattened:
        doc.report(
            "nesting-flattened",
            f"{writer.flattened} elements nested deeper than Markdown can show were flattened "
            "(their text kept)",
            f"writer:{name}",
            Severity.WARNING,
        )
    more: dict[str, list[str]] = {}
    if site is not None:
        more = options.site_links.front_matter(doc.title, rendered.categories)
        body += _category_links(doc, site, rendered.categories, style.obsidian)
        site.report(doc, rendered.categories)
    return _front_matter(doc.title, rendered.categories, rendered.redirect, more) + body


def report_unrendered(doc: Document, rendered: Rendered, component: str) -> None:
    """What the renderer could only show as its source, reported."""
    for what, count in sorted(rendered.unrendered.items()):
        doc.report(
            "shown-as-source",
            f"{what} could not be rendered: shown as its source text ({count}x)",
            component,
            Severity.WARNING,
        )


def _category_links(
    doc: Document, site: Callable[[str, str], str | None], categories: list[str], obsidian: bool
) -> str:
    """A migrated page's categories as links to their pages (Obsidian: tags do it)."""
    if not categories or obsidian:
        return ""
    namespace = doc.namespaces.preferred(CATEGORY)
    targets = [(site(f"{namespace}:{c}", ""), c) for c in categories]
    items = " | ".join(
        f"[{escape_markdown(c)}]({t})" if t else escape_markdown(c) for t, c in targets
    )
    return f"\n{namespace}: {items}\n"


def _front_matter(
    title: str,
    categories: list[str],
    redirect: str | None = None,
    more: dict[str, list[str]] | None = None,
) -> str:
    lines = ["---"]
    if title:
        lines.append(f"title: {json.dumps(title, ensure_ascii=False)}")
    if redirect:
        lines.append(f"redirect: {json.dumps(redirect, ensure_ascii=False)}")
    if categories:
        lines.append("categories:")
        lines += [f"  - {json.dumps(c, ensure_ascii=False)}" for c in categories]
    for name, values in (more or {}).items():
        if values:
            lines.append(f"{name}:")
            lines += [f"  - {json.dumps(v, ensure_ascii=False)}" for v in values]
    lines.append("---")
    return "\n".join(lines) + "\n\n" if len(lines) > 2 else ""


for _name, _flavour, _help in (
    ("gfm", "gfm", "GitHub-flavoured Markdown: footnotes, pipe tables, front matter (native)"),
    ("markdown", "gfm", "Markdown: the same as gfm (native)"),
    ("commonmark", "commonmark", "CommonMark: notes as a numbered list, tables as HTML (native)"),
):
    add_writer(_name, _help, partial(write_markdown, _flavour, _name), "md")
