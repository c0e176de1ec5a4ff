"""Notebook checks on small notebooks: correct work passes, each slip is recognised.

Each test grades a whole notebook with the hw2-2024 rubric and looks at one part.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import code, error, markdown, result, stream, write_notebook

from grader.checks.base import GradeOptions
from grader.grade import grade_path
from grader.results import FLAG_INTEGRITY, FLAG_REVIEW
from grader.rubric import load_rubric

HYPER = "HIDDEN_DIM = {h}\nOUTPUT_DIM = 1\nN_LAYERS = {n}\nBIDIRECTIONAL = True\nDROPOUT = 0.25\n"
MODEL = "model = BERTGRUSentiment(bert, HIDDEN_DIM, OUTPUT_DIM, N_LAYERS, BIDIRECTIONAL, DROPOUT)"
TRAIN = """def train(model, iterator, optimizer, criterion):
    epoch_loss, epoch_acc = 0, 0
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
    return epoch_loss / len(iterator), epoch_acc / len(iterator)"""
EVALUATE = """def evaluate(model, iterator, criterion):
    epoch_loss, epoch_acc = 0, 0
    model.eval()
    with torch.no_grad():
        for batch in iterator:
            predictions = model(batch.text).squeeze(1)
            epoch_loss += criterion(predictions, batch.label).item()
            epoch_acc += binary_accuracy(predictions, batch.label).item()
    return epoch_loss / len(iterator), epoch_acc / len(iterator)"""
ACCURACY = """def binary_accuracy(preds, y):
    # Q3a
    rounded = torch.round(torch.sigmoid(preds))
    correct = (rounded == y).float()
    return correct.sum() / len(correct)"""
WRONG_ACCURACY = """def binary_accuracy(preds, y):
    # Q3a
    rounded = torch.round(torch.sigmoid(preds))
    return (rounded == 1).float().sum() / len(rounded)"""
LOOP = """for epoch in range(N_EPOCHS):
    # Q3d
    train_loss, train_acc = train(model, train_iterator, optimizer, criterion)
    valid_loss, valid_acc = evaluate(model, {valid}, criterion)
    print(f'Epoch: {{epoch+1:02}}')
    print(f'Train Loss: {{train_loss:.3f}} | Train Acc: {{train_acc*100:.2f}}%')
    print(f'Val. Loss: {{valid_loss:.3f}} | Val. Acc: {{valid_acc*100:.2f}}%')"""
LOG = (
    "Epoch: 01\nTrain Loss: 0.410 | Train Acc: 81.20%\nVal. Loss: 0.260 | Val. Acc: 89.90%\n"
    "Epoch: 02\nTrain Loss: 0.250 | Train Acc: 90.10%\nVal. Loss: 0.230 | Val. Acc: 90.80%\n"
)


def bert_cells(**change) -> list:
    """A correct BERT notebook; keyword arguments replace cells by name."""
    cells = {
        "title": markdown("## 5. Sentiment analysis using Transformer models"),
        "q1a": code("# Q1a: vocabulary size\nprint(len(tokenizer))", stream("30522\n")),
        "tokens": code(
            "indexes = tokenizer.convert_tokens_to_ids(tokens)\nprint(indexes)",
            stream("[7592, 2088, 2129, 2024, 2017, 1029]\n"),
        ),
        "q1b": code(
            "# Q1b\nprint(len(train_data), len(valid_data), len(test_data))",
            stream("train 17500\nvalid 7500\ntest 25000\n"),
        ),
        "stoi": code(
            "print(LABEL.vocab.stoi)", stream("defaultdict(None, {'neg': 0, 'pos': 1})\n")
        ),
        "q2a": code("# Q2a\n" + HYPER.format(h=256, n=2) + MODEL),
        "q2b": code("# Q2b\nprint(count_parameters(model))", stream("112241409\n")),
        "q2c": code("# Q2c\nprint(count_parameters(model))", stream("2759169\n")),
        "q3a": code(ACCURACY),
        "q3b": code(TRAIN),
        "q3c": code(EVALUATE),
        "q3d": code(LOOP.format(valid="valid_iterator"), stream(LOG)),
        "test": code(
            "test_loss, test_acc = evaluate(model, test_iterator, criterion)\n"
            "print(f'Test Loss: {test_loss:.3f} | Test Acc: {test_acc*100:.2f}%')",
            stream("Test Loss: 0.221 | Test Acc: 91.02%\n"),
        ),
        "q4a": code(
            "# Q4a\npredict_sentiment(model, tokenizer, 'Justice League is terrible. I hated it.')",
            result("0.021"),
        ),
        "q4a2": code("predict_sentiment(model, tokenizer, 'Avengers was great!!')", result("0.93")),
        "q4b": code(
            "# Q4b\npredict_sentiment(model, tokenizer, 'A slow, joyless film.')", result("0.08")
        ),
        "q4b2": code("predict_sentiment(model, tokenizer, 'Warm and funny.')", result("0.88")),
    }
    cells.update(change)
    return [c for c in cells.values() if c is not None]


def grade_cells(tmp_path: Path, cells: list) -> dict:
    path = write_notebook(tmp_path / "student.ipynb", *cells)
    result = grade_path(path, load_rubric("hw2-2024"), GradeOptions(run_code=False))
    assert result.status == "graded"
    return result.problems["p5"].parts


def test_correct_notebook_gets_full_marks_on_every_part(tmp_path: Path) -> None:
    parts = grade_cells(tmp_path, bert_cells())
    for part_id, part in parts.items():
        assert part.score == pytest.approx(part.max), (part_id, part.evidence)
        assert part.flags == [], part_id
        assert part.evidence and part.evidence[0]["reason"]


def test_value_typed_in_markdown_earns_nothing_and_flags_integrity(tmp_path: Path) -> None:
    cells = bert_cells(
        q1a=code("# Q1a: vocabulary size\nlen(tokenizer)", count=None),
        title=markdown(
            "## 5. Sentiment analysis using Transformer models\n\nThe vocabulary has 30522 tokens."
        ),
    )
    part = grade_cells(tmp_path, cells)["p5.q1a"]
    assert part.score == 0 and FLAG_INTEGRITY in part.flags
    assert "typed text" in part.evidence[0]["reason"]


def test_uncounted_output_among_counted_cells_is_a_suggestion_for_review(tmp_path: Path) -> None:
    """Some cells counted and this one not: the score stands, flagged, and nobody is accused."""
    cells = bert_cells(
        test=code("print(f'Test Acc: {acc}%')", stream("Test Acc: 93.00%\n"), count=None)
    )
    part = grade_cells(tmp_path, cells)["p5.test-acc"]
    assert part.score == pytest.approx(part.max)
    assert FLAG_REVIEW in part.flags and FLAG_INTEGRITY not in part.flags
    assert part.evidence[0]["strength"] == "unexecuted"
    assert "other cells of this notebook have execution counts" in part.evidence[-1]["reason"]


def test_colab_notebook_without_any_count_grades_like_an_executed_one(tmp_path: Path) -> None:
    """Colab saves ``execution_count: null`` on every cell; its outputs are real."""
    colab = []
    for cell in bert_cells():
        if cell.cell_type == "code":
            cell.execution_count = None
            for output in cell.outputs:
                if "execution_count" in output:
                    output.execution_count = None
        colab.append(cell)
    parts = grade_cells(tmp_path, colab)
    for part_id, part in parts.items():
        assert part.score == pytest.approx(part.max), (part_id, part.evidence)
        assert part.flags == [], part_id
    assert "as Colab saves" in parts["p5.q1a"].evidence[0]["where"]


def test_error_output_earns_nothing(tmp_path: Path) -> None:
    cells = bert_cells(
        q2b=code("# Q2b\nprint(count_parameters(model))", error("NameError", "model"))
    )
    part = grade_cells(tmp_path, cells)["p5.q2b"]
    assert part.score == 0 and "raised an error" in part.evidence[0]["reason"]


def test_wrong_hyperparameters_cost_q2a_but_consistent_counts_are_credited(tmp_path: Path) -> None:
    # hidden 128, one layer: the counts printed are right for those choices
    cells = bert_cells(
        q2a=code("# Q2a\n" + HYPER.format(h=128, n=1) + MODEL),
        q2b=code("# Q2b\nprint(count_parameters(model))", stream("110172161\n")),
        q2c=code("# Q2c\nprint(count_parameters(model))", stream("689921\n")),
    )
    parts = grade_cells(tmp_path, cells)
    assert parts["p5.q2a"].score == 0  # two settings wrong: not the model asked for
    assert "HIDDEN_DIM is 128" in parts["p5.q2a"].evidence[0]["reason"]
    assert parts["p5.q2b"].score == parts["p5.q2b"].max
    assert "consistent" in parts["p5.q2c"].evidence[0]["reason"]


def test_one_wrong_hyperparameter_costs_half_of_q2a(tmp_path: Path) -> None:
    part = grade_cells(tmp_path, bert_cells(q2a=code("# Q2a\n" + HYPER.format(h=256, n=1) + MODEL)))
    assert part["p5.q2a"].score == pytest.approx(part["p5.q2a"].max / 2)
    assert part["p5.q2a"].flags == []


def test_unfrozen_bert_is_named(tmp_path: Path) -> None:
    cells = bert_cells(q2c=code("# Q2c\nprint(count_parameters(model))", stream("112241409\n")))
    part = grade_cells(tmp_path, cells)["p5.q2c"]
    assert part.score == 0 and "not frozen" in part.evidence[0]["reason"]


FREEZE = "for name, param in model.named_parameters():\n    if name.startswith({prefix!r}):\n        param.requires_grad = False"


def test_a_right_count_after_freezing_bert_passes(tmp_path: Path) -> None:
    cells = bert_cells(freeze=code(FREEZE.format(prefix="bert")))
    part = grade_cells(tmp_path, cells)["p5.q2c"]
    assert (part.score, part.flags) == (part.max, [])


def test_a_right_count_beside_code_that_freezes_the_gru_is_lost_and_flagged(
    tmp_path: Path,
) -> None:
    cells = bert_cells(freeze=code(FREEZE.format(prefix="rnn")))
    cells.insert(-9, cells.pop())  # the freezing cell before Q2c
    part = grade_cells(tmp_path, cells)["p5.q2c"]
    assert part.score == 0 and FLAG_REVIEW in part.flags
    assert "does not freeze BERT" in part.evidence[0]["reason"]
    assert "startswith('rnn')" in part.evidence[-1]["found"]


def test_accuracy_counting_positives_cannot_get_full_credit(tmp_path: Path) -> None:
    part = grade_cells(tmp_path, bert_cells(q3a=code(WRONG_ACCURACY)))["p5.q3a"]
    assert part.score < part.max and "compared with the labels" in part.evidence[0]["reason"]


def test_validation_on_the_test_iterator_is_a_slip(tmp_path: Path) -> None:
    cells = bert_cells(q3d=code(LOOP.format(valid="test_iterator"), stream(LOG)))
    part = grade_cells(tmp_path, cells)["p5.q3d"]
    assert part.score < part.max and FLAG_REVIEW in part.flags
    assert "test iterator" in part.evidence[0]["reason"]


def test_training_log_of_one_epoch_is_partial(tmp_path: Path) -> None:
    one = LOG.split("Epoch: 02")[0]
    part = grade_cells(
        tmp_path, bert_cells(q3d=code(LOOP.format(valid="valid_iterator"), stream(one)))
    )["p5.q3d"]
    assert part.score == pytest.approx(part.max / 2)
    assert part.evidence[0]["data"]["epochs"][0]["val_acc"] == 89.9


@pytest.mark.parametrize(
    ("accuracy", "share", "flagged"), [(91.0, 1.0, False), (86.5, 0.5, True), (71.0, 0.0, False)]
)
def test_test_accuracy_thresholds(
    tmp_path: Path, accuracy: float, share: float, flagged: bool
) -> None:
    cells = bert_cells(
        test=code("print(acc)", stream(f"Test Loss: 0.3 | Test Acc: {accuracy:.2f}%\n"))
    )
    part = grade_cells(tmp_path, cells)["p5.test-acc"]
    assert part.score == pytest.approx(part.max * share)
    assert (FLAG_REVIEW in part.flags) == flagged
    assert "91.11" in part.evidence[0]["expected"]  # the threshold cites its source


def test_labels_instead_of_probabilities(tmp_path: Path) -> None:
    cells = bert_cells(
        q4a=code(
            "# Q4a\npredict_sentiment(model, tokenizer, 'Justice League is terrible. I hated it.')",
            result("'neg'"),
        ),
        q4a2=code("predict_sentiment(model, tokenizer, 'Avengers was great!!')", result("'pos'")),
    )
    part = grade_cells(tmp_path, cells)["p5.q4a"]
    assert part.score == 0 and "labels rather than probabilities" in part.evidence[0]["reason"]


def test_wrong_side_of_half(tmp_path: Path) -> None:
    cells = bert_cells(
        q4a2=code("predict_sentiment(model, tokenizer, 'Avengers was great!!')", result("0.31"))
    )
    part = grade_cells(tmp_path, cells)["p5.q4a"]
    assert part.score == pytest.approx(part.max / 2) and "wrong side" in part.evidence[0]["reason"]


def test_inverted_label_mapping_is_flagged(tmp_path: Path) -> None:
    cells = bert_cells(
        stoi=code("print(LABEL.vocab.stoi)", stream("defaultdict(None, {'pos': 0, 'neg': 1})\n"))
    )
    part = grade_cells(tmp_path, cells)["p5.q4a"]
    assert part.score < part.max and FLAG_REVIEW in part.flags
    assert any("inverts" in e["reason"] for e in part.evidence)


def test_missing_notebook_parts_score_zero(tmp_path: Path) -> None:
    parts = grade_cells(tmp_path, bert_cells(q4b=None, q4b2=None, test=None))
    assert parts["p5.q4b"].score == 0 and parts["p5.q4b"].status == "missing"
    assert parts["p5.test-acc"].score == 0


def test_a_notebook_that_stops_keeps_plain_missing_parts(tmp_path: Path) -> None:
    """Nothing after the last graded block: the student stopped; no flag to review."""
    parts = grade_cells(tmp_path, bert_cells(q4b=None, q4b2=None))
    assert parts["p5.q4b"].status == "missing" and parts["p5.q4b"].flags == []


def test_a_part_not_found_before_answered_parts_is_flagged(tmp_path: Path) -> None:
    """A gap among answered parts may be an answer the grader cannot read: no silent zero."""
    parts = grade_cells(tmp_path, bert_cells(test=None))
    part = parts["p5.test-acc"]
    assert part.score == 0 and part.status == "missing" and FLAG_REVIEW in part.flags
    assert "later parts of this problem were answered" in part.evidence[-1]["reason"]


def test_unread_content_after_the_last_graded_block_flags_missing_parts(tmp_path: Path) -> None:
    cells = bert_cells(
        q4b=code("# Q4b\nscore_reviews(['A slow, joyless film.'])", stream("[0.08]\n")),
        q4b2=None,
    )
    part = grade_cells(tmp_path, cells)["p5.q4b"]
    assert part.status == "missing" and FLAG_REVIEW in part.flags
    assert "continues after the last graded block" in part.evidence[-1]["reason"]


def test_reviews_scored_in_a_loop_that_echoes_each_review(tmp_path: Path) -> None:
    """`for review in [...]: print(f"{p:.4f} {label} | {review}")`: no literal call."""
    loop = (
        "for review in reviews:\n    p = predict_sentiment(model, tokenizer, review)\n"
        "    print(f\"{p:.4f}  {'positive' if p > 0.5 else 'negative'}  | {review}\")"
    )
    cells = bert_cells(
        q4a=code(
            "# Q4a\nreviews = ['Justice League is terrible. I hated it.', 'Avengers was great!!']\n"
            + loop,
            stream(
                "0.0510  negative  | Justice League is terrible. I hated it.\n"
                "0.7886  positive  | Avengers was great!!\n"
            ),
        ),
        q4a2=None,
        q4b=code(
            "# Q4b\nreviews = ['A slow, joyless film.', 'Warm and funny, a delight.']\n" + loop,
            stream(
                "0.0400  negative  | A slow, joyless film.\n"
                "0.9700  positive  | Warm and funny, a delight.\n"
            ),
        ),
        q4b2=None,
    )
    parts = grade_cells(tmp_path, cells)
    assert parts["p5.q4a"].score == pytest.approx(parts["p5.q4a"].max), parts["p5.q4a"].evidence
    assert parts["p5.q4b"].score == pytest.approx(parts["p5.q4b"].max), parts["p5.q4b"].evidence


VIT_CALL = "model = ViT(image_size=28, patch_size={p}, num_classes=10, channels=1, dim=64, depth={d}, heads=4, mlp_dim=128)"
VIT_LOG = "".join(
    f"Epoch: {e}\nAverage test loss: 0.{50 - e}  Accuracy: {8200 + 40 * e}/10000 ({84 + 0.5 * e:.2f}%)\n"
    for e in range(1, 6)
)


VIT_CLASS = """class ViT(nn.Module):
    def __init__(self, *, image_size, patch_size, num_classes, dim, depth, heads, mlp_dim, channels=3):
        super().__init__()
        self.cls_token = nn.Parameter(torch.randn(1, 1, dim))

    def forward(self, img):
        return self.mlp_head(self.transformer(self.embed(img))[:, 0])"""


def vit_cells(dataset: str = "FashionMNIST", p: int = 4, d: int = 6, log: str = VIT_LOG) -> list:
    return [
        markdown("## 4. Vision Transformers"),
        code(VIT_CLASS),
        code(f"train = torchvision.datasets.{dataset}('./data', train=True, download=True)"),
        code(VIT_CALL.format(p=p, d=d)),
        code(
            "for epoch in range(1, N_EPOCHS + 1):\n    print('Epoch:', epoch)\n    evaluate(model)",
            stream(log),
        ),
        markdown("## 5. Sentiment analysis using Transformer models"),
    ]


def grade_vit(tmp_path: Path, cells: list) -> dict:
    path = write_notebook(tmp_path / "vit.ipynb", *cells)
    return (
        grade_path(path, load_rubric("hw2-2024"), GradeOptions(run_code=False)).problems["p4"].parts
    )


def test_vit_to_spec_on_fashionmnist(tmp_path: Path) -> None:
    parts = grade_vit(tmp_path, vit_cells())
    assert set(parts) == {"p4.spec", "p4.class", "p4.trained", "p4.accuracy"}
    assert all(part.score == part.max for part in parts.values()), parts


def test_vit_on_mnist_and_wrong_depth(tmp_path: Path) -> None:
    """Another data set is another task: the spec earns nothing, however the model is built."""
    spec = grade_vit(tmp_path, vit_cells(dataset="MNIST", d=4))["p4.spec"]
    assert spec.score == 0
    assert (
        "trained on MNIST" in spec.evidence[0]["reason"]
        and "depth is 4" in spec.evidence[0]["reason"]
    )


def test_vit_with_one_setting_wrong_keeps_the_others(tmp_path: Path) -> None:
    spec = grade_vit(tmp_path, vit_cells(d=4))["p4.spec"]
    assert spec.score == pytest.approx(spec.max * 2 / 3)


def test_vit_settings_assigned_together_are_read(tmp_path: Path) -> None:
    """``PATCH_SIZE, DEPTH, HEADS = 4, 6, 4`` then ``ViT(patch_size=PATCH_SIZE, …)``."""
    cells = vit_cells()
    cells[3] = code(
        "PATCH_SIZE, DEPTH, HEADS = 4, 6, 4\n"
        "model = ViT(image_size=28, patch_size=PATCH_SIZE, num_classes=10, dim=64, "
        "depth=DEPTH, heads=HEADS, mlp_dim=128, channels=1)"
    )
    spec = grade_vit(tmp_path, cells)["p4.spec"]
    assert spec.score == spec.max, spec.evidence


def test_vit_written_in_keras_is_read_and_flagged(tmp_path: Path) -> None:
    cells = vit_cells()
    cells[1] = code("import tensorflow as tf")
    cells[2] = code("(x, y), _ = tf.keras.datasets.fashion_mnist.load_data()")
    cells[3] = code(
        "patch_size = 4\ntransformer_layers = 6\nnum_heads = 4\nmodel = create_vit_classifier()"
    )
    spec = grade_vit(tmp_path, cells)["p4.spec"]
    assert spec.score == spec.max and FLAG_REVIEW in spec.flags
    assert "another framework" in spec.evidence[0]["reason"]


def test_unlocated_notebook_problem_never_reads_another_problems_answer(tmp_path: Path) -> None:
    """Only the BERT notebook is handed in: the ViT parts are not found, and the BERT
    test accuracy is not taken as the ViT's."""
    path = write_notebook(tmp_path / "bert.ipynb", *bert_cells())
    result = grade_path(path, load_rubric("hw2-2024"), GradeOptions(run_code=False))
    vit = result.problems["p4"]
    assert not vit.located and vit.score == 0
    assert all(part.status == "missing" for part in vit.parts.values())
    assert result.problems["p5"].score == result.problems["p5"].max


