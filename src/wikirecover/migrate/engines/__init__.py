"""The wiki engines a migration writes for: each says where a page and a file go, how a link,
a section anchor and an image are written there, and what the site needs besides its pages
(`finish`: navigation, category pages). One module per engine, registered by importing it
(the last lines of this file)."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ...batch.names import safe_component

if TYPE_CHECKING:
    from ..links import SiteLinks
    from ..site import Site


@dataclass(frozen=True)
class Engine:
    name: str = ""
    help: str = ""
    writer: str = ""  # the registered writer that writes its pages
    extension: str = ""  # its pages' file extension
    pages: str = ""  # folder of the pages under the output folder
    media: str = ""  # folder of the files (images) under the output folder
    redirect_pages: bool = True  # a redirect becomes a page of its own (else an alias)

    # where things go -------------------------------------------------------------------------
    def page_path(self, site: Site, key: str) -> str:
        """A page's file under `pages`, without its extension (POSIX separators)."""
        return title_path(site, key)

    def disk_path(self, path: str) -> str:
        """Where the page at ``path`` (`page_path`) is on disk under `pages`."""
        return path

    def media_path(self, name: str) -> str:
        """A file's place under `media`."""
        return safe_component(name)

    # how things are written ------------------------------------------------------------------
    def anchor(self, heading: str) -> str:
        raise NotImplementedError

    def link(self, links: SiteLinks, source: str, target: str, section: str) -> str:
        """The href from page ``source`` to page ``target`` (keys) and its section."""
        here = posixpath.dirname(links.paths.get(source, ""))
        path = posixpath.relpath(f"{links.paths[target]}.{self.extension}", here or ".")
        return path + (f"#{self.anchor(section)}" if section else "")

    def media_link(self, links: SiteLinks, source: str, name: str) -> str:
        here = posixpath.join(self.pages, posixpath.dirname(links.paths.get(source, "")))
        return posixpath.relpath(posixpath.join(self.media, self.media_path(name)), here or ".")

    def front_matter(self, links: SiteLinks, key: str, categories: list[str]) -> dict:
        """Front matter beyond the title and categories (Markdown engines)."""
        return {}

    # the site around the pages ---------------------------------------------------------------
    def category_page(self, links: SiteLinks, name: str, members: list[str]) -> str:
        """The text that lists a category's pages (appended to the category's own page)."""
        raise NotImplementedError

    def new_category_page(self, namespace: str, name: str, listing: str) -> str:
        """The page of a category the wiki used without writing its page."""
        return f"# {namespace}:{name}\n\n{listing}"

    def finish(self, out: Path, links: SiteLinks) -> list[Path]:
        """Files the site needs besides its pages; the ones written."""
        return []


def title_path(site: Site, key: str, keep_spaces: bool = False) -> str:
    """``Namespace/Sub/Page`` for a page: its namespace's name as a folder (none for the main
    namespace), its subpages as folders, each part a safe file name."""
    page = site.pages.get(key)
    number, _, name = key.partition(":")
    title_name = name if page is None else site.namespaces.split(page.title)[1] or name
    folder = site.namespaces.preferred(int(number)) if number != "0" else ""
    parts = ([folder] if folder else []) + [p for p in title_name.split("/") if p.strip()]
    if keep_spaces:
        return "/".join(" ".join(p.split()) for p in parts) or "_"
    return "/".join(safe_component(p) for p in parts) or "_"


def listed(links: SiteLinks) -> dict[str, list[tuple[str, str]]]:
    """The pages a site lists (its redirects aside) by namespace name ("" for the main one),
    each as (title, path), in path order."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, path in sorted(links.paths.items(), key=lambda item: item[1].casefold()):
        page = links.site.pages.get(key)
        if page is not None and page.redirect is not None:
            continue
        number, _, name = key.partition(":")
        folder = links.site.namespaces.preferred(int(number)) if number != "0" else ""
        found[folder].append((page.title if page is not None else f"{folder}:{name}", path))
    return dict(sorted(found.items(), key=lambda item: (item[0] != "", item[0])))


ENGINES: dict[str, Engine] = {}


def register_engine(engine: Engine) -> Engine:
    ENGINES[engine.name] = engine
    return engine


from . import dokuwiki, html_site, mkdocs, obsidian  # noqa: E402,F401  (registration)
