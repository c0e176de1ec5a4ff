"""The hostile-submission corpus: each case gets a clear status and message, the grader
and the machine are untouched, and the next submission grades normally.

Every case defines ``binary_accuracy`` (the cheapest reference suite) and misbehaves
inside it, or at definition time; limits are short (see conftest.FAST).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from conftest import sandbox_processes, test_functions

from grader.paths import PROJECT_ROOT, RUBRICS_DIR
from grader.sandbox.functions import CRASHED, FAILED, PASSED
from grader.sandbox.isolation import SANDBOX_UIDS, python_paths

CORRECT = """
import torch
def binary_accuracy(preds, y):
    return (torch.round(torch.sigmoid(preds)) == y).float().mean()
"""
MARK = "grader-sandbox-test-mark"
WRITE_TARGETS = [
    Path("/tmp") / MARK,
    Path("/var/tmp") / MARK,
    Path("/dev/shm") / MARK,
    PROJECT_ROOT / MARK,
    RUBRICS_DIR / MARK,
]


def evil(body: str, prelude: str = "") -> str:
    """A binary_accuracy whose body is ``body`` (indented by the caller's 4 spaces)."""
    return f"import os, sys, torch\n{prelude}\ndef binary_accuracy(preds, y):\n{body}\n"


def first_found(report) -> str:
    return report.verdicts[0].found if report.verdicts else ""


@pytest.fixture(autouse=True)
def untouched(isolated: bool):
    """No mark files anywhere outside the sandbox, and no sandbox process left behind."""
    yield
    for path in WRITE_TARGETS:
        assert not path.exists(), f"{path} was created by student code"
    assert sandbox_processes() == []


def test_infinite_loop_is_stopped_by_a_limit() -> None:
    report = test_functions(evil("    while True:\n        pass"))["binary_accuracy"]
    assert report.status == CRASHED
    assert "CPU time" in report.problem or "wall-clock" in report.problem


def test_sleeping_forever_hits_the_wall_clock() -> None:
    report = test_functions(evil("    import time\n    time.sleep(10_000)"))["binary_accuracy"]
    assert report.status == CRASHED
    assert "wall-clock limit" in report.problem


def test_fork_bomb_is_contained() -> None:
    body = "    while True:\n        try:\n            os.fork()\n        except OSError:\n            pass"
    report = test_functions(evil(body))["binary_accuracy"]
    assert report.status == CRASHED
    assert report.problem


def test_memory_bomb_fails_with_a_memory_error() -> None:
    report = test_functions(evil("    return [0] * 10**11"))["binary_accuracy"]
    assert report.status == FAILED
    assert "out of memory" in first_found(report)


def test_growing_memory_stops_at_the_cap() -> None:
    body = "    hog = []\n    while True:\n        hog.append(bytearray(50 * 2**20))"
    # filling 3 GiB page by page takes 1.5-4 s of CPU here: the CPU limit is not the point
    report = test_functions(evil(body), sandbox_wall_s=30, sandbox_cpu_s=20)["binary_accuracy"]
    assert report.status == FAILED, report.problem
    assert all("out of memory" in v.found for v in report.verdicts)


def test_one_gigabyte_write_is_refused() -> None:
    body = "    with open('big.bin', 'wb') as f:\n        for _ in range(1024):\n            f.write(b'x' * 2**20)"
    report = test_functions(evil(body))["binary_accuracy"]
    assert report.status == FAILED
    assert "File too large" in first_found(report) or "No space left" in first_found(report)


def test_network_is_unreachable() -> None:
    body = "    import socket\n    socket.create_connection(('127.0.0.1', 9), timeout=2)\n"
    report = test_functions(evil(body))["binary_accuracy"]
    assert report.status == FAILED
    assert "Network is unreachable" in first_found(report)


def test_etc_passwd_shows_only_stand_in_accounts() -> None:
    report = test_functions(evil("    raise RuntimeError(open('/etc/passwd').read())"))[
        "binary_accuracy"
    ]
    found = first_found(report)
    uid = re.search(r"sandbox:x:(\d+):", found)
    assert uid and int(uid.group(1)) in SANDBOX_UIDS, found  # this server's own sandbox uid
    assert "nobody" not in found and "daemon" not in found


@pytest.mark.parametrize(
    "path",
    [
        RUBRICS_DIR / "hw2-2024.yaml",
        PROJECT_ROOT / "grader" / "sandbox" / "reference.py",
        PROJECT_ROOT / "grader" / "sandbox" / "cases.yaml",
        PROJECT_ROOT / "reference" / "params.py",
    ],
    ids=["rubric", "reference-implementation", "test-inputs", "reference-answers"],
)
def test_grader_files_cannot_be_read(path: Path) -> None:
    assert path.is_file()
    report = test_functions(evil(f"    raise RuntimeError(repr(open({str(path)!r}).read()[:40]))"))[
        "binary_accuracy"
    ]
    found = first_found(report)
    assert "FileNotFoundError" in found or found.startswith("RuntimeError: ''")


def test_os_system_cannot_change_the_machine() -> None:
    targets = " ".join(str(p) for p in WRITE_TARGETS)
    report = test_functions(evil(f"    os.system('touch {targets}')\n    return 0.5"))[
        "binary_accuracy"
    ]
    assert report.status == FAILED  # 0.5 is wrong; the files must not exist (fixture)


def test_writes_land_in_the_private_tmp_only() -> None:
    body = "\n".join(
        f"    try:\n        open({str(p)!r}, 'w').write('x')\n    except OSError:\n        pass"
        for p in WRITE_TARGETS
    )
    report = test_functions(evil(body + "\n    return 0.5"))["binary_accuracy"]
    assert report.status == FAILED


def test_patching_tensor_eq_does_not_fake_results_or_leak() -> None:
    patched = evil(
        "    torch.Tensor.__eq__ = lambda a, b: torch.ones_like(a, dtype=torch.bool)\n"
        "    return (torch.round(torch.sigmoid(preds)) == y).float().mean()"
    )
    train = """
def train(model, iterator, optimizer, criterion):
    epoch_loss = epoch_acc = 0
    model.train()
    for batch in iterator:
        optimizer.zero_grad()
        predictions = model(batch.text).squeeze(1)
        loss = criterion(predictions, batch.label)
        acc = binary_accuracy(predictions, batch.label)
        loss.backward()
        optimizer.step()
        epoch_loss += loss.item()
        epoch_acc += acc.item()
    return epoch_loss / len(iterator), epoch_acc / len(iterator)
"""
    reports = test_functions(patched, train, functions=("binary_accuracy", "train"))
    assert reports["binary_accuracy"].status == FAILED  # every case claims accuracy 1
    assert reports["train"].status == PASSED  # tested in a fresh process: the patch is gone


def test_patching_builtins_at_definition_time_is_undone() -> None:
    prelude = (
        "import builtins\nbuiltins.float = lambda *a: 1.0\nbuiltins.isinstance = lambda *a: True"
    )
    source = evil("    return 0.0", prelude=prelude).replace(
        "import os, sys, torch\n",
        "import os, sys, torch\nclass _Patch:\n    " + "\n    ".join(prelude.splitlines()) + "\n",
    )
    report = test_functions(source)["binary_accuracy"]
    assert report.status == FAILED
    assert first_found(report) == "0"


def test_sys_exit_is_an_error_of_the_call() -> None:
    report = test_functions(evil("    sys.exit(0)"))["binary_accuracy"]
    assert report.status == FAILED
    assert first_found(report) == "called sys.exit(0)"


def test_os_exit_ends_only_that_function() -> None:
    epoch_time = "def epoch_time(start, end):\n    m = int((end - start) / 60)\n    return m, int(end - start - 60 * m)"
    reports = test_functions(
        evil("    os._exit(3)"), epoch_time, functions=("binary_accuracy", "epoch_time")
    )
    assert reports["binary_accuracy"].status == CRASHED
    assert "exit status 3" in reports["binary_accuracy"].problem
    assert reports["epoch_time"].status == PASSED


def test_segfault_via_ctypes() -> None:
    report = test_functions(evil("    import ctypes\n    ctypes.string_at(0)"))["binary_accuracy"]
    assert report.status == CRASHED
    assert "segmentation fault" in report.problem


def test_fifty_megabytes_of_output_are_cut_off() -> None:
    body = "    for _ in range(50):\n        print('x' * 2**20)"
    report = test_functions(evil(body))["binary_accuracy"]
    assert report.status == CRASHED
    assert "printed more than 1024 KiB" in report.problem


def test_killing_the_supervisor_is_ignored() -> None:
    body = "    import signal\n    os.kill(os.getppid(), signal.SIGKILL)\n    os.kill(-1, signal.SIGKILL)"
    epoch_time = "def epoch_time(start, end):\n    m = int((end - start) / 60)\n    return m, int(end - start - 60 * m)"
    reports = test_functions(evil(body), epoch_time, functions=("binary_accuracy", "epoch_time"))
    assert reports["binary_accuracy"].status == FAILED  # it returned None
    assert reports["epoch_time"].status == PASSED  # the supervisor lived on


def test_a_clean_submission_after_the_corpus_still_passes() -> None:
    assert test_functions(CORRECT)["binary_accuracy"].status == PASSED
    assert os.geteuid() != 0 or sandbox_processes() == []


@pytest.fixture
def other_students(tmp_path: Path):
    """Another student's file and a grades.json, under /srv, $HOME, /var, /tmp and the
    working folder (where a relative class path points)."""
    places = [Path("/srv"), Path.home(), Path("/var"), Path(tempfile.gettempdir()), Path.cwd()]
    made = []
    for place in places:
        folder = place / f"grader-sandbox-class-{os.getpid()}"
        (folder / "out").mkdir(parents=True, exist_ok=True)
        (folder / "bob.ipynb").write_text("bob's answers")
        (folder / "out" / "grades.json").write_text("everyone's grades")
        made.append(folder)
    yield made
    for folder in made:
        shutil.rmtree(folder, ignore_errors=True)


def test_other_students_and_the_output_folder_are_not_there(other_students) -> None:
    """The sandbox's filesystem is an allowlist: wherever the class and the output folder
    are (/srv, $HOME, /var, /tmp, the working folder), student code can neither list nor
    read them (issue 2/5)."""
    probes = "; ".join(
        f"seen.append(os.path.exists({str(f / 'bob.ipynb')!r}) or "
        f"os.path.exists({str(f / 'out' / 'grades.json')!r}))"
        for f in other_students
    )
    system = set("usr bin sbin lib lib32 lib64 libx32 etc sys proc dev tmp var run root".split())
    listing = f"sorted(set(os.listdir('/')) - {system!r})"
    body = (
        f"    seen = []\n    {probes}\n"
        f"    raise RuntimeError(repr((seen, {listing}, os.listdir('/tmp'), "
        f"os.path.exists('/srv'), os.path.exists(os.path.expanduser('~root')))))"
    )
    report = test_functions(evil(body))["binary_accuracy"]
    found = first_found(report)
    # a Python environment under /tmp (a clone there) is bound inside the private /tmp
    venv = [p for p in python_paths() if p.startswith("/tmp/")]
    in_tmp = sorted({p.split("/")[2] for p in venv})
    # elsewhere, only the top folders that lead to this Python environment are there
    tops = sorted({p.split("/")[1] for p in python_paths()} - system)
    nowhere = [False] * len(other_students)
    assert found.startswith(f"RuntimeError: ({nowhere!r}, {tops!r}, {in_tmp!r}, False"), found
