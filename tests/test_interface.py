"""The skin's words in every interface language MediaWiki ships (`interface.py`): patterns made
from MediaWiki's own messages, the language of a page found from them, and a text dump whose
chrome is rendered in a language's own words recovered with no chrome line left."""

from __future__ import annotations

import html
import re

import pytest
from conftest import shared_dir
from hypothesis import example, given
from hypothesis import strategies as st

import wikirecover
from wikirecover import interface
from wikirecover.interface import detect, message, pattern
from wikirecover.options import Options
from wikirecover.rules import Rules, alternation

SITE = "Recoverpedia"
IN_PROCESS = Options(budget=None)  # 472 pages: no child process forked for each


def render(text: str, count: int = 2, argument: str = "") -> str:
    """A message as MediaWiki renders it here (the test's own, simple renderer)."""
    text = html.unescape(text)
    text = re.sub(
        r"\{\{\s*(?:ucfirst|lcfirst)\s*:\s*(\{\{\s*SITENAME\s*\}\})\s*\}\}", r"\1", text, flags=re.I
    )
    text = re.sub(
        r"\{\{\s*GRAMMAR\s*:[^|{}]*\|\s*\{\{\s*SITENAME\s*\}\}\s*\}\}", SITE, text, flags=re.I
    )
    text = re.sub(r"\{\{\s*SITENAME\s*\}\}", SITE, text, flags=re.I)

    def plural(match: re.Match[str]) -> str:
        forms = match.group(1).split("|")[1:]
        explicit = {
            f.split("=", 1)[0].strip(): f.split("=", 1)[1]
            for f in forms
            if re.match(r"\s*\d+\s*=", f)
        }
        plain = [f for f in forms if not re.match(r"\s*\d+\s*=", f)]
        if str(count) in explicit:
            return explicit[str(count)]
        return plain[-1] if plain else ""

    text = re.sub(r"\{\{\s*PLURAL\s*:([^{}]*)\}\}", plural, text, flags=re.I)
    text = re.sub(r"\{\{\s*GENDER\s*:[^|{}]*\|([^|{}]*)[^{}]*\}\}", r"\1", text, flags=re.I)
    return text.replace("$1", argument)


@pytest.mark.parametrize(
    ("text", "line", "matches"),
    [
        ("From {{SITENAME}}", "From Recoverpedia", True),
        ("Материал из {{grammar:genitive|{{SITENAME}}}}", "Материал из Recoverpedia", True),
        ("{{PLURAL:$1|Catégorie|Catégories}}\u202f:", "Catégories\u00a0:", True),
        ("{{PLURAL:$1|Catégorie|Catégories}}\u202f:", "Catégories:", True),
        ("{{PLURAL:$1|1=Категория|Категории}}", "Категория", True),
        ('Retrieved from "$1"', 'Retrieved from "http://x/index.php?title=A"', True),
        ('Retrieved from "$1"', "Retrieved from somewhere", False),
        ("提供: {{SITENAME}}", "提供: Recoverpedia", True),
        ("{{PLURAL:$1|Catégorie|Catégories}}&nbsp;:", "Catégories :", True),
        ("{{SITENAME}}", "Recoverpedia", True),  # a tagline of the site name alone (Korean)
        ("{{SITENAME}}", "The sample page opens with a sentence.", False),
    ],
)
def test_messages_become_patterns_the_way_mediawiki_renders_them(text, line, matches) -> None:
    assert bool(re.fullmatch(pattern(text), line)) is matches


def test_a_message_falls_back_the_way_mediawiki_does() -> None:
    assert message("es", "toc") == "Sumario"
    assert message("an", "monobook-jumptonavigation") == message("es", "monobook-jumptonavigation")
    assert message("xx-unknown", "toc") == "Contents"


