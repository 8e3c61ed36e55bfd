"""The review page and its decisions file: presets that give what the command gave, decisions
that replay on the command line, bad files named, and the page itself driven in Debian's
Chromium (keyboard and mouse, save, the layout at 1280x800, its speed on a 300 KB page)."""

from __future__ import annotations

import json
import random
import statistics
import struct
from pathlib import Path

import pytest
from chromium_browser import chromium, downloaded
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from wikirecover.align.hunks import REVERTED, hunks, rebuild
from wikirecover.cli import cli
from wikirecover.errors import WikirecoverError
from wikirecover.restore import undo_change
from wikirecover.restore.known_good import restore_known_good
from wikirecover.restore.review import from_restore
from wikirecover.review.decisions import Decisions, pieces
from wikirecover.review.page import review_page
from wikirecover.review.sources import from_diff, from_upstream

GOOD = "The cat sat on the mat.\n\nDogs bark at night. 🐕\n\nBirds sing in the morning.\n"
BAD = GOOD.replace("sat on the mat", "sat on the HAT LOL").replace("morning", "MORNING!!!!!")
CURRENT = BAD.replace("Dogs bark", "Dogs often bark")


def test_a_restores_decisions_give_its_result_and_its_page() -> None:
    for result in (undo_change(CURRENT, GOOD, BAD), restore_known_good(CURRENT, GOOD)):
        decisions = from_restore(result)
        assert decisions.page == CURRENT
        assert decisions.result() == result.text
        everything = decisions.decided(set(range(1, len(decisions.choices) + 1)))
        assert everything.result() == rebuild(CURRENT, _all_reverted(result.hunks))


def _all_reverted(found):
    for hunk in found:
        hunk.decision = REVERTED
    return found


def test_diff_and_upstream_decisions_keep_the_new_side_until_reverted() -> None:
    diff = from_diff(GOOD, CURRENT, "old.wiki", "new.wiki")
    assert diff.result() == CURRENT and diff.labels == {"page": "new.wiki", "other": "old.wiki"}
    assert diff.decided(set(range(1, len(diff.choices) + 1))).result() == GOOD
    upstream = from_upstream("Plain text here.", "[[Plain]] text ''here''.")
    assert upstream.result() == "[[Plain]] text ''here''."
    assert upstream.decided({1, 2}).result() == "Plain text here."


WIKI = st.text(alphabet="ab [|]{}=\n'.x🐕é", max_size=50)


@settings(max_examples=150, deadline=None)
@given(WIKI, WIKI, st.sets(st.integers(1, 30)))
def test_any_decisions_survive_the_file_and_rebuild_the_same_page(old, new, reverted) -> None:
    decisions = from_diff(old, new, "old", "new").decided(reverted)
    again = Decisions.from_json(json.loads(json.dumps(decisions.to_json())))
    assert again.result() == decisions.result()
    found = hunks(old, new)
    for n, hunk in enumerate(found, 1):
        hunk.decision = REVERTED if n in reverted else "kept"
    assert again.result() == rebuild(new, found)


BAD_FILES = [
    ([], "not a wikirecover-decisions file"),
    ({"format": "wikirecover-decisions", "version": 2}, "version 2 is not 1"),
    ({"format": "wikirecover-decisions", "version": 1, "between": "x", "hunks": []}, "a list"),
    (
        {"format": "wikirecover-decisions", "version": 1, "between": ["a"], "hunks": [{}]},
        "1 hunks need 2 texts",
    ),
    (
        {"format": "wikirecover-decisions", "version": 1, "between": ["a", "b"], "hunks": [{}]},
        "hunk 1 needs the texts",
    ),
    (
        {
            "format": "wikirecover-decisions",
            "version": 1,
            "between": ["a", "b"],
            "hunks": [{"page": "x", "other": "y", "decision": "maybe"}],
        },
        "neither 'keep' nor 'revert'",
    ),
]


@pytest.mark.parametrize(("data", "message"), BAD_FILES)
def test_a_file_that_is_no_decisions_says_what_is_wrong(data, message) -> None:
    with pytest.raises(WikirecoverError, match=message):
        Decisions.from_json(data, "d.json")


def test_pieces_refuse_overlapping_hunks() -> None:
    with pytest.raises(ValueError):
        pieces("abcdef", [(0, 3, "", "keep", False, ""), (2, 4, "", "keep", False, "")])


