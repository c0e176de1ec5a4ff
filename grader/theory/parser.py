"""Parse tokens into a :mod:`.nodes` tree: a small recursive-descent parser, no ``eval``.

Grammar (``juxtaposition`` is multiplication, as in handwriting)::

    expr    := [+|-] item ((+|-) item)*          item := term | …
    term    := unary ((* | / | juxtaposition) power)*
    unary   := (-|+) unary | power
    power   := postfix [^ script]                 e^{…} is exp(…)
    postfix := primary [_ script]                 x_{2n-1}, x1 (a letter glued to digits)
    primary := number | name | (expr) | {expr} | ‖expr‖ | |expr| | f(args) | √x | Σ_{k=1}^{T} term

Input size and nesting are bounded first, so no input can exhaust the stack.
"""

from __future__ import annotations

from .errors import ReadError
from .lexer import FUNCTIONS, GREEK, Token, plain_unicode, tokenize
from .nodes import NEG, Add, Call, Div, Dots, Mul, Name, Node, Norm, Num, Pow, Sub, Sum

MAX_CHARS = 1500
MAX_DEPTH = 40
MAX_NUMBER_DIGITS = 30
APPLIED_ONLY = {"sigma": "sigmoid"}  # names that are functions only before "("
PREFIX_FUNCTIONS = ("sqrt", "exp", "log", "ln")  # may be written without parentheses


