"""The command line: parse arguments, call one public function, map errors to exit codes.

Exit codes: 0 ok, 1 problems found (with --check), 2 bad usage or unreadable input,
3 some page failed.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable
from pathlib import Path

import click

from . import __version__
from .budget import PAGE_MEMORY, PAGE_SECONDS, Budget, BudgetExceeded, run_within
from .errors import WikirecoverError
from .model import Document, Status
from .options import Options
from .pipeline import Converted, convert, page_wikitext
from .registry import READERS, WRITERS, get_writer, iter_components
from .report import issue_line, summary_line, write_report
from .rules import Rules
from .titles import normalise_title

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_PAGE_FAILED = 0, 1, 2, 3


RULES_OPTION = click.option(
    "--rules",
    "rules",
    multiple=True,
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Extra rules file (TOML); repeatable.",
)


JOBS_OPTION = click.option(
    "-j", "--jobs", "workers", type=int, default=0, help="Worker processes (default: all cores)."
)
PAGE_TIMEOUT_OPTION = click.option(
    "--page-timeout",
    type=float,
    default=PAGE_SECONDS,
    show_default=True,
    help="Wall-clock seconds one page may take before it is stopped.",
)


def ENGINE_OPTIONS(command):  # a decorator, named as the options above
    """--engine local|dask and --scheduler ADDRESS: where a batch's pages are converted."""
    command = click.option(
        "--scheduler", metavar="ADDRESS", help="The Dask scheduler (tcp://host:8786)."
    )(command)
    return click.option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        default="local",
        show_default=True,
        help="local worker processes, or a Dask cluster (pip install 'wikirecover[dask]').",
    )(command)


def _fail(message: str, code: int = EXIT_USAGE) -> None:
    click.echo(f"wikirecover: error: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wikirecover")
def cli() -> None:
    """Bring damaged MediaWiki pages back to life and move wiki content between formats."""


def _language_code(context: click.Context, parameter: click.Parameter, code: str | None):
    from .interface import known_language

    if code is None:
        return None
    if not known_language(code):
        raise click.BadParameter(f"{code!r} is no language MediaWiki ships", context, parameter)
    return code.lower()


