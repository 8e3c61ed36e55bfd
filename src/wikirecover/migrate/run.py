"""`wikirecover migrate`: a whole wiki into another engine.

1. One streamed pass over the dump (`site.py`): titles, redirects, headings, categories and
   files used, the wiki's own templates.
2. Every page's path in the engine, told apart where two would share a file.
3. The pages converted by `batch` (workers, budgets, resume, report), each writer resolving
   its links against the site (`links.py`) and expanding templates with the wiki's own first.
4. The files the pages use copied from ``--media`` (`media.py`), category pages, the engine's
   own files (`engines/`), a summary and `migrate-report.json`.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..batch.pool import Outcome
from ..batch.run import Summary, run_batch
from ..batch.sources import InputMeter, Job, dump_jobs, is_dump
from ..errors import InputError, UsageError
from ..namespaces import CATEGORY
from ..options import Options
from ..titles import page_name
from .engines import ENGINES, Engine
from .links import SiteLinks
from .media import copy_media
from .site import Site, number_key, read_site

REPORT = "migrate-report.json"
PAGES_REPORT = "migrate-pages.jsonl"  # the batch's record of each page, appended run after run


@dataclass
class Migration:
    engine: str
    pages: Summary = field(default_factory=Summary)
    aliases: int = 0  # redirects kept as aliases of their target, not as pages
    links_resolved: int = 0
    links_missing: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    anchors_missing: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    templates_unknown: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    media_used: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # category -> its pages as they rendered (with the categories templates add)
    members: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    words_lost: dict[str, int] = field(default_factory=dict)  # --verify: page -> words
    media_copied: list[str] = field(default_factory=list)
    media_missing: dict[str, list[str]] = field(default_factory=dict)  # file -> pages
    categories: int = 0
    written: list[str] = field(default_factory=list)  # the engine's own files
    seconds: float = 0.0

    def add(self, title: str, issues: list[dict]) -> None:
        """What one page's record says: its links, files, templates, categories, words."""
        for issue in issues:
            code = issue.get("code")
            excerpt = issue.get("excerpt") or ""
            if code in _PAGES_OF:  # the issue names a thing: the page is one of its pages
                getattr(self, _PAGES_OF[code])[excerpt].append(title)
            elif code == "links-resolved":
                self.links_resolved += int(excerpt or 0)
            elif code == "words-lost":
                self.words_lost[title] = len((issue.get("dropped") or "").split())

    def as_json(self) -> dict:
        return {
            "engine": self.engine,
            "pages": dict(self.pages.counts),
            "failed": [{"page": p, "reason": r} for p, r in self.pages.failed],
            "redirects_as_aliases": self.aliases,
            "links_resolved": self.links_resolved,
            "links_missing": _by_pages(self.links_missing),
            "anchors_missing": _by_pages(self.anchors_missing),
            "templates_unresolved": _by_pages(self.templates_unknown),
            "words_lost": self.words_lost,
            "media_copied": len(self.media_copied),
            "media_missing": _by_pages(self.media_missing),
            "category_pages": self.categories,
            "engine_files": self.written,
            "seconds": round(self.seconds, 2),
        }

    def summary(self) -> str:
        missing = sum(len(set(p)) for p in self.links_missing.values())
        lines = [
            f"{self.pages.pages} pages to {self.engine} in {self.seconds:.1f} s: "
            + "  ".join(f"{status} {n}" for status, n in sorted(self.pages.counts.items())),
            f"  links: {self.links_resolved} resolved, {missing} to {len(self.links_missing)} "
            "missing pages (kept as text)",
            f"  media: {len(self.media_copied)} copied, {len(self.media_missing)} missing",
            f"  templates unresolved: {len(self.templates_unknown)}"
            + "".join(
                f"\n    {{{{{name}}}}} on {len(pages)} pages"
                for name, pages in list(_by_pages(self.templates_unknown).items())[:10]
            ),
        ]
        if self.aliases:
            lines.append(f"  {self.aliases} redirects kept as aliases of their targets")
        if self.words_lost:
            lines.append(f"  words lost (--verify) on {len(self.words_lost)} pages: see the report")
        for page, reason in self.pages.failed[:10]:
            lines.append(f"  FAILED {page}: {reason}")
        return "\n".join(lines)


# issue code -> the `Migration` field that lists, per thing the issue names, its pages
_PAGES_OF = {
    "link-missing": "links_missing",
    "anchor-missing": "anchors_missing",
    "in-category": "members",
    "media-used": "media_used",
    "template-unknown": "templates_unknown",
}


