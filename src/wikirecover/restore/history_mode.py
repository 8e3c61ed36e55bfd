"""History mode: the current page against the page's history.

The bad revisions are the identity-reverted ones plus any the user lists. The page is first
checked against the good revisions nearest it with a bad change done again (`reproduce.py`): one
that gives the page exactly is the restore, certain unless another revision would give the same
page. Otherwise the page is read hunk by hunk against its nearest revisions (never a bad one): a
hunk that does again what a bad revision did is reverted, every other hunk is an edit made since
and is kept; the page's base is the revision that leaves the fewest characters of change
unexplained. Such a reading is certain only for a page carrying a listed bad revision.
"""

from __future__ import annotations

from collections import Counter

from ..align.hunks import KEPT, REVERTED, Hunk, hunks, rebuild
from .bad_changes import KnownBadChanges, Match
from .history import BadChange, History
from .reproduce import Reproduction, reproductions
from .result import Restored
from .verify import check_undo

REVERT_AT = 0.8  # likeness to a known bad change from which a hunk is reverted
CERTAIN_AT = 0.95  # ... and from which that is certain
BASES = 6  # nearest revisions tried as the page's base
SHARED = 0.5  # below this share of its base kept, a page's base is a guess
NEIGHBOURS = 5  # revisions either side of the one found that may hide under the bad change
RECENT = 20  # revisions before the page's base in which a reverted change counts as recent


def bad_changes(history: History, listed: tuple[str, ...] = ()) -> list[BadChange]:
    """Identity reverts, then the revisions the user listed (each against its parent)."""
    found = history.identity_reverts()
    for revision_id in listed:
        index = history.index_of(revision_id)
        if index == 0:
            continue  # the first revision has nothing before it to go back to
        found.append(
            BadChange(index - 1, index, f"revision {revision_id} was listed as bad", listed=True)
        )
    return found


def restore_from_history(
    history: History, current: str | None = None, listed: tuple[str, ...] = ()
) -> Restored:
    changes = history.cached(("bad", listed), lambda: bad_changes(history, listed))
    if current is None:
        current = history.text(len(history) - 1)
    excluded = history.cached(("excluded", listed), lambda: _carrying(history, changes))
    known = history.cached(("known", listed), lambda: KnownBadChanges(history, changes))
    notes = [f"{len(changes)} bad changes known from the history"]
    # the page may be a revision itself (the latest, by default): its base is one before it,
    # so that a bad change it does again is seen
    same = history.revisions_with(current)
    itself = [k for k in same if k not in excluded]
    bases = history.nearest(current, excluded.union(itself), count=BASES)
    if not bases:
        return Restored(current, current, current, [], "history", "", notes)
    tried: list[tuple] = []
    # the page may be a bad revision itself: it is then the revision before that change with
    # the change done again, exactly
    own = [change for change in changes if change.bad in same]
    exact = reproductions(history, current, own, [c.before for c in own], excluded, False)
    near = exact[0].change.bad if exact else None
    if near is not None:
        notes.append(f"the page is revision {history.ids[near]}, a bad one")
    elif not listed:
        # the cheap look: a recently reverted change done again on a near revision, exactly
        exact = reproductions(
            history, current, _recent(known, bases), bases, excluded, undo_first=False
        )
    if exact:
        preferred = exact[0].revision if near is not None else bases[0]
        base, found, undone = _reproduced(history, current, exact, preferred, notes, excluded, near)
    else:
        memo: dict[tuple, list[Match]] = {}  # bases near each other share most of their hunks
        for base in bases:
            found, ranked = _classified(history, known, base, current, memo, near=bases[0])
            unexplained = sum(h.size for h in found if h.decision == KEPT or not h.certain)
            tried.append(((unexplained, sum(h.size for h in found)), base, found, ranked))
        _, base, found, ranked = min(tried, key=lambda t: t[0])
        repeated = [known.changes[n] for n in ranked]
        undone = repeated[0] if repeated else None
        if itself and not any(h.decision == REVERTED for h in found):
            name = f"revision {history.ids[itself[-1]]}"
            notes.append(f"the page is {name}, and none of its changes repeats a bad one")
            return Restored(current, current, current, [], "history", name, notes)
        if found and not _carried(repeated, base):
            suspects = dict.fromkeys([*ranked, *(n for t in tried for n in t[3])])
            exact = reproductions(
                history, current, [known.changes[n] for n in suspects], bases, excluded
            )
            if exact:
                tried = []  # the other near revisions were tried: none gives the page exactly
                base, found, undone = _reproduced(history, current, exact, base, notes, excluded)
            else:
                _all_uncertain(
                    found,
                    notes,
                    "no good revision with a bad change done again gives the page exactly: it "
                    "was edited in ways the history does not show",
                )
    old = history.text(base)
    if _kept_share(old, found) < SHARED:
        _all_uncertain(
            found,
            notes,
            "the page keeps too little of any revision to tell which it was made from",
        )
    fully_reverted = [b for _, b, f, _ in tried if all(h.decision == REVERTED for h in f)]
    others = sorted(_hidden_revisions(history, old, fully_reverted, found, current))
    if others:
        _all_uncertain(
            found,
            notes,
            f"the page could as well come from revision {', '.join(others)}, which "
            "restores to a different page",
        )
    result = Restored(
        rebuild(current, found), old, current, found, "history", _named(history, base), notes
    )
    if result.certain and undone is not None:
        # checked against what was asked: the bad change undone on the page, nothing else
        before, bad = history.text(undone.before), history.text(undone.bad)
        result.found_wrong(check_undo(current, before, bad, result.text))
    return result


