"""Held-out crafted submissions (hw2-2024, hw3-2023, hw3-2022), written blind to the grader.

A third batch, written after ``gen_theory.py`` and ``gen_notebooks.py`` by another writer from
the homework statements alone. Only their file-format helpers are reused (the ``NB`` notebook
model, the nbconvert-like HTML pieces and the WeasyPrint PDF maker); every answer text, every
notebook cell and every mistake here is new.

About half the cases are theory-centred (headings such as ``Q.1``, ``Exercise I``, ``Task 2``,
``(3)``, bold headings, no headings, problems out of order, a title page, a LaTeX source file;
answers in LaTeX, plain text, unicode or code spans; correct answers paraphrased, and specific
mistakes: missing sigmoid, norms squared, no limit taken, linear normalisation, "attention
averages", misconceptions about CNNs and RNNs, thin answers, answers to the wrong question).
The other half are notebook-centred (executed ``.ipynb``, Colab saves without counts, re-runs
out of order, PDFs with In/Out prompts, with ``[n]:`` prompts or without prompts, a traceback
then a fix, a notebook missing its last section, tqdm bars / dict prints / tables, renamed
model classes, wrong hyperparameters, a DistilBERT backbone, low accuracy, ViT on CIFAR-10, and
dishonest signals: results typed into markdown, outputs their cells cannot print).

Deterministic: every random draw uses ``random.Random`` seeded with a fixed string, and the PDFs
are rendered with a fixed SOURCE_DATE_EPOCH (through ``gen_notebooks._pdf``).
"""

from __future__ import annotations

import html as _html
import math
import random
import re

from crafted.case import Case
from crafted.gen_notebooks import (
    _HTML_HEAD,
    BERT_BASE_PARAMS,
    NB,
    _f32,
    _md_to_html,
    _pdf,
    _tex_to_text,
    gru_params,
    head_params,
)

HW2 = "hw2-2024"
HW3 = "hw3-2023"
HW22 = "hw3-2022"

PIDS = {
    HW2: ("p1", "p2", "p3", "p4", "p5"),
    HW3: ("p1", "p2", "p3", "p4"),
    HW22: ("p1", "p2", "p3", "p4"),
}

DISTILBERT_PARAMS = 66_362_880  # DistilBertModel('distilbert-base-uncased')
HEAD_OK = gru_params(768, 256, 2, True) + head_params(256, True)  # 2,759,169
TOTAL_OK = BERT_BASE_PARAMS + HEAD_OK  # 112,241,409

NOT_SUBMITTED = "not in the submission: nothing to grade"


def _mk(slug, cls, asg, files, scores, forbid=None, expect=None) -> Case:
    """``scores`` maps pid -> (lo, hi, why); pids left out get (0, 0, NOT_SUBMITTED)."""
    ranges, why = {}, {}
    for pid in PIDS[asg]:
        lo, hi, w = scores.get(pid, (0.0, 0.0, NOT_SUBMITTED))
        ranges[pid] = (float(lo), float(hi))
        why[pid] = w
    unknown = set(scores) - set(PIDS[asg])
    assert not unknown, (slug, unknown)
    return Case(
        name=f"heldout-{slug}",
        failure_class=cls,
        assignment=asg,
        files=files,
        ranges=ranges,
        why=why,
        forbid_flags=forbid or {},
        expect_flags=expect or {},
    )


# --------------------------------------------------------------------------------------------
# rendering: a write-up (markdown-ish text) or a notebook -> HTML -> PDF
# --------------------------------------------------------------------------------------------

PAGEBREAK = "<<<pagebreak>>>"


def _doc_inline(s: str) -> str:
    s = _html.escape(_tex_to_text(s))
    s = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", s)
    s = re.sub(r"`([^`]+)`", r"<code>\1</code>", s)
    return s


def _doc_html(text: str) -> str:
    """A typed write-up: headings, paragraphs whose line breaks are kept, a title page."""
    out: list[str] = []
    para: list[str] = []

    def flush():
        if para:
            out.append("<p>" + "<br/>".join(_doc_inline(x) for x in para) + "</p>")
            para.clear()

    for line in text.split("\n"):
        st = line.rstrip()
        if st.strip() == PAGEBREAK:
            flush()
            out.append('<div style="page-break-after: always"></div>')
            continue
        m = re.match(r"^(#{1,4})\s+(.*)$", st)
        if m:
            flush()
            n = len(m.group(1))
            out.append(f"<h{n}>{_doc_inline(m.group(2))}</h{n}>")
        elif not st.strip():
            flush()
        else:
            lead = len(st) - len(st.lstrip(" "))
            para.append("\u00a0" * lead + st.lstrip(" "))
    flush()
    body = "\n".join(out)
    return (
        _HTML_HEAD.replace('DejaVu Sans", Helvetica', 'DejaVu Serif", Georgia')
        + body
        + "</body></html>"
    )


def _doc_pdf(text: str) -> bytes:
    return _pdf(_doc_html(text))


def _strip_ansi(t: str) -> str:
    t = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", t)
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", t).rstrip("\n")


def _nb_html(nb: NB, prompts: str = "in_out", colab: bool = False) -> str:
    """prompts: "in_out" (In [n]: and Out[n]: like a Jupyter print), "bracket" ([n]: only)
    or "none" (a browser print of Colab)."""
    counts = nb._counts(colab)
    parts = [_HTML_HEAD]

    def row(prompt, body, cls):
        if prompts == "none":
            parts.append(f'<div class="cell"><pre class="{cls}">{body}</pre></div>')
        else:
            parts.append(
                f'<table class="cell"><tr><td class="prompt">{_html.escape(prompt)}</td>'
                f'<td class="inner"><pre class="{cls}">{body}</pre></td></tr></table>'
            )

    for i, c in enumerate(nb.cells):
        if c["t"] == "md":
            parts.append(f'<div class="md">{_md_to_html(c["src"])}</div>')
            continue
        n = counts[i] if counts[i] is not None else " "
        row(f"In [{n}]:" if prompts == "in_out" else f"[{n}]:", _html.escape(c["src"]), "code")
        for o in c["outs"]:
            txt = "\n".join(o[3]) if o[0] == "exc" else o[1]
            txt = _html.escape(_strip_ansi(txt))
            pr = f"Out[{n}]:" if (prompts == "in_out" and o[0] == "res") else ""
            row(pr, txt, "stderr" if o[0] in ("err", "exc") else "output")
    parts.append("</body></html>")
    return "\n".join(parts)


# --------------------------------------------------------------------------------------------
# theory answers: recurrence (hw2 p1, hw3 p2)
# --------------------------------------------------------------------------------------------

REC_PAIRS_TEX = r"""From the figure: input-to-hidden weight $1$, hidden-to-hidden weight $-1$, hidden-to-output weight $1000$, and no biases. So the network is
$$h_t = x_t - h_{t-1}, \quad h_0 = 0, \qquad \hat y_t = \sigma(1000\,h_t).$$
Look at two consecutive steps at once: substituting $h_{t-1} = x_{t-1} - h_{t-2}$ gives $h_t = x_t - x_{t-1} + h_{t-2}$. Starting from $h_0 = 0$ and applying this $T/2$ times (possible because $T$ is even):
$$h_T = (x_T - x_{T-1}) + (x_{T-2} - x_{T-3}) + \dots + (x_2 - x_1) = \sum_{k=1}^{T/2} (x_{2k} - x_{2k-1}).$$
**Answer.** At the last step the output unit computes
$$\hat y_T = \sigma\Big(1000 \sum_{k=1}^{T/2} (x_{2k} - x_{2k-1})\Big),$$
the sigmoid of $1000$ times (sum of the even-indexed inputs minus sum of the odd-indexed inputs). The inputs are integers, so the argument is a multiple of $1000$: the unit outputs essentially $1$ when the even-indexed inputs add up to more, essentially $0$ when the odd-indexed inputs add up to more, and exactly $0.5$ when the two sums are equal."""

REC_LINES_UNI = """Recurrence read off the diagram (all biases 0):
    hₜ = 1·xₜ + (−1)·hₜ₋₁ ,   h₀ = 0
    yₜ = σ(1000·hₜ)

Unrolling one step at a time:
    h₁ = x₁
    h₂ = x₂ − h₁
       = x₂ − x₁
    h₃ = x₃ − h₂
       = x₃ − x₂ + x₁
    h₄ = x₄ − h₃
       = x₄ − x₃ + x₂ − x₁
    …
Every step flips the sign of the whole history. After an even number T of steps the newest input x_T has sign +, x_{T−1} has sign −, and so on down to x₁, which has sign −:
    h_T = x_T − x_{T−1} + x_{T−2} − … + x₂ − x₁
        = (x₂ + x₄ + … + x_T) − (x₁ + x₃ + … + x_{T−1})

Output at the final step:
    y_T = σ( 1000 · [ (x₂ + x₄ + … + x_T) − (x₁ + x₃ + … + x_{T−1}) ] )

The bracket is an integer, so 1000 × bracket is either 0 or at least 1000 in size: y_T ≈ 1 when the even-time-step inputs have the larger total, y_T ≈ 0 when the odd-time-step inputs do, and y_T = ½ on a tie. The unit compares the two interleaved halves of the sequence."""

REC_WORDS = """Reading the edges: the hidden unit adds the current input (weight one) and subtracts its own previous value (weight minus one); the output unit scales the hidden value by one thousand and squashes it with a sigmoid. Starting from a zero state, the first hidden value is the first input; the second is the second input minus the first; the third is the third input minus the second plus the first; in general every step negates everything stored so far and adds the new input.

For a sequence of even length this means that the inputs in positions two, four, six, and so on up to the last position enter the final hidden value with a plus sign, and the inputs in positions one, three, five, up to the second-to-last position, enter with a minus sign.

So, in words: at the last time step the output unit computes the sigmoid of one thousand times the difference between the total of the even-position inputs and the total of the odd-position inputs. Because the inputs are integers this difference is zero or at least one in magnitude, and the factor of one thousand pushes the sigmoid to one side: the output is practically one when the even-position inputs sum to more, practically zero when the odd-position inputs sum to more, and exactly one half when the two totals are equal."""

REC_CODE = """The cell computes `h[t] = x[t] - h[t-1]` with `h[0] = 0` and emits `y[t] = sigmoid(1000 * h[t])` (input weight 1, recurrent weight -1, output weight 1000, no biases).

Unrolled: `h[1] = x[1]`, `h[2] = x[2] - x[1]`, `h[3] = x[3] - x[2] + x[1]`, `h[4] = x[4] - x[3] + x[2] - x[1]`. Each step negates the running value, so after an even number of steps the inputs at even time steps carry `+` and those at odd time steps carry `-`.

Final answer, with the inputs stored in a 0-indexed Python list `x = [x_1, x_2, ..., x_T]` (so `x[1::2]` holds the even time steps and `x[0::2]` the odd ones):

`y_T = sigmoid(1000 * (sum(x[1::2]) - sum(x[0::2])))`

Check with `x = [3, 5, 2, 2]`: `h = 3, 2, 0, 2` and `(5 + 2) - (3 + 2) = 2`, so `y_T = sigmoid(2000) ≈ 1`. With integer inputs the output is ≈ 1 if the even-step inputs sum higher, ≈ 0 if the odd-step inputs sum higher, and 0.5 on a tie."""

REC_INDICATOR_TEX = r"""Write the cell as $h_t = x_t - h_{t-1}$ with $h_0 = 0$, and the output as $y_t = \sigma(1000\, h_t)$.

By induction $h_t = \sum_{s=1}^{t} (-1)^{t-s} x_s$: it holds for $t = 1$, and if it holds for $t-1$ then $h_t = x_t - \sum_{s<t}(-1)^{t-1-s}x_s = x_t + \sum_{s<t}(-1)^{t-s}x_s$.

For even $T$, $(-1)^{T-s}$ is $+1$ for even $s$ and $-1$ for odd $s$, hence
$$y_T = \sigma\Big(1000\big(\sum_{s\ \mathrm{even}} x_s - \sum_{s\ \mathrm{odd}} x_s\big)\Big).$$
Because the $x_s$ are integers the argument is $0$ or at least $1000$ in magnitude, so in effect the output unit returns $1$ if the even-position inputs outweigh the odd-position inputs, $0$ if the odd-position inputs outweigh them, and $1/2$ if the two sums are equal."""

REC_INDICATOR_UNI = """Cell: hₜ = xₜ − hₜ₋₁ (h₀ = 0), output yₜ = σ(1000·hₜ).

Claim: hₜ = Σ_{s=1..t} (−1)^(t−s) x_s.
  t = 1: h₁ = x₁. ✓
  t−1 → t: hₜ = xₜ − Σ_{s<t} (−1)^(t−1−s) x_s = xₜ + Σ_{s<t} (−1)^(t−s) x_s. ✓

For even T the sign (−1)^(T−s) is + for even s and − for odd s, so

  y_T = σ( 1000 · ( Σ_{s even} x_s − Σ_{s odd} x_s ) ).

Integer inputs make the argument 0 or at least 1000 in magnitude, so effectively
  y_T = 1    if the even-position inputs sum to more than the odd-position inputs,
  y_T = 1/2  if the two sums are equal,
  y_T = 0    otherwise."""

# mistake: the output unit has no sigmoid
REC_NOSIG = """(i) Recurrence. With the weights on the edges (1 into the hidden unit, -1 on the loop, 1000 to the output) and no biases:
    h_t = x_t - h_(t-1),   h_0 = 0
    y_t = 1000 * h_t
(ii) Unrolling:
    h_1 = x_1
    h_2 = x_2 - x_1
    h_3 = x_3 - x_2 + x_1
    h_4 = x_4 - x_3 + x_2 - x_1
so for even T, h_T = (x_2 + x_4 + ... + x_T) - (x_1 + x_3 + ... + x_(T-1)).
(iii) Final answer: the output unit computes
    y_T = 1000 * [ (x_2 + x_4 + ... + x_T) - (x_1 + x_3 + ... + x_(T-1)) ]
a large positive number when the even-position inputs add up to more than the odd-position ones, a large negative number when they add up to less, and 0 when they are equal."""

# mistake: recurrent weight read as +1 -> running sum
REC_SUMALL = """The hidden unit has a self-loop, so it accumulates its inputs: h_t = x_t + h_(t-1) with h_0 = 0, and the output unit computes y_t = sigmoid(1000 h_t).
Unrolling: h_1 = x_1, h_2 = x_1 + x_2, ..., h_T = x_1 + x_2 + ... + x_T.
So at the final step y_T = sigmoid(1000 (x_1 + x_2 + ... + x_T)): the unit outputs ~1 if the total of the sequence is positive and ~0 if it is negative (0.5 if the sum is zero). The even length of the sequence does not change anything here."""

