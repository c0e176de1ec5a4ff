# -*- coding: utf-8 -*-
"""Theory answers of each student (LaTeX / Markdown)."""

PRE = r"""\documentclass{article}
\usepackage[utf8]{inputenc}
\usepackage{amsmath}
\usepackage{amssymb}
"""

S01 = PRE + r"""\usepackage{enumerate}
\usepackage[margin=1in]{geometry}

\title{ECE-GY 7123 Deep Learning\\ Assignment 2}
\author{Ava Lindqvist (al7712)}
\date{March 2024}

\begin{document}
\maketitle

\section*{Problem 1}
With zero biases, the hidden state and output of the network are
\begin{align*}
h_t &= x_t - h_{t-1}, \qquad h_0 = 0,\\
y_t &= \text{sigmoid}(1000\, h_t).
\end{align*}
Unrolling the recurrence,
\begin{align*}
h_1 &= x_1,\\
h_2 &= x_2 - x_1,\\
h_3 &= x_3 - x_2 + x_1,\\
h_4 &= x_4 - x_3 + x_2 - x_1,
\end{align*}
and in general $h_t = \sum_{k=1}^{t} (-1)^{t-k} x_k$. For an input of even length $T=2m$,
\begin{align*}
h_T = (x_2 + x_4 + \dots + x_{T}) - (x_1 + x_3 + \dots + x_{T-1})
    = \sum_{k=1}^{m} x_{2k} - \sum_{k=1}^{m} x_{2k-1}.
\end{align*}
So the output unit at the last time step computes
\begin{align*}
y_T = \text{sigmoid}\Big(1000\Big(\sum_{k=1}^{m} x_{2k} - \sum_{k=1}^{m} x_{2k-1}\Big)\Big).
\end{align*}
Because the inputs are integers, $h_T$ is an integer. If $h_T\ge 1$ then $y_T \ge \text{sigmoid}(1000)\approx 1$, if $h_T \le -1$ then $y_T\approx 0$, and if $h_T=0$ then $y_T = 0.5$.
Hence the unit acts as a classifier that outputs (essentially) 1 when the sum of the inputs at even positions is larger than the sum at odd positions, 0 when it is smaller, and exactly $0.5$ on a tie.

\section*{Problem 2}
Let $a,b,c,d$ be mutually orthogonal with $\|a\|=\|b\|=\|c\|=\|d\|=\beta$.
\begin{enumerate}[(a)]
\item By orthogonality the cross terms vanish:
\begin{align*}
\|x_1\| &= \sqrt{\|d\|^2+\|b\|^2} = \sqrt{2}\,\beta, \\
\|x_2\| &= \|a\| = \beta, \\
\|x_3\| &= \sqrt{\|c\|^2+\|b\|^2} = \sqrt{2}\,\beta.
\end{align*}
\item The matrix of dot products $x_i^\top x_j$ is
\begin{align*}
\begin{pmatrix} 2\beta^2 & 0 & \beta^2\\ 0 & \beta^2 & 0 \\ \beta^2 & 0 & 2\beta^2\end{pmatrix}.
\end{align*}
Applying the softmax to each row,
\begin{align*}
y_1 &= \frac{e^{2\beta^2}x_1 + x_2 + e^{\beta^2}x_3}{e^{2\beta^2}+1+e^{\beta^2}}
     = \frac{x_1 + e^{-2\beta^2}x_2 + e^{-\beta^2}x_3}{1+e^{-2\beta^2}+e^{-\beta^2}} \;\to\; x_1,\\
y_2 &= \frac{x_1 + e^{\beta^2}x_2 + x_3}{e^{\beta^2}+2} \;\to\; x_2,\\
y_3 &= \frac{e^{\beta^2}x_1 + x_2 + e^{2\beta^2}x_3}{e^{2\beta^2}+1+e^{\beta^2}} \;\to\; x_3,
\end{align*}
as $\beta\to\infty$. So for large $\beta$: $y_1\approx x_1 = d+b$, $y_2 \approx x_2 = a$ and $y_3\approx x_3 = c+b$.
\item For large norms the softmax behaves like an argmax: each query puts (almost) all of its weight on the key with the largest dot product. Here every token matches itself more strongly than any other token ($2\beta^2 > \beta^2$ for $x_1,x_3$ and $\beta^2>0$ for $x_2$), so the output at each position is just a copy of the value stored there. In general, by choosing which directions the query and key share, the layer can route an exact copy of one token's value to an output position.
\end{enumerate}

\section*{Problem 3}
Write $Q,K,V\in\mathbb{R}^{T\times d}$ with rows $q_i,k_j,v_j$. Dropping the exponential, the $i$-th output is
\begin{align*}
y_i = \frac{\sum_{j=1}^T (q_i^\top k_j)\, v_j}{\sum_{j=1}^T q_i^\top k_j}
    = \frac{q_i^\top \left(\sum_{j=1}^T k_j v_j^\top\right)}{q_i^\top \left(\sum_{j=1}^T k_j\right)}
    = \frac{q_i^\top S}{q_i^\top z},
\end{align*}
where $S = \sum_j k_j v_j^\top = K^\top V \in \mathbb{R}^{d\times d}$ and $z=\sum_j k_j\in\mathbb{R}^d$.
The key point is that without the exponential the weights are bilinear in $q_i$ and $k_j$, so we can use associativity, $(QK^\top)V = Q(K^\top V)$, and never form the $T\times T$ attention matrix.
\begin{itemize}
\item Computing $S$ costs $\mathcal{O}(Td^2)$ and $z$ costs $\mathcal{O}(Td)$; both are computed once and shared by all queries.
\item Each output then needs $q_i^\top S$ ($\mathcal{O}(d^2)$) and $q_i^\top z$ ($\mathcal{O}(d)$), so all $T$ outputs cost $\mathcal{O}(Td^2)$.
\end{itemize}
The total is $\mathcal{O}(Td^2)$, i.e. $\mathcal{O}(T)$ for a fixed embedding dimension $d$, instead of $\mathcal{O}(T^2 d)$ for the usual softmax attention. With the exponential this trick is impossible because $\exp(q_i^\top k_j)$ does not factor into a function of $q_i$ times a function of $k_j$.

\section*{Problems 4 and 5}
The Vision Transformer and BERT notebooks are attached on the following pages.

\end{document}
"""

