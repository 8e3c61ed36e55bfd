"""DokuWiki: `data/pages/` of namespaces as folders, page ids as DokuWiki's `cleanID` makes
them, DokuWiki syntax (`writers/dokuwiki.py`), files under `data/media/wiki/`, redirects as
pages pointing to their target, categories as `category:` pages listing their members."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...writers.dokuwiki import dokuwiki_id, dokuwiki_path, dokuwiki_section
from . import Engine, register_engine

if TYPE_CHECKING:
    from ..links import SiteLinks
    from ..site import Site


class DokuWiki(Engine):
    def page_path(self, site: Site, key: str) -> str:
        page = site.pages.get(key)
        number, _, name = key.partition(":")
        title = (
            page.title if page is not None else f"{site.namespaces.preferred(int(number))}:{name}"
        )
        return dokuwiki_id(title) or "_"

    def disk_path(self, path: str) -> str:
        return dokuwiki_path(path)

    def media_path(self, name: str) -> str:
        return dokuwiki_path(dokuwiki_id(name))

    def anchor(self, heading: str) -> str:
        return dokuwiki_section(heading)

    def link(self, links: SiteLinks, source: str, target: str, section: str) -> str:
        return ":" + links.paths[target] + (f"#{self.anchor(section)}" if section else "")

    def media_link(self, links: SiteLinks, source: str, name: str) -> str:
        return ":wiki:" + dokuwiki_id(name)

    def new_category_page(self, namespace: str, name: str, listing: str) -> str:
        return f"====== {namespace}:{name} ======\n\n{listing}"

    def category_page(self, links: SiteLinks, name: str, members: list[str]) -> str:
        rows = [f"  * [[:{links.paths[k]}|{links.site.pages[k].title}]]" for k in members]
        return f"===== Pages in category {name} =====\n\n" + "\n".join(rows) + "\n"


register_engine(
    DokuWiki(
        name="dokuwiki",
        help="a DokuWiki data folder (data/pages, data/media), DokuWiki syntax",
        writer="dokuwiki",
        extension="txt",
        pages="data/pages",
        media="data/media/wiki",
    )
)
