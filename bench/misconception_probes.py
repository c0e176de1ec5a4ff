"""Misconception probes: plausible-but-wrong student answers for four free-text parts.

Written blind: the author did not read the grader, its rubrics, its tests, or any
other bench file. Each probe contains at least one real error; ``max_fraction`` is
the highest fraction of the part's credit a strict TA would award (always < 1).
"""

PROBES: dict[str, list[dict]] = {
    "p2c": [
        {
            "label": "cosine_similarity_mechanism",
            "error": "Claims scores are cosine similarities so copying is independent of beta; raw dot products scale with beta^2 and saturation needs large beta.",
            "max_fraction": 0.3,
            "paraphrases": [
                "Self-attention compares each query to every key using the similarity $\\cos(x_i, x_j) = x_i^\\top x_j / (\\|x_i\\|\\|x_j\\|)$. A token always has similarity 1 with itself and less than 1 with the others (e.g. $\\cos(x_1,x_3)=1/2$). So the softmax puts most of its weight on the token itself and $y_i \\approx x_i$. Because the similarity is normalized, this copying happens for any $\\beta$; the scale of the tokens plays no role.",
                "The attention score between tokens is their normalized dot product, i.e. cosine similarity. x1 with itself gives 1, x1 with x3 gives 1/2, x1 with x2 gives 0. Since the self-score is always the maximum (exactly 1), the softmax weights peak on the diagonal and the output y_i is approximately x_i. Note beta cancels in the normalization, so the copy behaviour is the same for small and large beta.",
                "- scores = cosine similarities, so each token scores 1 with itself\n- every other token scores strictly less (x1·x3 gives 0.5, x1·x2 gives 0)\n- softmax therefore concentrates on the diagonal entry\n- output = weighted sum of values ≈ x_i\n- the norm β is divided out, so the copying does not get sharper or weaker as β changes; it is a property of the directions only",
            ],
        },
        {
            "label": "small_beta_saturates",
            "error": "Reverses the limit: claims softmax becomes one-hot as beta -> 0 and uniform for large beta; the opposite is true.",
            "max_fraction": 0.2,
            "paraphrases": [
                "The scores are $x_i^\\top x_j$, which scale like $\\beta^2$. When $\\beta \\to 0$ the scores shrink and the softmax becomes sharper, because small differences between scores get amplified by the exponential. In the limit the weight on the token itself goes to 1 and the others go to 0, so $y_i \\to x_i$. For large $\\beta$ the scores blow up and the attention spreads out over all tokens, giving an average instead of a copy.",
                "Dot products grow like beta^2. Copying happens when beta is small: the softmax then behaves like a hard argmax, and since each token's dot product with itself is the largest in its row (2beta^2 vs beta^2 vs 0 for x1), all weight goes to itself and y_i ≈ x_i. Large beta makes the exponentials overflow and flatten the distribution, so copying is lost.",
                "Basically the self-score is biggest in each row (x1·x1 = 2β², x1·x3 = β², x1·x2 = 0). Shrinking β toward zero makes softmax pick the max more and more decisively, so each output just becomes its own input, y_i ≈ x_i. If you crank β up, everything saturates and the weights become roughly equal, so you get a blurry average.",
            ],
        },
        {
            "label": "averaging_not_copying",
            "error": "Claims large beta makes softmax uniform so every y_i tends to the mean of the tokens (copying the shared b); it actually becomes one-hot on x_i.",
            "max_fraction": 0.15,
            "paraphrases": [
                "As $\\beta$ grows, all the scores $x_i^\\top x_j$ become huge, so the softmax saturates: every $e^{s_{ij}}$ is enormous and the normalized weights approach $1/3$ each. The output is then $y_i \\approx \\tfrac13(x_1+x_2+x_3)$, which contains the shared component $b$. In this sense attention 'copies' the common information $b$ from the inputs to every output.",
                "Large beta means large dot products, and a saturated softmax gives nearly equal weights to all keys. So every y_i converges to the same vector, the mean of the values, (x1 + x2 + x3)/3 = (a + 2b + c + d)/3. That is how self-attention copies: the common part b of x1 and x3 is copied into all outputs.",
                "• scores ∝ β², so they all become very large\n• softmax of very large numbers saturates → weights ≈ uniform\n• y_i ≈ average of x1, x2, x3 for every i\n• the value that is 'copied' is the component shared by the tokens (b), which dominates the average\n• hence attention copies shared content to the outputs",
            ],
        },
        {
            "label": "orthogonal_tokens_zero_scores",
            "error": "Claims all off-diagonal scores are zero because the tokens are orthogonal; x1·x3 = beta^2 since they share b.",
            "max_fraction": 0.5,
            "paraphrases": [
                "The tokens are orthogonal to each other, so $x_i^\\top x_j = 0$ for $i \\neq j$, while $x_i^\\top x_i = \\|x_i\\|^2 \\propto \\beta^2$. Each row of the score matrix therefore has one large diagonal entry and zeros elsewhere. As $\\beta$ grows the softmax becomes one-hot on the diagonal, so $y_i = \\sum_j \\alpha_{ij} x_j \\to x_i$.",
                "Since a, b, c, d are orthogonal, the tokens x1, x2, x3 are also mutually orthogonal, so every cross dot product is 0 and only the self dot products (2beta^2, beta^2, 2beta^2) are nonzero. With large beta, softmax puts all weight on the self term and the output equals the input: y_i ≈ x_i.",
                "Key point: the tokens don't overlap at all (orthogonal), so a query only 'matches' itself and all other scores are exactly zero. The self score grows like β², so softmax(β²·something, 0, 0) → one-hot. Output is a weighted sum of values, which collapses to the token's own value. So y_i ≈ x_i.",
            ],
        },
        {
            "label": "x1_x3_blend",
            "error": "Claims y1 and y3 converge to (x1+x3)/2 because they share b; the 2beta^2 vs beta^2 gap grows, so y1 -> x1 and y3 -> x3.",
            "max_fraction": 0.3,
            "paraphrases": [
                "Scores scale as $\\beta^2$ and softmax saturates for large $\\beta$. For $x_2=a$, the only nonzero score is with itself, so $y_2 \\to x_2$: a perfect copy. But $x_1$ and $x_3$ share $b$, so $x_1^\\top x_3 = \\beta^2$ is comparable to the self-score, and their attention splits between them: $y_1, y_3 \\to \\tfrac12(x_1+x_3)$. Copying therefore works only for tokens orthogonal to all others.",
                "x2 is orthogonal to everything, so its softmax becomes one-hot and y2 ≈ x2. x1 and x3 overlap through b (dot product beta^2), so even for huge beta they keep attending to each other; the limit is y1 = y3 = (x1 + x3)/2 = (d + 2b + c)/2. So self-attention copies only the token that has no overlap with the others.",
                "- x2·x1 = x2·x3 = 0 → y2 copies x2 exactly as β→∞\n- x1·x1 = 2β² but x1·x3 = β², both grow without bound\n- both exponentials blow up, so softmax cannot separate them\n- y1 and y3 both end up at the midpoint of x1 and x3\n- conclusion: copying fails for tokens that share components",
            ],
        },
        {
            "label": "learned_projection_identity",
            "error": "Attributes copying to trained W_Q/W_K/W_V becoming identity; here there are no weight matrices and copying follows from the geometry and large beta.",
            "max_fraction": 0.35,
            "paraphrases": [
                "Copying happens because training drives the projections $W_Q, W_K, W_V$ toward the identity. Once $W_V = I$, the value of each token equals the token, and once $W_Q^\\top W_K$ is a large multiple of $I$ the attention logits are large and the softmax picks out the token itself. In this example the tokens are given directly, so the network has effectively learned $W = I$ and $y_i \\approx x_i$.",
                "The model learns to copy: gradient descent sets the value projection to the identity and scales the query/key projections up so that the attention becomes one-hot. With q = k = v = x, that is what we have here, and beta plays the role of the learned scale. The output is then a weighted sum concentrated on the token, giving y_i ≈ x_i.",
                "Self-attention copies when its weight matrices learn to be identity-like: W_V = I so values are the raw inputs, and big Q/K weights so softmax is peaky. Here that's already 'learned' (no projections), so each token's highest score is with itself and y_i ≈ x_i. Without that training step the copy would not happen.",
            ],
        },
        {
            "label": "residual_connection_copy",
            "error": "Attributes the copy to a residual/skip connection dominating the attention term, rather than the softmax saturating to one-hot weights.",
            "max_fraction": 0.15,
            "paraphrases": [
                "The copy comes from the residual connection around the attention block: the output is $y_i = x_i + \\text{Attn}(x)_i$. As $\\beta$ grows, the attention term is a softmax-weighted average whose weights are bounded, while $x_i$ itself grows with $\\beta$, so the skip path dominates and $y_i \\approx x_i$. The dot products only decide how the small attention correction is mixed.",
                "In a transformer layer y_i = x_i + attention output. The attention part averages the values with weights that sum to one, so for large beta the x_i term from the skip connection dominates the result and y_i ≈ x_i. That is how an input value gets copied to the output.",
                "• self-attention sits inside a residual block: y = x + softmax(XXᵀ)X\n• the residual term passes x_i straight through\n• as β increases, the identity path dominates the averaged attention term\n• so y_i → x_i: the value is copied by the skip connection, with attention only adding a mixing correction",
            ],
        },
        {
            "label": "scores_linear_in_beta",
            "error": "Says dot-product scores scale linearly with beta (e.g. x1·x1 = 2beta); they scale with beta^2. Rest of the reasoning is right.",
            "max_fraction": 0.65,
            "paraphrases": [
                "The attention scores are dot products of the tokens, and since each token has norm proportional to $\\beta$, the scores grow linearly in $\\beta$: $x_1^\\top x_1 = 2\\beta$, $x_1^\\top x_3 = \\beta$, $x_1^\\top x_2 = 0$. The self-score is the largest in every row, and as $\\beta \\to \\infty$ the gap grows, so softmax becomes one-hot on the diagonal and $y_i = \\sum_j \\alpha_{ij} x_j \\to x_i$.",
                "Each score is x_i · x_j, which is proportional to beta (e.g., 2 beta for x1 with itself, beta with x3, 0 with x2). The biggest score in each row is always the token with itself. Increasing beta widens these gaps linearly, softmax saturates to a one-hot vector, and the output, a weighted sum of values, becomes approximately the token itself.",
                "Dot products here scale like β (self: 2β for x1, cross with x3: β, with x2: 0). The diagonal wins in each row. Big β → softmax turns into argmax → the weighted sum of values just picks x_i. So y_i ≈ x_i, i.e. the input is copied to the output.",
            ],
        },
        {
            "label": "exact_copy_finite_beta",
            "error": "Claims the copy becomes exact (weights exactly 0/1) once beta passes a finite threshold; softmax is never exactly one-hot, the copy is only approximate.",
            "max_fraction": 0.5,
            "paraphrases": [
                "Scores are $x_i^\\top x_j \\propto \\beta^2$ and the self-score is the row maximum. Once $\\beta > 1$, the gap between the self-score and the rest exceeds 1, and the softmax puts weight exactly 1 on the diagonal and exactly 0 elsewhere. From that point on the output is exactly $y_i = x_i$, so self-attention copies the input perfectly for every $\\beta > 1$.",
                "Because each token's dot product with itself is the largest in its row and the gaps scale with beta^2, the softmax becomes a hard one-hot as soon as beta is large enough (around beta > 1). Then the other weights are exactly zero and y_i = x_i exactly, not just approximately.",
                "- self-score largest in each row (2β² vs β² vs 0 for x1)\n- gap ∝ β²\n- for β beyond a modest threshold the softmax returns an exact one-hot vector (the non-max entries are exactly 0)\n- y_i = x_i exactly for all β above that threshold\n- 'approximately' only applies to small β",
            ],
        },
        {
            "label": "largest_norm_key",
            "error": "Claims each query attends to the largest-norm keys (x1, x3); that would pull y2 away from x2. The relevant fact is that the self-score is the row maximum.",
            "max_fraction": 0.25,
            "paraphrases": [
                "Softmax attention favours keys with a large norm, since $q^\\top k \\le \\|q\\|\\|k\\|$ is maximized by large $\\|k\\|$. Here $x_1$ and $x_3$ have norm $\\sqrt2\\beta$ versus $\\beta$ for $x_2$, so as $\\beta$ grows they dominate the softmax. Each output is then pulled toward the high-norm tokens, and since the tokens themselves are among these, $y_i \\approx x_i$.",
                "The dot product grows with the key's norm, so the largest-norm keys (x1 and x3, norm sqrt(2) beta) win the softmax once beta is large. Every query attends mainly to those keys, and because the output is a weighted sum of values, it approximately reproduces the input token.",
                "Big-norm keys soak up the attention. x1 and x3 are longer than x2 (√2β vs β), so with large β the softmax concentrates on them for every query. That's what copies the inputs through: the dominant tokens get passed to the outputs, so y_i ≈ x_i.",
            ],
        },
        {
            "label": "weights_are_output",
            "error": "Confuses attention weights with the output: says y_i is the softmax vector (one-hot e_i), not the weighted sum of values.",
            "max_fraction": 0.3,
            "paraphrases": [
                "The self-attention output for token $i$ is $y_i = \\mathrm{softmax}(x_i^\\top x_1, x_i^\\top x_2, x_i^\\top x_3)$. Since the self-score is the largest in row $i$ and scales as $\\beta^2$, for large $\\beta$ this becomes the one-hot vector $e_i$. So the output 'copies' the input in the sense that it identifies exactly which position the token came from.",
                "y_i is the softmax of the dot products of x_i with all tokens. The biggest dot product is with itself (2beta^2 for x1), and with growing beta the softmax tends to the indicator of position i. The output therefore encodes the token itself, which is the copy.",
                "• compute scores s_ij = x_i·x_j (∝ β²)\n• the diagonal is the row max\n• output y_i = softmax(s_i) → one-hot e_i as β → ∞\n• the output points to the token's own position, i.e. it copies x_i by identifying it",
            ],
        },
        {
            "label": "overgeneralized_any_inputs",
            "error": "Correct mechanism plus false claim (misused Cauchy-Schwarz) that a token's self-score is always its row max, so copying works for any inputs.",
            "max_fraction": 0.6,
            "paraphrases": [
                "Scores $x_i^\\top x_j$ scale with $\\beta^2$; in each row the self-score is largest ($2\\beta^2$ vs $\\beta^2$ vs $0$ for $x_1$). As $\\beta\\to\\infty$ the softmax becomes one-hot on $i$, so $y_i = \\sum_j\\alpha_{ij}x_j \\to x_i$. This is general: for any tokens at all, a token's dot product with itself is always its largest score, so scaling the inputs up always makes self-attention copy its inputs.",
                "Dot products grow like beta^2 and the diagonal dominates each row, so a large beta makes softmax one-hot and y_i ≈ x_i. This works regardless of the particular vectors: by Cauchy-Schwarz x_i·x_i ≥ x_i·x_j for every j, so any sufficiently scaled input is copied.",
                "Self-score wins every row (it always does, by Cauchy–Schwarz), and the gaps scale with β², so big β → softmax ≈ one-hot → output ≈ the token's own value. So y_i ≈ x_i, and this copy trick works for any token set, not just this orthogonal example.",
            ],
        },
    ],
    "p3": [
        {
            "label": "softmax_also_factorizes",
            "error": "Correct associativity argument plus false claim that softmax attention factors the same way because exp(q.k) = exp(q)*exp(k).",
            "max_fraction": 0.55,
            "paraphrases": [
                "By associativity, $\\sum_j (q_i^\\top k_j) v_j = q_i^\\top \\sum_j k_j v_j^\\top = q_i^\\top (K^\\top V)$, and the denominator is $q_i^\\top \\sum_j k_j$. Both $K^\\top V$ ($d\\times d$) and $\\sum_j k_j$ are computed once in $O(Td^2)$, and each output then costs $O(d^2)$, so the total is linear in $T$. The same trick also works for softmax attention, since $e^{q^\\top k} = e^{q}\\cdot e^{k}$ elementwise, so we can precompute $\\sum_j e^{k_j} v_j^\\top$.",
                "Reorder the product: numerator = q_i^T (sum_j k_j v_j^T), denominator = q_i^T (sum_j k_j). The d x d matrix and the key sum don't depend on i, so we compute them once (O(T d^2)) and reuse them for every query, O(d^2) each: linear in T overall. Standard softmax attention can be linearized the same way, because the exponential of a dot product splits into a product of exponentials of q and k.",
                "- numerator: Σ_j (q_iᵀk_j) v_j = q_iᵀ (Σ_j k_j v_jᵀ)\n- denominator: q_iᵀ Σ_j k_j\n- both sums are independent of i → compute once, O(T d²)\n- each y_i then O(d²) → total O(T d²), linear in T\n- note softmax attention gets the same speedup since exp(qᵀk) factors into exp(q)·exp(k)",
            ],
        },
        {
            "label": "ignore_denominator",
            "error": "Handles the numerator via K^T V but claims the denominator is a global constant that can be ignored; it depends on i and needs q_i^T sum_j k_j.",
            "max_fraction": 0.45,
            "paraphrases": [
                "The key is associativity in the numerator: $\\sum_j (q_i^\\top k_j) v_j = q_i^\\top (K^\\top V)$, where $K^\\top V$ is a $d\\times d$ matrix computed once in $O(Td^2)$. Each output is then a vector-matrix product, $O(d^2)$. The denominator $\\sum_j q_i^\\top k_j$ is just a normalizing constant that is the same for every output, so it can be ignored or absorbed into a final rescaling. Total cost: $O(Td^2)$, linear in $T$.",
                "Write the numerator as q_i^T (K^T V). K^T V is d x d and does not depend on i, so it's computed once in O(T d^2), and each of the T outputs costs O(d^2). The denominator is only a scalar normalization shared by all positions, so we can skip it when analysing complexity, or divide once at the end. Hence linear time.",
                "Group it as q_iᵀ(KᵀV) instead of computing (q_iᵀk_j) for every j. KᵀV is computed once, O(Td²), then each query is O(d²). The bottom sum is just a global normalizer (same number for all i), so it doesn't change anything: divide once at the end. Overall linear in T.",
            ],
        },
        {
            "label": "recompute_sum_per_query",
            "error": "Builds sum_j k_j v_j^T separately for each query (O(T) each, O(T^2) total) yet claims O(T); misses that the sum is computed once and shared.",
            "max_fraction": 0.35,
            "paraphrases": [
                "For each query $i$ we rewrite the numerator as $q_i^\\top S$ with $S = \\sum_{j} k_j v_j^\\top$ and the denominator as $q_i^\\top z$ with $z = \\sum_j k_j$. Computing $S$ and $z$ for query $i$ takes $O(T)$ operations, since it is one pass over the keys and values. So each output is produced in $O(T)$ time, which is why linear attention is $O(T)$.",
                "Associativity lets us write y_i = q_i^T (sum_j k_j v_j^T) / q_i^T (sum_j k_j). For a given i, forming these sums needs one loop over j = 1..T, so computing y_i is O(T). That makes linear self-attention an O(T) algorithm, compared with softmax attention where each output needs all the pairwise exponentials.",
                "• regroup: (q_iᵀ k_j) v_j summed over j = q_iᵀ (Σ_j k_j v_jᵀ)\n• for each output i, build Σ_j k_j v_jᵀ and Σ_j k_j with a single pass over j\n• one pass = O(T)\n• therefore each y_i costs O(T) → linear attention is O(T)",
            ],
        },
        {
            "label": "qk_first_order",
            "error": "Computes QK^T (T x T) first and calls it linear because it is 'just matmuls'; that order is quadratic, linear time needs K^T V first.",
            "max_fraction": 0.15,
            "paraphrases": [
                "Without the exponentials, attention is purely matrix multiplication: $Y = D^{-1}(QK^\\top)V$. We first form $A = QK^\\top$, then multiply by $V$. Since there is no elementwise nonlinearity between them, these are just two matrix products, and matrix products are linear operations, so the cost is $O(T)$. With softmax we would need to exponentiate every entry, which is what makes it quadratic.",
                "Dropping exp means Y = (Q K^T) V normalized by the row sums of Q K^T. Computing Q K^T and then multiplying by V is a sequence of linear maps; the row sums come for free from the same matrix. Because there's no nonlinearity, the whole computation is linear in the sequence length T.",
                "No exp → it's just matmuls. Compute the attention matrix QKᵀ, normalize rows by their sums, multiply by V. All linear ops, nothing elementwise-nonlinear, so it scales linearly with T. The exp is what made the original attention O(T²).",
            ],
        },
        {
            "label": "sparsity_drop_negative",
            "error": "Claims linear time comes from sparsity (most raw q.k near zero and dropped); there is no such sparsity, linearity comes from associativity.",
            "max_fraction": 0.1,
            "paraphrases": [
                "Softmax makes every weight strictly positive, so every pair $(i,j)$ contributes and we get $O(T^2)$. Without the exponential, $q_i^\\top k_j$ is zero or negative for most pairs in high dimension (random vectors are nearly orthogonal), so those terms can be dropped. Each query then only interacts with a constant number of keys, giving $O(T)$ total cost.",
                "Removing exp makes the attention matrix sparse: the raw dot products are mostly near zero, so for each i only a few j contribute to the sum. Keeping just those, each output costs O(1) key lookups and the whole layer is O(T), instead of the O(T^2) dense softmax computation.",
                "- softmax → dense weights, all T² pairs matter\n- raw dot products q·k are ~0 for most pairs (high-dim near-orthogonality)\n- drop them: each query keeps O(1) keys\n- total work O(T) instead of O(T²)\n- associativity isn't even needed; it's the sparsity",
            ],
        },
        {
            "label": "outer_product_cost",
            "error": "Right structure but wrong cost accounting: says each outer product / matrix-vector product is O(d), total O(Td); it is O(d^2) each, O(Td^2) total.",
            "max_fraction": 0.65,
            "paraphrases": [
                "Using associativity, the numerator is $q_i^\\top\\big(\\sum_j k_j v_j^\\top\\big)$ and the denominator is $q_i^\\top \\sum_j k_j$. The matrix $S=\\sum_j k_j v_j^\\top$ and vector $z=\\sum_j k_j$ do not depend on $i$, so they are computed once. Each outer product $k_j v_j^\\top$ costs $O(d)$, so $S$ costs $O(Td)$, and each $q_i^\\top S$ costs $O(d)$. Total $O(Td)$, linear in $T$.",
                "Rewrite as y_i = q_i^T S / q_i^T z with S = sum_j k_j v_j^T and z = sum_j k_j. S and z are shared by all queries, so build them once. An outer product of two d-vectors is O(d) work and a vector-matrix product with S is also O(d), so the whole thing is O(T d), linear in T.",
                "Trick is to sum kvᵀ over j first (doesn't depend on i), plus the key sum for the denominator. Each kvᵀ is O(d), so the sum is O(Td); then each query hits S in O(d). Total O(Td) vs O(T²d) before, so linear in T.",
            ],
        },
        {
            "label": "commutativity_reason",
            "error": "Attributes the reordering to commutativity of matrix multiplication; it relies on associativity, and matrix products do not commute.",
            "max_fraction": 0.35,
            "paraphrases": [
                "Matrix multiplication is commutative for these products, so we can swap the order: $q_i^\\top k_j\\, v_j = v_j k_j^\\top q_i$, and swapping the factors of $(QK^\\top)V$ gives $Q(K^\\top V)$. The sum $\\sum_j k_j v_j^\\top$ is a $d\\times d$ matrix independent of $i$. Computing it once and applying it to each $q_i$ gives linear cost in $T$. The denominator works the same way with $\\sum_j k_j$.",
                "Since the dot product is a scalar, we can commute the factors: (q_i·k_j) v_j = v_j (k_j^T q_i). Commuting the matrices in the same way turns (Q K^T) V into Q (K^T V), whose inner matrix is d x d. It is computed once, so each output costs O(d^2) and the total is O(T).",
                "• key property: commutativity of the matrix products\n• swap order: (QKᵀ)V → Q(KᵀV)\n• KᵀV is d×d, computed once\n• denominator: q_iᵀ Σ_j k_j, also shared\n• total linear in T; softmax blocks the swap because exp isn't commutative",
            ],
        },
        {
            "label": "gpu_parallelism_reason",
            "error": "Claims O(T) because queries are processed in parallel on a GPU; parallelism doesn't change total work, and softmax attention parallelizes too.",
            "max_fraction": 0.1,
            "paraphrases": [
                "Without the exponential, every output $y_i$ is independent of the others, so all $T$ queries can be processed simultaneously on parallel hardware. Each query still does a sum over keys, but since the queries run in parallel, the total time grows only linearly with $T$. The exponentials in softmax need a global normalization across the row, which breaks this parallelism.",
                "Linear attention has no softmax normalization coupling the terms, so each y_i can be computed on its own GPU thread. Running the T outputs in parallel, the wall-clock time scales like O(T) instead of O(T^2), which is why it is called linear-time attention.",
                "Main thing: with no exp, nothing ties the outputs together, so you can compute all the y_i at once in parallel (that's what GPUs are for). T queries in parallel, each summing over T keys → linear time overall. Softmax needs that row-wise normalization, which forces sequential work.",
            ],
        },
        {
            "label": "causal_breaks_linearity",
            "error": "Correct non-causal argument plus false claim that causal masking makes it O(T^2); running prefix sums of k_j v_j^T keep it linear.",
            "max_fraction": 0.6,
            "paraphrases": [
                "By associativity, $\\sum_j (q_i^\\top k_j)v_j = q_i^\\top\\sum_j k_j v_j^\\top$ and the denominator is $q_i^\\top\\sum_j k_j$. The $d\\times d$ matrix and the key sum are independent of $i$, computed once in $O(Td^2)$; each output then costs $O(d^2)$, so the total is linear in $T$. This only works without a causal mask, though: with masking each $i$ needs its own sum over $j\\le i$, so autoregressive linear attention is back to $O(T^2)$.",
                "Numerator = q_i^T (K^T V), denominator = q_i^T (sum_j k_j); both are shared across i, so one O(T d^2) pass plus O(d^2) per output gives O(T) overall. Softmax can't do this because exp(q·k) doesn't factor. Caveat: in a decoder with causal masking, the sums differ for each position, so you have to recompute them and the cost becomes quadratic again.",
                "- regroup with associativity: q_iᵀ(Σ_j k_j v_jᵀ) / q_iᵀ(Σ_j k_j)\n- sums don't depend on i → compute once, O(Td²)\n- each y_i is O(d²) → linear in T\n- impossible with softmax (exp doesn't factor)\n- BUT causal masking makes each prefix sum different → must recompute per i → O(T²) for autoregressive models",
            ],
        },
        {
            "label": "low_rank_approximation",
            "error": "Presents linear attention as a low-rank (SVD) approximation of the attention matrix; the associativity reordering is exact.",
            "max_fraction": 0.3,
            "paraphrases": [
                "Without exponentials the attention matrix $QK^\\top$ has rank at most $d \\ll T$. We can therefore approximate it by a truncated SVD $U\\Sigma W^\\top$ with $d$ components, and multiply $V$ by the factors one at a time, which costs $O(Td^2)$. This is an approximation to full attention, but the error is small because the matrix is low rank, and it makes the computation linear in $T$.",
                "QK^T is a T x T matrix of rank at most d. Linear attention exploits this by replacing it with a low-rank approximation (e.g. a rank-d factorization), so the product with V is done through thin d-dimensional factors. That trades a bit of accuracy for O(T) instead of O(T^2) cost.",
                "Attention matrix is low rank (rank ≤ d) once exp is gone, so approximate it with a rank-d decomposition and multiply through the small factors. Cheaper: O(T d²) rather than O(T² d). You lose a little exactness, but it's linear in T.",
            ],
        },
        {
            "label": "factor_query_sum",
            "error": "Factors out the sum over queries (precomputes sum_i q_i) instead of the key-value sum; that doesn't produce y_i for each i.",
            "max_fraction": 0.2,
            "paraphrases": [
                "The trick is to pull the queries out of the sum over positions: define $\\bar q = \\sum_i q_i$, computed once in $O(Td)$. Then every output can be written as $y_i = \\frac{\\sum_j (\\bar q^\\top k_j) v_j}{\\sum_j \\bar q^\\top k_j}$ up to normalization, so each $y_i$ only needs one pass over the keys shared by all queries. Precomputing the query sum makes the layer linear in $T$.",
                "Because there is no exp, the dot products are linear in q, so we can sum the queries first: Q_sum = sum_i q_i. Then the weights Q_sum^T k_j are computed once for all j (O(T)), and the outputs are weighted sums of v_j with those shared weights. This removes the T x T interaction and gives O(T).",
                "• linearity in q: Σ_i (q_iᵀk_j) = (Σ_i q_i)ᵀ k_j\n• precompute q̄ = Σ_i q_i once\n• shared weights w_j = q̄ᵀk_j, O(T)\n• y_i = Σ_j w_j v_j / Σ_j w_j\n• no pairwise T×T computation → O(T)",
            ],
        },
        {
            "label": "linear_function_linear_time",
            "error": "Conflates the similarity being a linear function with linear running time; gives no associativity or precomputation argument.",
            "max_fraction": 0.1,
            "paraphrases": [
                "Linear attention replaces $\\exp(q_i^\\top k_j)$ by the linear similarity $q_i^\\top k_j$. Since the whole map from the inputs to the outputs is now linear, its cost grows linearly with the number of inputs: doubling $T$ doubles the work. Softmax is a nonlinear function, and nonlinear maps over $T$ tokens require considering all $T^2$ interactions, which is why standard attention is quadratic.",
                "With the exponentials removed, each output is a linear function of the keys and values (the weights are linear in q·k). A linear function of T inputs can be evaluated in O(T) time, so linear self-attention is O(T). The name 'linear attention' refers to exactly this property.",
                "It's called linear attention because q·k is linear, with no exp. Linear operations scale linearly, so the cost is O(T). The exponential is a nonlinearity that couples every pair of tokens, which forces O(T²) work in standard softmax attention.",
            ],
        },
    ],
    "cnn": [
        {
            "label": "rotation_scale_invariance",
            "error": "Correct weight-sharing benefit plus false claim that convolutions are inherently rotation- and scale-invariant.",
            "max_fraction": 0.5,
            "paraphrases": [
                "1) Weight sharing: the same small kernel is applied at every position, so a CNN has far fewer parameters than a model with separate weights per pixel, which reduces overfitting. 2) Invariance: convolution filters respond to a pattern regardless of where it is, how it is rotated, or its size, so a CNN recognizes an object even if it is rotated or scaled, without any data augmentation. RNNs reading pixels in a fixed order have neither property.",
                "Benefit one: parameter sharing. One filter slides over the whole image, so the number of weights does not depend on image size and the model generalizes better. Benefit two: geometric invariance. Because each filter is applied everywhere, CNN features are invariant to translations, rotations and changes in scale, so an object is recognized in any orientation or size.",
                "- Weight sharing → the same kernel at all locations → few parameters, less overfitting\n- Built-in invariance → convolution is equivariant to shifts, rotations and rescaling, and pooling turns that into invariance, so a rotated or zoomed cat still produces the same features\n- an RNN scanning pixels has to learn each of these from data",
            ],
        },
        {
            "label": "more_parameters_capacity",
            "error": "Claims CNNs have MORE parameters than RNNs and that this is a benefit; reverses the weight-sharing / parameter-efficiency point.",
            "max_fraction": 0.45,
            "paraphrases": [
                "First, CNNs use local receptive fields: each neuron looks at a small patch, exploiting the fact that nearby pixels are correlated. Second, CNNs have many more parameters than RNNs, since every layer has its own set of filters while an RNN reuses a single weight matrix at all time steps. This larger capacity lets CNNs fit complex image distributions that an RNN, with its small shared weights, cannot represent.",
                "(1) Locality: convolution kernels cover small neighbourhoods, matching the local structure of images (edges, textures). (2) Capacity: an RNN shares one set of weights across all steps, which limits it, while a CNN has separate filters in every layer and many channels, so it has more parameters and can learn richer image features.",
                "Two wins for CNNs: they look at local patches, which is exactly where image structure lives (edges, corners), and they've got way more parameters than an RNN. An RNN is stuck reusing the same weight matrix every step, so it's underpowered. More parameters = more capacity = better accuracy on images.",
            ],
        },
        {
            "label": "global_receptive_field_first_layer",
            "error": "Claims every first-layer conv neuron sees the whole image (global receptive field); receptive fields are local and grow with depth.",
            "max_fraction": 0.45,
            "paraphrases": [
                "1) Parallelism: convolutions at all positions are computed simultaneously, unlike an RNN that must process pixels one after another, so training and inference are much faster on GPUs. 2) Global context: since the kernel is slid across the entire image, each neuron in the first convolutional layer already integrates information from the whole image, whereas an RNN's state at a pixel only knows the pixels read so far.",
                "CNNs are parallel: no sequential dependency, so every output location can be computed at once. Also, CNNs see the whole image in every layer: sliding the filter over all positions means each feature map unit has a global receptive field, giving full context from the start, which RNNs only approximate through a lossy hidden state.",
                "• Parallel computation: all positions convolved simultaneously, no step-by-step recurrence → fast on GPUs\n• Global view from layer 1: because the filter covers the entire image as it slides, every first-layer neuron depends on all pixels, so the CNN captures long-range relationships immediately, unlike an RNN's left-to-right state",
            ],
        },
        {
            "label": "invariance_equivariance_swapped",
            "error": "Swaps the concepts: says convolution is translation-invariant and pooling makes it equivariant (it is the reverse).",
            "max_fraction": 0.5,
            "paraphrases": [
                "First, weight sharing: a single filter is reused at every location, so the number of parameters is small and independent of image size. Second, translation symmetry: a convolution layer is translation invariant, meaning shifting the input leaves its feature map unchanged, and pooling then makes the network translation equivariant, so the output shifts along with the object. This means the classifier responds correctly wherever the object appears.",
                "Weight sharing reduces parameters, since the same kernel is applied across the image. And CNNs handle translations well: the convolution itself is invariant to shifts (the output doesn't change), while pooling layers add equivariance, so the representation moves with the object. An RNN reading pixels sequentially has no such symmetry.",
                "1. Shared weights → few params, same detector everywhere. 2. Conv layers are shift-invariant (move the cat, the feature map stays the same) and pooling makes things shift-equivariant on top of that. So the net handles objects anywhere in the frame, which an RNN over pixel sequences doesn't get for free.",
            ],
        },
        {
            "label": "no_vanishing_gradients",
            "error": "Correct parallelism benefit plus false claim that CNNs never suffer vanishing gradients at any depth (deep CNNs do, hence ResNets/BatchNorm).",
            "max_fraction": 0.5,
            "paraphrases": [
                "1) Parallelism: all positions of a convolution are independent, so a CNN processes the whole image at once instead of pixel by pixel like an RNN. 2) No vanishing gradients: gradients in an RNN must pass through many time steps and shrink, but a CNN has no recurrence, so gradients do not vanish no matter how deep the network is. This is why CNNs can be made arbitrarily deep without special tricks.",
                "CNNs can compute every output location in parallel since there's no sequential dependency, which makes them fast. They also avoid vanishing gradients entirely: there is no backpropagation through time, so the gradient signal reaches all layers intact regardless of network depth, unlike an RNN unrolled over hundreds of pixels.",
                "- parallel: no hidden state chain, so all pixels/patches are processed simultaneously\n- stable training: vanishing gradients are an RNN-only problem caused by BPTT; feedforward CNNs don't have it, so you can stack as many conv layers as you like and gradients still flow fine",
            ],
        },
        {
            "label": "sequential_scan_explanation",
            "error": "Explains CNN speed as a sequential sweep that carries results forward (like a recurrence); the real reason is position-wise independence / parallelism.",
            "max_fraction": 0.4,
            "paraphrases": [
                "1) Speed: a CNN slides its filter across the image one position at a time, carrying the result of the previous position forward, so it only needs one pass over the pixels; this is faster than an RNN, which needs several passes. 2) Fewer parameters: the filter is small and shared, so the model is compact and less prone to overfitting.",
                "CNNs are efficient because the kernel scans the image row by row, reusing the previous window's computation as it moves, similar to a recurrent update but cheaper. They also have fewer parameters thanks to weight sharing, since one kernel serves all locations and the count does not grow with image size.",
                "(a) Faster: the filter sweeps across the image step by step and each step builds on the last window, so it's a single efficient sweep instead of an RNN's slow recurrence. (b) Weight sharing: one small kernel everywhere, so way fewer weights and better generalization.",
            ],
        },
        {
            "label": "cnn_hidden_memory",
            "error": "Attributes a recurrent-style memory to CNN feature maps and claims better long-range memory than RNNs; CNNs have no state carried across positions.",
            "max_fraction": 0.3,
            "paraphrases": [
                "First, CNNs keep a memory of what they have seen across the image: each feature map acts as a hidden state that is updated as the filter moves, so information from the top-left corner is remembered when processing the bottom-right. This gives better long-range memory than an RNN, whose state decays. Second, weight sharing keeps the number of parameters small.",
                "Benefit 1: the feature maps work like a persistent memory over the whole image, updated at each location, so a CNN retains long-range information better than an RNN whose hidden state forgets. Benefit 2: fewer parameters, because the same filter weights are used at every position of the image.",
                "• Better memory: feature maps store context accumulated across the image, so distant pixels influence each other without the forgetting that RNN hidden states suffer\n• Weight sharing: same kernel at every location → far fewer parameters, less overfitting",
            ],
        },
        {
            "label": "weight_sharing_across_layers",
            "error": "Misdefines weight sharing as reusing the same filters across layers (tied depth) rather than across spatial positions.",
            "max_fraction": 0.45,
            "paraphrases": [
                "1) Weight sharing: in a CNN the same filter weights are reused by every layer of the network, so instead of learning separate weights per layer it learns one set of kernels applied repeatedly. This drastically reduces the number of parameters. 2) Locality: each neuron is connected to a small local patch of the input, which matches the local correlation of pixels and makes feature learning efficient.",
                "Parameter sharing: CNN layers share the same kernels across depth, i.e. layer 2 reuses layer 1's filters, so the parameter count stays small. Local connectivity: neurons see only small neighbourhoods, exploiting the spatial structure of images where nearby pixels are strongly related.",
                "Two things. Weight sharing: conv layers reuse the same filters from layer to layer, so you don't pay for new weights at each depth; fewer params overall. Local receptive fields: each unit only looks at a little patch, which fits how images work (nearby pixels are related).",
            ],
        },
        {
            "label": "flatten_preserves_structure",
            "error": "Claims CNNs flatten the image first (preserving structure) and connect each unit to all pixels; convs act on the 2D grid with local connectivity.",
            "max_fraction": 0.15,
            "paraphrases": [
                "1) CNNs first flatten the image into a single vector and then apply filters over it, which keeps every pixel's spatial relationship intact, whereas an RNN reads pixels in order and loses the 2D layout. 2) Because every neuron is fully connected to all pixels in the flattened vector, the CNN can combine information from the whole image in one layer.",
                "A CNN turns the image into one long vector before convolution, preserving the spatial structure, and connects each unit to every input pixel, so it integrates global information immediately. An RNN, by contrast, processes pixels one by one and forgets the earlier ones.",
                "- flatten first: the image becomes a vector, so the spatial arrangement is preserved exactly for the convolution\n- dense connectivity: each conv unit is connected to all pixels, giving a full view of the image in a single layer\n- RNN: sequential reading, loses the 2D grid",
            ],
        },
        {
            "label": "duplicate_benefit",
            "error": "Badly incomplete: lists one benefit twice under two names (weight sharing and fewer parameters, same explanation).",
            "max_fraction": 0.5,
            "paraphrases": [
                "Benefit 1: weight sharing. The same kernel is applied at every spatial position, so a CNN needs far fewer weights than a network with separate weights for each pixel. Benefit 2: fewer parameters. Because the kernel is reused across positions, the total number of parameters is small, which reduces overfitting and memory. Both make CNNs more efficient than RNNs for image classification.",
                "(1) CNNs share weights: one filter, slid across the image, means the parameter count doesn't grow with the image. (2) CNNs are parameter-efficient: since the filters are shared across locations, the model has a small number of weights and is less likely to overfit.",
                "First, weight sharing: same filter everywhere, so not many weights. Second, they're compact: reusing the filter at all positions keeps the parameter count low, so less overfitting and less memory. That's why CNNs beat RNNs on images.",
            ],
        },
        {
            "label": "permutation_invariance_confusion",
            "error": "Confuses translation invariance with permutation invariance: claims shuffling pixels leaves a CNN's prediction unchanged.",
            "max_fraction": 0.3,
            "paraphrases": [
                "1) Parameter efficiency: kernels are shared over positions, so there are few parameters. 2) Invariance: because the same filter is applied at every pixel and the results are pooled, a CNN's prediction does not depend on the arrangement of the pixels; shuffling or rearranging pixels gives the same class. An RNN, in contrast, depends on the order in which pixels are read.",
                "Weight sharing keeps CNNs small. And CNNs are invariant to the order of the pixels: convolution treats all positions identically and global pooling sums over them, so any permutation of the input pixels produces the same output, while an RNN's output changes with the reading order.",
                "• shared kernels → far fewer params than per-pixel weights\n• order invariance: translation invariance means the CNN doesn't care where pixels are, so permuting pixels leaves the classification unchanged; RNNs are order-sensitive, which is bad for images",
            ],
        },
        {
            "label": "rnn_cannot_do_images",
            "error": "Two correct benefits plus false claim that RNNs cannot be used for image classification at all (pixel/row-sequence RNNs exist).",
            "max_fraction": 0.6,
            "paraphrases": [
                "1) Weight sharing: one kernel is used at every position, giving far fewer parameters and better generalization. 2) Translation equivariance: shifting the input shifts the feature maps, and with pooling the classifier becomes roughly invariant to object position. Beyond these, the biggest advantage is that RNNs simply cannot be used for image classification, because an image has no sequence or time axis for the recurrence to run over.",
                "CNNs share filter weights across space (fewer parameters) and exploit locality through small receptive fields that detect edges and textures, building hierarchical features. Besides, an RNN can't classify images at all, since recurrence requires temporal data and an image is a static 2D grid.",
                "1. Local receptive fields: filters look at small neighbourhoods, which is where image structure is. 2. Parallel: every position is computed at once, no step-by-step dependency. Also worth saying: RNNs can't take images as input at all, since there's no time dimension, so CNNs are really the only option.",
            ],
        },
    ],
    "rnn": [
        {
            "label": "params_grow_with_length",
            "error": "Claims unrolled RNNs get separate weights per step so parameters grow with input length; the parameter count is independent of length.",
            "max_fraction": 0.45,
            "paraphrases": [
                "1) Variable-length inputs: an RNN can be unrolled for any number of steps, so sequences of different lengths are handled naturally. 2) Adaptive capacity: each time step adds its own set of weights when the network is unrolled, so longer inputs automatically get more parameters and more capacity, whereas a CNN has a fixed parameter budget regardless of input size.",
                "RNNs accept inputs of any length because they process one element at a time. They also scale their parameter count with the sequence: unrolling over T steps creates T separate copies of the weights, so the model becomes more expressive for longer inputs, which a fixed CNN cannot do.",
                "- any input length: just keep applying the recurrence\n- more params for longer inputs: the unrolled network has a separate weight matrix per time step, so capacity grows with T\n- CNN: fixed number of filters, fixed capacity no matter how long the input is",
            ],
        },
        {
            "label": "rnn_parallel_faster",
            "error": "Claims RNN time steps can be computed in parallel so RNNs train faster; the recurrence is inherently sequential.",
            "max_fraction": 0.45,
            "paraphrases": [
                "1) Variable length: RNNs process one input at a time and can run for any number of steps, so they handle sequences of different lengths without resizing. 2) Speed: each time step of an RNN is computed independently with the same weights, so all time steps can be computed in parallel on a GPU, making RNNs faster to train than deep CNNs that must go through many layers one after another.",
                "RNNs handle variable-length inputs since the same cell is applied at every step. They are also faster: because the weights are shared across time, the steps can be evaluated simultaneously, whereas a CNN's layers must be computed sequentially from bottom to top.",
                "(1) Any length works: just unroll more steps. (2) They're quick: the steps all use the same weights so you can run them in parallel across the sequence, while CNNs are stuck doing layer after layer. That's why RNNs train faster.",
            ],
        },
        {
            "label": "perfect_memory_no_vanishing",
            "error": "Overclaims: says the hidden state retains all past information losslessly and that weight reuse prevents vanishing gradients.",
            "max_fraction": 0.45,
            "paraphrases": [
                "1) Order awareness: RNNs process inputs in sequence, so the model naturally captures the order of the data. 2) Unlimited memory: the hidden state carries all previous inputs forward without loss, so an RNN can use information from arbitrarily far back. Because the same weights are reused, gradients flow back through time without vanishing, unlike in deep CNNs.",
                "RNNs are natural for sequential data since they read elements in order. They also have perfect long-term memory: the hidden state is a complete summary of the whole history, and since it is updated by the same matrix at each step, the gradient signal is preserved over any number of steps.",
                "• sequential / order-sensitive processing, natural for text, audio, time series\n• long-range context: hidden state retains every past input exactly, no information lost\n• weight reuse across time means gradients don't vanish, so long dependencies are learned easily",
            ],
        },
        {
            "label": "variable_length_via_padding",
            "error": "Explains variable-length handling as padding to a fixed maximum length; the real reason is that the same cell is applied for any number of steps.",
            "max_fraction": 0.5,
            "paraphrases": [
                "1) Variable-length inputs: RNNs pad every sequence to a fixed maximum length, so sequences of any length can be fed into the same network. 2) Long-range context: the hidden state summarizes everything seen so far, so the output can depend on inputs far back in the sequence, unlike a CNN whose receptive field is limited by kernel size and depth.",
                "RNNs can handle inputs of different lengths because all inputs are zero-padded to the same length before processing, which the recurrence then ignores. They also carry a hidden state through the sequence, giving access to global context beyond a CNN's local receptive field.",
                "Variable lengths: RNNs just pad everything to the max length, that's how they take any size input. Plus the hidden state gives them context from the whole sequence so far, whereas a CNN only sees what fits in its receptive field.",
            ],
        },
        {
            "label": "rnn_translation_invariance",
            "error": "Claims RNNs over pixel sequences are translation-invariant (more than CNNs); the final hidden state depends on position and there is no such built-in symmetry.",
            "max_fraction": 0.3,
            "paraphrases": [
                "1) Translation invariance: because an RNN applies the same weights at every time step, shifting an object in the image simply shifts when it is seen, and the final hidden state is the same. RNNs are therefore more translation invariant than CNNs, which need pooling for this. 2) Variable length: the recurrence can run for any number of steps, so images of any size can be processed.",
                "RNNs are invariant to where a pattern appears: the shared recurrent weights process the pattern identically at any position, and the last hidden state doesn't depend on its location. They also accept inputs of arbitrary length, since the cell is simply applied more times.",
                "- same cell applied at every step → shift-invariant representation: moving the object earlier or later in the pixel sequence gives the same final state\n- so RNNs get translation invariance for free, without pooling\n- variable-length inputs handled naturally by unrolling",
            ],
        },
        {
            "label": "current_input_only",
            "error": "Claims each RNN output depends only on the current input (robustness to earlier noise), contradicting the recurrence; the parameter point is fine.",
            "max_fraction": 0.35,
            "paraphrases": [
                "1) Robustness: in an RNN each output depends only on the current input and the shared weights, so noise in earlier parts of the sequence does not propagate to later outputs. 2) Fewer parameters: the same weight matrix is used at every step, so the parameter count is independent of the sequence length.",
                "The RNN's output at step t is computed from x_t alone using shared weights, so errors elsewhere in the input don't affect it, which makes RNNs robust. And since the weights are shared over time, the model is small regardless of how long the input is.",
                "Benefit 1: each step's output only looks at that step's input, so bad data earlier in the sequence can't mess up later predictions, which is robust. Benefit 2: one set of weights reused every step, so the parameter count doesn't grow with length.",
            ],
        },
        {
            "label": "sees_future_by_default",
            "error": "Claims a standard (unidirectional) RNN's hidden state h_t already contains future inputs; only bidirectional RNNs see the future.",
            "max_fraction": 0.45,
            "paraphrases": [
                "1) Global context: in an RNN, each hidden state $h_t$ depends on the entire sequence, both earlier and later inputs, because the recurrence propagates information across all positions. So every output has full context, while a CNN only sees a local window. 2) Variable length: the same cell can be applied for any number of steps.",
                "RNNs give each position access to the full input: the hidden state at step t summarizes the whole sequence (past and future), so predictions use global context, unlike CNNs with local receptive fields. They also naturally handle sequences of any length.",
                "• h_t depends on all of x_1..x_T (the recurrence spreads info both ways), so every step has global context\n• CNN: only a local receptive field\n• variable length: unroll the cell as many times as needed",
            ],
        },
        {
            "label": "hidden_state_is_parameter",
            "error": "Confuses the hidden state with learned parameters: claims h is trained by gradient descent and memorizes the dataset.",
            "max_fraction": 0.35,
            "paraphrases": [
                "1) Memory: the hidden state of an RNN is a learned parameter vector that is optimized by gradient descent during training, so it stores knowledge about the whole dataset and can be reused at test time. 2) Variable-length inputs: the recurrence can be applied any number of times, so inputs of different lengths are handled without changing the architecture.",
                "RNNs have a trainable hidden state: backprop updates h along with the weights, so it becomes a memory of the training data that helps with new inputs. They also handle variable-length sequences because the same cell is applied step after step.",
                "(1) The hidden state is basically extra learned weights: training tunes it so it remembers useful stuff from the data, which CNNs don't have. (2) Works for any input length since you just keep applying the same cell.",
            ],
        },
        {
            "label": "order_invariant",
            "error": "Claims RNNs are invariant to input order (permutation-invariant); RNNs are order-sensitive.",
            "max_fraction": 0.3,
            "paraphrases": [
                "1) Order invariance: the RNN applies the same update at every step and accumulates everything into its hidden state, so the final state does not depend on the order of the inputs; shuffling a sequence gives the same result. This is useful for data like sets. 2) Fewer parameters: the weights are shared across steps, so the model size doesn't grow with the input.",
                "Because every input passes through the same recurrent weights and is summed into the hidden state, an RNN's output is independent of input order, which makes it robust to reorderings. Also, weight sharing over time keeps the parameter count constant in the sequence length.",
                "- same cell at each step + accumulation in h → result doesn't depend on the ordering of inputs (permutation invariant)\n- robust to shuffled or reordered data\n- shared weights → parameter count independent of sequence length",
            ],
        },
        {
            "label": "native_2d_locality",
            "error": "Claims standard RNNs process images natively in 2D and capture spatial locality better than CNNs; they read a flattened 1D sequence.",
            "max_fraction": 0.3,
            "paraphrases": [
                "1) RNNs process an image natively as a 2D grid, updating the hidden state from neighbouring pixels in both directions, so they capture spatial locality even better than convolution kernels. 2) Because the hidden state is carried across the whole image, they also integrate global context, which a CNN only gets after many layers.",
                "An RNN reads the image in its 2D form without flattening, so neighbouring pixels stay neighbours and local spatial structure is captured more faithfully than with a CNN's fixed kernels. Its hidden state also accumulates information over the whole image, giving global context in a single layer.",
                "1. They keep the 2D layout: no flattening, the recurrence moves across rows and columns together, so locality is preserved better than with a CNN filter. 2. Global context via the hidden state, which sees the entire image in one layer.",
            ],
        },
        {
            "label": "cnn_cannot_sequences",
            "error": "Two correct benefits plus false claim that CNNs cannot process sequences/text because convolution needs a 2D grid (1D convolutions exist).",
            "max_fraction": 0.6,
            "paraphrases": [
                "1) Variable-length inputs: an RNN applies the same cell at each step, so it can process sequences of any length. 2) Long-range context: the hidden state summarizes the entire past, so outputs can depend on distant inputs, unlike a CNN whose receptive field is bounded. In addition, CNNs cannot be applied to sequential data such as text or audio at all, since convolution is only defined on 2D grids.",
                "RNNs handle inputs of any length by unrolling the same cell, and their parameter count doesn't depend on the length. They're also the only option for sequence data: convolutions need a spatial 2D structure, so a CNN can't process text or time series.",
                "• any length: same recurrent cell reused at every step\n• memory: hidden state carries information from far back → long-range dependencies\n• bonus: CNNs are fundamentally image-only (convolutions require a 2D grid), so for sequences like text RNNs are the only choice",
            ],
        },
        {
            "label": "constant_training_memory",
            "error": "Correct context benefit plus false claim that training memory is constant in sequence length; BPTT must store all hidden states.",
            "max_fraction": 0.5,
            "paraphrases": [
                "1) Long-range context: the hidden state carries information forward across the whole sequence, so the output can depend on inputs far away, while a CNN sees only its receptive field. 2) Constant memory: since only the current hidden state is kept, training an RNN requires the same memory regardless of sequence length; backpropagation through time only needs the final state.",
                "The RNN hidden state provides global context over the entire input. Also, RNNs need O(1) memory in the sequence length during training: only the latest hidden state is stored, and gradients are computed from it, whereas CNNs must store all activations.",
                "(a) Hidden state = memory of everything so far, so long-range stuff is captured, unlike a CNN's fixed receptive field. (b) Memory-cheap training: you only ever keep one hidden state, even for BPTT, so memory doesn't grow with sequence length.",
            ],
        },
    ],
}