# mistake: "earlier inputs cancel", only the last pair survives
REC_LASTPAIR = r"""The recurrence is $h_t = x_t - h_{t-1}$, $h_0 = 0$, with output $y_t = \sigma(1000\,h_t)$.

For $T = 2$: $h_2 = x_2 - x_1$.

For longer sequences the earlier inputs cancel out in pairs: every input is added once when it arrives and subtracted once by the following step, so only the last two inputs survive in the hidden state.

Answer: $y_T = \sigma\big(1000\,(x_T - x_{T-1})\big)$, i.e. the output is close to $1$ when the last input is larger than the one before it and close to $0$ otherwise."""

# mistake: signs lost while unrolling
REC_BAD_UNROLL = """h_t = x_t - h_{t-1}, y_t = sigmoid(1000 h_t), h_0 = 0.
  h_1 = x_1
  h_2 = x_2 - x_1
  h_3 = x_3 - h_2 = x_3 - x_2 - x_1
  h_4 = x_4 - h_3 = x_4 - x_3 - x_2 - x_1
Pattern: the newest input is added and all older inputs are subtracted,
  h_T = x_T - (x_1 + x_2 + ... + x_{T-1}).
Answer: y_T = sigmoid(1000 (x_T - sum_{t<T} x_t)), which is ~1 when the last input is larger than the sum of all the previous ones and ~0 otherwise."""


# --------------------------------------------------------------------------------------------
# theory answers: self-attention (hw2 p2, hw3 p3), as (a, b, c)
# --------------------------------------------------------------------------------------------

SA_GRAM_TEX = (
    r"""Orthogonality kills the cross terms, so $\|x_1\|^2 = \|d\|^2 + 2\,d^\top b + \|b\|^2 = 2\beta^2$. Hence $\|x_1\| = \sqrt{2}\,\beta$, $\|x_2\| = \|a\| = \beta$ and, in the same way, $\|x_3\| = \sqrt{2}\,\beta$.""",
    r"""Stack the tokens as the rows of $X$. Since $Q = K = V = X$, the score matrix is the Gram matrix
$$XX^\top = \beta^2 \begin{pmatrix} 2 & 0 & 1 \\ 0 & 1 & 0 \\ 1 & 0 & 2 \end{pmatrix}.$$
Row-wise softmax, dividing numerator and denominator by the largest exponential of the row:
- row 1: $(1,\ e^{-2\beta^2},\ e^{-\beta^2}) / (1 + e^{-2\beta^2} + e^{-\beta^2})$
- row 2: $(e^{-\beta^2},\ 1,\ e^{-\beta^2}) / (1 + 2e^{-\beta^2})$
- row 3: $(e^{-\beta^2},\ e^{-2\beta^2},\ 1) / (1 + e^{-2\beta^2} + e^{-\beta^2})$

With $\beta$ very large every $e^{-\beta^2}$ term vanishes and the attention matrix tends to the identity. Therefore
$$y_1 \approx x_1 = d + b,\qquad y_2 \approx x_2 = a,\qquad y_3 \approx x_3 = c + b,$$
with errors of order $\beta e^{-\beta^2}$.""",
    r"""The shared component $b$ gives $x_1$ and $x_3$ a positive overlap, but each token overlaps with itself twice as much, and multiplied by $\beta^2$ that gap is enormous. The softmax turns the gap into an all-or-nothing choice, so each row of attention weights is one-hot and the output is a single value vector passed through unchanged. The query-key dot product decides *which* position is read, and the value stored at that position is what gets copied; a network can copy an input by making its query align best with that input's key.""",
)

SA_PLAIN_OK = (
    """||x1|| = sqrt(||d||^2 + ||b||^2) = sqrt(2) * beta (d and b are orthogonal), ||x2|| = ||a|| = beta, ||x3|| = sqrt(||c||^2 + ||b||^2) = sqrt(2) * beta.""",
    """Let B = beta^2. Scores x_i . x_j: row 1 = (2B, 0, B), row 2 = (0, B, 0), row 3 = (B, 0, 2B).
Row 1 weights: (e^{2B}, 1, e^{B}) / (e^{2B} + 1 + e^{B}) = (1, e^{-2B}, e^{-B}) / (1 + e^{-2B} + e^{-B}) -> (1, 0, 0) as B -> infinity.
Row 2 weights: (1, e^{B}, 1) / (2 + e^{B}) -> (0, 1, 0).
Row 3 weights: (e^{B}, 1, e^{2B}) / (e^{B} + 1 + e^{2B}) -> (0, 0, 1).
Outputs: y1 -> x1 = d + b, y2 -> x2 = a, y3 -> x3 = c + b.""",
    """A large beta makes the softmax behave like a hard max: each query picks the key it matches best and returns that token's value untouched. To copy a value the network only has to steer the query toward the key of the token it wants; the query/key overlap chooses the source, the value carries the content.""",
)

SA_UNI_OK = (
    """‖x₁‖² = ‖d‖² + ‖b‖² = 2β² (the cross term 2⟨d, b⟩ is 0), so ‖x₁‖ = √2·β; ‖x₂‖ = ‖a‖ = β; ‖x₃‖ = √2·β.""",
    """Scores sᵢⱼ = ⟨xᵢ, xⱼ⟩: s₁₁ = 2β², s₁₂ = 0, s₁₃ = β²; s₂₂ = β², s₂₁ = s₂₃ = 0; s₃₃ = 2β², s₃₁ = β², s₃₂ = 0.
y₁ = (e^{2β²}·x₁ + 1·x₂ + e^{β²}·x₃) / (e^{2β²} + 1 + e^{β²}). Dividing through by e^{2β²} the weights are (1, e^{−2β²}, e^{−β²}) / (1 + e^{−2β²} + e^{−β²}) → (1, 0, 0).
y₂ = (x₁ + e^{β²}·x₂ + x₃) / (2 + e^{β²}) → x₂.
y₃ is the mirror image of y₁ → x₃.
So as β → ∞: y₁ → x₁ = d + b, y₂ → x₂ = a, y₃ → x₃ = c + b.""",
    """The scores are scaled by β², so even the smaller gap between 2β² and β² is huge after the exponential and the softmax puts all of its mass on one key. The output is then that key's value vector: the input is copied, not blended. Which input is copied is decided by the query–key dot products, so the network controls where it reads through the query/key parts and what it reads through the value.""",
)

SA_CODE_OK = (
    """`norm(x1) = sqrt(norm(d)**2 + norm(b)**2) = sqrt(2)*beta`, `norm(x2) = beta`, `norm(x3) = sqrt(2)*beta`.""",
    """`S = X @ X.T = beta**2 * [[2, 0, 1], [0, 1, 0], [1, 0, 2]]`. Taking `softmax(S, axis=1)` as `beta**2 -> inf`: row 1 -> `[1, 0, 0]` (its other entries are `beta**2` and `2*beta**2` below the maximum), row 2 -> `[0, 1, 0]`, row 3 -> `[0, 0, 1]`. So the attention matrix tends to the identity and `Y = A @ X -> X`: `y1 ≈ x1 = d + b`, `y2 ≈ x2 = a`, `y3 ≈ x3 = c + b`.""",
    """The exponentials blow the `beta**2` gaps up, so `softmax` returns a one-hot row and each `y_i` is a single `v_j` copied verbatim. The query decides which `k_j` wins; the winning token's value is what gets copied.""",
)

# mistake (a): norms squared
SA_NORMSQ = (
    """Using orthogonality, ‖x₁‖ = ⟨d + b, d + b⟩ = ‖d‖² + ‖b‖² = 2β², ‖x₂‖ = ⟨a, a⟩ = β², ‖x₃‖ = ⟨c + b, c + b⟩ = 2β². So x₁ and x₃ have norm 2β² and x₂ has norm β².""",
    SA_UNI_OK[1],
    SA_UNI_OK[2],
)

# mistake (b): exact weights, no limit taken, no identification
SA_NOLIMIT = (
    SA_UNI_OK[0],
    """Using the softmax of the dot products:
y₁ = (e^{2β²} x₁ + e^{0} x₂ + e^{β²} x₃) / (e^{2β²} + 1 + e^{β²})
y₂ = (x₁ + e^{β²} x₂ + x₃) / (e^{β²} + 2)
y₃ = (e^{β²} x₁ + x₂ + e^{2β²} x₃) / (e^{β²} + 1 + e^{2β²})
Every output is a weighted combination of all three tokens with the weights above: y₁ and y₃ combine x₁ and x₃ (plus a little x₂), and y₂ combines x₂ with some x₁ and x₃.""",
    """Self-attention lets each token gather information from the other tokens. The weights decide how much of each token is mixed into the output, and that is how information is copied between positions.""",
)

# mistake (b, c): linear normalisation instead of softmax
SA_LINEAR = (
    """||x1|| = sqrt(beta^2 + beta^2) = sqrt(2) beta, ||x2|| = beta, ||x3|| = sqrt(2) beta.""",
    """Scores: x1.x1 = 2 beta^2, x1.x2 = 0, x1.x3 = beta^2; x2.x2 = beta^2 and x2 is orthogonal to the others; x3.x3 = 2 beta^2, x3.x1 = beta^2.
Normalising each row of scores so that the weights sum to one:
  row 1: (2 beta^2, 0, beta^2) / (3 beta^2) = (2/3, 0, 1/3)
  row 2: (0, beta^2, 0) / beta^2 = (0, 1, 0)
  row 3: (beta^2, 0, 2 beta^2) / (3 beta^2) = (1/3, 0, 2/3)
So y1 = (2 x1 + x3)/3 = (2d + 3b + c)/3, y2 = x2 = a, y3 = (x1 + 2 x3)/3 = (d + 3b + 2c)/3.
The beta^2 cancels, so the outputs do not change as beta grows: y1 is mostly x1 mixed with x3, y3 mostly x3 mixed with x1, and y2 = a exactly.""",
    """Attention averages the value vectors of the tokens that share a direction with the query. Because x1 and x3 share b they are blended together, while x2, which shares nothing with them, is copied as it is.""",
)

# mistake (c): "attention averages"
SA_AVERAGES = (
    SA_PLAIN_OK[0],
    SA_PLAIN_OK[1],
    """Self-attention is a weighted average of all the value vectors, so each output is a smoothed mixture of the whole input sequence in which tokens with a larger norm get a larger share; x1 and x3 are longer than x2, so they dominate the average. This averaging is what lets the network spread an input value over the other positions.""",
)

# mistake (b, c): "tokens sharing b attend to each other equally"
SA_MIXB = (
    r"""$\|x_1\| = \sqrt{2}\beta$, $\|x_2\| = \beta$, $\|x_3\| = \sqrt{2}\beta$, because the base vectors are orthogonal.""",
    r"""The scores are $x_1^\top x_1 = 2\beta^2$, $x_1^\top x_3 = \beta^2$, $x_2^\top x_2 = \beta^2$, $x_3^\top x_3 = 2\beta^2$ and all others $0$.

$y_2$: only $x_2$ overlaps with $x_2$, so $y_2 \to a$.

$y_1$ and $y_3$: both $x_1$ and $x_3$ contain $b$, and $b$ is what they attend on. The overlaps $x_1^\top x_1 = 2\beta^2$ and $x_1^\top x_3 = \beta^2$ are both of order $\beta^2 \to \infty$, so both exponentials blow up and the softmax splits the weight between the two tokens:
$$y_1 \approx y_3 \approx \tfrac12 (x_1 + x_3) = b + \tfrac12 (c + d).$$""",
    r"""Attention copies the shared part: the direction $b$ that appears in both $x_1$ and $x_3$ is copied into both outputs, while the token-specific parts $c$ and $d$ are averaged out.""",
)


# --------------------------------------------------------------------------------------------
# theory answers: linear attention (hw2 p3)
# --------------------------------------------------------------------------------------------

LA_ASSOC_TEX = r"""Write the layer in matrix form with $Q, K \in \mathbb{R}^{T\times d}$ and $V \in \mathbb{R}^{T\times d_v}$. Standard attention needs the whole $T \times T$ matrix $\exp(QK^\top)$ before it can multiply by $V$: $O(T^2 d)$ time and $O(T^2)$ memory.

With the exponentials removed the unnormalised output is $(QK^\top)V$, and matrix products are associative:
$$(QK^\top)\,V = Q\,(K^\top V).$$
$K^\top V = \sum_j k_j v_j^\top$ is only $d \times d_v$ and costs $O(T d d_v)$ to form; multiplying $Q$ by it costs another $O(T d d_v)$. The row normalisers work the same way, $\sum_j q_i^\top k_j = q_i^\top (\sum_j k_j)$, where $\sum_j k_j$ is computed once in $O(Td)$. Output $i$ is $y_i = q_i^\top (K^\top V) / (q_i^\top \sum_j k_j)$.

Nothing of size $T \times T$ is ever formed and the total cost is $O(T d d_v)$, i.e. $O(T)$ for a fixed feature dimension. The trick needs the weight of the pair $(i, j)$ to factor into something of $q_i$ times something of $k_j$; the plain dot product does, $\exp(q_i^\top k_j)$ does not, which is why the softmax version is stuck at $T^2$."""

LA_RUNNING_UNI = """Without the exponential the weight of key j for query i is qᵢᵀkⱼ / Σₗ qᵢᵀkₗ, so

  yᵢ = Σⱼ (qᵢᵀkⱼ) vⱼ / Σⱼ qᵢᵀkⱼ = (qᵢᵀ Σⱼ kⱼvⱼᵀ) / (qᵢᵀ Σⱼ kⱼ).

The two sums S = Σⱼ kⱼvⱼᵀ (a d×d matrix) and z = Σⱼ kⱼ (a d-vector) do not depend on i. One pass over the tokens accumulates them (S ← S + kⱼvⱼᵀ, z ← z + kⱼ, O(d²) per token), and a second pass reads every output off as yᵢ = Sᵀqᵢ / (qᵢᵀz), again O(d²) per token. Two linear passes: O(T·d²) time and O(d²) extra memory, and the T×T matrix of weights is never built. (Accumulating S and z only up to position i gives the causal version, which is an RNN with a d×d state.)"""

LA_CODE = """Dropping `exp`, the layer is `Y = (Q @ K.T) @ V / (Q @ K.T).sum(1, keepdims=True)`. Reorder with associativity: `KV = K.T @ V` (shape `d x d`, cost `T*d*d`), `z = K.sum(0)` (shape `d`, cost `T*d`), then `Y = (Q @ KV) / (Q @ z)[:, None]` (cost `T*d*d`). The `T x T` matrix `Q @ K.T` is never built, so the time is `O(T d^2)` and the memory `O(T d + d^2)`: linear in `T`. With `exp` this fails because `exp(q.k)` is not a product of a function of `q` and a function of `k`."""

