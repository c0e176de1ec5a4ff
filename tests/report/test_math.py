"""Formulas become inline SVG once each; what mathtext cannot parse stays readable and escaped."""

from __future__ import annotations

import re

from grader.report.env import evidence_side
from grader.report.mathsvg import render_math
from grader.report.prose import render_prose

SVG = re.compile(r"<svg\b[^>]*class=\"math\"")


def _width_em(svg: str) -> float:
    return float(re.search(r"width:([\d.]+)em", svg).group(1))


def test_a_formula_is_rendered_once_to_inline_svg() -> None:
    before = render_math.cache_info()
    first = render_math(r"\|x_1\|_2 = \sqrt{2}\beta")
    again = render_math(r"\|x_1\|_2 = \sqrt{2}\beta")
    after = render_math.cache_info()
    assert SVG.match(first) and '<path d="M' in first
    assert again is first and after.hits == before.hits + 1
    assert "id=" not in first  # nothing that could clash with another SVG on the page


def test_unparsable_latex_falls_back_to_its_escaped_source() -> None:
    out = render_math(r"\cancel{a^T b} < c")
    assert not SVG.search(out)
    assert out == r'<code class="math-source">\cancel{a^T b} &lt; c</code>'


def test_multi_line_environments_and_matrices_render() -> None:
    aligned = render_math(r"\begin{aligned} h_1 &= x_1 \\ h_2 &= x_2 - x_1 \end{aligned}")
    one_line = render_math(r"h_1 = x_1")
    assert SVG.match(aligned) and aligned.count("<svg") == 1
    assert float(re.search(r"height:([\d.]+)em", aligned).group(1)) > 1.5 * float(
        re.search(r"height:([\d.]+)em", one_line).group(1)
    )
    matrix = render_math(
        r"S = \left[\begin{matrix}2 \beta^{2} & 0\\0 & \beta^{2}\end{matrix}\right]"
    )
    bmatrix = render_math(r"\begin{bmatrix} 1 & 0 \\ 0 & 1 \end{bmatrix}")
    assert SVG.match(matrix) and SVG.match(bmatrix)
    # the grid is wider than its widest row written inline: cells and delimiters are laid out
    assert _width_em(bmatrix) > _width_em(render_math("1 0"))


def test_prose_is_escaped_and_its_math_rendered() -> None:
    text = (
        "<script>alert(1)</script> costs $5 and $10; so $x<y$ and\n\n$$y_t = \\sigma(h_t)$$\n\nend"
    )
    out = str(render_prose(text))
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "costs $5 and $10" in out  # prices are not math
    assert len(SVG.findall(out)) == 2
    assert '<span class="math-display">' in out and "\n\n" not in out.split("math-display")[1]


def test_evidence_shows_code_verbatim_prose_with_math_and_recorded_latex() -> None:
    code = evidence_side({"found": "if a < b: $x$", "strength": "code"}, "found")
    assert code == '<pre class="code">if a &lt; b: $x$</pre>'
    output = evidence_side({"found": "30522", "strength": "printed"}, "found")
    assert output == '<pre class="output">30522</pre>'
    prose = evidence_side({"found": "so $h_T = x_T$", "strength": ""}, "found")
    assert prose.startswith('<div class="prose">so <svg') and SVG.search(prose)
    recorded = {
        "found": "h_T = x_T",
        "expected": "h_T",
        "data": {"latex": {"expected": r"\sum_k x_k"}},
    }
    assert evidence_side(recorded, "found") == '<div class="prose">h_T = x_T</div>'
    assert SVG.search(evidence_side(recorded, "expected"))
