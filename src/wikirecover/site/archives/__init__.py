"""Web archives as captures, the kind of each input told from its name and first bytes:
WARC, ARC, WACZ, or a folder (a wget/HTTrack mirror, Wayback Machine saves). A new kind is one
module and one line in `KINDS`."""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterator
from pathlib import Path

from ...errors import InputError
from ..capture import Capture
from .folders import folder_captures
from .wacz import wacz_captures
from .warc import arc_captures, warc_captures

Reader = Callable[[Path, list[str]], Iterator[Capture]]


def _head(path: Path) -> bytes:
    with open(path, "rb") as handle:
        head = handle.read(512)
    if head[:2] == b"\x1f\x8b":
        try:
            with gzip.open(path, "rb") as handle:
                return handle.read(512)
        except (OSError, EOFError):
            return b""
    return head


def _is_warc(path: Path) -> bool:
    return _head(path).startswith(b"WARC/")


def _is_arc(path: Path) -> bool:
    head = _head(path)
    return head.startswith(b"filedesc://") or (
        path.name.endswith((".arc", ".arc.gz")) and b" " in head[:200]
    )


def _is_wacz(path: Path) -> bool:
    return path.suffix == ".wacz" or (path.suffix == ".zip" and _head(path)[:2] == b"PK")


def _warc(path: Path, damage: list[str]) -> Iterator[Capture]:
    return warc_captures(str(path), lambda: open(path, "rb"), damage)


KINDS: tuple[tuple[str, Callable[[Path], bool], Reader], ...] = (
    ("folder", Path.is_dir, folder_captures),
    ("wacz", _is_wacz, wacz_captures),
    ("warc", _is_warc, _warc),
    ("arc", _is_arc, arc_captures),
)


def archive_kind(path: Path) -> str:
    """The kind of an archive input, or an `InputError` naming it."""
    if not path.exists():
        raise InputError("no such file or folder", str(path))
    for name, test, _ in KINDS:
        try:
            if test(path):
                return name
        except OSError as exc:
            raise InputError(f"cannot be read ({exc.strerror or exc})", str(path)) from exc
    raise InputError(
        "not a web archive: give WARC, ARC or WACZ files, or a folder of saved pages", str(path)
    )


def captures(inputs: list[str], damage: list[str]) -> Iterator[tuple[str, Capture]]:
    """Every capture of every input, with the input's kind; inputs checked before any is read."""
    kinds = [(Path(given), archive_kind(Path(given))) for given in inputs]
    readers = {name: reader for name, _, reader in KINDS}
    for path, kind in kinds:
        for capture in readers[kind](path, damage):
            yield kind, capture
