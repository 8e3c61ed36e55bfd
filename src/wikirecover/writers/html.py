"""HTML, rendered natively from the tree (MediaWiki's legacy parser as the model), sanitized.

A fragment by default (what MediaWiki puts in the content area); ``--standalone`` wraps it in a
page with the title, a small stylesheet and the categories. Templates without a definition are
shown as their source text and reported.
"""

from __future__ import annotations

import html

from ..model import Document, Severity
from ..namespaces import CATEGORY
from ..options import Options
from ..registry import register_writer
from ..render.wikitext_to_html import HtmlRenderer, LinkStyle
from ..templates import resolved

_STYLE = (
    "body{font-family:sans-serif;max-width:60em;margin:1em auto;line-height:1.5}"
    "table{border-collapse:collapse}td,th{border:1px solid #aaa;padding:.2em .4em}"
    "a.new{color:#ba0000}sup.reference{font-size:75%}.catlinks{border:1px solid #aaa;"
    "padding:.3em;margin-top:1em}"
)


@register_writer("html", extension="html")
def write_html(doc: Document, options: Options) -> str:
    """HTML fragment like MediaWiki renders it (links, references, tables, sanitized)."""
    site = options.site_links.resolver(doc.title) if options.site_links else None
    links = LinkStyle(
        pattern=options.link_pattern or LinkStyle.pattern,
        known_pages=options.known_pages,
        edit_pattern=options.edit_links,
        page_title=doc.title or "",
        resolve=site,
        media=site.media if site is not None else None,
    )
    with resolved(doc, options) as code:
        rendered = HtmlRenderer(options.rules, links, namespaces=doc.namespaces).render(code)
    for what, count in sorted(rendered.unrendered.items()):
        doc.report(
            "shown-as-source",
            f"{what} has no definition here: shown as its source text ({count}x)",
            "writer:html",
            Severity.WARNING,
        )
    body = rendered.html
    if not options.standalone and site is None:
        return body
    title = html.escape(doc.title or "")
    categories = ""
    if rendered.categories:
        namespace = doc.namespaces.preferred(CATEGORY)
        hrefs = [(site(f"{namespace}:{c}", "") if site else None, c) for c in rendered.categories]
        items = " | ".join(
            f'<a href="{html.escape(h)}">{html.escape(c)}</a>' if h else html.escape(c)
            for h, c in hrefs
        )
        categories = f'<div class="catlinks">{html.escape(namespace)}: {items}</div>\n'
    home = ""
    if site is not None:  # a page of a static site: the way back to its index
        site.report(doc, rendered.categories)
        name = html.escape(site.links.site_name or "Index")
        home = f'<p><a href="{html.escape(site.home())}">{name}</a></p>\n'
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_STYLE}</style></head>\n<body>\n{home}<h1>{title}</h1>\n{body}\n{categories}"
        "</body></html>\n"
    )
