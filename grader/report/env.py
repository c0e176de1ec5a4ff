"""The Jinja environment shared by every document: templates, lookup order and filters.

An instructor's ``--templates DIR`` comes first, then the bundled ``templates/``; the same
order finds the data files beside the templates (CSS, reference curves, self-check hints).
Autoescape is on everywhere: student text is untrusted HTML.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from grader.document import STRENGTH_EXECUTED, STRENGTH_PRINTED, STRENGTH_UNEXECUTED
from grader.ingest import READERS
from grader.paths import TEMPLATES_DIR

from .mathsvg import render_math
from .prose import render_prose

OUTPUT_STRENGTHS = (STRENGTH_EXECUTED, STRENGTH_PRINTED, STRENGTH_UNEXECUTED)
CODE_STRENGTH = "code"  # evidence read from the code itself (see README, "Evidence strength")


class TemplateDataError(Exception):
    """A data file beside the templates is missing or malformed; the message names it."""


def template_file(name: str, templates_dir: Path | None = None) -> Path:
    """The path of a file beside the templates: the instructor's copy if there is one."""
    for folder in (templates_dir, TEMPLATES_DIR):
        if folder is not None and (folder / name).is_file():
            return folder / name
    raise TemplateDataError(f"{TEMPLATES_DIR / name}: file not found")


def template_data(name: str, templates_dir: Path | None = None) -> dict:
    """A YAML mapping beside the templates (e.g. ``reference_curves.yaml``)."""
    path = template_file(name, templates_dir)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise TemplateDataError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise TemplateDataError(f"{path}: expected a mapping at the top level")
    return data


def points(value: float | None) -> str:
    """A score without trailing zeros (``1.5``, ``0.125``, ``3``), or a dash when there is none."""
    return f"{value:.3f}".rstrip("0").rstrip(".") if value is not None else "—"


def evidence_html(text: str, strength: str = "") -> Markup:
    """Evidence text as HTML: code and outputs verbatim, prose with its math rendered."""
    if strength == CODE_STRENGTH:
        return Markup('<pre class="code">{}</pre>').format(text)
    if strength in OUTPUT_STRENGTHS:
        return Markup('<pre class="output">{}</pre>').format(text)
    return Markup('<div class="prose">{}</div>').format(render_prose(text))


def evidence_side(evidence: dict, side: str) -> Markup:
    """One side (``found`` or ``expected``) of an evidence row: the LaTeX a check recorded in
    ``data["latex"][side]`` rendered as math, else the text as :func:`evidence_html` shows it."""
    latex = ((evidence.get("data") or {}).get("latex") or {}).get(side)
    if latex:
        return Markup('<div class="math-display">{}</div>').format(render_math(latex))
    return evidence_html(
        evidence.get(side, ""), evidence.get("strength", "") if side == "found" else ""
    )


def environment(templates_dir: Path | None = None) -> Environment:
    """Jinja environment: an instructor's templates first, then the bundled ones."""
    loaders = [FileSystemLoader(str(templates_dir))] if templates_dir else []
    loaders.append(FileSystemLoader(str(TEMPLATES_DIR)))
    env = Environment(loader=ChoiceLoader(loaders), autoescape=select_autoescape(default=True))
    env.filters["points"] = points
    env.globals["readable_types"] = ", ".join(sorted(READERS))  # what "not read" means
    env.filters["prose"] = render_prose
    env.filters["math"] = render_math
    env.filters["evidence"] = evidence_side
    return env
