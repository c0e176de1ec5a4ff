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


def render_prose(text: str) -> Markup:
    """Escape ``text`` and replace each delimited formula by its rendered SVG.

    Display math is a block of its own, so the line breaks around it are dropped.
    """
    out: list[str] = []
    position = 0
    for match in _MATH.finditer(text):
        before = text[position : match.start()]
        display = match.group("d1") or match.group("d2")
        if display is None:
            out += [escape(before), render_math(match.group("i1") or match.group("i2"))]
            position = match.end()
            continue
        block = Markup('<span class="math-display">{}</span>').format(render_math(display))
        out += [escape(before.rstrip("\n")), block]
        position = match.end()
        while text.startswith("\n", position):
            position += 1
    out.append(escape(text[position:]))
    return Markup("").join(out)
