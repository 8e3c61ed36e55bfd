"""DokuWiki markup, natively (`render.html_to_dokuwiki`; replaces pandoc's writer, which drops
most tables: `pandoc-dokuwiki` keeps it).

The page's templates are resolved and it is rendered to HTML (MediaWiki's rules), then written
in DokuWiki's syntax. Links name pages the way DokuWiki does (`cleanID`: lower case, `_` for
spaces and punctuation, `:` between namespaces, accents dropped), absolute (`[[:help:start]]`),
with section anchors as DokuWiki makes them from a heading; `~~NOTOC~~` where MediaWiki would
show no table of contents; categories as links to `category:` pages.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from ..model import Document, Severity
from ..namespaces import CATEGORY
from ..options import Options
from ..registry import register_writer
from ..render.html_to_dokuwiki import DokuWikiWriter
from ..render.wikitext_to_html import HtmlRenderer, LinkStyle
from ..templates import resolved
from .markdown import report_unrendered

# MediaWiki shows a table of contents from this many headings on (DokuWiki from 3).
TOC_MIN_HEADINGS = 4
_SEPARATORS = re.compile(r"_+")
_NOT_ID = re.compile(r"[^\w.\-:]")


def dokuwiki_id(title: str) -> str:
    """A page or media id as DokuWiki's `cleanID` makes it from a name (its defaults: accents
    dropped, `/` not a namespace separator)."""
    text = unicodedata.normalize("NFKD", title.strip().lower().replace(";", ":"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = unicodedata.normalize("NFC", text)
    text = _SEPARATORS.sub("_", _NOT_ID.sub("_", text))
    text = re.sub(r":+", ":", text).strip(":._-")
    text = re.sub(r":[:._\-]+", ":", text)
    return re.sub(r"[:._\-]+:", ":", text)


def dokuwiki_section(heading: str) -> str:
    """The anchor DokuWiki gives a heading (`sectionID`)."""
    anchor = dokuwiki_id(heading).replace(":", "").replace(".", "")
    return anchor.lstrip("0123456789._-") or "section"


def dokuwiki_path(page_id: str) -> str:
    """Where DokuWiki keeps a page or media id on disk, below `data/pages` or `data/media`
    (namespaces as folders; the `url` file name encoding of what is not ASCII)."""
    return "/".join(quote(part, safe="._-") for part in page_id.split(":"))


def _link(title: str, section: str) -> str:
    return ":" + dokuwiki_id(title) + (f"#{dokuwiki_section(section)}" if section else "")


@register_writer("dokuwiki", extension="txt")
def write_dokuwiki(doc: Document, options: Options) -> str:
    """DokuWiki markup (native: tables with spans, footnotes, media, section links)."""
    site = options.site_links.resolver(doc.title) if options.site_links else None
    links = LinkStyle(
        resolve=site if site is not None else _link,
        media=site.media if site is not None else _media,
    )
    renderer = HtmlRenderer(options.rules, links, toc=False, namespaces=doc.namespaces)
    with resolved(doc, options) as code:
        rendered = renderer.render(code)
        no_toc = "__NOTOC__" in str(code)
    report_unrendered(doc, rendered, "writer:dokuwiki")
    writer = DokuWikiWriter()
    body = writer.convert(rendered.html)
    for what in sorted(set(writer.state.unrepresented)):
        doc.report("dokuwiki-flattened", what, "writer:dokuwiki", Severity.INFO)
    if no_toc or writer.state.headings < TOC_MIN_HEADINGS:
        body = "~~NOTOC~~\n\n" + body
    if rendered.categories:
        namespace = doc.namespaces.preferred(CATEGORY)
        targets = [((site or _link)(f"{namespace}:{c}", ""), c) for c in rendered.categories]
        categories = " ".join(f"[[{t}|{c}]]" if t else c for t, c in targets)
        body += f"\n----\n{categories}\n"
    if site is not None:
        site.report(doc, rendered.categories)
    return body


def _media(name: str) -> str:
    return ":wiki:" + dokuwiki_id(name)
