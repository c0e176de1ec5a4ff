"""Check kind ``param_count``: the printed parameter count of the BERT-GRU model.

The expected count is computed (``reference.params``) for the hyperparameters the student
actually chose, so a count that is right for their own (wrong) hyperparameters is
recognised as consistent and earns this part; the wrong hyperparameters cost points in
the hyperparameters part instead.

params:
  cell_marker: the question marker of the printing cell (``Q2b`` / ``Q2c``);
  count: ``total`` (before freezing BERT) or ``trainable`` (after freezing).
"""

from __future__ import annotations

import re

from grader.results import FAIL, PASS, CheckOutcome
from reference.params import bert_gru_param_counts

from .base import CheckContext
from .cells import (
    error_outcome,
    evidence,
    find_cells,
    integrity_outcome,
    missing_outcome,
    numbers,
    outputs_after,
    prose_claim,
    trusted,
)
from .hyperparameters import read_values

REQUIRED_PARAMS = ("cell_marker", "count")
OPTIONAL_PARAMS: tuple[str, ...] = ()  # any other key is a rubric error

# How the homework names the model's hyperparameters, and the spec's values.
SPEC = {"HIDDEN_DIM": 256, "OUTPUT_DIM": 1, "N_LAYERS": 2, "BIDIRECTIONAL": True}
CONSTRUCTOR = "BERTGRUSentiment"
POSITIONAL = ["bert", "HIDDEN_DIM", "OUTPUT_DIM", "N_LAYERS", "BIDIRECTIONAL", "DROPOUT"]


def expected_counts(values: dict[str, object]) -> tuple[int, int]:
    """(total, trainable) for the given hyperparameters, spec values filling the gaps."""
    chosen = {**SPEC, **{k: v for k, v in values.items() if k in SPEC}}
    return bert_gru_param_counts(
        hidden_dim=int(chosen["HIDDEN_DIM"]),
        n_layers=int(chosen["N_LAYERS"]),
        bidirectional=bool(chosen["BIDIRECTIONAL"]),
        output_dim=int(chosen["OUTPUT_DIM"]),
    )


def _unmarked(ctx: CheckContext, counts: set[int]) -> list:
    """With no marker: the problem's cells whose output prints one of the right counts."""
    found = []
    for cell in ctx.blocks("code"):
        usable, _ = trusted(outputs_after(ctx, cell))
        if any(counts & {int(n) for n in numbers(o.text) if n.is_integer()} for o in usable):
            found.append(cell)
    return found


def check(ctx: CheckContext) -> CheckOutcome:
    """Compare the printed count with the count for the student's hyperparameters."""
    which = ctx.params["count"]
    index = 0 if which == "total" else 1
    spec_count = expected_counts({})[index]
    values = read_values(ctx.blocks("code"), list(SPEC), CONSTRUCTOR, POSITIONAL)
    own_count = expected_counts(values)[index]
    other_count = expected_counts(values)[1 - index]
    want = f"{spec_count:,}" + (
        f" ({own_count:,} for the student's hyperparameters)" if own_count != spec_count else ""
    )
    what = ctx.part.title
    cells = find_cells(ctx, ctx.params["cell_marker"]) or _unmarked(ctx, {spec_count, own_count})
    outputs = [o for cell in cells for o in outputs_after(ctx, cell)]
    usable, errors = trusted(outputs)
    for block in usable:
        printed = {int(n) for n in numbers(block.text) if n.is_integer()}
        if spec_count in printed:
            return CheckOutcome(
                1.0, PASS, [evidence(block, want, "the printed count matches the specification")]
            )
        if own_count in printed:
            reason = "the count is right for the hyperparameters the student chose (consistent)"
            return CheckOutcome(
                1.0,
                PASS,
                [evidence(block, want, reason)],
                feedback="Count consistent with your hyperparameters.",
            )
        if other_count in printed:
            mistake = (
                "BERT was not frozen: this is the total count"
                if which == "trainable"
                else "this is the count after freezing, not before"
            )
            return CheckOutcome(0.0, FAIL, [evidence(block, want, mistake)], feedback=mistake)
    if errors:
        return error_outcome(errors[0], want, what)
    if usable:
        return CheckOutcome(
            0.0,
            FAIL,
            [evidence(usable[0], want, "the printed count is not the expected one")],
            feedback=f"Expected {want}.",
        )
    claim = prose_claim(ctx, re.compile(rf"{spec_count}|{spec_count:,}"))
    if claim is not None:
        return integrity_outcome(claim, want, what)
    return missing_outcome(want, what.lower())
