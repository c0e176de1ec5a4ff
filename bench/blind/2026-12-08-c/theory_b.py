"""Theory answers, hw3-2023 students (s05..s08)."""
from theory_a import doc

# ---------------------------------------------------------------- s05_emil (all correct, roman Part headings)
S05 = doc(r"""
\begin{flushright}
Emil Haugen --- eh2917\\
CS-GY 6953 Deep Learning, Homework 3
\end{flushright}

\subsection*{Part I.\ \ CNNs versus RNNs}

\noindent(i) \emph{Why a CNN is the better fit for images.}
\begin{itemize}
\item \textbf{Built-in spatial prior.} Convolutions look at local 2-D neighbourhoods and share
the same filter at every location, so the model is translation equivariant (and, with
pooling, roughly invariant). An RNN has to read the image as a 1-D sequence of rows or pixels,
which destroys vertical neighbourhoods: two pixels on top of each other end up far apart in
the sequence.
\item \textbf{Parallel and easier to train.} All positions of a convolution are computed at once
on a GPU and the depth is fixed, whereas an RNN must step through the sequence one element at
a time (no parallelism over time) and backpropagates through hundreds of steps, which invites
vanishing/exploding gradients.
\end{itemize}

\noindent(ii) \emph{Why one might still use an RNN.}
\begin{itemize}
\item \textbf{Variable-length / sequential inputs.} The same cell can be applied to sequences of
any length and keeps a hidden state summarising everything seen so far, so it naturally
handles data that arrive in order (video frames, strokes of handwriting, streams) without
resizing or padding to a fixed shape.
\item \textbf{Long-range context with few parameters.} The hidden state can, in principle,
carry information across the whole input, while a CNN only sees as far as its receptive
field allows (it needs many layers to relate distant parts). The parameter count of an RNN
does not grow with the input length.
\end{itemize}

\subsection*{Part II.\ \ Recurrences using RNNs}

With $h_0=0$: $h_t = x_t - h_{t-1}$, hence $h_t = \sum_{s=1}^{t}(-1)^{t-s}x_s$ (easy induction:
$h_{t} = x_t - \sum_{s\le t-1}(-1)^{t-1-s}x_s = x_t + \sum_{s\le t-1}(-1)^{t-s}x_s$).
For even $T$ the coefficient of $x_s$ is $+1$ for even $s$ and $-1$ for odd $s$:
\[
y_T = \text{sigmoid}\!\left(1000\left(\sum_{k=1}^{T/2} x_{2k} - \sum_{k=1}^{T/2} x_{2k-1}\right)\right).
\]
The inputs are integers, so the argument is a multiple of $1000$: the output is $\approx 1$ if the
sum over even time steps exceeds the sum over odd time steps, $\approx 0$ if it is smaller,
and exactly $0.5$ if they are equal. The unit classifies which of the two interleaved
subsequences has the larger total.

\subsection*{Part III.\ \ Understanding self-attention}

\noindent(i) $\|x_1\| = \sqrt{\|d\|^2+\|b\|^2} = \sqrt2\,\beta$, \ $\|x_2\| = \beta$, \
$\|x_3\| = \sqrt2\,\beta$.

\noindent(ii) Gram matrix of the tokens: $\langle x_1,x_1\rangle = \langle x_3,x_3\rangle = 2\beta^2$,
$\langle x_2,x_2\rangle = \langle x_1,x_3\rangle = \beta^2$, all others $0$. Dividing numerator and
denominator of each softmax row by its largest exponential,
\begin{align*}
y_1 &= \frac{x_1 + e^{-\beta^2}x_3 + e^{-2\beta^2}x_2}{1 + e^{-\beta^2} + e^{-2\beta^2}},&
y_2 &= \frac{x_2 + e^{-\beta^2}(x_1+x_3)}{1 + 2e^{-\beta^2}},&
y_3 &= \frac{x_3 + e^{-\beta^2}x_1 + e^{-2\beta^2}x_2}{1 + e^{-\beta^2} + e^{-2\beta^2}}.
\end{align*}
Letting $\beta\to\infty$ all the $e^{-\beta^2}$ terms vanish: $y_1\approx x_1$, $y_2 \approx x_2$,
$y_3\approx x_3$. Each output approximates its own input token.

\noindent(iii) Large-norm keys make the softmax nearly one-hot, i.e.\ a hard lookup. The query
``finds'' the key it aligns with best and the output is that key's value almost exactly, so
by choosing queries and keys the network decides which value gets copied to a position.
Here every token aligns best with itself, so the inputs are copied straight through.

\subsection*{Part IV.\ \ Sentiment analysis with BERT}
The completed notebook follows.
""")

