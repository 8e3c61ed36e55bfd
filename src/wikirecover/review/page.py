"""The interactive review page: one self-contained HTML file (no server, works offline).

The two versions of every hunk side by side in their context, a keep/revert toggle per hunk
preset to the tool's decision with its reason, the hunks for review first, keyboard navigation,
a live preview of the resulting wikitext, and buttons that save the result, save the decisions
(for `restore --apply-decisions`) or copy the result. The script and style are the package's
`review/assets/` files, inlined.
"""

from __future__ import annotations

import html
import json
from importlib.resources import files

from .decisions import Decisions

KEYS = (
    ("j / ↓", "next hunk"),
    ("k / ↑", "previous"),
    ("space", "toggle"),
    ("r", "revert"),
    ("c", "keep"),
    ("Ctrl+S", "save result"),
    ("d", "save decisions"),
)


def review_page(decisions: Decisions, heading: str, summary: list[str] | None = None) -> str:
    """The review page of ``decisions``; ``summary`` lines are shown under the heading (a line
    starting with "!" as a problem)."""
    assets = files("wikirecover.review") / "assets"
    script = (assets / "review.js").read_text(encoding="utf-8")
    style = (assets / "review.css").read_text(encoding="utf-8")
    data = decisions.to_json()
    embedded = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    lines = []
    for line in summary or []:
        if line.startswith("!"):
            lines.append(f'<p class="problems">{html.escape(line[1:].strip())}</p>')
        else:
            lines.append(f"<p>{html.escape(line)}</p>")
    keys = " ".join(f"<kbd>{html.escape(k)}</kbd> {html.escape(what)}" for k, what in KEYS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(heading)}</title>
<style>{style}</style></head>
<body>
<div id="top"><h1>{html.escape(heading)}</h1>
{"".join(lines)}
<div id="tools"><button type="button" id="save">Save result</button>
<button type="button" id="save-decisions">Save decisions</button>
<button type="button" id="copy">Copy result</button><span id="copied"></span>
<span id="status"></span></div>
<p class="keys">{keys}</p></div>
<div id="panes"><ul id="nav" aria-label="hunks"></ul><div id="cards"></div>
<div id="preview-pane"><h2>Result (wikitext) around the current hunk</h2>
<pre id="preview"></pre></div></div>
<script type="application/json" id="review-data">{embedded}</script>
<script>{script}</script>
</body></html>
"""
