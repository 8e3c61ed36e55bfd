"""Trees are written back to wikitext exactly as mwparserfromhell writes them (`tree_source`)."""

from __future__ import annotations

import mwparserfromhell
from conftest import SHARED, SPEEDUPS_ONLY, shared_wikitexts
from hypothesis import given, settings
from hypothesis import strategies as st
from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.nodes.extras import Attribute, Parameter
from mwparserfromhell.wikicode import Wikicode
from test_tokenizer import FRAGMENTS

from wikirecover.parser_speedups import tree_source
from wikirecover.parser_speedups.builder import SAMPLE
from wikirecover.parsing import parse_wikitext


def assert_written_as_the_library_does(code: Wikicode, text: str | None = None) -> None:
    assert tree_source.disagreements(code) == []
    if text is not None:
        assert str(code) == text


@SPEEDUPS_ONLY
def test_the_library_classes_write_with_this_module() -> None:
    for kind, write in tree_source.FAST_STR.items():
        assert kind.__str__ is write
    assert str(parse_wikitext(SAMPLE)) == SAMPLE


def test_every_shared_page_and_parser_test_is_written_as_the_library_does() -> None:
    texts = shared_wikitexts()
    assert len(texts) > (1000 if SHARED.exists() else 500)
    for text in texts:
        assert_written_as_the_library_does(parse_wikitext(text), text)


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=40).map("".join))
def test_generated_wikitext_is_written_as_the_library_does(text: str) -> None:
    assert_written_as_the_library_does(parse_wikitext(text), text)


# Nodes as a program builds them, with any combination of their attributes (the parser gives
# only some: a wiki-markup tag with attributes and no closing markup, a link label without a
# space...).
_WORDS = st.sampled_from(["", "a", "b c", " ", "x=y", "|", "\n", "''"])
_CODE = _WORDS.map(lambda word: Wikicode([Text(word)] if word else []))
_OPTIONAL_CODE = st.none() | _CODE


def _attribute(**parts: object) -> Attribute:
    try:
        return Attribute(**parts)
    except ValueError:  # a value with spaces must be quoted
        return Attribute(**{**parts, "quotes": '"'})


_ATTRIBUTE = st.builds(
    _attribute,
    name=_WORDS.filter(bool),
    value=_OPTIONAL_CODE,
    quotes=st.sampled_from([None, '"', "'"]),
    pad_first=st.sampled_from([" ", "  "]),
    pad_before_eq=st.sampled_from(["", " "]),
    pad_after_eq=st.sampled_from(["", " "]),
)
_NODE = st.deferred(
    lambda: st.one_of(
        _WORDS.filter(bool).map(Text),
        st.builds(
            Template,
            name=_WORDS.filter(bool),
            params=st.lists(
                st.builds(Parameter, name=_WORDS, value=_WORDS)  # a key shown...
                | st.builds(
                    Parameter,
                    name=st.sampled_from(["1", "2"]),
                    value=_WORDS,
                    showkey=st.just(False),
                ),  # or not
                max_size=3,
            ),
        ),
        st.builds(Argument, name=_WORDS, default=_OPTIONAL_CODE),
        st.builds(Wikilink, title=_WORDS, text=_OPTIONAL_CODE),
        st.builds(
            ExternalLink,
            url=_WORDS,
            title=_OPTIONAL_CODE,
            brackets=st.booleans(),
            suppress_space=st.booleans(),
        ),
        st.builds(Heading, title=_CODE, level=st.integers(1, 6)),
        st.builds(Comment, contents=_WORDS),
        st.builds(HTMLEntity, value=st.sampled_from(["amp", "65"]), named=st.booleans()),
        st.builds(
            Tag,
            tag=st.sampled_from(["ref", "b", "td"]),
            contents=st.none() | st.lists(_NODE, max_size=3).map(Wikicode),
            attrs=st.lists(_ATTRIBUTE, max_size=2),
            wiki_markup=st.sampled_from([None, "", "''", "*", "{|"]),
            self_closing=st.booleans(),
            invalid=st.booleans(),
            implicit=st.booleans(),
            padding=st.sampled_from(["", " "]),
            closing_tag=st.none() | st.sampled_from(["ref", "REF "]),
            wiki_style_separator=st.sampled_from([None, "", "|"]),
            closing_wiki_markup=st.sampled_from([None, "", "|}"]),
        ),
    )
)


NODES = st.lists(_NODE, max_size=6)


@settings(max_examples=400, deadline=None)
@given(NODES)
def test_nodes_built_with_any_attributes_are_written_as_the_library_does(nodes: list) -> None:
    assert_written_as_the_library_does(Wikicode(nodes))


def test_nodes_changed_through_their_setters_are_written_as_the_library_does() -> None:
    code = mwparserfromhell.parse("{{a|b=c|1=d}} <ref name=x>y</ref> [http://a.org t] ''i''")
    template, ref, link, italic = (code.nodes[index] for index in (0, 2, 4, 6))
    template.add("e", "f")
    template.params[1].showkey = False
    ref.add("group", "g", quotes="'")
    ref.self_closing = True
    link.suppress_space = True
    italic.wiki_markup = "'''"
    italic.closing_wiki_markup = None
    assert_written_as_the_library_does(code)
    assert "|e=f}}" in str(code) and "<ref name=x group='g'/>" in str(code)


def test_a_writer_that_differs_from_the_librarys_is_not_installed(monkeypatch) -> None:
    sample = parse_wikitext(SAMPLE)
    assert tree_source.agrees_with_library(sample)
    monkeypatch.setitem(tree_source.FAST_STR, Heading, lambda node: str(node.title))
    assert not tree_source.agrees_with_library(sample)


def test_a_failing_writer_is_not_installed(monkeypatch) -> None:
    def broken(item: object) -> str:
        raise AttributeError("_wiki_markup")

    monkeypatch.setitem(tree_source.FAST_STR, Tag, broken)
    assert not tree_source.agrees_with_library(parse_wikitext(SAMPLE))
