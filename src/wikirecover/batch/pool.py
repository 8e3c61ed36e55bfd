"""Worker processes that the parent can kill: each page under a wall-clock and memory budget.

mwparserfromhell is quadratic on some input and its C parts have crashed on other input, so a
page is never converted in the parent. Each worker takes one page at a time through a pipe with
its address space capped (``RLIMIT_AS``); the parent kills a worker whose page outlives the
wall-clock budget, or notices one that died, records that page as FAILED (or DEGRADED with its
raw text, when the target is wikitext) and starts a fresh worker. One bad page never stops the
batch.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait

from ..budget import PAGE_MEMORY, PAGE_SECONDS, limit_memory
from ..options import Options
from .sources import Job


@dataclass
class Outcome:
    key: str
    title: str
    status: str  # OK, REPAIRED, DEGRADED, FAILED
    output: str | bytes | None
    issues: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    bytes_in: int = 0
    bytes_out: int = 0
    reason: str | None = None


def convert_job(job: Job, to: str, options: Options) -> Outcome:
    """Convert one page (in a worker)."""
    from ..errors import WikirecoverError
    from ..model import Severity, SourceInfo
    from ..pipeline import convert_documents, prepare_upstream, read, read_text, too_large

    started = time.perf_counter()

    def failed(reason: str, size: int = 0) -> Outcome:
        return Outcome(
            job.key,
            job.title,
            "FAILED",
            None,
            [],
            time.perf_counter() - started,
            size,
            reason=reason,
        )

    if job.verbatim and job.text is not None and to == "wikitext":
        size = len(job.text.encode("utf-8"))
        return Outcome(
            job.key,
            job.title,
            "OK",
            job.text,
            [
                {
                    "code": "exact-wikitext",
                    "message": job.note or "exact wikitext, kept byte for byte",
                    "component": "batch",
                    "severity": "info",
                }
            ],
            time.perf_counter() - started,
            size,
            size,
        )
    try:
        upstream = None
        if job.upstream is not None:  # first: its template names help read the page
            upstream = read_text(job.upstream, options=options)
            options = prepare_upstream(upstream, options)
        if job.text is not None and (large := too_large(job.text, options)):
            return failed(large, len(job.text.encode("utf-8", "surrogatepass")))
        if job.text is not None:
            source = SourceInfo(kind="", path=job.origin, size=len(job.text.encode("utf-8")))
            # (titled from the start: `--verify` counts the input's words as it reads it, and
            # `{{PAGENAME}}` there must be the page's title, not the dump's file name)
            titled = replace(options, title=job.title)
            documents = read_text(job.text, kind=job.kind, source=source, options=titled)
            for doc in documents:
                doc.title = job.title
                if job.model:
                    doc.metadata["content_model"] = job.model
                if job.namespaces is not None:
                    doc.namespaces = job.namespaces
                if job.note:
                    doc.report("batch-note", job.note, "batch", Severity.WARNING)
                if job.salvaged:
                    doc.report(
                        "xml-damaged",
                        f"{job.salvaged}; this page was salvaged and may be incomplete",
                        "batch:dump",
                        Severity.ERROR,
                    )
            size = source.size
        else:
            documents = read(job.path, kind=job.kind, options=options)
            size = documents[0].source.size if documents else 0
        results = convert_documents(documents, to=to, options=options, upstream=upstream)
    except WikirecoverError as exc:
        return failed(str(exc))
    except MemoryError:
        return failed("memory budget reached")
    except Exception as exc:  # a bug must not stop the batch
        return failed("".join(traceback.format_exception_only(exc)).strip())
    if len(results) != 1:
        return failed(f"the file holds {len(results)} pages; give dumps as dumps", size)
    [result] = results
    doc = result.document
    output = result.output
    return Outcome(
        job.key,
        job.title,
        str(doc.status),
        output,
        [i.to_json() for i in doc.issues],
        time.perf_counter() - started,
        size,
        len(output.encode("utf-8")) if isinstance(output, str) else len(output or b""),
        doc.failed,
    )


def _worker(connection: Connection, to: str, options: Options, memory: int) -> None:
    limit_memory(memory)
    while True:
        job = connection.recv()
        if job is None:
            return
        connection.send(convert_job(job, to, options))


@dataclass
class _Slot:
    process: multiprocessing.Process
    connection: Connection
    job: Job | None = None
    since: float = 0.0


class Pool:
    """``jobs`` worker processes converting pages to ``to``."""

    def __init__(
        self,
        jobs: int,
        to: str,
        options: Options,
        seconds: float = PAGE_SECONDS,
        memory: int = PAGE_MEMORY,
    ) -> None:
        self.size, self.to, self.options = max(1, jobs), to, options
        self.seconds, self.memory = seconds, memory
        self.context = multiprocessing.get_context("fork")
        self.slots: list[_Slot] = []
        self.pending: Iterator[Job] = iter(())
        self.exhausted = False

    def _start(self) -> _Slot:
        parent, child = self.context.Pipe()
        process = self.context.Process(
            target=_worker, args=(child, self.to, self.options, self.memory), daemon=True
        )
        process.start()
        child.close()
        return _Slot(process, parent)

    def run(self, jobs: Iterator[Job]) -> Iterator[Outcome]:
        """Outcomes as pages finish (not in input order). A worker that answers gets its next
        page before its outcome is handed on, so it does not wait while the caller writes."""
        self.pending, self.exhausted = iter(jobs), False
        self.slots = [self._start() for _ in range(self.size)]
        try:
            while True:
                for index, slot in enumerate(self.slots):
                    if slot.job is None and (lost := self._feed(index)) is not None:
                        yield lost
                busy = [s for s in self.slots if s.job is not None]
                if not busy:
                    return
                timeout = max(0.0, min(s.since + self.seconds for s in busy) - time.monotonic())
                ready = wait([s.connection for s in busy], timeout=min(timeout, 1.0))
                for index, slot in enumerate(self.slots):
                    if slot.job is None:
                        continue
                    if slot.connection in ready:
                        try:
                            outcome = slot.connection.recv()
                        except (EOFError, OSError):
                            yield self._lost(index, "the worker process died (crash or memory)")
                            continue
                        job, slot.job = slot.job, None
                        lost = self._feed(index)
                        if outcome.seconds > self.seconds:  # answered, but past its budget
                            yield self._over_budget(job, outcome.seconds)
                        else:
                            yield outcome
                        if lost is not None:
                            yield lost
                    elif time.monotonic() - slot.since > self.seconds:
                        yield self._lost(index, f"over the {self.seconds:g} s budget of a page")
        finally:
            self.close()

    def _feed(self, index: int) -> Outcome | None:
        """Send the next page to an idle worker; the outcome of that page if the worker was
        found gone."""
        if self.exhausted:
            return None
        job = next(self.pending, None)
        if job is None:
            self.exhausted = True
            return None
        slot = self.slots[index]
        slot.job, slot.since = job, time.monotonic()
        try:
            slot.connection.send(job)
        except (BrokenPipeError, OSError):
            return self._lost(index, "the worker was gone")
        return None

    def _lost(self, index: int, reason: str) -> Outcome:
        """The page of a worker that hung or died: recorded, the worker replaced."""
        slot = self.slots[index]
        job = slot.job
        slot.process.kill()
        slot.process.join(timeout=5)
        self.slots[index] = self._start()
        assert job is not None
        return self._without_output(job, reason)

    def _over_budget(self, job: Job, seconds: float) -> Outcome:
        """A page whose worker answered only after its budget ran out: treated as over budget
        (the same page must end the same way however busy the machine is)."""
        return self._without_output(
            job, f"over the {self.seconds:g} s budget of a page ({seconds:.2f} s)"
        )

    def _without_output(self, job: Job, reason: str) -> Outcome:
        """DEGRADED with the raw text for wikitext output from a dump, FAILED otherwise."""
        if job.text is not None and self.to == "wikitext":
            return Outcome(
                job.key,
                job.title,
                "DEGRADED",
                job.text,
                [
                    {
                        "code": "page-budget",
                        "message": f"{reason}; raw text kept",
                        "component": "batch",
                        "severity": "error",
                    }
                ],
                self.seconds,
                len(job.text.encode()),
                len(job.text.encode()),
                reason,
            )
        return Outcome(job.key, job.title, "FAILED", None, [], self.seconds, reason=reason)

    def close(self) -> None:
        for slot in self.slots:
            with contextlib.suppress(BrokenPipeError, OSError):
                slot.connection.send(None)
        for slot in self.slots:
            slot.process.join(timeout=2)
            if slot.process.is_alive():
                slot.process.kill()
        self.slots = []
