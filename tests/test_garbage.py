"""Converting a page leaves no reference cycles: its trees are freed as soon as it is done,
not kept until a garbage collection (which then walks them: a batch worker's time)."""

from __future__ import annotations

import gc

import pytest
from conftest import ROOT

from wikirecover import pipeline
from wikirecover.options import Options

SAMPLES = sorted(path.name for path in (ROOT / "samples").iterdir() if path.name != "README.md")


@pytest.mark.parametrize("name", SAMPLES)
@pytest.mark.parametrize("to", ["gfm", "html", "wikitext"])
def test_converting_a_page_leaves_no_cyclic_garbage(name: str, to: str) -> None:
    text = (ROOT / "samples" / name).read_text(encoding="utf-8")

    def convert() -> None:
        documents = pipeline.read_text(text, options=Options())
        pipeline.convert_documents(documents, to=to, options=Options())

    convert()  # first: lazy imports and caches
    gc.collect()
    gc.disable()
    try:
        convert()
        assert gc.collect() == 0
    finally:
        gc.enable()
