"""Three-way merge: properties from issue 6 and the cases a fork update meets."""

from __future__ import annotations

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from wikirecover.align.merge import OURS_MARK, THEIRS_MARK, merge3
from wikirecover.cli import cli

_pieces = st.sampled_from(
    [
        "alpha",
        "beta",
        "gamma",
        " ",
        " ",
        ". ",
        "\n",
        "\n\n",
        "[[Link]]",
        "{{t|a=1}}",
        "''x''",
        "<ref>r</ref>",
        "|",
        "=",
        "é",
    ]
)
_pages = st.lists(_pieces, max_size=30).map("".join)
_any_text = st.text(max_size=60)


@settings(max_examples=150, deadline=None)
@given(_pages, _pages)
def test_merge_with_an_unchanged_side_is_the_other_side(base: str, other: str) -> None:
    assert merge3(base, base, other).text == other
    assert merge3(base, other, base).text == other


@settings(max_examples=150, deadline=None)
@given(_pages, _pages)
def test_merge_of_the_same_change_is_that_change(base: str, other: str) -> None:
    merged = merge3(base, other, other)
    assert merged.text == other
    assert merged.conflicts == []


@settings(max_examples=150, deadline=None)
@given(_any_text, _any_text, _any_text)
def test_the_properties_hold_on_any_text(base: str, x: str, y: str) -> None:
    assert merge3(base, base, x).text == x
    assert merge3(base, x, base).text == x
    assert merge3(base, x, x).text == x
    merged = merge3(base, x, y)
    for conflict in merged.conflicts:
        assert conflict.ours in merged.text and conflict.theirs in merged.text


@settings(max_examples=200, deadline=None)
@given(_pages, _pages, _pages)
def test_a_conflict_never_loses_either_side(base: str, ours: str, theirs: str) -> None:
    merged = merge3(base, ours, theirs)
    for conflict in merged.conflicts:
        assert conflict.ours in merged.text
        assert conflict.theirs in merged.text
        assert conflict.base in merged.text
    if not merged.conflicts:
        assert OURS_MARK not in merged.text or OURS_MARK in ours + theirs


def test_changes_in_different_paragraphs_merge_cleanly() -> None:
    base = "The [[cat]] sat.\n\nIt was {{convert|5|km}} away.\n"
    ours = "The [[cat]] sat down.\n\nIt was {{convert|5|km}} away.\n"
    theirs = "The [[cat]] sat.\n\nIt was {{convert|6|km}} away.\n"
    merged = merge3(base, ours, theirs)
    assert merged.text == "The [[cat]] sat down.\n\nIt was {{convert|6|km}} away.\n"
    assert (merged.from_ours, merged.from_theirs, merged.conflicts) == (1, 1, [])


def test_two_parameters_of_one_template_merge_cleanly() -> None:
    base = "{{Infobox|name=A|born=1900|died=1950}}\n"
    ours = "{{Infobox|name=A B|born=1900|died=1950}}\n"
    theirs = "{{Infobox|name=A|born=1900|died=1951}}\n"
    assert merge3(base, ours, theirs).text == "{{Infobox|name=A B|born=1900|died=1951}}\n"


def test_different_words_in_one_place_conflict_over_the_whole_sentence() -> None:
    base = "First sentence. The cat sat on the mat. Last one.\n"
    ours = "First sentence. The cat sat on the red mat. Last one.\n"
    theirs = "First sentence. The cat sat on the blue mat. Last one.\n"
    merged = merge3(base, ours, theirs)
    [conflict] = merged.conflicts
    assert conflict.ours == "The cat sat on the red mat. "
    assert conflict.theirs == "The cat sat on the blue mat. "
    assert merged.text.startswith("First sentence. \n" + OURS_MARK + "\n")
    assert THEIRS_MARK + "\nLast one.\n" in merged.text
    assert merge3(base, ours, theirs, prefer="theirs").text == theirs


def test_cli_merge_exit_codes(tmp_path) -> None:
    files = {}
    for name, text in {
        "base": "One. Two.\n",
        "ours": "One. Two changed.\n",
        "theirs": "One more. Two.\n",
        "other": "One. Two altered.\n",
    }.items():
        files[name] = tmp_path / f"{name}.wiki"
        files[name].write_text(text)
    runner = CliRunner()
    clean = runner.invoke(cli, ["merge", *(str(files[n]) for n in ("base", "ours", "theirs"))])
    assert clean.exit_code == 0
    assert clean.stdout == "One more. Two changed.\n"
    report = tmp_path / "r.json"
    clash = runner.invoke(
        cli,
        ["merge", *(str(files[n]) for n in ("base", "ours", "other")), "--report", str(report)],
    )
    assert clash.exit_code == 1
    assert OURS_MARK in clash.stdout and "merge-conflict" in report.read_text()
    missing = runner.invoke(cli, ["merge", str(tmp_path / "nope"), str(files["ours"]), "x"])
    assert missing.exit_code == 2
