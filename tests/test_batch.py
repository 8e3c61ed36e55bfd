"""wikirecover batch: sources, safe names, budgets, resuming, the report."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from wikirecover.batch import run_batch
from wikirecover.batch.names import NamePlanner, inside, safe_component
from wikirecover.batch.run import Summary
from wikirecover.batch.sources import InputMeter, dump_jobs, jobs
from wikirecover.cli import cli
from wikirecover.options import Options


def dump(pages: list[tuple[str, str]]) -> str:
    body = "".join(
        f"<page><title>{t}</title><ns>0</ns><id>{n}</id><revision><id>{n}0</id>"
        f'<text xml:space="preserve">{x}</text></revision></page>'
        for n, (t, x) in enumerate(pages, 1)
    )
    return f'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/">{body}</mediawiki>'


PAGES = [
    (f"Page {n}", f"'''Page {n}''' is page number {n}.\n\n== Section ==\nText {n}.\n")
    for n in range(1, 21)
]


OPENERS = {".xml": open, ".xml.bz2": bz2.open, ".xml.gz": gzip.open, ".xml.xz": lzma.open}


@pytest.mark.parametrize("suffix", list(OPENERS))
def test_dumps_stream_plain_and_compressed(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"dump{suffix}"
    with OPENERS[suffix](path, "wb") as handle:
        handle.write(dump(PAGES).encode())
    found = list(dump_jobs(path))
    assert [j.title for j in found] == [t for t, _ in PAGES]
    assert found[3].text == PAGES[3][1]


def varied_pages(count: int, length: int) -> list[tuple[str, str]]:
    """Pages of words that compress poorly (a compressed dump of them is large)."""
    words = [f"w{n:04x}" for n in range(4096)]
    return [
        (f"Page {n}", " ".join(words[(n * k * 7919) % 4096] for k in range(length)))
        for n in range(1, count + 1)
    ]


@pytest.mark.parametrize("suffix", [".xml.bz2", ".xml.gz", ".xml.xz"])
def test_a_truncated_compressed_dump_keeps_its_intact_pages(tmp_path: Path, suffix: str) -> None:
    pages = varied_pages(40, 12000)  # bz2's blocks hold 900 kB: several of them
    whole = tmp_path / f"whole{suffix}"
    with OPENERS[suffix](whole, "wb") as handle:
        handle.write(dump(pages).encode())
    data = whole.read_bytes()
    cut = tmp_path / f"cut{suffix}"
    cut.write_bytes(data[: len(data) * 2 // 3])
    found = list(dump_jobs(cut))
    intact = [j for j in found if not j.salvaged]
    assert 0 < len(intact) < len(pages)
    assert [(j.title, j.text) for j in intact] == pages[: len(intact)]
    assert all("breaks" in j.salvaged or "ends" in j.salvaged for j in found if j.salvaged)


def test_the_input_meter_follows_a_streamed_dump(tmp_path: Path) -> None:
    path = tmp_path / "dump.xml.bz2"
    many = varied_pages(40, 12000)
    with bz2.open(path, "wb") as handle:
        handle.write(dump(many).encode())
    meter = InputMeter()
    seen = [meter.fraction for _ in jobs([str(path)], meter=meter)]
    assert meter.total == path.stat().st_size
    assert seen == sorted(seen)  # never goes back
    assert 0 < seen[len(seen) // 2] < 1
    assert meter.fraction == 1.0


def test_a_dump_cut_at_50_points_keeps_every_intact_page(tmp_path: Path) -> None:
    data = dump(PAGES).encode()
    ends = []
    at = 0
    while (at := data.find(b"</page>", at)) >= 0:
        at += len(b"</page>")
        ends.append(at)
    step = max(1, len(data) // 50)
    for cut in range(step, len(data), step):
        path = tmp_path / "cut.xml"
        path.write_bytes(data[:cut])
        found = [j for j in dump_jobs(path) if not j.salvaged]
        intact = sum(1 for end in ends if end <= cut)
        assert [j.title for j in found][:intact] == [t for t, _ in PAGES][:intact], cut
        assert [j.text for j in found][:intact] == [x for _, x in PAGES][:intact], cut


def test_revisions_latest_all_or_one(tmp_path: Path) -> None:
    text = (
        '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/"><page><title>A</title>'
        "<revision><id>1</id><text>one</text></revision>"
        "<revision><id>2</id><text>two</text></revision></page></mediawiki>"
    )
    path = tmp_path / "history.xml"
    path.write_text(text)
    assert [j.text for j in dump_jobs(path)] == ["two"]
    assert [j.text for j in dump_jobs(path, "all")] == ["one", "two"]
    assert [j.text for j in dump_jobs(path, "1")] == ["one"]


HOSTILE = [
    "../../etc/passwd",
    "/abs/path",
    "a\x00b",
    "CON",
    "con.txt",
    "LPT1",
    "..",
    ".",
    "",
    "x" * 400,
    "é" * 200,
    "Café",
    "Cafe\u0301",
    "CAFÉ",
    "a/b/../../c",
    "\\\\server\\x",
    "nul",
    " spaced ",
    "...",
    "a:b",
    "tab\there",
    "new\nline",
    "*?<>|",
]


def test_500_hostile_titles_stay_inside_and_never_collide(tmp_path: Path) -> None:
    planner = NamePlanner()
    paths = set()
    for n, title in enumerate(HOSTILE * 22):  # 506 titles
        path = planner.path_for(f"k{n}", Path(title), "wiki")
        assert inside(tmp_path, path), title
        assert all(len(part.encode()) <= 160 for part in path.parts)
        folded = path.as_posix().casefold()
        assert folded not in paths
        paths.add(folded)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_title_gives_a_safe_component(title: str) -> None:
    name = safe_component(title)
    assert name and "/" not in name and "\x00" not in name and not name.startswith(".")


def test_batch_converts_resumes_and_reports(tmp_path: Path) -> None:
    source = tmp_path / "in" / "dump.xml"
    source.parent.mkdir()
    source.write_text(dump(PAGES))
    out = tmp_path / "out"
    first = run_batch([str(source.parent)], out, "gfm", Options(), workers=2)
    assert first.pages == 20 and not first.counts.get("FAILED")
    files = sorted(out.rglob("*.md"))
    assert len(files) == 20
    before = {p: p.read_bytes() for p in files}
    for p in files[::2]:  # a batch killed halfway: outputs missing
        p.unlink()
    second = run_batch([str(source.parent)], out, "gfm", Options(), workers=2)
    assert second.counts["SKIPPED"] == 10
    assert {p: p.read_bytes() for p in files} == before
    records = [json.loads(line) for line in (out / "wikirecover-report.jsonl").open()]
    assert len(records) == 30 and {"page", "status", "seconds", "issues"} <= set(records[0])


def test_a_page_over_its_budget_ends_degraded_with_its_text(tmp_path: Path) -> None:
    source = tmp_path / "dump.xml"
    source.write_text(dump(PAGES[:3]))
    summary = run_batch(
        [str(source)], tmp_path / "out", "wikitext", Options(), workers=1, page_seconds=0.0
    )
    assert summary.counts["DEGRADED"] == 3
    assert (tmp_path / "out" / "Page_1.wiki").read_text() == PAGES[0][1]


def test_cli_batch_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.wiki").write_text("Some '''text'''.\n")
    (tmp_path / "in" / "bad.wiki").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    result = CliRunner().invoke(
        cli, ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1"]
    )
    assert result.exit_code == 3
    assert "FAILED" in result.stderr and (tmp_path / "out" / "good.wiki").exists()


def test_batch_pairs_pages_with_their_upstream_by_title(tmp_path: Path) -> None:
    upstream = tmp_path / "upstream.xml"
    upstream.write_text(dump([("Lighthouse", "The [[lighthouse]] was built in [[1871]].\n")]))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "Lighthouse.wiki").write_text("The lighthouse was constructed in 1871.\n")
    summary = run_batch(
        [str(tmp_path / "in")],
        tmp_path / "out",
        "wikitext",
        Options(),
        workers=1,
        upstream=str(upstream),
    )
    assert summary.no_upstream == 0
    assert (tmp_path / "out" / "Lighthouse.wiki").read_text() == (
        "The [[lighthouse]] was constructed in [[1871]].\n"
    )

    def again() -> Summary:
        return run_batch(
            [str(tmp_path / "in")], tmp_path / "out", "wikitext", Options(), workers=1,
            upstream=str(upstream),
        )  # fmt: skip

    assert again().counts == {"SKIPPED": 1}
    # a changed upstream makes the page out of date: converted again on a rerun
    upstream.write_text(
        dump([("Lighthouse", "The [[Lighthouse (tower)|lighthouse]] was built in 1871.\n")])
    )
    assert again().counts.get("SKIPPED", 0) == 0
    assert "[[Lighthouse (tower)|lighthouse]]" in (tmp_path / "out" / "Lighthouse.wiki").read_text()


def test_batch_to_mediawiki_xml_writes_one_import_file(tmp_path: Path) -> None:
    from lxml import etree

    source = tmp_path / "dump.xml"
    source.write_text(dump(PAGES[:5]))
    run_batch([str(source)], tmp_path / "out", "mediawiki-xml", Options(), workers=2)
    root = etree.parse(str(tmp_path / "out" / "import.xml")).getroot()
    titles = [el.text for el in root.iter("{*}title")]
    assert titles == [t for t, _ in PAGES[:5]]


def test_the_dask_engine_gives_the_same_outputs_as_the_local_pool(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    source = tmp_path / "dump.xml"
    source.write_text(dump(PAGES[:8]))
    run_batch([str(source)], tmp_path / "local", "gfm", Options(), workers=2)
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        summary = run_batch(
            [str(source)], tmp_path / "dask", "gfm", Options(), scheduler=cluster.scheduler_address
        )
    assert summary.pages == 8 and not summary.counts.get("FAILED")
    local = {p.name: p.read_bytes() for p in (tmp_path / "local").glob("*.md")}
    remote = {p.name: p.read_bytes() for p in (tmp_path / "dask").glob("*.md")}
    assert local == remote and len(local) == 8


def test_the_eta_uses_pages_when_counted_and_bytes_read_otherwise() -> None:
    from wikirecover.batch.progress import eta as _eta

    assert _eta(10.0, 5, 20, None) == pytest.approx(30.0)  # 15 pages at 2 s each
    assert _eta(10.0, 5, None, 0.25) == pytest.approx(30.0)  # a quarter read in 10 s
    assert _eta(10.0, 0, None, None) is None
