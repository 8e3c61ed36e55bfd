"""Three-way merge of wikitext at word level, with conflicts shown whole sentence by sentence.

A fork (OURS) and its upstream (THEIRS) both changed a common BASE. Each side's changes are
found with a word-level diff of its wikitext against BASE (words, spaces and single markup
characters as tokens, so an edit inside one template parameter is a small change, not a changed
line). Changes of one side only are taken; the same change on both sides is taken once; changes
that touch the same base text differently are a conflict: the whole sentence(s) around them are
written with both versions between markers, and listed, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .alignment import DELETE, EQUAL
from .codes import TOKEN, Codes, minimal_engine

OURS_MARK, BASE_MARK, SPLIT_MARK, THEIRS_MARK = (
    "<<<<<<< ours",
    "||||||| base",
    "=======",
    ">>>>>>> theirs",
)


@dataclass(frozen=True)
class Change:
    """Base tokens [start, end) become ``tokens`` on one side."""

    start: int
    end: int
    tokens: tuple[str, ...]


@dataclass(frozen=True)
class Conflict:
    base: str
    ours: str
    theirs: str
    line: int  # 1-based line of the merged text where the conflict starts


@dataclass
class Merged:
    text: str
    conflicts: list[Conflict] = field(default_factory=list)
    from_ours: int = 0  # changes taken from one side only
    from_theirs: int = 0
    from_both: int = 0  # the same change made on both sides


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


# A changed stretch of lines larger than this (tokens on one side times the other) is a rewrite:
# diffed by lines only, since a minimal token diff of it costs minutes and says nothing useful.
MAX_TOKEN_DIFF = 4_000_000


def changes(base: list[str], other: list[str]) -> list[Change]:
    """The changes that turn ``base`` into ``other``, in base order: lines first (fast on long
    pages), then tokens inside each changed stretch of lines (small changes)."""
    lines_b, lines_o = _line_spans(base), _line_spans(other)
    codes = Codes()
    engine = minimal_engine()
    diffs = engine.diff_main(
        codes.encode("".join(base[a:b]) for a, b in lines_b),
        codes.encode("".join(other[a:b]) for a, b in lines_o),
        False,
    )
    found: list[Change] = []
    lb = lo = 0
    block: list[int] | None = None  # first line of the changed stretch in base, in other

    def flush(end_b: int, end_o: int) -> None:
        start_b = lines_b[block[0]][0] if block[0] < len(lines_b) else len(base)
        start_o = lines_o[block[1]][0] if block[1] < len(lines_o) else len(other)
        stop_b = lines_b[end_b - 1][1] if end_b > block[0] else start_b
        stop_o = lines_o[end_o - 1][1] if end_o > block[1] else start_o
        old, new = base[start_b:stop_b], other[start_o:stop_o]
        if len(old) * len(new) > MAX_TOKEN_DIFF:  # a rewrite, not an edit: whole lines
            found.append(Change(start_b, stop_b, tuple(new)))
            return
        for change in _token_changes(old, new):
            found.append(Change(change.start + start_b, change.end + start_b, change.tokens))

    for op, text in diffs:
        n = len(text)
        if op == EQUAL:
            if block is not None:
                flush(lb, lo)
                block = None
            lb, lo = lb + n, lo + n
            continue
        if block is None:
            block = [lb, lo]
        if op == DELETE:
            lb += n
        else:
            lo += n
    if block is not None:
        flush(lb, lo)
    return found


def _line_spans(tokens: list[str]) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for index, token in enumerate(tokens):
        if "\n" in token:
            spans.append((start, index + 1))
            start = index + 1
    if start < len(tokens):
        spans.append((start, len(tokens)))
    return spans


def _token_changes(base: list[str], other: list[str]) -> list[Change]:
    """Token-level changes, minimal."""
    codes = Codes()
    engine = minimal_engine()
    diffs = engine.diff_main(codes.encode(base), codes.encode(other), False)
    found: list[Change] = []
    at = other_at = 0
    pending: tuple[int, int, int] | None = None  # base start, base end, other start
    for op, text in diffs:
        n = len(text)
        if op == EQUAL:
            if pending:
                found.append(Change(pending[0], pending[1], tuple(other[pending[2] : other_at])))
                pending = None
            at, other_at = at + n, other_at + n
            continue
        if pending is None:
            pending = (at, at, other_at)
        if op == DELETE:
            at += n
            pending = (pending[0], at, pending[2])
        else:
            other_at += n
    if pending:
        found.append(Change(pending[0], pending[1], tuple(other[pending[2] : other_at])))
    return found


def _touch(x: Change, y: Change, base: list[str]) -> bool:
    """Whether two changes act on the same base text: they overlap, or nothing but whitespace
    lies between them (``the [red] mat`` and ``the [blue] mat``: their order would be a guess,
    and two edits of adjacent words are rarely independent)."""
    if x.start < y.end and y.start < x.end:
        return True
    gap = base[x.end : y.start] if x.end <= y.start else base[y.end : x.start]
    return all(token.isspace() for token in gap)


def _apply(base: list[str], start: int, end: int, side: list[Change]) -> list[str]:
    out: list[str] = []
    at = start
    for change in side:
        out += base[at : change.start]
        out += change.tokens
        at = change.end
    out += base[at:end]
    return out


def _sentence_bounds(base: list[str], start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole sentences of the base (a sentence ends at ``. `` or a line
    break)."""
    while start > 0 and not _ends_sentence(base, start - 1):
        start -= 1
    while end < len(base) and not _ends_sentence(base, end - 1):
        end += 1
    return start, end


