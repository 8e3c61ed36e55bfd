"""A whole wiki moved to another engine (DokuWiki, MkDocs, Obsidian, a static HTML site): every
page written the way that engine reads it, with its links, files, templates and categories
carried over and checked (`run.migrate`; engines in `engines/`)."""

from .engines import ENGINES
from .run import Migration, migrate

__all__ = ["ENGINES", "Migration", "migrate"]
