"""Two classes graded at once, one of them holding a hostile submission (issue 3/5).

Class B (synthetic, ``bench/synthetic.py``) is graded alone, then again while class A, the
same kind of class plus one submission whose ``binary_accuracy`` forks until the process
limit and spreads memory over its processes, is graded at the same time. B's two
``grades.json`` must agree part for part; the script prints the parts that differ (none
expected) and A's attacker's verdict.

    python bench/two_classes.py [--students 8] [--work /tmp/grader-two-classes]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_class  # noqa: E402

ATTACK = (
    "import os, time\n"
    "def binary_accuracy(preds, y):\n"
    "    for _ in range(500):\n"
    "        try:\n"
    "            if os.fork() == 0:\n"
    "                time.sleep(15)  # every process held first, then memory\n"
    "                hog = bytearray(200 * 2**20)\n"
    "                time.sleep(50)\n"
    "                os._exit(0)\n"
    "        except OSError:\n"
    "            break\n"
    "    time.sleep(50)\n"
    "    return 0.5\n"
)


def _attacker(folder: Path) -> None:
    """Copy one generated notebook whose binary_accuracy cell becomes the attack."""
    source = next(
        p for p in sorted(folder.glob("*.ipynb")) if "def binary_accuracy" in p.read_text()
    )
    notebook = json.loads(source.read_text())
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code" and "def binary_accuracy" in "".join(cell["source"]):
            cell["source"] = ATTACK
    (folder / "zz_attacker.ipynb").write_text(json.dumps(notebook))


def _grade(folder: Path, out: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "grader", "grade", str(folder), "-a", "hw2-2024"]
    command += ["-o", str(out), "--jobs", "2", "--no-reports"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _parts(out: Path) -> dict[tuple[str, str], tuple[float, str]]:
    grades = json.loads((out / "grades.json").read_text())
    students = grades["students"] if isinstance(grades, dict) else grades
    return {
        (s["student"], part_id): (part["score"], part["status"])
        for s in students
        for problem in s.get("problems", {}).values()
        for part_id, part in problem["parts"].items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=8)
    parser.add_argument("--work", type=Path, default=Path("/tmp/grader-two-classes"))
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    class_a, class_b = args.work / "a", args.work / "b"
    write_class(class_a, args.students, seed=11)
    write_class(class_b, args.students, seed=12)
    _attacker(class_a)
    start = time.monotonic()
    alone = _grade(class_b, args.work / "b-alone")
    alone.communicate()
    print(f"class B alone: {time.monotonic() - start:.1f} s")
    start = time.monotonic()
    hostile = _grade(class_a, args.work / "a-out")
    time.sleep(20)  # A's workers are up and grading when B starts
    beside = _grade(class_b, args.work / "b-beside")
    beside.communicate()
    print(f"class B beside class A: {time.monotonic() - start:.1f} s")
    hostile.communicate()
    first, second = _parts(args.work / "b-alone"), _parts(args.work / "b-beside")
    differ = sorted(k for k in first.keys() | second.keys() if first.get(k) != second.get(k))
    print(f"class B: {len(first)} parts, {len(differ)} differ")
    for key in differ:
        print(f"  {key}: alone {first.get(key)}, beside A {second.get(key)}")
    attacker = {k: v for k, v in _parts(args.work / "a-out").items() if k[0] == "zz_attacker"}
    print("attacker:", {k[1]: v for k, v in attacker.items() if "q3a" in k[1]})


if __name__ == "__main__":
    main()
