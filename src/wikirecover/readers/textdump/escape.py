"""Plain text from a dump made safe to place in wikitext: what would be read as markup is
wrapped in <nowiki>, everything else is left as it was."""

from __future__ import annotations

import re

# Inline sequences MediaWiki would read as markup.
_INLINE = re.compile(
    r"\[\[|\]\]|\{\{|\}\}|\{\||''+|~{3,}|__[A-Z]+__|\[(?:https?:|ftp:|//)"
    r"|<(?=[A-Za-z/!])|&(?=#?\w+;)|-{4,}"
)
# A line starting with one of these would become a list, indent, table row, pre block or rule.
_LINE_START = re.compile(r"^(?:[*#:;| !]|=.*=\s*$)")


def escape_text(text: str) -> str:
    """Escape one line (or a block of lines) of dump text."""
    lines = []
    for line in text.split("\n"):
        line = _INLINE.sub(lambda m: f"<nowiki>{m.group(0)}</nowiki>", line)
        if _LINE_START.match(line):
            line = "<nowiki/>" + line
        lines.append(line)
    return "\n".join(lines)


def escape_inline(text: str) -> str:
    """Escape text that goes inside a construct (a cell, a caption, a ref): no line rules."""
    return _INLINE.sub(lambda m: f"<nowiki>{m.group(0)}</nowiki>", text)
