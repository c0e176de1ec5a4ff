"""Crafted theory-only submissions (hw2-2024, hw3-2023, hw3-2022).

Written from the homework statements alone, blind to the grader. Each case is one student's
theory write-up (no notebook), phrased differently from the real submissions: other heading
styles, paraphrased prose, plain-text / unicode math, wrong final answers, and correct answers
in unusual forms. Ranges are what a strict TA would accept; notebook problems get (0, 0).

Content is fully deterministic (no randomness); PDFs are rendered with WeasyPrint on demand.
"""

from __future__ import annotations

import html as _html
import re

from crafted.case import Case

# --------------------------------------------------------------------------------------------
# assignment layout
# --------------------------------------------------------------------------------------------

THEORY = {
    "hw2-2024": ["p1", "p2", "p3"],
    "hw3-2023": ["p1", "p2", "p3"],
    "hw3-2022": ["p1", "p2", "p3"],
}
NOTEBOOK = {
    "hw2-2024": ["p4", "p5"],
    "hw3-2023": ["p4"],
    "hw3-2022": ["p4"],
}
NB_WHY = "theory-only submission: no notebook, no code, no outputs for this problem"

# full-credit ranges per (assignment, problem)
FULL = {
    ("hw2-2024", "p1"): (2.75, 3.0),  # recurrence, 3 pts
    ("hw2-2024", "p2"): (2.75, 3.0),  # self-attention, 3 pts
    ("hw2-2024", "p3"): (1.75, 2.0),  # linear attention, 2 pts
    ("hw3-2023", "p1"): (2.5, 3.0),  # CNN vs RNN, 3 pts (judgement on the benefits)
    ("hw3-2023", "p2"): (3.5, 4.0),  # recurrence, 4 pts
    ("hw3-2023", "p3"): (2.75, 3.0),  # self-attention, 3 pts
    ("hw3-2022", "p1"): (2.5, 3.0),  # CNN vs RNN, 3 pts
    ("hw3-2022", "p2"): (3.5, 4.0),  # recurrence, 4 pts
    ("hw3-2022", "p3"): (2.5, 3.0),  # two ways to O(T) with pros/cons, 3 pts
}

FULL_WHY = {
    (
        "hw2-2024",
        "p1",
    ): "correct: y_T = sigmoid(1000*(x_T - x_{T-1} + ... + x_2 - x_1)), even minus odd, with interpretation",
    (
        "hw2-2024",
        "p2",
    ): "correct norms (sqrt2 b, b, sqrt2 b), softmax outputs y_i -> x_i, and a sound saturation/copy explanation",
    (
        "hw2-2024",
        "p3",
    ): "correct: without exp the sums over j are shared by all queries, Q(K^T V) computed once, O(T d^2)",
    ("hw3-2023", "p1"): "two valid CNN benefits and two valid RNN benefits, each explained",
    (
        "hw3-2023",
        "p2",
    ): "correct: y_T = sigmoid(1000*(sum even-step inputs - sum odd-step inputs)), with interpretation",
    (
        "hw3-2023",
        "p3",
    ): "correct norms, softmax outputs y_i -> x_i as beta grows, sound copy explanation",
    ("hw3-2022", "p1"): "two valid CNN benefits and two valid RNN benefits, each explained",
    (
        "hw3-2022",
        "p2",
    ): "correct: y_T = sigmoid(1000*(sum even-step inputs - sum odd-step inputs)), with interpretation",
    (
        "hw3-2022",
        "p3",
    ): "two valid O(T) schemes (linear/kernel attention, local window attention) with pros and cons",
}


def _mk(name: str, cls: str, asg: str, files: dict, over: dict | None = None) -> Case:
    """Build a Case: theory problems default to full credit; ``over`` maps pid -> (lo, hi, why)."""
    over = over or {}
    ranges: dict[str, tuple[float, float]] = {}
    why: dict[str, str] = {}
    for pid in THEORY[asg]:
        if pid in over:
            lo, hi, w = over[pid]
            ranges[pid] = (float(lo), float(hi))
            why[pid] = w
        else:
            ranges[pid] = FULL[(asg, pid)]
            why[pid] = FULL_WHY[(asg, pid)]
    for pid in NOTEBOOK[asg]:
        ranges[pid] = (0.0, 0.0)
        why[pid] = NB_WHY
    return Case(
        name=f"{cls}-{name}", failure_class=cls, assignment=asg, files=files, ranges=ranges, why=why
    )


# --------------------------------------------------------------------------------------------
# PDF rendering (tiny markdown-ish -> HTML -> WeasyPrint)
# --------------------------------------------------------------------------------------------

_CSS = """
body { font-family: 'DejaVu Serif', serif; font-size: 11pt; line-height: 1.35; }
h1 { font-size: 16pt; } h2 { font-size: 13.5pt; margin-top: 14pt; } h3 { font-size: 12pt; }
pre { font-family: 'DejaVu Sans Mono', monospace; font-size: 9.5pt; white-space: pre-wrap; }
code { font-family: 'DejaVu Sans Mono', monospace; }
"""


def _inline(s: str) -> str:
    s = _html.escape(s)
    s = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", s)
    s = re.sub(r"`(.+?)`", r"<code>\1</code>", s)
    return s


def _to_html(text: str) -> str:
    out: list[str] = []
    para: list[str] = []
    in_pre = False
    pre: list[str] = []

    def flush():
        if para:
            out.append("<p>" + "<br/>".join(_inline(x) for x in para) + "</p>")
            para.clear()

    for line in text.splitlines():
        if line.strip().startswith("```"):
            if in_pre:
                out.append("<pre>" + _html.escape("\n".join(pre)) + "</pre>")
                pre.clear()
                in_pre = False
            else:
                flush()
                in_pre = True
            continue
        if in_pre:
            pre.append(line)
            continue
        m = re.match(r"^(#{1,3})\s+(.*)$", line)
        if m:
            flush()
            n = len(m.group(1))
            out.append(f"<h{n}>{_inline(m.group(2))}</h{n}>")
        elif not line.strip():
            flush()
        else:
            para.append(line)
    flush()
    return (
        "<html><head><meta charset='utf-8'><style>"
        + _CSS
        + "</style></head><body>"
        + "\n".join(out)
        + "</body></html>"
    )


def _pdf(text: str) -> bytes:
    """Render to PDF bytes. SOURCE_DATE_EPOCH pins the font-subset timestamps (fontTools) so
    the bytes are identical from run to run; the environment is restored afterwards."""
    import os

    from weasyprint import HTML  # imported lazily: only the PDF cases need it

    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    try:
        return HTML(string=_to_html(text)).write_pdf()
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


# --------------------------------------------------------------------------------------------
# answer pools: recurrence
# --------------------------------------------------------------------------------------------

REC_LATEX = r"""Reading the weights off the figure, the hidden unit gets the current input with weight $1$ and its own previous value with weight $-1$; the output unit multiplies by $1000$ and applies a sigmoid:
$$h_t = x_t - h_{t-1},\qquad h_0 = 0,\qquad y_t = \sigma(1000\,h_t).$$
Unrolling the first few steps:
$$h_1 = x_1,\quad h_2 = x_2 - x_1,\quad h_3 = x_3 - x_2 + x_1,\quad h_4 = x_4 - x_3 + x_2 - x_1.$$
Each step flips the sign of everything accumulated before it, so for an even length $T$ the newest input enters with $+$ and $x_1$ with $-$:
$$h_T = x_T - x_{T-1} + x_{T-2} - \dots + x_2 - x_1 .$$
Therefore the output at the final step is
$$y_T = \sigma\big(1000\,(x_T - x_{T-1} + \dots + x_2 - x_1)\big).$$
Since the inputs are integers, $h_T$ is an integer and the factor $1000$ makes the sigmoid a hard threshold: $y_T\approx 1$ if the inputs at even time steps add up to more than the inputs at odd time steps, $y_T\approx 0$ if they add up to less, and $y_T = 1/2$ on a tie."""

REC_PLAIN = """Writing the recurrence out (weights: input 1, recurrent -1, output 1000, no biases):

    h_t = x_t - h_(t-1),   h_0 = 0
    y_t = sigmoid(1000 * h_t)

    h_1 = x_1
    h_2 = x_2 - x_1
    h_3 = x_3 - x_2 + x_1
    ...
    h_T = x_T - x_(T-1) + x_(T-2) - ... + x_2 - x_1      (T even, so x_1 comes with a minus)

Final answer:
    y_T = sigmoid(1000*(x_T - x_(T-1) + ... + x_2 - x_1))
        = sigmoid(1000*((x_2 + x_4 + ... + x_T) - (x_1 + x_3 + ... + x_(T-1))))

The inputs are integers, so 1000*h_T is either 0 or at least 1000 in absolute value. The output is therefore (almost exactly) 1 when the even-indexed inputs sum to more than the odd-indexed ones, 0 when they sum to less, and 1/2 when the two sums are equal."""

