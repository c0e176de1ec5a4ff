r"""Theory write-ups, one per student (LaTeX, plain text, markdown)."""

# ======================================================================================
# s01 (hw3-2023) -- \section*{Problem N}, enumerate (a)(b), title block; all correct
# ======================================================================================
S01_TEX = r"""\documentclass[11pt]{article}
\usepackage[margin=1in]{geometry}
\usepackage{amsmath,amssymb}
\renewcommand{\labelenumi}{(\alph{enumi})}

\title{ECE-GY 7123 Deep Learning -- Homework 3}
\author{Ava Lindqvist (al7721)}
\date{\today}

\begin{document}
\maketitle

\section*{Problem 1}
\begin{enumerate}
\item Two advantages of a CNN over an RNN when the task is image classification:
\begin{itemize}
  \item \textbf{It uses the 2-D structure of the image.} A convolution looks at a small
  spatial neighbourhood and the same kernel is slid over every location (weight sharing).
  Pixels that are neighbours vertically stay neighbours for the CNN, while an RNN that reads
  the image row by row (or pixel by pixel) sees them $W$ steps apart and has to carry the
  information through its hidden state. Weight sharing also gives translation equivariance
  (and with pooling, some invariance), which is exactly the prior we want for objects
  that can appear anywhere in the image.
  \item \textbf{Parallel and easier to train.} All positions of a convolutional layer are
  computed at the same time, and the depth of the computation graph is the number of layers,
  not the number of pixels. An RNN over a $28\times 28$ image needs 784 (or 28) sequential
  steps, cannot be parallelised over time, and backpropagation through that many steps
  suffers from vanishing/exploding gradients.
\end{itemize}
\item Two advantages of an RNN over a CNN:
\begin{itemize}
  \item \textbf{Variable-size / sequential inputs.} The same recurrent cell can be applied to
  a sequence of any length, so an RNN can take images (or strips, patches) of different sizes
  and even a stream of rows arriving over time, with a fixed-size hidden state. A standard CNN
  with a fully connected classifier expects a fixed input resolution.
  \item \textbf{Global context with few parameters.} After reading the whole sequence the
  hidden state can depend on every pixel, so long-range dependencies (e.g.\ between the top
  and the bottom of the image) are available to the classifier without having to stack many
  layers to grow the receptive field; the number of parameters does not grow with the input
  size.
\end{itemize}
\end{enumerate}

\section*{Problem 2}
With zero biases and the weights on the edges, the network computes
\begin{align*}
h_t &= x_t - h_{t-1}, \qquad h_0 = 0,\\
y_t &= \text{sigmoid}(1000\, h_t).
\end{align*}
Unrolling the recurrence:
\begin{align*}
h_1 &= x_1,\\
h_2 &= x_2 - x_1,\\
h_3 &= x_3 - x_2 + x_1,\\
h_4 &= x_4 - x_3 + x_2 - x_1,
\end{align*}
and in general $h_t = \sum_{k=1}^{t} (-1)^{t-k} x_k$ (by induction: $h_{t} = x_t - \sum_{k=1}^{t-1}(-1)^{t-1-k}x_k = x_t + \sum_{k=1}^{t-1}(-1)^{t-k}x_k$).
For an even length $T=2n$ the signs are $+$ on even positions and $-$ on odd positions:
\begin{align*}
h_T = \sum_{j=1}^{n} x_{2j} - \sum_{j=1}^{n} x_{2j-1}
    = (x_2 + x_4 + \dots + x_T) - (x_1 + x_3 + \dots + x_{T-1}).
\end{align*}
So the final output is
\begin{align*}
y_T = \text{sigmoid}\Big(1000\big[(x_2 + x_4 + \dots + x_T) - (x_1 + x_3 + \dots + x_{T-1})\big]\Big).
\end{align*}
Because the inputs are integers, $h_T$ is an integer, so $1000\,h_T$ is either $0$ or at
least $1000$ in absolute value, and the sigmoid is saturated:
\[
y_T \approx \begin{cases} 1 & \text{if } \sum_{\text{even } t} x_t > \sum_{\text{odd } t} x_t,\\
0.5 & \text{if the two sums are equal},\\
0 & \text{if } \sum_{\text{even } t} x_t < \sum_{\text{odd } t} x_t. \end{cases}
\]
The output unit therefore classifies whether the sum of the inputs at even time steps is
larger than the sum of the inputs at odd time steps.

\section*{Problem 3}
\begin{enumerate}
\item Since $a,b,c,d$ are orthogonal with $\|a\|=\|b\|=\|c\|=\|d\|=\beta$, cross terms vanish:
\begin{align*}
\|x_1\|_2 &= \sqrt{\|d\|^2 + \|b\|^2} = \sqrt{2}\,\beta, \\
\|x_2\|_2 &= \|a\| = \beta, \\
\|x_3\|_2 &= \sqrt{\|c\|^2 + \|b\|^2} = \sqrt{2}\,\beta.
\end{align*}
\item The attention scores are $s_{ij} = x_i^\top x_j$:
\[
S = \begin{pmatrix} 2\beta^2 & 0 & \beta^2 \\ 0 & \beta^2 & 0 \\ \beta^2 & 0 & 2\beta^2 \end{pmatrix}.
\]
Row-wise softmax and $y_i = \sum_j \text{softmax}(S_{i\cdot})_j\, x_j$ give
\begin{align*}
y_1 &= \frac{e^{2\beta^2} x_1 + x_2 + e^{\beta^2} x_3}{e^{2\beta^2} + 1 + e^{\beta^2}}
     = \frac{x_1 + e^{-2\beta^2} x_2 + e^{-\beta^2} x_3}{1 + e^{-2\beta^2} + e^{-\beta^2}}
     \;\to\; x_1 \quad (\beta\to\infty),\\
y_2 &= \frac{x_1 + e^{\beta^2} x_2 + x_3}{e^{\beta^2} + 2} \;\to\; x_2,\\
y_3 &= \frac{e^{\beta^2} x_1 + x_2 + e^{2\beta^2} x_3}{e^{\beta^2} + 1 + e^{2\beta^2}} \;\to\; x_3.
\end{align*}
So for large $\beta$: $y_1 \approx x_1 = d+b$, $y_2 \approx x_2 = a$, $y_3 \approx x_3 = c+b$.
\item Because the norms are huge, the differences between the scores ($\beta^2$ here) are huge
too, and the softmax becomes a hard arg-max: each query puts essentially all of its weight on
the key it is most aligned with. Here that key is the token itself ($2\beta^2 > \beta^2 > 0$),
so each output is (approximately) a copy of one input value rather than a blend. In general,
when one key matches a query much better than the others, self-attention routes that token's
value unchanged to the output, i.e.\ it can copy an input.
\end{enumerate}

\section*{Problem 4}
See the attached notebook (printed below).
\end{document}
"""

