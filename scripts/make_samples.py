"""Generate the synthetic sample submissions in ``submissions/`` that ``make demo`` grades.

Six invented students, written for this project, across both assignments and the four
formats the grader reads (``.ipynb``, ``.pdf``, ``.md``, ``.txt``)::

    python scripts/make_samples.py            # (re)writes submissions/
    python scripts/make_samples.py --out DIR  # writes the same files elsewhere

The homework's facts in the outputs are the true values (vocabulary size 30522, the token
ids of the sample sentence, the 17,500/7,500/25,000 split, the BERT-GRU parameter counts
counted with torch, the ViT's 205,962 parameters counted by building it). Training logs,
accuracies and predicted probabilities are invented to be plausible; no model was trained.
``tests/test_samples.py`` checks that the committed files are exactly what this script
writes, so edit the samples here and regenerate, never by hand.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import html
import re
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from textwrap import dedent

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "submissions"

# ---------------------------------------------------------------------------------------
# A notebook, independent of the format it is saved in
# ---------------------------------------------------------------------------------------

AUTO = -1  # execution count: the next number in the notebook


@dataclass
class Output:
    """One output of a code cell."""

    kind: str  # stream | result | display | error
    text: str = ""
    name: str = "stdout"  # stream name
    ename: str = ""
    evalue: str = ""
    png: bytes = b""


@dataclass
class Cell:
    """A markdown or code cell; ``count`` is AUTO, an explicit number, or None (never run)."""

    kind: str  # markdown | code
    source: str
    outputs: list[Output] = field(default_factory=list)
    count: int | None = AUTO


def md(text: str) -> Cell:
    """A markdown cell."""
    return Cell("markdown", dedent(text).strip())


def code(source: str, *outputs: Output, count: int | None = AUTO) -> Cell:
    """A code cell with its outputs."""
    return Cell("code", dedent(source).strip(), list(outputs), count)


def out(text: str, name: str = "stdout") -> Output:
    """Printed text (a stream output)."""
    return Output("stream", dedent(text).lstrip("\n"), name=name)


def result(text: str) -> Output:
    """The value of a cell's last expression (an execute_result)."""
    return Output("result", text)


def figure(png: bytes, text: str = "<Figure size 640x480 with 1 Axes>") -> Output:
    """A matplotlib figure (display_data with image/png and text/plain)."""
    return Output("display", text, png=png)


def error(ename: str, evalue: str, *frames: str) -> Output:
    """An error output with an IPython-style traceback (ANSI colours included)."""
    rule = "\x1b[0;31m" + "-" * 75 + "\x1b[0m"
    head = f"\x1b[0;31m{ename}\x1b[0m                         Traceback (most recent call last)"
    tail = f"\x1b[0;31m{ename}\x1b[0m: {evalue}"
    return Output("error", ename=ename, evalue=evalue, text="\n".join([rule, head, *frames, tail]))


def numbered(cells: list[Cell], start: int = 1) -> list[Cell]:
    """Give AUTO cells consecutive execution counts (explicit counts restart the sequence)
    and put each cell's count into its tracebacks (written with ``In[#]``)."""
    count = start
    for cell in cells:
        if cell.kind != "code" or cell.count is None:
            continue
        if cell.count == AUTO:
            cell.count = count
        count = cell.count + 1
        for output in cell.outputs:
            output.text = output.text.replace("In[#]", f"In[{cell.count}]")
    return cells


# ---------------------------------------------------------------------------------------
# Formats
# ---------------------------------------------------------------------------------------

ANSI = re.compile(r"\x1b\[[0-9;]*m")
KERNEL = {
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
    "language_info": {"name": "python", "version": "3.10.12"},
}
COLAB = {"accelerator": "GPU", "colab": {"provenance": []}, **KERNEL}


def _nb_output(output: Output, count: int | None) -> nbformat.NotebookNode:
    if output.kind == "stream":
        return new_output("stream", name=output.name, text=output.text)
    if output.kind == "result":
        return new_output("execute_result", data={"text/plain": output.text}, execution_count=count)
    if output.kind == "display":
        data = {"image/png": base64.b64encode(output.png).decode(), "text/plain": output.text}
        return new_output("display_data", data=data, metadata={})
    return new_output(
        "error", ename=output.ename, evalue=output.evalue, traceback=output.text.split("\n")
    )


def to_ipynb(cells: list[Cell], key: str, metadata: dict) -> bytes:
    """An nbformat-4 notebook; cell ids derive from ``key`` so the file is reproducible."""
    notebook = new_notebook(metadata=metadata)
    for index, cell in enumerate(numbered(cells)):
        cell_id = hashlib.sha1(f"{key}/{index}".encode()).hexdigest()[:8]
        if cell.kind == "markdown":
            notebook.cells.append(new_markdown_cell(cell.source, id=cell_id))
            continue
        outputs = [_nb_output(o, cell.count) for o in cell.outputs]
        notebook.cells.append(
            new_code_cell(cell.source, id=cell_id, execution_count=cell.count, outputs=outputs)
        )
    nbformat.validate(notebook)
    return (nbformat.writes(notebook) + "\n").encode()


def _prompt(count: int | None) -> str:
    return f"[{count if count is not None else ' '}]:"


def to_text(cells: list[Cell]) -> str:
    """A notebook as a student pastes it into a text file: fenced code, outputs below it."""
    parts: list[str] = []
    for cell in numbered(cells):
        if cell.kind == "markdown":
            parts.append(cell.source)
            continue
        parts.append(f"```python\n{cell.source}\n```")
        for output in cell.outputs:
            if output.kind != "display":
                parts.append(ANSI.sub("", output.text).rstrip("\n"))
    return "\n\n".join(parts) + "\n"


INLINE = [
    (re.compile(r"\*\*(.+?)\*\*"), r"<b>\1</b>"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)\*(?!\w)"), r"<i>\1</i>"),
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
]


def _inline(text: str) -> str:
    text = html.escape(text, quote=False)
    for pattern, replacement in INLINE:
        text = pattern.sub(replacement, text)
    return text


def markdown_html(text: str) -> str:
    """The little markdown the samples use: headings, bullet lists, paragraphs, $$ blocks."""
    blocks = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        lines = paragraph.splitlines()
        heading = re.match(r"^(#{1,4})\s+(.*)$", paragraph)
        if heading and len(lines) == 1:
            level = len(heading.group(1))
            blocks.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{_inline(line[2:])}</li>" for line in lines)
            blocks.append(f"<ul>{items}</ul>")
        else:
            blocks.append("<p>" + "<br>".join(_inline(line) for line in lines) + "</p>")
    return "\n".join(blocks)


def notebook_html(cells: list[Cell]) -> str:
    """A notebook as nbconvert prints it: ``In [n]:`` before code, ``Out[n]:`` before values."""
    parts = []
    for cell in numbered(cells):
        if cell.kind == "markdown":
            parts.append(markdown_html(cell.source))
            continue
        parts.append(f'<pre class="in">In {_prompt(cell.count)} {html.escape(cell.source)}</pre>')
        for output in cell.outputs:
            text = html.escape(ANSI.sub("", output.text).rstrip("\n"))
            if output.kind == "result":
                parts.append(f'<pre class="out">Out{_prompt(cell.count)} {text}</pre>')
            elif output.kind == "display":
                data = base64.b64encode(output.png).decode()
                parts.append(f'<p><img src="data:image/png;base64,{data}" alt=""></p>')
            else:
                parts.append(f'<pre class="out">{text}</pre>')
    return "\n".join(parts)


PDF_STYLE = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "DejaVu Serif", serif; font-size: 10pt; line-height: 1.35; }
h1 { font-size: 15pt; } h2 { font-size: 12.5pt; } h3 { font-size: 11pt; }
pre { font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; white-space: pre-wrap;
      margin: 3pt 0; }
