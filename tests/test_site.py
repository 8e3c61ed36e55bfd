"""`wikirecover site`: archives read, captures identified, titles planned, a wiki recovered.

Unit tests build their archives here (a WARC written with warcio, a WACZ around it, a wget
mirror and Wayback saves as folders); the integration tests run on the crawl in
../shared/archives (skipped without it) and import the result into a real MediaWiki."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import shared_dir
from mediawiki_wiki import api, import_dump

from wikirecover.cli import cli
from wikirecover.options import Options
from wikirecover.site import run_site
from wikirecover.site.archives import archive_kind, captures
from wikirecover.site.capture import Capture
from wikirecover.site.choose import EXACT, REDIRECTED, RENDERED, RENDERED_WITH_MARKUP, plan_titles
from wikirecover.site.identify import PAGE, REDIRECT, WIKITEXT, identify
from wikirecover.site.links import linked_titles
from wikirecover.wayback import is_wayback, original_url, unwrap

HOST = "http://wiki.example.org"


def mw_page(
    title: str,
    *,
    namespace: int = 0,
    action: str = "view",
    revision: int = 5,
    latest: int | None = None,
    article: int = 3,
    redirect: bool = False,
    redirected_from: str | None = None,
    content: str = "<p>Some text.</p>",
    textarea: str | None = None,
) -> str:
    """A page as MediaWiki 1.39 (MonoBook) serves it, cut down to what matters here."""
    latest = revision if latest is None else latest
    config = {
        "wgPageName": title.replace(" ", "_"),
        "wgNamespaceNumber": namespace,
        "wgAction": action,
        "wgRevisionId": revision if action == "view" else 0,
        "wgCurRevisionId": latest,
        "wgArticleId": article,
        "wgIsRedirect": redirect,
        "wgCanonicalSpecialPageName": "Allpages" if namespace == -1 else False,
    }
    if redirected_from:
        config["wgRedirectedFrom"] = redirected_from.replace(" ", "_")
    box = (
        f'<textarea id="wpTextbox1" name="wpTextbox1">\n{textarea}</textarea>'
        if textarea is not None
        else ""
    )
    return (
        f"<!DOCTYPE html><html><head><title>{title} - Examplepedia</title><script>"
        f'RLCONF={json.dumps(config)};</script></head><body class="ns-{namespace} '
        f'action-{action}"><div id="content"><h1 id="firstHeading">{title}</h1>'
        f'<div id="bodyContent"><div id="mw-content-text"><div class="mw-parser-output">'
        f"{content}</div></div>{box}</div></div></body></html>"
    )


def capture(
    url: str,
    body: str,
    *,
    time: str | None = "20100101000000",
    status=200,
    content_type: str = "text/html",
) -> Capture:
    data = body.encode()
    return Capture(url, time, status, content_type, "test", lambda: data, "utf-8")


# --- the Wayback Machine's replay undone ---------------------------------------------------

WAYBACK_SAVE = """<!DOCTYPE html><html><head><script src="//archive.org/includes/analytics.js?v=1"
type="text/javascript"></script>
<script type="text/javascript">
  __wm.init("https://web.archive.org/web");
  __wm.wombat("http://wiki.example.org/wiki/Rho","20100315123456","https://web.archive.org/");
</script>
<link rel="stylesheet" type="text/css" href="/_static/css/banner-styles.css?v=1" />
<!-- End Wayback Rewrite JS Include -->
<title>Rho</title></head><body>
<!-- BEGIN WAYBACK TOOLBAR INSERT --><div id="wm-ipp-base">toolbar</div>
<!-- END WAYBACK TOOLBAR INSERT -->
<a href="/web/20100315123456/http://wiki.example.org/wiki/Pi">pi</a>
<img src="https://web.archive.org/web/20100315123456im_/http://wiki.example.org/a.png"
 srcset="https://web.archive.org/web/20100315123456im_/http://wiki.example.org/b.png 1.5x,
 https://web.archive.org/web/20100315123456im_/http://wiki.example.org/c.png 2x">