def _files(tmp_path: Path, **texts: str) -> dict[str, Path]:
    paths = {}
    for name, text in texts.items():
        paths[name] = tmp_path / f"{name}.wiki"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def test_cli_decisions_replay_and_refuse_another_page(tmp_path: Path) -> None:
    f = _files(tmp_path, current=CURRENT, good=GOOD, bad=BAD)
    out, decisions, review = tmp_path / "out.wiki", tmp_path / "d.json", tmp_path / "r.html"
    args = ["restore", str(f["current"]), "--undo", str(f["bad"]), "--before", str(f["good"])]
    done = CliRunner().invoke(
        cli, [*args, "-o", str(out), "--decisions", str(decisions), "--review", str(review)]
    )
    assert done.exit_code == 1  # "mat" put back on a page edited since: for review
    replayed = CliRunner().invoke(
        cli, ["restore", str(f["current"]), "--apply-decisions", str(decisions), "-q"]
    )
    assert replayed.exit_code == 0 and replayed.output == out.read_text(encoding="utf-8")
    other = CliRunner().invoke(
        cli, ["restore", str(f["good"]), "--apply-decisions", str(decisions)]
    )
    assert other.exit_code == 2 and "made on another page" in other.output
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    broken = CliRunner().invoke(cli, ["restore", "--apply-decisions", str(tmp_path / "bad.json")])
    assert broken.exit_code == 2 and "not JSON" in broken.output
    page = review.read_text(encoding="utf-8")
    assert "<script" in page and "HAT LOL" in page and "http" not in page.split("<body>")[1]


def test_cli_diff_and_convert_upstream_write_review_pages(tmp_path: Path) -> None:
    f = _files(tmp_path, old=GOOD, new=CURRENT)
    review = tmp_path / "diff.html"
    done = CliRunner().invoke(cli, ["diff", str(f["old"]), str(f["new"]), "--review", str(review)])
    assert done.exit_code == 1 and "wikirecover-decisions" in review.read_text(encoding="utf-8")
    text = tmp_path / "page.txt"
    text.write_text("Anarchism\n\nAnarchism is a political philosophy.\n", encoding="utf-8")
    upstream = tmp_path / "up.wiki"
    upstream.write_text("'''Anarchism''' is a [[political philosophy]].\n", encoding="utf-8")
    page = tmp_path / "up.html"
    done = CliRunner().invoke(
        cli,
        ["convert", str(text), "--upstream", str(upstream), "--review", str(page), "-o", "-"],
    )
    assert done.exit_code == 0, done.output
    assert '"page": "[["' in page.read_text(encoding="utf-8")  # the link's markup is a hunk
    missing = CliRunner().invoke(cli, ["convert", str(text), "--review", str(page)])
    assert missing.exit_code == 2 and "give --upstream" in missing.output


def test_the_embedded_data_cannot_close_its_script() -> None:
    decisions = from_diff("a", "a</script><script>alert(1)</script>", "old", "new")
    page = review_page(decisions, "t", [])
    assert page.count("</script>") == 2  # the data's and the program's own


# ---- in the browser ------------------------------------------------------------------------


def big_case(seed: int = 7, size: int = 300_000, changes: int = 200) -> tuple[str, str]:
    """A good page of about ``size`` characters and the same page with ``changes`` hunks."""
    rng = random.Random(seed)
    words = ["anarchism", "state", "power", "society", "market", "labour", "the", "of", "and"]
    paragraphs, total = [], 0
    while total < size:
        paragraph = " ".join(rng.choice(words) for _ in range(rng.randint(40, 120))) + "."
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    good = "\n\n".join(paragraphs) + "\n"
    tokens = good.split(" ")
    step = len(tokens) // changes
    for n in range(changes):
        at = n * step + step // 2
        tokens[at] = rng.choice(["YOU SUCK LOL", "[[Anarchism|anarchy]]", "", "labor", "🐕"])
    return good, " ".join(tokens)


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    return struct.unpack(">II", head[16:24])


