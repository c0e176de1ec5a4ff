"""The similarity report finds copied passages once shared template code is set aside."""

from __future__ import annotations

import json
import re
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


def _pairs(folder: Path, **settings: float | int) -> dict[tuple[str, str], dict]:
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
    assert honest in _pairs(class_with_a_copy, common=0)  # nothing removed: flagged
    assert honest not in _pairs(class_with_a_copy)  # lines most students share removed
    handout = write_handout(tmp_path / "starter.ipynb")
    with open_class([class_with_a_copy]) as submissions:
        report = compare(submissions, [handout], Settings(common=0))
    assert report.template_lines > 0
    pairs = {(p.a, p.b): p for p in report.pairs}
    assert "code" in pairs[("cara", "dave")].scores
    assert honest not in pairs or "code" not in pairs[honest].scores


def test_unreadable_submissions_are_listed_not_compared(class_with_a_copy: Path) -> None:
    (class_with_a_copy / "zed.ipynb").write_text("{broken")
    with open_class([class_with_a_copy]) as submissions:
        report = compare(submissions)
    assert "zed" in report.unreadable and "broken JSON" in report.unreadable["zed"]


OWN_CODE = """def binary_accuracy(preds, y):
    # squash the logits, cut at one half, and average the agreement with the labels
    probabilities = torch.sigmoid(preds.detach())
    decided = torch.where(probabilities >= 0.5, 1.0, 0.0)
    matches = decided.eq(y.to(decided.dtype))
    return matches.float().mean()

def train(model, iterator, optimizer, criterion):
    running = {"loss": 0.0, "acc": 0.0, "seen": 0}
    model.train()
    for batch in iterator:
        text, label = batch.text, batch.label
        optimizer.zero_grad(set_to_none=True)
        predictions = model(text).flatten()
        loss = criterion(predictions, label)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
        optimizer.step()
        running["loss"] += float(loss) * label.size(0)
        running["acc"] += float(binary_accuracy(predictions, label)) * label.size(0)
        running["seen"] += label.size(0)
    return running["loss"] / running["seen"], running["acc"] / running["seen"]

def evaluate(model, iterator, criterion):
    running = {"loss": 0.0, "acc": 0.0, "seen": 0}
    model.eval()
    with torch.no_grad():
        for batch in iterator:
            text, label = batch.text, batch.label
            predictions = model(text).flatten()
            running["loss"] += float(criterion(predictions, label)) * label.size(0)
            running["acc"] += float(binary_accuracy(predictions, label)) * label.size(0)
            running["seen"] += label.size(0)
    return running["loss"] / running["seen"], running["acc"] / running["seen"]"""

# the same code, every identifier of the student's own renamed and the comments rewritten
RENAMES = {
    "binary_accuracy": "acc_fn", "preds": "logits", "probabilities": "probs", "y": "target",
    "decided": "hard", "matches": "hits", "train": "fit_one_epoch", "model": "net",
    "iterator": "loader", "optimizer": "opt", "criterion": "loss_fn", "running": "totals",
    "batch": "b", "text": "tokens", "label": "gold", "predictions": "out", "loss": "cost",
    "evaluate": "score_epoch",
}  # fmt: skip
HONEST_CODE = """def binary_accuracy(logits, labels):
    guesses = (logits > 0).long()
    return (guesses == labels.long()).sum().item() / labels.numel()

def train(net, data, opt, loss_fn):
    net.train()
    totals = [0.0, 0.0]
    for step, (text, label) in enumerate(data):
        opt.zero_grad()
        output = net(text).view(-1)
        cost = loss_fn(output, label.float())
        cost.backward()
        opt.step()
        totals[0] += cost.item()
        totals[1] += binary_accuracy(output, label)
    return [t / (step + 1) for t in totals]

def evaluate(net, data, loss_fn):
    net.eval()
    seen, loss_sum, right = 0, 0.0, 0.0
    with torch.inference_mode():
        for text, label in data:
            output = net(text).view(-1)
            loss_sum += loss_fn(output, label.float()).item() * len(label)
            right += binary_accuracy(output, label) * len(label)
            seen += len(label)
    return loss_sum / seen, right / seen"""


def _renamed(code: str) -> str:
    for old, new in sorted(RENAMES.items(), key=lambda kv: -len(kv[0])):
        code = re.sub(rf"(?<![.\w]){old}\b", new, code)  # not attributes (batch.text)
    return code.replace(
        "# squash the logits, cut at one half, and average the agreement with the labels",
        "# probabilities above 0.5 count as positive; mean of the hits",
    )


