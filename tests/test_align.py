"""Word-level diffs: they rebuild both texts, stay small, and the diff command reports them."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from wikirecover.align.diff import DELETE, EQUAL, INSERT, Change, hunks, word_diff
from wikirecover.align.render import json_hunks, side_by_side
from wikirecover.cli import cli

words = st.lists(st.sampled_from(["alpha", "beta", " ", "\n", ".", "[[x]]", "Ω", "{{t}}"]))
texts = words.map("".join)


@settings(max_examples=200, deadline=None)
@given(texts, texts)
def test_changes_rebuild_both_texts(old: str, new: str) -> None:
    changes = word_diff(old, new)
    assert "".join(c.text for c in changes if c.op in (EQUAL, DELETE)) == old
    assert "".join(c.text for c in changes if c.op in (EQUAL, INSERT)) == new


def test_a_changed_word_is_one_hunk_of_that_word() -> None:
    old = "Alpha beta gamma.\n\n" + "Filler line.\n" * 50 + "End.\n"
    new = old.replace("beta", "BETA")
    [hunk] = hunks(word_diff(old, new))
    assert (hunk.removed, hunk.added) == ("beta", "BETA")
    assert (hunk.old_start, hunk.new_start) == (1, 1)


def test_many_distinct_tokens_do_not_collide() -> None:
    old = " ".join(f"w{k}" for k in range(70_000))  # more tokens than the BMP below surrogates
    new = old.replace("w69999", "changed")
    [hunk] = hunks(word_diff(old, new))
    assert (hunk.removed, hunk.added) == ("w69999", "changed")


def test_diff_command(tmp_path: Path) -> None:
    a, b = tmp_path / "a.wiki", tmp_path / "b.wiki"
    a.write_text("Alpha beta gamma.\n")
    b.write_text("Alpha BETA gamma.\n")
    runner = CliRunner()
    same = runner.invoke(cli, ["diff", str(a), str(a)])
    assert same.exit_code == 0 and same.stdout == ""
    changed = runner.invoke(cli, ["diff", str(a), str(b)])
    assert changed.exit_code == 1
    assert "-Alpha beta gamma." in changed.stdout and "+Alpha BETA gamma." in changed.stdout
    as_json = json.loads(runner.invoke(cli, ["diff", str(a), str(b), "--format", "json"]).stdout)
    assert [(h["removed"], h["added"]) for h in as_json["hunks"]] == [("beta", "BETA")]
    missing = runner.invoke(cli, ["diff", str(a), str(tmp_path / "nope.wiki")])
    assert missing.exit_code == 2 and "nope.wiki: no such file" in missing.stderr


def test_side_by_side_html_marks_words_and_escapes(tmp_path: Path) -> None:
    from wikirecover.align.render import side_by_side

    old = "Intro <b>.\n" + "same\n" * 20 + "Alpha beta gamma.\n"
    new = "Intro <b>.\n" + "same\n" * 20 + "Alpha BETA gamma.\n"
    page = side_by_side(word_diff(old, new), "old.wiki", "new.wiki")
    assert "<del>beta</del>" in page and "<ins>BETA</ins>" in page
    assert "Intro &lt;b&gt;." in page
    assert "unchanged lines" in page  # the long equal run is folded
    assert page.count("<tr>") < 12


FIRST = "The first long paragraph tells the story of the lighthouse keepers."
SECOND = "The second long paragraph is about the fog bell and the foghorn."


def test_a_moved_paragraph_shows_as_a_move() -> None:
    old = f"Intro.\n\n{FIRST}\n\n{SECOND}\n\nEnd.\n"
    new = f"Intro.\n\n{SECOND}\n\n{FIRST}\n\nEnd.\n"
    changes = word_diff(old, new)
    page = side_by_side(changes, "old", "new")
    assert page.count('class="move"') == 4  # two arrows, one <del>, one <ins>
    assert f'<del class="move">{FIRST}</del>' in page
    data = json.loads(json_hunks(changes, "old", "new"))
    assert [(m["old_line"], m["new_line"]) for m in data["moves"]] == [(3, 5)]


def test_an_edited_paragraph_is_diffed_by_words_and_a_replaced_one_whole() -> None:
    old = "Intro.\n\nThe keeper lit the lamp every night.\n\nA fog bell was added in 1885.\n"
    new = "Intro.\n\nThe keeper lit the old lamp every night.\n\nThe log was digitised in 2015.\n"
    changes = word_diff(old, new)
    assert Change(INSERT, "old ") in changes
    assert Change(DELETE, "A fog bell was added in 1885.\n") in changes
