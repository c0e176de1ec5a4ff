"""Every regular expression the grader applies to student text, timed on adversarial input.

Run as a script (``python tests/regex_audit.py``) it prints one JSON line per pattern
slower than ``SLOW_S`` on any input; ``tests/test_hostile_regex.py`` runs it in a child
process with a time limit, since a backtracking regex cannot be interrupted in-process.
Patterns come from the grader's modules (every module-level compiled regex) and from the
rubrics (every regex a problem YAML declares: concept phrases, log formats, markers,
fingerprints, names, code patterns).
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import grader  # noqa: E402

SLOW_S = 1.0  # a linear pattern takes milliseconds here; a quadratic one seconds
SIZE = 12000
ADVERSARIAL = [
    "a" * SIZE,
    " " * SIZE + "!",
    "#" + " " * SIZE + "x",
    "# " * SIZE,
    "x_" * SIZE,
    "1," * SIZE + "x",
    "(" * SIZE,
    "$" * SIZE,
    "\\" * SIZE,
    "ab " * SIZE + "!",
    "epoch " * SIZE,
    "= " * SIZE,
    "- " * SIZE,
    "Q1" * SIZE,
    "sum_j k_j " * (SIZE // 4),
    "0." * SIZE,
    "\n#    x = 1," * (SIZE // 4),
    "**" * SIZE,
    "not " * SIZE + "shared weights",
]
# "names" are left out: they are matched whole against defined names of at most 64
# characters (grader.checks.base.CheckContext.defined_name), never searched in text.
REGEX_KEYS = {"patterns", "pattern", "code", "epoch", "code_pattern", "fingerprints"}


def module_patterns() -> dict[str, re.Pattern]:
    """Every module-level compiled regex of the grader package."""
    found = {}
    for info in pkgutil.walk_packages(grader.__path__, "grader."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found[f"{info.name}.{name}"] = value
    return found


def _walk(node: object, key: str, where: str, found: dict[str, re.Pattern]) -> None:
    if isinstance(node, dict):
        for k, v in node.items():
            inner = k if k in REGEX_KEYS or key == "metrics" else key
            if key == "metrics":
                inner = "patterns"
            _walk(v, inner if k not in ("metrics",) else "metrics", f"{where}.{k}", found)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            _walk(v, key, f"{where}[{i}]", found)
    elif isinstance(node, str) and key in REGEX_KEYS | {"patterns"}:
        try:
            found[where] = re.compile(node, re.I)
        except re.error:
            pass


def rubric_patterns() -> dict[str, re.Pattern]:
    """Every regex the problem YAMLs declare."""
    found: dict[str, re.Pattern] = {}
    for path in sorted((ROOT / "rubrics" / "problems").glob("*.yaml")):
        _walk(yaml.safe_load(path.read_text()), "", path.stem, found)
    return found


def built_patterns() -> dict[str, re.Pattern]:
    """The regexes the grader builds from templates: markers, headings, part labels."""
    from grader.checks.cells import marker_pattern
    from grader.locate import _weak_pattern, heading_patterns
    from grader.segment import _part_pattern

    found = {f"marker {m}": marker_pattern(m) for m in ("Q1a", "Q2", "Q3d")}
    for n in range(1, 6):
        found.update({f"heading {n}.{i}": p for i, p in enumerate(heading_patterns(n))})
        found[f"weak {n}"] = _weak_pattern(n)
    found.update({f"part {m}": _part_pattern(m) for m in ("a", "b", "c", "i")})
    return found


def all_patterns() -> dict[str, re.Pattern]:
    """Every pattern the audit times."""
    return {**module_patterns(), **rubric_patterns(), **built_patterns()}


DERIVED_SIZE = 6000  # a quadratic pattern takes seconds on these too; a linear one milliseconds


def derived_inputs(pattern: re.Pattern) -> list[str]:
    """Inputs built from the pattern's own words: each repeated, run on ("copyyy…"), and
    spaced: the generic inputs never reach a pattern such as ``cop\\w*[^.]{0,40}when``."""
    words = sorted(set(re.findall(r"[a-z]{3,}", pattern.pattern)))
    return [
        text
        for w in words
        for text in (
            w * (DERIVED_SIZE // len(w)),
            w + "y" * DERIVED_SIZE,
            (w + " ") * (DERIVED_SIZE // (len(w) + 1)),
        )
    ]


def slow_patterns() -> list[dict]:
    """The patterns slower than ``SLOW_S`` on some adversarial input."""
    slow = []
    for name, pattern in all_patterns().items():
        for text in ADVERSARIAL + derived_inputs(pattern):
            start = time.perf_counter()
            pattern.search(text)
            pattern.findall(text[:SIZE])
            took = time.perf_counter() - start
            if took > SLOW_S:
                slow.append({"pattern": name, "input": text[:20], "seconds": round(took, 3)})
    return slow


if __name__ == "__main__":
    print(json.dumps({"patterns": len(all_patterns())}))
    for record in slow_patterns():
        print(json.dumps(record))
