"""Blind answer-group benchmark variants for two NYU Deep Learning (Assignment 2) questions.

This file contains hand-written synthetic student answers for benchmarking
"answer groups": grouping a class's free-text answers by what they mean
(similar to Gradescope's answer groups). Each question has 8 variants that differ
in MEANING (what the answer claims). Each variant has 6 paraphrases that make the
same claims in different wording, order, length and style (terse, verbose,
markdown bullets, inline LaTeX, plain-text math, informal with typos).

The variants cover: one fully correct answer, two correct answers that each leave
out a different key point, several specific misconceptions, one answer that mixes
a right claim with a wrong one, and one vague answer that mostly restates the question.

The file was written BLIND: its author did not see the grader's code, its
rubrics or its existing benchmark sets. Do not read it as a reference solution
or rubric. It is only test data for checking whether a grouper can separate
answers that differ in meaning and merge answers that differ only in wording.

Questions:
  p2c -- how self-attention (x_i = q_i = k_i = v_i, tokens x1 = d + b, x2 = a,
         x3 = c + b built from orthogonal base vectors of norm beta -> infinity)
         lets a network approximately "copy" an input value.
  p3  -- why linear self-attention (softmax exponentials dropped, normalized as
         usual) avoids the O(T^2) cost and runs in O(T).
"""

