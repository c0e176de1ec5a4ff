"""Read a PDF (LaTeX answers followed by notebooks printed to PDF) by text extraction.

The text is turned into the same markdown-like form the seeds show: runs of code lines
(with or without ``In [n]:`` prompts) are fenced, the rest stays as paragraphs, and
:func:`grader.ingest.text.parse_text` then tells code, outputs and prose apart. Every
output from a PDF is ``printed`` evidence: weaker than an executed notebook's.
"""

from __future__ import annotations

import json
import os
import resource
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError

from grader.document import Block
from grader.sandbox.procs import fork_supervised

from .coderuns import fence_code_runs
from .errors import IngestError
from .text import parse_text

# A PDF is hostile input: it is parsed in a forked child with these limits, so a crafted
# file that makes the parser loop or balloon costs one error row, not the class's run.
PDF_WALL_S = 60.0
PDF_CPU_S = 60
PDF_MEMORY_BYTES = 1 << 30  # beyond what the process already maps
PDF_TEXT_CAP = 16 << 20  # more extracted text than any honest submission has


def _pages(path: Path) -> list[str]:
    """Every page's text; IngestError for encrypted or broken PDFs."""
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise IngestError(
                f"{path.name}: the PDF is password-protected; upload it without a password"
            )
        return [page.extract_text() or "" for page in reader.pages]
    except FileNotDecryptedError:
        raise IngestError(
            f"{path.name}: the PDF is password-protected; upload it without a password"
        ) from None
    except (PdfReadError, ValueError, KeyError, OSError, RecursionError) as exc:
        raise IngestError(f"{path.name}: not a readable PDF ({exc}); re-export it") from None


def _mapped_bytes() -> int:
    """The process's current virtual size (the memory limit is set above it)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _extract_in_child(path: Path, result_fd: int) -> None:
    """The child's work: limits, then the pages (or the reading error) as JSON."""
    limit = _mapped_bytes() + PDF_MEMORY_BYTES
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CPU, (PDF_CPU_S, PDF_CPU_S + 1))
    try:
        payload = {"pages": _pages(path)}
    except IngestError as exc:
        payload = {"error": str(exc)}
    except MemoryError:
        payload = {"error": f"{path.name}: the PDF needs more memory to read than allowed"}
    data = json.dumps(payload).encode()
    view = memoryview(data)
    while view:
        view = view[os.write(result_fd, view) :]


def extract_pdf_text(path: Path) -> str:
    """All pages' text, read in a bounded child process; raise IngestError for encrypted,
    broken, image-only or pathological PDFs (too slow, too big)."""
    finished = fork_supervised(
        lambda fd: _extract_in_child(path, fd),
        wall_s=PDF_WALL_S,
        output_cap=1 << 20,
        result_cap=PDF_TEXT_CAP,
    )
    problem = finished.problem(PDF_WALL_S, PDF_CPU_S, 1024)
    if problem is not None or not finished.result:
        why = problem or "ended without a result"
        raise IngestError(f"{path.name}: reading the PDF {why}; re-export it from LaTeX/Jupyter")
    payload = json.loads(finished.result)
    if "error" in payload:
        raise IngestError(payload["error"])
    text = "\n".join(payload["pages"])
    if not text.strip():
        raise IngestError(
            f"{path.name}: the PDF has no text layer (scanned images?); export it from "
            "LaTeX/Jupyter instead of scanning"
        )
    return text


def read_pdf(path: Path) -> list[Block]:
    """Blocks recovered from a PDF's text."""
    return parse_text(fence_code_runs(extract_pdf_text(path)), path.name, "pdf")
