"""The one error the math reader raises: the text could not be read as an expression."""

from __future__ import annotations


class ReadError(Exception):
    """A piece of student text cannot be read as math; the message says why, briefly."""


class SeriesOverlap(ReadError):
    """The terms written around '…' overlap at this length, so the length cannot be used."""