def test_untitled_notebook_is_still_graded(tmp_path: Path) -> None:
    """No title at all: the notebook is found by its code's fingerprints (BERTGRUSentiment…)."""
    cells = [c for c in bert_cells() if c.cell_type == "code"]
    path = write_notebook(tmp_path / "bert.ipynb", *cells)
    result = grade_path(path, load_rubric("hw2-2024"), GradeOptions(run_code=False))
    bert = result.problems["p5"]
    assert bert.located and bert.located_by.startswith("fingerprint: code ")
    assert "top of bert.ipynb" in bert.located_by
    assert not result.problems["p4"].located
    assert result.problems["p5"].parts["p5.q1a"].score == result.problems["p5"].parts["p5.q1a"].max


def test_a_notebooks_own_numbered_sections_are_not_theory_problems(tmp_path: Path) -> None:
    """ "## 1. Tokenizer" … "## 4. Inference" inside the BERT notebook: problems 1–3 (theory)
    are not found there, and problem 4 starts where its notebook does, not at "## 4."."""
    from grader.ingest import read_submission
    from grader.segment import segment

    cells = bert_cells(title=markdown("# Sentiment analysis with BERT + GRU"))
    cells.insert(1, markdown("## 1. Tokenizer and data"))
    cells.insert(5, markdown("## 2. Model"))
    cells.insert(9, markdown("## 3. Training"))
    cells.insert(-4, markdown("## 4. Inference"))
    path = write_notebook(tmp_path / "bert.ipynb", *cells)
    sections = segment(read_submission(path), load_rubric("hw3-2023"))
    assert [sections[p].located for p in ("p1", "p2", "p3")] == [False, False, False]
    assert sections["p4"].blocks[0].text == "# Sentiment analysis with BERT + GRU"