<a href="https://web.archive.org/web/20100315123456/https://web.archive.org/web/2008/http://x.org/">kept</a>
<p>Text that names /web/20100315123456/http://x.org/ stays as written.</p>
</body></html>
<!--
     FILE ARCHIVED ON 12:34:56 Mar 15, 2010 AND RETRIEVED FROM THE
     INTERNET ARCHIVE ON 23:42:35 Apr 13, 2023.
-->"""


def test_wayback_save_unwrapped() -> None:
    assert is_wayback(WAYBACK_SAVE)
    page = unwrap(WAYBACK_SAVE)
    assert page.url == "http://wiki.example.org/wiki/Rho"
    assert page.timestamp == "20100315123456"
    assert "__wm" not in page.html and "wm-ipp" not in page.html
    assert "FILE ARCHIVED" not in page.html
    assert 'href="http://wiki.example.org/wiki/Pi"' in page.html
    assert 'src="http://wiki.example.org/a.png"' in page.html
    assert "http://wiki.example.org/c.png 2x" in page.html
    # a link the page itself made to an archived copy keeps its archive URL
    assert 'href="https://web.archive.org/web/2008/http://x.org/"' in page.html
    assert "names /web/20100315123456/http://x.org/ stays" in page.html


def test_wayback_time_from_closing_comment_and_links() -> None:
    without_wombat = WAYBACK_SAVE.replace("__wm.wombat", "other")
    assert unwrap(without_wombat).timestamp == "20100315123456"
    assert unwrap(without_wombat).url is None
    assert original_url("https://web.archive.org/web/2009id_/http://a.org/x") == (
        "http://a.org/x",
        "2009",
    )
    assert original_url("http://a.org/x") == ("http://a.org/x", None)


def test_plain_page_is_not_wayback() -> None:
    page = mw_page("Pi", content='<a href="https://web.archive.org/web/2008/http://x.org/">a</a>')
    assert not is_wayback(page)


# --- what a capture shows ------------------------------------------------------------------

IDENTIFY_CASES = [
    # (url, body, content type, status) -> (kind, title, revision)
    (f"{HOST}/wiki/Pi", mw_page("Pi", revision=7), "text/html", 200, (PAGE, "Pi", 7)),
    (
        f"{HOST}/index.php?title=Pi&action=edit",
        mw_page("Pi", action="edit", latest=7, textarea="'''Pi''' &amp; [[Rho]]\n"),
        "text/html",
        200,
        (WIKITEXT, "Pi", 7),
    ),
    (
        f"{HOST}/index.php?title=Pi&action=raw",
        "'''Pi'''",
        "text/x-wiki",
        200,
        (WIKITEXT, "Pi", None),
    ),
    (
        f"{HOST}/index.php?title=UK&redirect=no",
        mw_page(
            "UK",
            revision=9,
            redirect=True,
            content='<div class="redirectMsg"><ul class="redirectText"><li>'
            '<a href="/wiki/United_Kingdom#History">United Kingdom</a></li></ul></div>',
        ),
        "text/html",
        200,
        (REDIRECT, "UK", 9),
    ),
    (
        f"{HOST}/wiki/Talk:Pi",
        mw_page("Talk:Pi", namespace=1),
        "text/html",
        200,
        (PAGE, "Talk:Pi", 5),
    ),
    (
        f"{HOST}/wiki/Category:Greek",
        mw_page("Category:Greek", namespace=14, article=0),
        "text/html",
        200,
        ("listing of no page", "Category:Greek", None),
    ),
    (
        f"{HOST}/wiki/Special:AllPages",
        mw_page("Special:AllPages", namespace=-1),
        "text/html",
        200,
        ("special page", "Special:AllPages", None),
    ),
    (f"{HOST}/wiki/Nope", "Not found", "text/html", 404, ("missing", None, None)),
    (f"{HOST}/", "", "text/html", 301, ("HTTP redirect", None, None)),
    (f"{HOST}/load.php?only=styles", "a{}", "text/css", 200, ("skin file", None, None)),
    (f"{HOST}/images/a.png", "", "image/png", 200, ("media file", None, None)),
    (
        f"{HOST}/index.php?title=Pi&diff=7&oldid=5",
        mw_page("Pi"),
        "text/html",
        200,
        ("diff", "Pi", None),
    ),
    (
        f"{HOST}/index.php?title=Pi&action=history",
        mw_page(
            "Pi",
            action="history",
            content='<ul id="pagehistory"><li data-mw-revid="5">'
            '</li><li data-mw-revid="7"></li></ul>',
        ),
        "text/html",
        200,
        ("history", "Pi", None),
    ),
    (
        f"{HOST}/index.php?title=New&action=edit",
        mw_page("New", action="edit", article=0, latest=0, textarea=""),
        "text/html",
        200,
        ("edit form of no page", "New", None),
    ),
    # no configuration script (an old MediaWiki): the URL and the body classes say it
    (
        f"{HOST}/wiki/Old_page",
        '<html><body class="ns-0 action-view"><div id="bodyContent"><p>x</p></div></body></html>',
        "text/html",
        200,
        (PAGE, "Old page", None),
    ),
    # MediaWiki 1.16 wrote its configuration as one JavaScript var statement, without the
    # revision a view shows: an ?oldid= view shows that revision
    (
        f"{HOST}/index.php?title=Tau&oldid=9",
        '<html><head><script>\nvar skin="monobook",\nwgNamespaceNumber=0,\nwgPageName="Tau",'
        '\nwgAction="view",\nwgArticleId=4,\nwgCurRevisionId=11;\n</script></head>'
        '<body class="mediawiki ltr ns-0 ns-subject page-Tau skin-monobook"></body></html>',
        "text/html",
        200,
        (PAGE, "Tau", 9),
    ),
    # MediaWiki 1.16 wrote its configuration as JavaScript variables
    (
        f"{HOST}/index.php?curid=4",
        '<html><script>var wgPageName = "Tau";\nvar '
        "wgNamespaceNumber = 0;\nvar wgCurRevisionId = 11;</script><body></body></html>",
        "text/html",
        200,
        (PAGE, "Tau", 11),
    ),
]


@pytest.mark.parametrize("case", IDENTIFY_CASES, ids=lambda c: f"{c[0].split('/', 3)[-1]}-{c[3]}")
def test_identify(case) -> None:
    url, body, kind, status, (expected_kind, title, revision) = case
    view = identify(capture(url, body, status=status, content_type=kind))
    assert (view.kind, view.title, view.revision) == (expected_kind, title, revision)


def test_identify_details() -> None:
    edit = identify(
        capture(
            f"{HOST}/index.php?title=Pi&action=edit",
            mw_page("Pi", action="edit", textarea="A &lt;b&gt; [[Rho]]\n"),
        )
    )
    assert edit.wikitext == "A <b> [[Rho]]\n"  # the text box's text, unescaped, exactly
    redirect = identify(capture(*IDENTIFY_CASES[3][:2]))
    assert redirect.target == "United Kingdom#History"
    served = identify(capture(f"{HOST}/wiki/UK", mw_page("United Kingdom", redirected_from="UK")))
    assert (served.kind, served.title, served.redirected_from) == (PAGE, "United Kingdom", "UK")
    links = identify(
        capture(
            f"{HOST}/wiki/Pi",
            mw_page(
                "Pi",
                content=(
                    '<a href="/wiki/Rho" title="Rho">r</a><a href="/index.php?title=Nu&action=edit&'
                    'redlink=1" class="new">n</a><a class="external" href="http://x.org/wiki/Z">z</a>'
                ),
            ),
        )
    )
    assert links.known_titles == {"Rho"}


# --- per title: which capture ----------------------------------------------------------------


def _views(*specs):
    """(kind, title, revision, time) -> views, as identify would give them."""
    views = []
    for kind, title, revision, time, *extra in specs:
        if kind == "page":
            body = mw_page(
                title, revision=revision or 0, redirected_from=extra[0] if extra else None
            )
            url = f"{HOST}/wiki/{extra[0] if extra else title}"
            views.append(identify(capture(url, body, time=time)))
        elif kind == "edit":
            body = mw_page(title, action="edit", latest=revision or 0, textarea="x\n")
            views.append(
                identify(capture(f"{HOST}/index.php?title={title}&action=edit", body, time=time))
            )
        elif kind == "raw":
            views.append(
                identify(
                    capture(
                        f"{HOST}/index.php?title={title}&action=raw",
                        "x",
                        time=time,
                        content_type="text/x-wiki",
                    )
                )
            )
        elif kind == "redirect":
            body = mw_page(
                title,
                revision=revision,
                redirect=True,
                content=(
                    f'<ul class="redirectText"><li><a href="/wiki/{extra[0]}">t</a></li></ul>'
                ),
            )
            views.append(
                identify(capture(f"{HOST}/index.php?title={title}&redirect=no", body, time=time))
            )
    return views


PLAN_CASES = [
    # captures -> (method, the main capture's revision or time)
    ("rendering only", [("page", "Pi", 5, "2010")], RENDERED),
    (
        "wikitext of the same revision",
        [("page", "Pi", 5, "2011"), ("edit", "Pi", 5, "2010")],
        EXACT,
    ),
    (
        "newer rendering over older wikitext",
        [("page", "Pi", 7, "2011"), ("edit", "Pi", 5, "2010")],
        RENDERED_WITH_MARKUP,
    ),
    (
        "raw captured after the rendering",
        [("page", "Pi", 5, "2010"), ("raw", "Pi", None, "2011")],
        EXACT,
    ),
    (
        "raw captured before the rendering",
        [("page", "Pi", 5, "2011"), ("raw", "Pi", None, "2010")],
        RENDERED_WITH_MARKUP,
    ),
    (
        "raw of unknown time (a mirror)",
        [("page", "Pi", 5, None), ("raw", "Pi", None, None)],
        RENDERED_WITH_MARKUP,
    ),
    (
        "newer redirect over an older article",
        [("page", "Pi", 5, "2010"), ("redirect", "Pi", 9, "2012", "Tau")],
        REDIRECTED,
    ),
    (
        "older redirect, then an article",
        [("redirect", "Pi", 5, "2010", "Tau"), ("page", "Pi", 9, "2012")],
        RENDERED,
    ),
    ("served through a redirect only", [("page", "Tau", 5, "2010", "Pi")], REDIRECTED),
]


@pytest.mark.parametrize("name,specs,method", PLAN_CASES, ids=[c[0] for c in PLAN_CASES])
def test_plan(name: str, specs, method: str) -> None:
    plans = {plan.title: plan for plan in plan_titles(_views(*specs))}
    assert plans["Pi"].method == method
    used = [c["used_for"] for c in plans["Pi"].captures]
    assert len(plans["Pi"].captures) == len(specs) - (name == "served through a redirect only") + (
        name == "served through a redirect only"
    )
    assert any(u in ("the page's text", "the redirect") for u in used)


def test_plan_redirect_target_and_lost_edits() -> None:
    plans = {p.title: p for p in plan_titles(_views(("page", "Tau", 5, "2010", "Pi")))}
    assert plans["Pi"].target == "Tau" and plans["Tau"].method == RENDERED
    history = identify(
        capture(
            f"{HOST}/index.php?title=Pi&action=history",
            mw_page(
                "Pi", action="history", content='<li data-mw-revid="5"></li><li data-mw-revid="8">'
            ),
        )
    )
    [plan] = plan_titles([*_views(("page", "Pi", 5, "2010")), history])
    assert plan.revisions == [5, 8]
    assert any("revision 8, newer than any captured" in note for note in plan.notes)


def test_linked_titles() -> None:
    text = "[[Pi]] [[pi|x]] [[:Category:Greek]] [[Category:Greek]] [[File:A.png]] [[de:Pi]] [[#s]]"
    assert linked_titles(text + " [[Talk:Rho#a]] [[Special:Search]]") == {
        "Pi",
        "Category:Greek",
        "Talk:Rho",
    }


# --- archives ----------------------------------------------------------------------------


def _warc(path: Path, records: list[tuple[str, str, bytes, dict]]) -> None:
    """A gzipped WARC of responses: (url, WARC-Date, body, extra HTTP headers)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, date, body, extra in records:
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=UTF-8"), *extra.items()],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(record)


