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
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable, Iterable

from openpyxl.utils.cell import range_boundaries
from reportlab import rl_config
from reportlab.graphics import renderPDF
from reportlab.lib.rl_accel import escapePDF
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from printing.codes import code_drawing
from printing.fonts import FontSet, font_set
from printing.formula import ExcelError, FormulaEvaluator, parse_ref
from printing.geometry import (color_rgb, column_widths, default_row_height, font_family,
                               max_digit_width)
from printing.numfmt import format_value

__all__ = ["render_pdf", "render_many", "PAPER_SIZES", "RenderCancelled", "layout_pages"]

# Binary Flate streams: ASCII85 only makes PDFs 7-bit clean, at a quarter more bytes and, in
# pure Python, a third of the rendering time.
rl_config.useA85 = 0

MM = 72 / 25.4
PAPER_SIZES: dict[int, tuple[float, float]] = {
    1: (612, 792), 2: (612, 792), 3: (792, 1224), 4: (1224, 792), 5: (612, 1008),
    6: (396, 612), 7: (522, 756), 8: (297 * MM, 420 * MM), 9: (210 * MM, 297 * MM),
    10: (210 * MM, 297 * MM), 11: (148 * MM, 210 * MM), 12: (257 * MM, 364 * MM),
    13: (182 * MM, 257 * MM), 14: (612, 936), 66: (420 * MM, 594 * MM),
    70: (105 * MM, 148 * MM),
}
DEFAULT_PAPER = 9  # A4
LINE = 1.3  # line height as a multiple of the font size (Excel's rows are about this)
PAD_X = 2.0
PAD_Y = 1.0

_BORDER = {
    "hair": (0.25, None), "thin": (0.5, None), "medium": (1.0, None), "thick": (1.6, None),
    "dashed": (0.5, (3, 2)), "dotted": (0.5, (0.8, 1.2)), "mediumDashed": (1.0, (4, 2)),
    "dashDot": (0.5, (3, 1.5, 0.8, 1.5)), "mediumDashDot": (1.0, (4, 1.5, 1, 1.5)),
    "dashDotDot": (0.5, (3, 1, 0.8, 1, 0.8, 1)),
    "mediumDashDotDot": (1.0, (4, 1, 1, 1, 1, 1)), "slantDashDot": (1.0, (4, 1, 2, 1)),
    "double": (0.35, None),
}


class RenderCancelled(Exception):
    """A batch render was cancelled through its progress callback; nothing was written."""


@dataclass(frozen=True)
class _Style:
    size: float
    family: str
    bold: bool
    italic: bool
    underline: bool
    color: tuple[float, float, float]
    halign: str
    valign: str
    wrap: bool
    shrink: bool
    indent: float
    fill: tuple[float, float, float] | None
    borders: tuple  # (side, width, dash, color) for left, right, top, bottom


@dataclass
class _Cell:
    row: int
    col: int
    style: _Style
    text: str = ""
    numeric: bool = False
    r2: int = 0
    c2: int = 0


@dataclass
class _Page:
    rows: list[int]
    cols: list[int]
    titles: list[int]


@dataclass
class _SheetLayout:
    ws: Any
    page_w: float
    page_h: float
    margins: tuple[float, float, float, float, float, float]  # l, r, t, b, header, footer
    scale: float
    widths: dict[int, float]
    heights: dict[int, float]
    cells: dict[tuple[int, int], _Cell]
    merges: dict[tuple[int, int], tuple[int, int]]  # anchor -> (r2, c2)
    covered: dict[tuple[int, int], tuple[int, int]]  # cell -> anchor
    pages: list[_Page] = field(default_factory=list)
    hcenter: bool = False
    vcenter: bool = False
    gridlines: bool = False
    area: tuple[int, int, int, int] = (1, 1, 1, 1)
    edges: dict = field(default_factory=dict)


