"""`wikirecover site`: web archives in, one importable wiki out.

Three steps. Scan: every capture of every archive is identified (`identify`) as it streams by;
only what a capture shows is kept, never its body, and a capture seen twice (the same URL at
the same time, as in archives joined from overlapping crawls) counts once. Plan: per title, the
captures to use (`choose`). Recover: each title is a batch job (`batch.run_batch`: worker
processes, page budgets, resume, the per-page report), its body read again from its archive
only then; the pages go into one MediaWiki import file. Last, the site is checked as a whole:
links to titles no capture holds are what is still lost (`links`), and the report says per
title every capture found and what each was used for (`report`).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..batch.pool import Outcome
from ..batch.run import Summary, run_batch
from ..batch.sources import InputMeter, Job
from ..options import Options
from ..writers.mediawiki_xml import write_import_file
from .archives import captures
from .choose import EXACT, REDIRECTED, RENDERED_TEXT, RENDERED_WITH_MARKUP, Plan, plan_titles
from .identify import View, identify, wikitext_of
from .relink import TitleIndex, restore_links


@dataclass
class SiteRun:
    inputs: list[str]
    plans: list[Plan] = field(default_factory=list)
    captures: int = 0
    duplicates: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)  # every capture by what it is
    by_input: Counter[str] = field(default_factory=Counter)  # captures per archive kind
    damage: list[str] = field(default_factory=list)
    known_titles: set[str] = field(default_factory=set)  # titles captures show to exist
    archive_bytes: int = 0
    read_seconds: float = 0.0  # reading and identifying the captures
    summary: Summary | None = None  # the recovery batch
    outcomes: dict[str, dict] = field(default_factory=dict)  # title -> status, issues, output
    lost: dict[str, list[str]] = field(default_factory=dict)  # linked title -> linked from
    red: dict[str, list[str]] = field(default_factory=dict)  # red-linked: never written


def scan(
    inputs: list[str], run: SiteRun, progress: Callable[[SiteRun, str], None] | None = None
) -> list[View]:
    """Every capture identified; the views of pages kept (without their bodies).
    ``progress`` is called after each capture with the run and where the reading is."""
    started = time.perf_counter()
    seen: set[tuple[str, str]] = set()
    kept: list[View] = []
    for kind, capture in captures(inputs, run.damage):
        if capture.timestamp is not None:  # a mirror's files have no time: never the same
            identity = (capture.url, capture.timestamp)
            if identity in seen:
                run.duplicates += 1
                continue
            seen.add(identity)
        run.captures += 1
        run.by_input[kind] += 1
        try:
            view = identify(capture)
        except Exception as exc:  # one bad record never stops the run
            run.by_kind[f"unreadable ({type(exc).__name__})"] += 1
            run.damage.append(f"{capture.origin}: {capture.url}: {exc}")
            continue
        run.by_kind[view.kind] += 1
        if progress is not None:
            progress(run, capture.origin)
        run.known_titles |= view.known_titles
        view.known_titles = frozenset()  # gathered into the run's
        view.wikitext = None  # read again when the page is recovered: memory stays flat
        if view.is_page:
            kept.append(view)
    for given in inputs:
        path = Path(given)
        files = path.rglob("*") if path.is_dir() else [path]
        run.archive_bytes += sum(f.stat().st_size for f in files if f.is_file())
    run.read_seconds = time.perf_counter() - started
    return kept


def job_for(plan: Plan) -> Job:
    """The batch job that recovers one title."""
    main = plan.main
    assert main is not None
    relative = Path(plan.title)
    note = "; ".join(plan.notes)
    if plan.method == REDIRECTED:
        return Job(
            plan.title, plan.title, main.capture.origin, relative,
            text=f"#REDIRECT [[{plan.target}]]\n", kind="wikitext", verbatim=True, note=note,
        )  # fmt: skip
    if plan.method == EXACT:
        text = wikitext_of(main.capture)
        return Job(
            plan.title, plan.title, main.capture.origin, relative,
            text=text.rstrip() + "\n", kind="wikitext", verbatim=True, note=note,
        )  # fmt: skip
    upstream = None
    if plan.method == RENDERED_WITH_MARKUP and plan.markup is not None:
        upstream = wikitext_of(plan.markup.capture).rstrip() + "\n"
    return Job(
        plan.title, plan.title, main.capture.origin, relative,
        text=main.capture.text(), kind=main.rendered_as, upstream=upstream, note=note,
    )  # fmt: skip


def run_site(
    inputs: list[str],
    folder: Path,
    import_path: Path,
    options: Options,
    *,
    workers: int = 0,
    page_seconds: float = 60.0,
    scheduler: str | None = None,
    progress: Callable[[Summary, Outcome | None], None] | None = None,
    on_planned: Callable[[int], None] | None = None,
    report_base: Path | None = None,
    scanning: Callable[[SiteRun, str], None] | None = None,
) -> SiteRun:
    """Recover the wiki the archives ``inputs`` hold: pages (and the batch's resume state)
    under ``folder``, the import file at ``import_path``, the reports at ``report_base`` +
    ``.json`` / ``.html`` (by default ``folder/site-report``)."""
    from .links import check_links
    from .report import write_reports

    run = SiteRun(list(inputs))
    views = scan(run.inputs, run, scanning)
    run.plans = plan_titles(views)
    if on_planned:
        on_planned(len(run.plans))
    by_title = {plan.title: plan for plan in run.plans}

    def planned(meter: InputMeter) -> Iterator[Job]:
        meter.total = len(run.plans)
        for plan in run.plans:
            meter.done += 1
            try:
                yield job_for(plan)
            except Exception as exc:  # its archive record cannot be read again
                run.damage.append(f"{plan.title}: its capture could not be read again ({exc})")

    pages = folder / "pages"
    run.summary = run_batch(
        [],
        pages,
        "wikitext",
        options,
        workers=workers,
        report=folder / "pages-report.jsonl",
        page_seconds=page_seconds,
        scheduler=scheduler,
        progress=progress,
        source=planned,
    )
    run.outcomes = _outcomes(folder / "pages-report.jsonl", by_title)
    _relink(run, pages)
    write_import_file(
        import_path,
        (
            (
                plan.title,
                (pages / output).read_text(encoding="utf-8"),
                plan.main.capture.origin,
                plan.namespace,
            )
            for plan in run.plans
            if plan.main is not None
            and (output := run.outcomes.get(plan.title, {}).get("output"))
            and (pages / output).exists()
        ),
    )
    run.lost, run.red = check_links(pages, run)
    write_reports(run, report_base or folder / "site-report", import_path)
    return run


def _relink(run: SiteRun, pages: Path) -> None:
    """Links restored in the pages kept only as text, from the site's title list; each link is
    a guess in the page's outcome, and kept in ``relinked.json`` beside the pages for a rerun
    (which finds the page already linked)."""
    texts = [plan for plan in run.plans if plan.method == RENDERED_TEXT]
    if not texts:
        return
    record = pages.parent / "relinked.json"
    earlier = json.loads(record.read_text(encoding="utf-8")) if record.exists() else {}
    index = TitleIndex(run.known_titles | {plan.title for plan in run.plans})
    for plan in texts:
        outcome = run.outcomes.get(plan.title)
        if not outcome or not outcome.get("output"):
            continue
        path = pages / outcome["output"]
        text, added = restore_links(path.read_text(encoding="utf-8"), index, plan.title)
        if added:
            path.write_text(text, encoding="utf-8")
        added = added or earlier.get(plan.title, [])  # none new: linked by an earlier run
        earlier[plan.title] = plan.links_restored = added
        issues = outcome.setdefault("issues", [])
        issues += [
            {
                "code": "link-restored",
                "message": f"linked {title!r}: the text names a title the site had",
                "component": "site:relink",
                "severity": "guess",
            }
            for title in added
        ]
    record.write_text(json.dumps(earlier, ensure_ascii=False, indent=1), encoding="utf-8")


def _outcomes(report: Path, plans: dict[str, Plan]) -> dict[str, dict]:
    """The last record of each title in the batch's report (a rerun appends)."""
    found: dict[str, dict] = {}
    if not report.exists():
        return found
    for line in report.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if record.get("page") in plans:
            found[record["page"]] = record
    return found