# ---------------------------------------------------------------- s06_farah (theory-only PDF, Q.2 (a) style)
S06 = doc(r"""
\noindent Farah Qureshi \hfill fq2044\\
Deep Learning --- Homework \#3 \hfill Spring 2023
\vspace{1em}

\noindent\textbf{Q.1 (a)}
\begin{enumerate}
\item Weight sharing across space: a convolution filter is reused at all positions, so a CNN
needs far fewer parameters for an image than a network that has to learn relations between
pixels read one after another, and it recognises a pattern wherever it appears.
\item CNNs exploit the 2-D structure (locality in both directions) and process the whole
image in parallel, so they train faster; an RNN must unroll over the pixels sequentially.
\end{enumerate}

\noindent\textbf{Q.1 (b)}
\begin{enumerate}
\item RNNs handle inputs of variable length without changing the architecture.
\item RNNs keep a memory (hidden state) of earlier inputs, which is useful when the order of
the data matters, e.g.\ text or time series.
\end{enumerate}

\vspace{0.5em}
\noindent\textbf{Q.2}
The hidden state obeys $h_t = x_t - h_{t-1}$ (biases zero, $h_0 = 0$), and
$y_t = \text{sigmoid}(1000 h_t)$. Then
\begin{align*}
h_1 &= x_1, \quad h_2 = x_2 - x_1, \quad h_3 = x_3 - x_2 + x_1, \quad h_4 = x_4 - x_3 + x_2 - x_1,
\end{align*}
and in general, for even $T$,
\[
h_T = (x_2 + x_4 + \dots + x_T) - (x_1 + x_3 + \dots + x_{T-1}).
\]
Therefore the output unit at the last step computes
\[
y_T = \text{sigmoid}\big(1000\,[(x_2+x_4+\dots+x_T) - (x_1+x_3+\dots+x_{T-1})]\big) \approx
\begin{cases} 1 & \text{even-step sum} > \text{odd-step sum}\\ 0.5 & \text{equal} \\ 0 & \text{even-step sum} < \text{odd-step sum}\end{cases}
\]
because the integer difference is scaled by $1000$ and the sigmoid saturates.

\vspace{0.5em}
\noindent\textbf{Q.3 (a)}
\[
\|x_1\| = \|d + b\| = \|d\|^2 + \|b\|^2 = 2\beta^2,\qquad \|x_2\| = \beta^2,\qquad \|x_3\| = 2\beta^2 .
\]

\noindent\textbf{Q.3 (b)}
Self-attention: $y_i = \sum_j w_{ij} x_j$, $w_{ij} = \mathrm{softmax}_j(x_i^\top x_j)$.
\begin{align*}
y_1 &= \frac{e^{2\beta^2}}{e^{2\beta^2}+1+e^{\beta^2}}\,x_1 + \frac{1}{e^{2\beta^2}+1+e^{\beta^2}}\,x_2 + \frac{e^{\beta^2}}{e^{2\beta^2}+1+e^{\beta^2}}\,x_3\\
y_2 &= \frac{1}{e^{\beta^2}+2}\,x_1 + \frac{e^{\beta^2}}{e^{\beta^2}+2}\,x_2 + \frac{1}{e^{\beta^2}+2}\,x_3\\
y_3 &= \frac{e^{\beta^2}}{e^{2\beta^2}+1+e^{\beta^2}}\,x_1 + \frac{1}{e^{2\beta^2}+1+e^{\beta^2}}\,x_2 + \frac{e^{2\beta^2}}{e^{2\beta^2}+1+e^{\beta^2}}\,x_3
\end{align*}
So $y_1$ and $y_3$ are combinations of $x_1$ and $x_3$, and $y_2$ combines all three.

\noindent\textbf{Q.3 (c)}
The weights depend on how similar the tokens are, so similar tokens are mixed together in the
output and the network copies the shared part ($b$) between $x_1$ and $x_3$.

\vspace{0.5em}
\noindent\textbf{Q.4} Notebook submitted separately.
""")

