"""The forked pages of the shared corpus: recover each with its upstream, check its local edits.

`corpus/forked/<Safe>.edits.json` lists what the fork changed against its upstream (reworded,
added and deleted sentences, dropped references); a recovery keeps an edit when the added or
reworded text is in the output and the deleted paragraph or dropped reference is not.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

import wikirecover
from wikirecover.parsing import parse_wikitext


def readable(wikitext: str) -> str:
    """Prose of a wikitext: refs removed, markup stripped, whitespace folded."""
    code = parse_wikitext(wikitext)
    for tag in code.filter_tags(recursive=False):
        if str(tag.tag).strip().lower() == "ref":
            with contextlib.suppress(ValueError):
                code.remove(tag)
    return " ".join(code.strip_code(normalize=True, collapse=True).split())


def edit_survives(edit: dict, output: str, output_text: str) -> bool:
    """Whether one local edit of edits.json is in the recovered page."""
    kind = edit["kind"]
    if kind == "add_sentence":
        return readable(edit["detail"]) in output_text
    if kind == "reword_sentence":
        return readable(edit["after"]) in output_text
    if kind == "delete_paragraph":
        return readable(edit["before"]) not in output_text
    if kind == "drop_reference":
        return edit["before"] not in output
    raise ValueError(f"unknown edit kind {kind!r}")


@dataclass
class Recovered:
    safe: str
    output: str
    truth: str
    lost_edits: list[str]
    total_edits: int


def recover(forked: Path, dump: Path, with_upstream: bool = True) -> Recovered:
    """Recover one forked page from its dump (and upstream), with its edits checked."""
    safe = dump.stem
    upstream = forked / f"{safe}.upstream.wiki" if with_upstream else None
    [result] = wikirecover.convert(dump, to="wikitext", upstream=upstream)
    output = result.output or ""
    text = readable(output)
    edits = json.loads((forked / f"{safe}.edits.json").read_text("utf-8"))["edits"]
    lost = [
        f"{safe}: {e['kind']}: {(e.get('detail') or e['before'])[:80]}"
        for e in edits
        if not edit_survives(e, output, text)
    ]
    truth = (forked / f"{safe}.wiki").read_text("utf-8")
    return Recovered(safe, output, truth, lost, len(edits))
