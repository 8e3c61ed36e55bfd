"""Reading and writing wikitext gives back the same bytes, for every real page we have; the
repair passes leave clean pages alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHARED, shared_dir

from wikirecover import Options, convert, read, write

CLEAN_PAGES = sorted((SHARED / "corpus" / "wikitext").glob("*.wiki")) + sorted(
    (SHARED / "corpus" / "forked").glob("*.upstream.wiki")
)


def test_corpus_is_there_or_skipped() -> None:
    folder = shared_dir("corpus", "wikitext")
    assert len(list(folder.glob("*.wiki"))) == 46


@pytest.mark.parametrize("path", CLEAN_PAGES, ids=lambda p: p.name)
def test_wikitext_round_trip_is_exact(path: Path) -> None:
    original = path.read_bytes()
    [doc] = read(path, kind="wikitext")
    assert write(doc, "wikitext").encode("utf-8") == original
    assert doc.issues == []


# Real damage in the real articles, which MediaWiki itself shows as a cite error: reported,
# never changed (a person has to choose which definition is right).
REPORTED_ONLY = {"Anarchism.wiki": ["ref-name-conflict", "ref-name-conflict"]}
DAMAGED = "United_Kingdom.wiki"  # lost `<ref>{{` before `cite web |url=...}}</ref>`


@pytest.mark.parametrize("path", CLEAN_PAGES, ids=lambda p: p.name)
def test_passes_leave_clean_pages_unchanged(path: Path) -> None:
    if path.name == DAMAGED:
        return
    [result] = convert(path, to="wikitext", kind="wikitext", options=Options())
    assert result.output == path.read_text(encoding="utf-8")
    assert [i.code for i in result.document.issues] == REPORTED_ONLY.get(path.name, [])


def test_the_damaged_article_gets_one_reported_repair_and_nothing_else() -> None:
    path = shared_dir("corpus", "wikitext") / DAMAGED
    original = path.read_text(encoding="utf-8")
    [result] = convert(path, to="wikitext", kind="wikitext")
    assert [i.code for i in result.document.issues] == ["ref-opening-restored"]
    assert result.output == original.replace("1980scite web", "1980s<ref>{{cite web", 1)