REC_UNICODE = """The network computes h_t = x_t − h_{t−1} (h_0 = 0) and y_t = σ(1000·h_t).

Unrolling: h_1 = x_1, h_2 = x_2 − x_1, h_3 = x_3 − x_2 + x_1, h_4 = x_4 − x_3 + x_2 − x_1, …

Every new step negates the old state, so with T even:
h_T = x_T − x_{T−1} + x_{T−2} − … + x_2 − x_1 = Σ_{k=1..T} (−1)^k · x_k

⇒ y_T = σ(1000·(x_T − x_{T−1} + … + x_2 − x_1)).

Because the x's are integers, |1000·h_T| ≥ 1000 unless h_T = 0, so y_T ≈ 1 ⇔ (x_2 + x_4 + … + x_T) > (x_1 + x_3 + … + x_{T−1}), y_T ≈ 0 when the odd-position sum is larger, and y_T = ½ on a tie. The unit classifies whether the even time steps outweigh the odd ones."""

REC_UNICODE2 = """Recurrence read off the figure: hₜ = xₜ − hₜ₋₁, h₀ = 0, and the output unit gives yₜ = σ(1000 hₜ).
Step by step: h₁ = x₁ → h₂ = x₂ − x₁ → h₃ = x₃ − x₂ + x₁ → h₄ = x₄ − x₃ + x₂ − x₁ → …
The sign of every earlier input flips once per step, so after an even number T of steps the latest input has sign +, the one before it −, and so on down to x₁, which has sign −:
h_T = x_T − x_{T−1} + … + x₂ − x₁ = (x₂ + x₄ + … + x_T) − (x₁ + x₃ + … + x_{T−1}).
Final output: y_T = σ(1000 · [(x₂ + x₄ + … + x_T) − (x₁ + x₃ + … + x_{T−1})]).
With integer inputs the argument is 0 or at least 1000 in size, so y_T ≈ 1 when the even-step inputs add up to more than the odd-step ones, y_T ≈ 0 when they add up to less, and y_T = 0.5 if the sums are equal."""


# --------------------------------------------------------------------------------------------
# answer pools: self-attention (three part bodies each)
# --------------------------------------------------------------------------------------------

SA_LATEX = (
    r"""Because $a,b,c,d$ are mutually orthogonal, all cross terms vanish:
$$\|x_1\|_2^2 = \|d\|^2 + 2\,d^\top b + \|b\|^2 = 2\beta^2 \;\Rightarrow\; \|x_1\|_2 = \sqrt{2}\,\beta,$$
$$\|x_2\|_2 = \|a\|_2 = \beta,\qquad \|x_3\|_2 = \sqrt{\|c\|^2 + \|b\|^2} = \sqrt{2}\,\beta.$$""",
    r"""With $q_i = k_i = v_i = x_i$, the output is $y_i = \sum_j w_{ij}\,x_j$ with $w_{ij} = \exp(x_i^\top x_j)/\sum_l \exp(x_i^\top x_l)$.
Only shared base vectors contribute to the inner products:
$x_1^\top x_1 = 2\beta^2$, $x_1^\top x_2 = 0$, $x_1^\top x_3 = b^\top b = \beta^2$, $x_2^\top x_2 = \beta^2$, $x_2^\top x_3 = 0$, $x_3^\top x_3 = 2\beta^2$.
Hence
$$y_1 = \frac{e^{2\beta^2}x_1 + x_2 + e^{\beta^2}x_3}{e^{2\beta^2} + 1 + e^{\beta^2}},\qquad
y_2 = \frac{x_1 + e^{\beta^2}x_2 + x_3}{2 + e^{\beta^2}},\qquad
y_3 = \frac{e^{\beta^2}x_1 + x_2 + e^{2\beta^2}x_3}{e^{\beta^2} + 1 + e^{2\beta^2}}.$$
Dividing numerator and denominator by the largest exponential, every other weight is $O(e^{-\beta^2})$, which vanishes for very large $\beta$. So
$$y_1 \approx x_1 = b + d,\qquad y_2 \approx x_2 = a,\qquad y_3 \approx x_3 = b + c.$$""",
    r"""The weights are a softmax of query–key inner products. With vectors of huge norm the gaps between those inner products are huge (here at least $\beta^2$), so the softmax saturates to a one-hot vector on the key most similar to the query, and the output is exactly that key's value. In this example every token matches itself best, so $y_i\approx x_i$: the query/key overlap decides *where* to look, and the value is copied through unchanged.""",
)

SA_PLAIN = (
    """||x1|| = ||d + b|| = sqrt(||d||^2 + ||b||^2) = sqrt(beta^2 + beta^2) = sqrt(2)*beta   (since d.b = 0)
||x2|| = ||a|| = beta
||x3|| = ||c + b|| = sqrt(beta^2 + beta^2) = sqrt(2)*beta""",
    """Scores s_ij = xi.xj (q = k = v = x):
    x1.x1 = 2*beta^2   x1.x2 = 0         x1.x3 = beta^2
    x2.x1 = 0          x2.x2 = beta^2    x2.x3 = 0
    x3.x1 = beta^2     x3.x2 = 0         x3.x3 = 2*beta^2
Weights = softmax of each row, y_i = sum_j w_ij * x_j:
    row 1: [e^(2beta^2), 1, e^(beta^2)] / (e^(2beta^2) + 1 + e^(beta^2))  -> [1, 0, 0]
    row 2: [1, e^(beta^2), 1] / (e^(beta^2) + 2)                          -> [0, 1, 0]
    row 3: [e^(beta^2), 1, e^(2beta^2)] / (e^(2beta^2) + 1 + e^(beta^2))  -> [0, 0, 1]
So for beta -> infinity:  y1 ~ x1 = b + d,  y2 ~ x2 = a,  y3 ~ x3 = c + b.""",
    """Because beta is huge, the differences between the scores are huge too, and the softmax behaves like a hard max: one weight is ~1 and the others ~0. Each output is then just the value vector of the key that best matches its query, i.e. that input is copied. The overlap of the query with the keys chooses the position; the value at that position is what comes out.""",
)

SA_UNICODE = (
    """‖x1‖ = ‖d + b‖ = √(‖d‖² + ‖b‖²) = √(β² + β²) = √2·β   (d ⊥ b)
‖x2‖ = ‖a‖ = β
‖x3‖ = ‖c + b‖ = √(β² + β²) = √2·β""",
    """Inner products (q = k = v = x): ⟨x1,x1⟩ = 2β², ⟨x1,x2⟩ = 0, ⟨x1,x3⟩ = β², ⟨x2,x2⟩ = β², ⟨x2,x3⟩ = 0, ⟨x3,x3⟩ = 2β².
y1 = (e^{2β²}·x1 + 1·x2 + e^{β²}·x3) / (e^{2β²} + 1 + e^{β²}) → x1 as β → ∞
y2 = (x1 + e^{β²}·x2 + x3) / (e^{β²} + 2) → x2
y3 = (e^{β²}·x1 + x2 + e^{2β²}·x3) / (e^{β²} + 1 + e^{2β²}) → x3
So y1 ≈ x1 = b + d, y2 ≈ x2 = a, y3 ≈ x3 = b + c.""",
    """Large β ⇒ the score gaps (≥ β²) blow up ⇒ softmax ≈ one-hot on the best-matching key (it acts like an argmax) ⇒ yᵢ ≈ the value of that key. The query/key match picks which token is read and its value is passed on (copied) essentially unchanged; here each token's best match is itself, so yᵢ ≈ xᵢ.""",
)

SA_MATRIX = (
    r"""Orthogonality kills the cross terms: $\|x_1\|_2 = \sqrt{\beta^2+\beta^2} = \beta\sqrt2$, $\|x_2\|_2 = \beta$, $\|x_3\|_2 = \beta\sqrt2$.""",
    r"""Stack the tokens as the rows of $X\in\mathbb{R}^{3\times D}$. Then $Y = \operatorname{softmax}_{\text{row}}(XX^\top)\,X$ with
$$XX^\top = \beta^2\begin{pmatrix}2&0&1\\0&1&0\\1&0&2\end{pmatrix}.$$
In every row the diagonal entry is the strict maximum, by a margin of at least $\beta^2$, and for a matrix $A$ with a unique maximum per row $\operatorname{softmax}(\beta^2 A)$ tends to the indicator of that maximum as $\beta\to\infty$ (e.g. row 1 is $(1,\;e^{-2\beta^2},\;e^{-\beta^2})/(1+e^{-2\beta^2}+e^{-\beta^2})$). Hence
$$\operatorname{softmax}(XX^\top)\longrightarrow I_3,\qquad Y\longrightarrow X,$$
i.e. $y_1\to x_1 = b+d$, $y_2\to x_2 = a$, $y_3\to x_3 = b+c$. (With the $1/\sqrt{D}$ scaling the margin is $\beta^2/\sqrt{D}$, which still diverges, so the limit is the same.)""",
    r"""The attention matrix is a row-wise softmax of similarities; scaling the similarities up by $\beta^2$ drives it to a permutation-like 0/1 matrix. Each output row then selects exactly one value row: the network copies the value of whichever key its query is most aligned with, and the rest is suppressed.""",
)

