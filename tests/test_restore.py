"""wikirecover restore: histories, identity reverts, history mode, undo mode, the CLI."""

from __future__ import annotations

import html
import json
import lzma
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner
from conftest import shared_dir
from hypothesis import given, settings
from hypothesis import strategies as st

from wikirecover.align.hunks import REVERTED, hunks, rebuild
from wikirecover.cli import cli
from wikirecover.restore import History, restore_from_history, undo_change

P = (
    "'''Anarchism''' is a political philosophy.\n\n"
    "== History ==\nThe earliest anarchist themes can be found in the 6th century BC.\n\n"
    "== Schools ==\nAnarchist schools of thought differ fundamentally.\n"
)
V = P.replace("political philosophy", "political philosophy for LOSERS LOL")
G = P.replace(
    "differ fundamentally",
    "differ fundamentally, supporting anything from extreme individualism to complete collectivism",
).replace("6th century", "sixth century")


def damaged(good: str) -> str:
    return good.replace("political philosophy", "political philosophy for LOSERS LOL")


def test_identity_reverts_find_the_reverted_run() -> None:
    history = History.from_texts(["a", "b", "c", "b", "d", "e", "d"])
    changes = history.identity_reverts()
    assert [(c.before, c.bad) for c in changes] == [(1, 2), (4, 5)]
    assert "reverted by revision 4" in changes[0].reason


def test_a_revert_reaches_back_sixteen_revisions_and_no_further() -> None:
    texts = ["base", *(f"v{n}" for n in range(15)), "base"]
    assert [(c.before, c.bad) for c in History.from_texts(texts).identity_reverts()] == [(0, 15)]
    texts = ["base", *(f"v{n}" for n in range(16)), "base"]
    assert History.from_texts(texts).identity_reverts() == []


def test_history_text_is_rebuilt_exactly() -> None:
    texts = [P, V, P, G, G + "\n", "", "\n\n\r\nx\u2028y"]
    history = History.from_texts(texts)
    assert [history.text(k) for k in range(len(texts))] == texts


def test_history_mode_reverts_repeated_vandalism_and_keeps_the_good_edits() -> None:
    history = History.from_texts([P, V, P, G])
    result = restore_from_history(history, damaged(G))
    assert result.text == G
    assert result.certain
    assert [h.decision for h in result.hunks] == [REVERTED]
    assert "reverted by revision 3" in result.hunks[0].reason


def test_history_mode_keeps_a_new_edit_it_cannot_explain() -> None:
    history = History.from_texts([P, V, P, G])
    current = damaged(G).replace("Schools ==", "Schools of thought ==")
    result = restore_from_history(history, current)
    assert result.text == G.replace("Schools ==", "Schools of thought ==")
    assert sorted(h.decision for h in result.hunks) == ["kept", "reverted"]
    # no revision with the bad change done again gives this page: it holds an edit the history
    # does not show, so the restore may be wrong and says so
    assert not result.certain
    assert any("edited in ways the history does not show" in note for note in result.notes)


def test_history_mode_is_certain_only_when_a_revision_plus_a_bad_change_gives_the_page() -> None:
    history = History.from_texts([P, V, P, G, G.replace("Anarchist schools", "Schools")])
    result = restore_from_history(history, damaged(G))
    assert result.text == G and result.certain
    assert "the page is revision 4 with a bad change done again, exactly" in result.notes[-1]


def test_a_near_revision_hidden_under_the_bad_change_makes_the_restore_uncertain() -> None:
    sentence = "The earliest anarchist themes can be found in the 6th century BC."
    good = P.replace("differ fundamentally", "differ greatly")
    later = good.replace("6th century", "sixth century")  # edits only what the vandal deleted
    history = History.from_texts([P, P.replace(sentence, ""), P, good, later])
    result = restore_from_history(history, good.replace(sentence, ""))
    assert result.text == good
    assert not result.certain  # the page cannot tell revision 4 from revision 5
    assert "revision 5 differs from it only where the bad change wrote over" in result.notes[-1]


