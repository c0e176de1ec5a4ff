"""Theory answers, hw3-2022 students (s09..s12)."""
from theory_a import doc

# ---------------------------------------------------------------- s09_ivan (bold run-in, all correct)
S09 = doc(r"""
\begin{center}
\textbf{Homework 3 (Deep Learning, Fall 2022)}\\
Ivan Petrov, ip1876
\end{center}

\paragraph{Problem 1 (CNNs vs RNNs).}
(a) For image classification a CNN has two clear advantages. First, its inductive bias
matches images: small filters are slid over the image with shared weights, giving locality
and translation equivariance, with far fewer parameters than a dense layer. Second, it is
computationally friendlier: all spatial positions are processed in parallel and the gradient
path length is the network depth, whereas an RNN reading pixels one by one is sequential and
suffers from vanishing gradients over a sequence of $784$ or more steps.
(b) An RNN, on the other hand, (1) accepts inputs of arbitrary length with the same weights,
which suits data that come as sequences (or images of very different widths, e.g.\ text
lines), and (2) its hidden state can in principle carry context from the very first input to
the last, so it can model dependencies between far-apart parts of the input without stacking
many layers to grow a receptive field.

\paragraph{Problem 2 (Recurrences).}
The unit computes $h_t = x_t - h_{t-1}$, $h_0 = 0$, so
$h_t = x_t - x_{t-1} + x_{t-2} - \dots \pm x_1$. For even length $T$ the last term is $-x_1$:
\[
h_T = \sum_{k=1}^{T/2}\left(x_{2k} - x_{2k-1}\right),
\qquad y_T = \text{sigmoid}(1000\,h_T).
\]
As the $x_t$ are integers, $h_T \in \mathbb{Z}$, and $\text{sigmoid}(1000 h_T)$ is $\approx 1$ for
$h_T \ge 1$, $\approx 0$ for $h_T \le -1$ and $0.5$ for $h_T = 0$. So the final output tells
whether the sum of the inputs at even time steps exceeds the sum of those at odd time steps.

\paragraph{Problem 3 (Two ways to get $\mathcal{O}(T)$ attention).}
Standard attention forms $A = \mathrm{softmax}(QK^\top/\sqrt d)\in\mathbb{R}^{T\times T}$, which costs
$\mathcal{O}(T^2 d)$ time and $\mathcal{O}(T^2)$ memory.

\textbf{(i) Linear (kernel) attention.} Replace $\exp(q^\top k)$ by a kernel
$\phi(q)^\top\phi(k)$ with a positive feature map (e.g.\ $\phi(x) = \mathrm{elu}(x)+1$, or random
features as in Performer). Then
\[
y_i = \frac{\phi(q_i)^\top \sum_j \phi(k_j) v_j^\top}{\phi(q_i)^\top \sum_j \phi(k_j)},
\]
and by associativity $\sum_j \phi(k_j)v_j^\top$ and $\sum_j\phi(k_j)$ are computed once,
so the cost is $\mathcal{O}(T d^2)$. \emph{Pros:} exactly linear in $T$, constant memory per step,
works as an RNN for causal decoding. \emph{Cons:} only approximates softmax; the attention is
less ``peaky'', so accuracy usually drops somewhat, and training can be less stable.

\textbf{(ii) Low-rank projection (Linformer).} Project keys and values along the sequence
axis with learned $E, F\in\mathbb{R}^{k\times T}$, $k\ll T$:
$\mathrm{softmax}\big(Q(EK)^\top/\sqrt d\big)\,(FV)$. The score matrix is $T\times k$, so the cost is
$\mathcal{O}(Tkd)$, linear in $T$ for fixed $k$. \emph{Pros:} keeps the softmax, simple to
implement, good results when attention matrices are approximately low rank. \emph{Cons:} $E,F$
depend on a fixed maximum length $T$; it mixes positions so it is awkward for causal
(autoregressive) masking; quality depends on the choice of $k$.

(Other options: local/sliding-window or sparse patterns as in Longformer/BigBird.)

\paragraph{Problem 4 (BERT sentiment).} Notebook attached below.
""")

# ---------------------------------------------------------------- s10_jin (no headings, answers in order)
S10 = doc(r"""
\noindent Jin Woo Park (jp6408) --- HW3
\bigskip

CNNs are better for images because the convolution kernels are shared over the image, which
means fewer parameters and features that are detected at any position. They also use the 2D
structure directly and can be computed in parallel on a GPU.

RNNs are better when the input is a sequence: they can handle variable length and they
remember previous inputs through the hidden state.

\bigskip
\begin{align*}
h_1 &= x_1\\
h_2 &= x_2 - x_1\\
h_3 &= x_3 - x_2 + x_1\\
h_T &= x_T - x_{T-1} + \dots + x_2 - x_1 \qquad (T \text{ even})
\end{align*}
The output at the last time step is the difference between the sum of the even-indexed inputs
and the sum of the odd-indexed inputs,
\[
\sum_{k=1}^{T/2} x_{2k} - \sum_{k=1}^{T/2} x_{2k-1}.
\]

\bigskip
Sliding window attention: each token attends only to the $w$ tokens around it instead of all
$T$ tokens. Then every row of the attention matrix has only $w$ nonzero entries and the cost is
$\mathcal{O}(Tw)$, which is $\mathcal{O}(T)$ for a fixed window. The advantage is that it is simple
and fast and works well because most useful context is local; the disadvantage is that tokens far
apart cannot interact directly in one layer (you need several layers to increase the receptive
field).

Another way is Linformer.

\bigskip
The BERT notebook is on the next pages.
""")