pre.in { background: #f4f4f4; border: 0.5pt solid #ccc; padding: 3pt; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; }
img { width: 9cm; }
"""


def to_pdf(title: str, body_html: str) -> bytes:
    """Print HTML to PDF with WeasyPrint, as a browser or nbconvert would."""
    from weasyprint import HTML  # slow to import; only this format needs it

    document = (
        f"<html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<style>{PDF_STYLE}</style></head><body>{body_html}</body></html>"
    )
    return HTML(string=document).write_pdf()


# ---------------------------------------------------------------------------------------
# A small line chart as a PNG (written by hand so that the bytes never depend on a library)
# ---------------------------------------------------------------------------------------


def _png(width: int, height: int, ink: set[tuple[int, int]]) -> bytes:
    """A 1-bit greyscale PNG, black where ``ink`` has a pixel; zlib stored blocks only."""
    raw = bytearray()
    for y in range(height):
        row = bytearray((width + 7) // 8)
        for x in range(width):
            if (x, y) not in ink:
                row[x // 8] |= 0x80 >> (x % 8)
        raw += b"\x00" + row
    stream = bytearray(b"\x78\x01")
    for start in range(0, len(raw), 0xFFFF):
        chunk = raw[start : start + 0xFFFF]
        final = int(start + 0xFFFF >= len(raw))
        stream += bytes([final]) + struct.pack("<HH", len(chunk), 0xFFFF ^ len(chunk)) + chunk
    stream += struct.pack(">I", zlib.adler32(bytes(raw)))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", bytes(stream))
        + chunk(b"IEND", b"")
    )


def line_chart(*series: list[float], width: int = 240, height: int = 150) -> bytes:
    """Axes, and a polyline with square markers through each series (on a shared scale)."""
    left, bottom, top, right = 20, height - 16, 10, width - 10
    ink = {(left, y) for y in range(top, bottom + 1)} | {(x, bottom) for x in range(left, right)}
    low, high = min(map(min, series)), max(map(max, series))
    span = (high - low) or 1.0
    for values in series:
        step = (right - left - 10) / max(1, len(values) - 1)
        points = [
            (round(left + 5 + i * step), round(bottom - 8 - (v - low) / span * (bottom - top - 16)))
            for i, v in enumerate(values)
        ]
        for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
            steps = max(abs(x1 - x0), abs(y1 - y0))
            ink |= {
                (round(x0 + (x1 - x0) * s / steps), round(y0 + (y1 - y0) * s / steps))
                for s in range(steps + 1)
            }
        for x, y in points:
            ink |= {(x + dx, y + dy) for dx in range(-2, 3) for dy in range(-2, 3)}
    return _png(width, height, ink)


# ---------------------------------------------------------------------------------------
# The course's notebooks (the handouts every student starts from), with answer slots
# ---------------------------------------------------------------------------------------

SAMPLE_SENTENCE = "Hello WORLD how ARE yoU?"
GIVEN_REVIEWS = ("Justice League is terrible. I hated it.", "Avengers was great!!")

BERT_HANDOUT: list[Cell | str] = [
    md(
        """
        # Analyzing movie reviews using transformers

        In this problem you train a sentiment classifier for IMDB movie reviews. A pre-trained
        BERT model from the Huggingface `transformers` library turns each review into contextual
        embeddings, and a small recurrent network on top of it decides whether the review is
        positive or negative.
        """
    ),
    md(
        """
        ## Data preparation

        A network only sees numbers, so the text is first split into tokens and every token is
        mapped to an integer id (*tokenization*). A pre-trained transformer must be used with the
        tokenizer it was trained with.
        """
    ),
    code(
        """
        import random
        import time

        import numpy as np
        import torch

        SEED = 1234
        random.seed(SEED)
        np.random.seed(SEED)
        torch.manual_seed(SEED)
        torch.backends.cudnn.deterministic = True
        """
    ),
    code(
        "%pip install -q transformers==4.38.2 torchtext==0.6.0",
        out("Note: you may need to restart the kernel to use updated packages.\n"),
    ),
    code(
        """
        from transformers import BertTokenizer

        tokenizer = BertTokenizer.from_pretrained('bert-base-uncased')
        """
    ),
    md("First, how many tokens does this tokenizer know?"),
    "q1a",
    code(
        f"""
        tokens = tokenizer.tokenize('{SAMPLE_SENTENCE}')
        print(tokens)
        """,
        out("['hello', 'world', 'how', 'are', 'you', '?']\n"),
    ),
    code(
        """
        indexes = tokenizer.convert_tokens_to_ids(tokens)
        print(indexes)
        """,
        out("[7592, 2088, 2129, 2024, 2017, 1029]\n"),
    ),
    md("BERT also uses special tokens: start `[CLS]`, end `[SEP]`, padding and unknown."),
    code(
        """
        init_token_idx = tokenizer.convert_tokens_to_ids(tokenizer.cls_token)
        eos_token_idx = tokenizer.convert_tokens_to_ids(tokenizer.sep_token)
        pad_token_idx = tokenizer.convert_tokens_to_ids(tokenizer.pad_token)
        unk_token_idx = tokenizer.convert_tokens_to_ids(tokenizer.unk_token)

        print(tokenizer.cls_token, tokenizer.sep_token, tokenizer.pad_token, tokenizer.unk_token)
        print(init_token_idx, eos_token_idx, pad_token_idx, unk_token_idx)
        """,
        out("[CLS] [SEP] [PAD] [UNK]\n101 102 0 100\n"),
    ),
    "max_length",
    md(
        """
        The data are the IMDB reviews (25,000 for training, 25,000 for testing). We keep 70% of
        the training reviews for training and use the other 30% as a validation set.
        """
    ),
    code(
        """
        from torchtext import data, datasets

        TEXT = data.Field(batch_first=True, use_vocab=False, tokenize=tokenize_and_cut,
                          preprocessing=tokenizer.convert_tokens_to_ids,
                          init_token=init_token_idx, eos_token=eos_token_idx,
                          pad_token=pad_token_idx, unk_token=unk_token_idx)
        LABEL = data.LabelField(dtype=torch.float)

        train_data, test_data = datasets.IMDB.splits(TEXT, LABEL)
        train_data, valid_data = train_data.split(split_ratio=0.7,
                                                  random_state=random.seed(SEED))
        """,
        out(
            "downloading aclImdb_v1.tar.gz\n"
            "aclImdb_v1.tar.gz: 100%|##########| 84.1M/84.1M [00:06<00:00, 13.2MB/s]\n",
            name="stderr",
        ),
    ),
    "q1b",
    code(
        """
        LABEL.build_vocab(train_data)
        print(LABEL.vocab.stoi)
        """,
        out("defaultdict(None, {'neg': 0, 'pos': 1})\n"),
    ),
    code(
        """
        BATCH_SIZE = 128
        device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')

        train_iterator, valid_iterator, test_iterator = data.BucketIterator.splits(
            (train_data, valid_data, test_data), batch_size=BATCH_SIZE, device=device)
        """
    ),
    md("## Model"),
    code(
        """
        from transformers import BertModel

        bert = BertModel.from_pretrained('bert-base-uncased')
        """
    ),
    code(
        """
        import torch.nn as nn


        class BERTGRUSentiment(nn.Module):
            def __init__(self, bert, hidden_dim, output_dim, n_layers, bidirectional, dropout):
                super().__init__()
                self.bert = bert
                embedding_dim = bert.config.hidden_size
                self.rnn = nn.GRU(embedding_dim, hidden_dim, num_layers=n_layers,
                                  bidirectional=bidirectional, batch_first=True,
                                  dropout=0 if n_layers < 2 else dropout)
                self.out = nn.Linear(hidden_dim * 2 if bidirectional else hidden_dim, output_dim)
                self.dropout = nn.Dropout(dropout)

            def forward(self, text):
                with torch.no_grad():
                    embedded = self.bert(text)[0]          # [batch, len, 768]
                _, hidden = self.rnn(embedded)             # [layers * dirs, batch, hid]
                if self.rnn.bidirectional:
                    hidden = torch.cat((hidden[-2], hidden[-1]), dim=1)
                else:
                    hidden = hidden[-1]
                return self.out(self.dropout(hidden))      # [batch, out]
        """
    ),
    md(
        """
        The model: the BERT embedding (frozen), a bidirectional GRU with 2 layers, hidden size 256
        and dropout 0.25, and a linear layer with one output for binary classification.
        """
    ),
    "q2a",
    "q2b",
    md("Most of these parameters belong to BERT, which we do not train. Freeze them:"),
    code(
        """
        for name, param in model.named_parameters():
            if name.startswith('bert'):
                param.requires_grad = False
        """
    ),
    "q2c",
    md("## Training\n\nBinary cross-entropy on the logits, Adam, two epochs."),
    code(
        """
        import torch.optim as optim

        optimizer = optim.Adam(model.parameters())
        criterion = nn.BCEWithLogitsLoss()
        model = model.to(device)
        criterion = criterion.to(device)
        """
    ),
    "q3a",
    "q3b",
    "q3c",
    code(
        """
        def epoch_time(start_time, end_time):
            elapsed = end_time - start_time
            return int(elapsed / 60), int(elapsed - 60 * int(elapsed / 60))
        """
    ),
    "q3d",
    "test",
    md("## Inference\n\nScore a few reviews: 0 means negative, 1 positive."),
    "predict",
    code("# Q4a. Perform sentiment analysis on the following two sentences."),
    "q4a",
    code("# Q4b. Perform sentiment analysis on two other movie review fragments of your choice."),
    "q4b",
]


def bert_notebook(answers: dict[str, list[Cell]], upto: str | None = None) -> list[Cell]:
    """The BERT handout with a student's cells in its slots, stopping after slot ``upto``."""
    cells: list[Cell] = []
    for item in BERT_HANDOUT:
        if isinstance(item, str):
            cells.extend(answers.get(item, []))
            if item == upto:
                break
        else:
            cells.append(Cell(item.kind, item.source, list(item.outputs), item.count))
    return cells


def max_length_cell(limit: str = "tokenizer.max_model_input_sizes['bert-base-uncased']") -> Cell:
    """The handout's cell that caps review length (``limit`` is the student's choice)."""
    return code(
        f"""
        max_input_length = {limit}

        def tokenize_and_cut(sentence):
            tokens = tokenizer.tokenize(sentence)
            return tokens[:max_input_length - 2]
        """
    )


def count_cells(total: int, trainable: int, fmt: str = ",") -> dict[str, list[Cell]]:
    """Q2b and Q2c answered with a ``count_parameters`` helper and print."""
    spec = f":{fmt}" if fmt else ""
    line = f"print(f'The model has {{count_parameters(model){spec}}} trainable parameters')"
    return {
        "q2b": [
            code(
                f"""
                # Q2b: Print the number of trainable parameters in this model.
                def count_parameters(model):
                    return sum(p.numel() for p in model.parameters() if p.requires_grad)

                {line}
                """,
                out(f"The model has {total:{fmt}} trainable parameters\n"),
            )
        ],
        "q2c": [
            code(
                f"""
                # Q2c: After freezing the BERT weights/biases, print the number of remaining
                # trainable parameters.
                {line}
                """,
                out(f"The model has {trainable:{fmt}} trainable parameters\n"),
            )
        ],
    }


def hyperparameter_cell(n_layers: int = 2, note: str = "") -> Cell:
    """Q2a: the model built from the hyperparameter constants."""
    return code(
        f"""
        # Q2a: Instantiate the above model by setting the right hyperparameters.
        HIDDEN_DIM = 256
        OUTPUT_DIM = 1
        N_LAYERS = {n_layers}{note}
        BIDIRECTIONAL = True
        DROPOUT = 0.25

        model = BERTGRUSentiment(bert, HIDDEN_DIM, OUTPUT_DIM, N_LAYERS, BIDIRECTIONAL, DROPOUT)
        """
    )


@dataclass(frozen=True)
class Epoch:
    """One line of a BERT training log (losses and accuracies in percent)."""

    minutes: int
    seconds: int
    train_loss: float
    train_acc: float
    val_loss: float
    val_acc: float

    def log(self, number: int) -> str:
        """The lines the handout's print statements write for this epoch."""
        return (
            f"Epoch: {number:02} | Epoch Time: {self.minutes}m {self.seconds}s\n"
            f"\tTrain Loss: {self.train_loss:.3f} | Train Acc: {self.train_acc:.2f}%\n"
            f"\t Val. Loss: {self.val_loss:.3f} |  Val. Acc: {self.val_acc:.2f}%\n"
        )


def training_cell(
    epochs: list[Epoch],
    eval_on: str = "valid_iterator",
    test: str = "",
    extra: tuple[Output, ...] = (),
) -> Cell:
    """Q3d: the epoch loop; ``test`` is a test-set line printed by the same cell, if any."""
    test_code = (
        """

        model.load_state_dict(torch.load('bert-gru.pt'))
        test_loss, test_acc = evaluate(model, test_iterator, criterion)
        print(f'Test Loss: {test_loss:.3f} | Test Acc: {test_acc * 100:.2f}%')"""
        if test
        else ""
    )
    source = f"""
        N_EPOCHS = 2
        best_valid_loss = float('inf')

        for epoch in range(N_EPOCHS):
            # Q3d. Perform training/validation by using the functions you defined earlier.
            start_time = time.time()
            train_loss, train_acc = train(model, train_iterator, optimizer, criterion)
            valid_loss, valid_acc = evaluate(model, {eval_on}, criterion)
            epoch_mins, epoch_secs = epoch_time(start_time, time.time())

            if valid_loss < best_valid_loss:
                best_valid_loss = valid_loss
                torch.save(model.state_dict(), 'bert-gru.pt')

            print(f'Epoch: {{epoch + 1:02}} | Epoch Time: {{epoch_mins}}m {{epoch_secs}}s')
            print(f'\\tTrain Loss: {{train_loss:.3f}} | Train Acc: {{train_acc * 100:.2f}}%')
            print(f'\\t Val. Loss: {{valid_loss:.3f}} |  Val. Acc: {{valid_acc * 100:.2f}}%'){test_code}
        """
    log = "".join(e.log(i + 1) for i, e in enumerate(epochs)) + (f"{test}\n" if test else "")
    outputs = [out(log)] if epochs else []
    return code(source, *outputs, *extra)


def final_test_cell(line: str) -> Cell:
    """The handout's test-set evaluation, with what it printed."""
    return code(
        """
        model.load_state_dict(torch.load('bert-gru.pt'))
        test_loss, test_acc = evaluate(model, test_iterator, criterion)
        print(f'Test Loss: {test_loss:.3f} | Test Acc: {test_acc * 100:.2f}%')
        """,
        out(line + "\n"),
    )


PREDICT = """
    def predict_sentiment(model, tokenizer, sentence):
        model.eval()
        tokens = tokenizer.tokenize(sentence)[:max_input_length - 2]
        ids = [init_token_idx] + tokenizer.convert_tokens_to_ids(tokens) + [eos_token_idx]
        tensor = torch.LongTensor(ids).unsqueeze(0).to(device)
        {body}
    """


def predict_cell(body: str = "return torch.sigmoid(model(tensor)).item()") -> Cell:
    """The handout's ``predict_sentiment`` (``body`` is its last line(s))."""
    return code(PREDICT.format(body=body))


def review_cells(scores: list[tuple[str, str]]) -> list[Cell]:
    """One cell per review, each showing what ``predict_sentiment`` returned."""
    return [
        code(f'predict_sentiment(model, tokenizer, "{text}")', result(value))
        for text, value in scores
    ]


VIT_HANDOUT_CLASS = """
    from einops.layers.torch import Rearrange


    class ViT(nn.Module):
        \"\"\"Patch embedding + class token, pre-norm transformer encoder, linear head.\"\"\"

        def __init__(self, *, image_size, patch_size, num_classes, dim, depth, heads,
                     mlp_dim, channels=1):
            super().__init__()
            n_patches = (image_size // patch_size) ** 2
            self.to_patches = nn.Sequential(
                Rearrange('b c (h p1) (w p2) -> b (h w) (p1 p2 c)', p1=patch_size, p2=patch_size),
                nn.Linear(channels * patch_size ** 2, dim),
            )
            self.cls_token = nn.Parameter(torch.zeros(1, 1, dim))
            self.pos_embedding = nn.Parameter(0.02 * torch.randn(1, n_patches + 1, dim))
            block = nn.TransformerEncoderLayer(dim, heads, mlp_dim, dropout=0.0,
                                               activation='gelu', batch_first=True,
                                               norm_first=True)
            self.transformer = nn.TransformerEncoder(block, depth, enable_nested_tensor=False)
            self.head = nn.Sequential(nn.LayerNorm(dim), nn.Linear(dim, num_classes))

        def forward(self, img):
            x = self.to_patches(img)
            cls = self.cls_token.expand(x.shape[0], -1, -1)
            x = torch.cat([cls, x], dim=1) + self.pos_embedding
            x = self.transformer(x)
            return self.head(x[:, 0])
    """

VIT_HANDOUT_LOOP = """
    def train_epoch(model, optimizer, loader, losses):
        model.train()
        for i, (x, y) in enumerate(loader):
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            if i % 200 == 0:
                print(f'  [{i * len(x):5d}/{len(loader.dataset)}] loss {loss.item():.4f}')


    def evaluate(model, loader, losses):
        model.eval()
        correct, total_loss, n = 0, 0.0, len(loader.dataset)
        with torch.no_grad():
            for x, y in loader:
                x, y = x.to(device), y.to(device)
                logits = model(x)
                total_loss += F.cross_entropy(logits, y, reduction='sum').item()
                correct += (logits.argmax(dim=1) == y).sum().item()
        losses.append(total_loss / n)
        print(f'Test loss: {total_loss / n:.4f}  Accuracy: {correct}/{n} '
              f'({100 * correct / n:.2f}%)')
    """

VIT_PARAMETERS = 205_962  # sum of numel over ViT(image_size=28, patch_size=4, ..., mlp_dim=128)


@dataclass(frozen=True)
class VitEpoch:
    """One epoch of the ViT log: training losses at three batches, then the test result."""

    losses: tuple[float, float, float]
    test_loss: float
    correct: int

    def log(self, number: int) -> str:
        """What the handout's functions print for this epoch."""
        steps = "".join(
            f"  [{seen:5d}/60000] loss {loss:.4f}\n"
            for seen, loss in zip((0, 25600, 51200), self.losses, strict=True)
        )
        accuracy = f"{self.correct}/10000 ({self.correct / 100:.2f}%)"
        return f"Epoch {number}\n{steps}Test loss: {self.test_loss:.4f}  Accuracy: {accuracy}\n"


def vit_notebook(dataset: str, stats: str, epochs: list[VitEpoch], seconds: str) -> list[Cell]:
    """The ViT handout, trained on ``dataset`` (normalised with ``stats``) for ``epochs``."""
    return [
        md(
            """
            ## Vision Transformers

            A Vision Transformer cuts the image into patches, embeds each patch as a token, and
            runs a stack of transformer blocks over the tokens; a linear head on the class token
            gives the class scores. Spec: patch size 4x4, 6 transformer layers, 4 heads.
            """
        ),
        code(
            """
            import time

            import torch
            import torch.nn.functional as F
            import torchvision
            from torch import nn, optim

            torch.manual_seed(0)
            device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
            """
        ),
        code(
            f"""
            transform = torchvision.transforms.Compose([
                torchvision.transforms.ToTensor(),
                torchvision.transforms.Normalize({stats}),
            ])
            train_set = torchvision.datasets.{dataset}('./data', train=True, download=True,
                                                      transform=transform)
            test_set = torchvision.datasets.{dataset}('./data', train=False, download=True,
                                                     transform=transform)
            train_loader = torch.utils.data.DataLoader(train_set, batch_size=128, shuffle=True)
            test_loader = torch.utils.data.DataLoader(test_set, batch_size=1000)
            """
        ),
        code(VIT_HANDOUT_CLASS),
        code(
            """
            model = ViT(image_size=28, patch_size=4, num_classes=10, channels=1,
                        dim=64, depth=6, heads=4, mlp_dim=128).to(device)
            optimizer = optim.Adam(model.parameters(), lr=1e-3)
            print(sum(p.numel() for p in model.parameters()), 'parameters')
            """,
            out(f"{VIT_PARAMETERS} parameters\n"),
        ),
        code(VIT_HANDOUT_LOOP),
        code(
            f"""
            N_EPOCHS = {len(epochs)}
            train_losses, test_losses = [], []
            start = time.time()
            for epoch in range(1, N_EPOCHS + 1):
                print('Epoch', epoch)
                train_epoch(model, optimizer, train_loader, train_losses)
                evaluate(model, test_loader, test_losses)
            print(f'Training took {{time.time() - start:.1f}} s')
            """,
            out(
                "".join(e.log(i + 1) for i, e in enumerate(epochs)) + f"Training took {seconds} s\n"
            ),
        ),
    ]


# ---------------------------------------------------------------------------------------
# hw2-2024 ("Assignment 2"): recurrence, self-attention, linear attention, ViT, BERT
# ---------------------------------------------------------------------------------------

ALICE_THEORY = r"""
# Assignment 2 — Alice Moreau (am4821)

Problems 1–3 are below. Problem 4 is in `p4_vit.ipynb` and problem 5 in `p5_bert.ipynb`.

## 1. Recurrences using RNNs

Reading the weights off Figure 1 (all biases are zero):

$$
\begin{aligned}
h_t &= x_t - h_{t-1}, \qquad h_0 = 0,\\
y_t &= \sigma(1000\, h_t).
\end{aligned}
$$

Unrolling the recurrence,

$$
\begin{aligned}
h_1 &= x_1,\\
h_2 &= x_2 - x_1,\\
h_3 &= x_3 - x_2 + x_1,\\
h_t &= \sum_{k=1}^{t} (-1)^{t-k} x_k .
\end{aligned}
$$

For an even length $T$ the sign of $x_k$ is $+$ for even $k$ and $-$ for odd $k$, so
$h_T = (x_2 + x_4 + \dots + x_T) - (x_1 + x_3 + \dots + x_{T-1})$ and

$$y_T = \sigma\Big(1000 \big(\sum_{k\ \mathrm{even}} x_k - \sum_{k\ \mathrm{odd}} x_k\big)\Big).$$

The inputs are integers, so $h_T$ is an integer and $1000\,h_T$ is either $0$ or at least $1000$ in absolute value: the sigmoid saturates. The output is $\approx 1$ when the inputs at even positions add up to more than those at odd positions, $\approx 0$ when they add up to less, and exactly $0.5$ on a tie. The unit compares the sum of the even-indexed inputs with the sum of the odd-indexed ones.

## 2. Understanding self-attention

(a) The base vectors are orthogonal with $\|a\| = \|b\| = \|c\| = \|d\| = \beta$, so the cross terms vanish: $\|x_1\|_2 = \sqrt{\|d\|^2 + \|b\|^2} = \sqrt{2}\,\beta$, $\|x_2\|_2 = \|a\|_2 = \beta$ and $\|x_3\|_2 = \sqrt{\|c\|^2 + \|b\|^2} = \sqrt{2}\,\beta$.

(b) With $q_i = k_i = v_i = x_i$, $y_i = \sum_j \operatorname{softmax}_j(x_i^\top x_j)\, x_j$. The scores are

$$
X X^\top = \begin{pmatrix} 2\beta^2 & 0 & \beta^2 \\ 0 & \beta^2 & 0 \\ \beta^2 & 0 & 2\beta^2 \end{pmatrix}.
$$

Row 1 gives weights proportional to $(e^{2\beta^2}, 1, e^{\beta^2})$:

$$w_{11} = \frac{1}{1 + e^{-2\beta^2} + e^{-\beta^2}} \to 1, \qquad w_{12} \to 0, \qquad w_{13} = \frac{e^{-\beta^2}}{1 + e^{-2\beta^2} + e^{-\beta^2}} \to 0,$$

so $y_1 \approx x_1 = d + b$. Row 2 gives weights proportional to $(1, e^{\beta^2}, 1)$, so $y_2 \approx x_2 = a$. Row 3 is row 1 with $x_1$ and $x_3$ swapped: $y_3 \approx x_3 = c + b$. Because $\beta$ is huge, the gap of $\beta^2$ between the largest score and the others makes each softmax essentially one-hot: every token attends to itself and $(y_1, y_2, y_3) \approx (x_1, x_2, x_3)$.

(c) When one query–key product exceeds all the others by a wide margin (here because the norms are large), the softmax becomes an almost hard selection and the output is almost exactly the value vector at the selected position. The queries and keys decide *where* to look; the value found there is copied to the output unchanged. With other query/key directions the same mechanism copies another token's value instead of one's own.

## 3. Attention! My code takes too long

Without the exponentials the $i$-th output is

$$y_i = \frac{\sum_{j=1}^{T} (q_i^\top k_j)\, v_j}{\sum_{j=1}^{T} q_i^\top k_j}.$$

Evaluated as written, each output touches all $T$ keys, $O(T^2)$ in total. But $(q_i^\top k_j)\, v_j = (v_j k_j^\top)\, q_i$, so

$$\sum_{j} (q_i^\top k_j)\, v_j = S\, q_i, \qquad \sum_j q_i^\top k_j = q_i^\top z, \qquad S = \sum_{j=1}^{T} v_j k_j^\top,\quad z = \sum_{j=1}^{T} k_j .$$

$S$ ($d \times d$) and $z$ ($d$) do not depend on $i$: they are computed once in $O(Td^2)$ and $O(Td)$, after which every output costs $O(d^2)$, so all $T$ outputs cost $O(Td^2)$ — linear in $T$ for a fixed head dimension $d$. In matrix form we compute $Q(K^\top V)$ instead of $(QK^\top)V$ and never build the $T \times T$ attention matrix.
"""

ALICE_VIT = [
    VitEpoch((2.4123, 0.6215, 0.5127), 0.4893, 8219),
    VitEpoch((0.4718, 0.4206, 0.3954), 0.4310, 8437),
    VitEpoch((0.3862, 0.3511, 0.4032), 0.3911, 8566),
    VitEpoch((0.3307, 0.3649, 0.3215), 0.3682, 8671),
    VitEpoch((0.3125, 0.2893, 0.3361), 0.3554, 8712),
    VitEpoch((0.2710, 0.3058, 0.2734), 0.3397, 8776),
]

ALICE_REVIEWS = [
    ("A slow, joyless slog that wastes a terrific cast.", "0.03118472546339035"),
    ("I laughed, I cried, and I went back to see it again the next day.", "0.9716238975524902"),
]


def alice_vit() -> list[Cell]:
    """Problem 4 to spec, with a plot of the test loss."""
    return [
        md("# Problem 4 — Vision Transformers on FashionMNIST"),
        *vit_notebook("FashionMNIST", "(0.2860,), (0.3530,)", ALICE_VIT, "388.2"),
        code(
            """
            import matplotlib.pyplot as plt

            plt.plot(range(1, N_EPOCHS + 1), test_losses, marker='o')
            plt.xlabel('epoch')
            plt.ylabel('test loss')
            plt.show()
            """,
            figure(line_chart([e.test_loss for e in ALICE_VIT])),
        ),
        md("Test accuracy goes from 82.19% after one epoch to 87.76% after six."),
    ]


def alice_bert() -> list[Cell]:
    """Problem 5, every question answered and run."""
    answers = {
        "max_length": [max_length_cell()],
        "q1a": [
            code(
                """
                # Q1a: Print the size of the vocabulary of the above tokenizer.
                len(tokenizer)
                """,
                result("30522"),
            )
        ],
        "q1b": [
            code(
                """
                # Q1b. Print the number of data points in the train, test, and validation sets.
                print(f'Number of training examples: {len(train_data)}')
                print(f'Number of validation examples: {len(valid_data)}')
                print(f'Number of testing examples: {len(test_data)}')
                """,
                out(
                    """
                    Number of training examples: 17500
                    Number of validation examples: 7500
                    Number of testing examples: 25000
                    """
                ),
            )
        ],
        "q2a": [hyperparameter_cell()],
        **count_cells(112_241_409, 2_759_169),
        "q3a": [
            code(
                """
                def binary_accuracy(preds, y):
                    # Q3a. Compute accuracy (as a number between 0 and 1)
                    predicted = torch.round(torch.sigmoid(preds))
                    return (predicted == y).float().mean()
                """
            )
        ],
        "q3b": [
            code(
                """
                def train(model, iterator, optimizer, criterion):
                    # Q3b. Set up the training function
                    epoch_loss, epoch_acc = 0.0, 0.0
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
            )
        ],
        "q3c": [
            code(
                """
                def evaluate(model, iterator, criterion):
                    # Q3c. Set up the evaluation function.
                    epoch_loss, epoch_acc = 0.0, 0.0
                    model.eval()
                    with torch.no_grad():
                        for batch in iterator:
                            predictions = model(batch.text).squeeze(1)
                            epoch_loss += criterion(predictions, batch.label).item()
                            epoch_acc += binary_accuracy(predictions, batch.label).item()
                    return epoch_loss / len(iterator), epoch_acc / len(iterator)
                """
            )
        ],
        "q3d": [
            training_cell(
                [
                    Epoch(24, 31, 0.468, 77.12, 0.262, 89.47),
                    Epoch(24, 18, 0.279, 88.71, 0.243, 90.28),
                ]
            )
        ],
        "test": [final_test_cell("Test Loss: 0.229 | Test Acc: 90.86%")],
        "predict": [predict_cell()],
        "q4a": review_cells(
            [(GIVEN_REVIEWS[0], "0.01873321272432804"), (GIVEN_REVIEWS[1], "0.9402312636375427")]
        ),
        "q4b": review_cells(ALICE_REVIEWS),
    }
    return [md("# Problem 5: Sentiment analysis using Transformer models"), *bert_notebook(answers)]


def alice() -> dict[str, bytes]:
    """A folder: theory in markdown, one notebook per programming problem."""
    return {
        "alice/p1-3_theory.md": dedent(ALICE_THEORY).lstrip().encode(),
        "alice/p4_vit.ipynb": to_ipynb(alice_vit(), "alice/vit", KERNEL),
        "alice/p5_bert.ipynb": to_ipynb(alice_bert(), "alice/bert", KERNEL),
    }


BRUNO_THEORY = r"""
# Deep Learning — Assignment 2

Bruno Ferreira (bf2207)

## Problem 1

The network of Figure 1 computes, with zero biases,
$$h_t = x_t - h_{t-1}, \qquad y_t = \mathrm{sigmoid}(1000\,h_t), \qquad h_0 = 0.$$

Writing out the first steps:
$$\begin{aligned} h_1 &= x_1 \\ h_2 &= x_2 - x_1 \\ h_3 &= x_3 - x_2 + x_1 \\ h_4 &= x_4 - x_3 + x_2 - x_1 \end{aligned}$$

so in general $h_T = \sum_{k=1}^{T} (-1)^{k+1} x_k$. The final output is therefore
$$y_T = \mathrm{sigmoid}\Big(1000 \sum_{k=1}^{T} (-1)^{k+1} x_k\Big),$$
which is close to 1 when the inputs at odd positions $x_1, x_3, \dots$ add up to more than the inputs at even positions, and close to 0 otherwise.

## Problem 2

(a) The base vectors are orthogonal, so $\|x_1\|^2 = \|d\|^2 + \|b\|^2 = 2\beta^2$. Hence $\|x_1\| = \sqrt{2}\beta$, $\|x_2\| = \beta$ and $\|x_3\| = \sqrt{2}\beta$.

(b) Self-attention with $q_i = k_i = v_i = x_i$ gives $y_i = \sum_j \alpha_{ij} x_j$ with $\alpha_{ij} = \frac{\exp(x_i^\top x_j)}{\sum_l \exp(x_i^\top x_l)}$. The scores are $x_1^\top x_1 = 2\beta^2$, $x_1^\top x_3 = \beta^2$, $x_2^\top x_2 = \beta^2$, $x_3^\top x_3 = 2\beta^2$, and all the others are 0. For $y_1$: $\alpha_{11} = \frac{e^{2\beta^2}}{e^{2\beta^2} + 1 + e^{\beta^2}} \approx 1$, so $y_1 \approx x_1$. For $y_2$ the only non-zero score is with itself, so $y_2 \approx x_2$. By symmetry $y_3 \approx x_3$.

(c) Self-attention copies an input when the softmax puts almost all of its weight on one token: the output is then that token's value.

## Problem 3

Without the exponential the output is
$$y_i = \frac{\sum_{j=1}^{T} (q_i^\top k_j)\, v_j}{\sum_{j=1}^{T} q_i^\top k_j}.$$

The numerator can be regrouped as $q_i^\top \big(\sum_j k_j v_j^\top\big)$: the $d \times d$ matrix $\sum_j k_j v_j^\top$ is the same for every $i$, so it is computed once in $O(Td^2)$ and each output then costs $O(d^2)$. The denominator still needs $q_i^\top k_j$ for every pair $(i, j)$, which is $O(T^2)$, but it is only one scalar per row, so in practice it is cheap. Overall the layer is roughly linear in $T$.
"""

BRUNO_VIT = [
    VitEpoch((2.3512, 0.3307, 0.2154), 0.1873, 9421),
    VitEpoch((0.1702, 0.1418, 0.1290), 0.1254, 9608),
    VitEpoch((0.0987, 0.1133, 0.0841), 0.0969, 9691),
]


def bruno_bert() -> list[Cell]:
    """Problem 5 with shorter reviews (lower accuracy) and the test run in the training cell."""
    answers = {
        "max_length": [max_length_cell("256  # 512 was too slow on Colab")],
        "q1a": [code("# Q1a: size of the vocabulary\nlen(tokenizer.vocab)", result("30522"))],
        "q1b": [
            code(
                """
                # Q1b
                print('train:', len(train_data))
                print('valid:', len(valid_data))
                print('test: ', len(test_data))
                """,
                out("train: 17500\nvalid: 7500\ntest:  25000\n"),
            )
        ],
        "q2a": [hyperparameter_cell()],
        **count_cells(112_241_409, 2_759_169, fmt=""),
        "q3a": [
            code(
                """
                def binary_accuracy(preds, y):
                    # Q3a
                    probs = torch.sigmoid(preds)
                    labels = (probs >= 0.5).float()
                    correct = (labels == y).sum()
                    return correct / y.shape[0]
                """
            )
        ],
        "q3b": [
            code(
                """
                def train(model, iterator, optimizer, criterion):
                    # Q3b
                    model.train()
                    total_loss, total_acc, n_batches = 0, 0, len(iterator)
                    for batch in iterator:
                        optimizer.zero_grad()
                        logits = model(batch.text).squeeze(1)
                        loss = criterion(logits, batch.label)
                        loss.backward()
                        optimizer.step()
                        total_loss += loss.item()
                        total_acc += binary_accuracy(logits, batch.label).item()
                    return total_loss / n_batches, total_acc / n_batches
                """
            )
        ],
        "q3c": [
            code(
                """
                def evaluate(model, iterator, criterion):
                    # Q3c
                    model.eval()
                    total_loss, total_acc = 0, 0
                    with torch.no_grad():
                        for batch in iterator:
                            logits = model(batch.text).squeeze(1)
                            total_loss += criterion(logits, batch.label).item()
                            total_acc += binary_accuracy(logits, batch.label).item()
                    return total_loss / len(iterator), total_acc / len(iterator)
                """
            )
        ],
        "q3d": [
            training_cell(
                [
                    Epoch(11, 2, 0.532, 72.65, 0.338, 86.02),
                    Epoch(10, 57, 0.351, 84.90, 0.301, 87.55),
                ],
                test="Test Loss: 0.306 | Test Acc: 87.61%",
            )
        ],
        "predict": [predict_cell()],
        "q4a": review_cells(
            [(GIVEN_REVIEWS[0], "0.04237021505832672"), (GIVEN_REVIEWS[1], "0.8135465383529663")]
        ),
        "q4b": review_cells(
            [
                ("The plot made no sense but the soundtrack was fantastic.", "0.4871930480003357"),
                ("Two hours of my life I will never get back.", "0.0692766010761261"),
            ]
        ),
    }
    return bert_notebook(answers)


def bruno() -> dict[str, bytes]:
    """One PDF: LaTeX-style answers, then both notebooks printed with prompts."""
    vit = vit_notebook("MNIST", "(0.1307,), (0.3081,)", BRUNO_VIT, "196.4")
    body = "\n".join(
        [
            markdown_html(dedent(BRUNO_THEORY)),
            markdown_html("## Problem 4\n\nFashionMNIST would not download, so I used MNIST."),
            notebook_html(vit),
            markdown_html("## Problem 5"),
            notebook_html(bruno_bert()),
        ]
    )
    return {"bruno.pdf": to_pdf("Assignment 2 — Bruno Ferreira", body)}


def zed() -> dict[str, bytes]:
    """A notebook whose upload was cut short: the JSON ends in the middle."""
    cells = [
        md("# Assignment 2 — Zed Novak"),
        md("## 1. Recurrences using RNNs\n\n$h_T = x_T - x_{T-1} + \\dots + x_2 - x_1$"),
        *vit_notebook("FashionMNIST", "(0.5,), (0.5,)", ALICE_VIT[:2], "131.0"),
    ]
    whole = to_ipynb(cells, "zed", COLAB)
    return {"zed.ipynb": whole[: len(whole) * 3 // 5]}


# ---------------------------------------------------------------------------------------
# hw3-2023 ("Homework #3"): CNNs vs RNNs, recurrence, self-attention, BERT
# ---------------------------------------------------------------------------------------

CHEN_THEORY = [
    md("# Homework 3\n\nChen Wei — cw3318"),
    md("**1. (3 points)** CNNs vs RNNs for image classification"),
    md(
        """
        a) Benefits of CNNs over RNNs:

        1. *Spatial inductive bias.* A convolution looks at a small 2-D neighbourhood and the same
        kernel is applied everywhere, so the network is translation-equivariant and needs far
        fewer parameters. An RNN that reads the image row by row (or pixel by pixel) sees a 1-D
        sequence: two vertically adjacent pixels end up 28 steps apart.
        2. *Parallelism.* All positions of a convolution layer are computed at once, so training
        is fast on a GPU and gradients do not have to pass through hundreds of time steps.
        """
    ),
    md(
        """
        b) Benefits of RNNs over CNNs:

        1. *Global context in one layer.* The hidden state summarises everything read so far, so
        after the last row it depends on the whole image; a CNN needs many layers or pooling
        before one unit sees the whole image.
        2. *Any input size.* The same cell is applied once per row, so images with a different
        number of rows (or a long strip such as a line of handwriting) need no resizing.
        """
    ),
    md("**2. (4 points)** Recurrences using RNNs"),
    md(
        r"""
        From the figure, $h_t = x_t - h_{t-1}$ and $y_t = \sigma(1000 h_t)$ (biases are 0, $h_0 = 0$).
        Expanding backwards from the last step $T = 2n$:

        $$h_{2n} = x_{2n} - x_{2n-1} + h_{2n-2} = \sum_{k=1}^{n} (x_{2k} - x_{2k-1}).$$

        So $y_{2n} = \sigma\big(1000 \sum_{k=1}^{n} (x_{2k} - x_{2k-1})\big)$. The inputs are
        integers, so the argument is 0 or at least 1000 in magnitude: the output is 1 if the
        inputs at even positions have the larger sum, 0 if the odd ones do, and 1/2 on a tie.
        """
    ),
    md("**3. (3 points)** Understanding self-attention"),
    md(
        r"""
        a) $\|x_1\| = \|d + b\| = \sqrt{\|d\|^2 + \|b\|^2} = \sqrt{2}\beta$ since $d \perp b$;
        likewise $\|x_2\| = \beta$ and $\|x_3\| = \sqrt{2}\beta$.
        """
    ),
    md(
        r"""
        b) With $Q = K = V = X$ (rows $x_1, x_2, x_3$), self-attention is $Y = (XX^\top)X$:

        $$XX^\top = \begin{bmatrix} 2\beta^2 & 0 & \beta^2 \\ 0 & \beta^2 & 0 \\ \beta^2 & 0 & 2\beta^2 \end{bmatrix}$$

        so

        $$\begin{aligned} y_1 &= 2\beta^2 x_1 + \beta^2 x_3 \\ y_2 &= \beta^2 x_2 \\ y_3 &= \beta^2 x_1 + 2\beta^2 x_3 \end{aligned}$$

        $y_2$ is a multiple of $x_2$, while $y_1$ and $y_3$ are mixtures of $x_1$ and $x_3$, with
        more weight on $x_1$ in $y_1$ and on $x_3$ in $y_3$.
        """
    ),
    md(
        r"""
        c) The output is a weighted sum of the values, and tokens orthogonal to the query get
        weight zero, so a token that only overlaps with itself (like $x_2$) is copied to the
        output, scaled by $\beta^2$.
        """
    ),
    md("**4. (6 points)** Sentiment analysis using Transformer models"),
]


def chen_bert() -> list[Cell]:
    """Validation on the test set inside the epoch loop; predictions returned as labels."""
    answers = {
        "max_length": [max_length_cell()],
        "q1a": [
            code(
                "tokenizer.vocab_size()",
                error(
                    "TypeError",
                    "'int' object is not callable",
                    "Cell \x1b[0;32mIn[#], line 1\x1b[0m\n\x1b[0;32m----> 1\x1b[0m tokenizer\x1b[38;5;241m.\x1b[39mvocab_size()",
                ),
            ),
            code(
                "# Q1a: Print the size of the vocabulary.\nprint(len(tokenizer.vocab))",
                out("30522\n"),
            ),
        ],
        "q1b": [
            code(
                """
                # Q1b. Print the number of data points in the train, test, and validation sets.
                print(f'train examples:      {len(train_data)}')
                print(f'validation examples: {len(valid_data)}')
                print(f'test examples:       {len(test_data)}')
                """,
                out(
                    """
                    train examples:      17500
                    validation examples: 7500
                    test examples:       25000
                    """
                ),
            )
        ],
        "q2a": [hyperparameter_cell()],
        **count_cells(112_241_409, 2_759_169),
        "q3a": [
            code(
                """
                def binary_accuracy(preds, y):
                    # Q3a. accuracy between 0 and 1
                    rounded = torch.round(torch.sigmoid(preds))
                    correct = rounded.eq(y).float()
                    return correct.sum() / len(correct)
                """
            )
        ],
        "q3b": [
            code(
                """
                def train(model, iterator, optimizer, criterion):
                    # Q3b. training loop for one epoch
                    epoch_loss = epoch_acc = 0
                    model.train()
                    for i, batch in enumerate(iterator):
                        optimizer.zero_grad()
                        predictions = model(batch.text).squeeze(1)
                        loss = criterion(predictions, batch.label)
                        loss.backward()
                        optimizer.step()
                        epoch_loss += loss.item()
                        epoch_acc += binary_accuracy(predictions, batch.label).item()
                    return epoch_loss / len(iterator), epoch_acc / len(iterator)
                """
            )
        ],
        "q3c": [
            code(
                """
                def evaluate(model, iterator, criterion):
                    # Q3c. evaluation loop
                    epoch_loss = epoch_acc = 0
                    model.eval()
                    with torch.no_grad():
                        for batch in iterator:
                            predictions = model(batch.text).squeeze(1)
                            epoch_loss += criterion(predictions, batch.label).item()
                            epoch_acc += binary_accuracy(predictions, batch.label).item()
                    return epoch_loss / len(iterator), epoch_acc / len(iterator)
                """
            )
        ],
        "q3d": [
            training_cell(
                [
                    Epoch(27, 40, 0.497, 75.03, 0.281, 88.64),
                    Epoch(27, 12, 0.296, 87.80, 0.241, 90.41),
                ],
                eval_on="test_iterator",
            ),
            code(
                """
                import matplotlib.pyplot as plt

                plt.plot([1, 2], [0.497, 0.296], marker='o', label='train')
                plt.plot([1, 2], [0.281, 0.241], marker='o', label='validation')
                plt.legend()
                plt.show()
                """,
                figure(line_chart([0.497, 0.296], [0.281, 0.241])),
            ),
        ],
        "test": [final_test_cell("Test Loss: 0.241 | Test Acc: 90.41%")],
        "predict": [
            predict_cell(
                "prob = torch.sigmoid(model(tensor)).item()\n        return 'pos' if prob > 0.5 else 'neg'"
            )
        ],
        "q4a": review_cells([(GIVEN_REVIEWS[0], "'neg'"), (GIVEN_REVIEWS[1], "'pos'")]),
        "q4b": review_cells(
            [("Beautifully shot, but the story drags.", "'neg'"), ("An instant classic.", "'pos'")]
        ),
    }
    return bert_notebook(answers)


def chen() -> dict[str, bytes]:
    """One notebook: theory in markdown cells, then the BERT notebook."""
    return {"chen.ipynb": to_ipynb(CHEN_THEORY + chen_bert(), "chen", COLAB)}


DANA_THEORY = """
Dana Okafor - do2291 - Homework 3

