"""Golden-file tests: `tests/golden/<component>/<name>/<case>.<in-ext>` next to its expected
output `<case>.expected.<out-ext>` and, for readers and passes, the issue codes it must leave
(`<case>.expected.issues`). `pytest --update-golden` rewrites the expected files; review the
diff like code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from wikirecover import Options, convert, read_text, repair, write
from wikirecover.model import SourceInfo
from wikirecover.parsing import parse_wikitext
from wikirecover.registry import PASSES, WRITERS
from wikirecover.verify import check

GOLDEN = Path(__file__).parent / "golden"
INPUT_SUFFIXES = {".txt", ".wiki", ".html", ".xml"}


@dataclass(frozen=True)
class Case:
    component: str  # readers | passes | writers | align
    name: str  # the reader, pass or writer
    path: Path  # the input file

    @property
    def id(self) -> str:
        return f"{self.component}/{self.name}/{self.path.stem}"


def _cases() -> list[Case]:
    found = []
    for path in sorted(GOLDEN.glob("*/*/*")):
        if path.suffix in INPUT_SUFFIXES and not {".expected", ".upstream"} & set(path.suffixes):
            found.append(Case(path.parent.parent.name, path.parent.name, path))
    return found


def _run(case: Case) -> tuple[str, str, list[str]]:
    """(output, output extension, issue codes) for a case."""
    text = case.path.read_text(encoding="utf-8")
    source = SourceInfo(kind="", path=case.path.name)
    if case.component == "readers":
        docs = read_text(text, kind=case.name, source=source, options=VERIFY)
        outputs, codes = [], []
        for doc in docs:
            repair(doc)
            outputs.append(write(doc, "wikitext"))
            codes += [f"{doc.title}: {i.severity} {i.code}" for i in doc.issues]
            _conserved(doc, outputs[-1], "wikitext")
        return "\n<!-- next page -->\n".join(outputs), "wiki", codes
    if case.component == "passes":
        # `exact_*` cases are exact wikitext (a dump's page): only damage is repaired there;
        # the others show what a pass does where it applies (`--repairs all`)
        scope = "damage" if case.path.stem.startswith("exact_") else "all"
        [doc] = read_text(text, kind="wikitext", source=source)
        PASSES[case.name].run(doc, Options(repairs=scope))
        return doc.text, "wiki", [f"{i.severity} {i.code}" for i in doc.issues]
    if case.component == "align":  # <case>.<ext> recovered with <case>.upstream.wiki
        upstream = case.path.with_name(f"{case.path.stem}.upstream.wiki")
        [result] = convert(case.path, upstream=upstream)
        doc = result.document
        return result.output or "", "wiki", [f"{i.severity} {i.code}" for i in doc.issues]
    if case.component == "writers":
        [doc] = read_text(text, kind="wikitext", source=source, options=VERIFY)
        output = write(doc, case.name)
        if isinstance(output, str):
            _conserved(doc, output, case.name)
        return output, WRITERS[case.name].extension, []
    raise AssertionError(f"unknown golden component {case.component}")


# The conservation check is on in the behaviour tests: a golden output that loses a word of its
# input without an issue saying so fails, whatever the expected file holds.
VERIFY = Options(verify=True)


def _conserved(doc, output: str, to: str) -> None:
    unexplained = check(doc, output, to, VERIFY)
    lost = [i.dropped for i in doc.issues if i.code == "words-lost"]
    doc.issues[:] = [i for i in doc.issues if i.code != "words-lost"]
    assert not unexplained, f"{unexplained} words lost without a report: {lost}"


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c.id)
def test_golden(case: Case, update_golden: bool) -> None:
    output, extension, codes = _run(case)
    expected_path = case.path.with_name(f"{case.path.stem}.expected.{extension}")
    issues_path = case.path.with_name(f"{case.path.stem}.expected.issues")
    issues = "".join(f"{code}\n" for code in codes)
    if update_golden:
        expected_path.write_text(output, encoding="utf-8")
        if case.component != "writers":
            issues_path.write_text(issues, encoding="utf-8")
        return
    assert expected_path.exists(), f"no expected output: run pytest --update-golden ({case.id})"
    assert output == expected_path.read_text(encoding="utf-8")
    if issues_path.exists():
        assert issues == issues_path.read_text(encoding="utf-8")
    if extension == "wiki":
        assert str(parse_wikitext(output)) == output


def test_every_component_has_golden_cases() -> None:
    from wikirecover.registry import READERS

    covered = {(c.component, c.name) for c in _cases()}
    for name in READERS:
        assert ("readers", name) in covered, f"reader {name} has no golden case"
    for name in PASSES:
        assert ("passes", name) in covered, f"pass {name} has no golden case"
