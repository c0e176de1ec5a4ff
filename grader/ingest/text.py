"""Read markdown or plain text — including text extracted from a notebook printed to PDF.

Such text mixes prose, LaTeX, fenced code and the code's outputs, which may or may not be
fenced (see the seeds). Each fenced block is classified as code or output, and unfenced
paragraphs right after code are taken as its output when they match what that code
prints (the literal parts of its ``print`` calls) or are bare values (numbers, lists).
"""

from __future__ import annotations

import ast
import builtins
import re
from pathlib import Path

from grader.document import Block

from .coderuns import fence_code_runs
from .errors import IngestError
from .patterns import (
    CODE_LINE,
    FENCE,
    OUT_PROMPT,
    PRINTED_CODE,
    PRINTED_OUTPUT,
    PROMPT,
    WRAP_MARK,
    WRAP_TAIL_MARKS,
)

STRING_LITERAL = re.compile(r"""(['"])((?:\\.|(?!\1).)*)\1""")
FSTRING_FIELD = re.compile(r"\{[^{}]*\}")
MAX_MATH_LINES = 40
BUILTIN_NAMES = set(dir(builtins))
WORD = re.compile(r"[A-Za-z]{2,}")
BARE_VALUES = re.compile(r"^(\[[A-Z]+\]|[\s\d.eE+\-\[\](),'\"%:/|])*$")
# a cell of a printed table row: a number (a percent, a time such as 13m24s or 0.8s)
VALUE_CELL = re.compile(
    r"[-+]?\d[\d.,]*(?:e[-+]?\d+)?%?|(?:\d+h)?(?:\d+m)?\d+(?:\.\d+)?s|\d+(?:h|m|ms)"
)


def decoded(path: Path) -> str:
    """A text file's content (UTF-8, or Latin-1 as a fallback); IngestError if binary."""
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise IngestError(f"{path.name}: binary data, not text; upload a .md, .txt, .ipynb or .pdf")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def read_text(path: Path) -> list[Block]:
    """Blocks of a .md or .txt file."""
    origin = "txt" if path.suffix.lower() == ".txt" else "md"
    return parse_text(decoded(path), path.name, origin)


def split_paragraphs(text: str, keep_math: bool = True) -> list[str]:
    """Paragraphs separated by blank lines.

    With ``keep_math``, a ``$$…$$`` display block spanning blank lines stays whole (up to
    ``MAX_MATH_LINES`` lines, so that one stray ``$$`` cannot swallow the rest of a file).
    """
    paragraphs: list[str] = []
    current: list[str] = []
    open_math = 0  # lines since an unclosed $$, 0 when none is open
    for line in text.splitlines():
        if not line.strip() and not open_math:
            if current:
                paragraphs.append("\n".join(current).strip())
                current = []
            continue
        current.append(line.rstrip())
        if keep_math and line.count("$$") % 2:
            open_math = 0 if open_math else 1
        elif open_math:
            open_math = 0 if open_math >= MAX_MATH_LINES else open_math + 1
    if current:
        paragraphs.append("\n".join(current).strip())
    return [p for p in paragraphs if p]


def unwrap_lines(text: str) -> str:
    """Join lines that a PDF export wrapped (continuations start with ↪ or ↳)."""
    lines: list[str] = []
    for line in text.splitlines():
        if lines and WRAP_MARK.match(line):
            head = lines[-1].rstrip()  # a linear strip; the tail mark is then one character
            marked = head.endswith(WRAP_TAIL_MARKS)
            head = head[:-1].rstrip() if marked else head
            lines[-1] = head + (" " if marked else "") + WRAP_MARK.sub("", line)
        else:
            lines.append(line.rstrip())
    return "\n".join(lines)


def _strip_prompts(text: str) -> tuple[str, bool]:
    """Remove Jupyter prompts; say whether there was one at the start."""
    lines = text.splitlines()
    had_prompt = bool(lines) and bool(PROMPT.match(lines[0]))
    return "\n".join(PROMPT.sub("", line, count=1) for line in lines), had_prompt


def _is_literal(text: str) -> bool:
    try:
        ast.literal_eval(text.strip())
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False
    return True


def _defined_names(code_blocks: list[str]) -> set[str]:
    return set(re.findall(r"[A-Za-z_]\w*", "\n".join(code_blocks)))


def looks_like_code(text: str, earlier_code: list[str]) -> bool:
    """Decide whether a fenced block is code (rather than printed output)."""
    stripped = text.strip()
    if not stripped:
        return False
    if _is_literal(stripped):
        return False
    try:
        tree = ast.parse(_dedent(stripped))
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        tree = None
    if tree is not None and tree.body:
        if len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr):
            # A lone expression is code only if it uses names the notebook defined:
            # "model" or "predict_sentiment(...)" are code, "defaultdict(None, {...})" or
            # "[CLS] [SEP]" (which parses as subscripts) are printed output.
            known = _defined_names(earlier_code) | BUILTIN_NAMES
            node = tree.body[0].value
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                return node.func.id in known
            names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
            return bool(names) and names <= known
        return True
    lines = [line for line in stripped.splitlines() if line.strip()]
    code_like = sum(bool(CODE_LINE.match(line)) for line in lines)
    return code_like * 2 >= len(lines)


