"""Templates resolved before export: definitions, parser functions, built-ins, policy, budgets."""

from __future__ import annotations

import pytest
from conftest import SPEEDUPS_ONLY
from hypothesis import given, settings
from hypothesis import strategies as st

from wikirecover.model import Document, SourceInfo
from wikirecover.options import Options
from wikirecover.parsing import parse_wikitext
from wikirecover.templates import load_definitions, resolve


def expand(text: str, definitions: dict[str, str] | None = None, unknown: str = "placeholder"):
    doc = Document.from_wikitext(text, SourceInfo(kind="wikitext"), title="Page title")
    options = Options(template_definitions=definitions or {}, unknown_templates=unknown)
    return str(resolve(doc, options)), [(i.severity, i.code) for i in doc.issues]


@pytest.mark.parametrize(
    ("call", "result"),
    [
        ("{{Greet}}", "Hello, nobody!"),
        ("{{Greet|Ada}}", "Hello, Ada!"),
        ("{{greet|who=Ada}}", "Hello, nobody!"),
        ("{{Greet|Ada|Bob}}", "Hello, Ada, and Bob!"),
        ("{{Template:Greet|{{Greet|x}}}}", "Hello, Hello, x!!"),
    ],
)
def test_parameters_defaults_and_nesting(call: str, result: str) -> None:
    definition = "Hello, {{{1|nobody}}}{{#if:{{{2|}}}|, and {{{2}}}}}!<noinclude>doc</noinclude>"
    assert expand(call, {"Greet": definition})[0] == result


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("{{#if: x | yes | no }}", "yes"),
        ("{{#if: | yes | no }}", "no"),
        ("{{#ifeq: 01 | 1 | same | differ }}", "same"),
        ("{{#ifeq: a | b | same | differ }}", "differ"),
        ("{{#switch: b | a = A | b = B | #default = D }}", "B"),
        ("{{#switch: z | a = A | #default = D }}", "D"),
        ("{{#switch: c | a | c = AC | D }}", "AC"),
        ("{{#switch: q | a = A | D }}", "D"),
        ("{{#expr: 2*3+1 }}", "7"),
        ("{{#expr: 2^400 }}", '<strong class="error">Expression error</strong>'),
        ("{{#tag:ref|note|name=n}}", '<ref name="n">note</ref>'),
        ("{{lc:ABC}} {{ucfirst:abc}}", "abc Abc"),
        ("{{PAGENAME}}", "Page title"),
        ("a{{!}}b", "a|b"),
        ("{{DEFAULTSORT:Key}}x", "x"),
    ],
)
def test_parser_functions(text: str, result: str) -> None:
    assert expand(text)[0] == result


def test_includeonly_and_onlyinclude() -> None:
    definitions = {
        "A": "<includeonly>shown</includeonly><noinclude>hidden</noinclude>",
        "B": "x<onlyinclude>only</onlyinclude>y",
    }
    assert expand("{{A}} {{B}}", definitions)[0] == "shown only"


def test_a_template_that_calls_itself_stops_at_the_depth_budget() -> None:
    text, issues = expand("{{Loop}}", {"Loop": "again {{Loop}}"})
    assert text.startswith("again again") and text.endswith("{{Loop}}")
    assert ("warning", "template-budget") in issues


def test_the_builtin_library() -> None:
    text, issues = expand(
        "{{convert|5|km}}; {{convert|100|km|abbr=on}}; {{Main|A|B}}; "
        "<ref>{{cite web|url=http://x.org|title=T|publisher=P|access-date=1 May 2020}}</ref> "
        "{{flagicon|UK}}{{Navbox|x}}{{death date and age|2000|1|2|1900|6|1}}"
    )
    assert "5&nbsp;kilometres (3.1&nbsp;mi)" in text
    assert "100&nbsp;km (62&nbsp;mi)" in text
    assert "Main articles: [[A]] and [[B]]" in text
    assert '"[http://x.org T]". P. Retrieved 1 May 2020.' in text
    assert "January 2, 2000 (aged&nbsp;99)" in text
    assert "{{" not in text
    assert ("info", "template-dropped") in issues


