"""Plain-text dumps of rendered pages (crawls, `w3m -dump`, copy-paste from a browser).

Steps, each in its own module under `textdump/`: chrome (skin removed, title, categories and
TOC levels kept), blocks (lines -> headings, paragraphs, list items, files, tables), headings
(levels), citations (markers + reference list -> <ref>), emit (wikitext). Templates shown as
red-link text and hatnotes are turned back into transclusions by the `templates` pass, which
works the same for every input kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from ..interface import Detected, detect
from ..model import Document, Severity, SourceInfo
from ..options import Options
from ..parsing import parse_wikitext
from ..registry import register_reader
from ..rules import Rules
from ..titles import title_from_path
from .textdump import citations
from .textdump.blocks import parse_blocks
from .textdump.categories import take_inline_categories
from .textdump.chrome import strip_chrome
from .textdump.edit_links import move_edit_links
from .textdump.emit import emit
from .textdump.escape import escape_inline
from .textdump.headings import assign_levels
from .textdump.lines import split_lines
from .textdump.vocabulary import Block
from .tracking import own_categories

COMPONENT = "reader:text"
_SIGNALS = re.compile(
    r"\[edit\]\s*$|^Jump to|^From \w|^\s*\d+\. [↑^] |\w\[\d{1,3}\]|^Retrieved from"
    r"|(?<![\[{:|/])Template:\w",  # (not `[[Template:X]]`: a wikitext link)
    re.MULTILINE,
)
SURE_SIGNAL_COUNT = 5  # dump signals in the first 20,000 characters that settle the question


def sniff_text_dump(text: str) -> float:
    hits = len(_SIGNALS.findall(text[:20_000]))
    if hits < SURE_SIGNAL_COUNT:
        # the skin's words in another interface language: each kind seen counts twice
        found = detect(text[:20_000].splitlines())
        if found.code != "en" and len(found.evidence) >= 2:  # one alone may be a sentence
            hits += 2 * len(found.evidence)
    return 0.05 + 0.9 * min(1.0, hits / SURE_SIGNAL_COUNT)


# A citation mark as a text dump shows it ("[3]", "[note 1]"): turned into <ref>s, its number
# is MediaWiki's to draw again.
_MARKER = re.compile(r"\[(?:[a-z-]{1,12} )?[\w.]{1,6}\]")


@lru_cache(maxsize=2)
def _detected(text: str) -> Detected:
    """The interface language of a dump (kept for the page: the process that forks the page's
    child finds it first, and the child has it from there)."""
    return detect([line.text for line in split_lines(text)])


def warm_interface(text: str, options: Options) -> None:
    """Build, before a child process is forked for the page, the rules of the interface
    language the page is in (each child would otherwise build them again: ~60 ms). Saved
    pages and dumps (markup from their first character) are no text dumps: nothing to do."""
    if options.language or len(text) < 200 or text.lstrip()[:1] == "<":
        return
    found = _detected(text)
    if found.candidates != ("en",):
        options.rules.with_interface(found.code, *found.candidates[1:]).warm()


def _interface_rules(text: str, options: Options, doc: Document):
    """The rules with the skin words of the page's interface language: ``options.language``
    when given, else detected from the page (reported either way when not English)."""
    code, others = options.language, ()
    how = "as given (--lang)"
    if not code:
        found = _detected(text)
        code, others = found.code, found.candidates[1:]
        how = "detected from " + "; ".join(found.evidence)
        if others:
            how += f" (the words of {', '.join(others)} are the same: taken away too)"
    if code == "en" and not others:  # the built-in rules are English's
        return options.rules
    doc.metadata["interface_languages"] = (code, *others)  # for the passes after the reader
    if code != "en":  # English, the default, needs no word in the report
        doc.report(
            "interface-language", f"interface language {code}, {how}", COMPONENT, Severity.INFO
        )
    return options.rules.with_interface(code, *others)


@register_reader("text", sniff=sniff_text_dump)
def read_text_dump(text: str, source: SourceInfo, options: Options) -> Iterator[Document]:
    """Plain-text dump of a rendered page: chrome, headings, lists, tables, citations rebuilt."""
    doc = Document.from_wikitext("", source)
    lines = split_lines(text)
    rules = _interface_rules(text, options, doc)
    stripped = strip_chrome(move_edit_links(lines, rules), rules)
    doc.title = options.title or stripped.title or title_from_path(source.path)
    for removed in stripped.removed:
        span = f"{removed.count} lines: " if removed.count > 1 else ""
        doc.report(
            "chrome-removed",
            f"removed {removed.what}",
            COMPONENT,
            Severity.INFO,
            span + removed.first.text + (" … " + removed.last.text if removed.count > 1 else ""),
            removed.first.number,
            dropped=removed.text or removed.first.text,
        )
    blocks = parse_blocks(stripped.lines, rules, stripped.toc_levels)
    edit_links = [
        found.group(0)
        for block in blocks
        if block.kind == "heading" and (found := rules.edit_link.search(block.lines[0].text))
    ]
    numbers = [
        str(block.number)
        for block in blocks
        if block.kind == "item" and block.marker == "#" and block.number is not None
    ]
    if numbers:
        doc.report(
            "list-numbers",
            f"{len(numbers)} numbered list item(s) written with # (MediaWiki numbers them)",
            COMPONENT,
            Severity.INFO,
            dropped=" ".join(numbers),
        )
    if edit_links:
        doc.report(
            "chrome-removed",
            f"removed the section edit links after {len(edit_links)} headings",
            COMPONENT,
            Severity.INFO,
            edit_links[0],
            dropped=" ".join(edit_links),
        )
    blocks, inline_categories = take_inline_categories(blocks, rules)
    for link in inline_categories:
        doc.report(
            "category-from-text",
            f"category link [[{link}]] from its text",
            COMPONENT,
            Severity.GUESS,
            link,
        )
    footer = own_categories(stripped.categories, rules, doc, COMPONENT)
    categories = [f"Category:{name}" for name in footer]
    categories += [c for c in inline_categories if c not in categories]
    assign_levels(blocks, stripped.toc_levels, doc)
    blocks, citer = _rebuild_citations(blocks, doc, rules)
    _report_layout(blocks, doc)
    doc.wikicode = parse_wikitext(emit(blocks, citer, categories))
    for name in footer:
        doc.report("category-restored", f"category {name!r} from the footer", COMPONENT)
    yield doc


def _drop_error_entries(chosen: dict[str, citations.RefList], rules: Rules, doc: Document) -> None:
    """An entry that shows Cite's error in place of a text (a reference cited but never
    defined) defines nothing: MediaWiki wrote the message."""
    for reflist in chosen.values():
        for entry in reflist.entries.values():
            if entry.text and rules.is_chrome(entry.text, rules.error_lines):
                doc.report(
                    "cite-error-dropped",
                    f"reference {entry.number} shows a Cite error, not a text: left empty",
                    COMPONENT,
                    Severity.INFO,
                    entry.text,
                    dropped=entry.text,
                )
                entry.text = ""


def _rebuild_citations(
    blocks: list[Block], doc: Document, rules: Rules
) -> tuple[list[Block], citations.Citer]:
    lists = citations.find_reference_lists(blocks)
    in_lists = _block_ids(r for r in lists if r.has_arrows)
    groups = citations.marker_groups([b for b in blocks if id(b) not in in_lists])
    chosen = citations.assign_groups(lists, groups) if groups or lists else {}
    chosen = {g: r for g, r in chosen.items() if r.has_arrows or groups.get(g)}
    marks = [
        m
        for b in blocks
        if id(b) not in in_lists
        for line in b.lines
        for m in _MARKER.findall(line.text)
    ]
    in_chosen = _block_ids(chosen.values())
    first_blocks = {id(r.blocks[0]): r for r in chosen.values()}
    content = [b for b in blocks if id(b) not in in_chosen]
    flags = citations.classify_markers(content, chosen, doc) if chosen else {}
    citations.count_uses(content, chosen, flags, doc)
    citations.name_entries(chosen, doc)
    _drop_error_entries(chosen, rules, doc)
    citer = citations.Citer(chosen, escape_inline, {k: list(v) for k, v in flags.items()})
    reflist_block = citations.reflist_template_block(content, rules)
    result: list[Block] = []
    for block in blocks:
        owner = first_blocks.get(id(block))
        if owner is not None:
            if not (owner.group == "" and reflist_block is not None):
                result.append(_references_block(owner, citer, block))
            doc.report(
                "reference-list-rebuilt",
                f"reference list of {len(owner.entries)} entries rebuilt into <ref> tags"
                + (f" (group {owner.group!r})" if owner.group else ""),
                COMPONENT,
                Severity.INFO,
                block.text,
                block.first_line,
                dropped="\n".join(
                    [
                        *(b.text for b in owner.blocks),
                        " ".join(map(str, owner.entries)),  # the list's own numbers
                        " ".join(marks),
                    ]
                ),
            )
            continue
        if id(block) in in_chosen:
            continue
        if block is reflist_block:
            doc.report(
                "reflist-restored",
                "the reference list's template shown as text became {{Reflist}}",
                COMPONENT,
                Severity.INFO,
                block.text,
                block.first_line,
                dropped=block.text,
            )
            defined = citer.list_defined("")
            text = (
                "{{Reflist}}" if not defined else "{{Reflist|refs=\n" + "\n".join(defined) + "\n}}"
            )
            result.append(Block("wikitext", text, block.lines))
            continue
        result.append(block)
    if groups and not chosen:
        doc.report(
            "citations-without-list",
            "citation markers found but no reference list: markers kept as text",
            COMPONENT,
            Severity.WARNING,
        )
    return result, citer


def _block_ids(lists: Iterable[citations.RefList]) -> set[int]:
    """Identities of the blocks of reference lists (blocks compare by value: use `is`)."""
    return {id(block) for reflist in lists for block in reflist.blocks}


def _references_block(reflist: citations.RefList, citer: citations.Citer, first: Block) -> Block:
    group = f' group="{reflist.group}"' if reflist.group else ""
    defined = citer.list_defined(reflist.group or "")
    if defined:
        text = f"<references{group}>\n" + "\n".join(defined) + "\n</references>"
    else:
        text = f"<references{group} />"
    return Block("wikitext", text, first.lines)


# What each rebuilt layout block is reported as: (code, severity, message from the block).
LAYOUT_REPORTS = {
    "table": (
        "table-rebuilt",
        Severity.GUESS,
        lambda b: (
            f"table of {len(b.rows)} rows and {len(b.rows[0])} columns rebuilt from its column "
            "layout (first row taken as the header)"
        ),
    ),
    "gallery": (
        "gallery-rebuilt",
        Severity.GUESS,
        lambda b: f"gallery of {len(b.rows)} files rebuilt from its bullets and captions",
    ),
    "verbatim": (
        "table-kept-verbatim",
        Severity.WARNING,
        lambda b: "lines laid out in columns whose columns are unclear: kept verbatim in <pre>",
    ),
    "file": (
        "file-link",
        Severity.GUESS,
        lambda b: (
            "file name line turned into a file link" + (" with its caption" if b.caption else "")
        ),
    ),
}


def _report_layout(blocks: list[Block], doc: Document) -> None:
    for block in blocks:
        if block.kind in LAYOUT_REPORTS:
            code, severity, message = LAYOUT_REPORTS[block.kind]
            doc.report(
                code,
                message(block),
                COMPONENT,
                severity,
                block.lines[0].text,
                block.first_line,
                dropped="\n".join(line.text for line in block.lines),
            )
