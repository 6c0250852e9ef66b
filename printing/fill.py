"""Filling a validated template with a document's data (openpyxl).

Every sheet is rebuilt row by row: rows outside blocks are copied, the ``{% for %}`` body
once per line item, ``{% if %}`` rows when their condition holds, and marker rows dropped.
Copied rows keep their cells' styles and their heights. Everything that points at rows —
merged ranges, formulas (in every sheet and in defined names), the print area, print title
rows, manual page breaks and pictures — is moved through the same row map, so a ``SUM`` over
the template's line rows sums every generated line and references below the block shift.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as _dt
import io
from collections import ChainMap, defaultdict
from copy import copy
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Mapping

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.drawing.image import Image as XLImage
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, OneCellAnchor
from openpyxl.drawing.xdr import XDRPositiveSize2D
from openpyxl.utils.cell import get_column_letter, range_boundaries
from openpyxl.utils.units import pixels_to_EMU
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.merge import MergedCellRange

from printing.codes import code_png
from printing.expr import evaluate, truthy
from printing.filters import CodeImage, FilterError, Formatted, apply_filter, to_text
from printing.formula import parse_ref, translate_formula
from printing.geometry import column_widths, default_row_height, max_digit_width
from printing.template import ForNode, IfNode, RowNode, SheetPlan, Template

__all__ = ["fill", "FillError", "LoopInfo", "make_scope"]


class FillError(ValueError):
    """The data does not fit the template (e.g. the loop list is not a list)."""


@dataclass(frozen=True)
class LoopInfo:
    index: int
    index0: int
    first: bool
    last: bool
    length: int
    revindex: int


@dataclass
class _OutRow:
    trow: int
    scope: Mapping[str, Any]
    iteration: int | None


class _RowMap:
    """Where each template row ended up (0, 1 or many output rows)."""

    def __init__(self, out_rows: list[_OutRow], max_trow: int, body_rows: set[int]):
        self.by_trow: dict[int, list[int]] = defaultdict(list)
        self.by_iter: dict[tuple[int, int], int] = {}
        for i, orow in enumerate(out_rows, start=1):
            self.by_trow[orow.trow].append(i)
            if orow.iteration is not None:
                self.by_iter[(orow.iteration, orow.trow)] = i
        self.trows = sorted(self.by_trow)
        self.max_trow = max_trow
        self.shift = len(out_rows) - max_trow
        self.body_rows = body_rows
        self.identity = self.shift == 0 and all(
            v == [k] for k, v in self.by_trow.items()) and not body_rows

    def rows(self, first: int, last: int) -> tuple[int, int] | None:
        """First and last output row generated from template rows first..last."""
        lo = hi = None
        i = bisect.bisect_left(self.trows, first)
        j = bisect.bisect_right(self.trows, last)
        if i < j:
            lo = self.by_trow[self.trows[i]][0]
            hi = self.by_trow[self.trows[j - 1]][-1]
        if last > self.max_trow:  # rows beyond the template's content move with the block
            beyond_lo = max(first, self.max_trow + 1) + self.shift
            hi = last + self.shift
            lo = beyond_lo if lo is None else lo
        if lo is None:
            return None
        return lo, hi

    def in_iteration(self, iteration: int, first: int, last: int) -> tuple[int, int] | None:
        rows = [self.by_iter[(iteration, r)] for r in range(first, last + 1)
                if (iteration, r) in self.by_iter]
        return (min(rows), max(rows)) if rows else None


def make_scope(context: Any) -> dict[str, Any]:
    """Top-level names of a context (mapping or dataclass/object) plus today/now."""
    if context is None:
        scope: dict[str, Any] = {}
    elif isinstance(context, Mapping):
        scope = dict(context)
    elif dataclasses.is_dataclass(context):
        scope = {f.name: getattr(context, f.name) for f in dataclasses.fields(context)}
    else:
        scope = {k: v for k, v in vars(context).items() if not k.startswith("_")}
    scope.setdefault("today", _dt.date.today())
    scope.setdefault("now", _dt.datetime.now().replace(microsecond=0))
    return scope


def _expand(nodes: list, scope: Mapping[str, Any], iteration: int | None,
            out: list[_OutRow], sheet: str) -> None:
    for node in nodes:
        if isinstance(node, RowNode):
            out.append(_OutRow(node.row, scope, iteration))
        elif isinstance(node, ForNode):
            items = evaluate(node.iterable, scope, apply_filter)
            if items is None:
                items = []
            if isinstance(items, (str, bytes, Mapping)) or not hasattr(items, "__iter__"):
                raise FillError(f"{sheet}: '{node.iterable.dotted}' is not a list "
                                f"(got {type(items).__name__})")
            items = list(items)
            n = len(items)
            for i, item in enumerate(items):
                inner = ChainMap({node.var: item,
                                  "loop": LoopInfo(i + 1, i, i == 0, i == n - 1, n, n - i)},
                                 scope)
                _expand(node.body, inner, i, out, sheet)
        elif isinstance(node, IfNode):
            chosen = node.then if truthy(evaluate(node.condition, scope, apply_filter)) \
                else node.otherwise
            _expand(chosen, scope, iteration, out, sheet)


def _body_rows(plan: SheetPlan | None) -> set[int]:
    if plan is None or plan.loop is None:
        return set()
    return set(range(plan.loop.start + 1, plan.loop.end))


def _cell_value(template_cell, scope) -> tuple[Any, str | None]:
    """(value, number format to set or None)."""
    single = template_cell.single
    if single is not None:
        value = evaluate(single, scope, apply_filter)
        if isinstance(value, Formatted):
            return value.value, value.number_format
        if isinstance(value, (CodeImage, str, int, float, Decimal, _dt.date, _dt.time,
                              bool)) or value is None:
            return value, None
        return to_text(value), None
    pieces = []
    for part in template_cell.parts:
        if isinstance(part, str):
            pieces.append(part)
        else:
            pieces.append(to_text(evaluate(part, scope, apply_filter)))
    return "".join(pieces), None


def fill(template: Template, context: Any) -> Any:
    """A new workbook: ``template`` filled with ``context`` (the template is left as it was)."""
    wb = template.workbook()
    scope = make_scope(context)
    expansions: dict[str, list[_OutRow]] = {}
    maps: dict[str, _RowMap] = {}
    for ws in wb.worksheets:
        plan = template.sheets.get(ws.title)
        out: list[_OutRow] = []
        if plan is not None and plan.has_blocks:
            _expand(plan.nodes, scope, None, out, ws.title)
        else:
            out = [_OutRow(r, scope, None) for r in range(1, ws.max_row + 1)]
        expansions[ws.title] = out
        maps[ws.title] = _RowMap(out, ws.max_row, _body_rows(plan))
    any_moved = not all(m.identity for m in maps.values())
    for ws in wb.worksheets:
        _rebuild_sheet(ws, template.sheets.get(ws.title), expansions[ws.title], maps,
                       any_moved, scope)
    if any_moved:
        _move_defined_names(wb, maps)
    return wb


def _mapper_for(maps: dict[str, _RowMap], own: str, iteration: int | None):
    own_map = maps[own]

    def mapper(sheet: str | None, first: int, last: int, single: bool):
        m = maps.get(sheet or own)
        if m is None:
            return first, last
        same = (sheet or own) == own
        if same and iteration is not None and first in own_map.body_rows and \
                last in own_map.body_rows:
            return own_map.in_iteration(iteration, first, last)
        rows = m.rows(first, last)
        if rows is None:
            return None
        return (rows[0], rows[0]) if single else rows
    return mapper


def _rebuild_sheet(ws, plan: SheetPlan | None, out_rows: list[_OutRow],
                   maps: dict[str, _RowMap], any_moved: bool, doc_scope) -> None:
    rmap = maps[ws.title]
    moved = not rmap.identity
    cells_by_row: dict[int, list] = defaultdict(list)
    for (r, _c), cell in ws._cells.items():
        cells_by_row[r].append(cell)
    template_cells = plan.cells if plan is not None else {}
    codes: list[tuple[int, int, CodeImage]] = []

    if True:  # always: the copy of the template shares its cells with the pristine parse
        old_dims = dict(ws.row_dimensions)
        new_cells: dict[tuple[int, int], Any] = {}
        for out_r, orow in enumerate(out_rows, start=1):
            mapper = None
            for src in cells_by_row.get(orow.trow, ()):
                col = src.column
                if isinstance(src, MergedCell):
                    new = MergedCell(ws, row=out_r, column=col)
                    new._style = copy(src._style)
                    new_cells[(out_r, col)] = new
                    continue
                new = Cell(ws, row=out_r, column=col)
                new._style = copy(src._style)
                tcell = template_cells.get((orow.trow, col))
                if tcell is not None:
                    try:
                        value, number_format = _cell_value(tcell, orow.scope)
                    except FilterError as exc:
                        raise FillError(f"{ws.title}!{get_column_letter(col)}{out_r} (template "
                                        f"row {orow.trow}): {exc}") from None
                    if isinstance(value, CodeImage):
                        codes.append((out_r, col, value))
                        value = None
                    new.value = value
                    if isinstance(value, str) and value.startswith("="):
                        new.data_type = "s"  # data never becomes a formula
                    if number_format:
                        new.number_format = number_format
                elif src.data_type == "f" and isinstance(src.value, str) and any_moved:
                    if mapper is None:
                        mapper = _mapper_for(maps, ws.title, orow.iteration)
                    new.value = translate_formula(src.value, mapper)
                else:
                    new._value = src._value
                    new.data_type = src.data_type
                if src.hyperlink is not None:
                    new.hyperlink = copy(src.hyperlink)
                if src.comment is not None and orow.iteration in (None, 0):
                    new.comment = copy(src.comment)
                new_cells[(out_r, col)] = new
        ws._cells = new_cells
        if moved:
            ws.row_dimensions.clear()
            for out_r, orow in enumerate(out_rows, start=1):
                dim = old_dims.get(orow.trow)
                if dim is not None:
                    # a field-for-field copy: Dimension.__copy__ re-runs every descriptor
                    # (6× slower, and there is one per line of a long note)
                    nd = object.__new__(type(dim))
                    nd.__dict__.update(dim.__dict__)
                    nd._style = copy(dim._style)
                    nd.index = out_r
                    ws.row_dimensions[out_r] = nd
            _move_merges(ws, rmap)
            _move_print_settings(ws, rmap)
            _move_images(ws, rmap)
    _fill_header_footer(ws, plan, doc_scope)
    for out_r, col, code in codes:
        _place_code(ws, out_r, col, code)


def _move_merges(ws, rmap: _RowMap) -> None:
    ranges = list(ws.merged_cells.ranges)
    ws.merged_cells = MultiCellRange()
    for rng in ranges:
        c1, r1, c2, r2 = rng.min_col, rng.min_row, rng.max_col, rng.max_row
        targets: list[tuple[int, int]] = []
        if r1 in rmap.body_rows and r2 in rmap.body_rows:
            iterations = sorted({k for (k, t) in rmap.by_iter if t == r1})
            for k in iterations:
                a, b = rmap.by_iter.get((k, r1)), rmap.by_iter.get((k, r2))
                if a is not None and b is not None:
                    targets.append((a, b))
        else:
            a_rows, b_rows = rmap.by_trow.get(r1), rmap.by_trow.get(r2)
            if a_rows and b_rows:
                targets.append((a_rows[0], b_rows[-1]))
        for a, b in targets:
            ws.merged_cells.ranges.add(_moved_range(ws, c1, a, c2, b))


def _moved_range(ws, c1: int, r1: int, c2: int, r2: int) -> MergedCellRange:
    """A merged range at its new rows. Unlike ``MergedCellRange(ws, coord)`` this does not
    fold the bottom-right cell's borders into the top-left one again: that was done when
    the template was read, and redoing it per range (a style lookup each) was a third of
    the filling time of a long delivery note."""
    rng = MergedCellRange.__new__(MergedCellRange)
    CellRange.__init__(rng, min_col=c1, min_row=r1, max_col=c2, max_row=r2)
    rng.ws = ws
    rng.start_cell = ws._cells.get((r1, c1)) or ws.cell(row=r1, column=c1)
    return rng


def _map_range_text(text: str, rmap: _RowMap) -> str | None:
    ref = parse_ref(text.split("!")[-1] if "!" in text else text)
    if ref is None:
        return text
    _sheet, a, b = ref
    b = b or a
    if not a[3]:
        return text
    rows = rmap.rows(int(a[3]), int(b[3]))
    if rows is None:
        return None
    return f"{a[1]}{rows[0]}:{b[1]}{rows[1]}"


def _move_print_settings(ws, rmap: _RowMap) -> None:
    area = ws.print_area
    if area:
        parts = [p for p in (_map_range_text(x.strip(), rmap) for x in str(area).split(","))
                 if p]
        if parts:
            ws.print_area = parts
    titles = ws.print_title_rows
    if titles:
        first, last = (int(x.replace("$", "")) for x in titles.split(":"))
        rows = rmap.rows(first, last)
        ws.print_title_rows = f"{rows[0]}:{rows[1]}" if rows else None
    breaks = getattr(ws.row_breaks, "brk", None)
    if breaks:
        for brk in list(breaks):
            rows = rmap.rows(brk.id, brk.id)
            if rows is None:
                breaks.remove(brk)
            else:
                brk.id = rows[1]


def _move_images(ws, rmap: _RowMap) -> None:
    kept = []
    for img in ws._images:
        anchor = img.anchor
        if isinstance(anchor, str):
            col, row = range_boundaries(anchor)[:2]
            rows = rmap.rows(row, row)
            if rows is None:
                continue
            img.anchor = f"{get_column_letter(col)}{rows[0]}"
            kept.append(img)
            continue
        start = getattr(anchor, "_from", None)
        if start is not None:
            rows = rmap.rows(start.row + 1, start.row + 1)
            if rows is None:
                continue
            delta = rows[0] - 1 - start.row
            start.row = rows[0] - 1
            end = getattr(anchor, "to", None)
            if end is not None:
                end.row += delta
        kept.append(img)
    ws._images = kept


def _move_defined_names(wb, maps: dict[str, _RowMap]) -> None:
    def move(dn, own: str | None):
        text = dn.attr_text
        if not text or dn.name.startswith("_xlnm"):
            return
        mapper = _mapper_for(maps, own or wb.worksheets[0].title, None)
        try:
            dn.attr_text = translate_formula("=" + text, mapper)[1:]
        except Exception:  # a name that is not a reference (a constant) stays as it is
            pass
    for dn in list(getattr(wb, "defined_names", {}).values()):
        move(dn, None)
    for ws in wb.worksheets:
        for dn in list(getattr(ws, "defined_names", {}).values()):
            move(dn, ws.title)


def _fill_header_footer(ws, plan: SheetPlan | None, scope) -> None:
    if plan is None or not plan.header_footer:
        return
    for (attr, part_name), tcell in plan.header_footer.items():
        part = getattr(getattr(ws, attr), part_name)
        value, _fmt = _cell_value(tcell, scope)
        part.text = to_text(value).replace("&", "&&") if tcell.single is not None else \
            "".join(p if isinstance(p, str) else to_text(evaluate(p, scope, apply_filter))
                    .replace("&", "&&") for p in tcell.parts)


def _place_code(ws, row: int, col: int, code: CodeImage) -> None:
    """A picture of the code over the cell (or its merged range)."""
    c2, r2 = col, row
    for rng in ws.merged_cells.ranges:
        if rng.min_row == row and rng.min_col == col:
            c2, r2 = rng.max_col, rng.max_row
            break
    mdw = max_digit_width(ws.parent)
    widths = column_widths(ws, col, c2, mdw)
    width_pt = sum(widths.values())
    default_h = default_row_height(ws)
    height_pt = sum((ws.row_dimensions[r].ht if r in ws.row_dimensions and
                     ws.row_dimensions[r].ht else default_h) for r in range(row, r2 + 1))
    pad = 2.0
    w_pt, h_pt = max(4.0, width_pt - 2 * pad), max(4.0, height_pt - 2 * pad)
    if code.kind == "qrcode":
        w_pt = h_pt = min(w_pt, h_pt)
    w_px, h_px = round(w_pt / 0.75), round(h_pt / 0.75)
    png = code_png(code.kind, code.data, w_px, h_px)
    img = XLImage(io.BytesIO(png))
    img.width, img.height = w_px, h_px
    marker = AnchorMarker(col=col - 1, colOff=pixels_to_EMU(round(pad / 0.75)), row=row - 1,
                          rowOff=pixels_to_EMU(round(pad / 0.75)))
    img.anchor = OneCellAnchor(_from=marker, ext=XDRPositiveSize2D(pixels_to_EMU(w_px),
                                                                   pixels_to_EMU(h_px)))
    img.qianli_code = (code.kind, code.data)  # the PDF draws vectors instead of the PNG
    ws._images.append(img)
