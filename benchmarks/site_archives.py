"""`wikirecover site` on the three forms of ../shared/archives (WARC, Wayback saves, wget
mirror), measured against the wiki's true pages (truth/).

    python benchmarks/site_archives.py [--shared ../shared] [--forms warc,wayback,mirror]
    python benchmarks/site_archives.py --readers            # WARC reader libraries compared
    python benchmarks/site_archives.py --big 1000           # a ~1 GB WARC: memory and MB/s

Per form: titles recovered (each true title exactly once, with its namespace; titles that are
not true pages; true titles missing), redirects right, pages whose latest revision was captured
as exact wikitext byte for byte, the mean ``eval/score.py`` score of the articles and of the
articles with an older exact-wikitext capture, and the time split between reading the archive
and recovering the pages. A form holds only some titles (the Wayback saves have no redirect
and no talk page): a form is measured on the true titles it has a capture of. ``--big N``
writes a WARC of the sample repeated N times (each copy's URLs marked, so that every record
is a capture of its own and none is skipped as a duplicate), runs the site's scan over it in a
child process and reports its peak memory (ru_maxrss) and MB/s.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from wikirecover.options import Options
from wikirecover.site import run_site

FORMS = {"warc": "site.warc.gz", "wayback": "wayback", "mirror": "mirror"}


def truth_of(archives: Path) -> tuple[dict[str, dict], dict]:
    manifest = json.loads((archives / "truth" / "manifest.json").read_text(encoding="utf-8"))
    return manifest["pages"], manifest


def held_by(form: str, page: dict) -> bool:
    """Whether a form has a capture of the page (the WARC has them all)."""
    if form == "warc":
        return True
    key = "wayback" if form == "wayback" else "mirror"
    return any(c.get(key) for group in page["captures"].values() for c in group)


def exact_latest(form: str, page: dict) -> bool:
    """Whether the form holds the page's latest revision as exact wikitext."""
    key = {"warc": None, "wayback": "wayback", "mirror": "mirror"}[form]
    for kind in ("edit", "raw"):
        for capture in page["captures"].get(kind, []):
            if capture.get("revision") == "latest" and (key is None or capture.get(key)):
                return True
    return False


def older_exact(form: str, page: dict) -> bool:
    key = {"warc": None, "wayback": "wayback", "mirror": "mirror"}[form]
    return any(
        capture.get("revision") == "old" and (key is None or capture.get(key))
        for capture in page["captures"].get("edit", [])
    )


def score(truth: Path, recovered: Path, shared: Path) -> dict:
    out = recovered.parent / (recovered.name + ".score.json")
    subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), "--truth", str(truth),
         "--recovered", str(recovered), "--per-page", "--json", str(out)],
        check=True, capture_output=True,
    )  # fmt: skip
    return json.loads(out.read_text(encoding="utf-8"))


