"""`wikirecover migrate`: a small wiki (redirects, a namespace, a subpage, two titles DokuWiki
files under one name, the wiki's own template and an unknown one, a file there and one
missing, a category) moved to every engine, then judged the way each engine judges it: every
link followed (`migrate.check`), `mkdocs build --strict`, DokuWiki itself serving the export."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from html import escape
from pathlib import Path

import pytest
from dokuwiki_site import fetch, serving

from wikirecover import Options
from wikirecover.migrate import ENGINES, migrate
from wikirecover.migrate.check import check_site

PAGES = {
    "Main Page": """Welcome. See [[Gold]], [[Gold#History|gold's history]], [[Aurum]], [[Tin]],
[[Help:Editing]], [[Sub/Page]], [[Café]] and [[Cafe]], and [[Nowhere]].

{{Greeting|World}}

{{Unknown box|x=1}}

[[File:Gold nugget.jpg|thumb|A nugget]]
[[File:Missing picture.png|thumb|Not there]]

{| class="wikitable"
! Metal !! Symbol !! Note
|-
| rowspan="2" | Gold || Au || yellow
|-
| colspan="2" | soft
|}

Gold is dense.<ref>A note on density.</ref>

== References ==
<references />

[[Category:Metals]]""",
    "Gold": """'''Gold''' is a metal.

== History ==
Known for long.

== Uses ==
Jewellery, like [[Main Page#References|the notes]].

[[Category:Metals]]""",
    "Aurum": "#REDIRECT [[Gold]]",
    "Tin": "#REDIRECT [[Gold#Uses]]",
    "Help:Editing": "Go back to [[Main Page]].",
    "Sub/Page": "A subpage. Up: [[Main Page]].",
    "Café": "A café.",
    "Cafe": "A cafe.",
    "Template:Greeting": "Hello, {{{1}}}!<includeonly>[[Category:Greeted]]</includeonly>",
    "Category:Metals": "Metals are shiny.",
}


def _dump(folder: Path) -> Path:
    namespaces = "".join(
        f'<namespace key="{k}" case="first-letter">{n}</namespace>'
        for k, n in ((0, ""), (6, "File"), (10, "Template"), (12, "Help"), (14, "Category"))
    )
    pages = "".join(
        f"<page><title>{escape(title)}</title><id>{n}</id><revision><id>{n}</id>"
        f"<timestamp>2020-01-01T00:00:00Z</timestamp>"
        f'<text xml:space="preserve">{escape(text)}</text></revision></page>'
        for n, (title, text) in enumerate(PAGES.items(), 1)
    )
    dump = folder / "wiki.xml"
    dump.write_text(
        '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" xml:lang="en">'
        f"<siteinfo><sitename>Testwiki</sitename><namespaces>{namespaces}</namespaces>"
        f"</siteinfo>{pages}</mediawiki>",
        encoding="utf-8",
    )
    return dump


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    """engine -> (output folder, result) for every engine."""
    folder = tmp_path_factory.mktemp("migrate")
    dump = _dump(folder)
    images = folder / "images" / "a" / "ab"
    images.mkdir(parents=True)
    (folder / "images" / "Gold_nugget.jpg").write_bytes(b"\xff\xd8\xff not really a jpeg")
    done = {}
    for name in ENGINES:
        out = folder / name
        done[name] = (
            out,
            migrate(dump, name, out, Options(verify=True), media=folder / "images", workers=1),
        )
    return done


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_every_link_leads_to_a_page_and_a_section_of_the_site(migrated, engine) -> None:
    out, result = migrated[engine]
    assert not result.pages.counts.get("FAILED")
    checked = check_site(out, engine)
    assert checked.broken == []
    assert checked.links >= 12
    report = json.loads((out / "migrate-report.json").read_text(encoding="utf-8"))
    assert set(report["links_missing"]) == {"Nowhere"}
    assert report["links_resolved"] >= 11
    # the missing file is linked (it shows once it is put there) and reported
    assert set(report["media_missing"]) == {"Missing picture.png"}
    assert len(checked.missing_media) == 1
    assert report["media_copied"] == 1
    assert report["templates_unresolved"] == {"Unknown box": ["Main Page"]}
    assert report["words_lost"] == {}


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_templates_categories_and_files_are_carried_over(migrated, engine) -> None:
    out, _ = migrated[engine]
    pages = out / ENGINES[engine].pages
    texts = {p.relative_to(pages).as_posix(): p.read_text("utf-8") for p in _pages(pages, engine)}
    main = next(text for path, text in texts.items() if "Welcome" in text)
    assert "Hello, World!" in main  # the wiki's own template, expanded
    category = next(text for text in texts.values() if "Metals are shiny." in text)
    assert "Gold" in category and "Main Page" in category  # the members, listed
    # a category only a template puts the page in is listed too (no page of its own: a new one)
    greeted = next(text for text in texts.values() if "Greeted" in text and "Pages in" in text)
    assert "Main Page" in greeted
    media = out / ENGINES[engine].media
    assert [p.name.casefold() for p in media.rglob("*") if p.is_file()] == ["gold_nugget.jpg"]


def _pages(folder: Path, engine: str) -> list[Path]:
    return sorted(folder.rglob(f"*.{ENGINES[engine].extension}"))


def test_dokuwiki_files_two_titles_of_one_name_apart(migrated) -> None:
    out, _ = migrated["dokuwiki"]
    pages = out / "data" / "pages"
    assert (pages / "cafe.txt").exists() and (pages / "cafe_2.txt").exists()
    assert (pages / "help" / "editing.txt").exists()
    assert "Redirect" in (pages / "aurum.txt").read_text("utf-8")


def test_obsidian_keeps_redirects_as_aliases_and_categories_as_tags(migrated) -> None:
    out, result = migrated["obsidian"]
    gold = (out / "Gold.md").read_text("utf-8")
    front = gold.split("---")[1]
    assert '"Aurum"' in front and '"Tin"' in front and '"Metals"' in front
    assert not (out / "Aurum.md").exists() and result.aliases == 2
    assert "[[Gold#History|gold's history]]" in (out / "Main Page.md").read_text("utf-8")


def test_the_static_site_has_an_index_of_every_page(migrated) -> None:
    out, _ = migrated["html-site"]
    index = (out / "index.html").read_text("utf-8")
    for title in ("Main Page", "Gold", "Help:Editing", "Category:Metals", "Sub/Page", "Café"):
        assert f">{escape(title)}</a>" in index, title


def test_mkdocs_builds_the_site_in_strict_mode(migrated, tmp_path) -> None:
    pytest.importorskip("mkdocs")
    out, _ = migrated["mkdocs"]
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    built = (tmp_path / "site" / "Gold" / "index.html").read_text("utf-8")
    assert 'id="history"' in built


def test_dokuwiki_serves_the_migrated_wiki(migrated, tmp_path) -> None:
    out, _ = migrated["dokuwiki"]
    data = tmp_path / "data"
    shutil.copytree(out / "data", data)
    with serving(data, tmp_path) as base:
        main = fetch(base, "main_page")
        gold = fetch(base, "gold")
        assert '<table class="inline">' in main and "rowspan" in main  # the table, whole
        assert 'href="#fn__1"' in main and "A note on density." in main  # the footnote
        assert "fetch.php?media=wiki:gold_nugget.jpg" in main  # the image
        assert 'class="wikilink1" title="gold"' in main  # a link to another page
        assert "Hello, World!" in main
        for page in (main, gold):
            assert 'class="wikilink2"' not in page  # no link to a page DokuWiki lacks
        assert 'id="history"' in gold
        assert "Pages in category Metals" in fetch(base, "category:metals")


def test_a_rerun_skips_what_is_done_unless_the_site_changed(tmp_path) -> None:
    dump = _dump(tmp_path)
    out = tmp_path / "out"
    first = migrate(dump, "mkdocs", out, Options(), workers=1)
    category = (out / "docs" / "Category" / "Metals.md").read_text("utf-8")
    again = migrate(dump, "mkdocs", out, Options(), workers=1)
    assert again.pages.counts == {"SKIPPED": first.pages.pages}
    # the report and the category pages come from the pages' records, whichever run wrote them
    assert (out / "docs" / "Category" / "Metals.md").read_text("utf-8") == category
    assert again.templates_unknown == first.templates_unknown
    assert again.links_resolved == first.links_resolved
    # a page added: the other pages' links may now lead to it, so every page is written again
    text = dump.read_text("utf-8").replace(
        "</mediawiki>",
        "<page><title>Nowhere</title><id>99</id><revision><id>99</id>"
        '<text xml:space="preserve">Now here.</text></revision></page></mediawiki>',
    )
    dump.write_text(text, "utf-8")
    changed = migrate(dump, "mkdocs", out, Options(), workers=1)
    assert "SKIPPED" not in changed.pages.counts
    assert "[Nowhere](Nowhere.md)" in (out / "docs" / "Main_Page.md").read_text("utf-8")


def test_the_command_line_migrates_and_says_what_is_missing(tmp_path) -> None:
    from click.testing import CliRunner

    from wikirecover.cli import cli

    dump = _dump(tmp_path)
    run = CliRunner().invoke(
        cli, ["migrate", str(dump), "--to", "html-site", "-o", str(tmp_path / "out"), "-j", "1"]
    )
    assert run.exit_code == 0, run.output
    assert "Nowhere" not in run.output  # the summary counts; the report names them
    assert "links:" in run.output and "templates unresolved: 1" in run.output
    assert "{{Unknown box}} on 1 pages" in run.output
    assert (tmp_path / "out" / "index.html").exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["missing.xml", "--to", "mkdocs"], "no such file"),
        (["not-a-dump.xml", "--to", "mkdocs"], "not a MediaWiki XML dump"),
        (["wiki.xml", "--to", "mkdocs", "--media", "nowhere"], "--media: no such folder"),
        (["wiki.xml", "--to", "moinmoin"], "Invalid value for '--to'"),
    ],
)
def test_bad_input_is_one_line_naming_the_file(tmp_path, arguments, message) -> None:
    from click.testing import CliRunner

    from wikirecover.cli import cli

    _dump(tmp_path)
    (tmp_path / "not-a-dump.xml").write_text("plain text", "utf-8")
    args = [str(tmp_path / a) if a.endswith(".xml") or a == "nowhere" else a for a in arguments]
    run = CliRunner().invoke(cli, ["migrate", *args, "-o", str(tmp_path / "out")])
    assert run.exit_code == 2
    assert message in run.output and "Traceback" not in run.output
