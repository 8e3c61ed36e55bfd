"""Damaged real pages are repaired back to the original (tests/damage.py; the full table over
every page is `python benchmarks/repair_damage.py`)."""

from __future__ import annotations

import pytest
from conftest import SHARED, shared_dir
from damage import KINDS, measure

from wikirecover import Options, convert_text

# The test runs every damage kind on the pages under this size (the benchmark runs them all).
MAX_PAGE_SIZE = 60_000
EXACT_SHARE = 0.80  # the bar, over all kinds together


def _repair(text: str, repairs: str) -> str:
    [result] = convert_text(text, to="wikitext", kind="wikitext", options=Options(repairs=repairs))
    assert result.output is not None
    return result.output


@pytest.fixture(scope="module")
def results() -> dict:
    shared_dir("corpus", "wikitext")
    paths = sorted((SHARED / "corpus" / "wikitext").glob("*.wiki")) + sorted(
        (SHARED / "corpus" / "forked").glob("*.upstream.wiki")
    )
    pages = {p.name: p.read_text(encoding="utf-8") for p in paths}
    pages = {name: text for name, text in pages.items() if len(text) < MAX_PAGE_SIZE}
    return measure(pages, _repair, seed=1)


def test_there_are_at_least_twelve_kinds_of_damage() -> None:
    assert len(KINDS) >= 12


def test_most_damage_is_repaired_exactly(results: dict) -> None:
    total = sum(row["pages"] for row in results.values())
    exact = sum(row["exact"] for row in results.values())
    assert total > 300
    assert exact / total >= EXACT_SHARE


def test_every_kind_is_repaired_within_one_percent(results: dict) -> None:
    for name, row in results.items():
        assert row["within_1pct"] == row["pages"], name


def test_no_page_gets_worse(results: dict) -> None:
    assert {name: row["worse"] for name, row in results.items() if row["worse"]} == {}
