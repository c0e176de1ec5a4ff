"""LaTeX formulas to inline SVG with matplotlib's mathtext: offline, the same in HTML and PDF.

Each distinct formula is rendered once (cached); its glyphs become one ``<path>``, so an SVG
carries no ids that could clash with another on the page. Two things mathtext lacks are laid
out here: multi-line environments (``aligned``…: lines stacked, lined up at ``&``) and matrices
(``matrix``/``bmatrix``/``pmatrix``/``vmatrix``, or ``\\left[\\begin{matrix}…\\right]``: cells
rendered by mathtext, placed on a grid between drawn delimiters). Anything else mathtext
cannot parse (``\\cancel``…) falls back to the formula's escaped source.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import matplotlib
import numpy as np
from markupsafe import Markup, escape
from matplotlib.path import Path
from matplotlib.textpath import TextPath

log = logging.getLogger(__name__)

SIZE = 10.0  # render size in points; the SVG is then scaled in em, so it follows the text
SCALE = 1.1  # formulas a little larger than the text around them, as in LaTeX documents
PAD = 0.6  # points of blank space around the glyphs
AXIS = 0.25 * SIZE  # height of the math axis (where fraction bars sit) above the baseline
THIN = 0.06 * SIZE  # stroke width of drawn delimiters
# Multi-line environments mathtext lacks: rendered one line at a time, alignment marks dropped.
_LINES_ENV = re.compile(
    r"^\\begin\{(aligned|align\*?|gathered|gather\*?|split|eqnarray\*?)\}(?P<body>.*)"
    r"\\end\{\1\}$",
    re.S,
)
_MATRIX = re.compile(
    r"(?:\\left\s*(?P<left>[\[(|.])\s*)?"
    r"\\begin\{(?P<env>[bpvB]?matrix)\}(?P<body>.*?)\\end\{(?P=env)\}"
    r"(?:\s*\\right\s*(?P<right>[\])|.]))?",
    re.S,
)
_ENV_DELIMITERS = {"matrix": ("", ""), "bmatrix": ("[", "]"), "pmatrix": ("(", ")")}
_ENV_DELIMITERS |= {"vmatrix": ("|", "|"), "Bmatrix": ("(", ")")}
_COMMANDS = {Path.MOVETO: "M", Path.LINETO: "L", Path.CURVE3: "Q", Path.CURVE4: "C"}


@dataclass(frozen=True)
class Box:
    """Laid-out math: a path in points, baseline at y = 0, from x = 0 to ``width``."""

    path: Path
    width: float
    ascent: float  # above the baseline
    descent: float  # below the baseline (positive)

    def moved(self, dx: float, dy: float) -> Path:
        """The path shifted by (dx, dy)."""
        return Path(self.path.vertices + np.array([dx, dy]), self.path.codes)


def _empty(width: float = 0.0) -> Box:
    return Box(Path(np.zeros((0, 2))), width, 0.0, 0.0)


def _text_box(tex: str) -> Box:
    """One mathtext formula (raises ValueError when mathtext cannot parse it)."""
    if not tex.strip():
        return _empty()
    with matplotlib.rc_context({"mathtext.fontset": "cm"}):
        path = TextPath((0, 0), f"${tex}$", size=SIZE)
    # the control points bound the curves: far cheaper than Path.get_extents, as tight here
    drawn = path.vertices[path.codes != Path.CLOSEPOLY]
    if not len(drawn):
        return _empty()
    (_, y0), (x1, y1) = drawn.min(axis=0), drawn.max(axis=0)
    return Box(path, max(x1, 0.0), max(y1, 0.0), max(-y0, 0.0))


def _row(boxes: list[Box], gap: float = 0.0) -> Box:
    """Boxes side by side on a common baseline, ``gap`` points apart."""
    paths, x = [], 0.0
    for box in boxes:
        paths.append(box.moved(x, 0))
        x += box.width + gap
    width = max(x - gap, 0.0)
    ascent = max((b.ascent for b in boxes), default=0.0)
    descent = max((b.descent for b in boxes), default=0.0)
    return Box(Path.make_compound_path(*paths), width, ascent, descent)


def _delimiter(kind: str, top: float, bottom: float, right: bool) -> Box:
    """A bracket, parenthesis or bar spanning ``bottom``..``top``, drawn as filled shapes."""
    kind = {"]": "[", ")": "("}.get(kind, kind)  # a closing one is the opening one mirrored
    width = {"[": 0.32, "(": 0.38, "|": 0.16}.get(kind, 0.0) * SIZE
    if not width:
        return _empty(0.1 * SIZE)
    mid = (top + bottom) / 2
    if kind == "(":
        bulge = -0.45 * width
        points = [
            (width, top),
            (bulge, mid),
            (width, bottom),
            (bulge + 2.2 * THIN, mid),
            (width, top),
        ]
        codes = [Path.MOVETO, Path.CURVE3, Path.CURVE3, Path.CURVE3, Path.CURVE3]
    else:
        x0 = 0.08 * SIZE
        points = [(x0, bottom), (x0 + THIN, bottom), (x0 + THIN, top), (x0, top), (x0, bottom)]
        codes = [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY]
        if kind == "[":
            for y in (top - THIN, bottom):
                points += [(x0, y), (width, y), (width, y + THIN), (x0, y + THIN), (x0, y)]
                codes += [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY]
    vertices = np.array(points, dtype=float)
    if right:
        vertices[:, 0] = width - vertices[:, 0]
    return Box(Path(vertices, codes), width, max(top, 0.0), max(-bottom, 0.0))


def _matrix_box(body: str, left: str, right: str) -> Box:
    """Cells on a grid, centred on the math axis, between the two delimiters."""
    rows = [[_text_box(cell) for cell in line.split("&")] for line in body.split(r"\\")]
    rows = [row for row in rows if any(cell.width for cell in row)]
    columns = max(len(row) for row in rows)
    widths = [max(row[c].width if c < len(row) else 0.0 for row in rows) for c in range(columns)]
    gap_x, gap_y = 0.9 * SIZE, 0.35 * SIZE
    heights = [
        (max(max(c.ascent for c in row), 0.7 * SIZE), max(max(c.descent for c in row), 0.2 * SIZE))
        for row in rows
    ]
    total = sum(a + d for a, d in heights) + gap_y * (len(rows) - 1)
    top = AXIS + total / 2
    paths, y = [], top
    for row, (ascent, descent) in zip(rows, heights, strict=True):
        y -= ascent
        x = 0.0
        for column, cell in enumerate(row):
            paths.append(cell.moved(x + (widths[column] - cell.width) / 2, y))
            x += widths[column] + gap_x
        y -= descent + gap_y
    grid = Box(
        Path.make_compound_path(*paths), sum(widths) + gap_x * (columns - 1), top, total - top
    )
    margin = 0.1 * SIZE
    edge = (grid.ascent + margin, -grid.descent - margin)
    opening, closing = _delimiter(left, *edge, False), _delimiter(right, *edge, True)
    return _row([opening, grid, closing], gap=0.12 * SIZE)


def _line_box(tex: str) -> Box:
    """One line of math: mathtext between matrices, matrices laid out here."""
    boxes, position = [], 0
    for match in _MATRIX.finditer(tex):
        boxes.append(_text_box(tex[position : match.start()]))
        default_left, default_right = _ENV_DELIMITERS[match.group("env")]
        left = (match.group("left") or default_left).replace(".", "")
        right = (match.group("right") or default_right).replace(".", "")
        boxes.append(_matrix_box(match.group("body"), left, right))
        position = match.end()
    boxes.append(_text_box(tex[position:]))
    return _row([b for b in boxes if b.width], gap=0.25 * SIZE)


def _path_data(path: Path) -> str:
    """SVG path data for a matplotlib path, y flipped (SVG's y axis points down)."""
    out = []
    for vertices, code in path.iter_segments(simplify=False, curves=True):
        if code == Path.CLOSEPOLY:
            out.append("Z")
            continue
        coords = " ".join(f"{x:.2f} {-y:.2f}" for x, y in vertices.reshape(-1, 2))
        out.append(f"{_COMMANDS[code]}{coords}")
    return "".join(out)


def _svg(box: Box, label: str) -> str:
    """Laid-out math as an SVG element sized in em, its baseline on the text's baseline."""
    width, height = box.width + 2 * PAD, box.ascent + box.descent + 2 * PAD
    em = SIZE / SCALE
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="math" role="img" '
        f'aria-label="{escape(label)}" '
        f'viewBox="{-PAD:.2f} {-box.ascent - PAD:.2f} {width:.2f} {height:.2f}" '
        f'style="width:{width / em:.3f}em;height:{height / em:.3f}em;'
        f'vertical-align:{-(box.descent + PAD) / em:.3f}em"><title>{escape(label)}</title>'
        f'<path d="{_path_data(box.path)}"/></svg>'
    )


