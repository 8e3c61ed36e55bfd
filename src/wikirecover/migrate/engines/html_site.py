"""A static HTML site: a page per page (namespaces as folders) with relative links that work
from the disk, MediaWiki's section anchors, images under `media/`, category pages and an
`index.html` that lists every page by namespace; no script, no external asset."""

from __future__ import annotations

import html
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from . import Engine, register_engine

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
        groups: dict[str, list[str]] = defaultdict(list)
        for key, path in sorted(links.paths.items(), key=lambda item: item[1].casefold()):
            page = links.site.pages.get(key)
            if page is not None and page.redirect is not None:
                continue
            number, _, name = key.partition(":")
            folder = links.site.namespaces.preferred(int(number)) or "Pages"
            title = page.title if page is not None else f"{folder}:{name}"
            groups[folder].append(
                f'<li><a href="{html.escape(quote(path))}.html">{html.escape(title)}</a></li>'
            )
        body = "".join(
            f"<h2>{html.escape(folder)}</h2>\n<ul>{''.join(rows)}</ul>\n"
            for folder, rows in sorted(groups.items(), key=lambda g: (g[0] != "Pages", g[0]))
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
