"""Real wiki material from outside the corpus (../shared/realworld, see its README): a real
XML dump of the Latgalian Wikipedia (every namespace, Lua modules, CSS, redirects) and pandoc's
MediaWiki test pages. Clean pages come back byte for byte, pages of code pass through, and the
exports hold every construct with no word lost and no dead link."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from conftest import shared_dir
from realworld_checks import dead_anchors

from wikirecover import Options
from wikirecover.dumps import Revision, read_siteinfo, stream_revisions
from wikirecover.pipeline import convert_documents, read, read_text, write
from wikirecover.templates import load_definitions

DUMP = "ltg-wikipedia-sample.xml"
EXPORT_EVERY = 8  # the export checks take every 8th page of the dump (the benchmark: all)


def _dump() -> Path:
    return shared_dir("realworld", "dumps") / DUMP


@pytest.fixture(scope="module")
def dump_pages() -> list:
    return read(_dump(), kind="xml")


@pytest.fixture(scope="module")
def dump_texts() -> dict[str, str]:
    return {r.title: r.text or "" for r in stream_revisions(_dump()) if isinstance(r, Revision)}


def _page(pages: list, title: str):
    return next(doc for doc in pages if doc.title == title)


def test_every_page_of_the_dump_round_trips_with_repair_on(dump_pages, dump_texts) -> None:
    changed = []
    for result in convert_documents(read(_dump(), kind="xml"), to="wikitext", options=Options()):
        if result.output != dump_texts[result.document.title]:
            changed.append(result.document.title)
    assert len(dump_texts) == 2004
    assert changed == []


def test_the_dumps_namespaces_come_from_its_siteinfo(dump_pages) -> None:
    info = read_siteinfo(_dump())
    assert info.language == "ltg"
    assert info.namespaces[14] == ("Kategoreja",)
    page = _page(dump_pages, "Aglyunys nūvods")  # [[Kategoreja:Aglyunys nūvods| ]]
    assert page.namespaces.split("Kategoreja:Aglyunys nūvods") == (14, "Aglyunys nūvods")
    gfm = write(page, "gfm", Options())
    assert '  - "Aglyunys nūvods"' in gfm  # a category, not a link
    assert "Kategoreja" not in gfm


def test_template_definitions_are_read_from_the_dumps_own_template_namespace() -> None:
    definitions = load_definitions(_dump())
    assert len(definitions) > 100
    assert "Nadabeigts rakstīņs" in definitions  # the page `Taiss:Nadabeigts rakstīņs`


@pytest.mark.parametrize(
    ("title", "model", "language"),
    [
        ("Modulis:If empty", "Scribunto", "lua"),
        ("Modulis:Vītys zemislopa", "Scribunto", "lua"),
        ("Modulis:Coordinates", "Scribunto", "lua"),
        ("MediaWiki:Common.css", "css", "css"),
    ],
)
def test_pages_of_code_pass_through_and_export_as_code(
    dump_pages, dump_texts, title: str, model: str, language: str
) -> None:
    doc = copy.deepcopy(_page(dump_pages, title))  # (the shared page stays as read)
    assert doc.content_model == model
    [result] = convert_documents([doc], to="wikitext", options=Options())
    assert result.output == dump_texts[title]
    assert not any(issue.changed_page for issue in result.document.issues)
    gfm = write(_page(dump_pages, title), "gfm", Options())
    assert f"```{language}\n" in gfm
    assert dump_texts[title].strip().splitlines()[0] in gfm


def test_a_redirect_exports_as_a_redirect(dump_pages) -> None:
    page = _page(dump_pages, "Taiss:Reflist")  # #REDIRECT [[Template:Nūruodis]]
    gfm = write(page, "gfm", Options())
    assert 'redirect: "Template:Nūruodis"' in gfm
    assert "1. REDIRECT" not in gfm and "REDIRECT" not in gfm.split("---")[-1]
    html = write(page, "html", Options())
    assert '<div class="redirectMsg">' in html
    assert "Pāradresēt uz:" in html  # the wiki's language (ltg falls back to lv)


def _sample(pages: list) -> list:
    return pages[::EXPORT_EVERY]


@pytest.mark.parametrize("to", ["gfm", "html"])
def test_the_dump_exports_with_no_word_lost(dump_pages, to: str) -> None:
    lost = {}
    options = Options(verify=True)
    for doc in _sample(read(_dump(), kind="xml", options=options)):
        [result] = convert_documents([doc], to=to, options=options)
        for issue in result.document.issues:
            if issue.code == "words-lost":
                lost[doc.title] = issue.message
    assert lost == {}


def test_the_dumps_gfm_export_has_no_dead_internal_link(dump_pages) -> None:
    dead = {}
    for doc in _sample(dump_pages):
        gfm, html = write(doc, "gfm", Options()), write(doc, "html", Options())
        if found := dead_anchors(gfm, html):
            dead[doc.title] = found
    assert dead == {}


# --- pandoc's MediaWiki test pages --------------------------------------------------------


def _pandoc_pages() -> list[Path]:
    return sorted(shared_dir("realworld", "pages").glob("*.wiki"))


def _read_page(path: Path, options: Options | None = None):
    [doc] = read_text(path.read_text(encoding="utf-8"), kind="wikitext", options=options)
    doc.title = path.stem
    return doc


def test_pandocs_pages_round_trip_with_repair_on() -> None:
    for path in _pandoc_pages():
        [result] = convert_documents([_read_page(path)], to="wikitext", options=Options())
        assert result.output == path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize("to", ["gfm", "html"])
def test_pandocs_pages_export_with_no_word_lost_and_no_dead_link(to: str) -> None:
    options = Options(verify=True)
    for path in _pandoc_pages():
        doc = _read_page(path, options)
        [result] = convert_documents([doc], to=to, options=options)
        assert isinstance(result.output, str)
        lost = [i.message for i in result.document.issues if i.code == "words-lost"]
        assert lost == [], path.name
        if to == "gfm":
            html = write(_read_page(path), "html", Options())
            assert dead_anchors(result.output, html) == [], path.name


@pytest.fixture(scope="module")
def reader_page() -> dict[str, str]:
    path = shared_dir("realworld", "pages") / "mediawiki-reader.wiki"
    return {to: write(_read_page(path), to, Options()) for to in ("gfm", "html")}


def test_the_reader_page_in_gfm_has_every_construct(reader_page) -> None:
    gfm = reader_page["gfm"]
    assert "Here is some $x=\\frac{y^\\pi}{z}$." in gfm  # inline math stays in its sentence
    assert "With spaces: $x=\\frac{y^\\pi}{z}$." in gfm
    assert "```ruby\nwidgets.each do |w|" in gfm and "syntaxhighlight" not in gfm
    assert "**Food complements**\n\n| Orange | Apple |" in gfm  # the caption, then the table
    assert "\\+Food" not in gfm and "| +Food" not in gfm
    assert "###### = not a header ==" in gfm  # past level 6 the signs are the title's
    assert "{|" not in gfm and "|}" not in gfm
    assert "[^1]: This." in gfm
    assert "> This is a block quote." in gfm
    assert "<del>hello</del>" in gfm


def test_the_reader_page_in_html_has_every_construct(reader_page) -> None:
    html = reader_page["html"]
    assert '<span class="math inline">\\(x=\\frac{y^\\pi}{z}\\)</span>' in html
    assert '<div class="mw-highlight mw-highlight-lang-ruby' in html
    assert "<caption>Food complements\n</caption>" in html
    assert "<h6>" in html
    assert re.search(r"<table>\s*<tbody><tr>\s*<td>Orange", html)
    assert "{|" not in html
    assert '<ol class="references">' in html
