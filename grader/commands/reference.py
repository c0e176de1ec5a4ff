"""``grader reference``: the reference solutions' parameter counts and training runs.

torch and transformers are imported only when a command needs them, so the rest of the
command line starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reference.config import TASKS, load_task_config
from reference.errors import ReferenceSetupError
from reference.params import bert_gru_param_counts, vit_param_count


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(2)


@click.group("reference")
def reference() -> None:
    """Reference solutions: ViT on FashionMNIST and BERT-GRU on IMDB."""


@reference.command("params")
@click.option("--hidden-dim", type=click.IntRange(min=1), help="GRU hidden size (homework: 256).")
@click.option("--n-layers", type=click.IntRange(min=1), help="GRU layers (homework: 2).")
@click.option("--bidirectional", type=click.BOOL, help="true or false (homework: true).")
@click.option("--output-dim", type=click.IntRange(min=1), help="Outputs (homework: 1).")
def params(
    hidden_dim: int | None, n_layers: int | None, bidirectional: bool | None, output_dim: int | None
) -> None:
    """Print the parameter counts of the homework's ViT and of BERT-GRU (bert-base-uncased)."""
    try:
        vit = load_task_config("vit")["model"]
        sentiment = load_task_config("sentiment")["model"]
    except ReferenceSetupError as exc:
        _fail(str(exc))
    chosen = {
        "hidden_dim": sentiment["hidden_dim"] if hidden_dim is None else hidden_dim,
        "n_layers": sentiment["n_layers"] if n_layers is None else n_layers,
        "bidirectional": sentiment["bidirectional"] if bidirectional is None else bidirectional,
        "output_dim": sentiment["output_dim"] if output_dim is None else output_dim,
    }
    total, trainable = bert_gru_param_counts(**chosen)
    vit_settings = ", ".join(f"{key} {value}" for key, value in vit.items())
    click.echo(f"ViT ({vit_settings}): {vit_param_count(**vit):,} parameters")
    layers = f"{chosen['n_layers']} layer" + ("s" if chosen["n_layers"] != 1 else "")
    direction = "bidirectional" if chosen["bidirectional"] else "unidirectional"
    click.echo(
        f"BERT-GRU (bert-base-uncased, hidden {chosen['hidden_dim']}, {layers}, {direction}, "
        f"output {chosen['output_dim']}): {total:,} total, "
        f"{trainable:,} trainable after freezing BERT"
    )


@reference.command("train")
@click.argument("task", type=click.Choice(TASKS))
@click.option(
    "--data-dir",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder holding FashionMNIST/raw (vit) or aclImdb (sentiment).",
)
@click.option(
    "--bert", help="BERT folder or cached model name (sentiment; default bert-base-uncased)."
)
@click.option(
    "--device", type=click.Choice(["auto", "cpu", "cuda"]), default="auto", show_default=True
)
@click.option("--epochs", type=click.IntRange(min=1), help="Epochs (default: the homework's).")
@click.option(
    "--limit", type=click.IntRange(min=1), help="At most N examples per split (smoke runs)."
)
@click.option("--seed", type=int, help="Training seed (default: the homework's).")
@click.option(
    "--mode",
    type=click.Choice(["faithful", "fast"]),
    default="faithful",
    show_default=True,
    help="sentiment: fast caches BERT features once (no BERT dropout while training).",
)
@click.option("--compile", "compile_", is_flag=True, help="torch.compile the model (or BERT).")
@click.option("--amp/--no-amp", default=True, show_default=True, help="bf16 autocast on CUDA.")
@click.option("--batch-size", type=click.IntRange(min=1), help="Training batch size override.")
@click.option(
    "--out", required=True, type=click.Path(path_type=Path, dir_okay=False), help="Results JSON."
)
@click.option("--no-progress", is_flag=True, help="No progress bars or epoch lines.")
def train(
    task: str,
    data_dir: Path,
    bert: str | None,
    device: str,
    epochs: int | None,
    limit: int | None,
    seed: int | None,
    mode: str,
    compile_: bool,
    amp: bool,
    batch_size: int | None,
    out: Path,
    no_progress: bool,
) -> None:
    """Train TASK (vit or sentiment) offline and write a results file."""
    from reference.run import RunOptions, run_reference

    options = RunOptions(
        task=task,
        data_dir=data_dir,
        out=out,
        device=device,
        epochs=epochs,
        limit=limit,
        seed=seed,
        mode=mode,
        compile=compile_,
        amp=amp,
        bert=bert,
        batch_size=batch_size,
        progress=not no_progress,
    )
    try:
        results = run_reference(options)
    except ReferenceSetupError as exc:
        _fail(str(exc))
    test = results["test"]
    click.echo(
        f"{task}: test loss {test['loss']:.4f}, accuracy {100 * test['acc']:.2f}% "
        f"on {results['device']}; results in {out}"
    )
