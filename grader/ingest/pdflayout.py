"""Lines of text from a page's glyphs, as the math reader reads them.

Glyphs on one baseline make a strand; strands are cut where a gap is wider than
``CLUSTER_GAP`` ems. A smaller cluster just above or below a larger one, beside its glyphs,
is its sub- or superscript (``h_{t-1}``, ``β^2``); small clusters centred over or under a
big operator are its limits (``∑_{k=1}^{T}``); clusters above and below a thin rule are a
fraction (``(x_1 + x_3)/2``). Word spaces come from the gaps between glyphs; in a monospace
line each character's width of gap is one space, so code keeps its indentation.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from .patterns import PROMPT
from .pdfglyphs import Glyph, PageMarks, Rect

CLUSTER_GAP = 2.0  # ems: a wider gap splits a strand (a limit beside its operator's row)
SAME_BASELINE = 0.12  # ems a glyph's baseline may differ from its strand's
SCRIPT_SIZE = 0.9  # a script is at most this share of its base's size
SCRIPT_SHIFT = 0.75  # ems a script's baseline may lie from its base's
SCRIPT_REACH = 0.6  # ems from the base glyph it follows
WORD_SPACE = 0.15  # ems of gap that make a word space
LIMIT_REACH = 1.3  # ems above or below a big operator a limit may be
BIG_OPERATORS = frozenset("∑∏∫⋃⋂∐∮⨁⨂")
MAX_RADICALS = 200  # radical signs placed per page (each is compared with every glyph)
AXIS = 0.25  # ems: a big operator is centred on the math axis, this far above the baseline


@dataclass(slots=True)
class Token:
    """A piece of a line: a glyph, one glyph of a script, or a built atom."""

    text: str
    x0: float
    x1: float
    size: float
    mono: bool
    script: str = ""  # "_" or "^" for a script glyph


@dataclass
class Cluster:
    """Glyphs on one baseline, close together."""

    glyphs: list[Glyph]
    anchor: float  # the baseline
    tokens: list[Token] = field(default_factory=list)
    size: float = 0.0  # the median glyph size, set from the glyphs it was made with

    def __post_init__(self) -> None:
        self.size = self.size or statistics.median(g.size for g in self.glyphs)

    @property
    def x0(self) -> float:
        return min(t.x0 for t in self.tokens)

    @property
    def x1(self) -> float:
        return max(t.x1 for t in self.tokens)

    @property
    def top(self) -> float:
        return max(g.top for g in self.glyphs)

    @property
    def bottom(self) -> float:
        return min(g.bottom for g in self.glyphs)


@dataclass
class Line:
    """One line of a page: its text and where it lies."""

    page: int
    base: float
    x0: float
    x1: float
    size: float
    text: str
    mono: bool  # set in a monospace font (code or its output)
    char_width: float  # a monospace character's advance (0 when not monospace)
    box: tuple[int, int] | None = None  # (page, index) of the grey box holding it
    height: float = 0.0  # the page's height
    prompt: str = ""  # the In [n]: prompt a monospace line started with (removed from text)
    start: float = 0.0  # where the line starts, its prompt included (x0 is after it)


def _anchor(glyph: Glyph) -> float:
    """A glyph's baseline; a big operator hangs from its own, so its centre is used."""
    if glyph.big:
        return (glyph.bottom + glyph.top) / 2 - AXIS * glyph.size
    return glyph.base


def _radicands(glyphs: list[Glyph]) -> dict[int, float]:
    """A radical sign hangs from its overline: it takes the baseline of the glyph right
    after it (``√2``), keyed by the sign's position in ``glyphs``."""
    found: dict[int, float] = {}
    signs = [i for i, g in enumerate(glyphs) if g.text == "√"][:MAX_RADICALS]
    for i in signs:
        sign = glyphs[i]
        after = [
            g
            for g in glyphs
            if g.text != "√"
            and sign.x1 - 1 <= g.x0 <= sign.x1 + 0.5 * sign.size
            and sign.bottom - 2 <= g.base <= sign.top
        ]
        if after:
            found[i] = min(after, key=lambda g: g.x0).base
    return found


def _clusters(glyphs: list[Glyph]) -> list[Cluster]:
    """Glyphs on one baseline, cut at wide gaps."""
    moved = _radicands(glyphs)
    anchors = {id(g): moved.get(i, _anchor(g)) for i, g in enumerate(glyphs)}
    strands: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: -anchors[id(g)]):
        if strands:
            head = strands[-1][0]
            shift = abs(anchors[id(glyph)] - anchors[id(head)])
            if shift <= SAME_BASELINE * max(head.size, glyph.size):
                strands[-1].append(glyph)
                continue
        strands.append([glyph])
    clusters = []
    for strand in strands:
        strand.sort(key=lambda g: g.x0)
        current = [strand[0]]
        for glyph in strand[1:]:
            if glyph.x0 - current[-1].x1 > CLUSTER_GAP * max(glyph.size, current[-1].size):
                clusters.append(current)
                current = []
            current.append(glyph)
        clusters.append(current)
    return [
        Cluster(c, anchors[id(c[0])], [Token(g.text, g.x0, g.x1, g.size, g.mono) for g in c])
        for c in clusters
    ]