def measure_form(form: str, archives: Path, shared: Path, work: Path) -> dict:
    pages, _ = truth_of(archives)
    folder = work / form
    folder.mkdir(parents=True)
    started = time.perf_counter()
    run = run_site([str(archives / FORMS[form])], folder, folder / "import.xml", Options())
    total = time.perf_counter() - started
    held = {t: p for t, p in pages.items() if held_by(form, p)}
    recovered = {plan.title: plan for plan in run.plans}
    outputs = {t: folder / "pages" / r["output"] for t, r in run.outcomes.items() if r["output"]}
    wrong_ns = [
        t for t, p in held.items() if t in recovered and recovered[t].namespace != p["namespace"]
    ]
    redirects = {t: p for t, p in held.items() if p["kind"] == "redirect"}
    redirects_right = sum(
        1 for t in redirects
        if t in outputs and outputs[t].read_text(encoding="utf-8")
        == (archives / "truth" / f"{pages[t]['safe_name']}.wiki").read_text(encoding="utf-8")
    )  # fmt: skip
    exact = [t for t, p in held.items() if exact_latest(form, p)]
    exact_right = [
        t for t in exact
        if t in outputs and outputs[t].read_bytes()
        == (archives / "truth" / f"{pages[t]['safe_name']}.wiki").read_bytes()
    ]  # fmt: skip
    # the articles, scored: truth and recovered copied under the truth's names
    truth_dir, mine = work / f"{form}-truth", work / f"{form}-recovered"
    truth_dir.mkdir()
    mine.mkdir()
    articles = [t for t, p in held.items() if p["kind"] == "article" and t in outputs]
    for title in articles:
        safe = pages[title]["safe_name"]
        shutil.copy(archives / "truth" / f"{safe}.wiki", truth_dir / f"{safe}.wiki")
        shutil.copy(outputs[title], mine / f"{safe}.wiki")
    scored = score(truth_dir, mine, shared)
    # the ceiling: each article as its rendering could show it at best (its true wikitext with
    # every template's parameters removed: the wiki has no templates installed, so a rendering
    # shows a template as a red link and nothing of its parameters), where the page was
    # recovered from a rendering alone; exact captures count 1.0
    rendered = [t for t in articles if recovered[t].method == "rendered HTML"]
    ceiling_dir, ceiling_truth = work / f"{form}-ceiling", work / f"{form}-ceiling-truth"
    ceiling_dir.mkdir()
    ceiling_truth.mkdir()
    for title in rendered:
        safe = pages[title]["safe_name"]
        text = (archives / "truth" / f"{safe}.wiki").read_text(encoding="utf-8")
        (ceiling_dir / f"{safe}.wiki").write_text(without_parameters(text), encoding="utf-8")
        (ceiling_truth / f"{safe}.wiki").write_text(text, encoding="utf-8")
    ceiling = score(ceiling_truth, ceiling_dir, shared)["pages"] if rendered else {}
    per_page = {page: row["score"] for page, row in scored.get("pages", {}).items()}
    older = [pages[t]["safe_name"] for t in articles if older_exact(form, pages[t])]
    older_scores = [per_page[s] for s in older if s in per_page]
    timing = run.summary.seconds if run.summary else 0.0
    return {
        "form": form,
        "true titles held": len(held),
        "recovered": len(recovered),
        "true titles recovered": sum(1 for t in held if t in recovered),
        "not true pages recovered": sorted(set(recovered) - set(pages)),
        "missing": sorted(set(held) - set(recovered)),
        "wrong namespace": wrong_ns,
        "redirects right": f"{redirects_right}/{len(redirects)}",
        "exact latest byte for byte": f"{len(exact_right)}/{len(exact)}",
        "exact latest wrong": sorted(set(exact) - set(exact_right)),
        "articles mean score": round(sum(per_page.values()) / len(per_page), 4)
        if per_page
        else None,
        "older-wikitext articles mean score": round(sum(older_scores) / len(older_scores), 4)
        if older_scores
        else None,
        "older-wikitext articles": len(older_scores),
        "lowest": sorted(per_page.items(), key=lambda kv: kv[1])[:5],
        "rendered-only articles": len(rendered),
        "rendered-only mean score": _mean(per_page[pages[t]["safe_name"]] for t in rendered),
        "rendered-only ceiling": _mean(row["score"] for row in ceiling.values()),
        "furthest below the ceiling": sorted(
            ((s, round(per_page[s] - row["score"], 3)) for s, row in ceiling.items()),
            key=lambda pair: pair[1],
        )[:6],
        "articles mean ceiling": _mean(
            ceiling[s]["score"] if s in ceiling else 1.0
            for s in (pages[t]["safe_name"] for t in articles)
        ),
        "archive MB": round(run.archive_bytes / 1e6, 2),
        "read s": round(run.read_seconds, 2),
        "read MB/s": round(run.archive_bytes / 1e6 / run.read_seconds, 1),
        "recover s": round(timing, 2),
        "total s": round(total, 2),
    }


