"""Crafted notebook submissions: the hw2-2024 ViT + BERT notebooks and the hw3-2023 BERT notebook,
saved, titled, marked or printed differently from the usual Jupyter export.

Written from the homework statements only (not from the grader). Every case is one student's
submission; ``ranges`` are what a strict TA would accept for every problem of the assignment.

Classes:
  titles       unusual notebook titles / file layouts (one file, two files, theory first, no title)
  markers      questions marked in markdown (Q1_a, Q1(a), Question 1 a, Q2.c, **Q3d**, 1a)) or unmarked
  colab        Colab-saved notebooks (execution_count null everywhere, colab metadata, GPU)
  printed_pdf  notebooks printed to PDF (WeasyPrint from nbconvert-like HTML)
  integrity    typed results, an uncounted result cell, impossible outputs (+ two honest controls)
  wrong_work   wrong hyperparameters, unfrozen BERT, ViT on MNIST, low accuracy, buggy metric

Everything is deterministic (string-seeded ``random.Random``; PDFs with a fixed SOURCE_DATE_EPOCH).
"""

from __future__ import annotations

import hashlib
import html as _html
import math
import os
import random
import re
import struct

import nbformat
from nbformat import v4

from crafted.case import Case

HW2 = "hw2-2024"
HW3 = "hw3-2023"

BERT_BASE_PARAMS = 109_482_240  # BertModel('bert-base-uncased') incl. pooler


# --------------------------------------------------------------------------------------------
# notebook model: cells -> .ipynb (Jupyter or Colab flavour) or -> printed PDF
# --------------------------------------------------------------------------------------------


def _hid(*parts, n=12):
    return hashlib.sha1("::".join(str(p) for p in parts).encode()).hexdigest()[:n]


def _uuid(*parts):
    h = _hid(*parts, n=32)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class NB:
    """A notebook under construction. ``code`` outputs are tuples:
    ("out", text) stdout stream, ("err", text) stderr stream, ("res", text) execute_result,
    ("exc", ename, evalue, traceback_lines), ("widget", text) ipywidgets progress display."""

    def __init__(self, name: str):
        self.name = name
        self.cells: list[dict] = []

    def md(self, text: str):
        self.cells.append({"t": "md", "src": text.strip("\n")})

    def code(self, src: str, *outs, count="auto"):
        self.cells.append({"t": "code", "src": src.strip("\n"), "outs": list(outs), "count": count})

    def extend(self, other: NB):
        self.cells.extend(other.cells)

    # -- counts ------------------------------------------------------------------------------
    def _counts(self, colab: bool):
        n = 0
        res = []
        for c in self.cells:
            if c["t"] != "code":
                res.append(None)
                continue
            cnt = c["count"]
            if cnt == "auto":
                if colab:
                    cnt = None
                else:
                    n += 1
                    cnt = n
            elif isinstance(cnt, int):
                n = max(n, cnt)
            res.append(cnt)
        return res

    # -- ipynb -------------------------------------------------------------------------------
    def to_ipynb(self, colab: bool = False) -> str:
        nb = v4.new_notebook()
        counts = self._counts(colab)
        if colab:
            nb.nbformat_minor = 0
            nb.metadata = {
                "colab": {"provenance": [], "gpuType": "T4", "toc_visible": True},
                "kernelspec": {"name": "python3", "display_name": "Python 3"},
                "language_info": {"name": "python"},
                "accelerator": "GPU",
            }
        else:
            nb.nbformat_minor = 5
            nb.metadata = {
                "kernelspec": {
                    "display_name": "Python 3 (ipykernel)",
                    "language": "python",
                    "name": "python3",
                },
                "language_info": {
                    "codemirror_mode": {"name": "ipython", "version": 3},
                    "file_extension": ".py",
                    "mimetype": "text/x-python",
                    "name": "python",
                    "nbconvert_exporter": "python",
                    "pygments_lexer": "ipython3",
                    "version": "3.10.13",
                },
            }
        for i, c in enumerate(self.cells):
            cid = _hid(self.name, i)
            if c["t"] == "md":
                if colab:
                    cell = v4.new_markdown_cell(c["src"], metadata={"id": cid})
                    del cell["id"]
                else:
                    cell = v4.new_markdown_cell(c["src"], id=cid)
                nb.cells.append(cell)
                continue
            outs = [self._output(o, counts[i], i) for o in c["outs"]]
            if colab:
                meta = {"id": cid}
                if outs:
                    meta = {
                        "colab": {"base_uri": "https://localhost:8080/"},
                        "id": cid,
                        "outputId": _uuid(self.name, i),
                    }
                cell = v4.new_code_cell(
                    c["src"], execution_count=counts[i], outputs=outs, metadata=meta
                )
                del cell["id"]
            else:
                cell = v4.new_code_cell(c["src"], execution_count=counts[i], outputs=outs, id=cid)
            nb.cells.append(cell)
        return nbformat.writes(nb)

    def _output(self, o, count, i):
        kind = o[0]
        if kind == "out":
            return v4.new_output("stream", name="stdout", text=o[1])
        if kind == "err":
            return v4.new_output("stream", name="stderr", text=o[1])
        if kind == "res":
            return v4.new_output(
                "execute_result", data={"text/plain": o[1]}, metadata={}, execution_count=count
            )
        if kind == "exc":
            return v4.new_output("error", ename=o[1], evalue=o[2], traceback=list(o[3]))
        if kind == "widget":
            return v4.new_output(
                "display_data",
                metadata={},
                data={
                    "application/vnd.jupyter.widget-view+json": {
                        "model_id": _hid(self.name, i, o[1], n=32),
                        "version_major": 2,
                        "version_minor": 0,
                    },
                    "text/plain": o[1],
                },
            )
        raise ValueError(kind)

    # -- printed PDF -------------------------------------------------------------------------
    def to_html(self, prompts: str = "in", colab: bool = False, heading: str | None = None) -> str:
        """prompts: "in" -> "In [3]:" (Jupyter print), "bracket" -> "[ ]:" / "[3]:",
        "none" -> no prompts at all (browser print of Colab)."""
        counts = self._counts(colab)
        parts = [_HTML_HEAD]
        if heading:
            parts.append(f'<div class="runhead">{_html.escape(heading)}</div>')
        for i, c in enumerate(self.cells):
            if c["t"] == "md":
                parts.append(f'<div class="md">{_md_to_html(c["src"])}</div>')
                continue
            cnt = counts[i]
            if prompts == "in":
                pr = f"In [{cnt if cnt is not None else ' '}]:"
            elif prompts == "bracket":
                pr = f"[{cnt if cnt is not None else ' '}]:"
            else:
                pr = ""
            src = _html.escape(c["src"])
            if pr:
                parts.append(
                    f'<table class="cell"><tr><td class="prompt">{_html.escape(pr)}</td>'
                    f'<td class="inner"><pre class="code">{src}</pre></td></tr></table>'
                )
            else:
                parts.append(f'<div class="cell"><pre class="code">{src}</pre></div>')
            for o in c["outs"]:
                if o[0] in ("out", "err", "res", "widget"):
                    txt = o[1]
                else:
                    txt = "\n".join(o[3])
                txt = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", txt)
                txt = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", txt).rstrip("\n")
                cls = "stderr" if o[0] == "err" else "output"
                if pr:  # outputs have no "Out[n]:" prompt, only the indentation
                    parts.append(
                        f'<table class="cell"><tr><td class="prompt"></td>'
                        f'<td class="inner"><pre class="{cls}">{_html.escape(txt)}</pre>'
                        f"</td></tr></table>"
                    )
                else:
                    parts.append(
                        f'<div class="cell"><pre class="{cls}">{_html.escape(txt)}</pre></div>'
                    )
        parts.append("</body></html>")
        return "\n".join(parts)


