"""Pairs of submissions whose code or prose is suspiciously similar, for a TA to judge.

Template text every student shares is removed first: lines of the provided template files
(the handout notebook, the assignment PDF) and lines found in the submissions of at least
``common`` students (5 by default; MOSS's ``-m`` counts the same way, default 10), or of
every student of a smaller class of 3 or more: a count of students, not a share of the
class, so that a class of 4 works: the handout's lines, in all four, are set aside and a
passage two students share is compared. 5 rather than MOSS's 10: in the tests' class of
10, the headings and handout code that 5 to 9 students keep would otherwise be compared
(a copied answer's prose scored 0.78 instead of 1.0). What remains is tokenized: code as MOSS and copydetect do, with comments
dropped, the names a student chose (variables, parameters, functions) replaced by one
placeholder and literals by another, while keywords, builtins and the attributes called
(``torch.sigmoid``, ``.float()``) stay: renaming every identifier and rewriting the comments
leaves a copy's tokens unchanged. The tokens are cut into overlapping runs of ``k``; the
runs' hashes are winnowed (the smallest of every ``WINDOW`` consecutive hashes is kept,
so any match at least ``k + WINDOW - 1`` tokens long keeps a fingerprint in both). Two
submissions are compared by the fingerprints they share, as a share of the smaller one (so
copying half of someone else's answer shows even if the rest differs). Flagged pairs get
their matching passages side by side. Nothing here changes a grade.
"""

from __future__ import annotations

import builtins
import difflib
import hashlib
import itertools
import json
import keyword
import re
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from grader.classinputs import Submission
from grader.document import Document
from grader.ingest import IngestError, read_submission
from grader.output import write_atomic
from grader.report.env import environment

HTML_NAME, JSON_NAME = "similarity.html", "similarity.json"

KINDS = ("code", "prose")  # outputs are left out: correct code prints the same numbers
SHINGLE = {"code": 12, "prose": 10}  # tokens per compared run
WINDOW = 4  # winnowing: the smallest hash of every WINDOW consecutive runs is kept
MIN_SHARED = 3  # fingerprints two texts must share before their score means anything
MIN_MATCHED = {"code": 30, "prose": 25}  # tokens in matching passages for a pair to be listed
MIN_COMMON_COUNT = 3  # a line is class-wide template only if at least this many have it
WORD = re.compile(r"\w+")
# One code token: a string literal, a comment (the rest of the line), a number, a name, or
# one other character. Each alternative is a single linear scan.
CODE_TOKEN = re.compile(
    r"""(?P<string>'[^'\n]*'|"[^"\n]*")|(?P<comment>\#.*)|(?P<number>\d[\w.]*)"""
    r"|(?P<name>[A-Za-z_]\w*)|(?P<other>[^\w\s])"
)
KEPT_NAMES = frozenset(keyword.kwlist) | frozenset(dir(builtins))
NAME, LITERAL = "␣name", "␣literal"  # the placeholders


def code_tokens(line: str) -> list[str]:
    """A code line's tokens with comments dropped, literals and the student's own names
    replaced by placeholders; keywords, builtins and attribute names are kept."""
    tokens: list[str] = []
    for match in CODE_TOKEN.finditer(line):
        kind, text = match.lastgroup, match.group()
        if kind == "comment":
            break
        if kind in ("string", "number"):
            tokens.append(LITERAL)
        elif kind == "name":
            attribute = bool(tokens) and tokens[-1] == "."
            tokens.append(text if attribute or text in KEPT_NAMES else NAME)
        else:
            tokens.append(text)
    return tokens


def prose_tokens(line: str) -> list[str]:
    """A prose line's words, lower case."""
    return WORD.findall(line.lower())


TOKENIZERS = {"code": code_tokens, "prose": prose_tokens}


@dataclass(frozen=True)
class Settings:
    """How strict the comparison is (the command's options)."""

    threshold: float = 0.5  # share of the smaller text's runs found in the other
    common: int = 5  # students from whom on a line counts as template (MOSS's -m); 0: never


@dataclass
class Text:
    """One student's lines of one kind, after template removal, and their tokens."""

    lines: list[str] = field(default_factory=list)
    where: list[str] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)
    token_line: list[int] = field(default_factory=list)
    runs: set[int] = field(default_factory=set)

    def add(self, line: str, where: str, kind: str) -> None:
        """Append one kept line and its tokens."""
        for token in TOKENIZERS[kind](line):
            self.tokens.append(token)
            self.token_line.append(len(self.lines))
        self.lines.append(line)
        self.where.append(where)


