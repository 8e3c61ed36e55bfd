"""The content column's elements -> wikitext, the way editors write it.

Block elements become blocks separated by blank lines; inline elements become wikitext markup
(links, bold/italic, `<ref>` tags at the citations, `{{Name}}` for red-link templates). What has
no wikitext form is kept as its HTML tag or its text, never dropped silently.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborNode

from ...lexbor import BLOCK_TAGS as LEXBOR_BLOCK_TAGS
from ...lexbor import blocks_of, children
from ...model import Document, Severity
from ...namespaces import CATEGORY, FILE, TEMPLATE, Namespaces
from ...rules import Rules
from ..textdump.escape import escape_inline
from .notes import Note

COMPONENT = "reader:html"
KEPT_TAGS = frozenset(
    {
        "sup",
        "sub",
        "small",
        "big",
        "s",
        "u",
        "del",
        "ins",
        "code",
        "var",
        "kbd",
        "samp",
        "abbr",
        "q",
        "cite",
        "tt",
        "strike",
        "mark",
        "ruby",
        "rt",
        "rp",
        "bdi",
        "dfn",
        "time",
        "data",
    }
)
BLOCK_TAGS = LEXBOR_BLOCK_TAGS | {"figure", "section", "gallery"}
_LOCAL_HREF = re.compile(r"^(?:/index\.php/|/wiki/|[^:]*index\.php\?title=)")
_LOCAL_PATH = re.compile(r"(?:/index\.php/|/wiki/|/index\.php\?title=)")
_MISSING = " (page does not exist)"
_SPACES = re.compile(r"\s+")


class Converter:
    def __init__(
        self, doc: Document, rules: Rules, notes: dict[str, Note], language: str = "en"
    ) -> None:
        self.doc = doc
        self.rules = rules
        self.notes = notes
        # the wiki's namespace names: its content language's and the canonical English ones
        # (`Kategorie:X` on an English wiki is a page of the main namespace)
        self.namespaces = Namespaces(language=language)
        self.reflist_template_seen = False
        self.citation_labels: list[str] = []  # "[3]" marks turned into <ref>s

    # blocks -----------------------------------------------------------------------------
    def blocks(self, node: LexborNode) -> list[str]:
        return blocks_of(node, BLOCK_TAGS.__contains__, self.block, self._inline_child)

    def _inline_child(self, node: LexborNode) -> str:
        if node.tag == "-text":
            return self.text(node)
        if node.tag == "-comment":
            return ""
        return self.inline_node(node)

    def block(self, node: LexborNode) -> list[str]:
        tag = node.tag
        classes = set((node.attributes.get("class") or "").split())
        if tag == "p":
            text = self.inline(node).strip()
            return [text] if text else []
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            headline = node.css_first(".mw-headline") or node
            marks = "=" * int(tag[1])
            return [f"{marks}{self.inline(headline).strip()}{marks}"]
        if tag in ("ul", "ol", "dl"):
            if "gallery" in classes:
                return [self.gallery(node)]
            if "references" in classes:
                return self.reference_list(node)
            return ["\n".join(self.list_lines(node, ""))]
        if tag == "table" and "infobox" in classes:
            return [self.infobox(node)]
        if tag == "table" and {"navbox", "vertical-navbox", "sidebar"} & classes:
            return [self.navbox(node)]
        if tag == "table":
            return [self.table(node)]
        if tag == "pre":
            text = (node.text(deep=True) or "").replace("&", "&amp;").replace("<", "&lt;")
            return [f"<pre>{text}</pre>"]
        if tag == "blockquote":
            return ["<blockquote>" + "\n\n".join(self.blocks(node)) + "</blockquote>"]
        if tag == "hr":
            return ["----"]
        if tag in ("div", "figure") and ({"thumb", "thumbinner"} & classes or tag == "figure"):
            return [self.thumbnail(node)]
        if tag == "div" and {"hatnote", "dablink", "rellink"} & classes:
            return [_SPACES.sub(" ", node.text(deep=True) or "").strip()]
        if tag == "div" and "mw-references-wrap" in classes:
            return self.blocks(node)
        return self.blocks(node)

    def list_lines(self, node: LexborNode, prefix: str) -> list[str]:
        lines: list[str] = []
        for item in _list_items(node):
            marker = {"ul": "*", "ol": "#"}.get(node.tag, ";" if item.tag == "dt" else ":")
            here = prefix + marker
            inline_parts: list[str] = []
            nested: list[str] = []
            for child in children(item):
                if child.tag in ("ul", "ol", "dl"):
                    nested.extend(self.list_lines(child, here))
                elif child.tag == "-text":
                    inline_parts.append(self.text(child))
                elif child.tag in ("p", "div"):
                    inline_parts.append(self.inline(child))
                else:
                    inline_parts.append(self.inline_node(child))
            text = "".join(inline_parts).strip()
            if text or not nested:
                lines.append(f"{here} {text}".rstrip())
            lines.extend(nested)
        return lines

    def table(self, node: LexborNode) -> str:
        attributes = _attributes(node, ("class", "style"))
        lines = ["{|" + (" " + attributes if attributes else "")]
        caption = node.css_first("caption")
        if (
            caption is not None
            and caption.parent is not None
            and caption.parent.mem_id == node.mem_id
        ):
            lines.append("|+ " + self.inline(caption).strip())
        first = True
        for row in node.css("tr"):
            if _owner_table(row) != node.mem_id:
                continue
            if not first:
                lines.append("|-")
            first = False
            for cell in children(row):
                if cell.tag not in ("td", "th"):
                    continue
                mark = "!" if cell.tag == "th" else "|"
                attrs = _attributes(cell, ("colspan", "rowspan", "style", "class"))
                has_blocks = any(c.tag in BLOCK_TAGS for c in children(cell))
                content = "\n".join(self.blocks(cell)) if has_blocks else self.inline(cell).strip()
                if has_blocks:
                    content = "\n" + content
                elif not attrs and (looks := _ATTRIBUTES_AS_TEXT.match(content)):
                    # the source's cell attributes, shown as text by a broken page: as written
                    # again they are attributes once more
                    self.doc.report(
                        "cell-attributes-as-text",
                        "a cell's text that is its own attributes (the source page was broken "
                        "there) is written back as attributes",
                        COMPONENT,
                        Severity.GUESS,
                        content,
                        dropped=looks.group(1),
                    )
                lines.append(f"{mark} {attrs} | {content}" if attrs else f"{mark} {content}")
        lines.append("|}")
        return "\n".join(lines)

    def infobox(self, node: LexborNode) -> str:
        """An infobox: a template call with the parameters its rows show (label = value)."""
        rows = []
        for row in node.css("tr"):
            if _owner_table(row) != node.mem_id:
                continue
            label, value = row.css_first("th"), row.css_first("td")
            if label is not None and value is not None:
                key = _SPACES.sub(" ", label.text(deep=True) or "").strip().lower()
                key = re.sub(r"[^\w ]", "", key).strip().replace(" ", "_")
                if key:
                    rows.append(f"| {key} = {self.inline(value).strip()}")
        caption = node.css_first("caption") or node.css_first("th.infobox-above")
        title = _SPACES.sub(" ", caption.text(deep=True) or "").strip() if caption else ""
        lines = ["{{Infobox", *([f"| name = {escape_inline(title)}"] if title else []), *rows, "}}"]
        self.doc.report(
            "infobox-rebuilt",
            f"infobox rebuilt as a template call with the {len(rows)} parameter(s) its rows show "
            "(the template's real name and parameter names are guesses)",
            COMPONENT,
            Severity.GUESS,
            title,
        )
        return "\n".join(lines)

    def navbox(self, node: LexborNode) -> str:
        """A navigation box: its title kept as a template call; its links are the template's."""
        title_node = node.css_first(".navbox-title") or node.css_first("th")
        title = _SPACES.sub(" ", title_node.text(deep=True) or "").strip() if title_node else ""
        self.doc.report(
            "navbox-dropped",
            "navigation box replaced by a template call with its title (its links belong to the "
            "template, not the page)",
            COMPONENT,
            Severity.WARNING,
            node.text(deep=True)[:160] if node.text(deep=True) else title,
        )
        return "{{Navbox" + (f"|title={escape_inline(title)}" if title else "") + "}}"

    def thumbnail(self, node: LexborNode) -> str:
        link = next((a for a in node.css("a") if self.file_title(a)), None)
        name = self.file_title(link) if link is not None else ""
        caption_node = node.css_first(".thumbcaption") or node.css_first("figcaption")
        caption = self.inline(caption_node).strip() if caption_node is not None else ""
        if not name:
            return "\n\n".join(self.blocks(node))
        shown = " ".join((link.text() if link is not None else "").split())
        if shown:  # a mirror without the file shows its name: the image link takes its place
            self.doc.report(
                "file-name-as-image",
                f"the file name shown in place of a missing image became the image {name!r}",
                COMPONENT,
                dropped=shown,
            )
        classes = node.attributes.get("class") or ""
        options = ["thumb"] + (["left"] if "tleft" in classes else [])
        return "[[" + "|".join([name, *options, *([caption] if caption else [])]) + "]]"

    def gallery(self, node: LexborNode) -> str:
        rows = []
        for box in node.css("li.gallerybox"):
            link = next((a for a in box.css("a") if self.file_title(a)), None)
            thumb = box.css_first(".thumb")
            if link is not None:
                title = self.file_title(link)
            elif thumb is not None and (name := " ".join(thumb.text().split())):
                title = f"File:{name}"  # a mirror without the file shows only its name
            else:
                continue
            text = box.css_first(".gallerytext")
            caption = self.inline(text).strip() if text is not None else ""
            rows.append(title + (f"|{caption}" if caption else ""))
        return "<gallery>\n" + "\n".join(rows) + "\n</gallery>"

    def reference_list(self, node: LexborNode) -> list[str]:
        notes = [n for n in self.notes.values() if n.reference_list.mem_id == node.mem_id]
        group = next((n.group for n in notes if n.group), "")
        self.doc.report(
            "reference-list-rebuilt",
            f"reference list of {len(notes)} entries rebuilt into <ref> tags (their numbers, "
            "citation marks and backlinks are MediaWiki's to draw again)",
            COMPONENT,
            dropped=" ".join(
                [*self.citation_labels, *(f"{n.backlink_text} {n.error_text}" for n in notes)]
            ),
        )
        unused = [n for n in notes if n.uses == 0]
        defined = [self.definition(n, force_name=True) for n in unused]
        for note in unused:
            self.doc.report(
                "ref-list-defined",
                f"reference {note.anchor} has no citation left: kept as a list-defined reference",
                COMPONENT,
                Severity.GUESS,
            )
        if self.reflist_template_seen and not group:
            if defined:
                self.doc.report(
                    "ref-list-defined-lost-place",
                    f"{len(defined)} list-defined reference(s) placed in <references> after "
                    "{{Reflist}}",
                    COMPONENT,
                    Severity.WARNING,
                )
                return ["<references>\n" + "\n".join(defined) + "\n</references>"]
            return []
        attribute = f' group="{group}"' if group else ""
        if defined:
            return [f"<references{attribute}>\n" + "\n".join(defined) + "\n</references>"]
        return [f"<references{attribute} />"]

    # inline -----------------------------------------------------------------------------
    def inline(self, node: LexborNode) -> str:
        parts = []
        for child in children(node):
            if child.tag == "-text":
                parts.append(self.text(child))
            elif child.tag in ("p", "div") or child.tag in ("ul", "ol", "dl"):
                parts.append(" ".join(self.blocks(child)))
            else:
                parts.append(self.inline_node(child))
        return "".join(parts)

    def text(self, node: LexborNode) -> str:
        return escape_inline(_SPACES.sub(" ", node.text_content or ""))

    def inline_node(self, node: LexborNode) -> str:
        tag = node.tag
        classes = set((node.attributes.get("class") or "").split())
        if tag == "-text":
            return self.text(node)
        if tag == "-comment":
            return ""
        if tag == "a":
            return self.link(node, classes)
        if tag in ("b", "strong", "i", "em"):
            inner = self.inline(node)
            if not inner.strip():
                # an empty bold or italic (a quote left open before a line's end renders so):
                # its quotes would run into the next ones and open a style that never closes
                return inner
            quotes = "'''" if tag in ("b", "strong") else "''"
            return f"{quotes}{inner}{quotes}"
        if tag == "br":
            return "<br />"
        if tag == "sup" and "reference" in classes:
            return self.citation(node)
        if tag == "img":
            return ""
        if tag in KEPT_TAGS:
            return f"<{tag}>{self.inline(node)}</{tag}>"
        if tag in BLOCK_TAGS:
            return " ".join(self.blocks(node))
        return self.inline(node)

    def link(self, node: LexborNode, classes: set[str]) -> str:
        href = node.attributes.get("href") or ""
        text = self.inline(node)
        plain = _SPACES.sub(" ", node.text(deep=True) or "").strip()
        title = node.attributes.get("title") or ""
        if title and "external" not in classes and _LOCAL_PATH.search(href):
            href = href[_LOCAL_PATH.search(href).start() :]  # a wiki's own page, absolute URL
        if "external" in classes or href.startswith(("http:", "https:", "//", "ftp:", "mailto:")):
            url = href
            if "free" in classes or plain == url:
                return url
            if "autonumber" in classes:
                return f"[{url}]"
            return f"[{url} {text}]"
        if href.startswith("#") and not title:
            return f"[[{unquote(href).replace('_', ' ')}|{text}]]" if text else ""
        if not title or not (_LOCAL_HREF.match(href) or "extiw" in classes or "new" in classes):
            return text
        target = title[: -len(_MISSING)] if title.endswith(_MISSING) else title
        fragment = urlsplit(href).fragment
        if fragment and "#" not in target:
            target += "#" + unquote(fragment).replace("_", " ")
        namespace, _ = self.namespaces.split(target, any_language=False)
        if target.split(":", 1)[0] in self.rules.template_namespaces:
            namespace = TEMPLATE  # a name a rules file adds
        if namespace == TEMPLATE and plain == target:
            name = target.split(":", 1)[1]
            if name.casefold() in self.rules.reflist_templates:
                self.reflist_template_seen = True
            self.doc.report(
                "template-restored",
                f"missing template shown as {target!r} turned into {{{{{name}}}}} "
                "(its parameters are lost)",
                COMPONENT,
                Severity.GUESS,
                target,
            )
            return "{{" + name + "}}"
        if namespace == CATEGORY:
            return f"[[:{target}|{text}]]"
        if "|" in plain and self.namespaces.split(target)[0] == FILE:
            # a mirror without the file shows the link's own options and caption as its text
            # (any language's file namespace: a page imported from another wiki renders so)
            self.doc.report(
                "file-name-as-image",
                f"the text {plain[:60]!r} of a link to the missing file {target!r} read as its "
                "options and caption",
                COMPONENT,
                dropped=plain,
            )
        return _wikilink(target, text, plain)

    def file_title(self, link: LexborNode | None) -> str:
        """The file a link shows (`File:X.jpg`, `Datei:X.jpg` on a German wiki), or ""."""
        if link is None:
            return ""
        title = link.attributes.get("title") or ""
        title = title[: -len(_MISSING)] if title.endswith(_MISSING) else title
        if self.namespaces.split(title, any_language=False)[0] == FILE:
            return title
        href = unquote(link.attributes.get("href") or "")
        match = re.search(r"(?:^|/|title=)([^/&?#:=]{1,40}:[^&?#]+)", href)
        if match and self.namespaces.split(match.group(1), any_language=False)[0] == FILE:
            return match.group(1).replace("_", " ")
        return ""

    def citation(self, node: LexborNode) -> str:
        link = node.css_first("a")
        href = (link.attributes.get("href") or "") if link is not None else ""
        note = self.notes.get(unquote(href.lstrip("#")))
        if note is None:
            return f"<sup>{self.inline(node)}</sup>"
        label = _SPACES.sub(" ", node.text(deep=True) or "").strip("[] ")
        self.citation_labels.append(label)
        group = label.rsplit(" ", 1)[0] if " " in label else ""
        note.group = group
        note.uses += 1
        if note.defined:
            return f'<ref name="{_ref_name(note)}"{_group(group)} />'
        return self.definition(note, force_name=note.backlinks > 1)

    def note_text(self, body: LexborNode) -> str:
        """A reference's text: inline, or where it holds a list or paragraphs, its blocks on
        their own lines (a list in a reference starts a line, as its wikitext did)."""
        if not any(child.tag in _NOTE_BLOCKS for child in children(body)):
            return self.inline(body).strip()
        out = ""
        for block in self.blocks(body):
            if out:
                out += "\n" if block[:1] in "*#:;" else "\n\n"
            out += block
        return out.strip()

    def definition(self, note: Note, force_name: bool) -> str:
        note.defined = True
        body = self.note_text(note.body) if note.body is not None else ""
        named = note.name or force_name
        name = f' name="{_ref_name(note)}"' if named else ""
        return f"<ref{name}{_group(note.group)}>{body}</ref>"


