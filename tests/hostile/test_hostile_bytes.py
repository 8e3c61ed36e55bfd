"""Reliability table (a), rows 1-7: bytes and encoding."""

from __future__ import annotations

import pytest
from helpers import no_loss, run

from wikirecover import InputError, convert
from wikirecover.decode import decode
from wikirecover.options import Options


def test_row01_nul_is_removed_as_a_listed_repair_and_nothing_after_it_is_lost() -> None:
    text = "Before\x00after the NUL [[Link]] and '''more''' text.\n"
    result = run(text)
    no_loss(result)
    assert result.output == text.replace("\x00", "")
    assert "control-characters-removed" in [i.code for i in result.document.issues]


def test_row01_the_no_op_path_keeps_every_character() -> None:
    text = "a\x00b {{t|x\x00y}} c\n"
    result = run(text, passes=())
    assert result.output == text


def test_row02_invalid_utf8_mid_file_keeps_the_valid_text_and_locates_the_bad_byte() -> None:
    data = "Café ünïcode ".encode() + b"\xff" + " Grüße".encode()
    decoded = decode(data, "page.wiki")
    assert decoded.text.startswith("Café ünïcode ") and decoded.text.endswith(" Grüße")
    assert any("byte 16" in note for note in decoded.notes), decoded.notes


def test_row02_a_truncated_multibyte_sequence_at_the_end_is_noted() -> None:
    data = "Ende é".encode() + "é".encode()[:1]
    decoded = decode(data, "page.wiki")
    assert decoded.text.startswith("Ende é")
    assert decoded.notes
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in decoded.text)


def test_row02_lone_surrogates_never_reach_an_exporter() -> None:
    result = run("a \ud800 b\n", to="html")
    assert result.output is not None
    result.output.encode("utf-8")  # no lone surrogate left


@pytest.mark.parametrize(
    "data",
    [
        "== Titel ==\nÄpfel\n".encode("utf-16-le"),
        "== Titel ==\nÄpfel\n".encode("utf-16-be"),
        "== Titel ==\nÄpfel\n".encode("utf-16"),
        b"\xef\xbb\xbf" + "== Titel ==\nÄpfel\n".encode(),
    ],
    ids=["utf16le", "utf16be", "utf16bom", "utf8bom"],
)
def test_row03_encodings_are_sniffed(data: bytes) -> None:
    assert decode(data, "p.wiki").text == "== Titel ==\nÄpfel\n"


def test_row03_mojibake_is_repaired_only_as_a_listed_repair() -> None:
    result = run("Caf\u00c3\u00a9 in Z\u00c3\u00bcrich\n")
    assert result.output == "Café in Zürich\n"
    assert "mojibake-fixed" in [i.code for i in result.document.issues]


@pytest.mark.parametrize("reference", ["&#0;", "&#xD800;", "&#x110000;", "&#x1F;"])
def test_row04_references_to_invalid_code_points(reference: str) -> None:
    text = f"A {reference} B\n"
    assert run(text).output == text  # wikitext keeps the reference as written
    page = run(text, to="html").output
    assert page is not None
    assert not any(ord(c) < 0x20 and c not in "\n\t" for c in page)
    assert "\ufffd" in page or "&amp;#" in page


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_row05_line_endings_are_read_as_lines_and_restored(ending: str) -> None:
    text = ending.join(["== Heading ==", "Text [[Link]].", "* item", ""])
    result = run(text)
    no_loss(result)
    assert result.output == text
    page = run(text, to="html").output
    assert "<h2" in page and "<li>" in page


def test_row05_mixed_line_endings_are_unified_as_a_listed_repair() -> None:
    result = run("a\r\nb\r\nc\nd\r\n")
    assert result.output == "a\r\nb\r\nc\r\nd\r\n"
    assert "line-endings-unified" in [i.code for i in result.document.issues]


@pytest.mark.parametrize("data", [b"", b"  \n\t\n", b"\xef\xbb\xbf"], ids=["empty", "blank", "bom"])
def test_row06_empty_input_is_a_clear_error(tmp_path, data: bytes) -> None:
    path = tmp_path / "page.wiki"
    path.write_bytes(data)
    with pytest.raises(InputError, match="empty input") as error:
        convert(path)
    assert str(path) in str(error.value)


def test_row07_a_50_mb_line_fails_quickly_as_too_large() -> None:
    result = run("x" * (50 << 20))
    assert str(result.document.status) == "FAILED"
    assert "too large" in (result.document.failed or "")


def test_row07_the_size_cap_is_an_option() -> None:
    result = run("word " * 1000, max_page_bytes=1000)
    assert "too large" in (result.document.failed or "")
    assert run("word " * 1000, max_page_bytes=None).output == "word " * 1000
    assert Options().max_page_bytes == 10 << 20
