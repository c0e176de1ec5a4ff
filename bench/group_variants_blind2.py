"""Blind benchmark set for "answer groups" (clustering a class's free-text answers by meaning).

Two questions from NYU Deep Learning, Assignment 2:

* p2c -- how self-attention can approximately "copy" an input value
  (tokens x1 = d + b, x2 = a, x3 = c + b built from orthogonal vectors of huge norm beta).
* p3  -- why linear self-attention (softmax exponentials dropped) runs in O(T) time.

For each question there are 8 variants that differ in MEANING (what the answer claims):
a fully correct answer, a correct answer missing one key step, several distinct
misconceptions, one answer mixing a right and a wrong claim, and one vague answer.
Each variant has 6 paraphrases that make the same claims in different wording,
order, length and notation (LaTeX, plain text math, unicode math, bullet lists,
informal tone).  A good grouping puts the 6 paraphrases of a variant together and
keeps different variants apart.

This file was written blind: its author did not read the grader's code, its rubrics,
or any other benchmark set in this repository.
"""

VARIANTS: dict[str, list[dict]] = {
    "p2c": [
        {
            # Fully correct: scores ~ beta^2, self dot product is the row max, softmax saturates to one-hot on self, y_i ~ x_i.
            "label": "correct_self_max_softmax_saturates",
            "paraphrases": [
                "The attention scores are just dot products between tokens, so they scale like $\\beta^2$. For $x_1$: $x_1\\cdot x_1 = 2\\beta^2$, $x_1\\cdot x_3 = \\beta^2$, $x_1 \\cdot x_2 = 0$, so the diagonal entry is the biggest in its row, and the same holds for the other rows. Because $\\beta$ is huge, the gaps between scores are huge too and the softmax becomes essentially one-hot on the token itself. Hence $y_i \\approx v_i = x_i$: the input value gets copied.",
                "Scores = dot products, all ~ beta^2. Each token's dot product with itself is the max of its row (x1.x1 = 2beta^2 > x1.x3 = beta^2 > x1.x2 = 0). As beta -> infinity the softmax saturates to an argmax, i.e. a one-hot vector on the token itself, so y_i ≈ v_i = x_i. That's the copy.",
                "- every attention logit is an inner product, so it is proportional to β²\n- in each row the largest logit is the token with itself, e.g. x₁·x₁ = 2β² vs x₁·x₃ = β² vs x₁·x₂ = 0\n- gaps of order β² inside an exponential make the softmax collapse to a one-hot vector\n- so the weighted sum of values just picks vᵢ = xᵢ, i.e. yᵢ ≈ xᵢ and attention has copied the input",
                "What happens is that the softmax acts like a hard argmax once the logits are big. Here the logits are the pairwise dot products, each a multiple of beta^2. In row 1, token x1 scores 2 beta^2 against itself, beta^2 against x3 and zero against x2; the other rows tell the same story, self-similarity always wins. Since beta is enormous, exp of those gaps explodes and basically all the weight lands on the token itself, so y_i comes out approximately v_i, which is x_i. The network reproduces (copies) its input.",
                "basically softmax of really big numbers = one-hot. the dot products here are all β²-sized, and the self term is the biggest one in every row (x1·x1=2β², x1·x3=β², x1·x2=0). so as β blows up the attention weight on itself goes to 1 and everything else goes to 0, meaning y_i ≈ v_i = x_i. the output is a copy of the value",
                "Self-attention can copy because a large scale turns softmax into a selection. Each row's maximum score is the token's own dot product ($\\|x_1\\|^2 = 2\\beta^2$ beats $\\langle x_1, x_3\\rangle = \\beta^2$ and $\\langle x_1, x_2\\rangle = 0$), and every score grows with $\\beta^2$. In the limit $\\beta\\to\\infty$ the attention weights become a one-hot vector on position $i$, giving $y_i \\approx v_i = x_i$.",
            ],
        },
        {
            # Correct conclusion but skips WHY the token itself wins: never compares self vs. cross dot products.
            "label": "partial_saturation_without_self_max",
            "paraphrases": [
                "Since beta is very large, all the attention logits are huge, and a softmax over huge numbers is basically a one-hot vector. So each output y_i ends up being (almost) exactly one of the value vectors, namely its own x_i, and that is how attention can copy an input value through the layer.",
                "$\\beta$ is huge $\\Rightarrow$ the entries of $QK^T$ are huge $\\Rightarrow$ the softmax saturates to a one-hot vector instead of a smooth average. Then $y_i$ is essentially a single value vector, $y_i \\approx v_i = x_i$. So the layer copies its inputs.",
                "- the logits scale with β², which is enormous\n- softmax of enormous logits ≈ a hard max, so the weights are basically 0/1\n- each output therefore picks out one value, its own: yᵢ ≈ xᵢ\n- i.e. self-attention approximately copies an input value when the vectors have large norm",
                "The key is the magnitude. When the token vectors have a very large norm, the numbers fed into the softmax are gigantic, and softmax is sensitive to that: instead of a blend it puts nearly all of its mass on one entry. The output is one value vector, its own, so y_i ≈ x_i and the input is copied.",
                "big beta -> big logits -> softmax turns into a one hot. so instead of averaging, each y_i just grabs a single v, which ends up being x_i itself. thats the 'copy', and it only works cause the norms are crazy big",
                "Self-attention copies because the softmax weights become one-hot when the inputs are scaled up a lot. With norm $\\beta$ very large the effective temperature is close to zero, the attention distribution turns into a delta, and $y_i = \\sum_j \\alpha_{ij} x_j \\approx x_i$.",
            ],
        },
        {
            # Misconception: tokens are mutually orthogonal, zero score => zero weight, attention matrix = identity, exact copy.
            "label": "wrong_orthogonal_zero_weights_identity",
            "paraphrases": [
                "Because a, b, c, d are orthogonal, the tokens are orthogonal to each other, so every cross term q_i·k_j with i≠j is zero. A zero score means that token gets zero attention weight, so the only nonzero weight in each row is on the token itself. Therefore y_i = x_i, and self-attention copies the input exactly thanks to orthogonality.",
                "Orthogonality does all the work here. Since the base vectors are orthogonal, $x_i^T x_j = 0$ whenever $i \\neq j$, so the off-diagonal attention weights vanish and only the diagonal survives. Each $y_i$ is then just $x_i$ itself, i.e. a copy of the input.",
                "- the tokens are built from orthogonal vectors ⇒ they are mutually orthogonal\n- off-diagonal scores = 0 ⇒ the weight on the other tokens = 0\n- only the self score is nonzero, so all weight goes on token i\n- yᵢ = xᵢ exactly; the norm β doesn't really matter, orthogonality is what makes it copy",
                "The example is built from orthogonal directions, so in the attention matrix the tokens don't 'see' each other: their dot products with other tokens are zero, and a token with zero similarity contributes zero weight to the output. The attention matrix is therefore the identity, and the identity times V gives back V, so each output equals its input.",
                "the tokens are orthogonal so they have 0 dot product with each other -> 0 attention to each other. every token only attends to itself and the attention matrix is just I. so Y = I V = X, it copies the input. works for any orthogonal inputs tbh",
                "Copying happens when the inputs are orthogonal. Zero inner products between different tokens mean zero attention weights between them, so the attention matrix reduces to the identity and $Y = I\\,V = X$. Each token's output is exactly its own value, with no contribution from the others.",
            ],
        },
        {
            # Misconception: huge beta makes softmax (near-)uniform, every output is the mean, "copy" = same mean broadcast to all.
            "label": "wrong_uniform_softmax_mean_copied",
            "paraphrases": [
                "When beta is extremely large, every score in the softmax is huge, so the exponentials are all enormous and roughly comparable; after normalizing, each token gets about 1/3 of the weight. Every output becomes the average of x1, x2 and x3, so each y_i is a copy of the same mean vector broadcast to all positions.",
                "Large $\\beta$ pushes all logits to very large values, and the softmax of uniformly huge logits is close to uniform. So $y_i \\approx \\frac{1}{3}(x_1 + x_2 + x_3)$ for every $i$: each output copies the same averaged value, which is spread over the whole sequence.",
                "- β huge ⇒ all the scores are huge\n- softmax over numbers that are all huge ≈ uniform, weights ≈ 1/3 each\n- so y₁ ≈ y₂ ≈ y₃ ≈ the mean of the inputs\n- the network 'copies' by putting one shared, averaged value into every output slot",
                "My understanding is that with such big norms the softmax saturates in a flat way: the numbers are so large that the differences between them stop mattering, and the normalized weights come out nearly equal. So attention averages the three tokens, and the copying is that this one mean vector is duplicated into every output.",
                "with β that big everything overflows and softmax basically gives equal weights, like 1/3 1/3 1/3 for each key. so all the outputs = average of x1,x2,x3, the exact same vector copied to every position. thats the copy mechanism i think",
                "Since all attention logits are of order beta^2, the softmax cannot really tell them apart and assigns approximately equal probability to every key. The outputs therefore all collapse to the mean (x1+x2+x3)/3, and self-attention copies this common mean value to each token.",
            ],
        },
        {
            # Misconception: copying is trivial because V = X (no W_V); happens regardless of the attention weights.
            "label": "wrong_copy_because_values_are_inputs",
            "paraphrases": [
                "Since there are no weight matrices, the values are literally the input tokens, v_i = x_i. Whatever weights the softmax produces, the output is built from these same vectors, so the input values pass straight through. The copy comes from the choice q = k = v = x, not from anything about the scores.",
                "The copying is automatic: with $v_i = x_i$ there is no projection, so $Y = \\text{softmax}(\\cdot)\\,X$ just reuses the raw inputs. Self-attention copies because the value vectors are identical to the inputs, regardless of what the attention pattern looks like.",
                "- no W_V, so value = the token itself\n- the output is a combination of the values, i.e. of the original inputs\n- so the input information lands in the output directly\n- this holds for any attention weights; the point is the missing value projection",
                "In this simplified version there is no learned W_V, so the value vectors are exactly the data points. The attention output is always a sum of value vectors, and since those are the untouched inputs, the network forwards the input content. The mechanism is the missing transformation on the values; the numbers in the attention matrix don't change that.",
                "v = x because there's no weight matrices lol. so whatever the softmax does, the outputs are made out of the inputs, it's literally carrying them over. doesn't really depend on the scores at all, it's just because the values are the raw tokens",
                "Self-attention copies inputs because values equal inputs. With $V = X$ and no $W_V$ transforming them, every output is assembled from the unmodified tokens, so the input values are carried through to the output independently of how the weights are distributed.",
            ],
        },
        {
            # Misconception: tokens attend to the OTHER token sharing component b: y1 ~ x3, y3 ~ x1, y2 ~ x2 (copy from a neighbor).
            "label": "wrong_copies_other_token_sharing_b",
            "paraphrases": [
                "Self-attention copies the value of the token most similar to the query. x1 and x3 both contain b, so they have a large dot product (beta^2) and attend to each other: y1 ≈ x3 and y3 ≈ x1. x2 = a has nothing in common with the others, so it just keeps itself, y2 ≈ x2. So attention copies information from related tokens into each position.",
                "Tokens that share a direction attend to one another. $x_1$ and $x_3$ share $b$, giving a score of $\\beta^2$, so with large $\\beta$ the softmax moves $x_1$'s weight onto $x_3$ and vice versa: $y_1 \\approx x_3$, $y_3 \\approx x_1$. The lone token $x_2$ stays itself. A value is moved from one position to a similar one.",
                "- x₁ and x₃ overlap in b ⇒ x₁·x₃ = β², large\n- big β makes the softmax peaky, so x₁ attends to x₃ and x₃ attends to x₁\n- y₁ ≈ x₃, y₃ ≈ x₁ (values swapped), y₂ ≈ x₂ since a is orthogonal to everything\n- so attention copies a value from the matching token into the other position",
                "As I see it, attention finds the other token whose key best matches the query and pulls in its value. Here the only overlap is between x1 and x3 via the shared b, so each sends its query to the other and receives the other's value: the outputs at positions 1 and 3 are roughly x3 and x1, swapped. x2 overlaps with nobody, so it falls back to itself.",
                "x1 and x3 both have b in them so they match each other, and since beta is huge the softmax goes all in on that match. so y1 ~ x3 and y3 ~ x1, they copy each other. x2 doesn't match anything so y2 ~ x2.",
                "Attention copies the value of whichever other token shares content with the query. Because $x_1 = d+b$ and $x_3 = c+b$ both contain $b$, their mutual score $\\beta^2$ dominates, so $y_1\\approx x_3$ and $y_3 \\approx x_1$; $x_2$ overlaps with nothing and outputs $y_2 \\approx x_2$.",
            ],
        },
        {
            # Mixed: right that the self dot product is the row max and softmax picks it; wrong that beta's size is irrelevant / copy is exact for any norm.
            "label": "mixed_self_max_but_beta_irrelevant_exact",
            "paraphrases": [
                "Every token scores highest against itself within its row: x1·x1 = 2beta^2 is bigger than x1·x3 = beta^2 and x1·x2 = 0. Softmax gives all the weight to the largest score, so y_i = x_i. The size of beta doesn't actually matter; even with unit-norm vectors the self term is the max, so the copy is exact at any scale.",
                "$x_i \\cdot x_i$ is the row maximum ($2\\beta^2$ vs $\\beta^2$ vs $0$ for $x_1$), and softmax selects the maximum, so $y_i = x_i$ exactly. This does not rely on $\\beta$ being large: any positive $\\beta$ gives the same ordering of scores and hence the same copying.",
                "- self-similarity wins every row (x₁·x₁ = 2β² > x₁·x₃ = β² > x₁·x₂ = 0)\n- softmax puts the weight on the max entry ⇒ one-hot on the token itself\n- so yᵢ = xᵢ\n- β being huge is irrelevant: the ordering is identical for β = 1, so copying is exact for any norm",
                "The copying works because in each row of the score matrix the diagonal term is the biggest: token 1 scores 2 beta^2 with itself, only beta^2 with token 3 and 0 with token 2. Softmax picks out the largest score, so each output equals its own value vector. Beta being very large is irrelevant: softmax only depends on the ranking of the scores, so small beta gives the same exact copy.",
                "self dot product is always the biggest one in the row (2β² vs β² vs 0), and softmax just chooses the biggest, so y_i = x_i. honestly the 'very large β' part is a red herring, the ordering is the same for any β so it copies exactly.",
                "Self-attention copies because a token matches itself best: its own score ($2\\beta^2$ for $x_1$) beats every other score in the row. Softmax then assigns that token all of its weight and $y_i = x_i$. The result is exact and independent of the norm, because softmax only cares about which score is the largest.",
            ],
        },
        {
            # Vague / generic: attention lets the model focus on relevant tokens and pass information along; no mechanism.
            "label": "vague_focus_and_route_information",
            "paraphrases": [
                "Self-attention lets each token look at all the other tokens and decide which ones are relevant. Because of that, the network can focus on the important information and pass it along, which is kind of like copying. This is very useful in tasks like translation, where a word in the output often needs to reproduce a word from the input.",
                "Attention works like a soft dictionary lookup: queries search the keys and retrieve values. In the example the network can retrieve stored information, so it can 'copy' whatever it needs from the input. That is why transformers are so good at things like repeating names or numbers from a sequence.",
                "- attention = weighted combination of tokens\n- the model learns where to focus\n- important tokens get more weight, so their information flows to the output\n- this is how transformers can copy information out of the context, e.g. in pointer networks or summarization",
                "In general, self-attention gives the model a way to route information between positions. Instead of squeezing everything into a fixed hidden state like an RNN, every position has direct access to every other one, so relevant content can move freely. Here that means the network can copy values from its input to its output when needed.",
                "attention basically lets the model pay attention to whatever matters, so it can just copy stuff from the input if it wants to. like a transformer doing translation can copy a proper noun straight over. pretty powerful compared to RNNs",
                "Self-attention mixes information across tokens with learned weights, so it can carry an input's content to the output and effectively copy it. This property is why attention handles long sequences and copy-heavy tasks such as summarization better than recurrent models do.",
            ],
        },
    ],
    "p3": [
        {
            # Fully correct: y_i = q_i^T(K^T V) / q_i^T(sum_j k_j); K^T V and key sum computed once O(T d^2); O(d^2) per output; O(T d^2) = O(T).
            "label": "correct_precompute_ktv_and_key_sum",
            "paraphrases": [
                "Without the exponential, the $i$-th output is $y_i = \\frac{\\sum_j (q_i^T k_j) v_j}{\\sum_j q_i^T k_j} = \\frac{q_i^T \\left(\\sum_j k_j v_j^T\\right)}{q_i^T \\sum_j k_j}$. The $d\\times d$ matrix $S = \\sum_j k_j v_j^T = K^T V$ and the vector $z = \\sum_j k_j$ do not depend on $i$, so we compute them once in $O(Td^2)$. Each output then costs $O(d^2)$, for a total of $O(Td^2)$, which is linear in $T$ for fixed $d$.",
                "Drop exp => y_i = q_i^T (sum_j k_j v_j^T) / q_i^T (sum_j k_j). Both sums are independent of i: build S = K^T V (d x d) and z = sum_j k_j once, O(T d^2). Then each y_i costs O(d^2). Total O(T d^2) = O(T) for constant d, and no T x T matrix is ever formed.",
                "- numerator: Σⱼ (qᵢᵀkⱼ) vⱼ = qᵢᵀ (Σⱼ kⱼ vⱼᵀ) = qᵢᵀ (KᵀV)\n- denominator: Σⱼ qᵢᵀkⱼ = qᵢᵀ (Σⱼ kⱼ)\n- KᵀV is d×d and Σⱼ kⱼ is a d-vector; neither depends on i, so compute them once: O(T d²)\n- per query O(d²), over T queries O(T d²)\n- ⇒ linear in T (d fixed), vs O(T² d) for softmax attention",
                "Once the exp is gone, the score q_i^T k_j is bilinear, so we can reorder. Rather than (Q K^T) V with its T x T matrix, write y_i as q_i^T (K^T V) divided by q_i^T times the sum of all keys. K^T V (d x d) and the key sum are shared by every query, so they're computed once in O(T d^2). Each y_i then takes O(d^2), giving O(T d^2) overall, linear in T for constant d.",
                "trick is associativity, (QKᵀ)V = Q(KᵀV). KᵀV is only d×d and you compute it once in O(Td²), same for the normalizer Σ_j k_j. then each query just does q_iᵀ(KᵀV) / q_iᵀ(Σ_j k_j), which is O(d²). so total O(Td²), linear in T since d is fixed",
                "Linear attention: $y_i = \\dfrac{q_i^\\top K^\\top V}{q_i^\\top K^\\top \\mathbf{1}}$. Precompute $K^\\top V \\in \\mathbb{R}^{d\\times d}$ and $K^\\top\\mathbf{1} = \\sum_j k_j$ once, costing $O(Td^2)$; they are the same for all $i$. Evaluating all $T$ outputs, at $O(d^2)$ each, is another $O(Td^2)$. Hence the cost grows as $O(T)$ in the sequence length instead of $O(T^2)$.",
            ],
        },
        {
            # Correct regrouping Q(K^T V) in O(T d^2), but ignores the normalization (denominator / sum of keys) entirely.
            "label": "partial_reassociate_ignores_normalizer",
            "paraphrases": [
                "Without the softmax nonlinearity the attention is just $QK^TV$, and matrix multiplication is associative, so we can compute it as $Q(K^TV)$ instead of $(QK^T)V$. $K^TV$ is only $d\\times d$ and takes $O(Td^2)$; multiplying $Q$ by it is another $O(Td^2)$. We never build the $T\\times T$ matrix, so the cost is linear in $T$.",
                "Y = Q K^T V. Compute K^T V first (d x d, costs O(T d^2)), then Q (K^T V), another O(T d^2). Total O(T d^2), linear in T. The quadratic cost only came from forming Q K^T explicitly, which this ordering of the multiplications avoids.",
                "- no exp ⇒ the output is the plain product Q Kᵀ V\n- multiply right-to-left: Kᵀ V first, a d×d matrix, O(T d²)\n- then Q (Kᵀ V): T×d times d×d, O(T d²)\n- the T×T attention matrix is never materialized ⇒ O(T) for fixed d",
                "Once the exponential is removed, the layer is just the product Q K^T V, and matrix multiplication is associative, so we may pick the order. Q K^T first builds a T by T matrix; K^T V first gives a d by d matrix in O(T d^2), and multiplying Q by it is also O(T d^2), linear in T.",
                "just reorder the matmuls lol. (QKᵀ)V needs the T×T thing but Q(KᵀV) doesn't, because KᵀV is only d×d. both steps are O(Td²), so overall it's linear in T. only possible because exp is gone, so it's all plain matrix products",
                "Associativity of matrix multiplication: $(QK^\\top)V = Q(K^\\top V)$. The right-hand side never forms a $T\\times T$ matrix; the intermediate $K^\\top V$ is $d\\times d$, built in $O(Td^2)$, and the final product also costs $O(Td^2)$. So linear self-attention runs in $O(T)$ time for constant $d$.",
            ],
        },
        {
            # Misconception: removing exp makes the rows parallelizable on a GPU, so wall-clock time is O(T).
            "label": "wrong_gpu_parallel_rows",
            "paraphrases": [
                "Without the exponentials, no row of the output depends on the others through the softmax, so all rows can be computed in parallel on a GPU. With one thread block per query, the T queries run simultaneously and the time only grows with one row's length, O(T). Parallelization turns the quadratic cost into linear time.",
                "Drop the exp and everything is just multiply-adds, which GPUs execute massively in parallel. With one thread per token computing its dot products against all $T$ keys simultaneously, the wall-clock time is $O(T)$ rather than $O(T^2)$, since the rows no longer wait on each other.",
                "- the exponential is a sequential bottleneck in the softmax\n- removing it leaves pure dot products, which are embarrassingly parallel\n- run the T rows concurrently on the GPU cores\n- each core does O(T) work ⇒ the total time is O(T)",
                "Linear attention is fast because it maps perfectly onto parallel hardware. The softmax needs exponentials and a row-wise normalization that serialize the work; with them dropped, it's only dot products and sums, so every query's output is computed independently at the same moment. Given enough cores, the runtime is one query's O(T) loop.",
                "no exp = no expensive sequential softmax step, so you can just throw all T rows at the GPU at once. each row is O(T) work and they all run in parallel, so the total time is O(T). that's why it's 'linear'",
                "Linear attention achieves $O(T)$ time through parallelism: without $\\exp$, the per-query computations $\\sum_j (q_i\\cdot k_j)v_j$ are independent and can all execute concurrently across GPU threads. Since each thread only loops over the $T$ keys, the elapsed time scales as $O(T)$ instead of $O(T^2)$.",
            ],
        },
        {
            # Misconception: the O(T^2) cost was the T^2 exponentials themselves; dot products are "cheap", so without exp it's O(T).
            "label": "wrong_exp_evaluations_were_the_cost",
            "paraphrases": [
                "The quadratic term comes from evaluating the exponential for each of the T^2 query–key pairs, and exp is very expensive compared to multiplication and addition. Without the exponentials, only cheap dot products and one normalization per row remain, whose cost is negligible, so the running time becomes O(T).",
                "Softmax needs $T^2$ calls to $\\exp$, and that is exactly what gives $O(T^2)$. Dot products are cheap multiply-adds by comparison, so without the exponentials the dominant cost disappears and only $O(T)$ worth of work per layer remains.",
                "- the bottleneck of softmax attention = computing exp(qᵢ·kⱼ) for all T² pairs\n- exp is far more costly than a multiply-add\n- linear attention skips exp entirely\n- the remaining ops (dot products + row normalization) are cheap ⇒ O(T)",
                "Most of the compute in self-attention is the softmax: T^2 scores, each pushed through an exponential, which is slow since it's a series expansion, not one instruction. Linear attention skips that, and multiplying and summing raw scores is so cheap by comparison that the complexity drops to linear in T.",
                "exp is the slow part!! T² exponentials is what makes attention O(T²). take them out and you're left with basic dot products and one division per row, which are super cheap, so it's O(T) basically",
                "The $O(T^2)$ runtime is caused by the $T^2$ exponentials inside the row-wise softmax. Removing them leaves only inexpensive arithmetic on the scores, so the cost associated with the attention matrix becomes negligible and the layer runs in $O(T)$ time.",
            ],
        },
        {
            # Misconception: KV caching -- store past keys/values so each token only computes one row of T scores => "O(T)".
            "label": "wrong_kv_cache_one_row",
            "paraphrases": [
                "Linear attention reuses work through caching. Keys and values of earlier tokens are stored in a KV cache, so a new token only computes its own query against the cached keys instead of the whole attention matrix. That's one row of T dot products, O(T), so the layer runs in linear rather than quadratic time.",
                "With a KV cache, previously computed keys and values are kept around, and each step only computes the new query's scores against them: $T$ dot products, i.e. $O(T)$. Without the exp those stored scores never need to be recomputed, so the total is linear.",
                "- store K and V for all past tokens (KV cache)\n- new token: compute qₜ·kⱼ against the cache only, old rows are not recomputed\n- that's O(T) per token\n- hence linear attention = O(T) instead of rebuilding the T×T matrix every time",
                "Normal attention is quadratic because it recomputes the full T x T score matrix. We don't need to: keys and values of processed tokens can be cached in memory. Each token just takes one dot product per cached key and normalizes by their sum, a single pass over T entries, so the cost is O(T).",
                "you just cache the keys/values you already computed (KV cache) so you don't redo the whole QKᵀ every time. each new token = one row of scores = T dot products = O(T). boom, linear",
                "Caching removes the quadratic term: by storing $K$ and $V$ from earlier positions, each query needs only one pass over the cached keys, $\\sum_j (q_t\\cdot k_j)\\,v_j / \\sum_j q_t\\cdot k_j$, which is $O(T)$ work. Nothing gets recomputed, so linear attention costs $O(T)$.",
            ],
        },
        {
            # Misconception: without exp the layer is a linear function, and a linear map runs in linear time (confuses linearity with O(T)).
            "label": "wrong_linear_function_means_linear_time",
            "paraphrases": [
                "Dropping the exponential removes the only nonlinearity, so the attention layer becomes a linear function of its inputs. Linear functions can be evaluated in linear time, just scaling and adding the tokens, so the cost grows in proportion to T. That's why it's called 'linear' self-attention: linear math, linear runtime.",
                "No exp means no nonlinearity, so the layer is a linear operator on the sequence, and applying a linear operator only takes one pass over the $T$ tokens. Therefore it is $O(T)$, unlike softmax attention, whose nonlinearity forces $O(T^2)$.",
                "- softmax is nonlinear → needs all T² pairwise terms\n- remove exp → the map from inputs to outputs is linear\n- a linear map is just weighted sums of the inputs, one pass over T tokens\n- linear operation ⇒ linear time, O(T)",
                "The nonlinearity is what forces standard attention to compare every token with every other one. Without it the layer is linear: the output is a fixed linear combination of the inputs, and evaluating a linear combination of T vectors takes work proportional to T. The linearity of the function directly gives linear computation time, hence the name.",
                "if there's no exp it's all linear ops, and linear stuff runs in linear time. the output is basically just a linear combination of the T input tokens so O(T). hence the name linear attention lol",
                "Once the softmax exponentials are gone, self-attention is a linear transformation of the input sequence. A linear transformation of $T$ tokens is computed with a single weighted sum over them, so its complexity is $O(T)$: linearity of the map implies linear running time.",
            ],
        },
        {
            # Mixed: correct K^T V / key-sum precomputation and O(T d^2); wrong claim that softmax attention factorizes the same way (exp is elementwise), exp dropped only for stability.
            "label": "mixed_correct_factorization_but_softmax_too",
            "paraphrases": [
                "Write $y_i = q_i^T(\\sum_j k_j v_j^T) / q_i^T(\\sum_j k_j)$. The $d\\times d$ matrix $K^TV$ together with $\\sum_j k_j$ is reused by every query, so building them once costs $O(Td^2)$ and each output costs $O(d^2)$, giving $O(Td^2)$ total. The same reordering also works for ordinary softmax attention, since $\\exp$ is applied entrywise; dropping it is mostly for numerical stability, not what makes the trick possible.",
                "Reassociate: y_i = q_i^T (K^T V) / q_i^T (sum_j k_j). K^T V is d x d, and both it and sum_j k_j are computed once in O(T d^2), after which each query is O(d^2) -> O(T d^2) total, linear in T. Actually regular softmax attention can be computed this way too; removing exp just avoids overflow.",
                "- yᵢ = qᵢᵀ(Σⱼ kⱼvⱼᵀ) / qᵢᵀ(Σⱼ kⱼ)\n- KᵀV (d×d) and Σⱼ kⱼ don't depend on i → compute once, O(T d²)\n- T outputs × O(d²) each → O(T d²) = O(T)\n- this factorization would apply to standard softmax attention as well; exp is elementwise, so dropping it is about stability rather than speed",
                "Since scores are plain dot products, pull q_i out of the sum: numerator q_i^T K^T V with K^T V a d by d matrix, denominator q_i^T times the key sum. Both are shared by all i, so compute them once in O(T d^2), then O(d^2) per output: O(T d^2) overall. This isn't special to linear attention: exp acts elementwise, so softmax attention reorders the same way; exp was dropped only to avoid blowups.",
                "pull q_i out of the sums: y_i = q_iᵀ(KᵀV) / q_iᵀ(Σk_j). KᵀV is d×d, build it one time in O(Td²), likewise Σk_j, then each y_i is O(d²). total O(Td²) so linear in T. fwiw you could do the same thing with the exp kept since it's elementwise, dropping it is more about stability",
                "Since $q_i$ factors out of both sums, $y_i = \\frac{q_i^\\top K^\\top V}{q_i^\\top \\sum_j k_j}$ with $K^\\top V$ and $\\sum_j k_j$ precomputed once in $O(Td^2)$; all $T$ outputs then take $O(Td^2)$, linear in $T$. The identical reordering applies to standard softmax attention because exponentiation is elementwise; removing $\\exp$ is just a numerical-stability choice.",
            ],
        },
        {
            # Vague: linear attention is a cheaper approximation used by efficient transformers, so it is O(T); no mechanism given.
            "label": "vague_efficient_approximation_scales",
            "paraphrases": [
                "Linear self-attention is an approximation of real attention that trades a bit of accuracy for speed. Because it is simpler, it scales much better to long sequences, which is why models such as Performer and Linformer use this kind of idea to process thousands of tokens. So the running time ends up growing linearly with T instead of quadratically.",
                "It's a cheaper version of attention. Transformers struggle with long inputs because of the $O(T^2)$ cost, and linear attention was proposed to fix exactly this, so it is $O(T)$ and can be applied to long documents, audio, or high-resolution images.",
                "- standard attention doesn't scale to long sequences\n- linear attention is a simplified approximation designed for efficiency\n- it's used in efficient transformers (Performer, Linear Transformer, etc.)\n- so its cost is O(T) and it handles much longer contexts, at some cost in quality",
                "Quadratic attention is a major bottleneck of transformers, especially for very long inputs like genomics or book-length text. Among the many efficient attention mechanisms proposed, linear attention is one of the simplest: by simplifying the formula it becomes much lighter to compute, so the complexity is reduced to O(T), though performance may degrade somewhat.",
                "linear attention is just a more efficient attention, it's designed so that it scales linearly, so O(T). that's the whole point of it vs vanilla transformers, which blow up on long sequences. it's less accurate tho",
                "Linear self-attention simplifies the attention computation so that it scales to long sequences; this is the motivation behind efficient transformer variants. As a result its time complexity is $O(T)$ in the sequence length, compared with $O(T^2)$ for standard attention, at the expense of some modeling power.",
            ],
        },
    ],
}
