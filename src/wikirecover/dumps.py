"""MediaWiki XML dumps streamed one revision at a time (plain, .bz2, .gz, .xz/.lzma).

A tolerant scanner cuts the byte stream at ``<page>``, ``<title>``, ``<revision>`` and
``</page>``; each revision (the unit of a dump, whatever the page's history) is parsed alone by
lxml in recovery mode, with no DTD, no entities and no network. So memory stays flat whatever
the dump's size, and damage stays local: a corrupt byte, a NUL or an undefined entity harms
only the revision it is in; a page that never ends is closed at the next ``<page>``
(resynchronised); a dump cut off yields everything before the cut and the partial revision,
then a `PageEnd` saying where the damage is. A dump that declares a DOCTYPE is refused:
MediaWiki never writes one, and it is how entity-expansion attacks arrive.
"""

from __future__ import annotations

import bz2
import gzip
import hashlib
import lzma
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from .errors import InputError
from .namespaces import Namespaces

BLOCK = 1 << 20  # bytes read at a time
PROLOG_LIMIT = 1 << 20  # bytes before the first <page> searched for a DOCTYPE


@dataclass(frozen=True)
class Revision:
    title: str
    id: str
    parent_id: str
    timestamp: str
    user: str
    comment: str
    text: str | None  # None when the dump holds no text for it (deleted, missing, cut off)
    anonymous: bool = False
    text_state: str = "text"  # text, empty, deleted (<text deleted=...>), missing (no <text>)
    mismatch: str | None = None  # the text disagrees with the dump's own bytes/sha1
    damage: str | None = None  # XML errors inside this revision (repaired by the parser)
    model: str = ""  # the content model the dump declares (<model>), "" when it says none

    @property
    def sha1(self) -> str:
        """The hex SHA-1 of the text, as MediaWiki computes it (``rev_sha1`` in base 16)."""
        return hashlib.sha1((self.text or "").encode("utf-8")).hexdigest()

    @property
    def order(self) -> tuple[str, int]:
        """Newest last: by timestamp, then by id (a dump's order is not to be trusted)."""
        return (self.timestamp, int(self.id) if self.id.isdigit() else -1)


@dataclass(frozen=True)
class SiteInfo:
    """What a dump's `<siteinfo>` says about its wiki."""

    name: str = ""
    language: str = ""  # the export's xml:lang: the wiki's content language
    namespaces: dict[int, tuple[str, ...]] = field(default_factory=dict)  # number -> names

    def namespace_table(self) -> Namespaces:
        """The wiki's namespaces: these names, then its language's, then every language's."""
        return Namespaces(self.namespaces, self.language)


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
    path: Path,
    progress: Callable[[int], None] | None = None,
    siteinfo: Callable[[SiteInfo], None] | None = None,
) -> Iterator[Revision | PageEnd]:
    """Every revision of every page in dump order, each page followed by its `PageEnd`.
    ``progress`` is told the position in the stored (compressed) file after each page;
    ``siteinfo`` is given the dump's `SiteInfo` before the first page."""
    with open(path, "rb") as raw, decompressed(path, raw) as handle:
        tell = raw.tell if progress is not None else None
        yield from scan_revisions(handle, str(path), progress, tell, siteinfo)


def read_siteinfo(path: Path) -> SiteInfo:
    """The `SiteInfo` of the dump at ``path`` (read up to its first page)."""
    found: list[SiteInfo] = []
    for _ in stream_revisions(path, siteinfo=found.append):
        break
    return found[0] if found else SiteInfo()


