"""MediaWiki XML export dumps (Special:Export, dumps.wikimedia.org): one `Document` per page.

Read with the dump scanner (`dumps.scan_revisions`): a damaged revision harms only itself, a
truncated dump still yields every intact page, a DOCTYPE is refused. Each page is its newest
revision (by timestamp, then id, whatever the dump's order); a title that appears twice is one
page, reported. What the dump says about its texts (bytes, sha1) is checked.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

from ..dumps import PageEnd, Revision, SiteInfo, scan_revisions
from ..errors import InputError
from ..model import Document, Severity, SourceInfo
from ..namespaces import Namespaces
from ..options import Options
from ..parsing import parse_wikitext
from ..registry import register_reader

_EXPORT_START = re.compile(r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<mediawiki\b", re.DOTALL)
COMPONENT = "reader:xml"


def sniff_xml_export(text: str) -> float:
    return 1.0 if _EXPORT_START.match(text[:4096]) else 0.0


class _Page:
    def __init__(self, title: str) -> None:
        self.title = title
        self.newest: Revision | None = None
        self.revisions = 0
        self.copies = 0
        self.damage: list[str] = []
        self.mismatches: list[str] = []


@register_reader("xml", sniff=sniff_xml_export)
def read_xml_export(text: str, source: SourceInfo, options: Options) -> Iterator[Document]:
    """MediaWiki XML export: the newest revision of every page, damage reported."""
    if "<mediawiki" not in text[: 1 << 20]:
        raise InputError("not a MediaWiki XML export (no <mediawiki> root element)", source.path)
    pages: dict[str, _Page] = {}
    current: _Page | None = None
    site: list[SiteInfo] = []
    stream = io.BytesIO(text.encode("utf-8"))
    for item in scan_revisions(stream, source.path, siteinfo=site.append):
        if isinstance(item, Revision):
            if current is None or current.title != item.title:
                current = pages.get(item.title) or pages.setdefault(item.title, _Page(item.title))
                current.copies += 1
            current.revisions += 1
            if item.mismatch:
                current.mismatches.append(f"revision {item.id}: {item.mismatch}")
            if item.text is not None and (
                current.newest is None or item.order >= current.newest.order
            ):
                current.newest = item
        elif isinstance(item, PageEnd):
            page = pages.get(item.title) or pages.setdefault(item.title, _Page(item.title))
            if current is not page:
                page.copies += 1
            if item.damage:
                page.damage.append(item.damage)
            current = None
    if not pages:
        raise InputError("the XML export holds no <page>", source.path)
    namespaces = (site[0] if site else SiteInfo()).namespace_table()
    for page in pages.values():
        yield _document(page, source, namespaces)


def _document(page: _Page, source: SourceInfo, namespaces: Namespaces) -> Document:
    newest = page.newest
    text = newest.text if newest else ""
    code = parse_wikitext(text)
    doc = Document(code, source, page.title, parsed_from=(code, text), namespaces=namespaces)
    doc.metadata["revisions_in_dump"] = page.revisions
    if newest is not None and newest.model:
        doc.metadata["content_model"] = newest.model
    if newest is None:
        doc.report(
            "xml-no-text", "page has no revision text in the dump", COMPONENT, Severity.ERROR
        )
    if page.copies > 1:
        doc.report(
            "xml-duplicate-title",
            f"the title appears {page.copies} times in the dump: read as one page, its newest "
            "revision kept",
            COMPONENT,
            Severity.WARNING,
        )
    for mismatch in page.mismatches:
        doc.report(
            "xml-checksum",
            f"the text disagrees with the dump's own record of it ({mismatch})",
            COMPONENT,
            Severity.WARNING,
        )
    if page.damage:
        doc.report(
            "xml-damaged",
            f"the dump is damaged in this page ({'; '.join(page.damage)[:300]}); it was "
            "salvaged and may be incomplete",
            COMPONENT,
            Severity.ERROR,
        )
    return doc
