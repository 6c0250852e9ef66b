"""Barcodes (code128) and QR codes: vector drawings for the PDF, PNG pictures for the .xlsx."""
from __future__ import annotations

import io
from functools import lru_cache

from reportlab.graphics.barcode import createBarcodeDrawing
from reportlab.graphics.shapes import Drawing, Group, Rect, String

__all__ = ["code_drawing", "code_png"]


def _fit_barcode(data: str, width: float, height: float) -> Group:
    font_size = max(4.0, min(9.0, height * 0.2))
    probe = createBarcodeDrawing("Code128", value=data, barWidth=1, barHeight=10,
                                 humanReadable=False, quiet=False)
    bar_width = width / max(1.0, float(probe.width))
    text_room = font_size * 1.3 if height >= 18 else 0
    bars = createBarcodeDrawing("Code128", value=data, barWidth=bar_width,
                                barHeight=max(1.0, height - text_room), quiet=False,
                                humanReadable=False).expandUserNodes()
    group = Group(*bars.contents)
    if text_room:
        # the digits under the bars, with a clear gap (reportlab's own sit on the bars)
        x0, _y0, x1, _y1 = bars.getBounds()
        group.add(String((x0 + x1) / 2, -font_size * 1.05, data, fontName="Helvetica",
                         fontSize=font_size, textAnchor="middle"))
    return group


def _fit_qr(data: str, width: float, height: float) -> Group:
    side = min(width, height)
    drawing = createBarcodeDrawing("QR", value=data, barWidth=side, barHeight=side,
                                   barBorder=1)
    return drawing.expandUserNodes()


@lru_cache(maxsize=256)
def code_drawing(kind: str, data: str, width: float, height: float) -> Drawing:
    """A drawing of ``width`` × ``height`` points with the code centred in it."""
    inner = _fit_barcode(data, width, height) if kind == "barcode" else \
        _fit_qr(data, width, height)
    x0, y0, x1, y1 = inner.getBounds()
    scale = min(1.0, width / max(1e-6, x1 - x0), height / max(1e-6, y1 - y0))
    dx = (width - (x1 - x0) * scale) / 2 - x0 * scale
    dy = (height - (y1 - y0) * scale) / 2 - y0 * scale
    group = Group(*inner.contents, transform=(scale, 0, 0, scale, dx, dy))
    out = Drawing(width, height)
    out.add(group)
    return out


def _mul(m1, m2):
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2,
            a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1)


def _rgb(color) -> tuple[int, int, int] | None:
    if color is None:
        return None
    return tuple(round(v * 255) for v in (color.red, color.green, color.blue))


@lru_cache(maxsize=256)
def code_png(kind: str, data: str, width_px: int, height_px: int) -> bytes:
    """The code as a PNG of the given pixel size (2× oversampled, then sharp)."""
    from PIL import Image, ImageDraw, ImageFont

    k = 2
    w, h = max(1, width_px) * k, max(1, height_px) * k
    drawing = code_drawing(kind, data, w, h)
    img = Image.new("RGB", (w, h), "white")
    pen = ImageDraw.Draw(img)

    def walk(node, matrix):
        for child in getattr(node, "contents", []):
            if isinstance(child, Group):
                walk(child, _mul(matrix, child.transform))
            elif isinstance(child, Rect):
                fill = _rgb(child.fillColor)
                if fill is None:
                    continue
                a, _b, _c, d, e, f = matrix
                x0, x1 = a * child.x + e, a * (child.x + child.width) + e
                y0, y1 = d * child.y + f, d * (child.y + child.height) + f
                pen.rectangle([min(x0, x1), h - max(y0, y1), max(x0, x1) - 1,
                               h - min(y0, y1) - 1], fill=fill)
            elif isinstance(child, String):
                a, _b, _c, d, e, f = matrix
                size = max(6, int(child.fontSize * a))
                try:
                    font = ImageFont.load_default(size=size)
                except TypeError:  # Pillow < 10.1
                    font = ImageFont.load_default()
                x, y = a * child.x + e, h - (d * child.y + f)
                anchor = {"middle": "ms", "end": "rs"}.get(child.textAnchor, "ls")
                pen.text((x, y), child.text, fill=(0, 0, 0), font=font, anchor=anchor)

    walk(drawing, (1, 0, 0, 1, 0, 0))
    img = img.resize((max(1, width_px), max(1, height_px)), Image.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    return buf.getvalue()
