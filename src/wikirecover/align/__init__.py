"""Aligning two versions of a page: the only package that imports diff-match-patch."""
