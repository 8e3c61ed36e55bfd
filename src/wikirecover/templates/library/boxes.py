"""Infoboxes as key/value tables; decorations and navigation boxes dropped with a note."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..builtin import BUILTINS, Params, _get, builtin

if TYPE_CHECKING:
    from ..expand import Expander


# a file's name as an infobox parameter gives it: a name with a file's extension
_FILE_NAME = re.compile(r"[^\[\]{}|<>\n]+\.[A-Za-z0-9]{2,5}")


def infobox(params: Params, expander: Expander, name: str = "") -> str:
    rows = []
    title = _get(params, "name", "title") or expander.page_title
    for key, value in params.items():
        if not value.strip() or key in ("name", "title") or key.isdigit():
            continue
        label = key.replace("_", " ").strip().capitalize()
        if key.startswith(("image", "logo", "map")) and _FILE_NAME.fullmatch(value.strip()):
            value = f"[[File:{value.strip()}|frameless]]"  # (not `imagesize = 200px`)
        rows.append(f"|-\n! {label}\n| {value.strip()}")
    caption = f"|+ {title}\n" if title else ""
    return '{| class="infobox"\n' + caption + "\n".join(rows) + "\n|}"


def decoration(params: Params, expander: Expander) -> str:
    return expander.drop("flag icon", "a decoration with no text", " ".join(params.values()))


def navigation(params: Params, expander: Expander) -> str:
    return expander.drop(
        "navigation box",
        "links to related pages, not the page's content",
        "\n".join(params.values()),
    )


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
