"""Bytes to text with an explicit, reported policy (BOMs, UTF-16, legacy 8-bit encodings)."""

from __future__ import annotations

import codecs
import re
import threading
from dataclasses import dataclass

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Share of NUL bytes at odd (or even) positions above which BOM-less text is taken as UTF-16:
# ASCII-heavy UTF-16 has a NUL in every other byte; real UTF-8 text has almost none.
UTF16_NUL_SHARE = 0.3


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    notes: tuple[str, ...]  # what the decoder decided that a user should know


# File signatures of things that are not pages: reading them as text would only make noise
# (each holds a byte no text starts with; other binaries are told by their control bytes).
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed (decompress it first)"),
    (b"BZh", "bzip2-compressed (decompress it first)"),
    (b"\xfd7zXZ\x00", "xz-compressed (decompress it first)"),
    (b"\x7fELF", "an ELF executable"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O executable"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x00asm", "a WebAssembly module"),
)
# Bytes that text never holds (C0 controls but tab, line feed, form feed, carriage return and
# escape): above this share of a BOM-less UTF-8 input's first block, it is binary, not a page
# (a damaged page holds a few, which the characters pass removes).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
BINARY_SHARE = 0.1
SNIFF_BLOCK = 1 << 16


def decode(data: bytes, path: str) -> Decoded:
    """Decode ``data`` (from ``path``) or raise `InputError` for empty or non-text input."""
    for signature, what in SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"not a page: the file is {what}", path)
    notes: list[str] = []
    encoding = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom) :], name
            notes.append(f"byte-order mark for {name} removed")
            break
    if not data.strip(b" \t\r\n\x00"):
        raise InputError("empty input (no text to read)", path)
    if encoding is None:
        encoding = _guess_utf16(data)
        if encoding is None:
            encoding = "utf-8"
            block = data[:SNIFF_BLOCK]
            controls = len(block) - len(block.translate(None, _CONTROL_BYTES))
            if controls > BINARY_SHARE * len(block):
                raise InputError(
                    f"not a page: binary data ({controls} control bytes in the first "
                    f"{len(block)}, {controls / len(block):.0%})",
                    path,
                )
    try:
        return Decoded(data.decode(encoding), encoding, tuple(notes))
    except UnicodeDecodeError as exc:
        if encoding != "utf-8":
            raise InputError(
                f"not valid {encoding}: {exc.reason} at byte {exc.start}", path
            ) from None
        bad_at = exc.start
    if _mostly_utf8(data):
        text, bad = _utf8_with_stray_bytes(data)
        shown = ", ".join(str(b) for b in bad[:5]) + (" ..." if len(bad) > 5 else "")
        notes.append(
            f"not valid UTF-8 at {len(bad)} place(s) (byte {shown}): those bytes read as "
            "Windows-1252, the rest as UTF-8"
        )
        return Decoded(text, "utf-8", tuple(notes))
    text = data.decode("cp1252", errors="replace")
    notes.append(
        f"not valid UTF-8 (first bad byte at {bad_at}); read as Windows-1252, "
        f"{text.count(chr(0xFFFD))} undecodable byte(s) replaced by U+FFFD"
    )
    return Decoded(text, "cp1252", tuple(notes))


def _guess_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    odd = sample[1::2].count(0) / (len(sample) // 2)
    even = sample[0::2].count(0) / ((len(sample) + 1) // 2)
    if odd > UTF16_NUL_SHARE and even < 0.05:
        return "utf-16-le"
    if even > UTF16_NUL_SHARE and odd < 0.05:
        return "utf-16-be"
    return None


# A well-formed UTF-8 sequence of two to four bytes (RFC 3629).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _mostly_utf8(data: bytes) -> bool:
    """Whether most non-ASCII bytes form UTF-8 sequences: UTF-8 with a few damaged bytes (a cut
    sequence, a byte from another encoding) rather than a legacy 8-bit encoding."""
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    return in_sequences > 0 and in_sequences >= 0.5 * len(_NON_ASCII.findall(data))


def _utf8_with_stray_bytes(data: bytes) -> tuple[str, list[int]]:
    """UTF-8 text whose invalid bytes are each read as Windows-1252 (U+FFFD for its five
    undefined bytes): no lone surrogates, nothing dropped, one pass. Returns the offsets of
    those bytes."""
    bad: list[int] = []
    _STRAY.bad = bad
    try:
        return data.decode("utf-8", errors=_STRAY_HANDLER), bad
    finally:
        _STRAY.bad = None


_STRAY = threading.local()
_STRAY_HANDLER = "wikirecover-stray-bytes"


def _read_stray_bytes(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    _STRAY.bad.extend(range(error.start, error.end))
    return error.object[error.start : error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error(_STRAY_HANDLER, _read_stray_bytes)
