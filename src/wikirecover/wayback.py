"""A page saved from the Wayback Machine's replay, back to the page the site served.

The replay inserts its scripts and styles into the head (up to ``<!-- End Wayback Rewrite JS
Include -->``), may insert a toolbar (``<!-- BEGIN WAYBACK TOOLBAR INSERT -->``), appends
comments after ``</html>`` ("FILE ARCHIVED ON ...", "playback timings"), and rewrites every URL
of the page to point into the archive: ``https://web.archive.org/web/<timestamp>[im_|cs_|js_|
id_|...]/<original URL>``, or path-absolute ``/web/<timestamp>.../<original URL>``. `unwrap`
removes what the replay added and gives each URL back; the capture's original URL and time come
from the replay's own ``__wm.wombat(...)`` call, else its closing comment, else the rewritten
links.

Only URLs at the start of an attribute value are unwrapped, once: a page that itself linked to
an archived copy (a citation's ``archive-url``) keeps that link, which the replay had wrapped a
second time.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass

_HOST = r"(?:(?:https?:)?//(?:web\.)?archive\.org)?"
# <timestamp><modifier>/ then the original URL (a scheme, or a scheme-relative //host)
_PREFIX = _HOST + r"/web/(?P<ts>\d{1,14})(?P<mod>[a-z]{2}_)?/(?=https?:|//|https?%3[aA])"
_ATTRIBUTE = re.compile(
    r"(?P<lead>\b(?:href|src|action|poster|data|background|cite|content|srcset)\s*=\s*[\"']?)"
    + _PREFIX,
    re.IGNORECASE,
)
_SRCSET_MORE = re.compile(r"(?P<lead>,\s*)" + _PREFIX + r"(?=[^\"'<>]*\s\d(?:\.\d+)?[xw])")
_HEAD_INSERT = re.compile(
    r"<script[^>]*(?:archive\.org/includes/analytics\.js|/_?static/js/)[^>]*>.*?"
    r"<!-- End Wayback Rewrite JS Include -->\s*",
    re.DOTALL | re.IGNORECASE,
)
_TOOLBAR = re.compile(
    r"<!-- BEGIN WAYBACK TOOLBAR INSERT -->.*?<!-- END WAYBACK TOOLBAR INSERT -->\s*", re.DOTALL
)
_CLOSING = re.compile(
    r"<!--\s*(?:FILE ARCHIVED ON|playback timings).*?-->\s*", re.DOTALL | re.IGNORECASE
)
_WOMBAT = re.compile(r"__wm\.wombat\(\s*\"(?P<url>[^\"]+)\"\s*,\s*\"(?P<ts>\d{14})\"")
_ARCHIVED_ON = re.compile(r"FILE ARCHIVED ON (\d\d:\d\d:\d\d \w{3} \d{1,2}, \d{4})")
_MARKERS = (
    "End Wayback Rewrite JS Include",
    "__wm.wombat(",
    "BEGIN WAYBACK TOOLBAR INSERT",
    'id="wm-ipp',
)


@dataclass(frozen=True)
class Unwrapped:
    html: str  # the page as the site served it
    url: str | None  # the capture's original URL
    timestamp: str | None  # the capture's time, YYYYMMDDhhmmss
    removed: tuple[str, ...]  # what the replay had added, by name


def is_wayback(html: str) -> bool:
    """Whether ``html`` is a page saved from the Wayback Machine's replay."""
    head = html[:200_000]
    return any(marker in head for marker in _MARKERS) or bool(_ARCHIVED_ON.search(html[-3000:]))


def unwrap(html: str) -> Unwrapped:
    """The page without the replay's additions, every rewritten URL given back."""
    removed: list[str] = []
    wombat = _WOMBAT.search(html[:20_000])
    timestamp = wombat.group("ts") if wombat else _archived_on(html)
    stamps: Counter[str] = Counter()

    def original(match: re.Match[str]) -> str:
        stamps[match.group("ts")] += 1
        return match.group("lead")

    for name, pattern in (
        ("the Wayback Machine's scripts", _HEAD_INSERT),
        ("the Wayback Machine's toolbar", _TOOLBAR),
        ("the Wayback Machine's closing comments", _CLOSING),
    ):
        html, count = pattern.subn("", html)
        if count:
            removed.append(name)
    html, count = _ATTRIBUTE.subn(original, html)
    html = _SRCSET_MORE.sub(original, html)
    if count:
        removed.append(f"the archive's prefix of {count} URLs")
    if timestamp is None and stamps:
        timestamp = stamps.most_common(1)[0][0].ljust(14, "0")
    return Unwrapped(html, wombat.group("url") if wombat else None, timestamp, tuple(removed))


def capture_of(html: str) -> tuple[str | None, str | None]:
    """A Wayback save's original URL and capture time, read from the replay's script and
    closing comment without unwrapping the page (None where they are not there)."""
    wombat = _WOMBAT.search(html[:20_000])
    if wombat:
        return wombat.group("url"), wombat.group("ts")
    return None, _archived_on(html)


def original_url(url: str) -> tuple[str, str | None]:
    """A Wayback Machine URL's original URL and timestamp (``url`` itself, None otherwise)."""
    match = re.match(_PREFIX + r"(?P<rest>.*)$", url, re.IGNORECASE)
    return (match.group("rest"), match.group("ts")) if match else (url, None)


def _archived_on(html: str) -> str | None:
    match = _ARCHIVED_ON.search(html[-3000:])
    if not match:
        return None
    try:
        moment = datetime.datetime.strptime(match.group(1), "%H:%M:%S %b %d, %Y")
    except ValueError:
        return None
    return moment.strftime("%Y%m%d%H%M%S")
