"""The skin's words around a rendered page in every language MediaWiki ships, as patterns, and
the interface language of a page found from them.

The words are MediaWiki's own messages (`data/interface.json`, made by
`scripts/mediawiki_languages.py` from core's, the MonoBook and Vector skins' and Cite's
`i18n/*.json`), taken through the language's fallback chain (`languages.chain`) the way
MediaWiki does, and turned into patterns the way MediaWiki renders them: `{{PLURAL:$1|one|many}}`
gives every form, `{{SITENAME}}` (also inside `{{GRAMMAR:...}}`) any site name, `$1` any text,
`&#32;` a space, and a space where a typography puts a no-break or narrow no-break space before
a colon (French) matches all of them. Loaded on first use.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

from . import languages

DATA = Path(__file__).with_name("data") / "interface.json"
ENGLISH = "en"
_SPACES = "[\\s\\u00a0\\u202f\\u2009\\u200b]"
_MAGIC = re.compile(r"\{\{\s*(PLURAL|GENDER|GRAMMAR|SITENAME)\s*(?::([^{}]*))?\}\}", re.IGNORECASE)
_DECLINED_SITE = re.compile(r"\{\{\s*GRAMMAR\s*:[^|{}]*\|\s*\{\{\s*SITENAME\s*\}\}\s*\}\}", re.I)
_SHORT_NAME = r"[^\s.,;:!?()]{1,40}(?:\s[^\s.,;:!?()]{1,40}){0,2}"
_CASE = re.compile(r"\{\{\s*(?:ucfirst|lcfirst|uc|lc)\s*:\s*(\{\{\s*SITENAME\s*\}\})\s*\}\}", re.I)
_ENTITY = re.compile(r"&(?:#(\d+)|#x([0-9a-fA-F]+)|(nbsp|amp|quot|lt|gt));")
_NAMED = {"nbsp": "\u00a0", "amp": "&", "quot": '"', "lt": "<", "gt": ">"}


@cache
def _table() -> dict[str, dict[str, str]]:
    return json.loads(DATA.read_text(encoding="utf-8"))


@cache
def backlink_labels() -> tuple[str, ...]:
    """What Cite's links back from a reference list say to a screen reader, in every language
    ("Jump up", "Jump up to:"): hidden by the skin's style, printed by a text browser."""
    keys = (
        "cite_references_link_accessibility_label",
        "cite_references_link_many_accessibility_label",
    )
    labels = {own[k].strip() for own in _table().values() for k in keys if own.get(k, "").strip()}
    return tuple(sorted(labels, key=len, reverse=True))


def load() -> None:
    """Read the words and index them now (a process that forks a child per page calls this
    first, so that no child reads them again)."""
    _index()
    _taglines_by_start()
    backlink_labels()
    for kind in ("jump", "footer"):
        _prefixes(kind)


def known_language(code: str) -> bool:
    return code.lower() in _table() or code.lower() in languages.table()


def message(code: str, key: str) -> str:
    """Message ``key`` as language ``code`` shows it (its fallbacks', then English)."""
    table = _table()
    for language in languages.chain(code):
        text = table.get(language, {}).get(key)
        if text:
            return text
    return table[ENGLISH].get(key, "")


# what a message's `$1` becomes: any text, as little as the line allows
_ANY_TEXT = ".{0,300}?"


def pattern(text: str, site: bool = False) -> str:
    """A regular expression matching ``text`` as MediaWiki renders it. With ``site``, the site
    name is captured as the group ``site``."""
    text = _CASE.sub(r"\1", _ENTITY.sub(_entity, text)).strip()
    out: list[str] = []
    at = 0
    site_taken = not site
    # {{GRAMMAR:case|{{SITENAME}}}}: the site name, declined; any text stands for it
    text = _DECLINED_SITE.sub("{{SITENAME}}", text)
    for match in _MAGIC.finditer(text):
        out.append(_literal(text[at : match.start()]))
        kind, argument = match.group(1).upper(), match.group(2) or ""
        if kind == "SITENAME":
            # a tagline that is the site name alone (Korean, Finnish) would match any line:
            # then only a short name of at most three words without punctuation is taken
            alone = not text[: match.start()].strip() and not text[match.end() :].strip()
            name = _SHORT_NAME if alone else ".{1,80}?"
            out.append(f"(?P<site>{name})" if not site_taken else name)
            site_taken = True
        elif kind == "GRAMMAR":
            out.append(".{1,80}?")
        else:  # PLURAL, GENDER: every form ("1=Категория" is the form for exactly one)
            forms = [re.sub(r"^\s*\d+\s*=", "", f) for f in argument.split("|")[1:]]
            out.append("(?:" + "|".join(_literal(f) for f in forms if f) + ")")
        at = match.end()
    out.append(_literal(text[at:]))
    return re.sub(r"\\\$\d", _ANY_TEXT, "".join(out))