# ======================================================================================
# s02 (hw3-2023) -- bold run-in headings; p2 no sigmoid; p3 no limit taken
# ======================================================================================
S02_TEX = r"""\documentclass{article}
\usepackage{amsmath}
\usepackage[margin=1in]{geometry}
\setlength{\parindent}{0pt}
\setlength{\parskip}{6pt}
\begin{document}

{\large Deep Learning HW3} \hfill Bruno Okafor -- bo2045

\textbf{Problem 1 (CNNs vs RNNs).} (a) First, CNNs share the same small filter across the whole
image, so they need far fewer weights to detect a pattern and the detector works wherever the
pattern is located (translation equivariance). Second, the convolutions over all locations run in
parallel, so a CNN is much faster to train on a GPU than an RNN which must process the pixels one
step after another.

(b) RNNs can process inputs of different lengths with the same weights, e.g.\ images of different
widths read column by column. They also keep a memory (hidden state) of everything seen so far,
so the final state summarises the whole image and can capture dependencies between far away parts
of the image, which a shallow CNN with a small receptive field cannot.

\textbf{Problem 2 (Recurrences).} The hidden state update is $h_t = 1\cdot x_t + (-1)\cdot h_{t-1}$
with $h_0 = 0$. Writing it out for a few steps:
\begin{align*}
h_1 &= x_1\\
h_2 &= x_2 - x_1\\
h_3 &= x_3 - x_2 + x_1\\
h_4 &= x_4 - x_3 + x_2 - x_1
\end{align*}
For an even length $T$ the pattern ends with $-x_1$, so
\[
h_T = x_T - x_{T-1} + x_{T-2} - \dots + x_2 - x_1 .
\]
The output unit multiplies the hidden state by 1000, so at the final time step it computes
\[
y_T = 1000\,(x_T - x_{T-1} + x_{T-2} - \dots + x_2 - x_1),
\]
i.e.\ 1000 times the difference between the sum of the even-position inputs and the sum of the
odd-position inputs.

\textbf{Problem 3 (Self-attention).} (a) Using orthogonality,
$\|x_1\| = \sqrt{\beta^2+\beta^2} = \sqrt{2}\beta$, $\|x_2\| = \beta$,
$\|x_3\| = \sqrt{2}\beta$.

(b) The dot products are $x_1\cdot x_1 = 2\beta^2$, $x_1 \cdot x_2 = 0$, $x_1\cdot x_3 = \beta^2$,
$x_2\cdot x_2 = \beta^2$, $x_2\cdot x_3 = 0$, $x_3 \cdot x_3 = 2\beta^2$. Applying the softmax to
each row,
\begin{align*}
y_1 &= \frac{e^{2\beta^2}x_1 + e^{0}x_2 + e^{\beta^2}x_3}{e^{2\beta^2} + 1 + e^{\beta^2}},\\
y_2 &= \frac{x_1 + e^{\beta^2}x_2 + x_3}{2 + e^{\beta^2}},\\
y_3 &= \frac{e^{\beta^2}x_1 + x_2 + e^{2\beta^2}x_3}{e^{\beta^2} + 1 + e^{2\beta^2}}.
\end{align*}
So every output is a weighted combination of the three tokens, $y_1$ and $y_3$ mixing mostly
$x_1$ and $x_3$ and $y_2$ containing mostly $x_2$.

(c) Self-attention can copy inputs because the values are the inputs themselves, so the outputs
are built out of the input vectors.

\textbf{Problem 4 (BERT).} Notebook attached on the next pages.
\end{document}
"""

