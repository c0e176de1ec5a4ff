"""The similarity report finds copied passages once shared template code is set aside."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli
from synthetic import write_class, write_handout

from grader.classinputs import open_class
from grader.similarity import Settings, compare

COPIED_PROSE = (
    "unrolling twice shows that each input enters with an alternating sign, so the\n"
    "network computes a signed running sum which I verified by hand for T equals three and four."
)
COPIED_CODE = """    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    weights = torch.softmax(scores, dim=-1)
    return weights @ v  # <script>alert(1)</script>"""


@pytest.fixture
def class_with_a_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "class"
    write_class(folder, 8, seed=3)
    (folder / "cara.md").write_text(
        f"## 1. Recurrences using RNNs\n\nMy derivation: {COPIED_PROSE}\n\n"
        f"```python\ndef my_attention(q, k, v):\n{COPIED_CODE}\n```\n"
    )
    (folder / "dave.md").write_text(
        f"## 1. Recurrences using RNNs\n\nIndeed {COPIED_PROSE}\n\n"
        f"```python\ndef attention(q, k, v):\n{COPIED_CODE}\n```\n"
    )
    return folder


def _pairs(folder: Path, **settings: float) -> dict[tuple[str, str], dict]:
    with open_class([folder]) as submissions:
        report = compare(submissions, settings=Settings(**settings))
    return {(p.a, p.b): p for p in report.pairs}


def test_copied_code_and_prose_are_listed_side_by_side(
    class_with_a_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    proc = run_cli("similarity", str(class_with_a_copy), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    data = json.loads((out / "similarity.json").read_text())
    pair = next(p for p in data["pairs"] if (p["a"], p["b"]) == ("cara", "dave"))
    assert pair["scores"] == {"code": 1.0, "prose": 1.0}
    kinds = {p["kind"]: p for p in pair["passages"]}
    assert "weights @ v" in kinds["code"]["a_text"] and "weights @ v" in kinds["code"]["b_text"]
    assert "signed running sum" in kinds["prose"]["a_text"]
    assert kinds["code"]["a_where"].startswith("cara.md")
    html = (out / "similarity.html").read_text()
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "cara — dave" in html


def test_template_code_every_student_has_is_not_similarity(
    class_with_a_copy: Path, tmp_path: Path
) -> None:
    honest = ("s0000", "s0005")  # two correct notebooks: only the handout code in common
    assert honest in _pairs(class_with_a_copy, common=1.0)  # nothing removed: flagged
    assert honest not in _pairs(class_with_a_copy)  # lines most students share removed
    handout = write_handout(tmp_path / "starter.ipynb")
    with open_class([class_with_a_copy]) as submissions:
        report = compare(submissions, [handout], Settings(common=1.0))
    assert report.template_lines > 0
    pairs = {(p.a, p.b): p for p in report.pairs}
    assert "code" in pairs[("cara", "dave")].scores
    assert honest not in pairs or "code" not in pairs[honest].scores


def test_unreadable_submissions_are_listed_not_compared(class_with_a_copy: Path) -> None:
    (class_with_a_copy / "zed.ipynb").write_text("{broken")
    with open_class([class_with_a_copy]) as submissions:
        report = compare(submissions)
    assert "zed" in report.unreadable and "broken JSON" in report.unreadable["zed"]