def check_size(text: str) -> None:
    """Refuse inputs too long or too deeply nested to be a homework answer."""
    if len(text) > MAX_CHARS:
        raise ReadError(f"the expression is too long ({len(text)} characters)")
    depth = deepest = 0
    for ch in text:
        if ch in "({[":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in ")}]":
            depth -= 1
    if deepest > MAX_DEPTH:
        raise ReadError(f"the expression is nested too deeply ({deepest} levels)")


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.i = 0
        self.depth = 0
        self.bars: list[str] = []  # open norm bars, innermost last

    # -- token helpers -------------------------------------------------------------
    def peek(self, ahead: int = 0) -> Token | None:
        j = self.i + ahead
        return self.tokens[j] if j < len(self.tokens) else None

    def at(self, kind: str, text: str | None = None) -> bool:
        tok = self.peek()
        return tok is not None and tok.kind == kind and (text is None or tok.text == text)

    def take(self) -> Token:
        tok = self.peek()
        if tok is None:
            raise ReadError("the expression ends too early")
        self.i += 1
        return tok

    def expect(self, kind: str, text: str | None = None) -> Token:
        if not self.at(kind, text):
            tok = self.peek()
            found = f"'{tok.text}'" if tok else "the end"
            raise ReadError(f"expected '{text or kind}' but found {found}")
        return self.take()

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ReadError("the expression is nested too deeply")

    def starts_primary(self) -> bool:
        tok = self.peek()
        if tok is None:
            return False
        if tok.kind in ("bar2", "bar"):
            return not self.bars or self.bars[-1] != tok.kind
        return tok.kind in ("num", "name", "open")

    # -- grammar -------------------------------------------------------------------
    def parse(self) -> Node:
        if not self.tokens:
            raise ReadError("there is no expression")
        node = self.expr()
        if self.peek() is not None:
            raise ReadError(f"unexpected '{self.peek().text}'")
        return node

    def expr(self) -> Node:
        self.enter()
        terms: list[tuple[int, Node]] = []
        sign = 1
        while True:
            if self.at("op", "+") or self.at("op", "-"):
                sign = -1 if self.take().text == "-" else 1
            elif terms and not self.at("dots"):
                break
            terms.append((sign, self.item()))
            sign = 1
        self.depth -= 1
        if len(terms) == 1 and terms[0][0] == 1 and not isinstance(terms[0][1], Dots):
            return terms[0][1]
        return Add(tuple(terms))

    def item(self) -> Node:
        if self.at("dots"):
            self.take()
            return Dots()
        return self.term()

    def term(self) -> Node:
        node = self.unary()
        while True:
            if self.at("op", "*"):
                self.take()
                node = _times(node, self.unary())
            elif self.at("op", "/"):
                self.take()
                node = Div(node, self.unary())
            elif self.starts_primary():
                node = _times(node, self.power())
            else:
                return node

    def unary(self) -> Node:
        if self.at("op", "-"):
            self.take()
            return _times(NEG, self.unary())
        if self.at("op", "+"):
            self.take()
            return self.unary()
        return self.power()

    def power(self) -> Node:
        base = self.postfix()
        if not self.at("op", "^"):
            return base
        self.take()
        exponent = self.script()
        if base == Name("e"):
            return Call("exp", (exponent,))
        return Pow(base, exponent)

    def script(self) -> Node:
        """What follows ``^`` or ``_``: a group, a number, a letter, or a signed one."""
        tok = self.peek()
        if tok is None:
            raise ReadError("a superscript or subscript is empty")
        if tok.kind == "open":
            return self.group()
        if tok.kind in ("num", "name"):
            return self.atom(self.take())
        if tok.kind == "op" and tok.text in "+-":
            self.take()
            inner = self.script()
            return _times(NEG, inner) if tok.text == "-" else inner
        raise ReadError(f"'{tok.text}' cannot follow '^' or '_'")

    def postfix(self) -> Node:
        node = self.primary()
        if isinstance(node, Name) and (len(node.name) == 1 or node.name in GREEK):
            if self.at("op", "_"):
                self.take()
                return Sub(node.name, self.script())
            nxt = self.peek()
            if nxt is not None and nxt.kind == "num" and nxt.glued and len(node.name) == 1:
                return Sub(node.name, self.atom(self.take()))
        if isinstance(node, Norm) and self.at("op", "_"):  # ‖v‖_2: the norm is the 2-norm
            self.take()
            self.script()
        return node

    def group(self) -> Node:
        self.expect("open")
        node = self.expr()
        self.expect("close")
        return node

    def primary(self) -> Node:
        tok = self.peek()
        if tok is None:
            raise ReadError("the expression ends too early")
        if tok.kind == "open":
            return self.group()
        if tok.kind in ("bar2", "bar"):
            return self.norm(tok.kind)
        if tok.kind == "num":
            return self.atom(self.take())
        if tok.kind == "name":
            return self.named(self.take())
        raise ReadError(f"unexpected '{tok.text}'")

    def atom(self, tok: Token) -> Node:
        if tok.kind == "num":
            if len(tok.text) > MAX_NUMBER_DIGITS:
                raise ReadError("a number is too long")
            return Num(tok.text)
        if tok.text in FUNCTIONS:
            raise ReadError(f"'{tok.text}' needs an argument")
        return Name(tok.text)

    def norm(self, kind: str) -> Node:
        self.take()
        self.bars.append(kind)
        inner = self.expr()
        self.bars.pop()
        self.expect(kind)
        return Norm(inner)

    def named(self, tok: Token) -> Node:
        name = tok.text
        if name == "sum":
            return self.sum()
        if name in APPLIED_ONLY:
            if self.at("open", "("):
                return Call(APPLIED_ONLY[name], self.arguments())
            return Name(name)
        if name in FUNCTIONS:
            if self.at("open"):
                return Call(name, self.arguments())
            if name in PREFIX_FUNCTIONS:
                return Call(name, (self.postfix(),))
            raise ReadError(f"'{name}' needs an argument in parentheses")
        return Name(name)

    def arguments(self) -> tuple[Node, ...]:
        self.expect("open")
        args = [self.expr()]
        while self.at("op", ","):
            self.take()
            args.append(self.expr())
        self.expect("close")
        return tuple(args)

    def sum(self) -> Node:
        var, lower, parity, upper = None, None, None, None
        for _ in range(2):  # _{…} and ^{…}, in either order
            if self.at("op", "_"):
                self.take()
                var, lower, parity = self.sum_range()
            elif self.at("op", "^"):
                self.take()
                upper = self.script()
        if var is None:
            raise ReadError("a sum needs its index, e.g. \\sum_{k=1}^{T}")
        return Sum(var, lower, upper, parity, self.term())

    def sum_range(self) -> tuple[str, Node | None, str | None]:
        """``k``, ``k=1``, ``k even``, ``even k``: the index, its start and its parity."""
        if self.at("name"):
            return self.take().text, None, None
        self.expect("open")
        var, lower, parity = None, None, None
        while not self.at("close"):
            tok = self.take()
            if tok.kind == "name" and tok.text in ("even", "odd"):
                parity = tok.text
            elif tok.kind == "name" and var in (None, tok.text) and len(tok.text) == 1:
                var = tok.text
            elif tok.kind == "op" and tok.text == "=" and var is not None:
                lower = self.expr()
            elif not (tok.kind == "op" and tok.text == ","):
                raise ReadError(f"cannot read the range of a sum at '{tok.text}'")
        self.take()
        if var is None:
            raise ReadError("a sum needs its index, e.g. \\sum_{k=1}^{T}")
        return var, lower, parity


def _times(left: Node, right: Node) -> Node:
    factors = left.factors if isinstance(left, Mul) else (left,)
    return Mul((*factors, right))


def parse_plain(text: str) -> Node:
    """Parse plain-text math (see :mod:`.lexer`); raise :class:`ReadError` if it is not."""
    check_size(text)
    return _Parser(tokenize(plain_unicode(text))).parse()