# ---------------------------------------------------------------- s11_kara (out of order, Problem #n)
S11 = doc(r"""
\noindent\textbf{Kara Jensen \quad kj2790 \quad HW 3}

\section*{Problem \#3}

Two ways to make attention roughly linear in the sequence length $T$:

\textbf{Linformer (low-rank attention).} The observation is that the $T\times T$ attention matrix is
close to low rank. Linformer multiplies $K$ and $V$ (size $T\times d$) on the left by learned
projections $E, F$ of size $k\times T$, giving $k\times d$ matrices. The attention
$\mathrm{softmax}(Q (EK)^\top/\sqrt{d})$ is then $T\times k$, and multiplying by $FV$ costs
$\mathcal{O}(Tkd)$. With $k$ fixed (e.g.\ 256) this is $\mathcal{O}(T)$.
Pro: still uses softmax, the accuracy is close to the full transformer.
Con: the projection is tied to a maximum sequence length and it does not fit causal masking.

\textbf{Sparse attention.} Only compute some of the entries of $QK^\top$: for example each token
attends to a local window plus every $\ell$-th token (strided pattern, Sparse Transformer).
If each token attends to only a constant number of positions, the cost is $\mathcal{O}(T)$.
Pro: exact softmax on the chosen positions, long sequences become possible.
Con: needs custom kernels to be fast in practice, and information between far tokens has to go
through several layers.

\section*{Problem \#1}

(a) CNN over RNN for image classification: (1) weight sharing and local receptive fields give
translation invariance and a small number of parameters; (2) CNN layers run in parallel over
all pixels, whereas an RNN is sequential and slow to train.

(b) RNN over CNN: (1) an RNN handles variable-length inputs naturally; (2) an RNN has a memory
of previous steps, which helps when the input is sequential, like text or audio.

\section*{Problem \#2}

$h_t = x_t - h_{t-1}$ with $h_0=0$. Unrolling,
\[
h_T = x_T - x_{T-1} + x_{T-2} - \cdots + x_2 - x_1
\]
for even $T$. The output unit computes
\[
y_T = \text{sigmoid}\left(1000\,(x_T - x_{T-1} + x_{T-2} - \cdots + x_2 - x_1)\right).
\]
Since the $x$'s are integers the value inside is an integer times $1000$, so $y_T$ is about $1$
if the even-position inputs sum to more than the odd-position inputs, about $0$ if they sum to
less, and exactly $\tfrac12$ if the two sums are equal.

\section*{Problem \#4}
See \texttt{HW3\_BERT.ipynb}.
""")

# ---------------------------------------------------------------- s12_leo (markdown, [P1] tags)
S12_MD = r"""Leo Fontaine (lf2381) — Deep Learning HW3

---

[P1] CNN vs RNN
---------------

[P1.a] Benefits of a CNN over an RNN for classifying images

* Convolution captures local spatial patterns (edges, corners) with shared filters, so features are detected anywhere in the image.
* A CNN is trained much faster since all locations are computed at the same time.

[P1.b] Benefits of an RNN over a CNN

* RNNs have fewer parameters than CNNs because they reuse one cell.
* RNNs are better at images because they can look at the whole image at once through the hidden state.

[P2] Recurrence
---------------

$h_t = x_t - h_{t-1}$, $y_t = \text{sigmoid}(1000\,h_t)$, $h_0 = 0$.

Unroll: $h_1 = x_1$, $h_2 = x_2 - x_1$, $h_3 = x_3 - x_2 + x_1$, ..., and with $T$ even

$$h_T = \sum_{t=1}^{T} (-1)^{T-t}\, x_t = (x_2 + x_4 + \cdots + x_T) - (x_1 + x_3 + \cdots + x_{T-1}).$$

So at the last step

$$y_T = \text{sigmoid}\Big(1000\big[(x_2 + x_4 + \cdots + x_T) - (x_1 + x_3 + \cdots + x_{T-1})\big]\Big),$$

which (integers, times 1000) is ≈1 when the even-step inputs sum to more than the odd-step inputs, ≈0 when they sum to less, and 0.5 when equal.

[P3] O(T) attention, two ways
-----------------------------

**Way 1 — kernelized / linear attention.** Write attention as $y_i = \sum_j \text{sim}(q_i,k_j) v_j / \sum_j \text{sim}(q_i,k_j)$ and choose $\text{sim}(q,k) = \phi(q)^\top \phi(k)$ for a feature map $\phi$ with positive outputs. Then $y_i = \phi(q_i)^\top S / \phi(q_i)^\top z$ with $S=\sum_j \phi(k_j) v_j^\top$ and $z=\sum_j \phi(k_j)$, both computed once. Cost $\mathcal{O}(T d^2)$ instead of $\mathcal{O}(T^2 d)$.
Pros: linear time and memory, can be run recurrently for autoregressive generation. Cons: not the same as softmax attention, usually a bit worse quality, the choice of $\phi$ matters.

**Way 2 — local (sliding-window) attention.** Token $i$ only attends to positions $i-w,\dots,i+w$. Each row of the score matrix has $2w+1$ entries, so the cost is $\mathcal{O}(Tw)$ = $\mathcal{O}(T)$ for fixed $w$.
Pros: keeps exact softmax inside the window; strong locality prior that fits text/audio well. Cons: no direct long-range interaction (needs depth or a few global tokens as in Longformer), and fixed window size is a hyperparameter.

[P4] BERT sentiment
-------------------

Notebook: `leo_hw3_bert.ipynb`.
"""
