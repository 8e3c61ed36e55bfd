"""Hunk-by-hunk decisions on one page, and the page they give.

A page under review is the text between hunks and, per hunk, what the page has there and what
reverting it puts back. Keeping a hunk keeps the page's text; reverting it puts the other text
back. Nothing is addressed by character offsets (Python counts code points, a browser UTF-16
units): the page is held as its pieces, so the review page and the command line rebuild the very
same text from the same file.

The file (`DECISIONS.json`, written by `restore --decisions` and by the review page's "Save
decisions" button, read by `restore --apply-decisions`)::

    {"format": "wikirecover-decisions", "version": 1, "kind": "restore",
     "labels": {"page": "page as given", "other": "the revision before"},
     "between": ["text before hunk 1", "text between 1 and 2", ..., "text after the last"],
     "hunks": [{"id": 1, "page": "...", "other": "...", "decision": "revert",
                "preset": "revert", "certain": false, "reason": "..."}, ...]}
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import WikirecoverError

FORMAT, VERSION = "wikirecover-decisions", 1
KEEP, REVERT = "keep", "revert"


@dataclass(frozen=True)
class Choice:
    """One hunk: what the page has, what reverting puts back, and what is decided."""

    page: str
    other: str
    decision: str  # keep | revert
    preset: str = ""  # the tool's own decision (the same unless a person changed it)
    certain: bool = False
    reason: str = ""


@dataclass
class Decisions:
    between: list[str]  # the page's text around the hunks: one more than there are hunks
    choices: list[Choice]
    kind: str = "restore"  # restore | diff | upstream
    labels: dict[str, str] = field(default_factory=lambda: {"page": "page", "other": "other"})
    title: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def page(self) -> str:
        """The page as given: every hunk kept."""
        return self._joined(lambda c: c.page)

    def result(self) -> str:
        """The page with every hunk decided."""
        return self._joined(lambda c: c.other if c.decision == REVERT else c.page)

    def decided(self, reverted: set[int]) -> Decisions:
        """The same hunks with those numbered in ``reverted`` (from 1) reverted, the rest kept."""
        choices = [
            replace(c, decision=REVERT if n in reverted else KEEP)
            for n, c in enumerate(self.choices, 1)
        ]
        return replace(self, choices=choices)

    def _joined(self, side) -> str:
        out = [self.between[0]]
        for choice, after in zip(self.choices, self.between[1:], strict=True):
            out.append(side(choice))
            out.append(after)
        return "".join(out)

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "version": VERSION,
            "kind": self.kind,
            "title": self.title,
            "labels": self.labels,
            "notes": self.notes,
            "between": self.between,
            "hunks": [
                {
                    "id": n,
                    "page": c.page,
                    "other": c.other,
                    "decision": c.decision,
                    "preset": c.preset or c.decision,
                    "certain": c.certain,
                    "reason": c.reason,
                }
                for n, c in enumerate(self.choices, 1)
            ],
        }

    @classmethod
    def from_json(cls, data: object, where: str = "decisions") -> Decisions:
        """Decisions read back; a file that is not one says what is wrong with it."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise WikirecoverError(f"not a {FORMAT} file", where)
        if data.get("version") != VERSION:
            raise WikirecoverError(f"decisions version {data.get('version')!r} is not 1", where)
        between, hunks = data.get("between"), data.get("hunks")
        if not _strings(between) or not isinstance(hunks, list):
            raise WikirecoverError("'between' must be a list of texts and 'hunks' a list", where)
        if len(between) != len(hunks) + 1:
            raise WikirecoverError(
                f"{len(hunks)} hunks need {len(hunks) + 1} texts around them, "
                f"'between' has {len(between)}",
                where,
            )
        choices = []
        for n, hunk in enumerate(hunks, 1):
            if not isinstance(hunk, dict) or not _strings([hunk.get("page"), hunk.get("other")]):
                raise WikirecoverError(f"hunk {n} needs the texts 'page' and 'other'", where)
            decision = hunk.get("decision")
            if decision not in (KEEP, REVERT):
                raise WikirecoverError(
                    f"hunk {n}: decision {decision!r} is neither 'keep' nor 'revert'", where
                )
            choices.append(
                Choice(
                    hunk["page"],
                    hunk["other"],
                    decision,
                    str(hunk.get("preset", decision)),
                    bool(hunk.get("certain", False)),
                    str(hunk.get("reason", "")),
                )
            )
        labels = data.get("labels") if isinstance(data.get("labels"), dict) else {}
        return cls(
            list(between),
            choices,
            str(data.get("kind", "restore")),
            {"page": str(labels.get("page", "page")), "other": str(labels.get("other", "other"))},
            str(data.get("title", "")),
            [str(n) for n in data.get("notes", []) if isinstance(n, str)],
        )

    @classmethod
    def read(cls, path: str) -> Decisions:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise WikirecoverError(f"cannot read the decisions: {exc.strerror}", path) from exc
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise WikirecoverError(f"the decisions are not JSON: {exc}", path) from exc
        return cls.from_json(data, path)


def _strings(values: object) -> bool:
    return isinstance(values, list) and all(isinstance(v, str) for v in values)


def pieces(
    page: str, spans: list[tuple[int, int, str, str, bool, str]]
) -> tuple[list[str], list[Choice]]:
    """``page`` cut at the hunks ``(start, end, other, decision, certain, reason)`` (in order,
    not overlapping): the texts between them and one choice per hunk."""
    between, choices, at = [], [], 0
    for start, end, other, decision, certain, reason in spans:
        if start < at:
            raise ValueError("hunks overlap or are out of order")
        between.append(page[at:start])
        choices.append(Choice(page[start:end], other, decision, decision, certain, reason))
        at = end
    between.append(page[at:])
    return between, choices
