"""Write the batch's gradebook files: ``grades.json`` and ``grades.csv``.

Both are the public output contract (README, "Output contract"): TAs' scripts read them.
Files are written atomically (a temporary file, then a rename), so a killed run never
leaves a half-written gradebook.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import tempfile
from pathlib import Path

from grader.results import StudentResult
from grader.rubric import Rubric
from grader.studentdirs import folder_name


def _umask() -> int:
    """The process's umask, read from /proc (setting it to read it would race with other
    threads creating files); 022 where /proc does not say."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write a file so that readers see either the old or the new content, never a mix.

    The file gets the mode any new file gets under the umask (0644 under umask 022), not
    the 0600 of a temporary file, so that another TA on the machine can read it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


DIGEST_CHARS = 12


def result_digest(result: StudentResult) -> str:
    """The content hash of a student's grades (as grades.json holds them): each report
    carries it, so a report can be matched with the grades it shows."""
    text = json.dumps(result.to_dict(), sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:DIGEST_CHARS]


def class_digest(results: list[StudentResult]) -> str:
    """The content hash of a class's grades: the class summary carries it."""
    joined = "\n".join(f"{r.student} {result_digest(r)}" for r in results)
    return hashlib.sha256(joined.encode()).hexdigest()[:DIGEST_CHARS]


def grades_json(results: list[StudentResult], rubric: Rubric) -> dict:
    """The content of grades.json."""
    return {
        "assignment": rubric.id,
        "title": rubric.title,
        "rubric_version": rubric.version,
        "max": rubric.max_points,
        "digest": class_digest(results),
        "students": [
            {
                **r.to_dict(),
                "flags": r.flags,
                "digest": result_digest(r),
                "report_dir": folder_name(r.student),
            }
            for r in results
        ],
    }


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet reads these as a formula


def csv_cell(value: object) -> object:
    """A CSV cell as spreadsheets must read it: text that would start a formula
    (``=HYPERLINK(…)``, ``+1+cmd``, ``@SUM(A1)``) gets a leading ``'``, as OWASP's "CSV
    injection" advice says; numbers are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(values: list) -> list:
    """A row of :func:`csv_cell` cells."""
    return [csv_cell(v) for v in values]


def grades_csv(results: list[StudentResult], rubric: Rubric) -> str:
    """The content of grades.csv: one row per student, a column per problem; then (added
    2026-12-02, after the earlier columns) the total before any late penalty and the
    points the penalty took, as nbgrader's export has them, and the LMS user id; (added
    2026-12-08) the id a renamed submission shared with another. Text cells that a
    spreadsheet would run as a formula are escaped (:func:`csv_cell`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    problem_ids = [p.id for p in rubric.problems]
    writer.writerow(
        ["student", "status", "total", "max", *problem_ids, "flags", "error"]
        + ["raw_total", "late_penalty", "lms_id", "renamed_from"]
    )
    for r in results:
        scores = [r.problems[p].score if p in r.problems else "" for p in problem_ids]
        late = r.late or {}
        raw = late.get("total_before_penalty", r.total) if r.status == "graded" else ""
        penalty = late.get("points_deducted", 0.0) if r.status == "graded" else ""
        writer.writerow(
            csv_row(
                [r.student, r.status, r.total, r.max, *scores, ";".join(r.flags), r.error or ""]
                + [raw, penalty, r.lms_id or "", r.renamed_from or ""]
            )
        )
    return buffer.getvalue()


def write_gradebook(results: list[StudentResult], rubric: Rubric, out_dir: Path) -> list[Path]:
    """Write grades.json and grades.csv into ``out_dir``; return their paths."""
    json_path, csv_path = out_dir / "grades.json", out_dir / "grades.csv"
    write_atomic(json_path, json.dumps(grades_json(results, rubric), indent=2) + "\n")
    write_atomic(csv_path, grades_csv(results, rubric))
    return [json_path, csv_path]
