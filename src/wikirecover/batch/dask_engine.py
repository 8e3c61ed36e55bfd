"""The same batch on a Dask cluster (``--engine dask --scheduler ADDRESS``).

Each page is one task running `pool.convert_job` on a cluster worker; the parent (this process)
plans the pages, keeps at most ``window`` tasks in flight, writes the outputs and the report,
exactly as with the local pool, so the outputs are the same bytes. A task that outlives the page
budget is cancelled and its page recorded as FAILED; a worker's memory is Dask's to police (its
nanny restarts a worker over ``--memory-limit``).

Install with ``pip install 'wikirecover[dask]'``. On a real cluster: start ``dask scheduler`` on
one machine and ``dask worker tcp://SCHEDULER:8786`` on the others (each with wikirecover
installed), then run ``wikirecover batch ... --engine dask --scheduler tcp://SCHEDULER:8786``
where the input and output folders are.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from ..errors import UsageError
from ..options import Options
from .pool import Outcome, convert_job
from .sources import Job


class DaskEngine:
    def __init__(
        self, scheduler: str, to: str, options: Options, seconds: float, window: int = 64
    ) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise UsageError(
                "the dask engine needs dask.distributed: pip install 'wikirecover[dask]'"
            ) from None
        self.client = Client(scheduler, timeout=30)
        self.to, self.options, self.seconds, self.window = to, options, seconds, window

    def run(self, jobs: Iterator[Job]) -> Iterator[Outcome]:
        from distributed import as_completed

        pending = iter(jobs)
        started: dict[str, tuple[Job, float]] = {}
        flight = as_completed()
        try:
            for job in pending:
                self._submit(job, flight, started)
                if len(started) >= self.window:
                    break
            while started:
                for future in flight:
                    job, _since = started.pop(future.key)
                    if future.status == "finished":
                        yield future.result()
                    else:
                        yield Outcome(
                            job.key,
                            job.title,
                            "FAILED",
                            None,
                            reason=f"the cluster task ended {future.status}",
                        )
                    for extra in pending:
                        self._submit(extra, flight, started)
                        break
                    self._expire(started)
                    if not started:
                        break
        finally:
            self.client.close()

    def _submit(self, job: Job, flight, started: dict) -> None:
        future = self.client.submit(convert_job, job, self.to, self.options, pure=False)
        started[future.key] = (job, time.monotonic())
        flight.add(future)

    def _expire(self, started: dict) -> None:
        now = time.monotonic()
        for key, (_job, since) in list(started.items()):
            if now - since > self.seconds:
                self.client.cancel([key])
