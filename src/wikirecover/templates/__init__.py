"""Templates resolved before any writer sees the page: definitions, built-ins, a policy.

`resolve(doc, options)` returns the page's tree with every template expanded that can be (the
user's definitions first, then the built-in library), the others handled by
``options.unknown_templates`` (a visible placeholder by default), and every one of them reported.
The document itself is not changed: the wikitext writer still writes the page as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from mwparserfromhell.wikicode import Wikicode

from ..errors import InputError
from ..model import Document, Severity
from ..namespaces import TEMPLATE
from ..options import Options
from ..parsing import parse_wikitext
from .builtin import lookup
from .expand import Expander, normalise_name, undo_expansion

COMPONENT = "templates"


@contextmanager
def resolved(doc: Document, options: Options) -> Iterator[Wikicode]:
    """The page's tree with its templates resolved, for the duration of the block (the tree is
    edited in place and put back after: cheaper than a copy)."""
    expander = _expander(doc, options)
    undo = expander.expand_page(doc.wikicode)
    try:
        _report(doc, options, expander)
        yield doc.wikicode
    finally:
        undo_expansion(undo)


def resolve(doc: Document, options: Options) -> Wikicode:
    """A resolved copy of the page's tree (see `resolved`)."""
    with resolved(doc, options) as code:
        return parse_wikitext(str(code))


def _expander(doc: Document, options: Options) -> Expander:
    return Expander(
        definitions=options.template_definitions or {},
        builtins=lookup,
        page_title=doc.title or "",
        unknown=options.unknown_templates,
    )


def _report(doc: Document, options: Options, expander: Expander) -> None:
    for name, count in sorted(expander.expanded.items()):
        doc.report(
            "template-expanded",
            f"{{{{{name}}}}} expanded from its definition ({count}x)",
            COMPONENT,
        )
    for name, count in sorted(expander.builtin_used.items()):
        doc.report(
            "template-builtin",
            f"{{{{{name}}}}} rendered by the built-in library ({count}x)",
            COMPONENT,
        )
    for what, count in sorted(expander.dropped.items()):
        doc.report(
            "template-dropped",
            f"{what} ({count}x)",
            COMPONENT,
            Severity.INFO,
            dropped="\n".join(expander.dropped_text.get(what, ())),
        )
    policy = {
        "placeholder": "shown as a placeholder",
        "keep": "kept as its source",
        "drop": "dropped",
    }[options.unknown_templates]
    for name, count in sorted(expander.left.items()):
        doc.report(
            "template-unknown",
            f"{{{{{name}}}}} has no definition: {policy} ({count}x)",
            COMPONENT,
            Severity.WARNING,
            name,
        )
    for name, count in sorted(expander.over_budget.items()):
        doc.report(
            "template-budget",
            f"{{{{{name}}}}} not expanded: depth or size budget reached ({count}x)",
            COMPONENT,
            Severity.WARNING,
        )


def load_definitions(
    path: str | Path, read_dump: Callable[[Path], Iterable[Document]] | None = None
) -> dict[str, str]:
    """Template definitions from a folder of `Name.wiki` files or an XML dump's Template:
    pages (any language's name for the namespace), by normalised name. ``read_dump`` reads a
    dump's pages (the CLI gives `pipeline.read`; by default, the XML reader on the file as
    UTF-8)."""
    path = Path(path)
    if path.is_dir():
        return {
            normalise_name(file.stem.replace("_", " ")): file.read_text(encoding="utf-8")
            for file in sorted(path.glob("*.wiki"))
        }
    if path.is_file():
        definitions = {}
        for doc in (read_dump or _read_dump)(path):
            if doc.namespaces.split(doc.title)[0] == TEMPLATE:
                definitions[normalise_name(doc.title)] = doc.text
        return definitions
    raise InputError("no such file or folder", str(path))


def _read_dump(path: Path) -> Iterable[Document]:
    from ..model import SourceInfo
    from ..readers.xml_export import read_xml_export

    text = path.read_text(encoding="utf-8", errors="replace")
    return read_xml_export(text, SourceInfo(kind="xml", path=str(path)), Options())
