"""Folders of saved pages: a site mirrored by ``wget --mirror`` or HTTrack, and pages saved
from the Wayback Machine's replay ("Save page as, HTML only"); one folder may mix them.

A mirror keeps no capture time; a file's URL is its path under the host's folder
(``wiki.example.org/index.php?title=X&action=edit.html``), with what ``--adjust-extension``
added taken off and ``--restrict-file-names=windows``'s ``@`` read as ``?``. HTTrack's
``<!-- Mirrored from ... -->`` comment gives the URL and time where it is present. A Wayback
save says its own URL and time (`wayback.unwrap`), whatever the file is called.
"""

from __future__ import annotations

import mimetypes
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from ...wayback import capture_of, is_wayback, unwrap
from ..capture import Capture

_HTTRACK = re.compile(
    r"<!-- Mirrored from (?P<url>\S+) by HTTrack Website Copier/[^,]*, (?P<date>[^>]*?) -->"
)
_HOST = re.compile(r"^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d+)?$")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype html|html)\b", re.I | re.S)


def folder_captures(root: Path, damage: list[str]) -> Iterator[Capture]:
    """Every file under ``root`` as a capture, in a stable order."""
    for file in sorted(p for p in root.rglob("*") if p.is_file()):
        try:
            yield _capture(root, file)
        except OSError as exc:
            damage.append(f"{file}: {exc.strerror or exc}")


def _capture(root: Path, file: Path) -> Capture:
    with file.open("rb") as handle:
        head = handle.read(1 << 16)
    is_html = bool(_HTML_START.match(head)) or b"<html" in head[:2048].lower()
    origin = str(file)
    if is_html:
        text = head.decode("utf-8", errors="replace")
        if is_wayback(text):
            whole = file.read_text(encoding="utf-8", errors="replace")
            url, timestamp = capture_of(whole)
            if url is None or timestamp is None:
                unwrapped = unwrap(whole)  # the time from its rewritten links
                url, timestamp = url or unwrapped.url, timestamp or unwrapped.timestamp
            return Capture(
                url or _url_from_path(root, file, True),
                timestamp,
                None,
                "text/html",
                origin,
                lambda: unwrap(file.read_text(encoding="utf-8", errors="replace")).html.encode(),
                "utf-8",
            )
        httrack = _HTTRACK.search(text)
        if httrack:
            url = httrack.group("url")
            return Capture(
                url if "://" in url else "http://" + url,
                _httrack_time(httrack.group("date")),
                None,
                "text/html",
                origin,
                file.read_bytes,
            )
    url = _url_from_path(root, file, is_html)
    return Capture(url, None, None, _content_type(url, is_html, head), origin, file.read_bytes)


def _url_from_path(root: Path, file: Path, is_html: bool) -> str:
    parts = list(file.relative_to(root).parts)
    host = ""
    for index, part in enumerate(parts[:-1]):
        if _HOST.match(part):
            host, parts = part, parts[index + 1 :]
            break
    else:
        if _HOST.match(root.name):
            host = root.name
    path = "/".join(parts)
    if is_html and path.endswith(".html"):
        path = path[: -len(".html")]  # --adjust-extension
    if "?" not in path and "@" in path:
        path = path.replace("@", "?", 1)  # --restrict-file-names=windows
    if path.endswith("/index") and is_html:
        path = path[: -len("index")]
    return (f"http://{host}/" if host else "/") + path


def _content_type(url: str, is_html: bool, head: bytes) -> str:
    if is_html:
        return "text/html"
    if "action=raw" in url:
        return "text/x-wiki"
    guessed, _ = mimetypes.guess_type(url.split("?")[0])
    if guessed:
        return guessed
    return "text/plain" if b"\x00" not in head else "application/octet-stream"


def _httrack_time(date: str) -> str | None:
    for pattern in ("%a, %d %b %Y %H:%M:%S GMT", "%a, %d %b %Y %H:%M:%S"):
        try:
            return datetime.strptime(date.strip(), pattern).strftime("%Y%m%d%H%M%S")
        except ValueError:
            continue
    return None
