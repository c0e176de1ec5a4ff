"""Line patterns shared by the text and PDF readers: prompts, fences, code-like lines."""

import re

FENCE = re.compile(r"^\s*```")
# The info strings of fences the PDF reader writes where layout tells code from output.
PRINTED_CODE = "printed-code"
PRINTED_OUTPUT = "printed-output"
# Jupyter prompts as printed to PDF: "In [3]:", "[3]:", "[ ]:" (Colab exports have no count).
PROMPT = re.compile(r"^\s*(?:In\s*)?\[\s*(\d*)\s*\]:\s?")
# nbconvert prints an execute_result as "Out[4]: 30522".
OUT_PROMPT = re.compile(r"^\s*Out\s*\[\s*\d*\s*\]:\s?")
# nbconvert's PDF wraps long lines, marking the continuation with an arrow.
WRAP_MARK = re.compile(r"^\s*[↪↳]\s?")
WRAP_TAIL_MARKS = ("_", "↵")  # what may end a wrapped line (checked without a regex)
CODE_LINE = re.compile(
    r"""^\s*(
        (def|class|for|while|if|elif|else|try|except|finally|with|return|import|from|
         print|raise|assert|yield|lambda|pass|break|continue|global|async|await)\b
      | [@#%!]
      | [A-Za-z_][\w.\[\]'",: ]*\s*[-+*/]?=[^=]
      | [A-Za-z_][\w.]*\(.*[),]?\s*$
      | [)\]}],?\s*$
    )""",
    re.VERBOSE,
)
STRONG_CODE_LINE = re.compile(
    r"^\s*((def|class|for|while|with|return|import|from)\b.*|print\(.*|[\w.]+\(.*\)\s*|#.*)$"
)
