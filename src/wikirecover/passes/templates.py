"""Templates that a rendering lost, turned back into transclusions.

- `Template:Name` red-link text (MediaWiki's rendering of a missing template) -> `{{Name}}`;
- hatnote lines (`Main article: Hamas`) -> `{{Main|Hamas}}`, from the rules' phrasings;
- recurring boxes a wiki prints from a template (rules' `boxes`) -> that template.

Only plain text is touched (not links, comments, nowiki or pre), so a clean page is unchanged,
and what was converted is no longer text: running the pass twice changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from mwparserfromhell.nodes import Heading, Tag, Template, Text, Wikilink
from mwparserfromhell.wikicode import Wikicode

from ..model import Document, Severity
from ..options import Options
from ..parsing import ends_line, parse_wikitext, starts_line, tag_name
from ..registry import register_pass
from ..rules import Rules, TemplateRule
from ..tags import NO_TEMPLATE_TEXT_TAGS
from .scope import undoes_rendering

COMPONENT = "pass:templates"
VERBATIM_TAGS = NO_TEMPLATE_TEXT_TAGS  # (see `tags`)
# A red-link template name ends at markup, punctuation that cannot be in it, a column gap or
# the next red link.
_NAME_END = re.compile(r"[\[\]{}|<>\n;,()\"“”]| {2,}|$")
# Longest template name we accept from red-link text (Wikipedia's longest in use are ~60).
MAX_NAME_LENGTH = 80
# Words in a red-link name not found in the known list before we take it for running text
# (the longest names in our corpus, such as "Infobox Grand Prix motorcycle race report", have 6).
MAX_NAME_WORDS = 6
_MARKUP_IN_NAME = re.compile(r"[\[\]{}|<>()\"“”]|\s{2,}|[.;!?]\s")
_GLUED = re.compile(r"[a-z][A-Z][a-z]")


@cache
def _list_split(conjunction: str) -> re.Pattern[str]:
    """Where a hatnote's list splits: commas, and the word before its last item."""
    word = re.escape(conjunction)
    return re.compile(rf"\s*[,、，]\s*(?:{word}\s+)?|\s+{word}\s+")


@register_pass("templates", after=("headings",))
def repair_templates(doc: Document, options: Options) -> None:
    """Red-link `Template:Name` text, hatnote lines and known boxes back to transclusions."""
    rules = options.rules.for_languages(doc.metadata.get("interface_languages", ()))
    found = doc.nodes_by_kind(Template, Wikilink)
    if not undoes_rendering(doc, options):
        _broken_pipes(doc, found[Template], rendered=False)
        return  # `Template:X` text and links are valid wikitext, shown as written
    red_link = rules.template_red_link
    edits = []
    # one walk of the tree: the edits below only replace text nodes by template calls, which
    # hold no links and no citation to mend
    spellings = _page_spellings(found[Template])
    for holder, index, node in _text_nodes(doc.wikicode):
        value = node.value
        top_level = holder is doc.wikicode
        if not (top_level and value.strip()) and ":" not in value:
            continue  # no red link, and no line that could be a hatnote or a box
        lines_whole = (
            (
                index == 0 or ends_line(holder.nodes[index - 1]),
                index == len(holder.nodes) - 1 or starts_line(holder.nodes[index + 1]),
            )
            if top_level
            else (False, False)
        )
        new = _convert_text(value, red_link, rules, doc, top_level, lines_whole, spellings)
        if new is not None:
            edits.append((holder, index, new))
    for holder, index, new in reversed(edits):  # later edits first: indexes stay valid
        holder.nodes[index : index + 1] = parse_wikitext(new).nodes
    _template_links(doc, rules, found[Wikilink])
    _broken_pipes(doc, found[Template], rendered=True)


_GLUED_PARAMETER = re.compile(r"^(?P<name>\S.*?)\s+(?P<param>[a-z][\w-]*\s*=.*)$", re.DOTALL)
_CITATION = re.compile(r"\s*(?:cite[ _]|citation\b)", re.IGNORECASE)


