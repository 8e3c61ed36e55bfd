"""Wikitext: the tree as it stands, byte for byte."""

from __future__ import annotations

from ..model import Document
from ..options import Options
from ..registry import register_writer


@register_writer("wikitext", extension="wiki")
def write_wikitext(doc: Document, options: Options) -> str:
    """MediaWiki wikitext, ready to import (exact round trip of what was read and repaired)."""
    ending = doc.metadata.get("line_ending")
    return doc.text.replace("\n", ending) if ending else doc.text
