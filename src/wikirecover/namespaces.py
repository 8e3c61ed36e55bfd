"""Which namespace a title is in, whatever the wiki's language.

A wiki names its namespaces in its content language (`Kategorie:`, `Taiss:`, `Modèle:`) and
also accepts MediaWiki's canonical English names (`Category:`) and aliases (`Image:`). A
`Namespaces` knows, in this order: the site's own names (a dump's `<siteinfo>`), the canonical
names, and every language's names and aliases as MediaWiki ships them (`data/languages.json`,
made by `scripts/mediawiki_languages.py` from MediaWiki's `languages/messages/`; a name two
languages give to different namespaces is known only from a site's own list).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from . import languages

MEDIA, SPECIAL, MAIN = -2, -1, 0
USER, PROJECT, FILE, MEDIAWIKI, TEMPLATE, HELP, CATEGORY = 2, 4, 6, 8, 10, 12, 14
MODULE = 828  # Scribunto's Lua modules

CANONICAL: dict[int, str] = {
    MEDIA: "Media",
    SPECIAL: "Special",
    1: "Talk",
    USER: "User",
    3: "User talk",
    PROJECT: "Project",
    5: "Project talk",
    FILE: "File",
    7: "File talk",
    MEDIAWIKI: "MediaWiki",
    9: "MediaWiki talk",
    TEMPLATE: "Template",
    11: "Template talk",
    HELP: "Help",
    13: "Help talk",
    CATEGORY: "Category",
    15: "Category talk",
    100: "Portal",
    101: "Portal talk",
    MODULE: "Module",
    829: "Module talk",
}
_CANONICAL_ALIASES = {"Image": FILE, "Image talk": 7}


def key(name: str) -> str:
    """A namespace name as MediaWiki compares them: case-insensitive, `_` as a space."""
    return " ".join(name.replace("_", " ").split()).casefold()


_CANONICAL_KEYS = {
    **{key(name): number for number, name in CANONICAL.items()},
    **{key(name): number for name, number in _CANONICAL_ALIASES.items()},
}


@cache
def _every_language() -> dict[str, int]:
    """Every language's names and aliases -> number; a name with two numbers is left out."""
    found: dict[str, set[int]] = {}
    for entry in languages.table().values():
        for number, names in entry.get("namespaces", {}).items():
            for name in names:
                found.setdefault(key(name), set()).add(int(number))
    return {name: next(iter(numbers)) for name, numbers in found.items() if len(numbers) == 1}


def language_names(code: str) -> dict[int, list[str]]:
    """One language's names and aliases by number, its fallback languages' after its own."""
    names: dict[int, list[str]] = {}
    for current in languages.chain(code):
        for number, values in languages.table()[current].get("namespaces", {}).items():
            bucket = names.setdefault(int(number), [])
            bucket.extend(v for v in values if v not in bucket)
    return names


class Namespaces:
    """Namespace names -> numbers: the site's own first, then canonical, then any language's."""

    def __init__(self, site: Mapping[int, Iterable[str]] | None = None, language: str = "") -> None:
        self.site: dict[int, tuple[str, ...]] = {
            number: tuple(n for n in names if n) for number, names in (site or {}).items()
        }
        self.language = language
        own: dict[str, int] = {}
        language_table = language_names(language) if language else {}
        for number, names in self.site.items():
            for name in names:
                own.setdefault(key(name), number)
        for number, names in language_table.items():
            for name in names:
                own.setdefault(key(name), number)
        self._own = own

    def number(self, prefix: str, any_language: bool = True) -> int | None:
        """The namespace a title prefix names (`Kategoreja`, `category`, `Image`), or None;
        with ``any_language`` False, only the site's, its language's and canonical names."""
        name = key(prefix)
        if not name:
            return None
        if name in self._own:
            return self._own[name]
        if name in _CANONICAL_KEYS:
            return _CANONICAL_KEYS[name]
        return _every_language().get(name) if any_language else None

    def split(self, title: str, any_language: bool = True) -> tuple[int, str]:
        """(namespace number, the title without its prefix); MAIN when no known prefix."""
        prefix, colon, rest = title.lstrip(":").partition(":")
        if colon:
            number = self.number(prefix, any_language)
            if number is not None:
                return number, rest.strip()
        return MAIN, title

    def preferred(self, number: int) -> str:
        """The name a page of this wiki writes: the site's first name, else the canonical."""
        names = self.site.get(number)
        return names[0] if names else CANONICAL.get(number, "")

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Namespaces)
            and self.site == other.site
            and self.language == other.language
        )

    def __hash__(self) -> int:
        return hash((tuple(sorted(self.site.items())), self.language))

    def __repr__(self) -> str:
        return f"Namespaces({len(self.site)} site namespaces, language={self.language!r})"


DEFAULT = Namespaces()