def test_logs_printed_as_dicts_are_read() -> None:
    """print({'epoch': 1, 'train_loss': …}) and a bare dict as a cell's result: the keys
    are quoted, the log and the test accuracy are still read (BERT and ViT rubrics)."""
    from grader.checks.accuracy import last_accuracy
    from grader.checks.training_log import parse_log

    bert = load_rubric("hw2-2024").part("p5.q3d").params
    log = (
        "{'epoch': 1, 'train_loss': 0.3329, 'train_acc': 0.8559, 'val_loss': 0.2443, "
        "'val_acc': 0.9014, 'time': '13m 10s'}\n"
        '{"epoch": 2, "train_loss": 0.2495, "train_acc": 0.9037, "val_loss": 0.235, '
        '"val_acc": 0.9118}\n'
    )
    epochs = parse_log(log, bert["epoch"], bert["metrics"])
    assert [(e["epoch"], e["train_loss"], e["val_acc"]) for e in epochs] == [
        (1, 0.3329, 90.14),
        (2, 0.2495, 91.18),
    ]
    test_acc = load_rubric("hw2-2024").part("p5.test-acc").params["patterns"]
    assert last_accuracy("{'test_loss': 0.2171, 'test_acc': 0.9129}", test_acc) == 91.29
    vit = load_rubric("hw2-2024").part("p4.trained").params
    vit_log = "{'epoch': 1, 'test_loss': 0.52, 'test_acc': 0.81}\n{'epoch': 2, 'test_loss': 0.47, 'test_acc': 0.83}"
    assert [e["test_acc"] for e in parse_log(vit_log, vit["epoch"], vit["metrics"])] == [81.0, 83.0]


