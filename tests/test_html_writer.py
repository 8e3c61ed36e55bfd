"""The native HTML writer: MediaWiki's rendering as the model, and nothing unsafe let through."""

from __future__ import annotations

import itertools
import re

import pytest
from conftest import eval_script, shared_dir

from wikirecover.parsing import parse_wikitext
from wikirecover.render.wikitext_to_html import HtmlRenderer, LinkStyle, normalise_title
from wikirecover.rules import Rules

html5lib = pytest.importorskip("html5lib")
RULES = Rules.default()


def render(wikitext: str, **links) -> str:
    return HtmlRenderer(RULES, LinkStyle(**links)).render(parse_wikitext(wikitext)).html


def test_paragraphs_lists_and_pre() -> None:
    out = render("One\ntwo\n\nThree\n* a\n** b\n# c\n pre line\n")
    assert out.startswith("<p>One\ntwo\n</p><p>Three\n</p>")
    assert "<ul><li> a\n<ul><li> b</li></ul></li></ul>" in out
    assert "<ol><li> c</li></ol>" in out
    assert "<pre>pre line\n</pre>" in out


def test_definition_on_the_line_of_its_term() -> None:
    assert render("; term : definition") == "<dl><dt> term </dt>\n<dd> definition</dd></dl>\n"


def test_links_known_and_red_with_a_trail() -> None:
    out = render("[[Alpha]]s and [[beta|Beta page]]", known_pages=frozenset({"Alpha"}))
    assert '<a href="/wiki/Alpha" title="Alpha">Alphas</a>' in out
    assert 'href="/index.php?title=Beta&amp;action=edit&amp;redlink=1" class="new"' in out


def test_a_link_pattern_for_another_site() -> None:
    out = render("[[Main Page#Intro|home]]", pattern="{title}.html")
    assert '<a href="Main_Page.html#Intro" title="Main Page">home</a>' in out


def test_named_references_are_defined_once_and_linked_back_from_every_use() -> None:
    out = render('A<ref name="x">Note</ref> B<ref name="x"/>\n<references/>')
    assert out.count('href="#cite_note-x-1"') == 2
    assert '<a href="#cite_ref-x_1-0">1.0</a>' in out and '<a href="#cite_ref-x_1-1">1.1</a>' in out
    assert out.count("Note") == 1


def test_references_without_a_list_are_listed_at_the_end() -> None:
    assert render("A<ref>Note</ref>").endswith("</ol></div>")


def test_a_table_cell_with_lines_gets_paragraphs_like_mediawiki() -> None:
    out = render("{|\n|a\nb\n|}")
    assert "<td>a\n<p>b\n</p>\n</td>" in out


def test_table_of_contents_from_four_headings_and_never_with_notoc() -> None:
    page = "".join(f"== H{n} ==\ntext\n" for n in range(4))
    assert 'id="toc"' in render(page)
    assert 'id="toc"' not in render("__NOTOC__\n" + page)
    assert 'id="toc"' not in render("== A ==\n== B ==\n")


def test_templates_without_a_definition_show_as_source_and_are_counted() -> None:
    rendered = HtmlRenderer(RULES).render(parse_wikitext("x {{convert|5|km}} y"))
    assert "{{convert|5|km}}" in rendered.html
    assert rendered.unrendered == {"template convert": 1}


def test_titles_are_normalised() -> None:
    assert normalise_title(" foo_bar  baz") == "Foo bar baz"
    assert normalise_title("category:x") == "Category:X"


# --- nothing unsafe: at least 100 hostile inputs ----------------------------------------------

