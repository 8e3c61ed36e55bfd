"""Reliability table (a), rows 44-46: diffs and merges on big, repetitive and astral text."""

from __future__ import annotations

import random
import time

from wikirecover.align.diff import DELETE, EQUAL, INSERT, word_diff
from wikirecover.align.merge import merge3


def _rebuild(changes, side: int) -> str:
    return "".join(c.text for c in changes if c.op in (EQUAL, side))


def _changed_words(changes) -> int:
    return sum(len(c.text.split()) for c in changes if c.op != EQUAL)


def test_row44_a_2_mb_page_with_200_scattered_edits_gets_a_near_minimal_diff() -> None:
    rng = random.Random(44)
    lines = [" ".join(f"w{rng.randrange(5000)}" for _ in range(12)) + "\n" for _ in range(30_000)]
    old = "".join(lines)
    assert len(old) > 2_000_000
    edited = list(lines)
    for index in rng.sample(range(len(lines)), 200):
        words = edited[index].split()
        words[rng.randrange(len(words))] = "EDITED"
        edited[index] = " ".join(words) + "\n"
    new = "".join(edited)
    started = time.monotonic()
    changes = word_diff(old, new)
    assert time.monotonic() - started < 30
    assert _rebuild(changes, DELETE) == old and _rebuild(changes, INSERT) == new
    # optimal: 200 words out, 200 in; the default Diff_Timeout of 1 s gives ~949x that
    assert _changed_words(changes) <= 1.1 * 400


def test_row44_repetitive_boilerplate_diffs_minimally() -> None:
    row = "|-\n| {{flag|X}} || 1 || 2 || 3\n"
    old = row * 5000
    new = old[: len(row) * 2500] + "|-\n| {{flag|Y}} || 1 || 2 || 3\n" + old[len(row) * 2501 :]
    changes = word_diff(old, new)
    assert _rebuild(changes, INSERT) == new
    assert _changed_words(changes) <= 4


def test_row45_identical_rows_never_get_a_change_applied_to_the_wrong_one() -> None:
    row = "|-\n| same || row\n"
    base = row * 20
    ours = row * 7 + "|-\n| same || EDITED\n" + row * 12
    theirs = base + "|-\n| added || row\n"
    merged = merge3(base, ours, theirs)
    assert not merged.conflicts
    assert merged.text == ours + "|-\n| added || row\n"


def test_row45_a_delete_over_changed_text_is_a_conflict_that_keeps_both_sides() -> None:
    base = "Intro.\n\n" + "Old paragraph about history, with many details.\n" * 3 + "\nEnd.\n"
    ours = base.replace("with many details", "with corrected details", 1)
    theirs = "Intro.\n\nEnd.\n"
    merged = merge3(base, ours, theirs)
    assert merged.conflicts
    assert "corrected details" in merged.text  # nothing silently deleted


def test_row45_merge_properties() -> None:
    base, x = "A b c.\nD e f.\n", "A b C.\nD e f g.\n"
    assert merge3(base, base, x).text == x
    assert merge3(base, x, base).text == x
    assert merge3(base, x, x).text == x


def test_row46_astral_characters_at_hunk_edges() -> None:
    old = "Start 😀 middle 𝔸 end 🎉\n" * 3
    new = "Start 😁 middle 𝔸 end 🎉\n" + "Start 😀 middle 𝔹 end 🎉\n" * 2
    changes = word_diff(old, new)
    assert _rebuild(changes, DELETE) == old and _rebuild(changes, INSERT) == new
    for change in changes:
        assert not any(0xD800 <= ord(c) <= 0xDFFF for c in change.text)
    merged = merge3(old, new, old + "Added 🎈\n")
    assert merged.text == new + "Added 🎈\n"
