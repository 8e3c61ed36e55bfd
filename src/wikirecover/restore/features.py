"""What makes a change look like damage, from its content alone: features with weights.

Each feature looks at one hunk (what a good version had there, what the page has now) and the
page around it, and gives a value in 0..1; a hunk's damage score is the weighted sum, squashed
to 0..1. The features and weights are the table below (documented in docs/restore.md and
checked one by one in tests/test_restore_features.py).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..align.hunks import Hunk

_WORD = re.compile(r"[^\W\d_]{2,}")
_PROFANE = re.compile(
    r"\b(?:fuck\w*|shit\w*|crap|poop\w*|penis\w*|dick\w*|cock\w*|ass(?:hole)?s?|butt\w*|"
    r"suck\w*|gay|fag\w*|retard\w*|stupid|idiot\w*|dumb\w*|loser\w*|lol+|lmao|haha\w*|"
    r"hitler|nazi\w*|bitch\w*|whore\w*|sex\w*|boob\w*|pee|poo|fart\w*|yo|hi|hello|sucks)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|me|my|you|your|u|ur)\b", re.IGNORECASE)
_REPEAT = re.compile(r"(.)\1{4,}|(\b\w+\b)(?:\W+\2\b){3,}", re.IGNORECASE)
_LINK = re.compile(r"https?://|www\.", re.IGNORECASE)
_STRUCTURE = re.compile(r"<ref|\{\{|\[\[(?:category|file|image):|^=+", re.IGNORECASE | re.M)


@dataclass(frozen=True)
class Feature:
    name: str
    weight: float
    measure: Callable[[Hunk, str], float]  # (hunk, the good page) -> 0..1
    help: str


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def blanking(hunk: Hunk, good: str) -> float:
    """Removes much (over 200 characters, or a fifth of the page) and adds little back."""
    if len(hunk.removed) < 200 and len(hunk.removed) < len(good) / 5:
        return 0.0
    return 1.0 - min(1.0, len(hunk.added) / max(len(hunk.removed), 1) * 2)


def profanity(hunk: Hunk, good: str) -> float:
    added = len(_PROFANE.findall(hunk.added))
    already = len(_PROFANE.findall(hunk.removed))
    return min(1.0, max(0, added - already) / 1.0)


def shouting(hunk: Hunk, good: str) -> float:
    letters = _letters(hunk.added)
    if len(letters) < 8:
        return 0.0
    share = sum(c.isupper() for c in letters) / len(letters)
    return max(0.0, (share - 0.5) * 2)


def repetition(hunk: Hunk, good: str) -> float:
    return 1.0 if _REPEAT.search(hunk.added) and not _REPEAT.search(hunk.removed) else 0.0


def removed_structure(hunk: Hunk, good: str) -> float:
    """Takes out references, templates, categories or headings without putting them back."""
    gone = len(_STRUCTURE.findall(hunk.removed)) - len(_STRUCTURE.findall(hunk.added))
    return min(1.0, max(0, gone) / 2)


def link_spam(hunk: Hunk, good: str) -> float:
    gone = len(_LINK.findall(hunk.added)) - len(_LINK.findall(hunk.removed))
    return min(1.0, max(0, gone) / 1.0)


def first_person(hunk: Hunk, good: str) -> float:
    """Talks to or about the reader or the writer, which articles do not."""
    words = len(_WORD.findall(hunk.added))
    hits = len(_FIRST_PERSON.findall(hunk.added)) - len(_FIRST_PERSON.findall(hunk.removed))
    return min(1.0, max(0, hits) / max(1.0, words / 10)) if words else 0.0


def unrelated(hunk: Hunk, good: str) -> float:
    """Adds words the page never uses (text from nowhere), counted over at least 4 words."""
    added = [w.lower() for w in _WORD.findall(hunk.added)]
    if len(added) < 4:
        return 0.0
    known = {w.lower() for w in _WORD.findall(good)}
    return sum(w not in known for w in added) / len(added)


def wiki_markup(hunk: Hunk, good: str) -> float:
    """Adds wiki markup (links, references, templates): editors do, vandals rarely. Negative."""
    marks = len(re.findall(r"\[\[|<ref|\{\{|''", hunk.added))
    return min(1.0, marks / 2)


FEATURES = (
    Feature("blanking", 3.0, blanking, "removes much and adds little back"),
    Feature("profanity", 3.0, profanity, "adds insults, obscenities, chatter"),
    Feature("shouting", 2.0, shouting, "adds mostly capital letters"),
    Feature("repetition", 2.5, repetition, "adds a character or word repeated"),
    Feature("removed-structure", 1.5, removed_structure, "takes out refs, templates, headings"),
    Feature("link-spam", 1.5, link_spam, "adds external links"),
    Feature("first-person", 1.5, first_person, "addresses the reader or speaks as I"),
    Feature("unrelated", 1.0, unrelated, "adds words the page never uses"),
    Feature("wiki-markup", -1.5, wiki_markup, "adds links, refs or templates (editors do)"),
)
BIAS = -2.0  # a hunk with no sign at all scores 0.12


def damage_score(hunk: Hunk, good: str) -> tuple[float, list[str]]:
    """The hunk's damage score (0..1) and the features that raised it."""
    total, reasons = BIAS, []
    for feature in FEATURES:
        value = feature.measure(hunk, good)
        if value:
            total += feature.weight * value
            if feature.weight > 0 and value >= 0.5:
                reasons.append(feature.name)
    return 1 / (1 + math.exp(-total)), reasons
