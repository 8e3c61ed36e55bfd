"""Decisions a person takes hunk by hunk (`decisions`), the interactive page to take them in
(`page`), and where the hunks come from: a restore, a diff, an upstream carried over
(`sources`)."""
