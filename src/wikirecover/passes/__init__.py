"""Repair passes: `Document` -> None, editing the tree in place, idempotent, one `Issue` per
change. Importing a module registers it; `ORDER` below is the order they run in (the one place
that says it: markdown-it-py's rule lists are the model). A pass's `after=` only checks it.
"""

from .. import registry
from . import (  # noqa: F401  (registration)
    characters,
    headings,
    reference_text,
    references,
    syntax,
    templates,
)

ORDER = (
    "characters",  # the text level first: control characters, line endings, mojibake
    "syntax",  # brackets, comments and tables left open or closed twice
    "references",  # <ref> tags whose opening or closing was lost
    "headings",  # unbalanced and glued headings (and a rendering's levels and residue)
    "reference-text",  # a rendering's `[n]` markers and plain reference list back to <ref>
    "templates",  # a rendering's red-link template text, hatnotes and boxes
)

registry.set_pass_order(ORDER)
