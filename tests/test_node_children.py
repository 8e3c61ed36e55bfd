"""`node_children.children` gives what mwparserfromhell's ``__children__`` yields."""

from __future__ import annotations

from conftest import SHARED, shared_wikitexts
from hypothesis import given, settings
from hypothesis import strategies as st
from mwparserfromhell.nodes import Node, Text
from mwparserfromhell.wikicode import Wikicode
from test_tokenizer import FRAGMENTS
from test_tree_source import NODES

from wikirecover.parser_speedups.node_children import children
from wikirecover.parsing import nodes_of, parse_wikitext


def assert_children_as_the_library_gives(code: Wikicode) -> None:
    for node in nodes_of(code, Node):
        ours, theirs = children(node), list(node.__children__())
        assert len(ours) == len(theirs) and all(a is b for a, b in zip(ours, theirs, strict=True))


def test_every_shared_page_and_parser_test() -> None:
    texts = shared_wikitexts()
    assert len(texts) > (1000 if SHARED.exists() else 500)
    for text in texts:
        assert_children_as_the_library_gives(parse_wikitext(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=40).map("".join))
def test_generated_wikitext(text: str) -> None:
    assert_children_as_the_library_gives(parse_wikitext(text))


@settings(max_examples=400, deadline=None)
@given(NODES)
def test_nodes_built_with_any_attributes(nodes: list) -> None:
    assert_children_as_the_library_gives(Wikicode(nodes))


def test_a_kind_it_does_not_know_gets_its_own_children() -> None:
    class Marker(Text):
        def __children__(self):
            yield Wikicode([Text("inside")])

    (inside,) = children(Marker("x"))
    assert str(inside) == "inside"