# paraphrased "how attention copies" answers (used in prose cases)
SA_C_ALIGN = """Because the norms are huge, the scores differ by enormous amounts, so the query puts essentially all of its weight on the key it aligns with and almost none on the others. The output is then just that key's value, copied over; which token gets copied is decided by how the query overlaps with the keys (here every token overlaps most with itself)."""
SA_C_ARGMAX = """With β this large the softmax turns into an argmax: it returns a one-hot selection of the best-scoring key. A weighted average with one weight equal to 1 is just that value vector, so the layer copies an input. The queries and keys say where to look, the values say what is copied."""


def _sa_parts(bodies, labels, mode="block"):
    """Join three part bodies with labels. mode: 'block' (label on its own line),
    'inline' (label then text on the same line), 'none' (no labels)."""
    chunks = []
    for lab, body in zip(labels, bodies, strict=True):
        if mode == "none" or lab is None:
            chunks.append(body)
        elif mode == "inline":
            chunks.append(f"{lab} {body}")
        else:
            chunks.append(f"{lab}\n\n{body}")
    return "\n\n".join(chunks)


# --------------------------------------------------------------------------------------------
# answer pools: linear attention (hw2 p3)
# --------------------------------------------------------------------------------------------

LA_LATEX = r"""Dropping the exponential, output $i$ is
$$y_i = \frac{\sum_{j=1}^T (q_i^\top k_j)\,v_j}{\sum_{j=1}^T q_i^\top k_j} = \frac{q_i^\top\big(\sum_{j} k_j v_j^\top\big)}{q_i^\top\big(\sum_{j} k_j\big)} = \frac{q_i^\top S}{q_i^\top z},\qquad S = \sum_j k_j v_j^\top = K^\top V \in\mathbb{R}^{d\times d},\; z = \sum_j k_j.$$
$S$ and $z$ do not depend on $i$, so they are computed once, in $O(Td^2)$ and $O(Td)$. After that each of the $T$ outputs costs $O(d^2)$ (a vector–matrix product and a dot product), so the total is $O(Td^2)$: linear in $T$.
In matrix form this is the associativity $(QK^\top)V = Q(K^\top V)$: the left side builds the $T\times T$ matrix and costs $O(T^2 d)$, the right side never forms it. The softmax forbids this reordering because the exponential is applied entrywise to $QK^\top$ and does not factor; once it is removed, the products can be reassociated. (The same holds with a feature map, $\phi(q_i)^\top\sum_j\phi(k_j)v_j^\top \,/\, \phi(q_i)^\top\sum_j\phi(k_j)$.)"""

LA_PLAIN = """Without the exponentials the weights are w_ij = (q_i.k_j) / sum_l (q_i.k_l), so

    y_i = sum_j (q_i.k_j) v_j / sum_j (q_i.k_j)
        = q_i^T (sum_j k_j v_j^T) / q_i^T (sum_j k_j)

The two sums, S = sum_j k_j v_j^T = K^T V (a d x d matrix) and z = sum_j k_j (a d-vector), are the same for every i. Compute them once: O(T d^2). Then every output is y_i = (q_i^T S) / (q_i^T z), O(d^2) each, O(T d^2) for all T of them.

Standard attention computes (Q K^T) V, which needs the T x T score matrix: O(T^2 d). Linear attention computes Q (K^T V) instead: O(T d^2), linear in the number of tokens. This reordering is only legal because no nonlinearity (exp) sits between Q K^T and V any more."""

LA_SHARED = """Once the exponential is gone, every query sees the keys and values only through one fixed object: the key-value summary S = Σ_j k_j v_jᵀ (a d×d matrix) together with the key sum z = Σ_j k_j. That summary is shared by every query — nothing in it depends on i — so we build it in a single pass over the T tokens, costing O(T·d²). Each output is then read off as y_i = (q_iᵀ S) / (q_iᵀ z), another O(d²) per token.

Total work: O(T·d²) instead of O(T²·d). In matrix terms, we multiply Kᵀ V first and then apply Q, rather than forming the T×T matrix Q Kᵀ; matrix products are associative, and the elementwise exponential was the only thing that stopped us from regrouping them."""


# --------------------------------------------------------------------------------------------
# answer pools: CNN vs RNN (hw3 p1) -> (a_body, b_body)
# --------------------------------------------------------------------------------------------

CR_STRUCT = (
    """1. Weight sharing and locality. A convolutional filter is the same at every location, so a CNN needs very few parameters for a whole image and is translation equivariant (pooling adds some invariance): a cat's ear is detected wherever it appears. This matches the local 2-D structure of images, where nearby pixels are strongly correlated.
2. Parallel, shallow computation. All positions of a convolution layer are computed at once, which suits GPUs, and the path from input to output is as long as the number of layers. An RNN that reads an image pixel by pixel or row by row needs one sequential step per row/pixel, is slow, and has to back-propagate through a long chain, where gradients vanish or explode.""",
    """1. Variable-size inputs. The same recurrent cell is applied for as many steps as there are rows (or patches), so images of different sizes or aspect ratios can be processed without resizing, and the number of parameters does not depend on the image size.
2. Global context. The hidden state is carried across the whole scan, so the final state can depend on every pixel and relate distant regions (e.g. top and bottom of the image). A CNN only sees a local neighbourhood per layer; its receptive field grows slowly with depth, so long-range relations need many layers.""",
)

CR_PROSE = (
    """A convolution slides one small filter over the whole picture, so the same handful of weights finds an edge or a texture wherever it appears. The model is compact and is built around the fact that neighbouring pixels belong together, which is what images look like. On top of that, a convolutional layer handles every location at the same moment, which maps well onto a GPU, and the depth of the computation is the number of layers rather than the number of pixels, so gradients never have to travel back through hundreds of time steps.""",
    """An RNN can scan an image one row (or one patch) at a time for as many steps as there are, so pictures of different heights don't need to be cropped or resized and the weight count is independent of the image size. And since the hidden state is carried along the entire scan, the final state can summarise relationships between far-apart regions, while a CNN gets that kind of global view only after many layers of growing receptive fields.""",
)

CR_ALT = (
    """(i) Hierarchical features: stacking convolutions and pooling builds edges -> textures -> parts -> objects, a hierarchy that fits natural images well, and the built-in translation invariance means the same object is recognised wherever it sits in the frame.
(ii) Efficiency: thanks to parameter sharing a CNN has far fewer weights than a dense/recurrent model of similar capacity, and its layers are trivially parallel over positions, so training is much faster and does not suffer from vanishing gradients across a long sequence of steps.""",
    """(i) Flexible input length: an RNN consumes the image as a sequence of rows or patches of any length, so it naturally handles inputs of varying size; its parameter count is fixed regardless of how big the image is.
(ii) Long-range dependencies: information from the first rows is kept in the hidden state until the end, so the prediction can combine evidence from anywhere in the image, whereas each convolutional unit only looks at a small local window.""",
)


def _cr_parts(bodies, labels, mode="block"):
    return _sa_parts(bodies, labels, mode)


# --------------------------------------------------------------------------------------------
# hw3-2022 p3: two ways to get O(T)
# --------------------------------------------------------------------------------------------

TWO_WAYS = r"""**Method 1: linear (kernelised) attention.** Replace $\exp(q_i^\top k_j)$ by $\phi(q_i)^\top\phi(k_j)$ for a positive feature map $\phi$ (or simply drop the exponential). Then
$$y_i = \frac{\phi(q_i)^\top \sum_j \phi(k_j) v_j^\top}{\phi(q_i)^\top\sum_j\phi(k_j)},$$
and the two sums over $j$ are the same for all $i$: compute them once, then each output is $O(d^2)$, so the layer costs $O(Td^2)$, linear in $T$ (it is $Q(K^\top V)$ instead of $(QK^\top)V$).
Pros: every token still interacts with every other token (global receptive field); the causal version can be run as a recurrence with constant memory. Cons: it only approximates softmax attention; the attention is much less sharp (it cannot focus on one token as softmax can), which usually costs accuracy, and a good $\phi$ may need a large feature dimension.

**Method 2: local / sliding-window attention.** Each token attends only to the $w$ tokens around it (softmax restricted to a window), so the cost is $O(Tw\,d)$, linear in $T$ for a fixed window.
Pros: simple, keeps exact softmax attention inside the window, and matches the locality of language/images; memory is also linear. Cons: tokens farther apart than $w$ cannot interact directly, so long-range dependencies need many stacked layers or extra global tokens, and $w$ is another hyperparameter to tune."""


# --------------------------------------------------------------------------------------------
# the cases
# --------------------------------------------------------------------------------------------


