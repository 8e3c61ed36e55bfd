"""Category links a wiki of another language printed as plain text.

On an English wiki, `[[Kategorie:Werbeagentur]]` is not a category but a link, printed in the
content as "Kategorie:Werbeagentur". A line that ends in a run of such items (category
namespaces in the rules) holds the page's categories.
"""

from __future__ import annotations

from ...rules import Rules
from .vocabulary import Block


def take_inline_categories(blocks: list[Block], rules: Rules) -> tuple[list[Block], list[str]]:
    """The blocks without their category runs, and the category links found (namespace as
    printed: `Kategorie:Werbeagentur`), in order."""
    item = rules.category_item
    found: list[str] = []
    kept: list[Block] = []
    for block in blocks:
        if block.kind != "paragraph" or "\n" in block.text:
            kept.append(block)
            continue
        starts = list(item.finditer(block.text))
        if not starts:
            kept.append(block)
            continue
        names = []
        ends = [m.start() for m in starts[1:]] + [len(block.text)]
        for match, end in zip(starts, ends, strict=True):
            names.append(block.text[match.end() : end].strip())
        if any(not name or "[" in name for name in names):
            kept.append(block)
            continue
        found += [f"{m.group('ns')}:{name}" for m, name in zip(starts, names, strict=True)]
        rest = block.text[: starts[0].start()].strip()
        if rest:
            kept.append(Block(block.kind, rest, block.lines))
    return kept, found