def dump(code: str, era: str = "1.39") -> tuple[str, list[str]]:
    """A text dump of a small page with its chrome in language ``code``, and the chrome lines;
    ``era`` "1.5" (a lone edit link above the heading, "Jump to: navigation, search") or "1.16"
    (the edit link starts the heading's line) for the layouts of older MediaWiki."""
    say = lambda key, **kw: render(message(code, key), **kw)  # noqa: E731
    edit = say("editsection")
    jump = say("monobook-jumptonavigation") + say("monobook-jumptosearch")
    if era != "1.39":
        jump = f"{say('jumpto')} {say('jumptonavigation')}, {say('jumptosearch')}"

    def heading(title: str) -> str:
        if era == "1.5":
            return f"[{edit}]\n\n{title}"
        if era == "1.16":
            return f"[{edit}] {title}"
        return f"{title}[{edit}]"

    url = "http://127.0.0.1/index.php?title=Sample_page&oldid=3"
    label = say("pagecategories", count=2, argument="2")
    label += html.unescape(message(code, "colon-separator") or ":")
    chrome = [
        say("tagline"),
        jump,
        say("toc"),
        say("retrievedfrom", argument=url),
        say("navigation-heading"),
        f"[{edit}]",
    ]
    text = "\n".join(
        [
            "Sample page",
            "",
            say("tagline"),
            jump,
            "",
            "The sample page opens with a sentence about the city of Lisbon.",
            "",
            say("toc"),
            "",
            "  • 1 History of the place",
            "  • 2 Geography of the place",
            "",
            heading("History of the place"),
            "",
            "The harbour was built in the twelfth century.",
            "",
            heading("Geography of the place"),
            "",
            "The river meets the ocean here.",
            "",
            say("retrievedfrom", argument=url),
            label.strip(),
            "",
            "  • Alpha places",
            "  • Beta places",
            "",
            say("navigation-heading"),
            "",
            "  • Main page",
        ]
    )
    return text, [c.strip() for c in chrome if c.strip()]


def recovered(page, text: str) -> str:
    """``text`` saved as ``page`` and recovered as wikitext (in this process)."""
    page.write_text(text, encoding="utf-8")
    [result] = wikirecover.convert(page, to="wikitext", options=IN_PROCESS)
    return result.output


# every language with its own skin words, among them right-to-left (ar, he, fa) and CJK ones
CODES = sorted(
    code
    for code, own in interface._table().items()
    if own.get("editsection") and own.get("tagline")
)


def test_the_languages_tried_include_right_to_left_and_cjk() -> None:
    assert {"ar", "he", "fa", "ja", "zh-hans", "ko", "ru", "fr", "de"} <= set(CODES)
    assert len(CODES) > 100


@pytest.mark.parametrize("code", CODES)
def test_no_chrome_line_survives_in_any_language(code: str, tmp_path) -> None:
    text, chrome = dump(code)
    out = recovered(tmp_path / "Sample_page.txt", text)
    assert "The harbour was built in the twelfth century." in out
    assert re.search(r"^==\s*History of the place\s*==$", out, re.M), out
    assert "Alpha places" in out and "Beta places" in out
    for line in chrome:
        assert line not in out, f"{code}: {line!r} survived"


# older layouts over a sample: every tenth language, and the right-to-left and CJK ones
SAMPLE = sorted(set(CODES[::10]) | {"ar", "he", "fa", "ja", "zh-hans", "zh-hant", "ko", "de"})


@pytest.mark.parametrize("era", ["1.5", "1.16"])
@pytest.mark.parametrize("code", SAMPLE)
def test_no_chrome_line_survives_in_older_layouts(code: str, era: str, tmp_path) -> None:
    text, chrome = dump(code, era)
    out = recovered(tmp_path / "Sample_page.txt", text)
    assert re.search(r"^==\s*History of the place\s*==$", out, re.M), out
    assert re.search(r"^==\s*Geography of the place\s*==$", out, re.M), out
    assert "The river meets the ocean here." in out
    for line in chrome:
        assert line not in out, f"{code} {era}: {line!r} survived"


