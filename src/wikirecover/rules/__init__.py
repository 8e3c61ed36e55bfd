"""Per-wiki knowledge as data: skin chrome, hatnote phrasings, recurring boxes, namespaces.

The built-in `default.toml` sits next to this module; `--rules FILE` adds more. Lists are
appended, single values are replaced by the later file.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, replace
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from ..errors import UsageError

DEFAULT_RULES = Path(__file__).with_name("default.toml")


@dataclass(frozen=True)
class TemplateRule:
    """A line of rendered text that a template printed: `pattern` -> {{template|...}}."""

    pattern: re.Pattern[str]
    template: str
    conjunction: str = "and"  # the word before a list's last item: "X, Y and Z"


@dataclass(frozen=True)
class Rules:
    chrome_top: tuple[re.Pattern[str], ...]
    chrome_footer_start: tuple[re.Pattern[str], ...]
    toc_titles: frozenset[str]
    categories: re.Pattern[str]
    tracking_categories: frozenset[str]
    edit_link: re.Pattern[str]  # "[edit]" at a heading's end
    edit_words: tuple[str, ...]  # what the edit link says, as patterns
    template_namespaces: tuple[str, ...]
    reflist_templates: frozenset[str]  # casefolded names
    known_templates: tuple[str, ...]  # longest first
    sentence_starts: frozenset[str]
    category_namespaces: tuple[str, ...]
    file_namespaces: tuple[str, ...]
    hatnotes: tuple[TemplateRule, ...]
    boxes: tuple[TemplateRule, ...]
    sources: tuple[str, ...]  # the files these rules came from
    # the skin's words of an interface language (`with_interface`), beside the English ones
    language: str = "en"
    taglines: tuple[re.Pattern[str], ...] = ()  # "From <site>" in that language
    more_categories: re.Pattern[str] | None = None  # "Categorías: A | B"
    # MediaWiki's error messages printed in the page ("Cite error: ..."), anywhere in it
    error_lines: tuple[re.Pattern[str], ...] = ()

    @classmethod
    def default(cls) -> Rules:
        return _load((str(DEFAULT_RULES),))

    @classmethod
    def load(cls, extra: tuple[str, ...] = ()) -> Rules:
        return _load((str(DEFAULT_RULES), *extra))

    @cached_property
    def template_red_link(self) -> re.Pattern[str]:
        """`Template:Name` as a rendering shows a missing template (`Vorlage:`, `Шаблон:`)."""
        names = alternation(self.template_namespaces)
        return re.compile(rf"(?<!:)(?:{names}):(?=[^\s\]|}}])")

    @cached_property
    def category_item(self) -> re.Pattern[str]:
        """`Kategorie:Name` as a rendering shows a category link written as text."""
        names = alternation(self.category_namespaces)
        return re.compile(rf"(?:^|(?<=\s))(?P<ns>{names}):(?=\S)")

    @cached_property
    def edit_link_before(self) -> re.Pattern[str]:
        """`[edit] Title` or a lone `[edit]`: the edit link before its heading (before 1.23)."""
        words = "|".join(self.edit_words)
        return re.compile(f"\\[\\s*(?:{words})\\s*\\](?:\\s+(?P<title>\\S.*))?")

    def warm(self) -> Rules:
        """Compile the patterns made on first use now (before a child per page is forked)."""
        _ = self.template_red_link, self.category_item, self.edit_link_before
        return self

    def is_chrome(self, line: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
        return any(p.fullmatch(line) for p in patterns)

    def for_languages(self, codes: tuple[str, ...]) -> Rules:
        """These rules for a page whose reader found it in interface languages ``codes``
        (`Document.metadata["interface_languages"]`); themselves when none was."""
        return self.with_interface(*codes) if codes else self

    def with_interface(self, code: str, *more: str) -> Rules:
        """These rules with the skin words of interface language ``code`` (and of ``more``
        languages the page may as well be in) added: MediaWiki's own messages, `interface.py`."""
        return _with_interface(self, code, *more)


@cache
def _with_interface(rules: Rules, code: str, *more: str) -> Rules:
    from ..interface import interface
    from ..namespaces import language_names

    words = interface(code, *more)
    edit = "|".join(words.edit_words)
    tables = [language_names(each) for each in (code, *more)]

    def names(number: int) -> list[str]:  # a namespace's names in those languages
        return [name for table in tables for name in table.get(number, [])]

    return replace(
        rules,
        chrome_top=rules.chrome_top + tuple(re.compile(p) for p in words.top_lines),
        chrome_footer_start=rules.chrome_footer_start
        + tuple(re.compile(p) for p in words.footer_start),
        toc_titles=rules.toc_titles | frozenset(words.toc_titles),
        edit_link=re.compile(f"(?:{rules.edit_link.pattern})|(?:{_edit_after(edit)})"),
        edit_words=tuple(dict.fromkeys((*rules.edit_words, *words.edit_words))),
        category_namespaces=tuple(dict.fromkeys((*rules.category_namespaces, *names(14)))),
        file_namespaces=tuple(dict.fromkeys((*rules.file_namespaces, *names(6)))),
        template_namespaces=tuple(dict.fromkeys((*rules.template_namespaces, *names(10)))),
        error_lines=rules.error_lines + tuple(re.compile(p) for p in words.errors),
        language=code,
        taglines=tuple(re.compile(p) for p in words.taglines),
        more_categories=re.compile(f"{words.category_label}\\s*(?P<list>.*)"),
    )


