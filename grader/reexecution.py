"""``grader grade --execute``: run each submitted notebook again and tie what reproduced to
the parts that rest on it.

:func:`grader.sandbox.reexecute` runs a notebook in the sandbox and says, per code cell with
output, whether the output reproduced. Here each part whose evidence cites such a cell gets
that finding as evidence. A cell whose output earned credit and that now fails, or that was
never reached because the run stopped (a cell that killed the kernel), although it loads no
dataset (on the grader's small fixture data a failure is expected), is flagged
``needs_review``: the output may not come from this code. A re-execution that failed as a
whole (the kernel died, no result came back) is shown on every part citing the notebook
and flags those that earned credit: a failed re-execution is a finding, never silence.
Other differences (randomness, data, time) are shown, not flagged.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from pathlib import Path

from grader.checks.base import GradeOptions
from grader.results import FLAG_REVIEW, Evidence, PartResult, StudentResult
from grader.sandbox.notebook import FAILED_KEY, NOT_REACHED, dataset_roots

CITED_CELL = re.compile(r"^(?P<file>[^,]+), cell (?P<cell>\d+)\b")
RERUN_CELL = re.compile(r"^cell (?P<cell>\d+) \(re-executed\)")
NOW_FAILS = "differs: the cell now fails"


def _findings(notebook: Path, options: GradeOptions) -> tuple[dict[int, Evidence], Evidence | None]:
    """Per-cell findings, and the evidence of a run that failed or stopped early (or None)."""
    from grader.sandbox import reexecute

    found = reexecute(notebook, options)
    cells = {
        int(match.group("cell")): evidence
        for evidence in found
        if (match := RERUN_CELL.match(evidence.where or ""))
    }
    failed = next((e for e in found if e.data.get(FAILED_KEY)), None)
    return cells, failed


def _data_cells(notebook: Path) -> set[int]:
    """The notebook's cells that load a dataset (read once per notebook)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return {i for i, c in enumerate(cells) if dataset_roots(["".join(c.get("source", ""))])}


def _flag(part: PartResult) -> None:
    if part.score > 0 and FLAG_REVIEW not in part.flags:
        part.flags.append(FLAG_REVIEW)


def attach_reexecution(result: StudentResult, notebooks: list[Path], options: GradeOptions) -> None:
    """Re-execute ``notebooks`` and add what each cited cell did to the parts citing it."""
    for notebook in notebooks:
        findings, failed = _findings(notebook, options)
        loads_data = _data_cells(notebook) if findings or failed else set()
        for problem in result.problems.values():
            for part in problem.parts.values():
                cited = {
                    int(match.group("cell"))
                    for e in part.evidence
                    if isinstance(e.get("where"), str)
                    and (match := CITED_CELL.match(e["where"]))
                    and match.group("file") == notebook.name
                }
                if failed is not None and cited:
                    part.evidence.append(asdict(failed))
                    if not cited <= loads_data:
                        _flag(part)
                for cell in sorted(cited & set(findings)):
                    finding = findings[cell]
                    part.evidence.append(asdict(finding))
                    if (
                        finding.reason.startswith((NOW_FAILS, NOT_REACHED))
                        and cell not in loads_data
                    ):
                        _flag(part)
