"""The order the repair passes run in is one list (`passes.ORDER`), and the docs say that order."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from wikirecover import passes, registry
from wikirecover.registry import ordered_passes


def test_the_passes_run_in_the_listed_order() -> None:
    assert [step.name for step in ordered_passes()] == list(passes.ORDER)
    assert set(passes.ORDER) == set(registry.PASSES)


def test_the_docs_give_the_codes_order() -> None:
    architecture = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    sentence = architecture.split("In order: ", 1)[1].split("Passes that repair", 1)[0]
    named = [name for name in re.findall(r"`([a-z-]+)`", sentence) if name in registry.PASSES]
    assert named == list(passes.ORDER)
    repair = (ROOT / "docs" / "repair.md").read_text(encoding="utf-8")
    table = repair.split("## The passes, in order", 1)[1]
    rows = re.findall(r"^\| `([a-z-]+)` \|", table, re.M)
    assert rows == list(passes.ORDER)


def test_an_order_that_breaks_an_after_fails_at_once() -> None:
    saved = list(registry.PASS_ORDER)
    try:
        with pytest.raises(ValueError, match="must come after"):
            registry.set_pass_order(["syntax", "characters", *passes.ORDER[2:]])
        with pytest.raises(ValueError, match="every registered pass once"):
            registry.set_pass_order(passes.ORDER[:-1])
    finally:
        registry.set_pass_order(saved)
