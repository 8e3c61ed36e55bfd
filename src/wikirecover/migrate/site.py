"""What a migration knows of the whole wiki before it writes a page: every title, redirects,
section headings, the pages of each category, and the wiki's own templates. Read from the dump
in one streamed pass (page texts are not kept, template pages aside); every page's links are
resolved against it (`links.py`)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..dumps import Revision, SiteInfo, stream_revisions
from ..namespaces import CATEGORY, TEMPLATE, Namespaces
from ..render.redirects import redirect_in
from ..templates.expand import normalise_name
from ..titles import page_name

_HEADING = re.compile(r"^(={1,6})\s*(.+?)\s*\1\s*$", re.M)
_LINK = re.compile(r"\[\[\s*([^\[\]|#\n]+?)\s*(?:\|[^\[\]\n]*)?\]\]")
# what a page shows of itself: not what it gives only where it is transcluded, not comments
_NOT_SHOWN = re.compile(r"<includeonly>.*?(?:</includeonly>|$)|<!--.*?(?:-->|$)", re.S | re.I)
_MARKUP = re.compile(r"'{2,}|<[^>]+>|\[\[(?:[^\[\]|]*\|)?|\]\]")


def key(namespaces: Namespaces, title: str) -> str:
    """A title as the wiki compares titles: its namespace's number and its name."""
    return number_key(*namespaces.split(title.replace("_", " ")))


def number_key(number: int, name: str) -> str:
    """The key of page ``name`` of namespace ``number``."""
    return f"{number}:{page_name(name)}"


@dataclass
class Page:
    title: str  # as the dump writes it
    redirect: str | None = None  # the target's key, when a redirect
    redirect_section: str = ""
    headings: tuple[str, ...] = ()  # section titles as they render (markup stripped)


@dataclass
class Site:
    namespaces: Namespaces
    name: str = ""  # the wiki's name (`<sitename>`)
    pages: dict[str, Page] = field(default_factory=dict)  # key -> page
    categories: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    templates: dict[str, str] = field(default_factory=dict)  # the wiki's own, by name

    def key(self, title: str) -> str:
        return key(self.namespaces, title)

    def target(self, title: str, section: str = "") -> tuple[str, str] | None:
        """(key, section) of the page a link to ``title`` lands on, redirects followed (a
        redirect's own section when the link has none); None when the wiki has no such page."""
        current = self.key(title)
        for _ in range(8):  # a redirect chain longer than this is a loop
            page = self.pages.get(current)
            if page is None:
                return None
            if page.redirect is None:
                return current, section
            section = section or page.redirect_section
            current = page.redirect
        return None

    def aliases(self) -> dict[str, list[str]]:
        """Per page key, the titles of the redirects that land on it."""
        found: dict[str, list[str]] = defaultdict(list)
        for page in self.pages.values():
            if page.redirect is not None:
                landing = self.target(page.title)
                if landing is not None:
                    found[landing[0]].append(page.title)
        return found


def read_site(dump: Path) -> Site:
    """The site a dump holds (its latest revision of each page)."""
    site = Site(Namespaces())

    def known(info: SiteInfo) -> None:
        site.namespaces, site.name = info.namespace_table(), info.name

    latest: Revision | None = None
    for item in stream_revisions(dump, siteinfo=known):
        if isinstance(item, Revision):
            if item.text is not None and (latest is None or item.order >= latest.order):
                latest = item
            continue
        if latest is not None:
            _add(site, latest)
        latest = None
    return site


def _add(site: Site, revision: Revision) -> None:
    text = revision.text or ""
    number, name = site.namespaces.split(revision.title)
    page = Page(revision.title)
    redirect = redirect_in(text)
    if redirect is not None:
        target, _ = redirect
        target_title, _, section = target.partition("#")
        page.redirect = site.key(target_title.lstrip(":"))
        page.redirect_section = section.strip()
    else:
        shown = _NOT_SHOWN.sub("", text)
        page.headings = tuple(_plain(m.group(2)) for m in _HEADING.finditer(shown))
        for category in _categories_named(site.namespaces, shown):
            site.categories[category].append(revision.title)
    if number == TEMPLATE:
        site.templates[normalise_name(name)] = text
        # the categories it puts the pages using it in: their pages are planned too
        for category in _categories_named(site.namespaces, text):
            site.categories.setdefault(category, [])
    site.pages[number_key(number, name)] = page


def _categories_named(namespaces: Namespaces, text: str) -> list[str]:
    """The categories ``text`` puts its page in (`[[Category:X]]`, not `[[:Category:X]]`)."""
    found = []
    for link in _LINK.finditer(text):
        kind, rest = namespaces.split(link.group(1))
        if kind == CATEGORY and not link.group(1).startswith(":"):
            found.append(page_name(rest))
    return found


def _plain(heading: str) -> str:
    """A heading's text as it renders: its markup taken away."""
    return " ".join(_MARKUP.sub("", heading).split())
