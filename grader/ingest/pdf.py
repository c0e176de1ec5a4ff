"""Read a PDF (LaTeX answers followed by notebooks printed to PDF) by text extraction.

The text is turned into the same markdown-like form the seeds show: runs of code lines
(with or without ``In [n]:`` prompts) are fenced, the rest stays as paragraphs, and
:func:`grader.ingest.text.parse_text` then tells code, outputs and prose apart. Every
output from a PDF is ``printed`` evidence: weaker than an executed notebook's.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError

from grader.document import Block

from .coderuns import fence_code_runs
from .errors import IngestError
from .text import parse_text


def extract_pdf_text(path: Path) -> str:
    """All pages' text; raise IngestError for encrypted, broken or image-only PDFs."""
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise IngestError(
                f"{path.name}: the PDF is password-protected; upload it without a password"
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except FileNotDecryptedError:
        raise IngestError(
            f"{path.name}: the PDF is password-protected; upload it without a password"
        ) from None
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise IngestError(f"{path.name}: not a readable PDF ({exc}); re-export it") from None
    text = "\n".join(pages)
    if not text.strip():
        raise IngestError(
            f"{path.name}: the PDF has no text layer (scanned images?); export it from "
            "LaTeX/Jupyter instead of scanning"
        )
    return text


def read_pdf(path: Path) -> list[Block]:
    """Blocks recovered from a PDF's text."""
    return parse_text(fence_code_runs(extract_pdf_text(path)), path.name, "pdf")
