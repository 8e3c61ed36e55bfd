"""Conservation check: every word of the input a reader sees is in the export, or reported.

The input's words are taken from what the user gave, by its kind: for a saved HTML page, its
visible text; for a text dump, the text; for wikitext, its HTML rendering after template
resolution (what a reader of the wiki sees) and, for a wikitext export, the wikitext itself.
An HTML export is also checked for what the Sanitizer forbids (`render.audit`).
Each export's words are read back from its own syntax. A word of the input missing from the
export (counted: a paragraph lost twice is two losses) is accounted for when an issue of the
page quotes it (the chrome a reader removed, a template dropped, a comment not exported...);
the others are listed, all of them, in one ``words-lost`` issue.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from urllib.parse import unquote

from selectolax.lexbor import LexborHTMLParser

from .content_models import is_wikitext
from .model import Document, Severity
from .options import Options

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
REPORTED_WORDS = 30  # lost words quoted in the issue; the count covers them all


def page_words(doc: Document, options: Options) -> Counter[str]:
    from .render.wikitext_to_html import HtmlRenderer
    from .templates import resolved

    if not is_wikitext(doc.content_model):
        return _words(doc.text)  # code: its words are all shown as they are

    with resolved(Document(doc.wikicode, doc.source, doc.title), options) as code:
        rendered = HtmlRenderer(options.rules, toc=False, namespaces=doc.namespaces).render(code)
    return _words(_html_text(rendered.html))


def output_words(output: str, to: str) -> Counter[str]:
    if to in ("html", "pandoc-html"):
        return _words(_html_text(output, images=True))
    if to == "dokuwiki":  # `%%...%%` and <nowiki> are shown as written, tags and all
        literal = " ".join(a or b for a, b in _DOKUWIKI_LITERAL.findall(output))
        rest = _DOKUWIKI_LITERAL.sub(" ", output)
        return _words(literal) + output_words(rest, "")
    code = _CODE.findall(output)  # code is shown as written: its words count as they are
    words = _words(" ".join(code))
    # (image and link targets are percent-encoded: a file's name is in the output as one)
    targets = " ".join(unquote(target) for target in _TARGET.findall(output))
    words += _words(targets) - _words(" ".join(_TARGET.findall(output)))
    text = _OWN_TAGS.sub(" ", _CODE.sub(" ", output))
    text = re.sub(r"\\(.)", r"\1", text)  # Markdown escapes (an escaped < is text)
    return words + _words(html.unescape(text))


INPUT_WORDS = "verify:input-words"  # metadata: the words of the input, kept by `remember_input`
INPUT_SOURCE_WORDS = "verify:input-source-words"  # for wikitext input: the words as written


def remember_input(doc: Document, text: str, kind: str, options: Options) -> None:
    """Keep the words of what the user gave for this page (before any repair)."""
    if kind == "html":
        doc.metadata[INPUT_WORDS] = _words(_page_text(text))
    elif kind == "text":
        doc.metadata[INPUT_WORDS] = _words(text)
    else:
        doc.metadata[INPUT_WORDS] = page_words(doc, options)
        doc.metadata[INPUT_SOURCE_WORDS] = _words(doc.text)


def lost_words(doc: Document, output: str, to: str, options: Options) -> Counter[str]:
    """The input's words that the ``to`` output lacks."""
    if to in ("wikitext", "mediawiki-xml"):  # the page's source, (in XML) as written
        given = doc.metadata.get(INPUT_SOURCE_WORDS) or doc.metadata.get(INPUT_WORDS)
        source = html.unescape(output) if to == "mediawiki-xml" else output
        return (given or _words(doc.text)) - _words(source)
    given = doc.metadata.get(INPUT_WORDS) or page_words(doc, options)
    return given - output_words(output, to)


def reported_words(doc: Document) -> Counter[str]:
    """The words of the page the issues quote (their excerpts and the text they say they
    dropped; not their messages, which are wikirecover's own words), as often as quoted."""
    quoted = (f"{i.excerpt} {i.dropped}" for i in doc.issues if i.code != "words-lost")
    return _words(" ".join(quoted))


