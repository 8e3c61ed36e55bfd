"""The parts of the saved-HTML reader: the page (content column, chrome, title, categories),
its reference list, and the conversion of the content's elements to wikitext."""