Q1

a. Two advantages of a CNN over an RNN for classifying images:
 - A conv layer slides the same small filter over the whole image, so an edge or a texture is
   found wherever it appears, with very few weights. An RNN reading the image row by row has to
   learn separately that a pattern in another row means the same thing.
 - Every position of a conv layer is computed at the same time, so training parallelises well
   on a GPU. An RNN steps through the rows one after another and the gradient has to flow back
   through every step, which is slow and prone to vanishing gradients.

b. Two advantages of an RNN over a CNN:
 - The hidden state can carry information from the first rows to the last, so the model can
   relate far-apart parts of the image without stacking many layers to grow a receptive field.
 - It takes inputs of any length without resizing: the same cell is applied as many times as
   there are rows.

Q2

From the figure: h_t = x_t - h_(t-1) (weights 1 and -1, no bias), y_t = sigmoid(1000 * h_t),
and h_0 = 0.

h_1 = x_1
h_2 = x_2 - x_1
h_3 = x_3 - x_2 + x_1
h_4 = x_4 - x_3 + x_2 - x_1
...
For even T: h_T = (x_2 + x_4 + ... + x_T) - (x_1 + x_3 + ... + x_(T-1))

So the last output is y_T = sigmoid(1000 * [(sum of x at even steps) - (sum of x at odd steps)]).
The x's are integers, so the difference is an integer and the factor 1000 pushes the sigmoid to
0 or 1: the unit outputs about 1 if the even-position inputs sum to more than the odd-position
ones, about 0 if they sum to less, and 0.5 if the sums are equal.

