"""Find the equations in an answer: LaTeX in markdown and plain-text math inside prose.

An equation is read as a :class:`Statement`: its sides in order, whatever relations join
them (``=``, ``≈``, ``\\approx``, ``\\Rightarrow``), so in ``a = b = c ⇒ a = d`` the last
side is the conclusion. ``aligned`` rows that start with ``&=`` continue the row above; a
row whose brackets stay open (a long expression broken over two rows) is joined to the
next. Inequalities end a statement. Matrices and ``\\vdots`` rows are left unread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from grader.document import Block

from .latex import latex_to_plain
from .lexer import FUNCTIONS, plain_unicode, tokenize
from .nodes import Node
from .parser import parse_plain

_SPAN = re.compile(
    r"\$\$(?P<a>.+?)\$\$|\\\[(?P<b>.+?)\\\]"
    r"|\\begin\{(?P<env>equation|align|gather|multline|eqnarray)\*?\}(?P<c>.+?)\\end\{(?P=env)\*?\}"
    r"|(?<![\\$])\$(?P<d>[^$]+?)(?<!\\)\$",
    re.S,
)
_WRAPPER = re.compile(
    r"\\(?:begin|end)\{(?:aligned|align\*?|split|gathered|alignedat)\}(?:\{\d+\})?"
)
_MATRIX = re.compile(r"\\begin\{([pbvBV]?matrix|smallmatrix|array|cases)\}.*?\\end\{\1\}", re.S)
_ROW = re.compile(r"\\\\(?:\[[^\]]*\])?")

# Relations that chain sides, and relations that end a statement; longest spellings first.
_LATEX_CHAIN = [r"\Longrightarrow", r"\Rightarrow", r"\implies", r"\longrightarrow"]
_LATEX_CHAIN += [r"\rightarrow", r"\approx", r"\simeq", r"\equiv", r"\cong", r"\sim", r"\to"]
_LATEX_CHAIN += [":=", "=", "≈", "⇒", "→"]
_LATEX_BREAK = [r"\leq", r"\geq", r"\neq", r"\le", r"\ge", r"\ne", r"\lt", r"\gt", r"\ll"]
_LATEX_BREAK += [r"\gg", r"\propto", "<", ">", "≤", "≥", "≠"]
_PLAIN_CHAIN = ["=>", "~=", ":=", "=", "≈", "⇒", "→"]
# "y1 ~ x1", "… -> x1": read as ≈ and →; a "~" that is not set apart ("~1") stays a word
_PLAIN_SPELLINGS = [(" ~ ", " ≈ "), ("->", "→")]
# the dot notation of a dot product, "x1.x3": names with an index on both sides of the dot
_INDEXED = r"[a-zA-Z](?:_?(?:\d|[ijklnt]))?"  # x1, x_i, or a base vector's letter: a, d
# "x1.x3", "d.b" (not "i.e." nor "e.g.": no full stop right after the second letter)
_DOT_PRODUCT = re.compile(rf"\b({_INDEXED})\.(?={_INDEXED}\b(?!\.))")
_PLAIN_BREAK = ["<=", ">=", "!=", "<", ">", "≤", "≥", "≠"]
_LATEX_SEPARATORS = [",", ";", r"\qquad", r"\quad", r"\text{and}", r"\text{ and }"]
_PLAIN_SEPARATORS = [", ", "; ", "  ", " and ", " so ", " hence ", " thus "]
_IMPLIES = {r"\Longrightarrow", r"\Rightarrow", r"\implies", "⇒", "=>"}
_OPENERS, _CLOSERS = "({[", ")}]"
MAX_JOINED = 4  # rows or lines one broken expression may span
_OPEN_ENDS = ("+", "-", "=", "(", "*", "/", "→", "≈", "⇒")  # a line ending so goes on
_PART_MARKER = re.compile(r"\((?:[a-h]|i{1,3}|iv|vi{0,3})\) ")  # "(b) y_1 = …"
_BULLETS = frozenset("•◦▪‣∙·")  # list markers a PDF may lay out on lines of their own


@dataclass(frozen=True)
class Statement:
    """One equation or chain of equations, with where it was found."""

    sides: tuple[str, ...]
    latex: bool  # sides are LaTeX (else plain-text math)
    where: str  # provenance, from Block.where()
    pdf_text: bool  # plain text recovered from a PDF: √, Σ and layout may be lost
    order: int  # position among the answer's statements


@lru_cache(maxsize=4096)
def parse_side(text: str, latex: bool) -> Node:
    """The parsed tree of one side; :class:`ReadError` if it is not readable math."""
    return parse_plain(latex_to_plain(text) if latex else text)


def _split_top(text: str, spellings: list[str]) -> list[tuple[str, str]]:
    """Split at top-level occurrences of any spelling: [(piece, spelling before it)]."""
    pieces: list[tuple[str, str]] = []
    depth, start, i, before = 0, 0, 0, ""
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and not text[i + 1].isalpha():
            i += 2  # an escaped symbol: \{ \} \| and the spacing \, \; \: \! never split
            continue
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(depth - 1, 0)  # a line broken mid-expression starts with "x₃) / …"
        elif depth == 0:
            hit = next((s for s in spellings if text.startswith(s, i)), None)
            if hit and not (hit[-1].isalpha() and text[i + len(hit) : i + len(hit) + 1].isalpha()):
                pieces.append((text[start:i], before))
                before, start, i = hit, i + len(hit), i + len(hit)
                continue
        i += 1
    pieces.append((text[start:], before))
    return pieces


def strip_trailing(side: str) -> str:
    """A side without the punctuation that ends its sentence: commas, semicolons, a full
    stop (not an ellipsis's), LaTeX's ``\\,`` and ``\\;``, spaces. Scanned from the end, in
    linear time (the regex it replaces was quadratic on long runs of spaces)."""
    end = len(side)
    while end:
        ch = side[end - 1]
        if ch in ",;" and end >= 2 and side[end - 2] == "\\":
            end -= 2
        elif ch in ",;" or ch.isspace() or (ch == "." and (end < 2 or side[end - 2] != ".")):
            end -= 1
        else:
            break
    return side[:end]


def _balance(text: str) -> int:
    text = re.sub(r"\\[{}]", "", text)
    return sum(text.count(c) for c in _OPENERS) - sum(text.count(c) for c in _CLOSERS)


def _rows(content: str) -> list[str]:
    """The rows of a display, rows with open brackets joined to the next."""
    content = _MATRIX.sub(r" \\begin ", _WRAPPER.sub(" ", content))
    rows, pending, joined = [], "", 0
    for row in _ROW.split(content):
        pending, joined = (f"{pending} {row}", joined + 1) if pending else (row, 0)
        if _balance(pending) <= 0 or joined >= MAX_JOINED:
            rows.append(pending)
            pending = ""
    if pending:
        rows.append(pending)
    return [r for r in rows if r.replace("&", "").strip() and r"\vdots" not in r]


def _clauses(text: str, separators: list[str], chain: list[str]) -> list[str]:
    """``y_1 = x_1, y_2 = x_2``: several equations on one line, when each has a relation."""
    pieces = [p for p, _ in _split_top(text, separators)]
    with_relation = [p for p in pieces if len(_split_top(p, chain)) > 1]
    return pieces if len(with_relation) > 1 else [text]


def _chains(text: str, chain: list[str], breaks: list[str]) -> list[list[str]]:
    """Side lists, a new one after each inequality.

    A list whose first side is empty continues the equation above (``&= …``); a row
    ``⇒ a = b`` that holds a whole equation starts a new one instead.
    """
    found = []
    for part, _ in _split_top(text, breaks):
        pieces = _split_top(part, chain)
        sides = [strip_trailing(side.strip()) for side, _ in pieces]
        if len(sides) > 2 and not sides[0] and pieces[1][1] in _IMPLIES:
            sides = sides[1:]
        found.append(sides)
    return found


def latex_statements(content: str) -> list[list[str]]:
    """The side lists of one LaTeX display or inline span."""
    found: list[list[str]] = []
    for row in _rows(content):
        for clause in _clauses(row.replace("&", " "), _LATEX_SEPARATORS, _LATEX_CHAIN):
            for k, sides in enumerate(_chains(clause, _LATEX_CHAIN, _LATEX_BREAK)):
                if not any(sides):
                    continue
                if k == 0 and not sides[0] and len(sides) > 1 and found:
                    found[-1].extend(sides[1:])  # "&= …" continues the row above
                else:
                    found.append(sides)
    return found


def _math_edge(text: str, from_end: bool) -> str:
    """The math at the start (or end) of a piece of prose, up to the first word."""
    text = plain_unicode(text)
    tokens = tokenize(text, lenient=True)
    if from_end:
        tokens = tokens[::-1]
    kept = []
    for tok in tokens:
        if tok.kind in ("word", "punct"):
            break
        kept.append(tok)
    if from_end:
        kept = kept[::-1]
        while (
            kept
            and kept[0].kind == "name"
            and kept[0].text in FUNCTIONS
            and not (len(kept) > 1 and kept[1].kind == "open" and kept[1].glued)
        ):
            kept.pop(0)  # "the norm ‖x‖": "norm" here is a word ("norm(x1)" is a call)
    if not kept:
        return ""
    edge = text[kept[0].start : kept[-1].end].strip()
    if from_end:  # "a) ‖x1‖ = …", "(b) y_1 = …": a part's marker is not math
        edge = edge[_after_unmatched_closer(edge) :].strip().lstrip(",; ")  # "we know, h_t"
        marker = _PART_MARKER.match(edge)
        return edge[marker.end() :] if marker else edge
    # "sqrt(2)*beta (since d.b = 0)": the bracket that opens the words is not math
    return edge.rstrip(" ([{+-*/,;")  # "= x_t - h_{t-1}, so the output"


def _after_unmatched_closer(text: str) -> int:
    """The position after the last closing bracket of ``text`` that nothing opened (0 if
    every one is matched)."""
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth -= 1
            if depth < 0:
                depth, start = 0, i + 1
    return start


def plain_statements(line: str) -> list[list[str]]:
    """The side lists of plain-text math in one line of prose."""
    for spelling, relation in _PLAIN_SPELLINGS:
        line = line.replace(spelling, relation)
    line = _DOT_PRODUCT.sub("\\1·", line)
    found = []
    for clause in _clauses(line, _PLAIN_SEPARATORS, _PLAIN_CHAIN):
        for sides in _chains(clause, _PLAIN_CHAIN, _PLAIN_BREAK):
            if len(sides) < 2:
                continue
            cut = [_math_edge(sides[0], from_end=True)]
            for middle in sides[1:-1]:
                if _math_edge(middle, from_end=False) == plain_unicode(middle).strip():
                    cut.append(middle)
                    continue
                # words inside ("beta → infinity: y1 ≈ x1"): what was before is no
                # equation of this one; it starts again at the math that ends the words
                if len(cut) > 1 and cut[-1]:
                    found.append([*cut, _math_edge(middle, from_end=False)])
                cut = [_math_edge(middle, from_end=True)]
            cut.append(_math_edge(sides[-1], from_end=False))
            if len(cut) > 1 and cut[0] and cut[-1]:
                found.append(cut)
    return found


def _plain_lines(text: str) -> Iterable[str]:
    """Lines of prose, a line ending in an operator or open bracket joined to the next."""
    pending, joined = "", 0
    for line in text.splitlines():
        if line.strip() in _BULLETS:
            continue  # a list marker alone on its line, inside an equation
        pending, joined = (
            (f"{pending} {line.strip()}", joined + 1) if pending else (line.strip(), 0)
        )
        open_end = pending.endswith(_OPEN_ENDS) or _balance(pending) > 0
        if not open_end or joined >= MAX_JOINED:
            yield pending
            pending = ""
    if pending:
        yield pending


def _pdf_lines_joined(blocks: list[Block]) -> list[Block]:
    """The blocks, with each run of a PDF's consecutive prose blocks (its lines, as the
    reader split them) made one block, so that an equation broken over lines, or around a
    list marker laid out on a line of its own, is read whole (see ``_plain_lines``)."""
    runs: list[list[Block]] = []
    for block in blocks:
        first = runs[-1][0] if runs else None
        if (
            first is not None
            and block.kind == first.kind == "prose"
            and block.origin == first.origin == "pdf"
            and block.source == first.source
        ):
            runs[-1].append(block)
        else:
            runs.append([block])
    return [
        run[0] if len(run) == 1 else replace(run[0], text="\n".join(b.text for b in run))
        for run in runs
    ]


def find_statements(blocks: list[Block]) -> list[Statement]:
    """Every equation in the prose blocks, in reading order."""
    found: list[Statement] = []

    def add(side_lists: list[list[str]], latex: bool, block: Block) -> None:
        pdf = block.origin == "pdf" and not latex
        for sides in side_lists:
            if not sides[0] and len(sides) > 1 and found:  # "= …" continues the equation above
                previous = found.pop()
                sides = [*previous.sides, *sides[1:]]
            found.append(Statement(tuple(sides), latex, block.where(), pdf, len(found)))

    for block in _pdf_lines_joined(blocks):
        if block.kind != "prose":
            continue
        last = 0
        for match in _SPAN.finditer(block.text):
            for line in _plain_lines(block.text[last : match.start()]):
                add(plain_statements(line), False, block)
            content = next(g for g in match.group("a", "b", "c", "d") if g is not None)
            add(latex_statements(content), True, block)
            last = match.end()
        for line in _plain_lines(block.text[last:]):
            add(plain_statements(line), False, block)
    return found
