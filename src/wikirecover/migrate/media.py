"""The files a wiki's pages use, found in a folder the user gives and copied to the engine's
media folder: MediaWiki's own `images/` tree (`images/a/ab/Name.png`, from the MD5 of the
name), a flat folder, or any tree holding the files by their names."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

from ..titles import page_name


def _name_key(name: str) -> str:
    return page_name(name).replace(" ", "_")


def hashed_path(name: str) -> str:
    """Where MediaWiki keeps file ``name`` under `images/` (`$wgHashedUploadDirectory`)."""
    stored = _name_key(name)
    digest = hashlib.md5(stored.encode("utf-8")).hexdigest()
    return f"{digest[0]}/{digest[:2]}/{stored}"


def copy_media(
    used: dict[str, list[str]],
    source: Path | None,
    target: Path,
    place: Callable[[str], str],
) -> tuple[list[str], dict[str, list[str]]]:
    """Copy every file of ``used`` (name -> pages using it) from ``source`` to ``target`` at
    ``place(name)``; returns (names copied, missing name -> pages)."""
    copied: list[str] = []
    missing: dict[str, list[str]] = {}
    index: dict[str, Path] | None = None
    for name, pages in sorted(used.items()):
        found = None
        if source is not None:
            hashed = source / hashed_path(name)
            if hashed.is_file():
                found = hashed
            else:
                if index is None:
                    index = {
                        _name_key(p.name).casefold(): p for p in source.rglob("*") if p.is_file()
                    }
                found = index.get(_name_key(name).casefold())
        if found is None:
            missing[name] = sorted(set(pages))
            continue
        destination = target / place(name)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(found, destination)
        copied.append(name)
    return copied, missing