S02 = PRE + r"""
\begin{document}

\noindent Ben Okafor \hfill bo2231\\
Deep Learning -- Homework 2

\bigskip

\noindent 1)

\noindent Writing out the recurrence (biases are 0, $h_0 = 0$):
\begin{align*}
h_1 &= x_1\\
h_2 &= x_2 - h_1 = x_2 - x_1\\
h_3 &= x_3 - h_2 = x_3 - x_2 + x_1\\
&\ \ \vdots\\
h_T &= x_T - x_{T-1} + x_{T-2} - \dots + x_2 - x_1
\end{align*}
The last term is $-x_1$ because $T$ is even. So the output unit at the final step computes
\begin{align*}
x_T - x_{T-1} + x_{T-2} - \dots + x_2 - x_1,
\end{align*}
i.e. the alternating sum of the input sequence (sum of the even-indexed inputs minus the sum of the odd-indexed inputs).

\bigskip
\noindent 2)

\noindent a)
Since $a,b,c,d$ are orthogonal, $\|d+b\|^2 = \|d\|^2 + \|b\|^2 = 2\beta^2$. So $\|x_1\| = \sqrt{2}\beta$, $\|x_2\| = \beta$, $\|x_3\| = \sqrt{2}\beta$.

\medskip
\noindent b)
Dot products: $x_1\cdot x_1 = 2\beta^2$, $x_1\cdot x_2 = 0$, $x_1 \cdot x_3 = b\cdot b = \beta^2$, $x_2\cdot x_2 = \beta^2$, $x_2\cdot x_3 = 0$, $x_3\cdot x_3 = 2\beta^2$.

\noindent For $y_1$ the softmax weights are proportional to $(e^{2\beta^2}, 1, e^{\beta^2})$. Dividing by $e^{2\beta^2}$ gives $(1, e^{-2\beta^2}, e^{-\beta^2}) \to (1,0,0)$ when $\beta$ is very large. So $y_1 \approx x_1 = d + b$.

\noindent For $y_2$ the weights are proportional to $(1, e^{\beta^2}, 1) \to (0,1,0)$, so $y_2 \approx x_2 = a$.

\noindent For $y_3$ the weights are proportional to $(e^{\beta^2}, 1, e^{2\beta^2}) \to (0,0,1)$, so $y_3\approx x_3 = c+b$.

\medskip
\noindent c)
Because $\beta$ is huge, the softmax saturates and becomes one-hot, so each output is just one of the values. The token whose key lines up best with the query gets copied to the output unchanged.

\bigskip
\noindent 3)

\noindent Without the exponential, the attention weight is $w_{ij} = q_i^\top k_j / \sum_{l} q_i^\top k_l$ and
\begin{align*}
y_i = \sum_j w_{ij} v_j = \frac{q_i^\top \sum_j k_j v_j^\top}{q_i^\top \sum_l k_l}.
\end{align*}
The sums $\sum_j k_j v_j^\top$ (a $d\times d$ matrix) and $\sum_l k_l$ (a vector) do not depend on $i$, so they are computed once in $\mathcal{O}(T d^2)$. After that every $y_i$ costs $\mathcal{O}(d^2)$, so the whole layer is $\mathcal{O}(T d^2) = \mathcal{O}(T)$ for fixed $d$. In matrix form we compute $Q(K^\top V)$ instead of $(QK^\top)V$, so the $T\times T$ matrix is never built.

\bigskip
\noindent 4) and 5) see the notebooks below.

\end{document}
"""

