"""Restoring vandalized pages: every case of ../shared/history/restore_cases.csv with
inject_ok = 1, in every mode, against the reverse diff-match-patch patch in the same run.

    python benchmarks/restore_cases.py [--limit N] [--shared ../shared] [--mode history,undo,good]

A case: base revision p, vandal revision v (reverted right after), and a real later revision g;
the damaged page is v's change re-applied onto g (diff-match-patch, as the data's README says);
the right answer is g. The history is read once with the project's own dump reader.

- history: `restore_from_history(history, damaged)`: the whole real history is given; the bad
  revisions are found by identity reverts, the page's base by nearness.
- undo: `undo_change(damaged, p, v)`: only the bad change is known (a fork's situation: its
  later edits are in no history).
- good: `restore_known_good(damaged, p)`: only p; hunks classified from their content. Truth:
  the hunks of p -> damaged that come from p -> v are damage, the others legitimate.

Prints per mode: exact restores, outputs wrong but reported certain, uncertain, and seconds per
100 KB; for good mode also the hunk classification's precision, recall and F1.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing
import sys
import time
from pathlib import Path

from diff_match_patch import diff_match_patch

from wikirecover.align.hunks import REVERTED, hunks
from wikirecover.restore.history import History
from wikirecover.restore.history_mode import restore_from_history
from wikirecover.restore.known_good import restore_known_good
from wikirecover.restore.undo import undo_change
from wikirecover.restore.verify import edits


def inject(p: str, v: str, g: str) -> str | None:
    engine = diff_match_patch()
    engine.Diff_Timeout = 2.0
    patches = engine.patch_make(p, v)
    damaged, applied = engine.patch_apply(patches, g)
    return damaged if all(applied) and damaged != g else damaged if damaged != g else None


def reverse_patch(damaged: str, p: str, v: str) -> str:
    engine = diff_match_patch()
    engine.Diff_Timeout = 2.0
    return engine.patch_apply(engine.patch_make(v, p), damaged)[0]


class Tally:
    def __init__(self, name: str) -> None:
        self.name, self.n, self.exact, self.wrong_clean, self.uncertain = name, 0, 0, 0, 0
        self.seconds, self.size = 0.0, 0
        self.tp = self.fp = self.fn = 0
        # known-good mode: hunks by damage score band -> [damage, legitimate]
        self.bands = {band: [0, 0] for band in BANDS}
        # cases whose right answer has an edit inside a stretch the bad change rewrote (in no
        # input: the damaged page shows the bad change there), and how many of them are exact
        self.hidden = self.hidden_exact = 0

    def add(self, text: str, truth: str, certain: bool, seconds: float, size: int) -> None:
        self.n += 1
        self.exact += text == truth
        self.wrong_clean += text != truth and certain
        self.uncertain += not certain
        self.seconds += seconds
        self.size += size

    def merge(self, other: Tally) -> None:
        for name in (
            *("n", "exact", "wrong_clean", "uncertain", "seconds", "size", "tp", "fp", "fn"),
            *("hidden", "hidden_exact"),
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for band, (damage, legit) in other.bands.items():
            self.bands[band][0] += damage
            self.bands[band][1] += legit

    def line(self) -> str:
        n = max(self.n, 1)
        out = (
            f"{self.name:12s} n={self.n}  exact {self.exact / n:6.1%}  "
            f"wrong but certain {self.wrong_clean / n:5.1%} ({self.wrong_clean})  "
            f"uncertain {self.uncertain / n:5.1%}  "
            f"{self.seconds / max(self.size / 1e5, 1e-9):.3f} s per 100 KB"
        )
        if self.hidden:
            reachable = self.n - self.hidden + self.hidden_exact
            out += (
                f"\n  the right page has an edit inside what the bad change rewrote (in no "
                f"input) in {self.hidden} cases, {self.hidden_exact} exact anyway: at most "
                f"{reachable / n:.1%} can be exact"
            )
        if self.tp + self.fp + self.fn:
            precision = self.tp / max(self.tp + self.fp, 1)
            recall = self.tp / max(self.tp + self.fn, 1)
            f1 = 2 * precision * recall / max(precision + recall, 1e-9)
            out += f"  hunks P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"
            out += "\n  hunks by damage score (damage / legitimate): " + ", ".join(
                f"{band} {damage}/{legit}" for band, (damage, legit) in self.bands.items()
            )
        return out


def hidden_edit(p: str, v: str, g: str) -> bool:
    """Whether the right page g changed p inside a stretch the bad change p -> v rewrote (the
    damaged page then holds the bad change's text there, and g's edit is in no input)."""
    bad, good = edits(p, v), edits(p, g)
    return any(x.start < y.end and y.start < x.end for x in bad for y in good)


BANDS = {"<=0.05": (0.0, 0.05), "0.05-0.9": (0.05, 0.9), ">=0.9": (0.9, 0.97), ">=0.97": (0.97, 2)}


def _band(score: float) -> str:
    if score <= 0.05:
        return "<=0.05"
    return next(b for b, (low, high) in BANDS.items() if b != "<=0.05" and low <= score < high)


def damage_labels(p: str, v: str, damaged: str) -> list[bool]:
    """Per hunk of p -> damaged: whether it comes from the bad change (overlaps a hunk of
    p -> v in p's coordinates, or adds what v added there)."""
    bad = hunks(p, v)
    labels = []
    for hunk in hunks(p, damaged):
        overlaps = any(
            b.old_start <= hunk.old_end
            and hunk.old_start <= b.old_end
            and (not hunk.added or hunk.added in b.added or b.added in hunk.added or not b.added)
            for b in bad
        )
        labels.append(overlaps)
    return labels


_SHARED: tuple = ()


def _run_cases(cases: list[dict]) -> tuple[dict[str, Tally], int]:
    history, index, modes, show, include_vandal = _SHARED
    tallies = {name: Tally(name) for name in ("reverse-dmp", *sorted(modes))}
    shown: dict[str, int] = {}
    skipped = 0
    for done, row in enumerate(cases, 1):
        if done % 100 == 0:
            print(f"  {done} cases in one worker", flush=True)
        p, v, g = (history.text(index[row[key]]) for key in ("base_rev", "vandal_rev", "truth_rev"))
        damaged = inject(p, v, g)
        if damaged is None or (damaged == v and not include_vandal):
            skipped += 1
            continue
        size = len(damaged.encode("utf-8"))
        t = time.perf_counter()
        guess = reverse_patch(damaged, p, v)
        tallies["reverse-dmp"].add(guess, g, True, time.perf_counter() - t, size)
        for mode in modes:
            t = time.perf_counter()
            if mode == "history":
                result = restore_from_history(history, damaged)
            elif mode == "undo":
                result = undo_change(damaged, p, v)
            else:
                result = restore_known_good(damaged, p)
            tally = tallies[mode]
            tally.add(result.text, g, result.certain, time.perf_counter() - t, size)
            if mode == "undo" and hidden_edit(p, v, g):
                tally.hidden += 1
                tally.hidden_exact += result.text == g
            if mode == "good":
                truth = damage_labels(p, v, damaged)
                said = [h.decision == REVERTED for h in result.hunks]
                if len(truth) == len(said):
                    for hunk, damage in zip(result.hunks, truth, strict=True):
                        tally.bands[_band(hunk.score)][0 if damage else 1] += 1
                    tally.tp += sum(a and b for a, b in zip(said, truth, strict=True))
                    tally.fp += sum(a and not b for a, b in zip(said, truth, strict=True))
                    tally.fn += sum(b and not a for a, b in zip(said, truth, strict=True))
            if result.text != g and shown.get(mode, 0) < show:
                shown[mode] = shown.get(mode, 0) + 1
                print(f"-- {mode} case {row['case']} certain={result.certain}: {result.base}")
                for h in hunks(g, result.text)[:3]:
                    print(f"   truth {h.removed[:100]!r} -> ours {h.added[:100]!r}")
    return tallies, skipped


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=here.parent / "shared")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (forked)")
    parser.add_argument("--mode", default="history,undo,good")
    parser.add_argument("--show", type=int, default=0, help="print this many failures per mode")
    parser.add_argument(
        "--include-vandal",
        action="store_true",
        help="also the cases whose damaged page is the vandal revision itself (left out by "
        "default: undoing the bad change there gives the revision before it, which is right)",
    )
    args = parser.parse_args()
    modes = set(args.mode.split(","))
    folder = args.shared / "history"
    started = time.perf_counter()
    history = History.from_dump(folder / "enwiki-Anarchism-full-history-2001-2010.xml.lzma")
    print(f"history: {len(history)} revisions read in {time.perf_counter() - started:.1f} s")
    index = {rev_id: k for k, rev_id in enumerate(history.ids)}
    with open(folder / "restore_cases.csv", newline="", encoding="utf-8") as handle:
        cases = [row for row in csv.DictReader(handle) if row["inject_ok"] == "1"]
    if args.limit:
        cases = cases[: args.limit]
    # the history is read once; forked workers share it (copy on write)
    global _SHARED
    _SHARED = (history, index, modes, args.show, args.include_vandal)
    slices = [cases[k :: args.jobs] for k in range(args.jobs)]
    if args.jobs > 1:
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            parts = pool.map(_run_cases, slices)
    else:
        parts = [_run_cases(slices[0])]
    tallies = parts[0][0]
    for other, _ in parts[1:]:
        for name, tally in other.items():
            tallies[name].merge(tally)
    skipped = sum(part[1] for part in parts)
    print(
        f"{len(cases) - skipped} cases ({skipped} left out: the injection changed nothing"
        + ("" if args.include_vandal else ", or the damaged page is the vandal revision")
        + ")"
    )
    for tally in tallies.values():
        print(tally.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