def _within(inner: Cluster, x0: float, x1: float, slack: float) -> bool:
    return inner.x0 >= x0 - slack and inner.x1 <= x1 + slack


def _fractions(clusters: list[Cluster], rules: list[Rect]) -> list[Cluster]:
    """Clusters above and below a thin rule, joined into one ``(num)/(den)`` atom."""
    for rule in rules:
        span = [c for c in clusters if _within(c, rule.x0, rule.x1, 1.0)]
        above = [c for c in span if 0 < c.bottom - rule.y1 + 0.3 * c.size < 1.5 * c.size]
        below = [c for c in span if 0 < rule.y0 - c.top + 0.3 * c.size < 1.5 * c.size]
        above = [c for c in above if c.anchor > rule.y1]
        below = [c for c in below if c.anchor < rule.y0]
        if not above or not below:
            continue
        num = max(above, key=lambda c: -c.anchor)
        den = max(below, key=lambda c: c.anchor)
        size = num.size
        text = f"{_grouped(line_text(num.tokens))}/{_grouped(line_text(den.tokens))}"
        atom = Cluster(
            num.glyphs + den.glyphs,
            (rule.y0 + rule.y1) / 2 - AXIS * size,
            [Token(text, rule.x0, rule.x1, size, False)],
        )
        clusters = [c for c in clusters if c is not num and c is not den] + [atom]
    return clusters


def _grouped(text: str) -> str:
    """A fraction's numerator or denominator, in brackets unless it is one symbol."""
    return text if len(text) <= 1 or text.isalnum() else f"({text})"


def _limits(clusters: list[Cluster]) -> list[Cluster]:
    """Small clusters centred over or under a big operator, written as its limits."""
    used: set[int] = set()
    for base in clusters:
        for token in base.tokens:
            if token.text not in BIG_OPERATORS:
                continue
            glyph = next((g for g in base.glyphs if g.x0 == token.x0), None)
            if glyph is None:
                continue
            reach = LIMIT_REACH * glyph.size
            centre = (glyph.x0 + glyph.x1) / 2
            lower = upper = ""
            for c in clusters:
                if id(c) in used or c is base or c.size >= SCRIPT_SIZE * glyph.size:
                    continue
                if abs((c.x0 + c.x1) / 2 - centre) > (glyph.x1 - glyph.x0) / 2 + 1:
                    continue
                if 0 <= c.bottom - glyph.top + 0.3 * glyph.size < reach:
                    upper = line_text(c.tokens)
                elif 0 <= glyph.bottom - c.top + 0.3 * glyph.size < reach:
                    lower = line_text(c.tokens)
                else:
                    continue
                used.add(id(c))
            if lower:
                token.text += "_" + _braced(lower)
            if upper:
                token.text += "^" + _braced(upper)
    return [c for c in clusters if id(c) not in used]


def _braced(text: str) -> str:
    return text if len(text) == 1 else "{" + text + "}"


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


def _script_base(small: Cluster, bases: list[Cluster]) -> Cluster | None:
    """The larger cluster ``small`` is a sub- or superscript of, if any."""
    best = None
    for base in bases:
        if small.size > SCRIPT_SIZE * base.size:
            continue
        if abs(small.anchor - base.anchor) > SCRIPT_SHIFT * base.size:
            continue
        width = small.x1 - small.x0
        covered = sum(_overlap(small.x0, small.x1, t.x0, t.x1) for t in base.tokens if not t.script)
        if covered > 0.25 * width + 0.5:
            continue  # a line below a heading, not a script
        reach = SCRIPT_REACH * base.size
        if not any(-reach < small.x0 - t.x1 < reach for t in base.tokens):
            continue
        if best is None or abs(small.anchor - base.anchor) < abs(small.anchor - best.anchor):
            best = base
    return best


def _scripts(clusters: list[Cluster]) -> list[Cluster]:
    """Attach each script cluster's tokens to its base, marked ``_`` or ``^``."""
    bases: list[Cluster] = []
    for cluster in sorted(clusters, key=lambda c: -c.size):
        base = _script_base(cluster, bases)
        if base is None:
            bases.append(cluster)
            continue
        mark = "^" if cluster.anchor > base.anchor else "_"
        base.tokens.extend(
            Token(t.text, t.x0, t.x1, t.size, t.mono, t.script or mark) for t in cluster.tokens
        )
        base.glyphs.extend(cluster.glyphs)
    return bases