def scan_revisions(
    handle: BinaryIO,
    name: str,
    progress: Callable[[int], None] | None = None,
    tell: Callable[[], int] | None = None,
    siteinfo: Callable[[SiteInfo], None] | None = None,
) -> Iterator[Revision | PageEnd]:
    """`stream_revisions` over an open binary stream (``name`` for messages)."""
    scanner = _Scanner(handle, name, siteinfo)
    title: str | None = None
    page_damage: list[str] = []
    while True:
        try:
            tag = scanner.next_tag()
        except (OSError, EOFError, lzma.LZMAError) as exc:
            if title is not None:
                yield PageEnd(title, f"the dump breaks at its end: {exc}")
            return
        if tag is None:
            if title is not None:
                yield PageEnd(title, "the dump ends inside this page")
            return
        kind, body, complete = tag
        if kind == "page":
            if title is not None:  # no </page> before the next <page>
                yield PageEnd(title, "the page never ends; read on from the next <page>")
            title, page_damage = "", []
        elif kind == "title" and title is not None:
            title = _text_of(body, "title").strip()
        elif kind == "revision" and title is not None:
            revision = _revision(title, body)
            if revision.damage:
                page_damage.append(f"revision {revision.id or '?'}: {revision.damage}")
            yield revision
            if not complete:
                yield PageEnd(title, "the dump ends inside this revision; its text may be cut")
                return
        elif kind == "/page" and title is not None:
            yield PageEnd(title, "; ".join(page_damage) or None)
            title = None
            if progress is not None and tell is not None:
                progress(tell())


_TAGS = re.compile(rb"<(page|title|revision|/page)[\s>]")
_ENDS = {b"title": b"</title>", b"revision": b"</revision>"}
_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)


class _Scanner:
    """The dump's bytes cut at the tags that matter; at most one revision held at a time."""

    def __init__(
        self, handle: BinaryIO, name: str, siteinfo: Callable[[SiteInfo], None] | None = None
    ) -> None:
        self.handle, self.name, self.siteinfo = handle, name, siteinfo
        self.buffer = b""
        self.pos = 0  # where the unread part of the buffer starts
        self.eof = False
        self.started = False

    def _fill(self) -> bool:
        """Read one more block (dropping what was read); False at the end of the stream."""
        if self.eof:
            return False
        block = self.handle.read(BLOCK)
        if not block:
            self.eof = True
            return False
        self.buffer = self.buffer[self.pos :] + block
        self.pos = 0
        return True

    def _check_prolog(self, upto: int) -> None:
        if _DOCTYPE.search(self.buffer, self.pos, upto):
            raise InputError(
                "the dump declares a DOCTYPE or entities, which MediaWiki exports never do "
                "(the way entity-expansion attacks arrive): refused",
                self.name,
            )

    def _give_siteinfo(self, upto: int) -> None:
        if self.siteinfo is not None:
            self.siteinfo(_siteinfo(self.buffer[self.pos : upto]))
            self.siteinfo = None

    def next_tag(self) -> tuple[str, bytes, bool] | None:
        """(tag name, its whole element for title/revision, complete?) or None at the end."""
        while True:
            match = _TAGS.search(self.buffer, self.pos)
            if match is None:
                if not self.started:
                    self._check_prolog(len(self.buffer))
                    self.started = len(self.buffer) > PROLOG_LIMIT
                    if not self.started:
                        # the prolog is read whole (at most PROLOG_LIMIT) for its siteinfo
                        if not self._fill():
                            self._give_siteinfo(len(self.buffer))
                            return None
                        continue
                self.pos = max(self.pos, len(self.buffer) - 16)  # a tag may straddle blocks
                if not self._fill():
                    return None
                continue
            if not self.started:
                self._check_prolog(match.start())
                self._give_siteinfo(match.start())
                self.started = True
            kind = match.group(1)
            if kind not in _ENDS:
                self.pos = match.end() - 1
                return kind.decode(), b"", True
            return self._element(kind, match.start() - self.pos, match.end() - self.pos)

    def _element(self, kind: bytes, start: int, opened: int) -> tuple[str, bytes, bool]:
        """The element whose start tag is at ``start`` (relative to ``pos``): up to its end
        tag, or up to the next page or revision when it never closes, or to the end."""
        end_tag = _ENDS[kind]
        searched = opened
        while True:
            base = self.pos
            end = self.buffer.find(end_tag, base + searched)
            following = _TAGS.search(self.buffer, base + searched)
            if following is not None and (end < 0 or following.start() < end):
                # a <page> or <revision> comes first: this element never closed
                body = self.buffer[base + start : following.start()]
                self.pos = following.start()
                return kind.decode(), body, True
            if end >= 0:
                stop = end + len(end_tag)
                body = self.buffer[base + start : stop]
                self.pos = stop
                return kind.decode(), body, True
            searched = max(opened, len(self.buffer) - base - 16)
            if not self._fill():
                body = self.buffer[self.pos + start :]
                self.pos = len(self.buffer)
                return kind.decode(), body, False


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        recover=True, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
    )


