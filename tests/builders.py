"""Builders for test inputs: notebooks with outputs, and documents made of blocks."""

from __future__ import annotations

import html
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from grader.document import Block, Document


def code(source: str, *outputs: dict, count: int | None = 1) -> nbformat.NotebookNode:
    """A code cell with the given outputs and execution count."""
    return new_code_cell(source, execution_count=count, outputs=list(outputs))


def stream(text: str) -> dict:
    """A stdout stream output."""
    return new_output("stream", name="stdout", text=text)


def result(text: str, count: int = 1) -> dict:
    """An execute_result output with text/plain."""
    return new_output("execute_result", data={"text/plain": text}, execution_count=count)


def error(ename: str = "RuntimeError", evalue: str = "boom") -> dict:
    """An error output."""
    return new_output("error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"])


def markdown(text: str) -> nbformat.NotebookNode:
    """A markdown cell."""
    return new_markdown_cell(text)


def write_notebook(path: Path, *cells: nbformat.NotebookNode) -> Path:
    """Write a valid nbformat-4 notebook."""
    nbformat.write(new_notebook(cells=list(cells)), str(path))
    return path


def document(*blocks: tuple, origin: str = "ipynb", student: str = "s") -> Document:
    """A Document from (kind, text[, execution_count[, output_type]]) tuples."""
    doc = Document(student=student, sources=["sub"])
    built = []
    for cell, spec in enumerate(blocks):
        kind, text, *rest = spec
        count = rest[0] if rest else (1 if kind != "prose" else None)
        output_type = rest[1] if len(rest) > 1 else ("stream" if kind == "output" else None)
        built.append(Block(kind, text, "sub", origin, cell, count, output_type))
    doc.add(built)
    return doc


def text_to_pdf(text: str, path: Path) -> Path:
    """Print markdown-like text (fenced code, paragraphs) to a PDF, as a notebook export would."""
    from weasyprint import HTML

    from grader.ingest.text import fenced_chunks, split_paragraphs

    parts = []
    for fenced, body in fenced_chunks(text):
        if fenced:
            parts.append(f"<pre>{html.escape(body.strip(chr(10)))}</pre>")
        else:
            parts.extend(f"<p>{html.escape(p)}</p>" for p in split_paragraphs(body))
    HTML(string="<html><body>" + "\n".join(parts) + "</body></html>").write_pdf(path)
    return path
