"""Citation templates as formatted citations, and the reference-list and footnote templates."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..builtin import Params, _get, _positional, builtin

if TYPE_CHECKING:
    from ..expand import Expander

CITATIONS = (
    "cite web",
    "cite news",
    "cite book",
    "cite journal",
    "cite magazine",
    "cite encyclopedia",
    "cite report",
    "cite press release",
    "citation",
    "cite av media",
    "cite thesis",
    "cite conference",
    "cite interview",
    "cite episode",
    "cite map",
    "cite tweet",
    "cite video game",
    "cite speech",
    "cite document",
)


@builtin(*CITATIONS)
def citation(params: Params, expander: Expander) -> str:
    parts = []
    authors = _authors(params)
    date = _get(params, "date", "year")
    if authors:
        parts.append(authors + (f" ({date})" if date else "") + ".")
    title = _get(params, "title", "chapter", "script-title")
    url = _get(params, "url", "chapter-url", "chapterurl")
    if title:
        quoted = f'"[{url} {title}]"' if url.startswith(("http", "//")) else f'"{title}"'
        if _get(params, "work", "website", "newspaper", "journal", "magazine", "periodical"):
            parts.append(quoted + ".")
        else:
            parts.append(f"''{quoted.strip(chr(34))}''." if not url else quoted + ".")
    work = _get(
        params, "work", "website", "newspaper", "journal", "magazine", "periodical", "encyclopedia"
    )
    if work:
        volume, issue = _get(params, "volume"), _get(params, "issue", "number")
        page, pages = _get(params, "page", "p"), _get(params, "pages", "pp")
        detail = (f" {volume}" if volume else "") + (f" ({issue})" if issue else "")
        detail += f": {page or pages}" if (page or pages) and (volume or issue) else ""
        detail += (
            (f", p. {page}" if page else f", pp. {pages}" if pages else "")
            if not (volume or issue)
            else ""
        )
        parts.append(f"''{work}''{detail}.")
    for key in ("edition", "location", "publisher"):
        if _get(params, key):
            parts.append(
                _get(params, key)
                + ("" if key == "location" else ".")
                + (":" if key == "location" else "")
            )
    if date and not authors:
        parts.append(f"{date}.")
    for key, label in (("isbn", "ISBN "), ("doi", "doi:"), ("issn", "ISSN "), ("pmid", "PMID ")):
        if _get(params, key, key.upper()):
            parts.append(f"{label}{_get(params, key, key.upper())}.")
    accessed = _get(params, "access-date", "accessdate")
    archive = _get(params, "archive-url", "archiveurl")
    if archive:
        when = _get(params, "archive-date", "archivedate")
        parts.append(f"[{archive} Archived] from the original" + (f" on {when}." if when else "."))
    if accessed:
        parts.append(f"Retrieved {accessed}.")
    if _get(params, "quote"):
        parts.append(f'"{_get(params, "quote")}"')
    return " ".join(parts) or _get(params, "url")


# The parameters of the n-th author's last and first names ("" and 1 to 9), made once.
_AUTHOR_KEYS = [
    (
        n,
        (f"last{n}", f"surname{n}", f"author{n}-last", f"author{n}"),
        (f"first{n}", f"given{n}", f"author{n}-first"),
    )
    for n in ["", *map(str, range(1, 10))]
]


def _authors(params: Params) -> str:
    names = []
    for n, last_keys, first_keys in _AUTHOR_KEYS:
        last = _get(params, *last_keys)
        if n == "1":
            last = last or _get(params, "last", "author", "authors")
        first = _get(params, *first_keys)
        if last and (not names or n):
            names.append(f"{last}, {first}" if first else last)
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return "; ".join(seen)


@builtin(
    "reflist",
    "references",
    "refs",
    "reference list",
    "notelist",
    "notes",
    "reflist-talk",
    # the larger Wikipedias' own reference lists (fr, es, pt, pl, ru, uk, nl, ltg)
    "références",
    "références nombreuses",
    "listaref",
    "referencias",
    "referências",
    "przypisy",
    "примечания",
    "примітки",
    "referenties",
    "nūruodis",
)
def reflist(params: Params, expander: Expander) -> str:
    group = params.get("group", "").strip()
    if params.get("refs", "").strip():
        body = params["refs"]
        return (
            f'<references group="{group}">{body}</references>'
            if group
            else (f"<references>{body}</references>")
        )
    return f'<references group="{group}" />' if group else "<references />"


@builtin("efn", "efn-ua", "efn-lr", "refn", "notetag")
def footnote(params: Params, expander: Expander) -> str:
    text = _get(params, "1", "text")
    group = params.get("group", "").strip()
    name = params.get("name", "").strip()
    attributes = (f' name="{name}"' if name else "") + (f' group="{group}"' if group else "")
    return f"<ref{attributes}>{text}</ref>"


def _harvard_text(params: Params) -> str:
    values = _positional(params)
    year = next((v for v in values if re.fullmatch(r"\d{4}[a-z]?|n\.d\.", v)), "")
    authors = [v for v in values if v != year][:4]
    who = " & ".join(authors) if len(authors) < 3 else f"{authors[0]} et al."
    page, pages = _get(params, "p", "page"), _get(params, "pp", "pages")
    where = f", p. {page}" if page else (f", pp. {pages}" if pages else "")
    return f"{who} {year}{where}".strip()


@builtin("harvnb", "harv", "harvtxt", "harvp")
def harvard(params: Params, expander: Expander) -> str:
    return _harvard_text(params)


@builtin("sfn", "sfnp")
def short_footnote(params: Params, expander: Expander) -> str:
    text = _harvard_text(params)
    return f'<ref name="{text}">{text}.</ref>'
