"""``grader grade --execute``: run each submitted notebook again and tie what reproduced to
the parts that rest on it.

:func:`grader.sandbox.reexecute` runs a notebook in the sandbox and says, per code cell with
output, whether the output reproduced. Here each part whose evidence cites such a cell gets
that finding as evidence. A cell whose output earned credit and that now fails, although it
loads no dataset (on the grader's small fixture data a failure is expected), is flagged
``needs_review``: the output may not come from this code. Other differences (randomness,
data, time) are shown, not flagged.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from pathlib import Path

from grader.checks.base import GradeOptions
from grader.results import FLAG_REVIEW, Evidence, StudentResult
from grader.sandbox.notebook import dataset_roots

CITED_CELL = re.compile(r"^(?P<file>[^,]+), cell (?P<cell>\d+)\b")
RERUN_CELL = re.compile(r"^cell (?P<cell>\d+) \(re-executed\)")
NOW_FAILS = "differs: the cell now fails"


def _findings(notebook: Path, options: GradeOptions) -> dict[int, Evidence]:
    from grader.sandbox import reexecute

    return {
        int(match.group("cell")): evidence
        for evidence in reexecute(notebook, options)
        if (match := RERUN_CELL.match(evidence.where or ""))
    }


def _data_cells(notebook: Path) -> set[int]:
    """The notebook's cells that load a dataset (read once per notebook)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return {i for i, c in enumerate(cells) if dataset_roots(["".join(c.get("source", ""))])}


def attach_reexecution(result: StudentResult, notebooks: list[Path], options: GradeOptions) -> None:
    """Re-execute ``notebooks`` and add what each cited cell did to the parts citing it."""
    for notebook in notebooks:
        findings = _findings(notebook, options)
        loads_data = _data_cells(notebook) if findings else set()
        for problem in result.problems.values():
            for part in problem.parts.values():
                cited = {
                    int(match.group("cell"))
                    for e in part.evidence
                    if isinstance(e.get("where"), str)
                    and (match := CITED_CELL.match(e["where"]))
                    and match.group("file") == notebook.name
                }
                for cell in sorted(cited & set(findings)):
                    finding = findings[cell]
                    part.evidence.append(asdict(finding))
                    failed = finding.reason.startswith(NOW_FAILS)
                    if failed and part.score > 0 and cell not in loads_data:
                        if FLAG_REVIEW not in part.flags:
                            part.flags.append(FLAG_REVIEW)
