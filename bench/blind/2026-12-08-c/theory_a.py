"""Theory answers, hw2-2024 students (s01..s04)."""

PRE = r"""\documentclass{article}
\usepackage{amsmath}
\usepackage{amssymb}
%s
\begin{document}
"""


def doc(body, extra=""):
    return (PRE % extra) + body + "\n\\end{document}\n"


# ---------------------------------------------------------------- s01_ava (all correct)
S01 = doc(r"""
\begin{center}
{\Large ECE-GY 7123 Deep Learning --- Assignment 2}\\[4pt]
Ava Lindqvist \quad (al7731)\\
Spring 2024
\end{center}

\noindent\rule{\linewidth}{0.4pt}\\
\textsc{Question 1 of 5} \hfill \textit{Recurrences using RNNs}\\
\rule{\linewidth}{0.4pt}

With zero biases the hidden unit computes $h_t = x_t - h_{t-1}$ with $h_0 = 0$, and the output
unit computes $y_t = \text{sigmoid}(1000\,h_t)$. Unrolling a few steps:
\begin{align*}
h_1 &= x_1,\\
h_2 &= x_2 - x_1,\\
h_3 &= x_3 - x_2 + x_1,\\
h_4 &= x_4 - x_3 + x_2 - x_1 .
\end{align*}
Every step flips the sign of everything that came before, so by induction
\[
h_T = \sum_{t=1}^{T} (-1)^{T-t} x_t .
\]
Since $T$ is even, $(-1)^{T-t} = +1$ exactly when $t$ is even, so
\[
h_T = \underbrace{(x_2 + x_4 + \dots + x_T)}_{\text{even positions}} - \underbrace{(x_1 + x_3 + \dots + x_{T-1})}_{\text{odd positions}} .
\]
The final output is
\[
y_T = \text{sigmoid}\big(1000\,[(x_2+x_4+\dots+x_T)-(x_1+x_3+\dots+x_{T-1})]\big).
\]
The inputs are integers, so $h_T$ is an integer; if $h_T \ge 1$ then $1000h_T \ge 1000$ and
$y_T \approx 1$, if $h_T \le -1$ then $y_T \approx 0$, and if $h_T = 0$ then $y_T = 0.5$.
So the output unit is (essentially) a hard classifier answering: \emph{is the sum of the
inputs at even time steps larger than the sum of the inputs at odd time steps?}

\medskip
\noindent\rule{\linewidth}{0.4pt}\\
\textsc{Question 2 of 5} \hfill \textit{Understanding self-attention}\\
\rule{\linewidth}{0.4pt}

\noindent\textbf{(a)} Because $a,b,c,d$ are mutually orthogonal, cross terms vanish:
\[
\|x_1\|^2 = \|d\|^2 + \|b\|^2 = 2\beta^2 \;\Rightarrow\; \|x_1\| = \sqrt{2}\,\beta,\qquad
\|x_2\| = \|a\| = \beta,\qquad \|x_3\| = \sqrt{\|c\|^2+\|b\|^2} = \sqrt{2}\,\beta .
\]

\noindent\textbf{(b)} The score matrix $S_{ij} = x_i^\top x_j$ is
\[
S = \begin{pmatrix} 2\beta^2 & 0 & \beta^2 \\ 0 & \beta^2 & 0 \\ \beta^2 & 0 & 2\beta^2 \end{pmatrix},
\]
(only the shared $b$ makes $x_1^\top x_3 = \beta^2$). Row-wise softmax:
\begin{align*}
y_1 &= \frac{e^{2\beta^2} x_1 + x_2 + e^{\beta^2} x_3}{e^{2\beta^2} + 1 + e^{\beta^2}}
     = \frac{x_1 + e^{-2\beta^2}x_2 + e^{-\beta^2} x_3}{1 + e^{-2\beta^2} + e^{-\beta^2}} \;\to\; x_1,\\
y_2 &= \frac{x_1 + e^{\beta^2} x_2 + x_3}{2 + e^{\beta^2}} \;\to\; x_2,\\
y_3 &= \frac{e^{\beta^2} x_1 + x_2 + e^{2\beta^2} x_3}{e^{\beta^2} + 1 + e^{2\beta^2}} \;\to\; x_3,
\end{align*}
as $\beta \to \infty$. So for large $\beta$: $y_1 \approx x_1 = d+b$, $y_2 \approx x_2 = a$,
$y_3 \approx x_3 = c+b$.

\noindent\textbf{(c)} With large norms the softmax saturates into a one-hot vector that picks
the key with the largest dot product. Each token here is most similar to itself
($2\beta^2$ beats $\beta^2$ and $0$), so each query routes all of its weight to its own
value and the layer outputs (a copy of) that value. In general, whichever key best matches
the query gets weight $\approx 1$ and its value is copied to the output unchanged.

\medskip
\noindent\rule{\linewidth}{0.4pt}\\
\textsc{Question 3 of 5} \hfill \textit{Attention! My code takes too long}\\
\rule{\linewidth}{0.4pt}

Dropping the exponential, output $i$ is
\[
y_i = \frac{\sum_{j=1}^{T} (q_i^\top k_j)\, v_j}{\sum_{j=1}^{T} q_i^\top k_j}
    = \frac{q_i^\top \left(\sum_{j=1}^{T} k_j v_j^\top\right)}{q_i^\top \left(\sum_{j=1}^{T} k_j\right)} .
\]
The point is associativity: $(QK^\top)V = Q(K^\top V)$. The $d\times d$ matrix
$S = \sum_j k_j v_j^\top = K^\top V$ and the vector $z = \sum_j k_j$ do not depend on $i$, so
we compute them once, in $\mathcal{O}(Td^2)$ and $\mathcal{O}(Td)$. Then each of the $T$
outputs needs one vector--matrix product $q_i^\top S$ and one dot product $q_i^\top z$, i.e.
$\mathcal{O}(d^2)$ per token. Total cost $\mathcal{O}(Td^2)$: linear in $T$, and the
$T\times T$ attention matrix is never formed. With the exponential this fails because
$e^{q_i^\top k_j}$ does not factor into a function of $q_i$ times a function of $k_j$.

\medskip
\noindent\rule{\linewidth}{0.4pt}\\
\textsc{Questions 4 and 5} \hfill \textit{Notebooks}\\
\rule{\linewidth}{0.4pt}

The ViT notebook (patch size 4, 6 layers, 4 heads) and the BERT sentiment notebook are
attached after this page.
""")

