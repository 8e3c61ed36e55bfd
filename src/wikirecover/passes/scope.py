"""Which repairs a page gets: damage always, the traces of a rendering only where there are some.

A page read from its exact wikitext (a `.wiki` file, an XML dump) is what its wiki served: a
repair there must mend what MediaWiki would render wrongly (a bracket never closed, a lost
`<ref>`). `[[Template:X]]`, `Template:X` as text, a level-1 heading, a level that skips, a line
`Main article: X` are all valid wikitext, and MediaWiki shows them as written. They are the
traces of a rendering only in pages rebuilt from one (a text dump, a saved HTML page), and only
there are they turned back (`Options.repairs`: auto, the default, decides by the input kind;
`all` and `damage` force either way).
"""

from __future__ import annotations

from ..model import Document
from ..options import Options

# readers whose wikitext is rebuilt from a rendered page
RENDERED_KINDS = frozenset({"text", "html"})
REPAIR_SCOPES = ("auto", "damage", "all")


def undoes_rendering(doc: Document, options: Options) -> bool:
    """Whether the repairs that undo a rendering's traces run on ``doc``."""
    if options.repairs == "all":
        return True
    if options.repairs == "damage":
        return False
    return doc.source.kind in RENDERED_KINDS