def _input_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options every command that reads pages shares."""
    options = [
        click.option(
            "--from",
            "kind",
            type=click.Choice(sorted(READERS)),
            metavar="KIND",
            help=f"Input kind ({', '.join(sorted(READERS))}). Default: detected.",
        ),
        RULES_OPTION,
        click.option(
            "--report",
            "report_path",
            metavar="FILE.json",
            help="Write every issue (changes, drops, guesses) as JSON.",
        ),
        click.option("-v", "--verbose", is_flag=True, help="List every issue on stderr."),
        click.option("-q", "--quiet", is_flag=True, help="No summary on stderr."),
        click.option(
            "--page-timeout",
            type=click.FloatRange(min=0.1),
            default=PAGE_SECONDS,
            show_default=True,
            help="Wall-clock seconds the page may take; past them it is kept as raw text.",
        ),
        click.option(
            "--page-memory",
            type=click.IntRange(min=64),
            default=PAGE_MEMORY >> 20,
            show_default=True,
            metavar="MB",
            help="Memory (MiB) the work on the page may use.",
        ),
        click.option(
            "--repairs",
            type=click.Choice(["auto", "damage", "all"]),
            default="auto",
            show_default=True,
            help="damage: mend only what MediaWiki would render wrongly; all: also undo a "
            "rendering's traces (red-link `Template:X` text, hatnote lines, heading levels); "
            "auto: all for text dumps and saved HTML, damage for wikitext and XML dumps.",
        ),
        click.option(
            "--max-page-mb",
            type=click.FloatRange(min=0),
            default=10.0,
            show_default=True,
            help="A larger page fails at once as too large (0: no cap).",
        ),
        click.option(
            "--lang",
            "language",
            metavar="CODE",
            callback=_language_code,
            help="Interface language of rendered pages (es, ru, zh-hans, ...): its skin words "
            "are taken away. Default: detected per page.",
        ),
    ]

    @functools.wraps(command)
    def with_limits(
        *args,
        page_timeout: float,
        page_memory: int,
        max_page_mb: float,
        repairs: str,
        language: str | None,
        **kwargs,
    ):
        kwargs["limits"] = {
            "budget": Budget(page_timeout, page_memory << 20),
            "max_page_bytes": int(max_page_mb * (1 << 20)) or None,
            "repairs": repairs,
            "language": language,
        }
        return command(*args, **kwargs)

    for option in reversed(options):
        with_limits = option(with_limits)
    return with_limits


@cli.command("convert")
@click.argument("input_path", metavar="INPUT")
@click.option(
    "-o",
    "--output",
    metavar="OUT",
    help="Output file (a folder when the input holds several pages). Default: stdout.",
)
@click.option(
    "--to",
    "to",
    default="wikitext",
    show_default=True,
    metavar="FORMAT",
    type=click.Choice(list(WRITERS)),
    help="Output format; `wikirecover list` shows all.",
)
@click.option("--title", help="Page title (default: from the input or the file name).")
@click.option(
    "--link-pattern",
    metavar="PATTERN",
    help="Where internal links point, {title} replaced (HTML default: /wiki/{title}).",
)
@click.option(
    "--known-pages",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Titles of the pages that exist, one per line: links to others are red links.",
)
@click.option("--standalone", is_flag=True, help="A whole HTML document, not a fragment.")
@click.option(
    "--templates",
    "templates_path",
    metavar="DIR|DUMP",
    help="Template definitions: a folder of Name.wiki files or an XML dump's Template: pages.",
)
@click.option(
    "--unknown-templates",
    type=click.Choice(["placeholder", "keep", "drop"]),
    default="placeholder",
    show_default=True,
    help="Templates with no definition and no built-in: a visible placeholder, their source "
    "kept as is, or dropped (always reported).",
)
@click.option(
    "--link-style",
    type=click.Choice(["markdown", "obsidian"]),
    default="markdown",
    show_default=True,
    help="Markdown: internal links as [label](pattern) or Obsidian-style [[Title|label]].",
)
@click.option("--media-url", metavar="PATTERN", help="Markdown: image URL, {name} replaced.")
@click.option(
    "--verify",
    is_flag=True,
    help="Check that every word of the page is in the output; report any that is not.",
)
@click.option(
    "--no-repair",
    is_flag=True,
    help="Convert the page as it is, without the repair passes (for clean wikitext).",
)
@click.option(
    "--edit-links",
    metavar="PATTERN",
    help="HTML: an [edit] link after each heading to PATTERN ({title}, {section}), for a "
    "mirror that sends editors to the live wiki.",
)
@click.option(
    "--upstream",
    metavar="FILE",
    help="A healthy version of the page (any kind; an XML dump pairs pages by title): its "
    "markup is carried over onto the text both share, the input's own edits are kept.",
)
@click.option(
    "--review",
    "review_path",
    metavar="FILE.html",
    help="With --upstream and one page: an interactive page to keep or drop each piece of "
    "upstream markup carried over (the result as wikitext).",
)
@_input_options
def convert_command(
    input_path: str,
    output: str | None,
    to: str,
    title: str | None,
    link_pattern: str | None,
    known_pages: str | None,
    standalone: bool,
    templates_path: str | None,
    unknown_templates: str,
    link_style: str,
    media_url: str | None,
    verify: bool,
    no_repair: bool,
    edit_links: str | None,
    upstream: str | None,
    review_path: str | None,
    kind: str | None,
    rules: tuple[str, ...],
    report_path: str | None,
    verbose: bool,
    quiet: bool,
    limits: dict,
) -> None:
    """Recover or convert INPUT (a file, or - for stdin) of any kind into FORMAT."""
    try:
        extra = _export_options(
            link_pattern=link_pattern,
            known_pages=known_pages,
            standalone=standalone,
            templates_path=templates_path,
            unknown_templates=unknown_templates,
            link_style=link_style,
            media_url=media_url,
            verify=verify,
            edit_links=edit_links,
            no_repair=no_repair,
        )
        extra.update(limits)
        if review_path and not upstream:
            raise WikirecoverError("--review shows what --upstream carried over: give --upstream")
        results = _run(input_path, kind, rules, to, title, upstream, extra)
        _emit(results, output, to)
        if review_path:
            carried = results if to == "wikitext" else None
            _upstream_review(review_path, input_path, kind, rules, title, upstream, extra, carried)
    except WikirecoverError as exc:
        _fail(str(exc))
    _finish([r.document for r in results], report_path, verbose, quiet)


def _upstream_review(
    review_path: str,
    input_path: str,
    kind: str | None,
    rules: tuple[str, ...],
    title: str | None,
    upstream: str,
    extra: dict,
    carried: list[Converted] | None,
) -> None:
    """The review page of the markup ``upstream`` carried over onto one page (``carried``: the
    page converted to wikitext with it, when that is what was made already)."""
    from .review.page import review_page
    from .review.sources import from_upstream

    alone = _run(input_path, kind, rules, "wikitext", title, None, extra)
    if carried is None:
        carried = _run(input_path, kind, rules, "wikitext", title, upstream, extra)
    if len(alone) != 1 or alone[0].output is None or carried[0].output is None:
        raise WikirecoverError("--review needs one page that converts to wikitext", input_path)
    decisions = from_upstream(alone[0].output, carried[0].output)
    decisions.title = alone[0].document.title or Path(input_path).stem
    summary = [
        f"{len(decisions.choices)} pieces of markup carried over from {upstream}; each is kept "
        "unless you drop it."
    ]
    _write(review_path, review_page(decisions, f"Upstream review: {input_path}", summary))


def _run(
    input_path: str,
    kind: str | None,
    rules: tuple[str, ...],
    to: str,
    title: str | None,
    upstream: str | None = None,
    extra: dict | None = None,
) -> list[Converted]:
    options = Options(title=title, rules=Rules.load(rules), **(extra or {}))
    return convert(input_path, kind=kind, to=to, options=options, upstream=upstream)


def _export_options(
    *,
    known_pages: str | None,
    templates_path: str | None,
    no_repair: bool,
    **given,
) -> dict:
    """`Options` fields from the convert command's export options (files read here)."""
    extra = dict(given)
    if known_pages:
        try:
            lines = Path(known_pages).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise WikirecoverError(f"cannot read: {exc.strerror}", known_pages) from None
        extra["known_pages"] = frozenset(normalise_title(line) for line in lines if line.strip())
    if templates_path:
        from .pipeline import read
        from .templates import load_definitions

        extra["template_definitions"] = load_definitions(
            templates_path, lambda dump: read(dump, kind="xml")
        )
    if no_repair:
        extra["passes"] = ()
    return extra


