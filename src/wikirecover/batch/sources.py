"""What a batch converts: files (folders walked with include/exclude globs) and the pages of
MediaWiki XML dumps (plain, .bz2, .gz, .xz/.lzma), streamed.

A dump is read with lxml's incremental parser in recovery mode (no DTD, no entities, no network),
one ``<page>`` at a time, each element cleared once read: memory stays flat whatever the dump's
size. A truncated or corrupt dump yields every intact page; the page it breaks in is salvaged
(``salvaged=True``) with where the damage is. An `InputMeter` follows how many bytes of the
inputs, as stored (compressed dumps by their compressed position), have been read: the batch's
ETA when the number of pages is not known ahead.
"""

from __future__ import annotations

import bz2
import fnmatch
import gzip
import hashlib
import lzma
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


DUMP_SUFFIXES = (".xml", ".bz2", ".gz", ".xz", ".lzma")


@dataclass
class InputMeter:
    """Bytes of the inputs as stored: all of them, and those read so far."""

    total: int = 0
    done: int = 0

    @property
    def fraction(self) -> float | None:
        return min(1.0, self.done / self.total) if self.total else None


def is_dump(path: Path) -> bool:
    name = path.name.lower()
    if not name.endswith(DUMP_SUFFIXES):
        return False
    with _open(path) as handle:
        head = handle.read(4096)
    return b"<mediawiki" in head


def _open(path: Path):
    return _decompressed(path, open(path, "rb"))


def _decompressed(path: Path, raw):
    """``raw`` (the file as stored) read through its compression, known by its suffix."""
    name = path.name.lower()
    if name.endswith(".bz2"):
        return bz2.BZ2File(raw)
    if name.endswith(".gz"):
        return gzip.GzipFile(fileobj=raw)
    if name.endswith((".xz", ".lzma")):
        return lzma.LZMAFile(raw)
    return raw


def input_files(
    inputs: list[str], include: tuple[str, ...], exclude: tuple[str, ...]
) -> Iterator[tuple[Path, Path | None]]:
    """Each input file with its path relative to the folder it was found in (None for a file
    given itself), in a stable order."""
    for given in inputs:
        path = Path(given)
        if not path.exists():
            raise InputError("no such file or folder", given)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                relative = file.relative_to(path)
                if _wanted(relative, include, exclude):
                    yield file, relative
        else:
            yield path, None


def jobs(
    inputs: list[str],
    include: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
    revision: str = "latest",
    meter: InputMeter | None = None,
) -> Iterator[Job]:
    """Every page of every input, in a stable order; ``meter`` follows the bytes read."""
    meter = meter or InputMeter()
    meter.total = sum(file.stat().st_size for file, _ in input_files(inputs, include, exclude))
    for file, relative in input_files(inputs, include, exclude):
        if is_dump(file):
            prefix = relative.parent if relative is not None else Path()
            yield from dump_jobs(file, revision, prefix=prefix, meter=meter)
            continue
        if relative is None:
            yield Job(file.name, file.stem, str(file), Path(file.stem), path=str(file))
        else:
            yield Job(str(relative), file.stem, str(file), relative.with_suffix(""), path=str(file))
        meter.done += file.stat().st_size


def _wanted(relative: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    name = relative.as_posix()
    if include and not any(
        fnmatch.fnmatch(name, g) or fnmatch.fnmatch(relative.name, g) for g in include
    ):
        return False
    return not any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(relative.name, g) for g in exclude)


def dump_jobs(
    path: Path, revision: str = "latest", prefix: Path = Path(), meter: InputMeter | None = None
) -> Iterator[Job]:
    """The pages of a dump, streamed; ``revision``: latest, all, or a revision id."""
    meter = meter or InputMeter()
    start = meter.done
    with open(path, "rb") as raw, _decompressed(path, raw) as handle:
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
                    meter.done = start + raw.tell()
                    yield from _page_jobs(path, prefix, current, revision, None)
                    current = {}
                    element.clear()
                    while element.getprevious() is not None:
                        del element.getparent()[0]
        except (etree.XMLSyntaxError, OSError, EOFError, lzma.LZMAError) as exc:
            where = f"line {exc.lineno}" if isinstance(exc, etree.XMLSyntaxError) else "its end"
            damage = f"the dump breaks at {where}: {getattr(exc, 'msg', None) or exc}"
            if current.get("title"):
                yield from _page_jobs(path, prefix, current, revision, damage)
            return
        finally:
            meter.done = start + path.stat().st_size
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