def _by_pages(found: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each thing with its pages, the thing on most pages first."""
    ordered = sorted(found.items(), key=lambda item: (-len(set(item[1])), item[0]))
    return {name: sorted(set(pages)) for name, pages in ordered}


def migrate(
    dump: Path,
    engine_name: str,
    out: Path,
    options: Options,
    *,
    media: Path | None = None,
    workers: int = 0,
    page_seconds: float = 60.0,
    progress: Callable[[Summary, Outcome | None], None] | None = None,
) -> Migration:
    if engine_name not in ENGINES:
        raise UsageError(f"unknown engine {engine_name!r} (known: {', '.join(ENGINES)})")
    engine = ENGINES[engine_name]
    if not dump.is_file():
        raise InputError("no such dump", str(dump))
    if not is_dump(dump):
        raise InputError(
            "not a MediaWiki XML dump (no <mediawiki> element at its start)", str(dump)
        )
    started = time.perf_counter()
    site = read_site(dump)
    paths = plan_paths(engine, site)
    links = SiteLinks(engine, site, paths, site.aliases() if not engine.redirect_pages else {})
    options = replace(
        options,
        site_links=links,
        template_definitions={**site.templates, **(options.template_definitions or {})},
        link_style="obsidian" if engine.name == "obsidian" else options.link_style,
    )
    result = Migration(engine.name)

    def source(meter: InputMeter) -> Iterator[Job]:
        for job in dump_jobs(dump, meter=meter):
            key = site.key(job.title)
            if key not in paths:
                result.aliases += 1  # a redirect the engine keeps as an alias
                continue
            yield replace(job, relative=Path(engine.disk_path(paths[key])), placed=True)

    pages = out / engine.pages if engine.pages else out
    result.pages = run_batch(
        [str(dump)],
        pages,
        engine.writer,
        options,
        workers=workers,
        report=out / PAGES_REPORT,
        page_seconds=page_seconds,
        progress=progress,
        source=source,
    )
    # every page's latest record, this run's or (a page skipped as done) an earlier run's
    for title, issues in latest_records(out / PAGES_REPORT, site, paths):
        result.add(title, issues)
    copied, missing = copy_media(result.media_used, media, out / engine.media, engine.media_path)
    result.media_copied, result.media_missing = copied, missing
    result.categories = write_categories(engine, links, pages, result.members)
    result.written = [p.relative_to(out).as_posix() for p in engine.finish(out, links)]
    result.seconds = time.perf_counter() - started
    (out / REPORT).write_text(
        json.dumps(result.as_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return result


def latest_records(report: Path, site: Site, paths: dict[str, str]) -> list[tuple[str, list]]:
    """(title, issues) of the newest record of each page of the site that has an output."""
    latest: dict[str, tuple[str, list]] = {}
    if report.exists():
        for line in report.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue  # a line a killed run left half-written
            if record.get("output") and site.key(record["title"]) in paths:
                latest[record["title"]] = record["title"], record.get("issues") or []
    return list(latest.values())


def plan_paths(engine: Engine, site: Site) -> dict[str, str]:
    """Every exported page's path (categories used but without a page get one), two pages
    that would share a file (`Café`, `Cafe` in DokuWiki) told apart in dump order."""
    keys = [k for k, p in site.pages.items() if engine.redirect_pages or p.redirect is None]
    keys += [number_key(CATEGORY, name) for name in site.categories]
    paths: dict[str, str] = {}
    taken: set[str] = set()
    for key in dict.fromkeys(keys):
        path = base = engine.page_path(site, key)
        number = 1
        while engine.disk_path(path).casefold() in taken:
            number += 1
            path = f"{base}_{number}"
        taken.add(engine.disk_path(path).casefold())
        paths[key] = path
    return paths


def write_categories(
    engine: Engine, links: SiteLinks, pages: Path, rendered: dict[str, list[str]]
) -> int:
    """Each category's members listed on its page (after the category page's own text, when
    the wiki had one): the pages that name it, and those a template put in it (``rendered``:
    category -> pages, as the writers saw them)."""
    site = links.site
    count = 0
    found: dict[str, list[str]] = {page_name(n): list(t) for n, t in site.categories.items()}
    for name, titles in rendered.items():
        found.setdefault(page_name(name), []).extend(titles)
    for name, titles in sorted(found.items()):
        key = number_key(CATEGORY, name)
        members = sorted(
            {
                target[0]
                for title in titles
                if (target := site.target(title)) is not None and target[0] in links.paths
            },
            key=lambda k: site.pages[k].title.casefold(),
        )
        if key not in links.paths:
            continue
        listing = engine.category_page(links, name, members)
        file = pages / f"{engine.disk_path(links.paths[key])}.{engine.extension}"
        file.parent.mkdir(parents=True, exist_ok=True)
        before = file.read_text(encoding="utf-8") if file.exists() else ""
        heading = listing.split("\n", 1)[0]
        if heading in before:  # a rerun over a page left as it was: its old listing replaced
            before = before[: before.rindex(heading)].rstrip("\n") + "\n"
            if engine.extension == "html":
                before += "</body></html>\n"
        if engine.extension == "html" and "</body>" in before:
            text = before.replace("</body>", listing + "</body>", 1)
        elif before:
            text = before.rstrip("\n") + "\n\n" + listing
        else:
            text = engine.new_category_page(site.namespaces.preferred(CATEGORY), name, listing)
        file.write_text(text, encoding="utf-8")
        count += 1
    return count
