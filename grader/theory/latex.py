"""Rewrite one side of a LaTeX equation into the reader's plain-text math.

This closes the gaps a LaTeX parser leaves, by rule rather than by special case:
``\\text{sigmoid}``, ``\\operatorname``, ``\\mathrm`` and other font wrappers; ``\\|…\\|``,
``\\lVert…\\rVert`` and ``\\left``/``\\right``; ``\\frac`` and ``\\sqrt[n]``; ``\\cdot`` and
``\\times``; ``\\cdots``/``\\dots`` (kept as an ellipsis to expand later); spacing commands.
Text that is not math (``\\text{ for all }``, matrices, ``\\vdots``) raises
:class:`ReadError`, so it is never read as something else.
"""

from __future__ import annotations

import re

from .errors import ReadError
from .lexer import GREEK, VOCABULARY
from .parser import check_size

_COMMAND = re.compile(r"\\([A-Za-z]+|.)", re.S)

_REPLACE = {
    "|": " ‖ ",
    "Vert": " ‖ ",
    "lVert": " ‖ ",
    "rVert": " ‖ ",
    "vert": " | ",
    "lvert": " | ",
    "rvert": " | ",
    "mid": " | ",
    "{": " ( ",
    "}": " ) ",
    "cdot": " * ",
    "times": " * ",
    "ast": " * ",
    "cdots": " ... ",
    "dots": " ... ",
    "ldots": " ... ",
    "dotsb": " ... ",
    "dotsc": " ... ",
    "dotsm": " ... ",
    "infty": " oo ",
    "top": " T ",
    "intercal": " T ",
    "varphi": " phi ",
    "varepsilon": " epsilon ",
    "exp": " exp ",
    "log": " log ",
    "ln": " ln ",
    "sin": " sin ",
    "cos": " cos ",
    "tanh": " tanh ",
    "sum": " sum ",
}
_SPACE = {",", ";", ":", "!", " ", "quad", "qquad", "enspace", "displaystyle", "limits", "nolimits"}
_SIZES = {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr"}
_SIZES |= {"biggl", "biggr", "Biggl", "Biggr"}
_TEXT = {"text", "textrm", "textit", "textbf", "mathrm", "operatorname", "mathsf", "textsf"}
_MATH_FONT = {"mathbf", "boldsymbol", "bm", "vec", "mathit", "mathcal", "mathbb", "hat", "tilde"}
_MATH_FONT |= {"bar", "overline", "mathbfit"}
_SKIP_GROUP = {"label", "tag"}
_UNREADABLE = {
    "vdots": "vertical dots",
    "ddots": "dots",
    "cancel": "a cancelled term",
    "bcancel": "a cancelled term",
    "langle": "an inner product ⟨·,·⟩",
    "rangle": "an inner product ⟨·,·⟩",
    "begin": "a matrix or environment",
    "prime": "a prime",
}


class _Converter:
    def __init__(self, src: str) -> None:
        self.src = src
        self.i = 0

    def group(self) -> str:
        """The next argument: a ``{…}`` group's content, a command, or one character."""
        while self.i < len(self.src) and self.src[self.i].isspace():
            self.i += 1
        if self.i >= len(self.src):
            raise ReadError("a LaTeX command is missing its argument")
        if self.src[self.i] == "{":
            depth, start = 0, self.i
            while self.i < len(self.src):
                ch = self.src[self.i]
                if ch == "\\":
                    self.i += 2
                    continue
                depth += {"{": 1, "}": -1}.get(ch, 0)
                self.i += 1
                if depth == 0:
                    return self.src[start + 1 : self.i - 1]
            raise ReadError("a '{' is never closed")
        match = _COMMAND.match(self.src, self.i)
        if match:
            self.i = match.end()
            return match.group()
        self.i += 1
        return self.src[self.i - 1]

    def optional(self) -> str | None:
        """An optional ``[…]`` argument (as in ``\\sqrt[3]{x}``)."""
        if self.i < len(self.src) and self.src[self.i] == "[":
            end = self.src.find("]", self.i)
            if end < 0:
                raise ReadError("a '[' is never closed")
            content, self.i = self.src[self.i + 1 : end], end + 1
            return content
        return None

    def command(self, name: str) -> str:
        if name in _REPLACE:
            return _REPLACE[name]
        if name in _SPACE:
            return " "
        if name in _SIZES:
            if self.i < len(self.src) and self.src[self.i] == ".":
                self.i += 1
            return " "
        if name in GREEK:
            return f" {name} "
        if name in ("frac", "dfrac", "tfrac"):
            num, den = latex_to_plain(self.group()), latex_to_plain(self.group())
            return f" (({num})/({den})) "
        if name == "sqrt":
            index = self.optional()
            arg = latex_to_plain(self.group())
            if index is None:
                return f" sqrt({arg}) "
            return f" (({arg})^(1/({latex_to_plain(index)}))) "
        if name in _TEXT:
            return _text(self.group())
        if name in _MATH_FONT:
            return f" {latex_to_plain(self.group())} "
        if name in _SKIP_GROUP:
            self.group()
            return " "
        if name in _UNREADABLE:
            raise ReadError(f"{_UNREADABLE[name]} cannot be read as an expression")
        raise ReadError(f"the LaTeX command \\{name} is not understood here")

    def convert(self) -> str:
        out = []
        while self.i < len(self.src):
            ch = self.src[self.i]
            if ch == "\\":
                match = _COMMAND.match(self.src, self.i)
                if match is None:
                    raise ReadError("a stray backslash")
                self.i = match.end()
                out.append(self.command(match.group(1)))
            else:
                out.append(" " if ch in "&~$" else ch)
                self.i += 1
        return "".join(out)


def _text(content: str) -> str:
    words = content.strip()
    if words.lower() in VOCABULARY:
        return f" {words.lower()} "
    if re.fullmatch(r"[A-Za-z]\d*", words) or not words:
        return f" {words} "
    raise ReadError(f"'{words}' is text, not math")


def latex_to_plain(src: str) -> str:
    """One side of a LaTeX equation as plain-text math; :class:`ReadError` if it is not math."""
    check_size(src)
    return _Converter(src).convert()
