"""What a batch shows while it runs: a progress line on a terminal (pages, pages/s and the ETA),
otherwise the problem lines and a line per 1000 pages."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from .run import Outcome, Summary, log_line
from .sources import input_files, is_dump


def known_total(
    inputs: tuple[str, ...],
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    out: Path | None = None,
) -> int | None:
    """How many pages the inputs hold, when that is cheap to know (files and folders; a
    streamed dump's pages are not counted ahead)."""
    total = 0
    for file, _ in input_files(list(inputs), include, exclude, out):
        if is_dump(file):
            return None
        total += 1
    return total


def progress_reporter(
    total: int | None = None, stream=None
) -> Callable[[Summary, Outcome | None], None]:
    """The batch's progress callback: the ETA by pages when the total is known, else by the
    bytes of the inputs read (compressed dumps by their compressed position)."""
    started = time.perf_counter()

    def report(summary: Summary, outcome: Outcome | None) -> None:
        out = stream or sys.stderr
        if outcome is not None:
            log_line(summary, outcome, out)
        done = summary.pages
        elapsed = max(time.perf_counter() - started, 1e-9)
        line = f"{done}" + (f"/{total}" if total else "") + f" pages, {done / elapsed:.1f} pages/s"
        left = eta(elapsed, done, total, summary.read.fraction)
        if left is not None:
            line += f", ETA {left:.0f} s"
        if out.isatty():
            out.write(f"\r{line} ")
            out.flush()
        elif done % 1000 == 0:
            print(line, file=out)

    return report


def eta(elapsed: float, done: int, total: int | None, fraction: float | None) -> float | None:
    """Seconds left: by pages when their total is known, else by the fraction of input read."""
    if total and done:
        return max(0.0, (total - done) * elapsed / done)
    if fraction:
        return max(0.0, elapsed * (1 - fraction) / fraction)
    return None