# ---------------------------------------------------------------- s02_ben (p1 no sigmoid, p2c weak, p3 wrong)
S02 = doc(r"""
\title{Deep Learning -- Assignment 2}
\author{Benjamin Osei \\ NetID: bo2208}
\date{}
\maketitle

\noindent\textbf{Ans. 1}\quad
We write the recurrence out. The hidden state gets the input with weight $1$ and its
previous value with weight $-1$:
\begin{align*}
h_1 &= x_1 \\
h_2 &= x_2 - x_1 \\
h_3 &= x_3 - x_2 + x_1 \\
&\;\;\vdots \\
h_T &= x_T - x_{T-1} + x_{T-2} - \dots + x_2 - x_1 .
\end{align*}
The last sign is negative because $T$ is even. Therefore the output unit at the final step
computes
\[
y_T = x_T - x_{T-1} + x_{T-2} - \dots + x_2 - x_1,
\]
the alternating sum of the inputs (sum of the even-position inputs minus the sum of the
odd-position inputs).

\bigskip
\noindent\textbf{Ans. 2(a)}\quad $\|x_1\| = \|d+b\| = \sqrt{\beta^2+\beta^2} = \sqrt2\beta$,
$\|x_2\| = \beta$, $\|x_3\| = \sqrt2\beta$ (orthogonality kills the cross terms).

\medskip
\noindent\textbf{Ans. 2(b)}\quad The dot products are $x_1\cdot x_1 = 2\beta^2$,
$x_1 \cdot x_2 = 0$, $x_1\cdot x_3 = \beta^2$, $x_2 \cdot x_2 = \beta^2$, $x_2\cdot x_3 = 0$,
$x_3 \cdot x_3 = 2\beta^2$. Softmax of row 1 is
$\left(\frac{e^{2\beta^2}}{Z_1}, \frac{1}{Z_1}, \frac{e^{\beta^2}}{Z_1}\right)$ with
$Z_1 = e^{2\beta^2} + 1 + e^{\beta^2}$. For $\beta$ very large the first entry dominates,
so the weights tend to $(1,0,0)$. Similarly row 2 tends to $(0,1,0)$ and row 3 to $(0,0,1)$. Hence
\[
y_1 \approx x_1, \qquad y_2 \approx x_2, \qquad y_3 \approx x_3 .
\]

\medskip
\noindent\textbf{Ans. 2(c)}\quad Self-attention averages the tokens: each output is a
weighted average of all the values, and because the tokens are built from the same base
vectors the average keeps the information of the inputs, so the output looks like a copy
of the input.

\bigskip
\noindent\textbf{Ans. 3}\quad In regular attention each row of $\mathrm{softmax}(QK^\top)$
needs $T$ exponentials and a sum over $T$ terms, and there are $T$ rows, which is where the
$\mathcal{O}(T^2)$ comes from. If we drop the exponentials we no longer need to evaluate
$e^{q_i^\top k_j}$ for every pair, and the normalisation becomes a simple division. Since
computing exponentials is the expensive part, removing them means each row costs only a
constant amount of work, so the whole layer runs in $\mathcal{O}(T)$ time.

\bigskip
\noindent\textbf{Ans. 4 \& 5}\quad See the two notebooks printed below.
""")