def _headings() -> list[Case]:
    cs: list[Case] = []

    # 1. "Problem1" without a space, parts "a." ------------------------------------------
    txt = "\n\n".join(
        [
            "DL Assignment 2 -- Marco Bellini (mb8120)",
            "Problem1",
            REC_PLAIN,
            "Problem2",
            _sa_parts(SA_PLAIN, ["a.", "b.", "c."]),
            "Problem3",
            LA_PLAIN,
            "Problem4 and Problem5 were done in Colab (not included in this file).",
        ]
    )
    cs.append(_mk("problem-nospace", "headings", "hw2-2024", {"answers.txt": txt}))

    # 2. "Q1." headings, parts "1.a" / "1.b"; hw3-2022 ---------------------------------------
    txt = "\n\n".join(
        [
            "Homework 3 | Deep Learning | Hana Kobayashi, hk3001",
            "Q1.",
            _cr_parts(CR_STRUCT, ["1.a", "1.b"]),
            "Q2.",
            REC_LATEX,
            "Q3.",
            TWO_WAYS,
        ]
    )
    cs.append(_mk("q-dot-hw3-2022", "headings", "hw3-2022", {"hw3_theory.md": txt}))

    # 3. "Question 2:" headings, parts "Part a" -------------------------------------------
    txt = "\n\n".join(
        [
            "Homework 2 solutions",
            "Tomasz Wiśniewski — tw2290",
            "Question 1: Recurrences using RNNs",
            REC_UNICODE,
            "Question 2: Understanding self-attention",
            _sa_parts(SA_UNICODE, ["Part a", "Part b", "Part c"]),
            "Question 3: Attention! My code takes too long",
            LA_SHARED,
        ]
    )
    cs.append(_mk("question-colon", "headings", "hw2-2024", {"theory.md": txt}))

    # 4. "## 1) Recurrence" headings with short titles, parts "(a)" ------------------------
    txt = "\n\n".join(
        [
            "# Deep Learning HW2 (theory part)",
            "## 1) Recurrence",
            REC_LATEX,
            "## 2) Self-attention",
            _sa_parts(SA_LATEX, ["(a)", "(b)", "(c)"]),
            "## 3) Linear attention",
            LA_LATEX,
        ]
    )
    cs.append(_mk("md-number-paren", "headings", "hw2-2024", {"hw2.md": txt}))

    # 5. Roman "Part I/II/III", parts "a)" / "b)" mid-line in one paragraph ----------------
    cr_mid = "a) " + CR_PROSE[0] + " b) " + CR_PROSE[1]
    sa_mid = (
        "a) The norms are ||x1|| = sqrt(2)*beta, ||x2|| = beta and ||x3|| = sqrt(2)*beta, because the base vectors are orthogonal so the squared norms just add. "
        "b) The scores are x1.x1 = 2beta^2, x1.x2 = 0, x1.x3 = beta^2, x2.x2 = beta^2, x2.x3 = 0, x3.x3 = 2beta^2; after a row-wise softmax the weights are "
        "e^(2beta^2), 1, e^(beta^2) over their sum for token 1 (tending to 1, 0, 0), 1, e^(beta^2), 1 over e^(beta^2)+2 for token 2 (tending to 0, 1, 0) and "
        "e^(beta^2), 1, e^(2beta^2) over their sum for token 3 (tending to 0, 0, 1), so y1 ~ x1 = b+d, y2 ~ x2 = a and y3 ~ x3 = b+c as beta grows. "
        "c) " + SA_PLAIN[2]
    )
    txt = "\n\n".join(
        [
            "HOMEWORK #3 - Leila Haddad (lh2718)",
            "Part I",
            cr_mid,
            "Part II",
            REC_PLAIN,
            "Part III",
            sa_mid,
        ]
    )
    cs.append(_mk("roman-part-midline", "headings", "hw3-2023", {"hw3.txt": txt}))

    # 6. "Exercise N" headings, parts "3(a)" -- PDF -----------------------------------------
    txt = "\n\n".join(
        [
            "# Homework 3",
            "Deep Learning, Spring 2023. Student: Oluwaseun Adeyemi (oa2077)",
            "## Exercise 1",
            _cr_parts(CR_ALT, ["1(a)", "1(b)"]),
            "## Exercise 2",
            REC_UNICODE2,
            "## Exercise 3",
            _sa_parts(SA_UNICODE, ["3(a)", "3(b)", "3(c)"]),
        ]
    )
    cs.append(_mk("exercise-pdf", "headings", "hw3-2023", {"homework3.pdf": _pdf(txt)}))

    # 7. "**Problem 2 (3 pts)**" bold headings, parts "2(b)" -------------------------------
    txt = "\n\n".join(
        [
            "Assignment 2 — Deep Learning",
            "Name: Rahul Menon, NetID rm6512",
            "**Problem 1 (3 pts)**",
            REC_LATEX,
            "**Problem 2 (3 pts)**",
            _sa_parts(SA_LATEX, ["**2(a)**", "**2(b)**", "**2(c)**"]),
            "**Problem 3 (2 pts)**",
            LA_LATEX,
            "**Problem 4 (3 pts)** and **Problem 5 (4 pts)** — see the notebooks.",
        ]
    )
    cs.append(_mk("bold-points", "headings", "hw2-2024", {"hw2_writeup.md": txt}))

    # 8. "# HW2 <name>", titles only, no numbers, different order; parts "b)" ---------------
    txt = "\n\n".join(
        [
            "# HW2 Priya Raman",
            "## Linear attention",
            LA_SHARED,
            "## Self-attention",
            _sa_parts(SA_PLAIN, ["a)", "b)", "c)"], mode="inline"),
            "## RNN recurrence",
            REC_UNICODE2,
        ]
    )
    cs.append(_mk("titles-only-reordered", "headings", "hw2-2024", {"hw2.md": txt}))

    # 9. problems out of order (3, 1, 2), unlabelled SA parts, recurrence sign reversed ------
    rec_rev = r"""The state update is $h_t = x_t - h_{t-1}$, $h_0=0$, and the output is $y_t=\sigma(1000h_t)$.
Working forward: $h_1 = x_1$, $h_2 = x_1 - x_2$, $h_3 = x_1 - x_2 + x_3$, and so on, so for even $T$
$$h_T = x_1 - x_2 + x_3 - \dots + x_{T-1} - x_T .$$
The final output is $y_T = \sigma\big(1000\,(x_1 - x_2 + \dots + x_{T-1} - x_T)\big)$, which is close to $1$ exactly when the odd-indexed inputs sum to more than the even-indexed inputs, and close to $0$ otherwise."""
    txt = "\n\n".join(
        [
            "# Homework #3 — written part",
            "_Problems answered in the order I did them._",
            "## Problem 3",
            _sa_parts(SA_LATEX, [None, None, None], mode="none"),
            "## Problem 1",
            _cr_parts(CR_STRUCT, ["**(a)**", "**(b)**"]),
            "## Problem 2",
            rec_rev,
        ]
    )
    cs.append(
        _mk(
            "out-of-order-unlabelled",
            "headings",
            "hw3-2023",
            {"hw3.md": txt},
            {
                "p2": (
                    0,
                    1.5,
                    "recurrence written correctly but unrolled as h_2 = x_1 - x_2: final answer odd minus even, sign reversed",
                ),
            },
        )
    )
    return cs


