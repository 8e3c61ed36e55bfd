"""Tags by what MediaWiki does with what they hold: the one vocabulary every component uses.

Each set is named by the purpose it serves; they differ where MediaWiki's handling differs (a
template inside `<gallery>` is expanded, a bracket inside it is not a repair's business).
"""

from __future__ import annotations

# Tags of MediaWiki extensions whose content is not wikitext and that render it their own way
# (formulas, galleries, maps, highlighted code...): a static tool can only show or compare
# them as units.
EXTENSION_TAGS = frozenset(
    {
        "math",
        "chem",
        "ce",
        "gallery",
        "timeline",
        "graph",
        "score",
        "hiero",
        "imagemap",
        "mapframe",
        "maplink",
        "templatedata",
        "syntaxhighlight",
        "source",
        "inputbox",
        "categorytree",
    }
)
# Whose content is text as written: an opener there left open is reported, not repaired.
VERBATIM_TAGS = frozenset({"nowiki", "pre"}) | EXTENSION_TAGS
# Whose content the repair passes leave alone: not wikitext, or code shown as typed.
NOT_REPAIRED_TAGS = frozenset(
    {
        "nowiki",
        "pre",
        "code",
        "tt",
        "math",
        "source",
        "syntaxhighlight",
        "score",
        "timeline",
        "graph",
        "templatedata",
        "chem",
        "ce",
    }
)
# Where the red-link and hatnote repairs look for no template text.
NO_TEMPLATE_TEXT_TAGS = frozenset(
    {"nowiki", "pre", "code", "math", "source", "syntaxhighlight", "tt"}
)
# Whose content MediaWiki's preprocessor does not expand (templates inside stay as written).
NOT_EXPANDED_TAGS = frozenset({"nowiki", "pre", "math", "syntaxhighlight", "source"})
# What the HTML renderer cannot run and shows as its source in a code block.
SHOWN_AS_SOURCE_TAGS = EXTENSION_TAGS | {"poem", "indicator", "section", "templatestyles"}
