"""The submission model: a student's files turned into an ordered list of blocks.

Every reader in :mod:`grader.ingest` produces :class:`Block` objects, so checks never
care whether a number came from a notebook, a PDF or a markdown file; they only read
the provenance the block carries (:attr:`Block.origin`, :attr:`Block.execution_count`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# How much a piece of evidence can be trusted, strongest first.
STRENGTH_EXECUTED = "executed"  # output a notebook code cell carries (counted, or Colab)
STRENGTH_PRINTED = "printed"  # output recovered from a PDF or text export of a notebook
STRENGTH_UNEXECUTED = "unexecuted"  # no execution count while the notebook's other cells have one
STRENGTH_UNEXPLAINED = "unexplained"  # an output its cell's code cannot have produced
STRENGTH_PROSE = "prose"  # typed by the student in markdown or prose


@dataclass
class Block:
    """One piece of a submission: prose, a code cell, or one output of a code cell."""

    kind: str  # "prose" | "code" | "output"
    text: str
    source: str  # file name inside the student's submission
    origin: str  # "ipynb" | "pdf" | "md" | "txt"
    cell: int | None = None  # notebook cell index (ipynb only)
    execution_count: int | None = None
    output_type: str | None = None  # stream | execute_result | display_data | error
    index: int = 0  # position in the whole document, set by Document
    # the notebook has no execution count on any cell (Colab saves it so): outputs count
    saved_without_counts: bool = False
    # why the cell's code cannot have produced this output (grader.ingest.provenance)
    unexplained: str = ""

    @property
    def strength(self) -> str:
        """How trustworthy a number in this block is as a *result*."""
        if self.kind != "output":
            return STRENGTH_PROSE
        if self.origin == "ipynb":
            if self.unexplained:
                return STRENGTH_UNEXPLAINED
            if self.execution_count is not None or self.saved_without_counts:
                return STRENGTH_EXECUTED
            return STRENGTH_UNEXECUTED
        return STRENGTH_PRINTED

    def where(self) -> str:
        """A human-readable location, used as provenance in reports."""
        parts = [self.source]
        if self.cell is not None:
            parts.append(f"cell {self.cell}")
        if self.execution_count is not None:
            parts.append(f"In [{self.execution_count}]")
        elif self.saved_without_counts and self.kind != "prose":
            parts.append("saved without execution counts (as Colab saves)")
        parts.append(self.kind if self.output_type is None else f"{self.kind} ({self.output_type})")
        return ", ".join(parts)


@dataclass
class Document:
    """A student's whole submission: all files merged, in order."""

    student: str
    sources: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)

    def add(self, blocks: list[Block]) -> None:
        """Append blocks, numbering them in document order."""
        for block in blocks:
            block.index = len(self.blocks)
            self.blocks.append(block)

    def outputs_of(self, code: Block) -> list[Block]:
        """The output blocks that directly follow a code block."""
        found = []
        for block in self.blocks[code.index + 1 :]:
            if block.kind != "output":
                break
            found.append(block)
        return found

    @property
    def text(self) -> str:
        """All blocks' text joined; used for segmentation and prose search."""
        return "\n\n".join(b.text for b in self.blocks)
