"""Reading submissions: notebooks, text with fenced code, PDFs, folders, and broken files."""

from __future__ import annotations

import time
from pathlib import Path

import nbformat
import pytest
from builders import code, error, markdown, result, stream, write_notebook
from nbformat.v4 import new_output
from pypdf import PdfWriter

from grader.document import STRENGTH_EXECUTED, STRENGTH_PRINTED, STRENGTH_UNEXECUTED
from grader.ingest import IngestError, read_submission
from grader.ingest.pdf import read_pdf
from grader.ingest.text import parse_text, unwrap_lines


def test_notebook_blocks_keep_provenance_for_every_output_type(tmp_path: Path) -> None:
    image = new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"})
    path = write_notebook(
        tmp_path / "nb.ipynb",
        markdown("# Problem 5\n\nSome words."),
        code("print(len(tok))", stream("30522\n"), count=3),
        code("x", result("0.25", 4), count=4),
        code("plot()", image, count=5),
        code("boom()", error("ValueError", "bad"), count=6),
        code("y", result("7"), count=None),
    )
    doc = read_submission(path)
    kinds = [(b.kind, b.output_type) for b in doc.blocks]
    assert kinds == [
        ("prose", None),
        ("prose", None),
        ("code", None),
        ("output", "stream"),
        ("code", None),
        ("output", "execute_result"),
        ("code", None),
        ("output", "display_data"),
        ("code", None),
        ("output", "error"),
        ("code", None),
        ("output", "execute_result"),
    ]
    stream_block = doc.blocks[3]
    assert stream_block.text.strip() == "30522"
    assert stream_block.execution_count == 3 and stream_block.cell == 1
    assert stream_block.strength == STRENGTH_EXECUTED
    assert "In [3]" in stream_block.where()
    assert doc.blocks[7].text == "<Figure>"
    assert doc.blocks[9].text.startswith("ValueError: bad")
    assert doc.blocks[11].strength == STRENGTH_UNEXECUTED
    assert doc.student == "nb" and doc.sources == ["nb.ipynb"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"cells": [{"cell_type": "code", "sou', "broken JSON"),
        (bytes(range(256)) * 4, "not UTF-8"),
        (b'{"just": "json"}', "not a valid"),
    ],
)
def test_unreadable_notebooks_raise_plain_errors(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "broken.ipynb"
    path.write_bytes(content)
    with pytest.raises(IngestError, match=reason) as info:
        read_submission(path)
    assert "broken.ipynb" in str(info.value)


def test_text_reader_tells_code_outputs_and_prose_apart() -> None:
    text = "\n".join(
        [
            "## Problem 4",
            "We load the tokenizer.",
            "```",
            "[ ]: # Q1a: vocabulary",
            'print(f"The size of the vocabulary is: {len(tokenizer)}")',
            "```",
            "The size of the vocabulary is: 30522",
            "",
            "```",
            "def predict_sentiment(model, tokenizer, sentence):",
            "    return model(tokenizer(sentence))",
            "```",
            "```",
            "predict_sentiment(model, tokenizer, 'great')",
            "```",
            "```",
            "[ ]: 0.97",
            "```",
            "",
            "The model is clearly good at 97% confidence.",
            "```",
            "print(LABEL.vocab.stoi)",
            "```",
            "```",
            "defaultdict(None, {'neg': 0, 'pos': 1})",
            "```",
        ]
    )
    blocks = parse_text(text, "a.txt", "txt")
    assert [b.kind for b in blocks] == [
        "prose",
        "code",
        "output",
        "code",
        "code",
        "output",
        "prose",
        "code",
        "output",
    ]
    assert blocks[1].text.startswith("# Q1a")  # prompt stripped
    assert blocks[2].strength == STRENGTH_PRINTED


def test_a_printed_table_of_numbers_after_code_is_output() -> None:
    """Rows like "1 | 0.3589 | 85.18% | 13m24s", printed by f-strings whose literal text
    is only separators, are the cell's output, not prose; a sentence with numbers is not."""
    text = "\n".join(
        [
            "```",
            "for e, a, b, t in history:",
            "    print(f'{e:>5} | {a:>10.4f} | {b:>9.2%} | {t:>7}')",
            "```",
            "1 |     0.3589 |    85.18% |  13m24s",
            "",
            "2      0.2501      89.84%     0.8s",
            "",
            "We trained for 2 epochs and reached 90.9% in 13m.",
        ]
    )
    blocks = parse_text(text, "a.pdf", "pdf")
    assert [b.kind for b in blocks] == ["code", "output", "output", "prose"]


def test_pdf_wrapped_lines_are_joined() -> None:
    wrapped = "x = torchvision.transforms.\n↳ ToTensor()\nprint('a',_\n↪sum(p))"
    assert unwrap_lines(wrapped) == "x = torchvision.transforms.ToTensor()\nprint('a', sum(p))"


def test_non_utf8_text_is_read_as_latin1(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes("Problem 1\n\nCaf\xe9 answer: h_T = x_T - x_{T-1}".encode("latin-1"))
    doc = read_submission(path)
    assert "Café" in doc.text


def test_folder_merges_files_in_name_order(tmp_path: Path) -> None:
    folder = tmp_path / "alice"
    folder.mkdir()
    (folder / "a_theory.md").write_text("## Problem 1\n\nAnswer one.\n")
    write_notebook(folder / "b_bert.ipynb", code("print(1)", stream("1\n")))
    (folder / "notes.docx").write_bytes(b"ignored")
    doc = read_submission(folder)
    assert doc.student == "alice"
    assert doc.sources == ["a_theory.md", "b_bert.ipynb"]
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    assert doc.blocks[-1].source == "b_bert.ipynb"


def test_empty_folder_and_unknown_type_are_errors(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(IngestError, match="no .ipynb"):
        read_submission(tmp_path / "empty")
    odd = tmp_path / "hw.docx"
    odd.write_bytes(b"PK")
    with pytest.raises(IngestError, match="unsupported file type"):
        read_submission(odd)


def _pdf(tmp_path: Path, html: str) -> Path:
    from weasyprint import HTML

    path = tmp_path / "sub.pdf"
    HTML(string=html).write_pdf(path)
    return path


def test_pdf_recovers_code_and_outputs(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path,
        """
        <h1>Problem 5</h1><p>Sentiment notebook.</p>
        <pre>In [3]: # Q1a: Print the size of the vocabulary
print(len(tokenizer))</pre>
        <pre>30522</pre>
        <p>That is the vocabulary of bert-base-uncased.</p>
    """,
    )
    blocks = read_pdf(path)
    kinds = {b.kind for b in blocks}
    assert kinds == {"prose", "code", "output"}
    code_block = next(b for b in blocks if b.kind == "code")
    assert "len(tokenizer)" in code_block.text and "In [3]" not in code_block.text
    output = next(b for b in blocks if b.kind == "output")
    assert output.text.strip() == "30522" and output.strength == STRENGTH_PRINTED


def test_encrypted_and_broken_pdfs_are_errors(tmp_path: Path) -> None:
    plain = _pdf(tmp_path, "<p>Problem 1</p>")
    writer = PdfWriter(clone_from=plain)
    writer.encrypt("secret")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(IngestError, match="password-protected"):
        read_pdf(locked)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n garbage")
    with pytest.raises(IngestError, match="broken.pdf"):
        read_pdf(broken)


def test_a_pdf_that_stalls_the_parser_is_an_error_in_bounded_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parser runs in a child with a wall-clock limit: a crafted PDF that makes it loop
    costs an error, not the class's run (issue 2/5)."""
    from grader.ingest import pdf

    path = _pdf(tmp_path, "<p>Problem 1</p>")
    monkeypatch.setattr(pdf, "PDF_WALL_S", 1.0)
    monkeypatch.setattr(pdf, "_text", lambda _: time.sleep(30) or "")  # a parser that loops
    started = time.monotonic()
    with pytest.raises(IngestError, match=r"sub.pdf: reading the PDF still running after 1 s"):
        read_pdf(path)
    assert time.monotonic() - started < 5


def test_a_pdf_that_needs_too_much_memory_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from grader.ingest import pdf

    path = _pdf(tmp_path, "<p>Problem 1</p>")
    monkeypatch.setattr(pdf, "PDF_MEMORY_BYTES", 64 << 20)
    monkeypatch.setattr(pdf, "_text", lambda _: " " * (512 << 20))  # a parser that balloons
    with pytest.raises(IngestError, match="sub.pdf"):
        read_pdf(path)


def test_notebook_written_by_nbformat_round_trips(tmp_path: Path) -> None:
    path = write_notebook(tmp_path / "ok.ipynb", code("1+1", result("2")))
    assert nbformat.read(str(path), as_version=4).cells[0].outputs[0]["data"]["text/plain"] == "2"


def test_out_prompts_and_unfenced_prompted_code() -> None:
    text = (
        "Problem 5\n\nIn [3]: # Q1a: vocabulary size\nlen(tokenizer)\nOut[3]: 30522\n\n"
        "The vocabulary is large.\n\nIn [4]: print(tokens)\n['hello', 'world']\n"
    )
    blocks = parse_text(text, "pasted.txt", "txt")
    kinds = [(b.kind, b.text.strip()) for b in blocks]
    assert ("code", "# Q1a: vocabulary size\nlen(tokenizer)") in kinds
    assert ("output", "30522") in kinds
    assert ("prose", "The vocabulary is large.") in kinds
    assert ("output", "['hello', 'world']") in kinds


def test_latex_source_is_read_with_its_structure(tmp_path: Path) -> None:
    from grader.ingest import read_submission

    path = tmp_path / "main.tex"
    path.write_text(
        "\\documentclass{article}\n\\title{HW3}\n\\begin{document}\n\\maketitle\n"
        "\\section*{Problem 1: CNNs vs RNNs} % my answer\n\\begin{enumerate}\n"
        "\\item[(a)] \\textbf{Benefits.} Weight sharing.\n\\end{enumerate}\n"
        "\\section{Problem 2}\nWe get $y_T = \\sigma(1000 h_T)$.\n\\end{document}\n"
    )
    texts = [b.text for b in read_submission(path).blocks]
    assert "## Problem 1: CNNs vs RNNs" in texts and "## Problem 2" in texts
    assert "(a) Benefits. Weight sharing." in texts
    assert "We get $y_T = \\sigma(1000 h_T)$." in texts
    assert not any("documentclass" in t or "maketitle" in t for t in texts)


def test_typed_text_after_code_the_layout_found_is_never_its_output() -> None:
    """The PDF reader fences every printed output it finds by its layout (monospace after a
    code box); a paragraph in the page's proportional font after that code is markdown the
    student typed, even when it reads like the code's print (a result copied in by hand)."""
    text = (
        "```printed-code\nprint(f'Test Loss: {test_loss:.3f} | Test Acc: {test_acc*100:.2f}%')\n```\n"
        "Test Loss: 0.204 | Test Acc: 92.31%\n"
    )
    kinds = [(b.kind, b.text) for b in parse_text(text, "s.pdf", "pdf")]
    assert kinds[1] == ("prose", "Test Loss: 0.204 | Test Acc: 92.31%")
    # without the layout (a text export), the same paragraph is the print's output
    plain = parse_text(text.replace("printed-code", ""), "s.txt", "txt")
    assert plain[1].kind == "output"
