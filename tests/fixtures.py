"""Multi-case fixture files (markdown-it-py's `fixtures/*.md` is the model): one file per
component, `tests/fixtures/<readers|passes|writers|align>/<name>.txt`, each a run of cases:

    %%% case NAME (EXT)        the input, read as a file NAME.EXT
    ...
    %%% upstream               (align only) the upstream page
    ...
    %%% expected (EXT)         the output, in the writer's extension
    ...
    %%% issues                 (readers, passes, align) the issues left, one a line
    ...

A section's text is every line up to the next `%%% ` line; `%%% no newline at end` after a
section says its last line has no line feed. A new case is one more `%%% case` block in the
file; `pytest --update-golden` rewrites the expected sections (review the diff like code)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
_HEADER = re.compile(r"^%%% (case|upstream|expected|issues|no newline at end)(?: (.*))?$")
_EXTENSION = re.compile(r"^(?:(.*) )?\((\w+)\)$")
NO_NEWLINE = "%%% no newline at end"


@dataclass(frozen=True)
class Case:
    file: Path  # the fixture file
    name: str
    input_extension: str
    input: str
    expected_extension: str = ""
    expected: str | None = None
    issues: str | None = None
    upstream: str | None = None

    @property
    def component(self) -> str:  # readers | passes | writers | align
        return self.file.parent.name

    @property
    def component_name(self) -> str:  # the reader, pass or writer
        return self.file.stem

    @property
    def id(self) -> str:
        return f"{self.component}/{self.component_name}/{self.name}"


def read_cases(path: Path) -> list[Case]:
    sections: list[tuple[str, str, list[str]]] = []  # (kind, argument, lines)
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        header = _HEADER.match(line.rstrip("\n"))
        if header is None:
            if not sections:
                raise ValueError(f"{path}: text before the first %%% case")
            sections[-1][2].append(line)
        elif header.group(1) == "no newline at end":
            lines = sections[-1][2]
            lines[-1] = lines[-1].removesuffix("\n")
        else:
            sections.append((header.group(1), header.group(2) or "", []))
    cases: list[Case] = []
    for kind, argument, lines in sections:
        text = "".join(lines)
        if kind == "case":
            name, extension = _EXTENSION.match(argument).groups()
            cases.append(Case(path, name, extension, text))
        elif kind == "expected":
            extension = _EXTENSION.match(argument).group(2)
            cases[-1] = replace(cases[-1], expected_extension=extension, expected=text)
        else:
            cases[-1] = replace(cases[-1], **{kind: text})
    return cases


def write_cases(path: Path, cases: list[Case]) -> None:
    out: list[str] = []
    for case in cases:
        out += _section(f"case {case.name} ({case.input_extension})", case.input)
        if case.upstream is not None:
            out += _section("upstream", case.upstream)
        if case.expected is not None:
            out += _section(f"expected ({case.expected_extension})", case.expected)
        if case.issues is not None:
            out += _section("issues", case.issues)
    path.write_text("".join(out), encoding="utf-8")


def _section(header: str, text: str) -> list[str]:
    if not text or text.endswith("\n"):
        return [f"%%% {header}\n", text]
    return [f"%%% {header}\n", text, "\n", NO_NEWLINE + "\n"]


def all_cases() -> list[Case]:
    return [case for path in sorted(FIXTURES.glob("*/*.txt")) for case in read_cases(path)]
