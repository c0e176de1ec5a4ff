"""What a batch writes besides grades.json, grades.csv and the HTML reports, and when.

Before anything is written, :func:`apply_overrides_file` applies the TA overrides, so every
output shows them. After the reports, :func:`write_exports` writes the exports asked for.
PDF reports are :attr:`OutputOptions.pdf` (``ReportWriter(..., pdf=...)``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from grader.exports.gradescope import RESULTS_NAME, write_results_json
from grader.exports.lms import write_lms_csv
from grader.groups import GROUPS_NAME, write_groups
from grader.output import write_atomic
from grader.overrides import OVERRIDES_NAME, apply_overrides, load_overrides
from grader.results import StudentResult
from grader.rubric import Rubric

from .env import environment
from .writer import student_dir

GROUPS_HTML, GROUPS_TEMPLATE = "groups.html", "groups.html.j2"


@dataclass
class OutputOptions:
    """What to write beside the gradebook files and HTML reports (set from the CLI)."""

    pdf: bool = True  # report.pdf per student and summary.pdf
    overrides: Path | None = None  # default: OUT/overrides.yaml when it exists
    gradescope: bool = False  # OUT/<student>/results.json
    lms: str | None = None  # a style of templates/lms_styles.yaml: OUT/lms-<style>.csv
    lms_items: str = "total"  # "total" or "problems"
    lms_assignment_id: str | None = None  # the LMS's id of the assignment: "Title (id)"
    groups: bool = False  # OUT/groups.json and groups.html: answer groups (grader.groups)


def apply_overrides_file(
    results: list[StudentResult], out_dir: Path, options: OutputOptions
) -> list[str]:
    """Apply the overrides file to the results in place; return warnings for misfits."""
    return apply_overrides(results, load_overrides(options.overrides or out_dir / OVERRIDES_NAME))


def write_exports(
    results: list[StudentResult],
    rubric: Rubric,
    out_dir: Path,
    options: OutputOptions,
    templates_dir: Path | None = None,
) -> list[Path]:
    """Write the Gradescope results, the answer groups and the LMS CSV if asked for;
    return the files."""
    written = []
    if options.gradescope:
        for result in results:
            path = student_dir(out_dir, result.student) / RESULTS_NAME
            written.append(write_results_json(result, path))
    if options.groups:
        groups = write_groups(results, rubric, out_dir)
        page = environment(templates_dir).get_template(GROUPS_TEMPLATE)
        html = page.render(groups=groups, rubric=rubric)
        write_atomic(out_dir / GROUPS_HTML, html)
        written += [out_dir / GROUPS_NAME, out_dir / GROUPS_HTML]
    if options.lms:
        path = out_dir / f"lms-{options.lms}.csv"
        written.append(
            write_lms_csv(
                results,
                rubric,
                path,
                options.lms,
                options.lms_items,
                templates_dir,
                options.lms_assignment_id,
            )
        )
    return written