_HTML_HEAD = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page { size: Letter; margin: 18mm 14mm; }
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 10pt; line-height: 1.35; }
h1 { font-size: 17pt; } h2 { font-size: 14pt; } h3 { font-size: 12pt; } h4 { font-size: 11pt; }
.cell { margin: 4px 0; }
table.cell { width: 100%; border-collapse: collapse; table-layout: fixed; }
td.prompt { width: 10ex; vertical-align: top; font-family: "DejaVu Sans Mono", monospace;
            font-size: 8.5pt; color: #303F9F; padding: 5px 4px 0 0; text-align: right; }
td.inner { vertical-align: top; padding: 0; }
pre { font-family: "DejaVu Sans Mono", "Courier New", monospace; font-size: 8.5pt;
      white-space: pre-wrap; word-wrap: break-word; margin: 0; }
pre.code { background: #f7f7f7; border: 1px solid #cfcfcf; padding: 4px 6px; }
pre.output { padding: 3px 6px; }
pre.stderr { padding: 3px 6px; background: #fdd; }
.md { margin: 8px 0; }
.runhead { font-size: 8pt; color: #555; border-bottom: 1px solid #aaa; margin-bottom: 8px; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
</style></head><body>"""


_TEX = [
    (r"\mathrm{even}", "even"),
    (r"\mathrm{odd}", "odd"),
    (r"\mathrm{softmax}", "softmax"),
    (r"\sqrt{2}", "√2"),
    (r"\sigma", "σ"),
    (r"\beta", "β"),
    (r"\approx", "≈"),
    (r"\times", "×"),
    (r"\top", "ᵀ"),
    (r"\to", "→"),
    (r"\sum", "Σ"),
    (r"\dots", "…"),
    (r"\|", "‖"),
    (r"\big", ""),
    (r"\,", " "),
    (r"\ ", " "),
    (r"\frac", "frac"),
]


def _tex_to_text(s: str) -> str:
    """Roughly what rendered math reads like once printed: symbols instead of TeX commands."""

    def conv(m):
        t = m.group(1)
        for a, b in _TEX:
            t = t.replace(a, b)
        t = re.sub(r"\^\{2\}|\^2", "²", t)
        t = t.replace("^ᵀ", "ᵀ")
        t = re.sub(r"\\sqrt\{([^{}]+)\}", r"√(\1)", t)
        t = re.sub(r"frac\{(.+?)\}\{(.+?)\}", r"(\1) / (\2)", t)
        t = re.sub(r"_\{([^{}]{2,})\}", r"_(\1)", t)
        t = re.sub(r"\^\{([^{}]{2,})\}", r"^(\1)", t)
        t = t.replace("{", "").replace("}", "")
        return re.sub(r"  +", " ", t)

    return re.sub(r"\$([^$]+)\$", conv, s)


def _inline(s: str) -> str:
    s = _html.escape(_tex_to_text(s))
    s = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", s)
    s = re.sub(r"`([^`]+)`", r"<code>\1</code>", s)
    s = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<i>\1</i>", s)
    return s


def _md_to_html(text: str) -> str:
    out = []
    para: list[str] = []
    items: list[str] = []

    def flush():
        if para:
            out.append("<p>" + " ".join(_inline(p) for p in para) + "</p>")
            para.clear()
        if items:
            out.append("<ul>" + "".join(f"<li>{_inline(x)}</li>" for x in items) + "</ul>")
            items.clear()

    in_math = False
    math_lines: list[str] = []
    for line in text.split("\n"):
        st = line.strip()
        if st.startswith("$$") and (st == "$$" or not st.endswith("$$") or len(st) == 2):
            if in_math:
                out.append(
                    '<p style="margin-left:6ex"><i>'
                    + _html.escape(_tex_to_text("$" + " ".join(math_lines) + "$"))
                    + "</i></p>"
                )
                math_lines = []
                in_math = False
            else:
                flush()
                in_math = True
            continue
        if in_math:
            math_lines.append(st)
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", st)
        if m:
            flush()
            lvl = len(m.group(1))
            out.append(f"<h{lvl}>{_inline(m.group(2))}</h{lvl}>")
        elif st.startswith(("- ", "* ")):
            if para:
                out.append("<p>" + " ".join(_inline(p) for p in para) + "</p>")
                para.clear()
            items.append(st[2:])
        elif not st:
            flush()
        elif st == "---":
            flush()
            out.append("<hr/>")
        else:
            if items:
                flush()
            para.append(st)
    flush()
    return "\n".join(out)


def _pdf(html_str: str) -> bytes:
    from weasyprint import HTML

    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1714000000"  # fixed font-subset timestamps
    try:
        return HTML(string=html_str).write_pdf()
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


# --------------------------------------------------------------------------------------------
# question markers
# --------------------------------------------------------------------------------------------

Q_TEXT = {
    "1a": ("Q1a: ", "Print the size of the vocabulary of the above tokenizer."),
    "1b": ("Q1b. ", "Print the number of data points in the train, test, and validation sets."),
    "2a": ("Q2a: ", "Instantiate the above model by setting the right hyperparameters."),
    "2b": ("Q2b: ", "Print the number of trainable parameters in this model."),
    "2c": (
        "Q2c: ",
        "After freezing the BERT weights/biases, print the number of remaining "
        "trainable parameters.",
    ),
    "3a": ("Q3a. ", "Compute accuracy (as a number between 0 and 1)"),
    "3b": ("Q3b. ", "Set up the training function"),
    "3c": ("Q3c. ", "Set up the evaluation function."),
    "3d": ("Q3d. ", "Perform training/valuation by using the functions you defined earlier."),
    "4a": ("Q4a. ", "Perform sentiment analysis on the following two sentences."),
    "4b": (
        "Q4b. ",
        "Perform sentiment analysis on two other movie review fragments of your choice.",
    ),
}

MARKER_STYLES = {
    "q_underscore": "### Q{n}_{l}: {text}",
    "paren": "**Q{n}({l})** {text}",
    "question": "#### Question {n} {l}\n{text}",
    "dot": "### Q{n}.{l}",
    "bold": "**Q{n}{l}**",
    "num_paren": "{n}{l}) {text}",
    "bold_colon": "**Q{n}{l}:** {text}",
}


def _qcode(nb: NB, cfg: dict, qid: str, src: str, *outs, count="auto"):
    """Add a code cell for question ``qid``. ``src`` holds a ``#@Q`` line where the template
    comment goes. Marker modes: "comment" (template # Qxx comments), a MARKER_STYLES key or a
    list of keys (cycled per question; a markdown cell before the code), "none"."""
    mode = cfg.get("marker", "comment")
    if isinstance(mode, (list, tuple)):
        mode = mode[list(Q_TEXT).index(qid) % len(mode)]
    tag, text = Q_TEXT[qid]

    def repl(m):
        if mode == "comment":
            return f"{m.group(1)}# {tag}{text}"
        return None

    lines = []
    dropped = False
    for line in src.split("\n"):
        m = re.match(r"^(\s*)#@Q\s*$", line)
        if m:
            r = repl(m)
            if r is not None:
                lines.append(r)
            else:
                dropped = True
            continue
        if dropped and not line.strip() and (not lines or not lines[-1].strip()):
            dropped = False
            continue
        dropped = False
        lines.append(line)
    if mode not in ("comment", "none"):
        nb.md(MARKER_STYLES[mode].format(n=qid[0], l=qid[1], text=text))
    nb.code("\n".join(lines), *outs, count=count)


# --------------------------------------------------------------------------------------------
# BERT sentiment notebook
# --------------------------------------------------------------------------------------------


def gru_params(inp, hidden, layers, bidir):
    d = 2 if bidir else 1
    tot = 0
    for layer in range(layers):
        i = inp if layer == 0 else hidden * d
        tot += d * 3 * (hidden * i + hidden * hidden + 2 * hidden)
    return tot


def head_params(hidden, bidir, out=1):
    return (hidden * (2 if bidir else 1)) * out + out


BERT_DEFAULT = dict(
    title="# Analyzing movie reviews using transformers",
    intro=True,
    marker="comment",
    torchtext="legacy",  # "legacy": torchtext 0.9 (torchtext.legacy); "0.6": torchtext 0.6
    pip=True,
    colab_noise=False,  # HF_TOKEN warning, widget progress bars
    vocab="print_len",  # "print_len" | "expr_vocab" | "vocab_size"
    q1b="names",  # "names" | "tuple" | "seed"
    count_style="fn",  # "fn" (count_parameters + f-string) | "inline" (sum(...) print)
    hidden=256,
    out=1,
    layers=2,
    bidir=True,
    dropout=0.25,
    freeze="ok",  # "ok" | "eqeq" (param.requires_grad == False: nothing frozen)
    binacc="ok",  # "ok" | "ok2" | "nosigmoid"
    train="ok",  # "ok" | "ok2"
    evaluate="ok",  # "ok" | "noeval"
    log="template",  # "template" | "compact"
    epochs=[(14, 2, 0.3391, 0.8512, 0.2497, 0.8993), (14, 5, 0.2566, 0.8967, 0.2298, 0.9098)],
    test=(0.2187, 0.9127),
    q4a=None,  # (p_justice_league, p_avengers); None -> drawn from the name
    q4a_style="two_cells",  # "two_cells" (execute_result) | "print"
    q4b=None,  # [(review, p), (review, p)]; None -> drawn from the name
    closing="Both of my own reviews are classified correctly (close to 1 for the positive one "
    "and close to 0 for the negative one).",
    integrity=None,  # None | "typed" | "uncounted_test" | "impossible_test"
    counts=None,  # optional explicit list of execution counts for code cells
    error_then_fix=False,  # Colab: torchtext.legacy import fails, fixed in the next cell
    summary_md=False,  # honest markdown summary of the printed results
    only_code=False,  # no markdown cells at all
)


OWN_REVIEWS = [
    (
        "This film was an absolute joy from start to finish, the cast is wonderful.",
        "Two hours of my life I will never get back. Boring and badly acted.",
    ),
    (
        "One of the greatest family-oriented, fantasy-adventure movies ever.",
        "The sequel is a lazy cash grab with a plot that makes no sense.",
    ),
    (
        "A gripping, beautifully shot thriller with a fantastic lead performance.",
        "I walked out halfway through, the dialogue was painful.",
    ),
    (
        "Pixar did it again, funny and moving at the same time.",
        "What a waste of a great cast. Dull, predictable and far too long.",
    ),
    (
        "The soundtrack alone makes this worth watching, I loved every minute.",
        "Terrible CGI and wooden acting, avoid this one.",
    ),
    (
        "An instant classic. I would happily watch it again tomorrow.",
        "Not even the explosions could keep me awake.",
    ),
]


def _f32(x: float) -> float:
    """What torch's .item() returns for a float32 tensor (a double holding a float32 value)."""
    return struct.unpack("f", struct.pack("f", x))[0]


def _q4_defaults(name):
    rng = random.Random("q4:" + name)
    p1 = _f32(rng.uniform(0.006, 0.06))
    p2 = _f32(rng.uniform(0.78, 0.97))
    pos, neg = OWN_REVIEWS[int(hashlib.sha1(name.encode()).hexdigest(), 16) % len(OWN_REVIEWS)]
    q1 = _f32(rng.uniform(0.93, 0.995))
    q2 = _f32(rng.uniform(0.004, 0.08))
    if rng.random() < 0.5:
        return (p1, p2), [(pos, q1), (neg, q2)]
    return (p1, p2), [(neg, q2), (pos, q1)]


def bert_nb(name: str, **kw) -> NB:
    cfg = dict(BERT_DEFAULT)
    cfg.update(kw)
    q4a, q4b = _q4_defaults(name)
    if cfg["q4a"] is None:
        cfg["q4a"] = q4a
    if cfg["q4b"] is None:
        cfg["q4b"] = q4b
    nb = NB(name)
    md = (lambda t: None) if cfg["only_code"] else nb.md

    if cfg["title"]:
        md(cfg["title"])
    if cfg["intro"]:
        md(
            "This problem asks you to train a sentiment analysis model using the BERT "
            "(Bidirectional Encoder Representations from Transformers) model. Specifically, we "
            "will parse movie reviews and classify their sentiment (according to whether they are "
            "positive or negative.)\n\nWe will use the Huggingface transformers library to load a "
            "pre-trained BERT model to compute text embeddings, and append this with an RNN model "
            "to perform sentiment classification."
        )
        md(
            "## Data preparation\n\nBefore delving into the model training, let's first do some "
            "basic data processing. The first challenge in NLP is to encode text into vector-style "
            "representations. This is done by a process called *tokenization*."
        )

    legacy = cfg["torchtext"] == "legacy"
    if cfg["pip"]:
        if legacy:
            nb.code(
                "%pip install -q -U torch==1.8.0 torchtext==0.9.0",
                ("out", "Note: you may need to restart the kernel to use updated packages.\n"),
            )
        else:
            nb.code(
                "!pip install -q torchtext==0.6.0",
                (
                    "out",
                    "\x1b[2K     \x1b[90m━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\x1b[0m "
                    "\x1b[32m64.2/64.2 kB\x1b[0m \x1b[31m1.9 MB/s\x1b[0m eta "
                    "\x1b[36m0:00:00\x1b[0m\n",
                ),
            )

    nb.code(
        "import torch\nimport random\nimport numpy as np\n\nSEED = 1234\n\n"
        "random.seed(SEED)\nnp.random.seed(SEED)\ntorch.manual_seed(SEED)\n"
        "torch.backends.cudnn.deterministic = True"
    )
    md("Let us load the transformers library first.")
    if cfg["pip"]:
        nb.code(
            "!pip install transformers" if not legacy else "%pip install -q transformers",
            ("out", "Note: you may need to restart the kernel to use updated packages.\n")
            if legacy
            else (
                "out",
                "Requirement already satisfied: transformers in "
                "/usr/local/lib/python3.10/dist-packages (4.38.2)\n",
            ),
        )
    md(
        "Each transformer model is associated with a particular approach of tokenizing the input "
        "text. We will use the `bert-base-uncased` model below, so let's examine its corresponding "
        "tokenizer."
    )
    tok_outs = []
    if cfg["colab_noise"]:
        tok_outs = [
            (
                "err",
                "/usr/local/lib/python3.10/dist-packages/huggingface_hub/utils/_token.py:88: "
                "UserWarning: \nThe secret `HF_TOKEN` does not exist in your Colab secrets.\n"
                "To authenticate with the Hugging Face Hub, create a token in your settings "
                "tab (https://huggingface.co/settings/tokens), set it as secret in your Google "
                "Colab and restart your session.\nYou will be able to reuse this secret in all "
                "of your notebooks.\nPlease note that authentication is recommended but still "
                "optional to access public models or datasets.\n  warnings.warn(\n",
            ),
            ("widget", "tokenizer_config.json:   0%|          | 0.00/48.0 [00:00<?, ?B/s]"),
            ("widget", "vocab.txt:   0%|          | 0.00/232k [00:00<?, ?B/s]"),
            ("widget", "tokenizer.json:   0%|          | 0.00/466k [00:00<?, ?B/s]"),
            ("widget", "config.json:   0%|          | 0.00/570 [00:00<?, ?B/s]"),
        ]
    nb.code(
        "from transformers import BertTokenizer\n\n"
        "tokenizer = BertTokenizer.from_pretrained('bert-base-uncased')",
        *tok_outs,
    )
    md(
        "The `tokenizer` has a `vocab` attribute which contains the actual vocabulary we will be "
        "using. First, let us discover how many tokens are in this language model by checking its "
        "length."
    )
    if cfg["vocab"] == "print_len":
        _qcode(
            nb,
            cfg,
            "1a",
            '#@Q\nprint(f"Size of the vocabulary: {len(tokenizer)}")',
            ("out", "Size of the vocabulary: 30522\n"),
        )
    elif cfg["vocab"] == "expr_vocab":
        _qcode(nb, cfg, "1a", "#@Q\nlen(tokenizer.vocab)", ("res", "30522"))
    else:
        _qcode(
            nb,
            cfg,
            "1a",
            "#@Q\nvocab_size = tokenizer.vocab_size\nprint('vocab size =', vocab_size)",
            ("out", "vocab size = 30522\n"),
        )
    md(
        "Using the tokenizer is as simple as calling `tokenizer.tokenize` on a string. This will "
        "tokenize and lower case the data in a way that is consistent with the pre-trained "
        "transformer model."
    )
    nb.code(
        "tokens = tokenizer.tokenize('Hello WORLD how ARE yoU?')\n\nprint(tokens)",
        ("out", "['hello', 'world', 'how', 'are', 'you', '?']\n"),
    )
    md("We can numericalize tokens using our vocabulary using `tokenizer.convert_tokens_to_ids`.")
    nb.code(
        "indexes = tokenizer.convert_tokens_to_ids(tokens)\n\nprint(indexes)",
        ("out", "[7592, 2088, 2129, 2024, 2017, 1029]\n"),
    )
    md(
        "The transformer was also trained with special tokens to mark the beginning and end of the "
        "sentence, as well as a standard padding and unknown token. Let us declare them."
    )
    nb.code(
        "init_token = tokenizer.cls_token\neos_token = tokenizer.sep_token\n"
        "pad_token = tokenizer.pad_token\nunk_token = tokenizer.unk_token\n\n"
        "print(init_token, eos_token, pad_token, unk_token)",
        ("out", "[CLS] [SEP] [PAD] [UNK]\n"),
    )
    nb.code(
        "init_token_idx = tokenizer.convert_tokens_to_ids(init_token)\n"
        "eos_token_idx = tokenizer.convert_tokens_to_ids(eos_token)\n"
        "pad_token_idx = tokenizer.convert_tokens_to_ids(pad_token)\n"
        "unk_token_idx = tokenizer.convert_tokens_to_ids(unk_token)\n\n"
        "print(init_token_idx, eos_token_idx, pad_token_idx, unk_token_idx)",
        ("out", "101 102 0 100\n"),
    )
    nb.code("max_input_length = tokenizer.max_model_input_sizes['bert-base-uncased']")
    md(
        "Let us now define a function to tokenize any sentence, and cut length down to 510 tokens "
        "(we need one special `start` and `end` token for each sentence)."
    )
    nb.code(
        "def tokenize_and_cut(sentence):\n    tokens = tokenizer.tokenize(sentence)\n"
        "    tokens = tokens[:max_input_length-2]\n    return tokens"
    )
    md(
        "Finally, we are ready to load our dataset. We will use the IMDB Movie Reviews dataset. "
        "Let us also split the train dataset to form a small validation set (to keep track of the "
        "best model)."
    )
    field = (
        "TEXT = data.Field(batch_first = True,\n                  use_vocab = False,\n"
        "                  tokenize = tokenize_and_cut,\n"
        "                  preprocessing = tokenizer.convert_tokens_to_ids,\n"
        "                  init_token = init_token_idx,\n"
        "                  eos_token = eos_token_idx,\n"
        "                  pad_token = pad_token_idx,\n"
        "                  unk_token = unk_token_idx)\n\n"
        "LABEL = data.LabelField(dtype = torch.float)"
    )
    if cfg["error_then_fix"]:
        nb.code(
            "from torchtext.legacy import data\n\n" + field,
            (
                "exc",
                "ModuleNotFoundError",
                "No module named 'torchtext.legacy'",
                [
                    "\x1b[0;31m---------------------------------------------------------------"
                    "------------\x1b[0m",
                    "\x1b[0;31mModuleNotFoundError\x1b[0m                       Traceback (most "
                    "recent call last)",
                    "\x1b[0;32m<ipython-input-14-3b1f0c1d2a7e>\x1b[0m in \x1b[0;36m<cell line: "
                    "1>\x1b[0;34m()\x1b[0m\n\x1b[0;32m----> 1\x1b[0;31m \x1b[0;32mfrom\x1b[0m "
                    "\x1b[0mtorchtext\x1b[0m\x1b[0;34m.\x1b[0m\x1b[0mlegacy\x1b[0m "
                    "\x1b[0;32mimport\x1b[0m \x1b[0mdata\x1b[0m\x1b[0;34m\x1b[0m\x1b[0;34m\x1b[0m"
                    "\x1b[0m",
                    "\x1b[0;31mModuleNotFoundError\x1b[0m: No module named 'torchtext.legacy'",
                ],
            ),
        )
        md(
            "`torchtext.legacy` does not exist in torchtext 0.6, the old API is directly in "
            "`torchtext.data` there."
        )
        nb.code("from torchtext import data, datasets\n\n" + field)
    elif legacy:
        nb.code("from torchtext.legacy import data\n\n" + field)
        nb.code("from torchtext.legacy import datasets")
    else:
        nb.code("from torchtext import data, datasets\n\n" + field)
    nb.code(
        "train_data, test_data = datasets.IMDB.splits(TEXT, LABEL)\n\n"
        "train_data, valid_data = train_data.split(random_state = random.seed(SEED))",
        ("out", "downloading aclImdb_v1.tar.gz\n"),
        ("err", "aclImdb_v1.tar.gz: 100%|██████████| 84.1M/84.1M [00:03<00:00, 25.3MB/s]\n"),
    )
    md("Let us examine the size of the train, validation, and test dataset.")
    if cfg["q1b"] == "names":
        _qcode(
            nb,
            cfg,
            "1b",
            "#@Q\nprint(f'Number of training examples: {len(train_data)}')\n"
            "print(f'Number of validation examples: {len(valid_data)}')\n"
            "print(f'Number of testing examples: {len(test_data)}')",
            (
                "out",
                "Number of training examples: 17500\nNumber of validation examples: 7500\n"
                "Number of testing examples: 25000\n",
            ),
        )
    elif cfg["q1b"] == "tuple":
        _qcode(
            nb,
            cfg,
            "1b",
            "#@Q\nprint('train / valid / test:', len(train_data), len(valid_data), len(test_data))",
            ("out", "train / valid / test: 17500 7500 25000\n"),
        )
    else:
        _qcode(
            nb,
            cfg,
            "1b",
            '#@Q\nprint("Training sample size", len(train_data))\n'
            'print("Testing sample size", len(test_data))\n'
            'print("Validation sample size", len(valid_data))',
            (
                "out",
                "Training sample size 17500\nTesting sample size 25000\n"
                "Validation sample size 7500\n",
            ),
        )
    md("We will build a vocabulary for the labels using the `vocab.stoi` mapping.")
    nb.code("LABEL.build_vocab(train_data)")
    nb.code("print(LABEL.vocab.stoi)", ("out", "defaultdict(None, {'neg': 0, 'pos': 1})\n"))
    md(
        "Finally, we will set up the data-loader using a (large) batch size of 128. For text "
        "processing, we use the `BucketIterator` class."
    )
    nb.code(
        "BATCH_SIZE = 128\n\ndevice = torch.device('cuda' if torch.cuda.is_available() else "
        "'cpu')\n\ntrain_iterator, valid_iterator, test_iterator = "
        "data.BucketIterator.splits(\n    (train_data, valid_data, test_data),\n"
        "    batch_size = BATCH_SIZE,\n    device = device)"
    )
    md(
        "## Model preparation\n\nWe will now load our pretrained BERT model. (Keep in mind that we "
        "should use the same model as the tokenizer that we chose above)."
    )
    bert_outs = (
        [("widget", "model.safetensors:   0%|          | 0.00/440M [00:00<?, ?B/s]")]
        if cfg["colab_noise"]
        else []
    )
    nb.code(
        "from transformers import BertTokenizer, BertModel\n\n"
        "bert = BertModel.from_pretrained('bert-base-uncased')",
        *bert_outs,
    )
    md(
        "As mentioned above, we will append the BERT model with a bidirectional GRU to perform the "
        "classification."
    )
    nb.code(BERT_CLASS)
    md(
        "Next, we'll define our actual model.\n\nOur model will consist of\n\n"
        "- the BERT embedding (whose weights are frozen)\n"
        "- a bidirectional GRU with 2 layers, with hidden dim 256 and dropout=0.25.\n"
        "- a linear layer on top which does binary sentiment classification.\n\n"
        "Let us create an instance of this model."
    )
    _qcode(
        nb,
        cfg,
        "2a",
        f"#@Q\nHIDDEN_DIM = {cfg['hidden']}\nOUTPUT_DIM = {cfg['out']}\n"
        f"N_LAYERS = {cfg['layers']}\nBIDIRECTIONAL = {cfg['bidir']}\n"
        f"DROPOUT = {cfg['dropout']}\n\n"
        "model = BERTGRUSentiment(bert,\n                         HIDDEN_DIM,\n"
        "                         OUTPUT_DIM,\n                         N_LAYERS,\n"
        "                         BIDIRECTIONAL,\n                         DROPOUT)",
    )
    total = (
        BERT_BASE_PARAMS
        + gru_params(768, cfg["hidden"], cfg["layers"], cfg["bidir"])
        + head_params(cfg["hidden"], cfg["bidir"], cfg["out"])
    )
    head = total - BERT_BASE_PARAMS
    md("We can check how many parameters the model has.")
    if cfg["count_style"] == "fn":
        _qcode(
            nb,
            cfg,
            "2b",
            "#@Q\ndef count_parameters(model):\n"
            "    return sum(p.numel() for p in model.parameters() if p.requires_grad)\n\n"
            "print(f'The model has {count_parameters(model):,} trainable parameters')",
            ("out", f"The model has {total:,} trainable parameters\n"),
        )
    else:
        _qcode(
            nb,
            cfg,
            "2b",
            "#@Q\nn_trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)\n"
            'print("Number of trainable parameters:", n_trainable)',
            ("out", f"Number of trainable parameters: {total}\n"),
        )
    md(
        "Oh no~ if you did this correctly, you should see that this contains *112 million* "
        "parameters. Standard machines (or Colab) cannot handle such large models.\n\n"
        "However, the majority of these parameters are from the BERT embedding, which we are not "
        "going to (re)train. In order to freeze certain parameters we can set their "
        "`requires_grad` attribute to `False`."
    )
    if cfg["freeze"] == "ok":
        nb.code(
            "for name, param in model.named_parameters():\n    if name.startswith('bert'):\n"
            "        param.requires_grad = False"
        )
        after = head
    else:
        nb.code(
            "for name, param in model.named_parameters():\n    if name.startswith('bert'):\n"
            "        param.requires_grad == False"
        )
        after = total
    if cfg["count_style"] == "fn":
        _qcode(
            nb,
            cfg,
            "2c",
            "#@Q\nprint(f'The model has {count_parameters(model):,} trainable parameters')",
            ("out", f"The model has {after:,} trainable parameters\n"),
        )
    else:
        _qcode(
            nb,
            cfg,
            "2c",
            "#@Q\nn_trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)\n"
            'print("Number of trainable parameters after freezing BERT:", n_trainable)',
            ("out", f"Number of trainable parameters after freezing BERT: {after}\n"),
        )
    md(
        "We should now see that our model has under 3M trainable parameters. Still not trivial but "
        "manageable.\n\n## Train the Model\n\nAll this is now largely standard. We will use the "
        "Binary Cross Entropy loss function `nn.BCEWithLogitsLoss()` and the Adam optimizer, and "
        "run it for 2 epochs."
    )
    nb.code("import torch.optim as optim\n\noptimizer = optim.Adam(model.parameters())")
    nb.code("criterion = nn.BCEWithLogitsLoss()")
    nb.code("model = model.to(device)\ncriterion = criterion.to(device)")
    md(
        "Also, define functions for calculating accuracy, training for a single epoch, performing "
        "an evaluation epoch, and calculating running times."
    )
    _qcode(nb, cfg, "3a", BINACC[cfg["binacc"]])
    _qcode(nb, cfg, "3b", TRAIN[cfg["train"]])
    _qcode(nb, cfg, "3c", EVALUATE[cfg["evaluate"]])
    nb.code(
        "import time\n\ndef epoch_time(start_time, end_time):\n"
        "    elapsed_time = end_time - start_time\n"
        "    elapsed_mins = int(elapsed_time / 60)\n"
        "    elapsed_secs = int(elapsed_time - (elapsed_mins * 60))\n"
        "    return elapsed_mins, elapsed_secs"
    )
    md(
        "We are now ready to train our model. Let us train for 2 epochs and print train "
        "loss/accuracy and validation loss/accuracy for each epoch, and measure running time."
    )

    # Q3d
    if cfg["log"] == "template":
        loop = LOOP_TEMPLATE
        log = ""
        for i, (m, s, tl, ta, vl, va) in enumerate(cfg["epochs"]):
            log += (
                f"Epoch: {i + 1:02} | Epoch Time: {m}m {s}s\n"
                f"\tTrain Loss: {tl:.3f} | Train Acc: {ta * 100:.2f}%\n"
                f"\t Val. Loss: {vl:.3f} |  Val. Acc: {va * 100:.2f}%\n"
            )
    else:
        loop = LOOP_COMPACT
        log = ""
        for i, (m, s, tl, ta, vl, va) in enumerate(cfg["epochs"]):
            log += (
                f"Epoch {i + 1}/{len(cfg['epochs'])} ({m}m {s}s)  train_loss={tl:.4f} "
                f"train_acc={ta:.4f}  val_loss={vl:.4f} val_acc={va:.4f}\n"
            )
    loop = loop.replace("N_EPOCHS = 2", f"N_EPOCHS = {len(cfg['epochs'])}")
    tl_, ta_ = cfg["test"]
    if cfg["log"] == "template":
        test_src = (
            "model.load_state_dict(torch.load('model.pt'))\n\n"
            "test_loss, test_acc = evaluate(model, test_iterator, criterion)\n\n"
            "print(f'Test Loss: {test_loss:.3f} | Test Acc: {test_acc*100:.2f}%')"
        )
        test_out = f"Test Loss: {tl_:.3f} | Test Acc: {ta_ * 100:.2f}%\n"
    else:
        test_src = (
            "model.load_state_dict(torch.load('model.pt'))\n"
            "test_loss, test_acc = evaluate(model, test_iterator, criterion)\n"
            'print(f"test_loss={test_loss:.4f} test_acc={test_acc:.4f}")'
        )
        test_out = f"test_loss={tl_:.4f} test_acc={ta_:.4f}\n"

    integ = cfg["integrity"]
    if integ == "typed":
        _qcode(nb, cfg, "3d", loop, count=None)
        md(
            "Load the best model parameters (measured in terms of validation loss) and evaluate "
            "the loss/accuracy on the test set."
        )
        nb.code(test_src, count=None)
    elif integ == "uncounted_test":
        _qcode(nb, cfg, "3d", loop, ("out", log))
        md(
            "Load the best model parameters (measured in terms of validation loss) and evaluate "
            "the loss/accuracy on the test set."
        )
        nb.code(test_src, ("out", test_out), count=None)
    elif integ == "impossible_test":
        _qcode(nb, cfg, "3d", loop, ("out", log))
        md(
            "Load the best model parameters (measured in terms of validation loss) and evaluate "
            "the loss/accuracy on the test set."
        )
        # the cell neither prints nor ends in an expression, yet shows a printed result
        nb.code(
            "model.load_state_dict(torch.load('model.pt'))\n\n"
            "test_loss, test_acc = evaluate(model, test_iterator, criterion)",
            ("out", test_out),
        )
    else:
        _qcode(nb, cfg, "3d", loop, ("out", log))
        md(
            "Load the best model parameters (measured in terms of validation loss) and evaluate "
            "the loss/accuracy on the test set."
        )
        nb.code(test_src, ("out", test_out))

    md(
        "## Inference\n\nWe'll then use the model to test the sentiment of some fake movie "
        "reviews. We tokenize the input sentence, trim it down to length=510, add the special "
        "start and end tokens to either side, convert it to a `LongTensor`, add a fake batch "
        "dimension using `unsqueeze`, and perform inference using our model."
    )
    nb.code(
        "def predict_sentiment(model, tokenizer, sentence):\n    model.eval()\n"
        "    tokens = tokenizer.tokenize(sentence)\n"
        "    tokens = tokens[:max_input_length-2]\n"
        "    indexed = [init_token_idx] + tokenizer.convert_tokens_to_ids(tokens) + "
        "[eos_token_idx]\n"
        "    tensor = torch.LongTensor(indexed).to(device)\n"
        "    tensor = tensor.unsqueeze(0)\n"
        "    prediction = torch.sigmoid(model(tensor))\n"
        "    return prediction.item()"
    )
    cnt4 = None if integ == "typed" else "auto"
    p1, p2 = cfg["q4a"]
    s4a = ["Justice League is terrible. I hated it.", "Avengers was great!!"]
    if cfg["q4a_style"] == "two_cells":
        _qcode(
            nb,
            cfg,
            "4a",
            f'#@Q\npredict_sentiment(model, tokenizer, "{s4a[0]}")',
            *([] if integ == "typed" else [("res", repr(p1))]),
            count=cnt4,
        )
        nb.code(
            f'predict_sentiment(model, tokenizer, "{s4a[1]}")',
            *([] if integ == "typed" else [("res", repr(p2))]),
            count=cnt4,
        )
    else:
        _qcode(
            nb,
            cfg,
            "4a",
            '#@Q\nfor review in ["'
            + s4a[0]
            + '",\n               "'
            + s4a[1]
            + '"]:\n    p = predict_sentiment(model, tokenizer, review)\n'
            "    print(f\"{p:.4f}  {'positive' if p > 0.5 else 'negative'}  | {review}\")",
            *(
                []
                if integ == "typed"
                else [
                    (
                        "out",
                        "".join(
                            f"{p:.4f}  {'positive' if p > 0.5 else 'negative'}  | {r}\n"
                            for p, r in zip((p1, p2), s4a, strict=True)
                        ),
                    )
                ]
            ),
            count=cnt4,
        )
    md(
        "Great! Try playing around with two other movie reviews (you can grab some off the "
        "internet or make up text yourselves), and see whether your sentiment classifier is "
        "correctly capturing the mood of the review."
    )
    (r1, q1), (r2, q2) = cfg["q4b"]
    if cfg["q4a_style"] == "two_cells":
        _qcode(
            nb,
            cfg,
            "4b",
            f'#@Q\npredict_sentiment(model, tokenizer, "{r1}")',
            *([] if integ == "typed" else [("res", repr(q1))]),
            count=cnt4,
        )
        nb.code(
            f'predict_sentiment(model, tokenizer, "{r2}")',
            *([] if integ == "typed" else [("res", repr(q2))]),
            count=cnt4,
        )
    else:
        _qcode(
            nb,
            cfg,
            "4b",
            '#@Q\nmy_reviews = ["'
            + r1
            + '",\n              "'
            + r2
            + '"]\nfor review in my_reviews:\n'
            "    p = predict_sentiment(model, tokenizer, review)\n"
            "    print(f\"{p:.4f}  {'positive' if p > 0.5 else 'negative'}  | {review}\")",
            *(
                []
                if integ == "typed"
                else [
                    (
                        "out",
                        "".join(
                            f"{p:.4f}  {'positive' if p > 0.5 else 'negative'}  | {r}\n"
                            for p, r in ((q1, r1), (q2, r2))
                        ),
                    )
                ]
            ),
            count=cnt4,
        )
    if integ == "typed":
        ep = cfg["epochs"]
        md(
            "**Results** (I ran the training on my own machine, the notebook kernel crashed "
            "afterwards so the outputs are not shown above):\n\n"
            + "\n".join(
                f"- Epoch {i + 1}: train loss {e[2]:.3f}, train acc {e[3] * 100:.2f}%, "
                f"val. loss {e[4]:.3f}, val. acc {e[5] * 100:.2f}%"
                for i, e in enumerate(ep)
            )
            + f"\n- Test loss {tl_:.3f}, test accuracy {ta_ * 100:.2f}%\n"
            f'- "Justice League is terrible. I hated it." -> {p1:.3f} (negative)\n'
            f'- "Avengers was great!!" -> {p2:.3f} (positive)\n'
            f'- "{r1}" -> {q1:.3f}\n- "{r2}" -> {q2:.3f}'
        )
    elif cfg["closing"]:
        md(cfg["closing"])
    if cfg["summary_md"]:
        e2 = cfg["epochs"][-1]
        md(
            "### Summary of results\n\n"
            f"- vocabulary size 30522, splits 17500 / 7500 / 25000\n"
            f"- {total:,} parameters in total, {head:,} trainable once BERT is frozen\n"
            f"- after {len(cfg['epochs'])} epochs: validation accuracy {e2[5] * 100:.2f}%, "
            f"test accuracy {ta_ * 100:.2f}%\n"
            f"- Justice League review {p1:.3f} (negative), Avengers review {p2:.3f} (positive)"
        )
    if cfg["counts"] is not None:
        code_cells = [c for c in nb.cells if c["t"] == "code"]
        assert len(code_cells) == len(cfg["counts"]), (len(code_cells), len(cfg["counts"]))
        for c, n in zip(code_cells, cfg["counts"], strict=True):
            c["count"] = n
    return nb


BERT_CLASS = """import torch.nn as nn

class BERTGRUSentiment(nn.Module):
    def __init__(self,
                 bert,
                 hidden_dim,
                 output_dim,
                 n_layers,
                 bidirectional,
                 dropout):

        super().__init__()

        self.bert = bert

        embedding_dim = bert.config.to_dict()['hidden_size']

        self.rnn = nn.GRU(embedding_dim,
                          hidden_dim,
                          num_layers = n_layers,
                          bidirectional = bidirectional,
                          batch_first = True,
                          dropout = 0 if n_layers < 2 else dropout)

        self.out = nn.Linear(hidden_dim * 2 if bidirectional else hidden_dim, output_dim)

        self.dropout = nn.Dropout(dropout)

    def forward(self, text):

        #text = [batch size, sent len]

        with torch.no_grad():
            embedded = self.bert(text)[0]

        #embedded = [batch size, sent len, emb dim]

        _, hidden = self.rnn(embedded)

        #hidden = [n layers * n directions, batch size, emb dim]

        if self.rnn.bidirectional:
            hidden = self.dropout(torch.cat((hidden[-2,:,:], hidden[-1,:,:]), dim = 1))
        else:
            hidden = self.dropout(hidden[-1,:,:])

        #hidden = [batch size, hid dim]

        output = self.out(hidden)

        #output = [batch size, out dim]

        return output"""

BINACC = {
    "ok": '''def binary_accuracy(preds, y):
    """
    Returns accuracy per batch, i.e. if you get 8/10 right, this returns 0.8, NOT 8
    """
    #@Q
    rounded_preds = torch.round(torch.sigmoid(preds))
    correct = (rounded_preds == y).float()
    acc = correct.sum() / len(correct)
    return acc''',
    "ok2": """def binary_accuracy(preds, y):
    #@Q
    probs = torch.sigmoid(preds)
    predicted = (probs > 0.5).float()
    return (predicted == y).float().mean()""",
    "nosigmoid": """def binary_accuracy(preds, y):
    #@Q
    rounded_preds = torch.round(preds)
    correct = (rounded_preds == y).float()
    acc = correct.sum() / len(correct)
    return acc""",
}

TRAIN = {
    "ok": """def train(model, iterator, optimizer, criterion):

    #@Q
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

    return epoch_loss / len(iterator), epoch_acc / len(iterator)""",
    "ok2": """def train(model, iterator, optimizer, criterion):
    #@Q
    model.train()
    total_loss, total_acc, n_batches = 0.0, 0.0, 0
    for batch in iterator:
        text, labels = batch.text, batch.label
        optimizer.zero_grad()
        logits = model(text).squeeze(1)
        loss = criterion(logits, labels)
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
        total_acc += binary_accuracy(logits, labels).item()
        n_batches += 1
    return total_loss / n_batches, total_acc / n_batches""",
}

EVALUATE = {
    "ok": """def evaluate(model, iterator, criterion):

    #@Q
    epoch_loss = 0
    epoch_acc = 0

    model.eval()

    with torch.no_grad():

        for batch in iterator:

            predictions = model(batch.text).squeeze(1)

            loss = criterion(predictions, batch.label)

            acc = binary_accuracy(predictions, batch.label)

            epoch_loss += loss.item()
            epoch_acc += acc.item()

    return epoch_loss / len(iterator), epoch_acc / len(iterator)""",
    "noeval": """def evaluate(model, iterator, criterion):

    #@Q
    epoch_loss = 0
    epoch_acc = 0

    for batch in iterator:

        predictions = model(batch.text).squeeze(1)

        loss = criterion(predictions, batch.label)

        acc = binary_accuracy(predictions, batch.label)

        epoch_loss += loss.item()
        epoch_acc += acc.item()

    return epoch_loss / len(iterator), epoch_acc / len(iterator)""",
}

LOOP_TEMPLATE = """N_EPOCHS = 2

best_valid_loss = float('inf')

for epoch in range(N_EPOCHS):

    #@Q

    start_time = time.time()

    train_loss, train_acc = train(model, train_iterator, optimizer, criterion)
    valid_loss, valid_acc = evaluate(model, valid_iterator, criterion)

    end_time = time.time()

    epoch_mins, epoch_secs = epoch_time(start_time, end_time)

    if valid_loss < best_valid_loss:
        best_valid_loss = valid_loss
        torch.save(model.state_dict(), 'model.pt')

    print(f'Epoch: {epoch+1:02} | Epoch Time: {epoch_mins}m {epoch_secs}s')
    print(f'\\tTrain Loss: {train_loss:.3f} | Train Acc: {train_acc*100:.2f}%')
    print(f'\\t Val. Loss: {valid_loss:.3f} |  Val. Acc: {valid_acc*100:.2f}%')"""

LOOP_COMPACT = """N_EPOCHS = 2
best_valid_loss = float('inf')

for epoch in range(N_EPOCHS):
    #@Q
    start_time = time.time()
    train_loss, train_acc = train(model, train_iterator, optimizer, criterion)
    valid_loss, valid_acc = evaluate(model, valid_iterator, criterion)
    epoch_mins, epoch_secs = epoch_time(start_time, time.time())

    if valid_loss < best_valid_loss:
        best_valid_loss = valid_loss
        torch.save(model.state_dict(), 'model.pt')

    print(f"Epoch {epoch + 1}/{N_EPOCHS} ({epoch_mins}m {epoch_secs}s)  "
          f"train_loss={train_loss:.4f} train_acc={train_acc:.4f}  "
          f"val_loss={valid_loss:.4f} val_acc={valid_acc:.4f}")"""


# --------------------------------------------------------------------------------------------
# ViT notebook
# --------------------------------------------------------------------------------------------

VIT_EINOPS = """def pair(t):
    return t if isinstance(t, tuple) else (t, t)

# classes

class PreNorm(nn.Module):
    def __init__(self, dim, fn):
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.fn = fn
    def forward(self, x, **kwargs):
        return self.fn(self.norm(x), **kwargs)

class FeedForward(nn.Module):
    def __init__(self, dim, hidden_dim, dropout = 0.):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(dim, hidden_dim),
            nn.ReLU(), #nn.GELU(),
            nn.Dropout(dropout),
            nn.Linear(hidden_dim, dim),
            nn.Dropout(dropout)
        )
    def forward(self, x):
        return self.net(x)

class Attention(nn.Module):
    def __init__(self, dim, heads = 8, dim_head = 64, dropout = 0.):
        super().__init__()
        inner_dim = dim_head *  heads
        project_out = not (heads == 1 and dim_head == dim)

        self.heads = heads
        self.scale = dim_head ** -0.5

        self.attend = nn.Softmax(dim = -1)
        self.to_qkv = nn.Linear(dim, inner_dim * 3, bias = False)

        self.to_out = nn.Sequential(
            nn.Linear(inner_dim, dim),
            nn.Dropout(dropout)
        ) if project_out else nn.Identity()

    def forward(self, x):
        b, n, _, h = *x.shape, self.heads
        qkv = self.to_qkv(x).chunk(3, dim = -1)
        q, k, v = map(lambda t: rearrange(t, 'b n (h d) -> b h n d', h = h), qkv)

        dots = einsum('b h i d, b h j d -> b h i j', q, k) * self.scale

        attn = self.attend(dots)

        out = einsum('b h i j, b h j d -> b h i d', attn, v)
        out = rearrange(out, 'b h n d -> b n (h d)')
        return self.to_out(out)

class Transformer(nn.Module):
    def __init__(self, dim, depth, heads, dim_head, mlp_dim, dropout = 0.):
        super().__init__()
        self.layers = nn.ModuleList([])
        for _ in range(depth):
            self.layers.append(nn.ModuleList([
                PreNorm(dim, Attention(dim, heads = heads, dim_head = dim_head, dropout = dropout)),
                PreNorm(dim, FeedForward(dim, mlp_dim, dropout = dropout))
            ]))
    def forward(self, x):
        for attn, ff in self.layers:
            x = attn(x) + x
            x = ff(x) + x
        return x

class ViT(nn.Module):
    def __init__(self, *, image_size, patch_size, num_classes, dim, depth, heads, mlp_dim, pool = 'cls', channels = 3, dim_head = 64, dropout = 0., emb_dropout = 0.):
        super().__init__()
        image_height, image_width = pair(image_size)
        patch_height, patch_width = pair(patch_size)

        assert image_height % patch_height == 0 and image_width % patch_width == 0, 'Image dimensions must be divisible by the patch size.'

        num_patches = (image_height // patch_height) * (image_width // patch_width)
        patch_dim = channels * patch_height * patch_width
        assert pool in {'cls', 'mean'}, 'pool type must be either cls (cls token) or mean (mean pooling)'

        self.to_patch_embedding = nn.Sequential(
            Rearrange('b c (h p1) (w p2) -> b (h w) (p1 p2 c)', p1 = patch_height, p2 = patch_width),
            nn.Linear(patch_dim, dim),
        )

        self.pos_embedding = nn.Parameter(torch.randn(1, num_patches + 1, dim))
        self.cls_token = nn.Parameter(torch.randn(1, 1, dim))
        self.dropout = nn.Dropout(emb_dropout)

        self.transformer = Transformer(dim, depth, heads, dim_head, mlp_dim, dropout)

        self.pool = pool
        self.to_latent = nn.Identity()

        self.mlp_head = nn.Sequential(
            nn.LayerNorm(dim),
            nn.Linear(dim, num_classes)
        )

    def forward(self, img):
        x = self.to_patch_embedding(img)
        b, n, _ = x.shape

        cls_tokens = repeat(self.cls_token, '() n d -> b n d', b = b)
        x = torch.cat((cls_tokens, x), dim=1)
        x += self.pos_embedding[:, :(n + 1)]
        x = self.dropout(x)

        x = self.transformer(x)

        x = x.mean(dim = 1) if self.pool == 'mean' else x[:, 0]

        x = self.to_latent(x)
        return self.mlp_head(x)"""

VIT_MHA = '''class PatchEmbed(nn.Module):
    """Cut a (C, H, W) image into non-overlapping patch_size x patch_size patches and
    project every patch to a `dim`-dimensional token."""
    def __init__(self, image_size=28, patch_size=4, channels=1, dim=64):
        super().__init__()
        assert image_size % patch_size == 0, "image size must be divisible by the patch size"
        self.num_patches = (image_size // patch_size) ** 2
        self.proj = nn.Conv2d(channels, dim, kernel_size=patch_size, stride=patch_size)

    def forward(self, x):
        x = self.proj(x)                        # (B, dim, H/p, W/p)
        return x.flatten(2).transpose(1, 2)     # (B, num_patches, dim)


class EncoderBlock(nn.Module):
    """Pre-norm transformer block: LN -> multi-head self-attention -> residual,
    LN -> MLP -> residual."""
    def __init__(self, dim, heads, mlp_dim, dropout=0.0):
        super().__init__()
        self.ln1 = nn.LayerNorm(dim)
        self.attn = nn.MultiheadAttention(dim, heads, dropout=dropout, batch_first=True)
        self.ln2 = nn.LayerNorm(dim)
        self.mlp = nn.Sequential(
            nn.Linear(dim, mlp_dim),
            nn.GELU(),
            nn.Dropout(dropout),
            nn.Linear(mlp_dim, dim),
            nn.Dropout(dropout),
        )

    def forward(self, x):
        h = self.ln1(x)
        x = x + self.attn(h, h, h, need_weights=False)[0]
        x = x + self.mlp(self.ln2(x))
        return x


class ViT(nn.Module):
    def __init__(self, image_size=28, patch_size=4, channels=1, num_classes=10,
                 dim=64, depth=6, heads=4, mlp_dim=128, dropout=0.0):
        super().__init__()
        self.patch_embed = PatchEmbed(image_size, patch_size, channels, dim)
        n = self.patch_embed.num_patches
        self.cls_token = nn.Parameter(torch.zeros(1, 1, dim))
        self.pos_embed = nn.Parameter(torch.randn(1, n + 1, dim) * 0.02)
        self.blocks = nn.ModuleList(
            [EncoderBlock(dim, heads, mlp_dim, dropout) for _ in range(depth)])
        self.norm = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, num_classes)

    def forward(self, img):
        x = self.patch_embed(img)                       # (B, N, dim)
        cls = self.cls_token.expand(x.shape[0], -1, -1)
        x = torch.cat([cls, x], dim=1) + self.pos_embed  # (B, N+1, dim)
        for blk in self.blocks:
            x = blk(x)
        return self.head(self.norm(x[:, 0]))            # logits from the [CLS] token'''

VIT_MANUAL = """class MultiHeadSelfAttention(nn.Module):
    def __init__(self, dim, heads=4, dim_head=16):
        super().__init__()
        self.heads = heads
        self.dim_head = dim_head
        inner = heads * dim_head
        self.scale = dim_head ** -0.5
        self.qkv = nn.Linear(dim, 3 * inner, bias=False)
        self.proj = nn.Linear(inner, dim)

    def forward(self, x):
        B, N, _ = x.shape
        qkv = self.qkv(x).reshape(B, N, 3, self.heads, self.dim_head).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]                 # each (B, heads, N, dim_head)
        attn = (q @ k.transpose(-2, -1)) * self.scale    # (B, heads, N, N)
        attn = attn.softmax(dim=-1)
        out = (attn @ v).transpose(1, 2).reshape(B, N, self.heads * self.dim_head)
        return self.proj(out)


class TransformerLayer(nn.Module):
    def __init__(self, dim, heads, dim_head, mlp_dim):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim)
        self.attn = MultiHeadSelfAttention(dim, heads, dim_head)
        self.norm2 = nn.LayerNorm(dim)
        self.ff = nn.Sequential(nn.Linear(dim, mlp_dim), nn.ReLU(), nn.Linear(mlp_dim, dim))

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        x = x + self.ff(self.norm2(x))
        return x


class VisionTransformer(nn.Module):
    def __init__(self, image_size=28, patch_size=4, num_classes=10, channels=1,
                 dim=64, depth=6, heads=4, dim_head=16, mlp_dim=128):
        super().__init__()
        assert image_size % patch_size == 0
        self.patch_size = patch_size
        num_patches = (image_size // patch_size) ** 2
        self.patch_to_emb = nn.Linear(channels * patch_size * patch_size, dim)
        self.cls_token = nn.Parameter(torch.randn(1, 1, dim))
        self.pos_emb = nn.Parameter(torch.randn(1, num_patches + 1, dim))
        self.layers = nn.ModuleList(
            [TransformerLayer(dim, heads, dim_head, mlp_dim) for _ in range(depth)])
        self.norm = nn.LayerNorm(dim)
        self.fc = nn.Linear(dim, num_classes)

    def forward(self, img):
        B, C, H, W = img.shape
        p = self.patch_size
        # (B, C, H, W) -> (B, num_patches, C*p*p)
        patches = img.unfold(2, p, p).unfold(3, p, p)
        patches = patches.permute(0, 2, 3, 1, 4, 5).reshape(B, -1, C * p * p)
        x = self.patch_to_emb(patches)
        x = torch.cat([self.cls_token.expand(B, -1, -1), x], dim=1) + self.pos_emb
        for layer in self.layers:
            x = layer(x)
        return self.fc(self.norm(x[:, 0]))"""

# parameter counts of the three implementations (computed with torch 2.x)
VIT_PARAMS = {
    ("einops", 4, 6, 4): 499_722,
    ("mha", 4, 6, 4): 205_962,
    ("mha", 7, 4, 8): 139_018,
    ("manual", 4, 6, 4): 204_810,
}


VIT_DEFAULT = dict(
    title="# Vision Transformers on FashionMNIST",
    intro=True,
    impl="mha",  # "einops" | "mha" | "manual"
    dataset="FashionMNIST",
    patch=4,
    depth=6,
    heads=4,
    dim=64,
    mlp_dim=128,
    epochs=15,
    final=88.4,
    start=80.5,
    seed="vit",
    lr=1e-3,
    opt="adam",  # "adam" | "sgd"
    batch=128,
    print_params=True,
    shape_check=True,
    integrity=None,  # None | "typed" | "epochs_mismatch"
    code_epochs=None,  # N_EPOCHS written in the code if different (integrity)
    closing=None,
)


def _vit_curve(cfg):
    """Per-epoch (train_loss, train_acc, test_loss, test_acc[%], secs), ends at cfg['final']."""
    rng = random.Random(cfg["seed"])
    n = cfg["epochs"]
    final, start = cfg["final"], cfg["start"]
    accs = []
    for e in range(1, n + 1):
        base = start + (final - start) * (1 - math.exp(-3.0 * e / n)) / (1 - math.exp(-3.0))
        accs.append(base + (rng.uniform(-0.35, 0.35) if e < n else 0.0))
    accs[-1] = final
    rows = []
    for e, a in enumerate(accs, 1):
        te_loss = max(0.04, 0.33 + (88.5 - a) * 0.025 + rng.uniform(-0.01, 0.01))
        tr_acc = a / 100 + 0.004 + 0.03 * (e / n) + rng.uniform(-0.004, 0.004)
        tr_loss = max(
            0.03,
            te_loss - 0.02 - 0.06 * (e / n) + (0.15 if e == 1 else 0.0) + rng.uniform(-0.01, 0.01),
        )
        secs = 38.0 + rng.uniform(-1.5, 1.5)
        rows.append((tr_loss, min(tr_acc, 0.999), te_loss, a, secs))
    return rows


def _dl_output(dataset):
    if dataset == "FashionMNIST":
        base = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"
        files = [
            ("train-images-idx3-ubyte", 26421880),
            ("train-labels-idx1-ubyte", 29515),
            ("t10k-images-idx3-ubyte", 4422102),
            ("t10k-labels-idx1-ubyte", 5148),
        ]
    else:
        base = "https://ossci-datasets.s3.amazonaws.com/mnist/"
        files = [
            ("train-images-idx3-ubyte", 9912422),
            ("train-labels-idx1-ubyte", 28881),
            ("t10k-images-idx3-ubyte", 1648877),
            ("t10k-labels-idx1-ubyte", 4542),
        ]
    out, err = "", ""
    for f, size in files:
        out += (
            f"Downloading {base}{f}.gz\nDownloading {base}{f}.gz to ./data/{dataset}/raw/{f}.gz\n"
        )
        err += f"100%|██████████| {size}/{size} [00:01<00:00, {size // 2}.00it/s]\n"
        out += f"Extracting ./data/{dataset}/raw/{f}.gz to ./data/{dataset}/raw\n\n"
    return [("out", out), ("err", err)]


def vit_nb(name: str, **kw) -> NB:
    cfg = dict(VIT_DEFAULT)
    cfg.update(kw)
    nb = NB(name)
    ds = cfg["dataset"]
    impl = cfg["impl"]
    if cfg["title"]:
        nb.md(cfg["title"])
    if cfg["intro"]:
        nb.md(
            "Transformer architectures owe their origins in natural language processing (NLP), "
            "and indeed form the core of the current state of the art models for most NLP "
            "applications. The *Vision Transformer* (ViT) shows how standard transformer "
            "architectures can perform very well on images: extract patches from the image, "
            "treat them as tokens, and pass them through a sequence of transformer blocks "
            "before a dense classification layer at the very end.\n\n"
            f"Here we train a ViT from scratch on **{ds}** with a patch size of "
            f"{cfg['patch']}x{cfg['patch']}, {cfg['depth']} transformer layers and "
            f"{cfg['heads']} attention heads."
        )
    if impl == "einops":
        nb.code(
            "!pip install einops",
            (
                "out",
                "Collecting einops\n  Downloading einops-0.7.0-py3-none-any.whl (44 kB)\n"
                "Installing collected packages: einops\n"
                "Successfully installed einops-0.7.0\n",
            ),
        )
        nb.code(
            "import torch\nfrom torch import nn, einsum\nimport torch.nn.functional as F\n"
            "from torch import optim\n\nfrom einops import rearrange, repeat\n"
            "from einops.layers.torch import Rearrange\n\nimport numpy as np\n"
            "import torchvision\nimport time"
        )
    else:
        nb.code(
            "import time\n\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F"
            "\nimport torchvision\nimport torchvision.transforms as T\n\n"
            "device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')\n"
            "print(device)",
            ("out", "cuda\n"),
        )
    nb.md("## Data")
    mean, std = ("0.2860", "0.3530") if ds == "FashionMNIST" else ("0.1307", "0.3081")
    if impl == "einops":
        nb.code(
            f"torch.manual_seed(42)\n\nDOWNLOAD_PATH = './data'\nBATCH_SIZE_TRAIN = "
            f"{cfg['batch']}\nBATCH_SIZE_TEST = 1000\n\n"
            "transform = torchvision.transforms.Compose([torchvision.transforms.ToTensor(),\n"
            f"                                            torchvision.transforms.Normalize(("
            f"{mean},), ({std},))])\n\n"
            f"train_set = torchvision.datasets.{ds}(DOWNLOAD_PATH, train=True, download=True, "
            "transform=transform)\n"
            f"test_set = torchvision.datasets.{ds}(DOWNLOAD_PATH, train=False, download=True, "
            "transform=transform)\n\n"
            "train_loader = torch.utils.data.DataLoader(train_set, batch_size=BATCH_SIZE_TRAIN,"
            " shuffle=True)\n"
            "test_loader = torch.utils.data.DataLoader(test_set, batch_size=BATCH_SIZE_TEST, "
            "shuffle=False)",
            *_dl_output(ds),
        )
    else:
        nb.code(
            f"torch.manual_seed(0)\n\ntransform = T.Compose([T.ToTensor(), T.Normalize(({mean},)"
            f", ({std},))])\n"
            f"train_set = torchvision.datasets.{ds}('./data', train=True, download=True, "
            "transform=transform)\n"
            f"test_set = torchvision.datasets.{ds}('./data', train=False, download=True, "
            "transform=transform)\n\n"
            f"train_loader = torch.utils.data.DataLoader(train_set, batch_size={cfg['batch']}, "
            "shuffle=True, num_workers=2)\n"
            "test_loader = torch.utils.data.DataLoader(test_set, batch_size=1000, "
            "shuffle=False, num_workers=2)\n"
            "print(len(train_set), len(test_set))",
            *_dl_output(ds),
            ("out", "60000 10000\n"),
        )
    nb.md(
        "## The ViT model\n\nThree parts: a patch embedding (with a learnable [CLS] token and "
        "positional embeddings), a stack of pre-norm transformer blocks (multi-head "
        "self-attention + one-hidden-layer MLP, each preceded by layer normalization), and a "
        "dense classification head."
    )
    nb.code({"einops": VIT_EINOPS, "mha": VIT_MHA, "manual": VIT_MANUAL}[impl])
    p, d, h = cfg["patch"], cfg["depth"], cfg["heads"]
    if impl == "einops":
        inst = (
            f"model = ViT(image_size=28, patch_size={p}, num_classes=10, channels=1,\n"
            f"            dim={cfg['dim']}, depth={d}, heads={h}, mlp_dim={cfg['mlp_dim']})"
        )
    elif impl == "mha":
        inst = (
            f"model = ViT(image_size=28, patch_size={p}, channels=1, num_classes=10,\n"
            f"            dim={cfg['dim']}, depth={d}, heads={h}, mlp_dim={cfg['mlp_dim']})"
            ".to(device)"
        )
    else:
        inst = (
            f"PATCH_SIZE, DEPTH, HEADS = {p}, {d}, {h}\n"
            f"model = VisionTransformer(image_size=28, patch_size=PATCH_SIZE, num_classes=10, "
            f"channels=1,\n                          dim={cfg['dim']}, depth=DEPTH, "
            f"heads=HEADS, mlp_dim={cfg['mlp_dim']}).to(device)"
        )
    if cfg["opt"] == "adam":
        opt = f"optimizer = torch.optim.Adam(model.parameters(), lr={cfg['lr']})"
    else:
        opt = f"optimizer = torch.optim.SGD(model.parameters(), lr={cfg['lr']})"
    src = inst + "\n" + opt
    outs = []
    if cfg["print_params"]:
        src += (
            "\n\nn_params = sum(p.numel() for p in model.parameters())\n"
            "print(f'{n_params:,} parameters')"
        )
        outs.append(("out", f"{VIT_PARAMS[(impl, p, d, h)]:,} parameters\n"))
    if cfg["shape_check"]:
        dev = "" if impl == "einops" else ".to(device)"
        src += f"\nwith torch.no_grad():\n    print(model(torch.randn(2, 1, 28, 28){dev}).shape)"
        if outs:
            outs[-1] = ("out", outs[-1][1] + "torch.Size([2, 10])\n")
        else:
            outs.append(("out", "torch.Size([2, 10])\n"))
    nb.code(src, *outs)
    nb.md("## Training and testing")

    rows = _vit_curve(cfg)
    n_ep = cfg["epochs"]
    code_ep = cfg["code_epochs"] or n_ep
    integ = cfg["integrity"]
    n_batches = math.ceil(60000 / cfg["batch"])
    final = cfg["final"]
    correct_final = int(round(final * 100))
    if impl == "einops":
        nb.code("""def train_epoch(model, optimizer, data_loader, loss_history):
    total_samples = len(data_loader.dataset)
    model.train()

    for i, (data, target) in enumerate(data_loader):
        optimizer.zero_grad()
        output = F.log_softmax(model(data), dim=1)
        loss = F.nll_loss(output, target)
        loss.backward()
        optimizer.step()

        if i % 100 == 0:
            print('[' +  '{:5}'.format(i * len(data)) + '/' + '{:5}'.format(total_samples) +
                  ' (' + '{:3.0f}'.format(100 * i / len(data_loader)) + '%)]  Loss: ' +
                  '{:6.4f}'.format(loss.item()))
            loss_history.append(loss.item())""")
        nb.code("""def evaluate(model, data_loader, loss_history):
    model.eval()

    total_samples = len(data_loader.dataset)
    correct_samples = 0
    total_loss = 0

    with torch.no_grad():
        for data, target in data_loader:
            output = F.log_softmax(model(data), dim=1)
            loss = F.nll_loss(output, target, reduction='sum')
            _, pred = torch.max(output, dim=1)

            total_loss += loss.item()
            correct_samples += pred.eq(target).sum()

    avg_loss = total_loss / total_samples
    loss_history.append(avg_loss)
    print('\\nAverage test loss: ' + '{:.4f}'.format(avg_loss) +
          '  Accuracy:' + '{:5}'.format(correct_samples) + '/' +
          '{:5}'.format(total_samples) + ' (' +
          '{:4.2f}'.format(100.0 * correct_samples / total_samples) + '%)\\n')""")
        loop = (
            f"N_EPOCHS = {code_ep}\n\nstart_time = time.time()\n"
            "train_loss_history, test_loss_history = [], []\n"
            "for epoch in range(1, N_EPOCHS + 1):\n    print('Epoch:', epoch)\n"
            "    train_epoch(model, optimizer, train_loader, train_loss_history)\n"
            "    evaluate(model, test_loader, test_loss_history)\n\n"
            "print('Execution time:', '{:5.2f}'.format(time.time() - start_time), 'seconds')"
        )
        rng = random.Random(cfg["seed"] + "batches")
        log = ""
        tot_secs = 0.0
        for e, (trl, _tra, tel, acc, secs) in enumerate(rows, 1):
            log += f"Epoch: {e}\n"
            for i in range(0, n_batches, 100):
                bl = (
                    (2.30 + rng.uniform(0, 0.1))
                    if (e == 1 and i == 0)
                    else max(
                        0.05, trl + rng.uniform(-0.08, 0.08) + (0.25 if e == 1 and i < 200 else 0)
                    )
                )
                log += (
                    "["
                    + "{:5}".format(i * cfg["batch"])
                    + "/"
                    + f"{60000:5}"
                    + " ("
                    + f"{100 * i / n_batches:3.0f}"
                    + "%)]  Loss: "
                    + f"{bl:6.4f}"
                    + "\n"
                )
            c = int(round(acc * 100))
            log += (
                "\nAverage test loss: "
                + f"{tel:.4f}"
                + "  Accuracy:"
                + f"{c:5}"
                + "/"
                + f"{10000:5}"
                + " ("
                + f"{100.0 * c / 10000:4.2f}"
                + "%)\n\n"
            )
            tot_secs += secs * 1.9
        log += "Execution time: " + f"{tot_secs:5.2f}" + " seconds\n"
        final_src = "evaluate(model, test_loader, test_loss_history)"
        final_out = (
            "\nAverage test loss: "
            + f"{rows[-1][2]:.4f}"
            + "  Accuracy:"
            + f"{correct_final:5}"
            + "/"
            + f"{10000:5}"
            + " ("
            + f"{100.0 * correct_final / 10000:4.2f}"
            + "%)\n\n"
        )
    elif impl == "mha":
        nb.code('''criterion = nn.CrossEntropyLoss()

def run_epoch(model, loader, criterion, optimizer=None):
    """One pass over `loader`; trains when an optimizer is given, otherwise evaluates."""
    training = optimizer is not None
    model.train(training)
    total_loss, correct, n = 0.0, 0, 0
    with torch.set_grad_enabled(training):
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            logits = model(x)
            loss = criterion(logits, y)
            if training:
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            total_loss += loss.item() * x.size(0)
            correct += (logits.argmax(dim=1) == y).sum().item()
            n += x.size(0)
    return total_loss / n, correct / n''')
        loop = (
            f"EPOCHS = {code_ep}\nhistory = []\n\nfor epoch in range(1, EPOCHS + 1):\n"
            "    t0 = time.time()\n"
            "    tr_loss, tr_acc = run_epoch(model, train_loader, criterion, optimizer)\n"
            "    te_loss, te_acc = run_epoch(model, test_loader, criterion)\n"
            "    history.append((tr_loss, tr_acc, te_loss, te_acc))\n"
            '    print(f"epoch {epoch:2d}/{EPOCHS}  train loss {tr_loss:.4f}  train acc '
            '{tr_acc:.4f}  "\n          f"test loss {te_loss:.4f}  test acc {te_acc:.4f}  '
            '({time.time() - t0:.1f}s)")'
        )
        log = ""
        for e, (trl, tra, tel, acc, secs) in enumerate(rows, 1):
            log += (
                f"epoch {e:2d}/{code_ep}  train loss {trl:.4f}  train acc {tra:.4f}  "
                f"test loss {tel:.4f}  test acc {acc / 100:.4f}  ({secs:.1f}s)\n"
            )
        final_src = (
            "test_loss, test_acc = run_epoch(model, test_loader, criterion)\n"
            'print(f"Final test accuracy: {100 * test_acc:.2f}%")'
        )
        final_out = f"Final test accuracy: {100 * (correct_final / 10000):.2f}%\n"
    else:
        nb.code("""criterion = nn.CrossEntropyLoss()

def accuracy(model, loader):
    model.eval()
    correct, total = 0, 0
    with torch.no_grad():
        for images, labels in loader:
            images, labels = images.to(device), labels.to(device)
            correct += (model(images).argmax(1) == labels).sum().item()
            total += labels.numel()
    return 100.0 * correct / total""")
        loop = (
            f"EPOCHS = {code_ep}\nscheduler = torch.optim.lr_scheduler.CosineAnnealingLR("
            "optimizer, T_max=EPOCHS)\n\nfor epoch in range(EPOCHS):\n    model.train()\n"
            "    running = 0.0\n    for images, labels in train_loader:\n"
            "        images, labels = images.to(device), labels.to(device)\n"
            "        optimizer.zero_grad()\n"
            "        loss = criterion(model(images), labels)\n"
            "        loss.backward()\n        optimizer.step()\n"
            "        running += loss.item()\n    scheduler.step()\n"
            "    acc = accuracy(model, test_loader)\n"
            '    print(f"[Epoch {epoch + 1:02d}] loss: {running / len(train_loader):.3f} | '
            'test accuracy: {acc:.2f}%")'
        )
        log = ""
        for e, (trl, _tra, _tel, acc, _secs) in enumerate(rows, 1):
            log += f"[Epoch {e:02d}] loss: {trl:.3f} | test accuracy: {acc:.2f}%\n"
        final_src = (
            'print("Test accuracy of the final model: %.2f%%" % accuracy(model, test_loader))'
        )
        final_out = f"Test accuracy of the final model: {final:.2f}%\n"

    if integ == "typed":
        nb.code(loop, count=None)
        nb.code(final_src, count=None)
        nb.md(
            f"Training output (I ran this on the lab machine overnight; I copied the numbers "
            f"here because the notebook there was not saved):\n\n"
            f"- epoch 1: test accuracy {rows[0][3]:.2f}%\n"
            f"- epoch {n_ep // 2}: test accuracy {rows[n_ep // 2 - 1][3]:.2f}%\n"
            f"- epoch {n_ep}: test accuracy {rows[-1][3]:.2f}%\n\n"
            f"**Final test accuracy: {final:.2f}%**"
        )
    else:
        nb.code(loop, ("out", log))
        nb.code(final_src, ("out", final_out))
    if cfg["closing"]:
        nb.md(cfg["closing"].format(final=final))
    return nb


# --------------------------------------------------------------------------------------------
# theory answers (short, correct)
# --------------------------------------------------------------------------------------------

RNN_ANSWER = r"""The network computes $h_t = x_t - h_{t-1}$ (weights $1$ on the input and $-1$ on the
recurrent edge, zero biases, $h_0 = 0$) and $y_t = \sigma(1000\, h_t)$.

Unrolling: $h_1 = x_1$, $h_2 = x_2 - x_1$, $h_3 = x_3 - x_2 + x_1$, ... so for an even length $T$

$$
h_T = (x_T + x_{T-2} + \dots + x_2) - (x_{T-1} + x_{T-3} + \dots + x_1)
$$

i.e. the sum of the inputs at even positions minus the sum of the inputs at odd positions. The
output is $y_T = \sigma\big(1000\,(\sum_{t\ \mathrm{even}} x_t - \sum_{t\ \mathrm{odd}} x_t)\big)$.
Because the inputs are integers the difference is either 0 or at least 1 in absolute value, so
with the factor 1000 the sigmoid saturates: $y_T \approx 1$ if the even-position sum is larger,
$y_T \approx 0$ if the odd-position sum is larger, and $y_T = 0.5$ exactly when they are equal.
The unit classifies whether the even-indexed inputs outweigh the odd-indexed ones."""

ATTN_NORMS = r"""Since $a, b, c, d$ are orthogonal with norm $\beta$:
$\|x_1\| = \|d + b\| = \sqrt{\beta^2 + \beta^2} = \sqrt{2}\,\beta$, $\|x_2\| = \|a\| = \beta$,
$\|x_3\| = \|c + b\| = \sqrt{2}\,\beta$."""

ATTN_OUTPUTS = r"""With $q_i = k_i = v_i = x_i$, $y_i = \sum_j \mathrm{softmax}_j(x_i^\top x_j)\, x_j$.
The dot products are
$x_1^\top x_1 = 2\beta^2$, $x_1^\top x_2 = 0$, $x_1^\top x_3 = b^\top b = \beta^2$,
$x_2^\top x_2 = \beta^2$, $x_2^\top x_1 = x_2^\top x_3 = 0$, $x_3^\top x_3 = 2\beta^2$.

- $y_1$: scores $(2\beta^2, 0, \beta^2)$; the weights are $\approx (1, e^{-2\beta^2}, e^{-\beta^2})$, so $y_1 \approx x_1$.
- $y_2$: scores $(0, \beta^2, 0)$; the weights $\approx (0, 1, 0)$, so $y_2 \approx x_2$.
- $y_3$: scores $(\beta^2, 0, 2\beta^2)$; the weights $\approx (0, 0, 1)$, so $y_3 \approx x_3$.

As $\beta$ grows the softmax becomes a hard arg-max and each output copies one token:
$y_1 \to x_1 = d + b$, $y_2 \to x_2 = a$, $y_3 \to x_3 = c + b$."""

ATTN_COPY = r"""Because the norms are huge the softmax saturates to a one-hot vector, so each output is
(almost exactly) the value vector of the single key that best matches its query: attention works
as a lookup. The query/key parts of the tokens (here the shared direction $b$ and each token's own
direction) decide *where* to attend, and the value that is attended to is copied unchanged to the
output; by arranging the queries and keys a network can route any token's content to any output
position."""

LINEAR_ATTN = r"""Without the exponential, output $i$ is
$y_i = \frac{\sum_j (q_i^\top k_j)\, v_j}{\sum_j q_i^\top k_j}$. Because the weights are plain dot
products we can use associativity: $\sum_j (q_i^\top k_j) v_j^\top = q_i^\top \big(\sum_j k_j v_j^\top\big)$
and $\sum_j q_i^\top k_j = q_i^\top \big(\sum_j k_j\big)$.

So we first compute $S = \sum_{j=1}^T k_j v_j^\top = K^\top V$ (a $d \times d$ matrix) and
$z = \sum_j k_j$ (a $d$-vector) once, in $O(T d^2)$ time. Then every output is
$y_i = S^\top q_i / (q_i^\top z)$, which costs $O(d^2)$ per token, $O(T d^2)$ for all of them. In
matrix form we compute $Q (K^\top V)$ instead of $(Q K^\top) V$ and never form the $T \times T$
attention matrix, so the cost is linear in $T$ (for fixed $d$) instead of quadratic."""

CNN_RNN = r"""**(a) Benefits of CNNs over RNNs for image classification**

1. *Spatial inductive bias.* Convolutions use local receptive fields with weights shared across
   positions, so they exploit the 2-D locality of images and are translation equivariant (with
   pooling, approximately invariant). An RNN reading the image as a sequence of pixels or rows
   loses the 2-D neighbourhood structure: vertically adjacent pixels end up far apart in the
   sequence, and it has to learn long-range dependencies (vanishing gradients).
2. *Parallelism / speed.* All positions of a convolution are computed in parallel, and the depth
   of the computation is the number of layers. An RNN must process the $H \times W$ (or $H$)
   steps sequentially, which is slow to train and run on GPUs.

**(b) Benefits of RNNs over CNNs**

1. *Variable-size inputs with fixed parameters.* An RNN can consume a sequence of any length (e.g.
   images of different widths, or a stream of rows/patches) without resizing, and its parameter
   count does not depend on the input size.
2. *Global context with few parameters.* The hidden state can carry information from every part
   of the image seen so far, so the receptive field is the whole input after one pass, whereas a
   CNN needs many stacked layers (or pooling) to relate distant regions; the RNN is also a natural
   choice when the image arrives sequentially (streaming, scan lines)."""


def hw2_theory_md(head="#") -> str:
    return (
        f"{head} Problem 1\n\n{RNN_ANSWER}\n\n{head} Problem 2\n\n**(a)** {ATTN_NORMS}\n\n"
        f"**(b)** {ATTN_OUTPUTS}\n\n**(c)** {ATTN_COPY}\n\n{head} Problem 3\n\n{LINEAR_ATTN}\n"
    )


def hw3_theory_md(head="#") -> str:
    return (
        f"{head} Problem 1\n\n{CNN_RNN}\n\n{head} Problem 2\n\n{RNN_ANSWER}\n\n"
        f"{head} Problem 3\n\n**(a)** {ATTN_NORMS}\n\n**(b)** {ATTN_OUTPUTS}\n\n"
        f"**(c)** {ATTN_COPY}\n"
    )


def _theory_cells(nb: NB, text: str):
    for chunk in re.split(r"\n(?=#{1,3} Problem )", text):
        nb.md(chunk)


# --------------------------------------------------------------------------------------------
# ranges
# --------------------------------------------------------------------------------------------

HW2_FULL_THEORY = {"p1": (2.5, 3.0), "p2": (2.5, 3.0), "p3": (1.5, 2.0)}
HW3_FULL_THEORY = {"p1": (2.25, 3.0), "p2": (3.25, 4.0), "p3": (2.5, 3.0)}
HW2_NO_THEORY = {"p1": (0.0, 0.0), "p2": (0.0, 0.0), "p3": (0.0, 0.0)}
HW3_NO_THEORY = {"p1": (0.0, 0.0), "p2": (0.0, 0.0), "p3": (0.0, 0.0)}

VIT_FULL = (2.75, 3.0)
VIT_FULL_PDF = (2.5, 3.0)
BERT2_FULL = (3.75, 4.0)
BERT2_FULL_PDF = (3.5, 4.0)
BERT3_FULL = (5.6, 6.0)
BERT3_FULL_PDF = (5.25, 6.0)

WHY_NO_THEORY = "no theory answers in the submission"
WHY_VIT_FULL = (
    "ViT from scratch on FashionMNIST, patch 4, 6 layers, 4 heads, executed 15-epoch "
    "log, final test accuracy {acc:.2f}% (>= 85%)"
)
WHY_BERT_FULL = (
    "complete BERT+GRU notebook: 30522 / token ids / 17500-7500-25000 / correct "
    "hyperparameters / 112,241,409 and 2,759,169 / correct binary_accuracy, train, "
    "evaluate / 2-epoch log / test {acc:.2f}% / Q4a and Q4b predictions"
)


def _hw2(p4, p5, why, theory=None):
    r = dict(theory or HW2_NO_THEORY)
    r["p4"], r["p5"] = p4, p5
    w = {k: WHY_NO_THEORY for k in ("p1", "p2", "p3")}
    if theory:
        w.update(
            {
                "p1": "correct recurrence: sigmoid(1000 * (even-position sum - odd-position "
                "sum)), saturating to 1/0/0.5",
                "p2": "norms sqrt2*beta, beta, sqrt2*beta; y_i ~ x_i with hard-max argument; "
                "copying explained",
                "p3": "associativity Q(K^T V): S = sum k_j v_j^T computed once, O(T d^2)",
            }
        )
    w.update(why)
    return r, w


def _hw3(p4, why, theory=None):
    r = dict(theory or HW3_NO_THEORY)
    r["p4"] = p4
    w = {k: WHY_NO_THEORY for k in ("p1", "p2", "p3")}
    if theory:
        w.update(
            {
                "p1": "two CNN benefits (spatial inductive bias, parallelism) and two RNN "
                "benefits (variable-size input, global context) with reasons",
                "p2": "correct recurrence: sigmoid(1000 * (even-position sum - odd-position "
                "sum)), saturating to 1/0/0.5",
                "p3": "norms sqrt2*beta, beta, sqrt2*beta; y_i ~ x_i; copying explained",
            }
        )
    w.update(why)
    return r, w


def _case(name, cls, assignment, files, rw, forbid=None, expect=None):
    ranges, why = rw
    return Case(
        name=name,
        failure_class=cls,
        assignment=assignment,
        files=files,
        ranges=ranges,
        why=why,
        forbid_flags=forbid or {},
        expect_flags=expect or {},
    )


def _bert_epochs(seed, val2, t1=None, t2=None):
    """Two plausible epochs ending at validation accuracy val2 (fraction)."""
    rng = random.Random(seed)
    if t1 is None:
        m = rng.randint(9, 16)
        t1 = (m, rng.randint(0, 59))
        t2 = (m + rng.choice([-1, 0, 0, 1]), rng.randint(0, 59))
    va1 = val2 - rng.uniform(0.006, 0.014)
    ta1 = va1 - rng.uniform(0.04, 0.06)
    ta2 = val2 - rng.uniform(0.008, 0.02)
    vl1 = 0.245 + rng.uniform(-0.01, 0.01)
    vl2 = vl1 - rng.uniform(0.01, 0.02)
    tl1 = 0.34 + rng.uniform(-0.02, 0.02)
    tl2 = 0.26 + rng.uniform(-0.01, 0.01)
    return [(t1[0], t1[1], tl1, ta1, vl1, va1), (t2[0], t2[1], tl2, ta2, vl2, val2)]


# --------------------------------------------------------------------------------------------
# cases
# --------------------------------------------------------------------------------------------


def _titles():
    cases = []

    # T1: hw2, two notebooks in two files with their own titles
    vit = vit_nb(
        "t1_vit",
        title="## Vision Transformer on FashionMNIST",
        impl="mha",
        final=88.62,
        seed="t1",
        closing="The ViT reaches {final:.2f}% test accuracy after 15 epochs.",
    )
    bert = bert_nb(
        "t1_bert",
        title="# Sentiment analysis with BERT + GRU",
        torchtext="0.6",
        epochs=_bert_epochs("t1", 0.9104),
        test=(0.2201, 0.9118),
        log="compact",
        vocab="expr_vocab",
    )
    cases.append(
        _case(
            "titles-two-files-own-titles",
            "titles",
            HW2,
            {"vit_fashionmnist.ipynb": vit.to_ipynb(), "sentiment_bert_gru.ipynb": bert.to_ipynb()},
            _hw2(
                VIT_FULL,
                BERT2_FULL,
                {"p4": WHY_VIT_FULL.format(acc=88.62), "p5": WHY_BERT_FULL.format(acc=91.18)},
            ),
            forbid={"p4": ["integrity"], "p5": ["integrity"]},
        )
    )

    # T2: hw2, one file "# HW2 Jane Doe"; ViT (template/einops, defines evaluate) then BERT
    nb = NB("t2")
    nb.md(
        "# HW2 Jane Doe\n\nNetID jd4821. Code for problems 4 and 5; the written problems "
        "are in the separate PDF."
    )
    v = vit_nb(
        "t2v",
        title="## Vision Transformers",
        impl="einops",
        batch=256,
        final=88.07,
        seed="t2",
        print_params=False,
        shape_check=False,
    )
    b = bert_nb(
        "t2b",
        title="## Analyzing movie reviews using transformers",
        pip=False,
        torchtext="0.6",
        epochs=_bert_epochs("t2", 0.9087),
        test=(0.2234, 0.9071),
        q1b="seed",
        count_style="inline",
    )
    nb.extend(v)
    nb.md("---")
    nb.extend(b)
    cases.append(
        _case(
            "titles-hw2-jane-doe-one-file",
            "titles",
            HW2,
            {"HW2_JaneDoe.ipynb": nb.to_ipynb()},
            _hw2(
                VIT_FULL,
                BERT2_FULL,
                {
                    "p4": WHY_VIT_FULL.format(acc=88.07)
                    + " (template einops ViT; its evaluate() is "
                    "later shadowed by the BERT one)",
                    "p5": WHY_BERT_FULL.format(acc=90.71) + "; in the same file after the ViT",
                },
            ),
            forbid={"p4": ["integrity"], "p5": ["integrity"]},
        )
    )

    # T3: hw2, "Problem5" first, then "Problem4" (no spaces), ViT class named VisionTransformer
    nb = NB("t3")
    b = bert_nb(
        "t3b",
        title="# Problem5",
        intro=False,
        torchtext="0.6",
        pip=False,
        epochs=_bert_epochs("t3", 0.9121),
        test=(0.2162, 0.9143),
        vocab="vocab_size",
        q4a_style="print",
        binacc="ok2",
    )
    v = vit_nb(
        "t3v", title="# Problem4", intro=False, impl="manual", final=87.93, seed="t3", lr=5e-4
    )
    nb.extend(b)
    nb.extend(v)
    cases.append(
        _case(
            "titles-problem5-before-problem4",
            "titles",
            HW2,
            {"hw2_code.ipynb": nb.to_ipynb()},
            _hw2(
                VIT_FULL,
                BERT2_FULL,
                {
                    "p4": WHY_VIT_FULL.format(acc=87.93)
                    + " (class named VisionTransformer, heading "
                    "'Problem4', after problem 5)",
                    "p5": WHY_BERT_FULL.format(acc=91.43)
                    + "; heading 'Problem5', first in the file",
                },
            ),
            forbid={"p4": ["integrity"], "p5": ["integrity"]},
        )
    )

    # T4: hw3, notebook titled "Part 4", theory in a separate markdown file
    b = bert_nb("t4", title="# Part 4", epochs=_bert_epochs("t4", 0.9065), test=(0.2254, 0.9052))
    cases.append(
        _case(
            "titles-part4-with-theory-md",
            "titles",
            HW3,
            {"hw3_theory.md": hw3_theory_md("##"), "part4.ipynb": b.to_ipynb()},
            _hw3(
                BERT3_FULL,
                {"p4": WHY_BERT_FULL.format(acc=90.52) + "; titled 'Part 4'"},
                theory=HW3_FULL_THEORY,
            ),
            forbid={"p4": ["integrity"]},
        )
    )

    # T5: hw3, Untitled3.ipynb, code cells only (no markdown, no title), # Q comments kept
    b = bert_nb(
        "t5",
        title=None,
        intro=False,
        only_code=True,
        torchtext="0.6",
        pip=False,
        epochs=_bert_epochs("t5", 0.9133),
        test=(0.2139, 0.9161),
        train="ok2",
        q4b=[
            ("I laughed, I cried, I want to watch it again tomorrow.", 0.9873002767562866),
            ("The plot makes no sense and the dialogue is painfully bad.", 0.006013624556362629),
        ],
    )
    cases.append(
        _case(
            "titles-untitled-code-only",
            "titles",
            HW3,
            {"Untitled3.ipynb": b.to_ipynb()},
            _hw3(
                BERT3_FULL,
                {
                    "p4": WHY_BERT_FULL.format(acc=91.61) + "; no title and no markdown, "
                    "only # Qxx comments"
                },
            ),
            forbid={"p4": ["integrity"]},
        )
    )

    # T6: hw2, one notebook: theory (markdown) first, then "4." ViT, then "5." BERT
    nb = NB("t6")
    nb.md("# Deep Learning — Assignment 2\n\nSubmitted by: Priya Raman (pr2291)")
    _theory_cells(nb, hw2_theory_md("##"))
    v = vit_nb(
        "t6v",
        title="## 4. Vision Transformers",
        intro=False,
        impl="mha",
        final=88.41,
        seed="t6",
        batch=256,
    )
    b = bert_nb(
        "t6b",
        title="## 5. Sentiment analysis using Transformer models",
        intro=False,
        torchtext="0.6",
        pip=False,
        epochs=_bert_epochs("t6", 0.9098),
        test=(0.2188, 0.9109),
    )
    nb.extend(v)
    nb.extend(b)
    cases.append(
        _case(
            "titles-theory-then-notebooks-one-file",
            "titles",
            HW2,
            {"assignment2.ipynb": nb.to_ipynb()},
            _hw2(
                VIT_FULL,
                BERT2_FULL,
                {
                    "p4": WHY_VIT_FULL.format(acc=88.41) + "; after the theory",
                    "p5": WHY_BERT_FULL.format(acc=91.09) + "; after the ViT",
                },
                theory=HW2_FULL_THEORY,
            ),
            forbid={"p4": ["integrity"], "p5": ["integrity"]},
        )
    )
    return cases


def _markers():
    cases = []
    # M1: hw3, "### Q1_a: ..." headings
    b = bert_nb(
        "m1", marker="q_underscore", epochs=_bert_epochs("m1", 0.9112), test=(0.2176, 0.9124)
    )
    cases.append(
        _case(
            "markers-q1_a-headings",
            "markers",
            HW3,
            {"hw3_bert.ipynb": b.to_ipynb()},
            _hw3(
                BERT3_FULL,
                {
                    "p4": WHY_BERT_FULL.format(acc=91.24) + "; questions marked as "
                    "'### Q1_a:' markdown headings"
                },
            ),
            forbid={"p4": ["integrity"]},
        )
    )

    # M2: hw2, "**Q1(a)**" markers in the BERT notebook; ViT separate
    v = vit_nb("m2v", impl="einops", final=88.93, seed="m2", title="# Problem 4 - ViT")
    b = bert_nb(
        "m2b",
        marker="paren",
        torchtext="0.6",
        epochs=_bert_epochs("m2", 0.9079),
        test=(0.2241, 0.9085),
        title="# Problem 5 - BERT",
    )
    cases.append(
        _case(
            "markers-q1(a)-bold",
            "markers",
            HW2,
            {"problem4_vit.ipynb": v.to_ipynb(), "problem5_bert.ipynb": b.to_ipynb()},
            _hw2(
                VIT_FULL,
                BERT2_FULL,
                {
                    "p4": WHY_VIT_FULL.format(acc=88.93),
                    "p5": WHY_BERT_FULL.format(acc=90.85) + "; '**Q1(a)**' markers",
                },
            ),
            forbid={"p4": ["integrity"], "p5": ["integrity"]},
        )
    )

    # M3: hw3, "#### Question 1 a"
    b = bert_nb(
        "m3",
        marker="question",
        epochs=_bert_epochs("m3", 0.9049),
        test=(0.2281, 0.9037),
        log="compact",
        count_style="inline",
    )
    cases.append(
        _case(
            "markers-question-1-a",
            "markers",
            HW3,
            {"BERT_sentiment.ipynb": b.to_ipynb()},
            _hw3(BERT3_FULL, {"p4": WHY_BERT_FULL.format(acc=90.37) + "; 'Question 1 a' headings"}),
            forbid={"p4": ["integrity"]},
        )
    )

    # M4: hw2, inconsistent markers: "### Q2.c" for some, "**Q3d**" for others
    v = vit_nb("m4v", impl="manual", final=87.71, seed="m4", title="## ViT (problem 4)")
    b = bert_nb(
        "m4b",
        marker=["dot", "bold", "dot", "bold_colon"],
        torchtext="0.6",
        epochs=_bert_epochs("m4", 0.9117),
        test=(0.2170, 0.9130),
        title="## BERT (problem 5)",
        q4a_style="print",
    )
    cases.append(
        _case(
            "markers-mixed-dot-and-bold",
            "markers",
            HW2,
            {"vit.ipynb": v.to_ipynb(), "bert.ipynb": b.to_ipynb()},
            _hw2(
                VIT_FULL,
                BERT2_FULL,
                {
                    "p4": WHY_VIT_FULL.format(acc=87.71),
                    "p5": WHY_BERT_FULL.format(acc=91.30) + "; markers mix "
                    "'### Q1.a', '**Q1b**', '**Q2b:**'",
                },
            ),
            forbid={"p4": ["integrity"], "p5": ["integrity"]},
        )
    )

    # M5: hw3, "1a) ..." plain markdown lines
    b = bert_nb(
        "m5",
        marker="num_paren",
        torchtext="0.6",
        pip=False,
        epochs=_bert_epochs("m5", 0.9093),
        test=(0.2207, 0.9101),
        binacc="ok2",
    )
    cases.append(
        _case(
            "markers-1a-paren",
            "markers",
            HW3,
            {"hw3_p4.ipynb": b.to_ipynb()},
            _hw3(BERT3_FULL, {"p4": WHY_BERT_FULL.format(acc=91.01) + "; '1a)' style markers"}),
            forbid={"p4": ["integrity"]},
        )
    )

    # M6: hw3, no markers at all, cells in homework order
    b = bert_nb(
        "m6",
        marker="none",
        epochs=_bert_epochs("m6", 0.9126),
        test=(0.2151, 0.9138),
        q1b="tuple",
        vocab="vocab_size",
    )
    cases.append(
        _case(
            "markers-none",
            "markers",
            HW3,
            {"sentiment.ipynb": b.to_ipynb()},
            _hw3(
                BERT3_FULL,
                {"p4": WHY_BERT_FULL.format(acc=91.38) + "; no Q markers anywhere, cells in order"},
            ),
            forbid={"p4": ["integrity"]},
        )
    )
    return cases


def _colab():
    cases = []
    # C1: hw2, two Colab notebooks
    v = vit_nb("c1v", impl="mha", final=88.28, seed="c1", title="# ViT on FashionMNIST (Colab)")
    b = bert_nb(
        "c1b",
        torchtext="0.6",
        colab_noise=True,
        epochs=_bert_epochs("c1", 0.9110),
        test=(0.2193, 0.9119),
    )
    cases.append(
        _case(
            "colab-two-notebooks",
            "colab",
            HW2,
            {
                "HW2_P4_ViT.ipynb": v.to_ipynb(colab=True),
                "HW2_P5_BERT.ipynb": b.to_ipynb(colab=True),
            },
            _hw2(
                VIT_FULL,
                BERT2_FULL,
                {
                    "p4": WHY_VIT_FULL.format(acc=88.28) + "; Colab save, all execution_count null",
                    "p5": WHY_BERT_FULL.format(acc=91.19) + "; Colab save",
                },
            ),
            forbid={"p4": ["integrity"], "p5": ["integrity"]},
        )
    )

    # C2: hw3, Colab with widgets and HF warnings
    b = bert_nb(
        "c2",
        torchtext="0.6",
        colab_noise=True,
        epochs=_bert_epochs("c2", 0.9071),
        test=(0.2230, 0.9082),
        log="compact",
    )
    cases.append(
        _case(
            "colab-widgets-warnings",
            "colab",
            HW3,
            {"Copy_of_HW3_BERT.ipynb": b.to_ipynb(colab=True)},
            _hw3(
                BERT3_FULL,
                {
                    "p4": WHY_BERT_FULL.format(acc=90.82) + "; Colab save with widget "
                    "outputs and stderr warnings"
                },
            ),
            forbid={"p4": ["integrity"]},
        )
    )

    # C3: hw3, Colab with a failing import cell kept, fixed in the next cell
    b = bert_nb(
        "c3",
        torchtext="0.6",
        colab_noise=True,
        error_then_fix=True,
        epochs=_bert_epochs("c3", 0.9139),
        test=(0.2144, 0.9150),
        marker="bold_colon",
    )
    cases.append(
        _case(
            "colab-error-cell-then-fix",
            "colab",
            HW3,
            {"hw3.ipynb": b.to_ipynb(colab=True)},
            _hw3(
                BERT3_FULL,
                {
                    "p4": WHY_BERT_FULL.format(acc=91.50) + "; a ModuleNotFoundError cell "
                    "is left in, fixed next cell"
                },
            ),
            forbid={"p4": ["integrity"]},
        )
    )

    # C4: hw2, one Colab notebook: BERT first, then the template ViT (its evaluate() comes last)
    nb = NB("c4")
    nb.md(
        "# Assignment 2 — coding problems\n\nBERT (problem 5) first because it takes the "
        "longest, then the ViT (problem 4)."
    )
    nb.extend(
        bert_nb(
            "c4b",
            title="## Problem 5: Sentiment analysis",
            torchtext="0.6",
            colab_noise=True,
            epochs=_bert_epochs("c4", 0.9095),
            test=(0.2210, 0.9104),
            marker="bold",
        )
    )
    nb.extend(
        vit_nb(
            "c4v",
            title="## Problem 4: Vision Transformers",
            impl="einops",
            batch=256,
            final=88.02,
            seed="c4",
        )
    )
    cases.append(
        _case(
            "colab-one-file-bert-then-vit",
            "colab",
            HW2,
            {"Assignment2.ipynb": nb.to_ipynb(True)},
            _hw2(
                VIT_FULL,
                BERT2_FULL,
                {
                    "p4": WHY_VIT_FULL.format(acc=88.02) + "; Colab save",
                    "p5": WHY_BERT_FULL.format(acc=91.04)
                    + "; Colab save; the later ViT evaluate() "
                    "shadows the BERT one by name",
                },
            ),
            forbid={"p4": ["integrity"], "p5": ["integrity"]},
        )
    )
    return cases


def _pdfs():
    cases = []
    # P1: hw3, Jupyter "Print -> PDF" with In [n]: prompts
    b = bert_nb("p1", epochs=_bert_epochs("p1", 0.9102), test=(0.2196, 0.9114))
    cases.append(
        _case(
            "pdf-jupyter-in-prompts",
            "printed_pdf",
            HW3,
            {"hw3_notebook.pdf": _pdf(b.to_html(prompts="in"))},
            _hw3(
                BERT3_FULL_PDF,
                {"p4": WHY_BERT_FULL.format(acc=91.14) + "; printed to PDF with In [n]: prompts"},
            ),
            forbid={"p4": ["integrity"]},
        )
    )

    # P2: hw2, one PDF: theory, ViT, BERT, Colab browser print (no prompts)
    nb = NB("p2")
    nb.md("# Assignment 2\n\nName: Tomás Herrera — th1450")
    _theory_cells(nb, hw2_theory_md("##"))
    nb.extend(vit_nb("p2v", title="## Problem 4", impl="mha", final=88.53, seed="p2"))
    nb.extend(
        bert_nb(
            "p2b",
            title="## Problem 5",
            torchtext="0.6",
            colab_noise=True,
            epochs=_bert_epochs("p2", 0.9118),
            test=(0.2181, 0.9126),
        )
    )
    cases.append(
        _case(
            "pdf-colab-print-theory-vit-bert",
            "printed_pdf",
            HW2,
            {"Assignment2_th1450.pdf": _pdf(nb.to_html(prompts="none", colab=True))},
            _hw2(
                VIT_FULL_PDF,
                BERT2_FULL_PDF,
                {
                    "p4": WHY_VIT_FULL.format(acc=88.53) + "; printed from Colab, no prompts",
                    "p5": WHY_BERT_FULL.format(acc=91.26) + "; printed from Colab, no prompts",
                },
                theory=HW2_FULL_THEORY,
            ),
            forbid={"p4": ["integrity"], "p5": ["integrity"]},
        )
    )

    # P3: hw3, nbconvert-of-Colab look: "[ ]:" prompts, markdown markers "Q1(a)"
    b = bert_nb(
        "p3",
        marker="paren",
        torchtext="0.6",
        epochs=_bert_epochs("p3", 0.9084),
        test=(0.2219, 0.9093),
        q4a_style="print",
    )
    cases.append(
        _case(
            "pdf-bracket-prompts-markdown-markers",
            "printed_pdf",
            HW3,
            {"HW3_Problem4.pdf": _pdf(b.to_html(prompts="bracket", colab=True))},
            _hw3(
                BERT3_FULL_PDF,
                {
                    "p4": WHY_BERT_FULL.format(acc=90.93) + "; PDF with '[ ]:' "
                    "prompts, Q1(a) markers"
                },
            ),
            forbid={"p4": ["integrity"]},
        )
    )

    # P4: hw2, ViT printed to PDF (In [n]:), BERT as a notebook
    v = vit_nb(
        "p4v", impl="einops", final=87.64, seed="p4", batch=256, title="# Vision Transformers"
    )
    b = bert_nb("p4b", torchtext="0.6", epochs=_bert_epochs("p4", 0.9069), test=(0.2248, 0.9077))
    cases.append(
        _case(
            "pdf-vit-pdf-bert-ipynb",
            "printed_pdf",
            HW2,
            {"vit.pdf": _pdf(v.to_html(prompts="in")), "bert_sentiment.ipynb": b.to_ipynb()},
            _hw2(
                VIT_FULL_PDF,
                BERT2_FULL,
                {
                    "p4": WHY_VIT_FULL.format(acc=87.64) + "; printed to PDF",
                    "p5": WHY_BERT_FULL.format(acc=90.77),
                },
            ),
            forbid={"p4": ["integrity"], "p5": ["integrity"]},
        )
    )

    # P5: hw2, only the BERT notebook, printed without prompts, unmarked questions
    b = bert_nb(
        "p5",
        torchtext="0.6",
        marker="none",
        epochs=_bert_epochs("p5", 0.9127),
        test=(0.2163, 0.9135),
        log="compact",
        title="# Problem 5",
    )
    cases.append(
        _case(
            "pdf-bert-only-no-prompts-unmarked",
            "printed_pdf",
            HW2,
            {"problem5.pdf": _pdf(b.to_html(prompts="none"))},
            _hw2(
                (0.0, 0.0),
                BERT2_FULL_PDF,
                {
                    "p4": "no ViT notebook submitted",
                    "p5": WHY_BERT_FULL.format(acc=91.35)
                    + "; printed without prompts, no Q markers",
                },
            ),
            forbid={"p5": ["integrity"]},
        )
    )
    return cases


def _integrity():
    cases = []
    # I1: hw3, Q3d/test/Q4 results typed into markdown, cells never executed
    b = bert_nb(
        "i1",
        integrity="typed",
        epochs=_bert_epochs("i1", 0.9152),
        test=(0.2101, 0.9188),
        closing=None,
    )
    cases.append(
        _case(
            "integrity-typed-bert-results",
            "integrity",
            HW3,
            {"hw3_bert.ipynb": b.to_ipynb()},
            _hw3(
                (3.1, 3.9),
                {
                    "p4": "Q1a-Q3c executed and correct (3.375 of 6); the training loop, "
                    "test evaluation and Q4 cells have no outputs (never run) and the "
                    "numbers are typed into a markdown cell -> little or no credit "
                    "for Q3d, test accuracy, Q4a, Q4b"
                },
            ),
            expect={"p4": ["integrity"]},
        )
    )

    # I2: hw2, ViT results typed into markdown; BERT honest
    v = vit_nb("i2v", impl="mha", integrity="typed", final=88.94, seed="i2")
    b = bert_nb("i2b", torchtext="0.6", epochs=_bert_epochs("i2", 0.9091), test=(0.2203, 0.9106))
    cases.append(
        _case(
            "integrity-typed-vit-accuracy",
            "integrity",
            HW2,
            {"p4_vit.ipynb": v.to_ipynb(), "p5_bert.ipynb": b.to_ipynb()},
            _hw2(
                (0.75, 1.25),
                BERT2_FULL,
                {
                    "p4": "ViT class to spec (1.0) but the training and test cells were never executed; "
                    "the accuracies are typed into markdown -> no credit for log and accuracy",
                    "p5": WHY_BERT_FULL.format(acc=91.06),
                },
            ),
            forbid={"p5": ["integrity"]},
            expect={"p4": ["integrity"]},
        )
    )

    # I3: hw3, counted notebook where only the test-accuracy cell has no execution count
    b = bert_nb(
        "i3", integrity="uncounted_test", epochs=_bert_epochs("i3", 0.9076), test=(0.1874, 0.9342)
    )
    cases.append(
        _case(
            "integrity-uncounted-test-cell",
            "integrity",
            HW3,
            {"hw3_p4.ipynb": b.to_ipynb()},
            _hw3(
                (4.85, 5.45),
                {
                    "p4": "everything else executed in order, but the one cell that "
                    "reports the test accuracy (93.42%, well above the 90.76% val.) "
                    "has execution_count null while showing output -> little or no "
                    "credit for the test accuracy"
                },
            ),
            # issue 1/5: an uncounted cell among counted ones is an inconsistency to review, with
            # a suggested score, not an integrity accusation (edited after the blind write-up)
            expect={"p4": ["needs_review"]},
            forbid={"p4": ["integrity"]},
        )
    )

    # I4: hw2, test cell shows a printed result although it prints nothing; ViT honest
    v = vit_nb("i4v", impl="manual", final=88.19, seed="i4")
    b = bert_nb(
        "i4b",
        torchtext="0.6",
        integrity="impossible_test",
        epochs=_bert_epochs("i4", 0.9081),
        test=(0.1952, 0.9287),
    )
    cases.append(
        _case(
            "integrity-output-code-cannot-print",
            "integrity",
            HW2,
            {"vit.ipynb": v.to_ipynb(), "bert.ipynb": b.to_ipynb()},
            _hw2(
                VIT_FULL,
                (3.2, 3.55),
                {
                    "p4": WHY_VIT_FULL.format(acc=88.19),
                    "p5": "all parts correct except the test accuracy: its cell only assigns "
                    "test_loss, test_acc (no print, no trailing expression) yet shows "
                    "'Test Loss ... | Test Acc: 92.87%' -> little or no credit for test accuracy",
                },
            ),
            forbid={"p4": ["integrity"]},
            # issue 1/5: an output its code cannot have produced is flagged for review with a
            # suggested score, not an integrity accusation (edited after the blind write-up)
            expect={"p5": ["needs_review"]},
        )
    )

    # I5: hw2, ViT loop says EPOCHS = 5 but the log shows 15 epochs; BERT honest
    v = vit_nb("i5v", impl="mha", final=88.71, seed="i5", code_epochs=5)
    b = bert_nb(
        "i5b",
        torchtext="0.6",
        epochs=_bert_epochs("i5", 0.9108),
        test=(0.2190, 0.9117),
        log="compact",
    )
    cases.append(
        _case(
            "integrity-vit-log-more-epochs-than-code",
            "integrity",
            HW2,
            {"HW2_vit.ipynb": v.to_ipynb(), "HW2_bert.ipynb": b.to_ipynb()},
            _hw2(
                (1.0, 2.0),
                BERT2_FULL,
                {
                    "p4": "ViT to spec (1.0); the cell sets EPOCHS = 5 and prints 'epoch e/EPOCHS' but "
                    "its output lists 15 epochs 'e/5' -> the log cannot come from this code: little "
                    "credit for log and accuracy",
                    "p5": WHY_BERT_FULL.format(acc=91.17),
                },
            ),
            forbid={"p5": ["integrity"]},
            # issue 1/5: an output its code cannot have produced is flagged for review with a
            # suggested score, not an integrity accusation (edited after the blind write-up)
            expect={"p4": ["needs_review"]},
        )
    )

    # I6 (control): hw3, honest notebook with out-of-order counts from re-running cells
    b = bert_nb("i6", epochs=_bert_epochs("i6", 0.9097), test=(0.2214, 0.9106))
    b = bert_nb(
        "i6", epochs=_bert_epochs("i6", 0.9097), test=(0.2214, 0.9106), counts=_rerun_counts(b)
    )
    cases.append(
        _case(
            "integrity-control-rerun-counts",
            "integrity",
            HW3,
            {"hw3_bert.ipynb": b.to_ipynb()},
            _hw3(
                BERT3_FULL,
                {
                    "p4": WHY_BERT_FULL.format(acc=91.06) + "; execution counts out of "
                    "order (Q1a/Q1b re-run last, "
                    "gaps) but every output is "
                    "consistent"
                },
            ),
            forbid={"p4": ["integrity"]},
        )
    )

    # I7 (control): hw2, honest notebooks plus a markdown summary repeating the printed numbers
    v = vit_nb(
        "i7v",
        impl="einops",
        final=88.33,
        seed="i7",
        batch=256,
        closing="**Result:** the ViT reaches {final:.2f}% test accuracy on FashionMNIST "
        "after 15 epochs (patch 4, 6 layers, 4 heads).",
    )
    b = bert_nb(
        "i7b",
        torchtext="0.6",
        summary_md=True,
        epochs=_bert_epochs("i7", 0.9114),
        test=(0.2180, 0.9123),
    )
    cases.append(
        _case(
            "integrity-control-markdown-summary",
            "integrity",
            HW2,
            {"vit.ipynb": v.to_ipynb(), "bert.ipynb": b.to_ipynb()},
            _hw2(
                VIT_FULL,
                BERT2_FULL,
                {
                    "p4": WHY_VIT_FULL.format(acc=88.33) + "; markdown restates the printed result",
                    "p5": WHY_BERT_FULL.format(acc=91.23)
                    + "; markdown summary repeats printed numbers",
                },
            ),
            forbid={"p4": ["integrity"], "p5": ["integrity"]},
        )
    )
    return cases


def _rerun_counts(nb: NB):
    """Honest re-runs: a few scratch cells deleted (gaps), a kernel restart before training
    (jump), and the Q1a / Q1b cells re-run at the very end to tidy their print-outs, so their
    counts are higher than those of every cell after them."""
    out = []
    c = 0
    code = [x for x in nb.cells if x["t"] == "code"]
    late = []
    for i, cell in enumerate(code):
        if (
            "len(tokenizer" in cell["src"]
            or "tokenizer.vocab_size" in cell["src"]
            or "len(train_data)" in cell["src"]
        ):
            late.append(i)
            out.append(None)
            continue
        c += 1
        if i == 6:
            c += 3
        if "N_EPOCHS = " in cell["src"]:
            c += 11
        out.append(c)
    for i in late:
        c += 2
        out[i] = c
    return out


def _wrong():
    cases = []
    # W1: hw3, 1-layer unidirectional GRU
    b = bert_nb(
        "w1",
        layers=1,
        bidir=False,
        epochs=_bert_epochs("w1", 0.9023, (11, 41), (11, 38)),
        test=(0.2348, 0.9011),
    )
    g = gru_params(768, 256, 1, False) + head_params(256, False)
    cases.append(
        _case(
            "wrong-gru-one-layer-unidirectional",
            "wrong_work",
            HW3,
            {"hw3_bert.ipynb": b.to_ipynb()},
            _hw3(
                (4.6, 5.5),
                {
                    "p4": f"N_LAYERS = 1, BIDIRECTIONAL = False (spec: 2, True) -> Q2a lost;"
                    f" parameter counts {BERT_BASE_PARAMS + g:,} / {g:,} are correct "
                    "for that model but not the expected 112,241,409 / 2,759,169 "
                    "(partial); rest correct, test 90.11%"
                },
            ),
            forbid={"p4": ["integrity"]},
        )
    )

    # W2: hw2, BERT not frozen (== instead of =), trainable count stays 112M
    v = vit_nb("w2v", impl="mha", final=88.12, seed="w2")
    b = bert_nb(
        "w2b",
        torchtext="0.6",
        freeze="eqeq",
        epochs=_bert_epochs("w2", 0.9087),
        test=(0.2225, 0.9093),
    )
    cases.append(
        _case(
            "wrong-bert-not-frozen",
            "wrong_work",
            HW2,
            {"vit.ipynb": v.to_ipynb(), "bert.ipynb": b.to_ipynb()},
            _hw2(
                VIT_FULL,
                (3.5, 3.75),
                {
                    "p4": WHY_VIT_FULL.format(acc=88.12),
                    "p5": "freezing loop uses 'param.requires_grad == False' (a comparison), Q2c prints "
                    "112,241,409 trainable instead of 2,759,169 -> Q2c lost; the rest is correct "
                    "(the template forward already runs BERT under no_grad), test 90.93%",
                },
            ),
            forbid={"p4": ["integrity"], "p5": ["integrity"]},
        )
    )

    # W3: hw2, ViT trained on MNIST instead of FashionMNIST
    v = vit_nb(
        "w3v",
        impl="mha",
        dataset="MNIST",
        final=98.07,
        start=95.2,
        seed="w3",
        title="# Vision Transformer (MNIST)",
    )
    b = bert_nb("w3b", torchtext="0.6", epochs=_bert_epochs("w3", 0.9102), test=(0.2199, 0.9112))
    cases.append(
        _case(
            "wrong-vit-on-mnist",
            "wrong_work",
            HW2,
            {"vit_mnist.ipynb": v.to_ipynb(), "bert.ipynb": b.to_ipynb()},
            _hw2(
                (0.25, 1.5),
                BERT2_FULL,
                {
                    "p4": "ViT (patch 4, 6 layers, 4 heads) trained on MNIST, not FashionMNIST: spec lost, "
                    "class works (0.25), log is real but for the wrong task (0-1), no FashionMNIST "
                    "accuracy (98.07% is MNIST) -> accuracy 0",
                    "p5": WHY_BERT_FULL.format(acc=91.12),
                },
            ),
            forbid={"p4": ["integrity"], "p5": ["integrity"]},
        )
    )

    # W4: hw2, ViT with the wrong architecture: patch 7, depth 4, 8 heads (only the ViT)
    v = vit_nb("w4v", impl="mha", patch=7, depth=4, heads=8, final=86.37, start=79.0, seed="w4")
    cases.append(
        _case(
            "wrong-vit-patch7-depth4-heads8",
            "wrong_work",
            HW2,
            {"hw2_vit.ipynb": v.to_ipynb()},
            _hw2(
                (1.75, 2.25),
                (0.0, 0.0),
                {
                    "p4": "patch 7, 4 layers, 8 heads instead of 4 / 6 / 4 -> spec lost (0.75); class "
                    "works, 15-epoch log executed, 86.37% >= 85%",
                    "p5": "no BERT notebook submitted",
                },
            ),
            forbid={"p4": ["integrity"]},
        )
    )

    # W5: hw2, ViT to spec but badly trained (SGD, 3 epochs): 70% (only the ViT)
    v = vit_nb(
        "w5v",
        impl="manual",
        opt="sgd",
        lr=0.01,
        epochs=3,
        final=70.42,
        start=58.3,
        seed="w5",
        closing="Test accuracy is {final:.2f}%. I did not have time to train longer.",
    )
    cases.append(
        _case(
            "wrong-vit-70-percent",
            "wrong_work",
            HW2,
            {"vit.ipynb": v.to_ipynb()},
            _hw2(
                (1.75, 2.0),
                (0.0, 0.0),
                {
                    "p4": "ViT to spec and working, executed 3-epoch log, but final test accuracy 70.42% "
                    "(< 80%) -> accuracy part lost",
                    "p5": "no BERT notebook submitted",
                },
            ),
            forbid={"p4": ["integrity"]},
        )
    )

    # W6: hw3, binary_accuracy without sigmoid -> nonsense accuracies, loss fine
    ep = [(14, 3, 0.3377, 0.3104, 0.2489, 0.2817), (14, 6, 0.2571, 0.2993, 0.2301, 0.2745)]
    b = bert_nb(
        "w6",
        binacc="nosigmoid",
        epochs=ep,
        test=(0.2192, 0.2763),
        closing="The accuracy looks low but the loss goes down and the predictions "
        "below are right, so I think the model works.",
    )
    cases.append(
        _case(
            "wrong-binary-accuracy-no-sigmoid",
            "wrong_work",
            HW3,
            {"hw3_bert.ipynb": b.to_ipynb()},
            _hw3(
                (4.1, 5.65),
                {
                    "p4": "binary_accuracy rounds raw logits (no sigmoid) -> Q3a lost; "
                    "the logged/test accuracies (27.6%) are wrong because of it: "
                    "test-accuracy part lost or partial, Q3d partial; rest correct"
                },
            ),
            forbid={"p4": ["integrity"]},
        )
    )

    # W7: hw2, evaluate without model.eval()/no_grad; ViT reaches only 83%
    v = vit_nb("w7v", impl="einops", final=83.18, start=76.9, seed="w7", batch=256, epochs=8)
    b = bert_nb(
        "w7b",
        torchtext="0.6",
        evaluate="noeval",
        epochs=_bert_epochs("w7", 0.9059),
        test=(0.2270, 0.9066),
    )
    cases.append(
        _case(
            "wrong-eval-mode-and-vit-83",
            "wrong_work",
            HW2,
            {"vit.ipynb": v.to_ipynb(), "bert.ipynb": b.to_ipynb()},
            _hw2(
                (2.25, 2.5),
                (3.5, 3.875),
                {
                    "p4": "ViT to spec, executed 8-epoch log, final 83.18% (80-85%) -> half of the "
                    "accuracy part",
                    "p5": "evaluate() has no model.eval() and no torch.no_grad() (dropout active, "
                    "graph built) -> Q3c partial or lost; everything else correct, test 90.66%",
                },
            ),
            forbid={"p4": ["integrity"], "p5": ["integrity"]},
        )
    )
    return cases


def cases() -> list[Case]:
    return _titles() + _markers() + _colab() + _pdfs() + _integrity() + _wrong()
