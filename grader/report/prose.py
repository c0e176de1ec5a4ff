"""Student prose to safe HTML: text escaped, LaTeX between math delimiters rendered to SVG."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from .mathsvg import render_math

# Display math first ($$…$$, \[…\]), then inline ($…$ hugging its content, \(…\)).
_MATH = re.compile(
    r"\$\$(?P<d1>.+?)\$\$"
    r"|\\\[(?P<d2>.+?)\\\]"
    r"|(?<![\\$\w])\$(?P<i1>[^\s$](?:[^$\n]*?[^\s$\\])?)\$(?![\w$])"
    r"|\\\((?P<i2>.+?)\\\)",
    re.S,
)


def prose_pieces(text: str) -> list[tuple[str, str]]:
    """``text`` cut into ("text", …), ("inline", latex) and ("display", latex) pieces; the
    line breaks around display math are dropped (it is a block of its own)."""
    pieces: list[tuple[str, str]] = []
    position = 0
    for match in _MATH.finditer(text):
        before = text[position : match.start()]
        display = match.group("d1") or match.group("d2")
        if display is None:
            pieces += [("text", before), ("inline", match.group("i1") or match.group("i2"))]
            position = match.end()
            continue
        pieces += [("text", before.rstrip("\n")), ("display", display)]
        position = match.end()
        while text.startswith("\n", position):
            position += 1
    pieces.append(("text", text[position:]))
    return [(kind, value) for kind, value in pieces if value or kind != "text"]


def render_prose(text: str) -> Markup:
    """Escape ``text`` and replace each delimited formula by its rendered SVG."""
    out: list[str] = []
    for kind, value in prose_pieces(text):
        if kind == "text":
            out.append(escape(value))
        elif kind == "inline":
            out.append(render_math(value))
        else:
            out.append(Markup('<span class="math-display">{}</span>').format(render_math(value)))
    return Markup("").join(out)
