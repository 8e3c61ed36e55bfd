"""Bytes to text: BOMs, UTF-16, legacy encodings, empty input."""

from __future__ import annotations

import pytest

from wikirecover.decode import decode
from wikirecover.errors import InputError


def test_utf8_plain() -> None:
    decoded = decode("Zürich".encode(), "f")
    assert (decoded.text, decoded.encoding, decoded.notes) == ("Zürich", "utf-8", ())


def test_utf8_bom_removed_and_noted() -> None:
    decoded = decode(b"\xef\xbb\xbfabc", "f")
    assert decoded.text == "abc"
    assert "byte-order mark" in decoded.notes[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_or_without_bom(encoding: str) -> None:
    text = "== Heading ==\nSome text [[link]]\n"
    assert decode(text.encode(encoding), "f").text == text


def test_cp1252_fallback_is_noted() -> None:
    decoded = decode("café – naïve".encode("cp1252"), "f")
    assert decoded.text == "café – naïve"
    assert decoded.encoding == "cp1252"
    assert "not valid UTF-8" in decoded.notes[0]


@pytest.mark.parametrize("data", [b"", b"   \n", b"\xef\xbb\xbf", b"\x00\x00"])
def test_empty_input_is_an_error_naming_the_file(data: bytes) -> None:
    with pytest.raises(InputError) as info:
        decode(data, "page.txt")
    assert str(info.value).startswith("page.txt: empty input")


@pytest.mark.parametrize(
    ("data", "what"),
    [(b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"), (b"\x1f\x8b\x08\x00", "gzip-compressed")],
)
def test_binary_files_are_named_not_read(data: bytes, what: str) -> None:
    with pytest.raises(InputError) as info:
        decode(data, "image.png")
    assert what in str(info.value) and str(info.value).startswith("image.png:")