S03 = PRE + r"""\usepackage[margin=1in]{geometry}
\begin{document}
\begin{center}
{\Large Homework 2}\\[4pt]
Chen Wei-Lun \quad (wc3389)
\end{center}

\section{Recurrences using RNNs}
\subsection*{Q.1}
The recurrence is $h_t = x_t - h_{t-1}$ with $y_t = \text{sigmoid}(1000 h_t)$. Starting from $h_0=0$:
\begin{align*}
h_1 &= x_1, \\
h_2 &= x_2 - x_1,\\
h_3 &= x_3 - x_2 + x_1,\\
h_4 &= x_4 - x_3 + x_2 - x_1.
\end{align*}
Continuing in the same way, the sign of the first input stays positive and the signs alternate, so for even length $T$
\begin{align*}
h_T = x_1 - x_2 + x_3 - x_4 + \dots + x_{T-1} - x_T .
\end{align*}
Hence
\begin{align*}
y_T = \text{sigmoid}\big(1000\,(x_1 - x_2 + x_3 - \dots - x_T)\big).
\end{align*}
Since the factor 1000 is large, $y_T \approx 1$ when the sum of the odd-position inputs is bigger than the sum of the even-position inputs and $y_T\approx 0$ otherwise. So the network classifies whether the odd entries dominate.

\section{Understanding self-attention}
\subsection*{Q.2 (a)}
\begin{align*}
\|x_1\| &= \|d+b\| = \|d\|^2 + \|b\|^2 = 2\beta^2,\\
\|x_2\| &= \|a\| = \beta^2,\\
\|x_3\| &= \|c+b\| = 2\beta^2 .
\end{align*}

\subsection*{Q.2 (b)}
With $q_i=k_i=v_i=x_i$, $y_i = \sum_j \text{softmax}_j(x_i^\top x_j)\, x_j$. The scores are
$x_1^\top x_1 = 2\beta^2$, $x_1^\top x_2 = 0$, $x_1^\top x_3 = \beta^2$, $x_2^\top x_2 = \beta^2$, $x_2^\top x_3 = 0$, $x_3^\top x_3 = 2\beta^2$. Therefore
\begin{align*}
y_1 &= \frac{e^{2\beta^2}}{e^{2\beta^2}+e^{\beta^2}+1}\,x_1 + \frac{1}{e^{2\beta^2}+e^{\beta^2}+1}\,x_2 + \frac{e^{\beta^2}}{e^{2\beta^2}+e^{\beta^2}+1}\,x_3,\\
y_2 &= \frac{1}{e^{\beta^2}+2}\,x_1 + \frac{e^{\beta^2}}{e^{\beta^2}+2}\,x_2 + \frac{1}{e^{\beta^2}+2}\,x_3,\\
y_3 &= \frac{e^{\beta^2}}{e^{2\beta^2}+e^{\beta^2}+1}\,x_1 + \frac{1}{e^{2\beta^2}+e^{\beta^2}+1}\,x_2 + \frac{e^{2\beta^2}}{e^{2\beta^2}+e^{\beta^2}+1}\,x_3.
\end{align*}
So $y_1$ and $y_3$ are mixtures of $x_1$ and $x_3$ (with a small part of $x_2$) and $y_2$ is mostly $x_2$.

\subsection*{Q.2 (c)}
The weights depend on the similarity between tokens, so tokens that are similar get mixed together. The bigger the weight, the more of that input is copied into the output, so self-attention can copy inputs that are similar to the query.

\section{Attention! My code takes too long}
\subsection*{Q.3}
In normal attention we have to compute $\exp(q_i^\top k_j)$ for every pair, and the exponential is the expensive part. If we drop the exponential then each score is just a dot product $q_i^\top k_j$, which is cheap, and the normalization $\sum_j q_i^\top k_j$ is computed only once per row. Since each row only needs one normalization and no exponentials, the work per token is constant and the whole layer runs in $\mathcal{O}(T)$ instead of $\mathcal{O}(T^2)$.

\section{Vision Transformer and BERT}
See the attached notebooks.
\end{document}
"""

