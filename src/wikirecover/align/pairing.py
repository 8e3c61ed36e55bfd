"""Pair the blocks (sentences, lines) of two changed stretches that are one text changed.

Inside a stretch where two versions differ, a block that keeps most of its words was edited;
one that shares only "the", "in", "was" with its counterpart was deleted and another added.
Pairing decides which, so that only edited blocks are diffed word by word.
"""

from __future__ import annotations

from collections import Counter

# Two sentences of a changed stretch are diffed word by word only when at least this share of
# their words agree; below it one was deleted and another added (a reworded sentence keeps most
# of its words, a deleted paragraph and an added sentence share only "the", "in", "was").
PAIR_SIMILARITY = 0.5
# Pairing compares every deleted with every inserted sentence of a changed stretch; beyond this
# many comparisons the stretch is diffed word by word as a whole.
MAX_PAIRINGS = 40_000
# Groups of up to MAX_GROUP sentences (a table row's cells) against one are tried when a changed
# stretch has at most MAX_GROUPINGS sentence pairs.
MAX_GROUP = 16
MAX_GROUPINGS = 4_000


def pair_blocks(
    bags_a: list[Counter[str]], bags_b: list[Counter[str]]
) -> list[tuple[int, int, int, int]]:
    """In-order groups (blocks [i0, i1) of a with [j0, j1) of b, one side a single block) of
    similar text that share the most words; blocks given as bags of words. A group of several
    blocks against one is a paragraph run together (list items, table cells on one line)."""
    m, n = len(bags_a), len(bags_b)
    widest = MAX_GROUP if m * n <= MAX_GROUPINGS else 1
    best = [[0] * (n + 1) for _ in range(m + 1)]
    choice: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(m - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            value, pick = best[i + 1][j], (1, 0)
            if best[i][j + 1] > value:
                value, pick = best[i][j + 1], (0, 1)
            group: Counter[str] = Counter()
            for k in range(1, min(widest, m - i) + 1):
                group += bags_a[i + k - 1]
                shared = _shared(group, bags_b[j])
                if shared and shared + best[i + k][j + 1] > value:
                    value, pick = shared + best[i + k][j + 1], (k, 1)
            group = Counter(bags_b[j])
            for k in range(2, min(widest, n - j) + 1):
                group += bags_b[j + k - 1]
                shared = _shared(bags_a[i], group)
                if shared and shared + best[i + 1][j + k] > value:
                    value, pick = shared + best[i + 1][j + k], (1, k)
            best[i][j] = value
            choice[i, j] = pick
    groups = []
    i = j = 0
    while i < m and j < n:
        di, dj = choice[i, j]
        if di and dj:
            groups.append((i, i + di, j, j + dj))
        i, j = i + di, j + dj
    return groups


def _shared(x: Counter[str], y: Counter[str]) -> int:
    """How many words two bags share, when they are similar enough to be one text changed."""
    shared = sum((x & y).values())
    total = sum(x.values()) + sum(y.values())
    return shared if total and 2 * shared / total >= PAIR_SIMILARITY else 0