def _emit(results: list[Converted], output: str | None, to: str) -> None:
    done = [r for r in results if r.output is not None]
    if len(results) == 1:
        if done:
            _write(output, done[0].output)
        return
    if to == "mediawiki-xml":  # many pages make one import file
        from .writers.mediawiki_xml import export_xml

        _write(output, export_xml([r.document for r in done]))
        return
    if not output:
        raise WikirecoverError(f"the input holds {len(results)} pages: give -o FOLDER")
    from .batch.names import NamePlanner, safe_component

    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    names = NamePlanner()  # batch's safe names: one flat file per page, never overwritten
    for number, result in enumerate(done):
        title = result.document.title or "page"
        name = names.path_for(str(number), Path(safe_component(title)), WRITERS[to].extension)
        _write(str(folder / name), result.output)


def _write(output: str | None, text: str | bytes) -> None:
    if isinstance(text, bytes):
        if output in (None, "-"):
            if sys.stdout.isatty():
                raise WikirecoverError("a binary format: give -o FILE")
            sys.stdout.buffer.write(text)
            sys.stdout.flush()
            return
        try:
            Path(output).write_bytes(text)
        except OSError as exc:
            raise WikirecoverError(f"cannot write: {exc.strerror}", output) from None
        return
    if output in (None, "-"):
        sys.stdout.write(text)
        if sys.stdout.isatty() and text and not text.endswith("\n"):
            sys.stdout.write("\n")  # keep the prompt and the summary off the last line
        sys.stdout.flush()
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise WikirecoverError(f"cannot write: {exc.strerror}", output) from None


