"""The one error a user of the reference solutions can cause: missing or unusable inputs."""

from __future__ import annotations


class ReferenceSetupError(Exception):
    """A dataset, model, option or output path that cannot be used; the message says what
    to put where, and the command line prints it without a traceback."""
