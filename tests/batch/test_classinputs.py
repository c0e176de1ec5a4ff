"""LMS bulk downloads: names mapped to students, unsafe zips refused, late work penalised."""

from __future__ import annotations

import csv
import json
import shutil
import stat
import zipfile
from pathlib import Path

import pytest
from conftest import NO_REPORTS, NO_RUN, run_cli
from synthetic import make_student, write_student

from grader import safezip
from grader.batch import BatchConfig, BatchError, grade_batch
from grader.classinputs import ClassInputs, load_roster, name_pattern
from grader.paths import RUBRICS_DIR
from grader.report import ReportWriter
from grader.rubric import Rubric, load_rubric

ON_TIME = (2024, 3, 8, 20, 0, 0)
TWO_DAYS_LATE = (2024, 3, 10, 12, 0, 0)  # 1.5 days after the deadline: two started days
POLICY = """
policy:
  deadline: "2024-03-08T23:59:00"
  late:
    grace_minutes: 10
    per_day: 0.1
    max_days: 5
"""


def _student_file(tmp_path: Path, index: int, fmt: str) -> Path:
    import random

    student = make_student(index, random.Random(index))
    student.format = fmt
    folder = tmp_path / f"made{index}"
    folder.mkdir()
    return write_student(student, folder)


def _zip(path: Path, members: dict[str, tuple[bytes, tuple]]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, (data, when) in members.items():
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return path


@pytest.fixture
def lms_download(tmp_path: Path) -> Path:
    notebook = _student_file(tmp_path, 0, "ipynb").read_bytes()
    theory = _student_file(tmp_path, 1, "md").read_bytes()
    text = _student_file(tmp_path, 2, "txt").read_bytes()
    return _zip(
        tmp_path / "Assignment2_submissions.zip",
        {
            "Assignment 2/ss17936_12345_Assignment2.ipynb": (notebook, ON_TIME),
            "Assignment 2/ss17936_12345_theory.md": (b"## 1. Recurrences\n\nh_T = x_T", ON_TIME),
            "Assignment 2/ab123_22222_hw2.md": (theory, TWO_DAYS_LATE),
            "Assignment 2/oldid_33333_hw2.txt": (text, ON_TIME),
            "__MACOSX/Assignment 2/._ab123_22222_hw2.md": (b"junk", ON_TIME),
        },
    )


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(
        "student,lms_id,name,submitted_at\n"
        "ss17936,12345,Sam Sun,\n"
        "ab123,22222,Ada Byron,\n"
        "xy999,33333,Xi Yu,2024-03-09T10:00:00\n"
        "zz000,44444,Zoe Zed,\n"
    )
    return path


@pytest.fixture
def late_rubric(tmp_path: Path) -> Rubric:
    rubrics = tmp_path / "rubrics"
    shutil.copytree(RUBRICS_DIR, rubrics)
    path = rubrics / "hw2-2024.yaml"
    path.write_text(path.read_text() + POLICY)
    return load_rubric(str(path))


def test_lms_zip_is_mapped_by_the_roster(lms_download: Path, roster: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = run_cli(
        "grade",
        str(lms_download),
        "-a",
        "hw2-2024",
        "-o",
        str(out),
        "--roster",
        str(roster),
        "--no-run",
        "--no-reports",
    )
    assert proc.returncode == 0, proc.stderr
    students = {s["student"]: s for s in json.loads((out / "grades.json").read_text())["students"]}
    assert sorted(students) == ["ab123", "ss17936", "xy999", "zz000"]  # by lms_id, and absent
    assert students["ss17936"]["sources"] == [
        "ss17936_12345_Assignment2.ipynb",
        "ss17936_12345_theory.md",
    ]
    assert students["ss17936"]["status"] == "graded" and students["ss17936"]["total"] > 0
    assert students["zz000"]["status"] == "error" and "no submission" in students["zz000"]["error"]
    assert {s: students[s]["lms_id"] for s in students} == {
        "ab123": "22222", "ss17936": "12345", "xy999": "33333", "zz000": "44444"
    }  # fmt: skip


def test_canvas_download_names_give_the_canvas_id_without_a_roster(tmp_path: Path) -> None:
    """``doejane_340934_9911_hw2.ipynb``: the Canvas user id 340934 goes into the Canvas
    CSV's ID column (Canvas's importer matches on it first), with no roster (issue 5/5)."""
    notebook = _student_file(tmp_path, 0, "ipynb").read_bytes()
    download = _zip(
        tmp_path / "submissions.zip",
        {
            "doejane_340934_9911_hw2.ipynb": (notebook, ON_TIME),
            "roejim_LATE_340935_9912_hw2.md": (b"## 1. Recurrences\n\nh_T = x_T", ON_TIME),
        },
    )
    out = tmp_path / "out"
    proc = run_cli(
        "grade", str(download), "-a", "hw2-2024", "-o", str(out), "--no-run", "--no-reports",
        "--lms", "canvas", "--lms-assignment-id", "9911",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    saved = json.loads((out / "grades.json").read_text())["students"]
    assert {s["student"]: s["lms_id"] for s in saved} == {"doejane": "340934", "roejim": "340935"}
    rows = list(csv.DictReader((out / "lms-canvas.csv").open()))
    assert rows[0]["Assignment 2 (9911)"].strip() == "15"  # the points-possible row
    assert {r["SIS Login ID"]: r["ID"] for r in rows[1:]} == {
        "doejane": "340934", "roejim": "340935"
    }  # fmt: skip


def test_late_submissions_are_penalised_per_the_rubric(
    lms_download: Path, roster: Path, late_rubric: Rubric, tmp_path: Path
) -> None:
    inputs = ClassInputs(roster=load_roster(roster))
    out = tmp_path / "out"
    config = BatchConfig(inputs=inputs, reports=False)
    batch = grade_batch([lms_download], late_rubric, out, NO_RUN, config=config)
    by_id = {r.student: r for r in batch.results}
    assert by_id["ss17936"].late is None
    ada = by_id["ab123"].late
    assert ada["days_late"] == 2 and ada["penalty"] == pytest.approx(0.2)
    assert ada["total_before_penalty"] > 0
    assert by_id["ab123"].total == pytest.approx(ada["total_before_penalty"] * 0.8, abs=1e-3)
    assert by_id["xy999"].late["days_late"] == 1  # the roster's time wins over the zip's
    saved = {s["student"]: s for s in json.loads((out / "grades.json").read_text())["students"]}
    assert saved["ab123"]["late"] == ada and saved["ab123"]["total"] == by_id["ab123"].total
    report = ReportWriter(late_rubric, out, pdf=False).student_html(by_id["ab123"])
    assert "Late submission" in report and "days late: 2" in report

    # a TA override changes the total; the penalty is then taken off the new total
    before = by_id["ab123"].problems["p1"].score
    (out / "overrides.yaml").write_text(
        f"- {{student: ab123, part: p1, score: {before + 1}, comment: derivation checked}}\n"
    )
    again = {
        r.student: r
        for r in grade_batch([lms_download], late_rubric, out, NO_RUN, config=config).results
    }
    expected = (ada["total_before_penalty"] + 1) * 0.8
    assert again["ab123"].total == pytest.approx(expected, abs=1e-3)


@pytest.mark.parametrize(
    ("policy", "message"),
    [
        ("policy:\n  deadline: tomorrow\n", "key 'policy.deadline' should be an ISO 8601"),
        (
            "policy:\n  deadline: '2024-03-08T23:59:00'\n  late: {per_dya: 0.1}\n",
            "unknown key 'policy.late.per_dya'",
        ),
        ("policy:\n  late: {per_day: 0.1}\n", "'policy.late' needs 'policy.deadline'"),
        (
            "policy:\n  deadline: '2024-03-08'\n  late: {per_day: -1}\n",
            "key 'policy.late.per_day' should be a number >= 0",
        ),
        ("policy:\n  deadline: '2024-03-08'\n  timezone: Mars/Base\n", "policy.timezone"),
    ],
)
def test_bad_late_policy_names_the_file_and_key(
    policy: str, message: str, small_class: Path, tmp_path: Path
) -> None:
    rubrics = tmp_path / "rubrics"
    shutil.copytree(RUBRICS_DIR, rubrics)
    path = rubrics / "hw2-2024.yaml"
    path.write_text(path.read_text() + policy)
    with pytest.raises(BatchError, match="hw2-2024.yaml") as caught:
        grade_batch(
            [small_class], load_rubric(str(path)), tmp_path / "o", NO_RUN, config=NO_REPORTS
        )
    assert message in str(caught.value)


def test_lms_folder_with_a_name_pattern(tmp_path: Path) -> None:
    folder = tmp_path / "download"
    folder.mkdir()
    shutil.copy(_student_file(tmp_path, 0, "md"), folder / "hw2-ann-part1.md")
    (folder / "hw2-ann-part2.md").write_text("## 3. Linear attention\n\nphi(K)^T V first.")
    shutil.copy(_student_file(tmp_path, 1, "ipynb"), folder / "hw2-bob-nb.ipynb")
    inputs = ClassInputs(pattern=name_pattern(r"hw2-(?P<student>[a-z]+)-"))
    batch = grade_batch(
        [folder],
        load_rubric("hw2-2024"),
        tmp_path / "o",
        NO_RUN,
        config=BatchConfig(inputs=inputs, reports=False),
    )
    assert [r.student for r in batch.results] == ["ann", "bob"]
    assert batch.results[0].sources == ["hw2-ann-part1.md", "hw2-ann-part2.md"]


def test_bad_roster_or_pattern_is_one_clear_message(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("netid,name\nab1,Ada\n")
    proc = run_cli(
        "grade", str(tmp_path), "-a", "hw2-2024", "-o", str(tmp_path / "o"), "--roster", str(roster)
    )
    assert proc.returncode == 2 and "roster.csv: a roster needs" in proc.stderr
    proc = run_cli(
        "grade",
        str(tmp_path),
        "-a",
        "hw2-2024",
        "-o",
        str(tmp_path / "o"),
        "--name-pattern",
        "(?P<id>x)",
    )
    assert proc.returncode == 2 and "(?P<student>...)" in proc.stderr
    assert "Traceback" not in proc.stderr


def _symlink_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        info = zipfile.ZipInfo("ab1_1_link.md")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    return path


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"../../evil_1_x.md": b"x"}, "points outside the archive"),
        ({"/tmp/evil_1_x.md": b"x"}, "absolute path"),
    ],
)
def test_unsafe_zips_are_refused(members: dict, message: str, tmp_path: Path) -> None:
    archive = _zip(tmp_path / "dl.zip", {k: (v, ON_TIME) for k, v in members.items()})
    proc = run_cli("grade", str(archive), "-a", "hw2-2024", "-o", str(tmp_path / "o"))
    assert proc.returncode == 2 and message in proc.stderr and "dl.zip" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not list(tmp_path.parent.glob("evil*")) and not Path("/tmp/evil_1_x.md").exists()


