"""Page budgets: work on a page runs in a child process that the parent can kill.

mwparserfromhell is quadratic on runs of unclosed openers and its C parts have looped and crashed
on other input; ``signal.alarm`` cannot interrupt C code. So a page's work runs in a forked
child whose address space is capped (``RLIMIT_AS``); the parent waits on a pipe for at most the
wall-clock budget and kills the child after it. The caller gets the result, or `BudgetExceeded`
with a one-line reason: it decides what a page that ran out of budget becomes.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, TypeVar

PAGE_SECONDS = 60.0  # wall-clock budget of one page
PAGE_MEMORY = 2 << 30  # address-space budget of the process working on it (bytes)

T = TypeVar("T")


@dataclass(frozen=True)
class Budget:
    seconds: float = PAGE_SECONDS
    memory: int = PAGE_MEMORY

    def describe(self) -> str:
        return f"{self.seconds:g} s, {self.memory >> 20} MiB"


class BudgetExceeded(Exception):
    """The work ran past its budget, ran out of memory or its process died; ``reason`` says."""

    def __init__(self, reason: str, seconds: float):
        super().__init__(reason)
        self.reason = reason
        self.seconds = seconds


def limit_memory(memory: int) -> None:
    """Cap this process's address space (where the platform cannot, the wall clock still holds),
    and collect garbage the way a process that builds one page's tree after another should."""
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    collect_per_page()


# Allocations between two collections of the youngest generation (Python's default: 700). A
# page's trees are tens to hundreds of thousands of objects that live until the page is done and
# are then freed by reference counting (a page leaves no cycles: tests/test_garbage.py), so a
# collection mostly walks live trees: at 200,000 the corpus pages need none. What a page does
# leave in cycles is still collected, a few pages later.
YOUNG_COLLECTION = 200_000


def collect_per_page() -> None:
    """Tune the cyclic garbage collector of a worker process: what was loaded before the first
    page (modules, rules) is never walked again, and collections are rarer."""
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION, middle, old)


def run_within(budget: Budget, function: Callable[..., T], *args: Any) -> T:
    """``function(*args)`` in a forked child under ``budget``; its result (pickled back), or
    its exception raised again here, or `BudgetExceeded`."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, budget.memory, function, args))
    started = time.monotonic()
    process.start()
    sender.close()
    try:
        if not receiver.poll(budget.seconds):
            raise BudgetExceeded(
                f"over the {budget.seconds:g} s budget of a page", time.monotonic() - started
            )
        try:
            kind, value = receiver.recv()
        except (EOFError, OSError):
            raise BudgetExceeded(
                "the process working on the page died (crash or memory budget)",
                time.monotonic() - started,
            ) from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join()
    if kind == "memory":
        raise BudgetExceeded(
            f"over the {budget.memory >> 20} MiB memory budget of a page",
            time.monotonic() - started,
        )
    if kind == "error":
        raise value
    return value


def _child(sender: Connection, memory: int, function: Callable[..., Any], args: tuple) -> None:
    limit_memory(memory)
    try:
        message: tuple[str, Any] = ("ok", function(*args))
    except MemoryError:
        message = ("memory", None)
    except Exception as exc:
        message = ("error", exc)
    try:
        sender.send(message)
    except MemoryError:
        sender.send(("memory", None))
    except Exception as exc:
        sender.send(("error", RuntimeError(f"the result could not be sent back: {exc}")))
    finally:
        sender.close()
