"""Reference function tests: correct student code passes, each classic mistake fails,
and the failure shows the input, the expected value and what came back."""

from __future__ import annotations

from conftest import test_functions

from grader.sandbox.functions import FAILED, MISSING, PASSED

TRAIN = """
def train(model, iterator, optimizer, criterion):
    epoch_loss = 0
    epoch_acc = 0
    model.train()
    for batch in iterator:
        {zero}
        predictions = model(batch.text).squeeze(1)
        loss = criterion(predictions, batch.label)
        acc = binary_accuracy(predictions, batch.label)
        loss.backward()
        optimizer.step()
        epoch_loss += loss.item()
        epoch_acc += acc.item()
    return epoch_loss / len(iterator), epoch_acc / len(iterator)
"""
EVALUATE = """
def evaluate(model, iterator, criterion):
    epoch_loss = epoch_acc = 0
    {mode}
    {grad}
        for batch in iterator:
            predictions = model(batch.text).squeeze(1)
            epoch_loss += criterion(predictions, batch.label).item()
            epoch_acc += binary_accuracy(predictions, batch.label).item()
    return epoch_loss / len(iterator), epoch_acc / len(iterator)
"""
PREDICT = """
def predict_sentiment(model, tokenizer, sentence):
    model.eval()
    tokens = tokenizer.tokenize(sentence){cut}
    indexed = [init_token_idx] + tokenizer.convert_tokens_to_ids(tokens) + [eos_token_idx]
    tensor = torch.LongTensor(indexed).to(device).unsqueeze(0)
    return torch.sigmoid(model(tensor)).item()
"""
VIT = """
import torch
from torch import nn
from einops import rearrange, repeat
from einops.layers.torch import Rearrange

class Attention(nn.Module):
    def __init__(self, dim, heads=8, dim_head=64):
        super().__init__()
        inner = dim_head * heads
        self.heads, self.scale = heads, dim_head ** -0.5
        self.to_qkv = nn.Linear(dim, inner * 3, bias=False)
        self.to_out = nn.Linear(inner, dim)
    def forward(self, x):
        q, k, v = map(lambda t: rearrange(t, 'b n (h d) -> b h n d', h=self.heads), self.to_qkv(x).chunk(3, dim=-1))
        attn = (q @ k.transpose(-1, -2) * self.scale).softmax(dim=-1)
        return self.to_out(rearrange(attn @ v, 'b h n d -> b n (h d)'))

class ViT(nn.Module):
    def __init__(self, *, image_size, patch_size, num_classes, dim, depth, heads, mlp_dim, channels=3, dim_head={dim_head}):
        super().__init__()
        n = (image_size // patch_size) ** 2
        self.embed = nn.Sequential(Rearrange('b c (h p1) (w p2) -> b (h w) (p1 p2 c)', p1=patch_size, p2=patch_size), nn.Linear(channels * patch_size ** 2, dim))
        self.pos = nn.Parameter(torch.randn(1, n + 1, dim))
        self.cls = nn.Parameter(torch.randn(1, 1, dim))
        self.layers = nn.ModuleList([nn.ModuleList([nn.LayerNorm(dim), Attention(dim, heads, dim_head), nn.LayerNorm(dim), nn.Sequential(nn.Linear(dim, mlp_dim), nn.ReLU(), nn.Linear(mlp_dim, dim))]) for _ in range(depth)])
        self.head = nn.Sequential(nn.LayerNorm(dim), nn.Linear(dim, num_classes))
    def forward(self, img):
        x = self.embed(img)
        x = torch.cat((repeat(self.cls, '() n d -> b n d', b=x.shape[0]), x), dim=1) + self.pos
        for n1, attn, n2, ff in self.layers:
            x = attn(n1(x)) + x
            x = ff(n2(x)) + x
        return self.head(x[:, 0])
"""