Q4 (notebook) - I only got as far as Q2c, sorry.
"""


def dana() -> dict[str, bytes]:
    """Plain text: problems 1-2 and the first half of the notebook (a 1-layer GRU)."""
    answers = {
        "max_length": [max_length_cell()],
        "q1a": [code("# Q1a\nprint(len(tokenizer))", out("30522\n"))],
        "q1b": [
            code(
                "# Q1b\nprint(len(train_data), len(valid_data), len(test_data))",
                out("17500 7500 25000\n"),
            )
        ],
        "q2a": [hyperparameter_cell(n_layers=1, note="  # 2 was very slow")],
        **count_cells(111_058_689, 1_576_449),
    }
    notebook = to_text(bert_notebook(answers, upto="q2c"))
    return {"dana.txt": (dedent(DANA_THEORY).lstrip() + "\n" + notebook).encode()}


EVE_THEORY = r"""
# HW3 — Eve Lindqvist

## Question 1: CNNs vs RNNs for image classification

**(a)** Two advantages of CNNs over RNNs:

- *Parameter efficiency.* A 3x3 convolution has $9 C_{in} C_{out}$ weights whatever the image size, thanks to local connectivity and weight sharing; an RNN that scans the pixels has to squeeze everything it has seen through one hidden state and learns a much less structured map.
- *Translation invariance.* The same filters fire wherever an object is, and pooling makes the prediction robust to small shifts, which is exactly what classification needs.

