"""Inline formatting: languages, nowrap, small, nbsp, abbr, sic, dashes, inline tags."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..builtin import BUILTINS, Params, builtin

if TYPE_CHECKING:
    from ..expand import Expander

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
