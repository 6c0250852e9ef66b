"""Sheet geometry as Excel computes it: column widths, row heights, colours.

Column widths in a workbook are counted in characters of the default font's maximum digit
width (MDW, in pixels at 96 dpi); Excel turns them into pixels with
``trunc(((256 * width + trunc(128 / MDW)) / 256) * MDW)``. One pixel is 0.75 pt.
"""
from __future__ import annotations

import colorsys
from functools import lru_cache

from openpyxl.styles.colors import COLOR_INDEX
from openpyxl.utils.cell import column_index_from_string

__all__ = ["max_digit_width", "column_widths", "default_row_height", "px_to_pt", "color_rgb",
           "font_family", "THEME_COLORS"]

PX_PT = 0.75


def px_to_pt(px: float) -> float:
    return px * PX_PT


# share of the em taken by the digit '0' (Excel measures the widest digit)
_DIGIT_EM = {
    "calibri": 0.507, "arial": 0.556, "helvetica": 0.556, "times new roman": 0.5,
    "宋体": 0.5, "simsun": 0.5, "新宋体": 0.5, "等线": 0.54, "dengxian": 0.54, "微软雅黑": 0.58,
    "microsoft yahei": 0.58, "黑体": 0.5, "simhei": 0.5, "cambria": 0.556, "verdana": 0.636,
    "tahoma": 0.546, "consolas": 0.55, "courier new": 0.6,
}


def _default_font(wb) -> tuple[str, float]:
    try:
        font = wb._fonts[0]
        return (font.name or "Calibri"), float(font.sz or 11)
    except (AttributeError, IndexError):
        return "Calibri", 11.0


@lru_cache(maxsize=64)
def _mdw(name: str, size: float) -> int:
    em_px = size * 96 / 72
    return max(1, round(em_px * _DIGIT_EM.get(name.lower(), 0.52)))


def max_digit_width(wb) -> int:
    """Maximum digit width in pixels of the workbook's default font (Calibri 11 → 7)."""
    return _mdw(*_default_font(wb))


def width_to_px(width: float, mdw: int) -> int:
    return int(((256 * width + int(128 / mdw)) / 256) * mdw)


def default_column_px(ws, mdw: int) -> int:
    fmt = ws.sheet_format
    if fmt.defaultColWidth:
        return width_to_px(float(fmt.defaultColWidth), mdw)
    base = fmt.baseColWidth if fmt.baseColWidth is not None else 8
    # baseColWidth counts characters without padding: Excel adds 5 px of padding and rounds
    # up to a multiple of 8 px (Calibri 11: 8 characters → 61 → 64 px, shown as "8.43")
    px = base * mdw + 5
    return -(-px // 8) * 8


def column_widths(ws, first: int, last: int, mdw: int | None = None) -> dict[int, float]:
    """Column index → printed width in points (hidden columns 0)."""
    mdw = mdw or max_digit_width(ws.parent)
    default_pt = px_to_pt(default_column_px(ws, mdw))
    widths = {c: default_pt for c in range(first, last + 1)}
    for key, dim in ws.column_dimensions.items():
        lo = dim.min or column_index_from_string(key)
        hi = dim.max or lo
        for c in range(max(lo, first), min(hi, last) + 1):
            if dim.hidden:
                widths[c] = 0.0
            elif dim.width:
                widths[c] = px_to_pt(width_to_px(float(dim.width), mdw))
            elif dim.width == 0 and dim.customWidth:
                widths[c] = 0.0
    return widths


def default_row_height(ws) -> float:
    fmt = ws.sheet_format
    return float(fmt.defaultRowHeight or 15)


THEME_COLORS = ["FFFFFF", "000000", "E7E6E6", "44546A", "4472C4", "ED7D31", "A5A5A5",
                "FFC000", "5B9BD5", "70AD47", "0563C1", "954F72"]


def _apply_tint(rgb: str, tint: float) -> str:
    r, g, b = (int(rgb[i:i + 2], 16) / 255 for i in (0, 2, 4))
    h, lum, s = colorsys.rgb_to_hls(r, g, b)
    lum = lum * (1 + tint) if tint < 0 else lum * (1 - tint) + tint
    r, g, b = colorsys.hls_to_rgb(h, min(1, max(0, lum)), s)
    return "".join(f"{round(v * 255):02X}" for v in (r, g, b))


def color_rgb(color, default: str | None = None) -> str | None:
    """'RRGGBB' of an openpyxl Color (rgb, indexed or theme with tint), else ``default``."""
    if color is None:
        return default
    try:
        kind = color.type
        if kind == "rgb":
            value = color.rgb
            if not isinstance(value, str):
                return default
            value = value[-6:] if len(value) >= 6 else default
            if len(color.rgb) == 8 and color.rgb[:2] == "00" and color.rgb[2:] != "000000":
                # alpha 00 with a real colour: Excel ignores alpha here
                return value
            return value
        if kind == "indexed":
            idx = color.indexed
            if idx == 64 or idx is None:  # system foreground
                return default
            if 0 <= idx < len(COLOR_INDEX):
                return COLOR_INDEX[idx][-6:]
            return default
        if kind == "theme":
            idx = color.theme
            if idx is None or not 0 <= idx < len(THEME_COLORS):
                return default
            rgb = THEME_COLORS[idx]
            tint = float(color.tint or 0)
            return _apply_tint(rgb, tint) if tint else rgb
    except (AttributeError, TypeError, ValueError):
        return default
    return default


def font_family(name: str | None) -> str:
    """Which Latin face stands in for an Excel font: 'sans', 'narrow', 'serif' or 'mono'."""
    n = (name or "").lower()
    if any(k in n for k in ("courier", "mono", "consolas", "仿宋体")):
        return "mono"
    if any(k in n for k in ("times", "georgia", "cambria", "宋", "song", "simsun", "kai", "楷",
                            "仿宋", "fangsong", "serif", "明朝", "garamond")) and "sans" not in n:
        return "serif"
    if any(k in n for k in ("calibri", "等线", "dengxian", "narrow", "yahei", "雅黑")):
        return "narrow"
    return "sans"
