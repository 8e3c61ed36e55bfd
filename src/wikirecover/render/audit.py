"""An independent check of exported HTML against the Sanitizer's rules: what a browser would
see after parsing the page, not what the renderer meant to write.

Used by the tests, the fuzz harness and ``--verify``: a violation is a bug in the exporter.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from .sanitize import ALLOWED_TAGS, safe_css, safe_url

# Elements the renderer writes itself (links, images, the TOC's toggle) besides the wikitext
# tags the Sanitizer allows, and those the HTML parser adds around a fragment.
RENDERER_TAGS = frozenset({"a", "img", "tbody", "input", "label", "html", "head", "body"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "poster", "background"})
# A URL with a scheme, after what browsers ignore before it: it must be an allowed one.
_SCHEME = re.compile(r"[\x00-\x20\x7f\u200b-\u200d\ufeff]*[a-z][a-z0-9+.\-]*\s*:", re.I)


def html_violations(page: str) -> list[str]:
    """Elements outside the allow-list, event handlers, unsafe URLs and unsafe CSS in
    ``page``, one line each (empty: the page is safe)."""
    tree = LexborHTMLParser(f"<body>{page}</body>")
    found = []
    for element in tree.root.traverse() if tree.root is not None else ():
        tag = element.tag
        if tag.startswith("-"):  # -text, -comment
            continue
        if tag not in ALLOWED_TAGS and tag not in RENDERER_TAGS:
            found.append(f"element <{tag}>")
        for name, value in element.attributes.items():
            name = name.lower()
            value = value or ""
            if name.startswith("on"):
                found.append(f"event handler {name}={value!r} on <{tag}>")
            elif name in URL_ATTRIBUTES and _SCHEME.match(value) and not safe_url(value):
                found.append(f"unsafe URL {name}={value!r} on <{tag}>")
            elif name == "style" and not safe_css(value):
                found.append(f"unsafe CSS {value!r} on <{tag}>")
    return found