def _split_outside_environments(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator``, except inside ``\\begin{…}…\\end{…}``."""
    pieces, depth, start = [], 0, 0
    for match in re.finditer(r"\\(begin|end)\{|" + re.escape(separator), text):
        if match.group(1):
            depth += 1 if match.group(1) == "begin" else -1
        elif depth == 0:
            pieces.append(text[start : match.start()])
            start = match.end()
    return [*pieces, text[start:]]


def _stack(rows: list[list[str]]) -> Box:
    """Lines one under another; split at ``&``, they line up there (centred when none is)."""
    aligned = any(len(row) > 1 for row in rows)
    pairs = [
        (_line_box(row[0]), _line_box(" ".join(row[1:])))
        if aligned
        else (_empty(), _line_box(row[0]))
        for row in rows
    ]
    gap = 0.1 * SIZE if aligned else 0.0
    left_w = max(left.width for left, _ in pairs)
    right_w = max(right.width for _, right in pairs)
    paths, y, top = [], 0.0, None
    for left, right in pairs:
        ascent, descent = max(left.ascent, right.ascent), max(left.descent, right.descent)
        y -= ascent if top is not None else 0.0
        top = ascent if top is None else top
        right_x = left_w + gap if aligned else (right_w - right.width) / 2
        paths += [left.moved(left_w - left.width, y), right.moved(right_x, y)]
        y -= descent + 0.3 * SIZE
    depth = -(y + 0.3 * SIZE)
    return Box(Path.make_compound_path(*paths), left_w + gap + right_w, top or 0.0, depth)


def _layout(tex: str) -> Box:
    """A whole formula: one line, or a multi-line environment's lines stacked."""
    flat = " ".join(tex.split())
    env = _LINES_ENV.match(flat)
    if not env:
        return _line_box(flat)
    lines = [line for line in _split_outside_environments(env.group("body"), r"\\") if line.strip()]
    return _stack([_split_outside_environments(line, "&") for line in lines])


@lru_cache(maxsize=8192)
def render_math(tex: str) -> Markup:
    """A formula (without delimiters) as inline SVG markup, or its escaped source if unparsable."""
    try:
        box = _layout(tex)
    except (ValueError, RuntimeError, KeyError) as exc:  # mathtext's parse errors
        log.debug("mathtext cannot render %r: %s", tex, exc)
        return Markup('<code class="math-source">{}</code>').format(tex)
    return Markup(_svg(box, " ".join(tex.split())))
