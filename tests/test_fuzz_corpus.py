"""The fuzz corpus replayed: every stored input (seeds, inputs that reached new code, and past
findings, named finding-*) passes its harness's checks. Long runs: tests/fuzz/README.md."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parent / "fuzz"
sys.path.insert(0, str(FUZZ))

from targets import TARGETS  # noqa: E402

CASES = sorted(
    (target, path)
    for target in TARGETS
    for path in (FUZZ / "corpus" / target).glob("*")
    if path.is_file()
)


def test_every_harness_has_a_corpus() -> None:
    assert {target for target, _ in CASES} == set(TARGETS)


@pytest.mark.parametrize(("target", "path"), CASES, ids=[f"{t}/{p.name[:20]}" for t, p in CASES])
def test_corpus_input(target: str, path: Path) -> None:
    TARGETS[target](path.read_bytes())
