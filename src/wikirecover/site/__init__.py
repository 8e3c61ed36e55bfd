"""A whole wiki from web archives (`wikirecover site`): archives read (`archives/`), each
capture identified (`identify`), per title the captures chosen (`choose`), pages recovered by
`batch`, links checked (`links`), reported (`report`)."""

from .run import SiteRun, run_site

__all__ = ["SiteRun", "run_site"]
