"""The marks on a PDF page, read with PDFium: every glyph with its box, baseline, size and
font, the thin rules (fraction bars, radical overlines) and the shaded or framed boxes
(printed notebooks' code cells).

TeX's math fonts often carry no ToUnicode map: PDFium then gives the raw character code
(``X`` for the display ∑, ``k`` for ‖) or a private-use code point. Those are mapped by
font family and code (``texfonts.json``), only for glyphs that have no standard name.
"""

from __future__ import annotations

import ctypes
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

TEX_FONTS = Path(__file__).with_name("texfonts.json")
FIXED_PITCH = 1  # PDF font descriptor flag
MONO_NAMES = re.compile(
    r"mono|courier|consol|menlo|typewriter|^cmtt|^lmmono|inconsolata|fira ?code", re.I
)
SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
RULE_HEIGHT = 1.5  # points: a fraction bar or an overline, not a box
BOX_MIN_HEIGHT = 8.0  # points: a box holds at least one line of text
MAX_PAGE_CHARS = 40_000  # a page of homework has a few thousand
MAX_RULES = 2_000  # rules and boxes kept per page (a table's cell borders are a few hundred)
SOFT_HYPHEN = 2  # PDFium's code for a hyphen that breaks a word at a line's end
NEUTRAL = 12  # most a box's colour channels may differ and still be grey
LIGHTEST = 252  # lighter fills are the page's own white


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character drawn on a page (PDF points, y upwards)."""

    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    base: float  # the baseline (a big operator's is moved to its row's, see pdflayout)
    size: float
    mono: bool
    big: bool = False  # a glyph of TeX's extension font (∑, ∏, big delimiters)


@dataclass(frozen=True)
class Rect:
    """A rectangle drawn on a page."""

    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class PageMarks:
    """What a page shows: its glyphs, thin rules and boxes, and its size."""

    glyphs: list[Glyph]
    rules: list[Rect]
    boxes: list[Rect]
    width: float
    height: float


@lru_cache(maxsize=1)
def _tex_tables() -> tuple[dict[str, str], dict[str, dict[int, str]]]:
    data = json.loads(TEX_FONTS.read_text())
    fonts = {
        family: {int(code, 16): text for code, text in table.items()}
        for family, table in data["fonts"].items()
    }
    return data["aliases"], fonts


@lru_cache(maxsize=256)
def font_family(name: str) -> str:
    """``ABCDEF+CMSY10`` → ``cmsy``; ``LMMathSymbols10-Regular`` → ``cmsy``."""
    aliases, _ = _tex_tables()
    family = re.sub(r"[\d.]+$", "", SUBSET_TAG.sub("", name).split("-")[0]).lower()
    return aliases.get(family, family)


def tex_glyph(family: str, code_point: int) -> str | None:
    """The character a TeX math font's glyph stands for, when PDFium gave its raw code
    (or a private-use code point); None when PDFium's character is already right."""
    _, fonts = _tex_tables()
    table = fonts.get(family)
    if table is None:
        return None
    if 0xE000 <= code_point <= 0xF8FF or code_point >= 0xF0000:
        return table.get(code_point & 0xFF, "")
    return table.get(code_point) if code_point < 0x80 else None


@lru_cache(maxsize=256)
def _font_kind(name: bytes, flags: int) -> tuple[str, bool]:
    """A font's family and whether it is monospace, from its name and descriptor flags."""
    font = name.decode("latin-1")
    return font_family(font), bool(flags & FIXED_PITCH) or bool(MONO_NAMES.search(font))


