"""The upstream of each page of a batch (``--upstream DIR|DUMP``), found by title.

A folder gives one file per title (``Title.wiki``, ``Title_with_underscores.txt``...); a dump is
streamed once into an SQLite index in a temporary file, so that a dump of any size costs disk,
not memory, and each page's upstream is one lookup.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from ..errors import InputError
from ..titles import page_name
from .sources import dump_jobs, is_dump


class Upstreams:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.files: dict[str, Path] = {}
        self.database: sqlite3.Connection | None = None
        if self.path.is_dir():
            for file in sorted(p for p in self.path.rglob("*") if p.is_file()):
                self.files.setdefault(page_name(file.stem), file)
        elif self.path.is_file() and is_dump(self.path):
            self._index_dump()
        elif self.path.is_file():
            self.files[""] = self.path  # one file: the upstream of every page
        else:
            raise InputError("no such file or folder", str(path))

    def _index_dump(self) -> None:
        self.folder = tempfile.TemporaryDirectory(prefix="wikirecover-upstream-")
        self.database = sqlite3.connect(Path(self.folder.name) / "index.sqlite")
        self.database.execute("create table page (title text primary key, text text)")
        with self.database:
            for job in dump_jobs(self.path):
                self.database.execute(
                    "insert or replace into page values (?, ?)", (page_name(job.title), job.text)
                )

    def text_for(self, title: str) -> str | None:
        """The upstream wikitext (or file text) of page ``title``, or None."""
        if self.database is not None:
            row = self.database.execute(
                "select text from page where title = ?", (page_name(title),)
            ).fetchone()
            return row[0] if row else None
        file = self.files.get(page_name(title)) or self.files.get("")
        if file is None:
            return None
        return file.read_bytes().decode("utf-8", "replace")