def _finish(
    documents: list[Document],
    report_path: str | None,
    verbose: bool,
    quiet: bool,
    exit_on_failure: bool = True,
) -> None:
    if report_path:
        try:
            write_report(report_path, documents)
        except OSError as exc:
            _fail(f"{report_path}: cannot write report: {exc.strerror}")
    if not quiet:
        for doc in documents:
            click.echo(summary_line(doc), err=True)
            if verbose:
                for issue in doc.issues:
                    click.echo(issue_line(issue), err=True)
    if exit_on_failure and any(doc.failed or doc.fell_back for doc in documents):
        sys.exit(EXIT_PAGE_FAILED)


@cli.command("repair")
@click.argument("input_path", metavar="FILE")
@click.option(
    "-o", "--output", metavar="OUT", help="Write the repaired wikitext here (default: stdout)."
)
@click.option(
    "--check",
    is_flag=True,
    help="Only report: write nothing, exit 1 when anything would be repaired.",
)
@_input_options
def repair_command(
    input_path: str,
    output: str | None,
    check: bool,
    kind: str | None,
    rules: tuple[str, ...],
    report_path: str | None,
    verbose: bool,
    quiet: bool,
    limits: dict,
) -> None:
    """Repair damaged wikitext (or any input kind) and write it as wikitext."""
    try:
        results = _run(input_path, kind, rules, "wikitext", None, extra=limits)
        if not check:
            _emit(results, output, "wikitext")
    except WikirecoverError as exc:
        _fail(str(exc))
    docs = [r.document for r in results]
    if check:
        _finish(docs, report_path, True, quiet, exit_on_failure=False)
        repaired = any(doc.status is not Status.OK for doc in docs)
        sys.exit(EXIT_PROBLEMS if repaired else EXIT_OK)
    _finish(docs, report_path, verbose, quiet)


@cli.command("diff")
@click.argument("old_path", metavar="OLD")
@click.argument("new_path", metavar="NEW")
@click.option(
    "--format",
    "style",
    type=click.Choice(["unified", "words", "json", "html"]),
    default="unified",
    show_default=True,
    help="Unified lines, changed words in colour, JSON hunks, or a side-by-side HTML page.",
)
@click.option(
    "--from",
    "kind",
    type=click.Choice(sorted(READERS)),
    metavar="KIND",
    help="Input kind of both pages. Default: detected for each.",
)
@click.option(
    "--review",
    "review_path",
    metavar="FILE.html",
    help="An interactive page to keep NEW's or take OLD's text back, hunk by hunk.",
)
def diff_command(
    old_path: str, new_path: str, style: str, kind: str | None, review_path: str | None
) -> None:
    """Show how page NEW differs from page OLD (any input kinds, compared as wikitext).
    Exit 0 when they are the same, 1 when they differ."""
    from rich.console import Console

    from .align.diff import word_diff
    from .align.render import coloured_words, json_hunks, side_by_side, unified

    try:
        old, new = (_single_page(path, kind) for path in (old_path, new_path))
        if review_path:
            from .review.page import review_page
            from .review.sources import from_diff

            decisions = from_diff(old, new, Path(old_path).name, Path(new_path).name)
            decisions.title = Path(new_path).stem
            heading = f"Diff review: {old_path} -> {new_path}"
            _write(review_path, review_page(decisions, heading, []))
    except WikirecoverError as exc:
        _fail(str(exc))
    if style == "unified":
        sys.stdout.write(unified(old, new, old_path, new_path))
    elif style == "json":
        sys.stdout.write(json_hunks(word_diff(old, new), old_path, new_path) + "\n")
    elif style == "html":
        sys.stdout.write(side_by_side(word_diff(old, new), old_path, new_path))
    else:
        Console(highlight=False).print(coloured_words(word_diff(old, new)))
    sys.exit(EXIT_OK if old == new else EXIT_PROBLEMS)


def _single_page(path: str, kind: str | None) -> str:
    results = _run(path, kind, (), "wikitext", None)
    if len(results) != 1 or results[0].output is None:
        raise WikirecoverError("expected one page that converts to wikitext", path)
    return results[0].output