def _dedent(text: str) -> str:
    lines = text.splitlines()
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents) if indents else 0
    return "\n".join(line[cut:] for line in lines)


def print_templates(code: str) -> list[str]:
    """Literal text that a code block's print calls would start a line with."""
    pieces: list[str] = []
    for line in code.splitlines():
        if "print(" not in line and "'" not in line and '"' not in line:
            continue
        for match in STRING_LITERAL.finditer(line):
            for piece in FSTRING_FIELD.split(match.group(2)):
                piece = re.sub(r"\\[ntr]", " ", piece).strip(" :\t")
                if len(re.sub(r"\W", "", piece)) >= 3:
                    pieces.append(piece)
    return pieces


def _is_value_row(line: str) -> bool:
    """``1 | 0.3589 | 85.18% | 13m24s``: a row of a printed table, numbers only."""
    cells = [c for c in re.split(r"[\s|]+", line) if c]
    return len(cells) >= 2 and all(VALUE_CELL.fullmatch(c) for c in cells)


def looks_like_output(paragraph: str, templates: list[str]) -> bool:
    """Is an unfenced paragraph after code the code's printed output?"""
    lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
    if not lines:
        return False
    if _is_literal(paragraph) or all(
        BARE_VALUES.match(line) or _is_value_row(line) for line in lines
    ):
        return True

    template_words = {w.lower() for t in templates for w in WORD.findall(t)}

    def matches(line: str) -> bool:
        if any(line.startswith(t) or (len(t) >= 10 and t in line) for t in templates):
            return True
        # "[25600/60000 (43%)] Loss: 0.5458": every word comes from a print call
        words = {w.lower() for w in WORD.findall(line)}
        return bool(re.search(r"\d", line)) and bool(words) and words <= template_words

    return all(matches(line) for line in lines)


def fence_chunks(text: str) -> list[tuple[str | None, str]]:
    """Split text into (info, content) chunks: ``info`` is None outside fences, else the
    fence's info string ("" for a bare fence, ``printed-code`` from the PDF reader)."""
    chunks: list[tuple[str | None, str]] = []
    current: list[str] = []
    info: str | None = None
    for line in text.splitlines():
        if FENCE.match(line):
            chunks.append((info, "\n".join(current)))
            current = []
            info = line.strip()[3:].strip() if info is None else None
            continue
        current.append(line)
    chunks.append((info, "\n".join(current)))
    return [(kind, body) for kind, body in chunks if body.strip()]


def fenced_chunks(text: str) -> list[tuple[bool, str]]:
    """Split text into (is_fenced, content) chunks."""
    return [(info is not None, body) for info, body in fence_chunks(text)]


def _fence_prompted_code(text: str) -> str:
    """Fence code that a pasted notebook left unfenced, when it carries ``In [n]:`` prompts."""
    pieces = []
    for info, body in fence_chunks(text):
        if info is not None:
            pieces.append(f"```{info}\n{body}\n```")
        elif any(PROMPT.match(line) for line in body.splitlines()):
            pieces.append(fence_code_runs(body, lines_stand_alone=False))
        else:
            pieces.append(body)
    return "\n".join(pieces)


def parse_text(text: str, source: str, origin: str) -> list[Block]:
    """Turn markdown-like text into prose, code and output blocks."""
    blocks: list[Block] = []
    code_seen: list[str] = []
    templates: list[str] = []

    laid_out: list[bool] = []  # per code block: fenced by the PDF reader from the layout

    def after_code() -> bool:
        return bool(blocks) and blocks[-1].kind in ("code", "output")

    def after_laid_out_code() -> bool:
        """After code the PDF reader found by its layout, which fences every output it
        prints (monospace): an unfenced paragraph there is typed text, never output."""
        return after_code() and bool(laid_out) and laid_out[-1]

    def add_output(content: str) -> None:
        content = OUT_PROMPT.sub("", content, count=1)
        blocks.append(Block("output", content, source, origin, output_type="printed"))

    for info, body in fence_chunks(_fence_prompted_code(unwrap_lines(text))):
        if info == PRINTED_OUTPUT and after_code():  # layout found it after its code
            add_output(body.strip("\n"))
            continue
        if info is not None:
            content, had_prompt = _strip_prompts(body)
            content = content.strip("\n")
            if OUT_PROMPT.match(content) and after_code():
                add_output(content)
                continue
            is_code = (
                info == PRINTED_CODE
                or looks_like_code(content, code_seen)
                or (had_prompt and not _is_literal(content) and not after_code())
            )
            if is_code:
                blocks.append(Block("code", content, source, origin))
                laid_out.append(info == PRINTED_CODE)
                code_seen.append(content)
                templates.extend(print_templates(content))
            elif after_code():
                add_output(content)
            else:
                blocks.append(Block("prose", content, source, origin))
            continue
        # text extracted from a PDF has no reliable $$ delimiters to keep together
        for paragraph in split_paragraphs(body, keep_math=origin != "pdf"):
            if (
                after_code()
                and not after_laid_out_code()
                and (OUT_PROMPT.match(paragraph) or looks_like_output(paragraph, templates))
            ):
                add_output(paragraph)
            else:
                blocks.append(Block("prose", paragraph, source, origin))
    return blocks
