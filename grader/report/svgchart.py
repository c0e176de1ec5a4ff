"""Small charts written directly as SVG text: line panels side by side, and bar charts.

Why not matplotlib: building and saving a figure costs a large fraction of a second, which
dominated writing hundreds of reports; a chart here is a few dozen elements, made in
milliseconds by pure functions from numbers to element strings.

Design:

* Units are points (1/72 in): a figure's ``width``/``height`` are given in ``pt`` and its
  ``viewBox`` in the same units, so font sizes and line widths are in points as in print.
* Axes follow the matplotlib look they replace: left and bottom spines, outward ticks, light
  grid lines, ticks at round steps (1, 2 or 5 × 10^k) whose span covers the data.
* Text is escaped (labels come from data). Its width is estimated from its length, which is
  enough to size the tick-label margin and to wrap legend entries; legends sit below the plot
  area, so they never cover data.
* Output is deterministic: numbers are written with at most two decimals and the only ids (one
  circle marker per line color) get a prefix hashed from the chart's content, unique to it
  when several charts share a page.
* Only SVG that WeasyPrint draws too: ``text``, ``polyline``, ``path``, ``rect``, ``marker``,
  ``stroke-dasharray``, ``opacity``.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

FONT = "DejaVu Sans, sans-serif"
LABEL_SIZE = 9.0  # tick labels, axis labels
TITLE_SIZE = 10.0
LEGEND_SIZE = 7.0
GRID = "#e3e8ee"
SPINE = "#333333"
CHAR_WIDTH = 0.62  # DejaVu Sans, in em: a little over its average, so estimates err wide
TICK = 3.5  # length of a tick mark
LINE_WIDTH = 1.5
MARKER_RADIUS = 3.0
PAD = 6.0  # blank space inside a line panel's axes, so markers clear the spines

# line panels: width per panel and vertical layout, top to bottom
PANEL_WIDTH = 3.4 * 72  # 3.4 in
TITLE_BASELINE = 13.0
PLOT_TOP = 22.0
PLOT_HEIGHT = 122.0
BELOW_PLOT = 33.0  # x tick labels and axis label, down to where the legend starts
LEGEND_ROW = 10.0
LEGEND_SAMPLE = 16.0  # length of the line drawn before a legend label
LEGEND_GAP = 10.0  # between legend entries on a row
RIGHT_MARGIN = 10.0


@dataclass(frozen=True)
class Series:
    """One line: its legend label, (x, y) points, color, dashes (None: solid), circle markers."""

    label: str
    points: tuple[tuple[float, float], ...]
    color: str
    dashes: str | None = None  # a stroke-dasharray
    opacity: float = 1.0
    markers: bool = False


@dataclass(frozen=True)
class Panel:
    """One set of axes: a title and the lines drawn in it (the x axis has integer ticks)."""

    title: str
    x_label: str
    series: tuple[Series, ...]


@dataclass(frozen=True)
class Scale:
    """A linear map from data values ``lo``..``hi`` to positions ``start``..``end``."""

    lo: float
    hi: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        """The position of a data value."""
        return self.start + (value - self.lo) / (self.hi - self.lo) * (self.end - self.start)


# --- numbers and text ---------------------------------------------------------------------


def num(value: float) -> str:
    """A coordinate as short, stable text: at most two decimals, no trailing zeros, no -0."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def text_width(text: str, size: float) -> float:
    """An estimate of the width of a text in DejaVu Sans."""
    return len(text) * size * CHAR_WIDTH


def nice_ticks(lo: float, hi: float, max_ticks: int = 6, integer: bool = False) -> list[float]:
    """Round ticks, 1, 2 or 5 × 10^k apart, from at or below ``lo`` to at or above ``hi``.

    At most ``max_ticks`` intervals cover the range; a range of zero width (one value) is
    widened around it first. With ``integer`` the step is a whole number.
    """
    if hi - lo <= 0:
        pad = 1.0 if integer else abs(lo) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    raw = (hi - lo) / max(max_ticks - 1, 1)
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw * (1 - 1e-9))
    if integer:
        step = max(1.0, round(step))
    first = math.floor(lo / step + 1e-9)
    last = math.ceil(hi / step - 1e-9)
    return [round(k * step, 12) for k in range(first, last + 1)]


