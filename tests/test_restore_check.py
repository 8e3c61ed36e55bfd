"""The check of a restore against what was asked (`restore.verify`), on hand-made cases and as
a property over generated edit histories: a restore reported certain is never wrong."""

from __future__ import annotations

import json
import lzma
from dataclasses import dataclass
from itertools import pairwise

import pytest
from conftest import shared_dir
from hypothesis import example, given, settings
from hypothesis import strategies as st

from wikirecover.restore import History, restore_from_history, undo_change
from wikirecover.restore.verify import check_undo, edits

GOOD = "The cat sat on the mat.\n\nDogs bark at night.\n\nBirds sing in the morning.\n"
BAD = GOOD.replace("sat on the mat", "sat on the HAT LOL")
CURRENT = BAD.replace("Birds sing", "Small birds sing")
RIGHT = GOOD.replace("Birds sing", "Small birds sing")

# (what the output is, whether the check passes)
CASES = [
    (RIGHT, True),
    (CURRENT, False),  # the bad change left in place
    (GOOD, False),  # the edit made since lost
    (RIGHT.replace("mat", "mat!"), False),  # something else changed
    (RIGHT.replace("Dogs bark at night.\n\n", ""), False),  # a paragraph lost
]


@pytest.mark.parametrize(("output", "passes"), CASES)
def test_the_check_passes_exactly_the_asked_undo(output: str, passes: bool) -> None:
    assert (check_undo(CURRENT, GOOD, BAD, output) == []) is passes


def test_a_deletion_not_put_back_and_an_insertion_left_are_placed_in_the_page() -> None:
    good = "one two three four five six"
    bad = "one two four five six SPAM"
    current = bad.replace("one", "One")
    right = "One two three four five six"
    assert check_undo(current, good, bad, right) == []
    problems = check_undo(current, good, bad, current)
    assert len(problems) == 2
    assert {p.where for p in problems} == {8, current.index("SPAM") - 1}


def test_an_edit_made_since_touching_the_bad_change_cannot_be_checked() -> None:
    good = "alpha beta gamma"
    bad = "alpha BETA gamma"
    current = "alpha BETAS gamma"
    problems = check_undo(current, good, bad, "alpha beta gamma")
    assert problems and "touches the bad change" in problems[0].what


def test_undo_puts_back_removed_text_only_as_a_hunk_for_review() -> None:
    result = undo_change(CURRENT, GOOD, BAD)
    assert result.text == RIGHT
    assert not result.certain  # "mat" is put back on a page edited since
    assert "puts back text" in result.hunks[0].reason
    # the same change on the bad revision itself: nothing else was edited, so it is certain
    assert undo_change(BAD, GOOD, BAD).certain


# ---- generated edit histories ---------------------------------------------------------------

WORDS = ["a", "b", "the", "cat", "dog", "[[link]]", "{{tpl}}", "''x''", "ref", "and", "\n\n"]


@dataclass(frozen=True)
class Token:
    key: int
    text: str


def render(tokens: list[Token]) -> str:
    return " ".join(t.text for t in tokens)


@st.composite
def edit_plans(draw, tokens: list[Token], avoid: frozenset[int], first_key: int):
    """Edits on ``tokens`` (replace, delete, insert after) on tokens not in ``avoid``, with the
    keys they touch; new tokens get keys from ``first_key``."""
    free = [n for n, t in enumerate(tokens) if t.key not in avoid]
    if not free:
        return tokens, frozenset()
    chosen = draw(st.lists(st.sampled_from(free), min_size=1, max_size=3, unique=True))
    out = list(tokens)
    touched: set[int] = set()
    key = first_key
    for n in sorted(chosen, reverse=True):
        kind = draw(st.sampled_from(["replace", "delete", "insert"]))
        word = draw(st.sampled_from([*WORDS[:-1], "LOL", "SPAM", "new"]))
        touched.add(out[n].key)
        if kind == "replace":
            out[n] = Token(key, word)
        elif kind == "delete":
            del out[n]
        else:
            out.insert(n + 1, Token(key, word))
        touched.add(key)
        key += 1
    return out, frozenset(touched)


def neighbours(keys: frozenset[int], *versions: list[Token]) -> frozenset[int]:
    """The keys of ``keys`` and of the tokens next to them in any of ``versions`` (so that an
    edit made since never touches the bad change: where it does, the page does not say what
    undoing gives)."""
    near = set(keys)
    for tokens in versions:
        for n, token in enumerate(tokens):
            if token.key in keys:
                near.update(t.key for t in tokens[max(n - 1, 0) : n + 2])
    return frozenset(near)


@st.composite
def undo_cases(draw):
    """GOOD -> BAD (the bad change), then edits made since on BAD: the page. The right answer
    is the page with only the bad change's tokens as GOOD had them."""
    size = draw(st.integers(3, 14))
    good = [Token(n, draw(st.sampled_from(WORDS))) for n in range(size)]
    bad, bad_keys = draw(edit_plans(good, frozenset(), 1000))
    since_tokens, _ = draw(edit_plans(bad, neighbours(bad_keys, good, bad), 2000))
    right = _undone(good, bad, since_tokens, bad_keys)
    return render(good), render(bad), render(since_tokens), render(right)


def _undone(good: list[Token], bad: list[Token], current: list[Token], bad_keys) -> list[Token]:
    """``current`` with every token the bad change wrote removed and every token it removed
    put back where GOOD had it."""
    kept = [t for t in current if not (t.key in bad_keys and t.key >= 1000)]
    present = {t.key for t in kept}
    for n, token in enumerate(good):
        if token.key in present or token.key not in bad_keys:
            continue
        # put it back after the nearest earlier token of GOOD still present
        before = next((g.key for g in reversed(good[:n]) if g.key in present), None)
        at = 0 if before is None else next(i for i, t in enumerate(kept) if t.key == before) + 1
        kept.insert(at, token)
        present.add(token.key)
    return kept


