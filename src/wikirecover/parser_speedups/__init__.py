"""The layer wikirecover puts over mwparserfromhell: a safe tokenizer and faster parts.

mwparserfromhell is wikirecover's parser; this package replaces parts of it, and nothing here
is a parser of its own:

- `tokenizer.SafeTokenizer`: the C tokenizer, which corrupts the heap on an ``&`` (upstream
  #352, fix unreleased), truncates at U+0000 (#355) and reads no tag opening over several
  lines, given only what it reads right (the ``&`` masked and the entities rebuilt), the pure
  Python tokenizer otherwise: the Python tokenizer's tokens, about twice as fast;
- `builder.FastBuilder`: the library's tree from the tokens, faster;
- `tree_source`: the ``str()`` of every node, faster, the same strings;
- `shortcuts`: the library's ``parse_anything`` returns a tree given a tree at once;
- `node_children`: a node's child trees, read the way the library's walk reads them.

`install` puts them in (the entry points call it: `import wikirecover` does); each is checked
against the library's own result first and kept out when they differ. They were checked
against mwparserfromhell up to `CHECKED_UP_TO`: with a newer release, or with
``WIKIRECOVER_SPEEDUPS=0``, none is installed and the library runs as it is, with its pure
Python tokenizer (the C one is not safe to use as it is). The whole test suite passes either
way (`docs/architecture.md`).
"""

from __future__ import annotations

import os

import mwparserfromhell
import mwparserfromhell.parser

CHECKED_UP_TO = (0, 7, 2)  # the newest mwparserfromhell these replacements were checked with
_installed: list[bool] = []  # [whether the speed-ups are in], once `install` ran


def _version(text: str) -> tuple[int, ...]:
    parts = []
    for part in text.split("."):
        digits = "".join(c for c in part if c.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def wanted() -> bool:
    """Whether the speed-ups should go in: not switched off, a checked library version."""
    if os.environ.get("WIKIRECOVER_SPEEDUPS", "1").strip().lower() in ("0", "no", "off", "false"):
        return False
    return _version(mwparserfromhell.__version__) <= CHECKED_UP_TO


def install() -> bool:
    """Put the speed-ups into mwparserfromhell (once); returns whether they are in."""
    if _installed:
        return _installed[0]
    enabled = wanted()
    if enabled:
        from . import shortcuts, tree_source
        from .builder import SAMPLE, FastBuilder, agrees_with_library
        from .tokenizer import SafeTokenizer

        mwparserfromhell.parser.CTokenizer = SafeTokenizer
        mwparserfromhell.parser.use_c = True
        if agrees_with_library(lambda text: SafeTokenizer().tokenize(text, 0, False)):
            mwparserfromhell.parser.Builder = FastBuilder
        if tree_source.agrees_with_library(mwparserfromhell.parse(SAMPLE)):
            tree_source.install()
        shortcuts.install_wikicode_shortcut()
    else:
        mwparserfromhell.parser.use_c = False  # the library's own, pure Python tokenizer
    _installed.append(enabled)
    return enabled


def installed() -> bool:
    """Whether the speed-ups are in (False before `install` ran)."""
    return bool(_installed and _installed[0])