def _prose() -> list[Case]:
    cs: list[Case] = []

    # 1. full paraphrase, hw3-2023 -----------------------------------------------------------
    sa = (SA_LATEX[0], SA_LATEX[1], SA_C_ALIGN)
    txt = "\n\n".join(
        [
            "# Homework 3 — Daniel Okafor (do1422)",
            "## Problem 1",
            _cr_parts(CR_PROSE, ["(a) What CNNs do better", "(b) What RNNs do better"]),
            "## Problem 2",
            REC_LATEX,
            "## Problem 3",
            _sa_parts(sa, ["(a)", "(b)", "(c)"]),
        ]
    )
    cs.append(_mk("full-paraphrase", "prose", "hw3-2023", {"solutions.md": txt}))

    # 2. "softmax turns into an argmax", "key-value summary shared", hw2 ---------------------
    sa = (SA_UNICODE[0], SA_UNICODE[1], SA_C_ARGMAX)
    txt = "\n\n".join(
        [
            "# Assignment 2",
            "Sofia Martínez — sm9034",
            "## Problem 1",
            REC_UNICODE,
            "## Problem 2",
            _sa_parts(sa, ["(a)", "(b)", "(c)"]),
            "## Problem 3",
            LA_SHARED,
        ]
    )
    cs.append(_mk("argmax-shared-summary", "prose", "hw2-2024", {"a2.md": txt}))

    # 3. thin CNN/RNN and thin copy explanation, hw3-2023 ------------------------------------
    cr_thin = (
        "a) CNN: shared weights; translation invariance.\n"
        "b) RNN: works with variable-length inputs; captures long-range dependencies."
    )
    sa_thin = (
        SA_PLAIN[0],
        SA_PLAIN[1],
        "The softmax picks out the largest score, so each y copies one x.",
    )
    txt = "\n\n".join(
        [
            "HW3 theory - Kevin Zhang kz511",
            "Problem 1",
            cr_thin,
            "Problem 2",
            REC_PLAIN,
            "Problem 3",
            _sa_parts(sa_thin, ["a)", "b)", "c)"], mode="inline"),
        ]
    )
    cs.append(
        _mk(
            "thin",
            "prose",
            "hw3-2023",
            {"hw3.txt": txt},
            {
                "p1": (
                    1.25,
                    2.5,
                    "four valid benefits merely named, no explanation of any: partial credit",
                ),
                "p3": (
                    2.5,
                    3.0,
                    "norms and outputs correct; copy explanation correct but one thin sentence",
                ),
            },
        )
    )

    # 4. misconception: "RNNs suit image classification where order matters; CNNs need fixed size"
    cr_bad_b = """1. RNNs are the better fit for image classification whenever the order of the input matters: they keep a memory of what came before, and the pixels of an image come in an order, so an RNN exploits that order while a CNN throws it away.
2. CNNs require fixed-size inputs; RNNs can take an image of any size, which makes them more flexible."""
    txt = "\n\n".join(
        [
            "# HW3",
            "Ananya Iyer (ai2209)",
            "## Problem 1",
            "### (a) Benefits of CNNs",
            CR_STRUCT[0],
            "### (b) Benefits of RNNs",
            cr_bad_b,
            "## Problem 2",
            REC_LATEX,
            "## Problem 3",
            _sa_parts(SA_PLAIN, ["(a)", "(b)", "(c)"]),
        ]
    )
    cs.append(
        _mk(
            "order-matters",
            "prose",
            "hw3-2023",
            {"hw3.md": txt},
            {
                "p1": (
                    1.25,
                    2.25,
                    "(a) fine; (b) rests on 'order matters in images' (misconception) plus an unexplained fixed-size claim: at most half of (b)",
                ),
            },
        )
    )

    # 5. misconceptions: "RNNs are faster because parallel", "CNNs can't handle spatial structure" -- PDF
    cr_bad_b = """(i) Speed: RNNs are faster than CNNs because all time steps of an RNN are computed in parallel, whereas a CNN must apply its filters one position after another.
(ii) Spatial structure: a CNN cannot handle any spatial structure — it treats the image as an unordered bag of pixels — while the RNN's hidden state keeps track of where everything is."""
    txt = "\n\n".join(
        [
            "# Homework 3",
            "Lukas Becker, lb4410",
            "## Problem 1",
            "**(a)**",
            CR_ALT[0],
            "**(b)**",
            cr_bad_b,
            "## Problem 2",
            REC_UNICODE2,
            "## Problem 3",
            _sa_parts(SA_UNICODE, ["**(a)**", "**(b)**", "**(c)**"]),
        ]
    )
    cs.append(
        _mk(
            "rnn-parallel-pdf",
            "prose",
            "hw3-2023",
            {"Becker_HW3.pdf": _pdf(txt)},
            {
                "p1": (
                    1.25,
                    2.0,
                    "(a) correct; both (b) benefits are false (RNN steps are sequential; CNNs are built for spatial structure)",
                ),
            },
        )
    )

    # 6. linear attention: "O(T) because exponentials are expensive" -------------------------
    la_bad = """Computing an exponential is much more expensive than a multiplication or an addition, and the softmax needs one exponential for every (query, key) pair plus a normalisation pass. Linear attention simply drops these exponentials, so each attention weight is just a dot product divided by a sum. Since we no longer spend the expensive exponential work on every pair, the cost of the layer drops from quadratic to linear, O(T)."""
    txt = "\n\n".join(
        [
            "Assignment 2 - Deep Learning - Chen Wei (cw3377)",
            "Problem 1",
            REC_PLAIN,
            "Problem 2",
            _sa_parts(SA_PLAIN, ["(a)", "(b)", "(c)"]),
            "Problem 3",
            la_bad,
        ]
    )
    cs.append(
        _mk(
            "exp-expensive",
            "prose",
            "hw2-2024",
            {"hw2_theory.txt": txt},
            {
                "p3": (
                    0,
                    0.5,
                    "misconception: attributes O(T) to avoiding costly exponentials; no reassociation, still T^2 dot products",
                ),
            },
        )
    )

    # 7. misconception in (a): "CNNs have more parameters, hence more capacity" ---------------
    cr_bad_a = """1. CNNs have many more parameters than RNNs (every filter at every position has its own weights), so they have more capacity and can fit harder image datasets.
2. CNNs remember the whole image in a memory cell the way an LSTM does, so they do not forget the early pixels."""
    txt = "\n\n".join(
        [
            "Homework 3 -- Maria Popescu (mp7765)",
            "Problem 1",
            "a.",
            cr_bad_a,
            "b.",
            CR_ALT[1],
            "Problem 2",
            REC_PLAIN,
            "Problem 3",
            _sa_parts(SA_PLAIN, ["a.", "b.", "c."]),
        ]
    )
    cs.append(
        _mk(
            "cnn-more-params",
            "prose",
            "hw3-2023",
            {"popescu_hw3.txt": txt},
            {
                "p1": (
                    1.25,
                    2.0,
                    "(b) correct; both (a) claims false (CNNs share weights, have no memory cell)",
                ),
            },
        )
    )
    return cs