_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<object data=x.swf></object>",
    "<embed src=x.swf>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<svg onload=alert(1)>",
    "<a href='javascript:alert(1)'>x</a>",
    "<form action=//x.example><input name=q></form>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "<link rel=stylesheet href=javascript:alert(1)>",
    "<base href=//x.example/>",
    "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>x</maction></math>",
]
_ATTRIBUTES = [
    'onmouseover="alert(1)"',
    "onclick=alert(1)",
    'ONLOAD="alert(1)"',
    'style="background:url(javascript:alert(1))"',
    'style="width:expression(alert(1))"',
    'style="background-image:url(data:image/png;base64,AAAA)"',
    'style="behavior:url(x.htc)"',
    'style="-moz-binding:url(x.xml#x)"',
    'style="color:red;/**/background:u\\72l(javascript:alert(1))"',
    'style="background:&#x75;rl(javascript:alert(1))"',
    'title="x" onfocus=alert(1) autofocus',
    'cite="javascript:alert(1)"',
    'data-x="1" onerror="alert(1)"',
    'style="@import url(//x.example/x.css)"',
]
_TAGS = ["span", "div", "p", "b", "table", "td", "blockquote", "font", "q"]
_LINKS = [
    "[javascript:alert(1) click]",
    "[data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg== click]",
    "[vbscript:msgbox(1) click]",
    "[[javascript:alert(1)|click]]",
    '[http://example.org" onmouseover="alert(1) click]',
    "[[File:X.png|link=javascript:alert(1)]]",
    '{|\n| style="background:url(javascript:alert(1))" | cell\n|}',
    '{| onclick="alert(1)"\n| x\n|}',
    "<ref name='\" onmouseover=alert(1) \"'>note</ref>",
    "== <span onclick=alert(1)>heading</span> ==",
]


def hostile_inputs() -> list[str]:
    pages = list(_PAYLOADS) + list(_LINKS)
    for tag, attribute in itertools.product(_TAGS, _ATTRIBUTES):
        pages.append(f"<{tag} {attribute}>text</{tag}>")
    return pages


_BAD_URL = re.compile(r"^\s*(?:javascript|vbscript|data|livescript):", re.I)
_BAD_CSS = re.compile(r"expression|url\s*\(|behavior|binding|@import|javascript", re.I)
_FORBIDDEN = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "form",
    "input",
    "meta",
    "link",
    "base",
    "img",
}


def unsafe_constructs(page_html: str) -> list[str]:
    found = []
    tree = html5lib.parseFragment(page_html, namespaceHTMLElements=False)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in _FORBIDDEN and not _allowed_exception(element):
            found.append(f"<{element.tag}>")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"{element.tag} {name}")
            if name.lower() in ("href", "src", "cite", "action", "formaction") and _BAD_URL.match(
                value
            ):
                found.append(f"{element.tag} {name}={value}")
            if name.lower() == "style" and _BAD_CSS.search(value):
                found.append(f"{element.tag} style={value}")
    return found


def _allowed_exception(element) -> bool:
    """What the writer itself emits: file images, the TOC toggle, microdata meta/link."""
    if element.tag == "img":
        return not _BAD_URL.match(element.get("src", "")) and set(element.attrib) <= {"alt", "src"}
    if element.tag == "input":
        return element.get("id") == "toctogglecheckbox"
    if element.tag in ("meta", "link"):
        return "itemprop" in element.attrib and "http-equiv" not in element.attrib
    return False


def test_there_are_at_least_a_hundred_hostile_inputs() -> None:
    assert len(hostile_inputs()) >= 100


@pytest.mark.parametrize("page", hostile_inputs())
def test_no_unsafe_construct_reaches_the_html(page: str) -> None:
    assert unsafe_constructs(render(page)) == []


def test_the_checker_sees_unsafe_html() -> None:
    assert unsafe_constructs('<p onclick="x">a</p><a href="javascript:x">b</a><script></script>')


# --- MediaWiki's own parser tests (the bars of issue 7) ---------------------------------------


@pytest.mark.parametrize(
    ("name", "floor"), [("parserTests.txt", 0.60), ("citeParserTests.txt", 0.50)]
)
def test_parser_tests_pass_rate(name: str, floor: float) -> None:
    pt = eval_script("parsertests")
    path = shared_dir("parsertests") / name
    text = path.read_text(encoding="utf-8")
    known = frozenset(
        normalise_title(a) for a in re.findall(r"^!!\s*article\s*\n(.*?)\n", text, flags=re.M)
    )
    edit = "/index.php?title={title}&action=edit&section={section}"
    passed = total = 0
    for case in pt.cases(path):
        expected, wikitext = pt.expected_html(case), case.get("wikitext")
        options = pt._ws.sub("", case.get("options", ""))
        if expected is None or wikitext is None or options not in pt.SAFE_OPTIONS:
            continue
        if "{{" in wikitext:
            continue  # transclusion: counted apart by the harness
        total += 1
        got = render(
            wikitext.rstrip("\n"), known_pages=known, edit_pattern=edit, page_title="Parser test"
        )
        passed += pt.shape(got) == pt.shape(expected)
    assert passed / total >= floor, f"{passed}/{total}"
