"""A class folder nobody trusts (issue 4/5), attacked as a student or a broken machine would.

The grader runs as root on a course server over whatever the LMS gave. Each test plants its
attack beside honest students and ends with: the others graded as they would be alone, no
file outside the class read, no output overwritten, and one clear message where a fault
stops the run.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import run_cli
from synthetic import make_student, write_student

from grader import safefiles
from grader.output import csv_cell
from grader.studentdirs import folder_name

SECRET = "ROOT-ONLY-7f3a: the exam key is 42"
GRADE = ("-a", "hw2-2024", "--no-run", "--no-pdf")


def _honest(folder: Path, name: str, index: int, fmt: str = "md") -> Path:
    """A real student's work, from the synthetic class, saved as ``name``."""
    student = make_student(index, random.Random(index))
    student.format = fmt
    made = folder.parent / f"made-{name}"
    made.mkdir(parents=True, exist_ok=True)
    path = write_student(student, made)
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(path, folder / name))


def _grade(paths: list[Path], out: Path, *extra: str) -> subprocess.CompletedProcess:
    return run_cli("grade", *map(str, paths), "-o", str(out), *GRADE, *extra)


def _students(out: Path) -> dict[str, dict]:
    return {s["student"]: s for s in json.loads((out / "grades.json").read_text())["students"]}


def _scores(entry: dict) -> tuple:
    return entry["status"], entry["total"], {p: v["score"] for p, v in entry["problems"].items()}


def _alone(file: Path, tmp_path: Path) -> tuple:
    """How ``file`` is graded in a class of its own."""
    alone = tmp_path / f"alone-{file.stem}"
    alone.mkdir()
    shutil.copy(file, alone / file.name)
    out = tmp_path / f"out-alone-{file.stem}"
    assert _grade([alone], out).returncode == 0
    (entry,) = _students(out).values()
    return _scores(entry)


def _everything_written(out: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file())


def test_links_to_root_only_files_are_never_read(tmp_path: Path) -> None:
    """Links planted in the class folder, in a student folder, as a sub-folder, and a FIFO
    that would hang a reader: each is that student's error row, named; nothing outside
    the class reaches an output."""
    secret = tmp_path / "root-only" / "shadow.txt"
    secret.parent.mkdir()
    secret.write_text(f"# Assignment 2\n\n## 1. Recurrences\n\n{SECRET}\n")
    secret.chmod(0o600)
    folder = tmp_path / "class"
    honest = _honest(folder, "ana.md", 0)
    (folder / "mallory.md").symlink_to(secret)
    (folder / "bob").mkdir()
    shutil.copy(honest, folder / "bob" / "answers.md")
    (folder / "bob" / "extra.md").symlink_to(secret)
    (folder / "carl").mkdir()
    shutil.copy(honest, folder / "carl" / "answers.md")
    (folder / "carl" / "notes").symlink_to(secret.parent, target_is_directory=True)
    (folder / "eve").symlink_to(secret.parent, target_is_directory=True)
    os.mkfifo(folder / "dora.md")
    out = tmp_path / "out"
    proc = _grade([folder], out)
    assert proc.returncode == 0, proc.stderr
    students = _students(out)
    refused = {
        "mallory": "mallory.md is a symbolic link",
        "bob": "extra.md is a symbolic link",
        "carl": "notes is a symbolic link",
        "eve": "eve is a symbolic link",
        "dora": "dora.md is not a regular file",
    }
    for student, why in refused.items():
        assert students[student]["status"] == "error", student
        assert why in students[student]["error"] and "nothing of this" in students[student]["error"]
        assert f"error: {student}: " in proc.stdout
    assert _scores(students["ana"]) == _alone(honest, tmp_path)
    assert SECRET.encode() not in _everything_written(out)  # grades, gradebook, log, reports


def test_a_file_swapped_for_a_link_after_listing_is_not_read(tmp_path: Path) -> None:
    """The race: a folder of the class replaced by a link out of it between listing and
    reading. The file is opened without following links and checked to be inside."""
    root = tmp_path / "class"
    (root / "ana").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "answers.md").write_text(SECRET)
    (root / "ana").rmdir()
    (root / "ana").symlink_to(outside, target_is_directory=True)
    with pytest.raises(safefiles.RefusedFile, match="out of the class folder"):
        safefiles.read_inside(root / "ana" / "answers.md", root.resolve())
    (root / "link.md").symlink_to(outside / "answers.md")
    with pytest.raises(safefiles.RefusedFile, match="symbolic link"):
        safefiles.read_inside(root / "link.md", root.resolve())