@cli.command("merge")
@click.argument("base_path", metavar="BASE")
@click.argument("ours_path", metavar="OURS")
@click.argument("theirs_path", metavar="THEIRS")
@click.option("-o", "--output", metavar="OUT", help="Merged wikitext here. Default: stdout.")
@click.option(
    "--prefer",
    type=click.Choice(["ours", "theirs"]),
    help="Resolve conflicts to this side instead of marking them (still listed).",
)
@click.option("--report", "report_path", metavar="FILE.json", help="Write the conflicts as JSON.")
@click.option("-v", "--verbose", is_flag=True, help="List every conflict on stderr.")
@click.option("-q", "--quiet", is_flag=True, help="No summary on stderr.")
def merge_command(
    base_path: str,
    ours_path: str,
    theirs_path: str,
    output: str | None,
    prefer: str | None,
    report_path: str | None,
    verbose: bool,
    quiet: bool,
) -> None:
    """Three-way merge: the changes BASE -> OURS and BASE -> THEIRS in one page (update a fork
    with upstream improvements, keeping its own edits). Pages of any kind; merged as wikitext,
    word by word. Conflicts are marked in the output (or resolved with --prefer) and listed.
    Exit 0 when clean, 1 when there were conflicts."""
    from .align.merge import merge3
    from .model import Severity, SourceInfo

    try:
        base, ours, theirs = (page_wikitext(p) for p in (base_path, ours_path, theirs_path))
        merged = merge3(base, ours, theirs, prefer)
        _write(output, merged.text)
    except WikirecoverError as exc:
        _fail(str(exc))
    doc = Document.from_wikitext(
        merged.text, SourceInfo(kind="wikitext", path=ours_path), title=Path(ours_path).stem
    )
    for conflict in merged.conflicts:
        doc.report(
            "merge-conflict",
            "both sides changed this differently"
            + (f"; resolved to {prefer}" if prefer else "; both versions kept between markers"),
            "align:merge",
            Severity.WARNING,
            f"ours: {conflict.ours} | theirs: {conflict.theirs}",
            conflict.line,
        )
    doc.report(
        "merged",
        f"{merged.from_ours} changes from ours, {merged.from_theirs} from theirs, "
        f"{merged.from_both} made on both sides, {len(merged.conflicts)} conflicts",
        "align:merge",
    )
    _finish([doc], report_path, verbose, quiet)
    sys.exit(EXIT_PROBLEMS if merged.conflicts else EXIT_OK)


@cli.command("restore")
@click.argument("current_path", metavar="[CURRENT]", required=False)
@click.option(
    "--history",
    "history_path",
    metavar="DUMP",
    help="The page's history (XML dump, .bz2/.gz/.xz/.lzma): bad revisions are its identity "
    "reverts and those given with --bad.",
)
@click.option("--title", help="The page of the history dump (default: its first page).")
@click.option("--bad", multiple=True, metavar="REV", help="A bad revision id (repeatable).")
@click.option("--undo", "undo_path", metavar="BAD", help="Undo the change BEFORE -> BAD ...")
@click.option("--before", "before_path", metavar="GOOD", help="... on CURRENT (with --undo).")
@click.option(
    "--good",
    "good_path",
    metavar="GOOD",
    help="Only a known-good revision: hunks judged by content.",
)
@click.option("-o", "--output", metavar="OUT", help="The restored page here. Default: stdout.")
@click.option("--report", "report_path", metavar="FILE.json", help="Every hunk, as JSON.")
@click.option(
    "--review",
    "review_path",
    metavar="FILE.html",
    help="An interactive review page: keep or revert each hunk, save the result or the decisions.",
)
@click.option(
    "--decisions",
    "decisions_path",
    metavar="FILE.json",
    help="The hunks and the tool's decisions, to edit and replay with --apply-decisions.",
)
@click.option(
    "--apply-decisions",
    "apply_path",
    metavar="FILE.json",
    help="Rebuild the page from decisions saved by a review page or --decisions (CURRENT, "
    "if given, must be the page they were made on).",
)
@click.option("-q", "--quiet", is_flag=True, help="No summary on stderr.")
def restore_command(
    current_path: str | None,
    history_path: str | None,
    title: str | None,
    bad: tuple[str, ...],
    undo_path: str | None,
    before_path: str | None,
    good_path: str | None,
    output: str | None,
    report_path: str | None,
    review_path: str | None,
    decisions_path: str | None,
    apply_path: str | None,
    quiet: bool,
) -> None:
    """Restore a vandalized page: revert the damage, keep the good edits. With --history,
    the hunks between the page (default: the history's latest revision) and the good revision
    it is nearest that repeat a bad revision's change are reverted; with --undo BAD --before
    GOOD, the change GOOD -> BAD is undone on CURRENT word by word; with --good GOOD, each hunk
    GOOD -> CURRENT is judged from its content; with CURRENT alone, suspicious paragraphs are
    reported and nothing is changed. Every restore is checked against what was asked. Exit 0
    when the restore is certain, 1 when some hunk is uncertain or the check found a problem (the
    page is still written), 2 for bad input. With --apply-decisions, the page a person decided
    hunk by hunk is written (exit 0)."""
    import json

    from .restore.request import RestoreRequest
    from .restore.review import from_restore, restore_review

    if apply_path:
        _apply_decisions(apply_path, current_path, output, quiet)
        return
    try:
        try:
            request = RestoreRequest(
                current_path, history_path, title, bad, undo_path, before_path, good_path
            )
            result = run_within(Budget(), request.run)
        except BudgetExceeded as exc:
            _fail(f"restore stopped: {exc.reason}", EXIT_PAGE_FAILED)
        _write(output, result.text)
        if report_path:
            _write(report_path, json.dumps(result.to_json(), ensure_ascii=False, indent=1) + "\n")
        given = current_path or "latest revision"
        if review_path:
            _write(review_path, restore_review(result, given))
        if decisions_path:
            chosen = from_restore(result, Path(given).name)
            decisions = json.dumps(chosen.to_json(), ensure_ascii=False)
            _write(decisions_path, decisions + "\n")
    except WikirecoverError as exc:
        _fail(str(exc))
    if not quiet:
        uncertain = sum(1 for h in result.hunks if not h.certain)
        click.echo(
            f"{len(result.reverted)} of {len(result.hunks)} hunks reverted, {uncertain} uncertain"
            f" (measured from {result.base})",
            err=True,
        )
        for note in [*result.problems, *result.notes]:
            click.echo(f"  {note}", err=True)
    sys.exit(EXIT_OK if result.certain else EXIT_PROBLEMS)


