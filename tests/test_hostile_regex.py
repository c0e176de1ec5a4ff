"""Regular expressions over student text stay linear on adversarial input (issue 2/5)."""

from __future__ import annotations

import time

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
