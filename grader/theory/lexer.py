"""Split plain-text math into tokens: the words of the reader's small, closed language.

The input is either a student's plain text (``x_(t-1)``, ``sqrt(2)*beta``, ``||x1||``,
``2β²``) or LaTeX already rewritten by :mod:`grader.theory.latex`. Only names in the
vocabulary below are kept whole; other short runs of letters are products of one-letter
symbols (``dd`` is ``d·d``), and longer unknown words cannot be math. Nothing here or in
the parser evaluates text: names become tokens, tokens become tree nodes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import ReadError

FUNCTIONS = frozenset(
    {"sqrt", "exp", "log", "ln", "sigmoid", "softmax", "norm", "sin", "cos", "tanh", "sum"}
)
GREEK = frozenset(
    {
        "alpha",
        "beta",
        "gamma",
        "delta",
        "epsilon",
        "zeta",
        "eta",
        "theta",
        "kappa",
        "lambda",
        "mu",
        "nu",
        "xi",
        "pi",
        "rho",
        "sigma",
        "tau",
        "phi",
        "chi",
        "psi",
        "omega",
    }
)
WORDS = frozenset({"oo", "even", "odd"})
VOCABULARY = FUNCTIONS | GREEK | WORDS
LONGEST_PRODUCT = 3  # "dd", "bb", "xT": unknown runs this short are products of letters

_UNICODE = {
    "−": "-",
    "–": "-",
    "·": "*",
    "⋅": "*",
    "∙": "*",
    "×": "*",
    "∗": "*",
    "÷": "/",
    "…": "...",
    "⋯": "...",
    "∞": " oo ",
    "∥": "‖",  # PARALLEL TO: pdflatex's ToUnicode for \|
    "√": " sqrt ",
    "Σ": " sum ",
    "∑": " sum ",
    "ᵀ": "^T",
    "⊤": "T",
    "²": "^2",
    "³": "^3",
    "α": " alpha ",
    "β": " beta ",
    "γ": " gamma ",
    "δ": " delta ",
    "ε": " epsilon ",
    "θ": " theta ",
    "λ": " lambda ",
    "μ": " mu ",
    "π": " pi ",
    "σ": " sigma ",
    "τ": " tau ",
    "φ": " phi ",
    "ϕ": " phi ",
    "ψ": " psi ",
    "ω": " omega ",
}
# Greek names shown as letters; the first spelling listed wins (φ, not ϕ).
LETTERS = {n.strip(): ch for ch, n in reversed(_UNICODE.items()) if n.strip() in GREEK}

_SUBSCRIPT_CHARS = "₀₁₂₃₄₅₆₇₈₉ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ"
_SUBSCRIPTS = str.maketrans(_SUBSCRIPT_CHARS, "0123456789aeoxhklmnpstijruv")
_SUBSCRIPT_RUN = re.compile(f"[{_SUBSCRIPT_CHARS}]+")  # xᵢⱼ: x_{ij}

_TOKEN = re.compile(
    r"(?P<ws>\s+)|(?P<num>\d+(?:\.\d+)?)|(?P<name>[A-Za-z]+)|(?P<dots>\.\.\.+)"
    r"|(?P<op>[-+*/^_=,])|(?P<open>[({\[])|(?P<close>[)}\]])|(?P<bar2>‖)|(?P<bar>\|)|(?P<other>.)",
    re.S,
)


@dataclass(frozen=True)
class Token:
    """One token; ``glued`` is true when no space separates it from the previous one."""

    kind: str  # num | name | word | dots | op | open | close | bar2 | bar | punct
    text: str
    start: int
    end: int
    glued: bool


def plain_unicode(text: str) -> str:
    """Rewrite unicode math (β, σ, √, ², ₁, ᵢ, −, ‖, …) and ``**``/``||`` into ASCII tokens."""
    text = _SUBSCRIPT_RUN.sub(lambda m: "_{" + m.group().translate(_SUBSCRIPTS) + "}", text)
    text = text.replace("**", "^").replace("||", "‖")
    return "".join(_UNICODE.get(ch, ch) for ch in text)


def _name_tokens(name: str, start: int, glued: bool, lenient: bool) -> list[Token]:
    if name in VOCABULARY or len(name) == 1:
        return [Token("name", name, start, start + len(name), glued)]
    if lenient:
        return [Token("word", name, start, start + len(name), glued)]
    if len(name) > LONGEST_PRODUCT:
        raise ReadError(f"'{name}' is not a symbol")
    return [
        Token("name", ch, start + i, start + i + 1, glued or i > 0) for i, ch in enumerate(name)
    ]


def tokenize(text: str, lenient: bool = False) -> list[Token]:
    """Tokens of ASCII math (see :func:`plain_unicode`).

    Strict mode raises :class:`ReadError` on anything that is not math; lenient mode (used
    to find where math starts and stops inside a sentence) returns ``word`` and ``punct``
    tokens instead.
    """
    tokens: list[Token] = []
    glued = False
    for match in _TOKEN.finditer(text):
        kind, value, start = match.lastgroup, match.group(), match.start()
        if kind == "ws":
            glued = False
            continue
        if kind == "name":
            tokens.extend(_name_tokens(value, start, glued, lenient))
        elif kind == "other":
            if not lenient:
                raise ReadError(f"'{value}' is not part of an expression")
            tokens.append(Token("punct", value, start, match.end(), glued))
        else:
            tokens.append(Token(kind, value, start, match.end(), glued))
        glued = True
    return tokens
