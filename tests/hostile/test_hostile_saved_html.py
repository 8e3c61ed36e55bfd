"""Reliability table (a), rows 33-35: saved HTML pages as input, and pandoc's own risks."""

from __future__ import annotations

import subprocess

import html5lib
import pytest
from helpers import keeps_words, not_worse_than_degraded, run

from wikirecover import pandoc


def test_row33_nesting_deeper_than_255_keeps_the_text_inside_and_after() -> None:
    text = "<html><body>" + "<div>" * 300 + "<p>deep words</p>" + "</div>" * 300
    text += "<p>after the deep part</p></body></html>"
    result = run(text, kind="html")
    not_worse_than_degraded(result, "deep words after the deep part")


@pytest.mark.parametrize("text", ["a <![ b", "<p>x <![ ]> y</p>", "<![CDATA[z]]> w"])
def test_row34_markup_that_crashes_html_parser_is_read(text: str) -> None:
    page = f"<html><body>{text}</body></html>"
    result = run(page, kind="html")
    assert result.output is not None
    # what a browser shows (`<![` opens a bogus comment), read by an independent parser
    assert keeps_words(shown_text(page), result.output)


def shown_text(page: str) -> str:
    """The text html5lib's tree holds outside comments: what a browser shows."""
    parts = []
    for element in html5lib.parse(page, namespaceHTMLElements=False).iter():
        if isinstance(element.tag, str):
            parts.append(element.text or "")
        parts.append(element.tail or "")
    return " ".join(parts)


def test_row35_pandoc_always_runs_sandboxed_without_fetching(monkeypatch) -> None:
    seen = []
    real_run = subprocess.run

    def spy(command, *args, **kwargs):
        seen.append(command)
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(subprocess, "run", spy)
    page = '<iframe src="file:///etc/passwd">x</iframe> [[File:secret.txt]]\n'
    result = run(page, to="rst", budget=None)
    assert result.output is not None and "root:" not in result.output
    assert seen and all("--sandbox" in command for command in seen)
    for command in seen:
        assert not any(
            option.startswith(("--embed-resources", "--self-contained", "--extract-media"))
            for option in command
        )


def test_row35_pandoc_is_recent_enough_for_the_known_file_write_bugs() -> None:
    version = tuple(int(part) for part in pandoc.pandoc_version().split(".")[:3])
    assert version >= (3, 1, 6)
