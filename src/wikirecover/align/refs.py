"""References both versions cite at the same place: the same one, or changed locally?

The upstream's `<ref>` carries a citation template; the dump's carries what the reader saw of
it (the formatted citation, or only a template's red-link name). When the dump's words are
mostly among the upstream's (title, publisher, date), it is the same reference and the upstream's
full markup stays. When they mostly are not, the fork cited something else: its text is kept
and the upstream's reported as the alternative.
"""

from __future__ import annotations

import re

from ..parsing import parse_wikitext
from .alignment import EQUAL, Alignment
from .sourcemap import TOKEN, SourceMap

_WORD = re.compile(r"\w+")
# Fewer words than this say too little to call a reference changed (a page number, "Ibid.").
MIN_REF_WORDS = 4
# The share of the dump's words the upstream's reference must hold to be the same reference.
REF_AGREEMENT = 0.5


def changed_refs(a: SourceMap, b: SourceMap, alignment: Alignment) -> list[tuple[int, int]]:
    """(upstream piece, local piece) of the aligned references whose content differs."""
    found = []
    for segment in alignment.segments:
        if segment.op != EQUAL:
            continue
        for offset in range(segment.a_end - segment.a_start):
            i, j = segment.a_start + offset, segment.b_start + offset
            if a.kinds[i] == TOKEN and a.keys[i] == "ref" and _differs(a, i, b, j):
                found.append((i, j))
    return found


def _differs(a: SourceMap, i: int, b: SourceMap, j: int) -> bool:
    local_ref = b.wikitext[b.starts[j] : b.ends[j]]
    if "Cite error" in local_ref:
        return False  # MediaWiki's error text where the rendering wiki lost the definition
    local = _words(local_ref, keep_params=False)
    if len(local) < MIN_REF_WORDS:
        return False  # a reuse (<ref name=x/>), a placeholder ({{Cite web}}), a page number
    upstream_words = _words(a.wikitext[a.starts[i] : a.ends[i]], keep_params=True)
    if not upstream_words:
        return False  # the upstream reuses a reference defined elsewhere: nothing to compare
    upstream = set(upstream_words)
    shared = sum(1 for word in local if word in upstream)
    return shared / len(local) < REF_AGREEMENT


def _words(ref: str, keep_params: bool) -> list[str]:
    code = parse_wikitext(ref)
    tags = code.filter_tags(recursive=False)
    if not tags or tags[0].contents is None:
        return []
    text = tags[0].contents.strip_code(keep_template_params=keep_params)
    if keep_params:  # template parameter values, URLs included, in one bag
        text += " " + " ".join(str(t) for t in tags[0].contents.filter_templates())
    return [w.casefold() for w in _WORD.findall(text)]
