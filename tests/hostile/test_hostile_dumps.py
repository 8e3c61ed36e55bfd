"""Reliability table (a), rows 36-43: XML dumps, read whole (`--from xml`) and streamed (batch)."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from wikirecover import InputError, read_text
from wikirecover.dumps import PageEnd, Revision, stream_revisions

NS = 'xmlns="http://www.mediawiki.org/xml/export-0.11/"'


def page(title: str, text: str, rev: str = "1", timestamp: str = "2020-01-01T00:00:00Z") -> str:
    return (
        f"<page><title>{title}</title><ns>0</ns><revision><id>{rev}</id>"
        f"<timestamp>{timestamp}</timestamp><text>{text}</text></revision></page>"
    )


def dump(*pages: str, head: str = "") -> str:
    return f'<?xml version="1.0"?>{head}<mediawiki {NS}>' + "".join(pages) + "</mediawiki>"


def streamed(tmp_path: Path, data: str | bytes) -> list[Revision | PageEnd]:
    path = tmp_path / "dump.xml"
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return list(stream_revisions(path))


LAUGHS = (
    '<!DOCTYPE mediawiki [<!ENTITY a "aaaaaaaaaa">'
    + "".join(
        f'<!ENTITY {b} "{("&" + a + ";") * 10}">'
        for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "]>"
)
EXTERNAL = '<!DOCTYPE mediawiki [<!ENTITY x SYSTEM "file:///etc/passwd">]>'


@pytest.mark.parametrize("head", [LAUGHS, EXTERNAL], ids=["billion-laughs", "external-entity"])
def test_rows36_37_a_dump_declaring_a_doctype_is_refused_quickly(tmp_path, head: str) -> None:
    text = dump(page("A", "&i; &x;"), head=head)
    started = time.monotonic()
    with pytest.raises(InputError, match="DOCTYPE"):
        read_text(text, kind="xml")
    with pytest.raises(InputError, match="DOCTYPE"):
        streamed(tmp_path, text)
    assert time.monotonic() - started < 2


def test_row38_a_truncated_dump_keeps_whole_pages_and_salvages_the_last(tmp_path) -> None:
    text = dump(page("A", "whole page"), page("B", "second page text"))
    cut = text[: text.index("second page text") + len("second pa")]
    items = streamed(tmp_path, cut)
    assert [i.text for i in items if isinstance(i, Revision)] == ["whole page", "second pa"]
    assert items[-1] == PageEnd("B", items[-1].damage) and items[-1].damage
    docs = read_text(cut, kind="xml")
    assert [d.title for d in docs] == ["A", "B"]
    assert str(docs[-1].status) == "DEGRADED" and "second pa" in docs[-1].text


@pytest.mark.parametrize(
    "junk", ["\x00", "&nbsp;", "\x01<", "&#0;"], ids=["nul", "nbsp", "ctl", "ref0"]
)
def test_row39_damage_in_the_middle_loses_no_page_before_or_after(tmp_path, junk: str) -> None:
    pages = [page(f"P{n}", f"text of page {n}", str(n)) for n in range(1, 7)]
    pages[3] = page("P4", f"broken {junk} page", "4")
    text = dump(*pages)
    titles = [i.title for i in streamed(tmp_path, text) if isinstance(i, PageEnd)]
    assert titles == [f"P{n}" for n in range(1, 7)]
    assert [d.title for d in read_text(text, kind="xml")] == titles


def test_row40_a_huge_token_is_read_in_linear_time(tmp_path) -> None:
    text = dump(f'<page><title a="{"x" * (8 << 20)}">Big</title>' + page("Next", "after")[6:])
    started = time.monotonic()
    items = streamed(tmp_path, text)
    assert time.monotonic() - started < 10
    assert "Next" in [i.title for i in items if isinstance(i, PageEnd)]


def test_row41_a_text_node_over_10_mb_is_read_whole(tmp_path) -> None:
    big = "word " * (2_200_000)  # 11 MB
    items = streamed(tmp_path, dump(page("Big", big)))
    [revision] = [i for i in items if isinstance(i, Revision)]
    assert revision.text == big


def _sha1_base36(text: str) -> str:
    number = int(hashlib.sha1(text.encode()).hexdigest(), 16)
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[rest] + digits
    return digits.rjust(31, "0")


def test_row42_deleted_empty_and_missing_text_are_told_apart(tmp_path) -> None:
    revisions = (
        '<revision><id>1</id><text deleted="deleted"/></revision>'
        "<revision><id>2</id><text/></revision>"
        "<revision><id>3</id></revision>"
    )
    items = streamed(tmp_path, dump(f"<page><title>A</title>{revisions}</page>"))
    states = {i.id: i.text_state for i in items if isinstance(i, Revision)}
    assert states == {"1": "deleted", "2": "empty", "3": "missing"}


def test_row42_bytes_and_sha1_are_checked(tmp_path) -> None:
    good = "Intact text"
    revision = (
        f'<revision><id>1</id><text bytes="{len(good)}">{good}</text>'
        f"<sha1>{_sha1_base36(good)}</sha1></revision>"
        f'<revision><id>2</id><text bytes="99">Changed text</text>'
        f"<sha1>{_sha1_base36('Other text')}</sha1></revision>"
    )
    items = streamed(tmp_path, dump(f"<page><title>A</title>{revision}</page>"))
    checks = {i.id: i.mismatch for i in items if isinstance(i, Revision)}
    assert checks["1"] is None
    assert "bytes" in checks["2"] and "sha1" in checks["2"]
    [doc] = read_text(dump(f"<page><title>A</title>{revision}</page>"), kind="xml")
    assert any(i.code == "xml-checksum" for i in doc.issues)


def test_row43_the_newest_revision_wins_whatever_the_order(tmp_path) -> None:
    text = dump(
        "<page><title>A</title>"
        "<revision><id>9</id><timestamp>2021-01-01T00:00:00Z</timestamp><text>newest</text>"
        "</revision><revision><id>3</id><timestamp>2019-01-01T00:00:00Z</timestamp>"
        "<text>older</text></revision></page>"
    )
    [doc] = read_text(text, kind="xml")
    assert doc.text == "newest"


def test_row43_duplicate_titles_are_reported_and_not_overwritten(tmp_path) -> None:
    from click.testing import CliRunner

    from wikirecover.cli import cli

    text = dump(page("A", "first copy", "1"), page("A", "second copy", "2"), page("Ns:B", "b", "3"))
    (tmp_path / "dump.xml").write_text(text)
    docs = read_text(text, kind="xml")
    assert any(i.code == "xml-duplicate-title" for d in docs for i in d.issues)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["batch", str(tmp_path / "dump.xml"), "-o", str(out), "--to", "wikitext", "-q"]
    )
    assert result.exit_code in (0, 1), result.output
    written = sorted(p.read_text() for p in out.rglob("*.wiki"))
    assert written == ["b", "first copy", "second copy"]


def test_dump_checksum_helper_matches_mediawiki() -> None:
    # base-36 SHA-1 of the empty text, as MediaWiki stores it
    assert _sha1_base36("") == "phoiac9h4m842xq45sp7s6u21eteeq1"