LA_THIN = (
    """Without the exp we can use associativity, (Q K^T) V = Q (K^T V), so it becomes linear."""
)

# answers the wrong question: why softmax attention is quadratic
LA_WRONGQ = """Self-attention compares every token with every other token: for T tokens there are T*T scores q_i . k_j, each a d-dimensional dot product, so the layer costs O(T^2 d), and the softmax has to be applied to every row of the T x T matrix. This quadratic growth is why long inputs are slow: doubling the sequence length makes the layer four times slower. In practice one can speed things up by using fewer heads or a smaller head dimension d, or by truncating the input to a maximum length, e.g. 512 tokens as BERT does."""

# misconception: "the weights become sparse"
LA_SPARSE = r"""Without the exponentials the weights are just normalised dot products $q_i^\top k_j / \sum_l q_i^\top k_l$. In high dimension most keys are nearly orthogonal to a given query, so most of these weights are essentially zero and the attention matrix is sparse. We only have to compute the few nonzero entries of each row (a constant number $k$ per query), which costs $O(kT) = O(T)$ instead of $O(T^2)$."""


# --------------------------------------------------------------------------------------------
# theory answers: two ways to O(T) attention (hw3-2022 p3)
# --------------------------------------------------------------------------------------------

TW_FULL = """**Way 1 — kernelised (linear) attention.** Replace exp(q·k) by φ(q)ᵀφ(k) for a feature map φ with positive outputs (e.g. elu(x) + 1, or random features as in the Performer). Then yᵢ = φ(qᵢ)ᵀ[Σⱼ φ(kⱼ)vⱼᵀ] / φ(qᵢ)ᵀ[Σⱼ φ(kⱼ)], and both bracketed sums are computed once for all queries: O(T·r·d) for r features, linear in T.
- Pros: every token still interacts with every other token (global receptive field); memory is linear in T; the causal version runs like an RNN with a constant cost per generated token.
- Cons: it only approximates softmax attention and has trouble expressing sharp, nearly one-hot attention patterns, so accuracy usually drops somewhat; random-feature versions add variance.

**Way 2 — local (sliding-window) attention.** Each token attends only to the w tokens around it, so there are T·w scores instead of T²: O(T·w·d), linear in T for a fixed window.
- Pros: exact softmax inside the window, very simple, matches the locality of text and images; with dilated windows or a few global tokens (Longformer / BigBird) information can still travel far.
- Cons: one layer cannot relate tokens more than w apart, so long-range information needs many layers; the window size is one more hyper-parameter, and banded attention kernels are less efficient on GPUs than one dense matrix product."""

TW_ONE = """Method 1: linear attention. Drop the softmax and use a kernel, sim(q, k) = φ(q)ᵀφ(k). Then the numerator Σⱼ sim(qᵢ, kⱼ) vⱼ = φ(qᵢ)ᵀ Σⱼ φ(kⱼ) vⱼᵀ, and the sum over j is shared by all queries, so it is computed once in O(T) and every output costs O(1) in T.
Pros: linear time and memory; works for very long sequences; can be run recurrently for autoregressive generation.
Cons: it is an approximation of the softmax, the attention is less "sharp", and models trained this way are usually a bit less accurate.

Method 2: another way is sparse attention."""

TW_NOPROS = """1) Linformer: project the keys and values down to a fixed length k, so attention is O(Tk).
2) Longformer: use a sliding window around each token.
Both make attention O(T)."""


# --------------------------------------------------------------------------------------------
# theory answers: CNNs vs RNNs for image classification (hw3 p1), as (a, b)
# --------------------------------------------------------------------------------------------

CR_ROMAN = (
    """(i) Built-in 2-D structure. A convolution looks at a small neighbourhood of pixels with the same kernel everywhere, so it picks up local patterns (edges, corners, textures) wherever they occur, with few parameters. An RNN that reads the image row by row or pixel by pixel turns it into a 1-D sequence: pixels that are vertical neighbours end up far apart and the model has to carry them across many steps.
(ii) Parallel computation. Every output position of a convolution layer can be computed at the same time, so training on a GPU is fast and the depth of the computation equals the number of layers. An RNN has to finish step t-1 before step t, a chain of H*W (or H) sequential steps, which is slow and makes gradients vanish or explode along the chain.""",
    """(i) Flexible input size. The same recurrent cell can be applied to any number of rows or patches, so images of different widths or heights (e.g. long text-line images in handwriting recognition) are processed without resizing or cropping.
(ii) Whole-image context in one state. After the scan the hidden state can depend on every pixel, so relations between distant parts of the image are available at once, while a CNN needs many stacked layers or pooling before distant regions interact. It also suits images that arrive sequentially, e.g. scan lines from a sensor, since the state is updated as each row comes in.""",
)

CR_BULLETS = (
    """- Far fewer parameters for the same input: a 3×3 kernel is shared over the whole image, so the layer's size does not grow with the image; weight sharing plus pooling also gives (approximate) translation invariance, which is what object recognition needs.
- A hierarchy of features: stacked convolutions grow the receptive field gradually (edges, then textures, then object parts), matching the compositional structure of images, and everything inside a layer is computed in parallel, so CNNs train much faster than RNNs on GPUs.""",
    """- An RNN can read an image of arbitrary size (as a sequence of rows or patches) with the same parameters and no resizing, which helps with very wide inputs such as scanned lines of text.
- The recurrent state summarises everything seen so far, so an RNN can relate distant parts of the image directly (a bidirectional or 2-D RNN scanning in several directions gives every position full-image context), which a shallow CNN with small receptive fields cannot.""",
)

CR_SHORT_OK = (
    """1. Locality and weight sharing: small shared filters detect a pattern anywhere in the image (translation equivariance) with few parameters, exploiting the 2-D neighbourhood structure that an RNN reading pixels as a sequence loses.
2. Speed: all positions of a convolution are computed in parallel, whereas an RNN must process rows/pixels one after another.""",
)

# misconceptions in (b)
CR_MISC_B = """1. CNNs cannot handle colour images: a convolution filter works on one channel at a time, so the picture has to be converted to grayscale first, whereas an RNN can read the R, G and B values one after another as a sequence.
2. RNNs have fewer parameters than CNNs (a single cell is reused at every step), so they train faster and need less data."""

# answers a different question: CNN vs fully-connected network
CR_WRONGQ = (
    """Compared with a fully-connected network, a CNN has far fewer weights, because each neuron is connected only to a small patch of the previous layer and the same filter is reused across the image. This also makes it translation equivariant.""",
    """A fully-connected network, on the other hand, connects every input pixel to every hidden unit, so it can learn any global pattern from the first layer on, and it is simpler to implement and to reason about.""",
)

CR_NAMES = ("weight sharing, locality", "memory, variable length")


# --------------------------------------------------------------------------------------------
# BERT + GRU notebook (hw2 p5, hw3 p4)
# --------------------------------------------------------------------------------------------

MY_REVIEWS = [
    ("A heartfelt, clever script with performances that stay with you long after.", 1),
    ("I fell asleep twice. The jokes never land and the plot is a mess.", 0),
    ("The pacing drags in the middle, but the final act is breathtaking.", 1),
    ("Loud, long and hollow; the worst superhero film in years.", 0),
    ("Honestly one of the best animated movies I have seen, my kids loved it too.", 1),
    ("The trailer was more entertaining than the whole movie.", 0),
    ("Gorgeous cinematography and a haunting soundtrack, a must-see.", 1),
    ("Wooden dialogue, no chemistry between the leads, and an ending that makes no sense.", 0),
]

MARKS = {
    "hash_box": ("comment", "# ---- Q{n}({l}) ----"),
    "todo": ("comment", "# TODO Q{n}{l}: done"),
    "task_md": ("md", "#### Task {n}({l})"),
    "caps_md": ("md", "**QUESTION {n}.{L}**"),
    "num_md": ("md", "{n}.{l}"),
    "none": (None, None),
}


class _Q:
    def __init__(self, nb: NB, style: str):
        self.nb, self.kind, self.fmt = nb, *MARKS[style]

    def __call__(self, qid: str) -> str:
        """Emit the marker of question ``qid``; returns a comment line prefix for the code."""
        if self.kind is None:
            return ""
        text = self.fmt.format(n=qid[0], l=qid[1], L=qid[1].upper())
        if self.kind == "md":
            self.nb.md(text)
            return ""
        return text + "\n"


def _bert_rows(seed: str, n: int, val_last: float, mins: int = 13, sgd: bool = False):
    """n epochs of (mins, secs, train_loss, train_acc, val_loss, val_acc) ending at val_last."""
    rng = random.Random("bert-rows:" + seed)
    rows = []
    for e in range(n):
        left = n - 1 - e
        va = val_last - left * rng.uniform(0.006, 0.013)
        if sgd:
            ta = va - rng.uniform(0.05, 0.08)
            vl = 0.69 - (va - 0.5) * 0.35 + rng.uniform(-0.004, 0.004)
            tl = vl + rng.uniform(0.004, 0.012)
        else:
            ta = va - (0.05 if e == 0 else 0.012) + rng.uniform(-0.006, 0.006)
            vl = 0.232 + left * 0.014 + rng.uniform(-0.008, 0.008)
            tl = (0.345 if e == 0 else 0.262 - 0.02 * (e - 1)) + rng.uniform(-0.015, 0.015)
        m = mins + rng.choice([-1, 0, 0, 1])
        rows.append((m, rng.randint(0, 59), tl, ta, vl, va))
    return rows


def _preds(seed: str):
    """Deterministic probabilities for the two given reviews and two reviews of one's own."""
    rng = random.Random("preds:" + seed)
    jl = _f32(rng.uniform(0.008, 0.07))
    av = _f32(rng.uniform(0.80, 0.975))
    pos = [r for r in MY_REVIEWS if r[1] == 1]
    neg = [r for r in MY_REVIEWS if r[1] == 0]
    a, b = rng.choice(pos)[0], rng.choice(neg)[0]
    own = [(a, _f32(rng.uniform(0.9, 0.995))), (b, _f32(rng.uniform(0.005, 0.09)))]
    if rng.random() < 0.5:
        own.reverse()
    return (jl, av), own


BERT_OPTS = dict(
    title="# Sentiment analysis with BERT + GRU",
    intro=True,
    marker="hash_box",
    backbone="bert",  # "bert" | "distilbert"
    cls="BERTGRUSentiment",
    hidden=256,
    layers=2,
    bidir=True,
    dropout=0.25,
    optimizer="adam",  # "adam" | "sgd"
    n_epochs=2,
    val=0.9091,
    rows=None,
    log="template",  # "template" | "tqdm" | "dict" | "table"
    test=(0.2203, 0.9104),
    test_style="template",  # "template" | "fstring" | "dict"
    test_mode="ok",  # "ok" | "typed_md" (no test cell; the result typed into markdown)
    q4="code",  # "code" | "typed_md" | "absent"
    q4_style="expr",  # "expr" | "loop" | "table"
    preds=None,
    freeze="ok",  # "ok" | "rnn_shown_ok" (freezes the GRU, prints the expected count anyway)
    oom_fix=False,
    closing=None,
    pre=(),
    batch=128,
    sections="plain",  # "plain" ("## Model") | "numbered" ("## 2. Model")
)


