"""A migrated site's links checked the way its engine follows them: every link between pages
leads to a file of the site and, with a section, to a heading (or element) of that file; every
image is a file of the site. Used by the tests, and by anyone who edits a migrated site."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

from ..writers.dokuwiki import dokuwiki_path, dokuwiki_section
from .engines import ENGINES
from .engines.mkdocs import toc_slug

_MD_LINK = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)
# (in a table, `\|` separates a link's target from its label)
_WIKILINK = re.compile(r"(?<!!)\[\[([^\[\]|\\]+)(?:\\?\|[^\[\]]*)?\]\]")
_DOKU_LINK = re.compile(r"\[\[([^\[\]|]+)(?:\|[^\[\]]*)?\]\]")
_DOKU_MEDIA = re.compile(r"\{\{\s*([^|}?]+?)\s*(?:\?[^|}]*)?(?:\|[^}]*)?\}\}")
_DOKU_HEADING = re.compile(r"^(={2,6})\s*(.+?)\s*\1\s*$", re.M)
_NOWIKI = re.compile(r"%%.*?%%|<nowiki>.*?</nowiki>|<code>.*?</code>", re.S)
_CODE = re.compile(r"```.*?```|`[^`]*`|<(code|pre)\b[^>]*>.*?</\1>", re.S)
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)


@dataclass
class Checked:
    links: int = 0  # internal links and images followed
    broken: list[tuple[str, str]] = field(default_factory=list)  # (file, link)
    # links to files of the media folder that are not there (the migration reports them)
    missing_media: set[str] = field(default_factory=set)

    def miss(self, out: Path, media: Path, file: Path, target: Path, link: str) -> None:
        """``link`` of ``file`` leads nowhere: a missing file of the media folder, or a
        broken link."""
        if target.resolve().is_relative_to(media.resolve()):
            self.missing_media.add(target.name)
        else:
            self.broken.append((str(file.relative_to(out)), link))


def check_site(out: Path, engine_name: str) -> Checked:
    engine = ENGINES[engine_name]
    root = out / engine.pages if engine.pages else out
    check = {
        "html-site": _check_html,
        "mkdocs": _check_markdown,
        "obsidian": _check_obsidian,
        "dokuwiki": _check_dokuwiki,
    }[engine_name]
    return check(root, out, out / engine.media)


# --- HTML -------------------------------------------------------------------------------------


def _check_html(root: Path, out: Path, media: Path) -> Checked:
    result = Checked()
    ids: dict[Path, set[str]] = {}

    def anchors(file: Path) -> set[str]:
        if file not in ids:
            tree = LexborHTMLParser(file.read_text(encoding="utf-8"))
            ids[file] = {node.attributes.get("id") or "" for node in tree.css("[id]")}
        return ids[file]

    for file in sorted(root.rglob("*.html")):
        tree = LexborHTMLParser(file.read_text(encoding="utf-8"))
        for node in tree.css("a[href], img[src]"):
            link = node.attributes.get("href") or node.attributes.get("src") or ""
            if _EXTERNAL.match(link):
                continue
            result.links += 1
            parts = urlsplit(link)
            target = (file.parent / unquote(parts.path)).resolve() if parts.path else file
            if not target.is_file() or not target.is_relative_to(out.resolve()):
                result.miss(out, media, file, target, link)
            elif parts.fragment and unquote(parts.fragment) not in anchors(target):
                result.broken.append((str(file.relative_to(out)), link))
    return result


# --- Markdown (MkDocs) -----------------------------------------------------------------------


def _headings(slug: Callable[[str], str]) -> Callable[[Path], set[str]]:
    """The anchors of a Markdown file's headings by ``slug``, each file read once."""
    read: dict[Path, set[str]] = {}

    def anchors(file: Path) -> set[str]:
        if file not in read:
            text = _CODE.sub("", file.read_text(encoding="utf-8"))
            read[file] = {slug(_plain(m.group(1))) for m in _MD_HEADING.finditer(text)}
        return read[file]

    return anchors


def _plain(heading: str) -> str:
    """A Markdown heading's text as rendered: links' labels, no emphasis or escapes."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)
    text = re.sub(r"\\(.)", r"\1", re.sub(r"(?<!\\)[*_`]", "", text))
    return re.sub(r"<[^>]+>", "", text)


def _check_markdown(root: Path, out: Path, media: Path) -> Checked:
    result = Checked()
    anchors = _headings(toc_slug)
    for file in sorted(root.rglob("*.md")):
        text = _CODE.sub("", file.read_text(encoding="utf-8"))
        for match in _MD_LINK.finditer(text):
            link = match.group(2)
            if not link or _EXTERNAL.match(link) or link.startswith("#"):
                continue
            result.links += 1
            parts = urlsplit(link)
            target = (file.parent / unquote(parts.path)).resolve()
            if not target.is_file():
                result.miss(out, media, file, target, link)
            elif (
                parts.fragment and target.suffix == ".md" and parts.fragment not in anchors(target)
            ):
                result.broken.append((str(file.relative_to(out)), link))
    return result


# --- Obsidian ---------------------------------------------------------------------------------


def _check_obsidian(root: Path, out: Path, media: Path) -> Checked:
    result = _check_markdown(root, out, media)  # its images and Markdown links
    anchors = _headings(ENGINES["obsidian"].anchor)
    for file in sorted(root.rglob("*.md")):
        text = _CODE.sub("", file.read_text(encoding="utf-8"))
        for match in _WIKILINK.finditer(text):
            note, _, heading = match.group(1).partition("#")
            result.links += 1
            target = root / f"{note}.md"
            if not target.is_file() or (heading and heading not in anchors(target)):
                result.broken.append((str(file.relative_to(out)), match.group(0)))
    return result


# --- DokuWiki ---------------------------------------------------------------------------------


def _check_dokuwiki(root: Path, out: Path, media: Path) -> Checked:
    result = Checked()
    sections: dict[Path, set[str]] = {}
    for file in sorted(root.rglob("*.txt")):
        text = _NOWIKI.sub("", file.read_text(encoding="utf-8"))
        for match in _DOKU_LINK.finditer(text):
            link = match.group(1).strip()
            if _EXTERNAL.match(link):
                continue
            result.links += 1
            page, _, section = link.partition("#")
            target = root / f"{dokuwiki_path(page.lstrip(':'))}.txt"
            if not page.startswith(":") or not target.is_file():
                result.broken.append((str(file.relative_to(out)), match.group(0)))
                continue
            if section:
                if target not in sections:
                    body = _NOWIKI.sub("", target.read_text(encoding="utf-8"))
                    sections[target] = {
                        dokuwiki_section(m.group(2)) for m in _DOKU_HEADING.finditer(body)
                    }
                if section not in sections[target]:
                    result.broken.append((str(file.relative_to(out)), match.group(0)))
        for match in _DOKU_MEDIA.finditer(text):
            name = match.group(1).strip()
            if _EXTERNAL.match(name) and not name.startswith(":"):
                continue
            result.links += 1
            target = media / posixpath.normpath(
                dokuwiki_path(name.lstrip(":").removeprefix("wiki:"))
            )
            if not target.is_file():
                result.miss(out, media, file, target, match.group(0))
    return result
