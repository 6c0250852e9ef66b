"""Drawing laid-out pages onto a reportlab canvas.

Cell contents go out as raw PDF operators (reportlab's per-call drawing API costs too much for
thousands of cells); fonts are still registered and encoded by reportlab, and pictures and
bar/QR codes use its image and graphics renderers.
"""
from __future__ import annotations

import io
import os

from openpyxl.utils.cell import range_boundaries
from reportlab.graphics import renderPDF
from reportlab.lib.rl_accel import escapePDF
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from printing.codes import code_drawing
from printing.fonts import FontSet
from printing.geometry import font_family, max_digit_width
from printing.layout import (LINE, PAD_X, PAD_Y, CellBox, Page, SheetLayout, Style,
                             rgb_tuple)

__all__ = ["Painter", "draw_page"]


def _rgb_op(color, op: str) -> str:
    return f"{color[0]:.3f} {color[1]:.3f} {color[2]:.3f} {op}"


class Painter:
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

    def text_line(self, x: float, y: float, text: str, st: Style, size: float,
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


def draw_page(p: Painter, layout: SheetLayout, page: Page, page_no: int, page_count: int,
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
    items: list[tuple[CellBox, float, float, float, float, bool]] = []
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


def _draw_text(p: Painter, layout: SheetLayout, item: CellBox, x0: float, y0: float, w: float,
               h: float, xs: dict[int, float], page: Page, mdw_pt: float) -> None:
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


def _empty(layout: SheetLayout, row: int, col: int) -> bool:
    if (row, col) in layout.covered or (row, col) in layout.merges:
        return False
    item = layout.cells.get((row, col))
    return item is None or not item.text


EMU_PT = 12700.0


def _draw_images(p: Painter, layout: SheetLayout, page: Page, xs, ys) -> None:
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


def _draw_header_footer(p: Painter, layout: SheetLayout, page_no: int, page_count: int,
                        doc_name: str) -> None:
    p.ops.append("q")
    p._fill = None
    _draw_hf_parts(p, layout, page_no, page_count, doc_name)
    p.ops.append("Q")
    p.flush()


def _draw_hf_parts(p: Painter, layout: SheetLayout, page_no: int, page_count: int,
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
            st = Style(size, font_family(font_name[0] or "Calibri"), "bold" in style,
                        "italic" in style, False, rgb_tuple(part.color, (0, 0, 0)), "left",
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
