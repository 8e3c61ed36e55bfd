"""Errors a user can act on. Each carries the file it concerns; the CLI prints one line."""

from __future__ import annotations


class WikirecoverError(Exception):
    """Base class: a problem with the input or the request, not a bug."""

    def __init__(self, message: str, path: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path

    def __reduce__(self):  # pickled with its file (errors come back from budgeted processes)
        return (type(self), (self.message, self.path))

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InputError(WikirecoverError):
    """The input cannot be read: missing, unreadable, empty, undecodable or of unknown kind."""


class UsageError(WikirecoverError):
    """The request itself is wrong: unknown reader, writer or pass, conflicting options."""


class WriterError(WikirecoverError):
    """An output format could not be produced for a page."""


class PandocError(WikirecoverError):
    """pandoc failed, timed out or ran out of its memory budget on a page."""
