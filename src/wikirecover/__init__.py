"""wikirecover: bring damaged MediaWiki pages back to life and move wiki content between formats.

>>> import wikirecover
>>> [page] = wikirecover.convert("samples/terrorism_in_Kazakhstan.txt", to="wikitext")
>>> print(page.output)
"""

from . import parser_speedups

parser_speedups.install()  # before anything parses (WIKIRECOVER_SPEEDUPS=0: the library alone)

from .errors import InputError, UsageError, WikirecoverError, WriterError  # noqa: E402
from .model import Document, Issue, Severity, SourceInfo, Status  # noqa: E402
from .options import Options  # noqa: E402
from .pipeline import (  # noqa: E402
    Converted,
    convert,
    convert_documents,
    convert_text,
    read,
    read_text,
    repair,
    write,
)
from .registry import iter_components  # noqa: E402
from .rules import Rules  # noqa: E402

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
