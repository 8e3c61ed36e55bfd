"""Recovery quality on the shared corpus, pinned as scores (../shared/eval/score.py).

The floors are the measured values, rounded down: a change that makes recovery worse fails here.
They are not the goals (see docs/text-dumps.md for what the dumps can and cannot give back)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import eval_script, shared_dir

from wikirecover import convert

FLOORS = {
    "text-crawled": {
        "score": 0.59,
        "text": 0.87,
        "headings": 0.99,
        "heading_levels": 0.88,
        "ref_reuse": 0.82,
        "templates": 0.80,
    },
    "text": {
        "score": 0.71,
        "text": 0.96,
        "headings": 0.99,
        "heading_levels": 0.97,
        "ref_reuse": 0.82,
        "templates": 0.83,
        "categories": 0.99,
    },
}


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_recovery_scores_stay_above_their_floors(kind: str, tmp_path: Path) -> None:
    score = eval_script("score")
    truth = shared_dir("corpus", "wikitext")
    pages = sorted(shared_dir("corpus", kind).glob("*.*"))
    totals: dict[str, float] = {}
    for page in pages:
        [result] = convert(page, to="wikitext")
        assert result.output is not None, result.document.failed
        figures = score.score_page((truth / f"{page.stem}.wiki").read_text(), result.output)
        for key, value in figures.items():
            totals[key] = totals.get(key, 0.0) + value
    means = {key: value / len(pages) for key, value in totals.items()}
    low = {k: round(means[k], 3) for k, floor in FLOORS[kind].items() if means[k] < floor}
    assert low == {}, f"below the floor on {kind}: {low}"