def test_binary_accuracy_counting_positive_predictions_fails() -> None:
    wrong = "import torch\ndef binary_accuracy(preds, y):\n    return (torch.round(torch.sigmoid(preds)) == 1).float().sum() / len(y)"
    report = test_functions(wrong)["binary_accuracy"]
    assert report.status == FAILED
    mixed = next(v for v in report.failed if v.name == "mixed batch")
    assert (mixed.expected, mixed.found) == ("0.8", "0.6")
    assert "y = [1, 0, 0, 0, 1]" in mixed.given


def test_binary_accuracy_returning_a_python_float_passes() -> None:
    right = "import torch\ndef binary_accuracy(preds, y):\n    return float(((preds > 0).float() == y).sum()) / len(y)"
    assert test_functions(right)["binary_accuracy"].status == PASSED


def test_count_parameters_must_skip_frozen_ones() -> None:
    right = "def count_parameters(model):\n    return sum(p.numel() for p in model.parameters() if p.requires_grad)"
    wrong = "def count_parameters(model):\n    return sum(p.numel() for p in model.parameters())"
    assert (
        test_functions(right, functions=("count_parameters",))["count_parameters"].status == PASSED
    )
    report = test_functions(wrong, functions=("count_parameters",))["count_parameters"]
    assert [v.name for v in report.failed] == ["Linear(10, 3) frozen, then Linear(3, 2)"]
    assert (report.failed[0].expected, report.failed[0].found) == ("8", "41")


def test_train_and_evaluate_pass_when_written_as_in_the_homework() -> None:
    reports = test_functions(
        TRAIN.format(zero="optimizer.zero_grad()"),
        EVALUATE.format(mode="model.eval()", grad="with torch.no_grad():"),
        functions=("train", "evaluate"),
    )
    assert reports["train"].status == PASSED, reports["train"].failed
    assert reports["evaluate"].status == PASSED, reports["evaluate"].failed


def test_train_without_zero_grad_fails() -> None:
    report = test_functions(TRAIN.format(zero="pass"), functions=("train",))["train"]
    failed = {v.name: v for v in report.failed}
    assert failed["zero_grad calls"].found == "0"
    assert "parameters after the epoch" in failed  # gradients piled up


def test_evaluate_in_training_mode_with_gradients_fails() -> None:
    source = EVALUATE.format(mode="model.train()", grad="if True:")
    report = test_functions(source, functions=("evaluate",))["evaluate"]
    failed = {v.name for v in report.failed}
    assert failed == {"model in eval mode", "gradients disabled"}


def test_epoch_time() -> None:
    right = (
        "def epoch_time(s, e):\n    t = e - s\n    m = int(t / 60)\n    return m, int(t - m * 60)"
    )
    wrong = "def epoch_time(s, e):\n    return 0, int(e - s)"
    assert test_functions(right, functions=("epoch_time",))["epoch_time"].status == PASSED
    assert test_functions(wrong, functions=("epoch_time",))["epoch_time"].status == FAILED


def test_predict_sentiment_with_the_offline_bert() -> None:
    right = PREDICT.format(cut="[:max_input_length - 2]")
    uncut = PREDICT.format(cut="")
    reports = test_functions(right, functions=("predict_sentiment",))
    assert reports["predict_sentiment"].status == PASSED, reports["predict_sentiment"].failed
    report = test_functions(uncut, functions=("predict_sentiment",))["predict_sentiment"]
    assert report.status == FAILED
    assert all(v.name.startswith("longer than") for v in report.failed)


def test_vit_built_to_spec_passes_whatever_its_width_and_its_shape_is_checked() -> None:
    """The homework fixes patch size, depth and heads, not the width: a ViT with another
    head size (another parameter count than the handout's class) is valid (issue 1/5)."""
    for dim_head in ("64", "16"):
        report = test_functions(VIT.replace("{dim_head}", dim_head), functions=("ViT",))["ViT"]
        assert report.status == PASSED, (dim_head, report.failed)
    unpooled = VIT.replace("{dim_head}", "64").replace("self.head(x[:, 0])", "self.head(x)")
    report = test_functions(unpooled, functions=("ViT",))["ViT"]
    assert [(v.name, v.expected) for v in report.failed] == [("output shape", "[2, 10]")]


