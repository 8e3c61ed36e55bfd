"""Word-level diffs: they rebuild both texts, stay small, and the diff command reports them."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from wikirecover.align.diff import DELETE, EQUAL, INSERT, hunks, word_diff
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
