"""What ``grader grade`` prints when it is done: who failed, what is left to review, where
everything is."""

from __future__ import annotations

from pathlib import Path

from grader.batch import BatchResult
from grader.locate import names_another
from grader.progress import LOG_NAME, shown
from grader.report.summary import review_counts

ERRORS_NAMED = 10  # students with errors named in full; beyond that, a count


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def assignment_warning(batch: BatchResult, assignment: str) -> str | None:
    """A warning when at least half of the graded submissions have numbered headings titled
    as other problems than the rubric's of that number: the assignment may be the wrong one."""
    graded = [r for r in batch.results if r.status == "graded"]
    mismatched = [
        (r.student, pid, p.located_by)
        for r in graded
        for pid, p in r.problems.items()
        if names_another(p.located_by)
    ]
    students = {student for student, _, _ in mismatched}
    if not graded or len(students) * 2 < len(graded):
        return None
    student, pid, located_by = mismatched[0]
    return (
        f"warning: in {len(students)} of {len(graded)} graded submissions, problems are headed "
        f"as other problems than {assignment}'s (e.g. {student} {pid}: {located_by}). Is "
        f"--assignment {assignment} right? `grader rubrics` lists the assignments."
    )


def summary_lines(batch: BatchResult, out_dir: Path, assignment: str = "") -> list[str]:
    """The run's closing lines: counts, the students with errors (and why), the parts left
    to review and the TA decisions applied, and the paths of the outputs."""
    lines = [f"Regraded {count} graded before: {why} since." for why, count in batch.stale.items()]
    errors = [r for r in batch.results if r.status == "error"]
    lines.append(
        f"{_plural(len(batch.results), 'student')} ({batch.graded} graded now, "
        f"{batch.reused} unchanged; {len(errors)} with errors)."
    )
    for r in errors[:ERRORS_NAMED]:
        lines.append(f"  error: {shown(r.student)}: {shown(r.error or '')}")
    if len(errors) > ERRORS_NAMED:
        lines.append(f"  … and {len(errors) - ERRORS_NAMED} more (see the class summary)")
    failed = [(r.student, r.failed_parts) for r in batch.results if r.failed_parts]
    if failed:
        count = sum(len(parts) for _, parts in failed)
        named = "; ".join(f"{s}: {', '.join(parts)}" for s, parts in failed[:ERRORS_NAMED])
        more = f"; … and {len(failed) - ERRORS_NAMED} more" if len(failed) > ERRORS_NAMED else ""
        lines.append(
            f"Not graded because the grader failed (not the students' work), "
            f"{_plural(count, 'part')} of {_plural(len(failed), 'student')}: {named}{more}. "
            "They are flagged needs_review with status error and not kept: the next run "
            "grades them again."
        )
    unread = [r for r in batch.results if r.not_read]
    if unread:
        named = "; ".join(
            f"{shown(r.student)}: {shown(', '.join(r.not_read))}" for r in unread[:ERRORS_NAMED]
        )
        more = f"; … and {len(unread) - ERRORS_NAMED} more" if len(unread) > ERRORS_NAMED else ""
        lines.append(
            f"Not read (no reader for their type), {_plural(len(unread), 'student')}: "
            f"{named}{more}."
        )
    renamed = [r for r in batch.results if r.renamed_from is not None]
    if renamed:
        named = "; ".join(
            f"{shown(r.student)} (was {shown(r.renamed_from or '')})" for r in renamed
        )
        lines.append(
            f"Renamed, as {_plural(len(renamed), 'submission')} shared an id with another: "
            f"{named}. grades.json names each one's files."
        )
    review = review_counts(batch.results)
    lines.append(
        f"To review: {_plural(review['parts_to_review'], 'part')} flagged needs_review, of "
        f"{_plural(review['students_to_review'], 'student')}; "
        f"{_plural(review['decisions'], 'TA decision')} applied "
        f"(grader override / grader accept)."
    )
    if batch.removed:
        lines.append(
            f"Removed {_plural(len(batch.removed), 'report')} left by an earlier run that this "
            "run did not render (--no-pdf or --no-reports): they may not match grades.json."
        )
    warning = assignment_warning(batch, assignment)
    if warning:
        lines.append(warning)
    lines.append(f"Class summary: {out_dir / 'index.html'}")
    lines.append(
        f"Grades: {out_dir / 'grades.json'}, {out_dir / 'grades.csv'}; "
        f"gradebook: {batch.gradebook}; log: {out_dir / LOG_NAME}"
    )
    return lines