@settings(max_examples=300, deadline=None, derandomize=True)
@example(("a cat", "a cat LOL", "a cat LOL dog", "a cat dog"))
@given(undo_cases())
def test_an_undo_reported_certain_is_what_was_asked(case: tuple[str, str, str, str]) -> None:
    good, bad, current, right = case
    result = undo_change(current, good, bad)
    if result.certain:
        assert result.text == right
    # the asked-for page always passes the check unless it is not defined by the inputs
    assert check_undo(current, good, bad, right) == [] or not result.certain


@settings(max_examples=200, deadline=None, derandomize=True)
@given(undo_cases(), st.data())
def test_the_check_catches_any_change_to_the_right_page(case, data) -> None:
    good, bad, current, right = case
    if check_undo(current, good, bad, right):
        return  # not defined by the inputs: nothing to catch
    at = data.draw(st.integers(0, len(right)))
    wrong = right[:at] + data.draw(st.sampled_from(["X", "LOL ", "\n"])) + right[at:]
    assert check_undo(current, good, bad, wrong)
    if right:
        cut = data.draw(st.integers(0, len(right) - 1))
        assert check_undo(current, good, bad, right[:cut] + right[cut + 1 :])


@st.composite
def history_cases(draw):
    """A history P -> P+A -> BAD -> revert -> G (= revert + B), and the page: G with the bad
    change done again. The right answer is G."""
    size = draw(st.integers(4, 14))
    words = st.sampled_from(WORDS)
    base = [Token(n, draw(words)) for n in range(size)]
    first, _ = draw(edit_plans(base, frozenset(), 500))
    bad, bad_keys = draw(edit_plans(first, frozenset(), 1000))
    later, _ = draw(edit_plans(first, neighbours(bad_keys, first, bad), 2000))
    page = _redone(later, first, bad, bad_keys)
    texts = [render(base), render(first), render(bad), render(first), render(later)]
    return texts, render(page)


def _redone(target: list[Token], before: list[Token], bad: list[Token], bad_keys) -> list[Token]:
    """The change ``before`` -> ``bad`` done again on ``target``."""
    gone = {t.key for t in before} - {t.key for t in bad}
    out = [t for t in target if t.key not in gone]
    for n, token in enumerate(bad):
        if token.key in {t.key for t in out}:
            continue
        after = next((b.key for b in reversed(bad[:n]) if b.key in {t.key for t in out}), None)
        at = 0 if after is None else next(i for i, t in enumerate(out) if t.key == after) + 1
        out.insert(at, token)
    return out


@settings(max_examples=120, deadline=None, derandomize=True)
@given(history_cases())
def test_a_history_restore_reported_certain_is_right(case) -> None:
    texts, page = case
    if len(set(texts)) < 3 or page == texts[-1]:
        return
    # a page that is the bad revision itself is that change done again on the revision before
    right = texts[3] if page == texts[2] else texts[-1]
    result = restore_from_history(History.from_texts(texts), page)
    if result.certain:
        assert result.text == right


def test_edits_never_touch_one_another() -> None:
    found = edits("a b c d e f", "a X c d Y f Z")
    assert all(x.end < y.start for x, y in pairwise(found))


def test_the_real_sample_cases_are_never_wrong_and_certain() -> None:
    """The shared sample of real restore cases (without the 4 whose page is the vandal
    revision): undo mode never reports a wrong page as certain."""
    path = shared_dir("history", "restore_sample.jsonl.xz")
    with lzma.open(path, "rt", encoding="utf-8") as handle:
        cases = [json.loads(line) for line in handle]
    cases = [c for c in cases if c["input"] != c["vandal"]]
    wrong_certain = [
        c["case"]
        for c in cases
        if (r := undo_change(c["input"], c["base"], c["vandal"])).certain and r.text != c["truth"]
    ]
    assert wrong_certain == []


def test_a_fault_in_the_merge_is_caught_by_the_check(monkeypatch) -> None:
    """The check does not trust the code that merged: a merge that drops a character is
    reported, and the hunk there marked."""
    from wikirecover.restore import undo as undo_module

    good, bad = "one two three", "one two three LOL"
    current = "One two three LOL"
    assert undo_change(current, good, bad).certain
    real = undo_module._apply
    monkeypatch.setattr(undo_module, "_apply", lambda page, found: real(page, found)[1:])
    result = undo_change(current, good, bad)
    assert not result.certain
    assert result.problems == [
        "at character 0: the output has 'ne' where what was asked gives 'One'"
    ]


def test_the_cli_reports_what_the_check_found(tmp_path, monkeypatch) -> None:
    from click.testing import CliRunner

    from wikirecover.cli import cli
    from wikirecover.restore import undo as undo_module

    paths = {}
    for name, text in (
        ("current", "One two three LOL"),
        ("bad", "one two three LOL"),
        ("good", "one two three"),
    ):
        paths[name] = tmp_path / f"{name}.wiki"
        paths[name].write_text(text, encoding="utf-8")
    args = [
        "restore",
        str(paths["current"]),
        "--undo",
        str(paths["bad"]),
        "--before",
        str(paths["good"]),
        "--report",
        str(tmp_path / "r.json"),
    ]
    assert CliRunner().invoke(cli, args).exit_code == 0
    real = undo_module._apply
    monkeypatch.setattr(undo_module, "_apply", lambda page, found: real(page, found) + "!")
    done = CliRunner().invoke(cli, args)
    assert done.exit_code == 1 and "the output has '!'" in done.output
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["checked"] and not report["certain"] and report["problems"]
