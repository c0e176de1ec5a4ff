"""Plots written as SVG text: well-formed, showing every series, round ticks, escaped labels."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest

from grader.report.plots import (
    REFERENCE_STYLES,
    STUDENT_COLORS,
    Curve,
    score_histogram,
    training_plot,
)
from grader.report.svgchart import nice_ticks, tick_label

NS = {"svg": "http://www.w3.org/2000/svg"}
METRICS = ("train_loss", "val_loss", "train_acc", "val_acc")


def _run(label: str, epochs: int, metrics: tuple[str, ...] = METRICS, seed: int = 0) -> Curve:
    """A made-up run: losses falling from about 2.4, accuracies rising towards 100."""
    records = []
    for epoch in range(1, epochs + 1):
        record: dict = {"epoch": epoch}
        for i, metric in enumerate(metrics):
            decay = math.exp(-epoch / (3 + seed + i))
            record[metric] = 100 - 80 * decay if "acc" in metric else 2.3 * decay + 0.1
        records.append(record)
    return Curve(label, "test", tuple(records))


def _parse(svg: str) -> ET.Element:
    assert not svg.startswith("<?xml")
    return ET.fromstring(svg)


def _data_lines(root: ET.Element) -> list[ET.Element]:
    """The polylines drawing data: every one outside the legends."""
    legend_samples = {id(p) for g in _legends(root) for p in g.iter(f"{{{NS['svg']}}}polyline")}
    return [p for p in root.iter(f"{{{NS['svg']}}}polyline") if id(p) not in legend_samples]


def _legends(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(f"{{{NS['svg']}}}g") if g.get("class") == "legend"]


def _legend_labels(root: ET.Element) -> list[str]:
    return [t.text for g in _legends(root) for t in g.iter(f"{{{NS['svg']}}}text")]


def _points(polyline: ET.Element) -> list[tuple[float, float]]:
    return [tuple(map(float, p.split(","))) for p in polyline.get("points").split()]


def _texts(root: ET.Element, anchor: str) -> list[str]:
    """Label-sized texts outside legends with one text-anchor: ``end`` are the y tick labels."""
    in_legend = {id(t) for g in _legends(root) for t in g.iter(f"{{{NS['svg']}}}text")}
    return [
        t.text
        for t in root.iter(f"{{{NS['svg']}}}text")
        if t.get("text-anchor") == anchor and t.get("font-size") == "9" and id(t) not in in_legend
    ]


def test_training_plot_is_one_labelled_inline_svg() -> None:
    svg = training_plot(_run("you", 15), [_run("reference run (seed 0)", 15, seed=1)])
    root = _parse(svg)
    assert root.tag == f"{{{NS['svg']}}}svg"
    assert svg.startswith('<svg class="plot" role="img" aria-label="training curves"')
    width, height = (float(root.get(a).removesuffix("pt")) for a in ("width", "height"))
    assert root.get("viewBox") == f"0 0 {width:g} {height:g}"
    assert width == pytest.approx(2 * 3.4 * 72)  # two panels of 3.4 in: losses, accuracies
    assert height >= 2.5 * 72
    assert "DejaVu Sans" in root.get("font-family")
    titles = [t.text for t in root.iter(f"{{{NS['svg']}}}text") if t.get("font-size") == "10"]
    assert titles == ["Loss", "Accuracy (%)"]
    assert _texts(root, "middle").count("epoch") == 2


def test_every_series_is_one_line_with_all_its_points() -> None:
    student = _run("you", 15)
    references = [_run("reference run (seed 0)", 15, seed=1), _run("reference run (seed 1)", 10)]
    root = _parse(training_plot(student, references))
    lines = _data_lines(root)
    assert len(lines) == 4 * 3  # per metric: the student's and each reference's
    assert [len(_points(line)) for line in lines] == [15, 15, 10] * 4
    # per panel, one color per metric; references in the same color, lighter and dashed
    colors = [line.get("stroke") for line in lines]
    assert colors == [STUDENT_COLORS[0]] * 3 + [STUDENT_COLORS[1]] * 3 + (
        [STUDENT_COLORS[0]] * 3 + [STUDENT_COLORS[1]] * 3
    )
    students, references_drawn = lines[0::3], lines[1::3] + lines[2::3]
    assert all(s.get("stroke-dasharray") is None and s.get("marker-mid") for s in students)
    assert all(r.get("opacity") == "0.6" and not r.get("marker-mid") for r in references_drawn)
    assert {line.get("stroke-dasharray") for line in lines[1::3]} == {REFERENCE_STYLES[0]}
    assert {line.get("stroke-dasharray") for line in lines[2::3]} == {REFERENCE_STYLES[1]}
    labels = _legend_labels(root)
    assert labels[:3] == [
        "you: train_loss",
        "reference run (seed 0): train_loss",
        "reference run (seed 1): train_loss",
    ]
    assert len(labels) == 12


def test_lines_run_left_to_right_inside_the_figure() -> None:
    root = _parse(training_plot(_run("you", 15), []))
    _, _, width, height = map(float, root.get("viewBox").split())
    for line in _data_lines(root):
        xs = [x for x, _ in _points(line)]
        assert xs == sorted(xs)
        assert all(0 <= x <= width and 0 <= y <= height for x, y in _points(line))
    loss = _points(_data_lines(root)[0])
    assert loss[0][1] < loss[-1][1]  # a falling loss: y grows downwards in SVG


def test_a_reference_without_the_metric_is_left_out() -> None:
    reference = _run("reference run (seed 0)", 15, metrics=("train_loss",))
    root = _parse(training_plot(_run("you", 5, metrics=("train_loss", "val_acc")), [reference]))
    assert [len(_points(line)) for line in _data_lines(root)] == [5, 15, 5]
    assert _legend_labels(root) == [
        "you: train_loss",
        "reference run (seed 0): train_loss",
        "you: val_acc",
    ]


def test_missing_and_non_finite_values_are_skipped() -> None:
    values = [1.0, 0.8, None, math.nan, math.inf, 0.5]
    student = Curve("you", "", tuple({"epoch": e, "loss": v} for e, v in enumerate(values, 1)))
    svg = training_plot(student, [])
    (line,) = _data_lines(_parse(svg))
    assert len(_points(line)) == 3
    assert "nan" not in svg and "inf" not in svg


@pytest.mark.parametrize(
    "values",
    [[0.5], [0.5, 0.5, 0.5], [0.0, 0.0], [-2.0], [1e-7, 1e-7], [math.nan]],
    ids=["one point", "constant", "zero", "negative", "tiny", "nothing finite"],
)
def test_degenerate_series_draw_without_dividing_by_zero(values: list[float]) -> None:
    student = Curve("you", "", tuple({"epoch": e, "loss": v} for e, v in enumerate(values, 3)))
    svg = training_plot(student, [])
    root = _parse(svg)
    assert "nan" not in svg and "inf" not in svg
    finite = [v for v in values if math.isfinite(v)]
    lines = _data_lines(root)
    assert len(lines) == (1 if finite else 0)
    if finite:
        ticks = [float(t) for t in _texts(root, "end")]
        assert min(ticks) <= min(finite) and max(ticks) >= max(finite)
        assert min(ticks) < max(ticks)
        assert all(math.isfinite(c) for point in _points(lines[0]) for c in point)


def test_tick_labels_are_round_numbers_covering_the_data() -> None:
    student = Curve("you", "", tuple({"epoch": e, "loss": 0.4893 - 0.03 * e} for e in range(1, 7)))
    reference = Curve("ref", "", tuple({"epoch": e, "loss": 0.49 - 0.01 * e} for e in range(1, 16)))
    root = _parse(training_plot(student, [reference]))
    y_ticks = [float(t) for t in _texts(root, "end")]
    steps = {round(b - a, 9) for a, b in zip(y_ticks, y_ticks[1:], strict=False)}
    assert len(steps) == 1
    (step,) = steps
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert round(mantissa, 6) in (1, 2, 5)
    assert y_ticks[0] <= 0.4893 - 0.03 * 6 and y_ticks[-1] >= 0.4893
    x_ticks = [t for t in _texts(root, "middle") if t != "epoch"]
    assert x_ticks == ["0", "5", "10", "15"]


def test_labels_from_data_are_escaped() -> None:
    student = Curve("<b>&", "", ({"epoch": 1, "loss": 1.0}, {"epoch": 2, "loss": 0.5}))
    svg = training_plot(student, [])
    assert "&lt;b&gt;&amp;: loss" in svg and "<b>" not in svg
    assert _legend_labels(_parse(svg)) == ["<b>&: loss"]


def test_output_is_deterministic_and_ids_belong_to_one_figure() -> None:
    student, references = _run("you", 15), [_run("reference run (seed 0)", 15, seed=1)]
    first = training_plot(student, references)
    assert first == training_plot(student, references)
    other = training_plot(_run("you", 12), references)
    ids, other_ids = (set(re.findall(r'\bid="([^"]+)"', s)) for s in (first, other))
    assert ids and not ids & other_ids
    assert set(re.findall(r"url\(#([^)]+)\)", first)) == ids  # every marker used is defined


def _bars(root: ET.Element) -> list[ET.Element]:
    return [r for r in root.iter(f"{{{NS['svg']}}}rect") if r.get("fill") == "#1f5fa8"]


def test_histogram_bars_are_proportional_to_the_counts() -> None:
    svg = score_histogram([0, 1, 1, 15], 15)
    root = _parse(svg)
    assert svg.startswith('<svg class="plot" role="img" aria-label="histogram of total scores"')
    bars = _bars(root)
    assert len(bars) == 15
    assert all(b.get("stroke") == "white" for b in bars)
    heights = [float(b.get("height")) for b in bars]
    unit = heights[0]
    assert unit > 0
    assert heights[1] == pytest.approx(2 * unit, abs=0.02)  # two totals of 1
    assert heights[-1] == pytest.approx(unit, abs=0.02)  # a full score is in the last bin
    assert all(h == 0 for h in heights[2:-1])
    xs = [float(b.get("x")) for b in bars]
    assert xs == sorted(xs)
    assert _texts(root, "end") == ["0", "1", "2"]  # integer y ticks
    texts = [t.text for t in root.iter(f"{{{NS['svg']}}}text")]
    assert "total points (of 15)" in texts and "students" in texts


@pytest.mark.parametrize(("max_points", "bins"), [(15, 15), (40, 20), (2.5, 3), (0.5, 1)])
def test_histogram_has_one_bar_per_bin(max_points: float, bins: int) -> None:
    root = _parse(score_histogram([0, max_points / 2, max_points, max_points + 1], max_points))
    heights = [float(b.get("height")) for b in _bars(root)]
    assert len(heights) == bins
    assert heights[0] > 0 and heights[-1] > 0  # a full score is in the last bin
    if bins > 3:  # 0, half and full marks in three bins; the total above the maximum nowhere
        assert sorted(heights, reverse=True)[2:4] == [pytest.approx(heights[0]), 0]
    assert f"total points (of {max_points:g})" in [t.text for t in root.iter()]
    assert score_histogram([1.0], max_points) == score_histogram([1.0], max_points)


@pytest.mark.parametrize(
    ("lo", "hi", "integer", "expected"),
    [
        (0.32, 0.49, False, [0.3, 0.35, 0.4, 0.45, 0.5]),
        (82.19, 88.43, False, [82, 84, 86, 88, 90]),
        (1, 15, True, [0, 5, 10, 15]),
        (1, 6, True, [1, 2, 3, 4, 5, 6]),
        (0, 1, True, [0, 1]),
        (-3, 7, False, [-4, -2, 0, 2, 4, 6, 8]),
    ],
)
def test_nice_ticks(lo: float, hi: float, integer: bool, expected: list[float]) -> None:
    assert nice_ticks(lo, hi, integer=integer) == pytest.approx(expected)


@pytest.mark.parametrize("value", [5.0, 0.0, -1.5, 1e-6, 1e6])
def test_nice_ticks_widen_a_single_value(value: float) -> None:
    ticks = nice_ticks(value, value)
    assert ticks[0] < value < ticks[-1]


def test_tick_labels_have_the_decimals_of_the_step() -> None:
    ticks = nice_ticks(-0.1, 0.49, max_ticks=7)
    assert [tick_label(t, ticks) for t in ticks] == [
        "-0.1",
        "0.0",
        "0.1",
        "0.2",
        "0.3",
        "0.4",
        "0.5",
    ]
    assert tick_label(-1e-17, [0.0, 0.05]) == "0.00"  # no "-0.00"