def _radicals(tokens: list[Token], rules: list[Rect], base: float) -> list[Token]:
    """A radical sign and the tokens under the overline that starts where it ends, made one
    token: ``√(β^2 + β^2)`` (``√2`` when the radicand is one symbol)."""
    for sign in [t for t in tokens if t.text == "√" and not t.script]:
        bar = next(
            (r for r in rules if abs(r.x0 - sign.x1) < 2 and base < r.y0 < base + 1.5 * sign.size),
            None,
        )
        if bar is None:
            continue
        under = [t for t in tokens if t is not sign and bar.x0 - 1 <= t.x0 and t.x1 <= bar.x1 + 1]
        if not under:
            continue
        text = line_text(under)
        text = f"√{text}" if len(text) == 1 or text.isalnum() else f"√({text})"
        tokens = [t for t in tokens if t is not sign and t not in under]
        tokens.append(Token(text, sign.x0, bar.x1, sign.size, sign.mono))
    return tokens


def _gap_text(previous: Token, token: Token, last_x1: float, mono_width: float) -> str:
    """The spaces between two tokens: a word space for a gap wider than ``WORD_SPACE``
    ems; in monospace, one per character cell skipped (from the glyphs' left edges, which
    slanted fonts' boxes do not blur)."""
    if mono_width:
        return " " * max(round((token.x0 - previous.x0) / mono_width) - 1, 0)
    return " " if token.x0 - last_x1 > WORD_SPACE * token.size else ""


def line_text(tokens: list[Token], mono_width: float = 0.0) -> str:
    """Tokens in reading order; runs of script glyphs written ``_{…}`` / ``^{…}``, and a
    space after a script that a letter or digit follows (``x_k y``, never ``x_ky``)."""
    ordered = sorted(tokens, key=lambda t: (t.x0, t.script))
    out: list[str] = []
    i, last_x1, after_script, previous = 0, None, False, None
    while i < len(ordered):
        token = ordered[i]
        if token.script:
            j = i
            while j < len(ordered) and ordered[j].script == token.script:
                j += 1
            run = ordered[i:j]
            out.append(token.script + _braced(line_text([_unscripted(t) for t in run])))
            right = max(t.x1 for t in run)
            last_x1 = right if last_x1 is None else max(last_x1, right)
            after_script, i = True, j
            continue
        if last_x1 is not None and previous is not None:
            gap = _gap_text(previous, token, last_x1, mono_width)
            out.append(gap or (" " if after_script and token.text[:1].isalnum() else ""))
        out.append(token.text)
        previous = token
        last_x1 = token.x1 if last_x1 is None else max(last_x1, token.x1)
        after_script, i = False, i + 1
    return "".join(out)


def _unscripted(token: Token) -> Token:
    return Token(token.text, token.x0, token.x1, token.size, token.mono)


def _advance(tokens: list[Token]) -> float:
    """A monospace line's character advance: the commonest step between glyphs."""
    lefts = sorted(t.x0 for t in tokens if not t.script)
    steps = [round(b - a, 1) for a, b in zip(lefts, lefts[1:], strict=False) if b - a > 0.5]
    if not steps:
        return statistics.median(t.x1 - t.x0 for t in tokens)
    return min(statistics.multimode(steps))


def box_of(x: float, base: float, boxes: list[Rect]) -> int | None:
    """The index of the box that holds the point (``x``, ``base``), if any."""
    for index, box in enumerate(boxes):
        if box.x0 - 1 <= x <= box.x1 and box.y0 <= base <= box.y1:
            return index
    return None


def page_lines(marks: PageMarks, page: int) -> list[Line]:
    """The page's lines, top to bottom."""
    if not marks.glyphs:
        return []
    clusters = _limits(_fractions(_scripts(_clusters(marks.glyphs)), marks.rules))
    rows: list[list[Cluster]] = []
    for cluster in sorted(clusters, key=lambda c: -c.anchor):
        if rows and abs(cluster.anchor - rows[-1][0].anchor) <= SAME_BASELINE * cluster.size + 0.5:
            rows[-1].append(cluster)
        else:
            rows.append([cluster])
    lines = []
    for row in rows:
        glyphs = [g for c in row for g in c.glyphs]
        tokens = [t for c in row for t in c.tokens]
        mono = sum(g.mono for g in glyphs) * 2 > len(glyphs)
        width = _advance(tokens) if mono else 0.0
        if not mono:
            tokens = _radicals(tokens, marks.rules, row[0].anchor)
        text, x0, prompt = line_text(tokens, width), min(t.x0 for t in tokens), ""
        match = PROMPT.match(text) if mono else None
        if match:  # the code starts after the prompt, in its box
            prompt, text = match.group().strip(), text[match.end() :].lstrip()
            lefts = sorted(t.x0 for t in tokens if not t.script)
            x0 = lefts[min(len(re.sub(r"\s", "", match.group())), len(lefts) - 1)]
        base = row[0].anchor
        box = box_of(x0 + 1, base, marks.boxes) if mono else None
        lines.append(
            Line(
                page,
                base,
                x0,
                max(t.x1 for t in tokens),
                statistics.median(g.size for g in glyphs),
                text,
                mono,
                width,
                None if box is None else (page, box),
                marks.height,
                prompt,
                min(t.x0 for t in tokens),
            )
        )
    return lines