S04 = PRE + r"""\usepackage[margin=1.1in]{geometry}
\usepackage{parskip}
\begin{document}
\begin{center}
\textbf{Deep Learning (CS-GY 6953) -- Assignment 2, theory part}\\
Dina Rahimi -- dr3105
\end{center}

\textbf{Problem \#1}

Let $h_0 = 0$. The network computes $h_t = 1\cdot x_t + (-1)\cdot h_{t-1}$ and $y_t = \text{sigmoid}(1000 h_t)$. Expanding:
\begin{align*}
h_T &= x_T - h_{T-1} = x_T - x_{T-1} + h_{T-2} = \dots = \sum_{t=1}^{T} (-1)^{T-t} x_t .
\end{align*}
For even $T$ the exponent $T-t$ is even exactly when $t$ is even, so
\begin{align*}
h_T = \sum_{t \text{ even}} x_t - \sum_{t\text{ odd}} x_t .
\end{align*}
The final output is $y_T = \text{sigmoid}\big(1000 (\sum_{t \text{ even}} x_t - \sum_{t\text{ odd}} x_t)\big)$. Because the inputs are integers the argument is either $0$ or at least $1000$ in absolute value, so $y_T$ is (numerically) 1 if the even-indexed inputs add up to more than the odd-indexed ones, 0 if they add up to less, and $1/2$ if the two sums are equal.

\textbf{Problem \#2}

\textbf{(a)} $\|x_1\| = \sqrt{\beta^2+\beta^2} = \sqrt2\beta$, $\|x_2\| = \beta$, $\|x_3\| = \sqrt2\beta$ (the cross terms vanish by orthogonality).

\textbf{(b)} Every output of self-attention is a convex combination of the values,
\begin{align*}
y_i = \sum_{j=1}^{3} \alpha_{ij}\, x_j, \qquad \sum_j \alpha_{ij} = 1 .
\end{align*}
Since all the tokens have norms of the same order ($\beta$ or $\sqrt2 \beta$) the softmax spreads the weight over the three tokens, and attention averages the tokens:
\begin{align*}
y_1 \approx y_2 \approx y_3 \approx \frac{x_1+x_2+x_3}{3} = \frac{a + 2b + c + d}{3}.
\end{align*}

\textbf{(c)} Self-attention copies its input because every output is the average of the inputs, so the information of every token is copied into every output position.

\textbf{Problem 3 (Linear attention).} Without the exponential, the output for query $i$ is
$y_i = \big(\sum_j (q_i^\top k_j) v_j\big) / \big(\sum_j q_i^\top k_j\big)$. The numerator can be rewritten as $q_i^\top \big(\sum_j k_j v_j^\top\big)$ and the denominator as $q_i^\top \big(\sum_j k_j\big)$. The matrix $M=\sum_j k_j v_j^\top = K^\top V$ and the vector $s=\sum_j k_j$ are the same for every query, so we compute them once with one pass over the $T$ tokens ($\mathcal{O}(T d^2)$). Then each of the $T$ outputs is a vector--matrix product costing $\mathcal{O}(d^2)$. Overall the cost is $\mathcal{O}(T d^2)$, which is linear in $T$; the $T\times T$ matrix $QK^\top$ is never formed. This works only because $q_i^\top k_j$ is linear in $k_j$, which the exponential would destroy.

\end{document}
"""