def tick_label(value: float, ticks: Sequence[float]) -> str:
    """A tick's label with as many decimals as the ticks' step needs (0.35, 0.40…; 5, 10…)."""
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    decimals = max(0, -math.floor(math.log10(step) + 1e-9))
    text = f"{value:.{decimals}f}"
    return text.lstrip("-") if float(text) == 0 else text


def figure_id(*parts: object) -> str:
    """A prefix for the ids of one figure, hashed from what it shows."""
    return "f" + hashlib.sha1(repr(parts).encode()).hexdigest()[:8] + "-"


# --- elements -----------------------------------------------------------------------------


def element(tag: str, content: str | None = None, **attrs: object) -> str:
    """An SVG element; ``stroke_width=`` is written ``stroke-width``, None attributes dropped."""
    written = "".join(
        f' {name.replace("_", "-")}="{num(value) if isinstance(value, float) else escape(value)}"'
        for name, value in attrs.items()
        if value is not None
    )
    return f"<{tag}{written}/>" if content is None else f"<{tag}{written}>{content}</{tag}>"


def text(
    x: float, y: float, content: str, size: float, anchor: str = "start", **attrs: object
) -> str:
    """A text at baseline (x, y), escaped; ``anchor`` is start, middle or end."""
    anchor_attr = None if anchor == "start" else anchor
    return element(
        "text", str(escape(content)), x=x, y=y, font_size=size, text_anchor=anchor_attr, **attrs
    )


def segments(lines: Sequence[tuple[float, float, float, float]], color: str) -> str:
    """Straight lines (x1, y1, x2, y2) as one path: grid lines, spines, tick marks."""
    d = "".join(f"M{num(x1)} {num(y1)}L{num(x2)} {num(y2)}" for x1, y1, x2, y2 in lines)
    return element("path", d=d, fill="none", stroke=color, stroke_width=0.8)


def polyline(
    points: Sequence[tuple[float, float]], series: Series, marker: str | None, ends: bool = True
) -> str:
    """A series' line through positions; ``marker`` (an id) puts a circle on its points.

    Without ``ends`` only the inner points get one (a legend sample). A single point is written
    twice, so that it still has a marker.
    """
    if len(points) == 1:
        points = [points[0], points[0]]
    url = f"url(#{marker})" if marker else None
    return element(
        "polyline",
        points=" ".join(f"{num(x)},{num(y)}" for x, y in points),
        fill="none",
        stroke=series.color,
        stroke_width=LINE_WIDTH,
        stroke_dasharray=series.dashes,
        stroke_linejoin="round",
        opacity=series.opacity if series.opacity < 1 else None,
        marker_start=url if ends else None,
        marker_mid=url,
        marker_end=url if ends else None,
    )


def circle_marker(marker_id: str, color: str) -> str:
    """A filled circle for the points of a line, the same size at any stroke width."""
    size = 2 * MARKER_RADIUS
    return element(
        "marker",
        element("circle", r=MARKER_RADIUS, fill=color),
        id=marker_id,
        viewBox=f"{num(-MARKER_RADIUS)} {num(-MARKER_RADIUS)} {num(size)} {num(size)}",
        markerWidth=size,
        markerHeight=size,
        markerUnits="userSpaceOnUse",
    )


def svg(width: float, height: float, body: str, label: str) -> Markup:
    """A complete inline figure: no XML prolog, sized in points, labelled for screen readers."""
    return Markup(
        f'<svg class="plot" role="img" aria-label="{escape(label)}" '
        f'xmlns="http://www.w3.org/2000/svg" width="{num(width)}pt" height="{num(height)}pt" '
        f'viewBox="0 0 {num(width)} {num(height)}" font-family="{FONT}">{body}</svg>'
    )


# --- axes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Axes:
    """A plot area (``box``: left, top, right, bottom), its scales and their ticks."""

    box: tuple[float, float, float, float]
    xs: Scale
    ys: Scale
    x_ticks: list[float]
    y_ticks: list[float]