def _entity(match: re.Match[str]) -> str:
    if match.group(3):
        return _NAMED[match.group(3)]
    return chr(int(match.group(1)) if match.group(1) else int(match.group(2), 16))


def _literal(text: str) -> str:
    """``text`` as a pattern: any kind of space where it has one, and room for one before a
    colon (MediaWiki's French puts a narrow no-break space there)."""
    text = re.sub(f"{_SPACES}+(?=[:：])", "", text)
    pieces = re.split(f"{_SPACES}+", text)
    escaped = f"{_SPACES}+".join(re.escape(p) for p in pieces)
    return re.sub(r"(?<!\\)(:|：)", lambda m: f"{_SPACES}*{m.group(1)}", escaped)


@dataclass(frozen=True)
class Interface:
    """One language's skin words as patterns (whole stripped lines unless said otherwise)."""

    code: str
    taglines: tuple[str, ...]  # "From <site>" (the group `site`)
    top_lines: tuple[str, ...]  # tagline, jump links, "(Redirected from X)"
    footer_start: tuple[str, ...]  # "Retrieved from", the menus' headings
    toc_titles: tuple[str, ...]
    edit_words: tuple[str, ...]  # what the section edit link says
    category_label: str  # "Categories:" in a footer line, before the list
    errors: tuple[str, ...] = ()  # Cite's error message, a whole line


@cache
def interface(code: str, *more: str) -> Interface:
    """The skin words of language ``code`` and of the ``more`` languages that the page may as
    well be in, with English's, which every wiki may show."""
    codes = list(dict.fromkeys((code, *more, ENGLISH)))
    taglines, top, footer, toc, edit, labels, errors = [], [], [], [], [], [], []
    for language in codes:
        say = partial(message, language)
        taglines.append(pattern(say("tagline"), site=True))
        top.append(taglines[-1])
        for skin in ("monobook", "vector"):
            navigation, search = say(f"{skin}-jumptonavigation"), say(f"{skin}-jumptosearch")
            top.append(f"{pattern(navigation)}{_SPACES}*{pattern(search)}")
            top += [pattern(navigation), pattern(search)]
        top.append(
            f"{pattern(say('jumpto'))}{_SPACES}*{pattern(say('jumptonavigation'))}"
            f"{_SPACES}*[,،、，]{_SPACES}*{pattern(say('jumptosearch'))}"
        )
        top.append(pattern(say("redirectedfrom")))
        footer.append(pattern(say("retrievedfrom")))
        footer += [pattern(say(k)) for k in ("navigation-heading", "personaltools", "views")]
        footer.append(pattern(say("lastmodifiedat")))  # the footer's "last edited" line
        toc.append(_ENTITY.sub(_entity, say("toc")))
        edit.append(pattern(say("editsection")))
        if say("cite_error"):
            errors.append(pattern(say("cite_error")).replace(_ANY_TEXT, ".{1,400}"))
        colon = pattern(say("colon-separator") or ":").rstrip("+*")
        labels.append(pattern(say("pagecategories")) + f"{_SPACES}*(?:{colon}|:)")
    return Interface(
        code,
        tuple(dict.fromkeys(taglines)),
        tuple(dict.fromkeys(p for p in top if p)),
        tuple(dict.fromkeys(p for p in footer if p)),
        tuple(dict.fromkeys(t for t in toc if t)),
        tuple(dict.fromkeys(e for e in edit if e)),
        "(?:" + "|".join(dict.fromkeys(labels)) + ")",
        tuple(dict.fromkeys(errors)),
    )


# ---- which language a page's interface is in -----------------------------------------------

# after the heading (1.23 on), or before it (a line of its own, or the heading's start)
_EDIT_LINK = re.compile(
    r"\[\s*([^\[\]|]{1,40}?)\s*(?:\|[^\[\]]{0,40})?\]\s*$|^\s*\[\s*([^\[\]|]{1,40}?)\s*\]"
)
MAX_CANDIDATES = 40
HEAD_LINES = 12  # non-blank lines at the top where the tagline and the jump links are
FOOT_LINES = 150  # non-blank lines at the end where "Retrieved from" is


@dataclass(frozen=True)
class Detected:
    code: str  # the most likely language
    evidence: tuple[str, ...]  # what was seen, e.g. "edit links [editar] x7"
    # every language that explains the evidence as well (related languages share most words:
    # the skin words of all of them are taken away)
    candidates: tuple[str, ...] = ()


