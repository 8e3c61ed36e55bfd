"""What MediaWiki reads line by line and the parser does not: quotes closed at the end of their
line, tables whose rows the parser could not read, captions moved for formats without them,
links MediaWiki reads as closed."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from wikirecover import Options, convert_text
from wikirecover.passes.syntax import closed_link
from wikirecover.render.quotes import closed_per_line, open_at_end
from wikirecover.render.table_lines import tables_as_tags
from wikirecover.writers.pandoc_formats import captions_before_tables

QUOTES = [
    ("no quotes", ""),
    ("'''bold''' and ''italic''", ""),
    ("'''bold left open", "b"),
    ("''italic left open", "i"),
    ("'''bold ''italic'' more", "b"),
    ("''italic '''bold'' more", "b"),
    ("'''bold ''then italic", ""),  # odd bold, odd italic: the bold is ' and italic
    ("'''''both", "bi"),
    ("l''''apostrophe and bold", "b"),  # a run of 4 is ' then '''
    ("''odd italic'' and '''odd''' and ''x", "i"),
]


@pytest.mark.parametrize(("line", "state"), QUOTES)
def test_what_a_line_leaves_open(line: str, state: str) -> None:
    assert open_at_end(line) == state


@pytest.mark.parametrize(
    ("source", "closed"),
    [
        ("* a '''x\n* b '''y''' z\n", "* a '''x'''\n* b '''y''' z\n"),
        ("''a\n'''b\n", "''a''\n'''b'''\n"),
        ("== '''Heading ==\n", "== '''Heading ==\n"),  # headings are left alone
        ("<pre>\n'''code\n</pre>\n", "<pre>\n'''code\n</pre>\n"),  # verbatim is left alone
        ("<!-- '''a\n'''b -->\n", "<!-- '''a\n'''b -->\n"),
        ("clean '''page'''\n", "clean '''page'''\n"),
    ],
)
def test_quotes_are_closed_at_the_end_of_their_line(source: str, closed: str) -> None:
    assert closed_per_line(source) == closed


def test_bold_left_open_does_not_cross_into_the_next_list_item() -> None:
    [result] = convert_text("* A '''[[Bosneja]]\n* B '''[[X]]''' - y\n", to="html")
    assert "<li> A <b>" in result.output and "</b></li>" in result.output
    assert "'''" not in result.output


def test_a_table_the_parser_could_not_read_becomes_html_tags() -> None:
    source = '{| class="w"\n<tr><td>a<td>b\n|-\n| c || d\n|+ Cap\n! h !! i\n|}\nafter'
    assert tables_as_tags(source) == (
        '<table class="w">\n<tr><td>a<td>b\n<tr>\n<td> c <td> d\n<caption> Cap\n'
        "<th> h <th> i\n</table>\nafter"
    )
    # a template's parameter lines inside a table are no cells
    assert (
        tables_as_tags("{|\n| {{x\n| a = 1\n}}\n|}") == "<table>\n<td> {{x\n| a = 1\n}}\n</table>"
    )


def test_cells_split_outside_links_and_templates() -> None:
    assert tables_as_tags("{|\n| [[a|b]] || {{c|d}} || style=x | e\n|}") == (
        "<table>\n<td> [[a|b]] <td> {{c|d}} <td style=x> e\n</table>"
    )


def test_captions_before_tables_for_formats_without_captions() -> None:
    text, moved = captions_before_tables("x\n{|\n|+ style=a | Cap [[l|m]]\n| c\n|}\n")
    assert moved == 1
    assert text == "x\n'''Cap [[l|m]]'''\n\n{|\n| c\n|}\n"
    assert captions_before_tables("{|\n| c\n|}") == ("{|\n| c\n|}", 0)


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        ("[[a, b]] c", True),
        ("[[a|b&nbsp;c.]] d", True),
        ("[[a|b\nc]]", True),  # a label may run over lines
        ("[[a\nb]]", False),  # a title may not
        ("[[a b [[c]]", False),  # the next [[ starts the next piece
        ("[[a <b>]]", False),  # < is not a title character
        ("[[a", False),
    ],
)
def test_links_mediawiki_reads_as_closed(text: str, closed: bool) -> None:
    assert closed_link(text, 0) is closed


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.text(alphabet="ab,.'| \n", max_size=30), st.text(alphabet="ab,.'| \n[]", max_size=20))
@example("Heinrihs fon Bokenvorde, saukts", "")
def test_a_link_mediawiki_reads_is_never_closed_again(title: str, after: str) -> None:
    """In exact wikitext a link MediaWiki renders is left as it is, whatever surrounds it."""
    if not title.strip() or "\n" in title.split("|")[0] or "[" in title:
        return
    text = f"{{|\n<tr><td>x<td>[[{title}]]{after}<td>y\n|}}\n"
    [result] = convert_text(text, to="wikitext", kind="wikitext", options=Options(budget=None))
    closers = [i for i in result.document.issues if i.code == "link-closed"]
    assert not closers or "]]" not in text.split("[[", 1)[1].split("[[")[0]
