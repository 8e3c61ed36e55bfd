"""The shortcuts that keep a page's conversion fast say exactly what the long way says."""

from __future__ import annotations

import itertools
import re

import mwparserfromhell
import pytest
from ftfy.badness import BADNESS_RE, is_bad
from hypothesis import given, settings
from hypothesis import strategies as st
from mwparserfromhell.nodes import Template, Text
from mwparserfromhell.wikicode import Wikicode

from wikirecover.model import Document, SourceInfo
from wikirecover.options import Options
from wikirecover.parsing import ends_line, nodes_of, parse_wikitext, starts_line
from wikirecover.passes import holders, references, syntax
from wikirecover.passes.characters import looks_bad
from wikirecover.passes.holders import Offsets, node_offsets, rendered, text_matches
from wikirecover.registry import PASSES
from wikirecover.render import blocks
from wikirecover.render.blocks import BLOCK_MARK
from wikirecover.render.html_to_markdown import escape_markdown as markdown_escape

PAGES = [
    "a {{b|c}}\n== H ==\n[[x|y]] <ref>r</ref>\n{|\n| c\n|}\n* l\n<!-- c -->&amp;",
    "{{a}}\n\n[http://e.org e]\n''i'' '''b'''\n----\n;t\n:d\n<br/>\n{{{arg}}}",
    "x\n<div>\ny\n</div>\n[[File:a.png|thumb|c]]\n__TOC__\nhttp://bare.example/ z",
]


def assert_line_edges_are_rendered_ones(code: Wikicode) -> None:
    for node in nodes_of(code, mwparserfromhell.nodes.Node):
        assert ends_line(node) == str(node).endswith("\n"), repr(node)
        assert starts_line(node) == str(node).startswith("\n"), repr(node)


@pytest.mark.parametrize("page", PAGES)
def test_line_edges_agree_with_the_rendered_nodes(page: str) -> None:
    code = parse_wikitext(page)
    assert nodes_of(code, mwparserfromhell.nodes.Node)
    assert_line_edges_are_rendered_ones(code)


MARKUP_PIECES = [
    "&amp;",
    "&#38;",
    "http://a.org",
    "mailto:b",
    "''",
    "==",
    "* ",
    "# ",
    "\n",
    "x",
    " ",
    "{{a}}",
    "[[b]]",
    "<br>",
    "~~~~",
    "__TOC__",
    "----",
    ";t:d",
    "{|\n|}",
]


@given(
    st.text(max_size=80)
    | st.text(alphabet="{}[]|=<>/ab \n'*:!-&;_~#()./x%", max_size=60)
    | st.lists(st.sampled_from(MARKUP_PIECES), max_size=6).map("".join)
)
def test_text_without_markup_characters_parses_as_the_parser_parses_it(text: str) -> None:
    ours = parse_wikitext(text)
    theirs = mwparserfromhell.parse(text)
    assert [(type(n), str(n)) for n in ours.nodes] == [(type(n), str(n)) for n in theirs.nodes]


TAG_PIECES = [
    "<ref>",
    "</ref>",
    "<div>",
    "</div>",
    "<br/>",
    "<br>",
    "</br>",
    "<b\n>",
    "\n",
    "x",
    "''",
    "'''",
    "* ",
    "; ",
    ": ",
    "{|",
    "|}",
    "\n|-",
    "\n| c",
    "----",
    "<ref name=a/>",
]


@given(st.lists(st.sampled_from(TAG_PIECES), max_size=10).map("".join))
def test_line_edges_of_generated_tags_agree_with_their_rendering(page: str) -> None:
    assert_line_edges_are_rendered_ones(parse_wikitext(page))


@given(st.text(alphabet="{}[]|=<>/ab\n'*:!-&;", max_size=60))
def test_lazy_offsets_and_matches_agree_with_rendering_every_node(page: str) -> None:
    code = parse_wikitext(page)
    # where each node starts, from rendering every node (what the shortcuts must agree with)
    starts = list(itertools.accumulate((len(str(node)) for node in code.nodes), initial=0))
    offsets = Offsets(code)
    for index, start in enumerate(starts[:-1]):
        assert offsets[index] == start
    assert [offset for offset, _ in node_offsets(code)] == starts[:-1]
    text, given = rendered(code)
    assert text == str(code) and given.every() == starts
    pattern = re.compile(r"\{\{|\[\[|\n")
    expected = []
    for offset, node in zip(starts, code.nodes, strict=False):
        if isinstance(node, Text):
            expected += [offset + m.start() for m in pattern.finditer(node.value)]
    assert [offset for offset, _ in text_matches(code, pattern)] == expected


