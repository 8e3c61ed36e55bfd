"""wikirecover: bring damaged MediaWiki pages back to life and move wiki content between formats.

>>> import wikirecover
>>> [page] = wikirecover.convert("samples/terrorism_in_Kazakhstan.txt", to="wikitext")
>>> print(page.output)
"""

from .errors import InputError, UsageError, WikirecoverError, WriterError
from .model import Document, Issue, Severity, SourceInfo, Status
from .options import Options
from .pipeline import (
    Converted,
    convert,
    convert_documents,
    convert_text,
    read,
    read_text,
    repair,
    write,
)
from .registry import iter_components
from .rules import Rules

__version__ = "0.1.0"

__all__ = [
    "Converted",
    "Document",
    "InputError",
    "Issue",
    "Options",
    "Rules",
    "Severity",
    "SourceInfo",
    "Status",
    "UsageError",
    "WikirecoverError",
    "WriterError",
    "__version__",
    "convert",
    "convert_documents",
    "convert_text",
    "iter_components",
    "read",
    "read_text",
    "repair",
    "write",
]
