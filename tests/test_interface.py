"""The skin's words in every interface language MediaWiki ships (`interface.py`): patterns made
from MediaWiki's own messages, the language of a page found from them, and a text dump whose
chrome is rendered in a language's own words recovered with no chrome line left."""

from __future__ import annotations

import html
import re

import pytest
from conftest import shared_dir

import wikirecover
from wikirecover import interface
from wikirecover.interface import detect, message, pattern
from wikirecover.options import Options

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


def dump(code: str) -> tuple[str, list[str]]:
    """A text dump of a small page with its chrome in language ``code``, and the chrome lines."""
    say = lambda key, **kw: render(message(code, key), **kw)  # noqa: E731
    edit = say("editsection")
    jump = say("monobook-jumptonavigation") + say("monobook-jumptosearch")
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
            f"History of the place[{edit}]",
            "",
            "The harbour was built in the twelfth century.",
            "",
            f"Geography of the place[{edit}]",
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
    page = tmp_path / "Sample_page.txt"
    page.write_text(text, encoding="utf-8")
    [result] = wikirecover.convert(page, to="wikitext", options=IN_PROCESS)
    out = result.output
    assert "The harbour was built in the twelfth century." in out
    assert re.search(r"^==\s*History of the place\s*==$", out, re.M), out
    assert "Alpha places" in out and "Beta places" in out
    for line in chrome:
        assert line not in out, f"{code}: {line!r} survived"


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
