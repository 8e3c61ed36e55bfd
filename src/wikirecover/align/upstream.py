"""A recovered page meets its upstream: pair them, transfer markup, merge categories, report.

The stage after the repair passes when the user gives ``--upstream``: the upstream (a Wikipedia
article, an older dump, the last good revision; any input kind) supplies the markup the dump
lost, the dump supplies the text as the fork last had it. See `transfer` for how.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Document, Severity, shorten
from ..options import Options
from ..parsing import parse_wikitext
from ..titles import page_name
from .transfer import LOCAL, transfer

COMPONENT = "align:upstream"


def hinted_options(options: Options, upstream: list[Document]) -> Options:
    """Options whose rules know the upstream's template names, so that a dump's red-link text
    (`Template:Infobox officeholder Harry ...`) ends where the real name ends."""
    names = {page_name(str(t.name)) for doc in upstream for t in doc.wikicode.filter_templates()}
    names = {n for n in names if n and ":" not in n and "{" not in n}
    known = tuple(sorted(set(options.rules.known_templates) | names, key=len, reverse=True))
    return replace(options, rules=replace(options.rules, known_templates=known))


def pair(doc: Document, upstream: list[Document]) -> Document | None:
    """The upstream page for ``doc``: the one with its title, or the only one there is."""
    if len(upstream) == 1:
        return upstream[0]
    wanted = page_name(doc.title)
    for candidate in upstream:
        if page_name(candidate.title) == wanted:
            return candidate
    return None


def restore_from_upstream(doc: Document, upstream: Document, options: Options) -> None:
    """Rewrite ``doc`` as the upstream's wikitext carrying ``doc``'s own edits."""
    result = transfer(upstream.text, doc.text, options.rules, upstream.wikicode, doc.wikicode)
    local_categories = _categories(doc, options)
    merged = parse_wikitext(result.wikitext)
    kept = restored = 0
    for decision in result.decisions:
        if decision.kept == LOCAL:
            kept += 1
            alternative = shorten(decision.upstream, 80)
            doc.report(
                "local-edit-kept",
                f"{decision.reason}: kept the page's text"
                + (f"; upstream had: {alternative}" if decision.upstream else ""),
                COMPONENT,
                Severity.GUESS if decision.upstream and decision.local else Severity.INFO,
                decision.local or decision.upstream,
            )
        else:
            restored += 1
            doc.report(
                "upstream-kept",
                f"kept the upstream's text: {decision.reason}",
                COMPONENT,
                Severity.GUESS,
                decision.upstream,
            )
    doc.wikicode = merged
    upstream_categories = _categories(upstream, options) or []
    if local_categories and (
        not upstream_categories or set(local_categories) & set(upstream_categories)
    ):
        _merge_categories(doc, local_categories, options)
    elif local_categories:
        doc.report(
            "local-categories-ignored",
            f"the page's categories ({', '.join(local_categories)}) share none with the "
            "upstream's: not taken as the page's category footer; the upstream's are kept",
            COMPONENT,
            Severity.WARNING,
        )
    doc.report(
        "upstream-aligned",
        f"aligned with the upstream {upstream.source.path}: {kept} local differences kept, "
        f"{restored} upstream stretches kept where the dump could not show them",
        COMPONENT,
    )


def _categories(doc: Document, options: Options) -> list[str] | None:
    """The page's own category names, or None when the dump showed no category footer."""
    names = [
        page_name(str(link.title).split(":", 1)[1])
        for link in doc.wikicode.filter_wikilinks()
        if _is_category(str(link.title), options)
    ]
    return names or None


def _is_category(title: str, options: Options) -> bool:
    namespace = title.split(":", 1)[0].strip().casefold() if ":" in title else ""
    return namespace in {ns.casefold() for ns in options.rules.category_namespaces}


def _merge_categories(doc: Document, local: list[str], options: Options) -> None:
    """The dump's category footer is the fork's own: upstream categories it lacks go, its own
    extra categories come in."""
    wanted = set(local)
    present = set()
    for link in doc.wikicode.filter_wikilinks():
        title = str(link.title)
        if not _is_category(title, options):
            continue
        name = page_name(title.split(":", 1)[1])
        present.add(name)
        if name not in wanted:
            doc.wikicode.remove(link)
            doc.report(
                "upstream-category-dropped",
                f"upstream category {name!r} is not on the page",
                COMPONENT,
                Severity.GUESS,
            )
    extra = [name for name in local if name not in present]
    if extra:
        text = doc.text.rstrip("\n") + "\n" + "\n".join(f"[[Category:{n}]]" for n in extra) + "\n"
        doc.wikicode = parse_wikitext(text)
        for name in extra:
            doc.report(
                "local-category-kept",
                f"category {name!r} is the page's own (not in the upstream)",
                COMPONENT,
            )
