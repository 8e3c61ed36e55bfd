"""Invariants that must hold for any input (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from wikirecover import Options, Severity, read_text, repair
from wikirecover.parsing import parse_wikitext
from wikirecover.registry import PASSES

# Text that exercises wikitext syntax: markup characters are much more likely than in prose.
WIKI_ALPHABET = st.sampled_from([*"ab \n=[]{}|<>/'&;:#*!-~\x00\r\t", "ref", "Template:"])
wiki_text = st.lists(WIKI_ALPHABET, max_size=60).map("".join)

DUMP_LINES = st.sampled_from(
    [
        "Heading[edit]",
        "Some text.[1]",
        "More text.[2][1]",
        "  • item",
        "      □ nested",
        " 1. ↑ 1.0 1.1 A source",
        " 2. ↑ Another source",
        "Template:Reflist",
        "Template:Cite web",
        "Main article: Something",
        "Contents",
        "From Examplepedia",
        "Jump to navigation",
        "File:Picture.jpg",
        "A  column  layout",
        "Categories: A | B",
        "",
        "",
        'Retrieved from "http://x"',
        "[ ]",
        "Text with [brackets] and {{braces}}.",
    ]
)
dump_text = st.lists(DUMP_LINES, max_size=25).map("\n".join)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(wiki_text)
def test_wikitext_round_trip_is_exact(text: str) -> None:
    assert str(parse_wikitext(text)) == text


@FAST
@given(dump_text)
def test_text_reader_output_parses_and_round_trips(text: str) -> None:
    if not text.strip():
        return
    [doc] = read_text(text, kind="text")
    repair(doc)
    out = doc.text
    assert str(parse_wikitext(out)) == out
    assert "[edit]" not in out


@FAST
@given(dump_text)
def test_text_reader_is_deterministic(text: str) -> None:
    if not text.strip():
        return
    first = read_text(text, kind="text")[0].text
    assert read_text(text, kind="text")[0].text == first


@FAST
@given(st.one_of(wiki_text, dump_text))
@example("aTemplate:aTemplate:;a")  # punctuation is no red link's name, alone or not
def test_every_pass_is_idempotent(text: str) -> None:
    [doc] = read_text(text, kind="wikitext")
    for step in PASSES.values():
        step.run(doc, Options())
        once = doc.text
        count = len(doc.issues)
        step.run(doc, Options())
        assert doc.text == once
        # a second run changes nothing; what it leaves as is for a person it may say again
        again = doc.issues[count:]
        assert [i for i in again if i.severity is not Severity.WARNING] == []
