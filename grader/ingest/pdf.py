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

from .errors import IngestError
from .text import CODE_LINE, PROMPT, STRONG_CODE_LINE, parse_text


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


def fence_code_runs(text: str) -> str:
    """Fence runs of code lines so the text reader can classify them.

    A run starts at a prompt line or at a strong code line (``def``, ``import``, ``print(``…)
    and goes on over code-like, indented or wrapped lines.
    """
    out: list[str] = []
    in_code = False
    for line in text.splitlines():
        starts = bool(PROMPT.match(line)) or bool(STRONG_CODE_LINE.match(line))
        continues = bool(CODE_LINE.match(line)) or line.startswith((" ", "\t", "↪", "↳"))
        if in_code and (PROMPT.match(line) or not (continues or starts)):
            out.append("```")
            in_code = False
        if not in_code and starts:
            out.extend(["", "```"])
            in_code = True
        out.append(line)
        if not in_code:
            # extracted text has no paragraph breaks: each line stands alone, so that an
            # output line is never glued to the prose that follows it
            out.append("")
    if in_code:
        out.append("```")
    return "\n".join(out)


def read_pdf(path: Path) -> list[Block]:
    """Blocks recovered from a PDF's text."""
    return parse_text(fence_code_runs(extract_pdf_text(path)), path.name, "pdf")