def _broken_pipes(doc: Document, templates: list[Template], rendered: bool) -> None:
    """A parameter glued to the template's name (`{{cite web url=...|title=...}}`: the pipe
    was lost, MediaWiki shows the call as a red link) split off; in a page rebuilt from a
    rendering, empty unnamed parameters of citation templates (`||`) removed (they render as
    intended: in exact wikitext they stay)."""
    for template in templates:
        name = str(template.name)
        if "=" in name and "\n" not in name.strip():
            match = _GLUED_PARAMETER.match(name.strip())
            if match:
                before = str(template)
                key, _, value = match.group("param").partition("=")
                template.name = match.group("name") + (" " if name.endswith(" ") else "")
                template.add(
                    key.strip(),
                    value,
                    before=template.params[0] if template.params else None,
                    preserve_spacing=False,
                )
                doc.report(
                    "template-pipe-restored",
                    f"parameter glued to the template's name split off: {str(template)[:80]!r}",
                    COMPONENT,
                    Severity.GUESS,
                    before,
                )
        if rendered and _CITATION.match(name):
            for param in list(template.params):
                if not param.showkey and not str(param.value).strip():
                    before = str(template)
                    template.remove(param, keep_field=False)
                    doc.report(
                        "template-empty-parameter-removed",
                        "empty parameter (a doubled |) removed from a citation",
                        COMPONENT,
                        Severity.INFO,
                        before,
                    )


def _template_links(doc: Document, rules: Rules, links: list[Wikilink]) -> None:
    """`[[Template:Name]]` with no label, where a transclusion was meant, -> `{{Name}}`. A link
    with a label is a real link to the template's page and stays."""
    prefixes = tuple(f"{ns.casefold()}:" for ns in rules.template_namespaces)
    for link in links:
        title = str(link.title).strip()
        if link.text is not None or not title.casefold().startswith(prefixes):
            continue
        name = title.split(":", 1)[1].strip()
        if not name or "#" in name:
            continue
        call = "{{" + name + "}}"
        doc.report(
            "template-link-to-transclusion",
            f"{link!s} turned into {call}: a link to a template page where its transclusion "
            "was meant",
            COMPONENT,
            Severity.GUESS,
            str(link),
        )
        doc.wikicode.replace(link, call)


def _text_nodes(code: Wikicode) -> list[tuple[Wikicode, int, Text]]:
    """(holder, index, node) for every Text node outside verbatim tags, in page order,
    including those in template parameter values (a `refs=` list, a quotation)."""
    found: list[tuple[Wikicode, int, Text]] = []
    _gather_text_nodes(code, found.append)
    return found


def _gather_text_nodes(code: Wikicode, append: Callable) -> None:
    for index, node in enumerate(code.nodes):
        if isinstance(node, Text):
            append((code, index, node))
        elif isinstance(node, Template):
            for param in node.params:
                _gather_text_nodes(param.value, append)
        elif isinstance(node, Heading):
            _gather_text_nodes(node.title, append)
        elif (
            isinstance(node, Tag)
            and node.contents is not None
            and tag_name(node) not in VERBATIM_TAGS
        ):
            _gather_text_nodes(node.contents, append)


def _convert_text(
    text: str,
    red_link: re.Pattern[str],
    rules: Rules,
    doc: Document,
    top_level: bool,
    ends_whole: tuple[bool, bool],
    spellings: dict[str, str],
) -> str | None:
    """The text with its red links, hatnote and box lines converted, or None if unchanged.
    Hatnotes and boxes are recognised only on whole lines of the page's top level."""
    changed = False
    lines = text.split("\n")
    last = len(lines) - 1
    for k, line in enumerate(lines):
        whole = top_level and (k > 0 or ends_whole[0]) and (k < last or ends_whole[1])
        converted = _line_template(line.strip(), rules, doc) if whole else None
        if converted is not None:
            lines[k] = converted
            changed = True
            continue
        if ":" not in line:  # every red link holds one (its namespace's colon)
            continue
        new = _red_links(line, red_link, doc, rules, spellings)
        if new != line:
            lines[k] = new
            changed = True
    return "\n".join(lines) if changed else None


def _line_template(line: str, rules: Rules, doc: Document) -> str | None:
    """A whole line that is a hatnote or a known box, as a template call."""
    if not line:
        return None
    for kind, table in (("hatnote", rules.hatnotes), ("box", rules.boxes)):
        for rule in table:
            match = rule.pattern.fullmatch(line)
            if match:
                call = _call(rule, match)
                doc.report(
                    f"{kind}-restored",
                    f"{kind} text turned into {call}",
                    COMPONENT,
                    Severity.GUESS,
                    line,
                    dropped=line,  # the template's wording is the wiki's, not the page's
                )
                return call
    return None


