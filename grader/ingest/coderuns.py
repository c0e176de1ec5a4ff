"""Find runs of code in text that has lost its cell boundaries (PDF text, pasted notebooks)."""

from __future__ import annotations

import ast
import re

from .patterns import CODE_LINE, PROMPT, STRONG_CODE_LINE

MAX_OPEN_LINES = 12


def _is_code_like(line: str) -> bool:
    return bool(CODE_LINE.match(line)) or line.startswith((" ", "\t", "↪", "↳"))


def paren_depth(text: str) -> int:
    """Brackets a line leaves open (negative: closes), brackets inside strings aside."""
    text = re.sub(r"""(['"]).*?\1""", "", text)  # brackets inside strings do not count
    return sum(text.count(c) for c in "([{") - sum(text.count(c) for c in ")]}")


def _group(lines: list[str], start: int, limit: int = 12) -> str:
    """The line at ``start`` plus the lines that close its open brackets."""
    text, depth, end = lines[start], paren_depth(lines[start]), start + 1
    while depth > 0 and end < len(lines) and end - start < limit:
        text += "\n" + lines[end]
        depth += paren_depth(lines[end])
        end += 1
    return text


def _starts_code(lines: list[str], i: int) -> bool:
    """A prompt, a strong code line, or a statement that parses and calls something."""
    line = lines[i]
    if PROMPT.match(line) or STRONG_CODE_LINE.match(line):
        return True
    if not CODE_LINE.match(line):
        return False
    try:
        tree = ast.parse(_group(lines, i).strip())
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return False
    return any(isinstance(n, (ast.Call, ast.Attribute)) for n in ast.walk(tree))


def _run_end(lines: list[str], start: int) -> int:
    """Index just after the code run that starts at ``start``."""
    depth, end, j, opened = 0, start + 1, start, 0
    while j < len(lines):
        line = lines[j]
        opened = opened + 1 if depth > 0 else 0
        if opened > MAX_OPEN_LINES:  # a bracket that never closes (text lost in extraction)
            depth = 0
        if j > start and depth <= 0:
            if PROMPT.match(line):
                break
            if not line.strip():
                ahead = next((x for x in lines[j + 1 :] if x.strip()), "")
                if not (_is_code_like(ahead) or STRONG_CODE_LINE.match(ahead)) or PROMPT.match(
                    ahead
                ):
                    break
            elif not (_is_code_like(line) or STRONG_CODE_LINE.match(line)):
                break
        depth += paren_depth(line)
        if line.strip():
            end = j + 1
        j += 1
    return end


def fence_code_runs(text: str, lines_stand_alone: bool = True) -> str:
    """Fence runs of code lines so the text reader can classify them.

    A run starts at a prompt line, a strong code line (``def``, ``import``, ``print(``…) or a
    statement that parses as Python and calls something, and goes on over code-like,
    indented or wrapped lines, blank lines between them, and lines inside open brackets.
    With ``lines_stand_alone`` (text extracted from a PDF, which has no paragraph breaks)
    every other line becomes its own paragraph, so that an output line is never glued to
    the prose that follows it.
    """
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        if lines[i].strip() and _starts_code(lines, i):
            end = _run_end(lines, i)
            out.extend(["", "```", *lines[i:end], "```", ""])
            i = end
        else:
            out.extend([lines[i], ""] if lines_stand_alone else [lines[i]])
            i += 1
    return "\n".join(out)
