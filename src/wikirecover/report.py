"""What a run did, for people (a summary on stderr) and programs (a JSON report file)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .model import Document, Issue, Severity

REPORT_VERSION = 1


def report_json(documents: list[Document]) -> dict:
    statuses = Counter(str(doc.status) for doc in documents)
    return {
        "version": REPORT_VERSION,
        "summary": {"pages": len(documents), **dict(sorted(statuses.items()))},
        "pages": [doc.to_json() for doc in documents],
    }


def write_report(path: str, documents: list[Document]) -> None:
    Path(path).write_text(json.dumps(report_json(documents), indent=1, ensure_ascii=False) + "\n")


def summary_line(doc: Document) -> str:
    counts = Counter(issue.severity for issue in doc.issues)
    parts = [f"{counts[s]} {s}" for s in Severity if counts[s]]
    what = ", ".join(parts) if parts else "no issues"
    name = doc.title or doc.source.path
    line = f"{name}: {doc.status} ({what})"
    return f"{line}: {doc.failed}" if doc.failed else line


def issue_line(issue: Issue) -> str:
    where = f"line {issue.line}: " if issue.line else ""
    excerpt = f"  «{issue.excerpt}»" if issue.excerpt else ""
    return f"  [{issue.severity}] {issue.component} {issue.code}: {where}{issue.message}{excerpt}"