def _rgb_tuple(hex6: str | None, default=(0.0, 0.0, 0.0)):
    if not hex6:
        return default
    try:
        return tuple(int(hex6[i:i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return default


def _style_of(cell, cache: dict) -> _Style:
    key = tuple(cell._style)
    st = cache.get(key)
    if st is not None:
        return st
    font, al, fill, border = cell.font, cell.alignment, cell.fill, cell.border
    fill_rgb = None
    if fill is not None and getattr(fill, "fill_type", None):
        hexc = color_rgb(fill.fgColor) if fill.fill_type == "solid" else \
            color_rgb(fill.fgColor, "D9D9D9")
        if fill.fill_type == "solid" and hexc is None:
            hexc = color_rgb(fill.bgColor)
        fill_rgb = _rgb_tuple(hexc, None) if hexc else None
    sides = []
    for side_name in ("left", "right", "top", "bottom"):
        side = getattr(border, side_name, None)
        style = getattr(side, "style", None) if side is not None else None
        if style and style in _BORDER:
            width, dash = _BORDER[style]
            sides.append((side_name, width, dash, _rgb_tuple(color_rgb(side.color, "000000")),
                          style == "double"))
        else:
            sides.append(None)
    st = _Style(
        size=float(font.sz or 11), family=font_family(font.name), bold=bool(font.b),
        italic=bool(font.i), underline=bool(font.u) and font.u != "none",
        color=_rgb_tuple(color_rgb(font.color, "000000")),
        halign=(al.horizontal or "general"), valign=(al.vertical or "bottom"),
        wrap=bool(al.wrap_text), shrink=bool(al.shrink_to_fit), indent=float(al.indent or 0),
        fill=fill_rgb, borders=tuple(sides))
    cache[key] = st
    return st


def _area(ws) -> tuple[int, int, int, int]:
    area = ws.print_area
    if area:
        first = str(area).split(",")[0]
        ref = parse_ref(first.strip())
        if ref is not None:
            _sheet, a, b = ref
            b = b or a
            text = f"{a[1]}{a[3]}:{b[1]}{b[3]}".replace("$", "")
            try:
                c1, r1, c2, r2 = range_boundaries(text)
                if None not in (c1, r1, c2, r2):
                    return c1, r1, c2, r2
            except ValueError:
                pass
    max_row, max_col = 1, 1
    for (r, c), cell in ws._cells.items():
        if cell.value not in (None, "") or cell.has_style:
            max_row, max_col = max(max_row, r), max(max_col, c)
    for rng in ws.merged_cells.ranges:
        max_row, max_col = max(max_row, rng.max_row), max(max_col, rng.max_col)
    return 1, 1, max_col, max_row


_DISPLAY: dict[tuple, tuple[str, bool]] = {}


def _display(value: Any, number_format: str) -> tuple[str, bool]:
    key = (type(value), value, number_format)
    try:
        hit = _DISPLAY.get(key)
    except TypeError:  # unhashable value
        hit, key = None, None
    if hit is not None:
        return hit
    result = _display_uncached(value, number_format)
    if key is not None:
        if len(_DISPLAY) > 50_000:
            _DISPLAY.clear()
        _DISPLAY[key] = result
    return result


def _display_uncached(value: Any, number_format: str) -> tuple[str, bool]:
    if isinstance(value, ExcelError):
        return str(value), False
    numeric = isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)
    if hasattr(value, "toordinal") or hasattr(value, "hour"):
        numeric = True  # dates align right like numbers
    return format_value(value, number_format), numeric


def _layout_sheet(ws, fonts: FontSet, evaluator: FormulaEvaluator,
                  style_cache: dict) -> _SheetLayout | None:
    c1, r1, c2, r2 = _area(ws)
    ps = ws.page_setup
    try:
        paper = int(ps.paperSize) if ps.paperSize else DEFAULT_PAPER
    except (TypeError, ValueError):
        paper = DEFAULT_PAPER
    page_w, page_h = PAPER_SIZES.get(paper, PAPER_SIZES[DEFAULT_PAPER])
    if ps.orientation == "landscape":
        page_w, page_h = max(page_w, page_h), min(page_w, page_h)
    pm = ws.page_margins
    margins = tuple(float(x if x is not None else d) * 72 for x, d in (
        (pm.left, 0.7), (pm.right, 0.7), (pm.top, 0.75), (pm.bottom, 0.75), (pm.header, 0.3),
        (pm.footer, 0.3)))

    mdw = max_digit_width(ws.parent)
    widths = column_widths(ws, c1, c2, mdw)
    default_h = default_row_height(ws)
    heights: dict[int, float] = {}
    custom: set[int] = set()
    for r in range(r1, r2 + 1):
        dim = ws.row_dimensions.get(r) if hasattr(ws.row_dimensions, "get") else None
        if dim is not None and dim.hidden:
            heights[r] = 0.0
        elif dim is not None and dim.ht is not None:
            heights[r] = float(dim.ht)
            custom.add(r)
        else:
            heights[r] = default_h

    merges: dict[tuple[int, int], tuple[int, int]] = {}
    covered: dict[tuple[int, int], tuple[int, int]] = {}
    for rng in ws.merged_cells.ranges:
        if rng.max_row < r1 or rng.min_row > r2 or rng.max_col < c1 or rng.min_col > c2:
            continue
        anchor = (rng.min_row, rng.min_col)
        merges[anchor] = (min(rng.max_row, r2), min(rng.max_col, c2))
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != anchor:
                    covered[(r, c)] = anchor

    cells: dict[tuple[int, int], _Cell] = {}
    title = ws.title
    for (r, c), cell in ws._cells.items():
        if r < r1 or r > r2 or c < c1 or c > c2:
            continue
        st = _style_of(cell, style_cache) if cell.has_style else _DEFAULT_STYLE
        item = _Cell(r, c, st)
        if (r, c) not in covered:
            if cell.data_type == "f":
                value = evaluator.value(title, r, c)
            else:
                value = cell.value
            if value is not None and value != "":
                item.text, item.numeric = _display(value, cell.number_format)
        if (r, c) in merges:
            item.r2, item.c2 = merges[(r, c)]
        else:
            item.r2, item.c2 = r, c
        if item.text or st.fill or any(st.borders):
            cells[(r, c)] = item

    # rows without a custom height grow to their largest font; wrapped text grows any row
    for (r, c), item in cells.items():
        if not item.text or heights.get(r, 0) == 0:
            continue
        st = item.style
        if r not in custom and st.size * LINE > heights[r]:
            heights[r] = round(st.size * LINE * 4) / 4
        if st.wrap and item.r2 == r:
            width = sum(widths.get(cc, 0) for cc in range(c, item.c2 + 1))
            lines = fonts.wrap(item.text, max(1.0, width - 2 * PAD_X - st.indent * 3 * mdw * 0.75),
                               st.size, st.family, st.bold, st.italic)
            need = len(lines) * st.size * LINE + 2 * PAD_Y
            if need > heights[r]:
                heights[r] = need

    layout = _SheetLayout(ws=ws, page_w=page_w, page_h=page_h, margins=margins, scale=1.0,
                          widths=widths, heights=heights, cells=cells, merges=merges,
                          covered=covered, area=(c1, r1, c2, r2))
    layout.edges = _edges(cells, merges, covered)
    po = ws.print_options
    layout.hcenter = bool(po.horizontalCentered)
    layout.vcenter = bool(po.verticalCentered)
    layout.gridlines = bool(po.gridLines)
    if not cells and not ws._images:
        return None
    _paginate(layout)
    return layout


def _edges(cells, merges, covered) -> dict[tuple[int, int], tuple]:
    """Per cell, the border edges it draws: (side, look, merge_row). An edge inside a merged
    range is dropped; a top/bottom edge that is inside its range (merge_row set) is drawn
    only where a page break cuts the range and that row ends up first/last on the page."""
    out: dict[tuple[int, int], tuple] = {}
    for (row, col), item in cells.items():
        borders = item.style.borders
        if not any(borders):
            continue
        anchor = covered.get((row, col), (row, col))
        ar2, ac2 = merges.get(anchor, (row, col))
        edges = []
        for side in borders:
            if side is None:
                continue
            name, width, dash, color, double = side
            key = (width, dash, color, double)
            if name == "left":
                if col == anchor[1]:
                    edges.append((name, key, None))
            elif name == "right":
                if col == ac2:
                    edges.append((name, key, None))
            elif name == "top":
                edges.append((name, key, None if row == anchor[0] else anchor[0]))
            else:
                edges.append((name, key, None if row == ar2 else ar2))
        if edges:
            out[(row, col)] = tuple(edges)
    return out


_DEFAULT_STYLE = _Style(11.0, "narrow", False, False, False, (0, 0, 0), "general", "bottom",
                        False, False, 0.0, None, (None, None, None, None))


def _title_rows(ws, r1: int, r2: int) -> list[int]:
    titles = ws.print_title_rows
    if not titles:
        return []
    try:
        first, last = (int(x.replace("$", "")) for x in str(titles).split(":"))
    except ValueError:
        return []
    return list(range(first, last + 1))


def _paginate(layout: _SheetLayout) -> None:
    ws = layout.ws
    c1, r1, c2, r2 = layout.area
    l, r, t, b, _h, _f = layout.margins
    avail_w = max(10.0, layout.page_w - l - r)
    avail_h = max(10.0, layout.page_h - t - b)
    cols = [c for c in range(c1, c2 + 1) if layout.widths.get(c, 0) > 0]
    rows = [rr for rr in range(r1, r2 + 1) if layout.heights.get(rr, 0) > 0]
    content_w = sum(layout.widths[c] for c in cols) or 1.0
    content_h = sum(layout.heights[rr] for rr in rows) or 1.0
    ps = ws.page_setup
    scale = (float(ps.scale) if ps.scale else 100.0) / 100
    props = ws.sheet_properties.pageSetUpPr
    if props is not None and props.fitToPage:
        fw = 1 if ps.fitToWidth is None else int(ps.fitToWidth)
        fh = 1 if ps.fitToHeight is None else int(ps.fitToHeight)
        scale = 1.0
        if fw:
            scale = min(scale, fw * avail_w / content_w)
        if fh:
            scale = min(scale, fh * avail_h / content_h)
    scale = max(0.1, min(4.0, scale))
    layout.scale = scale
    avail_w /= scale
    avail_h /= scale

    col_breaks = {brk.id for brk in (getattr(ws.col_breaks, "brk", None) or [])}
    row_breaks = {brk.id for brk in (getattr(ws.row_breaks, "brk", None) or [])}

    bands: list[list[int]] = []
    band: list[int] = []
    used = 0.0
    for c in cols:
        w = layout.widths[c]
        if band and (used + w > avail_w + 0.01 or (c - 1) in col_breaks):
            bands.append(band)
            band, used = [], 0.0
        band.append(c)
        used += w
    bands.append(band)

    titles = [rr for rr in _title_rows(ws, r1, r2) if layout.heights.get(rr, 0) > 0]
    title_h = sum(layout.heights[rr] for rr in titles)
    title_last = titles[-1] if titles else 0
    vmerge_end = {}
    for (ar, _ac), (er, _ec) in layout.merges.items():
        if er > ar:
            vmerge_end[ar] = max(vmerge_end.get(ar, ar), er)

    row_pages: list[tuple[list[int], list[int]]] = []
    page: list[int] = []
    used = 0.0
    cap = avail_h
    for i, rr in enumerate(rows):
        h = layout.heights[rr]
        need = h
        if rr in vmerge_end:
            need = sum(layout.heights.get(x, 0) for x in range(rr, vmerge_end[rr] + 1))
            if need > cap:
                need = h
        if page and (used + need > cap + 0.01 or (rr - 1) in row_breaks):
            row_pages.append((page, titles if page[0] > title_last and titles else []))
            page, used = [], 0.0
        if not page:
            cap = avail_h - (title_h if titles and rr > title_last and title_h < avail_h * 0.7
                             else 0)
        page.append(rr)
        used += h
    if page:
        row_pages.append((page, titles if page[0] > title_last and titles else []))
    layout.pages = [_Page(rows=rp, cols=bd, titles=tt) for bd in bands for rp, tt in row_pages]


# ------------------------------------------------------------------ drawing

def _rgb_op(color, op: str) -> str:
    return f"{color[0]:.3f} {color[1]:.3f} {color[2]:.3f} {op}"


class _Painter:
    """Writes page content as raw PDF operators (reportlab's per-call API costs too much
    for thousands of cells); fonts are still registered and encoded by reportlab."""

    def __init__(self, canvas: Canvas, fonts: FontSet):
        self.c = canvas
        self.fonts = fonts
        self.images: dict[int, ImageReader] = {}
        self.ops: list[str] = []
        self._scratch = canvas.beginText()
        self._encoded: dict[tuple[str, float, str], str] = {}
        self._fill: tuple | None = None

    def flush(self) -> None:
        if self.ops:
            self.c.addLiteral("\n".join(self.ops))
            self.ops = []
        self._fill = None

    def set_fill(self, color) -> None:
        if color != self._fill:
            self.ops.append(_rgb_op(color, "rg"))
            self._fill = color

    def _encode(self, font: str, size: float, text: str) -> str:
        key = (font, size, text)
        ops = self._encoded.get(key)
        if ops is None:
            info = pdfmetrics.getFont(font)
            if info._dynamicFont:
                t = self._scratch
                t.setFont(font, size)
                t._curSubset = -1  # always select the subset: runs are cached out of order
                ops = t._formatText(text)
                t._code = []
            elif info._multiByte:
                ops = f"{self.c._doc.getInternalFontName(font)} {size:.2f} Tf " \
                      f"({info.formatForPdf(text)}) Tj"
            else:  # base-14 faces take WinAnsi bytes (only cp1252 text is routed to them)
                ops = f"{self.c._doc.getInternalFontName(font)} {size:.2f} Tf " \
                      f"({escapePDF(text.encode('cp1252'))}) Tj"
            if len(self._encoded) < 100_000:
                self._encoded[key] = ops
        return ops

    def text_line(self, x: float, y: float, text: str, st: _Style, size: float,
                  char_space: float = 0.0) -> float:
        """One line with its baseline at y (call between begin_text/end_text)."""
        runs = self.fonts.runs(text, st.family, st.bold, st.italic)
        ops = self.ops
        self.set_fill(st.color)
        line = [f"BT 1 0 0 1 {x:.2f} {y:.2f} Tm"]
        if char_space:
            line.append(f"{char_space:.3f} Tc")
        width = 0.0
        for run in runs:
            if run.fake_bold:
                line.append(f"{_rgb_op(st.color, 'RG')} {size * 0.035:.3f} w 2 Tr")
            else:
                line.append("0 Tr")
            line.append(f"{run.hscale * 100:.0f} Tz")
            line.append(self._encode(run.font, size, run.text))
            width += run.width * size
        if char_space:
            line.append("0 Tc")
        line.append("ET")
        ops.append(" ".join(line))
        width += char_space * max(0, len(text) - 1)
        if st.underline:
            uy = y - size * 0.12
            ops.append(f"{_rgb_op(st.color, 'RG')} {max(0.4, size * 0.05):.2f} w [] 0 d "
                       f"{x:.2f} {uy:.2f} m {x + width:.2f} {uy:.2f} l S")
        return width


def _draw_page(p: _Painter, layout: _SheetLayout, page: _Page, page_no: int, page_count: int,
               doc_name: str) -> None:
    c = p.c
    ws = layout.ws
    s = layout.scale
    l, r, t, b, hm, fm = layout.margins
    c.setPageSize((layout.page_w, layout.page_h))

    rows = page.titles + page.rows
    xs: dict[int, float] = {}
    x = 0.0
    for col in page.cols:
        xs[col] = x
        x += layout.widths[col]
    total_w = x
    ys: dict[int, float] = {}
    y = 0.0
    for row in rows:
        ys[row] = y
        y += layout.heights[row]
    total_h = y
    ox = l + ((layout.page_w - l - r - total_w * s) / 2 if layout.hcenter else 0)
    oy = layout.page_h - t - ((layout.page_h - t - b - total_h * s) / 2 if layout.vcenter else 0)

    c.saveState()
    c.translate(ox, oy)
    c.scale(s, s)
    col_set = set(page.cols)
    row_list = rows

    def box(row: int, col: int, r2: int, c2: int):
        """Visible part of the cell (or merged range) on this page: x, y_top, w, h."""
        x0 = xs[col]
        w = sum(layout.widths[cc] for cc in range(col, c2 + 1) if cc in col_set)
        y0 = ys[row]
        h = sum(layout.heights[rr] for rr in range(row, r2 + 1) if rr in ys)
        return x0, y0, w, h

    # which cells show on this page (merged ranges whose anchor is elsewhere show their part)
    items: list[tuple[_Cell, float, float, float, float, bool]] = []
    seen_anchor: set[tuple[int, int]] = set()
    for row in row_list:
        for col in page.cols:
            key = (row, col)
            anchor = layout.covered.get(key)
            if anchor is not None:
                if anchor in seen_anchor:
                    continue
                src = layout.cells.get(anchor)
                seen_anchor.add(anchor)
                ar2, ac2 = layout.merges[anchor]
                if src is None:
                    continue
                bx = box(row, col, ar2, ac2)
                items.append((src, *bx, False))
                continue
            item = layout.cells.get(key)
            if item is None:
                continue
            if key in layout.merges:
                seen_anchor.add(key)
            items.append((item, *box(row, col, item.r2, item.c2), True))

    # fills
    fills: dict[tuple, list] = {}
    for item, x0, y0, w, h, _own in items:
        if item.style.fill:
            fills.setdefault(item.style.fill, []).append((x0, y0, w, h))
    ops = p.ops
    for color, rects in fills.items():
        ops.append(_rgb_op(color, "rg"))
        ops.append(" ".join(f"{x0:.2f} {-(y0 + h):.2f} {w:.2f} {h:.2f} re"
                            for x0, y0, w, h in rects) + " f")

    if layout.gridlines:
        segs = [f"0 {-ys[row]:.2f} m {total_w:.2f} {-ys[row]:.2f} l" for row in row_list]
        segs.append(f"0 {-total_h:.2f} m {total_w:.2f} {-total_h:.2f} l")
        segs += [f"{xs[col]:.2f} 0 m {xs[col]:.2f} {-total_h:.2f} l" for col in page.cols]
        segs.append(f"{total_w:.2f} 0 m {total_w:.2f} {-total_h:.2f} l")
        ops.append("0.75 0.75 0.75 RG 0.25 w [] 0 d " + " ".join(segs) + " S")

    # text (inside q … Q: text state such as the render mode must not leak)
    mdw_pt = max_digit_width(ws.parent) * 0.75
    ops.append("q")
    p._fill = None
    for item, x0, y0, w, h, own in items:
        if item.text and w > 0 and h > 0:
            _draw_text(p, layout, item, x0, y0, w, h, xs, page, mdw_pt)
    p.ops.append("Q")
    p._fill = None
    ops = p.ops

    # borders (deduplicated, batched by look); edges inside a merged range are skipped
    segments: dict[tuple, set] = {}
    first_row, last_row = row_list[0], row_list[-1]
    for row in row_list:
        y0 = ys[row]
        h = layout.heights[row]
        for col in page.cols:
            edges = layout.edges.get((row, col))
            if not edges:
                continue
            x0 = xs[col]
            w = layout.widths[col]
            for name, key, merge_row in edges:
                if name == "top":
                    if merge_row is not None and not (merge_row not in ys and row == first_row):
                        continue
                    seg = (x0, y0, x0 + w, y0)
                elif name == "bottom":
                    if merge_row is not None and not (merge_row not in ys and row == last_row):
                        continue
                    seg = (x0, y0 + h, x0 + w, y0 + h)
                elif name == "left":
                    seg = (x0, y0, x0, y0 + h)
                else:
                    seg = (x0 + w, y0, x0 + w, y0 + h)
                bucket = segments.get(key)
                if bucket is None:
                    bucket = segments[key] = set()
                bucket.add(seg)
    for (width, dash, color, double), segs in segments.items():
        lw = width / s if s < 1 and width <= 0.5 else width
        dash_op = "[" + " ".join(f"{d:.2f}" for d in dash) + "] 0 d" if dash else "[] 0 d"
        parts = [f"{_rgb_op(color, 'RG')} {lw:.2f} w {dash_op}"]
        for x1, y1, x2, y2 in segs:
            if double:
                dx, dy = (0.6, 0) if x1 == x2 else (0, 0.6)
                parts.append(f"{x1 - dx:.2f} {-(y1 - dy):.2f} m {x2 - dx:.2f} {-(y2 - dy):.2f} l "
                             f"{x1 + dx:.2f} {-(y1 + dy):.2f} m {x2 + dx:.2f} {-(y2 + dy):.2f} l")
            else:
                parts.append(f"{x1:.2f} {-y1:.2f} m {x2:.2f} {-y2:.2f} l")
        parts.append("S")
        ops.append(" ".join(parts))
    ops.append("[] 0 d")
    p.flush()

    _draw_images(p, layout, page, xs, ys)
    c.restoreState()
    _draw_header_footer(p, layout, page_no, page_count, doc_name)


def _draw_text(p: _Painter, layout: _SheetLayout, item: _Cell, x0: float, y0: float, w: float,
               h: float, xs: dict[int, float], page: _Page, mdw_pt: float) -> None:
    c = p.c
    fonts = p.fonts
    st = item.style
    size = st.size
    indent = st.indent * 3 * mdw_pt
    halign = st.halign
    if halign == "general":
        halign = "right" if item.numeric else "left"
    if halign in ("fill", "justify"):
        halign = "left"
    if halign == "centerContinuous":
        halign = "center"
    avail = max(1.0, w - 2 * PAD_X - indent)
    text = item.text
    if st.wrap:
        lines = fonts.wrap(text, avail, size, st.family, st.bold, st.italic)
    else:
        lines = [text.replace("\r", "").replace("\n", " ")]
        width = fonts.width(lines[0], size, st.family, st.bold, st.italic)
        if width > avail and (st.shrink or item.numeric):
            size = max(3.0, size * avail / width)
        elif width > avail and (item.r2, item.c2) == (item.row, item.col):
            # text spills into empty neighbours, as on screen
            extra_right = extra_left = 0.0
            need = width - avail
            if halign in ("left", "center", "distributed"):
                cc = item.col + 1
                while need > extra_right and cc in xs and _empty(layout, item.row, cc):
                    extra_right += layout.widths[cc]
                    cc += 1
            if halign in ("right", "center"):
                cc = item.col - 1
                while need > extra_left and cc in xs and _empty(layout, item.row, cc):
                    extra_left += layout.widths[cc]
                    cc -= 1
            if halign == "center":
                grow = min(extra_left, extra_right, need / 2)
                x0, w = x0 - grow, w + 2 * grow
            else:
                x0, w = x0 - extra_left, w + extra_left + extra_right
            avail = max(1.0, w - 2 * PAD_X - indent)
    line_h = size * LINE
    block_h = line_h * len(lines)
    valign = st.valign
    if valign in ("top",):
        top = y0 + PAD_Y
    elif valign in ("center", "justify", "distributed"):
        top = y0 + (h - block_h) / 2
    else:
        top = y0 + h - PAD_Y - block_h
    widths = [fonts.width(line, size, st.family, st.bold, st.italic) for line in lines]
    clip = block_h > h + 0.5 or any(lw > avail + 0.5 for lw in widths)
    if clip:
        p.ops.append(f"q {x0:.2f} {-(y0 + h):.2f} {w:.2f} {h:.2f} re W n")
        p._fill = None
    for i, (line, lw) in enumerate(zip(lines, widths)):
        if not line:
            continue
        baseline = top + i * line_h + line_h / 2 + size * 0.33
        char_space = 0.0
        if halign == "distributed" and len(line) > 1 and lw < avail:
            char_space = (avail - lw) / (len(line) - 1)
            x = x0 + PAD_X + indent
        elif halign == "right":
            x = x0 + w - PAD_X - lw - indent
        elif halign == "center":
            x = x0 + (w - lw) / 2
        else:
            x = x0 + PAD_X + indent
        p.text_line(x, -baseline, line, st, size, char_space)
    if clip:
        p.ops.append("Q")
        p._fill = None


def _empty(layout: _SheetLayout, row: int, col: int) -> bool:
    if (row, col) in layout.covered or (row, col) in layout.merges:
        return False
    item = layout.cells.get((row, col))
    return item is None or not item.text


EMU_PT = 12700.0


def _draw_images(p: _Painter, layout: _SheetLayout, page: _Page, xs, ys) -> None:
    ws = layout.ws
    for img in getattr(ws, "_images", []):
        anchor = img.anchor
        try:
            if isinstance(anchor, str):
                col, row = range_boundaries(anchor)[:2]
                dx = dy = 0.0
                w, h = img.width * 0.75, img.height * 0.75
            else:
                start = getattr(anchor, "_from", None)
                if start is None:
                    continue  # absolute anchors are not tied to rows
                col, row = start.col + 1, start.row + 1
                dx, dy = start.colOff / EMU_PT, start.rowOff / EMU_PT
                end = getattr(anchor, "to", None)
                if end is not None:
                    ec, er = end.col + 1, end.row + 1
                    if ec not in xs or er not in ys:
                        w = sum(layout.widths.get(cc, 0) for cc in range(col, ec)) + \
                            end.colOff / EMU_PT - dx
                        h = sum(layout.heights.get(rr, 0) for rr in range(row, er)) + \
                            end.rowOff / EMU_PT - dy
                    else:
                        w = xs[ec] + end.colOff / EMU_PT - xs[col] - dx
                        h = ys[er] + end.rowOff / EMU_PT - ys[row] - dy
                else:
                    ext = anchor.ext
                    w, h = ext.width / EMU_PT, ext.height / EMU_PT
        except (AttributeError, TypeError, ValueError):
            continue
        if col not in xs or row not in ys or row in page.titles and row not in page.rows:
            if not (row in page.titles and col in xs):
                continue
        x = xs[col] + dx
        y = ys[row] + dy
        code = getattr(img, "qianli_code", None)
        if code is not None:
            renderPDF.draw(code_drawing(code[0], code[1], w, h), p.c, x, -(y + h))
            continue
        data = _image_bytes(img)
        if data is None:
            continue
        reader = _READERS.get(data)
        if reader is None:
            reader = ImageReader(io.BytesIO(data))
            if len(_READERS) > 64:
                _READERS.clear()
            _READERS[data] = reader
        p.c.drawImage(reader, x, -(y + h), w, h, mask="auto")


_READERS: dict[bytes, ImageReader] = {}


def _image_bytes(img) -> bytes | None:
    """The picture's file bytes without consuming openpyxl's reference (saving needs it)."""
    ref = img.ref
    try:
        if hasattr(ref, "getvalue"):
            return ref.getvalue()
        if isinstance(ref, (str, os.PathLike)):
            with open(ref, "rb") as fh:
                return fh.read()
        fp = getattr(ref, "fp", None)  # a PIL image
        if fp is not None and hasattr(fp, "getvalue"):
            return fp.getvalue()
        buf = io.BytesIO()
        ref.save(buf, format="PNG")
        return buf.getvalue()
    except (OSError, ValueError, AttributeError):
        return None


def _hf_text(text: str, page_no: int, page_count: int, sheet: str, doc_name: str) -> str:
    import datetime as _dt
    import re
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch != "&" or i + 1 >= len(text):
            out.append(ch)
            i += 1
            continue
        code = text[i + 1]
        if code == "&":
            out.append("&")
            i += 2
        elif code == "P":
            out.append(str(page_no))
            i += 2
        elif code == "N":
            out.append(str(page_count))
            i += 2
        elif code == "D":
            out.append(_dt.date.today().isoformat())
            i += 2
        elif code == "T":
            out.append(_dt.datetime.now().strftime("%H:%M"))
            i += 2
        elif code == "A":
            out.append(sheet)
            i += 2
        elif code in "FZ":
            out.append(doc_name)
            i += 2
        elif code == '"':
            j = text.find('"', i + 2)
            i = len(text) if j < 0 else j + 1
        elif code == "K":
            i += 8
        elif code.isdigit():
            m = re.match(r"\d+", text[i + 1:])
            i += 1 + len(m.group())
        else:
            i += 2  # &B &I &U &S &X &Y &E &G: styling we do not reproduce
    return "".join(out)


def _draw_header_footer(p: _Painter, layout: _SheetLayout, page_no: int, page_count: int,
                        doc_name: str) -> None:
    ws = layout.ws
    l, r, _t, _b, hm, fm = layout.margins
    p.ops.append("q")
    p._fill = None
    _draw_hf_parts(p, layout, page_no, page_count, doc_name)
    p.ops.append("Q")
    p.flush()


def _draw_hf_parts(p: _Painter, layout: _SheetLayout, page_no: int, page_count: int,
                   doc_name: str) -> None:
    ws = layout.ws
    l, r, _t, _b, hm, fm = layout.margins
    hf = ws.HeaderFooter
    first = bool(getattr(hf, "differentFirst", False)) and page_no == 1
    even = bool(getattr(hf, "differentOddEven", False)) and page_no % 2 == 0
    header = ws.firstHeader if first else ws.evenHeader if even else ws.oddHeader
    footer = ws.firstFooter if first else ws.evenFooter if even else ws.oddFooter
    for hf_item, is_header in ((header, True), (footer, False)):
        if hf_item is None:
            continue
        for part_name in ("left", "center", "right"):
            part = getattr(hf_item, part_name, None)
            if part is None or not part.text:
                continue
            text = _hf_text(part.text, page_no, page_count, ws.title, doc_name)
            size = float(part.size or 10)
            font_name = (part.font or "").split(",")
            style = font_name[1].lower() if len(font_name) > 1 else ""
            st = _Style(size, font_family(font_name[0] or "Calibri"), "bold" in style,
                        "italic" in style, False, _rgb_tuple(part.color, (0, 0, 0)), "left",
                        "top", False, False, 0, None, (None, None, None, None))
            lines = text.split("\n")
            for i, line in enumerate(lines):
                if is_header:
                    y = layout.page_h - hm - size * (0.85 + i * 1.2)
                else:
                    y = fm + size * 0.25 + (len(lines) - 1 - i) * size * 1.2
                width = p.fonts.width(line, size, st.family, st.bold, st.italic)
                if part_name == "left":
                    x = l
                elif part_name == "center":
                    x = (layout.page_w - width) / 2
                else:
                    x = layout.page_w - r - width
                p.text_line(x, y, line, st, size)


def layout_pages(workbook, font=None) -> list[tuple[str, float, float, int]]:
    """(sheet, page width, page height, rows on page) for each page — for previews/tests."""
    fonts = font_set(font)
    evaluator = FormulaEvaluator(workbook)
    out = []
    cache: dict = {}
    for ws in _printable_sheets(workbook):
        layout = _layout_sheet(ws, fonts, evaluator, cache)
        if layout is None:
            continue
        for page in layout.pages:
            out.append((ws.title, layout.page_w, layout.page_h, len(page.rows)))
    return out


def _printable_sheets(workbook) -> list:
    return [ws for ws in workbook.worksheets if ws.sheet_state == "visible"]


def _render_workbook(canvas: Canvas, painter: _Painter, workbook, fonts: FontSet,
                     doc_name: str) -> int:
    evaluator = FormulaEvaluator(workbook)
    cache: dict = {}
    layouts = [lay for lay in (_layout_sheet(ws, fonts, evaluator, cache)
                               for ws in _printable_sheets(workbook)) if lay is not None]
    total = sum(len(lay.pages) for lay in layouts)
    page_no = 0
    for lay in layouts:
        for page in lay.pages:
            page_no += 1
            _draw_page(painter, lay, page, page_no, total, doc_name)
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
    painter = _Painter(canvas, fonts)
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
    painter = _Painter(canvas, fonts)
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