# ---------------------------------------------------------------- s07_gus (theory inside notebook markdown)
S07_MD = [
    r"""# Homework 3 — Gustavo Pereira (gp2281)
All answers (theory and the BERT notebook) are in this notebook.""",
    r"""**Q1 (a)** CNNs vs RNNs for image classification — benefits of CNNs:

- Convolutions share weights over the image and look at local patches, so they capture spatial features (edges, textures) efficiently and are translation invariant.""",
    r"""**Q1 (b)** Benefits of RNNs:

- They can take sequences of any length, because the same cell is applied at each step.""",
    r"""**Q2** $h_t = x_t - h_{t-1}$ with $h_0=0$, $y_t = \text{sigmoid}(1000 h_t)$.

$h_1 = x_1$, $h_2 = x_2 - x_1$, $h_3 = x_3 - x_2 + x_1$, $h_4 = x_4 - x_3 + x_2 - x_1$, ...

For even $T$: $h_T = \sum_{t=1}^{T} (-1)^{t} x_t = (x_2 + x_4 + \dots + x_T) - (x_1 + x_3 + \dots + x_{T-1})$.

$$y_T = \text{sigmoid}\Big(1000\sum_{t=1}^{T}(-1)^t x_t\Big)$$

Integers ⇒ $|h_T|\geq 1$ unless $h_T=0$, so $y_T\approx 1$ if the even-position inputs add up to more than the odd-position inputs, $y_T \approx 0$ if less, and $0.5$ on a tie.""",
    r"""**Q3 (a)** $\|x_1\|=\sqrt{2}\beta,\ \|x_2\|=\beta,\ \|x_3\|=\sqrt{2}\beta$.

**Q3 (b)** Scores $x_i^\top x_j$: row 1 $=(2\beta^2, 0, \beta^2)$, row 2 $=(0,\beta^2,0)$, row 3 $=(\beta^2, 0, 2\beta^2)$. For huge $\beta$ the softmax of each row puts all its mass on the largest entry (the gap is $\beta^2\to\infty$), which is the diagonal. Hence $y_1 \approx x_1 = b+d$, $y_2\approx x_2 = a$, $y_3\approx x_3 = b+c$.

**Q3 (c)** When the scores are huge the softmax acts like an argmax, so each output is (almost exactly) one value vector: the value whose key matched the query best. That is a copy operation — attention can move a chosen input to the output untouched.""",
    r"""**Q4** — BERT sentiment notebook below.""",
]

# ---------------------------------------------------------------- s08_hana (.txt, "1)" alone then "a)")
S08_TXT = """Hana Kobayashi   hk3650
Deep Learning HW3

1)

a)
- CNNs share the same small filters over the whole image, so the number of weights does not
  depend on the image size and the model detects a feature wherever it is (translation
  invariance).
- A CNN processes all pixels/patches in parallel and uses the 2D neighbourhood structure
  directly. An RNN would have to scan the image pixel by pixel (or row by row), which is slow
  and makes pixels that are vertically adjacent far apart in time.

b)
- RNNs work with sequences of arbitrary length; a CNN usually expects a fixed input size.
- RNNs keep a hidden state that summarises everything seen so far, so they can model order
  and dependencies over long ranges (e.g. reading a caption word by word, or video frames).


2)

h_t = x_t - h_(t-1),  y_t = sigmoid(1000 * h_t),  h_0 = 0

h_1 = x_1
h_2 = x_2 - h_1 = x_2 - x_1
h_3 = x_3 - h_2 = x_3 - x_2 + x_1
h_4 = x_4 - h_3 = x_4 - x_3 + x_2 - x_1

for an even length T this gives

h_T = x_T + x_(T-1) - x_(T-2) - x_(T-3) + ... + x_2 - x_1

so y_T = sigmoid(1000 * (x_T + x_(T-1) - x_(T-2) - x_(T-3) + ... + x_2 - x_1)).
Because of the factor 1000 the sigmoid is basically a step: the output is ~1 if that sum is
positive and ~0 if it is negative. So the unit does binary classification of the sign of this
signed sum of the inputs.


3)

a)
||x_1|| = sqrt(||d||^2 + ||b||^2) = sqrt(2) * beta
||x_2|| = beta
||x_3|| = sqrt(2) * beta
(cross terms are 0 because the vectors are orthogonal)

b)
Dot products:
  x1.x1 = 2 beta^2   x1.x2 = 0         x1.x3 = beta^2
  x2.x1 = 0          x2.x2 = beta^2    x2.x3 = 0
  x3.x1 = beta^2     x3.x2 = 0         x3.x3 = 2 beta^2

Row 1 softmax: (e^(2b^2), 1, e^(b^2)) / (e^(2b^2) + 1 + e^(b^2))  -> (1, 0, 0) as beta -> inf
Row 2 softmax: (1, e^(b^2), 1) / (e^(b^2) + 2)                    -> (0, 1, 0)
Row 3 softmax: (e^(b^2), 1, e^(2b^2)) / (e^(2b^2) + 1 + e^(b^2))  -> (0, 0, 1)

so y_1 ~ x_1 = d + b,  y_2 ~ x_2 = a,  y_3 ~ x_3 = c + b.

c)
With very large norms the softmax saturates and becomes (almost) one-hot. Each query then
takes the value of the single key that matches it best - here itself - so the output is a
copy of that input. This is how attention can "copy": pick one position with the
query/key match and pass its value through unchanged.


4)
see hw3_bert_hk3650.ipynb
"""