def _edit_after(words: str) -> str:
    return f"\\s*\\[\\s*(?:{words})(?:\\s*\\|[^\\]]{{1,40}})?\\s*\\]$"


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A pattern matching any of ``words``, written as a tree of their common beginnings
    (`Vorlage|Vorlog` -> `Vorl(?:age|og)`): the regular expression engine then tries one
    branch per character instead of every word at every position."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def write(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + write(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            body = f"(?:{body})?"
        return body

    return write(tree)


def _with_every_script(names: list[str], number: int) -> tuple[str, ...]:
    """``names`` (the rules' own), then every language's names of namespace ``number`` written
    in a script other than Latin (`Шаблон`, `قالب`, `テンプレート`): such a name names that
    namespace on any wiki that has it and is no word of a Latin-script page; a Latin-script
    name may be one (Romanian `Format:`), so only the rules' own and the interface
    language's are taken (`with_interface`)."""
    from .. import languages
    from ..namespaces import DEFAULT

    found = dict.fromkeys(names)
    for entry in languages.table().values():
        for name in entry.get("namespaces", {}).get(str(number), []):
            # (a name two languages give two namespaces names neither: DEFAULT knows it not)
            if not _latin(name) and DEFAULT.number(name) == number:
                found.setdefault(name)
    return tuple(found)


def _latin(name: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in name)


def _merge(into: dict[str, Any], more: dict[str, Any]) -> None:
    for key, value in more.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        elif isinstance(value, list) and isinstance(into.get(key), list):
            into[key] = into[key] + value
        else:
            into[key] = value


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise UsageError(f"bad pattern {pattern!r} in {where}: {exc}", where) from None


@cache
def _load(paths: tuple[str, ...]) -> Rules:
    data: dict[str, Any] = {}
    for path in paths:
        try:
            with open(path, "rb") as handle:
                _merge(data, tomllib.load(handle))
        except OSError as exc:
            raise UsageError(f"cannot read rules file: {exc.strerror}", path) from None
        except tomllib.TOMLDecodeError as exc:
            raise UsageError(f"not a valid TOML rules file: {exc}", path) from None
    where = " + ".join(Path(p).name for p in paths)
    try:
        chrome, headings, templates = data["chrome"], data["headings"], data["templates"]
        edit_words = tuple(re.escape(w) for w in headings["edit_words"])

        def patterns(values: list[str]) -> tuple[re.Pattern[str], ...]:
            return tuple(_compile(v, where) for v in values)

        def template_rules(rows: list[dict[str, str]]) -> tuple[TemplateRule, ...]:
            return tuple(
                TemplateRule(_compile(r["pattern"], where), r["template"], r.get("and", "and"))
                for r in rows
            )

        return Rules(
            chrome_top=patterns(chrome["top_lines"]),
            chrome_footer_start=patterns(chrome["footer_start"]),
            toc_titles=frozenset(chrome["toc_titles"]),
            categories=_compile(chrome["categories"], where),
            tracking_categories=frozenset(chrome.get("tracking_categories", [])),
            edit_link=_compile(
                headings.get("edit_link") or _edit_after("|".join(edit_words)), where
            ),
            edit_words=edit_words,
            template_namespaces=_with_every_script(templates["namespace"], 10),
            reflist_templates=frozenset(n.casefold() for n in templates.get("reflist", [])),
            known_templates=tuple(sorted(templates.get("known", []), key=len, reverse=True)),
            sentence_starts=frozenset(templates.get("sentence_starts", [])),
            category_namespaces=_with_every_script(
                chrome.get("category_namespaces", ["Category"]), 14
            ),
            file_namespaces=_with_every_script(chrome.get("file_namespaces", ["File", "Image"]), 6),
            error_lines=patterns(chrome.get("error_lines", [])),
            hatnotes=template_rules(data.get("hatnotes", [])),
            boxes=template_rules(data.get("boxes", [])),
            sources=paths,
        )
    except (KeyError, TypeError) as exc:
        raise UsageError(f"rules are missing or mistype the entry {exc}", where) from None
