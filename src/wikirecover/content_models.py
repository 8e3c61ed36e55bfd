"""A page's content model: wikitext, or code MediaWiki stores and shows as it is.

The model a dump declares (`<model>`) wins; otherwise MediaWiki's defaults by title: Lua
modules in `Module:` (not their `/doc` pages), `.css`/`.js`/`.json` pages in `MediaWiki:` and
in users' own subpages. A page whose model is not wikitext is never repaired and is exported as
code (`docs/repair.md`).
"""

from __future__ import annotations

from .namespaces import DEFAULT, MEDIAWIKI, MODULE, USER, Namespaces

WIKITEXT = "wikitext"
# model -> the language name code blocks use for it (Markdown info strings, Pygments)
CODE_LANGUAGES = {
    "Scribunto": "lua",
    "css": "css",
    "sanitized-css": "css",
    "javascript": "javascript",
    "json": "json",
    "text": "",
}
_BY_SUFFIX = {".css": "css", ".js": "javascript", ".json": "json"}


def content_model(title: str, declared: str | None = None, namespaces: Namespaces = DEFAULT) -> str:
    """The content model of the page titled ``title`` (``declared``: what its dump says)."""
    if declared:
        return declared.strip()
    number, name = namespaces.split(title)
    if number == MODULE:
        return WIKITEXT if name.endswith("/doc") else "Scribunto"
    if number in (MEDIAWIKI, USER) and (number == MEDIAWIKI or "/" in name):
        for suffix, model in _BY_SUFFIX.items():
            if name.endswith(suffix):
                return model
    return WIKITEXT


def is_wikitext(model: str) -> bool:
    return model == WIKITEXT
