"""What HTML a page may contain: MediaWiki's Sanitizer rules, as data.

Wikitext may hold HTML tags; MediaWiki lets through only an allow-list of tags and, per tag, of
attributes, drops event handlers, allows URLs only with the protocols of `$wgUrlProtocols`, and
checks inline CSS for script (`expression(`, `url(javascript:`...). A tag not on the list is shown
as text. The same rules apply here to every tag and attribute the export writes from the page.
"""

from __future__ import annotations

import html
import re

# Tags MediaWiki's Sanitizer allows in wikitext (Sanitizer::getRecognizedTagData, 1.39).
ALLOWED_TAGS = frozenset(
    [
        "b",
        "bdi",
        "del",
        "i",
        "ins",
        "u",
        "font",
        "big",
        "small",
        "sub",
        "sup",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "cite",
        "code",
        "em",
        "s",
        "strike",
        "strong",
        "tt",
        "var",
        "div",
        "center",
        "blockquote",
        "ol",
        "ul",
        "dl",
        "table",
        "caption",
        "pre",
        "ruby",
        "rb",
        "rp",
        "rt",
        "rtc",
        "p",
        "span",
        "abbr",
        "dfn",
        "kbd",
        "samp",
        "data",
        "time",
        "mark",
        "br",
        "wbr",
        "hr",
        "li",
        "dt",
        "dd",
        "td",
        "th",
        "tr",
        "q",
        "bdo",
        "meta",
        "link",
    ]
)
VOID_TAGS = frozenset({"br", "wbr", "hr", "meta", "link"})
# Attributes every allowed tag may carry, and the extra ones some tags may.
COMMON_ATTRIBUTES = frozenset(
    [
        "id",
        "class",
        "style",
        "lang",
        "dir",
        "title",
        "tabindex",
        "aria-describedby",
        "aria-flowto",
        "aria-hidden",
        "aria-label",
        "aria-labelledby",
        "aria-owns",
        "role",
        "about",
        "property",
        "resource",
        "datatype",
        "typeof",
        "itemid",
        "itemprop",
        "itemref",
        "itemscope",
        "itemtype",
    ]
)
_CELL_ATTRIBUTES = {
    "abbr",
    "axis",
    "headers",
    "scope",
    "rowspan",
    "colspan",
    "nowrap",
    "width",
    "height",
    "bgcolor",
    "align",
    "valign",
}
TAG_ATTRIBUTES = {
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "time": {"datetime"},
    "data": {"value"},
    "font": {"size", "color", "face"},
    "ol": {"type", "start", "reversed"},
    "ul": {"type"},
    "li": {"type", "value"},
    "table": {
        "summary",
        "width",
        "border",
        "frame",
        "rules",
        "cellspacing",
        "cellpadding",
        "align",
        "bgcolor",
    },
    "caption": {"align"},
    "tr": {"bgcolor", "align", "valign"},
    "td": _CELL_ATTRIBUTES,
    "th": _CELL_ATTRIBUTES,
    "div": {"align"},
    "p": {"align"},
    "h1": {"align"},
    "h2": {"align"},
    "h3": {"align"},
    "h4": {"align"},
    "h5": {"align"},
    "h6": {"align"},
    "br": {"clear"},
    "hr": {"width", "size", "noshade"},
    "pre": {"width"},
    "bdo": {"dir"},
    "meta": {"itemprop", "content"},
    "link": {"itemprop", "href"},
}
# $wgUrlProtocols (1.39 default): what an external link or a URL attribute may start with.
URL_PROTOCOLS = (
    "bitcoin:",
    "ftp://",
    "ftps://",
    "geo:",
    "git://",
    "gopher://",
    "http://",
    "https://",
    "irc://",
    "ircs://",
    "magnet:",
    "mailto:",
    "matrix:",
    "mms://",
    "news:",
    "nntp://",
    "redis://",
    "sftp://",
    "sip:",
    "sips:",
    "sms:",
    "ssh://",
    "svn://",
    "tel:",
    "telnet://",
    "urn:",
    "worldwind://",
    "xmpp:",
    "//",
)
_BAD_CSS = re.compile(
    r"expression|filter\s*:|accelerator\s*:|-o-link\s*:|-o-link-source\s*:|-o-replace\s*:|"
    r"url\s*\(|image\s*\(|image-set\s*\(|attr\s*\(|behavior|binding|javascript|vbscript|"
    r"@import|\\",
    re.IGNORECASE,
)


def valid_code_point(point: int) -> bool:
    """What MediaWiki's ``Sanitizer::validateCodepoint`` accepts in a character reference."""
    return (
        point in (0x09, 0x0A, 0x0D)
        or 0x20 <= point <= 0xD7FF
        or 0xE000 <= point <= 0xFFFD
        or 0x10000 <= point <= 0x10FFFF
    )


def entity_html(node) -> str:
    """An ``HTMLEntity`` node as HTML: the character it names, or, for a reference to an
    invalid code point (NUL, a surrogate, beyond U+10FFFF, a control), the reference as text."""
    if node.named:
        return html.escape(node.normalize(), quote=False)
    try:
        point = int(str(node.value), 16 if node.hexadecimal else 10)
    except ValueError:
        point = -1
    if not valid_code_point(point):
        return html.escape(str(node), quote=False)
    return html.escape(chr(point), quote=False)


def allowed_tag(name: str) -> bool:
    return name.lower() in ALLOWED_TAGS


def safe_url(url: str) -> bool:
    """A URL an export may link to: one of the allowed protocols (no javascript:, data:...)."""
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(url)).lower()
    return cleaned.startswith(URL_PROTOCOLS)


def safe_css(style: str) -> bool:
    decoded = html.unescape(style)
    decoded = re.sub(r"/\*.*?\*/", "", decoded, flags=re.DOTALL)
    return not _BAD_CSS.search(decoded)


# data-* attributes MediaWiki reserves for its own software (Sanitizer::isReservedDataAttribute)
_RESERVED_DATA = re.compile(r"data-(?:ooui|mw|parsoid)", re.I)
MAX_ID = 1024  # characters of an id (T251506)


def attributes(tag: str, pairs: list[tuple[str, str | None]]) -> str:
    """The allowed attributes of ``tag`` as HTML (leading space), values escaped; event handlers,
    unknown attributes, unsafe URLs and unsafe CSS dropped."""
    allowed = COMMON_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, set())
    out = []
    seen = set()
    for name, value in pairs:
        name = name.strip().lower()
        if name in seen or not (name in allowed or name.startswith("data-")):
            continue
        if name.startswith("data-") and not re.fullmatch(r"data-[a-z0-9_.\-]+", name):
            continue
        if _RESERVED_DATA.match(name):
            continue
        if name == "tabindex" and (value or "").strip() != "0":
            continue  # MediaWiki keeps only tabindex="0" (no focus-order hijacking)
        value = html.unescape(value or "").strip()
        if name == "style" and not safe_css(value):
            continue
        is_url = name in ("cite", "href", "itemtype", "itemid", "resource")
        if is_url and value and not safe_url(value):
            continue
        if name == "id":
            value = value[:MAX_ID]
        seen.add(name)
        out.append(f' {name}="{html.escape(value, quote=True)}"')
    return "".join(out)
