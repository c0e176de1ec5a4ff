"""Check kind ``training_log``: executed cells show the required epochs of training.

params:
  epochs: how many epochs the log must show;
  epoch: regex whose group 1 is the epoch number;
  metrics: {name: regex} read from each epoch's lines (the first non-empty group counts;
           a metric whose name ends in ``acc`` written as a fraction is read as percent);
           a log printed as a table (a header with an epoch column, one row per epoch) is
           read too, each header cell matched by the metrics' patterns;
  slips: [{name, code: regex matched within one code cell (or, with ``in_loop: true``,
         within one loop), penalty: share of the part lost}].
The parsed per-epoch values go into the evidence's ``data`` (reports plot them).
"""

from __future__ import annotations

import re

from grader.document import Block
from grader.results import FAIL, FLAG_REVIEW, PARTIAL, PASS, CheckOutcome, Evidence

from .base import CheckContext
from .cells import as_percent, excerpt, integrity_outcome, missing_outcome, trusted, unquoted_keys
from .code_reading import constants, loop_runs, loop_sources

REQUIRED_PARAMS = ("epochs", "epoch", "metrics")
MIN_METRICS_PER_LINE = 2  # a line of a log with no epoch numbers: two metrics or more
OPTIONAL_PARAMS = ("slips",)  # any other key is a rubric error


def _first_group(match: re.Match) -> float | None:
    for group in match.groups():
        if group:
            try:
                return float(group)
            except ValueError:
                return None
    return None


def parse_log(text: str, epoch_pattern: str, metrics: dict[str, str]) -> list[dict]:
    """Per-epoch records ``{"epoch": n, metric: value, …}`` found in a log text (a printed
    dict's keys read as a log line's)."""
    text = unquoted_keys(text)
    epoch_re = re.compile(epoch_pattern, re.I)
    starts = list(epoch_re.finditer(text))
    records: dict[int, dict] = {}
    for i, match in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        chunk = text[match.start() : end]
        record = {}
        for name, pattern in metrics.items():
            found = re.search(pattern, chunk, re.I)
            value = _first_group(found) if found else None
            if value is not None and name.endswith("acc"):
                value = as_percent(value)
            if value is not None:
                record[name] = value
        if record:
            records[int(match.group(1))] = {"epoch": int(match.group(1)), **record}
    return [records[k] for k in sorted(records)]


def parse_lines(text: str, metrics: dict[str, str]) -> list[dict]:
    """Per-epoch records from a log whose metric lines carry no epoch number (a progress bar
    shows it elsewhere): each line with at least two of the metrics is the next epoch. Used
    only up to as many epochs as the log numbers."""
    compiled = {name: re.compile(pattern, re.I) for name, pattern in metrics.items()}
    records = []
    for line in unquoted_keys(text).splitlines():
        record = {}
        for name, pattern in compiled.items():
            found = pattern.search(line)
            value = _first_group(found) if found else None
            if value is not None:
                record[name] = as_percent(value) if name.endswith("acc") else value
        if len(record) >= MIN_METRICS_PER_LINE:
            records.append({"epoch": len(records) + 1, **record})
    return records


MAX_TABLE_COLUMNS = 20  # a wider line is no header of a training log


def _cells(line: str) -> list[str]:
    """A table line's cells: split at "|" where it has one, else at white space."""
    line = line.strip().strip("|")
    return [c.strip() for c in line.split("|")] if "|" in line else line.split()


def _header(cells: list[str], metrics: dict[str, str]) -> dict[str, int] | None:
    """Column of the epoch and of each metric, when ``cells`` head a log table: an epoch
    column and two metrics or more. A header cell names a metric when the metric's own
    pattern reads it followed by a value ("train loss" → ``Train Loss 1``)."""
    if len(cells) > MAX_TABLE_COLUMNS:
        return None
    epoch = next((i for i, c in enumerate(cells) if c.lower() in ("epoch", "epochs", "ep")), None)
    if epoch is None:
        return None
    columns = {"epoch": epoch}
    for name, pattern in metrics.items():
        for i, cell in enumerate(cells):
            if i not in columns.values() and re.match(pattern, f"{cell} 1", re.I):
                columns[name] = i
                break
    return columns if len(columns) > MIN_METRICS_PER_LINE else None


def _table_row(cells: list[str], columns: dict[str, int], width: int) -> dict | None:
    """One epoch's record from a row of the table, or None when the row is not one."""
    if len(cells) != width or not cells[columns["epoch"]].isdigit():
        return None
    record: dict = {"epoch": int(cells[columns["epoch"]])}
    for name, i in columns.items():
        if name == "epoch":
            continue
        try:
            value = float(cells[i].rstrip("%"))
        except ValueError:
            return None
        record[name] = as_percent(value) if name.endswith("acc") else value
    return record