def _apply_decisions(path: str, current_path: str | None, output: str | None, quiet: bool) -> None:
    from .review.decisions import REVERT, Decisions

    try:
        decisions = Decisions.read(path)
        if current_path is not None and page_wikitext(current_path) != decisions.page:
            raise WikirecoverError(
                f"the decisions in {path} were made on another page", current_path
            )
        _write(output, decisions.result())
    except WikirecoverError as exc:
        _fail(str(exc))
    if not quiet:
        reverted = sum(1 for c in decisions.choices if c.decision == REVERT)
        changed = sum(1 for c in decisions.choices if c.preset and c.decision != c.preset)
        click.echo(
            f"{reverted} of {len(decisions.choices)} hunks reverted as decided "
            f"({changed} decided otherwise than the tool)",
            err=True,
        )
    sys.exit(EXIT_OK)


@cli.command("batch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", "out", required=True, metavar="FOLDER", help="Output folder.")
@click.option(
    "--to",
    default="wikitext",
    show_default=True,
    metavar="FORMAT",
    help="Output format; `wikirecover list` shows all.",
)
@JOBS_OPTION
@click.option("--include", multiple=True, metavar="GLOB", help="Only files matching (repeatable).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip files matching (repeatable).")
@click.option(
    "--revision",
    default="latest",
    show_default=True,
    metavar="latest|all|ID",
    help="Which revisions of a dump's pages.",
)
@click.option(
    "--report",
    "report_path",
    metavar="FILE.jsonl",
    help="One JSON record per page (default: FOLDER/wikirecover-report.jsonl).",
)
@PAGE_TIMEOUT_OPTION
@RULES_OPTION
@click.option(
    "--upstream",
    metavar="DIR|DUMP",
    help="Upstream pages (a folder of files named by title, or an XML dump), paired "
    "with the pages by title: see `convert --upstream`.",
)
@ENGINE_OPTIONS
@click.option("--no-repair", is_flag=True, help="Convert clean wikitext as it is.")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary.")
def batch_command(
    inputs: tuple[str, ...],
    out: str,
    to: str,
    workers: int,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    revision: str,
    report_path: str | None,
    page_timeout: float,
    rules: tuple[str, ...],
    upstream: str | None,
    engine: str,
    scheduler: str | None,
    no_repair: bool,
    quiet: bool,
) -> None:
    """Convert files, folders (recursively) and MediaWiki XML dumps (.xml, .bz2, .gz) into
    FOLDER, in parallel worker processes, each page under a time and memory budget. Rerunning
    the same command skips pages already done. Exit 0 when every page converted, 3 when some
    page failed (each is in the report)."""
    from .batch import run_batch, summary_table
    from .batch.progress import known_total, progress_reporter

    try:
        options = Options(rules=Rules.load(rules), passes=() if no_repair else None)
        get_writer(to)
        if (engine == "dask") != bool(scheduler):
            raise WikirecoverError("--engine dask and --scheduler ADDRESS go together")
        progress = (
            None if quiet else progress_reporter(known_total(inputs, include, exclude, Path(out)))
        )
        summary = run_batch(
            list(inputs),
            Path(out),
            to,
            options,
            workers=workers,
            include=include,
            exclude=exclude,
            revision=revision,
            report=Path(report_path) if report_path else None,
            page_seconds=page_timeout,
            upstream=upstream,
            scheduler=scheduler,
            progress=progress,
        )
    except WikirecoverError as exc:
        _fail(str(exc))
    if not quiet:
        click.echo(summary_table(summary), err=True)
    sys.exit(EXIT_PAGE_FAILED if summary.counts.get("FAILED") else EXIT_OK)


