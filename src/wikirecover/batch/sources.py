"""What a batch converts: files (folders walked with include/exclude globs) and the pages of
MediaWiki XML dumps (plain, .bz2, .gz, .xz/.lzma), streamed.

A dump is streamed one revision at a time (`dumps.stream_revisions`): memory stays flat whatever
the dump's size or a page's history. A truncated or corrupt dump yields every intact page; the
page it breaks in is salvaged (``salvaged=True``) with where the damage is. An `InputMeter`
follows how many bytes of the inputs, as stored (compressed dumps by their compressed position),
have been read: the batch's ETA when the number of pages is not known ahead.
"""

from __future__ import annotations

import fnmatch
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..dumps import Revision, SiteInfo, open_dump, stream_revisions
from ..errors import InputError
from ..namespaces import Namespaces


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
    note: str | None = None  # something about the job the page's report should say
    model: str = ""  # the content model its dump declares
    namespaces: Namespaces | None = None  # its dump's namespaces (<siteinfo>)
    verbatim: bool = False  # exact wikitext: written as it is, no repair (`wikirecover site`)
    placed: bool = False  # ``relative`` is final, safe and unique already (`wikirecover migrate`)

    def input_hash(self) -> str:
        digest = hashlib.sha256()
        if self.text is not None:
            digest.update(self.text.encode("utf-8"))
        if self.upstream is not None:
            digest.update(b"\0upstream\0" + self.upstream.encode("utf-8"))
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
    with open_dump(path) as handle:
        head = handle.read(4096)
    return b"<mediawiki" in head


def input_files(
    inputs: list[str],
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    skip: Path | None = None,
) -> Iterator[tuple[Path, Path | None]]:
    """Each input file with its path relative to the folder it was found in (None for a file
    given itself), in a stable order; nothing under ``skip`` (the output folder, when it lies
    inside an input folder: the batch must not read its own outputs back)."""
    skipped = skip.resolve() if skip is not None else None
    for given in inputs:
        path = Path(given)
        if not path.exists():
            raise InputError("no such file or folder", given)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if skipped is not None and file.resolve().is_relative_to(skipped):
                    continue
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
    skip: Path | None = None,
) -> Iterator[Job]:
    """Every page of every input, in a stable order; ``meter`` follows the bytes read."""
    meter = meter or InputMeter()
    files = list(input_files(inputs, include, exclude, skip))  # walked once: total, then the jobs
    meter.total = sum(file.stat().st_size for file, _ in files)
    for file, relative in files:
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
    """The pages of a dump, streamed; ``revision``: latest, all, or a revision id. With
    ``all``, one revision is held back until the next arrives, so that the last one of a page
    the dump breaks in is marked salvaged."""
    meter = meter or InputMeter()
    start = meter.done
    site: list[Namespaces] = []

    def job(rev: Revision, damage: str | None) -> Job:
        suffix = f"@{rev.id}" if revision == "all" else ""
        return Job(
            f"{path.name}#{rev.title}{suffix}",
            rev.title,
            str(path),
            prefix / (rev.title + suffix),
            text=rev.text,
            kind="wikitext",
            salvaged=damage,
            note=f"revision {rev.id}: {rev.mismatch}" if rev.mismatch else None,
            model=rev.model,
            namespaces=site[0] if site else None,
        )

    held: Revision | None = None  # latest: the page's latest so far; all: the one before
    try:

        def known(info: SiteInfo) -> None:
            site.append(info.namespace_table())

        progress = lambda at: setattr(meter, "done", start + at)  # noqa: E731
        for item in stream_revisions(path, progress, known):
            if isinstance(item, Revision):
                if item.text is None or revision not in ("latest", "all", item.id):
                    continue
                if revision == "all" and held is not None:
                    yield job(held, None)
                if revision != "latest" or held is None or item.order >= held.order:
                    held = item  # latest: the newest by timestamp and id, whatever the order
                continue
            if held is not None:
                yield job(held, item.damage)
            elif item.damage:  # broke before any revision text: nothing but its title
                yield Job(
                    f"{path.name}#{item.title}",
                    item.title,
                    str(path),
                    prefix / item.title,
                    text="",
                    kind="wikitext",
                    salvaged=item.damage,
                )
            held = None
    finally:
        meter.done = start + path.stat().st_size
