"""Readers: text of one input kind -> `Document`s. Importing a module registers it."""

from __future__ import annotations

from ..registry import READERS
from . import saved_html, saved_wikitext, xml_export  # noqa: F401  (registration)
from . import text as _text  # noqa: F401  (registration)

__all__ = ["detect_kind"]


def detect_kind(text: str) -> str:
    """The reader most confident that ``text`` is its kind (wikitext on a tie)."""
    scores = {name: reader.sniff(text) for name, reader in READERS.items()}
    best = max(scores.values())
    if scores.get("wikitext") == best:
        return "wikitext"
    return max(scores, key=scores.__getitem__)
