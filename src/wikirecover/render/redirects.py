"""Redirect pages: `#REDIRECT [[Target]]` (or the wiki language's own word, `#WEITERLEITUNG`)
at the very start of the page, as MediaWiki's `WikitextContent::getRedirectTarget` reads it."""

from __future__ import annotations

import re
from functools import cache

from mwparserfromhell.wikicode import Wikicode

from .. import languages


@cache
def _pattern(language: str) -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word in languages.redirect_words(language))
    return re.compile(
        r"\A\s*(?:" + words + r")\s*:?\s*\[\[([^\[\]|\n]+)(?:\|[^\[\]\n]*)?\]\]", re.IGNORECASE
    )


def redirect_target(code: Wikicode, language: str = "") -> tuple[str, str] | None:
    """(target, the page's text after the redirect) when ``code`` is a redirect page. Without
    a language, the redirect words of every language are known."""
    first = str(code.nodes[0]) if code.nodes else ""
    if not first.lstrip().startswith("#"):
        return None  # (a cheap look before the page's text is rendered)
    return redirect_in(str(code), language)


def redirect_in(source: str, language: str = "") -> tuple[str, str] | None:
    """`redirect_target` of a page's wikitext, when the text is at hand."""
    match = _pattern(language).match(source)
    if match is None:
        return None
    return match.group(1).strip(), source[match.end() :].lstrip("\n")
