"""A batch: plan the pages, skip those already done, convert the rest in workers, write each
output atomically, record each page, summarise.

Resumable: ``<out>/.wikirecover-state.jsonl`` records, per output, the input's hash and the
options; rerunning the same command skips a page whose output exists with the same hash and
options, and a killed batch rerun gives the same bytes (conversion is deterministic).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..options import Options
from ..registry import get_writer
from .names import NamePlanner, inside
from .pool import Outcome, Pool
from .sources import InputMeter, Job, jobs
from .upstreams import Upstreams

STATE_FILE = ".wikirecover-state.jsonl"


@dataclass
class Summary:
    counts: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    bytes_in: int = 0
    bytes_out: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    no_upstream: int = 0  # pages with --upstream given but no upstream page of their title
    read: InputMeter = field(default_factory=InputMeter)  # how far through the inputs

    @property
    def pages(self) -> int:
        return sum(self.counts.values())


def options_key(to: str, options: Options, upstream: str | None = None) -> str:
    """What must match for an earlier output to count as current."""
    described = {
        "to": to,
        "passes": options.passes,
        "rules": options.rules.sources,
        "link_pattern": options.link_pattern,
        "unknown_templates": options.unknown_templates,
        "standalone": options.standalone,
        "upstream": upstream,
        # a migrated page's links depend on the whole site: another site, another output
        "site": options.site_links.digest() if options.site_links is not None else None,
    }
    return hashlib.sha256(json.dumps(described, sort_keys=True, default=str).encode()).hexdigest()


def run_batch(
    inputs: list[str],
    out: Path,
    to: str,
    options: Options,
    *,
    workers: int = 0,
    include: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
    revision: str = "latest",
    report: Path | None = None,
    page_seconds: float = 60.0,
    upstream: str | None = None,
    scheduler: str | None = None,
    progress: Callable[[Summary, Outcome | None], None] | None = None,
    source: Callable[[InputMeter], Iterator[Job]] | None = None,
) -> Summary:
    """Convert ``inputs`` (or the pages ``source`` gives, for a caller that plans its own
    jobs, as `wikirecover site` does) into ``out``; ``mediawiki-xml`` writes the pages as
    wikitext and then one import file, ``out/import.xml``."""
    import_file = to == "mediawiki-xml"  # pages as wikitext, then one import file
    if import_file:
        to = "wikitext"
    writer = get_writer(to)
    written: list[tuple[str, Path]] = []  # (title, output) of every page of the batch
    out.mkdir(parents=True, exist_ok=True)
    root = out.resolve()  # every output path is checked against it
    state = _load_state(out / STATE_FILE)
    key = options_key(to, options, upstream)
    planner = NamePlanner()
    summary = Summary()
    targets: dict[str, tuple[Path, str]] = {}
    started = time.perf_counter()
    report_path = report or out / "wikirecover-report.jsonl"

    seen: Counter[str] = Counter()
    upstreams = Upstreams(upstream) if upstream else None

    def todo():
        planned = (
            source(summary.read)
            if source is not None
            else jobs(inputs, include, exclude, revision, summary.read, skip=out)
        )
        for job in planned:
            seen[job.key] += 1
            if seen[job.key] > 1:  # the same title twice in a dump: both kept
                job = replace(
                    job,
                    key=f"{job.key}~{seen[job.key]}",
                    note=f"the title appears more than once in the input; this is copy "
                    f"{seen[job.key]}, written to a file of its own",
                )
            relative = (
                job.relative.with_name(f"{job.relative.name}.{writer.extension}")
                if job.placed
                else planner.path_for(job.key, job.relative, writer.extension)
            )
            if not inside(out, relative, root):
                summary.counts["FAILED"] += 1
                summary.failed.append((job.key, "output path outside the output folder"))
                continue
            if upstreams is not None:  # first: a changed upstream makes the page out of date
                job = replace(job, upstream=upstreams.text_for(job.title))
            digest = job.input_hash()
            earlier = state.get(relative.as_posix())
            written.append((job.title, relative))
            if earlier == (digest, key) and (out / relative).exists():
                summary.counts["SKIPPED"] += 1
                if progress:
                    progress(summary, None)
                continue
            targets[job.key] = (relative, digest)
            if upstreams is not None and job.upstream is None:
                summary.no_upstream += 1
            yield job

    count = workers or os.cpu_count() or 1
    with (
        open(report_path, "a", encoding="utf-8") as report_file,
        open(out / STATE_FILE, "a", encoding="utf-8") as state_file,
    ):
        if scheduler:
            from .dask_engine import DaskEngine

            engine = DaskEngine(scheduler, to, options, page_seconds)
        else:
            engine = Pool(count, to, options, seconds=page_seconds)
        for outcome in engine.run(todo()):
            relative, digest = targets.pop(outcome.key)
            if outcome.output is not None:
                _write_atomic(out / relative, outcome.output)
                state_file.write(
                    json.dumps({"path": relative.as_posix(), "hash": digest, "options": key}) + "\n"
                )
                state_file.flush()
            summary.counts[outcome.status] += 1
            summary.seconds += outcome.seconds
            summary.bytes_in += outcome.bytes_in
            summary.bytes_out += outcome.bytes_out
            if outcome.status == "FAILED":
                summary.failed.append((outcome.key, outcome.reason or "failed"))
            report_file.write(
                json.dumps(
                    {
                        "page": outcome.key,
                        "title": outcome.title,
                        "status": outcome.status,
                        "output": relative.as_posix() if outcome.output is not None else None,
                        "reason": outcome.reason,
                        "seconds": round(outcome.seconds, 4),
                        "bytes_in": outcome.bytes_in,
                        "bytes_out": outcome.bytes_out,
                        "issues": outcome.issues,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
            if progress:
                progress(summary, outcome)
    if import_file:
        from ..writers.mediawiki_xml import write_import_file

        pages = (
            (title, (out / relative).read_text(encoding="utf-8"), relative.as_posix())
            for title, relative in written
            if (out / relative).exists()
        )
        write_import_file(out / "import.xml", pages)
    summary.seconds = time.perf_counter() - started
    return summary


def _load_state(path: Path) -> dict[str, tuple[str, str]]:
    state: dict[str, tuple[str, str]] = {}
    if not path.exists():
        return state
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
            state[record["path"]] = (record["hash"], record["options"])
        except (ValueError, KeyError, TypeError):
            continue  # a line a killed run left half-written
    return state


def _write_atomic(path: Path, data: str | bytes) -> None:
    """Write to a temporary file beside ``path``, then rename over it: a reader (or a killed
    batch) never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data.encode("utf-8") if isinstance(data, str) else data)
            file.flush()
            os.fsync(file.fileno())  # the data is on disk before the name points at it
        os.replace(temporary, path)
        _sync_folder(path.parent)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the platform lets a folder be opened)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def summary_table(summary: Summary) -> str:
    rate = summary.pages / summary.seconds if summary.seconds else 0.0
    mb = summary.bytes_in / 1e6
    lines = [
        f"{summary.pages} pages in {summary.seconds:.1f} s ({rate:.1f} pages/s, "
        f"{mb / summary.seconds if summary.seconds else 0:.2f} MB/s)",
        "  " + "  ".join(f"{status} {n}" for status, n in sorted(summary.counts.items())),
    ]
    if summary.no_upstream:
        lines.append(f"  {summary.no_upstream} pages had no upstream page of their title")
    for page, reason in summary.failed[:20]:
        lines.append(f"  FAILED {page}: {reason}")
    if len(summary.failed) > 20:
        lines.append(f"  ... and {len(summary.failed) - 20} more (see the report)")
    return "\n".join(lines)


def log_line(summary: Summary, outcome: Outcome | None, stream=sys.stderr) -> None:
    if outcome is not None and outcome.status in ("FAILED", "DEGRADED"):
        print(f"{outcome.status} {outcome.key}: {why(outcome)}", file=stream)


def why(outcome: Outcome) -> str:
    """What made a page fail or degrade: the reason given, else its worst issue."""
    if outcome.reason:
        return outcome.reason
    for severity in ("error", "warning"):
        for issue in outcome.issues:
            if issue.get("severity") == severity:
                return str(issue.get("message") or issue.get("code"))
    return "see the report"
