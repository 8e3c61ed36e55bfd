"""Tracking categories ("Pages with broken file links") are added by MediaWiki itself: a page
read back keeps its own categories and drops those, saying so."""

from __future__ import annotations

from ..model import Document, Severity
from ..rules import Rules


def own_categories(names: list[str], rules: Rules, doc: Document, component: str) -> list[str]:
    kept = []
    for name in names:
        if name in rules.tracking_categories:
            doc.report(
                "category-tracking-dropped",
                f"tracking category {name!r} dropped: MediaWiki adds it by itself",
                component,
                Severity.INFO,
                name,
            )
        else:
            kept.append(name)
    return kept