def test_a_class_without_some_of_the_suites_settings_is_built_with_its_own() -> None:
    """``ViT(image_size, patch_size, channels, num_classes, depth, heads)`` with no ``dim`` or
    ``mlp_dim``: it is built with the settings it takes, not refused."""
    own = VIT.replace(
        "num_classes, dim, depth, heads, mlp_dim, channels=3, dim_head={dim_head}",
        "num_classes, depth, heads, channels=3, dim=48, mlp_dim=96, dim_head=16",
    )
    report = test_functions(own, functions=("ViT",))["ViT"]
    assert report.status == PASSED, report.failed


def test_a_function_that_is_not_defined_is_missing() -> None:
    report = test_functions("x = 1", functions=("epoch_time",))["epoch_time"]
    assert report.status == MISSING


def test_other_cells_are_not_run() -> None:
    source = "import torch\nraise SystemExit('top-level code must not run')\ndef binary_accuracy(p, y):\n    return ((p > 0).float() == y).float().mean()"
    assert test_functions(source)["binary_accuracy"].status == PASSED


def test_failing_tests_with_a_complete_static_reading_are_flagged(tmp_path) -> None:
    """A ViT built from nn.TransformerEncoderLayer, under another name, passes; one whose head
    ignores ``num_classes`` has every piece the static reading asks for but the wrong output
    shape: the tests' score stands and a TA is asked to look."""
    from builders import code, markdown, write_notebook

    from grader.checks.base import GradeOptions
    from grader.grade import grade_path
    from grader.results import FLAG_REVIEW
    from grader.rubric import load_rubric

    vit = (
        "import torch\nfrom torch import nn\n\n"
        "class ViT(nn.Module):\n"
        "    def __init__(self, *, image_size, patch_size, num_classes, dim, depth, heads, mlp_dim, channels=1):\n"
        "        super().__init__()\n"
        "        n = (image_size // patch_size) ** 2\n"
        "        self.patch = patch_size\n"
        "        self.embed = nn.Linear(channels * patch_size ** 2, dim)\n"
        "        self.cls_token = nn.Parameter(torch.zeros(1, 1, dim))\n"
        "        self.pos = nn.Parameter(torch.zeros(1, n + 1, dim))\n"
        "        layer = nn.TransformerEncoderLayer(dim, heads, mlp_dim, batch_first=True)\n"
        "        self.encoder = nn.TransformerEncoder(layer, depth, enable_nested_tensor=False)\n"
        "        self.head = nn.Linear(dim, {classes})\n\n"
        "    def forward(self, img):\n"
        "        b, c, h, w = img.shape\n"
        "        p = self.patch\n"
        "        x = img.unfold(2, p, p).unfold(3, p, p).reshape(b, c, -1, p * p).permute(0, 2, 1, 3).reshape(b, -1, c * p * p)\n"
        "        x = torch.cat([self.cls_token.expand(b, -1, -1), self.embed(x)], dim=1) + self.pos\n"
        "        return self.head(self.encoder(x)[:, 0])\n"
    )

    def graded(source: str) -> object:
        path = write_notebook(
            tmp_path / "vit.ipynb", markdown("## 4. Vision Transformers"), code(source)
        )
        rubric = load_rubric("hw2-2024")
        return grade_path(path, rubric, GradeOptions()).problems["p4"].parts["p4.class"]

    part = graded(vit.format(classes="num_classes").replace("class ViT", "class VisionTransformer"))
    assert part.score == part.max and part.flags == [], part.evidence
    part = graded(vit.format(classes="5"))
    assert part.score < part.max
    assert FLAG_REVIEW in part.flags
    assert any("output shape" in e["reason"] for e in part.evidence)