S05 = PRE + r"""\usepackage[margin=1in]{geometry}
\begin{document}
\noindent\textbf{Eli Novak} (en2044) \hfill \textbf{DL HW 2}
\hrule
\vspace{1em}

\noindent\textbf{3.} Linear self-attention.

\noindent\textbf{3a.} Normal attention needs the full $T\times T$ matrix $QK^\top$ before the softmax, that is already $T^2$ dot products. Without the exponential, $y_i = \frac{\sum_j (q_i\cdot k_j)v_j}{\sum_j q_i\cdot k_j}$.

\noindent\textbf{3b.} Because there is no nonlinearity we can move the sum inside: $\sum_j (q_i\cdot k_j) v_j = q_i^\top (K^\top V)$. So compute $K^\top V$ once (cost $T d^2$) and the vector $\sum_j k_j$ once, and then each output costs $d^2$. Total $\mathcal{O}(T)$ in the sequence length.

\vspace{1em}
\noindent\textbf{1.} RNN recurrence.

\noindent\textbf{1a.} $h_t = x_t - h_{t-1}$, $h_0 = 0$, so $h_1 = x_1$, $h_2 = x_2 - x_1$, $h_3 = x_3-x_2+x_1$, \dots, and for even $T$:
\begin{align*}
h_T = (x_T + x_{T-2} + \dots + x_2) - (x_{T-1} + x_{T-3} + \dots + x_1).
\end{align*}

\noindent\textbf{1b.} The output is $y_T = \text{sigmoid}(1000\, h_T)$. As the $x_t$ are integers, $h_T$ is an integer, so $1000 h_T$ is either 0 or very far from 0:
\begin{align*}
y_T \approx \begin{cases} 1 & \text{if } \sum_{\text{even } t} x_t > \sum_{\text{odd } t} x_t \\ 1/2 & \text{if they are equal} \\ 0 & \text{if } \sum_{\text{even } t} x_t < \sum_{\text{odd } t} x_t \end{cases}
\end{align*}
So the output unit tells whether the even positions sum to more than the odd positions.

\vspace{1em}
\noindent\textbf{2.} Self-attention.

\noindent\textbf{2a.} $\|x_1\| = \sqrt{\|d\|^2 + \|b\|^2} = \beta\sqrt 2$, \quad $\|x_2\| = \beta$, \quad $\|x_3\| = \beta \sqrt 2$.

\noindent\textbf{2b.} Gram matrix $G_{ij} = x_i^\top x_j$:
\begin{align*}
G = \beta^2 \begin{pmatrix} 2 & 0 & 1\\ 0 & 1 & 0 \\ 1 & 0 & 2\end{pmatrix}
\end{align*}
Row-wise softmax: row 1 $\propto (e^{2\beta^2}, 1, e^{\beta^2})$. The ratio of the second largest to the largest weight is $e^{-\beta^2}\to 0$ for $\beta\to\infty$, so the row becomes $(1,0,0)$. Similarly row 2 $\to (0,1,0)$ and row 3 $\to (0,0,1)$. Thus
\begin{align*}
y_1 \approx x_1 = b + d,\quad y_2 \approx x_2 = a, \quad y_3\approx x_3 = b + c.
\end{align*}

\noindent\textbf{2c.} When the vectors are long the softmax is essentially a hard max, so the output at a position is exactly the value of whichever token has the best-matching key; the value is copied through without being blended with the others. The query/key part decides \emph{where} to look and the value part is \emph{what} gets copied.

\end{document}
"""