def test_history_mode_without_a_page_restores_the_latest_revision() -> None:
    history = History.from_texts([P, G, damaged(G)])
    result = restore_from_history(history, None, ("3",))
    assert result.text == G and result.certain


def test_the_latest_revision_doing_again_a_reverted_change_is_restored() -> None:
    history = History.from_texts([P, V, P, G, damaged(G)])  # the vandal came back
    result = restore_from_history(history)
    assert result.text == G and result.certain
    clean = History.from_texts([P, V, P, G])
    result = restore_from_history(clean)  # the latest revision repeats no bad change
    assert result.text == G and result.certain and result.hunks == []


def test_a_listed_revision_is_undone_on_the_later_revisions_that_carry_it() -> None:
    later = V.replace("differ fundamentally", "differ greatly")
    history = History.from_texts([P, V, later])
    result = restore_from_history(history, None, ("2",))
    assert result.text == P.replace("differ fundamentally", "differ greatly")
    assert sorted(h.decision for h in result.hunks) == ["kept", "reverted"]


def test_a_listed_revision_reverted_since_taints_no_later_revision() -> None:
    history = History.from_texts([P, V, P, G])
    assert history.carried_until(1) == 2
    assert History.from_texts([P, V, G]).carried_until(1) == 3


def test_a_blanked_page_is_never_reported_certain() -> None:
    history = History.from_texts([P, "", P, G])
    result = restore_from_history(history, "")
    assert not result.certain


def test_undo_a_change_on_a_page_edited_elsewhere_since() -> None:
    result = undo_change(damaged(G), P, V)
    assert result.text == G
    assert result.certain


def test_undo_where_a_later_edit_touched_the_same_place_is_uncertain() -> None:
    current = damaged(G).replace("for LOSERS LOL", "for LOSERS LOL and friends")
    result = undo_change(current, P, V)
    assert not result.certain


WIKI = st.text(alphabet="ab [|]{}=\n'.x", max_size=60)


@settings(max_examples=150, deadline=None)
@given(WIKI, WIKI)
def test_reverting_every_hunk_gives_the_old_text(old: str, new: str) -> None:
    found = hunks(old, new)
    for hunk in found:
        hunk.decision = REVERTED
    assert rebuild(new, found) == old
    assert rebuild(new, []) == new


@settings(max_examples=100, deadline=None)
@given(WIKI, WIKI)
def test_undoing_a_change_on_the_bad_page_itself_gives_the_good_page(good: str, bad: str) -> None:
    result = undo_change(bad, good, bad)
    assert result.text == good
    assert result.certain


def dump_of(texts: list[str]) -> str:
    revisions = "".join(
        f"<revision><id>{n}</id><timestamp>2009-01-0{n}T00:00:00Z</timestamp>"
        f"<contributor><username>U{n}</username></contributor>"
        f'<text xml:space="preserve">{html.escape(t)}</text></revision>'
        for n, t in enumerate(texts, 1)
    )
    return (
        '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/">'
        f"<page><title>Anarchism</title><ns>0</ns><id>12</id>{revisions}</page></mediawiki>"
    )


