"""Namespaces in any language, content models, a dump's <siteinfo>, MediaWiki's own messages."""

from __future__ import annotations

import pytest

from wikirecover import languages
from wikirecover.content_models import content_model
from wikirecover.dumps import read_siteinfo
from wikirecover.namespaces import CATEGORY, DEFAULT, FILE, MAIN, TEMPLATE, Namespaces
from wikirecover.pipeline import read_text
from wikirecover.templates.expand import normalise_name

# (title, namespace number, title without its prefix) with the built-in names only
CASES = [
    ("Category:Towns", CATEGORY, "Towns"),
    ("category:towns", CATEGORY, "towns"),
    ("Kategorie:Städte", CATEGORY, "Städte"),  # German
    ("Catégorie:Villes", CATEGORY, "Villes"),  # French
    ("Категория:Города", CATEGORY, "Города"),  # Russian
    ("Kategoreja:Reiga", CATEGORY, "Reiga"),  # Latgalian
    ("Vorlage:Infobox", TEMPLATE, "Infobox"),
    ("Modèle:Références", TEMPLATE, "Références"),
    ("Image:A.jpg", FILE, "A.jpg"),  # a canonical alias
    ("Bild:A.jpg", FILE, "A.jpg"),  # a German alias
    ("ファイル:A.jpg", FILE, "A.jpg"),  # Japanese
    ("File_talk:A.jpg", 7, "A.jpg"),  # underscores are spaces
    ("Foo: bar", MAIN, "Foo: bar"),  # no namespace
    ("Stampa:X", MAIN, "Stampa:X"),  # a name two languages give to different namespaces
]


@pytest.mark.parametrize(("title", "number", "rest"), CASES)
def test_every_languages_namespaces_are_known(title: str, number: int, rest: str) -> None:
    assert DEFAULT.split(title) == (number, rest)


def test_a_sites_own_names_come_first() -> None:
    site = Namespaces({10: ("Stampa",), 14: ("Kategoreja",)}, "ltg")
    assert site.split("Stampa:X") == (TEMPLATE, "X")
    assert site.split("Kategoreja:Reiga") == (CATEGORY, "Reiga")
    assert site.split("Category:Reiga") == (CATEGORY, "Reiga")  # canonical names still work
    assert site.split("Fails:A.png") == (FILE, "A.png")  # the language's own table
    assert site.preferred(CATEGORY) == "Kategoreja"
    assert site.preferred(TEMPLATE) == "Stampa"
    assert Namespaces({14: ("Kategoreja",)}, "ltg") == Namespaces({14: ("Kategoreja",)}, "ltg")


@pytest.mark.parametrize(
    ("title", "declared", "model"),
    [
        ("Module:Coordinates", None, "Scribunto"),
        ("Module:Coordinates/doc", None, "wikitext"),
        ("MediaWiki:Common.css", None, "css"),
        ("MediaWiki:Common.js", None, "javascript"),
        ("User:Ann/common.js", None, "javascript"),
        ("User:Ann.js", None, "wikitext"),  # not a subpage
        ("Main Page", None, "wikitext"),
        ("Data:Thing", "json", "json"),  # what the dump declares wins
    ],
)
def test_content_models(title: str, declared: str | None, model: str) -> None:
    assert content_model(title, declared) == model


def test_a_sites_module_namespace_holds_code() -> None:
    # Scribunto's namespace names are not in MediaWiki core's files: a dump's siteinfo says
    site = Namespaces({828: ("Modulis",)}, "ltg")
    assert content_model("Modulis:Coordinates", None, site) == "Scribunto"
    assert content_model("Modulis:Coordinates") == "wikitext"


def test_template_names_lose_any_languages_template_prefix() -> None:
    assert normalise_name("Taiss:Nadabeigts rakstīņs") == "Nadabeigts rakstīņs"
    assert normalise_name("Template:cite web") == "Cite web"
    assert normalise_name("Category:X") == "Category:X"


def test_siteinfo_is_read_from_a_dump(tmp_path) -> None:
    dump = tmp_path / "d.xml"
    dump.write_text(
        '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" xml:lang="de">'
        "<siteinfo><sitename>Wiki</sitename><namespaces>"
        '<namespace key="0" case="first-letter" /><namespace key="14">Kategorie</namespace>'
        '<namespace key="10">Vorlage</namespace></namespaces></siteinfo>'
        "<page><title>Vorlage:X</title><ns>10</ns><revision><id>1</id>"
        "<model>wikitext</model><text>x</text></revision></page></mediawiki>",
        encoding="utf-8",
    )
    info = read_siteinfo(dump)
    assert (info.name, info.language) == ("Wiki", "de")
    assert info.namespaces == {14: ("Kategorie",), 10: ("Vorlage",)}
    [doc] = read_text(dump.read_text(encoding="utf-8"), kind="xml")
    assert doc.namespaces.split("Kategorie:Y") == (CATEGORY, "Y")
    assert doc.metadata["content_model"] == "wikitext"


def test_mediawikis_own_messages_with_their_fallbacks() -> None:
    assert languages.message("de", "toc") == "Inhaltsverzeichnis"
    assert languages.message("ltg", "redirectto") == languages.message("lv", "redirectto")
    assert languages.message("xx-unknown", "toc") == "Contents"
    assert "#WEITERLEITUNG" in languages.redirect_words("de")
    assert "#REDIRECT" in languages.redirect_words("ru")


def test_a_german_wikis_table_of_contents_is_titled_in_german() -> None:
    from wikirecover.pipeline import write

    body = "".join(f"== Abschnitt {n} ==\nText.\n" for n in range(4))
    export = (
        '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" xml:lang="de">'
        '<siteinfo><namespaces><namespace key="14">Kategorie</namespace></namespaces>'
        f"</siteinfo><page><title>Seite</title><revision><id>1</id><text>{body}"
        "[[Kategorie:Test]]</text></revision></page></mediawiki>"
    )
    [doc] = read_text(export, kind="xml")
    html = write(doc, "html")
    assert '<h2 id="mw-toc-heading">Inhaltsverzeichnis</h2>' in html
    assert "Kategorie" not in html  # a category link, not text
