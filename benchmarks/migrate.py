"""A whole wiki moved to each engine, judged: the shared corpus's 46 pages made into one dump
with a redirect to each page (and to a section of it), links between the pages, the files they
show (placeholders in a MediaWiki `images/` tree, one left out), then `wikirecover migrate` to
every engine, and the output checked.

    python benchmarks/migrate.py [--jobs 2] [--copies 1] [--shared ../shared]

Per engine: pages and seconds (against `batch --to gfm` on the same dump, run just before;
the `--verify` run that counts the words lost without an issue is timed apart),
links followed in the output and broken (`migrate.check`: a link to a page or section of the
site that is not there), links the report lists as missing pages, the words of each page
kept in its export (every word the page renders, as `--verify` counts them) and the words lost
without an issue saying so, media copied and missing, and the parent's peak memory
(`--copies 4` makes the dump four times larger to see that memory stays flat).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from wikirecover import Options, read_text
from wikirecover.batch import run_batch
from wikirecover.migrate import ENGINES, migrate
from wikirecover.migrate.check import check_site
from wikirecover.migrate.media import hashed_path
from wikirecover.verify import output_words, page_words

_FILE = re.compile(r"\[\[\s*(?:File|Image)\s*:\s*([^|\]\n]+)", re.I)


def build(corpus: Path, folder: Path, copies: int) -> tuple[Path, Path, dict[str, str]]:
    """The dump, the images folder and the pages' wikitext by title."""
    pages = {p.stem.replace("_", " "): p.read_text("utf-8") for p in sorted(corpus.glob("*.wiki"))}
    titles = list(pages)
    texts: dict[str, str] = {}
    for copy in range(1, copies + 1):
        suffix = f" {copy}" if copies > 1 else ""
        for k, (title, text) in enumerate(pages.items()):
            other = titles[(k + 1) % len(titles)] + suffix
            texts[title + suffix] = (
                text + f"\n\nSee also [[{other}]] and [[{title + suffix} (redirect)|the same]].\n"
            )
            texts[f"{title}{suffix} (redirect)"] = f"#REDIRECT [[{title}{suffix}]]"
    images = folder / "images"
    names = sorted({m.group(1).strip() for t in pages.values() for m in _FILE.finditer(t)})
    for name in names[1:]:  # the first left out: reported missing
        path = images / hashed_path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"placeholder")
    body = "".join(
        f"<page><title>{html.escape(t)}</title><id>{n}</id><revision><id>{n}</id>"
        f'<timestamp>2024-01-01T00:00:00Z</timestamp><text xml:space="preserve">'
        f"{html.escape(x)}</text></revision></page>\n"
        for n, (t, x) in enumerate(texts.items(), 1)
    )
    dump = folder / "wiki.xml"
    dump.write_text(
        '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" xml:lang="en">'
        "<siteinfo><sitename>Corpus</sitename></siteinfo>\n" + body + "</mediawiki>\n",
        "utf-8",
    )
    return dump, images, texts


def words_kept(out: Path, engine: str, texts: dict[str, str]) -> tuple[int, int]:
    """(words the pages render, those missing from their exports), over every page written."""
    spec = ENGINES[engine]
    pages = out / spec.pages if spec.pages else out
    records = [
        json.loads(line)
        for line in (out / "migrate-pages.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    total = lost = 0
    options = Options(budget=None)
    for record in records:
        if not record.get("output") or record["title"] not in texts:
            continue
        [doc] = read_text(texts[record["title"]], kind="wikitext")
        given = page_words(doc, options)
        output = (pages / record["output"]).read_text("utf-8")
        total += sum(given.values())
        lost += sum((given - output_words(output, spec.writer)).values())
    return total, lost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--shared", default=str(Path(__file__).parents[1] / ".." / "shared"))
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="wikirecover-migrate-"))
    try:
        dump, images, texts = build(Path(args.shared) / "corpus" / "wikitext", folder, args.copies)
        started = time.perf_counter()
        batch = run_batch([str(dump)], folder / "gfm", "gfm", Options(), workers=args.jobs)
        gfm_seconds = time.perf_counter() - started
        print(f"dump: {len(texts)} pages; batch --to gfm: {batch.pages} pages, {gfm_seconds:.1f} s")
        print(
            "engine      pages  s     x gfm  links  broken  missing-pages  words   lost   "
            "unexplained  media  missing  peak MB"
        )
        for engine in ENGINES:
            out = folder / engine
            started = time.perf_counter()
            result = migrate(dump, engine, out, Options(), media=images, workers=args.jobs)
            seconds = time.perf_counter() - started
            checked = check_site(out, engine)
            total, lost = words_kept(out, engine, texts)
            verified = migrate(  # (timed apart: --verify renders every page once more)
                dump, engine, folder / f"{engine}-verify", Options(verify=True), workers=args.jobs
            )
            unexplained = sum(verified.words_lost.values())
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            ratio = seconds / gfm_seconds
            print(
                f"{engine:<11} {result.pages.pages:>5}  {seconds:>4.1f}  {ratio:>5.2f}"
                f"  {checked.links:>5}  {len(checked.broken):>6}  {len(result.links_missing):>13}"
                f"  {total:>6} {lost:>5} ({100 * (1 - lost / max(total, 1)):.2f}% kept)"
                f"  {unexplained:>5}  {len(result.media_copied):>5}  {len(result.media_missing):>7}"
                f"  {peak:>7.0f}"
            )
            for file, link in checked.broken[:5]:
                print(f"    broken: {file}: {link}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
