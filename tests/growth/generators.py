"""Pathological inputs that grow: each generator makes a page of about ``size`` bytes whose
shape is one that makes a parser or exporter superlinear (cmark's pathological tests, adapted
to wikitext, and the reliability table's rows 8-21)."""

from __future__ import annotations

from collections.abc import Callable


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail


def _nested(opener: str, middle: str, closer: str, size: int) -> str:
    count = max(1, (size - len(middle)) // (len(opener) + len(closer)))
    return opener * count + middle + closer * count


GENERATORS: dict[str, Callable[[int], str]] = {
    "unclosed-templates": lambda n: _repeat("{{a|", n),
    "unclosed-bold-tags": lambda n: _repeat("<b>", n),
    "unclosed-spans": lambda n: _repeat("<span>", n),
    "unclosed-links": lambda n: _repeat("[[a", n),
    "unclosed-refs": lambda n: _repeat("<ref>x", n),
    "unclosed-comments": lambda n: _repeat("<!-- x", n),
    "unclosed-nowiki": lambda n: _repeat("<nowiki>", n),
    "nested-templates": lambda n: _nested("{{a|", "x", "}}", n),
    "nested-tables": lambda n: _nested("{|\n|\n", "x", "\n|}", n),
    "nested-divs": lambda n: _nested("<div>", "x", "</div>", n),
    "apostrophe-soup": lambda n: _repeat("''a '''b ", n),
    "apostrophes-across-lines": lambda n: _repeat("''a\n", n),
    "giant-line": lambda n: _repeat("word ", n),
    "deep-list-lines": lambda n: _repeat("*" * 50 + " item\n", n),
    "deep-indent": lambda n: _repeat(":", n, tail=" x\n"),
    "many-refs": lambda n: _repeat("a<ref>b</ref> ", n, tail="\n<references />\n"),
    "reused-named-ref": lambda n: _repeat('<ref name="r"/>', n, '<ref name="r">x</ref>'),
    "template-parameters": lambda n: _repeat("|p=v", n, "{{a", "}}"),
    "long-link-label": lambda n: _repeat("b ", n, "[[a|", "]]"),
    "tags-in-link": lambda n: _repeat("<b><i><span>", n, "[[a|"),
    "bare-urls": lambda n: _repeat("http://example.org/x ", n),
    "bracket-soup": lambda n: _repeat("[{", n),
    "table-cells": lambda n: _repeat("| a || b || c\n|-\n", n, "{|\n", "|}\n"),
    "headings": lambda n: _repeat("== Heading ==\ntext\n", n),
    "entities": lambda n: _repeat("&amp;&nbsp;&#123;&unknown; ", n),
}