def _call(rule: TemplateRule, match: re.Match[str]) -> str:
    params: list[str] = []
    groups = match.groupdict()
    if groups.get("list"):
        items = _list_split(rule.conjunction).split(groups["list"].strip())
        params.extend(p.strip() for p in items if p.strip())
    numbered = sorted((k for k in groups if re.fullmatch(r"p\d+", k)), key=lambda k: int(k[1:]))
    params.extend(groups[k].strip() for k in numbered if groups[k])
    rendered = [f"{i}={p}" if "=" in p else p for i, p in enumerate(params, 1)]
    return "{{" + "|".join([rule.template, *[p.replace("|", "{{!}}") for p in rendered]]) + "}}"


def _red_links(
    line: str, red_link: re.Pattern[str], doc: Document, rules: Rules, spellings: dict[str, str]
) -> str:
    out: list[str] = []
    position = 0
    for match in red_link.finditer(line):
        if match.start() < position:
            continue
        name, end = _template_name(line, match.end(), red_link, rules)
        if not name[:1].isalnum():
            continue  # no name, or one starting with punctuation (`Template:;`): no red link
        out.append(line[position : match.start()])
        name = spellings.get(_first_letter_folded(name), name)
        out.append("{{" + name + "}}")
        position = end
        doc.report(
            "template-restored",
            f"red-link text {line[match.start() : end].strip()!r} turned into {{{{{name}}}}}"
            " (its parameters are lost)",
            COMPONENT,
            Severity.GUESS,
            line[match.start() : end],
        )
    out.append(line[position:])
    return "".join(out)


def _page_spellings(templates: list[Template]) -> dict[str, str]:
    """How the page itself spells its template names, keyed without the first letter's case:
    MediaWiki capitalises a red link's first letter, the page's own calls say how to write it."""
    spellings: dict[str, str] = {}
    for template in templates:
        name = str(template.name).strip()
        spellings.setdefault(_first_letter_folded(name), name)
    return spellings


def _first_letter_folded(name: str) -> str:
    return name[:1].lower() + name[1:]


def _only_red_links(line: str, red_link: re.Pattern[str]) -> bool:
    """Whether a line holds nothing but red-link template names."""
    starts = [m.start() for m in red_link.finditer(line)]
    if not starts or line[: starts[0]].strip():
        return False
    ends = [*starts[1:], None]
    return all(not _MARKUP_IN_NAME.search(line[a:b]) for a, b in zip(starts, ends, strict=True))


def _template_name(
    line: str, start: int, red_link: re.Pattern[str], rules: Rules
) -> tuple[str, int]:
    """The template name that red-link text starting at ``start`` shows, and where it ends.

    A known name (rules) ends where it ends. Otherwise the name runs to markup, punctuation,
    a column gap or the next red link; when the red link stands alone on its line, commas are
    part of it (`Template:Lincoln County, Wisconsin`). Inside running text, the page's own words
    begin at a lowercase word followed by a capitalised one (`Use mdy dates` | `Clinton ...`;
    not on a line of red links alone, where `Restaurants in Toronto` is a navbox's name),
    at a word that starts sentences (rules: `Enzyme` | `In enzymology`), or inside a word where
    a lowercase letter is followed by a capital (`Infobox legislature` | `Senate is ...`); a
    name longer than MAX_NAME_WORDS is cut to its first word.
    """
    rest = line[start:]
    folded = rest.casefold()
    for known in rules.known_templates:
        size = len(known)
        if folded.startswith(known.casefold()) and (
            size == len(rest) or not (rest[size].isalnum() or rest[size] in "-_/")
        ):
            return rest[:size], start + size
    following = red_link.search(rest)
    limit = following.start() if following else len(rest)
    alone = _only_red_links(line, red_link)
    if alone:
        name = rest[:limit].strip().rstrip(".:")
    else:
        name = rest[: _NAME_END.search(rest[:limit]).start()].rstrip(" .:")
    glued = _GLUED.search(name, name.find(" ") + 1 if " " in name else len(name))
    if glued:  # "Infobox legislatureSenate is ...": the page's text starts at the capital
        name = name[: glued.start() + 1]
    words = name.split(" ")
    for k in range(1, len(words)):
        lower_then_upper = not alone and words[k - 1][:1].islower() and words[k][:1].isupper()
        if lower_then_upper or words[k] in rules.sentence_starts:
            words = words[:k]
            break
    if len(words) > MAX_NAME_WORDS:
        words = words[:1]
    name = " ".join(words).rstrip(" .:")
    if not name or len(name) > MAX_NAME_LENGTH:
        return "", start
    return name, start + len(name)
