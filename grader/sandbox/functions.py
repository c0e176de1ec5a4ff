"""Function tests, the grader's side: extract, get the reference's observations, run the
student's functions in the sandbox, compare.

Expected observations are computed once per grader process, by the reference
implementation in a process that runs no student code, and kept here; they never
enter a sandbox.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from grader.checks.base import HIDE_KEY, GradeOptions
from grader.document import Block
from grader.paths import PROJECT_ROOT

from . import isolation
from .cases import suite_config
from .client import SandboxError, server
from .compare import Verdict, compare
from .extract import Extraction, extract
from .jobs import SETUP_S
from .limits import Limits

log = logging.getLogger(__name__)

EXPECT_TIMEOUT_S = 600.0

PASSED, FAILED, MISSING, CRASHED = "passed", "failed", "missing", "crashed"
ERROR = "error"  # the test could not run for the grader's own reasons: never a grade
TAMPERING = "changed the grader's own code inside the sandbox ({}), so its results were not used"


@dataclass(frozen=True)
class FunctionRequest:
    """One function to test: its name in the student's code and the suite that tests it."""

    function: str
    suite: str
    overrides: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def config(self) -> dict:
        """The suite's settings with the rubric's overrides."""
        return suite_config(self.suite, self.overrides)


@dataclass
class FunctionReport:
    """How one function fared."""

    function: str
    status: str  # passed | failed | missing | crashed | error (the grader's failure)
    verdicts: list[Verdict] = field(default_factory=list)
    problem: str | None = None  # how the run ended abnormally
    notes: list[str] = field(default_factory=list)
    where: str = ""  # where the tested definition came from
    recovered: bool = False  # the code was recovered from a PDF or text export
    skipped_definition: bool = False  # a cell that did not parse seems to define it
    output_head: str = ""
    tampered: bool = False  # the submission wrote on the result channel or patched the grader

    @property
    def failed(self) -> list[Verdict]:
        """The tests that did not pass."""
        return [v for v in self.verdicts if not v.passed]


class RunRefused(Exception):
    """Student code may not run (``--no-run``, or no isolation and no override).

    ``infra``: the refusal is a failure of the grader's (the sandbox would not start),
    which the next run retries, not a setting."""

    def __init__(self, message: str, infra: bool = False) -> None:
        super().__init__(message)
        self.infra = infra


_warned: set[str] = set()
_expected: dict[str, list[dict]] = {}


