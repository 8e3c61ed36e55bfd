"""Batch throughput: the corpus replicated into an XML dump of a given size, converted by
`wikirecover batch`, against one pandoc process per page with the same parallelism.

    python benchmarks/batch_speed.py [--mb 10] [--jobs 2] [--to gfm] [--no-repair]
        [--pandoc-pages 200] [--shared ../shared]
    python benchmarks/batch_speed.py --text-dumps [--mb 10] [--jobs 2]

With --text-dumps the corpus's crawled text dumps are replicated as files into a folder and
recovered to wikitext (pandoc has no reader for them: no comparison). Prints pages/s and MB/s
of both and the peak resident memory of the batch (parent and each
worker, from the kernel's accounting). pandoc is timed on the first --pandoc-pages pages of the
same dump (it is slow; its rate is what is compared), once just before the batch and once just
after it, and the ratio is taken against the two runs together (this machine's speed drifts).
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from wikirecover.pandoc import pandoc_path


def build_dump(corpus: Path, target: Path, megabytes: float) -> tuple[int, int]:
    pages = sorted(corpus.glob("*.wiki"))
    texts = [(p.stem.replace("_", " "), p.read_text(encoding="utf-8")) for p in pages]
    written = count = 0
    with target.open("w", encoding="utf-8") as out:
        out.write('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/">\n')
        copy = 0
        while written < megabytes * 1e6:
            copy += 1
            for title, text in texts:
                count += 1
                out.write(
                    f"<page><title>{html.escape(title)} {copy}</title><ns>0</ns><id>{count}</id>"
                    f'<revision><id>{count}</id><text xml:space="preserve">{html.escape(text)}'
                    "</text></revision></page>\n"
                )
                written += len(text.encode("utf-8"))
                if written >= megabytes * 1e6:
                    break
        out.write("</mediawiki>\n")
    return count, written


def time_batch(
    source: Path, out: Path, to: str, jobs: int, pages: int, size: int, extra: tuple[str, ...] = ()
) -> float:
    """Run `wikirecover batch` on ``source``; print and return its pages/s."""
    command = [
        sys.executable,
        "-m",
        "wikirecover",
        "batch",
        str(source),
        "-o",
        str(out),
        "--to",
        to,
        "-j",
        str(jobs),
        "-q",
        *extra,
    ]
    started = time.perf_counter()
    process = subprocess.Popen(command)
    # this process's own accounting of the batch (its workers included), not of pandoc's runs
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss / 1024
    print(
        f"wikirecover batch ({jobs} workers): {elapsed:.1f} s, {pages / elapsed:.1f} pages/s, "
        f"{size / 1e6 / elapsed:.2f} MB/s, exit {process.returncode}, peak RSS of one process "
        f"{peak:.0f} MB"
    )
    return pages / elapsed


def time_pandoc(sample: list[str], jobs: int, when: str) -> tuple[float, int]:
    """One pandoc process per page of ``sample``, ``jobs`` at a time: (seconds, failures)."""

    def one(text: str) -> int:
        return subprocess.run(
            [pandoc_path(), "-f", "mediawiki", "-t", "gfm"],
            input=text.encode(),
            capture_output=True,
            check=False,
        ).returncode

    started = time.perf_counter()
    with ThreadPoolExecutor(jobs) as pool:
        failures = sum(1 for code in pool.map(one, sample) if code)
    seconds = time.perf_counter() - started
    sample_mb = sum(len(t.encode()) for t in sample) / 1e6
    print(
        f"pandoc per page ({jobs} at a time, {len(sample)} pages, {when}): "
        f"{len(sample) / seconds:.1f} pages/s, {sample_mb / seconds:.2f} MB/s, {failures} failed"
    )
    return seconds, failures


def text_dumps(args, work: Path) -> int:
    """Crawled text dumps replicated as files, recovered to wikitext by the batch."""
    sources = sorted((args.shared / "corpus" / "text-crawled").glob("*.txt"))
    folder = work / "dumps"
    folder.mkdir()
    size = count = 0
    while size < args.mb * 1e6:
        for source in sources:
            data = source.read_bytes()
            count += 1
            (folder / f"{count:06d}_{source.name}").write_bytes(data)
            size += len(data)
            if size >= args.mb * 1e6:
                break
    print(f"text dumps: {count} files, {size / 1e6:.1f} MB")
    time_batch(folder, work / "out", "wikitext", args.jobs, count, size)
    shutil.rmtree(work, ignore_errors=True)
    return 0


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--to", default="gfm")
    parser.add_argument("--no-repair", action="store_true")
    parser.add_argument("--pandoc-pages", type=int, default=200)
    parser.add_argument("--shared", type=Path, default=here.parent / "shared")
    parser.add_argument("--text-dumps", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wikirecover-batch-bench-"))
    if args.text_dumps:
        return text_dumps(args, work)
    dump = work / "dump.xml"
    pages, size = build_dump(args.shared / "corpus" / "wikitext", dump, args.mb)
    print(f"dump: {pages} pages, {size / 1e6:.1f} MB of wikitext")

    texts = [
        p.read_text(encoding="utf-8")
        for p in sorted((args.shared / "corpus" / "wikitext").glob("*.wiki"))
    ]
    sample = [texts[n % len(texts)] for n in range(min(args.pandoc_pages, pages))]
    # This machine's speed drifts by a fifth within minutes: pandoc is timed just before and
    # just after the batch, and the two runs are taken together.
    before = time_pandoc(sample, args.jobs, "before the batch")
    extra = ("--no-repair",) if args.no_repair else ()
    rate = time_batch(dump, work / "out", args.to, args.jobs, pages, size, extra)
    after = time_pandoc(sample, args.jobs, "after the batch")
    seconds = before[0] + after[0]
    failures = before[1] + after[1]
    runs = 2 * len(sample)
    print(f"ratio: {rate / (runs / seconds):.2f}x pandoc's pages/s (its two runs together)")
    # pandoc stops with an error on some pages (an unexpected `</ref>`): quickly, and on the
    # corpus's largest page among them. Pages it converted, per second of its whole run:
    converted = runs - failures
    print(
        f"pandoc converted {converted} of {runs} pages: {converted / seconds:.1f} "
        f"converted pages/s; ratio {rate / max(converted / seconds, 1e-9):.2f}x"
    )
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
