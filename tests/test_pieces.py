"""Openers that never close, tokenized piece by piece: the pieces' tokens are the whole text's."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from wikirecover.parser_speedups.pieces import cut_points, needs_pieces, tokenize_in_pieces
from wikirecover.parser_speedups.tokenizer import SafeTokenizer

# Markup pieces, openers and closers of every kind, line starts, free links, entities.
ALPHABET = [
    *("{{", "}}", "[[", "]]", "[", "]", "<ref>", "</ref>", "<!--", "-->", "{|", "|}", "''"),
    *("'''", "|", "=", "==", "\n", "\n", " ", "a", "b c", "http://x.org/", ":", ";", "*", "#"),
    *("<b>", "</b>", ">", "<", "&amp;", "&", "{{{", "}}}", "-", "!", "<br>", "<br/>", "__TOC__"),
    *("<nowiki>", "</nowiki>", "x=y", "<ref name=a/>", "|-", "\n{|", "\n|}", "\n|", "\n!"),
    *("\n==", "{{a|", "[[a|", "[http://a b", "<div>", "</div>", "\t", "<pre>", "</pre>"),
    *('<span title="a">', "''b''", "<!-- c -->", "{{x}}", "[[y]]", "mailto:", "//a.b", "~~~~"),
]
# Pages on which an earlier version of the cutting rules went wrong (found by the search below).
FOUND = [
    "ISBN 1[[{{{x=y\n|-''<div><!--&'''",  # a style failed inside a construct stays failed
    "mailto:<!-- c --><!--<!--//a.b]]b c",  # a free link goes on through comments
    "</nowiki><br/>[[y]]<br/> http://x.org/\t{{{",  # ... and tabs
    "']]\n|}\n{|}}\n<br>{{x}}*http://x.org/x=y!{{a|<nowiki>\t-->\n|}</nowiki>=|}||<br>\n}}"
    "{{x}}<!-- c -->",  # ... and templates over lines
    "<!-- c -->mailto:<!-- c -->{{a|<ref>==",  # a space inside a comment ends no link
    " '''=</pre>''b''//a.b<!--</nowiki>'''<!--*&[[y]][[a|[http://a b<ref><ref name=a/>a{{a|"
    "</ref>\n!<ref>\n==<div><ref>\n''</ref>&=<br/> -__TOC__~~~~==",  # a heading over lines
    "|}a]&amp;a<div>}}}'''\n''//a.b[<ref>-b c--></b><b c''|}\n=http://x.org/>[<nowiki>__TOC__&",
]


def _whole(text: str) -> list:
    return SafeTokenizer()._whole(text, 0, False)


def _same(text: str, piece: int) -> None:
    assert repr(tokenize_in_pieces(text, _whole, piece)) == repr(_whole(text)), cut_points(
        text, piece
    )


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=40).map("".join), st.sampled_from([1, 3]))
def test_pieces_give_the_whole_texts_tokens(text: str, piece: int) -> None:
    _same(text, piece)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(["{{a|", "[[a|", "<ref>", "<!--", "{|\n", "[http://a ", "<b>"]))
    .map("".join)
    .filter(bool),
    st.lists(st.sampled_from(ALPHABET), max_size=12).map("".join),
)
@example(opener_run="{{a|" * 20, tail="}}")
def test_runs_of_openers_are_cut_as_their_whole_text(opener_run: str, tail: str) -> None:
    text = opener_run * 8 + tail
    _same(text, 1)


def test_the_pages_that_broke_earlier_rules() -> None:
    for text in FOUND:
        for piece in (1, 3):
            _same(text, piece)


def test_only_pages_with_many_openers_nothing_closes_are_cut() -> None:
    assert needs_pieces("{{a|" * 64)
    assert not needs_pieces("{{a|" * 63)
    assert not needs_pieces("{{a|" * 100 + "}}")  # a closer after them: tokenized whole
    assert not needs_pieces("''" * 1000)  # every run of apostrophes may close another
    assert cut_points("{{a|" * 100, 32)  # cut every 32 characters or so
    assert not cut_points("{{a|" * 100 + "}}", 32)
