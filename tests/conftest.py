"""Shared test fixtures: the golden-file switch and the shared corpus (skipped when absent)."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests give the same answer on every run (CI included): the "ci" profile derandomizes
# them. `HYPOTHESIS_PROFILE=search pytest` runs a random search instead; keep what it finds as an
# explicit `@example`.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("search", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
# Tests of wikirecover's layer over mwparserfromhell being in use (WIKIRECOVER_SPEEDUPS=0 runs the
# suite on the library alone: everything else must pass both ways).
SPEEDUPS_ONLY = pytest.mark.skipif(
    os.environ.get("WIKIRECOVER_SPEEDUPS", "1").strip().lower() in ("0", "no", "off", "false"),
    reason="the speed-ups are switched off (WIKIRECOVER_SPEEDUPS=0)",
)
SHARED = Path(os.environ.get("WIKIRECOVER_SHARED", ROOT.parent / "shared"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the expected files of the golden tests from the current output",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def shared_dir(*parts: str) -> Path:
    """A folder of ../shared, or skip the test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared material not found: {path}")
    return path


def shared_wikitexts() -> list[str]:
    """The inputs of mwparserfromhell's own tokenizer tests (committed, `tests/data/`), and,
    where ../shared is there, every corpus page's wikitext and every parser test's input."""
    bundled = json.loads((ROOT / "tests" / "data" / "mwparserfromhell_inputs.json").read_text())
    texts = list(bundled["inputs"])
    corpus = SHARED / "corpus" / "wikitext"
    texts += [path.read_text(encoding="utf-8") for path in sorted(corpus.glob("*.wiki"))]
    for name in ("parserTests.txt", "citeParserTests.txt"):
        if (SHARED / "parsertests" / name).exists():
            suite = (SHARED / "parsertests" / name).read_text(encoding="utf-8")
            texts += re.findall(r"^!! *wikitext\n(.*?)^!! ", suite, flags=re.S | re.M)
    return texts


@pytest.fixture
def samples() -> Path:
    return ROOT / "samples"


def eval_script(name: str):
    """The shared evaluation script ``../shared/eval/<name>.py`` as a module (skip when the
    shared material or the script's own dependency is absent)."""
    path = shared_dir("eval") / f"{name}.py"
    pytest.importorskip({"score": "rapidfuzz", "parsertests": "html5lib"}.get(name, "pytest"))
    spec = importlib.util.spec_from_file_location(f"wikirecover_eval_{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and pickling look modules up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def wiki(tmp_path_factory):
    """A throwaway MediaWiki 1.39 per test module (`mediawiki_wiki`); skips where absent."""
    from mediawiki_wiki import running_wiki

    yield from running_wiki(tmp_path_factory)
