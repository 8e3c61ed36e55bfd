"""Wikitext tree -> HTML, natively, the way MediaWiki's legacy parser renders it.

Two stages, as in MediaWiki: the tree is first rendered inline, line by line (links, bold and
italic, allowed HTML tags through the sanitizer, tables as MediaWiki's table pass writes them,
headings, citations), keeping the page's line breaks and list markers; then `blocks.block_levels`
makes paragraphs, lists and pre blocks from those lines. Blocks the renderer finishes itself
(reference lists, `<pre>`) wait behind placeholders until the end.

What cannot be rendered is shown, never dropped: a template without a definition appears as its
own source text; an unknown tag as escaped text; each is counted for the report.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote

from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from .. import languages
from ..namespaces import CATEGORY, DEFAULT, FILE, Namespaces
from ..parsing import is_blank, parse_wikitext, tag_name
from ..rules import Rules
from ..tags import SHOWN_AS_SOURCE_TAGS
from ..titles import normalise_title
from . import sanitize
from .blocks import BLOCK_MARK, DD_MARK, block_levels
from .cite import Citations, follow
from .cite import error as cite_error
from .extensions import code_html, gallery_html, math_html
from .magic import magic_links
from .quotes import closed_per_line
from .redirects import redirect_target
from .table_lines import tables_as_tags, unparsed_table_at

_TRAIL = re.compile(r"[a-z]+")
TOC_MIN_HEADINGS = 4  # MediaWiki shows a table of contents from this many headings on
_SWITCH = re.compile(
    r"__(?:NOTOC|FORCETOC|TOC|NOEDITSECTION|NEWSECTIONLINK|NONEWSECTIONLINK|"
    r"NOGALLERY|HIDDENCAT|EXPECTUNUSEDCATEGORY|INDEX|NOINDEX|STATICREDIRECT|"
    r"NOTITLECONVERT|NOTC|NOCONTENTCONVERT|NOCC|DISAMBIG)__"
)
# Tags of extensions a static export cannot run: their source is shown in a code block.
EXTENSION_TAGS = SHOWN_AS_SOURCE_TAGS  # (see `tags`)
_LITERAL_TABLE_TAG = re.compile(
    r"<(/?)(table|tr|td|th|caption|thead|tbody|tfoot)\b((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.IGNORECASE,
)
_ATTRIBUTE = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")
CATEGORY_MARK = "\ue004"  # what `wikilink` gives for a category link (nothing is shown)
# HTML elements whose end tag may be left out (`<tr><td>a<td>b`): written open, and closed by
# an HTML5 parser after rendering, as MediaWiki's Remex closes them.
OPTIONAL_END_TAGS = frozenset(
    {"tr", "td", "th", "li", "p", "dt", "dd", "caption", "thead", "tbody", "tfoot"}
)


@dataclass(frozen=True)
class LinkStyle:
    """How internal links are written: a pattern with ``{title}`` (URL-encoded, spaces as
    underscores), and the pages that exist (None: every page; others become red links)."""

    pattern: str = "/wiki/{title}"
    red_pattern: str = "/index.php?title={title}&action=edit&redlink=1"
    known_pages: frozenset[str] | None = None
    # "[edit]" after each heading, linking to this ({title}: the page, {section}: its number),
    # for a mirror that sends editors back to the live wiki; None: no edit links.
    edit_pattern: str | None = None
    page_title: str = ""
    # a whole site's links (`migrate`): (title, section) -> the href from this page, or None
    # for a page the site lacks (a red link); a file's name -> the image's URL
    resolve: Callable[[str, str], str | None] | None = None
    media: Callable[[str], str] | None = None


@dataclass
class Rendered:
    html: str
    categories: list[str] = field(default_factory=list)
    unrendered: Counter[str] = field(default_factory=Counter)  # what was shown as source
    redirect: str | None = None  # the target, when the page is a redirect


def _url_title(title: str) -> str:
    return quote(title.replace(" ", "_"), safe=";@$!*(),/~:")


_OWN_MARKS = {point: f"&#x{point:X};" for point in range(0xE000, 0xE004)}
_LOOKS_LIKE_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


def page_url(url: str) -> str:
    """A URL made from a page title, never read as a scheme: `Javascript:alert(5)` or
    `Category:X` become `./Javascript:alert(5)` (a relative URL, as MediaWiki's `/wiki/` is)."""
    return "./" + url if _LOOKS_LIKE_SCHEME.match(url) else url


class HtmlRenderer:
    def __init__(
        self,
        rules: Rules,
        links: LinkStyle | None = None,
        toc: bool = True,
        namespaces: Namespaces = DEFAULT,
    ) -> None:
        """``toc``: MediaWiki's table of contents where it would show one (formats with their
        own navigation, such as Markdown, have none). ``namespaces``: the wiki's (its
        language also names the table of contents and a redirect)."""
        self.rules = rules
        self.links = links or LinkStyle()
        self.book_sources = self.links.resolve is None  # a migrated site has no Special: pages
        self.citations = Citations()
        self.blocks: list[str] = []  # finished blocks behind placeholders
        self.result = Rendered("")
        self.autonumber = 0
        self.sections = 0
        self.no_edit_links = False
        self.headings: list[tuple[int, str, str]] = []  # level, anchor, html for the TOC
        self.anchors: Counter[str] = Counter()
        self.toc_at: int | None = None  # the placeholder where the TOC goes
        self.toc = toc
        self.namespaces = namespaces
        self.categories = {ns.casefold() for ns in rules.category_namespaces}
        self.files = {ns.casefold() for ns in rules.file_namespaces}
        self.reflists = rules.reflist_templates
        self.open_tags = False  # tags written open, to be closed by an HTML5 parser
        self.line_rules = True  # whether to look for what MediaWiki reads line by line
        self.needs_line_rules = False  # a table of HTML rows, quotes open over a line's end

    # --- the page --------------------------------------------------------------------------

    def render(self, code: Wikicode, read_by_lines: bool = False) -> Rendered:
        """The page's HTML. What MediaWiki reads line by line and the parser may not have (a
        table of HTML rows, bold or italic left open on its line) is seen while rendering; the
        page is then rendered again from its text read that way (``read_by_lines``: this is
        that second rendering). The page itself is not changed."""
        # the behaviour switches are looked for only where they change something (rendering
        # the page's source costs about a millisecond)
        self.no_edit_links = bool(self.links.edit_pattern) and "__NOEDITSECTION__" in str(code)
        redirect = redirect_target(code, self.namespaces.language)
        if redirect is not None:
            self.result.redirect, rest = redirect
            code = parse_wikitext(rest)
        self.line_rules = not read_by_lines  # look for what needs them
        text = self.inline(code)
        if self.needs_line_rules:
            source = str(code)
            lines = tables_as_tags(source) if unparsed_table_at(code) else source
            lines = closed_per_line(lines)
            if lines != source:
                again = HtmlRenderer(self.rules, self.links, self.toc, self.namespaces)
                redirected = f"#REDIRECT [[{self.result.redirect}]]\n" if redirect else ""
                return again.render(parse_wikitext(redirected + lines), read_by_lines=True)
        body = block_levels(text)
        if redirect is not None:
            if not re.sub(r"</?p>|<br />|\s", "", body):
                body = ""  # only categories after the redirect: nothing to show
            body = self._redirect_html(self.result.redirect or "") + body
        if self.toc_at is not None:
            source = str(code) if self.toc else ""
            show = (
                self.toc
                and "__NOTOC__" not in source
                and (
                    "__FORCETOC__" in source
                    or "__TOC__" in source
                    or len(self.headings) >= TOC_MIN_HEADINGS
                )
            )
            language = self.namespaces.language or languages.ENGLISH
            title = languages.message(language, "toc")
            self.blocks[self.toc_at] = toc_html(self.headings, title, language) if show else ""
        leftover = [self.citations.list_html(g) for g in self.citations.remaining_groups()]
        body += "".join(f"\n{block}" for block in leftover if block)
        self.result.html = self._unplace(body)
        if self.open_tags:
            self.result.html = balanced(self.result.html)
        return self.result

    def _redirect_html(self, target: str) -> str:
        """What MediaWiki shows for a redirect page: its label and the link to its target."""
        label = languages.message(self.namespaces.language, "redirectto") or "Redirect to:"
        link, _ = self.wikilink(parse_wikitext(f"[[:{target}]]").nodes[0], "")
        return self._place(
            f'<div class="redirectMsg"><p>{html.escape(label, quote=False)}</p>'
            f'<ul class="redirectText"><li>{link}</li></ul></div>'
        )

    def _place(self, block: str) -> str:
        self.blocks.append(block)
        return f"{BLOCK_MARK}\ue002{len(self.blocks) - 1}\ue003"

    def _hold(self, inline_html: str) -> str:
        """A placeholder for inline HTML the block pass must not read (not a block itself)."""
        self.blocks.append(inline_html)
        return f"\ue002{len(self.blocks) - 1}\ue003"

    def _block_at(self, match: re.Match[str]) -> str:
        number = int(match.group(1))
        return self.blocks[number] if number < len(self.blocks) else match.group(0)

    def _unplace(self, text: str) -> str:
        for _ in range(8):  # blocks may hold blocks
            if "\ue002" not in text:
                break
            text = re.sub(r"\ue002(\d+)\ue003", self._block_at, text)
        return text

    # --- inline ----------------------------------------------------------------------------

    def inline(self, code: Wikicode) -> str:
        out: list[str] = []
        nodes = code.nodes
        skip = 0
        for index, node in enumerate(nodes):
            if isinstance(node, Text):
                value = node.value[skip:]
                skip = 0
                if "__" in value:  # a behaviour switch (`__TOC__`) is not shown
                    value = _SWITCH.sub("", value)
                if self.line_rules and ("''" in value or "{|" in value):
                    self.needs_line_rules = True  # quotes the parser left, or a table
                if "<" in value and _LITERAL_TABLE_TAG.search(value):
                    out.append(self._with_table_tags(value))
                    continue
                out.append(magic_links(html.escape(value, quote=False), self.book_sources))
                continue
            skip = 0
            if isinstance(node, Wikilink):
                trail = ""
                following = nodes[index + 1] if index + 1 < len(nodes) else None
                if isinstance(following, Text):
                    match = _TRAIL.match(following.value)
                    if match:
                        trail = match.group()
                rendered, used_trail = self.wikilink(node, trail)
                if used_trail:
                    skip = len(trail)
                if rendered == CATEGORY_MARK:
                    _strip_end(out)  # the whitespace before a category link goes with it
                    rendered = ""
                out.append(rendered)
            elif (
                isinstance(node, Tag)
                and node.wiki_markup == ":"
                and out
                and not out[-1].endswith("\n")
                and out[-1] not in ("*", "#", ":", ";")
            ):
                out.append(DD_MARK)  # `; term : definition` on one line
            elif isinstance(node, Heading) and not _ends_line(nodes, index):
                out.append(html.escape(str(node), quote=False))  # `= x = y`: not a heading
            else:
                out.append(self.node(node))
        return "".join(out)

    def _with_table_tags(self, value: str) -> str:
        """Text holding table tags the parser could not read (`<td>` never closed inside a
        `<table>`): the tags pass, their attributes sanitized, as MediaWiki's Sanitizer passes
        them; the rest is text. The tags left open are closed after rendering."""
        out, position = [], 0
        for match in _LITERAL_TABLE_TAG.finditer(value):
            out.append(
                magic_links(
                    html.escape(value[position : match.start()], quote=False), self.book_sources
                )
            )
            closing, name = match.group(1), match.group(2).lower()
            if closing:
                out.append(f"</{name}>")
            else:
                pairs = [
                    (m.group(1), m.group(2) or m.group(3) or m.group(4) or "")
                    for m in _ATTRIBUTE.finditer(match.group(3))
                ]
                out.append(f"<{name}{sanitize.attributes(name, pairs)}>")
            position = match.end()
        out.append(magic_links(html.escape(value[position:], quote=False), self.book_sources))
        self.open_tags = True
        return "".join(out)

    def node(self, node: Node) -> str:
        if isinstance(node, HTMLEntity):
            return sanitize.entity_html(node)
        if isinstance(node, Comment):
            return ""
        if isinstance(node, Template):
            return self.template(node)
        if isinstance(node, Argument):
            return html.escape(str(node), quote=False)
        if isinstance(node, ExternalLink):
            return self.external_link(node)
        if isinstance(node, Heading):
            return self.heading(node)
        if isinstance(node, Tag):
            return self.tag(node)
        # the page's own private-use characters that the renderer uses as marks: written as
        # character references, so that they stay text
        return html.escape(str(node), quote=False).translate(_OWN_MARKS)

    def template(self, node: Template) -> str:
        name = " ".join(str(node.name).split())
        if name.casefold() in self.reflists:
            return self._references_list("")
        self.result.unrendered[f"template {name}"] += 1
        return html.escape(str(node), quote=False)

    def wikilink(self, node: Wikilink, trail: str) -> tuple[str, bool]:
        raw = str(node.title).strip()
        colon = raw.startswith(":")
        target = raw[1:] if colon else raw
        namespace = target.split(":", 1)[0].strip().casefold() if ":" in target else ""
        number = self.namespaces.split(target)[0] if namespace else 0
        if not colon and (number == CATEGORY or namespace in self.categories):
            self.result.categories.append(normalise_title(target.split(":", 1)[1]))
            return CATEGORY_MARK, False
        if not colon and (number == FILE or namespace in self.files):
            return self.file_link(node, target), False
        page, _, section = target.partition("#")
        title = normalise_title(page) if page.strip() else ""
        label = (
            self.inline(node.text)
            if node.text is not None
            else html.escape(raw.lstrip(":"), quote=False)
        )
        label += trail
        anchor = ("#" + _url_title(section.strip())) if section else ""
        if not title and self.links.resolve is not None:  # a section of this page, in a site
            href = html.escape(self.links.resolve("", section.strip()) or anchor)
            return f'<a href="{href}">{label}</a>', True
        if not title:
            return f'<a href="{anchor}">{label}</a>', True
        if self.links.resolve is not None:
            resolved = self.links.resolve(title, section.strip())
            exists = resolved is not None
            target_url = resolved if resolved is not None else ""
        else:
            known = self.links.known_pages
            exists = known is None or title in known or title == "Main Page"
            pattern = self.links.pattern if exists else self.links.red_pattern
            target_url = page_url(
                pattern.replace("{title}", _url_title(title)) + (anchor if exists else "")
            )
        href = html.escape(target_url)
        if exists:
            return f'<a href="{href}" title="{html.escape(title)}">{label}</a>', True
        if self.links.resolve is not None:  # a page the site lacks: nowhere to link to
            return (
                f'<a class="new" title="{html.escape(title)} (page does not exist)">{label}</a>',
                True,
            )
        return (
            f'<a href="{href}" class="new" title="{html.escape(title)} (page does not exist)">'
            f"{label}</a>",
            True,
        )

    def file_link(self, node: Wikilink, target: str) -> str:
        name = target.split(":", 1)[1].strip()
        parts = _image_parts(node.text) if node.text is not None else []
        caption = parts[-1] if parts and not _is_image_option(parts[-1]) else ""
        options = {p.strip().lower() for p in parts}
        page, source = self._image_urls(name)
        href, src = html.escape(page), html.escape(source)
        code = parse_wikitext(caption)
        alt = html.escape(code.strip_code(normalize=True, collapse=True).strip() or name)
        if not options & _FRAMED or not caption.strip():
            image = f'<img alt="{alt}" src="{src}" />'
            return f'<a href="{href}" class="image">{image}</a>'
        # a thumbnail or frame shows its caption under the image, as MediaWiki's legacy media
        # markup does (the caption is the page's text, not only the image's alt)
        side = next((s for s in ("left", "center", "none") if s in options), "right")
        image = f'<img alt="{alt}" src="{src}" class="thumbimage" />'
        return (
            f'<div class="thumb t{side}"><div class="thumbinner">'
            f'<a href="{href}" class="image">{image}</a>'
            f'<div class="thumbcaption">{self.inline(code)}</div></div></div>'
        )

    def _image_urls(self, name: str) -> tuple[str, str]:
        """(the file page's URL, the image's URL) of file ``name``."""
        if self.links.media is not None:
            source = self.links.media(name)
            return source, source
        page = page_url(self.links.pattern.replace("{title}", _url_title("File:" + name)))
        return page, page_url(_url_title(name))

    def _is_file_namespace(self, prefix: str) -> bool:
        return self.namespaces.number(prefix) == FILE or prefix.strip().casefold() in self.files

    def external_link(self, node: ExternalLink) -> str:
        url = str(node.url).strip()
        if not sanitize.safe_url(url):
            return html.escape(str(node), quote=False)
        href = html.escape(url)
        if not node.brackets:
            return f'<a rel="nofollow" class="external free" href="{href}">{html.escape(url)}</a>'
        if node.title is None or not str(node.title).strip():
            self.autonumber += 1
            return (
                f'<a rel="nofollow" class="external autonumber" href="{href}">'
                f"[{self.autonumber}]</a>"
            )
        label = self.inline(node.title)
        return f'<a rel="nofollow" class="external text" href="{href}">{label}</a>'

    def heading(self, node: Heading) -> str:
        inner = self.inline(node.title).strip()
        plain = " ".join(re.sub(r"<[^>]+>", "", html.unescape(inner)).split())
        anchor = plain.replace(" ", "_")
        self.anchors[anchor.casefold()] += 1
        if self.anchors[anchor.casefold()] > 1:
            anchor = f"{anchor}_{self.anchors[anchor.casefold()]}"
        anchor = html.escape(anchor)
        toc = ""
        if self.toc_at is None:  # the TOC goes before the first heading
            self.blocks.append("")
            self.toc_at = len(self.blocks) - 1
            toc = f"{BLOCK_MARK}\ue002{self.toc_at}\ue003\n"
        self.headings.append((node.level, anchor, re.sub(r"</?a\b[^>]*>", "", inner)))
        level = node.level
        self.sections += 1
        edit = ""
        if self.links.edit_pattern and not self.no_edit_links:
            href = page_url(
                self.links.edit_pattern.replace(
                    "{title}", _url_title(self.links.page_title)
                ).replace("{section}", str(self.sections))
            )
            edit = (
                '<span class="mw-editsection"><span class="mw-editsection-bracket">[</span>'
                f'<a href="{html.escape(href)}" title="Edit section: {html.escape(plain)}">edit</a>'
                '<span class="mw-editsection-bracket">]</span></span>'
            )
        return (
            f'{toc}<h{level}><span class="mw-headline" id="{anchor}">{inner}</span>{edit}'
            f"</h{level}>"
        )

    # --- tags ------------------------------------------------------------------------------

    def tag(self, node: Tag) -> str:
        name = tag_name(node)
        markup = node.wiki_markup
        if markup in ("''", "'''"):
            tag = "i" if markup == "''" else "b"
            if self.line_rules and _spans_lines(node):
                self.needs_line_rules = True  # MediaWiki closes it at the line's end
            return f"<{tag}>{self.contents(node)}</{tag}>"
        if markup and name in ("li", "dt", "dd"):
            return self._list_marker(node)
        if markup == "----" or name == "hr":
            return "<hr />"
        if markup and name == "table":
            return self.table(node)
        if name == "ref":
            return self.ref(node)
        if name == "references":
            return self.references(node)
        if name in ("noinclude", "onlyinclude"):  # the page itself shows what they hold
            return self.contents(node)
        if name == "includeonly":  # only where the page is transcluded
            return ""
        if name == "nowiki":  # kept away from the block pass: `* x` here is no list
            return self._hold(html.escape(str(node.contents or ""), quote=False))
        if name == "pre":
            body = html.escape(html.unescape(str(node.contents or "")), quote=False)
            return self._place(f"<pre{self._attrs('pre', node)}>{body}</pre>")
        if name == "math":
            formula, inline = math_html(node)
            return self._hold(formula) if inline else self._place(formula)
        if name in ("syntaxhighlight", "source"):
            code, inline = code_html(node)
            return self._hold(code) if inline else self._place(code)
        if name == "gallery":
            return self._place(
                gallery_html(
                    node,
                    self._is_file_namespace,
                    self._image_urls,
                    lambda text: self.inline(parse_wikitext(text)),
                )
            )
        if name in EXTENSION_TAGS:
            self.result.unrendered[f"<{name}>"] += 1
            return self._place(f"<pre>{html.escape(str(node), quote=False)}</pre>")
        if name == "br":
            return "<br />"
        if not sanitize.allowed_tag(name) or node.invalid:
            return self._escaped_tag(node)
        if name in ("meta", "link") and not any(  # microdata only, as MediaWiki allows them
            str(a.name).strip().lower() == "itemprop" for a in node.attributes
        ):
            return self._escaped_tag(node)
        attrs = self._attrs(name, node)
        if name in sanitize.VOID_TAGS:
            return f"<{name}{attrs} />"
        if node.self_closing and name in OPTIONAL_END_TAGS and not str(node).endswith("/>"):
            self.open_tags = True  # `<td>` with no closer: the cell goes on to the next one
            return f"<{name}{attrs}>"
        if node.self_closing:
            return f"<{name}{attrs}></{name}>"
        return f"<{name}{attrs}>{self.contents(node)}</{name}>"

    def _list_marker(self, node: Tag) -> str:
        return {"li": str(node.wiki_markup), "dt": ";", "dd": ":"}[tag_name(node)]

    def contents(self, node: Tag) -> str:
        return self.inline(node.contents) if node.contents is not None else ""

    def _attrs(self, tag: str, node: Tag) -> str:
        pairs = [
            (str(a.name), str(a.value) if a.value is not None else "") for a in node.attributes
        ]
        return sanitize.attributes(tag, pairs)

    def _escaped_tag(self, node: Tag) -> str:
        source = str(node)
        if node.contents is None or node.self_closing:
            return html.escape(source, quote=False)
        inner = str(node.contents)
        start = source.find(">") + 1 if not node.wiki_markup else 0
        if inner and source.startswith(inner, start):
            end = start  # the contents right after the opening tag (`<x a="b">in</x>`)
        else:
            end = source.rfind(inner) if inner else start
        head = source[:start] if start <= end else source[: source.find(">") + 1]
        tail = source[end + len(inner) :] if inner else source[start:]
        return html.escape(head, quote=False) + self.contents(node) + html.escape(tail, quote=False)

    # --- citations -------------------------------------------------------------------------

    def ref(self, node: Tag) -> str:
        attributes = {}
        for attribute in node.attributes:
            key = str(attribute.name).strip().lower()
            attributes[key] = str(attribute.value).strip() if attribute.value is not None else ""
        name = attributes.get("name") or None
        group = attributes.get("group", "")
        followed = attributes.get("follow")
        unknown = set(attributes) - {"name", "group", "follow", "dir", "details"}
        if unknown or (name and followed):
            return cite_error("invalid names, e.g. too many")
        if name and name.isdigit():
            return cite_error("name cannot be a simple integer. Use a descriptive title")
        content = None
        if node.contents is not None and not is_blank(node.contents):
            content = block_levels(self.inline(node.contents), inline_start=True).strip()
        if followed:
            if content is not None and follow(self.citations, followed, group, content):
                return ""
            name = None
        if name is None and content is None:
            return cite_error("refs with no name must have content")
        return self.citations.cite(name, group, content)

    def references(self, node: Tag) -> str:
        group = ""
        for attribute in node.attributes:
            key = str(attribute.name).strip().lower()
            if key == "group" and attribute.value is not None:
                group = str(attribute.value).strip()
            elif key != "responsive":
                return (
                    '<span class="error mw-ext-cite-error" lang="en" dir="ltr">Cite error: '
                    "Invalid parameter in <code>&lt;references&gt;</code> tag</span>"
                )
        if node.contents is not None:
            for child in node.contents.filter_tags(recursive=False):
                if tag_name(child) != "ref":
                    continue
                name = next(
                    (
                        str(a.value).strip()
                        for a in child.attributes
                        if str(a.name).strip().lower() == "name" and a.value is not None
                    ),
                    None,
                )
                if name and child.contents is not None:
                    body = block_levels(self.inline(child.contents), inline_start=True).strip()
                    self.citations.define(name, group, body)
        return self._references_list(group)

    def _references_list(self, group: str) -> str:
        listing = self.citations.list_html(group)
        return self._place(listing) if listing else ""

    # --- tables ----------------------------------------------------------------------------

    def table(self, node: Tag) -> str:
        """A wikitext table written as MediaWiki's table pass writes it, one element per line,
        so that the block pass puts paragraphs in cells where MediaWiki does."""
        head = [f"<table{self._attrs('table', node)}>"]
        rows: list[str] = []
        loose: list[str] = []  # cells before any row marker: an implicit first row
        loose_at = -1
        for child in node.contents.nodes if node.contents is not None else []:
            kind = tag_name(child) if isinstance(child, Tag) else ""
            if kind == "td" and str(child).startswith("|+"):
                head.append(self._caption(child))
            elif kind == "caption":
                head.append(f"<caption>{self.contents(child).strip()}\n</caption>")
            elif kind == "tr":
                row_cells = [
                    self._cell(c)
                    for c in (child.contents.nodes if child.contents is not None else [])
                    if isinstance(c, Tag) and tag_name(c) in ("td", "th")
                ]
                if row_cells:
                    attrs = self._attrs("tr", child)
                    rows.append(f"<tr{attrs}>\n" + "\n".join(row_cells) + "</tr>")
            elif kind in ("td", "th"):
                if loose_at < 0:
                    loose_at = len(rows)
                    rows.append("")
                loose.append(self._cell(child))
            elif not isinstance(child, Text) or child.value.strip():
                text = self.node(child)
                if text.strip():
                    head.append(text)
        if loose_at >= 0:
            rows[loose_at] = "<tr>\n" + "\n".join(loose) + "</tr>"
        body = f"<tbody>{''.join(rows)}</tbody>" if rows else ""
        return "\n".join([*head, body, "</table>"] if body else [*head, "</table>"])

    def _caption(self, cell: Tag) -> str:
        """`|+ caption`, which the parser reads as a cell holding `+caption` (or with `+` as
        its first attribute when the caption has attributes)."""
        pairs = [
            (str(a.name), str(a.value) if a.value is not None else "") for a in cell.attributes
        ]
        contents = str(cell.contents or "")
        if pairs and pairs[0][0] == "+":
            pairs = pairs[1:]
        else:
            contents = contents.removeprefix("+")
        inner = self.inline(parse_wikitext(contents)).strip()
        return f"<caption{sanitize.attributes('caption', pairs)}>{inner}\n</caption>"

    def _cell(self, cell: Tag) -> str:
        kind = tag_name(cell)
        content = self.contents(cell)
        if not content.endswith("\n"):
            content += "\n"
        return f"<{kind}{self._attrs(kind, cell)}>{content}</{kind}>"


def balanced(fragment: str) -> str:
    """An HTML fragment with its open elements closed as an HTML5 parser closes them."""
    from selectolax.lexbor import LexborHTMLParser

    body = LexborHTMLParser(f"<body>{fragment}</body>").body
    if body is None:
        return fragment
    text = body.html or ""
    return text[len("<body>") : -len("</body>")] if text.startswith("<body>") else text


def toc_html(
    headings: list[tuple[int, str, str]], title: str = "Contents", language: str = "en"
) -> str:
    """MediaWiki's table of contents: nested lists numbered 1, 1.1, 1.1.1 by heading depth."""
    stack: list[int] = []  # heading level of each open TOC level
    counts: list[int] = []
    out: list[str] = []
    for section, (level, anchor, text) in enumerate(headings, 1):
        if not stack or level > stack[-1]:
            if stack:
                out.append("\n<ul>\n")
            stack.append(level)
            counts = [*counts[: len(stack) - 1], 0]
        else:
            out.append("</li>\n")
            while len(stack) > 1 and stack[-1] > level:
                stack.pop()
                counts.pop()
                out.append("</ul>\n</li>\n")
            if stack[-1] < level:  # between two levels: in the deeper one's place
                out.pop()
                out.append("\n<ul>\n")
                stack.append(level)
                counts.append(0)
        counts[-1] += 1
        number = ".".join(str(c) for c in counts)
        out.append(
            f'<li class="toclevel-{len(stack)} tocsection-{section}"><a href="#{anchor}">'
            f'<span class="tocnumber">{number}</span> <span class="toctext">{text}</span></a>'
        )
    out.append("</li>\n")
    out.extend("</ul>\n</li>\n" for _ in range(len(stack) - 1))
    return (
        '<div id="toc" class="toc" role="navigation" aria-labelledby="mw-toc-heading">'
        '<input type="checkbox" role="button" id="toctogglecheckbox" class="toctogglecheckbox" '
        f'style="display:none" /><div class="toctitle" lang="{html.escape(language)}" dir="ltr">'
        f'<h2 id="mw-toc-heading">{html.escape(title or "Contents", quote=False)}</h2>'
        '<span class="toctogglespan">'
        '<label class="toctogglelabel" for="toctogglecheckbox"></label></span></div>\n<ul>\n'
        + "".join(out)
        + "</ul>\n</div>\n"
    )


def _spans_lines(node: Tag) -> bool:
    """Whether a bold or italic run holds a line break in its own text (the parser paired its
    quotes over lines: MediaWiki never does)."""
    contents = node.contents
    return contents is not None and any(
        isinstance(child, Text) and "\n" in child.value for child in contents.nodes
    )


def _strip_end(out: list[str]) -> None:
    """Whitespace at the end of ``out`` removed, as MediaWiki removes it before a category
    link (T2087: a category line leaves no empty paragraph)."""
    while out and not out[-1].strip():
        out.pop()
    if out:
        out[-1] = out[-1].rstrip()


def _ends_line(nodes: list[Node], index: int) -> bool:
    for following in nodes[index + 1 :]:
        if isinstance(following, Comment):
            continue
        if isinstance(following, Text):
            rest = following.value.lstrip(" \t")
            if not rest:
                continue
            return rest.startswith("\n")
        return False
    return True


# thumbnail and frame options, with their names on the larger wikis (de, fr, es/it/pl, nl)
_FRAMED = frozenset(
    {
        "thumb",
        "thumbnail",
        "frame",
        "framed",
        "mini",
        "miniatur",
        "rahmen",
        "vignette",
        "cadre",
        "miniatura",
        "marco",
        "miniatuur",
        "kader",
    }
)


def _image_parts(text: Wikicode) -> list[str]:
    """The ``|``-separated parts of an image link's text, split only at its own pipes (a
    caption's links and templates hold pipes of their own)."""
    parts = [""]
    for node in text.nodes:
        if isinstance(node, Text):
            first, *rest = str(node).split("|")
            parts[-1] += first
            parts.extend(rest)
        else:
            parts[-1] += str(node)
    return parts


def _is_image_option(part: str) -> bool:
    part = part.strip().lower()
    return (
        part in _FRAMED
        or part
        in {
            "frameless",
            "border",
            "left",
            "right",
            "center",
            "none",
            "upright",
            "baseline",
            "middle",
            "top",
            "text-top",
            "bottom",
            "text-bottom",
            "sub",
            "super",
        }
        or bool(
            re.fullmatch(r"\d*x?\d+px|upright=.*|alt=.*|link=.*|page=.*|class=.*|lang=.*", part)
        )
    )
