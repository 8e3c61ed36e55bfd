"""Reliability table (a), rows 8-23: wikitext structure that breaks parsers."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import mwparserfromhell
import pytest
from conftest import SPEEDUPS_ONLY
from helpers import degraded, no_loss, not_worse_than_degraded, run

from wikirecover import convert_text
from wikirecover.budget import Budget, BudgetExceeded, run_within
from wikirecover.options import Options
from wikirecover.parser_speedups import installed
from wikirecover.parsing import parse_wikitext

FORMATS = ["wikitext", "html", "gfm"]


@pytest.mark.parametrize("to", FORMATS)
def test_row08_a_run_of_unclosed_openers_converts_within_the_budget(to: str) -> None:
    """4,000 `{{a|` took mwparserfromhell 4 s (48 s through the pipeline): the parser speed-ups
    cut such a page into pieces (`parser_speedups/pieces.py`), so it converts whole, kept as
    text, in linear time; without them the budget still stops it, degraded with all text kept."""
    text = "{{a|" * 4000
    result = run(text, to=to, seconds=3)
    if not installed():
        degraded(result, text)
        return
    no_loss(result)
    assert not any(i.code == "page-budget" for i in result.document.issues)
    assert any(i.code == "template-open" for i in result.document.issues)
    if to == "wikitext":
        assert result.output == text


OPENERS = ["{{a|", "[[a|", "{|\n", "<ref>", "''", "<!--", "{{{a|", "<b>"]


@SPEEDUPS_ONLY
@pytest.mark.parametrize("count", [1_000, 10_000, 100_000])
@pytest.mark.parametrize("opener", [*OPENERS, "[[a|{{b|<ref>"])
def test_openers_that_never_close_parse_in_linear_time(opener: str, count: int) -> None:
    """cmark's pathological suite for wikitext: every opener at 1k, 10k and 100k, each parsed
    in under a second (4,000 `{{a|` took 4 s, 10,000 took 92 s), the text kept exactly."""
    text = opener * count
    started = time.perf_counter()
    code = parse_wikitext(text)
    assert time.perf_counter() - started < 1.0
    assert str(code) == text


@SPEEDUPS_ONLY
@pytest.mark.parametrize("opener", OPENERS)
def test_openers_that_never_close_convert_whole_within_the_budget(opener: str) -> None:
    """Through the whole pipeline (repairs, HTML): 10,000 openers convert, nothing lost and no
    budget hit (each opener a link or reference closed is a repair: linear, about 0.1 ms)."""
    text = opener * 10_000
    result = run(text, to="html", seconds=20)
    not_worse_than_degraded(result, text)
    assert not any(i.code == "page-budget" for i in result.document.issues)


def test_row09_templates_nested_past_the_parsers_limit_are_reported() -> None:
    text = "{{a|" * 40 + "x" + "}}" * 40 + "\n"
    result = run(text, passes=())
    assert result.output == text  # round trip still exact
    assert str(result.document.status) == "DEGRADED"
    assert any(i.code == "nesting-limit" for i in result.document.issues)
    shallow = run("{{a|" * 10 + "x" + "}}" * 10 + "\n", passes=())
    assert not any(i.code == "nesting-limit" for i in shallow.document.issues)


@pytest.mark.parametrize(
    "text",
    [
        "<b>" * 3000 + "bold text",
        "<span>" * 3000 + "span text",
        "[[a|" + "<b><i><span>" * 1000 + "label",
        "<x>" * 14 + "[[{{x}}",
    ],
    ids=["b", "span", "tags-in-link", "issue-183"],
)
@pytest.mark.parametrize("to", FORMATS)
def test_row10_runs_of_unclosed_tags_keep_their_text_within_the_budget(text: str, to: str) -> None:
    not_worse_than_degraded(run(text, to=to, seconds=5), text)


def test_row10_issue_183_stays_fast() -> None:
    result = run("<x>" * 14 + "[[{{x}}", seconds=2)
    no_loss(result)


@pytest.mark.parametrize("text", ["{{T|p=a & b}}\n", "a & b &amp; c\n"])
def test_row11_a_bare_ampersand_round_trips(text: str) -> None:
    assert run(text).output == text
    assert "&amp;" in run(text, to="html").output


def test_row11_canary_the_c_tokenizer_still_corrupts_its_heap_on_a_bare_ampersand() -> None:
    """While this passes, `tokenizer.SafeTokenizer` must keep every & from the C tokenizer
    (#352). When a fixed mwparserfromhell is released it fails: the masking can go."""
    code = (
        "from mwparserfromhell.parser._tokenizer import CTokenizer\n"
        "for _ in range(200): CTokenizer().tokenize('{{T|p=a & b}} a & b', 0, False)\n"
    )
    done = _debug_malloc(code)
    if b"ImportError" in done.stderr or b"ModuleNotFoundError" in done.stderr:
        pytest.skip("mwparserfromhell was built without its C tokenizer")
    assert done.returncode != 0, (
        f"mwparserfromhell {mwparserfromhell.__version__} no longer corrupts its heap on a bare "
        "&: SafeTokenizer's masking of & can go; re-measure"
    )


def test_row11_the_tokenizer_in_use_keeps_the_heap_intact_on_ampersands() -> None:
    """wikirecover's tokenizer (C with every & masked) under the debugging allocator, which
    aborts on the first write out of bounds."""
    code = (
        "import mwparserfromhell, mwparserfromhell.parser as p, wikirecover.parsing\n"
        "from wikirecover.parser_speedups.tokenizer import SafeTokenizer\n"
        "p.CTokenizer, p.use_c = SafeTokenizer, True\n"
        "pieces = ['{{T|p=a & b}}', 'a &amp; b &#65; &#x41; &foo; &',\n"
        "          '<span title=\"&amp;\">&lt;</span>', '[http://a.org/?a=1&amp;b=2 x&nbsp;y]',\n"
        "          '<!-- & -->', '<nowiki>&amp;</nowiki>']\n"
        "for _ in range(50):\n"
        "    for piece in pieces: mwparserfromhell.parse(piece + ' ' + piece)\n"
    )
    done = _debug_malloc(code)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]


