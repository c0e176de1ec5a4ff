"""Pick the definitions out of a submission's code cells, without running anything.

Only functions, classes, imports and assignments of literal constants are kept, in
document order (a later definition replaces an earlier one, as in a notebook); every
other statement (training loops, downloads, prints) is left out. Code recovered from a
PDF may have lost a cell's continuation or its indentation across a page break, so a
cell that does not parse is first tried glued to the cell before it; a cell that still
does not parse is skipped, with a note.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

from grader.document import Block

MAGIC = re.compile(r"^(\s*)[!%].*$", re.M)  # IPython shell escapes and magics
WRAP_MARK = re.compile(r"\n\s*[↪↳]\s?")  # a long line wrapped by a notebook's PDF export
KEPT = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)


@dataclass(frozen=True)
class Definition:
    """One top-level definition, as source code, and where it came from."""

    name: str
    code: str
    where: str

    def to_dict(self) -> dict:
        """The form sent to the sandbox."""
        return {"code": self.code, "where": self.where}


@dataclass
class Extraction:
    """The definitions found, and notes on cells that could not be read."""

    definitions: list[Definition] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # the text of skipped cells

    def skipped_definition_of(self, name: str) -> bool:
        """Whether a skipped cell seems to define ``name``."""
        pattern = re.compile(rf"\b(?:def|class)\s+{re.escape(name)}\b")
        return any(pattern.search(text) for text in self.skipped)


def clean(source: str) -> str:
    """Source with magics blanked (indentation kept) and PDF line-wrap marks joined."""
    source = WRAP_MARK.sub(" ", source)
    return MAGIC.sub(lambda m: f"{m.group(1)}pass", source)


def _parse(source: str) -> ast.Module | None:
    """The tree of a cell that compiles (``return`` outside a function does not)."""
    try:
        compile(source, "<cell>", "exec", dont_inherit=True)
        return ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _last_indent(source: str) -> str:
    for line in reversed(source.splitlines()):
        if line.strip() and not line.lstrip().startswith("#"):
            return line[: len(line) - len(line.lstrip())]
    return ""


def _continued(previous: str, text: str) -> str | None:
    """``previous`` and ``text`` read as one cell split by a page break, if they parse so."""
    glued = previous.rstrip("\n") + "\n" + text
    if _parse(glued) is not None:
        return glued
    indent = _last_indent(previous)
    if indent:
        shifted = "\n".join(indent + line if line.strip() else line for line in text.splitlines())
        glued = previous.rstrip("\n") + "\n" + shifted
        if _parse(glued) is not None:
            return glued
    return None


def _cells(blocks: list[Block]) -> list[tuple[str, str]]:
    """(where, source) per cell; recovered (non-notebook) cells glued across page breaks."""
    cells: list[tuple[str, str]] = []
    for block in blocks:
        text = clean(block.text)
        if block.origin != "ipynb" and cells and _parse(text) is None:
            glued = _continued(cells[-1][1], text)
            if glued is not None:
                cells[-1] = (cells[-1][0], glued)
                continue
        cells.append((block.where(), text))
    return cells


def _is_constant(node: ast.stmt) -> str | None:
    """The name a literal constant is bound to (``N_EPOCHS = 2``), else None."""
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target, value = node.targets[0], node.value
    elif isinstance(node, ast.AnnAssign) and node.value is not None:
        target, value = node.target, node.value
    else:
        return None
    if not isinstance(target, ast.Name):
        return None
    try:
        ast.literal_eval(value)
    except (ValueError, TypeError, SyntaxError, RecursionError, MemoryError):
        return None
    return target.id


def _bound_name(node: ast.stmt) -> str:
    if isinstance(node, ast.Import | ast.ImportFrom):
        return ",".join(alias.asname or alias.name.split(".")[0] for alias in node.names)
    return getattr(node, "name", "")


def extract(blocks: list[Block]) -> Extraction:
    """The definitions in the code blocks, in order."""
    found = Extraction()
    for where, source in _cells([b for b in blocks if b.kind == "code"]):
        tree = _parse(source)
        if tree is None:
            try:
                compile(source, "<cell>", "exec", dont_inherit=True)
            except SyntaxError as exc:
                reason = f"{exc.msg} (line {exc.lineno})"
            except (ValueError, RecursionError, MemoryError) as exc:
                reason = type(exc).__name__
            found.notes.append(f"{where}: skipped, not valid Python: {reason}")
            found.skipped.append(source)
            continue
        for node in tree.body:
            name = _is_constant(node) or (_bound_name(node) if isinstance(node, KEPT) else None)
            if name:
                found.definitions.append(Definition(name, ast.unparse(node), where))
    return found