def _bert(name: str, **kw) -> NB:
    o = dict(BERT_OPTS)
    o.update(kw)
    nb = NB(name)
    for t in o["pre"]:
        nb.md(t)
    q = _Q(nb, o["marker"])

    def sec(num: str, text: str) -> str:
        return f"## {num}. {text}" if o["sections"] == "numbered" else f"## {text}"

    distil = o["backbone"] == "distilbert"
    hub = "distilbert-base-uncased" if distil else "bert-base-uncased"
    if o["title"]:
        nb.md(o["title"])
    if o["intro"]:
        nb.md(
            "We classify IMDB movie reviews as positive or negative: a pre-trained transformer "
            "turns each review into contextual embeddings, and a small recurrent network on "
            "top of them does the classification. Only the recurrent part is trained."
        )
    nb.code(
        "!pip install -q transformers torchtext==0.6.0",
        (
            "out",
            "\x1b[2K     \x1b[90m━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\x1b[0m "
            "\x1b[32m64.2/64.2 kB\x1b[0m \x1b[31m2.4 MB/s\x1b[0m eta \x1b[36m0:00:00\x1b[0m\n",
        ),
    )
    nb.code(
        "import random\nimport numpy as np\nimport torch\nimport torch.nn as nn\n\n"
        "SEED = 1234\nrandom.seed(SEED)\nnp.random.seed(SEED)\ntorch.manual_seed(SEED)\n"
        "torch.backends.cudnn.deterministic = True"
    )
    nb.md(sec("1", "Tokenizer and data"))
    tok_cls = "DistilBertTokenizer" if distil else "BertTokenizer"
    nb.code(f"from transformers import {tok_cls}\n\ntokenizer = {tok_cls}.from_pretrained('{hub}')")
    nb.code(
        q("1a") + "print('vocabulary size:', len(tokenizer.vocab))",
        ("out", "vocabulary size: 30522\n"),
    )
    nb.code(
        "tokens = tokenizer.tokenize('Hello WORLD how ARE yoU?')\n"
        "indexes = tokenizer.convert_tokens_to_ids(tokens)\nprint(tokens)\nprint(indexes)",
        (
            "out",
            "['hello', 'world', 'how', 'are', 'you', '?']\n[7592, 2088, 2129, 2024, 2017, 1029]\n",
        ),
    )
    nb.code(
        "init_token_idx = tokenizer.cls_token_id\neos_token_idx = tokenizer.sep_token_id\n"
        "pad_token_idx = tokenizer.pad_token_id\nunk_token_idx = tokenizer.unk_token_id\n"
        "print(init_token_idx, eos_token_idx, pad_token_idx, unk_token_idx)",
        ("out", "101 102 0 100\n"),
    )
    nb.code(
        f"max_input_length = tokenizer.max_model_input_sizes['{hub}']\n\n"
        "def tokenize_and_cut(sentence):\n    tokens = tokenizer.tokenize(sentence)\n"
        "    return tokens[:max_input_length - 2]"
    )
    nb.code(
        "from torchtext import data, datasets\n\n"
        "TEXT = data.Field(batch_first=True, use_vocab=False, tokenize=tokenize_and_cut,\n"
        "                  preprocessing=tokenizer.convert_tokens_to_ids,\n"
        "                  init_token=init_token_idx, eos_token=eos_token_idx,\n"
        "                  pad_token=pad_token_idx, unk_token=unk_token_idx)\n"
        "LABEL = data.LabelField(dtype=torch.float)\n\n"
        "train_data, test_data = datasets.IMDB.splits(TEXT, LABEL)\n"
        "train_data, valid_data = train_data.split(random_state=random.seed(SEED))",
        ("out", "downloading aclImdb_v1.tar.gz\n"),
        ("err", "aclImdb_v1.tar.gz: 100%|██████████| 84.1M/84.1M [00:02<00:00, 30.6MB/s]\n"),
    )
    nb.code(
        q("1b") + "sizes = {'train': len(train_data), 'valid': len(valid_data), "
        "'test': len(test_data)}\nprint(sizes)",
        ("out", "{'train': 17500, 'valid': 7500, 'test': 25000}\n"),
    )
    bs = o["batch"]
    nb.code(
        f"LABEL.build_vocab(train_data)\n\nBATCH_SIZE = {bs}\n"
        "device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')\n"
        "train_iterator, valid_iterator, test_iterator = data.BucketIterator.splits(\n"
        "    (train_data, valid_data, test_data), batch_size=BATCH_SIZE, device=device)"
    )

    nb.md(sec("2", "Model"))
    if distil:
        nb.code(
            "from transformers import DistilBertModel\n\n"
            "bert = DistilBertModel.from_pretrained('distilbert-base-uncased')"
        )
        emb = "bert.config.dim"
    else:
        nb.code(
            "from transformers import BertModel\n\nbert = BertModel.from_pretrained('bert-base-uncased')"
        )
        emb = "bert.config.to_dict()['hidden_size']"
    nb.code(
        f"class {o['cls']}(nn.Module):\n"
        "    def __init__(self, bert, hidden_dim, output_dim, n_layers, bidirectional, dropout):\n"
        "        super().__init__()\n        self.bert = bert\n"
        f"        embedding_dim = {emb}\n"
        "        self.rnn = nn.GRU(embedding_dim, hidden_dim, num_layers=n_layers,\n"
        "                          bidirectional=bidirectional, batch_first=True,\n"
        "                          dropout=0 if n_layers < 2 else dropout)\n"
        "        self.out = nn.Linear(hidden_dim * 2 if bidirectional else hidden_dim, output_dim)\n"
        "        self.dropout = nn.Dropout(dropout)\n\n"
        "    def forward(self, text):\n        with torch.no_grad():\n"
        "            embedded = self.bert(text)[0]          # [batch, seq, emb]\n"
        "        _, hidden = self.rnn(embedded)             # [layers*dirs, batch, hid]\n"
        "        if self.rnn.bidirectional:\n"
        "            hidden = torch.cat((hidden[-2], hidden[-1]), dim=1)\n"
        "        else:\n            hidden = hidden[-1]\n"
        "        return self.out(self.dropout(hidden))"
    )
    nb.code(
        q("2a") + f"HIDDEN_DIM = {o['hidden']}\nOUTPUT_DIM = 1\nN_LAYERS = {o['layers']}\n"
        f"BIDIRECTIONAL = {o['bidir']}\nDROPOUT = {o['dropout']}\n\n"
        f"model = {o['cls']}(bert, HIDDEN_DIM, OUTPUT_DIM, N_LAYERS, BIDIRECTIONAL, DROPOUT)"
    )
    base = DISTILBERT_PARAMS if distil else BERT_BASE_PARAMS
    head = gru_params(768, o["hidden"], o["layers"], o["bidir"]) + head_params(
        o["hidden"], o["bidir"]
    )
    nb.code(
        q("2b") + "def count_parameters(model):\n"
        "    return sum(p.numel() for p in model.parameters() if p.requires_grad)\n\n"
        "print(f'{count_parameters(model):,} trainable parameters')",
        ("out", f"{base + head:,} trainable parameters\n"),
    )
    if o["freeze"] == "ok":
        nb.code(
            "for name, param in model.named_parameters():\n"
            "    if name.startswith('bert'):\n        param.requires_grad = False"
        )
    else:
        nb.code(
            "for name, param in model.named_parameters():\n"
            "    if name.startswith('rnn'):\n        param.requires_grad = False"
        )
    nb.code(
        q("2c") + "print(f'{count_parameters(model):,} trainable parameters after freezing')",
        ("out", f"{head:,} trainable parameters after freezing\n"),
    )

    nb.md(sec("3", "Training"))
    if o["optimizer"] == "adam":
        opt = "optimizer = optim.Adam(model.parameters())"
    else:
        opt = "optimizer = optim.SGD(model.parameters(), lr=1e-3)"
    nb.code(
        f"import time\nimport torch.optim as optim\n\n{opt}\ncriterion = nn.BCEWithLogitsLoss()\n\n"
        "model = model.to(device)\ncriterion = criterion.to(device)"
    )
    nb.code(
        "def binary_accuracy(preds, y):\n"
        + "    "
        + q("3a").replace("\n", "\n    ")
        + "probs = torch.sigmoid(preds)\n"
        "    return ((probs >= 0.5).float() == y).float().mean()"
    )
    tq = o["log"] == "tqdm"
    it_tr = "tqdm(iterator, desc='train', leave=True)" if tq else "iterator"
    it_ev = "tqdm(iterator, desc='eval', leave=True)" if tq else "iterator"
    nb.code(
        ("from tqdm import tqdm\n\n" if tq else "")
        + "def train(model, iterator, optimizer, criterion):\n    "
        + q("3b").replace("\n", "\n    ")
        + "model.train()\n    tot_loss, tot_acc = 0.0, 0.0\n"
        f"    for batch in {it_tr}:\n"
        "        optimizer.zero_grad()\n        predictions = model(batch.text).squeeze(1)\n"
        "        loss = criterion(predictions, batch.label)\n        loss.backward()\n"
        "        optimizer.step()\n        tot_loss += loss.item()\n"
        "        tot_acc += binary_accuracy(predictions, batch.label).item()\n"
        "    return tot_loss / len(iterator), tot_acc / len(iterator)"
    )
    nb.code(
        "def evaluate(model, iterator, criterion):\n    "
        + q("3c").replace("\n", "\n    ")
        + "model.eval()\n    tot_loss, tot_acc = 0.0, 0.0\n    with torch.no_grad():\n"
        f"        for batch in {it_ev}:\n"
        "            predictions = model(batch.text).squeeze(1)\n"
        "            tot_loss += criterion(predictions, batch.label).item()\n"
        "            tot_acc += binary_accuracy(predictions, batch.label).item()\n"
        "    return tot_loss / len(iterator), tot_acc / len(iterator)\n\n"
        "def epoch_time(start, end):\n    m = int((end - start) / 60)\n"
        "    return m, int(end - start - 60 * m)"
    )

    n_ep = o["n_epochs"]
    rows = o["rows"] or _bert_rows(name, n_ep, o["val"], sgd=o["optimizer"] == "sgd")
    loop, log, err = _bert_loop(o["log"], rows, bs)
    if o["oom_fix"]:
        nb.code(
            q("3d") + loop,
            (
                "exc",
                "OutOfMemoryError",
                "CUDA out of memory. Tried to allocate 1.12 GiB. GPU 0 has a total capacity of "
                "14.75 GiB of which 318.06 MiB is free.",
                [
                    "\x1b[0;31m-----------------------------------------------------------------"
                    "----------\x1b[0m",
                    "\x1b[0;31mOutOfMemoryError\x1b[0m                          Traceback (most "
                    "recent call last)",
                    "\x1b[0;32m<ipython-input-21-5f2c07a1e9d3>\x1b[0m in \x1b[0;36m<cell line: 4>"
                    "\x1b[0;34m()\x1b[0m\n      5     start_time = time.time()\n"
                    "\x1b[0;32m----> 6\x1b[0;31m     train_loss, train_acc = train(model, "
                    "train_iterator, optimizer, criterion)\x1b[0m",
                    "\x1b[0;32m/usr/local/lib/python3.10/dist-packages/torch/nn/modules/rnn.py"
                    "\x1b[0m in \x1b[0;36mforward\x1b[0;34m(self, input, hx)\x1b[0m\n"
                    "\x1b[0;32m-> 1139\x1b[0;31m             result = _VF.gru(input, hx, "
                    "self._flat_weights, self.bias, self.num_layers,\x1b[0m",
                    "\x1b[0;31mOutOfMemoryError\x1b[0m: CUDA out of memory. Tried to allocate "
                    "1.12 GiB. GPU 0 has a total capacity of 14.75 GiB of which 318.06 MiB is "
                    "free.",
                ],
            ),
        )
        nb.md(
            "The first run ran out of GPU memory (long reviews x batch 128). Halving the batch "
            "size, rebuilding the iterators and running the loop again:"
        )
        bs = 64
        nb.code(
            "import gc\ngc.collect(); torch.cuda.empty_cache()\n\nBATCH_SIZE = 64\n"
            "train_iterator, valid_iterator, test_iterator = data.BucketIterator.splits(\n"
            "    (train_data, valid_data, test_data), batch_size=BATCH_SIZE, device=device)"
        )
        loop, log, err = _bert_loop(o["log"], rows, bs)
        nb.code(loop, *([("err", err)] if err else []), ("out", log))
    else:
        nb.code(q("3d") + loop, *([("err", err)] if err else []), ("out", log))

    tl, ta = o["test"]
    if o["test_mode"] == "ok":
        src, outs = _bert_test(o["test_style"], tl, ta, bs if o["log"] == "tqdm" else 0)
        nb.code(src, *outs)
    else:
        nb.md(
            f"**Test set** (best checkpoint): loss {tl:.3f}, accuracy **{ta * 100:.1f}%**, in "
            "line with the validation accuracy of the second epoch."
        )

    if o["q4"] == "absent":
        if o["closing"]:
            nb.md(o["closing"])
        return nb
    nb.md(sec("4", "Inference"))
    nb.code(
        "def predict_sentiment(model, tokenizer, sentence):\n    model.eval()\n"
        "    tokens = tokenizer.tokenize(sentence)[:max_input_length - 2]\n"
        "    ids = [init_token_idx] + tokenizer.convert_tokens_to_ids(tokens) + [eos_token_idx]\n"
        "    tensor = torch.LongTensor(ids).unsqueeze(0).to(device)\n"
        "    return torch.sigmoid(model(tensor)).item()"
    )
    (jl, av), own = o["preds"] or _preds(name)
    given = [("Justice League is terrible. I hated it.", jl), ("Avengers was great!!", av)]
    if o["q4"] == "typed_md":

        def lab(p):
            return "positive" if p >= 0.5 else "negative"

        nb.md(
            "Q4a.\n\n"
            + "\n".join(f'- "{s}" → {p:.3f} ({lab(p)})' for s, p in given)
            + "\n\nQ4b. Two reviews of my own:\n\n"
            + "\n".join(f'- "{s}" → {p:.3f} ({lab(p)})' for s, p in own)
        )
    else:
        for qid, pairs in (("4a", given), ("4b", own)):
            _bert_q4(nb, q(qid), o["q4_style"], pairs)
    if o["closing"]:
        nb.md(o["closing"])
    return nb


def _bert_loop(style: str, rows, bs: int):
    n = len(rows)
    head = (
        f"N_EPOCHS = {n}\nbest_valid_loss = float('inf')\n\n"
        + ("history = []\n" if style == "table" else "")
        + "for epoch in range(N_EPOCHS):\n    start_time = time.time()\n"
        "    train_loss, train_acc = train(model, train_iterator, optimizer, criterion)\n"
        "    valid_loss, valid_acc = evaluate(model, valid_iterator, criterion)\n"
        "    mins, secs = epoch_time(start_time, time.time())\n"
        "    if valid_loss < best_valid_loss:\n        best_valid_loss = valid_loss\n"
        "        torch.save(model.state_dict(), 'bert-gru.pt')\n"
    )
    log, err = "", ""
    if style == "template":
        src = head + (
            "    print(f'Epoch: {epoch+1:02} | Epoch Time: {mins}m {secs}s')\n"
            "    print(f'\\tTrain Loss: {train_loss:.3f} | Train Acc: {train_acc*100:.2f}%')\n"
            "    print(f'\\t Val. Loss: {valid_loss:.3f} |  Val. Acc: {valid_acc*100:.2f}%')"
        )
        for i, (m, s, tl, ta, vl, va) in enumerate(rows, 1):
            log += (
                f"Epoch: {i:02} | Epoch Time: {m}m {s}s\n\tTrain Loss: {tl:.3f} | Train Acc: "
                f"{ta * 100:.2f}%\n\t Val. Loss: {vl:.3f} |  Val. Acc: {va * 100:.2f}%\n"
            )
    elif style == "tqdm":
        src = head + (
            "    print(f'epoch {epoch + 1}: train_loss={train_loss:.4f} train_acc={train_acc:.4f}"
            " | val_loss={valid_loss:.4f} val_acc={valid_acc:.4f} ({mins}m {secs}s)')"
        )
        ntr, nva = math.ceil(17500 / bs), math.ceil(7500 / bs)
        for i, (m, s, tl, ta, vl, va) in enumerate(rows, 1):
            tr_s = m * 60 + s - 95
            ev_s = 95
            err += (
                f"train: 100%|██████████| {ntr}/{ntr} [{tr_s // 60:02d}:{tr_s % 60:02d}<00:00, "
                f"{tr_s / ntr:5.2f}s/it]\n"
                f"eval: 100%|██████████| {nva}/{nva} [{ev_s // 60:02d}:{ev_s % 60:02d}<00:00, "
                f"{nva / ev_s:5.2f}it/s]\n"
            )
            log += (
                f"epoch {i}: train_loss={tl:.4f} train_acc={ta:.4f} | val_loss={vl:.4f} "
                f"val_acc={va:.4f} ({m}m {s}s)\n"
            )
    elif style == "dict":
        src = head + (
            "    print({'epoch': epoch + 1, 'train_loss': round(train_loss, 4),\n"
            "           'train_acc': round(train_acc, 4), 'val_loss': round(valid_loss, 4),\n"
            "           'val_acc': round(valid_acc, 4), 'time': f'{mins}m {secs}s'})"
        )
        for i, (m, s, tl, ta, vl, va) in enumerate(rows, 1):
            log += (
                f"{{'epoch': {i}, 'train_loss': {round(tl, 4)}, 'train_acc': {round(ta, 4)}, "
                f"'val_loss': {round(vl, 4)}, 'val_acc': {round(va, 4)}, 'time': '{m}m {s}s'}}\n"
            )
    else:  # table
        src = (
            head + "    history.append((epoch + 1, train_loss, train_acc, valid_loss, valid_acc, "
            "f'{mins}m{secs:02d}s'))\n\n"
            "print(f\"{'epoch':>5} | {'train loss':>10} | {'train acc':>9} | {'val loss':>8} | "
            "{'val acc':>7} | {'time':>7}\")\nprint('-' * 62)\n"
            "for e, a, b, c, d, t in history:\n"
            "    print(f'{e:>5} | {a:>10.4f} | {b:>9.2%} | {c:>8.4f} | {d:>7.2%} | {t:>7}')"
        )
        log = (
            f"{'epoch':>5} | {'train loss':>10} | {'train acc':>9} | {'val loss':>8} | "
            f"{'val acc':>7} | {'time':>7}\n" + "-" * 62 + "\n"
        )
        for i, (m, s, tl, ta, vl, va) in enumerate(rows, 1):
            t = f"{m}m{s:02d}s"
            log += f"{i:>5} | {tl:>10.4f} | {ta:>9.2%} | {vl:>8.4f} | {va:>7.2%} | {t:>7}\n"
    return src, log, err


