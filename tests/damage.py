"""A seeded generator of realistic damage to wikitext, to measure what `repair` gives back.

Each damage kind is what really happens to wiki pages: a bad copy-paste, an editor's slip, a
scraper or a bot gone wrong. `damage(text, kind, seed)` applies one instance of a kind at a
randomly chosen eligible place (or returns None when the page has no such place).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

Damage = Callable[[str, random.Random], str | None]
KINDS: dict[str, Damage] = {}
# Kinds that are a rendering's traces (valid wikitext that MediaWiki shows as written): they are
# repaired in pages rebuilt from a rendering, or with `--repairs all`, which `measure` asks for.
RENDERING_TRACES: set[str] = set()

_HEADING = re.compile(r"(?m)^(={2,5})([^=\n]+)\1[ \t]*$")
_BARE_TEMPLATE = re.compile(r"\{\{([A-Za-z][\w \-]{1,40})\}\}")
_REF_ONE_TEMPLATE = re.compile(
    r"<ref>(\{\{((?:[Cc]ite [a-z]+|[Cc]itation))\s*\|[^{}<>]*\}\})</ref>"
)
_SIMPLE_LINK = re.compile(r"\[\[([^\[\]|{}<>\n#:]{2,60})\]\]")
_COMMENT = re.compile(r"<!--[^\n]*?-->")
_TABLE_END = re.compile(r"(?m)\n\|\}[ \t]*$")
_MAGIC = re.compile(r"^[A-Z]+$|^!$|^-$")


def kind(name: str, trace: bool = False) -> Callable[[Damage], Damage]:
    def register(fn: Damage) -> Damage:
        KINDS[name] = fn
        if trace:
            RENDERING_TRACES.add(name)
        return fn

    return register


def damage(text: str, name: str, seed: int) -> str | None:
    return KINDS[name](text, random.Random(f"{name}:{seed}"))


def _pick(matches: list[re.Match[str]], rng: random.Random) -> re.Match[str] | None:
    return rng.choice(matches) if matches else None


Edit = Callable[[re.Match[str]], tuple[int, int, str]]


def _edit_one(
    text: str, rng: random.Random, matches: list[re.Match[str]], edit: Edit
) -> str | None:
    """Apply ``edit`` (start, end, replacement) at one randomly chosen match, if any."""
    match = _pick(matches, rng)
    if match is None:
        return None
    start, end, replacement = edit(match)
    return text[:start] + replacement + text[end:]


def _insert_at_random(text: str, rng: random.Random, chars: str, count: int) -> str:
    for _ in range(count):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(chars) + text[at:]
    return text


@kind("nul")
def _nul(text: str, rng: random.Random) -> str | None:
    """Zeroed disk blocks: NUL characters inside the page."""
    return _insert_at_random(text, rng, "\x00", 3)


@kind("control-characters")
def _controls(text: str, rng: random.Random) -> str | None:
    """Scraped junk: bell, vertical tab, form feed, escape, delete."""
    return _insert_at_random(text, rng, "\x07\x0b\x0c\x1b\x7f", 3)


@kind("mixed-line-endings")
def _crlf(text: str, rng: random.Random) -> str | None:
    """A paste from a Windows editor: some lines end in CRLF."""
    lines = text.split("\n")
    if len(lines) < 10:
        return None
    chosen = set(rng.sample(range(len(lines) - 1), k=max(1, (len(lines) - 1) // 4)))
    ends = ["\r\n" if k in chosen else "\n" for k in range(len(lines) - 1)]
    return "".join(line + end for line, end in zip(lines, ends, strict=False)) + lines[-1]


@kind("mojibake")
def _mojibake(text: str, rng: random.Random) -> str | None:
    """A paragraph saved as UTF-8 and read back as Windows-1252."""
    lines = text.split("\n")
    candidates = []
    for k, line in enumerate(lines):
        if line.isascii():
            continue
        try:
            candidates.append((k, line.encode("utf-8").decode("cp1252")))
        except UnicodeDecodeError:
            continue
    if not candidates:
        return None
    k, broken = rng.choice(candidates)
    lines[k] = broken
    return "\n".join(lines)


@kind("heading-unbalanced")
def _unbalanced(text: str, rng: random.Random) -> str | None:
    """One `=` lost at the end of a heading."""

    def drop_last_equals(match: re.Match[str]) -> tuple[int, int, str]:
        end = match.start() + len(match.group(0).rstrip())
        return end - 1, end, ""

    return _edit_one(text, rng, list(_HEADING.finditer(text)), drop_last_equals)


@kind("heading-edit-residue", trace=True)
def _residue(text: str, rng: random.Random) -> str | None:
    """A heading pasted from a rendered page, with its `[edit]` link."""

    def add_residue(match: re.Match[str]) -> tuple[int, int, str]:
        title = match.group(2)
        stripped = title.rstrip()
        return match.start(2), match.end(2), stripped + "[edit]" + title[len(stripped) :]

    return _edit_one(text, rng, list(_HEADING.finditer(text)), add_residue)


@kind("heading-glued")
def _glued(text: str, rng: random.Random) -> str | None:
    """The line break before a heading lost: the heading is written after the text."""
    matches = [
        m
        for m in _HEADING.finditer(text)
        if m.start() > 1
        and text[m.start() - 1] == "\n"
        and text[: m.start()].strip()
        and text[: m.start()].rstrip("\n")[-1:] in ".)]>\"'”"
    ]

    def join_lines(match: re.Match[str]) -> tuple[int, int, str]:
        return len(text[: match.start()].rstrip("\n")), match.start(), ""

    return _edit_one(text, rng, matches, join_lines)


@kind("heading-level-1", trace=True)
def _level_one(text: str, rng: random.Random) -> str | None:
    """A section heading written at the page title's level."""
    matches = [m for m in _HEADING.finditer(text) if len(m.group(1)) == 2]
    return _edit_one(text, rng, matches, lambda m: (m.start(), m.end(), f"={m.group(2)}="))


