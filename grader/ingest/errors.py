"""The one error ingest raises: a student's file cannot be read."""


class IngestError(Exception):
    """A submission file is unreadable; the message is plain and names the file."""
