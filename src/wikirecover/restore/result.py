"""What a restore returns: the page, each hunk with its decision and reason, and how sure it is."""

from __future__ import annotations

from dataclasses import dataclass, field

from .hunks import REVERTED, Hunk


@dataclass
class Restored:
    text: str  # the restored page
    old: str  # the version the hunks are measured from (a good revision)
    new: str  # the page as given (the hunks' NEW side)
    hunks: list[Hunk]
    mode: str  # history | undo | known-good | blind
    base: str = ""  # which revision OLD is, in words
    notes: list[str] = field(default_factory=list)

    @property
    def certain(self) -> bool:
        return all(h.certain for h in self.hunks)

    @property
    def reverted(self) -> list[Hunk]:
        return [h for h in self.hunks if h.decision == REVERTED]

    def to_json(self) -> dict:
        return {
            "mode": self.mode,
            "base": self.base,
            "certain": self.certain,
            "hunks": [h.to_json() for h in self.hunks],
            "reverted": len(self.reverted),
            "kept": len(self.hunks) - len(self.reverted),
            "uncertain": sum(1 for h in self.hunks if not h.certain),
            "notes": self.notes,
        }
