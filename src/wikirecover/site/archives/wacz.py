"""WACZ files: a zip holding WARC files under ``archive/`` (read as `warc` reads them)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..capture import Capture
from .warc import warc_captures


def wacz_captures(path: Path, damage: list[str]) -> Iterator[Capture]:
    try:
        with zipfile.ZipFile(path) as archive:
            members = sorted(
                name
                for name in archive.namelist()
                if name.startswith("archive/") and name.endswith((".warc", ".warc.gz"))
            )
    except (zipfile.BadZipFile, OSError) as exc:
        damage.append(f"{path}: not a readable WACZ ({exc})")
        return
    if not members:
        damage.append(f"{path}: a zip with no archive/*.warc(.gz) inside: not a WACZ")
    for member in members:

        @contextmanager
        def opener(member: str = member):
            with zipfile.ZipFile(path) as archive, archive.open(member) as handle:
                yield handle

        yield from warc_captures(f"{path}!{member}", opener, damage)