VARIANTS: dict[str, list[dict]] = {
    "p2c": [
        {
            # Fully correct: scores are dot products ~ beta^2, self-score is the row max, huge beta saturates softmax to one-hot, so y_i ~ x_i.
            "label": "full_correct_self_max_saturation",
            "paraphrases": [
                "The attention scores are just dot products, and with norms of order $\\beta$ every score is a multiple of $\\beta^2$. In each row the biggest score is the token with itself (e.g. $x_1\\cdot x_1 = 2\\beta^2$ vs $x_1\\cdot x_3=\\beta^2$ vs $x_1 \\cdot x_2 = 0$). Because $\\beta$ is huge, the gaps between scores blow up and the softmax turns into a one-hot argmax on that token, so $y_i \\approx v_i = x_i$: the input value is copied.",
                "Scores = dot products, all of size ~beta^2. Each token's self-score is the max of its row (for x1: 2beta^2 > beta^2 > 0). Huge beta => softmax saturates to a one-hot on that same token => y_i ≈ x_i. So the layer simply passes each value through, i.e. attention copies it.",
                "- each score is q_i·k_j = x_i·x_j, which grows like beta^2\n- for every row the diagonal entry wins: x1·x1 = 2beta^2, x1·x3 = beta^2, x1·x2 = 0 (same pattern for x2, x3)\n- as beta -> infinity the differences between logits explode, so softmax becomes basically a hard argmax / one-hot vector\n- that means y_i ≈ v_i = x_i, i.e. the layer copies each input value through",
                "So basically every entry of QK^T is some multiple of β² since the tokens are built from base vectors of norm β. If you look at any row, the token dotted with itself gives the largest number, like 2β² for x1 compared to β² with x3 and 0 with x2. With β really large the softmax gets saturated and puts ~all weight on that one max entry, so the output y_i is pretty much x_i itself. That's the copy.",
                "Self-attention weights are $\\text{softmax}_j(x_i^\\top x_j)$ and all these logits scale as $\\beta^2$. The diagonal term dominates each row: for $x_3$ we get $x_3^\\top x_3 = 2\\beta^2$, $x_3^\\top x_1 = \\beta^2$, $x_3^\\top x_2 = 0$. When $\\beta \\to \\infty$ the softmax converges to a one-hot vector selecting $j=i$, hence $y_i \\approx x_i$ and the value is reproduced unchanged.",
                "Since the logits are dot products they are propotional to beta^2, and the biggest one in every row is always the token with itself. For a very large beta the softmax saturates into a one hot distribution picking that self entry, so each output just equals its own value vector, y_i ≈ x_i. Thats how the network copies an input.",
            ],
        },
        {
            # Correct but omits the saturation point: says the self-score is largest so the self-weight is largest and y_i ~ x_i, never says huge beta makes the softmax one-hot.
            "label": "self_max_without_saturation",
            "paraphrases": [
                "The score between two tokens is their dot product, and for every token the largest score is the one with itself: for $x_1$ we have $\\langle x_1, x_1\\rangle = 2\\beta^2$, which beats $\\langle x_1, x_3\\rangle = \\beta^2$ and $\\langle x_1, x_2\\rangle = 0$. Since the softmax gives the largest weight to the largest score, each output is dominated by its own token and $y_i \\approx x_i$, so the input gets copied.",
                "Each token has its highest dot product with itself (x1: 2beta^2, while x1.x3 = beta^2 and x1.x2 = 0). Softmax hands the highest weight to that diagonal entry, so the weighted sum y_i is mostly x_i -> approximately a copy of the input token.",
                "- attention logits = pairwise dot products x_i · x_j\n- the diagonal is the largest entry in each row (2β² for x1 and x3, β² for x2, smaller or zero elsewhere)\n- softmax is monotone, so the token itself receives the biggest attention weight\n- therefore the weighted sum y_i is dominated by v_i = x_i, meaning the output roughly reproduces the input",
                "Writing out the attention matrix, every entry is a dot product between two tokens. Along each row the diagonal wins, i.e. every token is most similar to itself (x3 with x3 gives 2β², with x1 only β², with x2 nothing). The softmax then hands most of the weight to that diagonal position, so the weighted sum of values makes y_i end up close to x_i. In that sense the layer copies its input.",
                "Because $q_i = k_i$, the score $x_i^\\top x_i = \\|x_i\\|^2$ is the largest in row $i$ (e.g. $2\\beta^2$ for $x_1$ vs. $\\beta^2$ and $0$). The softmax assigns its largest probability to this self-score, so $y_i = \\sum_j \\alpha_{ij} x_j$ is dominated by $x_i$ and approximately reproduces it, which is the copying behaviour.",
                "each token matches itself best, its self dot product is bigger than with any other token. softmax turns those scores into weights and the biggest weight lands on the token itself, so the output is mostly just the same vector coming back out. thats why attention can roughly copy a value, y_i ~ x_i.",
            ],
        },
        {
            # Correct but omits which token wins: huge beta^2 logits make the softmax a hard argmax, so the output is one single input value, but never says the self-score is the row max / y_i ~ x_i.
            "label": "saturation_without_self_max",
            "paraphrases": [
                "All the scores are inner products between tokens whose norms are of order $\\beta$, so they are on the scale of $\\beta^2$. With $\\beta$ enormous, the differences between logits are enormous too, and the softmax stops being soft: it collapses to a one-hot vector on the highest-scoring key. The output is then (almost exactly) a single value vector instead of a mixture, so the layer copies one input.",
                "Logits scale like beta^2 since every token has norm of order beta. For very big beta the softmax -> argmax (one-hot), so the weighted average of values picks out exactly one value vector and the output is basically that input, not a blend. That's the copying.",
                "- the dot products q·k are of magnitude β² because every token has norm ~β\n- huge logits ⇒ softmax saturates, almost all probability mass sits on the single largest logit\n- the weighted sum of values therefore reduces to one value vector\n- result: the attention output is ≈ an exact copy of one of the inputs, not an average",
                "The trick is in the scale. With base vectors of norm beta, every score in QK^T is something like 0, beta^2 or 2beta^2, and the gaps between them grow without bound. Exponentiating such gaps makes one term completely dominate the softmax denominator, so the attention weights become one-hot. Multiplying a one-hot weight vector by V just selects one row of V, so the output reproduces one input value.",
                "Since $\\langle x_i, x_j\\rangle \\in \\{0, \\beta^2, 2\\beta^2\\}$, the softmax temperature is effectively $1/\\beta^2 \\to 0$. In this limit $\\mathrm{softmax}(s) \\to e_{\\arg\\max s}$, a one-hot vector, and $y = \\sum_j \\alpha_j v_j$ collapses to a single $v_j$. So attention acts like a hard lookup and returns one input value unchanged.",
                "because beta is so large the scores are gigantic and softmax basicaly becomes a hard max. the attention weights are then 0 everywhere except one position which is ~1, so the output is just that one token's value vector copied over, no blending.",
            ],
        },
        {
            # Misconception: thinks x1, x2, x3 are mutually orthogonal (ignores the shared b), so QK^T is diagonal and copying happens because the tokens are orthogonal.
            "label": "misc_tokens_orthogonal_diagonal_scores",
            "paraphrases": [
                "Since $a, b, c, d$ are orthogonal, the tokens $x_1, x_2, x_3$ are orthogonal to each other as well, so every off-diagonal entry of $QK^T$ is $0$ and only the diagonal ($\\|x_i\\|^2$) is nonzero. The attention matrix is therefore diagonal and each token attends only to itself, giving $y_i = x_i$. Copying works because the inputs are mutually orthogonal.",
                "x1, x2, x3 are built from orthogonal vectors so they're orthogonal too -> every cross dot product = 0. The score matrix only has the diagonal, each token attends to itself only, y_i = x_i. The copy happens because of orthogonality.",
                "* the three tokens inherit orthogonality from a, b, c, d\n* so x_i · x_j = 0 whenever i ≠ j, and the score matrix is diagonal\n* a diagonal score matrix means no token looks at any other token\n* each output is just its own input: y_i = x_i\n* => self-attention copies inputs when the tokens don't overlap (are orthogonal)",
                "The key observation is that the tokens don't overlap: because they are sums of mutually orthogonal base vectors, x1, x2 and x3 are perpendicular to one another. That kills every cross term in the attention scores, leaving only the squared norms on the diagonal. With no interaction between different tokens, every token puts its attention on itself and the output equals the input. This would fail if the tokens were not orthogonal.",
                "Orthogonality of the basis gives $x_i^\\top x_j = 0$ for $i \\neq j$, hence $QK^\\top = \\mathrm{diag}(\\|x_1\\|^2, \\|x_2\\|^2, \\|x_3\\|^2)$. Each row of attention then concentrates on its own index and $y_i = x_i$. So self-attention copies a value exactly when tokens are orthogonal to each other, since no token contributes to another's output.",
                "tokens are orthogonal (they come from orthogonal base vecs) so they have zero similarity with each other. nobody attends to anyone else, each token only attends to itself and gets itself back as output. so copying comes from the tokens being orthogonal, the off-diagonal scores are all zero.",
            ],
        },
        {
            # Misconception: attention itself only blends tokens; the copy is done by the residual / skip connection x + SA(x).
            "label": "misc_residual_connection_copies",
            "paraphrases": [
                "Self-attention by itself mixes the tokens together, so the copying has to come from the skip connection around the layer: the block outputs $x_i + \\text{Attn}(x)_i$, and since $x_i$ has norm on the order of $\\beta$ it dominates the sum. The network therefore passes each input value straight through the residual path, which approximately copies it.",
                "Copying comes from the residual connection: output = x + attention(x). The attention part just averages the tokens together, but the identity path carries x_i through unchanged, and since x_i is huge it dominates, so the block output ≈ x_i. Attention alone wouldn't copy anything.",
                "- attention alone produces a weighted mix of the tokens, not a copy\n- in a transformer block there's a skip connection, out_i = x_i + attn_i\n- the skip path forwards the original x_i with no change\n- with big beta the x_i term is what you mostly see in the output\n- so the copy is done by the residual, attention only adds context on top",
                "I think the copying is really a property of the residual connection rather than of the attention weights. The attention output is a softmax-weighted combination of all three tokens, which blurs them together. But transformers add the input back after attention (x + SA(x)), so the original token always reaches the output. Because the tokens are so large (norm ~β), this identity term dominates and the input value is effectively copied forward.",
                "Let $h_i = x_i + \\mathrm{SA}(x)_i$. The attention term $\\mathrm{SA}(x)_i = \\sum_j a_{ij}\\, x_j$ is a blend of tokens, while the skip term is exactly $x_i$. Copying is thus achieved by the residual branch: the identity mapping transmits $x_i$ untouched and the attention only contributes a correction on top of it, so $h_i \\approx x_i$.",
                "honestly the attention just mixes stuff, the copy comes from the skip/residual connection that adds x back to the output. so whatever the attention does, x_i still goes straight through and the output looks like the input. the residual path is what lets the network copy values.",
            ],
        },
        {
            # Misconception: each token copies the most similar OTHER token; x1 and x3 share b so they swap (y1 ~ x3, y3 ~ x1).
            "label": "misc_copies_most_similar_other_token",
            "paraphrases": [
                "Tokens that share a component attend strongly to each other: $x_1$ and $x_3$ both contain $b$, so $x_1\\cdot x_3 = \\beta^2$ while both are orthogonal to $x_2$. With large $\\beta$ the softmax picks this match, so $y_1 \\approx x_3$ and $y_3 \\approx x_1$. Self-attention copies by moving a value from the most similar other token into the current position.",
                "x1 and x3 overlap in b (dot = beta^2), x2 matches neither. So y1 ≈ x3 and y3 ≈ x1: each output takes the value of the token it is most similar to. That's how attention copies - it routes a value over from a matching token.",
                "- x1 = d + b and x3 = c + b have the direction b in common\n- x1·x3 = β² is the only nonzero cross score; x2 is orthogonal to both\n- large β ⇒ softmax concentrates on that partner\n- hence y1 ≈ x3 and y3 ≈ x1 (they swap)\n- copying = grabbing the value of another token whose key matches your query",
                "What the example shows is content-based lookup. The first and third tokens both contain the base vector b, so their dot product is beta^2, while x2 has zero overlap with either. When beta is very large, x1's attention is pulled entirely onto x3 and vice versa, so the outputs come out swapped: y1 is approximately x3 and y3 approximately x1. The network copies the value of a different token whose key matches.",
                "The only cross-token overlap is $b$: $\\langle x_1, x_3\\rangle = \\beta^2$, $\\langle x_1, x_2\\rangle = \\langle x_2, x_3\\rangle = 0$. As $\\beta\\to\\infty$ the attention for $x_1$ locks onto $x_3$ and the one for $x_3$ onto $x_1$, so $y_1 \\approx x_3$, $y_3 \\approx x_1$. Attention 'copies' by transporting the value of the best-matching other token.",
                "x1 and x3 share the b part so they look at each other and basicaly exchange values, y1 comes out as x3 and y3 as x1. x2 doesnt share anything so nothing happens there. so the copying is attention pulling the value from whichever other token matches your query the most.",
            ],
        },
        {
            # Mixed: right that huge beta makes softmax one-hot and x2 is copied; wrong that x1 and x3 (sharing b) split attention and both come out as (x1 + x3)/2.
            "label": "mixed_x2_copied_x1_x3_averaged",
            "paraphrases": [
                "For $x_2$ the only nonzero score is with itself ($\\beta^2$ vs $0, 0$), and because $\\beta$ is huge the softmax is effectively one-hot, so $y_2 \\approx x_2$ is copied exactly. $x_1$ and $x_3$, however, share $b$, so each gives weight to both of them and $y_1 \\approx y_3 \\approx (x_1+x_3)/2$. Copying therefore only happens for a token that doesn't overlap with any other.",
                "Large beta -> softmax becomes one-hot, a hard selection. x2 only matches itself so y2 ≈ x2 (copied). x1 and x3 both contain b, so they split their attention between each other: y1 ≈ y3 ≈ (x1 + x3)/2, a blend. So copying works only for non-overlapping tokens.",
                "- big β makes the logits huge, so the softmax acts like a hard max\n- x2 is orthogonal to x1 and x3 ⇒ its weights are one-hot on itself ⇒ y2 ≈ x2\n- x1 and x3 overlap through b ⇒ attention is shared between them\n- so y1 and y3 both ≈ ½(x1 + x3), an average rather than a copy\n- conclusion: a value gets copied when its token is unlike all the others",
                "With beta this large the softmax essentially becomes an argmax, which is what lets attention copy. It works cleanly for x2: it is orthogonal to the other two, so all of its attention goes to itself and y2 comes out as x2. The other two both contain b, so they end up attending to each other about equally, and y1 and y3 turn into the mean of x1 and x3. Only isolated tokens get copied.",
                "In the limit $\\beta\\to\\infty$, $\\mathrm{softmax}$ tends to a one-hot vector. Row 2 of the scores is $(0, \\beta^2, 0)$, so $y_2 \\to x_2$: an exact copy. Rows 1 and 3 contain the shared $b$ term, so the weight is divided between $x_1$ and $x_3$ and $y_1 = y_3 \\approx \\tfrac{1}{2}(x_1 + x_3)$. Hence copying occurs for tokens with no overlap.",
                "softmax gets super peaky when beta is huge so it picks one entry. for x2 that's itself so x2 gets copied. but x1 and x3 have b in common and they end up averaging each other, both outputs are like (x1+x3)/2. so attention copies a token only if it doesnt overlap with the rest.",
            ],
        },
        {
            # Vague / generic: attention looks at tokens and picks relevant information, so the output can equal an input; no mechanism (no scores, no beta, no saturation).
            "label": "vague_generic_lookup",
            "paraphrases": [
                "Self-attention lets every token look at all the others and decide how much to take from each. In this example the tokens pick out the relevant information, so the output can end up equal to the input. That's how the network can copy a value.",
                "Attention computes weights between tokens and combines the values accordingly. With the right weights, an output can just be one of the inputs, so the network is able to copy an input value when it needs to.",
                "- every token is compared against every other token\n- those comparisons become weights that control what flows into each output\n- if the weights line up right, an output just reproduces an input\n- that is the mechanism networks use to copy values",
                "The way I understand it, self-attention is a mechanism where the queries look up keys and retrieve values. Using the above example we can see that the outputs approximate certain input tokens, which means attention can be used for copying. Basically the network learns where to look and takes that value over.",
                "Self-attention forms $y_i = \\sum_j w_{ij} v_j$, a weighted sum of values. As the example shows, the outputs approximate some of the inputs, so by choosing the weights $w_{ij}$ appropriately the layer can transfer an input value to the output.",
                "attention is basically a soft lookup, the query finds the matching key and you get its value back. in the example the outputs are approx the inputs, so yeah the network can copy values that way.",
            ],
        },
    ],
    "p3": [
        {
            # Fully correct: regroup numerator as q_i^T (K^T V) and denominator as q_i^T sum_j k_j, both precomputed once; O(T d^2) total; softmax blocks this since exp(q.k) doesn't factor.
            "label": "full_correct_associativity_with_normalizer",
            "paraphrases": [
                "Without the exponential, $y_i = \\frac{\\sum_j (q_i^\\top k_j) v_j}{\\sum_j q_i^\\top k_j} = \\frac{q_i^\\top (\\sum_j k_j v_j^\\top)}{q_i^\\top \\sum_j k_j}$. The $d\\times d$ matrix $K^\\top V$ and the vector $\\sum_j k_j$ don't depend on $i$, so we compute them once in $O(Td^2)$. Then every output costs $O(d^2)$, so the total is $O(Td^2)$, linear in $T$ for fixed $d$. With softmax this fails because $\\exp(q_i^\\top k_j)$ doesn't factor into a part for $q$ and a part for $k$.",
                "Drop exp => numerator is sum_j (q_i.k_j) v_j = q_i^T (K^T V) and denominator is q_i^T (sum_j k_j). Both K^T V (d x d) and the sum of keys are shared by all i: O(T d^2) once. Each y_i then O(d^2). Total O(T d^2) = O(T) for fixed d. exp(q.k) can't be split like this, which is why softmax stays quadratic.",
                "- by associativity, (QK^T)V = Q(K^T V)\n- K^T V is d×d and computing it costs O(T d²); same for the normalizer vector s = Σ_j k_j (O(T d))\n- output i: numerator q_iᵀ(KᵀV), denominator q_iᵀ s, each O(d²) or less\n- all T outputs: O(T d²), no T×T matrix ever formed → linear in T\n- this only works because the exp is gone; exp(q·k) is not a product of a q-term and a k-term",
                "Standard attention is quadratic because all T^2 scores q_i·k_j are needed before normalizing. Once the exponential is removed the score is bilinear and the sums can be regrouped: token i's numerator becomes q_i^T (sum_j k_j v_j^T), i.e. q_i^T times the d-by-d matrix K^T V, and its normalizer becomes q_i^T times the summed keys. Neither depends on i, so build them once in O(T d^2) and spend O(d^2) per token: O(T d^2) overall. Softmax blocks this because exp of a dot product can't be split into separate query and key factors.",
                "Write $S = \\sum_j k_j v_j^\\top = K^\\top V \\in \\mathbb{R}^{d\\times d}$ and $z = \\sum_j k_j$. Then linear attention gives $y_i = S^\\top q_i / (z^\\top q_i)$. Computing $S$ and $z$ takes $O(Td^2)$ once, and each $y_i$ takes $O(d^2)$, so the whole layer is $O(Td^2)$, i.e. $O(T)$ for constant $d$. Softmax attention can't be rearranged this way since $e^{q^\\top k}$ isn't separable in $q$ and $k$.",
                "the trick is to change the order of multiplication. without exp each output is q_i^T (K^T V) divided by q_i^T times the sum of all keys, and K^T V plus the key sum are the same for every token so you compute them only once (O(T d^2)). after that every token is O(d^2), so overall its O(T d^2), linear in T. with softmax you cant do this becuase exp(q.k) doesnt factor.",
            ],
        },
        {
            # Correct but omits the normalizer: regroups (QK^T)V as Q(K^T V), counts O(T d^2), contrasts with softmax, but never says how the denominator is handled in O(T).
            "label": "associativity_without_normalizer",
            "paraphrases": [
                "Dropping the exponential makes the scores plain dot products, so $(QK^\\top)V$ can be regrouped as $Q(K^\\top V)$. $K^\\top V$ is a $d\\times d$ matrix that costs $O(Td^2)$ to compute once, and multiplying each query by it costs $O(d^2)$, giving $O(Td^2)$ in total, linear in $T$. This regrouping isn't possible with softmax, because the exponential of $q_i^\\top k_j$ can't be separated into query and key parts.",
                "No exp -> use associativity: (Q K^T) V = Q (K^T V). K^T V is d x d and costs O(T d^2) to form. Then Q times it is another O(T d^2). So the whole thing is O(T d^2) = linear in T. You can't do this with softmax since exp(q.k) doesn't factorize into q and k pieces.",
                "- standard: form the T×T matrix QKᵀ first → O(T²d)\n- linear attention: no exp, so just multiply in the other order, Q(KᵀV)\n- KᵀV is only d×d; building it is O(Td²)\n- each row q_iᵀ(KᵀV) is O(d²), T rows → O(Td²)\n- linear in T; softmax prevents the reordering since exp(q·k) has no split into separate q and k parts",
                "The quadratic cost comes from materializing the T by T score matrix. With plain scores q_i·k_j, matrix multiplication is associative, so instead of (Q K^T) V we evaluate Q (K^T V). K^T V is only d by d and takes O(T d^2) to build; applying it to all T queries costs the same, so it's linear in T. Softmax breaks this because exp(q·k) does not decompose into a query factor times a key factor.",
                "Since $y_i \\propto \\sum_j (q_i^\\top k_j)\\, v_j = q_i^\\top \\big(\\sum_j k_j v_j^\\top\\big)$, we can precompute $M = K^\\top V$ ($d \\times d$) in $O(Td^2)$ and then get each output as $q_i^\\top M$ in $O(d^2)$. Total cost $O(Td^2)$, which scales linearly with $T$. The exponential of softmax ruins this, since $e^{q_i^\\top k_j}$ is not bilinear and cannot be pulled apart.",
                "basically just move the parentheses. without exp its Q K^T V and you can do K^T V first, which is a small d by d matrix (O(T d^2) to get). then each query times that is O(d^2), so everything is O(T d^2), linear in T. softmax kills this since the exp of q dot k cant be split up.",
            ],
        },
        {
            # Correct but omits the softmax contrast: full K^T V + key-sum regrouping and O(T d^2) count, but never says why the trick needs the exp to be gone.
            "label": "associativity_without_softmax_contrast",
            "paraphrases": [
                "Without the exponential, $y_i = \\dfrac{q_i^\\top \\sum_j k_j v_j^\\top}{q_i^\\top \\sum_j k_j}$. Both $\\sum_j k_j v_j^\\top = K^\\top V$ (a $d\\times d$ matrix) and $\\sum_j k_j$ are identical for all $i$, so they are computed once in $O(Td^2)$. Each $y_i$ then needs only $O(d^2)$ work for the numerator and $O(d)$ for the denominator, so all $T$ outputs cost $O(Td^2)$, which is $O(T)$ when $d$ is fixed.",
                "Rewrite y_i = q_i^T (K^T V) / q_i^T (sum_j k_j). Neither K^T V (d x d) nor the key sum depends on i, so precompute both once: O(T d^2). Then each y_i is a matrix-vector product plus a dot product, O(d^2). Total: O(T d^2), linear in T for constant d.",
                "- numerator: Σ_j (q_i·k_j) v_j = q_iᵀ Σ_j k_j v_jᵀ = q_iᵀ (KᵀV)\n- denominator: Σ_j q_i·k_j = q_iᵀ (Σ_j k_j)\n- KᵀV and Σ_j k_j are independent of i → compute once, O(Td²) and O(Td)\n- per token: O(d²) + O(d)\n- total O(Td²): linear in the number of tokens\n- no T×T score matrix is ever built",
                "Once the exponential is gone, each score depends linearly on the key, so the sums over j can be pulled inside. The numerator becomes q_i transposed times the matrix K^T V, and the normalization becomes q_i dotted with the sum of all keys. Both are shared across every query and are computed a single time, costing O(T d^2). Each of the T outputs then needs O(d^2) work, so the layer runs in O(T d^2) time, i.e. linearly in T.",
                "Define $A = \\sum_{j=1}^T k_j v_j^\\top$ and $s = \\sum_{j=1}^T k_j$. Then $y_i = A^\\top q_i / (s^\\top q_i)$ for every $i$. Building $A$ is $O(Td^2)$ and $s$ is $O(Td)$; after that each output costs $O(d^2)$. Summed over all tokens the cost is $O(Td^2)$, which grows linearly in $T$ (treating $d$ as a constant).",
                "key thing: K^T V and the sum of the keys are the same for all queries, so compute them one time up front (O(T d^2)). then for each token y_i = q_i^T(K^T V) / (q_i^T times the key sum), which is O(d^2) per token. so total O(T d^2), its linear in T as long as d is constant. no T x T matirx needed.",
            ],
        },
        {
            # Misconception: removing exp removes the only nonlinearity, so attention becomes a linear map, and linear maps run in linear time ("linear" = linear time).
            "label": "misc_linear_map_means_linear_time",
            "paraphrases": [
                "Removing the exponential removes the only nonlinearity, so the layer becomes a linear function of its inputs. A linear operation needs a fixed amount of work per token, just like a linear layer, so the cost grows proportionally to T, i.e. $O(T)$. The quadratic cost came from the softmax nonlinearity, hence the name linear attention.",
                "Without exp there is no nonlinearity left, the attention is just a linear map of the input. Linear maps cost time linear in the input size, like a dense layer per token, so O(T). The softmax is what made it quadratic.",
                "- softmax/exp is the nonlinear part of attention\n- take it out and everything left is a linear transformation of the tokens\n- a linear transformation scales linearly with input length (like a dense layer applied per token)\n- so runtime goes from O(T²) to O(T)\n- hence the name 'linear' self-attention",
                "In regular attention the expensive piece is the softmax, a nonlinear function evaluated over the scores. If we drop the exponentials, what remains is a purely linear operation on the input sequence. Linear operations scale linearly with the size of their input, like a fully connected layer applied to each token, so the output takes O(T) time instead of O(T^2). That's where the name comes from.",
                "With the $\\exp$ removed, the map $X \\mapsto \\mathrm{Attn}(X)$ contains no nonlinearity and is a linear operator. Evaluating a linear operator on $T$ tokens costs $O(T)$, the same as a per-token linear layer, so the runtime drops from $O(T^2)$ to $O(T)$. The quadratic term was caused by the softmax nonlinearity.",
                "once you drop the exp theres nothing nonlinear left, its all linear algebra, so the cost is linear in the sequence length just like an MLP on each token. the softmax was the thing making it T^2. thats literally why they call it linear attention lol.",
            ],
        },
        {
            # Misconception: the T x T matrix QK^T is computed once by one matmul and cached; without exp each row just needs a division, O(1) per token, so O(T) (ignores that QK^T itself has T^2 entries).
            "label": "misc_cache_QKT_constant_per_row",
            "paraphrases": [
                "Without the exponentials, we can compute the whole score matrix $QK^\\top$ once with a single matrix multiplication and reuse it for every output. Normalizing a row then only needs one division by its sum instead of exponentiating every entry, which is constant work per token. So the total cost is one matrix product plus $T$ constant-time normalizations, i.e. $O(T)$.",
                "Compute QK^T once, in one matmul, and then reuse it for all outputs. Without exp there's no per-entry exponentiation, normalizing a row is just dividing by a single number, O(1) per token. So we do T cheap normalizations after one multiplication -> O(T) overall.",
                "- the quadratic part of softmax attention is exponentiating all T² scores\n- in linear attention QKᵀ is computed a single time and cached\n- each row only has to be divided by its row sum, constant work per row\n- T rows × O(1) = O(T)\n- so reusing the score matrix instead of recomputing exp avoids T²",
                "The way I see it, the expensive part of normal attention is evaluating the exponential on every pair of tokens, which gives T^2. In linear attention QK^T is produced once by a single matrix multiplication and cached, so nothing is recomputed. For each token we just look up its row and divide by the row total, a constant amount of work. Doing that for T tokens gives O(T) time.",
                "Let $A = QK^\\top$, computed once as a single matrix multiply and stored. For linear attention the $i$-th row of weights is just $A_{i,:} / \\sum_j A_{ij}$, so no $\\exp$ has to be evaluated for each of the $T^2$ pairs; each token needs only $O(1)$ extra work. Over $T$ tokens this is $O(T)$ beyond the shared product.",
                "you just do the Q K^T multiply one time and keep it around, then each token only has to divide its row by the row sum, no exps. thats constant per token so T tokens = O(T). the quadratic part was all the exponentials.",
            ],
        },
        {
            # Misconception (wrong algebra): splits sum_j (q_i.k_j) v_j into (q_i . sum_j k_j)(sum_j v_j), precomputes key and value sums, claims O(T d).
            "label": "misc_split_into_key_sum_times_value_sum",
            "paraphrases": [
                "Without the exponential the weights are linear, so the sums can be split: $\\sum_j (q_i^\\top k_j) v_j = (q_i^\\top \\sum_j k_j)(\\sum_j v_j)$, while the normalizer is $q_i^\\top \\sum_j k_j$. We precompute $\\sum_j k_j$ and $\\sum_j v_j$ once in $O(Td)$, then each output needs only a dot product, $O(d)$, so overall $O(Td)$, which is linear in $T$.",
                "Split the sum: sum_j (q_i.k_j) v_j = (q_i . sum_j k_j) * (sum_j v_j). Precompute the key sum and the value sum in O(T d). Each y_i is then a single dot product and a scaling, O(d). Total O(T d), linear.",
                "- no exp ⇒ the score q_i·k_j is linear in k_j\n- numerator factorizes into (q_i · Σ_j k_j) times (Σ_j v_j)\n- denominator is q_i · Σ_j k_j\n- sum up the keys and the values once: O(Td)\n- each token: one dot product, O(d) ⇒ whole layer O(Td)",
                "Because there is no exponential, the dot product distributes over the sum over j. The numerator becomes the scalar q_i·(k_1 + ... + k_T) times the vector v_1 + ... + v_T, and the denominator is that same scalar. So we only need the total of all keys and of all values, each computed once in O(T d). Each output then costs O(d): O(T d) overall.",
                "Let $\\bar k = \\sum_j k_j$ and $\\bar v = \\sum_j v_j$. Dropping $\\exp$, linearity gives $\\sum_j (q_i^\\top k_j)\\, v_j = (q_i^\\top \\bar k)\\, \\bar v$ and the normalizer is $q_i^\\top \\bar k$. Both sums cost $O(Td)$ once, and each $y_i$ is then $O(d)$, so the full computation is $O(Td)$ instead of $O(T^2 d)$.",
                "since theres no exp you can seperate the sums: the numerator becomes (q_i dot sum of keys) times (sum of values). so just add up all keys and all values once, O(T d), and then each output is one dot product. thats O(d) per token so O(T d) in total.",
            ],
        },
        {
            # Mixed: correct K^T V + key-sum regrouping and O(T d^2), plus the wrong claim that softmax attention can be made linear the same way by exponentiating Q and K elementwise.
            "label": "mixed_correct_trick_claims_softmax_too",
            "paraphrases": [
                "Dropping exp, $y_i = q_i^\\top(K^\\top V) / q_i^\\top(\\sum_j k_j)$; $K^\\top V$ (size $d\\times d$) together with $\\sum_j k_j$ can be reused for every query, so everything costs $O(Td^2)$ overall. The same reordering also works for ordinary softmax attention: apply $\\exp$ elementwise to $Q$ and $K$ first and compute $\\exp(Q)(\\exp(K)^\\top V)$, so softmax attention could also be made linear.",
                "No exp: y_i = q_i^T (K^T V) / q_i^T sum_j k_j. Build K^T V and sum_j k_j a single time (O(T d^2)); every token afterwards costs O(d^2), so O(T d^2) altogether. Actually softmax can use the same trick too: exponentiate Q and K entrywise, then exp(Q) (exp(K)^T V) is also linear.",
                "- associativity: Q(KᵀV) instead of (QKᵀ)V; KᵀV is d×d\n- normalizer: q_iᵀ Σ_j k_j, the key sum is shared by all i\n- both precomputed in O(Td²) → each output O(d²) → O(Td²) overall, so linear in T\n- the exp is not really the issue: take exp of Q and K elementwise and the same regrouping gives an O(T) softmax attention too",
                "With no exponentials, y_i equals q_i^T K^T V over the dot product of q_i with the key total. Both pieces are query-independent, so they're computed once for O(T d^2), and each output is O(d^2) after that, hence linear time in T. Also, the softmax version can be sped up identically: exponentiate the entries of Q and K beforehand and exp(Q) exp(K)^T V regroups the same way, so regular attention doesn't have to be quadratic either.",
                "Cache $P = K^\\top V$ (a $d$-by-$d$ matrix) and $u = \\sum_j k_j$ in $O(Td^2)$; then $y_i = P^\\top q_i / (u^\\top q_i)$ costs $O(d^2)$, so linear attention is $O(Td^2)$. Note that softmax attention admits the same rewrite: replacing $Q, K$ by $e^{Q}, e^{K}$ (elementwise) gives $e^{Q}\\big((e^{K})^\\top V\\big)$, which is also linear in $T$, so the exponential is not the real obstacle.",
                "you regroup it as Q (K^T V) and normalize by q_i . k_sum; K^T V and the key sum get computed once so its O(T d^2) total, linear in T. tbh you can do the same with the normal softmax too, just exp Q and K elementwise first and regroup, so softmax attention could be linear as well.",
            ],
        },
        {
            # Vague / restating: removing the exponentials simplifies the computation so the quadratic cost goes away and it's O(T); no mechanism given.
            "label": "vague_restates_no_mechanism",
            "paraphrases": [
                "Linear self-attention gets rid of the exponentials in the softmax, which makes the computation much simpler. Because of this we no longer need to do the expensive quadratic computation, and the attention can be computed in linear time with respect to the number of tokens.",
                "Dropping the exp means we don't have the costly softmax anymore, so the T^2 dependence goes away. Every token can be handled efficiently and cheaply, and the total runtime becomes O(T) instead of quadratic.",
                "- regular attention: O(T^2), since every token attends to every token\n- linear attention removes the exponentials\n- without them the operation is cheaper and avoids the quadratic term\n- therefore runtime is O(T)\n- this makes it practical for long sequences",
                "The main idea is that the expensive part of self-attention is the softmax over all pairs of tokens. Linear attention skips the exponentials, which simplifies things a lot. As a result the quadratic dependence on T is avoided and the computation can be done in O(T) time.",
                "Standard attention costs $O(T^2)$. By removing the $\\exp$ in $\\mathrm{softmax}(QK^\\top)$, linear attention avoids this quadratic cost, so the computation scales as $O(T)$ in the sequence length, which is a big improvement for long inputs.",
                "no exponentials = no expensive softmax, so you dont get the T^2 blowup anymore. the cost just grows linearly as you add tokens, O(T). way faster for long sequences, thats the whole point.",
            ],
        },
    ],
}
