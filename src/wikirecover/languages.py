"""What MediaWiki itself says in each language, as data: namespace names, the redirect magic
word, the few interface messages a writer prints (`data/languages.json`, made by
`scripts/mediawiki_languages.py` from MediaWiki's own `languages/` tree). Loaded on first use.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "languages.json"
ENGLISH = "en"


@cache
def table() -> dict[str, dict]:
    """Every language's entry by code."""
    return json.loads(DATA.read_text(encoding="utf-8"))["languages"]


@cache
def chain(code: str) -> tuple[str, ...]:
    """``code``, then the languages MediaWiki falls back to for it, then English."""
    languages = table()
    found: list[str] = []
    queue = [code.lower()] if code else []
    while queue:
        current = queue.pop(0)
        if current in found or current not in languages:
            continue
        found.append(current)
        queue.extend(languages[current].get("fallback", []))
    if ENGLISH not in found:
        found.append(ENGLISH)
    return tuple(found)


def message(code: str, key: str) -> str:
    """An interface message as MediaWiki shows it in language ``code`` (its fallbacks'
    when it has none of its own)."""
    for language in chain(code):
        text = table()[language].get("messages", {}).get(key)
        if text:
            return text
    return ""


@cache
def redirect_words(code: str = "") -> tuple[str, ...]:
    """The redirect magic words (`#REDIRECT`, `#WEITERLEITUNG`) of ``code``, or of every
    language when no code is given; `#REDIRECT` works on every wiki."""
    languages = table()
    codes = chain(code) if code else tuple(languages)
    words = {"#REDIRECT"}
    for language in codes:
        words.update(languages[language].get("redirect", []))
    return tuple(sorted(words, key=len, reverse=True))