def test_two_students_never_become_one(tmp_path: Path) -> None:
    """alice.md + alice.txt beside a real alice-2; 'jane doe' beside 'jane_doe': five
    students, five rows, five report folders, each renamed one shown everywhere."""
    folder = tmp_path / "class"
    real = _honest(folder, "alice-2.md", 0)
    _honest(folder, "alice.md", 2)
    _honest(folder, "alice.txt", 3, "txt")
    _honest(folder, "jane doe.md", 1)
    _honest(folder, "jane_doe.md", 3)
    out = tmp_path / "out"
    proc = _grade([folder], out)
    assert proc.returncode == 0, proc.stderr
    students = _students(out)
    assert sorted(students) == ["alice-2", "alice.md", "alice.txt", "jane doe", "jane_doe"]
    assert _scores(students["alice-2"]) == _alone(real, tmp_path)
    assert students["alice-2"]["sources"] == ["alice-2.md"]
    assert students["alice.md"]["renamed_from"] == students["alice.txt"]["renamed_from"] == "alice"
    assert students["alice-2"]["renamed_from"] is None
    folders = {s["report_dir"] for s in students.values()}
    assert len(folders) == 5 and "jane_doe" in folders
    for student, entry in students.items():  # each report is its own student's
        html = (out / entry["report_dir"] / "report.html").read_text()
        assert f">{student}</h1>" in html
    assert "Renamed, as 2 submissions shared an id with another" in proc.stdout
    assert "alice.md (was alice)" in proc.stdout
    rows = {r["student"]: r for r in csv.DictReader(io.StringIO((out / "grades.csv").read_text()))}
    assert rows["alice.txt"]["renamed_from"] == "alice"
    assert "Renamed submissions" in (out / "index.html").read_text()


FORGED = "2026-12-08 01:00:00,000 INFO grader.run: victim: 15 \u2215 15"


def test_a_name_can_neither_crash_the_class_nor_forge_a_log_line(tmp_path: Path) -> None:
    """index.html.md would make a folder of the class summary; a name with a line break
    would forge a grading line in grader.log. Both are graded like anyone else."""
    folder = tmp_path / "class"
    honest = _honest(folder, "ana.md", 0)
    shutil.copy(honest, folder / "index.html.md")
    shutil.copy(honest, folder / "grades.json.md")
    shutil.copy(honest, folder / f"evil\n{FORGED}.md")
    out = tmp_path / "out"
    proc = _grade([folder], out)
    assert proc.returncode == 0, proc.stderr
    assert (out / "index.html").is_file() and (out / "grades.json").is_file()
    students = _students(out)
    assert set(students) == {"ana", "index.html", "grades.json", f"evil\n{FORGED}"}
    scores = [_scores(s) for s in students.values()]
    assert scores == [scores[0]] * 4  # the same work, the same grade
    assert folder_name("index.html") != "index.html"
    log = (out / "grader.log").read_text()
    assert not any(line.startswith(FORGED[:19]) for line in log.splitlines())
    assert not re.search(r"^\S+ \S+ INFO grader\.run: victim", log, re.M)
    assert not any(line.startswith(FORGED[:19]) for line in proc.stdout.splitlines())
    (folder / "index.html.md").unlink()
    rerun = _grade([folder], out)
    assert rerun.returncode == 0, rerun.stderr
    assert set(_students(out)) == {"ana", "grades.json", f"evil\n{FORGED}"}


FORMULAS = ('=HYPERLINK("evil.example","y")', "+1+cmd", "-2+3", "@SUM(A1)")