@dataclass
class Passage:
    """A stretch of text found in both submissions of a pair."""

    kind: str
    tokens: int
    a_where: str
    a_text: str
    b_where: str
    b_text: str


@dataclass
class Pair:
    """Two submissions and how much of their code and prose they share."""

    a: str
    b: str
    scores: dict[str, float]
    passages: list[Passage]

    @property
    def score(self) -> float:
        """The higher of the code and prose scores."""
        return max(self.scores.values())


@dataclass
class SimilarityReport:
    """The flagged pairs, and what the comparison left out."""

    pairs: list[Pair]
    students: int
    unreadable: dict[str, str]
    template_lines: int
    settings: Settings


def normalize(line: str) -> str:
    """A prose line as compared for template removal: lower case, spaces collapsed."""
    return " ".join(line.lower().split())


def line_key(kind: str, line: str) -> str:
    """A line as compared for template removal: code by its tokens (so that the handout's
    ``model.train()`` is template in a copy that calls it ``net.train()`` too), prose by
    its words."""
    return " ".join(code_tokens(line)) if kind == "code" else normalize(line)


def _lines(document: Document) -> Iterable[tuple[str, str, str]]:
    """(kind, line, where) for every non-blank code and prose line."""
    for block in document.blocks:
        if block.kind in KINDS:
            where = block.where()
            for line in block.text.splitlines():
                if line.strip():
                    yield block.kind, line.rstrip(), where


def template_lines(paths: list[Path]) -> set[str]:
    """The normalized lines of the provided template files (any readable format)."""
    found: set[str] = set()
    for path in paths:
        found.update(line_key(kind, line) for kind, line, _ in _lines(read_submission(path)))
    return found


def _read(submission: Submission) -> Document:
    with tempfile.TemporaryDirectory(prefix="grader-sim-") as tmp:
        return read_submission(submission.read().write(Path(tmp)))


def winnow(hashes: list[int], window: int = WINDOW) -> set[int]:
    """The fingerprints of a hash sequence: the smallest hash of every ``window``
    consecutive ones (all of them when there are fewer)."""
    if len(hashes) <= window:
        return set(hashes)
    return {min(hashes[i : i + window]) for i in range(len(hashes) - window + 1)}


def _run_hashes(tokens: list[str], k: int) -> set[int]:
    """The winnowed stable hashes of the runs of ``k`` tokens (the same on any run)."""
    hashes = [
        int.from_bytes(
            hashlib.blake2b("\x1f".join(tokens[i : i + k]).encode(), digest_size=8).digest()
        )
        for i in range(len(tokens) - k + 1)
    ]
    return winnow(hashes)


def _passages(kind: str, a: Text, b: Text) -> list[Passage]:
    """Matching stretches of at least one run's length, as whole lines side by side."""
    k = SHINGLE[kind]
    matcher = difflib.SequenceMatcher(None, a.tokens, b.tokens, autojunk=False)
    found = []
    for block in matcher.get_matching_blocks():
        if block.size < k:
            continue
        a_lines = range(a.token_line[block.a], a.token_line[block.a + block.size - 1] + 1)
        b_lines = range(b.token_line[block.b], b.token_line[block.b + block.size - 1] + 1)
        found.append(
            Passage(
                kind,
                block.size,
                a.where[a_lines.start],
                "\n".join(a.lines[i] for i in a_lines),
                b.where[b_lines.start],
                "\n".join(b.lines[i] for i in b_lines),
            )
        )
    return found


def _pair_counts(texts: dict[str, Text], limit: float) -> Counter:
    """How many fingerprints each pair of students shares (those most students have skipped)."""
    index: dict[int, list[str]] = {}
    for student, text in texts.items():
        for run in text.runs:
            index.setdefault(run, []).append(student)
    shared: Counter = Counter()
    for students in index.values():
        if 1 < len(students) <= limit:
            shared.update(itertools.combinations(sorted(students), 2))
    return shared


