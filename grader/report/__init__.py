"""Reports people read: per-student reports, the class summary and solution documents.

HTML from Jinja templates (autoescaped), math and plots as inline SVG, PDF with WeasyPrint.
"""

from .writer import ReportWriter, student_dir

__all__ = ["ReportWriter", "student_dir"]
