"""Time reading a 50-page PDF: PDFium's layout reader (grader.ingest.pdf) against pypdf's
extract_text, which it replaced. The PDF is the test fixtures (pdflatex theory, Chromium
prints of notebooks) repeated to 50 pages, so every page is a real producer's page.

    python bench/pdf_reading.py [--pages 50] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import resource
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


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the bounded reader forks)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best_of(repeat: int, fn) -> tuple[float, float]:
    """The least wall-clock and CPU seconds of ``repeat`` runs (CPU time does not grow
    when other processes share the cores)."""
    walls, cpus = [], []
    for _ in range(repeat):
        started, cpu = time.perf_counter(), _cpu()
        fn()
        walls.append(time.perf_counter() - started)
        cpus.append(_cpu() - cpu)
    return min(walls), min(cpus)


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
        print(f"{args.pages} pages, best of {args.repeat}; load average {os.getloadavg()[0]:.1f}")
        print(f"{'':38s} {'wall':>8s} {'ms/page':>8s} {'CPU':>8s} {'ms/page':>8s}")
        for name, fn in rows.items():
            wall, cpu = best_of(args.repeat, fn)
            per_wall, per_cpu = 1000 * wall / args.pages, 1000 * cpu / args.pages
            print(f"{name:38s} {wall:7.2f}s {per_wall:8.1f} {cpu:7.2f}s {per_cpu:8.1f}")


if __name__ == "__main__":
    main()
