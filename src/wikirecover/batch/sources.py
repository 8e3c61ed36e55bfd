"""What a batch converts: files (folders walked with include/exclude globs) and the pages of
MediaWiki XML dumps (plain, .bz2, .gz), streamed.

A dump is read with lxml's incremental parser in recovery mode (no DTD, no entities, no network),
one ``<page>`` at a time, each element cleared once read: memory stays flat whatever the dump's
size. A truncated or corrupt dump yields every intact page; the page it breaks in is salvaged
(``salvaged=True``) with where the damage is.
"""

from __future__ import annotations

import bz2
import fnmatch
import gzip
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import InputError


@dataclass(frozen=True)
class Job:
    """One page to convert."""

    key: str  # stable identity: relative path, or "dump.xml#Title@revision"
    title: str
    origin: str  # the file it comes from
    relative: Path  # where its output goes under the output folder (before the extension)
    text: str | None = None  # the page's wikitext when it comes from a dump
    path: str | None = None  # the file to read otherwise
    kind: str | None = None  # reader kind, when known ("wikitext" for dump pages)
    salvaged: str | None = None  # the damage, when the page was salvaged from a broken dump
    upstream: str | None = None  # the upstream page's text, for --upstream

    def input_hash(self) -> str:
        digest = hashlib.sha256()
        if self.text is not None:
            digest.update(self.text.encode("utf-8"))
        elif self.path is not None:
            with open(self.path, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
        return digest.hexdigest()


DUMP_SUFFIXES = (".xml", ".xml.bz2", ".xml.gz", ".bz2", ".gz")


def is_dump(path: Path) -> bool:
    name = path.name.lower()
    if not name.endswith(DUMP_SUFFIXES):
        return False
    with _open(path) as handle:
        head = handle.read(4096)
    return b"<mediawiki" in head


def _open(path: Path):
    name = path.name.lower()
    if name.endswith(".bz2"):
        return bz2.open(path, "rb")
    if name.endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def jobs(
    inputs: list[str],
    include: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
    revision: str = "latest",
) -> Iterator[Job]:
    """Every page of every input, in a stable order."""
    for given in inputs:
        path = Path(given)
        if not path.exists():
            raise InputError("no such file or folder", given)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                relative = file.relative_to(path)
                if not _wanted(relative, include, exclude):
                    continue
                if is_dump(file):
                    yield from dump_jobs(file, revision, prefix=relative.parent)
                else:
                    yield Job(
                        str(relative),
                        file.stem,
                        str(file),
                        relative.with_suffix(""),
                        path=str(file),
                    )
        elif is_dump(path):
            yield from dump_jobs(path, revision)
        else:
            yield Job(path.name, path.stem, str(path), Path(path.stem), path=str(path))


def _wanted(relative: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    name = relative.as_posix()
    if include and not any(
        fnmatch.fnmatch(name, g) or fnmatch.fnmatch(relative.name, g) for g in include
    ):
        return False
    return not any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(relative.name, g) for g in exclude)


def dump_jobs(path: Path, revision: str = "latest", prefix: Path = Path()) -> Iterator[Job]:
    """The pages of a dump, streamed; ``revision``: latest, all, or a revision id."""
    handle = _open(path)
    context = etree.iterparse(
        handle,
        events=("end",),
        recover=True,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=True,
    )
    current: dict[str, object] = {}
    try:
        for _event, element in context:
            name = etree.QName(element).localname
            if name == "title" and _parent_is(element, "page"):
                current = {"title": (element.text or "").strip(), "revisions": []}
            elif name == "revision":
                revisions = current.setdefault("revisions", [])
                revisions.append(_revision(element))  # type: ignore[union-attr]
                element.clear()
            elif name == "page":
                yield from _page_jobs(path, prefix, current, revision, None)
                current = {}
                element.clear()
                while element.getprevious() is not None:
                    del element.getparent()[0]
    except etree.XMLSyntaxError as exc:
        damage = f"the dump breaks at line {exc.lineno}: {exc.msg}"
        if current.get("title"):
            yield from _page_jobs(path, prefix, current, revision, damage)
        return
    finally:
        handle.close()
    if current.get("title"):  # a page the dump ended inside, with no error raised
        yield from _page_jobs(path, prefix, current, revision, "the dump ends inside this page")


def _parent_is(element: etree._Element, name: str) -> bool:
    parent = element.getparent()
    return parent is not None and etree.QName(parent).localname == name


def _revision(element: etree._Element) -> dict[str, str]:
    values = {"id": "", "text": None}
    for child in element:
        local = etree.QName(child).localname
        if local == "id":
            values["id"] = (child.text or "").strip()
        elif local == "text":
            values["text"] = child.text or ""
    return values


def _page_jobs(
    path: Path, prefix: Path, page: dict, revision: str, damage: str | None
) -> Iterator[Job]:
    title = str(page.get("title", ""))
    revisions = [r for r in page.get("revisions", []) if r.get("text") is not None]
    if not revisions:
        if damage:  # the page broke before any revision text: nothing to salvage but its title
            yield Job(
                f"{path.name}#{title}",
                title,
                str(path),
                prefix / title,
                text="",
                kind="wikitext",
                salvaged=damage,
            )
        return
    if revision == "latest":
        chosen = [revisions[-1]]
    elif revision == "all":
        chosen = revisions
    else:
        chosen = [r for r in revisions if r["id"] == revision]
    for rev in chosen:
        suffix = f"@{rev['id']}" if revision == "all" else ""
        yield Job(
            f"{path.name}#{title}{suffix}",
            title,
            str(path),
            prefix / (title + suffix),
            text=rev["text"],
            kind="wikitext",
            salvaged=damage,
        )
