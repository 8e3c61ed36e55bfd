"""Golden tests: the multi-case fixture files of `tests/fixtures/` (format: `fixtures.py`), one
per reader, pass, writer and alignment. `pytest --update-golden` rewrites the expected
sections; review the diff like code."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pytest
from fixtures import Case, all_cases, write_cases

from wikirecover import Options, convert, read_text, repair, write
from wikirecover.model import SourceInfo
from wikirecover.parsing import parse_wikitext
from wikirecover.registry import PASSES, WRITERS
from wikirecover.verify import check


def _run(case: Case, folder: Path) -> tuple[str, str, list[str]]:
    """(output, output extension, issue codes) for a case."""
    text = case.input
    source = SourceInfo(kind="", path=f"{case.name}.{case.input_extension}")
    name = case.component_name
    if case.component == "readers":
        docs = read_text(text, kind=name, source=source, options=VERIFY)
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
        scope = "damage" if case.name.startswith("exact_") else "all"
        [doc] = read_text(text, kind="wikitext", source=source)
        PASSES[name].run(doc, Options(repairs=scope))
        return doc.text, "wiki", [f"{i.severity} {i.code}" for i in doc.issues]
    if case.component == "align":  # the input recovered with the case's upstream
        page = folder / source.path
        page.write_text(text, encoding="utf-8")
        upstream = folder / f"{case.name}.upstream.wiki"
        upstream.write_text(case.upstream or "", encoding="utf-8")
        [result] = convert(page, upstream=upstream)
        doc = result.document
        return result.output or "", "wiki", [f"{i.severity} {i.code}" for i in doc.issues]
    if case.component == "writers":
        [doc] = read_text(text, kind="wikitext", source=source, options=VERIFY)
        output = write(doc, name)
        if isinstance(output, bytes):  # a binary format: its text as pandoc reads it back
            return _binary_text(output, name), "txt", []
        _conserved(doc, output, name)
        if name == "mediawiki-xml":  # a page without a revision is stamped with the time now
            output = re.sub(r"<timestamp>[^<]*</timestamp>", "<timestamp>NOW</timestamp>", output)
        return output, WRITERS[name].extension, []
    raise AssertionError(f"unknown fixture component {case.component}")


def _binary_text(output: bytes, writer: str) -> str:
    """What a binary export (docx, odt, epub) says, as pandoc reads it back into plain text."""
    import subprocess

    from wikirecover.pandoc import pandoc_path

    return subprocess.run(
        [pandoc_path(), "-f", writer, "-t", "plain", "--wrap=none"],
        input=output,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")


# The conservation check is on in the behaviour tests: a golden output that loses a word of its
# input without an issue saying so fails, whatever the expected file holds.
VERIFY = Options(verify=True)


def _conserved(doc, output: str, to: str) -> None:
    unexplained = check(doc, output, to, VERIFY)
    lost = [i.dropped for i in doc.issues if i.code == "words-lost"]
    doc.issues[:] = [i for i in doc.issues if i.code != "words-lost"]
    assert not unexplained, f"{unexplained} words lost without a report: {lost}"


CASES = all_cases()
_updated: dict[Path, list[Case]] = defaultdict(list)  # --update-golden: cases run, per file


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_golden(case: Case, update_golden: bool, tmp_path: Path) -> None:
    output, extension, codes = _run(case, tmp_path)
    issues = "".join(f"{code}\n" for code in codes)
    if update_golden:
        _updated[case.file].append(
            replace(
                case,
                expected_extension=extension,
                expected=output,
                issues=None if case.component == "writers" else issues,
            )
        )
        if len(_updated[case.file]) == sum(1 for c in CASES if c.file == case.file):
            write_cases(case.file, _updated.pop(case.file))
        return
    assert case.expected is not None, f"no expected output: run pytest --update-golden ({case.id})"
    assert output == case.expected
    if case.issues is not None:
        assert issues == case.issues
    if extension == "wiki":
        assert str(parse_wikitext(output)) == output


def test_every_component_has_golden_cases() -> None:
    from wikirecover.registry import READERS

    covered = {(c.component, c.component_name) for c in CASES}
    for name in READERS:
        assert ("readers", name) in covered, f"reader {name} has no golden case"
    for name in PASSES:
        assert ("passes", name) in covered, f"pass {name} has no golden case"
    for name in WRITERS:
        assert ("writers", name) in covered, f"writer {name} has no golden case"
    for case in CASES:
        assert case.expected is not None, f"{case.id} has no expected output"