def _glyphs(page: pdfium.PdfPage) -> list[Glyph]:
    textpage = page.get_textpage()
    count = raw.FPDFText_CountChars(textpage)
    if count > MAX_PAGE_CHARS:
        textpage.close()
        raise ValueError(f"a page has {count} characters, more than any page of homework")
    box, x, y = raw.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
    name, flags = ctypes.create_string_buffer(128), ctypes.c_int()
    found = []
    for i in range(count):
        code_point = raw.FPDFText_GetUnicode(textpage, i)
        if code_point < 0x20 and code_point != SOFT_HYPHEN or code_point in (0xFFFE, 0xFFFF):
            continue  # line ends; word spaces come from the gaps between glyphs
        if code_point == 0x20 and raw.FPDFText_IsGenerated(textpage, i):
            continue  # a drawn code 0x20 may be a TeX font's glyph (cmex's big bracket)
        raw.FPDFText_GetFontInfo(textpage, i, name, len(name), flags)
        family, mono = _font_kind(name.value, flags.value)
        text = "-" if code_point == SOFT_HYPHEN else tex_glyph(family, code_point)
        if text is None:
            text = chr(code_point) if code_point <= 0x10FFFF else ""
        if not text.strip():
            continue
        raw.FPDFText_GetLooseCharBox(textpage, i, box)
        raw.FPDFText_GetCharOrigin(textpage, i, x, y)
        size = raw.FPDFText_GetFontSize(textpage, i) or (box.top - box.bottom)
        found.append(
            Glyph(
                text,
                box.left,
                box.right,
                box.bottom,
                box.top,
                y.value,
                size,
                mono,
                family == "cmex",
            )
        )
    textpage.close()
    return found


def _colour(obj, getter) -> tuple[int, int, int, int]:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, r, g, b, a):
        return (0, 0, 0, 0)
    return (r.value, g.value, b.value, a.value)


def _grey(colour: tuple[int, int, int, int], darkest: int) -> bool:
    r, g, b, a = colour
    return a > 0 and max(r, g, b) - min(r, g, b) <= NEUTRAL and darkest <= min(r, g, b) < LIGHTEST


def _path_objects(page: pdfium.PdfPage):
    """The page's path objects, those inside form XObjects too (four levels at most)."""
    stack = [(raw.FPDFPage_CountObjects(page.raw), raw.FPDFPage_GetObject, page.raw, 0)]
    while stack:
        count, get, parent, depth = stack.pop()
        for i in range(count):
            obj = get(parent, i)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_PATH:
                yield obj
            elif kind == raw.FPDF_PAGEOBJ_FORM and depth < 4:
                stack.append(
                    (raw.FPDFFormObj_CountObjects(obj), raw.FPDFFormObj_GetObject, obj, depth + 1)
                )


def _paths(page: pdfium.PdfPage) -> tuple[list[Rect], list[Rect]]:
    """The thin dark rules and the grey boxes (filled light grey, or framed in grey)."""
    rules, boxes = [], []
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    x0, y0, x1, y1 = (ctypes.c_float() for _ in range(4))
    for obj in _path_objects(page):
        if not raw.FPDFPageObj_GetBounds(obj, x0, y0, x1, y1):
            continue
        rect = Rect(x0.value, y0.value, x1.value, y1.value)
        raw.FPDFPath_GetDrawMode(obj, mode, stroke)
        filled, stroked = mode.value != 0, bool(stroke.value)
        height, width = rect.y1 - rect.y0, rect.x1 - rect.x0
        if height <= RULE_HEIGHT and width > 2:
            dark = _colour(
                obj, raw.FPDFPageObj_GetFillColor if filled else raw.FPDFPageObj_GetStrokeColor
            )
            if dark[3] > 0 and max(dark[:3]) < 128 and len(rules) < MAX_RULES:
                rules.append(rect)
        elif height >= BOX_MIN_HEIGHT and width >= 4 * BOX_MIN_HEIGHT:
            if (
                (filled and _grey(_colour(obj, raw.FPDFPageObj_GetFillColor), 200))
                or (
                    stroked
                    and not filled
                    and _grey(_colour(obj, raw.FPDFPageObj_GetStrokeColor), 120)
                )
                and len(boxes) < MAX_RULES
            ):
                boxes.append(rect)
    return rules, boxes


def page_marks(page: pdfium.PdfPage) -> PageMarks:
    """Everything :mod:`grader.ingest.pdflayout` needs from one page."""
    width, height = page.get_size()
    rules, boxes = _paths(page)
    return PageMarks(_glyphs(page), rules, boxes, width, height)
