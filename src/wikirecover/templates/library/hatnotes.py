"""Hatnotes (main, see also, further, about, for) and quotations."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..builtin import BUILTINS, Params, _get, _positional, builtin

if TYPE_CHECKING:
    from ..expand import Expander


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
