"""The three registries: readers, passes and writers. A new component is one module that
registers itself with a decorator; its name is also its CLI value and its golden-test folder."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import UsageError

if TYPE_CHECKING:
    from .model import Document, SourceInfo
    from .options import Options

ReadFn = Callable[[str, "SourceInfo", "Options"], Iterable["Document"]]
SniffFn = Callable[[str], float]
PassFn = Callable[["Document", "Options"], None]
TextPassFn = Callable[[str, "Document", "Options"], str]
WriteFn = Callable[["Document", "Options"], str]


@dataclass(frozen=True)
class Reader:
    name: str
    help: str
    read: ReadFn
    sniff: SniffFn  # confidence in [0, 1] that a text is of this kind


@dataclass(frozen=True)
class Pass:
    name: str
    help: str
    run: PassFn
    after: tuple[str, ...]  # passes that must run before this one
    # A pass on the page's text (not its tree): the text -> the text repaired. ``run`` reads the
    # text from the tree; the repair loop hands it the text when it has it already.
    run_text: TextPassFn | None = None


@dataclass(frozen=True)
class Writer:
    name: str
    help: str
    write: WriteFn
    extension: str  # file extension of its output, without the dot


READERS: dict[str, Reader] = {}
PASSES: dict[str, Pass] = {}
WRITERS: dict[str, Writer] = {}


def _first_line(doc: str | None) -> str:
    return (doc or "").strip().splitlines()[0] if (doc or "").strip() else ""


def _check_new(table: dict, name: str, what: str) -> None:
    if name in table:
        raise ValueError(f"{what} {name!r} is registered twice")


def register_reader(name: str, *, sniff: SniffFn) -> Callable[[ReadFn], ReadFn]:
    def decorate(fn: ReadFn) -> ReadFn:
        _check_new(READERS, name, "reader")
        READERS[name] = Reader(name, _first_line(fn.__doc__), fn, sniff)
        return fn

    return decorate


def register_pass(name: str, *, after: Iterable[str] = ()) -> Callable[[PassFn], PassFn]:
    def decorate(fn: PassFn) -> PassFn:
        _check_new(PASSES, name, "pass")
        PASSES[name] = Pass(name, _first_line(fn.__doc__), fn, tuple(after))
        return fn

    return decorate


def register_text_pass(
    name: str, *, after: Iterable[str] = ()
) -> Callable[[TextPassFn], TextPassFn]:
    """A pass that repairs the page's text: ``fn(text, doc, options)`` returns the text (the same
    string when nothing changed); the page is parsed again when it changed."""

    def decorate(fn: TextPassFn) -> TextPassFn:
        _check_new(PASSES, name, "pass")

        def run(doc: Document, options: Options) -> None:
            repair_text(fn, doc, options, doc.text)

        PASSES[name] = Pass(name, _first_line(fn.__doc__), run, tuple(after), fn)
        return fn

    return decorate


def repair_text(fn: TextPassFn, doc: Document, options: Options, text: str) -> str:
    """Run a text pass on ``text`` (the page's text as it stands); the page is parsed again
    when the pass changed it. Returns the text after the pass."""
    from .parsing import parse_wikitext

    repaired = fn(text, doc, options)
    if repaired != text:
        doc.wikicode = parse_wikitext(repaired)
    return repaired


def register_writer(name: str, *, extension: str) -> Callable[[WriteFn], WriteFn]:
    def decorate(fn: WriteFn) -> WriteFn:
        _check_new(WRITERS, name, "writer")
        WRITERS[name] = Writer(name, _first_line(fn.__doc__), fn, extension)
        return fn

    return decorate


def add_writer(name: str, help: str, fn: WriteFn, extension: str) -> None:
    """Register a writer made by a factory (one function serving many pandoc formats)."""
    _check_new(WRITERS, name, "writer")
    WRITERS[name] = Writer(name, help, fn, extension)


def get_reader(name: str) -> Reader:
    try:
        return READERS[name]
    except KeyError:
        raise UsageError(f"unknown input kind {name!r} (known: {', '.join(READERS)})") from None


def get_writer(name: str) -> Writer:
    try:
        return WRITERS[name]
    except KeyError:
        raise UsageError(f"unknown output format {name!r} (known: {', '.join(WRITERS)})") from None


PASS_ORDER: list[str] = []  # set by `passes.ORDER`: the order the passes run in


def set_pass_order(order: Iterable[str]) -> None:
    """The order the passes run in: every registered pass once, each after the passes its
    ``after`` names (checked here: a wrong order fails at import, not at run time)."""
    order = list(order)
    missing = set(PASSES) - set(order)
    unknown = [name for name in order if name not in PASSES]
    if missing or unknown or len(set(order)) != len(order):
        raise ValueError(
            f"the pass order must name every registered pass once (missing: {sorted(missing)}, "
            f"unknown: {unknown})"
        )
    for position, name in enumerate(order):
        for before in PASSES[name].after:
            if before not in order[:position]:
                raise ValueError(f"pass {name!r} must come after {before!r}")
    PASS_ORDER[:] = order


def ordered_passes(selected: Iterable[str] | None = None) -> list[Pass]:
    """The passes named by ``selected`` (default: all), in the order they run (`PASS_ORDER`;
    passes registered later, such as a test's, run after those it names)."""
    names = list(PASSES) if selected is None else list(selected)
    for name in names:
        if name not in PASSES:
            raise UsageError(f"unknown pass {name!r} (known: {', '.join(PASSES)})")
    rank = {name: position for position, name in enumerate(PASS_ORDER)}
    return [PASSES[name] for name in sorted(names, key=lambda n: rank.get(n, len(rank)))]


def iter_components() -> Iterator[tuple[str, str, str]]:
    """(kind, name, one-line help) for every registered component."""
    for reader in READERS.values():
        yield "reader", reader.name, reader.help
    for step in ordered_passes():
        yield "pass", step.name, step.help
    for writer in WRITERS.values():
        yield "writer", writer.name, writer.help
