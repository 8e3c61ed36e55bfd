"""Magic links: ``ISBN 0-12-345678-9``, ``RFC 822`` and ``PMID 12345`` in text become links,
as MediaWiki (with its default magic links on) renders them."""

from __future__ import annotations

import re

_SPACE = r"(?:[ \t]|&nbsp;|&\#0*160;|&\#[xX]0*[aA]0;)"
_MAGIC = re.compile(
    r"(?<![\w])(?:(?P<kind>RFC|PMID)" + _SPACE + r"+(?P<number>\d+)"
    r"|ISBN" + _SPACE + r"+(?P<isbn>(?:97[89]" + _SPACE + r"?(?:-" + _SPACE + r"?)?)?"
    r"(?:[0-9]" + _SPACE + r"?(?:-" + _SPACE + r"?)?){9}[0-9Xx]))(?![\w])"
)


def magic_links(escaped: str, book_sources: bool = True) -> str:
    """Magic links in HTML-escaped plain text; without ``book_sources`` (a migrated site has
    no Special:BookSources page) an ISBN stays text."""
    if not ("RFC" in escaped or "PMID" in escaped or "ISBN" in escaped):
        return escaped
    return _MAGIC.sub(_link if book_sources else _link_but_isbn, escaped)


def _link_but_isbn(match: re.Match[str]) -> str:
    return match.group() if match.group("isbn") else _link(match)


def _link(match: re.Match[str]) -> str:
    text = match.group()
    if match.group("isbn"):
        number = re.sub(r"[^0-9Xx]", "", re.sub(_SPACE, "", match.group("isbn"))).upper()
        return (
            f'<a href="/wiki/Special:BookSources/{number}" class="internal mw-magiclink-isbn">'
            f"{text}</a>"
        )
    number = match.group("number")
    if match.group("kind") == "RFC":
        href, cls = f"https://tools.ietf.org/html/rfc{number}", "mw-magiclink-rfc"
    else:
        href, cls = f"//www.ncbi.nlm.nih.gov/pubmed/{number}?dopt=Abstract", "mw-magiclink-pmid"
    return f'<a class="external {cls}" rel="nofollow" href="{href}">{text}</a>'
