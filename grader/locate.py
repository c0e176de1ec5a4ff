"""The locator stage: where each problem's answer starts, from several signals, with a confidence.

Signals, strongest first:

* **numbered headings** in the usual styles: "Problem 2", "Problem5", "## 2", "## 1) …",
  "2. (3 points)", "Q2", "Question 2:", "Part II", roman numerals; a heading that names a
  homework ("# HW2 Jane Doe") or a notebook question ("Q1(a)", "Q2.c") is not a problem;
* **titles**: a short heading whose content words cover one of the problem's anchors
  ("## Vision Transformer on FashionMNIST" for "Vision Transformers");
* **fingerprints** declared in the problem's YAML (code that defines a ``ViT`` or loads
  FashionMNIST; ``BertTokenizer``, ``BERTGRUSentiment``): a notebook problem found by
  nothing else starts where its fingerprinted code starts (or at the top of its file), and
  so no other problem's section swallows it;
* **weak numbering** ("2. …" at the start of a paragraph), only between located neighbours;
* **order**: numbered headings and titles are taken in rubric order first, then anywhere
  (an answer out of the statement's order, found with less confidence).

A section runs to the next start, within the file it started in. Each :class:`Section`
records the signals that found it and a confidence in [0, 1]; below ``UNSURE`` the grade of
every part is a suggestion for a TA (see :mod:`grader.grade`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from grader.document import Block, Document
from grader.numbering import line_labels, problem_starts
from grader.rubric import KnownProblem, ProblemSpec, Rubric

UNSURE = 0.6  # below this, the located section is a guess: parts are flagged for review
HEADING_CONFIDENCE = 0.9
TITLE_CONFIDENCE = 0.8
FILE_FINGERPRINT_CONFIDENCE = 0.8
RUN_FINGERPRINT_CONFIDENCE = 0.65
WEAK_CONFIDENCE = 0.6
SCHEME_CONFIDENCE = 0.8  # a label of a numbering scheme (grader.numbering)
AGREEMENT_BONUS = 0.1  # a numbered heading whose section also fingerprints as the problem
CONFLICT_PENALTY = 0.35  # a section whose code fingerprints only as another problem
OUT_OF_ORDER_PENALTY = 0.1  # a title found before a problem that precedes it in the statement
# A numbered heading titled as another problem of the rubric ("## 1. Recurrences using RNNs"
# taken as problem 1, "CNNs vs RNNs"): the numbering, or the assignment, is not this one.
NAMES_ANOTHER = "names another problem"
LOOKBACK_BLOCKS = 6  # how far before fingerprinted code a notebook's title is looked for
MAX_TITLE_WORDS = 14
RUN_IN_WORDS = 8  # words after a heading line that make its block an answer
OPENING_BLOCKS = 2  # a section opening with code this soon is a notebook's, not a theory answer

POINTS = r"\(\s*\d+(?:\.\d+)?\s*(?:points?|pts?|marks?)\s*\)"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
# A question marker of a notebook ("Q1(a)", "Q2.c", "Q1_a", "Q3 b"): not a problem heading.
SUB_QUESTION = r"(?!\s*[._(-]?\s*[a-z](?![a-z]))"
STOPWORDS = frozenset(
    "a an and the of on in for to with using by from via my our your is are vs versus".split()
)


@dataclass
class Section:
    """Where one problem's answer is, and how it was found."""

    problem_id: str
    blocks: list[Block] = field(default_factory=list)
    located_by: str = ""  # the signals, human-readable; empty when not located
    parts: dict[str, list[Block]] = field(default_factory=dict)  # part id -> blocks
    confidence: float = 0.0  # 0 when not located

    @property
    def located(self) -> bool:
        """Was the problem found at all?"""
        return bool(self.blocks)

    @property
    def unsure(self) -> bool:
        """Located, but on too little evidence for the grade to stand without a TA."""
        return self.located and self.confidence < UNSURE


@dataclass(frozen=True)
class Start:
    """A block where a problem's answer starts, the signal that found it and its weight."""

    index: int
    signal: str
    confidence: float


def first_line(block: Block) -> str:
    """The first non-blank line of a block."""
    text = block.text.strip()
    return text.splitlines()[0] if text else ""