def saved_page(code: str, era: str) -> tuple[str, list[str]]:
    """A saved HTML page with its skin in language ``code`` (`<html lang>`), as MediaWiki 1.39
    (Vector) or 1.5 (MonoBook) writes it, and the skin's words in it."""
    say = lambda key, **kw: html.escape(render(message(code, key), **kw))  # noqa: E731
    edit, toc = say("editsection"), say("toc")
    label = say("pagecategories", count=1, argument="1")
    url = "http://127.0.0.1/index.php?title=Sample_page"
    retrieved = say("retrievedfrom", argument=f'<a href="{url}">{url}</a>')
    if era == "1.39":
        heading = (
            '<h2><span class="mw-headline" id="History">History of the place</span>'
            '<span class="mw-editsection"><span class="mw-editsection-bracket">[</span>'
            f'<a href="/index.php?title=Sample_page&amp;action=edit&amp;section=1">{edit}</a>'
            '<span class="mw-editsection-bracket">]</span></span></h2>'
        )
        body = (
            '<div id="mw-content-text" class="mw-body-content"><div class="mw-parser-output">'
            "<p>The sample page opens with a sentence.</p>"
            f'<div id="toc" class="toc"><div class="toctitle"><h2>{toc}</h2></div><ul><li>'
            '<a href="#History"><span class="tocnumber">1</span> '
            '<span class="toctext">History of the place</span></a></li></ul></div>'
            f"{heading}<p>The harbour was built in the twelfth century.</p></div></div>"
            f'<div class="printfooter">{retrieved}</div>'
            '<div id="catlinks" class="catlinks"><div id="mw-normal-catlinks">'
            f'<a href="/index.php/Special:Categories">{label}</a>: <ul><li>'
            '<a href="/index.php/Category:Alpha_places" title="Category:Alpha places">'
            "Alpha places</a></li></ul></div></div>"
        )
        jump = (
            f'<a class="mw-jump-link" href="#mw-head">{say("vector-jumptonavigation")}</a>'
            f'<a class="mw-jump-link" href="#searchInput">{say("vector-jumptosearch")}</a>'
        )
    else:
        body = (
            "<!-- start content --><p>The sample page opens with a sentence.</p>"
            f'<table id="toc" class="toc" summary="{toc}"><tr><td><div id="toctitle">'
            f'<h2>{toc}</h2></div><ul><li class="toclevel-1"><a href="#History">'
            '<span class="tocnumber">1</span> <span class="toctext">History of the place'
            "</span></a></li></ul></td></tr></table>"
            '<div class="editsection" style="float:right;margin-left:5px;">[<a href="/index.'
            f'php?title=Sample_page&amp;action=edit&amp;section=1">{edit}</a>]</div>'
            '<a name="History"></a><h2> History of the place </h2>'
            "<p>The harbour was built in the twelfth century.</p>"
            f'<div class="printfooter">{retrieved}</div>'
            f'<div id="catlinks"><p class="catlinks"><a href="/index.php/Special:Categories">'
            f'{label}</a>: <span dir="ltr"><a href="/index.php/Category:Alpha_places" '
            'title="Category:Alpha places">Alpha places</a></span></p></div>'
            "<!-- end content -->"
        )
        jump = (
            f'<div id="jump-to-nav">{say("jumpto")} <a href="#column-one">'
            f'{say("jumptonavigation")}</a>, <a href="#searchInput">{say("jumptosearch")}</a></div>'
        )
    page = (
        f'<!DOCTYPE html><html lang="{code}" dir="auto"><head><title>Sample page</title></head>'
        '<body><div id="content"><h1 id="firstHeading" class="firstHeading">Sample page</h1>'
        f'<div id="bodyContent"><div id="siteSub">{say("tagline")}</div>{jump}{body}</div></div>'
        f'<div id="p-navigation"><h3>{say("navigation-heading")}</h3></div></body></html>'
    )
    words = [say("tagline"), toc, edit, say("jumptosearch"), say("navigation-heading")]
    return page, [html.unescape(w) for w in words if w.strip()]


@pytest.mark.parametrize("era", ["1.5", "1.39"])
@pytest.mark.parametrize("code", SAMPLE)
def test_no_skin_word_survives_in_a_saved_page(code: str, era: str, tmp_path) -> None:
    text, words = saved_page(code, era)
    out = recovered(tmp_path / "Sample_page.html", text)
    assert out.startswith("The sample page opens with a sentence.\n\n==History of the place==\n")
    assert "The harbour was built in the twelfth century." in out
    assert out.rstrip().endswith("[[Category:Alpha places]]"), out
    for word in words:
        assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", out), f"{code} {era}: {word!r}"


def test_the_shared_interfaces_are_detected() -> None:
    folder = shared_dir("corpus", "langs")
    for code in ("es", "ru", "nl"):
        page = (folder / f"text-{code}" / "Bodmin.txt").read_text(encoding="utf-8")
        found = detect(page.splitlines())
        assert found.code == code and len(found.evidence) == 4


def test_an_english_page_stays_english() -> None:
    page = "Title\n\nFrom Wiki\nJump to navigationJump to search\n\nText.\n\nHistory[edit]\n"
    assert detect(page.splitlines()).code == "en"
    assert detect(["no chrome at all"]).code == "en"


@given(
    words=st.lists(st.text(min_size=1, max_size=6), min_size=1, max_size=12),
    probe=st.text(max_size=7),
)
@example(words=["Mal", "Mall", "Malline"], probe="Mall")
@example(words=["Vor", "Vorlage"], probe="Vorl")
def test_an_alternation_tree_matches_exactly_its_words(words, probe) -> None:
    tree = re.compile(f"(?:{alternation(words)})")
    assert all(tree.fullmatch(word) for word in words)
    assert bool(tree.fullmatch(probe)) is (probe in words)


def test_a_template_in_another_script_is_found_whatever_the_interface() -> None:
    # the content language's namespace (Russian), the interface's chrome (English)
    rules = Rules.default()
    assert rules.template_red_link.match("Шаблон:Карточка")
    assert rules.template_red_link.match("قالب:صندوق")
    assert not rules.template_red_link.match("Format:PDF")  # Romanian's, and an English word
    assert rules.with_interface("ro").template_red_link.match("Format:Infocaseta")