def _group(group: str) -> str:
    return f' group="{group}"' if group else ""


def _ref_name(note: Note) -> str:
    return (note.name or note.anchor.removeprefix("cite_note-")).replace('"', "")


def _attributes(node: LexborNode, names: tuple[str, ...]) -> str:
    parts = []
    for name in names:
        value = node.attributes.get(name)
        if value:
            parts.append(f'{name}="{value}"')
    return " ".join(parts)


def _owner_table(row: LexborNode) -> int | None:
    parent = row.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent.mem_id if parent is not None else None


# A cell whose text starts with attributes and a single pipe: `style="text-align:center"|Level`.
_ATTRIBUTES_AS_TEXT = re.compile(r'\A((?:[a-z-]+\s*=\s*"[^"\n]*"\s*)+)\|(?!\|)')


_NOTE_BLOCKS = frozenset({"ul", "ol", "dl", "p"})


def _list_items(node: LexborNode) -> list[LexborNode]:
    """The items of a list, also those a stray wrapper holds (`<ul><small><li>`: misnested
    markup a browser shows as a list all the same); text outside any item is one more item."""
    items: list[LexborNode] = []
    for child in children(node):
        tag = child.tag or "-"  # Lexbor gives some nodes (a doctype...) no tag
        if tag in ("li", "dt", "dd"):
            items.append(child)
        elif tag.startswith("-"):
            continue
        elif child.css_first("li, dt, dd") is not None:
            items.extend(_list_items(child))
        elif (child.text(deep=True) or "").strip():
            items.append(child)
    return items


def _wikilink(target: str, text: str, plain: str) -> str:
    if plain == target:
        return f"[[{target}]]"
    if plain[:1].lower() + plain[1:] == target[:1].lower() + target[1:]:
        return f"[[{plain}]]"  # MediaWiki capitalised the first letter of the title
    folded = target[:1].lower() + target[1:]
    for candidate in (target, folded):
        if plain.startswith(candidate) and re.fullmatch(r"[a-z]+", plain[len(candidate) :]):
            return f"[[{plain[: len(candidate)]}]]{plain[len(candidate) :]}"  # link trail
    return f"[[{target}|{text}]]"
