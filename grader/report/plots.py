"""Plots as inline SVG from matplotlib: training curves against references, score histograms.

Figures are built with :class:`matplotlib.figure.Figure` (no pyplot state, no GUI backend)
and written with text as paths, so they look the same in a browser and in the PDF. Every id
in a figure's SVG gets a prefix unique to that figure: several plots share one page.
"""

from __future__ import annotations

import hashlib
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib
from markupsafe import Markup, escape
from matplotlib.figure import Figure

STYLE = {
    "svg.fonttype": "path",
    "svg.hashsalt": "grader",  # stable ids, so identical inputs give identical files
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#e3e8ee",
}
_ID = re.compile(r'\bid="([^"]+)"')
STUDENT_COLORS = ("#1f5fa8", "#d9730d", "#2b8a3e", "#a61e4d")
REFERENCE_STYLES = ("--", ":", "-.")


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


def figure_svg(fig: Figure, label: str) -> Markup:
    """A figure as inline SVG markup: no XML prolog, ids made unique to this figure."""
    buffer = io.StringIO()
    with matplotlib.rc_context(STYLE):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    prefix = "f" + hashlib.sha1(svg.encode()).hexdigest()[:8] + "-"
    for name in set(_ID.findall(svg)):
        svg = svg.replace(f'id="{name}"', f'id="{prefix}{name}"')
        svg = svg.replace(f'"#{name}"', f'"#{prefix}{name}"')
        svg = svg.replace(f"url(#{name})", f"url(#{prefix}{name})")
    svg = svg.replace("<svg ", f'<svg class="plot" role="img" aria-label="{escape(label)}" ', 1)
    return Markup(svg)


def _panels(metrics: Sequence[str]) -> list[tuple[str, list[str]]]:
    """Metrics grouped into panels: losses, accuracies, then anything else."""
    losses = [m for m in metrics if "loss" in m]
    accuracies = [m for m in metrics if "acc" in m and m not in losses]
    rest = [m for m in metrics if m not in losses + accuracies]
    groups = (("Loss", losses), ("Accuracy (%)", accuracies), ("Other", rest))
    return [(title, names) for title, names in groups if names]


def training_plot(student: Curve, references: Sequence[Curve]) -> Markup:
    """The student's per-epoch metrics (solid) against each reference run (dashed, dotted)."""
    panels = _panels(student.metrics())
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(3.4 * len(panels), 2.6))
        axes = fig.subplots(1, len(panels), squeeze=False)[0]
        for ax, (title, metrics) in zip(axes, panels, strict=True):
            for color, metric in zip(STUDENT_COLORS * 2, metrics, strict=False):
                ax.plot(
                    *student.series(metric), "o-", color=color, label=f"{student.label}: {metric}"
                )
                for style, ref in zip(REFERENCE_STYLES * 3, references, strict=False):
                    xs, ys = ref.series(metric)
                    if xs:
                        ax.plot(
                            xs, ys, style, color=color, alpha=0.6, label=f"{ref.label}: {metric}"
                        )
            ax.set_title(title)
            ax.set_xlabel("epoch")
            ax.xaxis.get_major_locator().set_params(integer=True)
            ax.legend(fontsize=7, frameon=False)
        fig.tight_layout()
    return figure_svg(fig, "training curves")


def score_histogram(totals: Sequence[float], max_points: float) -> Markup:
    """A histogram of the class's totals on the assignment's full point range."""
    bins = max(1, min(20, math.ceil(max_points)))
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(6.0, 2.4))
        ax = fig.subplots()
        ax.hist(totals, bins=bins, range=(0, max_points), color="#1f5fa8", edgecolor="white")
        ax.set_xlim(0, max_points)
        ax.set_xlabel(f"total points (of {max_points:g})")
        ax.set_ylabel("students")
        ax.yaxis.get_major_locator().set_params(integer=True)
        fig.tight_layout()
    return figure_svg(fig, "histogram of total scores")