def _plain_math() -> list[Case]:
    cs: list[Case] = []

    # 1. pure ASCII everything, hw2 ------------------------------------------------------------
    sa_a = """||x1|| = sqrt(<d+b, d+b>) = sqrt(d.d + 2 d.b + b.b) = sqrt(beta^2 + 0 + beta^2) = sqrt(2)*beta
||x2|| = sqrt(a.a) = beta
||x3|| = sqrt(c.c + 2 c.b + b.b) = sqrt(2*beta^2) = sqrt(2)*beta"""
    sa_b = """x1.x1 = 2*beta^2, x1.x2 = 0, x1.x3 = beta^2, x2.x2 = beta^2, x2.x3 = 0, x3.x3 = 2*beta^2.
y1 = [exp(2*beta^2)*x1 + exp(0)*x2 + exp(beta^2)*x3] / [exp(2*beta^2) + 1 + exp(beta^2)]
   = [x1 + exp(-2*beta^2)*x2 + exp(-beta^2)*x3] / [1 + exp(-2*beta^2) + exp(-beta^2)]  ~  x1
y2 = [x1 + exp(beta^2)*x2 + x3] / [2 + exp(beta^2)]  ~  x2
y3 = [exp(beta^2)*x1 + x2 + exp(2*beta^2)*x3] / [exp(beta^2) + 1 + exp(2*beta^2)]  ~  x3
=> y1 ~ x1 = b + d, y2 ~ x2 = a, y3 ~ x3 = b + c   (beta -> inf)"""
    sa_c = """When beta is very large the exponentials of the biggest score dominate everything else, so the softmax weights become ~ (1, 0, 0): the attention picks a single key and the output is a copy of that key's value."""
    txt = "\n\n".join(
        [
            "HW2 -- Ivan Petrov (ip1908)",
            "1.",
            REC_PLAIN,
            "2.",
            _sa_parts((sa_a, sa_b, sa_c), ["(a)", "(b)", "(c)"]),
            "3.",
            LA_PLAIN,
        ]
    )
    cs.append(_mk("ascii", "plain_math", "hw2-2024", {"hw2.txt": txt}))

    # 2. unicode math throughout, hw3-2023 (.md) ---------------------------------------------
    txt = "\n\n".join(
        [
            "# HW 3 — Yusuf Demir (yd2041)",
            "## Problem 1",
            _cr_parts(CR_ALT, ["**a)**", "**b)**"]),
            "## Problem 2",
            REC_UNICODE,
            "## Problem 3",
            _sa_parts(SA_UNICODE, ["**a)**", "**b)**", "**c)**"]),
        ]
    )
    cs.append(_mk("unicode", "plain_math", "hw3-2023", {"hw3.md": txt}))

    # 3. markdown with code spans / code blocks, hw2 ----------------------------------------
    rec = """Recurrence: `h_t = x_t - h_{t-1}`, `h_0 = 0`, output `y_t = sigmoid(1000 * h_t)`.

```
t = 1:  h = x1
t = 2:  h = x2 - x1
t = 3:  h = x3 - x2 + x1
t = 4:  h = x4 - x3 + x2 - x1
...
t = T:  h = xT - x(T-1) + x(T-2) - ... + x2 - x1      # T even
```

So the final output is `y_T = sigmoid(1000 * (x_T - x_{T-1} + ... + x_2 - x_1))`, i.e. `sigmoid(1000 * (sum(x[even t]) - sum(x[odd t])))`. With integer inputs this is ~`1` if the even-step inputs sum to more than the odd-step inputs, ~`0` if less, `0.5` if equal."""
    sa_a = "`||x1|| = sqrt(2)*beta`, `||x2|| = beta`, `||x3|| = sqrt(2)*beta` (orthogonal vectors: squared norms add)."
    sa_b = """Score matrix `S = X X^T`:

```
        x1       x2      x3
x1   2*B^2      0      B^2
x2     0       B^2      0
x3    B^2       0     2*B^2
```

Row-wise softmax: row 1 -> `[1, e^-2B^2, e^-B^2] / (1 + e^-2B^2 + e^-B^2)` -> `[1, 0, 0]`; row 2 -> `[1, e^B^2, 1] / (2 + e^B^2)` -> `[0, 1, 0]`; row 3 -> `[0, 0, 1]` by symmetry with row 1.
Hence `y1 ≈ x1 = b + d`, `y2 ≈ x2 = a`, `y3 ≈ x3 = b + c`."""
    sa_c = "Large `B` makes the score gaps (`>= B^2`) enormous, so `softmax` ≈ `argmax` (one-hot). Each `y_i` becomes the value of the single key its query matches best — a copy of that input."
    la = """Without `exp`, `y_i = q_i^T (sum_j k_j v_j^T) / q_i^T (sum_j k_j)`. Both sums are independent of `i`:

```
S = K.T @ V          # d x d, O(T d^2), computed once
z = K.sum(axis=0)    # d,     O(T d),   computed once
Y = (Q @ S) / (Q @ z)[:, None]   # O(T d^2)
```

versus `(Q @ K.T) @ V`, which materialises the `T x T` matrix and costs `O(T^2 d)`. Same result by associativity, but `O(T d^2)`: linear in `T`."""
    txt = "\n\n".join(
        [
            "# Assignment 2 (written) — Amir Farahani, af4402",
            "## Problem 1",
            rec,
            "## Problem 2",
            _sa_parts((sa_a, sa_b, sa_c), ["**a.**", "**b.**", "**c.**"], mode="inline"),
            "## Problem 3",
            la,
        ]
    )
    cs.append(_mk("code-spans", "plain_math", "hw2-2024", {"README.md": txt}))

    # 4. chained equalities in plain text, hw3-2023 ------------------------------------------
    rec = """h_T = x_T - h_(T-1) = x_T - (x_(T-1) - h_(T-2)) = x_T - x_(T-1) + h_(T-2) = x_T - x_(T-1) + x_(T-2) - h_(T-3) = ... = x_T - x_(T-1) + ... + x_2 - h_1 = x_T - x_(T-1) + ... + x_2 - x_1 (using h_1 = x_1 - h_0 = x_1; T even).
y_T = sigmoid(1000*h_T) = sigmoid(1000*(x_T - x_(T-1) + ... + x_2 - x_1)) = sigmoid(1000*(E - O)), where E = x_2 + x_4 + ... + x_T and O = x_1 + x_3 + ... + x_(T-1).
Inputs are integers so E - O is an integer: y_T ~ 1 if E > O, y_T ~ 0 if E < O, y_T = 0.5 if E = O. The output unit answers "do the even-step inputs outweigh the odd-step inputs?"."""
    sa_a = """||x1||^2 = (d+b).(d+b) = d.d + 2 d.b + b.b = beta^2 + 0 + beta^2 = 2 beta^2, so ||x1|| = sqrt(2) beta; ||x2||^2 = a.a = beta^2, so ||x2|| = beta; ||x3||^2 = (c+b).(c+b) = c.c + 2 c.b + b.b = 2 beta^2, so ||x3|| = sqrt(2) beta."""
    sa_b = """x1.x3 = (d+b).(c+b) = d.c + d.b + b.c + b.b = 0 + 0 + 0 + beta^2 = beta^2; x1.x2 = (d+b).a = 0; x2.x3 = a.(c+b) = 0; x1.x1 = x3.x3 = 2 beta^2; x2.x2 = beta^2.
y1 = sum_j softmax_j(x1.xj) xj = (e^(2 beta^2) x1 + x2 + e^(beta^2) x3)/(e^(2 beta^2) + 1 + e^(beta^2)) = (x1 + e^(-2 beta^2) x2 + e^(-beta^2) x3)/(1 + e^(-2 beta^2) + e^(-beta^2)) -> x1 = b + d.
y2 = (x1 + e^(beta^2) x2 + x3)/(e^(beta^2) + 2) = (e^(-beta^2) x1 + x2 + e^(-beta^2) x3)/(1 + 2 e^(-beta^2)) -> x2 = a.
y3 = (e^(beta^2) x1 + x2 + e^(2 beta^2) x3)/(e^(beta^2) + 1 + e^(2 beta^2)) -> x3 = b + c."""
    sa_c = """The scores are proportional to beta^2, so for huge beta the softmax concentrates all its mass on the highest-scoring key (a "hard" attention). The output is then the value at that key: the layer copies one input token, chosen by query-key similarity."""
    txt = "\n\n".join(
        [
            "Deep Learning Homework #3 -- Grace Mwangi (gm3319)",
            "PROBLEM 1",
            _cr_parts(CR_STRUCT, ["(a)", "(b)"]),
            "PROBLEM 2",
            rec,
            "PROBLEM 3",
            _sa_parts((sa_a, sa_b, sa_c), ["(a)", "(b)", "(c)"]),
        ]
    )
    cs.append(_mk("chained", "plain_math", "hw3-2023", {"hw3_answers.txt": txt}))

    # 5. unicode plain math, hw2 -- PDF ---------------------------------------------------------
    la = """Without the exponential: yᵢ = Σⱼ (qᵢ·kⱼ) vⱼ / Σⱼ (qᵢ·kⱼ) = qᵢᵀ (Σⱼ kⱼ vⱼᵀ) / qᵢᵀ (Σⱼ kⱼ).
The bracketed sums S = Kᵀ V ∈ ℝ^{d×d} and z = Σⱼ kⱼ ∈ ℝ^d do not depend on i, so they are formed once in O(T·d²).
Every output is then qᵢᵀ S / qᵢᵀ z, O(d²) per token ⇒ O(T·d²) overall, versus O(T²·d) for (Q Kᵀ) V.
The trick is associativity: Q (Kᵀ V) = (Q Kᵀ) V, which the entrywise exp of softmax would break."""
    txt = "\n\n".join(
        [
            "# Homework 2 — Elena Rossi (er1187)",
            "## Problem 1 — Recurrences using RNNs",
            REC_UNICODE2,
            "## Problem 2 — Understanding self-attention",
            _sa_parts(SA_UNICODE, ["(a)", "(b)", "(c)"]),
            "## Problem 3 — Attention! My code takes too long",
            la,
        ]
    )
    cs.append(_mk("unicode-pdf", "plain_math", "hw2-2024", {"Rossi_HW2.pdf": _pdf(txt)}))
    return cs


