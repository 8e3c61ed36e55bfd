"""Page titles: from file names (`Foo_bar_(baz).wiki` -> `Foo bar (baz)`), and normalised as
MediaWiki compares them (underscores are spaces, runs of spaces one, the first letter capital)."""

from __future__ import annotations

from pathlib import PurePath


def title_from_path(path: str) -> str:
    if path in ("", "-"):
        return ""
    return PurePath(path).stem.replace("_", " ").strip()


def page_name(title: str) -> str:
    """``title`` as MediaWiki stores it: underscores as spaces, whitespace folded, the first
    letter a capital (the namespace prefix, if any, is left as it is)."""
    title = " ".join(title.replace("_", " ").split())
    return title[:1].upper() + title[1:]


# MediaWiki's default namespaces and their talk namespaces (with Wikipedia's, the commonest
# source of pages): only these prefixes are namespaces; `Javascript:x` is a page in the main one.
NAMESPACES = frozenset(
    name.casefold()
    for base in (
        "User",
        "Wikipedia",
        "Project",
        "File",
        "Image",
        "MediaWiki",
        "Template",
        "Help",
        "Category",
        "Portal",
        "Draft",
        "Module",
        "TimedText",
        "Book",
        "Education Program",
        "Gadget",
        "Gadget definition",
    )
    for name in (base, f"{base} talk")
) | {"media", "special", "talk"}


def normalise_title(title: str) -> str:
    """Like `page_name`, and a namespace prefix and the name after it each start with a
    capital (`category:x` -> `Category:X`)."""
    title = " ".join(title.replace("_", " ").split())
    if ":" in title:
        namespace, rest = title.split(":", 1)
        if namespace.strip().casefold() in NAMESPACES:
            rest = rest.strip()
            return page_name(namespace.strip()) + ":" + page_name(rest)
    return page_name(title)
