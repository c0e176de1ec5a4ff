"""Finding code cells and their outputs, and judging how far an output can be trusted.

Shared by the notebook check kinds. The trust rules (issue 1):
* a number counts only when it comes from the output of an executed code cell;
* output from a notebook cell with no execution count, or a result that appears only in
  prose, earns nothing and raises the ``integrity`` flag;
* an error output earns nothing for what the cell should have produced;
* output recovered from a PDF counts, marked as weaker ("printed") evidence.
"""

from __future__ import annotations

import re

from grader.document import STRENGTH_UNEXECUTED, STRENGTH_UNEXPLAINED, Block
from grader.results import FAIL, FLAG_INTEGRITY, FLAG_REVIEW, MISSING, CheckOutcome, Evidence

from .base import CheckContext

# A notebook question's marker in any common style: "Q2b", "Q1_a", "Q1(a)", "Q2.c",
# "Question 1 a"; in a code comment or a markdown heading.
QUESTION = r"\bQ(?:uestion)?\s*{number}\s*[._(-]?\s*{letter}(?![a-z])"
ANY_MARKER = re.compile("#\\s*" + QUESTION.format(number=r"\d+", letter="[a-z]"), re.I)
ANY_QUESTION = re.compile(QUESTION.format(number=r"\d+", letter="[a-z]"), re.I)
MARKED_CELLS = 3  # code cells after a marked markdown heading that belong to its question
NUMBER = re.compile(r"(?<![\w.])[-+]?\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d+)?")


def marker_pattern(marker: str) -> re.Pattern:
    """Regex for a question marker such as ``Q2b``, in any common style ("# Q2b:",
    "Q2.b", "Q2_b", "Q2(b)", "Question 2 b")."""
    match = re.fullmatch(r"Q(\d+)([a-z]?)", marker, re.I)
    if not match:
        return re.compile(re.escape(marker), re.I)
    number, letter = match.groups()
    if not letter:
        return re.compile(rf"\bQ(?:uestion)?\s*{number}(?![\d.]\d)\b", re.I)
    return re.compile(QUESTION.format(number=number, letter=letter), re.I)


def cells_under_heading(ctx: CheckContext, pattern: re.Pattern) -> list[Block]:
    """Code cells after a markdown paragraph that carries the marker ("### Q1_a: Print the
    size…"), up to the next marked paragraph, at most ``MARKED_CELLS``."""
    found: list[Block] = []
    inside = False
    for block in ctx.blocks():
        if block.kind == "prose":
            if pattern.search(block.text[:200]):
                inside = True
                continue
            if inside and ANY_QUESTION.search(block.text[:200]):
                break
        elif block.kind == "code" and inside:
            found.append(block)
            if len(found) >= MARKED_CELLS:
                break
    return found


def find_cells(
    ctx: CheckContext, cell_marker: str | None = None, code_pattern: str | None = None
) -> list[Block]:
    """Code cells of the problem that carry the marker, or else match the code pattern."""
    code = ctx.blocks("code")
    if cell_marker:
        pattern = marker_pattern(cell_marker)
        marked = [b for b in code if pattern.search(b.text)]
        if marked:
            return marked
        marked = cells_under_heading(ctx, pattern)
        if marked:
            return marked
    if code_pattern:
        pattern = re.compile(code_pattern)
        return [b for b in code if pattern.search(b.text)]
    return []


def outputs_after(ctx: CheckContext, cell: Block, follow: int = 3) -> list[Block]:
    """Outputs of ``cell``; for a cell that is only a marker comment ("# Q4a. ..."), the
    outputs of up to ``follow`` later code cells, until the next marker."""
    doc = ctx.document
    outputs = list(doc.outputs_of(cell))
    if not comment_only(cell.text):
        return outputs
    later = [
        b for b in doc.blocks[cell.index + 1 :] if b.kind == "code" and b.source == cell.source
    ]
    for block in later[:follow]:
        if outputs or ANY_MARKER.search(block.text):
            break
        outputs.extend(doc.outputs_of(block))
    return outputs


def comment_only(code: str) -> bool:
    """Does a code cell hold only comments and blank lines (a marker cell such as "# Q4a.")?

    Checked line by line: the former single regex backtracked exponentially on indented,
    commented-out code (issue 2/5)."""
    return all(not line.strip() or line.lstrip().startswith("#") for line in code.splitlines())