def y_labels_width(ticks: Sequence[float]) -> float:
    """Room taken left of the plot area by the y tick labels and marks."""
    return max(text_width(tick_label(t, ticks), LABEL_SIZE) for t in ticks) + TICK + 3


def grid(ax: Axes) -> str:
    """Light lines across the plot area at every tick."""
    left, top, right, bottom = ax.box
    lines = [(ax.xs(t), top, ax.xs(t), bottom) for t in ax.x_ticks]
    lines += [(left, ax.ys(t), right, ax.ys(t)) for t in ax.y_ticks]
    return segments(lines, GRID)


def frame(ax: Axes) -> str:
    """The left and bottom spines, tick marks and tick labels."""
    left, top, right, bottom = ax.box
    lines = [(left, top, left, bottom), (left, bottom, right, bottom)]
    lines += [(ax.xs(t), bottom, ax.xs(t), bottom + TICK) for t in ax.x_ticks]
    lines += [(left - TICK, ax.ys(t), left, ax.ys(t)) for t in ax.y_ticks]
    labels = [
        text(ax.xs(t), bottom + TICK + 9, tick_label(t, ax.x_ticks), LABEL_SIZE, "middle")
        for t in ax.x_ticks
    ]
    labels += [
        text(
            left - TICK - 2,
            ax.ys(t) + LABEL_SIZE * 0.35,
            tick_label(t, ax.y_ticks),
            LABEL_SIZE,
            "end",
        )
        for t in ax.y_ticks
    ]
    return segments(lines, SPINE) + "".join(labels)


# --- legends ------------------------------------------------------------------------------


def legend_rows(labels: Sequence[str], width: float) -> list[list[int]]:
    """Legend entries (their indices) flowed into rows no wider than ``width``."""
    rows: list[list[int]] = []
    used = width
    for index, label in enumerate(labels):
        entry = LEGEND_SAMPLE + 3 + text_width(label, LEGEND_SIZE)
        if rows and used + LEGEND_GAP + entry <= width:
            rows[-1].append(index)
            used += LEGEND_GAP + entry
        else:
            rows.append([index])
            used = entry
    return rows


def legend(
    series: Sequence[Series], x: float, y: float, width: float, markers: dict[str, str]
) -> str:
    """Each line's sample and label in rows from (x, y) down; y is the first row's middle.

    One group, ``class="legend"``, so that its samples are not mistaken for data.
    """
    parts = []
    for row_number, row in enumerate(legend_rows([s.label for s in series], width)):
        cx, cy = x, y + row_number * LEGEND_ROW
        for index in row:
            entry = series[index]
            sample = ((cx, cy), (cx + LEGEND_SAMPLE / 2, cy), (cx + LEGEND_SAMPLE, cy))
            marker = markers[entry.color] if entry.markers else None
            parts.append(polyline(sample, entry, marker, ends=False))
            label_x = cx + LEGEND_SAMPLE + 3
            parts.append(text(label_x, cy + LEGEND_SIZE * 0.35, entry.label, LEGEND_SIZE))
            cx = label_x + text_width(entry.label, LEGEND_SIZE) + LEGEND_GAP
    return element("g", "".join(parts), **{"class": "legend"})


# --- line panels --------------------------------------------------------------------------


def _span(values: Sequence[float]) -> tuple[float, float]:
    """The range of some values; 0..1 for none."""
    return (min(values), max(values)) if values else (0.0, 1.0)


def panel_axes(panel: Panel, x0: float) -> Axes:
    """The axes of a line panel whose left edge is at ``x0``: integer x ticks, inset scales."""
    points = [p for s in panel.series for p in s.points]
    x_ticks = nice_ticks(*_span([x for x, _ in points]), integer=True)
    y_ticks = nice_ticks(*_span([y for _, y in points]))
    left = x0 + y_labels_width(y_ticks) + 4
    right = x0 + PANEL_WIDTH - RIGHT_MARGIN
    bottom = PLOT_TOP + PLOT_HEIGHT
    xs = Scale(x_ticks[0], x_ticks[-1], left + PAD, right - PAD)
    ys = Scale(y_ticks[0], y_ticks[-1], bottom - PAD, PLOT_TOP + PAD)
    return Axes((left, PLOT_TOP, right, bottom), xs, ys, x_ticks, y_ticks)


