"""What ``grader grade`` prints when it is done: who failed, what is left to review, where
everything is."""

from __future__ import annotations

from pathlib import Path

from grader.batch import BatchResult
from grader.progress import LOG_NAME
from grader.report.summary import review_counts

ERRORS_NAMED = 10  # students with errors named in full; beyond that, a count


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_lines(batch: BatchResult, out_dir: Path) -> list[str]:
    """The run's closing lines: counts, the students with errors (and why), the parts left
    to review and the TA decisions applied, and the paths of the outputs."""
    lines = [f"Regraded {count} graded before: {why} since." for why, count in batch.stale.items()]
    errors = [r for r in batch.results if r.status == "error"]
    lines.append(
        f"{_plural(len(batch.results), 'student')} ({batch.graded} graded now, "
        f"{batch.reused} unchanged; {len(errors)} with errors)."
    )
    for r in errors[:ERRORS_NAMED]:
        lines.append(f"  error: {r.student}: {r.error}")
    if len(errors) > ERRORS_NAMED:
        lines.append(f"  … and {len(errors) - ERRORS_NAMED} more (see the class summary)")
    review = review_counts(batch.results)
    lines.append(
        f"To review: {_plural(review['parts_to_review'], 'part')} flagged needs_review, of "
        f"{_plural(review['students_to_review'], 'student')}; "
        f"{_plural(review['decisions'], 'TA decision')} applied "
        f"(grader override / grader accept)."
    )
    lines.append(f"Class summary: {out_dir / 'index.html'}")
    lines.append(
        f"Grades: {out_dir / 'grades.json'}, {out_dir / 'grades.csv'}; "
        f"gradebook: {batch.gradebook}; log: {out_dir / LOG_NAME}"
    )
    return lines
