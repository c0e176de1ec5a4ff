"""Read a LaTeX source file (a student's theory answers as ``.tex``) as markdown-like text.

Only the document's structure is translated, line by line and in linear time: the
preamble is dropped, ``\\section{…}`` and its kin become markdown headings, ``\\item[(a)]``
and ``\\item`` become list items, ``\\textbf``/``\\emph`` lose their markup, environments
for lists vanish, and ``%`` comments are removed. Math (``$…$``, ``\\[…\\]``, ``align``) is
left as it is: the theory readers read LaTeX math.
"""

from __future__ import annotations

import re
from pathlib import Path

from grader.document import Block

from .text import decoded, parse_text

HEADING = re.compile(r"^\s*\\(section|subsection|subsubsection|paragraph)\*?\{([^{}]*)\}(.*)$")
LEVELS = {"section": "##", "subsection": "###", "subsubsection": "####", "paragraph": "####"}
ITEM = re.compile(r"^\s*\\item(?:\[([^\]]*)\])?\s*")
LIST_ENV = re.compile(
    r"^\s*\\(?:begin|end)\{(?:enumerate|itemize|description)\}(?:\[[^\]]*\])?\s*$"
)
MARKUP = re.compile(r"\\(?:textbf|emph|textit|underline)\{([^{}]*)\}")
COMMENT = re.compile(r"(?<!\\)%.*$")
BODY_START = "\\begin{document}"
BODY_END = "\\end{document}"
DROPPED = re.compile(r"^\s*\\(?:maketitle|newpage|clearpage|tableofcontents)\s*$")


def latex_to_markdown(text: str) -> str:
    """The body of a LaTeX document, with its structure as markdown."""
    if BODY_START in text:
        text = text.split(BODY_START, 1)[1]
    text = text.split(BODY_END, 1)[0]
    lines = []
    for raw in text.splitlines():
        line = COMMENT.sub("", raw)
        if LIST_ENV.match(line) or DROPPED.match(line):
            continue
        heading = HEADING.match(line)
        if heading:
            lines += ["", f"{LEVELS[heading.group(1)]} {heading.group(2)}", ""]
            line = heading.group(3)
        item = ITEM.match(line)
        if item:
            label = f"{item.group(1)} " if item.group(1) else "- "
            lines.append("")
            line = label + line[item.end() :]
        lines.append(MARKUP.sub(r"\1", line))
    return "\n".join(lines)


def read_latex(path: Path) -> list[Block]:
    """Blocks of a ``.tex`` file."""
    return parse_text(latex_to_markdown(decoded(path)), path.name, "md")