def test_logs_printed_as_tables_are_read() -> None:
    """A header naming an epoch column and the metrics (one word per column, or cells
    between "|"), a rule of dashes, then a row per epoch."""
    from grader.checks.training_log import parse_table

    bert = load_rubric("hw2-2024").part("p5.q3d").params["metrics"]
    piped = (
        "epoch | train loss | train acc | val loss | val acc |    time\n"
        "--------------------------------------------------------------\n"
        "    1 |     0.3589 |    85.18% |   0.2481 |  90.15% |  13m24s\n"
        "    2 |     0.2501 |    89.84% |   0.2349 |  90.94% |  13m58s\n"
        "done\n"
    )
    assert parse_table(piped, bert) == [
        {
            "epoch": 1,
            "train_loss": 0.3589,
            "train_acc": 85.18,
            "val_loss": 0.2481,
            "val_acc": 90.15,
        },
        {
            "epoch": 2,
            "train_loss": 0.2501,
            "train_acc": 89.84,
            "val_loss": 0.2349,
            "val_acc": 90.94,
        },
    ]
    vit = load_rubric("hw2-2024").part("p4.trained").params["metrics"]
    spaced = (
        "epoch train_loss test_loss test_acc\n"
        "    1   0.63   0.4955   0.8185\n"
        "    2   0.53   0.4610   0.8318\n"
    )
    assert [(r["epoch"], r["test_acc"]) for r in parse_table(spaced, vit)] == [
        (1, pytest.approx(81.85)),
        (2, pytest.approx(83.18)),
    ]
    assert parse_table("epoch 1 loss 0.5\n1 2 3\n", vit) == []  # no header of two metrics


def test_a_call_a_printed_code_box_clipped_still_names_its_review(tmp_path: Path) -> None:
    """A browser's print of a notebook clips a long line at the code box's edge, so the
    call loses its closing quote and bracket; the review it scores is still read."""
    cells = bert_cells(
        q4a=code(
            '# Q4a\npredict_sentiment(model, tokenizer, "Justice League is terrible. I hated it.',
            result("0.031"),
        ),
    )
    part = grade_cells(tmp_path, cells)["p5.q4a"]
    assert part.score == pytest.approx(part.max), part.evidence