def test_links_and_oversized_members_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each such member is refused by itself (issue 4/5: it is its student's error row)."""
    (link,) = safezip.members(_symlink_zip(tmp_path / "link.zip"))
    assert "symbolic link" in (link.problem or "")
    monkeypatch.setattr(safezip, "MAX_MEMBER_BYTES", 100)
    big = _zip(tmp_path / "big.zip", {"ab1_1_x.md": (bytes(range(256)), ON_TIME)})
    (member,) = safezip.members(big)
    assert "is 256 bytes, more than 100" in (member.problem or "")


def test_files_no_reader_takes_are_named_everywhere(tmp_path: Path) -> None:
    """A .docx beside the notebook is not read: grades.json, the report, the class summary
    and the run's summary say so (issue 4/5); hidden files are not counted."""
    folder = tmp_path / "class" / "ana"
    folder.mkdir(parents=True)
    (folder / "answers.md").write_text("# Assignment 2\n\nProblem 1\n\nThe output is 1.\n")
    (folder / "theory.docx").write_bytes(b"PK\x03\x04 not really a docx")
    (folder / ".DS_Store").write_bytes(b"\0")
    (folder / ".ipynb_checkpoints").mkdir()
    (folder / ".ipynb_checkpoints" / "x.png").write_bytes(b"\0")
    out = tmp_path / "out"
    proc = run_cli(
        "grade", str(tmp_path / "class"), "-a", "hw2-2024", "-o", str(out), "--no-run", "--no-pdf"
    )
    assert proc.returncode == 0, proc.stderr
    assert "Not read (no reader for their type), 1 student: ana: theory.docx." in proc.stdout
    (entry,) = json.loads((out / "grades.json").read_text())["students"]
    assert entry["sources"] == ["answers.md"] and entry["not_read"] == ["theory.docx"]
    assert "Not read:</strong> theory.docx" in (out / "ana" / "report.html").read_text()
    index = (out / "index.html").read_text()
    assert "Files not read" in index and "theory.docx" in index
    assert (
        "ana: not read (no reader for these file types): theory.docx"
        in (out / "grader.log").read_text()
    )
