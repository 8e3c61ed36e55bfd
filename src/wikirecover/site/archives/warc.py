"""WARC files (``.warc``, ``.warc.gz``) read with FastWARC, ARC files (``.arc``, ``.arc.gz``)
with warcio, which alone reads them.

FastWARC reads this project's sample crawl at 89 MB/s (compressed) where warcio reads it at
17 MB/s (``python benchmarks/site_archives.py --readers``). Records are streamed: each response
is handed on with its offset, and its body is read again from there when a page needs it, so a
multi-GB archive runs in flat memory. A ``conversion`` record (the text a crawler extracted
from a page, as in Common Crawl's WET files) is a capture of that text. A ``revisit`` record
(the crawler saw the same payload again) is a capture of its own whose body is the earlier
response's. A damaged record ends the file's reading with a note; the captures before it are
kept.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..capture import Capture, split_content_type

Opener = Callable[[], BinaryIO]  # a fresh, seekable handle on the archive's bytes


def warc_captures(name: str, opener: Opener, damage: list[str]) -> Iterator[Capture]:
    """The response and revisit records of a WARC, as captures; ``damage`` collects why the
    reading stopped early, if it did."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    wanted = (
        WarcRecordType.response
        | WarcRecordType.revisit
        | WarcRecordType.resource
        | WarcRecordType.conversion  # a page's text, as Common Crawl's WET files keep it
    )
    by_digest: dict[str, Callable[[], bytes]] = {}
    last: int | None = None  # where the last record read starts
    with opener() as handle:
        try:
            for record in ArchiveIterator(handle, parse_http=True):
                last = record.stream_pos
                if not record.record_type & wanted:
                    continue
                url = record.headers.get("WARC-Target-URI") or ""
                timestamp = _timestamp(record.headers.get("WARC-Date") or "")
                digest = record.headers.get("WARC-Payload-Digest") or ""
                if record.record_type in (WarcRecordType.resource, WarcRecordType.conversion):
                    kind, charset = split_content_type(record.headers.get("Content-Type"))
                    status = 200
                    read = _reader(opener, record.stream_pos, http=False)
                else:
                    http = record.http_headers
                    if http is None:
                        continue
                    kind, charset = split_content_type(http.get("Content-Type"))
                    status = http.status_code
                    read = _reader(opener, record.stream_pos, http=True)
                if record.record_type == WarcRecordType.revisit:
                    earlier = by_digest.get(digest)
                    if earlier is None:
                        continue  # its payload is in another archive: nothing to read
                    read = earlier
                elif digest:
                    by_digest.setdefault(digest, read)
                yield Capture(
                    url,
                    timestamp,
                    status,
                    kind,
                    f"{name}@{record.stream_pos}",
                    read,
                    charset,
                )
        except Exception as exc:  # a damaged record: what came before it is kept
            damage.append(f"{name}: reading stopped at a damaged record ({exc})")
            return
    # FastWARC ends quietly at a record it cannot read: whatever follows the last record read
    # (a record cut short, bytes that are no record) is damage, reported, never silently lost
    with opener() as handle:
        problem = damage_after(handle, last)
    if problem:
        damage.append(f"{name}: {problem}; the captures before it are kept")


def damage_after(handle: BinaryIO, offset: int | None) -> str | None:
    """What is wrong after the record at ``offset`` (the last one read), or None when it ends
    the archive cleanly."""
    size = handle.seek(0, 2)
    if offset is None:
        return "no record could be read" if size else None
    handle.seek(offset)
    if handle.read(2) == b"\x1f\x8b":  # a gzip member per record
        handle.seek(offset)
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            while not member.eof:
                chunk = handle.read(1 << 20)
                if not chunk:
                    return f"the record at byte {offset} is cut short"
                member.decompress(chunk)
        except zlib.error as exc:
            return f"the record at byte {offset} cannot be decompressed ({exc})"
        rest = member.unused_data + handle.read(1 << 16)
    else:
        handle.seek(offset)
        header = b""
        while not header.endswith(b"\r\n\r\n"):
            line = handle.readline()
            if not line:
                return f"the record at byte {offset} is cut short"
            header += line
        length = 0
        for line in header.split(b"\r\n"):
            field, _, value = line.partition(b":")
            if field.strip().lower() == b"content-length" and value.strip().isdigit():
                length = int(value)
        end = offset + len(header) + length
        if end > size:
            return f"the record at byte {offset} is cut short ({end - size} bytes missing)"
        handle.seek(end)
        rest = handle.read(1 << 16)
    if rest.strip():
        return f"bytes after the record at byte {offset} are not a readable record"
    return None


def _reader(opener: Opener, offset: int, http: bool) -> Callable[[], bytes]:
    """The record's payload, its transfer and content encodings undone by FastWARC; as stored
    where that fails (a crawler that kept a Content-Encoding header over a decoded body)."""

    def read() -> bytes:
        from fastwarc.warc import ArchiveIterator

        for decode in ("all", "none") if http else ("none",):
            try:
                with opener() as handle:
                    handle.seek(offset)
                    for record in ArchiveIterator(handle, parse_http=http, auto_decode=decode):
                        return record.reader.read()
                return b""
            except OSError:
                if decode == "none":
                    raise
        return b""

    return read


def arc_captures(path: Path, damage: list[str]) -> Iterator[Capture]:
    """The records of an ARC file (warcio reads ARC as WARC responses)."""
    name = str(path)
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as handle:
        iterator = ArchiveIterator(handle, arc2warc=True)
        try:
            for record in iterator:
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                offset = iterator.get_record_offset()
                kind, charset = split_content_type(record.http_headers.get_header("Content-Type"))
                yield Capture(
                    record.rec_headers.get_header("WARC-Target-URI") or "",
                    _timestamp(record.rec_headers.get_header("WARC-Date") or ""),
                    int(record.http_headers.get_statuscode() or 0) or None,
                    kind,
                    f"{name}@{offset}",
                    _arc_reader(path, offset),
                    charset,
                )
        except Exception as exc:
            damage.append(f"{name}: reading stopped at a damaged record ({exc})")


def _arc_reader(path: Path, offset: int) -> Callable[[], bytes]:
    def read() -> bytes:
        from warcio.archiveiterator import ArchiveIterator

        with open(path, "rb") as handle:
            handle.seek(offset)
            for record in ArchiveIterator(handle, arc2warc=True):
                return record.content_stream().read()
        return b""

    return read


def _timestamp(date: str) -> str | None:
    """``2009-03-15T01:50:39Z`` (WARC) or ``20090315015039`` (ARC) -> ``20090315015039``."""
    digits = "".join(c for c in date if c.isdigit())[:14]
    return digits.ljust(14, "0") if len(digits) >= 8 else None