S06 = PRE + r"""
\begin{document}

Fay Adeyemi, fa2190. Homework 2 theory.

\bigskip

Unrolling $h_t = x_t - h_{t-1}$ from $h_0 = 0$ gives $h_1 = x_1$, $h_2 = x_2 - x_1$, $h_3 = x_3 - x_2 + x_1$ and by induction
\begin{align*}
h_t = \sum_{k=1}^{t} (-1)^{t-k}x_k .
\end{align*}
(Check: $x_{t+1} - h_t = x_{t+1} + \sum_{k\le t}(-1)^{t+1-k}x_k = h_{t+1}$.) For even $T$ the coefficient of $x_k$ is $+1$ for even $k$ and $-1$ for odd $k$, so the final output is
\begin{align*}
y_T = \sigma\Big(1000\big[(x_2+x_4+\dots+x_T) - (x_1 + x_3 + \dots + x_{T-1})\big]\Big).
\end{align*}
With integer inputs the bracket is an integer, so $y_T\approx 1$ if the even-position sum exceeds the odd-position sum, $y_T\approx 0$ if it is smaller, and $y_T = 0.5$ on a tie. The RNN is a comparator of the two interleaved sums.

\bigskip

Orthogonality kills all cross terms, so $\|x_1\| = \sqrt{2}\beta$, $\|x_2\| = \beta$, $\|x_3\| = \sqrt2\beta$.

The unnormalized scores are $s_{ij} = x_i^\top x_j$:
\begin{align*}
s_{11} = 2\beta^2,\ s_{12} = 0,\ s_{13} = \beta^2,\quad s_{22} = \beta^2,\ s_{21} = s_{23} = 0,\quad s_{33} = 2\beta^2,\ s_{31}=\beta^2,\ s_{32} = 0.
\end{align*}
Then
\begin{align*}
y_1 = \frac{e^{2\beta^2} x_1 + x_2 + e^{\beta^2}x_3}{e^{2\beta^2} + 1 + e^{\beta^2}} \xrightarrow{\beta\to\infty} x_1, \quad
y_2 = \frac{x_1 + e^{\beta^2} x_2 + x_3}{2 + e^{\beta^2}} \xrightarrow{\beta\to\infty} x_2, \quad
y_3 \xrightarrow{\beta\to\infty} x_3,
\end{align*}
since every off-diagonal weight is suppressed by a factor $e^{-\beta^2}$ or smaller. Hence $y_1\approx d+b$, $y_2\approx a$, $y_3 \approx c+b$.

Even though $x_1$ and $x_3$ share the component $b$, the self-match ($2\beta^2$) beats the cross-match ($\beta^2$) by $\beta^2$, and for large $\beta$ the softmax turns this gap into a one-hot choice. So with large-norm vectors self-attention selects one token and passes its value on unchanged, i.e.\ it copies an input, with the keys deciding which one.

\bigskip

Without the exponential, $y_i = \dfrac{\sum_j (q_i^\top k_j) v_j}{\sum_j q_i^\top k_j}$. Stacking the rows, the numerator is $(QK^\top)V$, which if computed in this order needs the $T\times T$ matrix $QK^\top$: $\mathcal{O}(T^2 d)$. But matrix multiplication is associative, so $(QK^\top)V = Q(K^\top V)$, where $K^\top V$ is $d\times d$ and costs $\mathcal{O}(Td^2)$, and multiplying by $Q$ costs another $\mathcal{O}(Td^2)$. The denominators are $Q(K^\top \mathbf{1})$, computed in $\mathcal{O}(Td)$. The total is $\mathcal{O}(Td^2)$, linear in $T$. The softmax version cannot be rearranged like this because $\exp(q_i^\top k_j)$ is not a product of a term in $q_i$ and a term in $k_j$.

\bigskip

The ViT (patch 4, 6 layers, 4 heads) and BERT notebooks are vit\_fashionmnist.ipynb and bert\_sentiment.ipynb.

\end{document}
"""

