"""Time reading a 50-page PDF: PDFium's layout reader (grader.ingest.pdf) against pypdf's
extract_text, which it replaced. The PDF is the test fixtures (pdflatex theory, Chromium
prints of notebooks) repeated to 50 pages, so every page is a real producer's page.

    python bench/pdf_reading.py [--pages 50] [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from grader.ingest.pdf import extract_pdf_text, read_pdf

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pdf"
SOURCES = ["theory_pdflatex.pdf", "notebook_lab.pdf", "notebook_classic.pdf", "notebook_colab.pdf"]


def build(pages: int, out: Path) -> Path:
    """A PDF of ``pages`` pages taken in turn from the fixtures."""
    writer = PdfWriter()
    readers = [PdfReader(FIXTURES / name) for name in SOURCES]
    source_pages = [page for reader in readers for page in reader.pages]
    for i in range(pages):
        writer.add_page(source_pages[i % len(source_pages)])
    with out.open("wb") as handle:
        writer.write(handle)
    return out


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        pdf = build(args.pages, Path(work) / "class.pdf")
        rows = {
            "pypdf extract_text (before)": lambda: [p.extract_text() for p in PdfReader(pdf).pages],
            "layout text, bounded child (after)": lambda: extract_pdf_text(pdf),
            "layout text + blocks (read_pdf)": lambda: read_pdf(pdf),
        }
        for name, fn in rows.items():
            seconds = best_of(args.repeat, fn)
            print(f"{name:38s} {seconds:6.2f} s  {1000 * seconds / args.pages:6.1f} ms/page")


if __name__ == "__main__":
    main()