def _debug_malloc(code: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONMALLOC="debug")
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=120)


def test_row12_a_parser_error_falls_back_and_keeps_the_text(monkeypatch) -> None:
    calls = []

    def broken(parser, text, context=0, skip_style_tags=False):
        calls.append(skip_style_tags)
        raise mwparserfromhell.parser.ParserError("This is a bug and should be reported")

    monkeypatch.setattr(mwparserfromhell.parser.Parser, "parse", broken)
    text = "''a'' [[b]] {{c}}\n"
    code = parse_wikitext(text)
    assert str(code) == text and calls == [False, True]
    [result] = convert_text(text, options=Options(budget=None))
    assert result.output == text
    assert any(i.code == "unparsed" for i in result.document.issues)


def _loop_in_c_ignoring_signals() -> None:
    import signal

    for number in (signal.SIGTERM, signal.SIGINT, signal.SIGALRM):
        signal.signal(number, signal.SIG_IGN)
    while True:
        pass


def test_row13_work_that_ignores_signals_is_killed_after_its_budget() -> None:
    with pytest.raises(BudgetExceeded, match="budget"):
        run_within(Budget(seconds=1), _loop_in_c_ignoring_signals)


@pytest.mark.parametrize(
    "text",
    ["{{echo|''Hello}}, world!''\n", "<b>foo{{end-bold}} bar\n", "''a [[b|c'' d]]\n"],
)
@pytest.mark.parametrize("to", FORMATS)
def test_row14_crossing_constructs_keep_their_text(text: str, to: str) -> None:
    not_worse_than_degraded(run(text, to=to), text)


