"""Repair passes: `Document` -> None, editing the tree in place, idempotent, one `Issue` per
change. Importing a module registers it; `after=` in its decorator fixes the order."""

from . import (  # noqa: F401  (registration)
    characters,
    headings,
    reference_text,
    references,
    syntax,
    templates,
)
