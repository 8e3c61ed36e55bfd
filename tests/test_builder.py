"""The builder in use gives mwparserfromhell's own builder's tree from the same tokens."""

from __future__ import annotations

import pytest
from conftest import SHARED, SPEEDUPS_ONLY, shared_wikitexts
from hypothesis import given, settings
from hypothesis import strategies as st
from mwparserfromhell.nodes import Text
from mwparserfromhell.parser import ParserError
from mwparserfromhell.parser.builder import Builder as LibraryBuilder
from mwparserfromhell.parser.tokenizer import Tokenizer as PythonTokenizer
from mwparserfromhell.smart_list import SmartList
from test_tokenizer import FRAGMENTS

import wikirecover.parsing  # noqa: F401 - installs the builder
from wikirecover.parser_speedups.builder import FastBuilder, stored, tree_shape
from wikirecover.parser_speedups.tokenizer import SafeTokenizer


def same_tree(text: str, tokenizer: object) -> None:
    tokens = tokenizer.tokenize(text, 0, False)
    try:
        theirs = LibraryBuilder().build(list(tokens))
    except ParserError:
        with pytest.raises(ParserError):
            FastBuilder().build(list(tokens))
        return
    ours = FastBuilder().build(list(tokens))
    assert tree_shape(ours) == tree_shape(theirs), text
    assert str(ours) == str(theirs) == text
    assert stored(ours) == stored(theirs), text


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
    assert len(texts) > (1000 if SHARED.exists() else 500)
    for text in texts:
        same_tree(text, SafeTokenizer())


@SPEEDUPS_ONLY
def test_the_builder_in_use_is_this_one() -> None:
    import mwparserfromhell.parser

    assert mwparserfromhell.parser.Builder is FastBuilder


def test_a_builder_that_differs_from_the_librarys_is_not_installed(monkeypatch) -> None:
    import wikirecover.parser_speedups.builder as builder

    def tokenize(text: str) -> list:
        return SafeTokenizer().tokenize(text, 0, False)

    assert builder.agrees_with_library(tokenize)
    monkeypatch.setattr(builder, "_text", lambda value: Text(value.upper()))
    assert not builder.agrees_with_library(tokenize)


def test_a_node_list_made_unlike_the_librarys_is_not_installed(monkeypatch) -> None:
    import wikirecover.parser_speedups.builder as builder

    def tokenize(text: str) -> list:
        return SafeTokenizer().tokenize(text, 0, False)

    monkeypatch.setattr(builder, "_fill_list", lambda items, nodes: None)  # slots are fine...
    assert not builder.agrees_with_library(tokenize)  # ...but the tree is empty
    monkeypatch.undo()
    original = SmartList.__new__

    def with_more(cls, *args, **kwargs):
        items = original(cls, *args, **kwargs)
        items._children = {"a slice": None}  # a library whose lists start with something
        return items

    monkeypatch.setattr(SmartList, "__new__", with_more)
    assert not builder.agrees_with_library(tokenize)