def without_parameters(wikitext: str) -> str:
    """``wikitext`` with every template's parameters removed (``{{Name|a|b}}`` -> ``{{Name}}``)."""
    import mwparserfromhell

    code = mwparserfromhell.parse(wikitext)
    for template in reversed(code.filter_templates(recursive=True)):
        if template.params:
            try:
                code.replace(template, "{{" + str(template.name).strip() + "}}")
            except ValueError:
                continue  # inside a template already replaced
    return str(code)


def _mean(values) -> float | None:
    values = list(values)
    return round(sum(values) / len(values), 4) if values else None


def readers(archives: Path, repeat: int = 5) -> None:
    path = archives / FORMS["warc"]
    size = path.stat().st_size / 1e6

    def with_warcio() -> int:
        from warcio.archiveiterator import ArchiveIterator

        count = 0
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type == "response":
                    count += len(record.content_stream().read())
        return count

    def with_fastwarc() -> int:
        from fastwarc.warc import ArchiveIterator, WarcRecordType

        count = 0
        with open(path, "rb") as handle:
            for record in ArchiveIterator(
                handle, record_types=WarcRecordType.response, parse_http=True
            ):
                count += len(record.reader.read())
        return count

    for name, work in (("warcio", with_warcio), ("fastwarc", with_fastwarc)):
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            work()
            best = min(best, time.perf_counter() - started)
        print(f"{name:9s} {best * 1000:7.1f} ms  {size / best:6.1f} MB/s (compressed)")


def big(archives: Path, copies: int, work: Path) -> dict:
    """A WARC of the sample repeated ``copies`` times, each copy's records captures of their own;
    the site's scan over it, measured."""
    source = (archives / FORMS["warc"]).read_bytes()
    members = _gzip_members(source)
    path = work / "big.warc.gz"
    with open(path, "wb") as out:
        for copy in range(copies):
            for member in members:
                record = gzip.decompress(member)
                if copy:  # a capture of its own: another record id, the URL's query marked
                    record = _another_capture(record, copy)
                out.write(gzip.compress(record, compresslevel=1))
    size = path.stat().st_size
    code = (
        "import json,resource,sys,time;from wikirecover.site.run import SiteRun,scan;"
        "r=SiteRun([sys.argv[1]]);t=time.perf_counter();v=scan(r.inputs,r);"
        "print(json.dumps({'captures':r.captures,'duplicates':r.duplicates,'views':len(v),"
        "'seconds':time.perf_counter()-t,"
        "'max_rss_mb':resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True
    )
    result = json.loads(done.stdout)
    result["archive_mb"] = round(size / 1e6, 1)
    result["mb_per_s"] = round(size / 1e6 / result["seconds"], 1)
    return result


def _another_capture(record: bytes, copy: int) -> bytes:
    record = record.replace(
        b"WARC-Record-ID: <urn:uuid:", b"WARC-Record-ID: <urn:uuid:%06d-" % copy, 1
    )
    head, separator, rest = record.partition(b"WARC-Target-URI: ")
    if not separator:
        return record
    url, newline, rest = rest.partition(b"\r\n")
    url += (b"&" if b"?" in url else b"?") + b"copy=%d" % copy
    return head + separator + url + newline + rest


def _gzip_members(data: bytes) -> list[bytes]:
    """The gzip members of a per-record gzipped WARC, each as its own bytes."""
    import zlib

    members, at = [], 0
    while at < len(data):
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        decompressor.decompress(data[at:])
        used = len(data) - at - len(decompressor.unused_data)
        members.append(data[at : at + used])
        at += used
    return members


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=here.parent / "shared")
    parser.add_argument("--forms", default="warc,wayback,mirror")
    parser.add_argument("--readers", action="store_true")
    parser.add_argument("--big", type=int, default=0, metavar="COPIES")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    archives = args.shared / "archives"
    if not archives.is_dir():
        print(f"no archives at {archives}", file=sys.stderr)
        return 2
    if args.readers:
        readers(archives)
        return 0
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        if args.big:
            print(json.dumps(big(archives, args.big, work), indent=1))
            return 0
        results = [measure_form(f, archives, args.shared, work) for f in args.forms.split(",")]
    for result in results:
        print(json.dumps(result, indent=1, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