def test_the_library_setters_still_parse_strings_and_keep_trees() -> None:
    template = Template("a")
    template.name = "b{{c}}"
    assert isinstance(template.name, Wikicode)
    assert [type(n).__name__ for n in template.name.nodes] == ["Text", "Template"]
    template.add("p", "v")
    tree = parse_wikitext("x")
    template.get("p").value = tree
    assert template.get("p").value is tree  # a tree is taken as it is, not copied or parsed
    assert str(template) == "{{b{{c}}|p=x}}"


@pytest.mark.parametrize(
    "line", ["Ã© is what the page shows", "cafÃ© au lait", "the rÃ©sumÃ© here", "Ã  la carte"]
)
def test_mojibake_is_found_on_any_line(line: str) -> None:
    assert is_bad(line)
    page = f"First line.\n\n{line}\nLast line."
    doc = Document(parse_wikitext(page), SourceInfo(kind="wikitext"), "T")
    PASSES["characters"].run(doc, Options())  # as a pass on the tree
    assert [i.code for i in doc.issues] == ["mojibake-fixed"]
    assert str(doc.wikicode) != page


_BADNESS_CHARACTERS = sorted({c for c in BADNESS_RE.pattern if not c.isascii()})
_LINE_PARTS = st.one_of(
    st.sampled_from(_BADNESS_CHARACTERS),
    st.text(alphabet="aZ0 .,;:!?()-'\"\t", max_size=30),
)


@settings(max_examples=400)
@given(st.lists(_LINE_PARTS, max_size=25).map("".join))
def test_searching_near_non_ascii_characters_finds_what_ftfy_finds(line: str) -> None:
    """The characters pass searches a line only around its non-ASCII characters: exact while
    every sign ftfy looks for holds one and is at most `BAD_REACH` characters long."""
    assert looks_bad(line) == is_bad(line), line


@pytest.mark.parametrize(
    "line", ["Ã  at the start", "a long ASCII stretch " * 5 + "then cafÃ©", "Ã©" + "x" * 40]
)
def test_mojibake_near_a_line_edge_is_found(line: str) -> None:
    assert looks_bad(line) and is_bad(line)


def _escape_the_long_way(text: str) -> str:
    text = re.sub(r"([\\`*_\[\]<>|])", r"\\\1", re.sub(r"\s+", " ", text))
    return re.sub(r"^(\s*)([#+\-]|\d+[.)]|>)(?=\s|$)", r"\1\\\2", text, count=1)


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("\\`*_[]<>|#+-.)1a \t\n\r\x0b\x1c\x85\u00a0\u2003\u2028")),
        max_size=30,
    )
)
def test_markdown_escaping_is_the_regular_expressions(text: str) -> None:
    assert markdown_escape(text) == _escape_the_long_way(text)


_OPEN_THE_LONG_WAY = re.compile(
    r"<table|<h[1-6]|<pre|<tr|<p[\s>]|<p$|<ul|<ol|<dl|<li|</tr|</td|</th", re.I
)
_CLOSE_THE_LONG_WAY = re.compile(
    r"</table|</h[1-6]|<td|<th|</?blockquote|</?div|<hr|</pre|</p|</li|</ul|</ol|</dl|</?center|"
    + BLOCK_MARK,
    re.I,
)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"<>/tablehpr1d uoicnvqTABLEHPRDUOLICNV\t", BLOCK_MARK])))
def test_block_tags_are_found_as_by_one_alternative_per_tag(line: str) -> None:
    assert bool(blocks._OPEN.search(line)) == bool(_OPEN_THE_LONG_WAY.search(line))
    closes = BLOCK_MARK in line or blocks._CLOSE.search(line)
    assert bool(closes) == bool(_CLOSE_THE_LONG_WAY.search(line))


# The patterns the passes search text nodes for, with the needle each call gives.
_SEARCHES = [
    (syntax._OPEN_TEMPLATE, "{{"),
    (syntax._OPEN_LINK, "[["),
    (syntax._OPEN_COMMENT, "<!--"),
    (syntax._OPEN_VERBATIM, "<"),
    (syntax._OPEN_TABLE, "{|"),
    (references._REF_OPEN, "<"),
    (references._REF_CLOSE, "</"),
]


_SEARCHED_TEXT = st.lists(
    st.sampled_from([*"{}[]|<>/!- \n\tabx", "ref", "REF", "nowiki", "pre"]), max_size=25
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_SEARCHED_TEXT)
def test_every_match_of_a_searched_pattern_holds_its_needle(text: str) -> None:
    for pattern, needle in _SEARCHES:
        for match in pattern.finditer(text):
            assert needle in match.group(0), pattern


