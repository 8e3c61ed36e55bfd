"""Safe output file names for page titles: never outside the output folder, never overwritten.

A title may hold anything: `../../etc/passwd`, NUL, `CON`, 400 characters, two titles that differ
only in case or Unicode normalisation (`Café` written two ways) on a case-insensitive disk. Each
part of a relative path is cleaned (no separators, no control characters, no leading dots,
Windows' reserved names suffixed, at most MAX_NAME bytes with a hash keeping it unique); names
that collide after case-folding and NFC are told apart by a numbered suffix, in the batch's
stable order.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path, PurePosixPath

MAX_NAME = 150  # bytes of one path component (disks allow 255; room for suffix and extension)
_RESERVED = re.compile(r"^(?:CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(?:\..*)?$", re.I)
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


def safe_component(name: str) -> str:
    name = unicodedata.normalize("NFC", name)
    cleaned = _UNSAFE.sub("_", name.replace(" ", "_")).strip(" .")
    cleaned = cleaned.lstrip(".") or "_"
    if _RESERVED.match(cleaned):
        cleaned = "_" + cleaned
    encoded = cleaned.encode("utf-8")
    if len(encoded) > MAX_NAME:
        digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]
        cleaned = encoded[: MAX_NAME - 11].decode("utf-8", "ignore") + "-" + digest
    return cleaned


def safe_relative(relative: Path) -> Path:
    """A relative path made of safe components only (`..` and absolute parts cannot escape)."""
    parts = [p for p in PurePosixPath(relative.as_posix()).parts if p not in ("", ".", "/")]
    safe = [safe_component(p) if p != ".." else "__" for p in parts]
    return Path(*safe) if safe else Path("_")


class NamePlanner:
    """Hands out output paths in batch order; the same job always gets the same path."""

    def __init__(self) -> None:
        self.used: dict[str, str] = {}  # folded path -> job key

    def path_for(self, key: str, relative: Path, extension: str) -> Path:
        base = safe_relative(relative)
        candidate = base.with_name(f"{base.name}.{extension}")
        number = 1
        while True:
            folded = unicodedata.normalize("NFC", candidate.as_posix()).casefold()
            owner = self.used.get(folded)
            if owner is None or owner == key:
                self.used[folded] = key
                return candidate
            number += 1
            candidate = base.with_name(f"{base.name}_{number}.{extension}")


def inside(folder: Path, path: Path, resolved: Path | None = None) -> bool:
    """Whether ``path`` resolves inside ``folder`` (the last guard before writing);
    ``resolved``: ``folder.resolve()``, when the caller checks many paths."""
    try:
        (folder / path).resolve().relative_to(resolved or folder.resolve())
    except ValueError:
        return False
    return True
