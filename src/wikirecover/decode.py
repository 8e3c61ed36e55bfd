"""Bytes to text with an explicit, reported policy (BOMs, UTF-16, legacy 8-bit encodings)."""

from __future__ import annotations

import codecs
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


# File signatures of things that are not pages: reading them as text would only make noise.
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
)


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
        encoding = _guess_utf16(data) or "utf-8"
    try:
        return Decoded(data.decode(encoding), encoding, tuple(notes))
    except UnicodeDecodeError as exc:
        if encoding != "utf-8":
            raise InputError(
                f"not valid {encoding}: {exc.reason} at byte {exc.start}", path
            ) from None
        bad_at = exc.start
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
