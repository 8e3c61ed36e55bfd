"""A static HTML site: a page per page (namespaces as folders) with relative links that work
from the disk, MediaWiki's section anchors, images under `media/`, category pages and an
`index.html` that lists every page by namespace; no script, no external asset."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from . import Engine, listed, register_engine

if TYPE_CHECKING:
    from ..links import SiteLinks


class HtmlSite(Engine):
    def anchor(self, heading: str) -> str:
        return quote(" ".join(heading.split()).replace(" ", "_"), safe="/:;@$!*(),~'")

    def new_category_page(self, namespace: str, name: str, listing: str) -> str:
        title = html.escape(f"{namespace}:{name}")
        return (
            f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title></head>\n'
            f"<body>\n<h1>{title}</h1>\n{listing}</body></html>\n"
        )

    def category_page(self, links: SiteLinks, name: str, members: list[str]) -> str:
        source = links.site.key(f"{links.site.namespaces.preferred(14)}:{name}")
        rows = "".join(
            f'<li><a href="{html.escape(self.link(links, source, k, ""))}">'
            f"{html.escape(links.site.pages[k].title)}</a></li>"
            for k in members
        )
        return f"<h2>Pages in category {html.escape(name)}</h2>\n<ul>{rows}</ul>\n"

    def finish(self, out: Path, links: SiteLinks) -> list[Path]:
        body = "".join(
            f"<h2>{html.escape(folder or 'Pages')}</h2>\n<ul>"
            + "".join(
                f'<li><a href="{html.escape(quote(path))}.html">{html.escape(title)}</a></li>'
                for title, path in pages
            )
            + "</ul>\n"
            for folder, pages in listed(links).items()
        )
        name = html.escape(links.site_name or "Wiki")
        index = out / self.pages / "index.html" if self.pages else out / "index.html"
        index.write_text(
            f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{name}</title></head>\n'
            f"<body>\n<h1>{name}</h1>\n{body}</body></html>\n",
            encoding="utf-8",
        )
        return [index]


register_engine(
    HtmlSite(
        name="html-site",
        help="a static HTML site: relative links, category pages, an index; no script",
        writer="html",
        extension="html",
        pages="",
        media="media",
    )
)