def test_an_infobox_becomes_a_key_value_table() -> None:
    text, _ = expand("{{Infobox person|name=Ada|occupation=Mathematician|spouse=}}")
    assert text == '{| class="infobox"\n|+ Ada\n|-\n! Occupation\n| Mathematician\n|}'


def test_an_infobox_shows_its_image_and_not_the_image_size() -> None:
    text, _ = expand("{{Infobox person|name=Ada|image=Ada.jpg|imagesize=200px|logo=[[X]]}}")
    assert "[[File:Ada.jpg|frameless]]" in text
    assert "| 200px" in text and "File:200px" not in text
    assert "| [[X]]" in text


@pytest.mark.parametrize(
    ("policy", "shown"),
    [
        ("placeholder", '<code class="wr-template"><nowiki>{{Mystery|1}}</nowiki></code>'),
        ("keep", "{{Mystery|1}}"),
        ("drop", ""),
    ],
)
def test_unknown_templates_follow_the_policy_and_are_reported(policy: str, shown: str) -> None:
    text, issues = expand("x{{Mystery|1}}y", unknown=policy)
    assert text == f"x{shown}y"
    assert ("warning", "template-unknown") in issues


def test_a_definition_of_the_user_wins_over_the_builtin() -> None:
    assert expand("{{convert|5|km}}", {"Convert": "five km"})[0] == "five km"


def test_definitions_from_a_folder(tmp_path) -> None:
    (tmp_path / "Hello_world.wiki").write_text("Hi {{{1}}}")
    assert load_definitions(tmp_path) == {"Hello world": "Hi {{{1}}}"}
    assert expand("{{hello world|you}}", load_definitions(tmp_path))[0] == "Hi you"


def test_splicing_a_node_list_is_a_slice_assignment_and_keeps_live_slices() -> None:
    from mwparserfromhell.smart_list import SmartList

    from wikirecover.templates.expand import _splice

    plain = SmartList([1, 2, 3, 4])
    _splice(plain, 1, 2, [7, 8])
    assert plain == [1, 7, 8, 3, 4] and type(plain) is SmartList
    watched = SmartList([1, 2, 3, 4])
    tail = watched[2:]  # a live slice: it must follow the splice
    _splice(watched, 0, 1, [5, 6])
    assert watched == [5, 6, 2, 3, 4] and list(tail) == [3, 4]


_SOURCE_PARTS = st.sampled_from(
    ["{{a|", "}}", "|b=", "&", "&amp;", "&lt;", "&#65;", "&#x41;", "&zz;", "&#0;", "<", ">",
     "<nowiki>", "</nowiki>", "</NOWIKI >", "< /nowiki>", "<br/>", "<div\nclass=a>", "\n", " ",
     "x", "[[l]]", "<!-- c -->", "\x00", "\ue000", "''", "{|", "&nbsp;"]
)  # fmt: skip


@SPEEDUPS_ONLY
@settings(max_examples=1500, deadline=None)
@given(st.lists(_SOURCE_PARTS, max_size=20).map("".join), st.booleans())
def test_a_placeholder_built_without_the_parser_is_the_parsers(source: str, raw: bool) -> None:
    from wikirecover.parser_speedups.builder import stored
    from wikirecover.templates.placeholder import (
        CLOSING,
        OPENING,
        placeholder,
        placeholder_nodes,
    )

    text = OPENING + source + CLOSING if raw else placeholder(source)
    nodes = placeholder_nodes(text)
    if nodes is None:  # left to the parser: a nowiki it could end or nest, or no source
        assert not source or "nowiki" in source.lower()
        return
    parsed = parse_wikitext(text).nodes
    assert stored(list(nodes)) == stored(list(parsed)), text
    assert "".join(map(str, nodes)) == text


@SPEEDUPS_ONLY
def test_a_templates_placeholder_is_built_without_the_parser() -> None:
    from wikirecover.templates.placeholder import placeholder, placeholder_nodes

    for source in ("{{a|b=c}}", "{{a|b=&amp; <br/> x & y}}", "{{x|<nowiki>y</nowiki>}}"):
        assert placeholder_nodes(placeholder(source)) is not None
