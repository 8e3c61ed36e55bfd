"""Page titles from file names: `Foo_bar_(baz).wiki` -> `Foo bar (baz)`."""

from __future__ import annotations

from pathlib import PurePath


def title_from_path(path: str) -> str:
    if path in ("", "-"):
        return ""
    return PurePath(path).stem.replace("_", " ").strip()
