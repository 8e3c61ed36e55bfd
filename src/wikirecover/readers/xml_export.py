"""MediaWiki XML export dumps (Special:Export, dumps.wikimedia.org): one `Document` per page.

Parsed with lxml in recovery mode with entities and DTDs off, so a truncated or corrupt dump
still yields every intact page, and the damaged part is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from ..errors import InputError
from ..model import Document, Severity, SourceInfo
from ..options import Options
from ..registry import register_reader

_EXPORT_START = re.compile(r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<mediawiki\b", re.DOTALL)


def sniff_xml_export(text: str) -> float:
    return 1.0 if _EXPORT_START.match(text[:4096]) else 0.0


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _child(element: etree._Element, name: str) -> etree._Element | None:
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


@register_reader("xml", sniff=sniff_xml_export)
def read_xml_export(text: str, source: SourceInfo, options: Options) -> Iterator[Document]:
    """MediaWiki XML export: the latest revision of every page, damage reported."""
    parser = etree.XMLParser(
        recover=True, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
    )
    root = etree.fromstring(text.encode("utf-8"), parser)
    if root is None or _local(root.tag) != "mediawiki":
        raise InputError("not a MediaWiki XML export (no <mediawiki> root element)", source.path)
    damage = [f"line {e.line}: {e.message.strip()}" for e in parser.error_log]
    pages = [el for el in root if _local(el.tag) == "page"]
    if not pages:
        raise InputError("the XML export holds no <page>", source.path)
    for number, page in enumerate(pages, 1):
        title_el = _child(page, "title")
        title = (title_el.text or "").strip() if title_el is not None else ""
        revisions = [el for el in page if _local(el.tag) == "revision"]
        text_el = _child(revisions[-1], "text") if revisions else None
        doc = Document.from_wikitext(
            (text_el.text or "") if text_el is not None else "", source, title
        )
        doc.metadata["revisions_in_dump"] = len(revisions)
        if text_el is None:
            doc.report(
                "xml-no-text",
                "page has no revision text in the dump",
                "reader:xml",
                Severity.ERROR,
                title,
            )
        if damage and number == len(pages):
            doc.report(
                "xml-damaged",
                f"the dump is damaged from here on ({len(damage)} XML error(s),"
                f" first: {damage[0]});"
                " this last page was salvaged and may be incomplete",
                "reader:xml",
                Severity.ERROR,
            )
        yield doc
