"""MediaWiki XML dumps streamed one revision at a time (plain, .bz2, .gz, .xz/.lzma).

lxml's incremental parser in recovery mode (no DTD, no entities, no network) reads the dump; each
``<revision>`` is handed out as soon as it ends and its element cleared, so memory stays flat
whatever the dump's size or the length of a page's history. A truncated or corrupt dump yields
everything intact before the damage, then a `PageEnd` with where the damage is.
"""

from __future__ import annotations

import bz2
import gzip
import hashlib
import lzma
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree


@dataclass(frozen=True)
class Revision:
    title: str
    id: str
    parent_id: str
    timestamp: str
    user: str
    comment: str
    text: str | None  # None when the dump holds no text for it (deleted, or cut off)
    anonymous: bool = False

    @property
    def sha1(self) -> str:
        """The hex SHA-1 of the text, as MediaWiki computes it (``rev_sha1`` in base 16)."""
        return hashlib.sha1((self.text or "").encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PageEnd:
    title: str
    damage: str | None = None  # set when the dump broke (or ended) inside this page


def decompressed(path: Path, raw):
    """``raw`` (the file as stored) read through its compression, known by its suffix."""
    name = path.name.lower()
    if name.endswith(".bz2"):
        return bz2.BZ2File(raw)
    if name.endswith(".gz"):
        return gzip.GzipFile(fileobj=raw)
    if name.endswith((".xz", ".lzma")):
        return lzma.LZMAFile(raw)
    return raw


def open_dump(path: Path):
    return decompressed(path, open(path, "rb"))


def stream_revisions(
    path: Path, progress: Callable[[int], None] | None = None
) -> Iterator[Revision | PageEnd]:
    """Every revision of every page in dump order, each page followed by its `PageEnd`.
    ``progress`` is told the position in the stored (compressed) file after each page."""
    with open(path, "rb") as raw, decompressed(path, raw) as handle:
        context = etree.iterparse(
            handle,
            events=("end",),
            recover=True,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=True,
        )
        title: str | None = None
        try:
            for _event, element in context:
                name = etree.QName(element).localname
                if name == "title" and _parent_is(element, "page"):
                    title = (element.text or "").strip()
                elif name == "revision" and title is not None:
                    yield _revision(title, element)
                    element.clear()
                    _drop_earlier(element)
                elif name == "page":
                    if title is not None:
                        yield PageEnd(title)
                    title = None
                    element.clear()
                    _drop_earlier(element)
                    if progress is not None:
                        progress(raw.tell())
        except (etree.XMLSyntaxError, OSError, EOFError, lzma.LZMAError) as exc:
            where = f"line {exc.lineno}" if isinstance(exc, etree.XMLSyntaxError) else "its end"
            if title is not None:
                yield PageEnd(title, f"the dump breaks at {where}: {_message(exc)}")
            return
    if title is not None:  # a page the dump ended inside, with no error raised
        yield PageEnd(title, "the dump ends inside this page")


def _message(exc: BaseException) -> str:
    return str(getattr(exc, "msg", None) or exc)


def _drop_earlier(element: etree._Element) -> None:
    """Free what the tree still holds before ``element`` (its finished siblings)."""
    while element.getprevious() is not None:
        del element.getparent()[0]


def _parent_is(element: etree._Element, name: str) -> bool:
    parent = element.getparent()
    return parent is not None and etree.QName(parent).localname == name


def _revision(title: str, element: etree._Element) -> Revision:
    values = {"id": "", "parentid": "", "timestamp": "", "comment": ""}
    text: str | None = None
    user, anonymous = "", False
    for child in element:
        local = etree.QName(child).localname
        if local in values:
            values[local] = (child.text or "").strip()
        elif local == "text":
            deleted = child.get("deleted") is not None
            text = None if deleted else (child.text or "")
        elif local == "contributor":
            for part in child:
                part_name = etree.QName(part).localname
                if part_name in ("username", "ip"):
                    user = (part.text or "").strip()
                    anonymous = part_name == "ip"
    return Revision(
        title,
        values["id"],
        values["parentid"],
        values["timestamp"],
        user,
        values["comment"],
        text,
        anonymous,
    )
