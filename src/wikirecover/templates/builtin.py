"""The built-in template library: what the templates real pages use most print, as wikitext.

Citation templates become formatted citations, hatnotes their sentence, `convert` its two
quantities, dates their text, infoboxes a key/value table; decorations (flag icons) and
navigation boxes are dropped with a note. A user's own definition of a template
(``--templates``) always wins over these.
"""

from __future__ import annotations

import calendar
import datetime
import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .expand import Expander

Params = dict[str, str]
BUILTINS: dict[str, Callable[[Params, Expander], str | None]] = {}


def builtin(*names: str):
    def register(function):
        for name in names:
            BUILTINS[name.casefold()] = function
        return function

    return register


def _get(params: Params, *keys: str) -> str:
    for key in keys:
        value = params.get(key, "").strip()
        if value:
            return value
    return ""


def _positional(params: Params) -> list[str]:
    values = []
    n = 1
    while str(n) in params:
        values.append(params[str(n)].strip())
        n += 1
    return [v for v in values if v]


# --- citations ------------------------------------------------------------------------------

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


def _authors(params: Params) -> str:
    names = []
    for n in ["", *map(str, range(1, 10))]:
        last = _get(params, f"last{n}", f"surname{n}", f"author{n}-last", f"author{n}")
        if n == "1":
            last = last or _get(params, "last", "author", "authors")
        first = _get(params, f"first{n}", f"given{n}", f"author{n}-first")
        if last and (not names or n):
            names.append(f"{last}, {first}" if first else last)
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return "; ".join(seen)


# --- hatnotes and quotations ----------------------------------------------------------------


def _links(targets: list[str]) -> str:
    links = [f"[[{t}]]" for t in targets]
    return links[0] if len(links) == 1 else ", ".join(links[:-1]) + " and " + links[-1]


def _hatnote(label: str, plural: str) -> Callable[[Params, Expander], str | None]:
    def render(params: Params, expander: Expander) -> str | None:
        targets = _positional(params) or [expander.page_title]
        word = plural if len(targets) > 1 else label
        return f"<div class=\"hatnote\">''{word}: {_links(targets)}''</div>"

    return render


BUILTINS["main"] = _hatnote("Main article", "Main articles")
BUILTINS["see also"] = _hatnote("See also", "See also")
BUILTINS["further"] = _hatnote("Further information", "Further information")
BUILTINS["details"] = _hatnote("For more details on this topic, see", "For more details, see")


@builtin("about")
def about(params: Params, expander: Expander) -> str:
    values = [params.get(str(n), "").strip() for n in range(1, 4)]
    text = (
        f"This article is about {values[0]}." if values[0] else "This article is about the subject."
    )
    if values[1] or values[2]:
        target = values[2] or f"{expander.page_title} (disambiguation)"
        text += f" For {values[1] or 'other uses'}, see [[{target}]]."
    return f"<div class=\"hatnote\">''{text}''</div>"


@builtin("for")
def for_hatnote(params: Params, expander: Expander) -> str:
    what = params.get("1", "").strip() or "other uses"
    targets = [params[k].strip() for k in ("2", "3", "4") if params.get(k, "").strip()]
    targets = targets or [f"{expander.page_title} (disambiguation)"]
    return f"<div class=\"hatnote\">''For {what}, see {_links(targets)}.''</div>"


@builtin("quote", "blockquote", "quotation", "cquote")
def quote(params: Params, expander: Expander) -> str:
    text = _get(params, "text", "quote", "1")
    source = ", ".join(
        v for v in (_get(params, "author", "sign", "2"), _get(params, "source", "title", "3")) if v
    )
    return f"<blockquote>{text}" + (f"<br />— {source}" if source else "") + "</blockquote>"


# --- reference lists and notes --------------------------------------------------------------


@builtin("reflist", "references", "refs", "reference list", "notelist", "notes", "reflist-talk")
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


# --- inline formatting ----------------------------------------------------------------------

LANGUAGES = {
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "ru": "Russian",
    "ja": "Japanese",
    "zh": "Chinese",
    "ar": "Arabic",
    "la": "Latin",
    "el": "Greek",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "he": "Hebrew",
    "fa": "Persian",
    "tr": "Turkish",
    "ko": "Korean",
    "hi": "Hindi",
    "sv": "Swedish",
    "kk": "Kazakh",
    "uk": "Ukrainian",
    "cs": "Czech",
    "ga": "Irish",
    "cy": "Welsh",
    "grc": "Ancient Greek",
}


@builtin("lang")
def lang(params: Params, expander: Expander) -> str:
    return f'<span lang="{params.get("1", "").strip()}">{params.get("2", "").strip()}</span>'


def lang_x(code: str) -> Callable[[Params, Expander], str]:
    def render(params: Params, expander: Expander) -> str:
        text = params.get("1", "").strip()
        return f"{LANGUAGES.get(code, code)}: <span lang=\"{code}\">''{text}''</span>"

    return render


for _code in LANGUAGES:
    BUILTINS[f"lang-{_code}"] = lang_x(_code)


