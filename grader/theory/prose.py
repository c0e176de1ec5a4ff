"""Score prose with a concept rubric kept as data in the problem YAML.

::

    concepts:                 # each found concept earns its points
      - {id: sharing, label: "weight sharing", points: 1,
         patterns: ["shar\\w* (?:the )?(?:weights|parameters)", "fewer parameters"]}
    full: 2                   # points that earn full credit (default: all concepts' points)
    misconceptions:           # each found misconception costs a share of the part
      - {id: exp_cost, label: "…", penalty: 0.5, patterns: ["exponential\\w* (?:are|is) (?:expensive|costly)"]}

Where a part asks for explanations (``explained_words: 6``), an answer with fewer words than
that per concept found names its concepts without explaining them ("CNN: shared weights;
translation invariance."): it earns ``THIN_CREDIT`` of their credit, flagged. A concept can
ask the same of itself (``explained_words`` on the concept): a mention followed by fewer
words than that in its sentence and the next ("Method 2: another way is sparse
attention.") names it without explaining it, and earns ``THIN_CREDIT`` of its points, flagged.

Patterns are case-insensitive regular expressions, matched on the text with LaTeX and
markdown markup removed. A mention inside a negation ("does not share weights") does not
count, and makes the score uncertain.

Concepts are also matched by meaning (:mod:`grader.theory.meaning`): each student sentence
is compared with the concept's ``statements`` (its label when it has none); a sentence at or
above the calibrated threshold expresses the concept, one just below makes the score a
suggestion for a TA. Phrases and meaning are two signals: either finds a concept, and the
evidence says which sentence matched what, and how closely.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import meaning
from .lexer import plain_unicode
from .scoring import TheoryParamsError

# A negation governs what follows it up to a clause boundary: in "KᵀV does not depend on i:
# it is computed once" the "not" does not reach "computed once".
_NEGATION = re.compile(
    r"\b(?:not|no|never|cannot|can't|doesn't|don't|isn't|aren't|won't|nor|neither)\b"
    r"[^.;:!?,—–]{0,30}$"
)
THIN_CREDIT = 0.5  # share of the credit for concepts named without being explained
_MARKUP = re.compile(r"\\(?:text|mathrm|operatorname|textbf|mathbf|emph)\s*\{([^{}]*)\}")


@dataclass(frozen=True)
class Concept:
    """A concept (or a misconception) and the phrasings that express it."""

    id: str
    label: str
    points: float  # points earned, or share of the part lost for a misconception
    patterns: tuple[re.Pattern, ...]
    statements: tuple[str, ...] = ()  # the concept in plain sentences, matched by meaning
    # a mention followed by fewer words than this (its sentence and the next) is not explained
    explained_words: int = 0


@dataclass(frozen=True)
class ConceptRubric:
    """Concepts, the points for full credit, and misconceptions."""

    concepts: tuple[Concept, ...]
    full: float
    misconceptions: tuple[Concept, ...] = ()
    # fewer words than this per concept found: the concepts are named, not explained (0: off)
    explained_words: float = 0.0

    def describe(self) -> str:
        """What the rubric looks for, as a report shows it."""
        listed = ", ".join(f"{c.label} ({c.points:g})" for c in self.concepts)
        return f"{self.full:g} points from: {listed}"


@dataclass(frozen=True)
class Hit:
    """A concept found in the text, with the words that expressed it."""

    concept: Concept
    excerpt: str
    similarity: float | None = None  # set when found by meaning
    statement: str = ""  # the statement the sentence is close to
    explained: bool = True  # False: named, with too few words after it to explain it

    def describe(self) -> str:
        """The hit as evidence shows it."""
        if self.similarity is None:
            return f"{self.concept.label} (“{self.excerpt}”)"
        return (
            f"{self.concept.label} (“{self.excerpt}” ≈ “{self.statement}”, "
            f"similarity {self.similarity:.2f})"
        )


@dataclass
class ProseScore:
    """How a text fares against a concept rubric."""

    fraction: float
    found: list[Hit] = field(default_factory=list)
    negated: list[Hit] = field(default_factory=list)
    misconceptions: list[Hit] = field(default_factory=list)
    missing: list[Concept] = field(default_factory=list)
    near: list[Hit] = field(default_factory=list)  # just below the threshold: maybe expressed
    marginal: list[Hit] = field(default_factory=list)  # found by meaning, just above it
    words: int = 0  # the answer's length
    thin: bool = False  # concepts named in too few words to explain them: half credit

    @property
    def unexplained(self) -> list[Hit]:
        """Concepts found but named without being explained (a concept's ``explained_words``)."""
        return [h for h in self.found if not h.explained]

    @property
    def certain(self) -> bool:
        """Full marks with nothing doubtful; anything else is a suggestion for a TA."""
        doubtful = (
            self.negated or self.misconceptions or self.marginal or self.thin or self.unexplained
        )
        return self.fraction >= 1 and not doubtful

    def summary(self) -> str:
        """The concepts found, quoted, for the evidence."""
        parts = [h.describe() for h in self.found]
        parts += [f"negated: {h.describe()}" for h in self.negated]
        parts += [f"misconception: {h.describe()}" for h in self.misconceptions]
        parts += [f"near the threshold: {h.describe()}" for h in self.near]
        if self.thin:
            parts.append(f"named, not explained: {self.words} words for {len(self.found)} concepts")
        parts += [f"named, not explained: {h.concept.label}" for h in self.unexplained]
        return "; ".join(parts) if parts else "none of the rubric's concepts"


def _concept(raw: object, key: str, place: str) -> Concept:
    if not isinstance(raw, dict) or not {"id", "patterns", key} <= set(raw):
        raise TheoryParamsError(f"{place}: each entry needs id, patterns and {key}")
    extra = sorted(set(raw) - {"id", "label", "patterns", "statements", "explained_words", key})
    if extra:
        raise TheoryParamsError(f"{place}: '{raw['id']}' has unknown key '{extra[0]}'")
    patterns = raw["patterns"]
    if not isinstance(patterns, list) or not patterns:
        raise TheoryParamsError(f"{place}: '{raw['id']}' needs a list of patterns")
    try:
        compiled = tuple(re.compile(str(p), re.I) for p in patterns)
    except re.error as exc:
        raise TheoryParamsError(f"{place}: '{raw['id']}' has a bad pattern ({exc})") from None
    label = str(raw.get("label", raw["id"]))
    statements = raw.get("statements", [label])
    if not isinstance(statements, list) or not all(isinstance(s, str) for s in statements):
        raise TheoryParamsError(f"{place}: '{raw['id']}' statements should be a list of strings")
    explained = raw.get("explained_words", 0)
    if not isinstance(explained, int) or explained < 0:
        raise TheoryParamsError(
            f"{place}: '{raw['id']}' explained_words should be a whole number ≥ 0"
        )
    return Concept(str(raw["id"]), label, float(raw[key]), compiled, tuple(statements), explained)


def load_concepts(params: dict, place: str) -> ConceptRubric:
    """A concept rubric from a part's params (``concepts``, ``full``, ``misconceptions``)."""
    raw = params.get("concepts")
    if not isinstance(raw, list) or not raw:
        raise TheoryParamsError(f"{place}: params need a non-empty 'concepts' list")
    concepts = tuple(_concept(c, "points", place) for c in raw)
    mistakes = tuple(_concept(m, "penalty", place) for m in params.get("misconceptions", []))
    full = float(params.get("full", sum(c.points for c in concepts)))
    if full <= 0:
        raise TheoryParamsError(f"{place}: 'full' should be > 0")
    explained = params.get("explained_words", ConceptRubric.explained_words)
    if not isinstance(explained, int | float) or explained < 0:
        raise TheoryParamsError(f"{place}: 'explained_words' should be a number ≥ 0")
    return ConceptRubric(concepts, full, mistakes, float(explained))


def normalise(text: str) -> str:
    """Lower-case text without LaTeX/markdown markup, unicode math spelled out."""
    text = _MARKUP.sub(r" \1 ", text.replace("**", " "))
    text = plain_unicode(text).replace("\\", " ").replace("$", " ")
    text = re.sub(r"[{}`]", "", text)
    return re.sub(r"\s+", " ", text).lower().strip()


def _excerpt(text: str, match: re.Match) -> str:
    start, end = max(0, match.start() - 30), min(len(text), match.end() + 30)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _words_after(text: str, end: int) -> int:
    """The words after position ``end`` in its sentence and the next one."""
    rest = text[end:]
    stops = [m.end() for m in _SENTENCE_END.finditer(rest)][:2]
    return len(rest[: stops[-1] if len(stops) == 2 else len(rest)].split())


def _search(concept: Concept, text: str) -> tuple[Hit | None, Hit | None]:
    """(an affirmed mention, a negated mention) of a concept; for a concept that asks to be
    explained, the first explained mention, else the first one named only."""
    negated = named_only = None
    for pattern in concept.patterns:
        for match in pattern.finditer(text):
            hit = Hit(concept, _excerpt(text, match))
            if _NEGATION.search(text[max(0, match.start() - 40) : match.start()]):
                negated = negated or hit
            elif _words_after(text, match.end()) >= concept.explained_words:
                return hit, None
            else:
                named_only = named_only or Hit(concept, hit.excerpt, explained=False)
    return (named_only, None) if named_only else (None, negated)


def _by_meaning(concept: Concept, answer: list[str], vectors) -> Hit | None:
    """The answer's sentence closest in meaning to the concept, with its similarity."""
    best = meaning.closest(answer, vectors, concept.statements)
    return None if best is None else Hit(concept, best.sentence, best.similarity, best.statement)


def _at_least(hit: Hit | None, bar: float) -> Hit | None:
    return hit if hit is not None and hit.similarity >= bar else None


def score_prose(text: str, rubric: ConceptRubric) -> ProseScore:
    """Points for the concepts the text expresses, by phrase or by meaning, less its
    misconceptions; a concept close to the meaning threshold makes the score uncertain."""
    answer = [normalise(s) for s in meaning.sentences(text)]
    vectors = meaning.embed(answer) if answer else None
    bars = meaning.thresholds()
    text = normalise(text)
    score = ProseScore(0.0, words=len(text.split()))
    for concept in rubric.concepts:
        hit, negated = _search(concept, text)
        closest = None if hit else _by_meaning(concept, answer, vectors)
        hit = hit or _at_least(closest, bars.match)
        if hit:
            score.found.append(hit)
            if hit.similarity is not None and hit.similarity < bars.match + bars.margin:
                score.marginal.append(hit)
            continue
        score.missing.append(concept)
        if negated:
            score.negated.append(negated)
        near = _at_least(closest, bars.near)
        if near:
            score.near.append(near)
    for mistake in rubric.misconceptions:
        hit, _ = _search(mistake, text)
        hit = hit or _at_least(_by_meaning(mistake, answer, vectors), bars.misconception)
        if hit:
            score.misconceptions.append(hit)
    return rescore(score, rubric)


def rescore(score: ProseScore, rubric: ConceptRubric) -> ProseScore:
    """Recompute the fraction after hits were added (e.g. from a parsed formula)."""
    points = sum(h.concept.points * (1 if h.explained else THIN_CREDIT) for h in score.found)
    earned = min(1.0, points / rubric.full)
    score.thin = bool(score.found) and score.words < rubric.explained_words * len(score.found)
    if score.thin:
        earned *= THIN_CREDIT
    penalty = sum(h.concept.points for h in score.misconceptions)
    score.fraction = round(max(0.0, earned - penalty), 4)
    return score
