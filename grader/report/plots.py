"""Plots as inline SVG: training curves against references, score histograms.

What a chart shows is decided here (metrics grouped into panels, a color per metric, a dash
pattern per reference run, histogram bins); :mod:`grader.report.svgchart` writes the SVG
itself as text, without matplotlib, so a plot costs milliseconds rather than most of a second.
Values that are missing or not finite numbers are left out of a line, which then joins the
points on either side.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import cycle

from markupsafe import Markup

from .svgchart import Panel, Series, bar_chart, line_panels

STUDENT_COLORS = ("#1f5fa8", "#d9730d", "#2b8a3e", "#a61e4d")
REFERENCE_STYLES = ("5.5 2.4", "1.5 2.5", "9.6 2.4 1.5 2.4")  # dashed, dotted, dash-dot
REFERENCE_OPACITY = 0.6
BAR_COLOR = "#1f5fa8"
HISTOGRAM_SIZE = (432.0, 172.8)  # 6.0 in × 2.4 in, in points


@dataclass(frozen=True)
class Curve:
    """Per-epoch values of one run: ``epochs`` holds ``{"epoch": n, metric: value, …}``."""

    label: str
    source: str
    epochs: tuple[dict, ...]

    def metrics(self) -> list[str]:
        """The metric names this run has, in first-seen order."""
        names: dict[str, None] = {}
        for record in self.epochs:
            names.update((k, None) for k in record if k != "epoch")
        return list(names)

    def series(self, metric: str) -> tuple[list[int], list[float]]:
        """(epochs, values) for one metric, epochs where it is missing skipped."""
        points = [(r["epoch"], r[metric]) for r in self.epochs if r.get(metric) is not None]
        return [e for e, _ in points], [v for _, v in points]


def _panels(metrics: Sequence[str]) -> list[tuple[str, list[str]]]:
    """Metrics grouped into panels: losses, accuracies, then anything else."""
    losses = [m for m in metrics if "loss" in m]
    accuracies = [m for m in metrics if "acc" in m and m not in losses]
    rest = [m for m in metrics if m not in losses + accuracies]
    groups = (("Loss", losses), ("Accuracy (%)", accuracies), ("Other", rest))
    return [(title, names) for title, names in groups if names]


def _finite(value: object) -> bool:
    """Whether a value can be plotted: a real number, not NaN or infinite."""
    return isinstance(value, int | float) and math.isfinite(value)


def _points(curve: Curve, metric: str) -> tuple[tuple[float, float], ...]:
    """A curve's plottable (epoch, value) points for one metric."""
    return tuple(
        (float(x), float(y))
        for x, y in zip(*curve.series(metric), strict=True)
        if _finite(x) and _finite(y)
    )


def _metric_series(
    student: Curve, references: Sequence[Curve], metric: str, color: str
) -> list[Series]:
    """One metric's lines: the student's (solid, markers), then each reference's (dashed)."""
    lines = [Series(f"{student.label}: {metric}", _points(student, metric), color, markers=True)]
    for dashes, ref in zip(cycle(REFERENCE_STYLES), references, strict=False):
        lines.append(
            Series(f"{ref.label}: {metric}", _points(ref, metric), color, dashes, REFERENCE_OPACITY)
        )
    return [line for line in lines if line.points]


def training_plot(student: Curve, references: Sequence[Curve]) -> Markup:
    """The student's per-epoch metrics (solid) against each reference run (dashed, dotted)."""
    panels = [
        Panel(
            title,
            "epoch",
            tuple(
                line
                for color, metric in zip(cycle(STUDENT_COLORS), metrics, strict=False)
                for line in _metric_series(student, references, metric, color)
            ),
        )
        for title, metrics in _panels(student.metrics())
    ]
    return line_panels(panels, "training curves")


def histogram_counts(totals: Sequence[float], max_points: float, bins: int) -> list[int]:
    """How many totals fall in each of ``bins`` equal bins over 0..max_points.

    The last bin includes its right edge (a full score); totals outside the range are left out.
    """
    counts = [0] * bins
    for total in totals:
        if _finite(total) and 0 <= total <= max_points:
            counts[min(int(total / max_points * bins), bins - 1)] += 1
    return counts


def score_histogram(totals: Sequence[float], max_points: float) -> Markup:
    """A histogram of the class's totals on the assignment's full point range."""
    bins = max(1, min(20, math.ceil(max_points)))
    top = max_points if max_points > 0 else 1.0  # a rubric worth nothing still gets an axis
    edges = [top * i / bins for i in range(bins + 1)]
    return bar_chart(
        edges,
        histogram_counts(totals, top, bins),
        (f"total points (of {max_points:g})", "students"),
        "histogram of total scores",
        HISTOGRAM_SIZE,
        BAR_COLOR,
    )