def _bert_test(style: str, tl: float, ta: float, bs: int):
    load = "model.load_state_dict(torch.load('bert-gru.pt'))\n"
    outs = []
    if bs:
        nte = math.ceil(25000 / bs)
        outs.append(
            ("err", f"eval: 100%|██████████| {nte}/{nte} [05:12<00:00,  {nte / 312:.2f}it/s]\n")
        )
    if style == "template":
        src = load + (
            "test_loss, test_acc = evaluate(model, test_iterator, criterion)\n"
            "print(f'Test Loss: {test_loss:.3f} | Test Acc: {test_acc*100:.2f}%')"
        )
        outs.append(("out", f"Test Loss: {tl:.3f} | Test Acc: {ta * 100:.2f}%\n"))
    elif style == "fstring":
        src = load + (
            "test_loss, test_acc = evaluate(model, test_iterator, criterion)\n"
            'print(f"test accuracy = {test_acc:.4f} (loss {test_loss:.4f})")'
        )
        outs.append(("out", f"test accuracy = {ta:.4f} (loss {tl:.4f})\n"))
    else:
        src = load + (
            "test_loss, test_acc = evaluate(model, test_iterator, criterion)\n"
            "{'test_loss': round(test_loss, 4), 'test_acc': round(test_acc, 4)}"
        )
        outs.append(("res", f"{{'test_loss': {round(tl, 4)}, 'test_acc': {round(ta, 4)}}}"))
    return src, outs


def _bert_q4(nb: NB, mark: str, style: str, pairs):
    if style == "expr":
        for k, (s, p) in enumerate(pairs):
            nb.code(
                (mark if k == 0 else "") + f'predict_sentiment(model, tokenizer, "{s}")',
                ("res", repr(p)),
            )
    elif style == "loop":
        lines = ",\n           ".join(f'"{s}"' for s, _ in pairs)
        nb.code(
            mark + f"for s in [{lines}]:\n    p = predict_sentiment(model, tokenizer, s)\n"
            "    print(f\"{p:.3f} -> {'POS' if p >= 0.5 else 'NEG'} : {s}\")",
            (
                "out",
                "".join(f"{p:.3f} -> {'POS' if p >= 0.5 else 'NEG'} : {s}\n" for s, p in pairs),
            ),
        )
    else:  # table
        lines = ",\n           ".join(f'"{s}"' for s, _ in pairs)
        nb.code(
            mark + f"reviews = [{lines}]\n"
            "results = [(predict_sentiment(model, tokenizer, r), r) for r in reviews]\n"
            "print(f\"{'p(pos)':>8}  review\")\nfor p, r in results:\n"
            '    print(f"{p:8.4f}  {r}")',
            ("out", f"{'p(pos)':>8}  review\n" + "".join(f"{p:8.4f}  {s}\n" for s, p in pairs)),
        )


# --------------------------------------------------------------------------------------------
# ViT notebook (hw2 p4)
# --------------------------------------------------------------------------------------------