def _panel(panel: Panel, ax: Axes, markers: dict[str, str]) -> str:
    """A line panel on its axes: grid, lines, frame, title, x label and legend."""
    left, _, right, bottom = ax.box
    parts = [grid(ax), frame(ax)]
    for s in panel.series:
        positions = [(ax.xs(x), ax.ys(y)) for x, y in s.points]
        parts.append(polyline(positions, s, markers[s.color] if s.markers else None))
    mid = (left + right) / 2
    parts.append(text(mid, TITLE_BASELINE, panel.title, TITLE_SIZE, "middle"))
    parts.append(text(mid, bottom + TICK + 21, panel.x_label, LABEL_SIZE, "middle"))
    parts.append(legend(panel.series, left, bottom + BELOW_PLOT, right - left, markers))
    return "".join(parts)


def line_panels(panels: Sequence[Panel], label: str) -> Markup:
    """Panels of lines side by side in one figure, each with its legend below its axes.

    Leave out series without points: they would only add a legend entry.
    """
    ids = figure_id(panels)
    markers: dict[str, str] = {}
    for s in (s for p in panels for s in p.series if s.markers):
        markers.setdefault(s.color, f"{ids}dot{len(markers)}")
    defs = element("defs", "".join(circle_marker(i, color) for color, i in markers.items()))
    all_axes = [panel_axes(p, i * PANEL_WIDTH) for i, p in enumerate(panels)]
    rows = max(
        (
            len(legend_rows([s.label for s in p.series], ax.box[2] - ax.box[0]))
            for p, ax in zip(panels, all_axes, strict=True)
        ),
        default=0,
    )
    height = PLOT_TOP + PLOT_HEIGHT + BELOW_PLOT + rows * LEGEND_ROW
    body = "".join(_panel(p, ax, markers) for p, ax in zip(panels, all_axes, strict=True))
    return svg(PANEL_WIDTH * len(panels), height, defs + body, label)


# --- bar charts ---------------------------------------------------------------------------


def bar_chart(
    edges: Sequence[float],
    counts: Sequence[int],
    labels: tuple[str, str],
    label: str,
    size: tuple[float, float],
    color: str,
) -> Markup:
    """Bars of ``counts`` between consecutive ``edges``, with integer y ticks from 0.

    ``labels`` are the x and y axis labels, ``size`` the figure's (width, height). The x axis
    spans exactly the edges, its ticks the round values inside them.
    """
    width, height = size
    x_label, y_label = labels
    y_ticks = nice_ticks(0, max(max(counts, default=0), 1), integer=True)
    x_ticks = [t for t in nice_ticks(edges[0], edges[-1], 11) if edges[0] <= t <= edges[-1]]
    left = 8 + LABEL_SIZE + y_labels_width(y_ticks) + 4
    right, top, bottom = width - RIGHT_MARGIN, 8.0, height - 30
    xs = Scale(edges[0], edges[-1], left, right)
    ys = Scale(y_ticks[0], y_ticks[-1], bottom, top)
    ax = Axes((left, top, right, bottom), xs, ys, x_ticks, y_ticks)
    bars = [
        element(
            "rect",
            x=xs(x0),
            y=ys(count),
            width=xs(x1) - xs(x0),
            height=ys(0) - ys(count),
            fill=color,
            stroke="white",
            stroke_width=1.0,
        )
        for x0, x1, count in zip(edges, edges[1:], counts, strict=False)
    ]
    middle = (top + bottom) / 2
    parts = [
        grid(ax),
        *bars,
        frame(ax),
        text((left + right) / 2, bottom + TICK + 21, x_label, LABEL_SIZE, "middle"),
        text(
            -middle, 8 + LABEL_SIZE * 0.75, y_label, LABEL_SIZE, "middle", transform="rotate(-90)"
        ),
    ]
    return svg(width, height, "".join(parts), label)