@pytest.mark.parametrize(
    "text",
    ["{|\n|", "{| {{table}}\n| a\n", '{|\n|- style="x"\n| a\n| b\n'],
    ids=["eof", "template", "first-row-attributes"],
)
@pytest.mark.parametrize("to", [*FORMATS, "rst", "pandoc-gfm"])
def test_row15_unclosed_tables_never_lose_the_page(text: str, to: str) -> None:
    result = run(text + " cell text\n", to=to, seconds=30)
    # a row's attribute is no text of the page: MediaWiki (and the HTML pandoc is given when
    # it cannot read the table) renders it as the row's style
    not_worse_than_degraded(result, text.replace('style="x"', "") + " cell text")


@pytest.mark.parametrize("opener", ["<ref>", "<nowiki>", "<pre>", "<math>", "<!--"])
def test_row16_a_construct_open_to_the_end_is_reported_and_its_text_kept(opener: str) -> None:
    text = f"Start {opener}inside words\n\n== Later ==\nMore words after it.\n"
    result = run(text)
    assert result.document.issues, "the open construct was not reported"
    for to in ("html", "gfm"):
        shown = run(text, to=to)
        assert "More words after it" in shown.output or "More" in shown.output


@pytest.mark.parametrize(
    ("text", "visible"),
    [
        ("[[a|[[b]]]] and [http://x.org [[c]]]\n", "a b and c"),
        ("{|\n| cell\nfoster text\n|-\n| x\n|}\n", "cell foster text x"),
        ('<span title="unmatched>visible text</span>\n', "visible text"),
    ],
    ids=["links-in-links", "fosterable", "unmatched-quote"],
)
@pytest.mark.parametrize("to", FORMATS)
def test_row17_links_in_links_and_fosterable_content_keep_their_text(
    text: str, visible: str, to: str
) -> None:
    not_worse_than_degraded(run(text, to=to), visible)


@pytest.mark.parametrize(
    "text",
    ["*" * 1000 + " deep item\n", ":" * 1000 + " deep indent\n", ">" * 50_000 + " quoted\n"],
    ids=["list", "indent", "quote"],
)
@pytest.mark.parametrize("to", FORMATS)
def test_row18_very_deep_lists_do_not_recurse(text: str, to: str) -> None:
    result = run(text, to=to, seconds=20)
    not_worse_than_degraded(result, text)


@pytest.mark.parametrize(
    "text",
    ["{{a|" * 3000 + "x" + "}}" * 3000, "{|\n|\n" * 3000 + "x" + "\n|}" * 3000],
    ids=["templates", "tables"],
)
def test_row19_thousands_deep_nesting_ends_within_the_budget(text: str) -> None:
    not_worse_than_degraded(run(text, seconds=5, to="gfm"), text)


def test_row20_a_page_beyond_the_hard_cap_fails_quickly() -> None:
    result = run("word " * (3 << 20), seconds=5)  # 15 MiB
    assert str(result.document.status) == "FAILED" and "too large" in result.document.failed


def test_row21_apostrophe_soup_is_linear_enough() -> None:
    text = "''a '''b " * 8000
    not_worse_than_degraded(run(text, to="gfm", seconds=30), text.replace("'", ""))


@pytest.mark.parametrize("to", ["html", "gfm"])
def test_row22_content_inside_templates_is_kept(to: str) -> None:
    text = (
        "It is {{convert|5|km}} long. {{Infobox thing|name=Zebrafish|habitat=Rivers}}\n"
        "Claim.<ref>{{cite web|url=http://a.org|title=Quokka report}}</ref>\n"
        "{{Reflist}}\n"
    )
    page = run(text, to=to).output
    for word in ("5", "Zebrafish", "Rivers", "Quokka", "report"):
        assert word in page, word
    assert "km" in page or "kilometres" in page


def test_row23_entities_signatures_and_magic_words_are_kept_and_escaped() -> None:
    text = "&nbsp;a &amp; b &unknown; clean&copy ~~~~ __NOTOC__ {{subst:x}}\n"
    assert run(text).output == text
    page = run(text, to="html").output
    assert "&amp;unknown;" in page and "clean&amp;copy" in page
    assert "~~~~" in page