@builtin("nihongo")
def nihongo(params: Params, expander: Expander) -> str:
    english, kanji, romaji = (params.get(k, "").strip() for k in ("1", "2", "3"))
    inside = ", ".join(v for v in (kanji, f"''{romaji}''" if romaji else "") if v)
    return f"{english} ({inside})" if inside else english


@builtin("nowrap", "nobr")
def nowrap(params: Params, expander: Expander) -> str:
    return f'<span style="white-space:nowrap">{params.get("1", "")}</span>'


@builtin("small")
def small(params: Params, expander: Expander) -> str:
    return f"<small>{params.get('1', '')}</small>"


@builtin("nbsp")
def nbsp(params: Params, expander: Expander) -> str:
    count = params.get("1", "1").strip()
    return "&nbsp;" * (int(count) if count.isdigit() and int(count) < 50 else 1)


@builtin("abbr")
def abbr(params: Params, expander: Expander) -> str:
    return f'<abbr title="{params.get("2", "").strip()}">{params.get("1", "").strip()}</abbr>'


@builtin("sic")
def sic(params: Params, expander: Expander) -> str:
    text = "".join(params.get(k, "") for k in ("1", "2"))
    return f"{text} [''sic'']"


BUILTINS["ndash"] = lambda params, expander: "–"
BUILTINS["mdash"] = lambda params, expander: "—"
BUILTINS["spaced ndash"] = lambda params, expander: "&nbsp;– "
BUILTINS["snd"] = BUILTINS["spaced ndash"]
BUILTINS["'"] = lambda params, expander: "'"


@builtin("citation needed", "cn", "fact", "citation-needed")
def citation_needed(params: Params, expander: Expander) -> str:
    return "<sup>[''citation needed'']</sup>"


@builtin("dead link")
def dead_link(params: Params, expander: Expander) -> str:
    return "<sup>[''dead link'']</sup>"


@builtin(
    "clarify",
    "when",
    "who",
    "which",
    "according to whom",
    "by whom",
    "vague",
    "page needed",
    "better source",
    "verify source",
    "full citation needed",
)
def inline_tag(params: Params, expander: Expander) -> str:
    return "<sup>[''clarification needed'']</sup>"


# --- dates and quantities -------------------------------------------------------------------


def _date(params: Params, offset: int = 0) -> datetime.date | None:
    try:
        year = int(params.get(str(1 + offset), "").strip())
        month = int(params.get(str(2 + offset), "1").strip() or 1)
        day = int(params.get(str(3 + offset), "1").strip() or 1)
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _format_date(date: datetime.date, params: Params) -> str:
    month = calendar.month_name[date.month]
    if params.get("df", "").strip().lower() in ("y", "yes", "1") or (
        params.get("mf") is None and (params.get("df") is not None)
    ):
        return f"{date.day} {month} {date.year}"
    return f"{month} {date.day}, {date.year}"


def _age(born: datetime.date, at: datetime.date) -> int:
    return at.year - born.year - ((at.month, at.day) < (born.month, born.day))


@builtin("birth date", "death date", "start date", "end date", "dob", "release date")
def date(params: Params, expander: Expander) -> str | None:
    value = _date(params)
    return _format_date(value, params) if value else None


@builtin("birth date and age", "bda")
def birth_date_and_age(params: Params, expander: Expander) -> str | None:
    born = _date(params)
    if born is None:
        return None
    return f"{_format_date(born, params)} (age&nbsp;{_age(born, datetime.date.today())})"


@builtin("death date and age", "dda")
def death_date_and_age(params: Params, expander: Expander) -> str | None:
    died, born = _date(params), _date(params, 3)
    if died is None or born is None:
        return None
    return f"{_format_date(died, params)} (aged&nbsp;{_age(born, died)})"


# (symbol, name, factor to the base unit, the unit it converts to by default)
UNITS = {
    "km": ("km", "kilometres", 1000.0, "mi"),
    "m": ("m", "metres", 1.0, "ft"),
    "cm": ("cm", "centimetres", 0.01, "in"),
    "mm": ("mm", "millimetres", 0.001, "in"),
    "mi": ("mi", "miles", 1609.344, "km"),
    "ft": ("ft", "feet", 0.3048, "m"),
    "in": ("in", "inches", 0.0254, "cm"),
    "yd": ("yd", "yards", 0.9144, "m"),
    "kg": ("kg", "kilograms", 1.0, "lb"),
    "lb": ("lb", "pounds", 0.45359237, "kg"),
    "t": ("t", "tonnes", 1000.0, "LT"),
    "g": ("g", "grams", 0.001, "oz"),
    "oz": ("oz", "ounces", 0.028349523125, "g"),
    "km2": ("km<sup>2</sup>", "square kilometres", 1e6, "sqmi"),
    "sqmi": ("sq&nbsp;mi", "square miles", 2589988.110336, "km2"),
    "ha": ("ha", "hectares", 1e4, "acre"),
    "acre": ("acres", "acres", 4046.8564224, "ha"),
    "m2": ("m<sup>2</sup>", "square metres", 1.0, "sqft"),
    "sqft": ("sq&nbsp;ft", "square feet", 0.09290304, "m2"),
    "km/h": ("km/h", "kilometres per hour", 1 / 3.6, "mph"),
    "mph": ("mph", "miles per hour", 0.44704, "km/h"),
    "l": ("L", "litres", 1.0, "impgal"),
    "L": ("L", "litres", 1.0, "impgal"),
    "impgal": ("imp&nbsp;gal", "imperial gallons", 4.54609, "L"),
    "usgal": ("US&nbsp;gal", "US gallons", 3.785411784, "L"),
    "LT": ("long tons", "long tons", 1016.0469088, "t"),
}
_KINDS = [
    {"km", "m", "cm", "mm", "mi", "ft", "in", "yd"},
    {"kg", "lb", "t", "g", "oz", "LT"},
    {"km2", "sqmi", "ha", "acre", "m2", "sqft"},
    {"km/h", "mph"},
    {"l", "L", "impgal", "usgal"},
]


