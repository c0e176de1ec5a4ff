"""Solution documents: per problem, the reference derivation step by step, reference code
excerpts, reference results with their provenance, and what the rubric expects per part.

Nothing is retyped here: derivations come from :func:`reference.derivations.derive` (fed
the ``setup`` of the problem's shared YAML), code from the reference modules' source, runs
from ``reference/results/``, and expected values with their sources from the rubric.
Which of these a problem has is data (``templates/solutions.yaml``).
"""

from __future__ import annotations

import importlib
import inspect
import logging
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markupsafe import Markup

from grader.checks.registry import expectation
from grader.output import write_atomic
from grader.rubric import PartSpec, ProblemSpec, Rubric

from .curves import RESULTS_DIR, curve_config, recorded_runs, run_curve, seed_curves
from .env import environment, template_data
from .plots import Curve, training_plot

log = logging.getLogger(__name__)

SOLUTIONS_FILE = "solutions.yaml"
SUFFIXES = (".html", ".pdf")


class SolutionsError(Exception):
    """The solution document cannot be written; the message says what to fix."""


@dataclass
class Excerpt:
    """Reference code: where it lives and its source."""

    name: str
    where: str
    source: str


@dataclass
class Run:
    """A reference run or a seed's published figures, with where its numbers come from."""

    label: str
    provenance: list[tuple[str, str]]
    epochs: list[dict]
    metrics: list[str]
    test: dict = field(default_factory=dict)


@dataclass
class Solution:
    """Everything the document shows for one problem."""

    problem: ProblemSpec
    steps: list[tuple[str, str]] = field(default_factory=list)
    answer: str = ""
    notes: list[str] = field(default_factory=list)  # what is missing, and why
    code: list[Excerpt] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    plot: Markup | None = None
    parts: list[dict] = field(default_factory=list)


def _problem_yaml(rubric: Rubric, problem: ProblemSpec) -> dict:
    path = rubric.path.parent / "problems" / f"{problem.use}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _derivation(rubric: Rubric, problem: ProblemSpec, solution: Solution) -> None:
    from reference.derivations import derive  # SymPy is imported only when needed

    setup = _problem_yaml(rubric, problem).get("setup") or {}
    try:
        derivation = derive(problem.use, setup)
    except KeyError as exc:
        solution.notes.append(
            f"No worked solution: the derivation needs {exc} in the 'setup' of "
            f"rubrics/problems/{problem.use}.yaml."
        )
        return
    solution.steps = [(step.explanation, step.latex) for step in derivation.steps]
    solution.answer = derivation.answer


def _excerpt(target: str) -> Excerpt:
    module_name, _, name = target.partition(":")
    try:
        obj = getattr(importlib.import_module(module_name), name)
        lines, start = inspect.getsourcelines(obj)
    except (ImportError, AttributeError, OSError, TypeError) as exc:
        raise SolutionsError(f"{SOLUTIONS_FILE}: cannot show {target} ({exc})") from None
    where = f"{module_name.replace('.', '/')}.py, lines {start}-{start + len(lines) - 1}"
    return Excerpt(name, where, "".join(lines).rstrip())


def _recorded(path: Path, run: dict, metrics: dict) -> Run:
    data = run.get("data") or {}
    versions = ", ".join(f"{k} {v}" for k, v in (run.get("versions") or {}).items())
    provenance = [
        ("file", f"reference/results/{path.name}"),
        ("device", str(run.get("device", "—"))),
        ("seed", str(run.get("seed", "—"))),
        ("versions", versions or "—"),
        ("data", " ".join(str(data.get(k, "")) for k in ("path", "checksum")).strip() or "—"),
        ("parameters", ", ".join(f"{k} {v}" for k, v in (run.get("params") or {}).items()) or "—"),
    ]
    curve = run_curve(path, run, metrics)
    return Run(curve.label, provenance, list(curve.epochs), list(metrics), run.get("test") or {})


def _results(problem: ProblemSpec, solution: Solution, templates_dir: Path | None) -> None:
    config = curve_config(problem.use, templates_dir)
    if config is None:
        solution.notes.append(
            f"No results are configured for {problem.use} in reference_curves.yaml."
        )
        return
    runs = recorded_runs(config["task"], RESULTS_DIR)
    metrics = config.get("metrics") or {}
    if runs:
        solution.runs = [_recorded(path, run, metrics) for path, run in runs]
    else:
        solution.notes.append(
            f"No reference run of task '{config['task']}' is recorded in reference/results/ yet; "
            "shown instead: figures published in the seed submissions (student runs)."
        )
        solution.runs = [
            Run(c.label, [("source", c.source)], list(c.epochs), c.metrics())
            for c in seed_curves(config)
        ]
    curves = [Curve(r.label, "", tuple(r.epochs)) for r in solution.runs]
    if curves:
        solution.plot = training_plot(curves[0], curves[1:])


def _expectation(part: PartSpec) -> dict:
    """What the rubric expects of a part, in words, and the source it cites."""
    params = part.params
    expected = []
    if "expected" in params:
        value = params["expected"]
        shown = (
            ", ".join(f"{k}: {v}" for k, v in value.items()) if isinstance(value, dict) else value
        )
        expected.append(str(shown))
    described = expectation(part.check, params)
    if described:
        expected.append(described)
    if "epochs" in params:
        expected.append(f"at least {params['epochs']} logged epochs")
    expected += [rule["why"] for rule in params.get("require", []) if "why" in rule]
    return {
        "id": part.id,
        "title": part.title,
        "points": part.points,
        "check": part.check,
        "expected": "; ".join(expected),
        "source": str(params.get("source", "")),
    }


def build_solutions(rubric: Rubric, templates_dir: Path | None = None) -> list[Solution]:
    """The content of the solution document, problem by problem."""
    config = template_data(SOLUTIONS_FILE, templates_dir)
    solutions = []
    for problem in rubric.problems:
        entry = config.get(problem.use) or {}
        solution = Solution(problem, parts=[_expectation(p) for p in problem.parts])
        if entry.get("derivation"):
            _derivation(rubric, problem, solution)
        solution.code = [_excerpt(target) for target in entry.get("code", [])]
        if entry.get("results"):
            _results(problem, solution, templates_dir)
        solutions.append(solution)
    return solutions


def solutions_html(rubric: Rubric, templates_dir: Path | None = None) -> str:
    """The solution document as HTML."""
    template = environment(templates_dir).get_template("solutions.html.j2")
    return template.render(rubric=rubric, solutions=build_solutions(rubric, templates_dir))


def write_solutions(rubric: Rubric, target: Path, templates_dir: Path | None = None) -> Path:
    """Write the solution document to ``target`` (``.html`` or ``.pdf``); return its path."""
    if target.suffix.lower() not in SUFFIXES:
        raise SolutionsError(f"{target}: the output must end in .html or .pdf")
    html = solutions_html(rubric, templates_dir)
    if target.suffix.lower() == ".pdf":
        from .pdf import write_pdf  # WeasyPrint takes a while to import; only load it when used

        return write_pdf(html, target, templates_dir)
    write_atomic(target, html)
    return target
