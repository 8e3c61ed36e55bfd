"""The HTML review page of a restore: the `diff` view of the page as given against the page as
restored (reverted hunks are the changes shown), then every hunk with its decision and reason."""

from __future__ import annotations

import html

from ..align.diff import word_diff
from ..align.render import side_by_side
from .hunks import REVERTED
from .result import Restored


def review_page(result: Restored, given: str = "page as given", restored: str = "restored") -> str:
    page = side_by_side(word_diff(result.new, result.text), given, restored)
    rows = []
    for number, hunk in enumerate(result.hunks, 1):
        state = hunk.decision + ("" if hunk.certain else ", uncertain")
        style = "old" if hunk.decision == REVERTED else "same"
        rows.append(
            f'<tr><td>{number}</td><td class="{style}">{html.escape(state)}</td>'
            f"<td>{_short(hunk.removed)}</td><td>{_short(hunk.added)}</td>"
            f"<td>{html.escape(hunk.reason)}</td></tr>"
        )
    verdict = "certain" if result.certain else "NOT certain: check the uncertain hunks"
    summary = (
        f"<h2>Restore ({html.escape(result.mode)} mode): {verdict}</h2>"
        f"<p>Measured from: {html.escape(result.base)}. {len(result.reverted)} of "
        f"{len(result.hunks)} hunks reverted.</p>"
        + "".join(f"<p>{html.escape(note)}</p>" for note in result.notes)
        + "<table><tr><th>#</th><th>decision</th><th>good version</th><th>page as given</th>"
        "<th>why</th></tr>" + "\n".join(rows) + "</table>"
    )
    return page.replace("</body>", summary + "</body>", 1)


def _short(text: str, limit: int = 300) -> str:
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return f"<code>{html.escape(shown)}</code>" if shown else "<i>nothing</i>"
