"""Reports people read: a per-student report and the class summary, from Jinja templates."""

from .html import render_index, render_student, student_dir

__all__ = ["render_index", "render_student", "student_dir"]
