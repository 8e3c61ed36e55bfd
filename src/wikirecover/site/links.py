"""The recovered site checked as a whole: every internal link of every page against the
titles recovered. A linked title no capture holds is still lost when the wiki showed it to
exist (a blue link in some capture, a line of Special:AllPages or a category listing), else it
is a red link the wiki had too, or a page nothing shows either way."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from ..namespaces import DEFAULT
from ..parsing import parse_wikitext
from ..titles import normalise_title

if TYPE_CHECKING:
    from .run import SiteRun

# namespaces whose links are not links to pages (files, categories) or are not stored
NOT_PAGES = frozenset({-2, -1, 6, 14})


def linked_titles(wikitext: str) -> set[str]:
    """The page titles ``wikitext`` links to (no files, categories, special pages or
    interwiki links; a link's section dropped)."""
    found: set[str] = set()
    for link in parse_wikitext(wikitext).filter_wikilinks():
        target = str(link.title).strip()
        if not target or target.startswith("#") or "{" in target or "<" in target:
            continue
        colon = target.startswith(":")
        target = target.lstrip(":").split("#")[0].strip()
        if not target:
            continue
        namespace, _ = DEFAULT.split(target)
        if namespace in NOT_PAGES and not colon:
            continue
        if namespace in (-2, -1):
            continue
        prefix = target.split(":", 1)[0]
        if namespace == 0 and ":" in target and len(prefix) <= 3 and prefix.islower():
            continue  # an interlanguage or interwiki prefix (en:, de:, wikt:)
        found.add(normalise_title(target))
    return found


def check_links(pages: Path, run: SiteRun) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(lost, red): linked titles no capture holds, each with the pages that link to it;
    ``lost`` those the wiki showed to exist."""
    recovered = {plan.title for plan in run.plans}
    linked: dict[str, list[str]] = defaultdict(list)
    for title, record in run.outcomes.items():
        output = record.get("output")
        if not output or not (pages / output).exists():
            continue
        for target in linked_titles((pages / output).read_text(encoding="utf-8")):
            if target not in recovered:
                linked[target].append(title)
    lost = {t: sorted(f) for t, f in sorted(linked.items()) if t in run.known_titles}
    red = {t: sorted(f) for t, f in sorted(linked.items()) if t not in run.known_titles}
    for title in sorted(run.known_titles - recovered - set(linked)):
        namespace, _ = DEFAULT.split(title)
        if namespace not in NOT_PAGES:
            lost[title] = []  # shown to exist (listed, blue-linked), linked from no recovered page
    return lost, red
