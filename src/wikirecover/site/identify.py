"""What a capture shows: which page (title, namespace), which action (view, edit, raw,
history...), which revision, and whether it is a page at all.

A MediaWiki page says most of this itself: ``wgPageName``, ``wgNamespaceNumber``, ``wgAction``,
``wgRevisionId``, ``wgCurRevisionId``, ``wgArticleId``, ``wgIsRedirect`` and
``wgRedirectedFrom`` in its configuration script (``RLCONF = {...}`` since 1.32,
``mw.config.set({...})`` before, ``var wgPageName = ...`` before 1.17). Where a page does not,
its URL (``/wiki/T``, ``index.php?title=T&action=A``, ``?curid=N``), canonical link, body classes
(``ns-0 action-view``) and first heading do. Special pages, searches, diffs, skin files, errors,
missing pages and listings of pages that do not exist are not pages: each gets the reason it is
not, for the report. A page's blue links (and the titles Special:AllPages and category listings
show) are titles the wiki had: `View.known_titles`.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote, unquote_plus, urlsplit

from ..titles import normalise_title
from .capture import Capture

PAGE = "page"  # a rendered view of a page's revision
WIKITEXT = "wikitext"  # a page's exact wikitext (action=raw, the edit form's text box)
REDIRECT = "redirect"  # a redirect page itself (redirect=no)
HISTORY = "history"  # a page's revision list
USABLE = frozenset({PAGE, WIKITEXT, REDIRECT, HISTORY})

_CONFIG = re.compile(
    r"\b(wg(?:PageName|NamespaceNumber|Action|RevisionId|CurRevisionId|ArticleId|"
    r"IsRedirect|RedirectedFrom|CanonicalSpecialPageName|PageContentLanguage|"
    r"ContentLanguage))[\"']?\s*[:=]\s*(\"(?:[^\"\\]|\\.)*\"|-?\d+|true|false|null)"
)
_TEXTAREA = re.compile(
    r"<textarea\b[^>]*\bid=[\"']?wpTextbox1\b[^>]*>(?P<text>.*?)</textarea>", re.S | re.I
)
_BODY_CLASS = re.compile(r"<body\b[^>]*\bclass=\"([^\"]*)\"", re.I)
_CANONICAL = re.compile(r"<link\b[^>]*rel=\"canonical\"[^>]*href=\"([^\"]+)\"", re.I)
_ARTICLE_PATH = re.compile(r"/(?:wiki|index\.php)/(?P<title>[^?#]+)")
_INTERNAL_LINK = re.compile(
    r"<a\s[^>]*?\bhref=\"(?:https?://[^/\"]+)?/(?:[\w.-]+/)?(?:(?:wiki|index\.php)/([^\"?#]+)"
    r"|index\.php\?title=([^\"&#]+))[^\"]*\"[^>]*>"
)
_NOT_BLUE = ('class="new', ' new"', "extiw", "external", "redlink=1", "action=", "image")
_A_TAG = re.compile(r"<a\s([^>]*)>", re.I)
_ATTRIBUTE = re.compile(r"([\w-]+)\s*=\s*\"([^\"]*)\"")
_REVISION_ID = re.compile(r"\bdata-mw-revid=\"(\d+)\"")
# where a page's content column ends (MonoBook, Vector, Timeless: the footer or the categories)
_CONTENT_ENDS = ('class="printfooter"', 'id="catlinks"', 'class="catlinks', 'id="footer"')
_SKIN = ("text/css", "text/javascript", "application/javascript", "application/x-javascript")


@dataclass(slots=True)
class View:
    capture: Capture
    kind: str  # PAGE, WIKITEXT, REDIRECT, HISTORY, or why it is not a page
    title: str | None = None
    namespace: int | None = None
    action: str = "view"
    revision: int | None = None  # the revision it shows
    latest: int | None = None  # the page's latest revision when it was captured
    wikitext: str | None = None  # WIKITEXT: the text
    target: str | None = None  # REDIRECT: where it points
    redirected_from: str | None = None  # PAGE: reached through this redirect
    revisions: list[int] = field(default_factory=list)  # HISTORY: the revision ids listed
    known_titles: frozenset[str] = frozenset()  # titles it shows to exist
    language: str = ""
    rendered_as: str = "html"  # PAGE: "html", or "text" for a rendering kept as plain text

    @property
    def is_page(self) -> bool:
        return self.kind in USABLE


def identify(capture: Capture) -> View:
    """What ``capture`` shows (reads its body when the answer depends on it)."""
    status = capture.status
    if status is not None and status >= 400:
        return View(capture, "missing" if status in (404, 410) else f"error (HTTP {status})")
    if status is not None and 300 <= status < 400:
        return View(capture, "HTTP redirect")
    url = urlsplit(capture.url)
    query = parse_qs(url.query)
    action = (query.get("action") or ["view"])[0].lower()
    kind = capture.content_type
    if kind in _SKIN:
        return View(capture, "skin file")
    if kind.startswith(("image/", "audio/", "video/", "font/")) or kind == "application/pdf":
        return View(capture, "media file")
    if _is_raw(kind, action):
        title = _url_title(capture.url)
        if not title:
            return View(capture, "raw text of no page")
        return View(
            capture, WIKITEXT, normalise_title(title), action="raw", wikitext=capture.text()
        )
    if kind == "text/plain" and action == "view" and (title := _url_title(capture.url)):
        # the text of a rendered page (a crawler's text extraction, a WET record)
        return View(capture, PAGE, normalise_title(title), rendered_as="text")
    if kind not in ("text/html", "application/xhtml+xml", ""):
        return View(capture, "not a page")
    return _html_view(capture, capture.text(), query, action)


def _html_view(capture: Capture, text: str, query: dict[str, list[str]], action: str) -> View:
    head_end = text.find("</head>", 0, 300_000)
    config = _config(text[:head_end] if head_end > 0 else text[:200_000])
    if "wgPageName" not in config and head_end > 0:
        config = _config(text[:300_000])  # MediaWiki 1.17-1.20 set it at the body's end
    body_classes = _BODY_CLASS.search(text[:300_000])
    classes = body_classes.group(1).split() if body_classes else []
    action = str(config.get("wgAction") or _class_value(classes, "action-") or action).lower()
    title = _title(config, capture.url, text)
    if not title:
        return View(capture, "not a MediaWiki page")
    namespace = config.get("wgNamespaceNumber")
    if not isinstance(namespace, int):
        special = "ns-special" in classes or title.lower().startswith("special:")
        number = _class_value(classes, "ns-")
        namespace = -1 if special else int(number) if number and number.isdigit() else None
    view = View(capture, PAGE, title, namespace, action, language=_language(config))
    view.latest = _int(config.get("wgCurRevisionId"))
    view.known_titles = frozenset(_blue_links(text))
    if namespace == -1 or config.get("wgCanonicalSpecialPageName"):
        view.kind = "special page"
        return view
    if "diff" in query:
        view.kind = "diff"
        return view
    if "search" in query:
        view.kind = "search"
        return view
    article = _int(config.get("wgArticleId"))
    if action in ("edit", "submit"):
        box = _text_box(text)
        if box is None or article == 0:
            view.kind = "edit form of no page"
            return view
        view.kind, view.wikitext = WIKITEXT, box
        oldid = _int((query.get("oldid") or [None])[0])
        view.revision = oldid or view.latest
        return view
    if action == "history":
        view.kind = HISTORY
        view.revisions = sorted({int(i) for i in _REVISION_ID.findall(text)})
        return view
    if action not in ("view", "purge", "render"):
        view.kind = f"action={action}"
        return view
    if article == 0:
        view.kind = "listing of no page" if namespace == 14 else "no such page"
        return view
    oldid = _int((query.get("oldid") or [None])[0])
    # before 1.17 a page said only its latest revision; a view of ?oldid=N shows N
    view.revision = _int(config.get("wgRevisionId")) or oldid or view.latest
    if config.get("wgIsRedirect") is True or (
        "redirect" in query and _first_link(text, 'class="redirectText"') is not None
    ):
        target = _redirect_target(text)
        if target:
            view.kind, view.target = REDIRECT, target
            return view
    came_from = config.get("wgRedirectedFrom")
    view.redirected_from = (
        normalise_title(came_from)
        if isinstance(came_from, str) and came_from
        else _redirected_from(text)
    )
    return view


def _config(text: str) -> dict[str, object]:
    found: dict[str, object] = {}
    for match in _CONFIG.finditer(text):
        name, raw = match.group(1), match.group(2)
        if name in found:
            continue
        try:
            found[name] = json.loads(raw)
        except ValueError:
            continue
    return found


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def _class_value(classes: list[str], prefix: str) -> str | None:
    for name in classes:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return None


def _language(config: dict[str, object]) -> str:
    for name in ("wgPageContentLanguage", "wgContentLanguage"):
        value = config.get(name)
        if isinstance(value, str):
            return value
    return ""


def _title(config: dict[str, object], url: str, text: str) -> str | None:
    name = config.get("wgPageName")
    if isinstance(name, str) and name:
        return normalise_title(name)
    from_url = _url_title(url)
    if from_url:
        return normalise_title(from_url)
    canonical = _CANONICAL.search(text[:100_000])
    if canonical:
        from_link = _url_title(html.unescape(canonical.group(1)))
        if from_link:
            return normalise_title(from_link)
    return None


def _url_title(url: str) -> str | None:
    """The title a MediaWiki URL names: ``title=`` in its query, else its article path."""
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    if query.get("title"):
        return unquote_plus(query["title"][0]) or None
    match = _ARTICLE_PATH.search(parts.path)
    if match:
        return unquote(match.group("title")) or None
    return None


def _attributes(tag: str) -> dict[str, str]:
    return {name.lower(): html.unescape(value) for name, value in _ATTRIBUTE.findall(tag)}


def _first_link(text: str, marker: str) -> dict[str, str] | None:
    """The attributes of the first link after ``marker`` (within the element it marks)."""
    at = text.find(marker)
    if at < 0:
        return None
    link = _A_TAG.search(text, at, at + 5000)
    return _attributes(link.group(1)) if link else None


def _blue_links(text: str) -> set[str]:
    """Titles of the content's links to existing pages of the same wiki (a red link has class
    ``new``; interwiki, external and file links are not titles of this wiki)."""
    start = text.find('id="mw-content-text"')
    if start < 0:
        start = text.find('id="bodyContent"')
    if start < 0:
        return set()
    ends = [e for e in (text.find(m, start) for m in _CONTENT_ENDS) if e > 0]
    end = min(ends) if ends else len(text)
    raw: set[str] = set()
    for match in _INTERNAL_LINK.finditer(text, start, end):
        tag = match.group(0)
        if any(marker in tag for marker in _NOT_BLUE):
            continue
        raw.add(match.group(1) or match.group(2))
    found = {normalise_title(unquote(html.unescape(t))) for t in raw}
    found.discard("")
    return found


def _redirect_target(text: str) -> str | None:
    link = _first_link(text, 'class="redirectText"')
    if link is None:
        return None
    href = link.get("href", "")
    title = _url_title(href)
    if not title:
        return None
    fragment = urlsplit(href).fragment
    target = normalise_title(title)
    return f"{target}#{unquote(fragment).replace('_', ' ')}" if fragment else target


def _redirected_from(text: str) -> str | None:
    link = _first_link(text, 'class="mw-redirectedfrom"')
    if link is None:
        return None
    title = _url_title(link.get("href", ""))
    return normalise_title(title) if title else None


def _is_raw(content_type: str, action: str) -> bool:
    return content_type == "text/x-wiki" or (action == "raw" and content_type in ("text/plain", ""))


def _text_box(html_text: str) -> str | None:
    """The edit form's text box, unescaped (less the newline HTML drops after ``<textarea>``)."""
    box = _TEXTAREA.search(html_text)
    if box is None:
        return None
    content = html.unescape(box.group("text"))
    return content[1:] if content.startswith("\n") else content


def wikitext_of(capture: Capture) -> str:
    """The exact wikitext a raw or edit-form capture holds (its body read again, nothing else of
    it looked at: `identify` already said what it is)."""
    text = capture.text()
    action = (parse_qs(urlsplit(capture.url).query).get("action") or ["view"])[0].lower()
    if _is_raw(capture.content_type, action):
        return text
    box = _text_box(text)
    if box is None:
        raise ValueError(f"{capture.url} no longer reads as wikitext")
    return box