def _site_pages() -> list[tuple[str, str, bytes, dict]]:
    chunked = mw_page("Talk:Rho", namespace=1, revision=8).encode()
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(chunked), chunked)
    return [
        (
            f"{HOST}/wiki/Pi",
            "2010-01-01T00:00:00Z",
            mw_page(
                "Pi",
                revision=3,
                content='<p>Pi links <a href="/wiki/Rho" title="Rho">rho'
                '</a> and <a href="/wiki/Lost" title="Lost">lost</a>.</p>',
            ).encode(),
            {},
        ),
        (
            f"{HOST}/index.php?title=Pi&action=edit",
            "2010-01-02T00:00:00Z",
            mw_page(
                "Pi",
                action="edit",
                latest=3,
                textarea="'''Pi''' links [[Rho|rho]] and [[Lost|lost]].\n",
            ).encode(),
            {},
        ),
        (
            f"{HOST}/wiki/Rho",
            "2010-01-03T00:00:00Z",
            gzip.compress(chunked[0:0] or mw_page("Rho", revision=4).encode()),
            {"Content-Encoding": "gzip"},
        ),
        (
            f"{HOST}/wiki/Talk:Rho",
            "2010-01-04T00:00:00Z",
            chunked,
            {"Transfer-Encoding": "chunked"},
        ),
        (
            f"{HOST}/wiki/Special:RecentChanges",
            "2010-01-05T00:00:00Z",
            mw_page("Special:RecentChanges", namespace=-1).encode(),
            {},
        ),
        (
            f"{HOST}/index.php?title=Sigma&redirect=no",
            "2010-01-06T00:00:00Z",
            mw_page(
                "Sigma",
                revision=6,
                redirect=True,
                content='<ul class="redirectText"><li><a href="/wiki/Pi">Pi</a></li></ul>',
            ).encode(),
            {},
        ),
    ]


