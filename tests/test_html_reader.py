"""The HTML reader on hostile structure: deep trees are kept whole, nothing raises."""

from __future__ import annotations

from wikirecover import convert_text

DEPTH = 1000  # lxml.html silently drops everything past depth 255


def test_deep_tree_keeps_its_text() -> None:
    page = "<html><body>" + "<div>" * DEPTH + "deep text" + "</div>" * DEPTH + "</body></html>"
    [result] = convert_text(page, kind="html")
    assert "deep text" in result.output


def test_deep_formatting_degrades_with_all_text_kept() -> None:
    for opener, closer in (("<b>", "</b>"), ("<ul><li>", "</li></ul>")):
        page = "<html><body>" + opener * DEPTH + "deep text" + closer * DEPTH + "</body></html>"
        [result] = convert_text(page, kind="html")
        assert "deep text" in result.output
        assert str(result.document.status) in ("DEGRADED", "REPAIRED", "OK")


def test_broken_markup_never_raises() -> None:
    for page in ("<html><body><p>unclosed <b>bold <i>", "<table><tr><td>cell", "a <![ b", "<"):
        [result] = convert_text(page, kind="html")
        assert result.output is not None
