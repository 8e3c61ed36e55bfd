"""Native renderers of the wikitext tree (HTML), used by the writers."""