def parse_table(text: str, metrics: dict[str, str]) -> list[dict]:
    """Per-epoch records from a log printed as a table: a header naming an epoch column and
    two metrics or more (``epoch | train loss | val acc``, or one word per column), then one
    row per epoch; a rule of dashes under the header is skipped (a printed dict's keys read as a
    log line's, as every parser here reads them)."""
    records: dict[int, dict] = {}
    columns, width = None, 0
    for line in unquoted_keys(text).splitlines():
        cells = _cells(line)
        if columns is not None:
            row = _table_row(cells, columns, width)
            if row is not None:
                records[row["epoch"]] = row
                continue
            if line.strip() and not set(line.strip()) <= set("-=+|: "):
                columns = None
        if columns is None and (header := _header(cells, metrics)):
            columns, width = header, len(cells)
    return [records[k] for k in sorted(records)]


def _log_of(blocks: list[Block]) -> str:
    """The blocks' text as one log (each parser reads a printed dict's keys itself)."""
    return "\n".join(b.text for b in blocks)


def _loop_runs(ctx: CheckContext, log_blocks: list[Block]) -> int | None:
    """How many times the loop of the cell that printed the log runs, when it can be told."""
    if not log_blocks:
        return None
    log = log_blocks[0]
    cell = next(
        (
            b
            for b in reversed(ctx.document.blocks[: log.index])
            if b.kind == "code" and b.source == log.source
        ),
        None,
    )
    if cell is None:
        return None
    return loop_runs(cell.text, constants(ctx.blocks("code")))


def check(ctx: CheckContext) -> CheckOutcome:
    """Count the logged epochs and look for methodological slips."""
    params = ctx.params
    needed = int(params["epochs"])
    want = f"a log of at least {needed} epochs ({', '.join(params['metrics'])})"
    usable, _ = trusted(ctx.blocks("output"))
    log_text = _log_of(usable)
    records = parse_log(log_text, params["epoch"], params["metrics"])
    by_line = parse_lines(log_text, params["metrics"])
    numbered = {m.group(1) for m in re.finditer(params["epoch"], log_text, re.I)}
    if len(records) < min(len(by_line), len(numbered)):  # no more epochs than it numbers
        records = by_line[: len(numbered)]
    table = parse_table(log_text, params["metrics"])
    if len(table) > len(records):
        records = table
    if not records:
        prose_blocks = ctx.blocks("prose")
        prose = _log_of(prose_blocks)
        if parse_log(prose, params["epoch"], params["metrics"]) or parse_table(
            prose, params["metrics"]
        ):
            return integrity_outcome(prose_blocks[0], want, "the training log")
        return missing_outcome(want, "training log in the outputs of executed cells")
    if records is table:  # the blocks that hold the table are the log
        log_blocks = [b for b in usable if parse_table(b.text, params["metrics"])]
    else:
        log_blocks = [b for b in usable if re.search(params["epoch"], unquoted_keys(b.text), re.I)]
    where = log_blocks[0].where() if log_blocks else ""
    strength = log_blocks[0].strength if log_blocks else ""
    summary = "; ".join(
        f"epoch {r['epoch']}: " + ", ".join(f"{k} {v:g}" for k, v in r.items() if k != "epoch")
        for r in records
    )
    fraction = min(1.0, len(records) / needed)
    notes = [] if len(records) >= needed else [f"only {len(records)} of {needed} epochs logged"]
    flags: list[str] = []
    runs = _loop_runs(ctx, log_blocks)
    if runs is not None and len(records) > runs:
        # the log cannot come from the cell as saved: edited after it ran, or pasted
        notes.append(f"the log shows {len(records)} epochs but the cell's loop runs {runs}")
        flags.append(FLAG_REVIEW)
    cells = [b.text for b in ctx.blocks("code")]
    loops = loop_sources(ctx.blocks("code"))
    for slip in params.get("slips", []):
        searched = loops if slip.get("in_loop") else cells
        if any(re.search(slip["code"], text) for text in searched):
            fraction *= 1 - float(slip.get("penalty", 0.5))
            notes.append(slip["name"])
            flags.append(FLAG_REVIEW)
    status = PASS if fraction == 1.0 else PARTIAL if fraction > 0 else FAIL
    reason = "; ".join(notes) if notes else f"{len(records)} epochs logged by executed cells"
    data = {"epochs": records}
    return CheckOutcome(
        fraction,
        status,
        [Evidence(excerpt(summary, 600), want, reason, where, strength, data)],
        flags,
        "; ".join(notes),
    )


def validate(params: dict, place: str) -> None:
    """Each slip has a name and a code regex, and only the keys this kind reads."""
    for i, slip in enumerate(params.get("slips", [])):
        if not isinstance(slip, dict) or not {"name", "code"} <= set(slip):
            raise ValueError(f"{place}: slips[{i}] needs 'name' and 'code'")
        extra = sorted(set(slip) - {"name", "code", "in_loop", "penalty"})
        if extra:
            raise ValueError(f"{place}: slips[{i}] has unknown key '{extra[0]}'")
