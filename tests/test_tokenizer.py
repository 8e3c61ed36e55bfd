"""The tokenizer in use (C with every & masked) gives the pure-Python tokenizer's tokens."""

from __future__ import annotations

import pytest
from conftest import SHARED, shared_wikitexts
from hypothesis import example, given, settings
from hypothesis import strategies as st
from mwparserfromhell.parser import tokens as T
from mwparserfromhell.parser.tokenizer import Tokenizer as PythonTokenizer

from wikirecover.parser_speedups.tokenizer import SafeTokenizer


def same_tokens(text: str, skip_style_tags: bool = False) -> None:
    ours = SafeTokenizer().tokenize(text, 0, skip_style_tags)
    theirs = PythonTokenizer().tokenize(text, 0, skip_style_tags)
    # the Python tokenizer alone leaves an empty text token before some link ends
    assert _kept(ours) == _kept(theirs), text


def _kept(tokens: list) -> list:
    return [t for t in tokens if not (type(t) is T.Text and t.text == "")]


@pytest.mark.parametrize(
    "text",
    [
        "a &amp; b &lt; c &AElig; &foo; & &#65; &#x41; &#X41; &#0; &#x110000; &#12a; &#x; &;",
        "{{T|p=a & b &lt; c}} {{a&amp;b}} [[A&amp;B|x &gt; y]]",
        '<span title="a &amp; b" data-x=&lt;>x &gt; y</span> <br clear=&quot; />',
        "[http://a.org/?a=1&amp;b=2 x&nbsp;y] http://a.org/x&amp;y http://a.org/url&amp; end",
        "<!-- &amp; & --> <nowiki>&amp; & &lt;</nowiki> <pre>&amp;</pre>",
        "<a&b>x</a&b> </x&amp;> <ref name=&amp;>r &amp;</ref>",
        "== Head &amp; tail ==\n* item &amp;\n; term &amp; : def\n{| class=&amp;\n| a &amp; b\n|}",
        '<div\ntitle="&#100;">x &amp;</div>',  # a tag over lines: the Python tokenizer
        "nul \x00 &amp; after",  # U+0000: the Python tokenizer
        "\ue01a\ue01b\ue01c\ue01d &amp;",  # every placeholder taken: the Python tokenizer
        "'''bold &amp;''' ''it &lt;'' {{{arg|&amp;}}}",
        # a free link followed by ; : or ! and a space (found by the generated test below)
        "http://a.org/; x http://a.org/x: y mailto:a@b.c!! z [http://a.org/ q]; r",
        "ratio 3:1; then http://a.org/;\n and http://a.org/;x",
        "HTTP://A.org/; x Mailto:a@b.c! y http://a.org/a\tb; c {{t|http://a.org/{{x y}}; z}}",
        "http://a.org/?; x http://a.org/.,! y http://a.org/(a)?: z",  # punctuation, then ;:!
    ],
)
def test_tokens_equal_the_python_tokenizers(text: str) -> None:
    same_tokens(text)
    same_tokens(text, skip_style_tags=True)


FRAGMENTS = st.sampled_from(
    [
        "&", "&amp;", "&lt", "&#65;", "&#x41;", "&zz;", ";", "#", "x", " ", "\n", "a", "Ab",
        "{{", "}}", "|", "=", "[[", "]]", "[", "]", "http://a.org/", "<", ">", "/", "<span>",
        "</span>", "<ref>", "</ref>", '"', "'", "''", "<!--", "-->", "<nowiki>", "</nowiki>",
        "*", ":", "==", "{|", "|}", "|-", "!", "{{{", "}}}", "mailto:a@b.c", "?", ".", "\t",
        "HTTPS://a.org/", "news:x",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(FRAGMENTS, max_size=40).map("".join))
def test_generated_wikitext_gives_the_same_tokens(text: str) -> None:
    same_tokens(text)


def test_every_shared_page_and_parser_test_gives_the_same_tokens() -> None:
    texts = shared_wikitexts()
    assert len(texts) > (1000 if SHARED.exists() else 500)
    for text in texts:
        same_tokens(text)


LINK_FRAGMENTS = st.sampled_from(
    ["http://a.org/", "HTTPS://b", "Mailto:x@y", "news:z", "xhttp://", "a", " ", "\t", "\n",
     ";", ":", "!", "?", ".", ",", ")", "(", "]", "[", "{{", "}}", "|", "<b>", "&amp;", "''"]
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(LINK_FRAGMENTS, max_size=20).map("".join))
@example("http://a.org/{{http://a.org/ }}; ")  # found by the random search (a template's space)
@example("http://a.org/{{; ")  # and a template never closed
def test_the_text_gate_passes_every_free_link_the_tokens_would_flag(text: str) -> None:
    from wikirecover.parser_speedups import tokenizer

    if tokenizer._CTokenizer is None:
        pytest.skip("no compiled tokenizer on this platform")
    placeholder = "\ue01a"
    tokens = tokenizer._CTokenizer().tokenize(text.replace("&", placeholder), 0, False)
    if tokenizer._free_link_before_punctuation(tokens):
        assert tokenizer._may_keep_punctuation(text), text
