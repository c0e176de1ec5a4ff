"""Rubrics are data: load an assignment YAML, resolve the shared problems it uses, validate.

Layout (see ``rubrics/README.md``)::

    rubrics/<assignment>.yaml       id, title, version, problems: [{id, number, use, points}]
    rubrics/problems/<name>.yaml    title, kind, anchors, parts: [{id, title, weight, check, params}]

A shared problem is written once under ``rubrics/problems/`` and used by every assignment
that sets it; the assignment only says where it sits (``id``, ``number``) and what it is
worth (``points``). Part points are the problem's points split by the parts' weights.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path

import yaml

from grader.checks.registry import (
    CHECK_KINDS,
    allowed_params,
    params_validator,
    required_params,
)
from grader.paths import RUBRICS_DIR

PROBLEM_KINDS = ("theory", "notebook")


class RubricError(Exception):
    """A rubric file is missing or malformed; the message names the file and the key."""


@dataclass(frozen=True)
class PartSpec:
    """One gradable part of a problem."""

    id: str
    title: str
    points: float
    check: str
    params: dict = field(default_factory=dict, hash=False, compare=False)
    markers: tuple[str, ...] = ()  # sub-part labels that start this part's answer, e.g. ("a",)


@dataclass(frozen=True)
class ProblemSpec:
    """One problem of an assignment."""

    id: str
    number: int
    title: str
    points: float
    kind: str
    anchors: tuple[str, ...]
    parts: tuple[PartSpec, ...]
    use: str = ""
    fingerprints: tuple[str, ...] = ()  # regexes over code that identify the problem's answer
    # the handout's names for what students define, with other names they use for it
    # ({ViT: [VisionTransformer, VIT]}); checks test the name the student's code defines
    names: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class KnownProblem:
    """A problem of the shared library (``rubrics/problems/``), as a heading may title it."""

    use: str
    title: str
    anchors: tuple[str, ...]


@dataclass(frozen=True)
class Rubric:
    """A whole assignment: its problems, and the version that keys stored results."""

    id: str
    title: str
    version: str
    path: Path
    problems: tuple[ProblemSpec, ...]
    policy: dict = field(default_factory=dict, hash=False, compare=False)
    # every problem of the library, this assignment's or not: a heading titled as one of
    # them tells the locator that a numbered section is not the problem of that number
    library: tuple[KnownProblem, ...] = field(default=(), hash=False, compare=False)

    @property
    def max_points(self) -> float:
        """The assignment's total points."""
        return sum(p.points for p in self.problems)

    def part(self, part_id: str) -> PartSpec:
        """Look a part up by its full id (e.g. ``p2a``)."""
        for problem in self.problems:
            for part in problem.parts:
                if part.id == part_id:
                    return part
        raise KeyError(part_id)


def _read_yaml(path: Path) -> dict:
    if not path.is_file():
        raise RubricError(f"{path}: file not found")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RubricError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise RubricError(f"{path}: expected a mapping at the top level")
    return data


# The keys each level of a rubric may have; any other key is a typo that would silently
# change grading, so it stops the load (issue 2/5).
RUBRIC_KEYS = frozenset({"id", "title", "version", "problems", "policy"})
PROBLEM_ENTRY_KEYS = frozenset({"id", "number", "use", "points", "title"})
# "setup": a place for YAML anchors (&setup) that parts' params refer to
SHARED_PROBLEM_KEYS = frozenset(
    {"title", "kind", "anchors", "fingerprints", "names", "parts", "setup"}
)
PART_KEYS = frozenset({"id", "title", "weight", "check", "params", "markers"})