# ---------------------------------------------------------------- s03_cleo (.tex folder; p1 sign flip; p2a squared norms)
S03 = doc(r"""
\section*{HW2 --- Cleo Marchetti (cm6120)}

\noindent\textbf{1.} Recurrence: $h_t = x_t - h_{t-1}$, $y_t = \text{sigmoid}(1000 h_t)$, $h_0 = 0$.

Expanding backwards from the last step,
\begin{align*}
h_T &= x_T - h_{T-1} = x_T - x_{T-1} + h_{T-2} = \cdots
\end{align*}
and collecting terms from the start of the sequence,
\[
h_T = x_1 - x_2 + x_3 - x_4 + \dots + x_{T-1} - x_T = \sum_{t=1}^{T} (-1)^{t+1} x_t .
\]
So $y_T = \text{sigmoid}\big(1000(x_1 - x_2 + x_3 - \dots - x_T)\big)$. Because the
argument is multiplied by $1000$ and the $x_t$ are integers, the sigmoid is basically a step
function: the network outputs $1$ if the inputs at odd positions add up to more than the
inputs at even positions, and $0$ if they add up to less ($0.5$ on a tie).

\bigskip
\noindent\textbf{2a.} $\|x_1\| = \|d\|^2 + \|b\|^2 = 2\beta^2$, \quad $\|x_2\| = \beta^2$, \quad
$\|x_3\| = 2\beta^2$.

\medskip
\noindent\textbf{2b.} $Q=K=V=X$ with rows $x_1,x_2,x_3$.
\[
XX^\top = \begin{pmatrix} 2\beta^2 & 0 & \beta^2 \\ 0 & \beta^2 & 0 \\ \beta^2 & 0 & 2\beta^2\end{pmatrix}.
\]
For row 1 the softmax weight on $x_1$ is $\frac{1}{1 + e^{-\beta^2} + e^{-2\beta^2}} \to 1$ and the
other weights go to $0$; row 2 puts weight $\frac{e^{\beta^2}}{e^{\beta^2}+2}\to 1$ on $x_2$; row 3 is
the mirror of row 1. So as $\beta\to\infty$,
\[
y_1 \approx x_1 = b + d,\qquad y_2 \approx x_2 = a,\qquad y_3 \approx x_3 = b + c .
\]

\medskip
\noindent\textbf{2c.} The softmax of very large scores behaves like an argmax. A query
selects the key it matches best (here: itself) and the output becomes exactly that key's
value, so the layer can copy a chosen input through to the output.

\bigskip
\noindent\textbf{3.} Without the exponentials,
\[
y_i = \frac{\sum_j (q_i^\top k_j) v_j}{\sum_j q_i^\top k_j}.
\]
Write the numerator as $\sum_j v_j (k_j^\top q_i) = \big(\sum_j v_j k_j^\top\big) q_i$ and the
denominator as $\big(\sum_j k_j\big)^\top q_i$. The $d\times d$ matrix $M = \sum_j v_j k_j^\top$ and the
vector $s = \sum_j k_j$ are shared by all queries, so we build them once in $\mathcal{O}(T d^2)$
time. Each $y_i = M q_i / (s^\top q_i)$ then costs $\mathcal{O}(d^2)$, for $\mathcal{O}(Td^2)$ overall,
i.e.\ $\mathcal{O}(T)$ for fixed $d$. In matrix form we compute $Q(K^\top V)$ instead of $(QK^\top)V$,
so no $T\times T$ matrix is ever built.

\bigskip
\noindent\textbf{4, 5.} In \texttt{vit\_fashionmnist.ipynb} and \texttt{bert\_sentiment.ipynb}.
""")

