"""The built-in template library: what the templates real pages use most print, as wikitext.

Citation templates become formatted citations, hatnotes their sentence, `convert` its two
quantities, dates their text, infoboxes a key/value table; decorations (flag icons) and
navigation boxes are dropped with a note. A user's own definition of a template
(``--templates``) always wins over these.
"""

from __future__ import annotations

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


from .library import boxes  # noqa: E402  (registers every family)


def lookup(name: str) -> Callable[[Params, Expander], str | None] | None:
    """A built-in for ``name``, including the families named by prefix (infoboxes, navboxes)."""
    key = name.casefold()
    if key in BUILTINS:
        return BUILTINS[key]
    if key.startswith("infobox"):
        return lambda params, expander: boxes.infobox(params, expander, name)
    if key.endswith((" navbox", " sidebar", " topics", " portal")) or key.startswith("navbox"):
        return boxes.navigation
    return None
