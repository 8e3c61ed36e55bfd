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


def magic_links(escaped: str) -> str:
    """Magic links in HTML-escaped plain text."""
    return (
        _MAGIC.sub(_link, escaped)
        if ("RFC" in escaped or "PMID" in escaped or "ISBN" in escaped)
        else escaped
    )


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