@kind("template-as-red-link", trace=True)
def _red_link(text: str, rng: random.Random) -> str | None:
    """A template without parameters printed as MediaWiki's red-link text."""
    matches = [m for m in _BARE_TEMPLATE.finditer(text) if not _MAGIC.match(m.group(1))]

    def red_link(match: re.Match[str]) -> tuple[int, int, str]:
        name = match.group(1)
        return match.start(), match.end(), "Template:" + name[0].upper() + name[1:]

    return _edit_one(text, rng, matches, red_link)


@kind("template-as-link", trace=True)
def _template_link(text: str, rng: random.Random) -> str | None:
    """`[[Template:X]]` typed where `{{X}}` was meant."""
    matches = [m for m in _BARE_TEMPLATE.finditer(text) if not _MAGIC.match(m.group(1))]
    return _edit_one(
        text, rng, matches, lambda m: (m.start(), m.end(), f"[[Template:{m.group(1)}]]")
    )


@kind("ref-opening-lost")
def _ref_opening(text: str, rng: random.Random) -> str | None:
    """`<ref>` lost before a citation template."""
    matches = list(_REF_ONE_TEMPLATE.finditer(text))
    return _edit_one(text, rng, matches, lambda m: (m.start(), m.start() + len("<ref>"), ""))


@kind("ref-and-braces-lost")
def _ref_braces(text: str, rng: random.Random) -> str | None:
    """`<ref>{{` lost before a citation (the United Kingdom article's damage)."""
    matches = list(_REF_ONE_TEMPLATE.finditer(text))
    return _edit_one(text, rng, matches, lambda m: (m.start(), m.start() + len("<ref>{{"), ""))