def _vit_params(dim, mlp, depth, patch, ch, img, classes=10):
    n = (img // patch) ** 2
    layer = (3 * dim * dim + 3 * dim) + (dim * dim + dim) + (dim * mlp + mlp) + (mlp * dim + dim)
    layer += 4 * dim  # two LayerNorms
    embed = patch * patch * ch * dim + dim + dim + (n + 1) * dim  # conv, [CLS], positions
    return depth * layer + embed + 2 * dim + dim * classes + classes


def _vit_rows(seed: str, n: int, start: float, final: float):
    """(train_loss, train_acc, test_loss, test_acc%) per epoch, ending exactly at ``final``."""
    rng = random.Random("vit-rows:" + seed)
    rows = []
    for e in range(1, n + 1):
        frac = (1 - math.exp(-2.8 * e / n)) / (1 - math.exp(-2.8))
        acc = start + (final - start) * frac + (rng.uniform(-0.3, 0.3) if e < n else 0.0)
        if e == n:
            acc = final
        te_loss = 0.31 + (89.0 - acc) * 0.027 + rng.uniform(-0.008, 0.008)
        tr_acc = min(0.99, acc / 100 - 0.03 + 0.045 * e / n + rng.uniform(-0.003, 0.003))
        tr_loss = 0.3 + (0.9 - tr_acc) * 2.2 + 0.1 / e + rng.uniform(-0.01, 0.01)
        rows.append((tr_loss, tr_acc, te_loss, acc))
    return rows


VIT_OPTS = dict(
    title="# Problem 4 — Vision Transformer on FashionMNIST",
    cls="FashionViT",
    dataset="FashionMNIST",  # "FashionMNIST" | "CIFAR10"
    patch=4,
    depth=6,
    heads=4,
    dim=128,
    mlp=256,
    epochs=12,
    start=80.2,
    final=88.4,
    log="tqdm",  # "tqdm" | "table" | "plain" | "dict"
    integrity=None,  # None | "impossible" (printed fields the code does not print)
    batch=128,
)


def _vit(name: str, **kw) -> NB:
    o = dict(VIT_OPTS)
    o.update(kw)
    nb = NB(name)
    ds = o["dataset"]
    cifar = ds == "CIFAR10"
    ch, img = (3, 32) if cifar else (1, 28)
    ntrain = 50000 if cifar else 60000
    if o["title"]:
        nb.md(o["title"])
    nb.md(
        f"Patch size {o['patch']}x{o['patch']}, {o['depth']} encoder layers, {o['heads']} heads, "
        f"embedding size {o['dim']}; trained from scratch with AdamW."
    )
    nb.code(
        "import math, time\nimport torch\nimport torch.nn as nn\nimport torchvision\n"
        "import torchvision.transforms as T\n\n"
        "device = 'cuda' if torch.cuda.is_available() else 'cpu'\ntorch.manual_seed(7)\n"
        "print(torch.__version__, device)",
        ("out", "2.2.1+cu121 cuda\n"),
    )
    if cifar:
        norm = "T.Normalize((0.4914, 0.4822, 0.4465), (0.2470, 0.2435, 0.2616))"
        dl = [
            (
                "out",
                "Downloading https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz to "
                "./data/cifar-10-python.tar.gz\nExtracting ./data/cifar-10-python.tar.gz to "
                "./data\nFiles already downloaded and verified\n",
            ),
            ("err", "100%|██████████| 170498071/170498071 [00:04<00:00, 38811307.92it/s]\n"),
            ("out", "50000 10000\n"),
        ]
    else:
        norm = "T.Normalize((0.2860,), (0.3530,))"
        base = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"
        out, err = "", ""
        for f, size in (
            ("train-images-idx3-ubyte", 26421880),
            ("train-labels-idx1-ubyte", 29515),
            ("t10k-images-idx3-ubyte", 4422102),
            ("t10k-labels-idx1-ubyte", 5148),
        ):
            out += f"Downloading {base}{f}.gz to ./data/FashionMNIST/raw/{f}.gz\n"
            err += f"100%|██████████| {size}/{size} [00:00<00:00, {size * 3}.41it/s]\n"
        dl = [("out", out), ("err", err), ("out", "60000 10000\n")]
    nb.code(
        f"tf = T.Compose([T.ToTensor(), {norm}])\n"
        f"train_set = torchvision.datasets.{ds}('./data', train=True, download=True, transform=tf)\n"
        f"test_set = torchvision.datasets.{ds}('./data', train=False, download=True, transform=tf)\n"
        f"train_loader = torch.utils.data.DataLoader(train_set, batch_size={o['batch']}, "
        "shuffle=True, num_workers=2)\n"
        "test_loader = torch.utils.data.DataLoader(test_set, batch_size=512, num_workers=2)\n"
        "print(len(train_set), len(test_set))",
        *dl,
    )
    nb.code(
        f"class {o['cls']}(nn.Module):\n"
        '    """ViT: square patches -> linear embedding + [CLS] + learned positions ->\n'
        '    pre-norm encoder layers -> LayerNorm + linear head on the [CLS] token."""\n\n'
        f"    def __init__(self, image_size={img}, patch_size=4, in_channels={ch}, "
        "num_classes=10,\n"
        f"                 dim={o['dim']}, depth=6, heads=4, mlp_dim={o['mlp']}, dropout=0.1):\n"
        "        super().__init__()\n"
        "        n_patches = (image_size // patch_size) ** 2\n"
        "        self.patchify = nn.Conv2d(in_channels, dim, kernel_size=patch_size, "
        "stride=patch_size)\n"
        "        self.cls = nn.Parameter(torch.zeros(1, 1, dim))\n"
        "        self.pos = nn.Parameter(torch.randn(1, n_patches + 1, dim) * 0.02)\n"
        "        layer = nn.TransformerEncoderLayer(dim, heads, mlp_dim, dropout, "
        "activation='gelu',\n"
        "                                           batch_first=True, norm_first=True)\n"
        "        self.encoder = nn.TransformerEncoder(layer, num_layers=depth)\n"
        "        self.head = nn.Sequential(nn.LayerNorm(dim), nn.Linear(dim, num_classes))\n\n"
        "    def forward(self, x):\n"
        "        x = self.patchify(x).flatten(2).transpose(1, 2)          # (B, N, dim)\n"
        "        x = torch.cat([self.cls.expand(x.size(0), -1, -1), x], dim=1) + self.pos\n"
        "        return self.head(self.encoder(x)[:, 0])"
    )
    npar = _vit_params(o["dim"], o["mlp"], o["depth"], o["patch"], ch, img)
    nb.code(
        f"model = {o['cls']}(patch_size={o['patch']}, depth={o['depth']}, heads={o['heads']})"
        ".to(device)\n"
        "print(sum(p.numel() for p in model.parameters()), 'parameters')\n"
        f"print(model(torch.zeros(2, {ch}, {img}, {img}, device=device)).shape)",
        (
            "err",
            "/usr/local/lib/python3.10/dist-packages/torch/nn/modules/transformer.py:286: "
            "UserWarning: enable_nested_tensor is True, but self.use_nested_tensor is False "
            'because encoder_layer.norm_first was True\n  warnings.warn(f"enable_nested_tensor '
            'is True, but self.use_nested_tensor is False because {why_not_sparsity_fast_path}")\n',
        ),
        ("out", f"{npar} parameters\ntorch.Size([2, 10])\n"),
    )
    n = o["epochs"]
    rows = _vit_rows(name, n, o["start"], o["final"])
    nb.code(
        "EPOCHS = " + str(n) + "\n"
        "optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=0.05)\n"
        "scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=EPOCHS)\n"
        "criterion = nn.CrossEntropyLoss()\n\n"
        "@torch.no_grad()\ndef evaluate(model, loader):\n    model.eval()\n"
        "    loss, correct, seen = 0.0, 0, 0\n    for x, y in loader:\n"
        "        x, y = x.to(device), y.to(device)\n        out = model(x)\n"
        "        loss += criterion(out, y).item() * y.size(0)\n"
        "        correct += (out.argmax(1) == y).sum().item()\n        seen += y.size(0)\n"
        "    return loss / seen, correct / seen"
    )
    nb_tr = math.ceil(ntrain / o["batch"])
    body = (
        "for epoch in range(1, EPOCHS + 1):\n    model.train()\n"
        "    run_loss, run_correct, seen = 0.0, 0, 0\n"
        "    for x, y in {it}:\n"
        "        x, y = x.to(device), y.to(device)\n        optimizer.zero_grad()\n"
        "        out = model(x)\n        loss = criterion(out, y)\n        loss.backward()\n"
        "        optimizer.step()\n        run_loss += loss.item() * y.size(0)\n"
        "        run_correct += (out.argmax(1) == y).sum().item()\n        seen += y.size(0)\n"
        "    scheduler.step()\n"
    )
    style = o["log"]
    err = ""
    if o["integrity"] == "impossible":
        src = body.format(it="train_loader") + (
            "    print(f'epoch {epoch}: loss {run_loss / seen:.4f}')"
        )
        log = "".join(
            f"epoch {e}: loss {r[0]:.4f} | test acc {r[3] / 100:.4f}\n"
            for e, r in enumerate(rows, 1)
        )
    elif style == "tqdm":
        src = (
            "from tqdm import tqdm\n\n"
            + body.format(it="tqdm(train_loader, desc=f'epoch {epoch}/{EPOCHS}')")
            + (
                "    te_loss, te_acc = evaluate(model, test_loader)\n"
                "    print(f'  train loss {run_loss / seen:.4f}  train acc {run_correct / seen:.4f}"
                "  test loss {te_loss:.4f}  test acc {te_acc:.4f}')"
            )
        )
        log = ""
        rng = random.Random("vit-tqdm:" + name)
        for e, r in enumerate(rows, 1):
            secs = 27 + rng.randint(0, 4)
            err += (
                f"epoch {e}/{n}: 100%|██████████| {nb_tr}/{nb_tr} [00:{secs:02d}<00:00, "
                f"{nb_tr / secs:.2f}it/s]\n"
            )
            log += (
                f"  train loss {r[0]:.4f}  train acc {r[1]:.4f}  test loss {r[2]:.4f}  "
                f"test acc {r[3] / 100:.4f}\n"
            )
    elif style == "table":
        src = (
            "print(f\"{'epoch':>5} {'train_loss':>10} {'train_acc':>9} {'test_loss':>9} "
            "{'test_acc':>8}\")\n"
            + body.format(it="train_loader")
            + "    te_loss, te_acc = evaluate(model, test_loader)\n"
            "    print(f'{epoch:>5} {run_loss / seen:>10.4f} {run_correct / seen:>9.2%} "
            "{te_loss:>9.4f} {te_acc:>8.2%}')"
        )
        log = f"{'epoch':>5} {'train_loss':>10} {'train_acc':>9} {'test_loss':>9} {'test_acc':>8}\n"
        for e, r in enumerate(rows, 1):
            log += f"{e:>5} {r[0]:>10.4f} {r[1]:>9.2%} {r[2]:>9.4f} {r[3] / 100:>8.2%}\n"
    elif style == "dict":
        src = body.format(it="train_loader") + (
            "    te_loss, te_acc = evaluate(model, test_loader)\n"
            "    print({'epoch': epoch, 'train_loss': round(run_loss / seen, 4),\n"
            "           'test_loss': round(te_loss, 4), 'test_acc': round(te_acc, 4)})"
        )
        log = "".join(
            f"{{'epoch': {e}, 'train_loss': {round(r[0], 4)}, 'test_loss': {round(r[2], 4)}, "
            f"'test_acc': {round(r[3] / 100, 4)}}}\n"
            for e, r in enumerate(rows, 1)
        )
    else:  # plain
        src = body.format(it="train_loader") + (
            "    te_loss, te_acc = evaluate(model, test_loader)\n"
            "    print(f'Epoch {epoch:2d}/{EPOCHS} - loss {run_loss / seen:.3f} - "
            "test accuracy {100 * te_acc:.2f}%')"
        )
        log = "".join(
            f"Epoch {e:2d}/{n} - loss {r[0]:.3f} - test accuracy {r[3]:.2f}%\n"
            for e, r in enumerate(rows, 1)
        )
    nb.code(src, *([("err", err)] if err else []), ("out", log))
    if o["integrity"] == "impossible":
        nb.code(
            "test_loss, test_acc = evaluate(model, test_loader)",
            ("out", f"Test accuracy: {o['final']:.2f}%\n"),
        )
    else:
        nb.code(
            "test_loss, test_acc = evaluate(model, test_loader)\n"
            "print(f'final test accuracy: {100 * test_acc:.2f}% (test loss {test_loss:.4f})')",
            ("out", f"final test accuracy: {o['final']:.2f}% (test loss {rows[-1][2]:.4f})\n"),
        )
    return nb


def _rerun(nb: NB, late: tuple[str, ...], gap_at: str | None = None, gap: int = 0):
    """Honest execution counts after re-runs: cells whose source contains one of ``late`` were
    re-run at the very end (their counts are the highest); a restart-like jump of ``gap``
    before the cell containing ``gap_at``."""
    c = 0
    later = []
    for cell in nb.cells:
        if cell["t"] != "code":
            continue
        if any(s in cell["src"] for s in late):
            later.append(cell)
            continue
        if gap_at and gap_at in cell["src"]:
            c += gap
        c += 1
        cell["count"] = c
    for cell in later:
        c += 1
        cell["count"] = c


# --------------------------------------------------------------------------------------------
# score ranges shared by many cases
# --------------------------------------------------------------------------------------------

R_HW2 = {
    "p1": (2.5, 3.0, "correct: y_T = sigmoid(1000 * (even-step sum - odd-step sum)), derived"),
    "p2": (2.5, 3.0, "norms sqrt2 b, b, sqrt2 b; softmax saturates, y_i -> x_i; copying explained"),
    "p3": (1.5, 2.0, "associativity Q(K^T V): d x d summary computed once, O(T d^2)"),
}
R_HW3 = {
    "p1": (2.25, 3.0, "two explained CNN benefits and two explained RNN benefits"),
    "p2": (3.25, 4.0, "correct: y_T = sigmoid(1000 * (even-step sum - odd-step sum)), derived"),
    "p3": (2.5, 3.0, "norms sqrt2 b, b, sqrt2 b; y_i -> x_i as beta grows; copying explained"),
}
R_HW22 = {
    "p1": (2.25, 3.0, "two explained CNN benefits and two explained RNN benefits"),
    "p2": (3.25, 4.0, "correct: y_T = sigmoid(1000 * (even-step sum - odd-step sum)), derived"),
    "p3": (2.25, 3.0, "kernel/linear attention and sliding-window attention, each with pros/cons"),
}

VIT_OK = (2.75, 3.0)
VIT_OK_PDF = (2.5, 3.0)
BERT2_OK = (3.6, 4.0)
BERT2_OK_PDF = (3.4, 4.0)
BERT3_OK = (5.5, 6.0)
BERT3_OK_PDF = (5.25, 6.0)

BERT_WHY = (
    "complete and executed: 30522, ids [7592 ... 1029], 17500/7500/25000, 256/1/2/True/0.25, "
    "112,241,409 then 2,759,169, binary_accuracy/train/evaluate correct, 2 epochs, test {acc}, "
    "both given reviews and two own reviews predicted"
)
VIT_WHY = (
    "ViT from scratch on FashionMNIST, patch 4, 6 layers, 4 heads; executed {n}-epoch log, final "
    "test accuracy {acc}"
)


def _join(*blocks: str) -> str:
    return "\n\n".join(b.strip("\n") for b in blocks if b is not None)


# --------------------------------------------------------------------------------------------
# theory-centred cases
# --------------------------------------------------------------------------------------------


def _theory_cases() -> list[Case]:
    cs: list[Case] = []

    # 1. "Q.1 / Q.2 / Q.3", parts 2.a 2.b 2.c, LaTeX, all correct --------------------------------
    txt = _join(
        "# Deep Learning — Assignment 2 (written part)\n\nPriya Raman · NetID pr2291",
        "## Q.1",
        REC_PAIRS_TEX,
        "## Q.2",
        "**2.a** " + SA_GRAM_TEX[0],
        "**2.b** " + SA_GRAM_TEX[1],
        "**2.c** " + SA_GRAM_TEX[2],
        "## Q.3",
        LA_ASSOC_TEX,
    )
    cs.append(
        _mk(
            "qdot-latex-correct",
            "headings",
            HW2,
            {"pr2291_hw2_written.md": txt},
            {
                "p1": (
                    2.75,
                    3.0,
                    "correct, pairwise unrolling to sum_k (x_2k - x_2k-1) in sigmoid(1000 .)",
                ),
                "p2": (
                    2.75,
                    3.0,
                    "norms, Gram-matrix softmax -> identity, y_i -> x_i, copy explained",
                ),
                "p3": (
                    1.75,
                    2.0,
                    "Q(K^T V) and q_i^T sum k_j normaliser, O(T d d_v), why exp breaks it",
                ),
            },
        )
    )

    # 2. "Exercise I/II/III", (i)/(ii), plain text; recurrence without the sigmoid --------------
    txt = _join(
        "HOMEWORK 3\nMarco Bianchi   mb7310",
        "Exercise I",
        "(a) Benefits of CNNs over RNNs for image classification\n" + CR_ROMAN[0],
        "(b) Benefits of RNNs over CNNs\n" + CR_ROMAN[1],
        "Exercise II",
        REC_NOSIG,
        "Exercise III",
        "(i) " + SA_PLAIN_OK[0],
        "(ii) " + SA_PLAIN_OK[1],
        "(iii) " + SA_PLAIN_OK[2],
    )
    cs.append(
        _mk(
            "exercise-roman-no-sigmoid",
            "wrong_answer",
            HW3,
            {"hw3_mb7310.txt": txt},
            {
                "p1": (2.5, 3.0, "two CNN and two RNN benefits, each explained"),
                "p2": (
                    1.0,
                    2.0,
                    "alternating sum derived correctly but the output is given as 1000*h_T with no sigmoid (a real number, not a probability)",
                ),
                "p3": R_HW3["p3"][:2] + ("correct norms, limits and copy explanation, plain text",),
            },
        )
    )

    # 3. unicode, title + NetID; norms squared ----------------------------------------------------
    txt = _join(
        "# Assignment 2\n\nName: Hyun-woo Park\nNetID: hp2047\nCourse: ECE-GY 7123",
        "## Problem 1 — Recurrences using RNNs",
        REC_LINES_UNI,
        "## Problem 2 — Understanding self-attention",
        "(a) " + SA_NORMSQ[0],
        "(b) " + SA_NORMSQ[1],
        "(c) " + SA_NORMSQ[2],
        "## Problem 3 — Linear attention",
        LA_RUNNING_UNI,
    )
    cs.append(
        _mk(
            "unicode-norms-squared",
            "wrong_answer",
            HW2,
            {"assignment2_hp2047.md": txt},
            {
                "p1": (2.75, 3.0, "correct, step-by-step unrolling over several lines, unicode"),
                "p2": (
                    2.25,
                    2.6,
                    "norms given as 2b^2, b^2, 2b^2 (squared norms) -> (a) lost; (b) limits and (c) copying correct",
                ),
                "p3": (
                    1.75,
                    2.0,
                    "shared sums S = sum k v^T and z = sum k, two linear passes, O(T d^2)",
                ),
            },
        )
    )

    # 4. title page, "Task 1/2/3", PDF; self-attention without the limit --------------------------
    txt = _join(
        "# Homework 3",
        "ECE-GY 7123 Deep Learning — Spring 2023",
        "Submitted by: Aisha Bello (ab9921)",
        PAGEBREAK,
        "## Task 1",
        "(a) CNNs over RNNs\n" + CR_BULLETS[0],
        "(b) RNNs over CNNs\n" + CR_BULLETS[1],
        "## Task 2",
        REC_INDICATOR_UNI,
        "## Task 3",
        "(a) " + SA_NOLIMIT[0],
        "(b) " + SA_NOLIMIT[1],
        "(c) " + SA_NOLIMIT[2],
    )
    cs.append(
        _mk(
            "task-titlepage-no-limit-pdf",
            "wrong_answer",
            HW3,
            {"HW3_ab9921.pdf": _doc_pdf(txt)},
            {
                "p1": (2.25, 3.0, "two CNN and two RNN benefits, explained (bullets)"),
                "p2": (3.25, 4.0, "correct by induction, final answer as 1 / 1/2 / 0 cases"),
                "p3": (
                    0.75,
                    1.75,
                    "norms right; softmax weights written exactly but beta -> infinity never taken, outputs called mixtures (y1 'combines x1 and x3'); copy explanation generic",
                ),
            },
        )
    )

    # 5. "(1) (2) (3)", plain text; linear normalisation, thin linear attention -----------------
    txt = _join(
        "Assignment 2 - written answers - Tomasz Nowak (tn1180)",
        "(1)",
        REC_CODE.replace("`", ""),
        "(2)",
        "a) " + SA_LINEAR[0],
        "b) " + SA_LINEAR[1],
        "c) " + SA_LINEAR[2],
        "(3)",
        LA_THIN,
    )
    cs.append(
        _mk(
            "paren-numbers-linear-normalisation",
            "wrong_answer",
            HW2,
            {"answers.txt": txt},
            {
                "p1": (
                    2.5,
                    3.0,
                    "correct, slice notation sum(x[1::2]) - sum(x[0::2]) with a worked check",
                ),
                "p2": (
                    0.5,
                    1.25,
                    "norms right; weights normalised linearly (no softmax): y1 = (2x1 + x3)/3, y3 = (x1 + 2x3)/3, claimed independent of beta; 'attention averages'",
                ),
                "p3": (
                    0.75,
                    1.5,
                    "one sentence: associativity Q(K^T V) 'becomes linear'; no cost analysis, no normaliser",
                ),
            },
        )
    )

    # 6. "## 1 / ## 2 / ## 3", parts as bullets; "attention averages" -------------------------
    sa = "\n".join(
        [
            "- **norms:** " + SA_AVERAGES[0],
            "- **outputs:** " + SA_AVERAGES[1].replace("\n", " "),
            "- **copying:** " + SA_AVERAGES[2],
        ]
    )
    cr = "\n".join(
        ["- **CNN > RNN**"]
        + ["  " + x for x in CR_BULLETS[0].split("\n")]
        + ["- **RNN > CNN**"]
        + ["  " + x for x in CR_BULLETS[1].split("\n")]
    )
    txt = _join("Homework 3 — Wen Li (wl4432)", "## 1", cr, "## 2", REC_PAIRS_TEX, "## 3", sa)
    cs.append(
        _mk(
            "bullets-attention-averages",
            "wrong_answer",
            HW3,
            {"HW3.md": txt},
            {
                "p1": (2.25, 3.0, "two CNN and two RNN benefits, explained, as nested bullets"),
                "p2": (3.5, 4.0, "correct, pairwise unrolling, LaTeX"),
                "p3": (
                    2.25,
                    2.6,
                    "norms and y_i -> x_i correct; (c) says attention is a norm-weighted average that blends the sequence: contradicts copying, (c) lost",
                ),
            },
        )
    )

    # 7. hw3-2022: "Problem 1." etc; misconceptions; recurrence in words ------------------------
    txt = _join(
        "# Homework 3 (2022)\n\nJoão Ferreira — jf3306",
        "### Problem 1.",
        "(a)\n" + CR_SHORT_OK[0],
        "(b)\n" + CR_MISC_B,
        "### Problem 2.",
        REC_WORDS,
        "### Problem 3.",
        TW_FULL,
    )
    cs.append(
        _mk(
            "hw3-2022-misconceptions-words",
            "misconception",
            HW22,
            {"hw3_jf3306.md": txt},
            {
                "p1": (
                    1.25,
                    1.9,
                    "(a) correct; (b) 'CNNs cannot handle colour images' is false and 'fewer parameters so they train faster' ignores sequential computation: (b) lost or nearly",
                ),
                "p2": (
                    3.25,
                    4.0,
                    "correct final answer stated in words: sigmoid of 1000 x (even-position total - odd-position total), with saturation",
                ),
                "p3": (
                    2.5,
                    3.0,
                    "kernel attention and sliding-window attention with pros and cons",
                ),
            },
        )
    )

    # 8. hw3-2022: "Q1 / Part (a)", PDF; only one way explained ---------------------------------
    txt = _join(
        "# HW 3",
        "Rahul Verma, rv2210",
        "## Q1",
        "Part (a)\n" + CR_ROMAN[0],
        "Part (b)\n" + CR_ROMAN[1],
        "## Q2",
        REC_LINES_UNI,
        "## Q3",
        TW_ONE,
    )
    cs.append(
        _mk(
            "hw3-2022-one-way-only-pdf",
            "incomplete",
            HW22,
            {"rv2210_hw3.pdf": _doc_pdf(txt)},
            {
                "p1": (2.5, 3.0, "two CNN and two RNN benefits, explained"),
                "p2": (3.25, 4.0, "correct, unrolled over several lines"),
                "p3": (
                    1.0,
                    2.0,
                    "linear attention explained with pros and cons; the second way is only named ('sparse attention'), no mechanism, no pros/cons",
                ),
            },
        )
    )

    # 9. no headings at all, code spans, problems in order ------------------------------------
    txt = _join(
        "Dana Kim (dk3019) - hw2",
        REC_CODE,
        SA_CODE_OK[0],
        SA_CODE_OK[1],
        SA_CODE_OK[2],
        LA_CODE,
    )
    cs.append(
        _mk(
            "no-headings-code-spans",
            "headings",
            HW2,
            {"hw2.md": txt},
            {
                "p1": (
                    2.5,
                    3.0,
                    "correct in code spans: sigmoid(1000 * (sum(x[1::2]) - sum(x[0::2]))), unheaded",
                ),
                "p2": (
                    2.5,
                    3.0,
                    "norms, softmax of beta^2 [[2,0,1],[0,1,0],[1,0,2]] -> I, y_i ≈ x_i, one-hot copy; unheaded",
                ),
                "p3": (
                    1.5,
                    2.0,
                    "K.T @ V and K.sum(0) first, O(T d^2), why exp prevents it; unheaded",
                ),
            },
        )
    )

    # 10. title page, "Question 3 / 1 / 2" out of order, PDF; CNN vs fully-connected ------------
    txt = _join(
        "# Deep Learning — Homework #3",
        "Elena Sokolova",
        "NetID: es5582",
        PAGEBREAK,
        "## Question 3",
        "a. " + SA_UNI_OK[0],
        "b. " + SA_UNI_OK[1],
        "c. " + SA_UNI_OK[2],
        "## Question 1",
        "a. " + CR_WRONGQ[0],
        "b. " + CR_WRONGQ[1],
        "## Question 2",
        REC_LINES_UNI,
    )
    cs.append(
        _mk(
            "out-of-order-cnn-vs-mlp-pdf",
            "wrong_question",
            HW3,
            {"es5582_HW3.pdf": _doc_pdf(txt)},
            {
                "p1": (
                    0.0,
                    0.75,
                    "answers CNN vs fully-connected network: RNNs never discussed, (b) praises dense layers",
                ),
                "p2": (3.25, 4.0, "correct (answered last)"),
                "p3": (2.5, 3.0, "correct (answered first)"),
            },
        )
    )

    # 11. "Problem I/II/III", plain; running sum, wrong-question linear attention ----------------
    txt = _join(
        "Assignment 2 -- Samuel Osei (so2741)",
        "Problem I",
        REC_SUMALL,
        "Problem II",
        "a) " + SA_PLAIN_OK[0],
        "b) " + SA_PLAIN_OK[1],
        "c) " + SA_PLAIN_OK[2],
        "Problem III",
        LA_WRONGQ,
    )
    cs.append(
        _mk(
            "roman-running-sum-wrong-question",
            "wrong_answer",
            HW2,
            {"so2741_assignment2.txt": txt},
            {
                "p1": (
                    0.0,
                    0.75,
                    "recurrent weight read as +1: h_T = sum of all inputs, y_T = sigmoid(1000 sum x_t); wrong",
                ),
                "p2": (2.5, 3.0, "correct plain-text limits and copy explanation"),
                "p3": (
                    0.0,
                    0.5,
                    "explains why softmax attention is O(T^2) and suggests fewer heads / truncation; never argues linear attention is O(T)",
                ),
            },
        )
    )

    # 12. hw3-2022: bold headings, "a -" / "b -" parts; last-pair recurrence, no pros/cons ------
    txt = _join(
        "**Homework 3 — Chloe Martin (cm6630)**",
        "**Problem 1.**",
        "a - " + CR_SHORT_OK[0].replace("\n", " "),
        "b - " + CR_ROMAN[1].replace("\n", " "),
        "**Problem 2.**",
        REC_LASTPAIR,
        "**Problem 3.**",
        TW_NOPROS,
    )
    cs.append(
        _mk(
            "bold-headings-last-pair-no-pros",
            "wrong_answer",
            HW22,
            {"homework3.md": txt},
            {
                "p1": (
                    2.25,
                    3.0,
                    "two CNN benefits (locality/weight sharing, parallelism) and two RNN benefits, explained",
                ),
                "p2": (
                    0.5,
                    1.5,
                    "claims earlier inputs cancel: y_T = sigmoid(1000 (x_T - x_{T-1})), only right for T = 2",
                ),
                "p3": (
                    0.75,
                    1.5,
                    "Linformer and Longformer each named in one line; no pros or cons",
                ),
            },
        )
    )

    # 13. "Answer 1:" headings, LaTeX; "y1 ≈ y3", sparse misconception -------------------------
    txt = _join(
        "# HW2 theory\n\nLucas Moreau — lm8814",
        "**Answer 1:**",
        REC_INDICATOR_TEX,
        "**Answer 2:**",
        "Part (a). " + SA_MIXB[0],
        "Part (b). " + SA_MIXB[1],
        "Part (c). " + SA_MIXB[2],
        "**Answer 3:**",
        LA_SPARSE,
    )
    cs.append(
        _mk(
            "answer-headings-shared-b-sparse",
            "wrong_answer",
            HW2,
            {"hw2_lm8814.md": txt},
            {
                "p1": (
                    2.5,
                    3.0,
                    "correct by induction, final answer as a threshold on even minus odd sums",
                ),
                "p2": (
                    0.5,
                    1.25,
                    "norms right, y2 -> a right, but y1 ≈ y3 ≈ (x1 + x3)/2 (softmax gap between 2b^2 and b^2 ignored); copying explained as copying the shared b",
                ),
                "p3": (
                    0.0,
                    0.5,
                    "claims the weights become sparse; no reassociation, still T^2 scores",
                ),
            },
        )
    )

    # 14. "P1)" headings, plain; names only, signs lost while unrolling --------------------------
    txt = _join(
        "HW3 / Grace Liu / gl1903",
        "P1)",
        f"a) {CR_NAMES[0]}\nb) {CR_NAMES[1]}",
        "P2)",
        REC_BAD_UNROLL,
        "P3)",
        "a) " + SA_UNI_OK[0] + "\nb) " + SA_UNI_OK[1] + "\nc) " + SA_UNI_OK[2],
    )
    cs.append(
        _mk(
            "names-only-bad-unroll",
            "thin",
            HW3,
            {"gl1903_hw3.txt": txt},
            {
                "p1": (0.5, 1.5, "four concepts named in four words, nothing explained"),
                "p2": (
                    0.5,
                    1.5,
                    "recurrence written right but h_3 = x_3 - x_2 - x_1: final answer sigmoid(1000 (x_T - sum of earlier inputs)) is wrong",
                ),
                "p3": (2.5, 3.0, "correct norms, limits, copy explanation (unicode)"),
            },
        )
    )

    # 15. hw3-2022 as a LaTeX source file ---------------------------------------------------------
    tex = r"""\documentclass[11pt]{article}
\usepackage{amsmath,amssymb}
\usepackage[margin=1in]{geometry}
\title{ECE-GY 7123 Deep Learning\\Homework 3}
\author{Omar Haddad (oh2378)}
\date{}
\begin{document}
\maketitle

\section*{Problem 1: CNNs vs RNNs for image classification}
\begin{enumerate}
\item[(a)] \textbf{Benefits of CNNs.}
  \begin{itemize}
  \item \emph{Inductive bias for images.} Convolutions are local and share weights across positions, so the same detector fires wherever a pattern appears (translation equivariance) and the parameter count does not depend on the image size. An RNN that scans pixels or rows flattens the 2-D grid, so vertical neighbours become distant time steps.
  \item \emph{Parallelism and short gradient paths.} All spatial positions are processed at once, and the gradient path length is the network depth. An RNN over $H\times W$ pixels is a long sequential chain: slow on GPUs and prone to vanishing gradients.
  \end{itemize}
\item[(b)] \textbf{Benefits of RNNs.}
  \begin{itemize}
  \item \emph{Arbitrary input length.} The recurrent cell can read any number of rows/columns, so images of different widths (e.g.\ handwritten text lines) need no resizing.
  \item \emph{Global context from one pass.} The hidden state after the scan depends on the whole image, so long-range dependencies are captured without stacking many layers; multi-directional RNNs give each position context from the entire image.
  \end{itemize}
\end{enumerate}

\section*{Problem 2: Recurrences using RNNs}
The weights give $h_t = x_t - h_{t-1}$ with $h_0 = 0$ and $y_t = \sigma(1000\,h_t)$. Unrolling,
\begin{align*}
h_1 &= x_1, \\
h_2 &= x_2 - x_1, \\
h_3 &= x_3 - x_2 + x_1, \\
h_T &= \sum_{t=1}^{T} (-1)^{T-t} x_t .
\end{align*}
For even $T$ the coefficient of $x_t$ is $+1$ for even $t$ and $-1$ for odd $t$, so
\[
  y_T = \sigma\!\Big(1000 \Big(\sum_{t\ \text{even}} x_t - \sum_{t\ \text{odd}} x_t\Big)\Big).
\]
Since the inputs are integers, $y_T \approx 1$ if the even-indexed inputs sum to more than the odd-indexed ones, $y_T \approx 0$ if less, and $y_T = \tfrac12$ on a tie.

\section*{Problem 3: Two ways to make attention $O(T)$}
\paragraph{(1) Low-rank projection of keys and values (Linformer).} Project the $T$ keys and values to $k \ll T$ rows with learned matrices $E, F \in \mathbb{R}^{k\times T}$ and compute $\operatorname{softmax}\big(Q (EK)^\top\big)(FV)$: the score matrix is $T \times k$, so time and memory are $O(Tk)$.
\emph{Pros:} keeps the softmax, easy to implement with dense matrix products, good accuracy when attention is close to low rank.
\emph{Cons:} $E, F$ are tied to a fixed maximum length $T$; mixing all positions before the softmax breaks causal masking, so it does not suit autoregressive decoding; the low-rank approximation can lose fine detail.

\paragraph{(2) Linear (kernelised) attention.} Replace $\exp(q^\top k)$ by $\phi(q)^\top\phi(k)$ and reassociate: $y_i = \phi(q_i)^\top S / \phi(q_i)^\top z$ with $S = \sum_j \phi(k_j) v_j^\top$, $z = \sum_j \phi(k_j)$ computed once, $O(T d^2)$.
\emph{Pros:} linear time and memory, works with causal masking as a running sum (an RNN with a matrix state), any sequence length.
\emph{Cons:} only approximates softmax attention; attention becomes less peaked, which often costs accuracy, and the feature map $\phi$ is an extra design choice.

\end{document}
"""
    cs.append(
        _mk(
            "latex-source-hw3-2022",
            "format",
            HW22,
            {"main.tex": tex},
            {
                "p1": (2.5, 3.0, "two CNN and two RNN benefits with explanations (LaTeX itemize)"),
                "p2": (3.5, 4.0, "correct, h_T = sum (-1)^(T-t) x_t, even/odd split, saturation"),
                "p3": (
                    2.5,
                    3.0,
                    "Linformer low-rank projection and kernelised linear attention, each with pros and cons",
                ),
            },
        )
    )
    return cs


# --------------------------------------------------------------------------------------------
# notebook-centred cases
# --------------------------------------------------------------------------------------------


def _nb_cases() -> list[Case]:
    cs: list[Case] = []

    # N1. hw3: executed ipynb, renamed class, "# ---- Q1(a) ----" markers, tqdm bars, loop Q4 ---
    b = _bert(
        "n1",
        cls="SentimentBertGRU",
        sections="numbered",
        log="tqdm",
        val=0.9107,
        test=(0.2184, 0.9116),
        test_style="fstring",
        q4_style="loop",
    )
    cs.append(
        _mk(
            "nb-renamed-class-tqdm",
            "notebook_format",
            HW3,
            {"HW3_Problem4.ipynb": b.to_ipynb()},
            {
                "p4": BERT3_OK
                + (
                    BERT_WHY.format(acc="0.9116")
                    + "; class SentimentBertGRU, tqdm bars, sections headed '## 2. Model' etc. inside the notebook",
                )
            },
            forbid={"p4": ["integrity"]},
        )
    )

    # N2. hw3-2022: executed ipynb, some cells re-run out of order, "#### Task 2(b)" markers -----
    b = _bert("n2", marker="task_md", val=0.9082, test=(0.2231, 0.9079), title="# Problem 4")
    _rerun(b, late=("len(tokenizer.vocab)", "sizes = {"), gap_at="N_EPOCHS", gap=6)
    cs.append(
        _mk(
            "nb-rerun-out-of-order",
            "notebook_format",
            HW22,
            {"problem4.ipynb": b.to_ipynb()},
            {
                "p4": BERT3_OK
                + (
                    BERT_WHY.format(acc="90.79%")
                    + "; Q1a / Q2b cells re-run last (highest counts), a jump before training: honest re-runs",
                )
            },
            forbid={"p4": ["integrity"]},
        )
    )

    # N3. hw2: two Colab notebooks (no counts), dict-style logs, "**QUESTION 1.A**" markers ------
    v = _vit("n3v", cls="ViTClassifier", log="dict", epochs=15, start=79.6, final=88.91)
    b = _bert(
        "n3b",
        marker="caps_md",
        log="dict",
        test_style="dict",
        val=0.9118,
        test=(0.2171, 0.9129),
    )
    cs.append(
        _mk(
            "colab-dict-logs",
            "colab",
            HW2,
            {
                "Problem4_ViT.ipynb": v.to_ipynb(colab=True),
                "Problem5_BERT.ipynb": b.to_ipynb(colab=True),
            },
            {
                "p4": VIT_OK + (VIT_WHY.format(n=15, acc="88.91%") + "; Colab save, dict prints",),
                "p5": BERT2_OK + (BERT_WHY.format(acc="0.9129") + "; Colab save, dict prints",),
            },
            forbid={"p4": ["integrity"], "p5": ["integrity"]},
        )
    )

    # N4. hw3: one PDF with In/Out prompts, theory in markdown cells first -----------------------
    pre = [
        "# Homework 3\n\nIbrahim Yusuf (iy1207)",
        "## Problem 1\n\n**(a)**\n\n" + CR_BULLETS[0] + "\n\n**(b)**\n\n" + CR_BULLETS[1],
        "## Problem 2\n\n" + REC_WORDS,
        "## Problem 3\n\n(a) "
        + SA_UNI_OK[0]
        + "\n\n(b) "
        + SA_UNI_OK[1]
        + "\n\n(c) "
        + SA_UNI_OK[2],
    ]
    b = _bert(
        "n4",
        pre=pre,
        title="## Problem 4",
        marker="num_md",
        sections="numbered",
        val=0.9097,
        test=(0.2205, 0.9101),
    )
    cs.append(
        _mk(
            "pdf-in-out-prompts-with-theory",
            "printed_pdf",
            HW3,
            {"iy1207_hw3.pdf": _pdf(_nb_html(b, "in_out"))},
            {
                "p1": R_HW3["p1"][:2]
                + ("two explained CNN and two explained RNN benefits (markdown cell)",),
                "p2": R_HW3["p2"][:2] + ("correct, final answer in words (markdown cell)",),
                "p3": R_HW3["p3"][:2]
                + ("correct norms, softmax limits y_i -> x_i, copying (unicode)",),
                "p4": BERT3_OK_PDF
                + (
                    BERT_WHY.format(acc="91.01%")
                    + "; printed with In [n]: / Out[n]: prompts, '1.a' markers, notebook sections numbered '1.'-'4.' after the theory",
                ),
            },
            forbid={"p4": ["integrity"]},
        )
    )

    # N5. hw2: ViT ipynb + BERT printed without prompts, stops after the test accuracy ----------
    v = _vit("n5v", log="plain", epochs=10, start=81.0, final=87.86)
    b = _bert(
        "n5b",
        marker="todo",
        val=0.9073,
        test=(0.2244, 0.9068),
        q4="absent",
        closing="I ran out of Colab GPU time before the inference part.",
    )
    cs.append(
        _mk(
            "pdf-no-prompts-missing-inference",
            "incomplete",
            HW2,
            {
                "vit_fashionmnist.ipynb": v.to_ipynb(),
                "bert_sentiment.pdf": _pdf(_nb_html(b, "none", colab=True)),
            },
            {
                "p4": VIT_OK + (VIT_WHY.format(n=10, acc="87.86%"),),
                "p5": (
                    3.25,
                    3.625,
                    "Q1a-Q3d and test accuracy (90.68%) complete, printed without prompts; the notebook ends before the inference section: Q4a and Q4b missing",
                ),
            },
            forbid={"p4": ["integrity"], "p5": ["integrity"]},
        )
    )

    # N6. hw3: CUDA OOM traceback in the training cell, batch halved, re-run ---------------------
    b = _bert(
        "n6", oom_fix=True, log="template", val=0.9123, test=(0.2158, 0.9134), q4_style="table"
    )
    cs.append(
        _mk(
            "nb-oom-traceback-then-fix",
            "notebook_format",
            HW3,
            {"hw3_bert_gru.ipynb": b.to_ipynb()},
            {
                "p4": BERT3_OK
                + (
                    BERT_WHY.format(acc="91.34%")
                    + "; first training run died with CUDA OOM, re-run with batch 64",
                )
            },
            forbid={"p4": ["integrity"]},
        )
    )

    # N7. hw3-2022: theory md + notebook with HIDDEN_DIM 128, DROPOUT 0.5 ------------------------
    head = gru_params(768, 128, 2, True) + head_params(128, True)
    theory = _join(
        "# HW3 theory — Anna Kowalski (ak5150)",
        "## Problem 1",
        "(a)\n" + CR_ROMAN[0],
        "(b)\n" + CR_ROMAN[1],
        "## Problem 2",
        REC_INDICATOR_TEX,
        "## Problem 3",
        TW_FULL,
    )
    b = _bert(
        "n7",
        hidden=128,
        dropout=0.5,
        marker="hash_box",
        log="table",
        val=0.9036,
        test=(0.2327, 0.9042),
    )
    cs.append(
        _mk(
            "nb-wrong-hidden-dropout",
            "wrong_work",
            HW22,
            {"theory.md": theory, "hw3_code.ipynb": b.to_ipynb()},
            {
                "p1": (2.5, 3.0, "two CNN and two RNN benefits, explained"),
                "p2": (3.25, 4.0, "correct by induction, threshold form"),
                "p3": (2.5, 3.0, "kernel and sliding-window attention, pros and cons"),
                "p4": (
                    4.5,
                    5.45,
                    f"HIDDEN_DIM 128 and DROPOUT 0.5 instead of 256 / 0.25 -> Q2a lost; counts {BERT_BASE_PARAMS + head:,} / {head:,} follow from that model, not 112,241,409 / 2,759,169 -> Q2b/Q2c partial; rest correct, test 90.42%",
                ),
            },
            forbid={"p4": ["integrity"]},
        )
    )

    # N8. hw3: SGD lr 1e-3, one epoch, 64% test accuracy ----------------------------------------
    rows = [(13, 48, 0.6893, 0.5618, 0.6817, 0.6384)]
    b = _bert(
        "n8",
        optimizer="sgd",
        n_epochs=1,
        rows=rows,
        test=(0.6809, 0.6427),
        preds=(
            (_f32(0.4612), _f32(0.5318)),
            [(MY_REVIEWS[0][0], _f32(0.5471)), (MY_REVIEWS[5][0], _f32(0.5102))],
        ),
        closing="The accuracy is low; I only had time to train one epoch.",
    )
    cs.append(
        _mk(
            "nb-sgd-one-epoch-low-accuracy",
            "wrong_work",
            HW3,
            {"hw3.ipynb": b.to_ipynb()},
            {
                "p4": (
                    3.75,
                    5.0,
                    "Q1-Q3c correct, but SGD(lr=1e-3) instead of Adam and N_EPOCHS = 1: one epoch logged (Q3d partial), test accuracy 64.27% (far below ~90%: lost), predictions near 0.5 and one own review misclassified",
                )
            },
            forbid={"p4": ["integrity"]},
        )
    )

    # N9. hw2: ViT trained on CIFAR-10, BERT honest -----------------------------------------------
    v = _vit(
        "n9v",
        dataset="CIFAR10",
        title="# ViT (Problem 4)",
        log="table",
        epochs=15,
        start=45.1,
        final=63.72,
    )
    b = _bert("n9b", marker="none", val=0.9088, test=(0.2212, 0.9093), q4_style="loop")
    cs.append(
        _mk(
            "vit-cifar10-wrong-dataset",
            "wrong_work",
            HW2,
            {"p4_vit.ipynb": v.to_ipynb(), "p5_bert.ipynb": b.to_ipynb()},
            {
                "p4": (
                    0.25,
                    1.25,
                    "ViT with patch 4 / 6 layers / 4 heads but trained on CIFAR-10 (3x32x32), not FashionMNIST: spec lost, log real but for the wrong task, no FashionMNIST accuracy (63.72% is CIFAR-10)",
                ),
                "p5": BERT2_OK + (BERT_WHY.format(acc="90.93%") + "; no question markers",),
            },
            forbid={"p4": ["integrity"], "p5": ["integrity"]},
        )
    )

    # N10. hw3-2022: test accuracy typed into markdown, no test cell ------------------------------
    b = _bert("n10", marker="todo", val=0.9131, test=(0.2142, 0.9141), test_mode="typed_md")
    cs.append(
        _mk(
            "typed-test-accuracy",
            "integrity",
            HW22,
            {"HW3_P4.ipynb": b.to_ipynb()},
            {
                "p4": (
                    4.5,
                    5.1,
                    "everything up to the 2-epoch log executed and correct; no cell evaluates the test set, the 91.4% test accuracy is typed into markdown -> test-accuracy part lost",
                )
            },
            expect={"p4": ["integrity"]},
        )
    )

    # N11. hw2: ViT outputs the code cannot print --------------------------------------------------
    v = _vit("n11v", integrity="impossible", epochs=12, start=80.4, final=88.97, log="plain")
    cs.append(
        _mk(
            "vit-output-cell-cannot-print",
            "integrity",
            HW2,
            {"ViT_HW2.ipynb": v.to_ipynb()},
            {
                "p4": (
                    0.75,
                    2.25,
                    "ViT to spec and runs (1.0); but the loop prints only the loss while its output shows a test accuracy per epoch, and the final cell is an assignment with no print yet shows 'Test accuracy: 88.97%': log and accuracy need review",
                ),
                "p5": (0.0, 0.0, "no BERT notebook submitted"),
            },
            expect={"p4": ["needs_review"]},
        )
    )

    # N12. hw2: one notebook, BERT first then ViT, no markers, renamed classes ---------------------
    nb = NB("n12")
    nb.md("# Assignment 2 — programming part\n\nKarthik Subramanian (ks6601)")
    nb.extend(
        _bert(
            "n12b",
            title="## Sentiment analysis",
            marker="none",
            cls="BertGRUClassifier",
            log="tqdm",
            test_style="fstring",
            val=0.9102,
            test=(0.2196, 0.9111),
        )
    )
    nb.extend(
        _vit("n12v", title="## Vision transformer", cls="PatchTransformer", log="tqdm", final=88.36)
    )
    cs.append(
        _mk(
            "one-notebook-bert-then-vit-unmarked",
            "notebook_format",
            HW2,
            {"assignment2_ks6601.ipynb": nb.to_ipynb()},
            {
                "p4": VIT_OK
                + (
                    VIT_WHY.format(n=12, acc="88.36%")
                    + "; class PatchTransformer, after the BERT part",
                ),
                "p5": BERT2_OK
                + (
                    BERT_WHY.format(acc="0.9111")
                    + "; class BertGRUClassifier, no markers, comes first",
                ),
            },
            forbid={"p4": ["integrity"], "p5": ["integrity"]},
        )
    )

    # N13. hw3-2022: PDF with "[n]:" prompts, table logs, "# TODO Q1a: done" markers ------------
    b = _bert(
        "n13", marker="todo", log="table", val=0.9094, test=(0.2207, 0.9088), q4_style="table"
    )
    cs.append(
        _mk(
            "pdf-bracket-prompts-table-logs",
            "printed_pdf",
            HW22,
            {"Problem4_printout.pdf": _pdf(_nb_html(b, "bracket"))},
            {
                "p4": BERT3_OK_PDF
                + (BERT_WHY.format(acc="90.88%") + "; printed with [n]: prompts, epoch table",)
            },
            forbid={"p4": ["integrity"]},
        )
    )

    # N14. hw3: DistilBERT backbone instead of BERT ---------------------------------------------
    b = _bert("n14", backbone="distilbert", val=0.9006, test=(0.2395, 0.8991), marker="task_md")
    cs.append(
        _mk(
            "nb-distilbert-backbone",
            "wrong_work",
            HW3,
            {"hw3_distilbert.ipynb": b.to_ipynb()},
            {
                "p4": (
                    4.75,
                    5.65,
                    f"uses distilbert-base-uncased instead of bert-base-uncased: same vocabulary and ids, head 2,759,169, but the total is {DISTILBERT_PARAMS + HEAD_OK:,} not 112,241,409 -> Q2b lost; rest correct, test 89.91%",
                )
            },
            forbid={"p4": ["integrity"]},
        )
    )

    # N15. hw2: theory md + ViT (tqdm) + BERT (template), everything correct --------------------
    theory = _join(
        "# Assignment 2 — written problems\n\nMei Tanaka, mt4410",
        "## Problem 1",
        REC_INDICATOR_TEX,
        "## Problem 2",
        "(a) " + SA_UNI_OK[0],
        "(b) " + SA_UNI_OK[1],
        "(c) " + SA_UNI_OK[2],
        "## Problem 3",
        LA_ASSOC_TEX,
    )
    v = _vit("n15v", log="tqdm", epochs=14, start=80.9, final=89.12)
    b = _bert("n15b", val=0.9126, test=(0.2151, 0.9137), marker="hash_box")
    cs.append(
        _mk(
            "full-hw2-theory-md-and-notebooks",
            "complete",
            HW2,
            {"written.md": theory, "vit.ipynb": v.to_ipynb(), "bert.ipynb": b.to_ipynb()},
            {
                "p1": (2.75, 3.0, "correct by induction, threshold form"),
                "p2": (2.75, 3.0, "correct unicode derivation and copy explanation"),
                "p3": (1.75, 2.0, "associativity, O(T d d_v), normaliser, why exp prevents it"),
                "p4": VIT_OK + (VIT_WHY.format(n=14, acc="89.12%") + "; tqdm bars",),
                "p5": BERT2_OK + (BERT_WHY.format(acc="91.37%"),),
            },
            forbid={"p4": ["integrity"], "p5": ["integrity"]},
        )
    )

    # N16. hw2: Q4 predictions typed into markdown, no cell calls predict_sentiment ----------------
    v = _vit("n16v", log="table", epochs=12, start=80.0, final=87.45)
    b = _bert("n16b", q4="typed_md", val=0.9079, test=(0.2238, 0.9086), marker="caps_md")
    cs.append(
        _mk(
            "typed-q4-predictions",
            "integrity",
            HW2,
            {"P4.ipynb": v.to_ipynb(), "P5.ipynb": b.to_ipynb()},
            {
                "p4": VIT_OK + (VIT_WHY.format(n=12, acc="87.45%"),),
                "p5": (
                    3.25,
                    3.7,
                    "Q1a-Q3d and test accuracy executed and correct; predict_sentiment is defined but never called, the four predictions are typed into markdown -> Q4a and Q4b lost",
                ),
            },
            forbid={"p4": ["integrity"]},
            expect={"p5": ["integrity"]},
        )
    )

    # N17. hw3-2022: Colab, closing summary claims better numbers than the outputs -------------
    b = _bert(
        "n17",
        val=0.9063,
        test=(0.2262, 0.9058),
        marker="num_md",
        q4_style="loop",
        closing="### Summary\n\nThe BERT+GRU model reaches **94.0%** validation accuracy and "
        "**93.4%** test accuracy after two epochs, and classifies all four reviews correctly.",
    )
    cs.append(
        _mk(
            "summary-contradicts-outputs",
            "integrity",
            HW22,
            {"HW3_Q4_colab.ipynb": b.to_ipynb(colab=True)},
            {
                "p4": (
                    5.0,
                    6.0,
                    "complete executed Colab notebook, printed test accuracy 90.58%; the closing summary claims 94.0% / 93.4%, contradicting the outputs (needs a look; grade from the outputs)",
                )
            },
            expect={"p4": ["needs_review"]},
        )
    )

    # N18. hw3: freezing loop freezes the GRU, yet Q2c prints the expected count ----------------
    b = _bert("n18", freeze="rnn_shown_ok", val=0.9111, test=(0.2179, 0.9120), marker="hash_box")
    cs.append(
        _mk(
            "freeze-loop-count-mismatch",
            "integrity",
            HW3,
            {"hw3_p4.ipynb": b.to_ipynb()},
            {
                "p4": (
                    4.5,
                    5.75,
                    "the freezing loop freezes parameters starting with 'rnn' (the GRU), which would leave BERT trainable and the GRU frozen, yet Q2c prints 2,759,169 and the log shows a trained GRU: Q2c output cannot come from this code, needs review",
                )
            },
            expect={"p4": ["needs_review"]},
        )
    )
    return cs


def cases() -> list[Case]:
    return _theory_cases() + _nb_cases()