# ======================================================================================
# s03 (hw3-2023) -- plain text; "1)" alone on a line then "a)"; sign error; squared norms;
# "attention averages"
# ======================================================================================
S03_TXT = """Deep Learning - Homework 3
Chen Wei (cw4211)

1)
a)
- Parameter sharing: the same convolution kernel is used at every position of the image, so a CNN
  needs much fewer parameters than a network that has to learn each position separately.
- Spatial features: CNN filters look at neighbouring pixels in 2D so they detect edges, corners and
  textures and build them up into objects layer by layer.

b)
- RNNs can handle inputs of variable length, e.g. they can read an image row by row no matter how
  many rows it has.
- RNNs are rotation invariant because they read the image as a sequence, so a rotated image
  gives the same hidden state at the end.

2)
The recurrence is h_t = x_t - h_(t-1) and y_t = sigmoid(1000 * h_t), with h_0 = 0.

h_1 = x_1
h_2 = x_2 - h_1 = x_2 - x_1
h_3 = x_3 - h_2 = x_3 - x_2 + x_1
...

Following the pattern, for an even length T the last hidden state is

h_T = x_1 - x_2 + x_3 - x_4 + ... + x_(T-1) - x_T

so the output at the final step is

y_T = sigmoid(1000 * (x_1 - x_2 + x_3 - ... - x_T))

Since the weight 1000 is very large the sigmoid is basically a step function: y_T is close to 1
when the sum of the inputs at the odd positions is bigger than the sum at the even positions and
close to 0 otherwise.

3)
a)
||x1|| = ||d||^2 + ||b||^2 = 2 beta^2
||x2|| = ||a||^2 = beta^2
||x3|| = ||c||^2 + ||b||^2 = 2 beta^2

b)
q_i = k_i = v_i = x_i. The scores x_i . x_j are 2beta^2, 0, beta^2 for the first row, 0, beta^2, 0
for the second and beta^2, 0, 2beta^2 for the third. Because beta is very very large all of these
scores are huge, so after the softmax the weights become (almost) the same for every token and the
attention averages the tokens:

y_1 ~ (x_1 + x_2 + x_3)/3
y_2 ~ (x_1 + x_2 + x_3)/3
y_3 ~ (x_1 + x_2 + x_3)/3

c)
Each output is approximately the average of all the inputs, so every input value is "copied" a bit
into every output. This is how self-attention copies information from one token to the others.

4)
See the notebook bert_sentiment.ipynb.
"""