@builtin("convert", "cvt")
def convert(params: Params, expander: Expander) -> str | None:
    values = [params.get(str(n), "").strip() for n in range(1, 6)]
    try:
        amount = float(values[0].replace(",", ""))
    except ValueError:
        return None
    unit, target = values[1], values[2]
    if unit in ("to", "-", "and", "by"):  # ranges: {{convert|1|to|2|km}}
        return None
    if unit in ("C", "F"):
        other = amount * 9 / 5 + 32 if unit == "C" else (amount - 32) * 5 / 9
        other_unit = "F" if unit == "C" else "C"
        return f"{values[0]}&nbsp;°{unit} ({_round(other, values[0])}&nbsp;°{other_unit})"
    if unit not in UNITS:
        return None
    symbol, name, factor, default = UNITS[unit]
    target = target if target in UNITS else default
    if not any(unit in k and target in k for k in _KINDS):
        return None
    other = amount * factor / UNITS[target][2]
    abbreviated = params.get("abbr", "").strip() == "on" or expander is None
    shown = symbol if abbreviated else name
    return f"{values[0]}&nbsp;{shown} ({_round(other, values[0])}&nbsp;{UNITS[target][0]})"


def _round(value: float, like: str) -> str:
    """``value`` to about the precision of the input ``like`` (two significant figures at least,
    as Wikipedia's convert does: 5 km is 3.1 mi, 100 km is 62 mi, 1.5 km is 0.93 mi)."""
    if value == 0:
        return "0"
    digits = re.sub(r"[^0-9]", "", like)
    if "." not in like:
        digits = digits.rstrip("0")
    significant = max(2, min(4, len(digits.lstrip("0"))))
    decimals = max(0, significant - 1 - math.floor(math.log10(abs(value))))
    return f"{round(value, decimals):,.{decimals}f}"


# --- boxes, decorations, navigation ---------------------------------------------------------


def infobox(params: Params, expander: Expander, name: str = "") -> str:
    rows = []
    title = _get(params, "name", "title") or expander.page_title
    for key, value in params.items():
        if not value.strip() or key in ("name", "title") or key.isdigit():
            continue
        label = key.replace("_", " ").strip().capitalize()
        if key.startswith(("image", "logo", "map")) and "[[" not in value and "{{" not in value:
            value = f"[[File:{value.strip()}|frameless]]"
        rows.append(f"|-\n! {label}\n| {value.strip()}")
    caption = f"|+ {title}\n" if title else ""
    return '{| class="infobox"\n' + caption + "\n".join(rows) + "\n|}"


def decoration(params: Params, expander: Expander) -> str:
    return expander.drop("flag icon", "a decoration with no text")


def navigation(params: Params, expander: Expander) -> str:
    return expander.drop("navigation box", "links to related pages, not the page's content")


for _name in ("flagicon", "flag icon", "flagdeco", "flagicon image", "country flag"):
    BUILTINS[_name] = decoration
for _name in (
    "navbox",
    "sidebar",
    "portal",
    "authority control",
    "succession box",
    "s-start",
    "s-end",
    "s-bef",
    "s-aft",
    "s-ttl",
    "navboxes",
    "portal bar",
    "clear",
    "clear left",
    "clear right",
    "stack",
    "commons category",
    "wiktionary",
    "wikiquote",
    "pp-protected",
    "pp-semi",
    "use dmy dates",
    "use mdy dates",
    "use british english",
    "short description",
    "good article",
    "featured article",
    "coord missing",
    "italic title",
    "lowercase title",
    "toc limit",
    "toc right",
):
    BUILTINS[_name] = navigation


@builtin("flag", "flagcountry", "flagu")
def flag(params: Params, expander: Expander) -> str:
    country = params.get("1", "").strip()
    return f"[[{country}]]" if country else ""


def lookup(name: str) -> Callable[[Params, Expander], str | None] | None:
    """A built-in for ``name``, including the families named by prefix (infoboxes, navboxes)."""
    key = name.casefold()
    if key in BUILTINS:
        return BUILTINS[key]
    if key.startswith("infobox"):
        return lambda params, expander: infobox(params, expander, name)
    if key.endswith((" navbox", " sidebar", " topics", " portal")) or key.startswith("navbox"):
        return navigation
    return None
