"""Read an executed Jupyter notebook (nbformat 4) into blocks, keeping cell provenance."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat

from grader.document import Block

from .errors import IngestError
from .provenance import notebook_functions, unexplained
from .text import split_paragraphs

# Output MIME types rendered as text, most useful first.
TEXT_MIME_TYPES = ("text/plain", "text/markdown", "text/latex", "text/html")


def _as_text(value: object) -> str:
    return "".join(value) if isinstance(value, list) else str(value or "")


def output_text(output: dict) -> str:
    """The text of one notebook output, whatever its type."""
    kind = output.get("output_type")
    if kind == "stream":
        return _as_text(output.get("text"))
    if kind == "error":
        traceback = "\n".join(output.get("traceback") or [])
        return f"{output.get('ename', 'Error')}: {output.get('evalue', '')}\n{traceback}".strip()
    data = output.get("data") or {}
    for mime in TEXT_MIME_TYPES:
        if mime in data:
            return _as_text(data[mime])
    images = [m for m in data if m.startswith("image/")]
    return f"[{images[0]} output]" if images else ""


def _load(path: Path) -> nbformat.NotebookNode:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise IngestError(f"{path.name}: not a notebook (the file is not UTF-8 text)") from None
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(
            f"{path.name}: not a valid notebook (broken JSON at line {exc.lineno}); "
            "re-save it from Jupyter"
        ) from None
    try:
        notebook = nbformat.reads(text, as_version=4)
    except Exception as exc:  # nbformat raises many types for bad structure
        raise IngestError(f"{path.name}: not a valid nbformat-4 notebook ({exc})") from None
    if "cells" not in notebook:
        raise IngestError(f"{path.name}: not a valid notebook (no cells)")
    return notebook


def read_notebook(path: Path) -> list[Block]:
    """Blocks for every cell: markdown paragraphs, code, and each output of each code cell.

    A notebook with no execution count on any cell (Colab saves it so) is not suspicious:
    its outputs are marked ``saved_without_counts`` and count as executed. An output its
    cell cannot have produced is marked ``unexplained`` (:mod:`grader.ingest.provenance`)."""
    notebook = _load(path)
    counted = any(
        c.get("cell_type") == "code" and c.get("execution_count") is not None
        for c in notebook.cells
    )
    defined = notebook_functions(
        [_as_text(c.get("source")) for c in notebook.cells if c.get("cell_type") == "code"]
    )
    blocks: list[Block] = []
    for index, cell in enumerate(notebook.cells):
        source = _as_text(cell.get("source"))
        if cell.get("cell_type") == "markdown":
            for paragraph in split_paragraphs(source):
                blocks.append(Block("prose", paragraph, path.name, "ipynb", cell=index))
        elif cell.get("cell_type") == "code":
            count = cell.get("execution_count")
            blocks.append(
                Block(
                    "code",
                    source,
                    path.name,
                    "ipynb",
                    index,
                    count,
                    saved_without_counts=not counted,
                )
            )
            for output in cell.get("outputs", []):
                text = output_text(output)
                if text.strip():
                    kind = output.get("output_type")
                    blocks.append(
                        Block(
                            "output",
                            text,
                            path.name,
                            "ipynb",
                            index,
                            count,
                            kind,
                            saved_without_counts=not counted,
                            unexplained=unexplained(source, kind, output.get("name", ""), defined),
                        )
                    )
    return blocks