# ======================================================================================
# s04 (hw3-2023) -- theory lives in markdown cells at the end of a Colab notebook
# ======================================================================================
S04_MD_CELLS = [
    "# Theory questions",
    r"""**Q1 (a)** Benefits of CNNs over RNNs for image classification:

1. Convolutions exploit locality and translation equivariance: a filter is shared over all positions, so a cat ear is detected by the same weights in the top-left or bottom-right corner, and neighbouring pixels in both directions are processed together.
2. Convolutions over the whole image are computed in parallel (no loop over time), so CNNs train and run much faster and do not suffer from vanishing gradients through hundreds of recurrent steps.

**Q1 (b)** Benefits of RNNs over CNNs:

1. An RNN can take a sequence of arbitrary length, so it can classify images of different sizes (read as a sequence of rows/patches) without resizing them.""",
    r"""**Q2** We have $h_t = x_t - h_{t-1}$ (with $h_0=0$) and $y_t = \text{sigmoid}(1000 h_t)$.

$h_1 = x_1$, $h_2 = x_2 - x_1$, $h_3 = x_3 - x_2 + x_1$, $h_4 = x_4 - x_3 + x_2 - x_1$, so by induction

$$h_t = \sum_{k=1}^{t} (-1)^{t-k} x_k .$$

For even $T$ the last input gets a plus sign and $x_1$ gets a minus sign:

$$h_T = \sum_{k \text{ even}} x_k - \sum_{k \text{ odd}} x_k .$$

Hence the output at the final time step is

$$y_T = \text{sigmoid}\Big(1000\big(\textstyle\sum_{k\,\text{even}} x_k - \sum_{k\,\text{odd}} x_k\big)\Big).$$

Since the $x_k$ are integers the argument is $0$ or at least $1000$ in magnitude, so $y_T \approx 1$ if the even-indexed inputs add up to more than the odd-indexed ones, $y_T \approx 0$ if they add up to less, and $y_T = 0.5$ on a tie. The network decides which of the two interleaved sums is larger.""",
    r"""**Q3 (a)** $a,b,c,d$ are orthogonal, so $\|x_1\| = \|d+b\| = \sqrt{\beta^2+\beta^2} = \sqrt2\,\beta$, $\|x_2\| = \beta$, $\|x_3\| = \sqrt2\,\beta$.

**Q3 (b)** Gram matrix of the tokens: $x_1^\top x_1 = 2\beta^2$, $x_1^\top x_3 = \beta^2$, $x_2^\top x_2 = \beta^2$, $x_3^\top x_3 = 2\beta^2$, all other products are $0$.

Row 1: weights $\propto (e^{2\beta^2}, 1, e^{\beta^2})$; dividing by $e^{2\beta^2}$ gives $(1, e^{-2\beta^2}, e^{-\beta^2}) \to (1,0,0)$ as $\beta\to\infty$, so $y_1 \approx x_1$.

Row 2: weights $\propto (1, e^{\beta^2}, 1) \to (0,1,0)$, so $y_2 \approx x_2$.

Row 3: weights $\propto (e^{\beta^2}, 1, e^{2\beta^2}) \to (0,0,1)$, so $y_3 \approx x_3$.

So the outputs approximately reproduce the tokens: $y_1\approx d+b$, $y_2 \approx a$, $y_3 \approx c+b$.

**Q3 (c)** With large norms the softmax saturates into a one-hot vector that selects the key with the largest dot product with the query. Whatever value sits at that position is passed through unchanged, so self-attention can "copy" an input value to the output (here every token copies itself, because its own key is the best match).""",
]

# ======================================================================================
# s05 (hw3-2023) -- markdown, "### 2a" headings, answered out of order (3, 1, 2)
# ======================================================================================
S05_MD = r"""# HW3 — theory part

Eli Navarro (en2290)

## Problem 3

### 3a

Because $a,b,c,d$ are pairwise orthogonal and each has norm $\beta$:

- $\|x_1\| = \|d+b\| = \sqrt{\|d\|^2+\|b\|^2} = \sqrt{2}\beta$
- $\|x_2\| = \|a\| = \beta$
- $\|x_3\| = \|c+b\| = \sqrt{2}\beta$

### 3b

Scores $x_i^\top x_j$:

|       | $x_1$ | $x_2$ | $x_3$ |
|-------|-------|-------|-------|
| $x_1$ | $2\beta^2$ | 0 | $\beta^2$ |
| $x_2$ | 0 | $\beta^2$ | 0 |
| $x_3$ | $\beta^2$ | 0 | $2\beta^2$ |

$y_1 = \dfrac{e^{2\beta^2}x_1 + x_2 + e^{\beta^2}x_3}{e^{2\beta^2}+1+e^{\beta^2}}$. When $\beta \to \infty$, $e^{2\beta^2}$ dominates the denominator and the numerator, so $y_1 \to x_1$.

$y_2 = \dfrac{x_1 + e^{\beta^2}x_2 + x_3}{2 + e^{\beta^2}} \to x_2$.

$y_3 = \dfrac{e^{\beta^2}x_1 + x_2 + e^{2\beta^2}x_3}{e^{\beta^2}+1+e^{2\beta^2}} \to x_3$.

So $y_1 \approx x_1$, $y_2 \approx x_2$, $y_3 \approx x_3$.

### 3c

Large dot products make the softmax behave like an argmax, so the attention weights become one-hot and the output is just the value vector of the best-matching key: the input gets copied to the output.

## Problem 1

### 1a

- CNNs have a built-in prior for images: local receptive fields + weight sharing make them translation equivariant and much more parameter efficient.
- They are parallel over all pixel positions, unlike an RNN that has to go through the pixels sequentially, so training is faster and gradients don't have to flow through hundreds of time steps.

### 1b

- RNNs work with variable-length inputs (e.g. images with different widths read column by column, or video frames).
- The hidden state carries information from the whole input, so the RNN can model long-range dependencies across the image with a small, fixed number of parameters.

## Problem 2

### 2a

$h_t = x_t - h_{t-1}$, $y_t = \text{sigmoid}(1000 h_t)$, $h_0 = 0$.

$h_1 = x_1,\quad h_2 = x_2 - x_1,\quad h_3 = x_3 - x_2 + x_1,\quad \dots$

For even $T$:

$$h_T = x_T - x_{T-1} + x_{T-2} - \dots + x_2 - x_1 = \sum_{t=1}^{T} (-1)^{t}\, x_t$$

and the output at the last step is

$$y_T = \text{sigmoid}\left(1000 \sum_{t=1}^{T} (-1)^{t} x_t\right).$$

## Problem 4

See `hw3_bert.ipynb`.
"""