def _known_keys(data: dict, allowed: frozenset[str], where: str, what: str) -> None:
    """Stop on a key not in ``allowed``, naming it, the closest known key and the file."""
    unknown = sorted(set(data) - allowed)
    if unknown:
        key = unknown[0]
        close = get_close_matches(str(key), sorted(allowed), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise RubricError(
            f"{where}: unknown key '{key}' in {what}{hint}; known keys: {', '.join(sorted(allowed))}"
        )


def _check_params(kind: str, params: dict, here: str) -> None:
    """A part's params: required keys present, no unknown key, the kind's own validation;
    a ``static`` reading (check kind ``function``) is checked as a part of its own kind."""
    missing = [k for k in required_params(kind) if k not in params]
    if missing:
        raise RubricError(f"{here}: check '{kind}' needs params {', '.join(missing)}")
    allowed = allowed_params(kind)
    if allowed is not None:
        _known_keys(params, allowed, here, f"the params of check '{kind}'")
    validate = params_validator(kind)
    if validate is not None:
        try:
            validate(params, here)
        except ValueError as exc:
            raise RubricError(str(exc) if here in str(exc) else f"{here}: {exc}") from None
    static = params.get("static")
    if kind == "function" and isinstance(static, dict):
        _known_keys(static, frozenset({"kind", "params"}), here, "'static'")
        inner = static.get("kind")
        if inner not in CHECK_KINDS:
            raise RubricError(f"{here}: static: unknown check '{inner}'")
        _check_params(str(inner), static.get("params", {}) or {}, f"{here}: static")


def _require(data: dict, key: str, kind: type | tuple[type, ...], where: str) -> object:
    if key not in data:
        raise RubricError(f"{where}: missing key '{key}'")
    value = data[key]
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise RubricError(f"{where}: key '{key}' should be {names}, got {value!r}")
    return value


def _load_parts(raw_parts: object, problem_id: str, points: float, where: str) -> tuple:
    if not isinstance(raw_parts, list) or not raw_parts:
        raise RubricError(f"{where}: key 'parts' should be a non-empty list")
    weights = []
    for i, raw in enumerate(raw_parts):
        here = f"{where}: parts[{i}]"
        if not isinstance(raw, dict):
            raise RubricError(f"{here}: expected a mapping")
        _known_keys(raw, PART_KEYS, here, "a part")
        weight = _require(raw, "weight", (int, float), here)
        if weight <= 0:
            raise RubricError(f"{here}: key 'weight' should be > 0, got {weight}")
        weights.append(float(weight))
    total_weight = sum(weights)
    parts = []
    for i, (raw, weight) in enumerate(zip(raw_parts, weights, strict=True)):
        here = f"{where}: parts[{i}]"
        suffix = str(raw.get("id", ""))
        kind = _require(raw, "check", str, here)
        if kind not in CHECK_KINDS:
            known = ", ".join(sorted(CHECK_KINDS))
            raise RubricError(f"{here}: unknown check '{kind}' (known: {known})")
        params = raw.get("params", {}) or {}
        if not isinstance(params, dict):
            raise RubricError(f"{here}: key 'params' should be a mapping")
        _check_params(kind, params, here)
        markers = raw.get("markers", [])
        if not isinstance(markers, list):
            raise RubricError(f"{here}: key 'markers' should be a list of strings")
        parts.append(
            PartSpec(
                id=f"{problem_id}{suffix}",
                title=str(raw.get("title", suffix or problem_id)),
                points=round(points * weight / total_weight, 4),
                check=kind,
                params=params,
                markers=tuple(str(m) for m in markers),
            )
        )
    ids = [p.id for p in parts]
    if len(set(ids)) != len(ids):
        raise RubricError(f"{where}: part ids repeat: {ids}")
    return tuple(parts)


def _load_problem(entry: object, index: int, rubric_path: Path, problems_dir: Path) -> tuple:
    where = f"{rubric_path}: problems[{index}]"
    if not isinstance(entry, dict):
        raise RubricError(f"{where}: expected a mapping")
    _known_keys(entry, PROBLEM_ENTRY_KEYS, where, "a problem entry")
    problem_id = _require(entry, "id", str, where)
    number = _require(entry, "number", int, where)
    points = float(_require(entry, "points", (int, float), where))
    use = _require(entry, "use", str, where)
    shared_path = problems_dir / f"{use}.yaml"
    if not shared_path.is_file():
        raise RubricError(f"{where}: key 'use' names '{use}', but {shared_path} does not exist")
    shared = _read_yaml(shared_path)
    _known_keys(shared, SHARED_PROBLEM_KEYS, str(shared_path), "a problem")
    title = _require(shared, "title", str, str(shared_path))
    kind = _require(shared, "kind", str, str(shared_path))
    if kind not in PROBLEM_KINDS:
        raise RubricError(f"{shared_path}: key 'kind' should be one of {PROBLEM_KINDS}")
    anchors = shared.get("anchors", [])
    if not isinstance(anchors, list):
        raise RubricError(f"{shared_path}: key 'anchors' should be a list of strings")
    parts = _load_parts(shared.get("parts"), problem_id, points, str(shared_path))
    fingerprints = shared.get("fingerprints", [])
    if not isinstance(fingerprints, list) or not all(isinstance(f, str) for f in fingerprints):
        raise RubricError(f"{shared_path}: key 'fingerprints' should be a list of regexes")
    for pattern in fingerprints:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise RubricError(
                f"{shared_path}: fingerprint {pattern!r} is not a regex ({exc})"
            ) from None
    names = _load_names(shared.get("names", {}), str(shared_path))
    spec = ProblemSpec(
        id=problem_id,
        number=number,
        title=str(entry.get("title", title)),
        points=points,
        kind=kind,
        anchors=tuple(str(a) for a in [title, *anchors]),
        parts=parts,
        use=use,
        fingerprints=tuple(fingerprints),
        names=names,
    )
    return spec, shared


def _load_names(raw: object, where: str) -> dict[str, tuple[str, ...]]:
    """``names:`` of a problem: each handout name with regexes for other names students
    give it (matched against the whole defined name)."""
    identifier = re.compile(r"[A-Za-z_]\w*")
    ok = isinstance(raw, dict) and all(
        isinstance(k, str) and identifier.fullmatch(k) and isinstance(v, list)
        for k, v in raw.items()
    )
    if not ok:
        raise RubricError(
            f"{where}: key 'names' should map a Python name to a list of regexes for other "
            "names, e.g. {ViT: [VisionTransformer]}"
        )
    for patterns in raw.values():
        for pattern in patterns:
            try:
                re.compile(str(pattern))
            except re.error as exc:
                raise RubricError(f"{where}: names: {pattern!r} is not a regex ({exc})") from None
    return {k: tuple(str(p) for p in v) for k, v in raw.items()}


def rubric_path(assignment: str, rubrics_dir: Path = RUBRICS_DIR) -> Path:
    """The YAML file of an assignment id, or the path itself if one is given."""
    as_path = Path(assignment)
    if as_path.suffix in (".yaml", ".yml"):
        return as_path
    return rubrics_dir / f"{assignment}.yaml"


def available_assignments(rubrics_dir: Path = RUBRICS_DIR) -> list[str]:
    """The assignment ids that have a rubric (a YAML with ``problems:``; ``meaning.yaml``
    and other settings files beside them are not assignments)."""
    return sorted(
        p.stem
        for p in rubrics_dir.glob("*.yaml")
        if re.search(r"^problems:", p.read_text(encoding="utf-8"), re.M)
    )


def load_rubric(assignment: str, rubrics_dir: Path = RUBRICS_DIR) -> Rubric:
    """Load and validate an assignment rubric; raise :class:`RubricError` on any problem."""
    path = rubric_path(assignment, rubrics_dir)
    if not path.is_file():
        known = ", ".join(available_assignments(rubrics_dir)) or "none"
        raise RubricError(f"{path}: no such rubric (known assignments: {known})")
    data = _read_yaml(path)
    _known_keys(data, RUBRIC_KEYS, str(path), "the assignment")
    rubric_id = _require(data, "id", str, str(path))
    title = _require(data, "title", str, str(path))
    version = str(_require(data, "version", (str, int, float), str(path)))
    raw_problems = _require(data, "problems", list, str(path))
    problems_dir = path.parent / "problems"
    loaded = [_load_problem(e, i, path, problems_dir) for i, e in enumerate(raw_problems)]
    problems = tuple(spec for spec, _ in loaded)
    ids = [p.id for p in problems]
    if len(set(ids)) != len(ids):
        raise RubricError(f"{path}: problem ids repeat: {ids}")
    digest = hashlib.sha256(
        json.dumps([data, [shared for _, shared in loaded]], sort_keys=True, default=str).encode()
    ).hexdigest()[:10]
    policy = data.get("policy", {}) or {}
    return Rubric(
        rubric_id, title, f"{version}+{digest}", path, problems, policy, _library(problems_dir)
    )


def _library(problems_dir: Path) -> tuple[KnownProblem, ...]:
    """The title and anchors of every shared problem (a file that does not read is left
    out here: loading a rubric that uses it names its mistake)."""
    known = []
    for path in sorted(problems_dir.glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        if isinstance(data, dict) and isinstance(data.get("title"), str):
            anchors = data.get("anchors") or []
            if isinstance(anchors, list):
                known.append(KnownProblem(path.stem, data["title"], tuple(map(str, anchors))))
    return tuple(known)