@cache
def _index() -> dict[str, dict[str, set[str]]]:
    """Per kind of evidence, the rendered words -> the languages whose own messages render them
    so (a language that only inherits them, Aragonese from Spanish, is found through them)."""
    index: dict[str, dict[str, set[str]]] = {"edit": {}, "jump": {}, "tagline": {}, "footer": {}}
    for code, own in _table().items():
        edit = own.get("editsection", "").strip()
        if edit:
            index["edit"].setdefault(edit.casefold(), set()).add(code)
        # "Jump to navigation" of both skins, and "Jump to:" of MediaWiki before 1.24
        for key in ("monobook-jumptonavigation", "vector-jumptonavigation", "jumpto"):
            jump = own.get(key, "").strip()
            if jump:
                index["jump"].setdefault(jump.casefold(), set()).add(code)
        tagline = _DECLINED_SITE.sub("{{SITENAME}}", _CASE.sub(r"\1", own.get("tagline", "")))
        if "{{SITENAME}}" in tagline:
            # the space between the words and the site name stays part of them ("Se " is no
            # beginning of "See [[...]]")
            before, after = (
                re.sub(r"\s+", " ", part).casefold() for part in tagline.split("{{SITENAME}}", 1)
            )
            before, after = before.lstrip(), after.rstrip()
            if len(before + after) >= 2 and "{{" not in before + after:
                index["tagline"].setdefault(f"{before}\t{after}", set()).add(code)
        retrieved = own.get("retrievedfrom", "").split("$1")[0].strip()
        if retrieved:
            index["footer"].setdefault(retrieved.casefold(), set()).add(code)
    return index


@cache
def _prefixes(kind: str) -> re.Pattern[str]:
    """One pattern for the beginnings of lines of ``kind`` (the longest first)."""
    words = sorted((w for w in _index()[kind] if len(w) >= 2), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


@cache
def _taglines_by_start() -> dict[str, list[str]]:
    """The tagline keys ("before\tafter") by the first two characters of their beginning
    ("" for a tagline that begins with the site name)."""
    buckets: dict[str, list[str]] = {}
    for words in _index()["tagline"]:
        buckets.setdefault(words.split("\t")[0][:2], []).append(words)
    return buckets


def _prefix(kind: str, line: str) -> str | None:
    """The words of ``kind`` the (casefolded) ``line`` begins with, if any."""
    if kind == "tagline":
        if len(line) > 160:
            return None
        buckets = _taglines_by_start()
        near = [*buckets.get(line[:2], ()), *buckets.get(line[:1], ()), *buckets.get("", ())]
        hits = [w for w in near if _starts(line, w)]
        return max(hits, key=len) if hits else None
    found = _prefixes(kind).match(line)
    return found.group(0) if found else None


def _starts(line: str, words: str) -> bool:
    """Whether ``line`` begins with ``words`` (for a tagline: "before\tafter" around the site
    name, the line beginning with one and ending with the other)."""
    if "\t" in words:
        before, after = words.split("\t")
        return line.startswith(before) and line.endswith(after) and len(line) > len(words)
    return len(words) >= 2 and line.startswith(words)


def detect(lines: list[str]) -> Detected:
    """The interface language of a text dump or page text, from its section edit links, jump
    links and tagline: the language that explains most of them (English when nothing says)."""
    index = _index()
    votes: Counter[str] = Counter()
    evidence: list[str] = []
    edits: Counter[str] = Counter()
    for line in lines:
        found = _EDIT_LINK.search(line)
        word = found and (found.group(1) or found.group(2))
        if word and word.casefold() in index["edit"]:
            edits[word] += 1
    for word, count in edits.most_common(1):
        for code in index["edit"][word.casefold()]:
            votes[code] += 2
        evidence.append(f"edit links [{word}] x{count}")
    nonblank = [line.strip() for line in lines if line.strip()]
    places = {"jump": nonblank[:HEAD_LINES], "tagline": nonblank[:HEAD_LINES]}
    places["footer"] = nonblank[-FOOT_LINES:]
    for kind, where in places.items():
        for line in where:
            best = _prefix(kind, line.casefold())
            if best:
                for code in index[kind][best]:
                    votes[code] += 1
                evidence.append(f"{kind} {line[:60]!r}")
                break
    if not votes:
        return Detected(ENGLISH, (), (ENGLISH,))
    top = max(votes.values())
    # the most votes first; among equals, a language over its variants (es over es-formal),
    # then the shortest code
    ranked = sorted(votes, key=lambda c: (-votes[c], c != ENGLISH, "-" in c, len(c), c))
    best = ranked[0]
    # candidates too: languages as sure as the best, and its own family one kind of evidence
    # short (a dialect that inherits most of its words, Aragonese from Spanish, shows only a
    # few of its own); every language falls back to English, which has no family here
    ranked = [
        c
        for c in ranked
        if votes[c] == top
        or (
            best != ENGLISH
            and votes[c] >= top - 2
            and (best in languages.chain(c) or c in languages.chain(best))
        )
    ]
    return Detected(best, tuple(evidence), tuple(ranked[:MAX_CANDIDATES]))