# ======================================================================================
# s06 (hw3-2022) -- title block + \subsection*; all correct, linear attention + Linformer
# ======================================================================================
S06_TEX = r"""\documentclass[11pt]{article}
\usepackage{amsmath}
\usepackage{amssymb}
\usepackage[margin=2.5cm]{geometry}

\title{Homework 3\\ \large ECE-GY 7123 / CS-GY 6953 Deep Learning}
\author{Farah Haddad \\ fh2231}
\date{November 2022}

\begin{document}
\maketitle

\subsection*{Problem 1: CNNs vs.\ RNNs}

\textbf{(a) CNN over RNN.}
\begin{enumerate}
\item \emph{Inductive bias matched to images.} Convolutions are local and weight-shared, so a
CNN is translation equivariant and treats both spatial directions symmetrically. An RNN has to
flatten the image into a 1-D sequence; pixels that are adjacent vertically end up far apart and
the model must learn spatial relations through its hidden state.
\item \emph{Computation.} A conv layer processes all locations simultaneously and the path length
between input and output is only the network depth. An RNN is inherently sequential
($\mathcal{O}(HW)$ dependent steps), which is slow on GPUs and makes training harder because of
vanishing and exploding gradients.
\end{enumerate}

\textbf{(b) RNN over CNN.}
\begin{enumerate}
\item \emph{Flexible input length.} The recurrent weights are reused at each step, so the same
model can handle images (or image sequences such as video frames) of varying size, and can
even classify on the fly as rows/patches arrive.
\item \emph{Whole-input memory at low cost.} After one pass the hidden state is a function of the
entire input, so it can relate parts of the image that are far apart, while a CNN needs a deep
stack of layers (or large kernels) before its receptive field covers the whole image. The
parameter count of the RNN is independent of the input size.
\end{enumerate}

\subsection*{Problem 2: Recurrences using RNNs}

From the figure, $h_t = x_t - h_{t-1}$ with $h_0 = 0$ and $y_t = \text{sigmoid}(1000 h_t)$.
Expanding,
\begin{align*}
h_T &= x_T - h_{T-1} = x_T - x_{T-1} + h_{T-2} = \dots \\
    &= \sum_{k=0}^{T-1} (-1)^k x_{T-k}.
\end{align*}
When $T$ is even, the term $x_1$ has sign $(-1)^{T-1} = -1$, so the even-indexed inputs enter
with a $+$ and the odd-indexed ones with a $-$:
\[
y_T = \text{sigmoid}\Big(1000\Big(\sum_{j=1}^{T/2} x_{2j} - \sum_{j=1}^{T/2} x_{2j-1}\Big)\Big).
\]
The difference $D$ inside is an integer; if $D \geq 1$ then $y_T \geq \text{sigmoid}(1000)\approx 1$,
if $D \le -1$ then $y_T \approx 0$, and $D=0$ gives $y_T = 0.5$. In words: the output unit
outputs (essentially) $1$ iff the inputs at even time steps sum to more than the inputs at odd
time steps.

\subsection*{Problem 3: Reducing the cost of attention to $\mathcal{O}(T)$}

Standard attention computes $Y = \text{softmax}(QK^\top)V$ with $Q,K,V\in\mathbb{R}^{T\times d}$;
forming $QK^\top$ alone costs $\mathcal{O}(T^2 d)$ time and $\mathcal{O}(T^2)$ memory.

\paragraph{Method 1: linear (kernelised) attention.} Replace the similarity
$\exp(q_i^\top k_j)$ by a product of feature maps $\phi(q_i)^\top\phi(k_j)$ (e.g.\
$\phi(x) = \text{elu}(x)+1$, or simply dropping the exponential). Then
\[
y_i = \frac{\sum_j \phi(q_i)^\top \phi(k_j)\, v_j}{\sum_j \phi(q_i)^\top \phi(k_j)}
    = \frac{\phi(q_i)^\top \big(\sum_j \phi(k_j) v_j^\top\big)}{\phi(q_i)^\top \sum_j \phi(k_j)} .
\]
The $d\times d$ matrix $S = \sum_j \phi(k_j)v_j^\top$ and the vector $z=\sum_j\phi(k_j)$ are
computed once in $\mathcal{O}(Td^2)$, and then every output costs $\mathcal{O}(d^2)$, so the
total is $\mathcal{O}(Td^2) = \mathcal{O}(T)$ for fixed $d$. (We use associativity:
$(QK^\top)V = Q(K^\top V)$.)\\
\emph{Pros:} exact linear time and memory, simple to implement, works for causal decoding with
running sums (it becomes an RNN). \emph{Cons:} it is not the softmax any more, attention is
``smoother'' and less able to focus sharply on one token, so accuracy usually drops somewhat;
cost grows with $d^2$ (or with the feature dimension of $\phi$).

\paragraph{Method 2: low-rank projection (Linformer).} Attention matrices are observed to be
approximately low rank. Linformer projects the keys and values along the sequence axis with
learned matrices $E, F \in \mathbb{R}^{k\times T}$, $k \ll T$:
\[
Y = \text{softmax}\big(Q (E K)^\top/\sqrt{d}\big)\, (F V).
\]
The score matrix is now $T\times k$, so time and memory are $\mathcal{O}(Tkd) = \mathcal{O}(T)$
for a fixed $k$.\\
\emph{Pros:} keeps the softmax, simple, good accuracy in practice, speedups for long sequences.
\emph{Cons:} $E,F$ depend on the maximum sequence length, so inputs must be padded to a fixed
$T$; the projection mixes positions, which makes causal (autoregressive) masking awkward; it is
an approximation whose quality depends on $k$.

\subsection*{Problem 4}
The completed notebook is attached after this page.

\end{document}
"""

