"""`wikirecover batch`: folders and XML dumps converted in parallel, resumable, with a report."""

from .run import Summary, run_batch, summary_table

__all__ = ["Summary", "run_batch", "summary_table"]
