"""One line of a dump with its position, so every decision can name the line it concerns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the input
    raw: str  # as printed, without the line break

    @property
    def text(self) -> str:
        return self.raw.strip()

    @property
    def indent(self) -> int:
        return len(self.raw) - len(self.raw.lstrip(" "))

    @property
    def blank(self) -> bool:
        return not self.raw.strip()


def split_lines(text: str) -> list[Line]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return [Line(i, raw.rstrip()) for i, raw in enumerate(text.split("\n"), 1)]