def _read_all(submissions: Iterable[Submission]) -> tuple[dict[str, list], dict[str, str]]:
    """Each readable submission's (kind, line, where) lines; the reasons of the others."""
    lines: dict[str, list[tuple[str, str, str]]] = {}
    unreadable: dict[str, str] = {}
    for submission in submissions:
        if submission.missing:
            continue
        if submission.refused:  # a link: never read
            unreadable[submission.student] = submission.refused
            continue
        try:
            lines[submission.student] = list(_lines(_read(submission)))
        except (IngestError, OSError) as exc:
            unreadable[submission.student] = str(exc)
    return lines, unreadable


def _texts(raw: dict[str, list], template: set[str]) -> dict[str, dict[str, Text]]:
    """Per student and kind: the lines left once template lines are removed, tokenized."""
    texts: dict[str, dict[str, Text]] = {}
    for student, lines in raw.items():
        texts[student] = {kind: Text() for kind in KINDS}
        for kind, line, where in lines:
            if line_key(kind, line) not in template:
                texts[student][kind].add(line, where, kind)
        for kind, text in texts[student].items():
            text.runs = _run_hashes(text.tokens, SHINGLE[kind])
    return texts


def _candidates(
    texts: dict[str, dict[str, Text]], limit: float, threshold: float
) -> dict[tuple[str, str], dict[str, float]]:
    """Pairs whose fingerprints overlap above ``threshold``, with their score per kind."""
    pairs: dict[tuple[str, str], dict[str, float]] = {}
    for kind in KINDS:
        by_student = {s: t[kind] for s, t in texts.items()}
        for (a, b), count in _pair_counts(by_student, limit).items():
            share = count / min(len(by_student[a].runs), len(by_student[b].runs))
            if count >= MIN_SHARED and share >= threshold:
                pairs.setdefault((a, b), {})[kind] = round(share, 3)
    return pairs


def _confirmed(candidates: dict, texts: dict[str, dict[str, Text]]) -> list[Pair]:
    """The candidate pairs whose matching passages are long enough, with those passages."""
    found = []
    for (a, b), scores in candidates.items():
        passages = {kind: _passages(kind, texts[a][kind], texts[b][kind]) for kind in scores}
        kept = {
            kind: listed
            for kind, listed in passages.items()
            if sum(p.tokens for p in listed) >= MIN_MATCHED[kind]
        }
        if kept:
            shown = [p for listed in kept.values() for p in listed]
            found.append(Pair(a, b, {kind: scores[kind] for kind in kept}, shown))
    return sorted(found, key=lambda p: (-p.score, p.a, p.b))


def common_limit(common: int, students: int) -> float:
    """How many students' submissions a line must be in to count as template: ``common``,
    or all of a smaller class (at least ``MIN_COMMON_COUNT``); never with ``common`` 0."""
    if common <= 0:
        return float("inf")
    return max(MIN_COMMON_COUNT, min(common, students))


def compare(
    submissions: Iterable[Submission],
    template_files: list[Path] | None = None,
    settings: Settings | None = None,
) -> SimilarityReport:
    """Find the pairs of ``submissions`` that share more than ``settings.threshold``."""
    settings = settings or Settings()
    template = template_lines(template_files or [])
    raw, unreadable = _read_all(submissions)
    frequency = Counter(
        key for lines in raw.values() for key in {line_key(k, t) for k, t, _ in lines}
    )
    limit = common_limit(settings.common, len(raw))
    template |= {line for line, count in frequency.items() if count >= limit}
    texts = _texts(raw, template)
    pairs = _confirmed(_candidates(texts, limit, settings.threshold), texts)
    return SimilarityReport(pairs, len(raw), unreadable, len(template), settings)


def write_report(
    report: SimilarityReport, out_dir: Path, templates_dir: Path | None = None
) -> list[Path]:
    """Write ``similarity.html`` (side by side, autoescaped) and ``similarity.json``."""
    html = environment(templates_dir).get_template("similarity.html.j2").render(report=report)
    data = {
        "students": report.students,
        "template_lines": report.template_lines,
        "settings": asdict(report.settings),
        "unreadable": report.unreadable,
        "pairs": [{**asdict(p), "score": p.score} for p in report.pairs],
    }
    html_path, json_path = out_dir / HTML_NAME, out_dir / JSON_NAME
    write_atomic(html_path, html)
    write_atomic(json_path, json.dumps(data, indent=2) + "\n")
    return [html_path, json_path]