def _number_words(n: int) -> str:
    roman = ROMAN[n - 1] if 0 < n <= len(ROMAN) else str(n)
    return rf"(?:{n}(?![\d.]\d)(?!\d)|{roman}(?![A-Za-z]))"


def heading_patterns(n: int) -> list[re.Pattern]:
    """Numbered problem headings for problem ``n`` (never a homework or question marker)."""
    num = _number_words(n)
    word = r"(?:problem|question|exercise|task|part|prob\.)"
    return [
        re.compile(rf"^\W*{word}\s*#?\s*{num}{SUB_QUESTION}", re.I),
        # spaces, then optional bold stars and spaces: one way to split a run of spaces
        re.compile(
            rf"^#{{1,6}}\s*(?:\*+\s*)?{n}(?![\d.]\d)(?!\d)\s*(?:[.):]|\s|\*|$){SUB_QUESTION}"
        ),
        re.compile(rf"^\W*{n}\s*[.)]?\s*\**\s*{POINTS}", re.I),
        re.compile(rf"^\W*Q\s*{n}(?!\d)(?![\d.]\d){SUB_QUESTION}\b"),
        re.compile(rf"^\W*P ?{n}(?!\d)(?![\d.]\d)[.):](?!\S)"),  # "P1)", "P2.", "P3:"
    ]


def _weak_pattern(n: int) -> re.Pattern:
    return re.compile(rf"^\W{{0,3}}{n}\s*[.)]\s+\S")


