"""The built-in template library, one module per family; importing it registers them."""

from . import boxes, citations, formatting, hatnotes, quantities  # noqa: F401
