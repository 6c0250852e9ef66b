"""Rendering a (filled) workbook to PDF with reportlab, as Excel would print it.

Honoured: paper size and orientation, margins, scale and fit-to-page, centring, the print
area, column widths and hidden columns, row heights (default, custom, grown for wrapped
text), merged cells, fonts (size, bold, italic, underline, colour), fills, borders, horizontal
and vertical alignment, wrap, shrink-to-fit, text spilling into empty neighbours, number
formats, formulas (computed), pictures and bar/QR codes, manual page breaks, print title rows
repeated on every page, header and footer text with &P/&N page numbers. Pages go down, then
over, as Excel's default page order.
"""
from __future__ import annotations

import io
import os
from typing import Any, Callable, Iterable

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from printing.fonts import FontSet, font_set
from printing.formula import FormulaEvaluator
from printing.layout import PAPER_SIZES, layout_sheet
from printing.paint import Painter, draw_page

__all__ = ["render_pdf", "render_many", "PAPER_SIZES", "RenderCancelled", "layout_pages"]

# Binary Flate streams: ASCII85 only makes PDFs 7-bit clean, at a quarter more bytes and, in
# pure Python, a third of the rendering time.
rl_config.useA85 = 0


class RenderCancelled(Exception):
    """A batch render was cancelled through its progress callback; nothing was written."""


def layout_pages(workbook, font=None) -> list[tuple[str, float, float, int]]:
    """(sheet, page width, page height, rows on page) for each page — for previews/tests."""
    fonts = font_set(font)
    evaluator = FormulaEvaluator(workbook)
    out = []
    cache: dict = {}
    for ws in _printable_sheets(workbook):
        layout = layout_sheet(ws, fonts, evaluator, cache)
        if layout is None:
            continue
        for page in layout.pages:
            out.append((ws.title, layout.page_w, layout.page_h, len(page.rows)))
    return out


def _printable_sheets(workbook) -> list:
    return [ws for ws in workbook.worksheets if ws.sheet_state == "visible"]


def _render_workbook(canvas: Canvas, painter: Painter, workbook, fonts: FontSet,
                     doc_name: str) -> int:
    evaluator = FormulaEvaluator(workbook)
    cache: dict = {}
    layouts = [lay for lay in (layout_sheet(ws, fonts, evaluator, cache)
                               for ws in _printable_sheets(workbook)) if lay is not None]
    total = sum(len(lay.pages) for lay in layouts)
    page_no = 0
    for lay in layouts:
        for page in lay.pages:
            page_no += 1
            draw_page(painter, lay, page, page_no, total, doc_name)
            canvas.showPage()
    return total


def _as_workbook(item, context=None):
    from printing.fill import fill
    from printing.template import Template
    if isinstance(item, Template):
        return fill(item, context), item.name
    if isinstance(item, tuple) and item and isinstance(item[0], Template):
        return fill(item[0], item[1] if len(item) > 1 else None), item[0].name
    if isinstance(item, tuple):
        return item[0], ""
    return item, ""


def _write(buf: io.BytesIO, out) -> None:
    data = buf.getvalue()
    if out is None:
        return
    if hasattr(out, "write"):
        out.write(data)
        return
    tmp = f"{os.fspath(out)}.part"
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, out)


def _new_canvas(buf: io.BytesIO, title: str) -> Canvas:
    c = Canvas(buf, pageCompression=1, invariant=0)
    c.setCreator("Qianli")
    if title:
        c.setTitle(title)
    return c


def render_pdf(source, out=None, *, context: Any = None, font=None, title: str = "") -> int:
    """Render a filled workbook — or a Template with ``context`` — to ``out``.

    ``out`` is a path (written atomically when everything has rendered) or a binary file
    object such as BytesIO. ``font`` chooses the fonts (see :func:`printing.fonts.font_set`).
    Returns the number of pages.
    """
    fonts = font_set(font)
    workbook, name = _as_workbook(source, context)
    buf = io.BytesIO()
    canvas = _new_canvas(buf, title)
    painter = Painter(canvas, fonts)
    pages = _render_workbook(canvas, painter, workbook, fonts, title or os.path.basename(name))
    if pages == 0:
        canvas.showPage()  # an empty sheet still makes a valid (blank) PDF
    canvas.save()
    _write(buf, out)
    return pages


def render_many(items: Iterable, out=None, *, font=None, title: str = "",
                progress: Callable[[int, int], Any] | None = None) -> int:
    """Batch print: many documents into one PDF, each numbered from its own page 1.

    ``items`` are (template, context) pairs or filled workbooks. ``progress(done, total)``
    is called after each document; returning False cancels (RenderCancelled, nothing
    written). Returns the total number of pages.
    """
    items = list(items)
    fonts = font_set(font)
    buf = io.BytesIO()
    canvas = _new_canvas(buf, title)
    painter = Painter(canvas, fonts)
    total = 0
    for i, item in enumerate(items, start=1):
        workbook, name = _as_workbook(item)
        total += _render_workbook(canvas, painter, workbook, fonts, os.path.basename(name))
        painter.images.clear()
        if progress is not None and progress(i, len(items)) is False:
            raise RenderCancelled(f"cancelled after {i} of {len(items)} documents")
    if total == 0:
        canvas.showPage()
    canvas.save()
    _write(buf, out)
    return total
