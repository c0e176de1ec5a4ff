"""Class-scale benchmark: grade synthetic classes end to end and report throughput and memory.

Generates 300 varied submissions (bench/synthetic.py: .ipynb, .md, .txt, .pdf and folders)
and runs ``grader grade CLASS --jobs 2`` on them in fresh output folders, once per case:

- stored outputs only   ``--no-run --no-reports``: reading, locating, checking outputs
- function tests        ``--no-reports``: the same plus running students' functions
- HTML reports          ``--no-run --no-pdf``
- tests + HTML reports  ``--no-pdf``
- PDF reports           ``--no-run``: HTML and PDF reports
- default               no flag: function tests, HTML and PDF reports: the target (issue
                        3/5), 300 submissions in under 2 minutes

Then the per-stage breakdown, from the differences between cases: reading, locating and
checking; function tests; HTML reports; PDF reports (with the PDF seconds per report).

Each run is timed from start to exit (start-up included) while the memory of the whole
process tree is sampled; the tests + HTML case also runs on the first 100 students,
so peak memory at 100 and 300 can be compared. Results go to stdout as a Markdown table
and to WORK/results.json.

    python bench/class_scale.py [--students 300] [--jobs 2] [--work /tmp/grader-bench]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_class  # noqa: E402

CASES: dict[str, list[str]] = {
    "stored outputs only": ["--no-run", "--no-reports"],
    "function tests": ["--no-reports"],
    "HTML reports": ["--no-run", "--no-pdf"],
    "function tests + HTML reports": ["--no-pdf"],
    "PDF reports": ["--no-run"],
    "default": [],
}
TARGET_CASE = "default"
# stage: (case with it, case without it); each stage's seconds are the difference
STAGES = {
    "reading, locating, checking": ("stored outputs only", None),
    "function tests": ("function tests", "stored outputs only"),
    "HTML reports": ("function tests + HTML reports", "function tests"),
    "PDF reports": ("default", "function tests + HTML reports"),
}
SAMPLE_S = 0.1


@dataclass
class Measurement:
    """One timed run."""

    case: str
    students: int
    seconds: float
    per_second: float
    peak_tree_mb: float  # PSS of the whole tree (grader, pool workers, sandbox servers)
    peak_process_mb: float  # RSS of the largest single process
    errors: int


def _tree_memory(root: psutil.Process) -> tuple[int, int]:
    """(sum of PSS over the process tree, largest single RSS), in bytes.

    PSS splits pages shared between processes (forked sandboxes share torch) among them,
    so the sum is what the tree really holds; a sum of RSS would count them many times.
    """
    total, largest = 0, 0
    for proc in [root, *root.children(recursive=True)]:
        try:
            memory = proc.memory_full_info()
        except psutil.Error:
            continue
        total += memory.pss
        largest = max(largest, memory.rss)
    return total, largest


def measure(case: str, folder: Path, out: Path, students: int, jobs: int) -> Measurement:
    """Grade ``folder`` into a fresh ``out`` with the case's flags; time it, sample memory."""
    command = [sys.executable, "-m", "grader", "grade", str(folder), "-a", "hw2-2024"]
    command += ["-o", str(out), "--jobs", str(jobs), *CASES[case]]
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(proc.pid)
    peak, largest = 0, 0
    while proc.poll() is None:
        total, biggest = _tree_memory(root)
        peak, largest = max(peak, total), max(largest, biggest)
        time.sleep(SAMPLE_S)
    seconds = time.perf_counter() - start
    stdout, stderr = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"{case}: grader exited {proc.returncode}\n{stderr}")
    grades = json.loads((out / "grades.json").read_text())["students"]
    assert len(grades) == students, (case, len(grades))
    errors = sum(s["status"] == "error" for s in grades)
    mb = 1024 * 1024
    return Measurement(
        case,
        students,
        round(seconds, 1),
        round(students / seconds, 2),
        round(peak / mb),
        round(largest / mb),
        errors,
    )


def table(measurements: list[Measurement]) -> str:
    """The measurements as a Markdown table."""
    rows = [
        "| case | students | seconds | submissions/s | peak memory, process tree (PSS, MB) "
        "| peak RSS, largest process (MB) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for m in measurements:
        rows.append(
            f"| {m.case} | {m.students} | {m.seconds} | {m.per_second} | {m.peak_tree_mb} "
            f"| {m.peak_process_mb} |"
        )
    return "\n".join(rows)


def breakdown(measurements: list[Measurement], students: int) -> str:
    """Seconds per stage (differences between cases at ``students``), per submission."""
    seconds = {m.case: m.seconds for m in measurements if m.students == students}
    rows = ["| stage | seconds | ms per submission |", "|---|---:|---:|"]
    for stage, (with_it, without) in STAGES.items():
        if with_it in seconds and (without is None or without in seconds):
            spent = seconds[with_it] - (seconds[without] if without else 0.0)
            rows.append(f"| {stage} | {spent:.1f} | {1000 * spent / students:.0f} |")
    return "\n".join(rows)


def main() -> None:
    """Generate the classes (once), run every case, print and save the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--small", type=int, default=100, help="class size for the memory check")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path("/tmp/grader-bench"))
    parser.add_argument("--cases", nargs="*", choices=list(CASES), default=list(CASES))
    args = parser.parse_args()
    classes = {}
    for size in (args.small, args.students):
        folder = args.work / f"class-{size}"
        if not folder.exists():
            write_class(folder, size)
        classes[size] = folder
    runs = [(case, args.students) for case in args.cases]
    if TARGET_CASE in args.cases:
        runs.insert(args.cases.index(TARGET_CASE), (TARGET_CASE, args.small))
    measurements = []
    for case, size in runs:
        out = args.work / f"out-{size}-{case.replace(' ', '-').replace('+', 'and')}"
        shutil.rmtree(out, ignore_errors=True)
        measurement = measure(case, classes[size], out, size, args.jobs)
        print(f"{case} ({size}): {measurement.seconds}s", file=sys.stderr, flush=True)
        measurements.append(measurement)
    print(table(measurements))
    print()
    print(breakdown(measurements, args.students))
    (args.work / "results.json").write_text(
        json.dumps([asdict(m) for m in measurements], indent=2) + "\n"
    )


if __name__ == "__main__":
    main()