def numbers(text: str) -> list[float]:
    """Every number in a text, commas in thousands removed."""
    found = []
    for token in NUMBER.findall(text):
        try:
            found.append(float(token.replace(",", "")))
        except ValueError:
            continue
    return found


QUOTED_KEY = re.compile(r"""(['"])(\w+)\1\s*:""")


def unquoted_keys(text: str) -> str:
    """A log printed as a dict, ``{'epoch': 1, 'train_loss': 0.33}``, with its keys written
    as a log line writes them (``epoch: 1, train_loss: 0.33``), so that a rubric's metric
    patterns read both."""
    return QUOTED_KEY.sub(r"\2:", text)


def as_percent(value: float) -> float:
    """An accuracy in percent: 0.9104 and 91.04 both read as 91.04 %."""
    return value * 100 if value <= 1 else value


def excerpt(text: str, limit: int = 300) -> str:
    """A short excerpt for evidence."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def trusted(outputs: list[Block]) -> tuple[list[Block], list[Block]]:
    """Split outputs into (usable, errors).

    Outputs that a code cell carries are usable, with or without an execution count: Colab
    saves none at all. An output without a count in a notebook whose other cells have counts
    is usable too, but its evidence is ``unexecuted`` and :func:`review_uncounted` flags the
    part for a TA (the cell's run cannot be placed in the notebook's order).
    """
    usable, errors = [], []
    for block in outputs:
        (errors if block.output_type == "error" else usable).append(block)
    return usable, errors


WEAK_OUTPUTS = {
    STRENGTH_UNEXECUTED: Evidence(
        "an output whose cell has no execution count",
        "outputs of cells run in order, each with its count",
        "other cells of this notebook have execution counts and this one has none: it "
        "may have been pasted or run out of order; the score is a suggestion for a TA",
    ),
    STRENGTH_UNEXPLAINED: Evidence(
        "an output its cell's code cannot have produced",
        "outputs that the cell's code prints or returns",
        "the cell as saved cannot show this output (it may have been edited after it ran, "
        "or the output pasted); the score is a suggestion for a TA",
    ),
}


def review_weak_outputs(outcome: CheckOutcome) -> CheckOutcome:
    """Flag a part whose credit rests on an output whose run cannot be placed: no execution
    count among counted cells, or an output its cell's code cannot have produced. The score
    stands as a suggestion for a TA; nobody is accused."""
    if outcome.fraction <= 0 or FLAG_REVIEW in outcome.flags:
        return outcome
    for strength, note in WEAK_OUTPUTS.items():
        if any(e.strength == strength for e in outcome.evidence):
            return outcome.for_review(Evidence(note.found, note.expected, note.reason))
    return outcome


def prose_claim(ctx: CheckContext, pattern: re.Pattern) -> Block | None:
    """A prose block of the problem (or the whole document) that states the result."""
    for block in ctx.blocks("prose"):
        if pattern.search(block.text):
            return block
    return None


def integrity_outcome(block: Block, expected: str, what: str) -> CheckOutcome:
    """No credit and an integrity flag: a result typed into prose, with no code that shows it."""
    reason = f"{what} appears only in typed text, not in the output of a code cell"
    return CheckOutcome(
        0.0,
        FAIL,
        [Evidence(excerpt(block.text), expected, reason, block.where(), block.strength)],
        [FLAG_INTEGRITY],
        "Results must come from executed code cells; a TA will look at this part.",
    )


def missing_outcome(expected: str, what: str) -> CheckOutcome:
    """No credit: the answer was not found anywhere."""
    return CheckOutcome(
        0.0,
        MISSING,
        [Evidence("(not found)", expected, f"no {what} was found in the submission")],
        [],
        f"No {what} found.",
    )


def error_outcome(block: Block, expected: str, what: str) -> CheckOutcome:
    """No credit: the cell that should produce the result raised an error."""
    first = block.text.strip().splitlines()[0] if block.text.strip() else "error"
    return CheckOutcome(
        0.0,
        FAIL,
        [
            Evidence(
                excerpt(first),
                expected,
                f"the cell that should show {what} raised an error",
                block.where(),
                block.strength,
            )
        ],
        [],
        f"The cell for {what} ended in an error.",
    )


def evidence(block: Block, expected: str, reason: str, found: str | None = None) -> Evidence:
    """Evidence pointing at a block."""
    return Evidence(
        excerpt(found if found is not None else block.text),
        expected,
        reason,
        block.where(),
        block.strength,
    )
