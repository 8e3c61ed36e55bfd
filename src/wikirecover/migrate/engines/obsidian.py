"""Obsidian: a vault of Markdown notes (namespaces as folders) linked with
`[[Folder/Note#Heading|label]]`, YAML front matter with the redirects as `aliases` and the
categories as `tags`, files in `attachments/`; categories also as notes listing their members."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import Engine, register_engine, title_path

if TYPE_CHECKING:
    from ..links import SiteLinks
    from ..site import Site

# what a link to a heading cannot hold in Obsidian
_NOT_IN_LINK = re.compile(r"[#|^\[\]]")
# what a note's name cannot hold (Obsidian refuses them, or links cannot name them)
_NOT_IN_NAME = re.compile(r'[\\/:*?"<>|#^\[\]\x00-\x1f]')


def _note_name(part: str) -> str:
    return _NOT_IN_NAME.sub("-", part).strip(" .") or "_"


def tag(name: str) -> str:
    """A category as an Obsidian tag: letters, digits, `_`, `-` and `/` only, not all digits."""
    text = re.sub(r"[^\w/-]", "_", name.strip()).strip("_") or "category"
    return text if not text.isdigit() else f"category_{text}"


class Obsidian(Engine):
    def page_path(self, site: Site, key: str) -> str:
        """Notes named by their titles (spaces kept), namespaces and subpages as folders."""
        return "/".join(
            _note_name(part) for part in title_path(site, key, keep_spaces=True).split("/")
        )

    def anchor(self, heading: str) -> str:
        return " ".join(_NOT_IN_LINK.sub(" ", heading).split())

    def link(self, links: SiteLinks, source: str, target: str, section: str) -> str:
        return links.paths[target] + (f"#{self.anchor(section)}" if section else "")

    def front_matter(self, links: SiteLinks, key: str, categories: list[str]) -> dict:
        return {
            "aliases": sorted(links.aliases.get(key, [])),
            "tags": sorted({tag(c) for c in categories}),
        }

    def category_page(self, links: SiteLinks, name: str, members: list[str]) -> str:
        rows = [f"- [[{links.paths[k]}|{links.site.pages[k].title}]]" for k in members]
        return f"## Pages in category {name}\n\n" + "\n".join(rows) + "\n"


register_engine(
    Obsidian(
        name="obsidian",
        help="an Obsidian vault: [[wikilinks]], front matter (aliases, tags), attachments/",
        writer="gfm",
        extension="md",
        pages="",
        media="attachments",
        redirect_pages=False,
    )
)