# ======================================================================================
# s07 (hw3-2022) -- "Problem #N" headings; p3 one good way + one wrong complexity argument
# ======================================================================================
S07_TEX = r"""\documentclass{article}
\usepackage{amsmath}
\usepackage[a4paper,margin=2cm]{geometry}
\begin{document}
\begin{center}
{\Large\bfseries Deep Learning -- HW 3}\\[4pt]
Gustavo Pereira \quad gp1867
\end{center}

\noindent\textbf{Problem \#1}

\noindent Q.1 (a) CNN benefits over RNN for images:
\begin{itemize}
\item Weight sharing in the convolution kernels means CNNs have far fewer parameters for the same
input size and generalise better; they also pick up local patterns (edges, textures) anywhere in
the image.
\item CNNs process all pixels in parallel, so they are much faster to train than RNNs which must
run step by step; they also avoid vanishing gradients over long sequences.
\end{itemize}
Q.1 (b) RNN benefits over CNN:
\begin{itemize}
\item RNNs handle variable-length sequences, so images of different sizes can be read as a
sequence of rows.
\item RNNs have memory: the hidden state at the end depends on the whole image, which helps to
capture long range context.
\end{itemize}

\bigskip
\noindent\textbf{Problem \#2}

\noindent The hidden update is $h_t = x_t - h_{t-1}$ with $h_0=0$ and the output is
$y_t = \sigma(1000 h_t)$ where $\sigma$ is the sigmoid. Then
\begin{align*}
h_1 &= x_1, \quad h_2 = x_2 - x_1, \quad h_3 = x_3 - x_2 + x_1, \quad h_4 = x_4 - x_3 + x_2 - x_1,
\end{align*}
and for even $T$
\[
h_T = (x_T + x_{T-2} + \dots + x_2) - (x_{T-1} + x_{T-3} + \dots + x_1).
\]
The output at the last step is
$y_T = \sigma\big(1000[(x_2 + x_4 + \dots + x_T) - (x_1 + x_3 + \dots + x_{T-1})]\big)$.
Because $1000$ is large and the inputs are integers, $y_T$ is $\approx 1$ when the sum at even
positions is larger than the sum at odd positions and $\approx 0$ when it is smaller (exactly
$0.5$ if they are equal). So the unit classifies which set of alternate inputs has the larger
sum.

\bigskip
\noindent\textbf{Problem \#3}

\noindent\textit{Way 1 -- local (sliding window) attention.} Each token only attends to the $w$
tokens around it, $j \in [i-w/2, i+w/2]$, instead of all $T$ tokens. Each row of the attention
matrix then has $w$ non-zero entries, so the cost is $\mathcal{O}(Tw)$, which is $\mathcal{O}(T)$
for a fixed window. Stacking $L$ layers gives a receptive field of $Lw$ tokens.
Pros: exact softmax inside the window, good for data where nearby tokens matter most (text,
audio), memory is linear. Cons: tokens further than $Lw$ apart cannot interact, so long-range
dependencies are lost unless some global tokens are added (Longformer); needs special kernels to
be fast in practice.

\noindent\textit{Way 2 -- multi-head attention.} Split the model dimension into $h$ heads and let
every head attend separately. Each head works on a $T\times T/h$ block, so the total cost is
$h \cdot T^2/h^2 = T^2/h$; choosing $h$ proportional to $T$ brings this down to $\mathcal{O}(T)$.
Pros: heads can run in parallel and each head learns a different type of relation. Cons: more
heads means smaller head dimension, which can hurt accuracy.

\bigskip
\noindent\textbf{Problem \#4} -- see the notebook printout.
\end{document}
"""

