"""MkDocs: `docs/` with a Markdown file per page (namespaces as folders), references as
footnotes, images under `docs/assets/`, `mkdocs.yml` whose navigation lists the main namespace's
pages, then each other namespace's; categories as pages listing their members."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from . import Engine, listed, register_engine

if TYPE_CHECKING:
    from ..links import SiteLinks


def toc_slug(heading: str) -> str:
    """The anchor MkDocs (Python-Markdown's `toc` extension, its default `slugify`) gives a
    heading: accents and what is not ASCII dropped, punctuation dropped, lower case, runs of
    spaces and hyphens as one hyphen."""
    text = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


class MkDocs(Engine):
    def anchor(self, heading: str) -> str:
        return toc_slug(heading)

    def category_page(self, links: SiteLinks, name: str, members: list[str]) -> str:
        source = links.site.key(f"{links.site.namespaces.preferred(14)}:{name}")
        rows = [
            f"- [{_label(links.site.pages[k].title)}]({self.link(links, source, k, '')})"
            for k in members
        ]
        return f"## Pages in category {_label(name)}\n\n" + "\n".join(rows) + "\n"

    def finish(self, out: Path, links: SiteLinks) -> list[Path]:
        written = []
        docs = out / self.pages
        index = docs / "index.md"
        sections = listed(links)
        if not index.exists():
            rows = [f"- [{_label(t)}]({quote(p)}.md)" for t, p in sections.get("", [])]
            index.write_text("# Pages\n\n" + "\n".join(rows) + "\n", encoding="utf-8")
            written.append(index)
        nav = ["nav:", "  - Home: index.md"]
        for folder, pages in sections.items():
            nav.append(f"  - {json.dumps(folder or 'Pages')}:")
            nav += [f"      - {json.dumps(t)}: {json.dumps(p + '.md')}" for t, p in pages]
        config = out / "mkdocs.yml"
        config.write_text(
            f"site_name: {json.dumps(links.site_name or 'Wiki')}\n"
            "docs_dir: docs\n"
            "markdown_extensions:\n  - footnotes\n  - tables\n  - toc\n" + "\n".join(nav) + "\n",
            encoding="utf-8",
        )
        written.append(config)
        return written


def _label(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)


register_engine(
    MkDocs(
        name="mkdocs",
        help="a MkDocs project (mkdocs.yml, docs/), GitHub-flavoured Markdown",
        writer="gfm",
        extension="md",
        pages="docs",
        media="docs/assets",
    )
)
