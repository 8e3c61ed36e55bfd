"""A MediaWiki import file (XML export schema 0.11) for one page or many.

`importDump.php` or Special:Import loads it into a wiki: each page with one revision holding
its wikitext. The revision's time is now, or ``SOURCE_DATE_EPOCH`` when set (reproducible
builds); its comment says it was recovered. Namespaces are read from the titles' prefixes.
"""

from __future__ import annotations

import datetime
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from ..model import Document
from ..options import Options
from ..registry import register_writer

EXPORT_NS = "http://www.mediawiki.org/xml/export-0.11/"
SCHEMA = "http://www.mediawiki.org/xml/export-0.11.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = "http://www.w3.org/XML/1998/namespace"
NAMESPACES = {
    "": 0,
    "Talk": 1,
    "User": 2,
    "User talk": 3,
    "Project": 4,
    "Project talk": 5,
    "File": 6,
    "File talk": 7,
    "MediaWiki": 8,
    "MediaWiki talk": 9,
    "Template": 10,
    "Template talk": 11,
    "Help": 12,
    "Help talk": 13,
    "Category": 14,
    "Category talk": 15,
}
ALIASES = {"Image": "File", "Wikipedia": "Project"}


@register_writer("mediawiki-xml", extension="xml")
def write_mediawiki_xml(doc: Document, options: Options) -> str:
    """A MediaWiki XML import file (export schema 0.11) holding the page as wikitext."""
    return export_xml([doc])


def export_xml(documents: list[Document]) -> str:
    """One import file for ``documents`` (pages with their repaired wikitext)."""
    root = _root()
    timestamp = _timestamp()
    for number, doc in enumerate(documents, 1):
        root.append(
            _page(
                number,
                doc.title,
                doc.text,
                doc.source.path,
                timestamp,
                doc.namespaces.split(doc.title)[0] if doc.title else 0,
                doc.content_model,
            )
        )
    return etree.tostring(root, encoding="unicode", pretty_print=True)


def write_import_file(path: str | Path, pages: Iterable[tuple]) -> int:
    """Stream ``pages`` (title, wikitext, origin[, namespace number]) into an import file at
    ``path``, one page in memory at a time; returns how many were written. Without its number,
    a page's namespace is read from its title's prefix (MediaWiki's English names)."""
    timestamp = _timestamp()
    count = 0
    root = _root()
    with etree.xmlfile(str(path), encoding="utf-8") as xml:
        xml.write_declaration()
        attributes = {k: v for k, v in root.attrib.items() if not k.startswith(f"{{{XML}}}")}
        with xml.element(root.tag, attrib=attributes, nsmap=root.nsmap):  # (xml:lang left out)
            xml.write(root[0], pretty_print=True)  # siteinfo
            for count, (title, text, origin, *namespace) in enumerate(pages, 1):
                number = namespace[0] if namespace else None
                xml.write(_page(count, title, text, origin, timestamp, number), pretty_print=True)
    return count


def _root() -> etree._Element:
    root = etree.Element(
        f"{{{EXPORT_NS}}}mediawiki",
        nsmap={None: EXPORT_NS, "xsi": XSI},
        attrib={
            f"{{{XSI}}}schemaLocation": f"{EXPORT_NS} {SCHEMA}",
            "version": "0.11",
            f"{{{XML}}}lang": "en",
        },
    )
    info = _sub(root, "siteinfo")
    _sub(info, "sitename", "wikirecover import")
    _sub(info, "dbname", "wikirecover")
    _sub(info, "generator", "wikirecover")
    _sub(info, "case", "first-letter")
    spaces = _sub(info, "namespaces")
    for name, key in NAMESPACES.items():
        space = _sub(spaces, "namespace", name)
        space.set("key", str(key))
        space.set("case", "first-letter")
    return root


# content model -> the format MediaWiki stores it in
FORMATS = {
    "wikitext": "text/x-wiki",
    "Scribunto": "text/plain",
    "css": "text/css",
    "sanitized-css": "text/css",
    "javascript": "text/javascript",
    "json": "application/json",
    "text": "text/plain",
}


def _page(
    number: int,
    title: str,
    text: str,
    origin: str,
    timestamp: str,
    namespace: int | None = None,
    model: str = "wikitext",
) -> etree._Element:
    """One page; ``namespace``: its number when the wiki's own names are known (a dump's
    `Kategoreja:X` is a category: MediaWiki's importer maps it by number)."""
    title = _title(title or f"Recovered page {number}")
    page = etree.Element(f"{{{EXPORT_NS}}}page")
    _sub(page, "title", title)
    _sub(page, "ns", str(namespace if namespace else _namespace(title)))
    _sub(page, "id", str(number))
    revision = _sub(page, "revision")
    _sub(revision, "id", str(number))
    _sub(revision, "timestamp", timestamp)
    contributor = _sub(revision, "contributor")
    _sub(contributor, "username", "wikirecover")
    _sub(contributor, "id", "0")
    _sub(revision, "comment", f"Recovered by wikirecover from {origin}")
    _sub(revision, "model", model if model in FORMATS else "wikitext")
    _sub(revision, "format", FORMATS.get(model, "text/x-wiki"))
    node = _sub(revision, "text", text)
    node.set("bytes", str(len(text.encode("utf-8"))))
    node.set(f"{{{XML}}}space", "preserve")
    _sub(revision, "sha1", _sha1_base36(text))
    return page


def _sub(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, f"{{{EXPORT_NS}}}{tag}")
    if text is not None:
        element.text = _xml_safe(text)
    return element


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot hold most control characters (the repair pass removes them from pages;
    titles and paths may still carry one)."""
    return "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20)


def _title(title: str) -> str:
    title = " ".join(title.replace("_", " ").split())
    namespace, _, rest = title.partition(":")
    namespace = ALIASES.get(namespace.strip().capitalize(), namespace.strip())
    if rest and namespace.capitalize() in NAMESPACES:
        rest = rest.strip()
        return f"{namespace.capitalize()}:{rest[:1].upper()}{rest[1:]}"
    return title[:1].upper() + title[1:]


def _namespace(title: str) -> int:
    prefix, _, rest = title.partition(":")
    return NAMESPACES.get(prefix, 0) if rest else 0


def _timestamp() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (
        datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        if epoch and epoch.isdigit()
        else datetime.datetime.now(datetime.UTC)
    )
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _sha1_base36(text: str) -> str:
    number = int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16)
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out.rjust(31, "0")
