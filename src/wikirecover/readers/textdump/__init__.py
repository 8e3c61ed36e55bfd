"""The parts of the plain-text dump reader: chrome, blocks, headings, citations, tables, emit.

A dump is read in steps that each map what a text browser printed back onto a small vocabulary
(`blocks.Block`), and `emit` writes that vocabulary as wikitext. See docs/text-dumps.md.
"""