def test_the_review_page_in_chromium(tmp_path: Path, capsys) -> None:
    good, current = big_case()
    f = _files(tmp_path, good=good, current=current)
    review, presets, out = tmp_path / "review.html", tmp_path / "presets.json", tmp_path / "out"
    done = CliRunner().invoke(
        cli,
        [
            "restore",
            str(f["current"]),
            "--good",
            str(f["good"]),
            "-o",
            str(out),
            "-q",
            "--review",
            str(review),
            "--decisions",
            str(presets),
        ],
    )
    assert done.exit_code == 1  # known-good mode: content alone is for review
    preset = json.loads(presets.read_text(encoding="utf-8"))
    assert len(preset["hunks"]) == 200 and review.stat().st_size > 300_000
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with chromium(downloads) as driver:
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys

        driver.get(review.as_uri())
        cold = driver.execute_script("return window.reviewTimings")
        driver.get(review.as_uri())  # opened again: the browser's own start-up costs paid
        assert driver.execute_script("return document.body.dataset.ready") == "1"
        opened = driver.execute_script("return window.reviewTimings")
        preview = "return window.reviewResult()"
        assert driver.execute_script(preview) == out.read_text(encoding="utf-8")
        # uncertain hunks first: the first card shown is one for review
        first = driver.find_element(By.CSS_SELECTOR, "#cards .card")
        assert "uncertain" in first.get_attribute("class").split()

        decisions = {h["id"]: h["decision"] for h in preset["hunks"]}
        flip = {"keep": "revert", "revert": "keep"}

        def current_hunk() -> int:
            card = driver.execute_script("return document.querySelector('.card.current').id")
            return int(card.removeprefix("hunk-"))

        keys = ActionChains(driver)
        for key, action in (
            ("j", None),
            (" ", "toggle"),
            ("j", None),
            ("r", "revert"),
            (Keys.ARROW_DOWN, None),
            ("t", "toggle"),
            ("k", None),
            ("c", "keep"),
        ):
            keys = ActionChains(driver)
            keys.send_keys(key).perform()
            if action:
                n = current_hunk()
                decisions[n] = flip[decisions[n]] if action == "toggle" else action
        # the mouse: the toggle of the fifth card shown
        button = driver.find_elements(By.CSS_SELECTOR, "#cards .card .toggle")[4]
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
        n = current_hunk()
        decisions[n] = flip[decisions[n]]
        driver.find_element(By.ID, "save-decisions").click()
        ActionChains(driver).key_down(Keys.CONTROL).send_keys("s").key_up(Keys.CONTROL).perform()
        saved_decisions = downloaded(downloads, "current.decisions.json")
        saved = downloaded(downloads, "current.reviewed.wiki").read_text(encoding="utf-8")
        shown = driver.execute_script(preview)
        toggles = driver.execute_script("return window.reviewTimings.toggles")
        # readable at 1280x800: the panes side by side, none over another, nothing wider
        shot = tmp_path / "review.png"
        driver.save_screenshot(str(shot))
        boxes = driver.execute_script(
            "return ['top', 'nav', 'cards', 'preview-pane'].map(id => {"
            "const r = document.getElementById(id).getBoundingClientRect();"
            "return [id, r.left, r.top, r.right, r.bottom]; })"
        )
        width = driver.execute_script("return document.documentElement.scrollWidth")
    with capsys.disabled():
        print(
            f"\nreview page, 300 KB / 200 hunks in headless Chromium: opened in "
            f"{opened['open']:.0f} ms (script {opened['build']:.0f} ms; the first time in a new "
            f"browser {cold['open']:.0f} ms); toggles "
            f"{', '.join(f'{t:.0f}' for t in toggles)} ms (median {statistics.median(toggles):.0f})"
        )
    data = json.loads(saved_decisions.read_text(encoding="utf-8"))
    assert {h["id"]: h["decision"] for h in data["hunks"]} == decisions
    assert sum(decisions[h["id"]] != h["decision"] for h in preset["hunks"]) >= 3
    assert saved == shown
    replayed = CliRunner().invoke(
        cli, ["restore", str(f["current"]), "--apply-decisions", str(saved_decisions), "-q"]
    )
    assert replayed.exit_code == 0 and replayed.output == saved
    assert _png_size(shot) == (1280, 800)
    assert width <= 1280
    rects = {name: (left, top, right, bottom) for name, left, top, right, bottom in boxes}
    for name, (left, top, right, bottom) in rects.items():
        assert right - left >= 150 and bottom - top >= 100, name
        assert left >= 0 and right <= 1280 and bottom <= 800, name
    names = list(rects)
    for a in range(len(names)):
        for b in range(a + 1, len(names)):
            (l1, t1, r1, b1), (l2, t2, r2, b2) = rects[names[a]], rects[names[b]]
            overlap = min(r1, r2) - max(l1, l2) > 1 and min(b1, b2) - max(t1, t2) > 1
            assert not overlap, (names[a], names[b])


def test_a_diff_review_reverted_everywhere_gives_the_old_page(tmp_path: Path) -> None:
    f = _files(tmp_path, old=GOOD, new=CURRENT)
    review = tmp_path / "diff.html"
    CliRunner().invoke(cli, ["diff", str(f["old"]), str(f["new"]), "--review", str(review)])
    count = len(hunks(GOOD, CURRENT))
    with chromium(tmp_path) as driver:
        from selenium.webdriver.common.action_chains import ActionChains

        driver.get(review.as_uri())
        preview = "return window.reviewResult()"
        assert driver.execute_script(preview) == CURRENT
        for _ in range(count):
            ActionChains(driver).send_keys("r").send_keys("j").perform()
        assert driver.execute_script(preview) == GOOD


def test_a_page_without_hunks_opens_and_says_so(tmp_path: Path) -> None:
    review = tmp_path / "same.html"
    review.write_text(review_page(from_diff(GOOD, GOOD, "a", "b"), "same", []), encoding="utf-8")
    with chromium(tmp_path) as driver:
        driver.get(review.as_uri())
        assert driver.execute_script("return document.body.dataset.ready") == "1"
        assert driver.execute_script("return window.reviewResult()") == GOOD
        text = driver.execute_script("return document.getElementById('preview').textContent")
        assert text.startswith("No hunks")