def _negated() -> list[Case]:
    cs: list[Case] = []

    # 1. odd minus even, hw2, LaTeX ---------------------------------------------------------
    rec = r"""From the diagram, $h_t = x_t - h_{t-1}$ with $h_0 = 0$ and $y_t = \sigma(1000\,h_t)$.
$$h_1 = x_1,\qquad h_2 = x_1 - x_2,\qquad h_3 = x_1 - x_2 + x_3,\qquad\dots$$
so for even $T$
$$h_T = x_1 - x_2 + x_3 - \dots + x_{T-1} - x_T = \sum_{k=1}^{T}(-1)^{k+1}x_k,$$
and the final output is
$$y_T = \sigma\Big(1000\sum_{k=1}^{T}(-1)^{k+1}x_k\Big).$$
The unit outputs $\approx 1$ when the inputs at odd time steps add up to more than the inputs at even time steps, and $\approx 0$ otherwise."""
    txt = "\n\n".join(
        [
            "# Assignment 2 — Noah Fischer (nf2265)",
            "## Problem 1",
            rec,
            "## Problem 2",
            _sa_parts(SA_LATEX, ["(a)", "(b)", "(c)"]),
            "## Problem 3",
            LA_LATEX,
        ]
    )
    cs.append(
        _mk(
            "odd-minus-even",
            "negated",
            "hw2-2024",
            {"hw2.md": txt},
            {
                "p1": (
                    0,
                    1.5,
                    "final answer has the sign reversed: sigmoid(1000*(odd - even)) instead of even - odd",
                ),
            },
        )
    )

    # 2. correct first steps, reversed general statement, hw3, plain text ----------------------
    rec = """h_t = x_t - h_(t-1), h_0 = 0, y_t = sigmoid(1000*h_t)
h_1 = x_1
h_2 = x_2 - x_1
h_3 = x_3 - x_2 + x_1
The first input always keeps a plus sign and the signs alternate after it, so for T even
h_T = x_1 - x_2 + x_3 - x_4 + ... + x_(T-1) - x_T
Answer: y_T = sigmoid(1000*((x_1 + x_3 + ... + x_(T-1)) - (x_2 + x_4 + ... + x_T))).
The output is ~1 when the odd-position inputs sum to more than the even-position inputs and ~0 when they sum to less."""
    txt = "\n\n".join(
        [
            "HW3 -- Samuel Ortiz (so4156)",
            "Problem 1",
            _cr_parts(CR_ALT, ["a)", "b)"]),
            "Problem 2",
            rec,
            "Problem 3",
            _sa_parts(SA_PLAIN, ["a)", "b)", "c)"]),
        ]
    )
    cs.append(
        _mk(
            "odd-minus-even-plain",
            "negated",
            "hw3-2023",
            {"hw3.txt": txt},
            {
                "p2": (
                    0,
                    1.5,
                    "h_2, h_3 right but the general h_T and final y_T are odd minus even (sign reversed)",
                ),
            },
        )
    )

    # 3. softmax omitted, hw2 ----------------------------------------------------------------
    sa_b = r"""Self-attention with $q=k=v=x$: $y_i = \sum_j (x_i^\top x_j)\,x_j$. Using $x_1^\top x_1 = 2\beta^2$, $x_1^\top x_2 = 0$, $x_1^\top x_3 = \beta^2$, $x_2^\top x_2 = \beta^2$, $x_2^\top x_3 = 0$, $x_3^\top x_3 = 2\beta^2$:
$$y_1 = 2\beta^2 x_1 + \beta^2 x_3,\qquad y_2 = \beta^2 x_2,\qquad y_3 = \beta^2 x_1 + 2\beta^2 x_3.$$
So $y_2$ is approximately a scaled copy of $x_2$, while $y_1$ and $y_3$ approximate combinations of $x_1$ and $x_3$ ($y_1$ weighted towards $x_1$, $y_3$ towards $x_3$)."""
    sa_c = r"""Each output is a weighted combination of the inputs with weights given by the dot products, so the network copies the inputs that are similar to the query, e.g. $x_2$ is copied into $y_2$."""
    txt = "\n\n".join(
        [
            "# HW2 — Olivia Brown (ob3390)",
            "## Problem 1",
            REC_LATEX,
            "## Problem 2",
            _sa_parts((SA_LATEX[0], sa_b, sa_c), ["(a)", "(b)", "(c)"]),
            "## Problem 3",
            LA_PLAIN,
        ]
    )
    cs.append(
        _mk(
            "no-softmax",
            "negated",
            "hw2-2024",
            {"hw2.md": txt},
            {
                "p2": (
                    0.5,
                    1.25,
                    "norms right; softmax omitted so y1 = 2b^2 x1 + b^2 x3 etc. (wrong, no saturation); copy explanation misses the softmax",
                ),
            },
        )
    )

    # 4. wrong norms only (2 beta), hw3 -----------------------------------------------------------
    sa_a = r"""By the triangle rule for orthogonal vectors, $\|x_1\|_2 = \|d\|_2 + \|b\|_2 = 2\beta$, $\|x_2\|_2 = \|a\|_2 = \beta$, and $\|x_3\|_2 = \|c\|_2 + \|b\|_2 = 2\beta$."""
    txt = "\n\n".join(
        [
            "# Homework 3 — Fatima Zahra (fz2003)",
            "## Problem 1",
            _cr_parts(CR_STRUCT, ["(a)", "(b)"]),
            "## Problem 2",
            REC_LATEX,
            "## Problem 3",
            _sa_parts((sa_a, SA_LATEX[1], SA_LATEX[2]), ["(a)", "(b)", "(c)"]),
        ]
    )
    cs.append(
        _mk(
            "norms-2beta",
            "negated",
            "hw3-2023",
            {"hw3.md": txt},
            {
                "p3": (
                    2.25,
                    2.7,
                    "norms of x1, x3 wrong (2 beta instead of sqrt2 beta); outputs and copy explanation correct",
                ),
            },
        )
    )

    # 5. norms without the root + linear normalisation without exp, hw2 -- PDF -----------------
    sa_a = "‖x1‖ = β² + β² = 2β², ‖x2‖ = β², ‖x3‖ = 2β²."
    sa_b = """Scores: x1·x1 = 2β², x1·x2 = 0, x1·x3 = β², x2·x2 = β², x2·x3 = 0, x3·x3 = 2β².
Normalising each row of scores to sum to one: w1 = (2β², 0, β²)/3β² = (2/3, 0, 1/3), w2 = (0, 1, 0), w3 = (1/3, 0, 2/3).
y1 = (2/3)·x1 + (1/3)·x3, y2 = x2, y3 = (1/3)·x1 + (2/3)·x3.
So y2 reproduces x2 exactly, while y1 and y3 are blends of x1 and x3 — this does not change as β grows."""
    sa_c = "Attention copies an input only when the query is orthogonal to all other keys, as for x2; otherwise it averages the similar tokens."
    txt = "\n\n".join(
        [
            "# Assignment 2",
            "Jonas Lindqvist · jl5521",
            "## Problem 1",
            REC_UNICODE,
            "## Problem 2",
            _sa_parts((sa_a, sa_b, sa_c), ["(a)", "(b)", "(c)"]),
            "## Problem 3",
            LA_SHARED,
        ]
    )
    cs.append(
        _mk(
            "linear-normalisation-pdf",
            "negated",
            "hw2-2024",
            {"lindqvist_a2.pdf": _pdf(txt)},
            {
                "p2": (
                    0,
                    0.75,
                    "norms squared (2b^2); weights normalised linearly without exp, so y1, y3 are blends and never saturate; copy explanation wrong",
                ),
            },
        )
    )

    # 6. recurrence stopped after one step, hw3 ------------------------------------------------
    rec = r"""At the last step the output unit sees $y_T = \sigma(1000\,h_T)$ with $h_T = x_T - h_{T-1}$. The previous hidden state is just the previous input, $h_{T-1} = x_{T-1}$, so
$$y_T = \sigma\big(1000\,(x_T - x_{T-1})\big).$$
Thus the network outputs $\approx 1$ if the last input is larger than the one before it, and $\approx 0$ otherwise; the even length guarantees that the last two inputs form a pair."""
    txt = "\n\n".join(
        [
            "# HW3 — Ethan Walker (ew2871)",
            "## Problem 1",
            _cr_parts(CR_PROSE, ["**(a)**", "**(b)**"]),
            "## Problem 2",
            rec,
            "## Problem 3",
            _sa_parts(SA_MATRIX, ["**(a)**", "**(b)**", "**(c)**"]),
        ]
    )
    cs.append(
        _mk(
            "one-step",
            "negated",
            "hw3-2023",
            {"hw3.md": txt},
            {
                "p2": (
                    0,
                    1.0,
                    "stops after one step (h_{T-1} = x_{T-1}): y_T = sigmoid(1000(x_T - x_{T-1})), ignores the rest of the sequence",
                ),
            },
        )
    )

    # 7. no alternation, hw2, plain text -------------------------------------------------------
    rec = """The hidden unit subtracts the previous state: h_t = x_t - h_(t-1), h_0 = 0.
Expanding, every earlier input gets subtracted:
h_T = x_T - h_(T-1) = x_T - x_(T-1) - x_(T-2) - ... - x_1
so y_T = sigmoid(1000*(x_T - (x_1 + x_2 + ... + x_(T-1)))).
The output is ~1 when the last input is larger than the sum of all the previous inputs, ~0 otherwise."""
    txt = "\n\n".join(
        [
            "Homework 2 - Deep Learning - Aisha Bello (ab6608)",
            "1) Recurrences using RNNs",
            rec,
            "2) Understanding self-attention",
            _sa_parts(SA_PLAIN, ["a)", "b)", "c)"]),
            "3) Attention! My code takes too long",
            LA_PLAIN,
        ]
    )
    cs.append(
        _mk(
            "no-alternation",
            "negated",
            "hw2-2024",
            {"hw2.txt": txt},
            {
                "p1": (
                    0,
                    1.0,
                    "no alternation: h_T = x_T - (x_1 + ... + x_{T-1}); sign pattern of the recurrence lost",
                ),
            },
        )
    )

    # 8. missing sigmoid and the 1000 interpretation, hw3, plain text -------------------------
    rec = """h_t = x_t - h_(t-1), h_0 = 0
h_1 = x_1, h_2 = x_2 - x_1, h_3 = x_3 - x_2 + x_1, h_4 = x_4 - x_3 + x_2 - x_1
For even T: h_T = x_T - x_(T-1) + ... + x_2 - x_1
The output unit has weight 1000, so the value computed at the last step is
y_T = 1000*h_T = 1000*(x_T - x_(T-1) + x_(T-2) - ... + x_2 - x_1),
i.e. a thousand times the alternating sum of the inputs."""
    txt = "\n\n".join(
        [
            "HOMEWORK 3 -- Benjamin Cohen (bc2214)",
            "Question 1",
            _cr_parts(CR_STRUCT, ["(a)", "(b)"]),
            "Question 2",
            rec,
            "Question 3",
            _sa_parts(SA_PLAIN, ["(a)", "(b)", "(c)"]),
        ]
    )
    cs.append(
        _mk(
            "missing-sigmoid",
            "negated",
            "hw3-2023",
            {"cohen_hw3.txt": txt},
            {
                "p2": (
                    1.0,
                    2.5,
                    "alternating sum correct but the output sigmoid is dropped (y_T = 1000 h_T), no binary-classification reading",
                ),
            },
        )
    )
    return cs