def _ends_sentence(base: list[str], index: int) -> bool:
    token = base[index]
    if "\n" in token:
        return True
    return token.isspace() and index > 0 and base[index - 1] in (".", "!", "?")


@dataclass
class _Cluster:
    start: int
    end: int
    ours: list[Change]
    theirs: list[Change]
    conflict: bool = False


def _clusters(b: list[str], mine: list[Change], yours: list[Change]) -> list[_Cluster]:
    """Changes of both sides grouped where they touch (transitively), in base order."""
    found: list[_Cluster] = []
    i = j = 0
    while i < len(mine) or j < len(yours):
        mine_first = j >= len(yours) or (i < len(mine) and mine[i].start <= yours[j].start)
        first = mine[i] if mine_first else yours[j]
        cluster = _Cluster(first.start, first.end, [], [])
        while True:
            span = Change(cluster.start, cluster.end, ())
            if i < len(mine) and _touch(mine[i], span, b):
                cluster.ours.append(mine[i])
                i += 1
            elif j < len(yours) and _touch(yours[j], span, b):
                cluster.theirs.append(yours[j])
                j += 1
            else:
                break
            cluster.start = min(c.start for c in cluster.ours + cluster.theirs)
            cluster.end = max(c.end for c in cluster.ours + cluster.theirs)
        cluster.conflict = bool(cluster.ours and cluster.theirs) and _apply(
            b, cluster.start, cluster.end, cluster.ours
        ) != _apply(b, cluster.start, cluster.end, cluster.theirs)
        found.append(cluster)
    return found


def _widen_conflicts(b: list[str], clusters: list[_Cluster]) -> list[_Cluster]:
    """Conflicts grown to whole sentences, taking in every cluster those sentences reach."""
    out: list[_Cluster] = []
    for cluster in clusters:
        if cluster.conflict:
            cluster.start, cluster.end = _sentence_bounds(b, cluster.start, cluster.end)
        while out and out[-1].end > cluster.start:
            previous = out.pop()
            cluster = _Cluster(
                min(previous.start, cluster.start),
                max(previous.end, cluster.end),
                previous.ours + cluster.ours,
                previous.theirs + cluster.theirs,
                previous.conflict or cluster.conflict,
            )
        out.append(cluster)
    return out


def merge3(base: str, ours: str, theirs: str, prefer: str | None = None) -> Merged:
    """Merge the changes BASE -> OURS and BASE -> THEIRS. ``prefer`` ("ours" or "theirs")
    resolves conflicts to that side (they are still listed)."""
    b = tokens(base)
    clusters = _clusters(b, changes(b, tokens(ours)), changes(b, tokens(theirs)))
    # a conflict widened over whole sentences may reach a later cluster: widen until stable
    while True:
        widened = _widen_conflicts(b, clusters)
        if len(widened) == len(clusters):
            break
        clusters = widened
    result = Merged("")
    out: list[str] = []
    at = 0
    for cluster in widened:
        out += b[at : cluster.start]
        at = cluster.end
        version_o = _apply(b, cluster.start, cluster.end, cluster.ours)
        version_t = _apply(b, cluster.start, cluster.end, cluster.theirs)
        if not cluster.conflict:
            out += version_o if cluster.ours else version_t
            if cluster.ours and cluster.theirs:
                result.from_both += 1
            elif cluster.ours:
                result.from_ours += 1
            else:
                result.from_theirs += 1
            continue
        line = "".join(out).count("\n") + 1
        if prefer is None:
            block = _conflict_block(version_o, b[cluster.start : cluster.end], version_t, out)
            line += block[0].count("\n")
            out += block
        else:
            out += version_o if prefer == "ours" else version_t
        base_text = "".join(b[cluster.start : cluster.end])
        result.conflicts.append(Conflict(base_text, "".join(version_o), "".join(version_t), line))
    out += b[at:]
    result.text = "".join(out)
    return result


def _conflict_block(
    ours: list[str], base: list[str], theirs: list[str], before: list[str]
) -> list[str]:
    """Git-style markers on lines of their own, both versions whole."""
    lead = "" if not before or "".join(before[-1:]).endswith("\n") else "\n"
    parts = [lead, OURS_MARK, "\n", *ours, "\n", BASE_MARK, "\n", *base, "\n", SPLIT_MARK, "\n"]
    parts += [*theirs, "\n", THEIRS_MARK, "\n"]
    return parts
