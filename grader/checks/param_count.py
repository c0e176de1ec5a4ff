"""Check kind ``param_count``: the printed parameter count of the BERT-GRU model.

The expected count is computed (``reference.params``) for the hyperparameters the student
actually chose, so a count that is right for their own (wrong) hyperparameters is
recognised as consistent and earns this part; the wrong hyperparameters cost points in
the hyperparameters part instead.

params:
  cell_marker: the question marker of the printing cell (``Q2b`` / ``Q2c``);
  count: ``total`` (before freezing BERT) or ``trainable`` (after freezing).

A trainable count that is right, printed by a notebook whose only freezing code
(``requires_grad = False``) targets something other than BERT (``name.startswith('rnn')``),
cannot come from that code: the part is lost, and flagged for a TA.
"""

from __future__ import annotations

import re

from grader.document import Block
from grader.results import FAIL, PASS, CheckOutcome, Evidence
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


FREEZING = re.compile(
    r"requires_grad\s*=\s*False|requires_grad_\(\s*(?:requires_grad\s*=\s*)?False"
)
FREEZE_CONTEXT = 2  # lines before a freezing statement that say what it applies to


def wrong_freezing(ctx: CheckContext) -> str | None:
    """The freezing code, when the problem's code freezes parameters and none of it names
    BERT (``bert``) in the statement or the lines just before it; else None."""
    found = []
    for cell in ctx.blocks("code"):
        lines = cell.text.splitlines()
        for i, line in enumerate(lines):
            if FREEZING.search(line.split("#", 1)[0]):
                context = "\n".join(lines[max(0, i - FREEZE_CONTEXT) : i + 1])
                if "bert" in context.lower():
                    return None
                found.append(context.strip())
    return found[0] if found else None


def _unmarked(ctx: CheckContext, counts: set[int]) -> list:
    """With no marker: the problem's cells whose output prints one of the right counts."""
    found = []
    for cell in ctx.blocks("code"):
        usable, _ = trusted(outputs_after(ctx, cell))
        if any(counts & {int(n) for n in numbers(o.text) if n.is_integer()} for o in usable):
            found.append(cell)
    return found


def _not_from_this_code(block: Block, want: str, freezing: str) -> CheckOutcome:
    """A right trainable count beside freezing code that leaves BERT trainable."""
    mistake = "the freezing code does not freeze BERT, so this count cannot come from it"
    note = Evidence(
        f"freezing code: {freezing}",
        "requires_grad = False on BERT's parameters (e.g. names starting with 'bert')",
        "this code freezes other parameters and leaves BERT trainable; the printed count "
        "is the head's alone: the score is a suggestion for a TA",
    )
    outcome = CheckOutcome(0.0, FAIL, [evidence(block, want, mistake)], feedback=mistake)
    return outcome.for_review(note)


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
        freezing = wrong_freezing(ctx) if which == "trainable" else None
        if freezing and printed & {spec_count, own_count}:
            return _not_from_this_code(block, want, freezing)
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
