"""Synthetic classes of hw2-2024 submissions, varied in format, quality and wording.

Every student gets theory answers (problems 1-3) and the two notebooks (4: ViT, 5: BERT),
drawn from a seeded random generator so a class is the same on every machine. Profiles:
correct, partial (weaker runs, fewer epochs), typical mistakes (wrong hyperparameters,
validating on the test set, labels instead of probabilities), missing problems, and a
few broken files. Formats cycle through .ipynb, .md, .txt, .pdf and a folder of files.

    python bench/synthetic.py OUT_DIR --students 300
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

FORMATS = ("ipynb", "md", "txt", "pdf", "folder")
PROFILES = ("correct", "correct", "partial", "mistake", "missing")
BROKEN_EVERY = 25  # one student in this many hands in an unreadable file

THEORY = {
    1: (
        "Recurrences using RNNs",
        [
            "Unrolling the recurrence h_t = x_t - h_{t-1} gives an alternating sum.",
            "So the final output is h_T = x_T - x_{T-1} + x_{T-2} - ... + (-1)^{T-1} x_1.",
            "A single linear recurrent unit with weight -1 on the state implements it.",
            "The sign of each input depends on how far it is from the last step.",
        ],
    ),
    2: (
        "Understanding self-attention",
        [
            "a) The keys have equal norms, so the dot products are driven by the angles.",
            "b) With one key aligned to the query, softmax puts almost all weight on it.",
            "c) Scaling the query makes the attention copy the matching value vector.",
            "The outputs are convex combinations of the value vectors.",
        ],
    ),
    3: (
        "Linear attention",
        [
            "Replacing softmax by a kernel feature map lets us reorder the products.",
            "Computing phi(K)^T V first costs O(T d^2), which is linear in T.",
            "The price is an approximation of the softmax attention weights.",
        ],
    ),
}
WORDS = (
    "gradient token sequence matrix kernel softmax window memory cost layer head value "
    "query key norm scale batch epoch signal weight order state input output"
).split()

VIT = """import torch
from torchvision import datasets, transforms
train_set = datasets.FashionMNIST('data', train=True, download=True, transform=transforms.ToTensor())
model = ViT(image_size=28, patch_size={patch}, num_classes=10, channels=1,
            dim=64, depth={depth}, heads=4, mlp_dim=128)"""
VIT_CLASS = """class ViT(nn.Module):
    def __init__(self, *, image_size, patch_size, num_classes, channels, dim, depth, heads, mlp_dim):
        super().__init__()
        patches = (image_size // patch_size) ** 2
        self.patch_size = patch_size
        self.to_patch = nn.Linear(channels * patch_size * patch_size, dim)
        self.cls_token = nn.Parameter(torch.randn(1, 1, dim))
        self.pos = nn.Parameter(torch.randn(1, patches + 1, dim))
        layer = nn.TransformerEncoderLayer(dim, heads, mlp_dim, batch_first=True)
        self.transformer = nn.TransformerEncoder(layer, depth)
        self.head = nn.Linear(dim, num_classes)

    def forward(self, img):
        p = self.patch_size
        x = img.unfold(2, p, p).unfold(3, p, p).permute(0, 2, 3, 1, 4, 5)
        x = self.to_patch(x.flatten(3).flatten(1, 2))
        cls = self.cls_token.expand(x.shape[0], -1, -1)
        x = self.transformer(torch.cat([cls, x], dim=1) + self.pos)
        return self.head(x[:, 0])"""
VIT_LOOP = """for epoch in range(1, N_EPOCHS + 1):
    print('Epoch:', epoch)
    train_epoch(model, optimizer, train_loader, train_loss_history)
    evaluate(model, test_loader, test_loss_history)"""
HYPER = "HIDDEN_DIM = {hidden}\nOUTPUT_DIM = 1\nN_LAYERS = {layers}\nBIDIRECTIONAL = True\nDROPOUT = 0.25\n"
MODEL = "model = BERTGRUSentiment(bert, HIDDEN_DIM, OUTPUT_DIM, N_LAYERS, BIDIRECTIONAL, DROPOUT)"
ACCURACY = """def binary_accuracy(preds, y):
    # Q3a
    rounded_preds = torch.round(torch.sigmoid(preds))
    correct = (rounded_preds == y).float()
    return correct.sum() / len(correct)"""
TRAIN = """def train(model, iterator, optimizer, criterion):
    # Q3b
    epoch_loss = 0
    epoch_acc = 0
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
    # Q3c
    epoch_loss = 0
    epoch_acc = 0
    model.eval()
    with torch.no_grad():
        for batch in iterator:
            predictions = model(batch.text).squeeze(1)
            epoch_loss += criterion(predictions, batch.label).item()
            epoch_acc += binary_accuracy(predictions, batch.label).item()
    return epoch_loss / len(iterator), epoch_acc / len(iterator)"""
LOOP = """for epoch in range(N_EPOCHS):
    # Q3d
    train_loss, train_acc = train(model, train_iterator, optimizer, criterion)
    valid_loss, valid_acc = evaluate(model, {valid}, criterion)
    print(f'Epoch: {{epoch+1:02}}')
    print(f'Train Loss: {{train_loss:.3f}} | Train Acc: {{train_acc*100:.2f}}%')
    print(f'Val. Loss: {{valid_loss:.3f}} | Val. Acc: {{valid_acc*100:.2f}}%')"""
PARAMS = {(256, 2): (112241409, 2759169), (128, 1): (110172161, 689921)}
REVIEWS = ("A slow, joyless film.", "Warm, funny and smart.", "I want my money back.")


@dataclass
class Cell:
    """A markdown cell (``output`` None and ``code`` False) or a code cell and its output."""

    text: str
    code: bool = False
    output: str | None = None


@dataclass
class Student:
    """One synthetic student: an id, a format, a profile and their cells."""

    id: str
    format: str
    profile: str
    theory: list[Cell] = field(default_factory=list)
    notebook: list[Cell] = field(default_factory=list)


def _prose(rng: random.Random, number: int) -> Cell:
    title, sentences = THEORY[number]
    chosen = rng.sample(sentences, k=max(2, len(sentences) - 1))
    own = " ".join(rng.choices(WORDS, k=12))
    return Cell(f"## {number}. {title}\n\n" + " ".join(chosen) + f"\n\nNotes: {own}.")


def _vit(rng: random.Random, profile: str) -> list[Cell]:
    epochs = 2 if profile == "partial" else rng.randint(3, 6)
    final = rng.uniform(80.5, 84.5) if profile == "partial" else rng.uniform(85.5, 89.5)
    log = []
    for epoch in range(1, epochs + 1):
        acc = final - (epochs - epoch) * rng.uniform(0.3, 1.2)
        loss = 0.75 - acc / 200
        correct = round(acc * 100)
        log.append(
            f"Epoch: {epoch}\nAverage test loss: {loss:.4f} "
            f"Accuracy: {correct}/10000 ({correct / 100:.2f}%)\n"
        )
    patch, depth = (7, 4) if profile == "mistake" else (4, 6)
    return [
        Cell("## 4. Vision Transformers\n\nWe train a ViT from scratch on FashionMNIST."),
        Cell(VIT_CLASS, code=True),
        Cell(VIT.format(patch=patch, depth=depth), code=True),
        Cell(VIT_LOOP, code=True, output="".join(log)),
    ]


def _bert(rng: random.Random, profile: str) -> list[Cell]:
    mistake = profile == "mistake"
    hidden, layers = (128, 1) if mistake else (256, 2)
    total, trainable = PARAMS[(hidden, layers)]
    epochs = 1 if profile == "partial" else 2
    log = ""
    for epoch in range(1, epochs + 1):
        train_acc, val_acc = rng.uniform(80, 92), rng.uniform(88, 92)
        log += (
            f"Epoch: {epoch:02}\nTrain Loss: {0.6 - train_acc / 250:.3f} | Train Acc: "
            f"{train_acc:.2f}%\nVal. Loss: {0.55 - val_acc / 250:.3f} | Val. Acc: {val_acc:.2f}%\n"
        )
    test_acc = rng.uniform(85.5, 88.5) if profile == "partial" else rng.uniform(89.2, 91.8)
    negative, positive = (
        ("0", "1")
        if mistake
        else (f"{rng.uniform(0.01, 0.1):.3f}", f"{rng.uniform(0.85, 0.99):.3f}")
    )
    own = rng.sample(REVIEWS, 2)
    return [
        Cell("## 5. Sentiment analysis using Transformer models"),
        Cell("# Q1a: vocabulary size\nprint(len(tokenizer))", True, "30522\n"),
        Cell(
            "tokens = tokenizer.tokenize('Hello WORLD how ARE yoU?')\n"
            "indexes = tokenizer.convert_tokens_to_ids(tokens)\nprint(indexes)",
            True,
            "[7592, 2088, 2129, 2024, 2017, 1029]\n",
        ),
        Cell(
            "# Q1b\nprint('train', len(train_data))\nprint('valid', len(valid_data))\n"
            "print('test', len(test_data))",
            True,
            "train 17500\nvalid 7500\ntest 25000\n",
        ),
        Cell("# Q2a\n" + HYPER.format(hidden=hidden, layers=layers) + MODEL, True),
        Cell("# Q2b\nprint(count_parameters(model))", True, f"{total}\n"),
        Cell("# Q2c\nprint(count_parameters(model))", True, f"{trainable}\n"),
        Cell(ACCURACY, True),
        Cell(TRAIN, True),
        Cell(EVALUATE, True),
        Cell(LOOP.format(valid="test_iterator" if mistake else "valid_iterator"), True, log),
        Cell(
            "test_loss, test_acc = evaluate(model, test_iterator, criterion)\n"
            "print(f'Test Loss: {test_loss:.3f} | Test Acc: {test_acc*100:.2f}%')",
            True,
            f"Test Loss: {0.5 - test_acc / 400:.3f} | Test Acc: {test_acc:.2f}%\n",
        ),
        Cell(
            "# Q4a\nprint(predict_sentiment(model, tokenizer, "
            "'Justice League is terrible. I hated it.'))",
            True,
            negative + "\n",
        ),
        Cell(
            "print(predict_sentiment(model, tokenizer, 'Avengers was great!!'))",
            True,
            positive + "\n",
        ),
        Cell(f"# Q4b\nprint(predict_sentiment(model, tokenizer, {own[0]!r}))", True, "0.12\n"),
        Cell(f"print(predict_sentiment(model, tokenizer, {own[1]!r}))", True, "0.91\n"),
    ]


def make_student(index: int, rng: random.Random) -> Student:
    """The ``index``-th student of a class."""
    profile = PROFILES[index % len(PROFILES)]
    student = Student(f"s{index:04d}", FORMATS[index % len(FORMATS)], profile)
    numbers = [1, 2] if profile == "missing" else [1, 2, 3]
    student.theory = [Cell("# Assignment 2")] + [_prose(rng, n) for n in numbers]
    if profile != "missing":
        student.notebook += _vit(rng, profile)
    student.notebook += _bert(rng, profile)
    return student


def _markdown(cells: list[Cell]) -> str:
    parts = []
    for cell in cells:
        if not cell.code:
            parts.append(cell.text)
            continue
        parts.append(f"```python\n{cell.text}\n```")
        if cell.output:
            parts.append(f"```\n{cell.output.rstrip()}\n```")
    return "\n\n".join(parts) + "\n"


def _notebook(cells: list[Cell]) -> nbformat.NotebookNode:
    built, count = [], 0
    for cell in cells:
        if not cell.code:
            built.append(new_markdown_cell(cell.text))
            continue
        count += 1
        outputs = [new_output("stream", name="stdout", text=cell.output)] if cell.output else []
        built.append(new_code_cell(cell.text, execution_count=count, outputs=outputs))
    return new_notebook(cells=built)


def _pdf(cells: list[Cell], path: Path) -> None:
    from weasyprint import HTML

    html, count = [], 0
    for cell in cells:
        if not cell.code:
            title, _, body = cell.text.partition("\n")
            html.append(f"<h2>{escape(title.lstrip('# '))}</h2><p>{escape(body)}</p>")
            continue
        count += 1
        html.append(f"<pre>In [{count}]: {escape(cell.text)}</pre>")
        if cell.output:
            html.append(f"<pre>{escape(cell.output)}</pre>")
    HTML(string="".join(html)).write_pdf(path)


def write_student(student: Student, folder: Path, broken: bool = False) -> Path:
    """Write one student in their format; ``broken`` writes a truncated notebook instead."""
    if broken:
        path = folder / f"{student.id}.ipynb"
        path.write_text('{"cells": [{"cell_type": "code", "sou')
        return path
    cells = student.theory + student.notebook
    if student.format == "ipynb":
        path = folder / f"{student.id}.ipynb"
        nbformat.write(_notebook(cells), str(path))
    elif student.format in ("md", "txt"):
        path = folder / f"{student.id}.{student.format}"
        path.write_text(_markdown(cells), encoding="utf-8")
    elif student.format == "pdf":
        path = folder / f"{student.id}.pdf"
        _pdf(cells, path)
    else:
        path = folder / student.id
        path.mkdir()
        (path / "1-theory.md").write_text(_markdown(student.theory), encoding="utf-8")
        nbformat.write(_notebook(student.notebook), str(path / "2-notebooks.ipynb"))
    return path


def write_handout(path: Path) -> Path:
    """The starter notebook every student receives: the code cells, without outputs."""
    student = make_student(0, random.Random(0))
    cells = [Cell(c.text, code=True) for c in student.notebook if c.code]
    nbformat.write(_notebook(cells), str(path))
    return path


def write_class(folder: Path, students: int, seed: int = 0) -> list[Path]:
    """Write a class of ``students`` submissions into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    return [
        write_student(make_student(i, rng), folder, broken=i % BROKEN_EVERY == BROKEN_EVERY - 1)
        for i in range(students)
    ]


def main() -> None:
    """Command line: write a synthetic class."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = write_class(args.out, args.students, args.seed)
    print(f"{len(paths)} submissions in {args.out}")


if __name__ == "__main__":
    main()
