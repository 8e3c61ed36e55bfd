"""Reliability table (a), rows 47-50: titles from the data name output files, and batches die."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from wikirecover.batch.run import run_batch
from wikirecover.options import Options

TRAVERSAL = [
    "../../etc/passwd",
    "/etc/passwd",
    "a/../../b",
    ".",
    "..",
    "Foo/Bar",
    "C:\\x",
    "a\x00b",
]
WINDOWS = [
    *(f"{n}" for n in ("CON", "PRN", "AUX", "NUL", "nul.txt", "COM1", "LPT¹", "lpt9.wiki")),
    "ends with dot.",
    "ends with space ",
    "Talk:Foo",
    'star*quest?<less>|pipe"quote',
]
LONG = ["é" * 130, "語" * 90, "x" * 255, "y" * 300 + "/z"]
COLLIDING = ["Apple", "APPLE", "apple", "Caf\u00e9", "Cafe\u0301", "Foo bar", "Foo_bar", "-o evil"]


def hostile_titles() -> list[str]:
    """500 hostile titles: the rows' examples, each also under numbered and nested variants."""
    base = TRAVERSAL + WINDOWS + LONG + COLLIDING
    titles = []
    n = 0
    while len(titles) < 500:
        for title in base:
            titles.append(title if n == 0 else f"{title}/{n}" if n % 2 else f"{n}{title}")
        n += 1
    return titles[:500]


def _dump(titles: list[str]) -> str:
    pages = "".join(
        f"<page><title>{escape(t.replace(chr(0), '?'))}</title><revision><id>{n}</id>"
        f"<text>page {n} text</text></revision></page>"
        for n, t in enumerate(titles, 1)
    )
    return f'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/">{pages}</mediawiki>'


def test_rows47_49_500_hostile_titles_write_inside_the_root_and_never_overwrite(tmp_path) -> None:
    titles = hostile_titles()
    source = tmp_path / "in" / "dump.xml"
    source.parent.mkdir()
    source.write_text(_dump(titles))
    out = tmp_path / "out"
    summary = run_batch([str(source)], out, "wikitext", Options(), workers=2)
    assert summary.pages == 500 and not summary.counts.get("FAILED")
    files = [p for p in out.rglob("*.wiki") if p.is_file()]
    assert len(files) == 500  # one file per page: nothing overwritten
    contents = sorted(p.read_text() for p in files)
    assert contents == sorted(f"page {n} text" for n in range(1, 501))
    root = out.resolve()
    folded = set()
    for path in files:
        assert path.resolve().is_relative_to(root)
        relative = path.relative_to(out)
        for part in relative.parts:
            assert len(part.encode()) <= 200
            assert part.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1"}
            assert not part.endswith((" ", ".")) and not set(part) & set('\x00\\:*?"<>|')
        key = unicodedata.normalize("NFC", relative.as_posix()).casefold()
        assert key not in folded
        folded.add(key)
    assert not list(tmp_path.glob("etc")) and not (tmp_path / "b").exists()


def test_row50_outputs_are_written_atomically_and_durably(tmp_path, monkeypatch) -> None:
    source = tmp_path / "in" / "page.wiki"
    source.parent.mkdir()
    source.write_text("== A ==\ntext\n")
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    out = tmp_path / "out"
    run_batch([str(source)], out, "gfm", Options(), workers=1)
    assert "## A" in (out / "page.md").read_text()
    assert len(synced) >= 2  # the file, then its folder
    assert not [p for p in out.rglob(".tmp-*")]


def test_row50_a_symlink_planted_in_the_output_folder_is_not_written_through(tmp_path) -> None:
    source = tmp_path / "in" / "page.wiki"
    source.parent.mkdir()
    source.write_text("text\n")
    outside = tmp_path / "outside.md"
    outside.write_text("untouched")
    out = tmp_path / "out"
    out.mkdir()
    (out / "page.md").symlink_to(outside)
    summary = run_batch([str(source)], out, "gfm", Options(), workers=1)
    assert outside.read_text() == "untouched"
    assert summary.counts.get("FAILED") or not (out / "page.md").is_symlink()


def test_row50_an_output_folder_inside_the_input_tree_is_not_read_back(tmp_path) -> None:
    tree = tmp_path / "wiki"
    tree.mkdir()
    (tree / "a.wiki").write_text("A\n")
    (tree / "b.wiki").write_text("B\n")
    out = tree / "converted"
    first = run_batch([str(tree)], out, "wikitext", Options(), workers=1)
    second = run_batch([str(tree)], out, "wikitext", Options(), workers=1)
    assert first.pages == second.pages == 2
    assert sorted(p.name for p in out.rglob("*.wiki")) == ["a.wiki", "b.wiki"]


@pytest.mark.parametrize("title", ["-o evil", "--help", "-"])
def test_row50_titles_starting_with_a_dash_are_only_file_names(tmp_path, title: str) -> None:
    source = tmp_path / "dump.xml"
    source.write_text(_dump([title]))
    out = tmp_path / "out"
    summary = run_batch([str(source)], out, "rst", Options(), workers=1)
    assert summary.pages == 1 and not summary.counts.get("FAILED")
    [written] = [p for p in out.rglob("*.rst")]
    assert written.resolve().is_relative_to(out.resolve())
    assert Path(written).read_text().strip() == "page 1 text"
