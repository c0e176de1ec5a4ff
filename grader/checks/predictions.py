"""Check kind ``predictions``: sentiment predictions on given (or chosen) reviews.

params:
  function: the prediction function called in the cells (``predict_sentiment``);
  sentences: [{text, positive}] reviews that must be scored on the correct side of 0.5; or
  others: how many further reviews (not in ``exclude``) must be scored with a probability.
Recognised slips: labels printed instead of probabilities; a label mapping that inverts
what the probability means (``{'pos': 0, 'neg': 1}`` in the output).
"""

from __future__ import annotations

import re

from grader.document import Block
from grader.results import FAIL, FLAG_REVIEW, PARTIAL, PASS, CheckOutcome, Evidence

from .base import CheckContext
from .cells import excerpt, missing_outcome, numbers, outputs_after, trusted

REQUIRED_PARAMS = ("function",)
OPTIONAL_PARAMS = ("exclude", "others", "sentences")  # any other key is a rubric error
LABEL_WORDS = re.compile(r"^\W*(pos|neg|positive|negative|[01])\W*$", re.I)
INVERTED_MAPPING = re.compile(r"""['"]pos['"]\s*:\s*0\b.*|['"]neg['"]\s*:\s*1\b""")


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def scored_reviews(ctx: CheckContext, function: str) -> list[tuple[str, str, Block]]:
    """(review text, output text, output block) for each call of the function with a literal."""
    # the literal ends at its closing quote, or at the end of the line where a printed
    # notebook's code box clipped it ('predict_sentiment(model, tok, "Justice … it.')
    call = re.compile(
        rf"{re.escape(function)}\s*\((?:[^'\"]*?,)?\s*(['\"])(.*?)(?:(?<!\\)\1|(?=\n|\Z))", re.S
    )
    found = []
    definition = re.compile(rf"^def\s+{re.escape(function)}\b.*?(?=^\S|\Z)", re.M | re.S)
    for cell in ctx.blocks("code"):
        # a PDF may glue the definition and the first call into one block
        matches = list(call.finditer(definition.sub("", cell.text)))
        usable, _ = trusted(outputs_after(ctx, cell, follow=0))
        for match, output in zip(matches, usable, strict=False):
            found.append((_normalise(match.group(2)), output.text.strip(), output))
    return found


ECHO_WORDS = 3  # an output line that echoes a review holds at least this many words


def echoed_reviews(ctx: CheckContext, function: str) -> list[tuple[str, str, Block]]:
    """(output line, probability, output block) for output lines that echo the review they
    score, as a loop over a list of reviews prints them ("0.0510  negative  | Justice
    League is terrible…"): one probability in [0, 1] and words besides."""
    calls = re.compile(rf"\b{re.escape(function)}\s*\(")
    found = []
    for cell in ctx.blocks("code"):
        if not calls.search(cell.text):
            continue
        usable, _ = trusted(outputs_after(ctx, cell, follow=0))
        for output in usable:
            for line in output.text.splitlines():
                values = [v for v in numbers(line) if 0.0 <= v <= 1.0]
                words = re.findall(r"[A-Za-z']+", line)
                if len(values) == 1 and len(words) >= ECHO_WORDS:
                    found.append((_normalise(line), f"{values[0]:g}", output))
    return found


def _probability(text: str) -> float | None:
    values = numbers(text)
    if len(values) == 1 and 0.0 <= values[0] <= 1.0 and not LABEL_WORDS.match(text):
        return values[0]
    return None


def check(ctx: CheckContext) -> CheckOutcome:
    """Score the listed reviews, or count the student's own."""
    params = ctx.params
    reviews = scored_reviews(ctx, params["function"])
    read = {block.index for _, _, block in reviews}  # an output read once, either way
    reviews += [r for r in echoed_reviews(ctx, params["function"]) if r[2].index not in read]
    inverted = any(
        INVERTED_MAPPING.search(b.text) for b in ctx.document.blocks if b.kind == "output"
    )
    if "sentences" in params:
        outcome = _given(params["sentences"], reviews, inverted)
    else:
        outcome = _others(int(params.get("others", 2)), params.get("exclude", []), reviews)
    if inverted and outcome.fraction > 0:
        outcome.fraction *= 0.5
        outcome.status = PARTIAL
        outcome.flags.append(FLAG_REVIEW)
        note = "label mapping {'pos': 0, 'neg': 1} inverts what the probability means"
        outcome.feedback = "; ".join(filter(None, [outcome.feedback, note]))
        outcome.evidence.append(Evidence(note, "{'neg': 0, 'pos': 1}", note, "outputs", ""))
    return outcome


def _given(sentences: list[dict], reviews: list, inverted: bool) -> CheckOutcome:
    right, notes, shown, where = 0, [], [], ""
    labels = False
    for sentence in sentences:
        key = _normalise(sentence["text"])
        scored = [(out, block) for text, out, block in reviews if key == text or key in text]
        if not scored:
            notes.append(f"no prediction shown for “{sentence['text']}”")
            continue
        out, block = scored[0]
        where = block.where()  # the last shown: later blocks are what no part has read
        shown.append(f"“{sentence['text']}” → {excerpt(out, 60)}")
        probability = _probability(out)
        if probability is None:
            labels = labels or bool(LABEL_WORDS.match(out))
            notes.append(f"“{sentence['text']}” gave {excerpt(out, 40)}, not a probability")
            continue
        if (probability > 0.5) == bool(sentence["positive"]):
            right += 1
        else:
            notes.append(f"“{sentence['text']}” scored {probability:.3f}, the wrong side of 0.5")
    if labels:
        notes.append("predictions printed as labels rather than probabilities")
    want = "; ".join(f"“{s['text']}” {'> 0.5' if s['positive'] else '< 0.5'}" for s in sentences)
    if not shown:
        return missing_outcome(want, "prediction for the given reviews")
    fraction = right / len(sentences)
    status = PASS if fraction == 1 else PARTIAL if fraction else FAIL
    reason = "; ".join(notes) or "every review scored on the correct side of 0.5"
    return CheckOutcome(
        fraction,
        status,
        [Evidence("; ".join(shown), want, reason, where, "")],
        feedback="; ".join(notes),
    )


def _others(needed: int, exclude: list[str], reviews: list) -> CheckOutcome:
    skip = [_normalise(t) for t in exclude]

    def excluded(text: str) -> bool:
        return any(s == text or s in text for s in skip)

    own = [(t, o, b) for t, o, b in reviews if not excluded(t) and _probability(o) is not None]
    want = f"{needed} reviews of the student's choice, each scored with a probability"
    if not own:
        labelled = [(t, o, b) for t, o, b in reviews if not excluded(t) and LABEL_WORDS.match(o)]
        if labelled:
            reason = "predictions printed as labels rather than probabilities"
            shown = "; ".join(f"“{excerpt(t, 60)}” → {excerpt(o, 30)}" for t, o, _ in labelled)
            block = labelled[0][2]
            return CheckOutcome(
                0.0,
                FAIL,
                [Evidence(shown, want, reason, block.where(), block.strength)],
                feedback=reason,
            )
        return missing_outcome(want, "prediction for reviews of your choice")
    shown = "; ".join(f"“{excerpt(t, 60)}” → {excerpt(o, 30)}" for t, o, _ in own)
    fraction = min(1.0, len(own) / needed)
    reason = f"{len(own)} further reviews scored"
    status = PASS if fraction == 1 else PARTIAL
    return CheckOutcome(
        fraction, status, [Evidence(shown, want, reason, own[-1][2].where(), own[-1][2].strength)]
    )