def check(doc: Document, output: str, to: str, options: Options) -> int:
    """Report, all of them, the words of the input that the ``to`` export lost and that no
    issue accounts for; return how many."""
    lost = lost_words(doc, output, to, options)
    accounted = reported_words(doc)
    present = set(_words(output)) | set(accounted)
    unexplained = Counter(
        {
            word: n
            for word, n in (lost - accounted).items()
            if not _split_into(word, present) and not _glued_to(word, present)
        }
    )
    total = sum(unexplained.values())
    if total:
        listing = ", ".join(w for w, _ in unexplained.most_common(REPORTED_WORDS))
        doc.report(
            "words-lost",
            f"{total} words of the input are not in the {to} output and no other issue "
            f"explains them: {listing}",
            f"verify:{to}",
            Severity.WARNING,
            dropped=" ".join(w for w, n in unexplained.items() for _ in range(n)),
        )
    if to in ("html", "pandoc-html"):
        _check_safety(doc, output, to)
    return total


def _check_safety(doc: Document, output: str, to: str) -> None:
    """An HTML export checked as a browser would parse it against the Sanitizer's rules
    (`render.audit`): a violation is a bug of the exporter, reported as an error."""
    from .render.audit import html_violations

    for violation in html_violations(output):
        doc.report(
            "unsafe-html", f"the {to} output has {violation}", f"verify:{to}", Severity.ERROR
        )


def _split_into(word: str, present: set[str]) -> bool:
    """Whether ``word`` is two words of ``present`` run together: a repair that separates words
    a damaged page had glued (`1980s<ref>` lost as `1980scite`) loses no text."""
    return any(word[:k] in present and word[k:] in present for k in range(1, len(word)))


def _glued_to(word: str, present: set[str]) -> bool:
    """Whether ``word`` is in the output run together with another word of it (a Cite error
    message written right after the word a reference followed: `AsylumCite error`)."""
    return any(
        token != word
        and (
            (token.startswith(word) and token[len(word) :] in present)
            or (token.endswith(word) and token[: -len(word)] in present)
        )
        for token in present
    )


def _page_text(page: str) -> str:
    """The visible text of a whole saved page (scripts and styles are not text)."""
    tree = LexborHTMLParser(page)
    if tree.body is None:
        return ""
    for hidden in tree.body.css("script, style, noscript, template"):
        hidden.decompose()
    return tree.body.text(separator=" ")


def _html_text(page: str, images: bool = False) -> str:
    """The text a reader of the page reads: without the TOC, citation marks and backlinks,
    edit links (navigation, which every format writes its own way) and the renderer's own
    Cite error messages (diagnostics, not the page's words). With ``images``, the names of the
    files its images show too (a page saved without its files showed their names instead)."""
    tree = LexborHTMLParser(f"<body>{page}</body>")
    if tree.body is None:
        return ""
    for node in tree.body.css(_NAVIGATION):
        node.decompose()
    names = [
        unquote((img.attributes.get("src") or "").rsplit("/", 1)[-1])
        for img in (tree.body.css("img[src]") if images else [])
    ]
    return tree.body.text(separator=" ") + " " + " ".join(names)


_TARGET = re.compile(r"\]\(([^)\s]+)\)")  # a Markdown link's or image's target
_DOKUWIKI_LITERAL = re.compile(r"%%(.*?)%%|<nowiki>(.*?)</nowiki>", re.S)
# fenced code, code spans and TeX (`$…$`, `$$…$$`): shown as written, their words as they are
_CODE = re.compile(r"```.*?```|`(?:[^`\n]|\n(?!\n))+`|\$\$.+?\$\$|\$[^$\n]+\$", re.S)
_NAVIGATION = (
    "div#toc, sup.reference, span.mw-cite-backlink, span.mw-editsection, span.mw-ext-cite-error, "
    "div.redirectMsg > p"
)
# HTML tags the text writers emit inside their own syntax (Markdown keeps some inline HTML).
_OWN_TAGS = re.compile(
    r"(?<!\\)</?(?:sup|sub|s|del|ins|u|mark|abbr|small|big|br|a|table|tbody|thead|tr|td|th|caption|"
    r"code|span|div|p|ul|ol|li|dl|dt|dd|pre|b|i|blockquote|hr|img)\b[^>]*>",
    re.I,
)


def _words(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD.findall(text))
