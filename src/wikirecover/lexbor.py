"""Walking HTML trees parsed by Lexbor (selectolax): what the HTML reader and the Markdown
writer both need."""

from __future__ import annotations

from selectolax.lexbor import LexborNode


def children(node: LexborNode) -> list[LexborNode]:
    """The node's children in order, text and comment nodes included (a list: callers may
    change the tree while they walk it)."""
    out = []
    child = node.child
    while child is not None:
        out.append(child)
        child = child.next
    return out