@cli.command("migrate")
@click.argument("dump", metavar="DUMP")
@click.option(
    "--to",
    "engine_name",
    required=True,
    type=click.Choice(["dokuwiki", "mkdocs", "obsidian", "html-site"]),
    help="The engine the wiki moves to.",
)
@click.option("-o", "--output", "out", required=True, metavar="FOLDER", help="Output folder.")
@click.option(
    "--media",
    metavar="DIR",
    help="The wiki's files (MediaWiki's images/ tree, or any folder holding them by name).",
)
@click.option(
    "--templates",
    "templates_path",
    metavar="DIR|DUMP",
    help="More template definitions (the dump's own Template: pages are used first).",
)
@click.option("--verify", is_flag=True, help="Check every page keeps its words (or says why).")
@JOBS_OPTION
@PAGE_TIMEOUT_OPTION
@RULES_OPTION
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary.")
def migrate_command(
    dump: str,
    engine_name: str,
    out: str,
    media: str | None,
    templates_path: str | None,
    verify: bool,
    workers: int,
    page_timeout: float,
    rules: tuple[str, ...],
    quiet: bool,
) -> None:
    """Move the wiki of an XML dump (.xml, .bz2, .gz; or the import file `site` and `batch`
    write) to another engine: a DokuWiki data folder, a MkDocs project, an Obsidian vault or a
    static HTML site in FOLDER. Links resolved against the whole wiki (redirects followed,
    section anchors in the engine's form), files copied from --media, templates expanded with
    the wiki's own; what is missing is listed in FOLDER/migrate-report.json. Exit 0, or 3 when
    some page failed."""
    from .batch.progress import known_total, progress_reporter
    from .migrate import migrate

    try:
        extra = _export_options(known_pages=None, templates_path=templates_path, no_repair=False)
        options = Options(rules=Rules.load(rules), verify=verify, **extra)
        if media and not Path(media).is_dir():
            raise WikirecoverError("--media: no such folder", media)
        progress = None if quiet else progress_reporter(known_total([dump], (), (), Path(out)))
        result = migrate(
            Path(dump),
            engine_name,
            Path(out),
            options,
            media=Path(media) if media else None,
            workers=workers,
            page_seconds=page_timeout,
            progress=progress,
        )
    except WikirecoverError as exc:
        _fail(str(exc))
    if not quiet:
        click.echo(result.summary(), err=True)
    sys.exit(EXIT_PAGE_FAILED if result.pages.counts.get("FAILED") else EXIT_OK)


