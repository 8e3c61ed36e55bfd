"""The conservation check: every word of the page in each export, or reported."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest
from conftest import shared_dir

from wikirecover import convert_text, read_text
from wikirecover.options import Options
from wikirecover.pipeline import load, write
from wikirecover.verify import check, lost_words, reported_words


def test_a_lost_word_is_reported_with_its_count() -> None:
    [doc] = read_text("Alpha beta gamma. Beta again.\n", kind="wikitext")
    assert check(doc, "Alpha gamma. again.", "gfm", Options()) == 2
    [issue] = [i for i in doc.issues if i.code == "words-lost"]
    assert "2 words" in issue.message and "beta" in issue.message


@pytest.mark.parametrize(
    ("output", "unsafe"),
    [
        ("<p>Alpha beta gamma.</p>", 0),
        ("<p>Alpha beta gamma.</p><script>alert(1)</script>", 1),
        ('<p onclick="x()">Alpha beta gamma.</p>', 1),
        ('<p><a href="javascript:x()">Alpha</a> beta gamma.</p>', 1),
    ],
)
def test_an_html_export_is_checked_against_the_sanitizer(output: str, unsafe: int) -> None:
    [doc] = read_text("Alpha beta gamma.\n", kind="wikitext")
    check(doc, output, "html", Options())
    found = [i for i in doc.issues if i.code == "unsafe-html"]
    assert len(found) == unsafe
    assert all(i.severity == "error" for i in found)


def test_navigation_and_citation_marks_are_not_words_of_the_page() -> None:
    [doc] = read_text("A<ref>Note</ref>\n== H ==\n", kind="wikitext")
    assert not lost_words(doc, "A H Note", "gfm", Options())


def test_code_is_counted_as_written() -> None:
    [doc] = read_text("x <code>&lt;div&gt;</code>\n", kind="wikitext")
    assert not lost_words(doc, "x `<div>`", "gfm", Options())


# Words of the input that an export lost and that no issue of the page quotes (as often as they
# were lost), summed over the 46 corpus pages (about 110,000-125,000 words per input kind), as
# measured; the goal is 0.
UNEXPLAINED = {
    ("wikitext", "wikitext"): 0,
    ("wikitext", "html"): 0,
    ("wikitext", "gfm"): 0,
    ("html", "wikitext"): 0,
    ("html", "html"): 0,
    ("html", "gfm"): 0,
    ("text", "wikitext"): 0,
    ("text", "html"): 0,
    ("text", "gfm"): 0,
    ("text-crawled", "wikitext"): 0,
    ("text-crawled", "html"): 0,
    ("text-crawled", "gfm"): 0,
    ("xml", "wikitext"): 0,
    ("xml", "html"): 0,
    ("xml", "gfm"): 0,
}


@pytest.mark.parametrize(("kind", "to"), sorted(UNEXPLAINED))
def test_corpus_losses_are_explained_by_the_report(kind: str, to: str) -> None:
    options = Options(budget=None, verify=True)
    if kind == "xml":  # the wikitext pages in one MediaWiki export
        pages = sorted(shared_dir("corpus", "wikitext").iterdir())
        results = convert_text(_export(pages), kind="xml", to=to, options=options)
        assert len(results) == len(pages)
    else:
        results = [
            result
            for page in sorted(shared_dir("corpus", kind).iterdir())
            for result in convert_text(load(page)[0], to=to, options=options)
        ]
    unexplained = sum(
        len(issue.dropped.split())
        for result in results
        for issue in result.document.issues
        if issue.code == "words-lost"
    )
    assert unexplained <= UNEXPLAINED[(kind, to)]


def _export(pages: list) -> str:
    body = "".join(
        f"<page><title>{escape(page.stem.replace('_', ' '))}</title><revision><id>{n}</id>"
        f"<text>{escape(page.read_text(encoding='utf-8'))}</text></revision></page>"
        for n, page in enumerate(pages, 1)
    )
    return f'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/">{body}</mediawiki>'


def test_what_pandoc_loses_is_reported() -> None:
    pages = sorted(shared_dir("corpus", "wikitext").glob("*.wiki"))[:12]
    for page in pages:
        [doc] = read_text(page.read_text(encoding="utf-8"), kind="wikitext")
        output = write(doc, "pandoc-dokuwiki", Options())
        lost = lost_words(doc, output, "pandoc-dokuwiki", Options())
        unexplained = check(doc, output, "pandoc-dokuwiki", Options())
        assert unexplained <= sum(lost.values())
        assert (unexplained > 0) == any(i.code == "words-lost" for i in doc.issues)
        listed = [i.dropped.split() for i in doc.issues if i.code == "words-lost"]
        assert sum(map(len, listed)) == unexplained  # all of them listed, none twice
        assert set(lost) - set(reported_words(doc)) >= {w for words in listed for w in words}
