"""The small vocabulary a dump is mapped onto before wikitext is written."""

from __future__ import annotations

from dataclasses import dataclass, field

from .lines import Line

# The bullets text browsers print for list levels 1, 2, 3, 4 (w3m: • □ ☆ ○) and others seen.
BULLETS = "•□☆○◦▪■●·‣⁃"


@dataclass
class Block:
    kind: str  # heading | paragraph | item | indent | file | table | verbatim
    text: str
    lines: list[Line]
    level: int = 0  # heading level (0 until inferred)
    marker: str = ""  # list item: "*", "#", "#*" ...
    number: int = 0  # numbered list item: its number
    caption: str = ""  # file: caption text
    rows: list[list[str]] = field(default_factory=list)  # table cells

    @property
    def first_line(self) -> int:
        return self.lines[0].number