def test_cli_restore_with_a_history_writes_page_report_and_review(tmp_path: Path) -> None:
    dump = tmp_path / "history.xml.xz"
    with lzma.open(dump, "wt", encoding="utf-8") as handle:
        handle.write(dump_of([P, V, P, G]))
    page = tmp_path / "Anarchism.wiki"
    page.write_text(damaged(G), encoding="utf-8")
    out, report, review = tmp_path / "out.wiki", tmp_path / "r.json", tmp_path / "r.html"
    result = CliRunner().invoke(
        cli,
        [
            "restore",
            str(page),
            "--history",
            str(dump),
            "-o",
            str(out),
            "--report",
            str(report),
            "--review",
            str(review),
        ],
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == G
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["certain"] and data["reverted"] == 1
    assert "LOSERS" in review.read_text(encoding="utf-8")


def test_cli_restore_undo_mode_and_bad_usage(tmp_path: Path) -> None:
    files = {}
    for name, text in (("current", damaged(G)), ("bad", V), ("good", P)):
        files[name] = tmp_path / f"{name}.wiki"
        files[name].write_text(text, encoding="utf-8")
    out = tmp_path / "out.wiki"
    done = CliRunner().invoke(
        cli,
        [
            "restore",
            str(files["current"]),
            "--undo",
            str(files["bad"]),
            "--before",
            str(files["good"]),
            "-o",
            str(out),
            "-q",
        ],
    )
    assert done.exit_code == 0 and out.read_text(encoding="utf-8") == G
    assert CliRunner().invoke(cli, ["restore"]).exit_code == 2
    missing = CliRunner().invoke(cli, ["restore", "--history", str(tmp_path / "none.xml")])
    assert missing.exit_code == 2


def test_the_real_sample_cases_undo_mode_floor() -> None:
    """37 real restore cases (the shared sample): undo mode with the bad change only. Floors
    from the measured run (docs/restore.md); a change that makes them worse fails."""
    path = shared_dir("history", "restore_sample.jsonl.xz")
    with lzma.open(path, "rt", encoding="utf-8") as handle:
        cases = [json.loads(line) for line in handle]
    exact = wrong_certain = 0
    for case in cases:
        result = undo_change(case["input"], case["base"], case["vandal"])
        exact += result.text == case["truth"]
        wrong_certain += result.text != case["truth"] and result.certain
    assert exact >= FLOOR_EXACT
    assert wrong_certain <= CEILING_WRONG


# the 4 wrong but certain are the cases whose page is the vandal revision itself: undoing the
# change there gives the revision before it, which the user asked for (the case's truth is a
# later revision no input shows)
FLOOR_EXACT, CEILING_WRONG = 28, 4


def test_known_good_mode_reverts_obvious_damage_and_keeps_an_edit() -> None:
    from wikirecover.restore.known_good import restore_known_good

    current = G.replace("political philosophy", "political philosophy LOL U SUCK!!!!!!")
    result = restore_known_good(current, P)
    assert result.text == G
    assert [h.certain for h in result.hunks if h.decision == "reverted"] == [True]
    assert not result.certain  # plain prose kept on content alone is not certain


def test_blind_mode_flags_and_changes_nothing(tmp_path: Path) -> None:
    page = tmp_path / "page.wiki"
    page.write_text(P + "\nHI MOM!!!!!!!! THIS PAGE SUCKS LOL\n", encoding="utf-8")
    out = tmp_path / "out.wiki"
    done = CliRunner().invoke(cli, ["restore", str(page), "-o", str(out), "-q"])
    assert done.exit_code == 1
    assert out.read_text(encoding="utf-8") == page.read_text(encoding="utf-8")


def test_a_long_rewritten_stretch_is_diffed_in_bounded_time() -> None:
    """Two long, unlike stretches: their middle is one replacement, not a minimal diff whose
    cost is the product of their lengths (a 47 KB rewrite took over two minutes)."""
    old = "Intro. " + " ".join(f"w{k}" for k in range(6000)) + " Outro."
    new = "Intro. " + " ".join(f"v{k}" for k in range(6000)) + " Outro."
    found = hunks(old, new)
    assert len(found) == 1 and "w5999" in found[0].removed and "v5999" in found[0].added
    assert rebuild(new, [replace(h, decision=REVERTED) for h in found]) == old


def test_a_page_that_is_a_reverted_bad_revision_is_the_revision_before_it() -> None:
    """The page is byte for byte revision V, which was reverted: it is restored to the revision
    V was made from, certain when no revision around tells another story."""
    later = G.replace("sixth century", "6th century BCE")
    history = History.from_texts([P, V, P, later])
    result = restore_from_history(history, V)
    assert result.text == P and result.certain
    assert "the page is revision 2, a bad one" in result.notes
    # a revision made since that differs from P only where V wrote over the page: the page
    # cannot tell which it came from
    hidden = P.replace("political philosophy", "political philosophy and movement")
    result = restore_from_history(History.from_texts([P, V, P, hidden]), V)
    assert result.text == P and not result.certain
