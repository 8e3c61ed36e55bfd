"""One walk of a page's tree serves every component until the page changes
(`Document.nodes_by_kind`). That rests on every change to the tree being reported, which the
repair rounds rely on too: checked here for every pass on damaged corpus pages."""

from __future__ import annotations

import pytest
from conftest import shared_dir
from damage import KINDS, damage
from mwparserfromhell.nodes import Node, Tag, Template, Wikilink

from wikirecover.model import Document, SourceInfo
from wikirecover.options import Options
from wikirecover.parsing import nodes_by_kind, nodes_of, parse_wikitext
from wikirecover.pipeline import read_text
from wikirecover.registry import ordered_passes


def _snapshot(doc: Document) -> tuple:
    return doc.wikicode, str(doc.wikicode), [id(node) for node in nodes_of(doc.wikicode, Node)]


def _pages(count: int) -> list[str]:
    paths = sorted(shared_dir("corpus", "wikitext").glob("*.wiki"), key=lambda p: p.stat().st_size)
    return [path.read_text(encoding="utf-8") for path in paths[:count]]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_pass_that_reports_nothing_leaves_the_tree_as_it_was(kind: str) -> None:
    options = Options()
    steps = ordered_passes(options.passes)
    damaged = [text for page in _pages(12) if (text := damage(page, kind, 1)) is not None]
    assert damaged, kind
    for text in damaged:
        [doc] = read_text(text, kind="wikitext", options=options)
        for step in steps:
            tree, source, nodes = _snapshot(doc)
            reports = doc.reports
            step.run(doc, options)
            if doc.reports == reports:
                assert doc.wikicode is tree, step.name
                assert str(doc.wikicode) == source, step.name
                assert [id(node) for node in nodes_of(doc.wikicode, Node)] == nodes, step.name


def _page() -> Document:
    return Document.from_wikitext("a {{b}} [[c]] <ref>d {{e}}</ref>", SourceInfo(kind="wikitext"))


def test_the_walk_is_shared_until_the_page_changes() -> None:
    doc = _page()
    first = doc.nodes_by_kind(Template, Wikilink, Tag)
    assert first == nodes_by_kind(doc.wikicode, Template, Wikilink, Tag)
    walk = doc._walks
    assert doc.nodes_by_kind(Wikilink)[Wikilink] == first[Wikilink]
    assert doc._walks is walk  # nothing reported, same tree: the same walk
    doc.wikicode.nodes.append(parse_wikitext("{{f}}").nodes[0])
    doc.report("changed", "a template added", "test")
    assert len(doc.nodes_by_kind(Template)[Template]) == 3
    assert doc._walks is not walk
    doc.wikicode = parse_wikitext("[[g]]")
    assert [str(n) for n in doc.nodes_by_kind(Wikilink)[Wikilink]] == ["[[g]]"]


def test_the_lists_handed_out_are_the_callers_own() -> None:
    doc = _page()
    doc.nodes_by_kind(Template)[Template].clear()
    assert len(doc.nodes_by_kind(Template)[Template]) == 2


def test_a_holders_rendering_is_shared_until_the_page_changes() -> None:
    from wikirecover.passes.holders import rendered, rendered_for

    doc = _page()
    first = rendered_for(doc, doc.wikicode)
    assert first[0] == rendered(doc.wikicode)[0] == str(doc.wikicode)
    assert rendered_for(doc, doc.wikicode)[1] is first[1]  # the same offsets: shared
    doc.wikicode.nodes.append(parse_wikitext(" [[g]]").nodes[0])
    doc.report("changed", "a link added", "test")
    again = rendered_for(doc, doc.wikicode)
    assert again[0] == str(doc.wikicode) != first[0]
    assert again[1].every() == rendered(doc.wikicode)[1].every()
