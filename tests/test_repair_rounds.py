"""The repair loop: a page whose repairs never settle is kept as read, with a warning; pages of
code are never repaired."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wikirecover import Options, convert_text
from wikirecover.model import Document, Severity
from wikirecover.pipeline import REPAIR_ROUNDS
from wikirecover.registry import PASSES, register_pass


@pytest.fixture
def growing_pass() -> Iterator[str]:
    """A pass that adds to the page every time it runs (as a buggy repair would)."""

    @register_pass("test-growing")
    def grow(doc: Document, options: Options) -> None:
        doc.wikicode.append("x")
        doc.report("grew", "added an x", "pass:test-growing", Severity.GUESS)

    yield "test-growing"
    del PASSES["test-growing"]


def test_repairs_that_never_settle_leave_the_page_as_read(growing_pass: str) -> None:
    options = Options(passes=(growing_pass,), budget=None)
    [result] = convert_text("A page.\n", kind="wikitext", options=options)
    assert result.output == "A page.\n"
    codes = [issue.code for issue in result.document.issues]
    assert codes == ["repair-unsettled"]
    message = result.document.issues[0].message
    assert f"after {REPAIR_ROUNDS} rounds" in message and "first: added an x" in message


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Module:Coordinates", "--[[ a comment\nlocal w = 'Template:Coord'\n"),
        ("MediaWiki:Common.css", "/* {Template:Audio} */\n"),
        ("User:Ann/common.js", "var a = '[[x';\n"),
    ],
)
def test_pages_of_code_are_never_repaired(title: str, text: str) -> None:
    [result] = convert_text(text, kind="wikitext", title=title, options=Options(repairs="all"))
    assert result.output == text
    assert [i.code for i in result.document.issues] == ["not-wikitext"]
    assert str(result.document.status) == "OK"
