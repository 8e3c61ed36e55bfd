"""The pipeline: read -> passes -> write. Every public entry point goes through here."""

from __future__ import annotations

import html
import re
import sys
import traceback
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from mwparserfromhell.nodes import Text
from mwparserfromhell.wikicode import Wikicode

from . import interface
from . import passes as _passes  # noqa: F401  (registration)
from . import readers as _readers
from . import writers as _writers  # noqa: F401  (registration)
from .align.upstream import hinted_options, pair, restore_from_upstream
from .budget import BudgetExceeded, run_within
from .content_models import CODE_LANGUAGES, is_wikitext
from .decode import decode
from .errors import InputError, WikirecoverError
from .fallback import raw_document, raw_output
from .model import Document, Severity, SourceInfo
from .options import Options
from .parsing import parse_wikitext
from .readers.text import warm_interface
from .registry import get_reader, get_writer, ordered_passes, repair_text
from .writers.unexported import report_unexported, unexported_nodes


@dataclass
class Converted:
    """One page of a conversion: the document (with its issues) and the output, if any."""

    document: Document
    output: str | bytes | None  # bytes for binary formats; None when the page failed


def load(path: str | Path) -> tuple[str, SourceInfo]:
    """Read and decode a file (or stdin for "-"); raise `InputError` naming the file."""
    name = str(path)
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", name) from None
    except PermissionError:
        raise InputError("permission denied", name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", name) from None
    decoded = decode(data, name)
    return decoded.text, SourceInfo(
        kind="", path=name, encoding=decoded.encoding, size=len(data), notes=decoded.notes
    )


def read_text(
    text: str,
    *,
    kind: str | None = None,
    source: SourceInfo | None = None,
    options: Options | None = None,
) -> list[Document]:
    """Text of any known kind -> documents (one for most kinds, many for an XML export)."""
    options = options or Options()
    text, surrogates = _without_lone_surrogates(text)
    kind = kind or _readers.detect_kind(text)
    reader = get_reader(kind)
    source = replace(source or SourceInfo(kind=kind, size=len(text.encode("utf-8"))), kind=kind)
    documents = list(reader.read(text, source, options))
    for doc in documents:
        if options.verify:
            from .verify import remember_input

            remember_input(doc, text, kind, options)
        for note in source.notes:
            doc.report("decoded", note, "decode", Severity.GUESS)
        if surrogates:
            doc.report(
                "surrogates-replaced",
                f"{surrogates} lone surrogate(s) (not characters: no file can hold them) "
                "replaced by U+FFFD",
                "decode",
                Severity.GUESS,
            )
    return documents


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(text: str) -> tuple[str, int]:
    """Text from a caller may hold lone surrogates (``surrogateescape``): they crash every
    UTF-8 writer, so they become U+FFFD here, counted."""
    if text.isascii():
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


def read(
    path: str | Path, *, kind: str | None = None, options: Options | None = None
) -> list[Document]:
    """A file (or "-" for stdin) of any known kind -> documents."""
    text, source = load(path)
    return read_text(text, kind=kind, source=source, options=options)


# Repairs can uncover more damage (a comment closed shows the open link it hid): the passes run
# again while a round changes the page, at most this many rounds.
REPAIR_ROUNDS = 6


def repair(doc: Document, options: Options | None = None) -> None:
    """Run the repair passes, in order, on ``doc`` until the page no longer changes (so that
    repairing again changes nothing). A pass that crashes degrades the page."""
    options = options or Options()
    steps = ordered_passes(options.passes)
    if steps and not is_wikitext(doc.content_model):
        doc.report(
            "not-wikitext",
            f"a page of {doc.content_model} code, not wikitext: passed through untouched",
            "pipeline",
            Severity.NOTE,
        )
        return
    after = read = doc.text_for_repairs()
    reported_before = len(doc.issues)
    for round_ in range(REPAIR_ROUNDS):
        before, reported = after, len(doc.issues)
        if round_:  # the next round sees the page as a new reading would
            doc.wikicode = parse_wikitext(before)
        text: str | None = before  # the page's text, while no pass on its tree has run
        for step in steps:
            if step.run_text is not None and text is not None:
                text = _run_text_pass(step, doc, options, text)
            else:
                _run_pass(step, doc, options)
                text = None
        if len(doc.issues) == reported:
            break  # every change is reported: none this round
        if round_:
            _drop_repeated_issues(doc, reported)
        after = str(doc.wikicode)
        if after == before:
            break
    else:
        # repairs that keep changing the page are not mending it: the page is kept as read
        unsettled = doc.issues[reported_before:]
        del doc.issues[reported_before:]
        doc.wikicode = parse_wikitext(read)
        doc.report(
            "repair-unsettled",
            f"the repairs still changed the page after {REPAIR_ROUNDS} rounds "
            f"({len(unsettled)} repair(s) reported, first: "
            f"{unsettled[0].message if unsettled else '-'}): "
            "none was applied, the page is kept as read; check it by hand",
            "pipeline",
            Severity.WARNING,
            unsettled[0].excerpt if unsettled else "",
        )


def _run_pass(step, doc: Document, options: Options) -> None:
    try:
        step.run(doc, options)
    except Exception as exc:  # a bug in a pass must not lose the page
        _report_crash(step, doc, exc)


def _report_crash(step, doc: Document, exc: Exception) -> None:
    doc.report(
        "pass-crashed",
        f"pass {step.name} stopped with {type(exc).__name__}: {exc}; its changes may be partial",
        f"pass:{step.name}",
        Severity.ERROR,
        "".join(traceback.format_exception_only(exc)),
    )


def _run_text_pass(step, doc: Document, options: Options, text: str) -> str | None:
    """A pass on the page's text, given the text (not rendered from the tree again); the text
    after it, or None when it crashed."""
    try:
        return repair_text(step.run_text, doc, options, text)
    except Exception as exc:  # as `_run_pass`
        _report_crash(step, doc, exc)
        return None


def _drop_repeated_issues(doc: Document, earlier: int) -> None:
    """A warning about something left as it is is made again by each round: the issues after
    the first ``earlier`` that repeat an earlier one are dropped."""
    seen = Counter(_issue_key(issue) for issue in doc.issues[:earlier])
    kept = doc.issues[:earlier]
    for issue in doc.issues[earlier:]:
        key = _issue_key(issue)
        if seen[key]:
            seen[key] -= 1
        else:
            kept.append(issue)
    doc.issues[:] = kept


def _issue_key(issue) -> tuple:
    return (issue.code, issue.message, issue.excerpt, issue.line)


def write(doc: Document, to: str = "wikitext", options: Options | None = None) -> str | bytes:
    """Render ``doc`` in output format ``to``; raise `WikirecoverError` when it cannot."""
    options = options or Options()
    if to not in ("wikitext", "mediawiki-xml") and not is_wikitext(doc.content_model):
        doc = shown_as_code(doc)
    left_out = unexported_nodes(doc, to)
    output = get_writer(to).write(doc, options)
    report_unexported(doc, to, options, left_out)
    return output


def shown_as_code(doc: Document) -> Document:
    """A page of code (a Lua module, a style sheet) as MediaWiki shows it: the code whole,
    highlighted in its language. Its issues stay the page's."""
    language = CODE_LANGUAGES.get(doc.content_model, "")
    text = doc.text
    if "</syntaxhighlight" in text.lower():  # it cannot be wrapped: shown as preformatted text
        wrapped = f"<pre>{html.escape(text, quote=False)}</pre>"
    else:
        wrapped = f'<syntaxhighlight lang="{language}">\n{text}\n</syntaxhighlight>'
    shown = replace(doc, wikicode=parse_wikitext(wrapped), parsed_from=None)
    shown.metadata = {**doc.metadata, "content_model": "wikitext"}
    shown.issues = doc.issues  # what the writers report goes to the page itself
    return shown


def prepare_upstream(documents: list[Document], options: Options) -> Options:
    """Repair the upstream pages (read from any kind) and return the options for reading the
    pages aligned with them: the rules then know the upstream's template names."""
    for doc in documents:
        repair(doc, options)
    return hinted_options(options, documents)


def align_with_upstream(doc: Document, upstream: list[Document], options: Options) -> None:
    """Align a repaired page with its upstream page (paired by title); a crash degrades."""
    match = pair(doc, upstream)
    if match is None:
        doc.report(
            "no-upstream",
            f"no upstream page titled {doc.title!r}; the page is not aligned",
            "align:upstream",
            Severity.WARNING,
        )
        return
    try:
        restore_from_upstream(doc, match, options)
    except Exception as exc:  # a bug in alignment must not lose the page
        doc.report(
            "align-crashed",
            f"alignment with the upstream stopped with {type(exc).__name__}: {exc}; "
            "the page is kept as recovered without it",
            "align:upstream",
            Severity.ERROR,
            "".join(traceback.format_exception_only(exc)),
        )


def convert_documents(
    documents: list[Document],
    *,
    to: str = "wikitext",
    options: Options | None = None,
    upstream: list[Document] | None = None,
) -> list[Converted]:
    options = options or Options()
    get_writer(to)  # an unknown format is a usage error before any work
    results = []
    for doc in documents:
        repair(doc, options)
        if upstream is not None:
            align_with_upstream(doc, upstream, options)
        try:
            output = write(doc, to, options)
            if options.verify and isinstance(output, str):
                from .verify import check

                check(doc, output, to, options)
            results.append(Converted(doc, output))
        except WikirecoverError as exc:
            doc.failed = str(exc)
            results.append(Converted(doc, None))
    return results


def convert(
    path: str | Path,
    *,
    to: str = "wikitext",
    kind: str | None = None,
    options: Options | None = None,
    upstream: str | Path | None = None,
) -> list[Converted]:
    """Read a file of any kind, repair it (aligned with the pages of ``upstream`` when given)
    and write it as ``to``: one result per page. The work runs under ``options.budget``."""
    options = options or Options()
    get_writer(to)  # an unknown format is a usage error before any work
    text, source = load(path)
    upstream_text = load(upstream) if upstream is not None else None
    return _within_budget(text, source, to, kind, options, upstream_text)


def page_wikitext(path: str) -> str:
    """One page as wikitext, for comparing revisions (restore, merge): wikitext as it is (not
    repaired: its bytes are the revision), any other kind recovered."""
    text, _ = load(path)
    if _readers.detect_kind(text) == "wikitext":
        return text
    results = convert(path)
    if len(results) != 1:
        raise WikirecoverError(f"expected one page, found {len(results)}", path)
    [result] = results
    if result.output is None:
        raise WikirecoverError(f"cannot recover the page: {result.document.failed}", path)
    return result.output


def convert_text(
    text: str,
    *,
    to: str = "wikitext",
    kind: str | None = None,
    title: str | None = None,
    options: Options | None = None,
) -> list[Converted]:
    """Like `convert`, for text in memory."""
    options = options or Options()
    if title is not None:
        options = replace(options, title=title)
    get_writer(to)
    source = SourceInfo(kind="", size=len(text.encode("utf-8", "surrogatepass")))
    return _within_budget(text, source, to, kind, options, None)


def _within_budget(
    text: str,
    source: SourceInfo,
    to: str,
    kind: str | None,
    options: Options,
    upstream: tuple[str, SourceInfo] | None,
) -> list[Converted]:
    """`_convert_loaded` in a child process under the options' budget; past it, the page's raw
    text (see `fallback`)."""
    large = too_large(text, options)
    if large:
        doc = raw_document(text, source, options.title or "")
        doc.failed = large
        return [Converted(doc, None)]
    budget = options.budget
    if budget is None:
        return _convert_loaded(text, source, to, kind, options, upstream)
    inner = replace(options, budget=None)
    interface.load()  # once here, not again in every child
    options.rules.warm()
    if kind in (None, "text"):
        warm_interface(text, options)
    try:
        results = run_within(budget, _convert_loaded, text, source, to, kind, inner, upstream)
    except BudgetExceeded as exc:
        return [_over_budget(text, source, to, options, exc.reason)]
    return results  # made portable in the child


def too_large(text: str, options: Options) -> str | None:
    """Why ``text`` is over the options' page-size cap, or None."""
    if options.max_page_bytes is None or len(text) * 4 <= options.max_page_bytes:
        return None  # at most four bytes a character: under the cap whatever the text
    size = len(text.encode("utf-8", "surrogatepass"))
    if size <= options.max_page_bytes:
        return None
    return (
        f"too large: {size / 1e6:.1f} MB, above the cap of {options.max_page_bytes / (1 << 20):g} "
        "MiB a page (MediaWiki's own is 2 MiB); raise it with --max-page-mb"
    )


def _convert_loaded(
    text: str,
    source: SourceInfo,
    to: str,
    kind: str | None,
    options: Options,
    upstream: tuple[str, SourceInfo] | None,
) -> list[Converted]:
    upstream_docs = None
    if upstream is not None:
        upstream_docs = read_text(upstream[0], source=upstream[1], options=options)
        options = prepare_upstream(upstream_docs, options)
    documents = read_text(text, kind=kind, source=source, options=options)
    results = convert_documents(documents, to=to, options=options, upstream=upstream_docs)
    return [Converted(portable(r.document), r.output) for r in results]


def portable(doc: Document) -> Document:
    """``doc`` with its tree as one text node: cheap to send between processes whatever the
    nesting (pickling a deep tree recurses), and its text exact."""
    return replace(doc, wikicode=Wikicode([Text(str(doc.wikicode))]), parsed_from=None)


def _over_budget(
    text: str, source: SourceInfo, to: str, options: Options, reason: str
) -> Converted:
    doc = raw_document(text, source, options.title or "", reason)
    if to == "mediawiki-xml":
        return Converted(doc, write(doc, to, options))
    output = raw_output(text, to)
    if output is None:
        doc.failed = f"{reason}; {to} cannot show the raw text"
    return Converted(doc, output)
