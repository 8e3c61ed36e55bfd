"""What the fuzz harnesses check, one function per target; shared by atheris and the replay test.

Each target takes the raw bytes a fuzzer made and raises ``AssertionError`` (or any unexpected
exception) when wikirecover misbehaves. A clear `WikirecoverError` about bad input is the
documented answer to bad input, so it is not a finding.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import html5lib

from wikirecover import WikirecoverError, convert_text
from wikirecover.decode import decode
from wikirecover.dumps import stream_revisions
from wikirecover.options import Options
from wikirecover.render.audit import RENDERER_TAGS, html_violations
from wikirecover.render.sanitize import ALLOWED_TAGS

OPTIONS = Options(budget=None)  # in-process: the fuzzer sees the coverage


def _text(data: bytes) -> str | None:
    try:
        return decode(data, "<fuzz>").text
    except WikirecoverError:
        return None


def wikitext(data: bytes) -> None:
    """Repair never raises, keeps the page when nothing needs repair, and is idempotent."""
    text = _text(data)
    if text is None:
        return
    [first] = convert_text(text, kind="wikitext", options=OPTIONS)
    assert isinstance(first.output, str)
    if not first.document.issues:
        assert first.output == text, "a page that needed no repair changed"
    if any(issue.code == "repair-unsettled" for issue in first.document.issues):
        return  # said so in the report: more rounds would still change it
    [second] = convert_text(first.output, kind="wikitext", options=OPTIONS)
    assert second.output == first.output, "repair is not idempotent"


def html_page(data: bytes) -> None:
    """A saved HTML page reads into wikitext without an exception."""
    text = _text(data)
    if text is None:
        return
    try:
        [result] = convert_text(text, kind="html", options=OPTIONS)
    except WikirecoverError:
        return
    assert isinstance(result.output, str)


def xml_dump(data: bytes) -> None:
    """The dump reader streams any bytes: revisions, then a page end naming any damage."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "dump.xml")
        path.write_bytes(data)
        try:
            for item in stream_revisions(path):
                assert item.title is not None
        except WikirecoverError:
            return


def exports(data: bytes) -> None:
    """HTML and Markdown exports never raise; the HTML passes the sanitizer's invariant."""
    text = _text(data)
    if text is None:
        return
    [page] = convert_text(text, kind="wikitext", to="html", options=OPTIONS)
    assert isinstance(page.output, str)
    check_safe_html(page.output)
    [markdown] = convert_text(text, kind="wikitext", to="gfm", options=OPTIONS)
    assert isinstance(markdown.output, str)


def check_safe_html(page: str) -> None:
    """No element outside the allow-list, no event handler, no unsafe URL or CSS, by the
    library's audit and, independently, as html5lib parses the page."""
    assert not html_violations(page), html_violations(page)
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # comments
        assert element.tag in ALLOWED_TAGS | RENDERER_TAGS, element.tag
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"event handler {name}={value!r}"


TARGETS: dict[str, Callable[[bytes], None]] = {
    "wikitext": wikitext,
    "html": html_page,
    "xml": xml_dump,
    "exports": exports,
}