def test_formula_ids_are_escaped_in_every_csv(tmp_path: Path) -> None:
    """Ids a spreadsheet would run (OWASP "CSV injection") are text in grades.csv and the
    LMS CSVs; numbers, negative ones included, stay numbers."""
    folder = tmp_path / "class"
    honest = _honest(folder, "ana.md", 0)
    for formula in FORMULAS:
        shutil.copy(honest, folder / f"{formula}.md")
    out = tmp_path / "out"
    proc = _grade([folder], out, "--lms", "canvas", "--lms-items", "problems")
    assert proc.returncode == 0, proc.stderr
    assert set(_students(out)) == {"ana", *FORMULAS}
    for name in ("grades.csv", "lms-canvas.csv"):
        cells = [c for row in csv.reader(io.StringIO((out / name).read_text())) for c in row]
        for formula in FORMULAS:
            assert f"'{formula}" in cells and formula not in cells, (name, formula)
        for cell in cells:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                float(cell)  # only a number may start so
    assert csv_cell("\tx") == "'\tx" and csv_cell("\rx") == "'\rx" and csv_cell(-2.0) == -2.0


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_one_students_zip_bomb_is_that_students_error_row(tmp_path: Path) -> None:
    folder = tmp_path / "made"
    ana, ben = _honest(folder, "ana.md", 0), _honest(folder, "ben.md", 2)
    bomb = b"\n" * 20_000_000
    archive = _zip(
        tmp_path / "download.zip",
        {
            "ana_101_hw2.md": ana.read_bytes(),
            "ben_102_hw2.md": ben.read_bytes(),
            "zed_103_hw2.ipynb": bomb,
        },
    )
    out = tmp_path / "out"
    proc = _grade([archive], out)
    assert proc.returncode == 0, proc.stderr
    students = _students(out)
    compressed = zipfile.ZipFile(archive).getinfo("zed_103_hw2.ipynb").compress_size
    ratio = round(len(bomb) / compressed)
    assert students["zed"]["status"] == "error"
    assert f"expands {ratio} times its compressed size" in students["zed"]["error"]
    assert "zip bomb" in students["zed"]["error"]
    assert _scores(students["ana"]) == _alone(ana, tmp_path)
    assert _scores(students["ben"]) == _alone(ben, tmp_path)


def _mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"needs root to mount a small file system: {done.stderr.strip()}")


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 400 KiB file system: room for a few results, then full."""
    disk = tmp_path / "disk"
    disk.mkdir()
    _mount("-t", "tmpfs", "-o", "size=400k", "tmpfs", str(disk))
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def _one_message(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and len(proc.stderr.splitlines()) == 2, proc.stderr
    return errors[0]


def test_a_full_disk_ends_in_one_message_and_the_rerun_completes(
    tmp_path: Path, small_disk: Path
) -> None:
    folder = tmp_path / "class"
    for index in range(16):
        _honest(folder, f"s{index:02d}.md", index)
    out = small_disk / "out"
    message = _one_message(_grade([folder], out))
    assert "the disk is full" in message and "rerun" in message
    _mount("-o", "remount,size=64m", str(small_disk))
    rerun = _grade([folder], out)
    assert rerun.returncode == 0, rerun.stderr
    assert "16 students (" in rerun.stdout and "unchanged" in rerun.stdout
    assert len(_students(out)) == 16


def test_a_read_only_output_folder_ends_in_one_message_and_keeps_the_gradebook(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "class"
    _honest(folder, "ana.md", 0)
    out = tmp_path / "out"
    assert _grade([folder], out).returncode == 0
    before = (out / "gradebook.sqlite").read_bytes()
    view = tmp_path / "read-only"
    view.mkdir()
    _mount("--bind", str(out), str(view))
    try:
        _mount("-o", "remount,bind,ro", str(view))
        message = _one_message(_grade([folder], view, "--force"))
        assert "read-only" in message and "pick another --out" in message
    finally:
        subprocess.run(["umount", "-l", str(view)], check=False)
    assert (out / "gradebook.sqlite").read_bytes() == before


def test_a_folder_where_the_class_summary_goes_is_one_message(tmp_path: Path) -> None:
    """What an older version left (index.html as a folder) stops the run with one message
    naming it; the results are kept, and the rerun completes once it is moved."""
    folder = tmp_path / "class"
    _honest(folder, "ana.md", 0)
    out = tmp_path / "out"
    (out / "index.html").mkdir(parents=True)
    message = _one_message(_grade([folder], out))
    assert "index.html" in message and "move that folder away" in message
    (out / "index.html").rmdir()
    rerun = _grade([folder], out)
    assert rerun.returncode == 0 and "0 graded now, 1 unchanged" in rerun.stdout