def _warn_once(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        log.warning(message)


def _key(request: FunctionRequest) -> str:
    return json.dumps([request.suite, request.config], sort_keys=True)


def permission(options: GradeOptions) -> bool:
    """Whether to run student code, and whether isolated; raises :class:`RunRefused`.

    Returns True when the sandbox is isolated, False when running unsandboxed was allowed.
    """
    if not options.run_code:
        raise RunRefused("student code was not run (--no-run)")
    try:
        found = server().ensure_started()
    except SandboxError as exc:
        raise RunRefused(f"the sandbox could not start: {exc}", infra=True) from None
    if found.get("available"):
        return True
    reason = found.get("reason", "unknown reason")
    if found.get("infra"):
        raise RunRefused(f"the sandbox failed its isolation check ({reason})", infra=True)
    if not options.allow_unsandboxed:
        _warn_once(
            f"student code will not be run: isolation is unavailable here ({reason}); "
            "pass --allow-unsandboxed to run it anyway (trusted submissions only)"
        )
        raise RunRefused(
            f"isolation is unavailable ({reason}), so student code was not run; "
            "--allow-unsandboxed runs it anyway"
        )
    _warn_once(f"running student code WITHOUT isolation ({reason}): --allow-unsandboxed given")
    return False


def hidden_paths(options: GradeOptions) -> tuple[str, ...]:
    """What sandboxed code must not read: the checkout (rubrics, reference answers, tests)
    except the Python environment, the grader's temporary folder (other students'
    unpacked submissions) and the paths in ``options.extra["sandbox_hide"]``."""
    keep = [Path(p) for p in isolation.python_paths()]

    def under(root: Path) -> list[Path]:
        if not any(k == root or root in k.parents for k in keep):
            return [root]
        if root in keep or not root.is_dir():
            return []
        return [p for child in sorted(root.iterdir()) for p in under(child)]

    roots = [PROJECT_ROOT, Path(tempfile.gettempdir())] + [
        Path(p) for p in options.extra.get(HIDE_KEY, [])
    ]
    found = []
    for root in roots:
        if root.resolve() != Path("/") and root.exists():
            found.extend(str(p) for p in under(root.resolve()))
    return tuple(dict.fromkeys(found))


def expected_observations(requests: list[FunctionRequest]) -> dict[str, list[dict]]:
    """The reference's observations for each request, by function; computed once."""
    missing = {_key(r): r for r in requests if _key(r) not in _expected}
    if missing:
        folder = tempfile.mkdtemp(prefix="grader-expected-")
        path = Path(folder) / "expected.json"
        try:
            configs = {r.suite: r.config for r in missing.values()}
            server().request(
                {"op": "expect", "configs": configs, "path": str(path)}, EXPECT_TIMEOUT_S
            )
            by_suite = json.loads(path.read_text(encoding="utf-8"))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        for key, request in missing.items():
            _expected[key] = by_suite[request.suite]
    return {r.function: _expected[_key(r)] for r in requests}


def _definitions(blocks: list[Block], section: list[Block]) -> Extraction:
    """Definitions of the whole document, the part's problem last so that its win."""
    inside = {id(b) for b in section}
    outside = extract([b for b in blocks if id(b) not in inside])
    own = extract(section)
    return Extraction(
        outside.definitions + own.definitions,
        outside.notes + own.notes,
        outside.skipped + own.skipped,
    )


def _report(
    request: FunctionRequest,
    task: dict | None,
    expected: list[dict],
    found: Extraction,
    recovered: bool,
) -> FunctionReport:
    report = FunctionReport(request.function, CRASHED, recovered=recovered)
    report.where = next(
        (d.where for d in reversed(found.definitions) if d.name == request.function), ""
    )
    report.skipped_definition = found.skipped_definition_of(request.function)
    if task is None:
        report.problem = "the sandbox ended before this function was tested"
        return report
    if task.get("infra"):
        report.status, report.problem = ERROR, f"the sandbox {task['infra']}"
        return report
    lines = task.get("lines", [])
    report.notes = found.notes + next(
        (list(map(str, line["notes"])) for line in lines if isinstance(line.get("notes"), list)), []
    )
    report.output_head = str(task.get("output_head", ""))[:2048]
    observed = next(
        (line["checks"] for line in lines if isinstance(line.get("checks"), list)), None
    )
    tampered = next((line["tampered"] for line in lines if line.get("tampered")), None)
    if tampered or task.get("tampered"):
        report.tampered = True
        report.problem = (
            TAMPERING.format(", ".join(map(str, tampered))[:200])
            if tampered
            else task.get("problem")
        )
    elif any(line.get("missing") for line in lines):
        report.status = MISSING
    elif observed is None:
        report.problem = task.get("problem") or "the test ended without reporting"
    else:
        report.verdicts = compare(expected, observed)
        report.problem = task.get("problem")
        report.status = PASSED if not report.failed and not report.problem else FAILED
    return report


def run_function_tests(
    blocks: list[Block],
    requests: list[FunctionRequest],
    options: GradeOptions,
    section: list[Block] | None = None,
) -> dict[str, FunctionReport]:
    """Test the student's functions (from ``blocks``' code cells) against the reference.

    ``section``: the blocks of the problem the functions belong to; its definitions win
    over same-named ones elsewhere. Raises :class:`RunRefused` when code may not run and
    :class:`~grader.sandbox.client.SandboxError` when the sandbox itself failed.
    """
    isolated = permission(options)
    limits = Limits.from_extra(options.extra)
    found = _definitions(blocks, section or [])
    expected = expected_observations(requests)
    recovered = any(b.kind == "code" and b.origin != "ipynb" for b in blocks)
    reply = server().request(
        {
            "op": "run",
            "definitions": [d.to_dict() for d in found.definitions],
            "tasks": [
                {"function": r.function, "suite": r.suite, "config": r.config} for r in requests
            ],
            "limits": limits.to_dict(),
            "isolate": isolated,
            "hide": list(hidden_paths(options)) if isolated else [],
        },
        limits.wall_s * (len(requests) + 1) + 3 * SETUP_S,
    )
    tasks = reply.get("tasks", {})
    reports = {}
    for request in requests:
        report = _report(
            request, tasks.get(request.function), expected[request.function], found, recovered
        )
        if request.function not in tasks and reply.get("problem"):
            report.problem = reply["problem"]
            if reply.get("infra"):
                report.status = ERROR
        reports[request.function] = report
    return reports