def _named(history: History, base: int) -> str:
    return (
        f"revision {history.ids[base]} (the good revision the page is nearest, of {len(history)})"
    )


def _carried(repeated: list[BadChange], base: int) -> bool:
    """Whether the page carries a listed bad revision made after its base (a page edited since
    the damage): it is then no revision plus a change done again, and hunks that are no bad
    change's are edits made since, kept."""
    return bool(repeated) and repeated[0].listed and base < repeated[0].bad


def _recent(known: KnownBadChanges, bases: list[int]) -> list[BadChange]:
    """The bad changes reverted shortly before one of the page's nearest revisions: a reverted
    change is most often done again soon after (a vandal coming back, an edit war)."""
    return [
        change
        for change in known.changes
        if any(0 <= base - change.bad <= RECENT for base in bases)
    ]


def _reproduced(
    history: History,
    current: str,
    exact: list[Reproduction],
    base: int,
    notes: list[str],
    excluded: set[int],
    near: int | None = None,
) -> tuple[int, list[Hunk], BadChange]:
    """The revision the page was made from, with every hunk from it to the page reverted;
    certain when no other revision that differs from it gives the page as well (looked for
    around that revision, and around revision ``near`` when given)."""
    by_text: dict[str, Reproduction] = {}
    for found in exact:
        by_text.setdefault(history.text(found.revision), found)
    chosen = next((r for r in by_text.values() if r.revision == base), exact[0])
    old = history.text(chosen.revision)
    reason = (
        f"the page is revision {history.ids[chosen.revision]} with a bad change done again, "
        f"exactly: {chosen.change.reason}"
    )
    found = hunks(old, current)
    for hunk in found:
        hunk.decision, hunk.certain, hunk.reason, hunk.score = REVERTED, True, reason, 1.0
    notes.append(reason)
    if len(by_text) > 1:
        others = ", ".join(history.ids[r.revision] for r in by_text.values() if r is not chosen)
        _all_uncertain(
            found,
            notes,
            f"revision {others} with a bad change done again gives the page exactly as well, "
            "and restores to a different page",
        )
        return chosen.revision, found, chosen.change
    # a revision made just before or after it that differs only where the bad change wrote
    # over the page would have given the same page: nothing in the page tells them apart
    around = _within(history, chosen.revision)
    if near is not None:
        around = sorted({*around, *_within(history, near)})
    hidden = _hidden_revisions(
        history, old, [k for k in around if k not in excluded], found, current
    )
    if hidden:
        _all_uncertain(
            found,
            notes,
            f"revision {', '.join(hidden)} differs from it only where the bad change wrote over "
            "the page, and restores to a different page",
        )
    return chosen.revision, found, chosen.change


def _within(history: History, revision: int) -> list[int]:
    """The revisions at most NEIGHBOURS before or after ``revision``."""
    return list(range(max(revision - NEIGHBOURS, 0), min(revision + NEIGHBOURS + 1, len(history))))


