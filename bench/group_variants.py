"""Paraphrased answer variants for the answer-groups benchmark (bench/groups_bench.py).

Two theory questions from Assignment 2 are covered:

* ``p2c`` -- self-attention with query = key = value = token, tokens built from orthogonal
  vectors of norm beta: explain why attention approximately "copies" an input token as beta grows.
* ``p3`` -- "Attention! My code takes too long": explain why linear attention (softmax
  exponential dropped) can be computed in O(T) instead of O(T^2).

For each question there are 8 variants that differ in *meaning* (what the answer claims):
a correct answer, a correct answer missing a key point, several specific misconceptions,
a partially correct answer mixing a right and a wrong claim, a generic or off-topic answer,
and an "I don't know" non-answer. Each variant has 6 paraphrases that make the same claims
in clearly different wording, order and length (within roughly +-30% of the variant's median
word count), some terse, some verbose, some with light markdown or inline LaTeX.

A grouping method should put paraphrases of one variant in the same group and keep different
variants of the same question apart. Labels are unique within a question.
"""

VARIANTS: dict[str, list[dict]] = {
    "p2c": [
        {
            "label": "correct",
            "paraphrases": [
                (
                    "As beta grows, the dot products between queries and keys scale like "
                    "$\\beta^2$, so the gaps between the scores in a row become enormous. The "
                    "softmax then turns essentially one-hot and puts all of its weight on the "
                    "best-matching key. Every token matches itself best ($x_1 \\cdot x_1 = "
                    "2\\beta^2$ versus $x_1 \\cdot x_3 = \\beta^2$), so $y_i \\approx x_i$ and the "
                    "output is a copy of the input token."
                ),
                (
                    "The scores are multiples of $\\beta^2$, so for large $\\beta$ the softmax "
                    "saturates and acts like an argmax over the keys. For each query the winning "
                    "key is the token itself, because a token's similarity with itself is the "
                    "biggest in its row. The weighted sum therefore collapses to that single value "
                    "vector, and the output simply reproduces the input token."
                ),
                (
                    "**Why it copies:** the attention logits grow in proportion to $\\beta^2$, and "
                    "as $\\beta \\to \\infty$ the softmax approaches a hard max. Since each "
                    "token's dot product with itself is larger than with any other token, nearly "
                    "all of the weight lands on its own value. So the output is (almost exactly) "
                    "the input token, i.e. self-attention copies it."
                ),
                (
                    "The output ends up equal to the input token itself. That is because each "
                    "query is most similar to its own key, and when beta is huge the softmax over "
                    "those similarities behaves like a winner-take-all choice instead of a soft "
                    "average. The differences between the scores blow up with beta, so the top "
                    "weight goes to 1 and the rest go to 0."
                ),
                (
                    "In the example the score matrix has entries such as $2\\beta^2$, $\\beta^2$ "
                    "and $0$. A large $\\beta$ stretches these differences and the exponential "
                    "amplifies them further, so the weight on the largest score tends to 1 and "
                    "every other weight tends to 0. The largest score in row $i$ is the token with "
                    "itself, so $y_i$ becomes $v_i = x_i$: attention selects and copies an input "
                    "token."
                ),
                (
                    "Making beta large drives the softmax toward a one-hot vector that picks the "
                    "single key with the highest score and ignores all the others. For every "
                    "token, that highest score is the one with itself. Hence the weighted sum "
                    "reduces to the token's own value vector, which means the output is a copy of "
                    "that input."
                ),
            ],
        },
        {
            "label": "correct_missing_saturation",
            "paraphrases": [
                (
                    "Each token is most similar to itself: $x_1$ has dot product $2\\beta^2$ with "
                    "itself but only $\\beta^2$ with $x_3$ and 0 with $x_2$. So when attention "
                    "forms its weighted average, the token's own value gets the largest weight. "
                    "The output therefore looks mostly like the input token, and that is the sense "
                    "in which attention copies it."
                ),
                (
                    "A token's query lines up best with its own key, since the self dot product is "
                    "the largest entry in its row of $QK^T$. That gives its own value the biggest "
                    "attention weight, so the output is dominated by, and resembles, the token "
                    "that came in."
                ),
                (
                    "Copying works because the highest similarity for any query is with the same "
                    "token. In the example, $x_3$ scores $2\\beta^2$ against itself, $\\beta^2$ "
                    "against $x_1$ and nothing against $x_2$. The attention weights follow these "
                    "scores, so most of the output comes from the token's own value, and the "
                    "result is mostly a copy of it."
                ),
                (
                    "The output is mainly the input token again. Why? In the score matrix the "
                    "diagonal entries are the biggest, because every vector overlaps with itself "
                    "more than with the others. Bigger scores mean bigger attention weights, so "
                    "each $y_i$ is weighted mostly toward $x_i$."
                ),
                (
                    "Since query = key = value, the dot product of a token with itself is always "
                    "the largest one (the orthogonal parts only add up on the diagonal). The "
                    "attention weight on the token's own value is therefore the highest, and the "
                    "output mostly reproduces that input token."
                ),
                (
                    "- self-similarity ($x_i \\cdot x_i$) is the largest score in each row\n"
                    "- so the token's own value receives the most attention weight\n"
                    "- so the output is mostly that same token, i.e. it is roughly copied"
                ),
            ],
        },
        {
            "label": "misconception_unnormalized_mix",
            "paraphrases": [
                (
                    "Multiplying out $Q K^T V$ gives $y_1 = 2\\beta^2 x_1 + \\beta^2 x_3$, $y_2 = "
                    "\\beta^2 x_2$ and $y_3 = \\beta^2 x_1 + 2\\beta^2 x_3$. Every output is a "
                    "linear combination of the input tokens with coefficients proportional to "
                    "$\\beta^2$. The network copies the inputs in the sense that $y_1$ and $y_3$ "
                    "contain copies of both $x_1$ and $x_3$, and a larger beta just makes those "
                    "copies bigger."
                ),
                (
                    "Looking at the outputs, $y_2$ is $\\beta^2$ times $x_2$, while $y_1$ and "
                    "$y_3$ each mix $x_1$ and $x_3$ with weights $2\\beta^2$ and $\\beta^2$. So "
                    "the network copies inputs by adding up scaled versions of them: $y_2$ copies "
                    "$x_2$ and the other two outputs copy both $x_1$ and $x_3$. As beta grows the "
                    "copies are scaled up by $\\beta^2$."
                ),
                (
                    "Self-attention here is just the score matrix times the values, and the scores "
                    "are $2\\beta^2$, $\\beta^2$ or 0. That makes each output a weighted sum of "
                    "the input tokens, e.g. $y_1$ is $2\\beta^2 x_1$ plus $\\beta^2 x_3$. Copying "
                    "means the inputs reappear inside the outputs multiplied by these factors, and "
                    "increasing beta increases those multipliers."
                ),
                (
                    "The inputs get copied into the outputs as scaled linear combinations. Because "
                    "$x_1$ and $x_3$ share the component $b$, each of $y_1$ and $y_3$ contains "
                    "both tokens, with coefficients $2\\beta^2$ and $\\beta^2$, while $y_2 = "
                    "\\beta^2 x_2$ copies only $x_2$. A larger beta makes every copied term "
                    "proportionally larger."
                ),
                (
                    "y1 = 2b^2 x1 + b^2 x3, y2 = b^2 x2, y3 = b^2 x1 + 2b^2 x3 (b = beta). So the "
                    "outputs are copies of the inputs added together with weights that grow as "
                    "beta squared: y2 copies x2 and y1, y3 each copy a mix of x1 and x3. The "
                    "bigger beta is, the more each copy is amplified."
                ),
                (
                    "From part (b), each $y_i$ equals a sum of input tokens weighted by their dot "
                    "products with $x_i$, with no other processing. Tokens that share a base "
                    "vector copy each other, so $y_1$ and $y_3$ both hold $x_1$ and $x_3$, and "
                    "$x_2$ is copied alone into $y_2$. Growing beta only scales these copies up by "
                    "$\\beta^2$."
                ),
            ],
        },
        {
            "label": "misconception_uniform_average",
            "paraphrases": [
                (
                    "When beta is very large all of the dot products become huge, so the "
                    "differences between them stop mattering and the softmax gives every token "
                    "roughly the same weight. The output is then the average of all the input "
                    "tokens. Since every token contributes equally, each output contains a copy of "
                    "every input."
                ),
                (
                    "As $\\beta \\to \\infty$ every score is enormous, and the softmax of a row of "
                    "enormous numbers is close to uniform. So each output becomes the plain mean "
                    "$(x_1 + x_2 + x_3)/3$, meaning the inputs are all copied into every position "
                    "in equal amounts."
                ),
                (
                    "Large beta pushes all attention scores toward infinity together, which washes "
                    "out the distinctions between keys. The attention weights flatten out to about "
                    "$1/3$ each, and every output becomes an equal blend of $x_1$, $x_2$ and "
                    "$x_3$. That even blend is how the inputs are copied to the output."
                ),
                (
                    "The output at every position is the average of the tokens, so all of the "
                    "inputs are copied into it equally. This happens because scaling by a big beta "
                    "makes all the scores so large that the softmax can no longer tell them apart "
                    "and spreads its weight evenly."
                ),
                (
                    "With a huge $\\beta$ the softmax saturates to a **uniform** distribution: "
                    "each key gets about the same weight because all the logits are large. Hence "
                    "$y_i \\approx \\frac{1}{3}\\sum_j x_j$ for every $i$, and each output holds "
                    "an equal copy of all three inputs."
                ),
                (
                    "Because beta multiplies every score, making it large makes all of the scores "
                    "large at once, so the softmax weights end up nearly equal. Each $y_i$ is then "
                    "approximately the mean of the value vectors. In that sense the layer copies "
                    "all the input tokens into each output with the same weight."
                ),
            ],
        },
        {
            "label": "partial_largest_norm",
            "paraphrases": [
                (
                    "As beta grows the softmax becomes essentially one-hot, so each output picks "
                    "out a single value vector. The one it picks is the token with the largest "
                    "norm, since bigger vectors give bigger dot products with any query. Here that "
                    "is $x_1$ or $x_3$ (norm $\\sqrt{2}\\beta$), so every output copies one of "
                    "those and $x_2$ is never copied."
                ),
                (
                    "For large $\\beta$ the softmax acts like a hard selection of one token. It "
                    "selects whichever token has the biggest norm, because that vector has the "
                    "largest dot product with every query. So all positions copy a large-norm "
                    "token ($x_1$ or $x_3$, norm $\\beta\\sqrt{2}$) and the smaller $x_2$ gets "
                    "dropped."
                ),
                (
                    "Copying happens because the longest token dominates. With a big beta the "
                    "softmax turns into a winner-take-all over the keys, and the winner is always "
                    "the key with the largest magnitude, no matter what the query is. $x_1$ and "
                    "$x_3$ have norm $\\sqrt{2}\\beta$ against $\\beta$ for $x_2$, so the outputs "
                    "become copies of $x_1$ or $x_3$."
                ),
                (
                    "Every output becomes a copy of the largest-norm token, namely $x_1$ or $x_3$, "
                    "and $x_2$ disappears from the outputs. The reason is that a large beta makes "
                    "the softmax nearly one-hot, and the key that wins it is the longest vector, "
                    "since length is what makes a dot product big."
                ),
                (
                    "Softmax with very large scores is basically an argmax, so attention copies "
                    "exactly one value vector into each output. The argmax is won by the token "
                    "with the biggest $\\ell_2$ norm, because it has the largest inner product "
                    "with any query. In this example that means all outputs copy $x_1$ or $x_3$, "
                    "the tokens of norm $\\sqrt{2}\\beta$."
                ),
                (
                    "1. Large $\\beta$ makes the softmax (almost) one-hot, so one token is copied "
                    "per output.\n"
                    "2. The copied token is the one with the largest norm, since it produces the "
                    "highest score with every query.\n"
                    "3. Here that is $x_1$ / $x_3$ (norm $\\sqrt{2}\\beta$); $x_2$ never gets "
                    "copied."
                ),
            ],
        },
        {
            "label": "generic_weighted_sum",
            "paraphrases": [
                (
                    "Self-attention computes each output as a weighted sum of the values, where "
                    "the weights come from how similar the query is to each key. If one weight is "
                    "1 and the others are 0, the output is an exact copy of that input, and "
                    "smaller weights give only a partial copy. This lets the network selectively "
                    "reproduce the relevant parts of the input, which helps in tasks such as "
                    "summarization."
                ),
                (
                    "The output of attention is a similarity-weighted average of the input values. "
                    "A weight of 1 on some element means that element is reproduced exactly, while "
                    "lower weights mean it is only partly reproduced or not at all. So the network "
                    "can choose which pieces of the input to pass through to the output, which is "
                    "useful for things like translation or summarization."
                ),
                (
                    "Attention assigns a weight to every input based on query-key similarity and "
                    "then sums the values with those weights. An input whose weight is 1 gets "
                    "copied exactly, and inputs with small weights are mostly left out. That is "
                    "how networks can copy selected parts of their input, for example to pick out "
                    "the important words in a sentence."
                ),
                (
                    "Networks can copy input values because each attention output is a weighted "
                    "combination of the values. The weights measure relevance: full weight on one "
                    "value copies it exactly, and partial weights mix several values together. "
                    "This kind of selective copying is valuable for summarization and similar "
                    "tasks where only some of the input matters."
                ),
                (
                    "**Idea:** output = sum of (attention weight) $\\times$ (value), with the "
                    "weights given by the similarity of queries and keys. When a weight equals 1 "
                    "the corresponding input is copied unchanged; weights in between give a "
                    "partial copy. So attention lets the model pass chosen parts of the input "
                    "straight through, which is handy for summarizing text."
                ),
                (
                    "In self-attention the inputs act as queries, keys and values, and each output "
                    "is a weighted sum of the values with weights set by similarity. If the weight "
                    "on one input is 1, that input is copied to the output; otherwise it is only "
                    "partially copied. This selective reproduction helps the network focus on the "
                    "most relevant parts of the sequence."
                ),
            ],
        },
        {
            "label": "off_topic",
            "paraphrases": [
                (
                    "Transformers replace recurrence with attention, so all the tokens in a "
                    "sequence can be processed in parallel instead of one at a time. Positional "
                    "encodings are added so the model still knows the order of the words, and "
                    "multi-head attention lets it capture several kinds of relationships at once. "
                    "This makes transformers faster to train than RNNs and better at long range "
                    "dependencies."
                ),
                (
                    "Unlike an RNN, a transformer does not read the sequence step by step; it "
                    "processes every token simultaneously, which makes training much faster on "
                    "GPUs. Word order is kept by adding positional encodings, and using several "
                    "attention heads lets the model learn different relations. Transformers also "
                    "handle long-range dependencies better than recurrent networks."
                ),
                (
                    "Attention-based models like BERT and GPT are built from stacks of multi-head "
                    "attention and feed-forward layers. Because there is no recurrence, they can "
                    "be trained in parallel over the whole sequence, and they use positional "
                    "encodings to represent order. As a result they scale well and model "
                    "long-distance relationships better than LSTMs."
                ),
                (
                    "The main advantage of transformers over RNNs is parallelism: every position "
                    "is computed at the same time rather than sequentially. They also add "
                    "positional encodings because attention itself ignores order, and they use "
                    "multiple heads to look at different aspects of the input. This is why they "
                    "have largely replaced LSTMs in NLP."
                ),
                (
                    "- No recurrence: all tokens are processed in parallel, so training is fast\n"
                    "- Positional encodings give the model information about word order\n"
                    "- Multi-head attention captures several types of relationships\n"
                    "- Overall, transformers beat RNNs on long-range dependencies"
                ),
                (
                    "Self-attention is the core of the transformer architecture from *Attention Is "
                    "All You Need*. It drops recurrence entirely, so sequences are processed in "
                    "parallel, and positional encodings supply the ordering information. Multiple "
                    "heads let the model attend to different things, which helps it capture "
                    "long-range context better than an RNN."
                ),
            ],
        },
        {
            "label": "dont_know",
            "paraphrases": [
                (
                    "I'm not really sure how this works. I computed the outputs in the previous "
                    "part but don't see why anything would get copied. Ran out of time."
                ),
                (
                    "Not sure. I couldn't figure out the connection between the example and "
                    "copying, so I'm leaving this part blank. Sorry."
                ),
                (
                    "I don't know the answer to this part. I tried to relate it to the outputs "
                    "from (b) but couldn't work out what copying has to do with them."
                ),
                (
                    "Skipped. I understand how to compute the attention outputs but I could not "
                    "explain the copying behaviour, and I did not have enough time to look into it."
                ),
                (
                    "Honestly I'm unsure what the question is asking here. I don't see how "
                    "self-attention copies an input, so I can't give an explanation."
                ),
                (
                    "?? I didn't manage to work this out. No idea why beta would make it copy "
                    "anything; I'll ask about it in office hours."
                ),
            ],
        },
    ],
    "p3": [
        {
            "label": "correct",
            "paraphrases": [
                (
                    "Without the exponential, the numerator is $\\sum_j (q_i^T k_j) v_j = q_i^T "
                    "\\sum_j k_j v_j^T$, so we can reassociate $(QK^T)V$ as $Q(K^TV)$. The $d "
                    "\\times d$ matrix $K^TV$ and the normaliser $\\sum_j k_j$ do not depend on "
                    "$i$, so they are computed once in $O(Td^2)$. Each of the $T$ outputs then "
                    "costs $O(d^2)$, giving $O(T)$ overall. With softmax this fails because "
                    "$\\exp(q^T k)$ does not factor, so the full $T \\times T$ score matrix has to "
                    "be formed."
                ),
                (
                    "Dropping the exponential makes the scores bilinear, so the sum over $j$ can "
                    "be pulled inside: $y_i = q_i^T(\\sum_j k_j v_j^T) / q_i^T(\\sum_j k_j)$. Both "
                    "sums are shared by all queries and take $O(Td^2)$ to build once. Applying "
                    "them to each of the $T$ queries is $O(d^2)$ apiece, so the total is linear in "
                    "$T$. The softmax version can't be rearranged like this since $e^{q^Tk}$ isn't "
                    "a product of a query part and a key part, which forces all $T^2$ scores."
                ),
                (
                    "**Key trick: associativity.** Regular attention computes "
                    "$\\text{softmax}(QK^T)$, a $T \\times T$ matrix, hence $O(T^2)$. Without the "
                    "exp we can instead compute $K^TV$ (size $d \\times d$) and $\\sum_j k_j$ "
                    "first, in $O(Td^2)$, and then multiply each query by them for $O(d^2)$ per "
                    "token. The total is $O(Td^2)$, linear in $T$. The exponential blocks this "
                    "because it does not split into separate query and key factors."
                ),
                (
                    "The cost becomes linear because the expensive part no longer depends on the "
                    "query. Without softmax, $q_i^T k_j v_j$ summed over $j$ equals $q_i^T$ times "
                    "the matrix $S = \\sum_j k_j v_j^T$, and the denominator is $q_i^T z$ with $z "
                    "= \\sum_j k_j$. $S$ and $z$ are computed once in $O(Td^2)$, and each output "
                    "then needs only $O(d^2)$ work, so $T$ outputs cost $O(T)$. The exponential "
                    "can't be factored this way, so ordinary attention must score every pair."
                ),
                (
                    "Regular attention is quadratic because exp of each dot product can't be "
                    "decomposed, so every one of the $T^2$ query-key scores must be computed "
                    "explicitly. Linear attention removes the exp, and then $(QK^T)V = Q(K^TV)$ by "
                    "associativity. $K^TV = \\sum_j k_j v_j^T$ is a small $d \\times d$ matrix "
                    "and, together with $\\sum_j k_j$ for the normaliser, it is built once in "
                    "$O(Td^2)$. Each output then takes $O(d^2)$, so the whole layer is $O(T)$ in "
                    "sequence length."
                ),
                (
                    "Precompute $M = K^T V = \\sum_j k_j v_j^T$ and $z = \\sum_j k_j$ once; this "
                    "is $O(Td^2)$ and independent of the query index. Then $y_i = q_i^T M / q_i^T "
                    "z$, which is $O(d^2)$ per token, so all $T$ outputs take $O(Td^2)$: linear in "
                    "$T$. This only works because without the exponential the score $q_i^T k_j$ "
                    "separates into query and key; $\\exp(q_i^T k_j)$ does not, so softmax "
                    "attention needs the full $T \\times T$ matrix."
                ),
            ],
        },
        {
            "label": "correct_missing_normaliser",
            "paraphrases": [
                (
                    "Without the exponential the output is just $(QK^T)V$, and since matrix "
                    "multiplication is associative we can compute $Q(K^TV)$ instead. $K^TV$ is "
                    "only $d \\times d$ and takes $O(Td^2)$ to compute, and multiplying $Q$ by it "
                    "also costs $O(Td^2)$. So the whole thing is linear in $T$."
                ),
                (
                    "Matrix products are associative, so $(QK^T)V = Q(K^TV)$. The left grouping "
                    "builds a $T \\times T$ matrix, which is $O(T^2)$, but the right grouping only "
                    "builds a $d \\times d$ matrix, costing $O(Td^2)$, followed by another "
                    "$O(Td^2)$ product. Hence the cost is $O(T)$."
                ),
                (
                    "The trick is to change the order of multiplication. Computing $K^T V$ first "
                    "gives a small $d$-by-$d$ matrix in $O(Td^2)$ time, and multiplying $Q$ by "
                    "that matrix takes another $O(Td^2)$. We never form the $T \\times T$ "
                    "attention matrix, so the running time grows linearly with $T$."
                ),
                (
                    "It runs in $O(T)$ because we can multiply $K^T$ and $V$ together before "
                    "involving $Q$. That product is $d \\times d$ regardless of sequence length "
                    "and costs $O(Td^2)$; then $Q$ times it is $O(Td^2)$ too. By associativity "
                    "this equals $(QK^T)V$, so no quadratic step is needed."
                ),
                (
                    "Use associativity: $Q K^T V$ can be evaluated as $Q (K^T V)$. Forming $K^T V$ "
                    "is $O(T d^2)$ and gives a $d \\times d$ matrix; the final product with $Q$ is "
                    "another $O(T d^2)$. Since $d$ is fixed, both steps are linear in $T$, unlike "
                    "the $O(T^2 d)$ cost of computing $QK^T$ first."
                ),
                (
                    "Rather than $(QK^T)$ times $V$, which needs all $T^2$ dot products, compute "
                    "$K^TV$ first. That is a $d \\times d$ matrix that costs $O(Td^2)$, and then "
                    "each row of $Q$ is multiplied by it, another $O(Td^2)$ in total. The result "
                    "is the same by associativity and the cost is linear in $T$."
                ),
            ],
        },
        {
            "label": "misconception_exp_cost",
            "paraphrases": [
                (
                    "The quadratic cost of regular attention comes from evaluating the "
                    "exponentials in the softmax, which are expensive operations. Once they are "
                    "dropped, only cheap dot products and one division per token remain, so the "
                    "computation becomes fast enough to be $O(T)$."
                ),
                (
                    "Softmax needs an exponential for every score, and computing $e^x$ takes many "
                    "more operations than a multiply or an add. Removing the exponentials removes "
                    "that overhead, which is what makes regular attention $O(T^2)$, so linear "
                    "attention runs in $O(T)$."
                ),
                (
                    "Exponentials are the bottleneck. Each $\\exp$ is costly to compute, and doing "
                    "that for every query-key pair is what makes standard attention quadratic. "
                    "Linear attention keeps just the plain dot products and the normalisation, "
                    "which are cheap, so the time becomes linear in $T$."
                ),
                (
                    "Linear attention is $O(T)$ because it skips the expensive part of softmax: "
                    "computing $e^{q^T k}$. The exponential is far slower than a multiplication, "
                    "so once it is gone the remaining work (dot products plus normalising) is "
                    "cheap and grows only linearly with $T$."
                ),
                (
                    "**Reason:** $\\exp$ is a costly function to evaluate, and softmax applies it "
                    "to all of the attention scores, giving the $O(T^2)$ cost. Without it we only "
                    "multiply and add, which is so much cheaper that the running time drops to "
                    "$O(T)$."
                ),
                (
                    "In standard attention most of the time is spent computing exponentials for "
                    "the softmax. Linear attention drops them and just divides by the sum of the "
                    "dot products, which is a much lighter operation. Without the expensive exp "
                    "calls, the layer can be computed in $O(T)$ time."
                ),
            ],
        },
        {
            "label": "misconception_parallel",
            "paraphrases": [
                (
                    "Without the softmax, each output $y_i$ can be computed independently of the "
                    "others, because there is no normalisation coupling the whole row. So all $T$ "
                    "outputs can be computed in parallel on a GPU, and the total running time "
                    "becomes $O(T)$ instead of $O(T^2)$."
                ),
                (
                    "Removing the exponential means the outputs no longer have to wait for a "
                    "softmax over the full row. Every position can then be handled at the same "
                    "time by its own thread, so with enough GPU cores the computation finishes in "
                    "linear time."
                ),
                (
                    "The speedup is from parallelism. Softmax forces us to process each row of "
                    "scores together, but linear attention has no such dependency, so the $T$ "
                    "outputs are computed simultaneously. That turns the $O(T^2)$ sequential cost "
                    "into $O(T)$."
                ),
                (
                    "Linear attention is $O(T)$ because it is embarrassingly parallel: with no "
                    "softmax to normalise across tokens, each query's output is an independent "
                    "computation. Spreading these over the GPU's cores removes the quadratic cost."
                ),
                (
                    "Each $y_i$ only needs its own query, so without softmax nothing ties the "
                    "outputs together and they can all be computed at once. Running the $T$ "
                    "computations in parallel on GPU hardware makes the total time grow linearly "
                    "in $T$ rather than quadratically."
                ),
                (
                    "- softmax couples all scores in a row, so work is serialised -> $O(T^2)$\n"
                    "- without it every output is independent\n"
                    "- compute all $T$ outputs in parallel on the GPU -> $O(T)$"
                ),
            ],
        },
        {
            "label": "misconception_local_window",
            "paraphrases": [
                (
                    "Without the softmax there is nothing forcing each token to attend to every "
                    "other token, so each query only needs to be compared with a fixed number of "
                    "nearby keys. With a window of size $w$ the cost is $O(Tw)$, and since $w$ is "
                    "a constant that is $O(T)$."
                ),
                (
                    "Linear attention restricts each token to a local neighbourhood of keys "
                    "instead of the whole sequence, which is possible once the global softmax "
                    "normalisation is gone. Each query then does a constant amount of work, so $T$ "
                    "queries cost $O(T)$."
                ),
                (
                    "The quadratic cost comes from every query looking at all $T$ keys. Dropping "
                    "the exponential lets us limit attention to a small window around each "
                    "position, so each token only does about $w$ dot products. That gives $O(wT)$, "
                    "which is linear in $T$."
                ),
                (
                    "Each position attends only to a constant-size window of neighbouring tokens "
                    "rather than to the full sequence; without softmax there is no need to "
                    "normalise over all $T$ keys. So the work per token is constant and the total "
                    "is $O(T)$."
                ),
                (
                    "**Local attention:** once the softmax over the whole row is removed, a query "
                    "can be scored against just its $w$ closest keys. The cost per token is "
                    "$O(w)$, so the layer is $O(T \\cdot w) = O(T)$ for fixed $w$, instead of "
                    "$O(T^2)$."
                ),
                (
                    "In regular attention each of the $T$ tokens computes scores with all $T$ "
                    "keys, hence $T^2$. With linear attention we no longer need a normalised "
                    "distribution over all keys, so each token can just look at a few neighbours "
                    "within a fixed window, making the running time proportional to $T$."
                ),
            ],
        },
        {
            "label": "partial_softmax_too",
            "paraphrases": [
                (
                    "We can precompute $S = \\sum_j k_j v_j^T$ once, since it does not depend on "
                    "$i$, and then each output is $q_i^T S$, so the cost is linear in $T$. The "
                    "same trick also works for normal softmax attention: just apply the "
                    "exponential elementwise to $K^TV$ before multiplying by $Q$, so the quadratic "
                    "cost is just an implementation habit."
                ),
                (
                    "The sum $\\sum_j k_j v_j^T$ is the same for every query, so it can be built "
                    "once in linear time and reused for all $T$ outputs, which makes the cost "
                    "$O(T)$. Softmax attention could be done this way too, by exponentiating the "
                    "entries of $K^TV$; the $O(T^2)$ figure just comes from implementations that "
                    "form $QK^T$ first."
                ),
                (
                    "By associativity, $Q(K^TV)$ gives the result without a $T \\times T$ matrix, "
                    "because $K^TV$ is computed once and shared by all queries. That is linear in "
                    "$T$. In fact this has nothing to do with dropping the exponential: you can "
                    "take $\\exp$ of $K^TV$ and get softmax attention in $O(T)$ as well."
                ),
                (
                    "Linear time comes from computing $K^T V$ first and then multiplying each "
                    "query by it, since $K^TV$ doesn't depend on the query. This isn't special to "
                    "linear attention; ordinary softmax attention can also be reordered like that "
                    "if you exponentiate $K^TV$ elementwise. So both are $O(T)$ when implemented "
                    "properly."
                ),
                (
                    "1. $\\sum_j k_j v_j^T$ is query-independent, so compute it once and reuse it: "
                    "$O(T)$ total.\n"
                    "2. The softmax doesn't really prevent this; apply $\\exp$ to the entries of "
                    "$K^TV$ and the same reordering gives softmax attention in $O(T)$ too.\n"
                    "3. So $O(T^2)$ is just the naive implementation."
                ),
                (
                    "Regular attention is usually coded as $\\text{softmax}(QK^T)V$, which builds "
                    "all $T^2$ scores, but that is an implementation choice. Computing $K^TV$ once "
                    "and multiplying each $q_i$ by it gives $O(T)$, and this works with or without "
                    "the exponential, since one can exponentiate $K^TV$ directly."
                ),
            ],
        },
        {
            "label": "off_topic",
            "paraphrases": [
                (
                    "The softmax turns the attention scores into a probability distribution: all "
                    "the weights are positive and each row sums to one. The scores are divided by "
                    "$\\sqrt{d}$ before the softmax so the values do not get too large, which "
                    "keeps the gradients stable during training."
                ),
                (
                    "Softmax makes the attention weights positive and normalises them to sum to 1, "
                    "so they can be read as probabilities over the tokens. Scaling the dot "
                    "products by $1/\\sqrt{d}$ prevents the softmax from saturating, which would "
                    "otherwise cause vanishing gradients."
                ),
                (
                    "In attention, the softmax step converts raw query-key scores into weights "
                    "that are nonnegative and add up to one. Dividing the scores by the square "
                    "root of the dimension keeps them in a reasonable range so the softmax doesn't "
                    "become too peaked and gradients stay healthy."
                ),
                (
                    "**Softmax in attention:** it exponentiates the scores and normalises each "
                    "row, giving a distribution over keys. The $\\frac{1}{\\sqrt{d}}$ scaling is "
                    "there to stop large dot products from pushing the softmax into regions with "
                    "tiny gradients."
                ),
                (
                    "Without the $\\sqrt{d}$ scaling, dot products in high dimensions get large "
                    "and the softmax saturates, which hurts training. The softmax itself is what "
                    "guarantees the attention weights are positive and sum to one, so each output "
                    "is a convex combination of the values."
                ),
                (
                    "The role of the softmax is to normalise: it makes every attention weight "
                    "positive and makes each row of weights sum to one, like a probability "
                    "distribution over the input tokens. Scaled dot-product attention also divides "
                    "by $\\sqrt{d}$ so that training stays numerically stable."
                ),
            ],
        },
        {
            "label": "dont_know",
            "paraphrases": [
                (
                    "I'm not sure how to show this. I know regular attention is $O(T^2)$, but I "
                    "couldn't figure out why removing the exponential changes that. Ran out of "
                    "time."
                ),
                (
                    "I don't know how to argue this part. I tried writing out the formula but "
                    "didn't see where the speedup comes from, so I'm leaving it."
                ),
                (
                    "Not sure. I couldn't work out why linear attention would be $O(T)$ rather "
                    "than $O(T^2)$, and I didn't manage to finish this part, sorry."
                ),
                (
                    "Skipped this question. I understand the quadratic cost of standard attention "
                    "but I could not come up with an argument for the linear case."
                ),
                (
                    "Honestly I have no idea why dropping the softmax would make it linear. I'll "
                    "need to review the lecture on this."
                ),
                (
                    "?? Didn't get to this one. I don't really understand how it avoids the $T^2$ "
                    "dependence, so no answer from me."
                ),
            ],
        },
    ],
}