# ======================================================================================
# s08 (hw3-2022) -- .tex source handed in; "Exercise N", out of order (3,1,2); p2 sign slip
# ======================================================================================
S08_TEX = r"""\documentclass[12pt]{article}
\usepackage{amsmath,amssymb}
\usepackage{geometry}
\geometry{margin=1in}
\begin{document}
\noindent Hana Sato (hs3318) \hfill Deep Learning, HW3\\
\hrule
\vspace{1em}

\section*{Exercise 3}
Regular attention needs every query--key product, a $T\times T$ matrix, hence $\mathcal{O}(T^2)$.
Two ways to get (about) linear cost:

\subsection*{(i) Kernel / random-feature attention (Performer)}
Write $\exp(q^\top k) \approx \phi(q)^\top \phi(k)$ with a random feature map
$\phi:\mathbb{R}^d \to \mathbb{R}^m$ (positive random features). Then
\[
Y \approx D^{-1}\,\phi(Q)\big(\phi(K)^\top V\big), \qquad D = \text{diag}\big(\phi(Q)\,\phi(K)^\top \mathbf{1}\big),
\]
and computing $\phi(K)^\top V$ first ($m\times d$) costs $\mathcal{O}(Tmd)$, after which multiplying
by $\phi(Q)$ is again $\mathcal{O}(Tmd)$. No $T\times T$ matrix is ever formed, so the cost is
$\mathcal{O}(T)$ in the sequence length.
\begin{itemize}
\item Pros: unbiased approximation of the softmax kernel, linear time and memory, drop-in
replacement that also works with causal masking (prefix sums).
\item Cons: it is only an approximation, the variance can be large unless $m$ is big; in practice
it can be less accurate than full attention and the constant factor ($m$) matters.
\end{itemize}

\subsection*{(ii) Sparse / sliding-window attention (Longformer, BigBird)}
Each token attends only to a window of $w$ neighbours (plus optionally a few global tokens that
attend to everything). The number of scores computed is $T w + gT$, i.e.\ $\mathcal{O}(T)$ for
fixed $w$ and number of global tokens $g$.
\begin{itemize}
\item Pros: exact softmax on the kept entries, locality is a good prior for language, long
documents (thousands of tokens) fit in memory.
\item Cons: distant tokens only interact through several layers or through the global tokens;
the sparsity pattern is hand-designed and needs custom GPU kernels to be efficient.
\end{itemize}

\section*{Exercise 1}
\textbf{(a)} CNN advantages: (1) convolution uses local connectivity and shared weights, so it
encodes the spatial (2-D) structure and translation equivariance of images with few parameters;
(2) all spatial positions are computed in parallel, so CNNs are fast and their training is not
hampered by the long backpropagation-through-time chains of an RNN.

\textbf{(b)} RNN advantages: (1) RNNs accept sequences of arbitrary length, so they can process
images of varying size or streams of rows/frames without resizing; (2) their hidden state
summarises everything seen so far, giving a global context over the whole input with a small,
size-independent number of parameters.

\section*{Exercise 2}
We have $h_t = x_t - h_{t-1}$, $h_0 = 0$ and $y_t = \text{sigmoid}(1000\,h_t)$. Unrolling:
\begin{align*}
h_T &= x_T - h_{T-1}\\
    &= x_T - x_{T-1} + h_{T-2}\\
    &= x_T - x_{T-1} + x_{T-2} - h_{T-3}\\
    &\;\;\vdots\\
    &= x_T - x_{T-1} + x_{T-2} - \dots - x_2 + x_1 .
\end{align*}
Therefore
\[
y_T = \text{sigmoid}\big(1000\,(x_T - x_{T-1} + x_{T-2} - \dots - x_2 + x_1)\big).
\]
Since $1000$ is large, this is essentially a step function: the output is $\approx 1$ when the
alternating sum is positive and $\approx 0$ when it is negative.

\end{document}
"""

