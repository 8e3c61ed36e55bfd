"""How far the restore bars can go on the shared restore cases, measured on the data.

    pip install scikit-learn   # for the known-good part only; not a dependency of wikirecover
    python benchmarks/restore_ceiling.py [--shared ../shared] [--jobs 2] [--limit N]

History mode: a case whose damaged page is byte for byte the vandal revision v cannot be
restored to g (a revision made after the revert) without knowing how the case was built: the
page *is* a known bad revision, and undoing it gives the revision before it. The share of the
other cases is the most history mode can restore exactly.

Known-good mode (p and the damaged page only): a gradient-boosted classifier is fitted on the
hunks of p -> page, with the project's content features (`restore.features`) and generic ones
(sizes, words new to the page, markup counts, capitals, digits...), and scored by 5-fold cross
validation grouped by good revision (no case is judged by a model that saw its revision). It
learns weights the hand-set table does not have, so it bounds what content features can say.
It is also scored on the data it was fitted on (an optimistic bound), and with two features
that only the way the cases are built gives (how many hunks the case has, and which one this
is), to show how much of its score they carry.
"""

from __future__ import annotations

import argparse
import csv
import math
import multiprocessing
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

from restore_cases import damage_labels, inject

from wikirecover.align.hunks import Hunk, hunks
from wikirecover.restore.features import FEATURES
from wikirecover.restore.history import History

_WORD = re.compile(r"[^\W\d_]{2,}")
CONTENT = [f.name for f in FEATURES] + [
    "removed",
    "added",
    "log-removed",
    "log-added",
    "net",
    "words-added",
    "words-removed",
    "new-words",
    "new-share",
    "adds-[[",
    "removes-[[",
    "adds-{{",
    "removes-{{",
    "adds-<ref",
    "removes-<ref",
    "adds-lines",
    "removes-lines",
    "adds-digits",
    "removes-digits",
    "capitals",
    "!",
    "?",
    "where",
    "pure-insert",
    "pure-delete",
    "shared-words",
]
CONSTRUCTION = ["hunks-in-case", "hunk-number"]


def features(hunk: Hunk, good: str, good_words: set[str]) -> list[float]:
    removed, added = hunk.removed, hunk.added
    words_added, words_removed = _WORD.findall(added.lower()), _WORD.findall(removed.lower())
    new = sum(1 for word in words_added if word not in good_words)
    union = set(words_added) | set(words_removed)
    return [f.measure(hunk, good) for f in FEATURES] + [
        len(removed),
        len(added),
        math.log1p(len(removed)),
        math.log1p(len(added)),
        len(added) - len(removed),
        len(words_added),
        len(words_removed),
        new,
        new / max(1, len(words_added)),
        added.count("[["),
        removed.count("[["),
        added.count("{{"),
        removed.count("{{"),
        added.count("<ref"),
        removed.count("<ref"),
        added.count("\n"),
        removed.count("\n"),
        sum(c.isdigit() for c in added),
        sum(c.isdigit() for c in removed),
        sum(c.isupper() for c in added) / max(1, len(added)),
        added.count("!"),
        added.count("?"),
        hunk.old_start / max(1, len(good)),
        float(not removed),
        float(not added),
        len(set(words_added) & set(words_removed)) / max(1, len(union)),
    ]


_SHARED: tuple = ()


def _case_rows(cases: list[dict]) -> list[tuple]:
    history, index = _SHARED
    out = []
    for row in cases:
        p, v, g = (history.text(index[row[key]]) for key in ("base_rev", "vandal_rev", "truth_rev"))
        damaged = inject(p, v, g)
        if damaged is None:
            continue
        words = set(_WORD.findall(p.lower()))
        found = hunks(p, damaged)
        rows = [
            [*features(hunk, p, words), len(found), number] for number, hunk in enumerate(found)
        ]
        out.append((row["case"], row["base_rev"], damaged == v, rows, damage_labels(p, v, damaged)))
    return out


def _score(name, x, y, groups, cases, folds, model_of) -> None:
    import numpy as np
    from sklearn.metrics import f1_score, precision_score, recall_score
    from sklearn.model_selection import GroupKFold

    said = np.zeros_like(y)
    if folds:
        for train, test in GroupKFold(folds).split(x, y, groups):
            said[test] = model_of().fit(x[train], y[train]).predict(x[test])
    else:
        said = model_of().fit(x, y).predict(x)
    right: dict[int, bool] = defaultdict(lambda: True)
    for case, truth, guess in zip(cases, y, said, strict=True):
        right[case] &= bool(truth == guess)
    every = sum(right[c] for c in set(cases.tolist())) / len(set(cases.tolist()))
    print(
        f"{name}: hunks P {precision_score(y, said):.3f} R {recall_score(y, said):.3f} "
        f"F1 {f1_score(y, said):.3f}; cases with every hunk right {every:.1%}"
    )


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=here.parent / "shared")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    folder = args.shared / "history"
    started = time.perf_counter()
    history = History.from_dump(folder / "enwiki-Anarchism-full-history-2001-2010.xml.lzma")
    index = {rev_id: k for k, rev_id in enumerate(history.ids)}
    with open(folder / "restore_cases.csv", newline="", encoding="utf-8") as handle:
        cases = [row for row in csv.DictReader(handle) if row["inject_ok"] == "1"]
    cases = cases[: args.limit] if args.limit else cases
    global _SHARED
    _SHARED = (history, index)
    slices = [cases[k :: args.jobs] for k in range(args.jobs)]
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        found = [row for part in pool.map(_case_rows, slices) for row in part]
    print(f"{len(found)} cases read and diffed in {time.perf_counter() - started:.0f} s")

    itself = sum(1 for _, _, is_v, _, _ in found if is_v)
    print(
        f"history mode: the damaged page is the vandal revision itself in {itself} cases: "
        f"at most {1 - itself / len(found):.1%} exact without knowing how the cases are built"
    )
    try:
        import numpy as np
        from sklearn.ensemble import HistGradientBoostingClassifier
    except ImportError:
        print("known-good part skipped: pip install scikit-learn")
        return 0
    x = np.array([r for _, _, _, rows, _ in found for r in rows], dtype=float)
    y = np.array([int(label) for *_, labels in found for label in labels])
    groups = np.array([base for _, base, _, rows, _ in found for _ in rows])
    numbers = np.array([n for n, (_, _, _, rows, _) in enumerate(found) for _ in rows])
    print(f"known-good: {len(y)} hunks, {y.mean():.1%} of them damage")

    def model():
        return HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, random_state=0)

    content = x[:, : len(CONTENT)]
    _score("content features, cross-validated", content, y, groups, numbers, 5, model)
    _score("content + construction features, cross-validated", x, y, groups, numbers, 5, model)
    _score(
        "content + construction features, fitted and judged on all", x, y, groups, numbers, 0, model
    )
    all_damage = sum(1 for *_, labels in found if all(labels)) / len(found)
    print(
        f"reverting every hunk: F1 {2 * y.sum() / (len(y) + y.sum()):.3f}; cases with every "
        f"hunk right {all_damage:.1%} (those whose hunks are all damage)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