# ---------------------------------------------------------------- s04_dev (markdown theory)
S04_MD = r"""# Deep Learning HW 2
**Devansh Rao — dr3391**

### 1

Recurrence (zero biases): $h_t = x_t - h_{t-1}$, $h_0 = 0$ and $y_t = \text{sigmoid}(1000\,h_t)$.

Unrolling:

$$h_1 = x_1,\quad h_2 = x_2 - x_1,\quad h_3 = x_3 - x_2 + x_1,\quad \dots$$

so for an even length $T$

$$h_T = (x_T + x_{T-2} + \dots + x_2) - (x_{T-1} + x_{T-3} + \dots + x_1).$$

Final output:

$$y_T = \text{sigmoid}\Big(1000\big[\textstyle\sum_{k=1}^{T/2} x_{2k} - \sum_{k=1}^{T/2} x_{2k-1}\big]\Big)$$

Since the inputs are integers the difference is an integer, and multiplying by 1000 pushes the sigmoid to 0 or 1 unless it is exactly 0. So $y_T \approx 1$ when the even-indexed inputs sum to more than the odd-indexed ones, $y_T\approx 0$ when they sum to less, and $y_T = 1/2$ if the two sums are equal.

### 2a

$\|x_1\| = \sqrt{2}\beta$, $\|x_2\| = \beta$, $\|x_3\| = \sqrt{2}\beta$ (Pythagoras, the base vectors are orthogonal).

### 2b

Dot products: $x_1\cdot x_1 = 2\beta^2$, $x_1\cdot x_2 = 0$, $x_1 \cdot x_3 = \beta^2$, $x_2\cdot x_2 = \beta^2$, $x_2 \cdot x_3 = 0$, $x_3\cdot x_3 = 2\beta^2$.

$$y_1 = \frac{e^{2\beta^2}x_1 + e^{0}x_2 + e^{\beta^2}x_3}{e^{2\beta^2} + 1 + e^{\beta^2}}$$

$$y_2 = \frac{x_1 + e^{\beta^2}x_2 + x_3}{2 + e^{\beta^2}}$$

$$y_3 = \frac{e^{\beta^2}x_1 + x_2 + e^{2\beta^2}x_3}{e^{\beta^2} + 1 + e^{2\beta^2}}$$

So $y_1$ and $y_3$ are mixtures of $x_1$ and $x_3$ (they share $b$), and $y_2$ is a mixture of all three tokens with most weight on $x_2$.

### 2c

Because the attention weights come from a softmax, the token with a large dot product gets a large weight, so the output is mostly made of that token — the network can pick which input to pass on.

### 3

Drop the exp: $y_i = \dfrac{\sum_j (q_i^\top k_j) v_j}{\sum_j q_i^\top k_j} = \dfrac{q_i^\top (K^\top V)}{q_i^\top \sum_j k_j}$.

$K^\top V$ is only $d \times d$ and is the same for every $i$, so we compute it once (cost linear in $T$) and reuse it; every output then costs $O(d^2)$, total $O(T)$.

### 4

(ViT — did not get to this one, sorry.)

### 5

See `HW2_BERT_sentiment.ipynb`.
"""