def content_words(text: str) -> list[str]:
    """Lower-case words of a title, plural -s dropped, stop words removed."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words if w not in STOPWORDS]


def _title_matches(line: str, anchors: list[list[str]]) -> bool:
    words = content_words(line)
    if not words or len(words) > MAX_TITLE_WORDS:
        return False
    have = set(words)
    return any(anchor and all(w in have for w in anchor) for anchor in anchors)


def _heading_like(block: Block) -> bool:
    line = first_line(block)
    return line.startswith("#") or line.startswith("**") or len(block.text.split()) <= 12


class _Finder:
    """The start-finding passes over one document for one rubric."""

    def __init__(self, document: Document, rubric: Rubric) -> None:
        self.blocks = document.blocks
        self.rubric = rubric
        self.starts: dict[str, Start] = {}
        self.prints = _fingerprints(self.blocks, rubric)
        self.rejected: set[int] = set()  # headings found to be a notebook's own sections

    def _scan(self, start: int, stop: int, test) -> Start | None:
        for block in self.blocks[start:stop]:
            if block.kind == "prose" and block.index not in self.rejected:
                found = test(block)
                if found:
                    return Start(block.index, *found)
        return None

    def numbered(self) -> None:
        """Numbered headings, in rubric order."""
        previous = 0
        for problem in self.rubric.problems:
            found = self._scan(previous, len(self.blocks), _heading_test(problem, self.rubric))
            if found:
                self.starts[problem.id] = found
                previous = found.index + 1

    def labelled(self) -> None:
        """Problems still missing, at a label of a numbering scheme (grader.numbering):
        "1)", "Q.2 (a)", "### 2a", "3b." in any decoration; between the problem's located
        neighbours, else anywhere not taken (out of the statement's order, less sure)."""
        starts = problem_starts(line_labels(self.blocks, first_only=True))
        for i, problem in enumerate(self.rubric.problems):
            if problem.id in self.starts:
                continue
            low, high = self._between(i)
            taken = {s.index for s in self.starts.values()} | self.rejected
            for (index, _), label in starts.get(problem.number, []):
                if index in taken or self._inside_another_notebook(problem, index):
                    continue
                signal = f"numbering '{label.line[:60]}' (a label of one style, numbers in runs)"
                if low <= index < high:
                    self.starts[problem.id] = Start(index, signal, SCHEME_CONFIDENCE)
                else:
                    signal += ", out of the statement's order"
                    confidence = SCHEME_CONFIDENCE - OUT_OF_ORDER_PENALTY
                    self.starts[problem.id] = Start(index, signal, confidence)
                break

    def _between(self, i: int) -> tuple[int, int]:
        problems = self.rubric.problems
        before = [self.starts[p.id].index for p in problems[:i] if p.id in self.starts]
        after = [self.starts[p.id].index for p in problems[i + 1 :] if p.id in self.starts]
        return (max(before) + 1 if before else 0, min(after) if after else len(self.blocks))

    def _inside_another_notebook(self, problem: ProblemSpec, index: int) -> bool:
        """A theory problem's title met in the middle of another problem's notebook (a PDF
        line "multi-head self-attention" between the ViT's cells) starts nothing: code that
        fingerprints as one same other problem comes both before and after it in its file."""
        if problem.kind == "notebook":
            return False
        source = self.blocks[index].source
        before, after = set(), set()
        for i, owner in self.prints.items():
            if self.blocks[i].source == source and owner != problem.id:
                (before if i < index else after).add(owner)
        return bool(before & after)

    def _guarded(self, problem: ProblemSpec, test):
        """``test``, refusing the blocks inside another problem's notebook."""

        def guarded(block: Block) -> tuple[str, float] | None:
            found = test(block)
            return None if found and self._inside_another_notebook(problem, block.index) else found

        return guarded

    def by_test(self, make_test) -> None:
        """Problems still missing, between their located neighbours (or in a file of their
        own: a student's folder may hold the notebooks in any name order)."""
        for i, problem in enumerate(self.rubric.problems):
            if problem.id in self.starts:
                continue
            test = self._guarded(problem, make_test(problem))
            low, high = self._between(i)
            found = self._scan(low, high, test) or self._in_free_files(test)
            if found:
                self.starts[problem.id] = found

    def out_of_order(self, make_test) -> None:
        """Problems still missing, anywhere: a student may answer in another order than the
        statement's. Found so, a start is less sure (``OUT_OF_ORDER_PENALTY``)."""
        for problem in self.rubric.problems:
            if problem.id in self.starts:
                continue
            taken = {s.index for s in self.starts.values()} | self.rejected
            test = self._guarded(problem, make_test(problem))
            for block in self.blocks:
                found = block.kind == "prose" and block.index not in taken and test(block)
                if found:
                    signal, confidence = found
                    self.starts[problem.id] = Start(
                        block.index,
                        f"{signal}, out of the statement's order",
                        confidence - OUT_OF_ORDER_PENALTY,
                    )
                    break

    def _in_free_files(self, test) -> Start | None:
        taken = {self.blocks[s.index].source for s in self.starts.values()}
        for block in self.blocks:
            if (
                block.source not in taken
                and block.kind == "prose"
                and block.index not in self.rejected
            ):
                found = test(block)
                if found:
                    return Start(block.index, *found)
        return None

    def fingerprinted(self) -> None:
        """Notebook problems found by nothing else start where their fingerprinted code does."""
        for problem in self.rubric.problems:
            if problem.id in self.starts or problem.kind != "notebook":
                continue
            hits = [i for i, owner in self.prints.items() if owner == problem.id]
            if hits:
                self.starts[problem.id] = self._start_before(min(hits), problem)

    def _start_before(self, hit: int, problem: ProblemSpec) -> Start:
        """The top of the file when no other problem starts in it before ``hit``; else the
        notebook's title just before its first fingerprinted block, else that block."""
        source = self.blocks[hit].source
        earlier = [
            s.index
            for s in self.starts.values()
            if s.index < hit and self.blocks[s.index].source == source
        ]
        what = _fingerprint_reason(self.blocks[hit], problem)
        if not earlier:
            top = next(b.index for b in self.blocks if b.source == source)
            return Start(top, f"fingerprint: {what} (top of {source})", FILE_FINGERPRINT_CONFIDENCE)
        floor = max(earlier) + 1
        for block in reversed(self.blocks[max(floor, hit - LOOKBACK_BLOCKS) : hit]):
            if block.kind == "prose" and first_line(block).startswith("#"):
                return Start(block.index, f"fingerprint: {what}", RUN_FINGERPRINT_CONFIDENCE)
            if block.index in self.prints and self.prints[block.index] != problem.id:
                break
        return Start(hit, f"fingerprint: {what}", RUN_FINGERPRINT_CONFIDENCE)

    def verify(self) -> None:
        """Drop a heading start that is a notebook's own section heading: a notebook
        problem's whose section's code fingerprints only as other problems (a "## 4.
        Training" inside the BERT notebook is not the ViT), and a theory problem's whose
        section opens with code ("## 1. Tokenizer" followed by the BERT notebook's cells is
        not the theory's problem 1). A notebook problem whose own fingerprinted code comes
        before its heading starts where that notebook does."""
        for problem in self.rubric.problems:
            start = self.starts.get(problem.id)
            if start is None:
                continue
            section = self._section(start)
            owners = Counter(self.prints.get(b.index) for b in section)
            owners.pop(None, None)
            if problem.kind == "notebook" and problem.fingerprints:
                wrong = bool(owners) and problem.id not in owners
            elif _mostly_code(section) and (
                self._after_code(start.index) or any(b.origin == "ipynb" for b in section)
            ):  # "## 3. Train the Model", a printed "Q1a: …": a notebook's own heading
                wrong = True
            elif _holds_answer(section[0]):  # a run-in heading: "**Problem 3.** Without …"
                wrong = False
            else:  # a theory answer opens with prose or math, not with a notebook's cells
                opens = _opening_code(section[1:])
                wrong = any(b.origin == "ipynb" for b in opens) or bool(owners and opens)
            if wrong:
                self.rejected.add(start.index)
                del self.starts[problem.id]
            elif problem.kind == "notebook":
                self._extend_back(problem, start)

    def _after_code(self, index: int) -> bool:
        """Whether the block before ``index``, in the same file, is code or its output: a
        heading met between a notebook's cells."""
        before = self.blocks[index - 1] if index > 0 else None
        same = before is not None and before.source == self.blocks[index].source
        return same and before.kind in ("code", "output")

    def _extend_back(self, problem: ProblemSpec, start: Start) -> None:
        """A notebook problem's heading ("## 4. Inference") after code of its own notebook:
        the problem starts where that notebook does."""
        source = self.blocks[start.index].source
        others = [s.index for p, s in self.starts.items() if p != problem.id]
        floor = max((i for i in others if i < start.index), default=-1)
        own = [
            i
            for i, owner in self.prints.items()
            if owner == problem.id and floor < i < start.index and self.blocks[i].source == source
        ]
        if own:
            earlier = self._start_before(min(own), problem)
            signal = f"{earlier.signal}; then {start.signal}"
            self.starts[problem.id] = Start(earlier.index, signal, start.confidence)

    def notebooks_from_their_code(self) -> None:
        """Every located notebook problem starts where its own notebook's code does: a
        heading or a title ("### Q4_a Perform sentiment analysis") after code of its own
        notebook ("BertTokenizer" in the second cell) does not cut that code off."""
        for problem in self.rubric.problems:
            start = self.starts.get(problem.id)
            if start is not None and problem.kind == "notebook":
                self._extend_back(problem, start)

    def _section(self, start: Start) -> list[Block]:
        later = [s.index for s in self.starts.values() if s.index > start.index]
        end = min(later) if later else len(self.blocks)
        source = self.blocks[start.index].source
        return [b for b in self.blocks[start.index : end] if b.source == source]

    def sections(self) -> dict[str, Section]:
        """The located sections, with their signals and confidence."""
        found: dict[str, Section] = {}
        for problem in self.rubric.problems:
            start = self.starts.get(problem.id)
            if start is None:
                found[problem.id] = Section(problem.id)
                continue
            blocks = self._section(start)
            signals, confidence = [start.signal], start.confidence
            owners = Counter(self.prints.get(b.index) for b in blocks)
            owners.pop(None, None)
            if problem.id in owners and not start.signal.startswith("fingerprint"):
                signals.append(f"fingerprints in {owners[problem.id]} block(s)")
                confidence += AGREEMENT_BONUS
            elif owners and problem.id not in owners and problem.fingerprints:
                other = owners.most_common(1)[0][0]
                signals.append(f"but its code fingerprints as {other}")
                confidence -= CONFLICT_PENALTY
            confidence = round(min(1.0, max(0.05, confidence)), 2)
            reason = "; ".join(signals) + f" (confidence {confidence:.2f})"
            found[problem.id] = Section(problem.id, blocks, reason, {}, confidence)
        return found


def _mostly_code(section: list[Block]) -> bool:
    """A section with more code cells than paragraphs of prose: a theory answer written in
    a notebook's markdown is prose, a handout's numbered section of the notebook ("## 3.
    Train the Model") is its code."""
    code = sum(b.kind == "code" for b in section)
    prose = sum(b.kind == "prose" and len(b.text.split()) >= RUN_IN_WORDS for b in section)
    return code > prose


def _holds_answer(block: Block) -> bool:
    """A heading block that goes on with its answer, on its line or the next ones."""
    return len(block.text.split()) - len(first_line(block).split()) >= RUN_IN_WORDS or (
        len(first_line(block).split()) > MAX_TITLE_WORDS
    )


def _opening_code(blocks: list[Block]) -> list[Block]:
    """The code blocks among a section's first ``OPENING_BLOCKS`` blocks, outputs aside (a
    notebook section's one-line introduction may come first)."""
    content = [b for b in blocks if b.kind != "output"][:OPENING_BLOCKS]
    return [b for b in content if b.kind == "code"]


def _fingerprints(blocks: list[Block], rubric: Rubric) -> dict[int, str]:
    """Code blocks that fingerprint as exactly one problem: block index -> problem id."""
    owners: dict[int, str] = {}
    for block in blocks:
        if block.kind != "code":
            continue
        matching = [
            p.id for p in rubric.problems if any(re.search(f, block.text) for f in p.fingerprints)
        ]
        if len(matching) == 1:
            owners[block.index] = matching[0]
    return owners


def _fingerprint_reason(block: Block, problem: ProblemSpec) -> str:
    for pattern in problem.fingerprints:
        match = re.search(pattern, block.text)
        if match:
            return f"code '{match.group(0)[:40]}' ({block.where()})"
    return block.where()


def title_anchors(problem: ProblemSpec | KnownProblem) -> list[list[str]]:
    """The content words of the problem's anchors that can title a heading."""
    return [words for a in problem.anchors if len("".join(words := content_words(a))) >= 4]


def names_another(located_by: str) -> bool:
    """Whether a problem's ``located_by`` says its heading is titled as another problem."""
    return NAMES_ANOTHER in located_by


def _heading_test(problem: ProblemSpec, rubric: Rubric):
    patterns = heading_patterns(problem.number)
    own = title_anchors(problem)
    others = [(p, title_anchors(p)) for p in rubric.library if p.use != problem.use]

    def test(block: Block) -> tuple[str, float] | None:
        line = first_line(block)
        if not any(p.search(line) for p in patterns):
            return None
        named = [p for p, anchors in others if _title_matches(line, anchors)]
        if named and not _title_matches(line, own):
            return (
                f"heading '{line[:60]}', which {NAMES_ANOTHER} ({named[0].title})",
                HEADING_CONFIDENCE - CONFLICT_PENALTY,
            )
        return f"heading '{line[:60]}'", HEADING_CONFIDENCE

    return test


def _title_test(problem: ProblemSpec):
    anchors = title_anchors(problem)

    def test(block: Block) -> tuple[str, float] | None:
        line = first_line(block)
        if _heading_like(block) and _title_matches(line, anchors):
            return f"title '{line[:60]}'", TITLE_CONFIDENCE
        return None

    return test


def _weak_test(problem: ProblemSpec):
    pattern = _weak_pattern(problem.number)

    def test(block: Block) -> tuple[str, float] | None:
        line = first_line(block)
        return (f"numbering '{line[:60]}'", WEAK_CONFIDENCE) if pattern.search(line) else None

    return test


def locate(document: Document, rubric: Rubric) -> dict[str, Section]:
    """One :class:`Section` per rubric problem (empty when the problem was not found)."""
    finder = _Finder(document, rubric)
    finder.numbered()
    finder.verify()
    finder.labelled()
    finder.verify()
    finder.by_test(_title_test)
    finder.out_of_order(lambda problem: _heading_test(problem, rubric))
    finder.out_of_order(_title_test)
    finder.fingerprinted()
    finder.by_test(_weak_test)
    finder.notebooks_from_their_code()
    return finder.sections()