**(b)** Two advantages of RNNs over CNNs:

- *Long-range dependencies in one layer:* the hidden state carries information across the whole image, whereas the receptive field of a CNN grows only slowly with depth.
- *Flexible inputs:* they handle inputs of varying size, and sequences of images or a scanning order (row by row for a line of handwritten text), with memory that does not grow with the input length.

## Question 2: Recurrences using RNNs

The figure gives

$$
\begin{aligned}
h_t &= 1 \cdot x_t + (-1) \cdot h_{t-1},\\
y_t &= \sigma(1000\, h_t).
\end{aligned}
$$

**Claim.** $h_t = \sum_{k=1}^{t} (-1)^{t-k} x_k$ (with $h_0 = 0$). For $t = 1$ it reads $h_1 = x_1$. If it holds for $t$, then $h_{t+1} = x_{t+1} - \sum_{k=1}^{t} (-1)^{t-k} x_k = x_{t+1} + \sum_{k=1}^{t} (-1)^{t+1-k} x_k$, which is the claim for $t+1$.

For even $T$, $(-1)^{T-k}$ is $+1$ for even $k$ and $-1$ for odd $k$:

$$y_T = \sigma\Big(1000\big[(x_2 + x_4 + \dots + x_T) - (x_1 + x_3 + \dots + x_{T-1})\big]\Big).$$

