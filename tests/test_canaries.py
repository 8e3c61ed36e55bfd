"""Canaries (reliability goal G7): a unique marker in each of 300 syntactic contexts survives
every export, or the page's report names it. A canary lost silently is a bug."""

from __future__ import annotations

import io
import zipfile
from itertools import count

import pytest

from wikirecover import convert_text
from wikirecover.options import Options
from wikirecover.registry import WRITERS

# Inline contexts: each also goes inside a list item, a table cell, a reference and a template
# parameter. {c} is the canary.
INLINE = [
    "{c}",
    "'''{c}'''",
    "''{c}''",
    "'''''{c}'''''",
    "[[Page|{c}]]",
    "[[{c}]]",
    "[[Page]]s {c}",
    "[[Page#{c}|label]]",
    "[http://example.org {c}]",
    "http://example.org/{c}",
    "{{Unknown|{c}}}",
    "{{Unknown|p={c}}}",
    "{{A|{{B|{c}}}",
    "{{A|x={{B|y={c}}}",
    "{{convert|5|km}} {c}",
    "{{lang|fr|{c}}}",
    "{{nowrap|{c}}}",
    "{{abbr|{c}|meaning}}",
    "{{sic|{c}}}",
    "{{#if:x|{c}|no}}",
    "{{#if:|no|{c}}}",
    "{{#switch:a|a={c}|b=no}}",
    "{{#tag:span|{c}}}",
    "{{uc:{c}}}",
    "<nowiki>{c}</nowiki>",
    "<code>{c}</code>",
    "<math>{c}</math>",
    "<span>{c}</span>",
    "<small>{c}</small>",
    "<sup>{c}</sup>",
    "<sub>{c}</sub>",
    "<s>{c}</s>",
    "<u>{c}</u>",
    "<del>{c}</del>",
    "<ins>{c}</ins>",
    "<big>{c}</big>",
    '<abbr title="t">{c}</abbr>',
    '<font color="red">{c}</font>',
    "<q>{c}</q>",
    "<cite>{c}</cite>",
    "<kbd>{c}</kbd>",
    "<var>{c}</var>",
    "<ruby>{c}<rt>r</rt></ruby>",
    "{c}&nbsp;x",
    "<!-- {c} -->",
    '<span title="{c}">x</span>',
]
WRAPPERS = [
    "{x}",
    "* {x}",
    "{|\n| {x}\n|}",
    "Text<ref>{x}</ref>",
    "{{Wrapper|{x}}}",
]
BLOCK = [
    "== {c} ==",
    "=== {c} ===",
    "====== {c} ======",
    "{|\n! {c}\n|-\n| x\n|}",
    "{|\n|+ {c}\n| x\n|}",
    "{|\n| a || {c}\n|}",
    '{|\n| style="color:red" | {c}\n|}',
    "{|\n|\n{|\n| {c}\n|}\n|}",
    "# {c}",
    ": {c}",
    "; {c} : d",
    "; t : {c}",
    "<gallery>\nFile:A.jpg|{c}\n</gallery>",
    "[[File:A.jpg|thumb|{c}]]",
    "[[File:A.jpg|thumb|caption [[Page|{c}]]]]",
    "<pre>{c}</pre>",
    " {c} preformatted",
    '<syntaxhighlight lang="python">{c}</syntaxhighlight>',
    "<blockquote>{c}</blockquote>",
    "<div>{c}</div>",
    "<center>{c}</center>",
    '<ref name="named">{c}</ref> reused<ref name="named" />',
    '<ref group="note">{c}</ref>',
    "<ref>{{cite web|url=http://example.org|title={c}}}</ref>",
    "<ref>{{cite book|title=Book|author={c}}}</ref>",
    "[[Category:{c}]]",
    "{{Infobox thing|name={c}|other=x}}",
    "{{Navbox|list1={c}}}",
    "{{Main|{c}}}",
    "{{efn|{c}}}",
]
DEEP = [("*" * depth) + " {c}" for depth in range(1, 51)]


def contexts() -> list[str]:
    wrapped = [wrapper.replace("{x}", inline) for wrapper in WRAPPERS for inline in INLINE]
    return wrapped + BLOCK + DEEP


def page() -> tuple[str, dict[str, str]]:
    """The page holding every context, each in a paragraph of its own, and canary -> context."""
    numbers = count(1)
    paragraphs, canaries = [], {}
    for context in contexts():
        canary = f"QZ{next(numbers):03d}XK"
        text = context.replace("{c}", canary)
        paragraphs.append(text)
        canaries[canary] = text
    paragraphs.append('<references />\n<references group="note" />\n{{notelist}}')
    return "\n\n".join(paragraphs) + "\n", canaries


def test_there_are_at_least_200_contexts() -> None:
    assert len(page()[1]) >= 200


def _text_of(output: str | bytes) -> str:
    if isinstance(output, str):
        return output
    with zipfile.ZipFile(io.BytesIO(output)) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8", "replace")
            for name in archive.namelist()
            if name.endswith((".xml", ".xhtml", ".html", ".rels"))
        )


@pytest.mark.parametrize("to", sorted(WRITERS))
def test_every_canary_survives_or_is_reported(to: str) -> None:
    text, canaries = page()
    [result] = convert_text(text, kind="wikitext", to=to, options=Options(budget=None))
    assert result.output is not None, result.document.failed
    shown = _text_of(result.output).casefold()
    reported = " ".join(
        f"{i.message} {i.excerpt} {i.dropped}" for i in result.document.issues
    ).casefold()
    lost = {
        canary: context
        for canary, context in canaries.items()
        if canary.casefold() not in shown and canary.casefold() not in reported
    }
    assert not lost, f"{len(lost)} canaries lost without a report in {to}: " + "; ".join(
        repr(c) for c in list(lost.values())[:12]
    )
