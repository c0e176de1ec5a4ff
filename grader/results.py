"""Result dataclasses: what a check returns and what the CLI writes to grades.json.

The field names here *are* the output contract of ``grades.json`` (see README): extend
them, never rename them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

# Part statuses.
PASS = "pass"
PARTIAL = "partial"
FAIL = "fail"
MISSING = "missing"
NOT_GRADED = "not_graded"  # no automatic verdict: a TA grades it (with the needs_review flag)
TA_GRADED = "ta_graded"  # a TA's decision (grader override / accept) replaced the automatic one
# the grader itself failed on this part (the sandbox would not start or crashed): no grade,
# flagged needs_review, and the student's result is not kept, so the next run retries it
ERROR = "error"

# A part's score is exact when its share is a simple one (a multiple of 1/EXACT_SHARES:
# half of 0.625 points is 0.3125); any other share is rounded to SCORE_DECIMALS (2/3 of 4
# points: 2.667, not 2.6666; 0.6667 of 3: 2.0, not 2.0001). Sums go to SUM_DECIMALS.
EXACT_SHARES = 16
SCORE_DECIMALS = 3
SUM_DECIMALS = 6  # removes float noise only: exact shares may have 5 decimals


def part_score(fraction: float, points: float) -> float:
    """A part's score for a share of its points, never above them."""
    if fraction >= 1:
        return points
    sixteenths = fraction * EXACT_SHARES
    if abs(sixteenths - round(sixteenths)) < 1e-9:
        return round(round(sixteenths) * points / EXACT_SHARES, 8) + 0.0
    return min(points, round(fraction * points, SCORE_DECIMALS) + 0.0)  # + 0.0: no -0.0


def sum_points(scores: Iterable[float]) -> float:
    """A problem's or a student's score: the sum of its parts' or problems' scores."""
    return round(sum(scores), SUM_DECIMALS) + 0.0


ANSWER_CHARS = 2000


# Flags.
FLAG_REVIEW = "needs_review"
FLAG_INTEGRITY = "integrity"


@dataclass
class Evidence:
    """Why a verdict was given: what was found, what it was compared to, and the reason."""

    found: str
    expected: str
    reason: str
    where: str = ""  # provenance: file, cell, execution count
    strength: str = ""  # see grader.document STRENGTH_*
    data: dict = field(default_factory=dict)  # machine-readable values, e.g. parsed curves


@dataclass
class CheckOutcome:
    """What one check says about one rubric part."""

    fraction: float  # share of the part's points earned, 0..1
    status: str
    evidence: list[Evidence] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    feedback: str = ""

    def __post_init__(self) -> None:
        self.fraction = min(1.0, max(0.0, float(self.fraction)))

    def for_review(self, note: Evidence) -> CheckOutcome:
        """Keep the score as a suggestion for a TA: add the note, the ``needs_review`` flag
        (once), and make a ``missing`` part ``not_graded`` (it may not be missing)."""
        self.evidence.append(note)
        if FLAG_REVIEW not in self.flags:
            self.flags.append(FLAG_REVIEW)
        if self.status == MISSING:
            self.status = NOT_GRADED
        return self


@dataclass
class PartResult:
    """A scored rubric part, as written to grades.json."""

    score: float
    max: float
    status: str
    flags: list[str]
    evidence: list[dict]
    title: str = ""
    feedback: str = ""
    check: str = ""
    override: dict | None = None
    # a theory part's answer as the check read it (prose, up to ANSWER_CHARS): what answer
    # groups cluster and a group decision is tied to (see grader.groups)
    answer: str = ""


@dataclass
class ProblemResult:
    """A scored problem: the sum of its parts."""

    score: float
    max: float
    title: str
    parts: dict[str, PartResult]
    located: bool = True
    located_by: str = ""
    confidence: float = 1.0  # how sure the locator is of the section (grader.locate)


@dataclass
class StudentResult:
    """One student's grade; ``status`` is "graded" or "error"."""

    student: str
    sources: list[str]
    status: str
    error: str | None
    total: float
    max: float
    problems: dict[str, ProblemResult] = field(default_factory=dict)
    late: dict | None = None  # set when submitted after the deadline: see grader.late
    not_read: list[str] = field(default_factory=list)  # files handed in that no reader takes
    lms_id: str | None = None  # the LMS's user id, from the download's names or the roster
    renamed_from: str | None = None  # the id it shared with another submission, if renamed

    @property
    def failed_parts(self) -> list[str]:
        """The ids of the parts the grader itself failed on (status ``error``)."""
        return [
            part_id
            for problem in self.problems.values()
            for part_id, part in problem.parts.items()
            if part.status == ERROR
        ]

    @property
    def flags(self) -> list[str]:
        """All flags raised on any part, without repeats, in order of appearance."""
        seen: list[str] = []
        for problem in self.problems.values():
            for part in problem.parts.values():
                seen.extend(f for f in part.flags if f not in seen)
        return seen

    def to_dict(self) -> dict:
        """The student's entry in grades.json."""
        return asdict(self)
