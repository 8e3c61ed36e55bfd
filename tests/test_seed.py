"""The page this project exists for: what a careful reader sees in it must come back."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from wikirecover import convert
from wikirecover.parsing import parse_wikitext

SEED = Path(__file__).resolve().parent.parent / "samples" / "terrorism_in_Kazakhstan.txt"


@pytest.fixture(scope="module")
def recovered():
    [result] = convert(SEED, to="wikitext")
    return result


def test_no_chrome_left(recovered) -> None:
    for chrome in ("Still working to recover", "From Anarchopedia", "Jump to", "[edit]"):
        assert chrome not in recovered.output
    assert not recovered.output.startswith("terrorism in Kazakhstan")
    assert recovered.document.title == "terrorism in Kazakhstan"


def test_sixteen_headings(recovered) -> None:
    headings = parse_wikitext(recovered.output).filter_headings()
    assert len(headings) == 16
    assert str(headings[0].title) == "Organizations"
    assert str(headings[-1].title) == "External links"


def _uses(wikitext: str) -> Counter[str]:
    """Citations per reference: named refs by name, anonymous ones one each."""
    counts: Counter[str] = Counter()
    code = parse_wikitext(wikitext)
    for k, tag in enumerate(code.filter_tags(matches=lambda n: str(n.tag) == "ref")):
        if any(str(a.tag) == "references" for a in code.get_ancestors(tag) if hasattr(a, "tag")):
            continue
        name = tag.get("name").value.strip() if tag.has("name") else f"anonymous {k}"
        counts[str(name)] += 1
    return counts


def test_reference_reuse_matches_the_backlinks(recovered) -> None:
    counts = _uses(recovered.output)
    assert sum(counts.values()) == 49  # markers [1]..[26] used 49 times
    by_uses = sorted(counts.values(), reverse=True)
    # 3 used six times; 8, 17, 21 five times; 22 four times; 4, 9, 15 twice; the rest once
    assert by_uses[:8] == [6, 5, 5, 5, 4, 2, 2, 2]
    assert by_uses[8:] == [1] * (len(by_uses) - 8)
    assert len(counts) == 26


def test_reference_27_is_list_defined(recovered) -> None:
    block = re.search(r"<references>\n(.*?)\n</references>", recovered.output, re.S)
    assert block is not None
    assert "Will Kazakh Authorities Avoid Extremist Pitfalls?" in block.group(1)
    codes = [i.code for i in recovered.document.issues]
    assert codes.count("ref-list-defined") == 1


def test_templates_and_hatnotes(recovered) -> None:
    names = [str(t.name) for t in parse_wikitext(recovered.output).filter_templates()]
    assert "Terrorism" in names
    assert "{{Main|Hamas}}" in recovered.output
    assert "{{Main|Hizb-ut-Tahrir}}" in recovered.output


def test_non_citation_brackets_stay_text(recovered) -> None:
    assert "we heard that [Hizb ut-Tahrir] had support" in recovered.output


def test_result_parses_and_round_trips(recovered) -> None:
    assert str(parse_wikitext(recovered.output)) == recovered.output
    [again] = convert(SEED, to="wikitext")
    assert again.output == recovered.output
