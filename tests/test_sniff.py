"""The input kind is detected from the content."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import shared_dir

from wikirecover.readers import detect_kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("terrorism_in_Kazakhstan.txt", "text"),
        ("lighthouse_dump.txt", "text"),
        ("broken_page.wiki", "wikitext"),
        ("saved_page.html", "html"),
        ("truncated_export.xml", "xml"),
    ],
)
def test_samples(samples: Path, name: str, kind: str) -> None:
    assert detect_kind((samples / name).read_text(encoding="utf-8")) == kind


def test_plain_prose_is_wikitext() -> None:
    assert detect_kind("Just a sentence.\n\nAnother one.\n") == "wikitext"


@pytest.mark.parametrize(
    ("folder", "kind"),
    [
        ("wikitext", "wikitext"),
        ("html", "html"),
        ("text", "text"),
        ("text-crawled", "text"),
    ],
)
def test_every_corpus_page(folder: str, kind: str) -> None:
    pages = sorted(shared_dir("corpus", folder).iterdir())
    wrong = [p.name for p in pages if detect_kind(p.read_text(encoding="utf-8")) != kind]
    assert wrong == []
