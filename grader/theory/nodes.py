"""The tree the parser builds: plain data, turned into SymPy only by :mod:`.realize`.

Keeping a tree between text and SymPy lets the reader expand what SymPy cannot express
(``x_1 - x_2 + … - x_T`` needs a concrete length) and show an answer as it was read.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexer import LETTERS


@dataclass(frozen=True)
class Num:
    """A number as written ("1000", "0.5")."""

    value: str


@dataclass(frozen=True)
class Name:
    """A symbol: a scalar (``beta``), a vector (``a``) or an index (``n``)."""

    name: str


@dataclass(frozen=True)
class Sub:
    """A subscripted symbol such as ``x_{2n-1}`` or ``h_0``."""

    base: str
    index: Node


@dataclass(frozen=True)
class Call:
    """A named function applied to arguments (``sigmoid``, ``sqrt``, ``exp``, ``softmax``)."""

    func: str
    args: tuple[Node, ...]


@dataclass(frozen=True)
class Add:
    """A sum of signed terms; a term may be :class:`Dots` (an ellipsis)."""

    terms: tuple[tuple[int, Node], ...]


@dataclass(frozen=True)
class Mul:
    """A product."""

    factors: tuple[Node, ...]


@dataclass(frozen=True)
class Div:
    """A quotient."""

    num: Node
    den: Node


@dataclass(frozen=True)
class Pow:
    """A power."""

    base: Node
    exp: Node


@dataclass(frozen=True)
class Norm:
    """``‖v‖`` (also ``|v|``)."""

    arg: Node


@dataclass(frozen=True)
class Dots:
    """An ellipsis standing for the terms a pattern implies."""


@dataclass(frozen=True)
class Sum:
    """``\\sum_{var=lower}^{upper} body``, optionally over even or odd ``var`` only."""

    var: str
    lower: Node | None
    upper: Node | None
    parity: str | None
    body: Node


Node = Num | Name | Sub | Call | Add | Mul | Div | Pow | Norm | Dots | Sum

NEG = Num("-1")


def _wrap(node: Node) -> str:
    text = render(node)
    return f"({text})" if isinstance(node, Add | Div) or text.startswith("-") else text


def _script(node: Node) -> str:
    text = render(node)
    return text if len(text) == 1 else "{" + text + "}"


def _render_mul(node: Mul) -> str:
    if node.factors and node.factors[0] == NEG:
        return "-" + _wrap(Mul(node.factors[1:]) if len(node.factors) > 2 else node.factors[1])
    text = _wrap(node.factors[0])
    for before, factor in zip(node.factors, node.factors[1:], strict=False):
        piece = _wrap(factor)
        glue = isinstance(before, Num) and piece[:1].isalpha()
        text += piece if glue else "·" + piece
    return text


def _render_add(node: Add) -> str:
    pieces = []
    for i, (sign, term) in enumerate(node.terms):
        text = "…" if isinstance(term, Dots) else render(term)
        if isinstance(term, Add):
            text = f"({text})"
        if i == 0:
            pieces.append(("-" if sign < 0 else "") + text)
        else:
            pieces.append(("- " if sign < 0 else "+ ") + text)
    return " ".join(pieces)


def _render_sum(node: Sum) -> str:
    low = node.var + (f"={render(node.lower)}" if node.lower is not None else "")
    low += f" {node.parity}" if node.parity else ""
    high = f"^{_script(node.upper)}" if node.upper is not None else ""
    return f"Σ_{{{low}}}{high} {_wrap(node.body)}"


def render(node: Node) -> str:
    """The tree as readable plain-text math, used in evidence ("as parsed")."""
    match node:
        case Num(value):
            return value
        case Name(name):
            return LETTERS.get(name, name)
        case Sub(base, index):
            return f"{LETTERS.get(base, base)}_{_script(index)}"
        case Call("sqrt", (arg,)):
            return f"√{render(arg)}" if isinstance(arg, Num | Name | Sub) else f"√({render(arg)})"
        case Call(func, args):
            return f"{func}({', '.join(render(a) for a in args)})"
        case Add():
            return _render_add(node)
        case Mul():
            return _render_mul(node)
        case Div(num, den):
            return f"{_wrap(num)}/{_wrap(den)}"
        case Pow(base, exp):
            return f"{_wrap(base)}^{_script(exp)}"
        case Norm(arg):
            return f"‖{render(arg)}‖"
        case Dots():
            return "…"
        case Sum():
            return _render_sum(node)
    raise TypeError(node)


def walk(node: Node):
    """The node and every node inside it, depth first."""
    yield node
    match node:
        case Sub(_, index):
            yield from walk(index)
        case Call(_, args) | Mul(args):
            for arg in args:
                yield from walk(arg)
        case Add(terms):
            for _, term in terms:
                yield from walk(term)
        case Div(a, b) | Pow(a, b):
            yield from walk(a)
            yield from walk(b)
        case Norm(arg):
            yield from walk(arg)
        case Sum(_, lower, upper, _, body):
            for part in (lower, upper, body):
                if part is not None:
                    yield from walk(part)
