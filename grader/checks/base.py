"""What every check receives, and helpers checks share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from grader.document import Block, Document
from grader.rubric import PartSpec, ProblemSpec

# GradeOptions.extra: paths student code must not see (the class, the output folder, the
# rubric), set by grader.batch; where they are changes no grade
HIDE_KEY = "sandbox_hide"


@dataclass
class GradeOptions:
    """Switches that change how checks may work (set from the CLI)."""

    run_code: bool = True  # may checks execute student code (in the sandbox)
    allow_unsandboxed: bool = False  # run it even where isolation is unavailable
    execute: bool = False  # re-execute whole notebooks
    extra: dict = field(default_factory=dict)


@dataclass
class CheckContext:
    """Everything a check may look at for one rubric part of one student."""

    part: PartSpec
    problem: ProblemSpec
    document: Document
    section: list[Block]  # the part's answer if its markers were found, else the problem's
    problem_section: list[Block]  # the whole located problem (empty if not located)
    options: GradeOptions = field(default_factory=GradeOptions)

    @property
    def params(self) -> dict:
        """The part's ``params`` from the rubric."""
        return self.part.params

    @property
    def text(self) -> str:
        """The part's answer as one string."""
        return "\n\n".join(b.text for b in self.section)

    def blocks(self, kind: str | None = None) -> list[Block]:
        """The problem's blocks (the whole document if it was not located), by kind."""
        pool = self.problem_section or self.document.blocks
        return [b for b in pool if kind is None or b.kind == kind]

    def defined_name(self, name: str) -> str:
        """The name the student's code gives what the handout calls ``name``: ``name`` itself
        if the problem's code defines it, else the first defined name that one of the
        problem's other ``names`` for it (regexes) matches (``class VisionTransformer`` for
        ``ViT``), else ``name``."""
        others = self.problem.names.get(name, ())
        if not others:
            return name
        code = "\n".join(b.text for b in self.blocks("code"))
        # names of a bounded length: the problem's name regexes are matched against them
        defined = re.findall(r"^[ \t]*(?:class|def)[ \t]+(\w{1,64})\b", code, re.M)
        if name in defined:
            return name
        for pattern in others:
            found = next((d for d in defined if re.fullmatch(pattern, d)), None)
            if found:
                return found
        return name
