"""Reading student code without running it: constants, calls and function bodies (``ast``).

Code recovered from a PDF often does not parse (indentation lost, cells split across
pages), so every reader falls back to line-based regexes when ``ast`` fails.
"""

from __future__ import annotations

import ast
import re

from grader.document import Block

ASSIGN_LINE = re.compile(r"^\s*([A-Za-z_]\w*)\s*=\s*(.+?)\s*(?:#.*)?$")
TOP_LEVEL_START = re.compile(r"^(def|class|@)\b|^[A-Za-z_]\w*\s*=|^(import|from)\b")


def _parse(text: str) -> ast.Module | None:
    try:
        return ast.parse(text)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None


def _literal(node: ast.AST) -> tuple[bool, object]:
    try:
        return True, ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False, None


def _assigned(target: ast.expr, value: ast.expr) -> dict[str, object]:
    """Literal values bound by one assignment target: ``A = 4``, and ``A, B = 4, 6``."""
    if isinstance(target, ast.Name):
        ok, literal = _literal(value)
        return {target.id: literal} if ok else {}
    if (
        isinstance(target, ast.Tuple | ast.List)
        and isinstance(value, ast.Tuple | ast.List)
        and len(target.elts) == len(value.elts)
    ):
        bound: dict[str, object] = {}
        for name, item in zip(target.elts, value.elts, strict=True):
            bound.update(_assigned(name, item))
        return bound
    return {}


def constants(blocks: list[Block]) -> dict[str, object]:
    """Names assigned a literal value at top level, in order (a later value wins)."""
    found: dict[str, object] = {}
    for block in blocks:
        tree = _parse(block.text)
        if tree is not None:
            for node in tree.body:
                if isinstance(node, ast.Assign):
                    for target in node.targets:
                        found.update(_assigned(target, node.value))
            continue
        for line in block.text.splitlines():
            match = ASSIGN_LINE.match(line)
            if match:
                node = _parse(match.group(2))
                if node is not None and len(node.body) == 1 and isinstance(node.body[0], ast.Expr):
                    ok, value = _literal(node.body[0].value)
                    if ok:
                        found[match.group(1)] = value
    return found


def _resolve(node: ast.AST, names: dict[str, object]) -> object:
    ok, value = _literal(node)
    if ok:
        return value
    if isinstance(node, ast.Name):
        return names.get(node.id, node.id)
    return ast.unparse(node)


def calls(blocks: list[Block], name: str) -> list[tuple[list, dict]]:
    """Every call ``name(...)`` with its arguments resolved through the constants."""
    names = constants(blocks)
    found = []
    for block in blocks:
        tree = _parse(block.text)
        if tree is None:
            # fall back: parse the call alone, which may span several lines
            start = block.text.find(f"{name}(")
            if start < 0:
                continue
            tree = _parse(_balanced(block.text[start:]))
            if tree is None:
                continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if called == name:
                    args = [_resolve(a, names) for a in node.args]
                    kwargs = {k.arg: _resolve(k.value, names) for k in node.keywords if k.arg}
                    found.append((args, kwargs))
    return found


def _balanced(text: str) -> str:
    depth = 0
    for i, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return text[: i + 1]
    return text


def loop_runs(code: str, names: dict[str, object]) -> int | None:
    """How many times the cell's first top-level ``for … in range(…)`` loop runs, when its
    bounds are literals or constants of the notebook (``names``); None when unknown."""
    tree = _parse(code)
    loop = next((n for n in tree.body if isinstance(n, ast.For)), None) if tree else None
    if loop is None or not isinstance(loop.iter, ast.Call):
        return None
    func = loop.iter.func
    if not (isinstance(func, ast.Name) and func.id == "range") or loop.iter.keywords:
        return None
    local = {**names, **constants([Block("code", code, "", "")])}
    bounds = [_integer(arg, local) for arg in loop.iter.args]
    if not bounds or None in bounds or len(bounds) > 3 or (len(bounds) == 3 and not bounds[2]):
        return None
    return len(range(*bounds))


_ARITHMETIC = {ast.Add: int.__add__, ast.Sub: int.__sub__, ast.Mult: int.__mul__}


def _integer(node: ast.AST, names: dict[str, object]) -> int | None:
    """An integer expression of literals and constants (``EPOCHS + 1``), or None."""
    if isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
        left, right = _integer(node.left, names), _integer(node.right, names)
        if left is None or right is None:
            return None
        return _ARITHMETIC[type(node.op)](left, right)
    value = _resolve(node, names)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def loop_sources(blocks: list[Block]) -> list[str]:
    """The source of every ``for``/``while`` loop (by indentation when the code won't parse)."""
    loops = []
    for block in blocks:
        tree = _parse(block.text)
        if tree is not None:
            loops += [
                ast.get_source_segment(block.text, node) or ""
                for node in ast.walk(tree)
                if isinstance(node, (ast.For, ast.While))
            ]
            continue
        lines = block.text.splitlines()
        for i, line in enumerate(lines):
            if re.match(r"^\s*(for|while)\b.*:\s*(#.*)?$", line):
                indent = len(line) - len(line.lstrip())
                body = [line]
                for following in lines[i + 1 :]:
                    if following.strip() and len(following) - len(following.lstrip()) <= indent:
                        break
                    body.append(following)
                loops.append("\n".join(body))
    return loops


def function_source(blocks: list[Block], name: str) -> tuple[str, Block] | None:
    """The text of ``def name(...)`` or ``class name`` (the last definition wins), with
    page-split continuations."""
    result = None
    for i, block in enumerate(blocks):
        match = re.search(rf"^[ \t]*(def|class)\s+{re.escape(name)}\s*[(:]", block.text, re.M)
        if not match:
            continue
        body = block.text[match.start() :]
        lines = body.splitlines()
        kept = [lines[0]]
        for line in lines[1:]:
            if line.strip() and TOP_LEVEL_START.match(line):
                break
            kept.append(line)
        text = "\n".join(kept)
        # a cell split across PDF pages continues in the next code block(s)
        for follow in blocks[i + 1 :]:
            if follow.kind != "code" or not _continues(text, follow.text):
                break
            text += "\n" + follow.text
        result = (text, block)
    return result


def _continues(text: str, following: str) -> bool:
    first = next((line for line in following.splitlines() if line.strip()), "")
    if re.match(r"^\s*(def|class)\b", first):
        return False
    if first.startswith((" ", "\t")):
        return True
    return "return" not in text and "return" in following
