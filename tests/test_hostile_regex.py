"""Regular expressions over student text stay linear on adversarial input (issue 2/5)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from grader.checks.cells import comment_only


def test_commented_out_indented_code_is_read_in_milliseconds() -> None:
    cell = (
        "# model = Net(bert,\n" + "#     HIDDEN_DIM = 256,\n" * 5000 + "x = 1 # not only comments"
    )
    start = time.perf_counter()
    assert comment_only(cell) is False
    assert comment_only(cell.rsplit("\n", 1)[0]) is True
    assert time.perf_counter() - start < 0.5


def test_marker_cell_is_comment_only() -> None:
    assert comment_only("# Q4a. Perform sentiment analysis\n\n   # on two sentences\n")
    assert not comment_only("# Q4a\npredict_sentiment(model, tokenizer, 'x')")


def test_every_regex_over_student_text_is_fast_on_adversarial_input() -> None:
    """The audit (tests/regex_audit.py) times every module-level regex of the grader and
    every regex the rubrics declare on adversarial strings, in a child process that a
    backtracking pattern cannot hang: none may take more than a second (a quadratic one takes several)."""
    audit = Path(__file__).parent / "regex_audit.py"
    done = subprocess.run(
        [sys.executable, str(audit)], capture_output=True, text=True, timeout=300, check=True
    )
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert lines[0]["patterns"] >= 150  # the audit found the grader's regexes
    assert lines[1:] == [], lines[1:]
