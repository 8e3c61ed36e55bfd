"""A migrated page's links resolved against the whole site: to the exported page a title (or
its redirect) lands on, in the target engine's form, with the section's anchor where the page
has that section; what does not resolve is reported on the page."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..model import Document, Severity
from .engines import Engine
from .site import Site

COMPONENT = "migrate:links"


@dataclass
class SiteLinks:
    """Everything a page's writer needs to link into the site (sent to the workers once)."""

    engine: Engine
    site: Site
    paths: dict[str, str]  # page key -> output path (without extension)
    aliases: dict[str, list[str]] = field(default_factory=dict)  # key -> redirects' titles

    def digest(self) -> str:
        """What a page's output depends on besides the page: every path, redirect, heading
        and alias of the site (a rerun on a changed site writes every page again)."""
        state = hashlib.sha256(self.engine.name.encode())
        for key, path in sorted(self.paths.items()):
            page = self.site.pages.get(key)
            state.update(f"\0{key}\0{path}".encode())
            if page is not None:
                state.update(f"\0{page.redirect}#{page.redirect_section}".encode())
                state.update("\0".join(page.headings).encode())
        for key, names in sorted(self.aliases.items()):
            state.update(f"\0{key}\0{'|'.join(sorted(names))}".encode())
        return state.hexdigest()

    @property
    def site_name(self) -> str:
        return self.site.name

    def resolver(self, title: str) -> PageLinks:
        return PageLinks(self, self.site.key(title))

    def front_matter(self, title: str, categories: list[str]) -> dict[str, list[str]]:
        """What an engine's front matter says of a page beyond its title and categories."""
        return self.engine.front_matter(self, self.site.key(title), categories)


@dataclass
class PageLinks:
    """The links of one page: resolved, and counted (found, missing) for its report."""

    links: SiteLinks
    source: str  # the page's key
    resolved: int = 0
    missing: list[str] = field(default_factory=list)
    anchors_missing: list[str] = field(default_factory=list)
    media_used: list[str] = field(default_factory=list)  # the files its images show
    categories: list[str] = field(default_factory=list)  # as rendered (templates' ones too)

    def __call__(self, title: str, section: str) -> str | None:
        site = self.links.site
        if not title:  # a section of this page
            if section and not _has_section(site, self.source, section):
                self.anchors_missing.append(f"#{section}")
                section = ""
            return self.links.engine.link(self.links, self.source, self.source, section)
        landing = site.target(title, section)
        if landing is None and site.key(title) in self.links.paths:
            landing = site.key(title), ""  # a category page the migration writes
        if landing is None or landing[0] not in self.links.paths:
            self.missing.append(title)
            return None
        key, section = landing
        if section and not _has_section(site, key, section):
            self.anchors_missing.append(f"{title}#{section}")
            section = ""
        self.resolved += 1
        return self.links.engine.link(self.links, self.source, key, section)

    def media(self, name: str) -> str:
        self.media_used.append(name)
        return self.links.engine.media_link(self.links, self.source, name)

    def home(self) -> str:
        """The href of the site's index from this page."""
        depth = self.links.paths.get(self.source, "").count("/")
        return "../" * depth + "index.html"

    def report(self, doc: Document, categories: list[str]) -> None:
        """The page's links, files and categories (as its rendering has them) in its report,
        for the migration's summary and category pages."""
        for name in dict.fromkeys(categories):
            doc.report("in-category", f"in category {name!r}", COMPONENT, Severity.INFO, name)
        doc.report(
            "links-resolved",
            f"{self.resolved} links to pages of the site",
            COMPONENT,
            Severity.INFO,
            str(self.resolved),
        )
        for title in sorted(set(self.missing)):
            doc.report(
                "link-missing",
                f"link to {title!r}: the wiki has no such page (kept as text)",
                COMPONENT,
                Severity.WARNING,
                title,
            )
        for name in sorted(set(self.media_used)):
            doc.report("media-used", f"shows the file {name!r}", COMPONENT, Severity.INFO, name)
        for target in sorted(set(self.anchors_missing)):
            doc.report(
                "anchor-missing",
                f"link to {target!r}: the page has no such section (linked to the page)",
                COMPONENT,
                Severity.INFO,
                target,
            )


def _has_section(site: Site, key: str, section: str) -> bool:
    if key not in site.pages:
        return False
    wanted = " ".join(section.replace("_", " ").split()).casefold()
    return any(" ".join(h.split()).casefold() == wanted for h in site.pages[key].headings)
