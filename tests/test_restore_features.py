"""Each damage feature of known-good and blind mode, on a hunk that has it and one that has not."""

from __future__ import annotations

import pytest

from wikirecover.align.hunks import Hunk
from wikirecover.restore import features

PAGE = "Anarchism is a political philosophy that rejects hierarchy. " * 20


def hunk(removed: str = "", added: str = "") -> Hunk:
    return Hunk(0, len(removed), 0, len(added), removed, added)


@pytest.mark.parametrize(
    ("feature", "damage", "edit"),
    [
        (features.blanking, hunk(PAGE[:900], ""), hunk("a short phrase", "")),
        (features.profanity, hunk("", " you suck lol"), hunk("", " in the 19th century")),
        (features.shouting, hunk("", " THIS IS ALL WRONG"), hunk("", " In Spain and France")),
        (features.repetition, hunk("", " aaaaaaaaaa"), hunk("", " a well-known idea")),
        (
            features.removed_structure,
            hunk("<ref>Smith 2001</ref>{{cite book|title=X}}", ""),
            hunk("old", "new"),
        ),
        (features.link_spam, hunk("", " http://cheap-pills.example"), hunk("", " [[Spain]]")),
        (features.first_person, hunk("", " I think you are wrong"), hunk("", " It rejects rule")),
        (
            features.unrelated,
            hunk("", " pizza skateboard banana volcano"),
            hunk("", " political philosophy rejects hierarchy"),
        ),
    ],
)
def test_a_feature_fires_on_damage_and_not_on_an_edit(feature, damage: Hunk, edit: Hunk) -> None:
    assert feature(damage, PAGE) >= 0.5
    assert feature(edit, PAGE) < 0.5


def test_markup_counts_against_damage() -> None:
    plain, _ = features.damage_score(hunk("", " some words here"), PAGE)
    linked, _ = features.damage_score(hunk("", " some [[words]] here<ref>X</ref>"), PAGE)
    assert linked < plain


def test_scores_stay_between_0_and_1_and_name_their_reasons() -> None:
    score, reasons = features.damage_score(hunk(PAGE[:900], "LOL YOU SUCK!!!!!!"), PAGE)
    assert 0.9 < score <= 1.0
    assert {"blanking", "profanity", "shouting"} <= set(reasons)
    assert features.damage_score(hunk("", ""), PAGE)[0] < 0.2
