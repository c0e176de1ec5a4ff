"""Held-out paraphrased student answers for benchmarking answer groups.

Written blind to the grader/bench code. Each question has 8 variants that
differ in meaning (what the answer claims); each variant has 6 paraphrases
making the same claims in different wording, order and length.
"""

VARIANTS: dict[str, list[dict]] = {
    "p2c": [
        {
            # Fully correct: self-score is the row max, scores scale with beta^2,
            # softmax saturates to argmax, output = own value = token.
            "label": "correct_hard_lookup",
            "paraphrases": [
                "Self-attention here behaves like a soft lookup table that turns into a hard one. Every score is a multiple of $\\beta^2$, and in each row the token's score with itself is the biggest ($x_1 \\cdot x_1 = 2\\beta^2$, $x_1 \\cdot x_3 = \\beta^2$, $x_1 \\cdot x_2 = 0$). When $\\beta$ grows the gaps blow up, the softmax collapses onto that max entry, and the output is just the token's own value, i.e. the token itself.",
                "The dot products all grow like beta^2. For each query the largest one is always with itself (x1.x1 = 2beta^2 beats x1.x3 = beta^2 and x1.x2 = 0, and similarly for x2 and x3). So as beta gets large the softmax weights go to a one-hot vector on the diagonal and y_i = x_i: the layer copies the token because it retrieves its own value.",
                "**Why it copies:**\n- scores $x_i^T x_j$ are proportional to $\\beta^2$\n- the self-score is the max of every row (e.g. $2\\beta^2$ vs $\\beta^2$ vs $0$ for $x_1$)\n- so for large $\\beta$ the differences between scores are huge and softmax $\\to$ argmax\n- the argmax weight sits on the token itself, so the output equals its own value $v_i = x_i$, a copy of the input.",
                "Think of the query as asking 'who matches me best?'. Since x_i matches itself better than any other token (2β² for x1 against β² for x3 and 0 for x2), and all these scores are scaled by β², making β large pushes the softmax to put essentially weight 1 on the token itself and 0 elsewhere. The weighted sum then returns x_i, so the input is copied.",
                "Softmax over scores that scale as $\\beta^2$ becomes a hard max when $\\beta$ is big. In this example the maximum of each row is the diagonal term (the self dot product, $2\\beta^2$ or $\\beta^2$, is larger than the cross terms), so each output picks out its own value vector and $y_i \\approx x_i$. Attention thus approximately copies the token through.",
                "Two things make the copy happen. First, in every row of the score matrix the token's entry with itself is the largest: x1 gets 2β² with itself, only β² with x3 (they share b) and 0 with x2. Second, all scores are proportional to β², so increasing β stretches the gaps and the softmax saturates into a one-hot pick of the diagonal. Output = own value = the token.",
            ],
        },
        {
            # Correct about saturation/one-hot, but never says WHICH token wins
            # (missing: the self dot product is the largest in its row).
            "label": "correct_no_self_max",
            "paraphrases": [
                "When β is large the dot products become huge, so the softmax is no longer soft: it essentially outputs a one-hot vector. Then the weighted sum of values returns exactly one of the value vectors, which is an input token, so the output is a copy of a token.",
                "As $\\beta \\to \\infty$ the scores scale like $\\beta^2$ and the softmax saturates to a one-hot distribution. A one-hot weighting over the values just selects a single input vector, so attention copies that token to the output instead of mixing tokens.",
                "Large beta -> large scores -> softmax ~ argmax (one-hot). With a one-hot weight vector, y_i = sum_j w_ij x_j reduces to a single x_j, meaning an input token is reproduced unchanged at the output. That's the approximate copy.",
                "The key is saturation. Because all scores are multiplied by $\\beta^2$, for big $\\beta$ the softmax puts (almost) all its mass on a single entry. So instead of blending the tokens, each output is approximately one of the inputs, copied over verbatim.",
                "- scores grow with $\\beta^2$\n- softmax of very large, well-separated numbers is basically one-hot\n- one-hot attention weights pick out one value vector\n\nSo the output is just one of the input tokens copied, with nearly no contribution from the others.",
                "In the example, increasing β makes the exponentials in the softmax extremely peaked, so the attention weights become 0/1. The output then isn't an average anymore but a single input token passed straight through, which is how self-attention can copy a token.",
            ],
        },
        {
            # Misconception: the copy comes from the residual / skip connection.
            "label": "residual_connection",
            "paraphrases": [
                "The copying actually comes from the residual connection around the attention block. Attention itself mixes the tokens together, but the skip path adds the original x_i back to the output, so the output is dominated by x_i and the token is effectively copied.",
                "Self-attention can copy because transformers use skip connections: $\\text{out}_i = x_i + \\text{Attn}(x)_i$. The attention term is a weighted mix of all the tokens, but the identity path carries $x_i$ through untouched, so the input token shows up at the output.",
                "In this example the output is the token because the input is added back through the residual connection. The softmax weights spread over x1, x2, x3, but the residual term x_i passes the token directly, which is what gives the approximate copy.",
                "It's the residual (skip) connection that does it. y_i = x_i + sum_j w_ij x_j, and the first term is the token itself, unchanged. So whatever the attention mixes in, the original token is always present at the output - that's the copy.",
                "**Answer:** copying is done by the identity/skip branch, not by the softmax. The attention part returns some combination of the tokens, and adding the residual $x_i$ on top makes the output approximately equal to the input token.",
                "Attention weights alone would average the tokens together. What lets the network copy an input is the residual connection: the token x_i is added straight onto the attention output, so the output keeps a full copy of x_i no matter what weights the softmax produces.",
            ],
        },
        {
            # Misconception: copying happens in the SMALL-beta regime.
            "label": "small_beta_copies",
            "paraphrases": [
                "Copying happens when β is small. Then the dot products with the other tokens are close to zero, so they barely contribute, and y_i stays close to x_i. When β is large the exponentials explode and the tokens get mixed, so small norms are what let attention copy.",
                "If $\\beta$ is small, the cross terms $x_i \\cdot x_j$ are negligible and the contribution of the other tokens to $y_i$ vanishes, leaving $y_i \\approx x_i$. So self-attention copies the input token in the small-$\\beta$ regime; for big $\\beta$ the scores blow up and it stops copying.",
                "Small beta = copy. The other tokens have tiny dot products with x_i, so their weight in the sum is tiny and the output is basically the token itself. Large beta makes the softmax numbers huge and unstable, so the copy breaks down.",
                "The example shows copying works best for small norms: with $\\beta \\to 0$ the interactions between different tokens disappear, so each output only 'sees' itself. Increasing $\\beta$ strengthens the interaction between $x_1$ and $x_3$ (they share $b$) and the outputs start to mix.",
                "- when $\\beta$ is small, off-diagonal scores $\\approx 0$\n- so the other tokens hardly affect the output\n- output $\\approx$ input token, i.e. a copy\n- large $\\beta$ makes the exponentials explode and tokens blend together\n\nSo attention copies when the vectors are small.",
                "Self-attention approximately copies the token when beta is kept small: the similarity with the other tokens shrinks toward zero, so only the token itself survives in the weighted sum. With larger beta the exponent terms dominate and each output becomes a mixture instead of a copy.",
            ],
        },
        {
            # Misconception: softmax normalisation divides by the norms (cosine),
            # self-cosine is 1, so output is the token regardless of beta.
            "label": "softmax_normalises_by_norm",
            "paraphrases": [
                "The softmax normalisation divides the scores by the norms of the tokens, so what is really compared is the cosine similarity. A token's cosine similarity with itself is 1, the maximum possible, so after normalising it gets the full weight and the output becomes the token itself.",
                "Because softmax normalizes, the norms of the vectors cancel out: $x_i \\cdot x_j / (\\|x_i\\| \\|x_j\\|)$. The self term is exactly 1 and the others are smaller, so the normalized weights make the output equal to $x_i$. That's how the token gets copied, independent of $\\beta$.",
                "Normalisation is the reason. Softmax divides by the total, which effectively divides each score by the product of the norms and turns dot products into cosines. cos(x_i, x_i) = 1, so every output is the token itself, i.e. a copy.",
                "After the softmax every score is scaled by the norms of the query and the key, so the $\\beta$'s cancel and only angles matter. Each token is perfectly aligned with itself (cosine 1) and not with the others, so the normalized attention returns the input token unchanged.",
                "In the example, the norms √2β, β, √2β get divided out by the softmax denominator. What remains is the cosine between tokens, which is 1 on the diagonal. Hence each y_i is x_i: the normalisation step is what makes attention copy its input.",
                "**Why it copies:** softmax is a normalisation, and normalising the dot products by $\\|x_i\\|\\|x_j\\|$ gives cosine similarity. Self-similarity is always 1, the largest value, so all the weight goes to the token itself and the output is a copy, for any $\\beta$.",
            ],
        },
        {
            # Misconception: orthogonality makes cross dot products zero, hence zero
            # attention weight on other tokens, exact copy for any beta.
            "label": "orthogonal_means_zero_weight",
            "paraphrases": [
                "Since a, b, c, d are orthogonal, the tokens are orthogonal to each other, so x_i · x_j = 0 for i ≠ j. Zero similarity means zero attention weight, so each token only attends to itself and the output is exactly the input token. That is the copying.",
                "The orthogonality does the work: the dot product between two different tokens is $0$, so their attention weights are $0$ and only the diagonal weight survives. Hence $y_i = x_i$ exactly, for any value of $\\beta$, and self-attention copies each token.",
                "Tokens built from orthogonal vectors don't 'see' each other: all the off-diagonal scores are zero, so the softmax gives them no weight. Each output contains only its own token, so the token is copied straight through.",
                "Copying works when the tokens are orthogonal. Then $x_1 \\cdot x_2 = x_1 \\cdot x_3 = x_2 \\cdot x_3 = 0$ and the attention matrix is diagonal, so the output at each position is its own input. $\\beta$ doesn't matter, it's the orthogonality.",
                "Because the base vectors are orthogonal, the cross terms vanish and the other tokens get weight zero in the weighted sum. So y_i = 1·x_i + 0·(others) = x_i, meaning the attention layer just copies its input token.",
                "- a, b, c, d orthogonal ⇒ different tokens have zero dot product\n- zero score ⇒ zero attention weight\n- so the attention matrix is the identity and $y_i = x_i$\n\nSelf-attention copies tokens whenever the inputs are mutually orthogonal.",
            ],
        },
        {
            # Half right: saturation to one-hot is right and x2 is copied, but claims
            # x1 and x3 tie because of shared b and come out as their average.
            "label": "half_right_x1_x3_average",
            "paraphrases": [
                "As β grows the scores scale like β² and the softmax becomes one-hot, so attention picks a single token. x2 is orthogonal to the others, so y2 → x2 and it is copied. x1 and x3 share b though, so their scores tie and y1, y3 → (x1 + x3)/2. Only x2 is really copied.",
                "Large $\\beta$ saturates the softmax into a hard selection, which is what enables copying: $x_2$ only matches itself, so $y_2 \\approx x_2$. For $x_1$ and $x_3$ the common component $b$ makes them as similar to each other as to themselves, so their outputs converge to the average of $x_1$ and $x_3$ rather than a copy.",
                "Copying comes from softmax saturation: the dot products are multiples of beta^2, so for big beta the weights go to 0/1. That gives y2 = x2. But x1 and x3 overlap in b, so each attends equally to both and gets the mean of x1 and x3; copying only works for the token that doesn't overlap with anything.",
                "- scores $\\propto \\beta^2$, so large $\\beta$ makes the softmax one-hot\n- $x_2 = a$ is orthogonal to everything, so it is copied: $y_2 \\to x_2$\n- $x_1, x_3$ both contain $b$, so they tie and $y_1, y_3 \\to \\tfrac12(x_1+x_3)$\n\nSo attention copies the tokens that don't share components with others.",
                "The softmax turns into an argmax when β is large, since everything scales with β². This copies x2 exactly because it has zero overlap with x1 and x3. x1 and x3, on the other hand, both contain b and get split 50/50 between each other, so their output is the average, not a copy.",
                "Self-attention copies by saturating: big $\\beta$ means huge score gaps and a one-hot softmax. In this example that works for $x_2$. For $x_1$ and $x_3$ the shared $b$ gives equal scores, so the weight is split between them and both come out as $(x_1+x_3)/2$.",
            ],
        },
        {
            # Vague / circular: just restates the earlier result y_i -> x_i.
            "label": "restates_result_only",
            "paraphrases": [
                "From the previous part, as β goes to infinity y_i goes to x_i. So the output is the same as the input, which means self-attention copies the input token to the output.",
                "We showed that $y_1 \\to x_1$, $y_2 \\to x_2$, $y_3 \\to x_3$ for large $\\beta$. Since the outputs equal the inputs, the self-attention is copying the tokens.",
                "Self-attention copies the token because the output becomes equal to the input token, as we computed in the last part. So the input gets passed to the output.",
                "Using the example: the outputs we got are the same tokens x1, x2, x3 that we started with. Output = input, so self-attention is able to approximately copy an input token to the output.",
                "It copies because $y_i \\approx x_i$, as shown above. The output token is approximately the input token, therefore the input is copied by the attention layer.",
                "In the limit computed earlier each output equals its input, so the attention layer reproduces the tokens. That is exactly what copying the input to the output means.",
            ],
        },
    ],
    "p3": [
        {
            # Fully correct: reassociate, shared d x d sum and normaliser,
            # O(T d^2), exp does not factor.
            "label": "correct_reassociate",
            "paraphrases": [
                "Without the exponential the numerator is $\\sum_j (q_i^T k_j) v_j = q_i^T \\left(\\sum_j k_j v_j^T\\right)$. The matrix $S = \\sum_j k_j v_j^T = K^T V$ is $d \\times d$ and doesn't depend on $i$, so compute it once in $O(Td^2)$; likewise $z = \\sum_j k_j$ in $O(Td)$. Then $y_i = S^T q_i / (q_i^T z)$ costs $O(d^2)$ per token, $O(Td^2)$ total, linear in $T$. With softmax, $\\exp(q_i^T k_j)$ can't be split into a query part and a key part, so this is impossible.",
                "Standard attention computes (QK^T)V, and the T×T matrix QK^T is what costs O(T²). Once the exp is removed, matrix multiplication is associative, so we can compute Q(K^T V) instead: K^T V is only d×d and takes O(Td²), and multiplying Q by it is another O(Td²). The normaliser is Q(K^T 1), also linear. We never build the T×T matrix. Softmax blocks this because the exp of a dot product doesn't factor.",
                "**Key idea: change the order of multiplication.**\n- numerator: $q_i^T \\sum_j k_j v_j^T$, and the sum is shared by all queries\n- denominator: $q_i^T \\sum_j k_j$, also shared\n- both sums take one pass over the tokens, $O(T d^2)$\n- each of the $T$ outputs then costs $O(d^2)$\n\nTotal $O(T d^2)$, i.e. $O(T)$ for fixed $d$. The exponential in softmax prevents pulling $q_i$ out of the sum, which is why regular attention stays quadratic.",
                "The trick is that q_i^T k_j is bilinear, so q_i can be pulled out of the sum over j. Both the numerator sum Σ_j k_j v_j^T (a d×d matrix) and the denominator sum Σ_j k_j (a vector) no longer involve i, so they are computed once for the whole sequence. Each output y_i is then a matrix-vector product and a dot product, O(d²). Overall O(T d²) instead of O(T² d). exp(q^T k) is not bilinear, so softmax attention can't be rearranged like this.",
                "Dropping exp makes the score a plain dot product, so $\\sum_j (q_i^T k_j) v_j = (\\sum_j v_j k_j^T) q_i$. Precompute $M = \\sum_j v_j k_j^T$ and $z = \\sum_j k_j$ once ($O(Td^2)$); then every $y_i = M q_i / (z^T q_i)$ is $O(d^2)$. That's $O(Td^2)$ in total, linear in $T$. The softmax exponential doesn't factor like this, so softmax attention needs all $T^2$ scores.",
                "We can avoid forming all T^2 pairwise scores. Write the output as y_i = (q_i^T S) / (q_i^T z) with S = sum_j k_j v_j^T and z = sum_j k_j. Neither S nor z depends on the query, so they are summed once over the T tokens (O(T d^2)), and every query reuses them at O(d^2) cost, for O(T d^2) total. This relies on the score being linear in q and k; exp(q^T k) breaks that, which is why softmax attention is quadratic.",
            ],
        },
        {
            # Correct (reassociation, normaliser, cost) but never explains why
            # softmax attention cannot use the same trick.
            "label": "correct_no_softmax_contrast",
            "paraphrases": [
                "Without the exponential the score $q_i^T k_j$ is linear, so $\\sum_j (q_i^T k_j) v_j = q_i^T \\sum_j k_j v_j^T$. The $d \\times d$ matrix $\\sum_j k_j v_j^T$ and the vector $\\sum_j k_j$ for the denominator are the same for every $i$, so we compute them once in $O(Td^2)$. Each output then costs $O(d^2)$, giving $O(Td^2)$ overall.",
                "Compute K^T V (d×d) and K^T 1 (a d-vector) first, each in one pass over the T tokens. Then y_i = q_i^T (K^T V) / q_i^T (K^T 1) for every i, which is O(d²) per query. We never form the T×T matrix Q K^T, so the total is O(T d²), linear in the number of tokens.",
                "- rewrite the numerator: $q_i^T \\sum_j k_j v_j^T$\n- rewrite the denominator: $q_i^T \\sum_j k_j$\n- both sums are independent of $i$ → compute once, $O(Td^2)$\n- $T$ outputs × $O(d^2)$ each\n\nSo linear attention runs in $O(Td^2)$, which is $O(T)$ for fixed $d$.",
                "Matrix products are associative, so instead of (QK^T)V we do Q(K^T V). The product K^T V sums over the tokens once and gives a small d×d matrix, and the row normaliser is Q times the sum of the keys. Each of the T rows then needs only O(d²) work, for O(T d²) total instead of O(T² d).",
                "The point is that the sums $S = \\sum_j k_j v_j^T$ and $z = \\sum_j k_j$ are shared across all queries. After one $O(Td^2)$ pass to build them, $y_i = S^T q_i / (z^T q_i)$ is just a matrix-vector product plus a dot product. Doing that for all $T$ tokens is $O(Td^2)$, linear in $T$.",
                "Linear attention pulls q_i out of the sum over j: numerator q_i^T Σ_j k_j v_j^T, denominator q_i^T Σ_j k_j. These sums don't depend on which query we're computing, so they're accumulated once over the sequence, and then each y_i is cheap, O(d²). That gives O(T d²) time and no quadratic term in T.",
            ],
        },
        {
            # Misconception: the speed-up comes from approximating softmax with
            # random features / the kernel trick (approximation as the reason).
            "label": "random_features_approximation",
            "paraphrases": [
                "Linear attention is fast because it approximates the softmax kernel with random features. Each query and key is mapped through a random feature map φ into a few dimensions, and dot products of these features approximate exp(q^T k). Because the features are low-dimensional and random, computing the attention becomes O(T) instead of O(T²).",
                "The idea (as in Performers) is that $\\exp(q^T k)$ is a kernel, which can be approximated with random Fourier features $\\phi(q)^T \\phi(k)$. Using this kernel approximation instead of the exact softmax is what reduces the complexity from $O(T^2)$ to $O(T)$: the random projection compresses the computation so it scales linearly.",
                "Dropping the exponential is basically the kernel trick: we replace softmax by a kernel that is approximated with random features. Because the random features give a cheap, approximate estimate of the attention scores, we don't need the exact T×T computation and the cost becomes linear in T.",
                "By the kernel trick, the softmax similarity can be approximated by an inner product of random feature maps. The approximation error is small, and because we only evaluate these cheap random features instead of exact exponentials for every pair, the attention runs in O(T).",
                "**Reason:** random feature approximation. $\\text{sim}(q,k) \\approx \\phi(q)^T \\phi(k)$ with $\\phi$ a random projection of dimension $r \\ll T$. Approximating the softmax this way is what makes attention linear, $O(Tr)$, at the cost of some accuracy compared with exact softmax.",
                "Linear attention trades exactness for speed: it approximates the softmax kernel using random features, so the attention matrix is only estimated rather than computed exactly. This approximation is what removes the quadratic cost and gives O(T) time.",
            ],
        },
        {
            # Misconception: without exp the attention matrix is sparse, O(T) nonzeros.
            "label": "sparse_attention_matrix",
            "paraphrases": [
                "Without the exponential the scores are just raw dot products, and most of them are close to zero or negative (clipped to zero). So the attention matrix becomes sparse, with only about O(T) nonzero entries, and we only compute those, which makes it linear instead of quadratic.",
                "The exponential is what makes every attention weight strictly positive, so softmax attention is dense. If we drop it, a lot of the $q_i^T k_j$ are zero, the attention matrix is sparse, and with sparse matrix multiplication we only pay for the nonzeros: $O(T)$ instead of $O(T^2)$.",
                "Linear attention gives a sparse attention matrix: each query has a nonzero score with only a few keys. Skipping the zero entries means we do only a constant amount of work per token, so the total is O(T).",
                "Softmax never outputs exact zeros, so all $T^2$ weights must be computed. Plain dot products, on the other hand, are zero for unrelated tokens (orthogonal queries and keys), so $QK^T$ is mostly zeros. Storing and multiplying it as a sparse matrix costs $O(T)$.",
                "- exp(x) > 0 always ⇒ softmax attention is dense ⇒ O(T²)\n- without exp, many of the scores are 0\n- the sparse attention matrix has ~O(T) nonzeros\n- sparse matmul only touches the nonzeros ⇒ O(T)",
                "Since we pretend dot products are positive and drop the exponential, unimportant pairs get a score of (almost) zero and can be ignored. The attention matrix is then sparse, and computing only its nonzero entries takes time linear in T.",
            ],
        },
        {
            # Misconception: a KV cache means past keys/values are not recomputed,
            # so each step is O(1) (ignores that every query still scans all keys).
            "label": "kv_cache_constant_step",
            "paraphrases": [
                "Linear attention can cache the keys and values of previous tokens, like a KV cache. When a new token arrives we only compute its own query, key and value and reuse the cached ones, so each step is O(1) and the whole sequence is O(T).",
                "The $O(T)$ comes from caching. The keys $k_j$ and values $v_j$ of past tokens are stored, so they're never recomputed; each new position just adds one key and one value to the cache. That's constant work per token, so $O(T)$ total instead of recomputing everything for $O(T^2)$.",
                "It works like an RNN with a KV cache: store all previous keys/values, and at each step compute only the new token's projections. Constant work per step × T steps = O(T).",
                "In regular attention we recompute all the keys and values at every position, which is where the $T^2$ comes from. With linear attention we keep a cache of the previous $k_j, v_j$ and only compute the new ones at each step, so each token costs $O(1)$ and the total is $O(T)$.",
                "**Caching.** Previously computed keys and values are saved and reused, so processing token t doesn't require recomputing the earlier tokens' keys and values. Each token is O(1) work and the total becomes linear in T.",
                "Because the keys and values of earlier tokens don't change, we can cache them once and reuse them for every later query instead of recomputing them. Each new token then costs a constant amount of computation, giving O(T) overall rather than O(T^2).",
            ],
        },
        {
            # Misconception: Linformer-style projection of K, V along the sequence
            # axis to a fixed length k.
            "label": "low_rank_sequence_projection",
            "paraphrases": [
                "Linear attention projects the keys and values from length T down to a fixed length k using a learned projection matrix. Then QK^T is only T×k instead of T×T, so computing it and multiplying by the projected values is O(Tk), which is O(T) since k is a constant.",
                "The attention matrix is low rank, so we don't need all $T$ keys. Multiply $K$ and $V$ by a $k \\times T$ projection $E$ to get $k$ 'summary' keys and values; the scores become $T \\times k$ and the cost is $O(Tk) = O(T)$.",
                "Because it's low rank, we compress the sequence: T keys and values → k projected ones, with k fixed. Each query then attends to only k items, so the total cost is T·k, linear in T.",
                "**Low-rank projection.** Without the softmax, $QK^T$ has rank at most $d$, so we can project the key and value sequences down to a small fixed number of rows before doing attention. Attention over $k$ compressed rows instead of $T$ tokens costs $O(Tk)$, i.e. linear.",
                "Linear attention shrinks the sequence dimension of K and V with a projection (like Linformer), so every query is compared with a constant number of compressed keys instead of all T keys. That turns the T×T attention matrix into T×k and the runtime into O(T).",
                "- project K, V: (T × d) → (k × d) with a learned matrix E\n- scores Q(EK)^T are T × k\n- output = scores × (EV), also O(Tk)\n\nSince k doesn't grow with T, linear attention is O(T).",
            ],
        },
        {
            # Half right: the numerator reassociation is right, but claims the
            # denominator still needs all T^2 pairs (just "cheap scalars").
            "label": "half_right_denominator_quadratic",
            "paraphrases": [
                "For the numerator we can pull $q_i$ out: $\\sum_j (q_i^T k_j) v_j = q_i^T \\sum_j k_j v_j^T$, and the $d \\times d$ sum is computed once, so that part is $O(Td^2)$. The denominator $\\sum_j q_i^T k_j$ still needs every pair $(i,j)$, so it stays $O(T^2)$, but it's only scalars, so in practice it's negligible and the layer is effectively linear.",
                "The expensive part, the weighted sum of values, becomes linear: compute S = Σ_j k_j v_j^T once and reuse it for all queries. The normalisation still has to sum q_i^T k_j over all j for each i, which is T² scalar dot products, but that's cheap compared to the vector part, so overall it behaves like O(T).",
                "- numerator: reassociate, $Q(K^T V)$, $O(Td^2)$ ✔\n- denominator: $\\sum_j q_i^T k_j$ for each $i$ → still $T^2$ dot products\n- but those are scalars, much cheaper than the value vectors\n\nSo the dominant cost is linear in $T$ and we call it $O(T)$.",
                "Dropping exp lets us precompute the key-value matrix $\\sum_j k_j v_j^T$, which is independent of $i$, so each numerator is just $q_i$ times a fixed matrix. The row normalisers still require all $T^2$ scores $q_i^T k_j$, but since we only need their sum per row and not the full matrix times $V$, this is a minor cost and linear attention is effectively $O(T)$.",
                "Numerator: precompute sum_j k_j v_j^T once (independent of i), then multiply by each q_i → linear in T. Denominator: the normalizing sum over j of q_i^T k_j has to be done separately per query, giving T^2 scalar products. Since those are just numbers, the numerator dominates and the runtime is essentially O(T).",
                "Associativity fixes the numerator: Q(KᵀV) instead of (QKᵀ)V, which is O(T) in the sequence length. The denominator is still the row sums of QKᵀ and technically needs all T² pairs, but it's only scalar additions, so it doesn't really change the overall complexity.",
            ],
        },
        {
            # Vague / circular: "it's linear, so it's linear time".
            "label": "circular_linear_means_linear",
            "paraphrases": [
                "It's called linear attention because it's linear, so it runs in linear time O(T). Removing the exponential makes the operation linear instead of nonlinear, and linear operations are O(T).",
                "Without the exponential the attention is a linear function of the inputs. Linear functions scale linearly with the input size, so the complexity is $O(T)$ rather than $O(T^2)$.",
                "Softmax is non-linear, which is what makes regular attention quadratic. Once we drop it, everything is linear, and so the running time is linear in T as well.",
                "Since there's no more nonlinearity, the whole layer is just a linear map of the tokens. A linear map over T tokens takes O(T) time, so linear attention avoids the quadratic dependence.",
                "**Linear attention = linear time.** Dropping the exp removes the nonlinear part of attention, so the computation now grows linearly with the number of tokens.",
                "The quadratic cost comes from the softmax being nonlinear. Linear self-attention only has linear operations (dot products and sums), so its cost is linear, O(T), in the number of tokens.",
            ],
        },
    ],
}