S07 = PRE + r"""\usepackage{enumerate}
\usepackage[margin=1in]{geometry}
\title{Homework 2}
\author{Gus Ferreira \\ gf2087}
\date{}
\begin{document}
\maketitle

\section*{Exercise 1}
The hidden state is $h_t = x_t - h_{t-1}$ (starting from $h_0=0$). Then
\begin{align*}
h_1 &= x_1\\
h_2 &= x_2-x_1\\
h_3 &= x_3 - x_2 + x_1\\
&\cdots\\
h_T &= x_T - x_{T-1} + \dots + x_2 - x_1 \quad (T \text{ even})
\end{align*}
and the output at the final step is $y_T = \text{sigmoid}(1000\,h_T)$. Since $1000$ is big, the sigmoid is basically a step function: $y_T\approx 1$ if $x_2 + x_4+\dots+x_T > x_1 + x_3 + \dots + x_{T-1}$ and $y_T \approx 0$ if it is less.

\section*{Exercise 2}
\begin{enumerate}[(a)]
\item $\|x_1\|^2 = \|d\|^2 + 2d^\top b + \|b\|^2 = 2\beta^2$, so $\|x_1\| = \sqrt{2}\beta$. Likewise $\|x_2\| = \beta$ and $\|x_3\| = \sqrt{2}\beta$.
\item The attention weights are $\alpha_{ij} = \frac{\exp(x_i^\top x_j)}{\sum_l \exp(x_i^\top x_l)}$.
\begin{align*}
\alpha_{1\cdot} &= \frac{(e^{2\beta^2},\ 1,\ e^{\beta^2})}{e^{2\beta^2}+1+e^{\beta^2}} \approx (1,0,0)\\
\alpha_{2\cdot} &= \frac{(1,\ e^{\beta^2},\ 1)}{e^{\beta^2}+2} \approx (0,1,0)\\
\alpha_{3\cdot} &= \frac{(e^{\beta^2},\ 1,\ e^{2\beta^2})}{e^{2\beta^2}+1+e^{\beta^2}} \approx (0,0,1)
\end{align*}
for very large $\beta$. Therefore $y_1 \approx x_1$, $y_2\approx x_2$, $y_3\approx x_3$.
\end{enumerate}

\section*{Exercise 4 / 5}
Notebooks: \texttt{HW2\_ViT.ipynb} and \texttt{HW2\_BERT.ipynb}.

\end{document}
"""

S08_MD = r"""# HW2 — theory answers
Hana Sato (hs4471)

(I wrote these in markdown, the equations are LaTeX syntax.)

### 2a
a, b, c, d are orthogonal and all have norm β, so the cross terms drop out:

- ‖x1‖ = ‖d + b‖ = sqrt(β² + β²) = √2 β
- ‖x2‖ = ‖a‖ = β
- ‖x3‖ = ‖c + b‖ = √2 β

### 2b
Dot products (q = k = v = x):

$$x_1\cdot x_1 = 2\beta^2,\quad x_1\cdot x_2 = 0,\quad x_1 \cdot x_3 = \beta^2,\quad x_2\cdot x_2 = \beta^2,\quad x_2\cdot x_3 = 0,\quad x_3\cdot x_3 = 2\beta^2$$

Softmax of row 1: $(e^{2\beta^2}, e^0, e^{\beta^2}) / Z_1$. For β → ∞ the first entry dominates (the others are smaller by factors $e^{-\beta^2}$ and $e^{-2\beta^2}$), so the weights go to (1, 0, 0) and **y1 ≈ x1 = d + b**.

Row 2: $(1, e^{\beta^2}, 1)/Z_2 \to (0,1,0)$, so **y2 ≈ x2 = a**.

Row 3: $(e^{\beta^2}, 1, e^{2\beta^2})/Z_3 \to (0,0,1)$, so **y3 ≈ x3 = c + b**.

### 2c
When the norms are large the softmax is basically a hard argmax. Each query picks out a single key (here: its own token, because the self dot product is the biggest) and the output is exactly that token's value. That is how attention can "copy": the query/key match chooses the position and the value from that position is passed through unchanged.

### 3
Drop the exp: $y_i = \sum_j (q_i^\top k_j) v_j / \sum_j q_i^\top k_j$.

Because the weight is now just a dot product we can pull $q_i$ out of the sum:
$y_i = q_i^\top (\sum_j k_j v_j^\top) / q_i^\top(\sum_j k_j)$.
The two sums don't depend on i, so compute them once, then every output is cheap. So the cost grows linearly with T, i.e. O(T), instead of forming the T×T matrix.

### 1
$h_t = x_t - h_{t-1}$, $y_t = \text{sigmoid}(1000 h_t)$, $h_0 = 0$.

- h1 = x1
- h2 = x2 − x1
- h3 = x3 − x2 + x1
- h4 = x4 − x3 + x2 − x1

so for even length T: $h_T = (x_2 + x_4 + \dots + x_T) - (x_1 + x_3 + \dots + x_{T-1})$ and

$$y_T = \text{sigmoid}\big(1000\,[(x_2 + x_4 + \dots + x_T) - (x_1 + x_3 + \dots + x_{T-1})]\big)$$

The 1000 makes the sigmoid a hard threshold: the output is ≈ 1 when the even-indexed inputs sum to at least the odd-indexed inputs and ≈ 0 otherwise. So the network decides which of the two interleaved sums is larger.

### 4, 5
See `vit_fashion.ipynb` and `bert_imdb.ipynb`.
"""

