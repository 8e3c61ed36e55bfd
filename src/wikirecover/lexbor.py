"""Walking HTML trees parsed by Lexbor (selectolax): what the HTML reader and the Markdown
writer both need."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from selectolax.lexbor import LexborNode

# Elements that end a paragraph: what is around them is a block of its own.
BLOCK_TAGS = frozenset(
    {"p", "div", "ul", "ol", "dl", "table", "pre", "blockquote", "hr", "center"}
    | {f"h{level}" for level in range(1, 7)}
)


def children(node: LexborNode) -> list[LexborNode]:
    """The node's children in order, text and comment nodes included (a list: callers may
    change the tree while they walk it)."""
    out = []
    child = node.child
    while child is not None:
        out.append(child)
        child = child.next
    return out


def blocks_of(
    node: LexborNode,
    is_block: Callable[[str], bool],
    block: Callable[[LexborNode], Iterable[str]],
    inline: Callable[[LexborNode], str],
) -> list[str]:
    """The node's content as blocks: each child that ``is_block`` says is one written by
    ``block``, each run of other children between them joined by ``inline`` into one paragraph
    (stripped); blank blocks left out."""
    out: list[str] = []
    run: list[str] = []
    for child in children(node):
        if is_block(child.tag):
            if paragraph := "".join(run).strip():
                out.append(paragraph)
            run.clear()
            out.extend(text for text in block(child) if text.strip())
        else:
            run.append(inline(child))
    if paragraph := "".join(run).strip():
        out.append(paragraph)
    return out
