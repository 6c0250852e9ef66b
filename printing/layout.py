"""Laying a sheet out for print: page setup, column widths, row heights, cells, pages.

Everything here is measured in points of the sheet at 100 %; the painter scales it. Pages
run down, then over (Excel's default order); print title rows are reserved on every page
after the one where they first print.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from openpyxl.utils.cell import range_boundaries

from printing.fonts import FontSet
from printing.formula import ExcelError, FormulaEvaluator, parse_ref
from printing.geometry import (color_rgb, column_widths, default_row_height, font_family,
                               max_digit_width)
from printing.numfmt import format_value

__all__ = ["PAPER_SIZES", "DEFAULT_PAPER", "LINE", "PAD_X", "PAD_Y", "Style", "CellBox", "Page",
           "SheetLayout", "layout_sheet", "rgb_tuple"]

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


@dataclass(frozen=True)
class Style:
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
class CellBox:
    row: int
    col: int
    style: Style
    text: str = ""
    numeric: bool = False
    r2: int = 0
    c2: int = 0


@dataclass
class Page:
    rows: list[int]
    cols: list[int]
    titles: list[int]


@dataclass
class SheetLayout:
    ws: Any
    page_w: float
    page_h: float
    margins: tuple[float, float, float, float, float, float]  # l, r, t, b, header, footer
    scale: float
    widths: dict[int, float]
    heights: dict[int, float]
    cells: dict[tuple[int, int], CellBox]
    merges: dict[tuple[int, int], tuple[int, int]]  # anchor -> (r2, c2)
    covered: dict[tuple[int, int], tuple[int, int]]  # cell -> anchor
    pages: list[Page] = field(default_factory=list)
    hcenter: bool = False
    vcenter: bool = False
    gridlines: bool = False
    area: tuple[int, int, int, int] = (1, 1, 1, 1)
    edges: dict = field(default_factory=dict)


def rgb_tuple(hex6: str | None, default=(0.0, 0.0, 0.0)):
    if not hex6:
        return default
    try:
        return tuple(int(hex6[i:i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return default


def _style_of(cell, cache: dict) -> Style:
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
        fill_rgb = rgb_tuple(hexc, None) if hexc else None
    sides = []
    for side_name in ("left", "right", "top", "bottom"):
        side = getattr(border, side_name, None)
        style = getattr(side, "style", None) if side is not None else None
        if style and style in _BORDER:
            width, dash = _BORDER[style]
            sides.append((side_name, width, dash, rgb_tuple(color_rgb(side.color, "000000")),
                          style == "double"))
        else:
            sides.append(None)
    st = Style(
        size=float(font.sz or 11), family=font_family(font.name), bold=bool(font.b),
        italic=bool(font.i), underline=bool(font.u) and font.u != "none",
        color=rgb_tuple(color_rgb(font.color, "000000")),
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


def layout_sheet(ws, fonts: FontSet, evaluator: FormulaEvaluator,
                  style_cache: dict) -> SheetLayout | None:
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

    cells: dict[tuple[int, int], CellBox] = {}
    title = ws.title
    for (r, c), cell in ws._cells.items():
        if r < r1 or r > r2 or c < c1 or c > c2:
            continue
        st = _style_of(cell, style_cache) if cell.has_style else _DEFAULT_STYLE
        item = CellBox(r, c, st)
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

    layout = SheetLayout(ws=ws, page_w=page_w, page_h=page_h, margins=margins, scale=1.0,
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
    plain: dict[tuple, tuple] = {}  # a cell outside any merge: its edges are its borders
    for (row, col), item in cells.items():
        borders = item.style.borders
        if not any(borders):
            continue
        if (row, col) not in covered and (row, col) not in merges:
            edges = plain.get(borders)
            if edges is None:
                edges = plain[borders] = tuple(
                    (side[0], side[1:], None) for side in borders if side is not None)
            if edges:
                out[(row, col)] = edges
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


_DEFAULT_STYLE = Style(11.0, "narrow", False, False, False, (0, 0, 0), "general", "bottom",
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


def _paginate(layout: SheetLayout) -> None:
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
    layout.pages = [Page(rows=rp, cols=bd, titles=tt) for bd in bands for rp, tt in row_pages]