def test_a_copy_with_every_identifier_renamed_is_still_found(tmp_path: Path) -> None:
    """As MOSS and copydetect do (issue 5/5): names and literals become placeholders, so
    renaming a dozen identifiers and rewriting the comments hides nothing; a distinct
    honest solution of the same functions is not listed."""
    folder = tmp_path / "class"
    write_class(folder, 8, seed=4)
    copy = _renamed(OWN_CODE)
    assert copy != OWN_CODE and "binary_accuracy" not in copy
    for student, code in (("erin", OWN_CODE), ("fred", copy), ("gwen", HONEST_CODE)):
        (folder / f"{student}.md").write_text(f"## 5. Sentiment\n\n```python\n{code}\n```\n")
    handout = write_handout(tmp_path / "starter.ipynb")
    with open_class([folder]) as submissions:
        report = compare(submissions, [handout])
    pairs = {(p.a, p.b): p for p in report.pairs}
    assert "code" in pairs[("erin", "fred")].scores
    assert pairs[("erin", "fred")].scores["code"] >= 0.9
    passage = next(p for p in pairs[("erin", "fred")].passages if p.kind == "code")
    assert "acc_fn" in passage.b_text and "binary_accuracy" in passage.a_text
    assert ("erin", "gwen") not in pairs and ("fred", "gwen") not in pairs


HANDOUT_CODE = """class SentimentModel(torch.nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_dim, output_dim, dropout):
        super().__init__()
        self.embedding = torch.nn.Embedding(vocab_size, embed_dim)
        self.rnn = torch.nn.GRU(embed_dim, hidden_dim, batch_first=True)
        self.fc = torch.nn.Linear(hidden_dim, output_dim)
        self.dropout = torch.nn.Dropout(dropout)

    def forward(self, text):
        embedded = self.dropout(self.embedding(text))
        output, hidden = self.rnn(embedded)
        return self.fc(self.dropout(hidden.squeeze(0)))

def count_parameters(model):
    return sum(p.numel() for p in model.parameters() if p.requires_grad)"""
OWN_PROSE = (
    "The recurrence multiplies the hidden state by the same matrix at every step, so the "
    "gradient through many steps shrinks or grows geometrically with its largest eigenvalue."
)


def test_in_a_class_of_four_a_copy_is_found_and_the_handout_is_not(tmp_path: Path) -> None:
    """Issue 4/5: the common-passage rule counts students (as MOSS's -m does), so in a
    class of 4 the handout's code, which all four have, is set aside with no --template
    given, while a passage two students share is a copy, listed."""
    folder = tmp_path / "class"
    folder.mkdir()
    own = {
        "erin": OWN_CODE,
        "fred": _renamed(OWN_CODE),
        "gwen": HONEST_CODE,
        "hank": f"# {OWN_PROSE}\nprint(count_parameters(SentimentModel(100, 8, 8, 1, 0.5)))",
    }
    for student, code in own.items():
        (folder / f"{student}.md").write_text(
            f"## 5. Sentiment\n\n```python\n{HANDOUT_CODE}\n```\n\n```python\n{code}\n```\n"
        )
    out = tmp_path / "out"
    proc = run_cli("similarity", str(folder), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    data = json.loads((out / "similarity.json").read_text())
    assert data["settings"]["common"] == Settings.common == 5  # students, not a share
    assert [(p["a"], p["b"]) for p in data["pairs"]] == [("erin", "fred")]
    assert data["pairs"][0]["scores"]["code"] >= 0.9
    assert data["template_lines"] >= len(HANDOUT_CODE.splitlines()) - 1  # all but a blank


def test_a_link_in_the_class_is_listed_unreadable_never_read(
    class_with_a_copy: Path, tmp_path: Path
) -> None:
    """A link to a file outside the class (issue 4/5) is not compared with anyone."""
    outside = tmp_path / "outside.md"
    outside.write_text((class_with_a_copy / "cara.md").read_text())
    (class_with_a_copy / "mallory.md").symlink_to(outside)
    with open_class([class_with_a_copy]) as submissions:
        report = compare(submissions)
    assert "symbolic link" in report.unreadable["mallory"]
    assert all("mallory" not in (p.a, p.b) for p in report.pairs)