Because the inputs are integers, the bracket is an integer, so $y_T$ is essentially 1 if the even-indexed inputs outweigh the odd-indexed ones, essentially 0 if they weigh less, and $1/2$ if they balance.

## Question 3: Understanding self-attention

**(a)** By orthogonality, $\|x_1\|^2 = \|d\|^2 + \|b\|^2 = 2\beta^2$, so $\|x_1\| = \sqrt{2}\,\beta$, $\|x_2\| = \beta$, $\|x_3\| = \sqrt{2}\,\beta$.

**(b)** The attention weights are $w_{ij} = e^{x_i^\top x_j} / \sum_l e^{x_i^\top x_l}$ and $y_i = \sum_j w_{ij} x_j$. The score matrix is

$$
\big[x_i^\top x_j\big]_{ij} = \begin{bmatrix} 2\beta^2 & 0 & \beta^2 \\ 0 & \beta^2 & 0 \\ \beta^2 & 0 & 2\beta^2 \end{bmatrix}.
$$

In every row the diagonal entry is the largest by at least $\beta^2$, and $e^{-\beta^2} \to 0$ for large $\beta$, so the weight matrix tends to the identity:

$$y_1 \approx x_1 = b + d, \qquad y_2 \approx x_2 = a, \qquad y_3 \approx x_3 = b + c.$$

