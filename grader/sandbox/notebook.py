"""Optional re-execution of a submitted notebook (``grader grade --execute``).

The notebook runs with nbclient inside the same sandbox as the function tests (no
network, so the kernel talks over the ``ipc`` transport), each cell with its own time
limit. Where the notebook loads an MNIST-style dataset, a small fake copy is written
where it looks for it (an absolute path is moved under the sandbox's folder). Each
code cell's new text output is then compared with the one submitted.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import struct
from dataclasses import replace
from functools import partial
from pathlib import Path

from grader.checks.base import GradeOptions
from grader.results import Evidence

from .jobs import Task, run_job, write_line
from .limits import Limits
from .procs import seal

DATASETS = ("FashionMNIST", "KMNIST", "MNIST")  # torchvision classes read from raw idx files
DATASET_CALL = re.compile(rf"\b({'|'.join(DATASETS)})\(\s*(?:root\s*=\s*)?(?:(['\"])(.*?)\2|(\w+))")
STRING_ASSIGN = re.compile(r"^\s*(\w+)\s*=\s*(['\"])(.*?)\2\s*$", re.M)
FIXTURE_SIZES = {"train": 256, "t10k": 64}
NOTEBOOK_KEY = "sandbox_notebook_s"  # options.extra: wall-clock limit of a whole notebook
CELL_KEY = "sandbox_cell_s"  # options.extra: limit of one cell
DEFAULT_NOTEBOOK_S = 900.0
DEFAULT_CELL_S = 120.0
FAILED_KEY = "rerun_failed"  # Evidence.data of a re-execution that ended early: why
VOLATILE = re.compile(r"0x[0-9a-f]+|\d+(\.\d+)?\s*(s|sec|seconds|ms|it/s|s/it)\b|\d+m\s*\d+s", re.I)


def dataset_roots(sources: list[str]) -> dict[str, set[str]]:
    """The folders each MNIST-style dataset is loaded from, by class name."""
    strings = {m.group(1): m.group(3) for s in sources for m in STRING_ASSIGN.finditer(s)}
    roots: dict[str, set[str]] = {}
    for source in sources:
        for match in DATASET_CALL.finditer(source):
            root = match.group(3) if match.group(3) is not None else strings.get(match.group(4))
            roots.setdefault(match.group(1), set()).add(root if root is not None else "data")
    return roots


def relocated(root: str) -> str:
    """Where an absolute dataset folder is put instead: under the working folder."""
    return "." + root if root.startswith("/") else root


def write_idx_fixture(folder: Path, seed: int = 0) -> None:
    """A tiny fake MNIST-format dataset (28x28 images, 10 classes) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for split, count in FIXTURE_SIZES.items():
        images = bytes(rng.randrange(256) for _ in range(count * 28 * 28))
        labels = bytes(rng.randrange(10) for _ in range(count))
        (folder / f"{split}-images-idx3-ubyte").write_bytes(
            struct.pack(">IIII", 2051, count, 28, 28) + images
        )
        (folder / f"{split}-labels-idx1-ubyte").write_bytes(
            struct.pack(">II", 2049, count) + labels
        )
        for name in (f"{split}-images-idx3-ubyte", f"{split}-labels-idx1-ubyte"):
            (folder / f"{name}.gz").write_bytes(gzip.compress((folder / name).read_bytes()))


