"""All settings of a run in one frozen object, passed explicitly to every component."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .budget import Budget
from .rules import Rules


@dataclass(frozen=True)
class Options:
    title: str | None = None  # page title; default: from the input (dump title line, file name)
    rules: Rules = field(default_factory=Rules.default)
    # the interface language of rendered pages (its skin words are taken away); None: detected
    language: str | None = None
    passes: tuple[str, ...] | None = None  # None: every registered pass
    # auto: a rendering's traces undone only in pages rebuilt from one (passes/scope.py);
    # damage: only damage repaired; all: both, whatever the input
    repairs: str = "auto"
    pandoc_timeout: float = 60.0  # seconds for one pandoc call before the page fails
    pandoc_memory: str = "1g"  # pandoc heap cap (+RTS -M), see reliability finding 6
    link_pattern: str | None = None  # internal link target, "{title}" replaced; None: per format
    known_pages: frozenset[str] | None = None  # pages that exist (others are red links)
    edit_links: str | None = None  # "[edit]" link pattern after headings ({title}, {section})
    standalone: bool = False  # a whole document rather than a fragment, where a format has both
    template_definitions: dict[str, str] | None = None  # --templates: name -> wikitext
    unknown_templates: str = "placeholder"  # placeholder | keep | drop
    verify: bool = False  # check that every word of the page is in the output (or reported)
    link_style: str = "markdown"  # markdown | obsidian ([[Title|label]])
    media_url: str | None = None  # where images are for Markdown, {name} replaced
    # `migrate`: the whole site a page's links resolve in (`migrate.links.SiteLinks`)
    site_links: Any = field(default=None, compare=False)
    # convert/convert_text run a page in a child process under this budget; None: in-process
    budget: Budget | None = field(default_factory=Budget)
    # a page larger than this (UTF-8 bytes) fails at once as too large; None: no cap
    max_page_bytes: int | None = 10 << 20