_SITEINFO = re.compile(rb"<siteinfo\b.*?</siteinfo>", re.DOTALL)
_LANG = re.compile(rb"<mediawiki\b[^>]*\bxml:lang=\"([^\"]*)\"")


def _siteinfo(prolog: bytes) -> SiteInfo:
    """The siteinfo in the text before the first page (an empty one when there is none)."""
    language = _LANG.search(prolog)
    found = _SITEINFO.search(prolog)
    if found is None:
        return SiteInfo(language=language.group(1).decode("utf-8", "replace") if language else "")
    element = etree.fromstring(found.group(0), _parser())
    name, namespaces = "", {}
    for child in element.iter() if element is not None else ():
        local = _local(child)
        if local == "sitename":
            name = (child.text or "").strip()
        elif local in ("namespace", "alias"):  # (aliases: <namespacealiases>, newer dumps)
            number, text = (child.get("key") or "").strip(), (child.text or "").strip()
            if number.lstrip("-").isdigit() and text:
                namespaces.setdefault(int(number), []).append(text)
    return SiteInfo(
        name,
        language.group(1).decode("utf-8", "replace") if language else "",
        {number: tuple(names) for number, names in namespaces.items()},
    )


def _text_of(body: bytes, name: str) -> str:
    parser = _parser()
    element = etree.fromstring(body, parser) if body.strip() else None
    return (element.text or "") if element is not None else ""


def _local(element: etree._Element) -> str:
    """The tag without its namespace (a damaged dump may hold `p:text` with an undeclared
    prefix, which lxml's QName refuses: such a tag keeps its prefix and matches nothing)."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _revision(title: str, body: bytes) -> Revision:
    parser = _parser()
    try:
        element = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        element = None
        damage = [str(exc)]
    else:
        damage = [f"{e.message.strip()} (line {e.line})" for e in parser.error_log]
    values = {"id": "", "parentid": "", "timestamp": "", "comment": "", "sha1": "", "model": ""}
    text: str | None = None
    state, declared_bytes = "missing", None
    user, anonymous = "", False
    for child in element if element is not None else ():
        local = _local(child)
        if local in values:
            values[local] = (child.text or "").strip()
        elif local == "text":
            if child.get("deleted") is not None:
                state = "deleted"
            else:
                text = child.text or ""
                state = "text" if text else "empty"
                declared_bytes = child.get("bytes")
        elif local == "contributor":
            for part in child:
                part_name = _local(part)
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
        state,
        _mismatch(text, declared_bytes, values["sha1"]),
        "; ".join(damage[:3]) or None,
        values["model"],
    )


def _mismatch(text: str | None, declared_bytes: str | None, sha1: str) -> str | None:
    """Where the text disagrees with the size and base-36 SHA-1 the dump gives for it: the
    cheapest sign of silent corruption."""
    if text is None:
        return None
    problems = []
    size = len(text.encode("utf-8"))
    if declared_bytes is not None and declared_bytes.isdigit() and int(declared_bytes) != size:
        problems.append(f"bytes: the dump says {declared_bytes}, the text has {size}")
    if sha1 and sha1 != sha1_base36(text):
        problems.append(f"sha1: the dump says {sha1}, the text's is {sha1_base36(text)}")
    return "; ".join(problems) or None


def sha1_base36(text: str) -> str:
    """MediaWiki's ``rev_sha1``: the SHA-1 of the UTF-8 text in base 36, 31 digits."""
    number = int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16)
    digits = []
    while number:
        number, rest = divmod(number, 36)
        digits.append("0123456789abcdefghijklmnopqrstuvwxyz"[rest])
    return "".join(reversed(digits)).rjust(31, "0")