# ======================================================================================
# s09 (hw3-2022) -- theory-only PDF; \textbf{Q1 (a)} style; p3 second method without cons
# ======================================================================================
S09_TEX = r"""\documentclass{article}
\usepackage{amsmath}
\usepackage{amssymb}
\begin{document}

\noindent Ivan Petrov, ip2093 \\
Homework 3 (theory)

\medskip
\noindent\textbf{Q1 (a)} A CNN uses small kernels whose weights are shared across the whole
image. This gives translation equivariance and local feature extraction (edges $\to$ textures
$\to$ parts) with a small number of parameters. Also, convolutions are computed for all
locations at once, which is very efficient on GPUs, whereas an RNN has to process the pixels
sequentially.

\medskip
\noindent\textbf{Q1 (b)} An RNN can process an input of any length with the same weights
(e.g.\ images of different heights read row by row) and its hidden state keeps information
from the whole sequence, so it can capture long-range dependencies between distant parts of
the image.

\medskip
\noindent\textbf{Q2} $h_t = x_t - h_{t-1}$, $h_0 = 0$, $y_t = \text{sigmoid}(1000 h_t)$.
\begin{align*}
h_1 &= x_1\\
h_2 &= x_2 - x_1\\
h_3 &= x_3 - x_2 + x_1\\
&\;\;\vdots\\
h_T &= \sum_{t=1}^{T} (-1)^{T-t} x_t = \sum_{t=1}^{T} (-1)^{t} x_t \quad (T \text{ even}).
\end{align*}
So the output at the final time step is
\[
y_T = \text{sigmoid}\Big(1000 \big[(x_2 + x_4 + \cdots + x_T) - (x_1 + x_3 + \cdots + x_{T-1})\big]\Big),
\]
which is $\approx 1$ if the even-position inputs have a larger sum than the odd-position inputs,
$\approx 0$ if smaller, and $0.5$ if equal (the argument is an integer multiple of $1000$).

\medskip
\noindent\textbf{Q3 (a) Linear attention.} Drop the exponential (or use a positive feature map
$\phi$) so that the similarity factorises: $\text{sim}(q_i,k_j) = \phi(q_i)^\top\phi(k_j)$.
Then
\[
y_i = \frac{\phi(q_i)^\top \sum_{j} \phi(k_j) v_j^\top}{\phi(q_i)^\top \sum_j \phi(k_j)}
\]
and the two sums do not depend on $i$, so they are computed once in $\mathcal{O}(T)$ and reused
for every query; total cost $\mathcal{O}(T d^2)$. Pros: linear in $T$, constant memory per step
in the causal case. Cons: weaker than softmax attention, cannot represent very peaked attention
distributions, some loss in accuracy.

\medskip
\noindent\textbf{Q3 (b) Linformer.} Project the $T$ keys and values down to $k$ ``summary''
rows with learned $k\times T$ matrices, $\tilde K = EK$, $\tilde V = FV$, and compute
$\text{softmax}(Q\tilde K^\top)\tilde V$. The attention matrix is $T\times k$, so the cost is
$\mathcal{O}(Tk)$, linear in $T$ for fixed $k$.

\medskip
\noindent\textbf{Q4} The notebook part is not included in this file.

\end{document}
"""