@kind("ref-closing-lost")
def _ref_closing(text: str, rng: random.Random) -> str | None:
    """`</ref>` lost after a citation template."""
    matches = list(_REF_ONE_TEMPLATE.finditer(text))
    return _edit_one(text, rng, matches, lambda m: (m.end() - len("</ref>"), m.end(), ""))


@kind("template-closing-lost")
def _template_closing(text: str, rng: random.Random) -> str | None:
    """`}}` of a citation lost inside its reference."""
    matches = list(_REF_ONE_TEMPLATE.finditer(text))
    return _edit_one(text, rng, matches, lambda m: (m.end(1) - 2, m.end(1), ""))


@kind("template-closed-twice")
def _closed_twice(text: str, rng: random.Random) -> str | None:
    matches = list(_BARE_TEMPLATE.finditer(text))
    return _edit_one(text, rng, matches, lambda m: (m.end(), m.end(), "}}"))


@kind("link-closed-twice")
def _link_twice(text: str, rng: random.Random) -> str | None:
    matches = list(_SIMPLE_LINK.finditer(text))
    return _edit_one(text, rng, matches, lambda m: (m.end(), m.end(), "]]"))


@kind("link-closing-lost")
def _link_closing(text: str, rng: random.Random) -> str | None:
    """`]]` of a link lost (a link to a page the article links to more than once)."""
    targets = [m.group(1) for m in _SIMPLE_LINK.finditer(text)]
    matches = [m for m in _SIMPLE_LINK.finditer(text) if targets.count(m.group(1)) > 1]
    return _edit_one(text, rng, matches, lambda m: (m.end() - 2, m.end(), ""))


@kind("comment-closing-lost")
def _comment(text: str, rng: random.Random) -> str | None:
    matches = list(_COMMENT.finditer(text))
    return _edit_one(text, rng, matches, lambda m: (m.end() - 3, m.end(), ""))


@kind("table-closing-lost")
def _table(text: str, rng: random.Random) -> str | None:
    matches = list(_TABLE_END.finditer(text))
    return _edit_one(text, rng, matches, lambda m: (m.start(), m.end(), ""))


def distance(a: str, b: str) -> int:
    """Levenshtein distance, fast on long pages with local damage (common ends trimmed)."""
    from rapidfuzz.distance import Levenshtein

    start = 0
    limit = min(len(a), len(b))
    while start < limit and a[start] == b[start]:
        start += 1
    end = 0
    while end < limit - start and a[len(a) - 1 - end] == b[len(b) - 1 - end]:
        end += 1
    return Levenshtein.distance(a[start : len(a) - end], b[start : len(b) - end])


def measure(pages: dict[str, str], repair_text: Callable[[str, str], str], seed: int = 1) -> dict:
    """For every kind: pages damaged, repaired exactly, within 1% edit distance, made worse.
    ``repair_text(text, repairs)`` repairs with `Options.repairs` set to ``repairs``: "auto"
    (what a wikitext page gets by default) for damage, "all" for a rendering's traces. The
    target of a page is its own repair the same way (the original itself, except where the
    original carries real damage of its own)."""
    results: dict[str, dict] = {}
    targets: dict[tuple[str, str], str] = {}
    for kind_name in KINDS:
        scope = "all" if kind_name in RENDERING_TRACES else "auto"
        row = {"pages": 0, "exact": 0, "within_1pct": 0, "worse": [], "missed": []}
        for k, (name, text) in enumerate(sorted(pages.items())):
            damaged = damage(text, kind_name, seed * 1000 + k)
            if damaged is None or damaged == text:
                continue
            if (name, scope) not in targets:
                targets[name, scope] = repair_text(text, scope)
            target = targets[name, scope]
            repaired = repair_text(damaged, scope)
            row["pages"] += 1
            after = distance(repaired, target)
            if after == 0:
                row["exact"] += 1
            else:
                row["missed"].append(name)
            if after <= 0.01 * len(target):
                row["within_1pct"] += 1
            if after > distance(damaged, target):
                row["worse"].append(name)
        results[kind_name] = row
    return results
