"""Per title, which capture gives the page and which helps, newest first.

The best source is exact wikitext of the newest revision (``action=raw``, the edit form's text
box). Captures are ordered by the revision they show where both say it (MediaWiki's revision
ids only grow), else by capture time; where neither orders them (a mirror's ``action=raw`` file
keeps neither), the order is unknown and the page is recovered from its rendering with the
wikitext as upstream, which gives the wikitext byte for byte when the rendering shows no text it
lacks. An older capture never wins over a newer one: newer rendered HTML is recovered, and an
older capture's exact wikitext lends it its markup (`align`), the newer text kept. A title whose
newest capture is its redirect (``redirect=no``, or another page served "Redirected from" it) is
that redirect. Every capture of a title is listed in its plan, with what it was used for.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..namespaces import DEFAULT
from .identify import HISTORY, PAGE, REDIRECT, WIKITEXT, View

EXACT = "exact wikitext"  # the newest capture is the page's wikitext
RENDERED = "rendered HTML"  # recovered from its rendering alone
RENDERED_WITH_MARKUP = "rendered HTML + older wikitext"  # rendering, markup from older wikitext
RENDERED_TEXT = "rendered text"  # a rendering kept only as its text; links from the title list
REDIRECTED = "redirect"


@dataclass
class Plan:
    title: str
    namespace: int
    method: str  # EXACT, RENDERED, RENDERED_WITH_MARKUP, REDIRECTED
    main: View | None = None  # the capture the page's text comes from
    markup: View | None = None  # RENDERED_WITH_MARKUP: the older wikitext
    target: str | None = None  # REDIRECTED: where to
    captures: list[dict] = field(default_factory=list)  # every capture, with its use
    notes: list[str] = field(default_factory=list)  # what was decided and why
    revisions: list[int] = field(default_factory=list)  # revision ids a history lists
    links_restored: list[str] = field(default_factory=list)  # RENDERED_TEXT: titles linked


def compare(a: View, b: View) -> int | None:
    """> 0 when ``a`` shows a newer state of its page than ``b``, 0 the same, None unknown."""
    if a.revision is not None and b.revision is not None:
        return (a.revision > b.revision) - (a.revision < b.revision)
    if a.capture.timestamp and b.capture.timestamp:
        return (a.capture.timestamp > b.capture.timestamp) - (
            a.capture.timestamp < b.capture.timestamp
        )
    return None


def _newest(views: list[View]) -> View | None:
    """The newest of ``views`` (by revision, then time; the last found among equals)."""
    best: View | None = None
    for view in views:
        order = compare(view, best) if best is not None else 1
        if order is None:  # unknown: the capture that says when it is wins over one that does not
            order = 1 if _dated(view) and not _dated(best) else -1
        elif (
            order == 0
            and best is not None
            and best.capture.timestamp
            and not view.capture.timestamp
        ):
            order = -1  # the same revision: the capture that keeps its time
        if order >= 0:
            best = view
    return best


def _dated(view: View | None) -> bool:
    return view is not None and (view.revision is not None or view.capture.timestamp is not None)


def _newest_rendering(pages: list[View]) -> View | None:
    """The newest rendering; a rendering kept only as text only where no HTML rendering is as
    new (HTML keeps links, tables and references that text has lost)."""
    html = _newest([v for v in pages if v.rendered_as == "html"])
    text = _newest([v for v in pages if v.rendered_as != "html"])
    if html is None or (text is not None and (compare(text, html) or 0) > 0):
        return text or html
    return html


def plan_titles(views: Iterable[View]) -> list[Plan]:
    """One plan per title that some capture shows as a page, in title order."""
    by_title: dict[str, list[View]] = defaultdict(list)
    served_as: dict[str, list[View]] = defaultdict(list)  # redirect title -> target views
    for view in views:
        if not view.is_page or view.title is None:
            continue
        by_title[view.title].append(view)
        if view.kind == PAGE and view.redirected_from:
            served_as[view.redirected_from].append(view)
    plans = []
    for title in sorted(set(by_title) | set(served_as)):
        plan = _plan(title, by_title.get(title, []), served_as.get(title, []))
        if plan is not None:
            plans.append(plan)
    return plans


def _plan(title: str, views: list[View], served: list[View]) -> Plan | None:
    """``views``: the title's own captures (a page served "Redirected from" another title is a
    rendering of its own title too); ``served``: other titles' pages served through it."""
    pages = [v for v in views if v.kind == PAGE]
    texts = [v for v in views if v.kind == WIKITEXT]
    redirects = [v for v in views if v.kind == REDIRECT]
    histories = [v for v in views if v.kind == HISTORY]
    namespace = next((v.namespace for v in views if v.namespace is not None), None)
    if namespace is None:
        namespace = DEFAULT.split(title)[0]
    plan = Plan(title, namespace, RENDERED)
    plan.revisions = sorted({r for h in histories for r in h.revisions})
    page, text = _newest_rendering(pages), _newest(texts)
    content = _newest([v for v in (page, text) if v is not None])
    redirect = _newest(redirects)
    if served and (redirect is None or _time(served) > (redirect.capture.timestamp or "")):
        newest_served = max(served, key=lambda v: v.capture.timestamp or "")
        # served "Redirected from": its revision is the target's, so only times compare
        if content is None or (
            content.capture.timestamp
            and newest_served.capture.timestamp
            and newest_served.capture.timestamp > content.capture.timestamp
        ):
            plan.method, plan.target, plan.main = REDIRECTED, newest_served.title, newest_served
            plan.notes.append(
                f'served as {newest_served.title!r} "Redirected from" it '
                f"({_when(newest_served)}): a redirect"
            )
    if (
        redirect is not None
        and plan.method != REDIRECTED
        and (content is None or (compare(redirect, content) or 0) > 0)
    ):
        plan.method, plan.target, plan.main = REDIRECTED, redirect.target, redirect
        plan.notes.append(f"its newest capture ({_when(redirect)}) is the redirect itself")
    if plan.method != REDIRECTED:
        if content is None:
            return None
        order = compare(text, page) if text is not None and page is not None else None
        if text is not None and (page is None or (order is not None and order >= 0)):
            plan.method, plan.main = EXACT, text
            plan.notes.append(
                f"the newest capture is its exact wikitext ({_when(text)})"
                if page is None or order != 0
                else f"its wikitext ({_when(text)}) is of the revision the newest rendering "
                f"shows ({_when(page)})"
            )
        elif text is not None and page is not None:
            plan.method, plan.main, plan.markup = RENDERED_WITH_MARKUP, page, text
            plan.notes.append(
                f"recovered from its rendering ({_when(page)}), with the markup of "
                + (
                    f"its older wikitext ({_when(text)})"
                    if order is not None
                    else f"its wikitext of unknown date ({_when(text)}), taken as it is "
                    "when the rendering shows no text it lacks"
                )
            )
        else:
            plan.main = page
            plan.notes.append(f"recovered from its rendering ({_when(page)}): no wikitext found")
        if plan.main is not None and plan.main.rendered_as == "text":
            plan.method = RENDERED_TEXT if plan.method == RENDERED else plan.method
            plan.notes.append(
                "the rendering was kept as text only: links are restored where the text names "
                "a title of the site unambiguously"
            )
    if plan.revisions and plan.main is not None and plan.main.revision is not None:
        latest = plan.revisions[-1]
        if plan.main.revision < latest:
            plan.notes.append(
                f"its history lists revision {latest}, newer than any captured "
                f"(revision {plan.main.revision}): the newest edits are lost"
            )
    for view in sorted(views + served, key=lambda v: (v.capture.timestamp or "", v.capture.url)):
        plan.captures.append(_described(view, plan))
    return plan


def _time(views: list[View]) -> str:
    return max((v.capture.timestamp or "") for v in views)


def _when(view: View) -> str:
    parts = [view.kind if view.kind != PAGE else f"rendered {view.rendered_as}"]
    if view.revision is not None:
        parts.append(f"revision {view.revision}")
    if view.capture.timestamp:
        parts.append(f"captured {view.capture.timestamp}")
    return ", ".join(parts)


def _described(view: View, plan: Plan) -> dict:
    if view is plan.main:
        use = "the page's text" if plan.method != REDIRECTED else "the redirect"
    elif view is plan.markup:
        use = "markup carried onto the newer text"
    elif view.kind == HISTORY:
        use = "revision list"
    elif view.kind == PAGE and view.title != plan.title:
        use = f"served as {view.title!r}: shows this title redirects"
    else:
        use = "not used: an older or equal capture"
    return {
        "kind": view.kind if view.kind != PAGE else f"rendered {view.rendered_as}",
        "action": view.action,
        "url": view.capture.url,
        "time": view.capture.timestamp,
        "status": view.capture.status,
        "revision": view.revision,
        "origin": view.capture.origin,
        "used_for": use,
    }
