"""Could a notebook cell have produced the output it carries? (issue 1/5: trust from evidence)

A cell whose last statement is an assignment has no result to display; a cell that prints
nothing, and calls nothing that can print, writes nothing to stdout. An output that its
cell cannot have produced was pasted or edited: its part is flagged for a TA, never zeroed
(the output may be real, from a version of the cell the student changed afterwards).

The reading is conservative: a cell that does not parse, uses IPython magics, or calls
anything that may print (a function of the notebook that prints, a library call with a
name like ``fit`` or ``train``, a call of a called result) is taken as able to print.
"""

from __future__ import annotations

import ast

# Calls whose name says they may write to stdout (library trainers, loggers, progress bars).
MAY_PRINT = frozenset(
    "print display pprint write log info warning warn debug summary fit train evaluate "
    "run describe show tqdm trange system call check_call main step".split()
)
SILENT_CALLS = frozenset(
    "len range int float str list dict tuple set zip enumerate sum min max abs round sorted "
    "isinstance getattr hasattr type super iter next map filter any all".split()
)


def _parse(code: str) -> ast.Module | None:
    if any(line.lstrip().startswith(("%", "!")) for line in code.splitlines()):
        return None
    try:
        return ast.parse(code)
    except (SyntaxError, ValueError):
        return None


def _call_name(node: ast.Call) -> str | None:
    """The called name (``f`` in ``f(x)``, ``m`` in ``a.b.m(x)``); None for ``g()(x)``."""
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def notebook_functions(codes: list[str]) -> dict[str, ast.AST]:
    """The functions and classes the notebook's cells define, by name."""
    found: dict[str, ast.AST] = {}
    for code in codes:
        tree = _parse(code)
        for node in tree.body if tree is not None else []:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                found[node.name] = node
    return found


def may_print(
    node: ast.AST, defined: dict[str, ast.AST], seen: frozenset[str] = frozenset()
) -> bool:
    """Can running ``node`` write to stdout? Calls of the notebook's own functions are
    followed (their bodies read in turn); other calls are judged by their name."""
    for call in (n for n in ast.walk(node) if isinstance(n, ast.Call)):
        name = _call_name(call)
        if name is None:
            return True
        if name in seen or name in SILENT_CALLS:
            continue
        if name in defined:
            if may_print(defined[name], defined, seen | {name}):
                return True
            continue
        if name in MAY_PRINT:
            return True
        if isinstance(call.func, ast.Name) and name[:1].islower() and name not in _KNOWN_SILENT:
            # a plain function from elsewhere (an import): it may print
            return True
    return False


# Plain names that are called but never print: models and losses built in the notebook
# are called as ``model(x)``; their ``forward`` is read through the class when defined.
_KNOWN_SILENT = frozenset("model criterion loss_fn optimizer scheduler net".split())


def unexplained(code: str, output_type: str, stream: str, defined: dict[str, ast.AST]) -> str:
    """Why the cell ``code`` cannot have produced an output of this type, or ``""``."""
    tree = _parse(code)
    if tree is None or not tree.body:
        return ""
    if output_type == "execute_result" and not isinstance(tree.body[-1], ast.Expr):
        return "the cell's last statement is not an expression, so it has no result to show"
    if output_type == "stream" and stream == "stdout" and not may_print(tree, defined):
        return "the cell prints nothing and calls nothing that prints"
    return ""
