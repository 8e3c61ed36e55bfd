"""The site's report, as JSON (``site-report.json``) and as a page to read
(``site-report.html``): the archives read, every capture by what it is, per title every
capture found and which was used for what, each page's outcome, and what is still lost."""

from __future__ import annotations

import html
import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from .identify import USABLE

if TYPE_CHECKING:
    from .run import SiteRun


def report_data(run: SiteRun, import_path: Path) -> dict:
    summary = run.summary
    recover_seconds = summary.seconds if summary else 0.0
    megabytes = run.archive_bytes / 1e6
    titles = {}
    for plan in run.plans:
        outcome = run.outcomes.get(plan.title, {})
        titles[plan.title] = {
            "namespace": plan.namespace,
            "method": plan.method,
            "redirect_to": plan.target,
            "status": outcome.get("status"),
            "output": outcome.get("output"),
            "guesses": sum(1 for i in outcome.get("issues") or [] if i.get("severity") == "guess"),
            "notes": plan.notes,
            "links_restored": plan.links_restored,
            "captures": plan.captures,
        }
    return {
        "inputs": run.inputs,
        "import_file": str(import_path),
        "captures": run.captures,
        "duplicate_captures": run.duplicates,
        "captures_by_archive_kind": dict(sorted(run.by_input.items())),
        "pages": {k: v for k, v in sorted(run.by_kind.items()) if k in USABLE},
        "not_pages": {k: v for k, v in sorted(run.by_kind.items()) if k not in USABLE},
        "titles_recovered": len(run.plans),
        "methods": dict(sorted(Counter(plan.method for plan in run.plans).items())),
        "statuses": dict(sorted(summary.counts.items())) if summary else {},
        "titles": titles,
        "lost": run.lost,
        "red_links": run.red,
        "damage": run.damage,
        "timing": {
            "archive_mb": round(megabytes, 3),
            "read_seconds": round(run.read_seconds, 3),
            "recover_seconds": round(recover_seconds, 3),
            "archive_mb_per_s": round(megabytes / run.read_seconds, 2)
            if run.read_seconds
            else None,
        },
    }


def write_reports(run: SiteRun, base: Path, import_path: Path) -> dict:
    """``base``.json and ``base``.html."""
    data = report_data(run, import_path)
    base.parent.mkdir(parents=True, exist_ok=True)
    Path(f"{base}.json").write_text(
        json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    Path(f"{base}.html").write_text(render_html(data), encoding="utf-8")
    return data


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_html(data: dict) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<title>wikirecover site report</title><style>body{font-family:sans-serif;margin:2em}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:"
        "2px 6px;vertical-align:top;text-align:left}details{margin:.2em 0}</style></head><body>",
        "<h1>Site recovered</h1>",
        f"<p>{data['titles_recovered']} titles from {data['captures']} captures "
        f"({data['duplicate_captures']} duplicates skipped) in {', '.join(map(e, data['inputs']))}"
        f"; import file <code>{e(data['import_file'])}</code>.</p>",
        "<h2>Captures</h2>",
        _table(
            ["what", "captures"],
            [[e(k), str(v)] for k, v in {**data["pages"], **data["not_pages"]}.items()],
        ),
        "<h2>Titles</h2>",
        _table(
            ["title", "recovered from", "status", "guesses", "captures (used for)"],
            [
                [
                    e(title) + (f" → {e(info['redirect_to'])}" if info["redirect_to"] else ""),
                    e(info["method"])
                    + "".join(f"<br><small>{e(n)}</small>" for n in info["notes"]),
                    e(str(info["status"])),
                    str(info["guesses"]),
                    "<details><summary>"
                    + str(len(info["captures"]))
                    + "</summary><ul>"
                    + "".join(
                        f"<li>{e(c['kind'])} {e(c['time'] or '')} "
                        f"{'r' + str(c['revision']) if c['revision'] else ''}: "
                        f"{e(c['used_for'])}<br><small>{e(c['url'])}</small></li>"
                        for c in info["captures"]
                    )
                    + "</ul></details>",
                ]
                for title, info in data["titles"].items()
            ],
        ),
        "<h2>Still lost</h2><p>Titles the wiki showed to exist that no capture holds:</p>",
        _table(
            ["title", "linked from"],
            [[e(t), e(", ".join(f))] for t, f in data["lost"].items()],
        ),
        f"<p>{len(data['red_links'])} linked titles no capture shows to have existed "
        "(red links) are in the JSON report.</p>",
    ]
    if data["damage"]:
        parts += ["<h2>Damage</h2><ul>", *(f"<li>{e(d)}</li>" for d in data["damage"]), "</ul>"]
    timing = data["timing"]
    parts.append(
        f"<p>Archives {timing['archive_mb']} MB read in {timing['read_seconds']} s; pages "
        f"recovered in {timing['recover_seconds']} s.</p></body></html>\n"
    )
    return "\n".join(parts)
