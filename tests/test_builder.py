"""The builder in use gives mwparserfromhell's own builder's tree from the same tokens."""

from __future__ import annotations

import pytest
from conftest import shared_wikitexts
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
from mwparserfromhell.parser import ParserError
from mwparserfromhell.parser.builder import Builder as LibraryBuilder
from mwparserfromhell.parser.tokenizer import Tokenizer as PythonTokenizer
from mwparserfromhell.wikicode import Wikicode
from test_tokenizer import FRAGMENTS

import wikirecover.wikitext  # noqa: F401 - installs the builder
from wikirecover.builder import FastBuilder
from wikirecover.tokenizer import SafeTokenizer


def shape(item: object) -> object:
    """Everything a node holds, recursively, in plain values."""
    if item is None or isinstance(item, str | bool | int):
        return item
    if isinstance(item, Wikicode):
        return [shape(node) for node in item.nodes]
    kind = type(item).__name__
    if isinstance(item, Text):
        return (kind, item.value)
    if isinstance(item, Template):
        params = [(shape(p.name), shape(p.value), p.showkey) for p in item.params]
        return (kind, shape(item.name), params)
    if isinstance(item, Argument):
        return (kind, shape(item.name), shape(item.default))
    if isinstance(item, Wikilink):
        return (kind, shape(item.title), shape(item.text))
    if isinstance(item, ExternalLink):
        return (kind, shape(item.url), shape(item.title), item.brackets, item.suppress_space)
    if isinstance(item, HTMLEntity):
        return (kind, item.value, item.named, item.hexadecimal, item.hex_char)
    if isinstance(item, Heading):
        return (kind, shape(item.title), item.level)
    if isinstance(item, Comment):
        return (kind, item.contents)
    if isinstance(item, Tag):
        attributes = [
            (shape(a.name), shape(a.value), a.quotes, a.pad_first, a.pad_before_eq, a.pad_after_eq)
            for a in item.attributes
        ]
        return (
            kind,
            shape(item.tag),
            shape(item.contents),
            attributes,
            item.wiki_markup,
            item.self_closing,
            item.invalid,
            item.implicit,
            item.padding,
            shape(item.closing_tag),
            item.wiki_style_separator,
            item.closing_wiki_markup,
        )
    raise AssertionError(f"a node kind the test does not know: {kind}")


def same_tree(text: str, tokenizer: object) -> None:
    tokens = tokenizer.tokenize(text, 0, False)
    try:
        theirs = LibraryBuilder().build(list(tokens))
    except ParserError:
        with pytest.raises(ParserError):
            FastBuilder().build(list(tokens))
        return
    ours = FastBuilder().build(list(tokens))
    assert shape(ours) == shape(theirs), text
    assert str(ours) == str(theirs) == text


@pytest.mark.parametrize(
    "text",
    [
        "{{a|b|c=d|e=f=g|}} {{{x|y|z}}} [[a|b|c]] [http://a.org b c] http://b.org",
        '<ref name="a" group=b />x<ref name=c>y</ref> <br> </br> <div\nclass=x>z</div>',
        "== h ==\n* a\n# b\n; c : d\n{| class=t\n|-\n! h !! i\n| a || b\n|}\n----\n",
        "&amp; &#65; &#x41; &#X4a; ''i'' '''b''' <!-- c --> <nowiki>[[x]]</nowiki>",
        '<span title="a" data-x=b  c = "d" e>x</span> <p/> < a > <a b="c>',
    ],
)
def test_the_trees_of_known_wikitext_are_the_librarys(text: str) -> None:
    same_tree(text, PythonTokenizer())
    same_tree(text, SafeTokenizer())


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=40).map("".join))
def test_the_trees_of_generated_wikitext_are_the_librarys(text: str) -> None:
    same_tree(text, SafeTokenizer())


def test_the_trees_of_every_shared_page_and_parser_test_are_the_librarys() -> None:
    texts = shared_wikitexts()
    assert len(texts) > 1000
    for text in texts:
        same_tree(text, SafeTokenizer())


def test_the_builder_in_use_is_this_one() -> None:
    import mwparserfromhell.parser

    assert mwparserfromhell.parser.Builder is FastBuilder