def _execute_work(
    notebook_json: str, roots: dict[str, list[str]], cell_s: float, result_fd: int
) -> None:
    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    for dataset, folders in roots.items():
        for folder in folders:
            write_idx_fixture(Path(relocated(folder)) / dataset / "raw")
    notebook = nbformat.reads(notebook_json, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None  # what did not run shows nothing
            for folder in (f for fs in roots.values() for f in fs if f.startswith("/")):
                cell.source = cell.source.replace(f"'{folder}'", f"'{relocated(folder)}'").replace(
                    f'"{folder}"', f'"{relocated(folder)}"'
                )
    client = NotebookClient(
        notebook,
        timeout=cell_s,
        allow_errors=True,
        interrupt_on_timeout=True,
        km=KernelManager(kernel_name="python3", transport="ipc", ip="kernel"),
    )
    try:
        client.execute()
        problem = None
    except Exception as exc:  # noqa: BLE001 - a dead kernel ends the run, not the grader
        problem = f"{type(exc).__name__}: {str(exc)[:300]}"
    cells = [
        {
            "cell": index,
            "text": outputs_text(cell.get("outputs", [])),
            "error": any(o.get("output_type") == "error" for o in cell.get("outputs", [])),
        }
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code" and (cell.get("execution_count") is not None or cell.outputs)
    ]
    seal(result_fd)
    write_line(result_fd, {"cells": cells, "problem": problem})


def serve(request: dict, isolated: bool) -> dict:
    """The server's side: run the notebook in one sandbox task."""
    # One kernel process runs every cell: its CPU limit is the whole notebook's.
    limits = replace(Limits(**request["limits"]), cpu_s=int(request["notebook_s"]))
    work = partial(_execute_work, request["notebook"], request["roots"], request["cell_s"])
    result = run_job(
        [Task("notebook", work, request["notebook_s"], one_thread=False)],
        limits,
        isolate=isolated,
        hide=tuple(request["hide"]),
    )
    return {"task": result.tasks.get("notebook"), "problem": result.problem}


def outputs_text(outputs: list[dict]) -> str:
    """The text a cell showed: streams, text/plain results, and errors."""
    parts = []
    for output in outputs:
        kind = output.get("output_type")
        if kind == "stream":
            parts.append("".join(output.get("text", "")))
        elif kind in ("execute_result", "display_data"):
            text = output.get("data", {}).get("text/plain", "")
            parts.append("".join(text) if isinstance(text, list) else str(text))
        elif kind == "error":
            parts.append(f"{output.get('ename', '')}: {output.get('evalue', '')}")
    return "\n".join(parts)


def _normal(text: str) -> str:
    return " ".join(VOLATILE.sub("#", text).split())


NOT_REACHED = "differs: the cell was not reached"


def compare_cells(
    original: list[dict], rerun: list[dict], stopped: str | None = None
) -> list[Evidence]:
    """Evidence per submitted code cell with output: reproduced, differs, now fails, or not
    reached (``stopped``: why the run ended early, such as a kernel that died)."""
    again = {c.get("cell"): c for c in rerun if isinstance(c, dict)}
    evidence = []
    for index, cell in enumerate(original):
        if cell.get("cell_type") != "code" or not cell.get("outputs"):
            continue
        before = outputs_text(cell["outputs"])
        new = again.get(index)
        after = str(new["text"]) if new else ""
        if new is None:
            why = f" (the run stopped early: {stopped})" if stopped else ""
            reason = f"{NOT_REACHED} when the notebook ran again{why}"
        elif _normal(before) == _normal(after):
            reason = "reproduced: the same output when run again"
        elif new.get("error"):
            reason = "differs: the cell now fails (it ran on the grader's small fixture data if it loads a dataset)"
        else:
            reason = "differs: another output when run again (expected where it depends on data, randomness or time)"
        evidence.append(
            Evidence(after[:300], before[:300], reason, f"cell {index} (re-executed)", "executed")
        )
    return evidence


def reexecute(notebook_path: Path, options: GradeOptions) -> list[Evidence]:
    """Run a submitted notebook again in the sandbox and say which outputs reproduce.

    The first Evidence summarises; one follows per code cell that had output. Never
    raises for what the notebook does; an unreadable notebook or a refused run (see
    :func:`grader.sandbox.functions.permission`) is reported as a single Evidence.
    """
    from .client import SandboxError, server
    from .functions import RunRefused, hidden_paths, permission

    try:
        data = json.loads(Path(notebook_path).read_text(encoding="utf-8"))
        cells = data["cells"]
        sources = ["".join(c.get("source", "")) for c in cells if c.get("cell_type") == "code"]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        return [
            Evidence(
                "(not re-executed)",
                "a readable notebook",
                f"{notebook_path.name}: cannot be read as a notebook ({exc})",
            )
        ]
    extra = options.extra
    try:
        isolated = permission(options)
        reply = server().request(
            {
                "op": "notebook",
                "notebook": json.dumps(data),
                "roots": {k: sorted(v) for k, v in dataset_roots(sources).items()},
                "cell_s": float(extra.get(CELL_KEY, DEFAULT_CELL_S)),
                "notebook_s": float(extra.get(NOTEBOOK_KEY, DEFAULT_NOTEBOOK_S)),
                "limits": Limits.from_extra(extra).to_dict(),
                "isolate": isolated,
                "hide": list(hidden_paths(options)) if isolated else [],
            },
            float(extra.get(NOTEBOOK_KEY, DEFAULT_NOTEBOOK_S)) + 120.0,
        )
    except (RunRefused, SandboxError) as exc:
        return [Evidence("(not re-executed)", "the notebook run again", str(exc))]
    task = reply.get("task") or {}
    lines = task.get("lines", [])
    rerun = next((line for line in lines if isinstance(line.get("cells"), list)), None)
    if rerun is None:
        problem = task.get("problem") or reply.get("problem") or "it sent back no result"
        return [
            Evidence(
                "(no result)",
                "the notebook run again",
                f"re-execution failed: the run {problem}",
                str(notebook_path.name),
                data={FAILED_KEY: str(problem)},
            )
        ]
    stopped = rerun.get("problem") or task.get("problem")
    cells_evidence = compare_cells(cells, rerun["cells"], stopped)
    same = sum(e.reason.startswith("reproduced") for e in cells_evidence)
    summary = f"{same} of {len(cells_evidence)} code cells with output reproduced"
    if stopped:
        summary += f"; the run stopped early: {stopped}"
    head = Evidence(
        summary,
        "every reported output reproduces",
        "re-executed in the sandbox with nbclient",
        str(notebook_path.name),
        "executed",
        data={FAILED_KEY: str(stopped)} if stopped else {},
    )
    return [head, *cells_evidence]