**(c)** With large norms the softmax of the scores is nearly one-hot, so each output is (almost exactly) one of the values: the query/key similarity picks a position and the value stored there is copied through. Here each token's largest similarity is with itself, so each token copies itself.
"""


def eve_bert() -> list[Cell]:
    """An unexecuted cell with outputs, an interrupted run, and results typed in markdown."""
    counts = count_cells(112_241_409, 2_759_169)
    counts["q2b"][0].count = None  # outputs pasted in, never run in this notebook
    answers = {
        "max_length": [max_length_cell()],
        "q1a": [code("# Q1a\nlen(tokenizer)", result("30522"))],
        "q1b": [
            code(
                """
                # Q1b
                print(f'train: {len(train_data)} | valid: {len(valid_data)} | test: {len(test_data)}')
                """,
                out("train: 17500 | valid: 7500 | test: 25000\n"),
            )
        ],
        "q2a": [hyperparameter_cell()],
        **counts,
        "q3a": [
            code(
                """
                def binary_accuracy(preds, y):
                    # Q3a
                    correct = (torch.sigmoid(preds).round() == y).float()
                    return correct.sum() / correct.numel()
                """
            )
        ],
        "q3b": [
            code(
                """
                def train(model, iterator, optimizer, criterion):
                    # Q3b
                    model.train()
                    losses, accs = [], []
                    for batch in iterator:
                        optimizer.zero_grad()
                        out = model(batch.text).squeeze(1)
                        loss = criterion(out, batch.label)
                        loss.backward()
                        optimizer.step()
                        losses.append(loss.item())
                        accs.append(binary_accuracy(out, batch.label).item())
                    return sum(losses) / len(losses), sum(accs) / len(accs)
                """
            )
        ],
        "q3c": [
            code(
                """
                def evaluate(model, iterator, criterion):
                    # Q3c
                    model.eval()
                    losses, accs = [], []
                    with torch.inference_mode():
                        for batch in iterator:
                            out = model(batch.text).squeeze(1)
                            losses.append(criterion(out, batch.label).item())
                            accs.append(binary_accuracy(out, batch.label).item())
                    return sum(losses) / len(losses), sum(accs) / len(accs)
                """
            )
        ],
        "q3d": [
            training_cell(
                [Epoch(31, 5, 0.481, 76.40, 0.270, 89.05)],
                extra=(
                    error(
                        "KeyboardInterrupt",
                        "",
                        "Cell \x1b[0;32mIn[#], line 7\x1b[0m\n      5     # Q3d. Perform training/validation by using the functions you defined earlier.\n      6     start_time = time.time()\n\x1b[0;32m----> 7\x1b[0m     train_loss, train_acc = train(model, train_iterator, optimizer, criterion)",
                    ),
                ),
            ),
            md(
                """
                Colab kept disconnecting, so I stopped the run above during the second epoch. The
                full run on my own machine gave:

                Epoch: 02 | Train Loss: 0.284 | Train Acc: 88.35% | Val. Loss: 0.247 | Val. Acc: 90.12%

                Test Loss: 0.236 | Test Acc: 90.47%
                """
            ),
        ],
        "predict": [predict_cell()],
        "q4a": review_cells(
            [(GIVEN_REVIEWS[0], "0.02614983543753624"), (GIVEN_REVIEWS[1], "0.8124052286148071")]
        ),
        "q4b": review_cells(
            [
                ("The dialogue is wooden and the ending makes no sense.", "0.0421833023428917"),
                ("A warm, funny film with a great lead performance.", "0.9587410092353821"),
            ]
        ),
    }
    return [
        md("## Question 4: Sentiment analysis using Transformer models"),
        *bert_notebook(answers),
    ]


def eve() -> dict[str, bytes]:
    """A folder: theory in markdown and a notebook with integrity problems."""
    return {
        "eve/hw3_answers.md": dedent(EVE_THEORY).lstrip().encode(),
        "eve/hw3_notebook.ipynb": to_ipynb(eve_bert(), "eve", COLAB),
    }


# ---------------------------------------------------------------------------------------
# The class lists and the command line
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Student:
    """One sample student: where they go, what they are meant to show, and their files."""

    assignment: str
    name: str
    shows: str
    files: Callable[[], dict[str, bytes]]


STUDENTS = [
    Student("hw2-2024", "alice", "fully correct; folder of .md theory + two .ipynb", alice),
    Student(
        "hw2-2024",
        "bruno",
        "partly correct; one PDF (ViT on MNIST, BERT accuracy a bit low, slips in theory)",
        bruno,
    ),
    Student("hw2-2024", "zed", "broken file: a truncated .ipynb (must give status error)", zed),
    Student(
        "hw3-2023",
        "chen",
        "typical mistakes; .ipynb (validation on test_iterator, labels instead of "
        "probabilities, self-attention without softmax)",
        chen,
    ),
    Student("hw3-2023", "dana", "missing parts; .txt (problems 1-2 and half the notebook)", dana),
    Student(
        "hw3-2023",
        "eve",
        "integrity; folder of .md + .ipynb (a cell with outputs but no execution count, "
        "results typed into markdown)",
        eve,
    ),
]


def readme() -> bytes:
    """submissions/README.md: what each sample student shows."""
    lines = [
        "# Sample submissions",
        "",
        "Synthetic students, generated by `scripts/make_samples.py` (edit it and rerun it; do not",
        "edit these files by hand). `make demo` grades each folder with the rubric of the same",
        "name. Outputs are invented; see the script's docstring.",
        "",
        *(f"- `{s.assignment}/{s.name}`: {s.shows}" for s in STUDENTS),
        "",
    ]
    return "\n".join(lines).encode()


def build(out_dir: Path) -> list[Path]:
    """Write every sample under ``out_dir``; return the paths written."""
    files = {"README.md": readme()}
    for student in STUDENTS:
        files.update({f"{student.assignment}/{k}": v for k, v in student.files().items()})
    written = []
    for relative, content in sorted(files.items()):
        path = out_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    return written


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args()
    for path in build(args.out):
        print(path)


if __name__ == "__main__":
    main()