S09_MD = [
r"""# Deep Learning HW2 — Ivan Petrov (ip2318)
All of my answers are in this notebook: the theory answers first (markdown), then the BERT sentiment notebook. The ViT is in the separate notebook `vit.ipynb`.""",
r"""## [P1 | Recurrences using RNNs]

$h_t = x_t - h_{t-1}$ and $y_t = \sigma(1000\,h_t)$ with $h_0=0$.

Writing it out: $h_1 = x_1$, $h_2 = x_2 - x_1$, $h_3 = x_3 - x_2 + x_1$, ...; each step flips the sign of everything before and adds the new input, so

$$h_T = \sum_{t=1}^{T}(-1)^{T-t}x_t .$$

For even $T$, this is $h_T = \sum_{k=1}^{T/2} x_{2k} - \sum_{k=1}^{T/2} x_{2k-1}$, and the output unit computes

$$y_T = \sigma\Big(1000\Big(\sum_{k=1}^{T/2} x_{2k} - \sum_{k=1}^{T/2} x_{2k-1}\Big)\Big).$$

Integer inputs ⇒ the argument is a multiple of 1000, so $y_T\approx 1$ (even-position inputs have the larger sum), $y_T \approx 0$ (odd-position inputs have the larger sum) or exactly $0.5$ (equal sums).""",
r"""## [P2 | Understanding self-attention]

**Q2 (a)** $\|x_1\| = \sqrt{\|d\|^2+\|b\|^2} = \sqrt 2\,\beta$, $\ \|x_2\| = \beta$, $\ \|x_3\| = \sqrt2\,\beta$.

**Q2 (b)** Scores $x_i^\top x_j$: $\begin{pmatrix}2\beta^2 & 0 & \beta^2\\ 0&\beta^2&0\\ \beta^2 & 0 & 2\beta^2\end{pmatrix}$.

$y_1 = \dfrac{e^{2\beta^2}x_1 + x_2 + e^{\beta^2}x_3}{e^{2\beta^2}+1+e^{\beta^2}}$; for $\beta\to\infty$ the coefficients go to $(1,0,0)$, so $y_1 \approx x_1 = d+b$.

$y_2 = \dfrac{x_1 + e^{\beta^2}x_2 + x_3}{e^{\beta^2}+2} \approx x_2 = a$.

$y_3 \approx x_3 = c+b$ by the same argument as $y_1$.

**Q2 (c)** The outputs are (approximately) the inputs themselves, so self-attention copied them. With big norms the softmax picks one token.""",
r"""## [P3 | Linear self-attention]

With the exponentials removed the weights are $w_{ij} = \dfrac{q_i^\top k_j}{\sum_l q_i^\top k_l}$ and

$$y_i = \frac{q_i^\top\left(\sum_j k_j v_j^\top\right)}{q_i^\top \sum_l k_l}.$$

In matrix form the numerator is $Q\,(K^\top V)$ instead of $(QK^\top)\,V$. $K^\top V$ is only $d\times d$ and costs $O(Td^2)$; $Q(K^\top V)$ costs another $O(Td^2)$; the normalisers $Q(K^\top\mathbf 1)$ cost $O(Td)$. Nothing of size $T\times T$ is ever built, so the cost is $O(Td^2) = O(T)$ for fixed $d$.""",
]