def _carrying(history: History, changes: list[BadChange]) -> set[int]:
    """The revisions that hold a bad change: the reverted run of an identity revert; for a
    listed revision, it and every later one until a revert past it."""
    carrying: set[int] = set()
    for change in changes:
        end = history.carried_until(change.bad) if change.listed else change.bad + 1
        carrying.update(range(change.before + 1, end))
    return carrying


def _hidden_revisions(
    history: History, old: str, candidates: list[int], found: list[Hunk], current: str
) -> list[str]:
    """The ids of the ``candidates`` (not the page itself, kept as a revision) that differ from
    the page's base ``old`` only where the bad change wrote over the page, in their order."""
    hidden = []
    for k in candidates:
        text = history.text(k)
        if text != current and _hidden_difference(old, text, found):
            hidden.append(history.ids[k])
    return hidden


def _hidden_difference(old: str, other: str, found: list[Hunk]) -> bool:
    """Whether revision ``other`` differs from the page's base ``old`` only where the bad change
    wrote over the page: the page then holds nothing that tells the two apart."""
    spans = [(h.old_start, h.old_end) for h in found if h.decision == REVERTED]
    if other == old or not spans:
        return False
    # a cheap first cut: outside the first and last span, the two must be the same
    head = max(min(start for start, _ in spans) - 1, 0)
    tail = min(max(end for _, end in spans) + 1, len(old))
    if not (other.startswith(old[:head]) and other.endswith(old[tail:])):
        return False
    return all(
        any(start - 1 <= d.old_start and d.old_end <= end + 1 for start, end in spans)
        for d in hunks(old, other)
    )


def _all_uncertain(found: list[Hunk], notes: list[str], why: str) -> None:
    notes.append(why + ": every hunk is uncertain")
    for hunk in found:
        hunk.certain = False


def _kept_share(old: str, found: list[Hunk]) -> float:
    return 1 - sum(len(h.removed) for h in found) / max(len(old), 1)


def _classified(
    history: History, known: KnownBadChanges, base: int, current: str, memo: dict, near: int
) -> tuple[list[Hunk], list[int]]:
    """The hunks from revision ``base`` to ``current``: reverted when they repeat a known bad
    change (certainly when it is the one bad change that accounts for most of them), kept
    otherwise; and the bad changes they repeat, the one that accounts for most first."""
    found = hunks(history.text(base), current)
    likes: dict[int, list[Match]] = {}
    named: list[int] = []
    # long hunks first: they name the bad change(s) the short ones are then tried against
    for number, hunk in sorted(enumerate(found), key=lambda item: -item[1].size):
        key = (
            hunk.removed,
            hunk.added,
            current[max(0, hunk.new_start - 12) : hunk.new_end + 12],
            tuple(named),
        )
        if key not in memo:
            memo[key] = known.matches(hunk, current, near, tuple(named))
        likes[number] = memo[key]
        if likes[number] and likes[number][0].number not in named:
            named.append(likes[number][0].number)
    # the main bad change: the one that accounts exactly for the most of the page's change
    volume: Counter[tuple[int, int]] = Counter()
    for number, matches in likes.items():
        for match in matches:
            if match.score >= REVERT_AT:
                exact = 1 if match.score >= CERTAIN_AT else 0
                volume[(match.number, exact)] += found[number].size
    ranked = sorted(
        {n for n, _ in volume},
        key=lambda n: (-volume[(n, 1)], -volume[(n, 0)], abs(known.changes[n].bad - base)),
    )
    main = ranked[0] if ranked else None
    for number, hunk in enumerate(found):
        matches = [m for m in likes[number] if m.score >= REVERT_AT]
        mine = next((m for m in matches if m.number == main), None)
        match = mine or (matches[0] if matches else None)
        if match is not None:
            hunk.decision = REVERTED
            hunk.score = match.score
            hunk.certain = mine is not None and match.score >= CERTAIN_AT
            hunk.reason = f"does again what a bad revision did ({match.score:.0%} alike): " + (
                match.change.reason
            )
            if mine is None:
                hunk.reason += "; not the bad change the page's other hunks repeat"
            continue
        hunk.decision = KEPT
        hunk.reason = "an edit made since revision " + history.ids[base]
        if likes[number]:
            hunk.certain = False
            hunk.score = likes[number][0].score
            hunk.reason += f"; {hunk.score:.0%} alike to a bad change: " + (
                likes[number][0].change.reason
            )
    return found, ranked
