"""What a restore returns: the page, each hunk with its decision and reason, and how sure it is."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..align.hunks import REVERTED, Hunk
from .verify import Problem


@dataclass
class Restored:
    text: str  # the restored page
    old: str  # the version the hunks are measured from (a good revision)
    new: str  # the page as given (the hunks' NEW side)
    hunks: list[Hunk]
    mode: str  # history | undo | known-good | blind
    base: str = ""  # which revision OLD is, in words
    notes: list[str] = field(default_factory=list)
    # what the independent check (`verify`) found wrong with the result: none when it did
    # exactly what was asked, or when nothing was checked
    problems: list[str] = field(default_factory=list)
    checked: bool = False  # whether the result was checked against what was asked

    @property
    def certain(self) -> bool:
        return not self.problems and all(h.certain for h in self.hunks)

    def found_wrong(self, problems: list[Problem]) -> None:
        """Record what the check found; the hunks at those places become uncertain."""
        self.checked = True
        for problem in problems:
            self.problems.append(str(problem))
            for hunk in self.hunks:
                if hunk.new_start - 1 <= problem.where <= hunk.new_end + 1:
                    hunk.certain = False
                    if "the check" not in hunk.reason:
                        hunk.reason += f"; the check found: {problem.what}"

    @property
    def reverted(self) -> list[Hunk]:
        return [h for h in self.hunks if h.decision == REVERTED]

    def to_json(self) -> dict:
        return {
            "mode": self.mode,
            "base": self.base,
            "certain": self.certain,
            "checked": self.checked,
            "problems": self.problems,
            "hunks": [h.to_json() for h in self.hunks],
            "reverted": len(self.reverted),
            "kept": len(self.hunks) - len(self.reverted),
            "uncertain": sum(1 for h in self.hunks if not h.certain),
            "notes": self.notes,
        }