@cli.command("site")
@click.argument("inputs", nargs=-1, required=True, metavar="ARCHIVE...")
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    metavar="OUT.xml|FOLDER",
    help="One MediaWiki import file (OUT.xml; the pages and the resume state go to "
    "OUT.parts/), or a folder: FOLDER/import.xml, FOLDER/pages/ and the reports.",
)
@JOBS_OPTION
@PAGE_TIMEOUT_OPTION
@RULES_OPTION
@ENGINE_OPTIONS
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary.")
def site_command(
    inputs: tuple[str, ...],
    out: str,
    workers: int,
    page_timeout: float,
    rules: tuple[str, ...],
    engine: str,
    scheduler: str | None,
    quiet: bool,
) -> None:
    """Recover a whole wiki from web archives: WARC/ARC files (.warc, .warc.gz, .arc.gz), WACZ,
    folders mirrored by wget or HTTrack, folders of pages saved from the Wayback Machine. Each
    title once, from its best capture (exact wikitext of the newest revision first; newer
    rendered HTML given an older capture's markup); redirects, talk and other namespaces kept;
    special pages, histories, skin files and errors counted, never imported. Writes one import
    file and a JSON and HTML report (per title, every capture and what it was used for; the
    linked titles no capture holds). Rerunning resumes. Exit 0 when every page recovered, 3
    when some page failed, 1 when the archives hold no page at all."""
    from .batch.progress import progress_reporter
    from .site import run_site
    from .site.identify import USABLE

    target = Path(out)
    if target.suffix.lower() == ".xml":
        folder, import_path = target.with_name(target.name[:-4] + ".parts"), target
        report_base = target.with_name(target.name[:-4] + ".report")
    else:
        folder, import_path, report_base = target, target / "import.xml", target / "site-report"
    try:
        options = Options(rules=Rules.load(rules))
        if (engine == "dask") != bool(scheduler):
            raise WikirecoverError("--engine dask and --scheduler ADDRESS go together")
        reporters: list = []

        def planned(count: int) -> None:
            if not quiet:
                reporters.append(progress_reporter(count))

        def progress(summary, outcome) -> None:
            if reporters:
                reporters[0](summary, outcome)

        folder.mkdir(parents=True, exist_ok=True)
        shown = [0.0]

        def scanning(run, origin: str) -> None:
            now = time.monotonic()
            if quiet or not sys.stderr.isatty() or now - shown[0] < 0.5:
                return
            shown[0] = now
            where = origin.rsplit("@", 1)
            at = f", at byte {int(where[1]):,} of {where[0]}" if len(where) == 2 else ""
            click.echo(f"\rscanning: {run.captures} captures{at} ", nl=False, err=True)

        run = run_site(
            list(inputs),
            folder,
            import_path,
            options,
            workers=workers,
            page_seconds=page_timeout,
            scheduler=scheduler,
            progress=progress,
            on_planned=planned,
            report_base=report_base,
            scanning=scanning,
        )
    except WikirecoverError as exc:
        _fail(str(exc))
    summary = run.summary
    if not quiet:
        counts = "  ".join(f"{k} {v}" for k, v in sorted(summary.counts.items()))
        not_pages = sum(n for kind, n in run.by_kind.items() if kind not in USABLE)
        click.echo(
            f"\n{len(run.plans)} titles from {run.captures} captures ({not_pages} not pages, "
            f"{run.duplicates} duplicates); {counts}\n"
            f"  {len(run.lost)} titles the wiki had are in no capture; "
            f"{len(run.damage)} damaged records\n"
            f"  archives {run.archive_bytes / 1e6:.1f} MB read in {run.read_seconds:.1f} s, "
            f"pages recovered in {summary.seconds:.1f} s\n"
            f"  import file: {import_path}\n  report: {report_base}.html, {report_base}.json",
            err=True,
        )
    if not run.plans:
        click.echo(
            "wikirecover: no page of a MediaWiki wiki was found in the archives "
            f"({run.captures} captures, {len(run.damage)} damaged records)",
            err=True,
        )
        sys.exit(EXIT_PROBLEMS)
    sys.exit(EXIT_PAGE_FAILED if summary.counts.get("FAILED") else EXIT_OK)


@cli.command("list")
def list_command() -> None:
    """List every reader, repair pass and writer with its one-line help."""
    last = None
    for kind, name, help_text in iter_components():
        if kind != last:
            click.echo(f"{kind}s:" if last is None else f"\n{kind}s:")
            last = kind
        click.echo(f"  {name:16s} {help_text}")


def main() -> None:
    try:
        cli.main(prog_name="wikirecover", standalone_mode=True)
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        sys.exit(0)