def _correct_variants() -> list[Case]:
    cs: list[Case] = []

    # 1. Sigma notation with (-1)^k, proof by induction, hw2 -----------------------------------
    rec = r"""Let $h_t = x_t - h_{t-1}$, $h_0 = 0$, $y_t = \sigma(1000 h_t)$.
**Claim.** $h_t = \sum_{k=1}^{t}(-1)^{t-k}x_k$ for all $t\ge 1$.
*Proof.* $t=1$: $h_1 = x_1$. Step: $h_{t+1} = x_{t+1} - \sum_{k=1}^{t}(-1)^{t-k}x_k = x_{t+1} + \sum_{k=1}^{t}(-1)^{t+1-k}x_k = \sum_{k=1}^{t+1}(-1)^{t+1-k}x_k$. $\square$
For even $T$, $(-1)^{T-k} = (-1)^k$, so
$$h_T = \sum_{k=1}^{T}(-1)^k x_k,\qquad y_T = \sigma\Big(1000\sum_{k=1}^{T}(-1)^k x_k\Big).$$
The even-indexed inputs enter with $+$ and the odd-indexed with $-$; since $h_T\in\mathbb{Z}$, $y_T\approx 1$ iff $\sum_{k\ \text{even}}x_k > \sum_{k\ \text{odd}}x_k$, $y_T\approx 0$ if the inequality is reversed, $y_T = \tfrac12$ if they are equal."""
    txt = "\n\n".join(
        [
            "# Assignment 2 — Wen Li (wl7730)",
            "## Problem 1",
            rec,
            "## Problem 2",
            _sa_parts(SA_MATRIX, ["(a)", "(b)", "(c)"]),
            "## Problem 3",
            LA_LATEX,
        ]
    )
    cs.append(_mk("sigma-induction", "correct_variants", "hw2-2024", {"hw2.md": txt}))

    # 2. (-1)^(T-k) as final form, hw3 -----------------------------------------------------------
    rec = r"""$h_t = x_t - h_{t-1}$ with $h_0=0$ gives $h_t = \sum_{k=1}^{t}(-1)^{t-k}x_k$ (each older input picks up one more factor $-1$ per step). At the final step
$$y_T = \sigma\Big(1000\sum_{k=1}^{T}(-1)^{T-k}x_k\Big),$$
and because $T$ is even the sign of $x_k$ is $+$ for even $k$ and $-$ for odd $k$. The output unit therefore fires ($y_T\approx1$) exactly when the inputs at even time steps sum to more than those at odd time steps, and is $\approx 0$ when they sum to less."""
    txt = "\n\n".join(
        [
            "# Homework 3",
            "Submitted by Arjun Nair (an3341)",
            "## Problem 1",
            _cr_parts(CR_ALT, ["(a)", "(b)"]),
            "## Problem 2",
            rec,
            "## Problem 3",
            _sa_parts(SA_MATRIX, ["(a)", "(b)", "(c)"]),
        ]
    )
    cs.append(_mk("power-T-minus-k", "correct_variants", "hw3-2023", {"hw3.md": txt}))

    # 3. in words: "sum over even t minus sum over odd t", hw2, txt ----------------------------
    rec = """Let E be the sum of the inputs at even time steps (x_2 + x_4 + ... + x_T) and O the sum at odd time steps (x_1 + x_3 + ... + x_(T-1)).
The hidden unit computes h_t = x_t - h_(t-1) from h_0 = 0, so each new input is added and the entire running total is negated. After an even number of steps every even-step input has been negated an even number of times (it keeps its + sign) and every odd-step input an odd number of times (it ends with a - sign). Hence h_T = E - O, the sum over even t minus the sum over odd t.
Output at the final step: y_T = sigmoid(1000 * (E - O)). With integer inputs this is practically a step function: 1 if E > O, 0 if E < O, 0.5 if E = O. The network decides whether the even-indexed inputs outweigh the odd-indexed ones."""
    txt = "\n\n".join(
        [
            "Assignment 2, written questions -- Gabriel Silva (gs8812)",
            "Problem 1",
            rec,
            "Problem 2",
            _sa_parts(SA_PLAIN, ["(a)", "(b)", "(c)"]),
            "Problem 3",
            LA_PLAIN,
        ]
    )
    cs.append(_mk("even-minus-odd-words", "correct_variants", "hw2-2024", {"hw2_written.txt": txt}))

    # 4. written out for T = 4, then generalised, hw3 --------------------------------------------
    rec = r"""Take $T = 4$ first:
$h_1 = x_1$, $h_2 = x_2 - x_1$, $h_3 = x_3 - (x_2 - x_1) = x_3 - x_2 + x_1$, $h_4 = x_4 - (x_3 - x_2 + x_1) = x_4 - x_3 + x_2 - x_1$,
so $y_4 = \sigma\big(1000\,[(x_2 + x_4) - (x_1 + x_3)]\big)$.
The same thing happens for any even $T$: two more steps map $h \mapsto x_{t+2} - (x_{t+1} - h) = h + (x_{t+2} - x_{t+1})$, i.e. each pair of steps adds "(even input) minus (preceding odd input)". Hence
$$h_T = (x_2 - x_1) + (x_4 - x_3) + \dots + (x_T - x_{T-1}),\qquad y_T = \sigma\big(1000\,h_T\big).$$
Interpretation: $y_T \approx 1$ if the even-step inputs sum to more than the odd-step inputs and $\approx 0$ if less ($0.5$ on a tie); with integer inputs the factor 1000 makes this essentially a hard decision."""
    txt = "\n\n".join(
        [
            "# HW3 — Chloe Dubois (cd2958)",
            "## Problem 1",
            _cr_parts(CR_PROSE, ["(a)", "(b)"]),
            "## Problem 2",
            rec,
            "## Problem 3",
            _sa_parts(SA_LATEX, ["(a)", "(b)", "(c)"]),
        ]
    )
    cs.append(_mk("T4-then-general", "correct_variants", "hw3-2023", {"hw3_dubois.md": txt}))

    # 5. paired sum Σ_{m=1}^{T/2}(x_{2m} − x_{2m−1}), hw2 -- PDF ------------------------------
    rec = """With h_0 = 0, h_t = x_t − h_{t−1} and y_t = σ(1000·h_t), look at two consecutive steps:
h_{2m} = x_{2m} − h_{2m−1} = x_{2m} − (x_{2m−1} − h_{2m−2}) = h_{2m−2} + (x_{2m} − x_{2m−1}).
So the hidden state after every even step grows by one pair difference, and since T is even
h_T = Σ_{m=1}^{T/2} (x_{2m} − x_{2m−1}),
y_T = σ(1000 · Σ_{m=1}^{T/2} (x_{2m} − x_{2m−1})).
The output is ≈ 1 when Σ(even-step inputs) > Σ(odd-step inputs), ≈ 0 when it is smaller, and exactly ½ when they are equal (all inputs are integers, so there is no in-between)."""
    txt = "\n\n".join(
        [
            "# Assignment 2 (theory)",
            "Mateo Rodríguez — mr4403",
            "## Problem 1",
            rec,
            "## Problem 2",
            _sa_parts(SA_UNICODE, ["(a)", "(b)", "(c)"]),
            "## Problem 3",
            LA_SHARED,
        ]
    )
    cs.append(
        _mk("paired-sum-pdf", "correct_variants", "hw2-2024", {"rodriguez_hw2.pdf": _pdf(txt)})
    )

    # 6. hw3-2022, full answers with Σ_even − Σ_odd notation ---------------------------------------
    rec = r"""Let $\mathcal{E} = \{2,4,\dots,T\}$ and $\mathcal{O} = \{1,3,\dots,T-1\}$. From $h_t = x_t - h_{t-1}$, $h_0 = 0$:
$$h_T = \sum_{t\in\mathcal{E}} x_t - \sum_{t\in\mathcal{O}} x_t,\qquad y_T = \sigma\Big(1000\Big(\sum_{t\in\mathcal{E}} x_t - \sum_{t\in\mathcal{O}} x_t\Big)\Big)$$
(check: $T=2$ gives $h_2 = x_2 - x_1$; two more steps add $x_{t+2} - x_{t+1}$). The unit thus classifies whether the even-position inputs outweigh the odd-position ones: $y_T \approx 1$ if yes, $\approx 0$ if the odd ones are larger, $1/2$ on a tie."""
    txt = "\n\n".join(
        [
            "# Homework 3 (2022) — Isabel Costa (ic1290)",
            "## Problem 1",
            _cr_parts(CR_STRUCT, ["(a)", "(b)"]),
            "## Problem 2",
            rec,
            "## Problem 3",
            TWO_WAYS,
        ]
    )
    cs.append(_mk("hw3-2022-set-notation", "correct_variants", "hw3-2022", {"hw3_2022.md": txt}))
    return cs


def cases() -> list[Case]:
    return _headings() + _prose() + _plain_math() + _negated() + _correct_variants()