def test_warc_and_wacz_captures(tmp_path: Path) -> None:
    pages = _site_pages()
    pages[3] = (f"{HOST}/wiki/Talk:Rho", *pages[3][1:])
    _warc(tmp_path / "site.warc.gz", pages)
    assert archive_kind(tmp_path / "site.warc.gz") == "warc"
    damage: list[str] = []
    found = [c for _, c in captures([str(tmp_path / "site.warc.gz")], damage)]
    assert [c.url for c in found] == [p[0] for p in pages] and not damage
    assert found[0].timestamp == "20100101000000" and found[0].status == 200
    assert b"wgPageName" in found[2].read()  # gzip content-encoding undone
    assert found[3].read().startswith(b"<!DOCTYPE")  # chunks joined
    with zipfile.ZipFile(tmp_path / "site.wacz", "w") as wacz:
        wacz.write(tmp_path / "site.warc.gz", "archive/data.warc.gz")
    assert archive_kind(tmp_path / "site.wacz") == "wacz"
    assert len(list(captures([str(tmp_path / "site.wacz")], damage))) == len(pages)


def test_damaged_warc_keeps_what_came_before(tmp_path: Path) -> None:
    _warc(tmp_path / "site.warc.gz", _site_pages())
    data = (tmp_path / "site.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) * 2 // 3] + b"\x00garbage")
    damage: list[str] = []
    found = list(captures([str(tmp_path / "cut.warc.gz")], damage))
    assert 0 < len(found) < len(_site_pages())
    assert len(damage) == 1 and "cut.warc.gz" in damage[0]  # reported, not silently lost
    # uncompressed and cut inside a record; and an archive that ends cleanly reports nothing
    plain = gzip.decompress(data)
    (tmp_path / "cut.warc").write_bytes(plain[: len(plain) - 100])
    damage = []
    list(captures([str(tmp_path / "cut.warc")], damage))  # the cut record kept with what it has
    assert len(damage) == 1 and "cut short" in damage[0]
    damage = []
    list(captures([str(tmp_path / "site.warc.gz")], damage))
    assert damage == []


def test_not_an_archive(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("hello")
    result = CliRunner().invoke(
        cli, ["site", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o.xml")]
    )
    assert result.exit_code == 2 and "not a web archive" in result.output
    assert "Traceback" not in result.output


def test_archives_without_a_page(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(cli, ["site", str(tmp_path / "empty"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1 and "no page of a MediaWiki wiki" in result.output


def test_mirror_folder_urls(tmp_path: Path) -> None:
    host = tmp_path / "wiki.example.org"
    (host / "wiki").mkdir(parents=True)
    (host / "wiki" / "Pi.html").write_text(mw_page("Pi"))
    (host / "index.php?title=Pi&action=edit.html").write_text(
        mw_page("Pi", action="edit", textarea="x\n")
    )
    (host / "index.php@title=Pi&action=raw").write_text("x")
    (host / "robots.txt").write_text("User-agent: *")
    urls = sorted(c.url for _, c in captures([str(tmp_path)], []))
    assert urls == [
        f"{HOST}/index.php?title=Pi&action=edit",
        f"{HOST}/index.php?title=Pi&action=raw",
        f"{HOST}/robots.txt",
        f"{HOST}/wiki/Pi",
    ]


# --- a site, end to end --------------------------------------------------------------------


def test_site_from_a_warc(tmp_path: Path) -> None:
    _warc(tmp_path / "site.warc.gz", _site_pages())
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["site", str(tmp_path / "site.warc.gz"), "-o", str(out), "-j", "1", "-q"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads((out / "site-report.json").read_text())
    assert set(report["titles"]) == {"Pi", "Rho", "Talk:Rho", "Sigma"}
    assert report["titles"]["Pi"]["method"] == EXACT
    assert report["titles"]["Sigma"]["redirect_to"] == "Pi"
    assert report["titles"]["Talk:Rho"]["namespace"] == 1
    assert report["not_pages"] == {"special page": 1}
    assert list(report["lost"]) == ["Lost"]  # a blue link no capture holds
    pi = out / "pages" / report["titles"]["Pi"]["output"]
    assert pi.read_text() == "'''Pi''' links [[Rho|rho]] and [[Lost|lost]].\n"
    sigma = out / "pages" / report["titles"]["Sigma"]["output"]
    assert sigma.read_text() == "#REDIRECT [[Pi]]\n"
    assert _imported_titles(out / "import.xml") == ["Pi", "Rho", "Sigma", "Talk:Rho"]
    assert "<html" in (out / "site-report.html").read_text()
    # a rerun resumes: nothing converted again, the same import file
    again = CliRunner().invoke(
        cli, ["site", str(tmp_path / "site.warc.gz"), "-o", str(out), "-j", "1", "-q"]
    )
    assert again.exit_code == 0
    assert _imported_titles(out / "import.xml") == ["Pi", "Rho", "Sigma", "Talk:Rho"]


def _imported_titles(path: Path) -> list[str]:
    from lxml import etree

    spaces = {"m": "http://www.mediawiki.org/xml/export-0.11/"}
    return sorted(etree.parse(str(path)).xpath("//m:page/m:title/text()", namespaces=spaces))


# --- the shared crawl ------------------------------------------------------------------------

FORMS = {"warc": "site.warc.gz", "wayback": "wayback", "mirror": "mirror", "all": ""}


@pytest.fixture(scope="module")
def recovered(tmp_path_factory) -> dict:
    archives = shared_dir("archives")
    manifest = json.loads((archives / "truth" / "manifest.json").read_text(encoding="utf-8"))
    results = {}
    for form, name in FORMS.items():
        folder = tmp_path_factory.mktemp(form)
        inputs = [str(archives / n) for n in (FORMS.values() if form == "all" else [name]) if n]
        run = run_site(inputs, folder, folder / "import.xml", Options(), workers=2)
        results[form] = (run, folder)
    return {"archives": archives, "pages": manifest["pages"], "runs": results}


@pytest.mark.parametrize("form", list(FORMS))
def test_shared_crawl(recovered: dict, form: str) -> None:
    archives, pages = recovered["archives"], recovered["pages"]
    run, folder = recovered["runs"][form]
    key = {"warc": None, "wayback": "wayback", "mirror": "mirror", "all": None}[form]

    def held(page: dict) -> bool:
        return key is None or any(c.get(key) for g in page["captures"].values() for c in g)

    expected = {t for t, p in pages.items() if held(p)}
    titles = [plan.title for plan in run.plans]
    assert sorted(titles) == sorted(expected)  # every true title once, nothing else
    for plan in run.plans:
        assert plan.namespace == pages[plan.title]["namespace"], plan.title
    for title, page in pages.items():
        if title not in expected:
            continue
        output = folder / "pages" / run.outcomes[title]["output"]
        truth = archives / "truth" / f"{page['safe_name']}.wiki"
        latest_exact = any(
            c.get("revision") == "latest" and (key is None or c.get(key))
            for kind in ("edit", "raw")
            for c in page["captures"].get(kind, [])
        )
        if page["kind"] == "redirect" or latest_exact:
            assert output.read_bytes() == truth.read_bytes(), title


def test_shared_crawl_imports_into_mediawiki(recovered: dict, wiki) -> None:
    _, settings, port = wiki
    _, folder = recovered["runs"]["warc"]
    done = import_dump(settings, folder / "import.xml")
    assert done.returncode == 0, done.stderr
    statistics = api(port, action="query", meta="siteinfo", siprop="statistics")
    listed = api(port, action="query", list="allpages", aplimit="500", apnamespace="0")
    titles = {p["title"] for p in listed["query"]["allpages"]}
    assert len(titles) == 52 and "Main Page" in titles  # 47 articles + 5 redirects
    talk = api(port, action="query", list="allpages", aplimit="500", apnamespace="1")
    assert {p["title"] for p in talk["query"]["allpages"]} == {
        "Talk:Alsea (company)",
        "Talk:Magnar Sætre",
    }
    redirect = api(port, action="query", titles="UK", redirects="1")
    assert redirect["query"]["redirects"][0]["to"] == "United Kingdom"
    parsed = api(port, action="parse", page="Bodmin", prop="text")["parse"]["text"]
    assert "Bodmin" in parsed and 'class="reference"' in parsed
    assert statistics["query"]["statistics"]["pages"] >= 54


def test_site_on_dask_gives_the_local_pages(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    _warc(tmp_path / "site.warc.gz", _site_pages())
    inputs = [str(tmp_path / "site.warc.gz")]
    run_site(inputs, tmp_path / "local", tmp_path / "local.xml", Options(), workers=2)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        run = run_site(
            inputs, tmp_path / "dask", tmp_path / "dask.xml", Options(),
            scheduler=cluster.scheduler_address,
        )  # fmt: skip
    assert run.summary is not None and run.summary.pages == 4
    local = {p.name: p.read_bytes() for p in (tmp_path / "local" / "pages").glob("*.wiki")}
    remote = {p.name: p.read_bytes() for p in (tmp_path / "dask" / "pages").glob("*.wiki")}
    assert local == remote and len(local) == 4


def _wet(path: Path, records: list[tuple[str, str, str]]) -> None:
    """A WARC of ``conversion`` records (a page's extracted text), as Common Crawl's WET."""
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, date, text in records:
            record = writer.create_warc_record(
                url,
                "conversion",
                payload=io.BytesIO(text.encode()),
                warc_content_type="text/plain",
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(record)


def test_a_page_kept_only_as_text_gets_its_links_back(tmp_path: Path) -> None:
    _warc(tmp_path / "site.warc.gz", _site_pages())
    _wet(
        tmp_path / "site.wet.gz",
        [(f"{HOST}/wiki/Omega", "2010-02-01T00:00:00Z",
          "Omega\nOmega comes after Sigma and before nothing; sigma again, and Pi and Lost.\n")],
    )  # fmt: skip
    out = tmp_path / "out"
    run = run_site(
        [str(tmp_path / "site.warc.gz"), str(tmp_path / "site.wet.gz")], out,
        out / "import.xml", Options(), workers=1,
    )  # fmt: skip
    plans = {plan.title: plan for plan in run.plans}
    assert plans["Omega"].method == "rendered text"
    assert plans["Omega"].links_restored == ["Sigma", "Lost"]  # "Pi": too short to tell
    text = (out / "pages" / run.outcomes["Omega"]["output"]).read_text()
    assert "after [[Sigma]] and before" in text and "sigma again" in text  # the first mention
    assert "[[Omega" not in text and "and [[Lost]]." in text
    assert "Omega" in _imported_titles(out / "import.xml")
    again = run_site(
        [str(tmp_path / "site.warc.gz"), str(tmp_path / "site.wet.gz")], out,
        out / "import.xml", Options(), workers=1,
    )  # fmt: skip
    assert {p.title: p for p in again.plans}["Omega"].links_restored == ["Sigma", "Lost"]


def _arc(records: list[tuple[str, str, bytes]]) -> bytes:
    """An ARC (version 1) file: the file header, then a header line and an HTTP response per
    record (the format of the Internet Archive's crawls before WARC)."""
    version = b"1 0 wikirecover\nURL IP-address Archive-date Content-type Archive-length\n"
    out = b"filedesc://test.arc 0.0.0.0 20100101000000 text/plain %d\n" % len(version) + version
    for url, date, body in records:
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n" + body
        out += b"\n%s 127.0.0.1 %s text/html %d\n" % (url.encode(), date.encode(), len(http)) + http
    return out + b"\n"


def test_arc_captures(tmp_path: Path) -> None:
    pages = [
        (f"{HOST}/wiki/Pi", "20100101000000", mw_page("Pi", revision=3).encode()),
        (f"{HOST}/wiki/Rho", "20110101000000", mw_page("Rho", revision=4).encode()),
    ]
    (tmp_path / "crawl.arc").write_bytes(_arc(pages))
    assert archive_kind(tmp_path / "crawl.arc") == "arc"
    damage: list[str] = []
    found = [c for _, c in captures([str(tmp_path / "crawl.arc")], damage)]
    assert [(c.url, c.timestamp, c.status) for c in found] == [
        (f"{HOST}/wiki/Pi", "20100101000000", 200),
        (f"{HOST}/wiki/Rho", "20110101000000", 200),
    ]
    assert not damage
    assert [identify(c).title for c in found] == ["Pi", "Rho"]  # bodies read again by offset
