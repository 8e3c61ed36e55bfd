"""Writers: `Document` -> text of one output format. Importing a module registers it."""

from . import wikitext  # noqa: F401,I001  (registration; listed first)
from . import pandoc_formats  # noqa: F401
from . import html  # noqa: F401  (native; replaces pandoc's html)
from . import markdown  # noqa: F401  (native gfm, markdown, commonmark)
from . import mediawiki_xml  # noqa: F401  (import files for MediaWiki)
from . import dokuwiki  # noqa: F401  (native; replaces pandoc's dokuwiki)