def test_a_text_without_the_needle_is_not_searched() -> None:
    code = parse_wikitext("a {{b c")
    assert [m.group(0) for _, m in text_matches(code, syntax._OPEN_TEMPLATE, needle="{{")]
    assert not list(text_matches(code, syntax._OPEN_TEMPLATE, needle="[["))


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="\na", max_size=40), st.lists(st.integers(0, 45), max_size=8))
def test_paragraph_starts_of_edits_are_the_searches_back(text: str, starts: list[int]) -> None:
    edits = [(start, start, "]]") for start in sorted(starts)]
    expected = [text.rfind("\n\n", 0, start) + 1 for start, _, _ in edits]
    assert holders.paragraph_starts(text, edits) == expected


def _edits_one_by_one(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


@st.composite
def _text_and_edits(draw) -> tuple[str, list[tuple[int, int, str]]]:
    """A text and edits that do not overlap (insertions may share a place), in any order."""
    text = draw(st.text(alphabet="abc", max_size=20))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=10)))
    edits = []
    for start, end in itertools.pairwise(cuts):
        if draw(st.booleans()):
            end = start  # an insertion
        edits.append((start, end, draw(st.sampled_from(["", "X", "YY", "]]"]))))
    return text, draw(st.permutations(edits))


@settings(max_examples=1000, deadline=None)
@given(_text_and_edits())
def test_edits_joined_once_are_the_edits_applied_one_by_one(case) -> None:
    text, edits = case
    assert holders.apply_insertions(text, edits) == _edits_one_by_one(text, edits)


def _readers_cases() -> list[tuple[str, str]]:
    xml = (
        '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/"><page><title>T</title>'
        "<revision><id>1</id><text>a &amp;amp; [[b]]\n{{c}}</text></revision></page></mediawiki>"
    )
    return [*((text, "wikitext") for text in [*PAGES, "a\r\nb\rc", ""]), (xml, "xml")]


def _corpus_cases() -> list[tuple[str, str]]:
    from conftest import shared_wikitexts

    return [(text, "wikitext") for text in shared_wikitexts()[:300]]


@pytest.mark.parametrize("cases", [_readers_cases, _corpus_cases])
def test_the_repairs_start_from_the_text_the_reader_parsed(cases) -> None:
    from wikirecover.pipeline import read_text

    for text, kind in cases():
        [doc] = read_text(text, kind=kind)
        assert doc.parsed_from is not None
        assert doc.parsed_from[1] == str(doc.wikicode)
        assert doc.text_for_repairs() == str(doc.wikicode)
        assert doc.parsed_from is None  # taken once


def test_the_readers_text_is_not_used_for_another_tree() -> None:
    doc = Document.from_wikitext("a [[b]]", SourceInfo(kind="wikitext"))
    doc.wikicode = parse_wikitext("c")
    assert doc.text_for_repairs() == "c"
    doc = Document.from_wikitext("a [[b]]", SourceInfo(kind="wikitext"))
    assert doc.text_for_repairs() == "a [[b]]"
    doc.wikicode.nodes.pop()
    assert doc.text_for_repairs() == "a "  # taken once: later edits are seen


def _tags_written() -> list:
    from mwparserfromhell.nodes import Tag

    texts = [*PAGES, "<B >x</B > <ref name=a/> {|\n|x\n|} ''i'' <Ref >r</ref>"]
    tags = [tag for text in texts for tag in nodes_of(parse_wikitext(text), Tag)]
    made = [Tag(" SPAN "), Tag(Wikicode([Text(" D"), Text("IV ")])), Tag(parse_wikitext("{{t}}x"))]
    return tags + made


def _tags_of_the_corpus() -> list:
    from conftest import shared_wikitexts
    from mwparserfromhell.nodes import Tag

    return [tag for text in shared_wikitexts()[::7] for tag in nodes_of(parse_wikitext(text), Tag)]


@pytest.mark.parametrize("tags", [_tags_written, _tags_of_the_corpus])
def test_a_tags_name_read_directly_is_its_rendered_name(tags) -> None:
    from wikirecover.parsing import tag_name

    for tag in tags():
        assert tag_name(tag) == str(tag.tag).strip().lower(), repr(tag)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["", " ", "\n", "\t", "x", "<!---->", "&amp;", "{{a}}", "[[b]]",
                                 "''", "<br/>", "* ", "\n----\n", "http://a.org", "[x]"]),
                max_size=8).map("".join))  # fmt: skip
def test_a_blank_wikicode_is_one_that_writes_only_whitespace(text: str) -> None:
    from wikirecover.parsing import is_blank

    code = parse_wikitext(text)
    assert is_blank(code) == (str(code).strip() == ""), text
