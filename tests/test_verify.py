"""The conservation check: every word of the page in each export, or reported."""

from __future__ import annotations

import pytest
from conftest import shared_dir

from wikirecover import read_text
from wikirecover.options import Options
from wikirecover.pipeline import write
from wikirecover.verify import check, lost_words


def test_a_lost_word_is_reported_with_its_count() -> None:
    [doc] = read_text("Alpha beta gamma. Beta again.\n", kind="wikitext")
    assert check(doc, "Alpha gamma. again.", "gfm", Options()) == 2
    [issue] = [i for i in doc.issues if i.code == "words-lost"]
    assert "2 words" in issue.message and "beta" in issue.message


def test_navigation_and_citation_marks_are_not_words_of_the_page() -> None:
    [doc] = read_text("A<ref>Note</ref>\n== H ==\n", kind="wikitext")
    assert not lost_words(doc, "A H Note", "gfm", Options())


def test_code_is_counted_as_written() -> None:
    [doc] = read_text("x <code>&lt;div&gt;</code>\n", kind="wikitext")
    assert not lost_words(doc, "x `<div>`", "gfm", Options())


# Measured over the 46 corpus pages (125,500 words): html 0 lost, gfm 9 (one page).
CEILINGS = {"html": 0, "gfm": 9}


@pytest.mark.parametrize("to", sorted(CEILINGS))
def test_corpus_exports_keep_the_pages_words(to: str) -> None:
    pages = sorted(shared_dir("corpus", "wikitext").glob("*.wiki"))
    lost = 0
    for page in pages:
        [doc] = read_text(page.read_text(encoding="utf-8"), kind="wikitext")
        lost += sum(lost_words(doc, write(doc, to, Options()), to, Options()).values())
    assert lost <= CEILINGS[to]


def test_what_pandoc_loses_is_reported() -> None:
    pages = sorted(shared_dir("corpus", "wikitext").glob("*.wiki"))[:12]
    for page in pages:
        [doc] = read_text(page.read_text(encoding="utf-8"), kind="wikitext")
        output = write(doc, "dokuwiki", Options())
        lost = sum(lost_words(doc, output, "dokuwiki", Options()).values())
        reported = check(doc, output, "dokuwiki", Options())
        assert reported == lost
        assert (lost > 0) == any(i.code == "words-lost" for i in doc.issues)
