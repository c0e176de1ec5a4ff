"""Read a PDF (LaTeX answers followed by notebooks printed to PDF) from its layout.

PDFium gives every glyph with its box, font and size (:mod:`.pdfglyphs`); lines are built
with word spaces, sub- and superscripts, limits and fractions as the math reader reads them
(:mod:`.pdflayout`); headers, footers and page numbers are dropped (:mod:`.pagefurniture`);
a printed notebook's code and outputs are fenced as layout shows them
(:mod:`.printednotebook`). Runs of code lines that layout did not fence are found as before
(:func:`.coderuns.fence_code_runs`), and :func:`grader.ingest.text.parse_text` then makes
the blocks. Every output from a PDF is ``printed`` evidence: weaker than an executed
notebook's.
"""

from __future__ import annotations

import json
import os
import resource
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from grader.document import Block
from grader.sandbox.procs import fork_supervised

from .coderuns import fence_code_runs
from .errors import IngestError
from .pagefurniture import without_furniture
from .pdfglyphs import page_marks
from .pdflayout import page_lines
from .printednotebook import notebook_text
from .text import fence_chunks, parse_text

# A PDF is hostile input: it is parsed in a forked child with these limits, so a crafted
# file that makes the parser loop or balloon costs one error row, not the class's run.
PDF_WALL_S = 60.0
PDF_CPU_S = 60
PDF_MEMORY_BYTES = 1 << 30  # beyond what the process already maps
PDF_TEXT_CAP = 16 << 20  # more extracted text than any honest submission has


def _text(path: Path) -> str:
    """The PDF's text as laid out; IngestError for encrypted or broken PDFs."""
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_raw.FPDF_ERR_PASSWORD:
            raise IngestError(
                f"{path.name}: the PDF is password-protected; upload it without a password"
            ) from None
        raise IngestError(f"{path.name}: not a readable PDF ({exc}); re-export it") from None
    try:
        pages = [page_lines(page_marks(document[i]), i) for i in range(len(document))]
    except (pdfium.PdfiumError, ValueError, OSError) as exc:
        raise IngestError(f"{path.name}: not a readable PDF ({exc}); re-export it") from None
    finally:
        document.close()
    return notebook_text(without_furniture(pages))


def _mapped_bytes() -> int:
    """The process's current virtual size (the memory limit is set above it)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _extract_in_child(path: Path, result_fd: int) -> None:
    """The child's work: limits, then the text (or the reading error) as JSON."""
    limit = _mapped_bytes() + PDF_MEMORY_BYTES
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CPU, (PDF_CPU_S, PDF_CPU_S + 1))
    try:
        payload = {"text": _text(path)}
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
    text = payload["text"]
    if not text.strip():
        raise IngestError(
            f"{path.name}: the PDF has no text layer (scanned images?); export it from "
            "LaTeX/Jupyter instead of scanning"
        )
    return text


def _fence_unfenced(text: str) -> str:
    """Fence the code runs that layout left in the prose (code set in a text font)."""
    pieces = []
    for info, body in fence_chunks(text):
        pieces.append(fence_code_runs(body) if info is None else f"```{info}\n{body}\n```")
    return "\n".join(pieces)


def read_pdf(path: Path) -> list[Block]:
    """Blocks recovered from a PDF's text."""
    return parse_text(_fence_unfenced(extract_pdf_text(path)), path.name, "pdf")
