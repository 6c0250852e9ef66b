"""Chart helpers on pyqtgraph for the report screens (funnel, forecast, targets).

pyqtgraph chooses its Qt binding when first imported: PySide6 is imported before it and named
in PYQTGRAPH_QT_LIB so it never picks another binding that happens to be installed. Charts
are drawn on a white background with antialiasing, money axes read 12万 / 1.2亿 in Chinese
and 120K / 1.2M in English, and ``save_png`` writes what the screen shows."""
from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Sequence

import PySide6.QtCore  # noqa: F401  (pyqtgraph must see PySide6 first)

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QCoreApplication, QLocale, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from app.i18n import current_language  # noqa: E402

pg.setConfigOptions(antialias=True, background="w", foreground="#24292f")

# Blues from light to dark for stages, then the colours of the standard series.
STAGE_COLOURS = ("#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b")
WON_COLOUR = "#2e9d5b"
LOST_COLOUR = "#b0b7c0"
SERIES_COLOURS = {"pipeline": "#c6d4e1", "weighted": "#2f6fb0", "best_case": "#8fb8de",
                  "commit": "#e08a1e", "won": WON_COLOUR, "target": "#c9d3dd",
                  "achieved": "#2f6fb0", "pct": "#d9534f"}
GRID_ALPHA = 0.25


def stage_colour(index: int, *, won: bool = False, lost: bool = False) -> str:
    if won:
        return WON_COLOUR
    if lost:
        return LOST_COLOUR
    return STAGE_COLOURS[min(index, len(STAGE_COLOURS) - 1)]


def chinese() -> bool:
    return current_language().startswith("zh")


def money_text(value: Decimal | int | float | None, decimals: int = 2) -> str:
    """A full amount with group separators, as tables show it: 1,234,567.50."""
    if value is None:
        return ""
    return QLocale(QLocale.Language.English).toString(float(value), "f", decimals)


def money_short(value: Decimal | int | float | None) -> str:
    """A compact amount for chart labels and axes: 12.5万 / 1.2亿 (Chinese), 125K / 1.2M."""
    if value is None:
        return ""
    v = float(value)
    sign, v = ("-" if v < 0 else ""), abs(v)
    if chinese():
        for unit, size in (("亿", 1e8), ("万", 1e4)):
            if v >= size:
                return f"{sign}{_trim(v / size)}{unit}"
        return f"{sign}{_trim(v)}"
    for unit, size in (("B", 1e9), ("M", 1e6), ("K", 1e3)):
        if v >= size:
            return f"{sign}{_trim(v / size)}{unit}"
    return f"{sign}{_trim(v)}"


def _trim(v: float) -> str:
    text = f"{v:.1f}" if v < 100 else f"{v:.0f}"
    return text[:-2] if text.endswith(".0") else text


def pct_text(value: Decimal | float | None) -> str:
    if value is None:
        return "–"
    return f"{float(value):.1f}%"


class MoneyAxis(pg.AxisItem):
    """An axis whose tick labels are compact amounts."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph API)
        return [money_short(v * scale) for v in values]


class PercentAxis(pg.AxisItem):
    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph API)
        return [f"{v * scale:.0f}%" for v in values]


def label_font(point_size: float | None = None, bold: bool = False) -> QFont:
    font = QFont()
    if point_size is not None:
        font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def make_plot(parent: QWidget | None = None, *, left_axis: pg.AxisItem | None = None,
              bottom_axis: pg.AxisItem | None = None) -> pg.PlotWidget:
    """A plot with the house look: white, light grid, no mouse panning or zooming (a report
    chart that drifts away under a stray wheel turn helps nobody)."""
    axes = {}
    if left_axis is not None:
        axes["left"] = left_axis
    if bottom_axis is not None:
        axes["bottom"] = bottom_axis
    plot = pg.PlotWidget(parent=parent, axisItems=axes or None)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setMinimumHeight(220)
    item = plot.getPlotItem()
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen("#8c959f"))
        axis.setTextPen(pg.mkPen("#3d444d"))
        axis.setTickFont(label_font())
    # major ticks only: the minor grid lines made the bar charts look busy
    item.getAxis("left").setStyle(maxTickLevel=0)
    return plot


def add_legend(plot: pg.PlotWidget) -> pg.LegendItem:
    legend = plot.getPlotItem().addLegend(offset=(-10, 4), labelTextColor="#24292f",
                                          brush=pg.mkBrush(255, 255, 255, 230),
                                          pen=pg.mkPen("#d0d7de"))
    return legend


def grouped_bars(plot: pg.PlotWidget, categories: Sequence[str],
                 series: Sequence[tuple[str, Sequence[float], str]], *,
                 group_width: float = 0.8) -> list[pg.BarGraphItem]:
    """Vertical bars, one group per category and one bar per series (name, values, colour);
    categories become the bottom axis labels."""
    item = plot.getPlotItem()
    item.clear()
    legend = item.legend
    if legend is not None:
        legend.clear()
        legend.setColumnCount(max(len(series), 1))      # one row across the top
    n = max(len(series), 1)
    width = group_width / n
    bars = []
    for k, (name, values, colour) in enumerate(series):
        xs = [i - group_width / 2 + width * (k + 0.5) for i in range(len(categories))]
        bar = pg.BarGraphItem(x=xs, height=list(values), width=width * 0.92,
                              brush=pg.mkBrush(colour), pen=pg.mkPen(QColor(colour).darker(115)),
                              name=name)
        item.addItem(bar)            # named items join the legend by themselves
        bars.append(bar)
    item.getAxis("bottom").setTicks([list(enumerate(categories))])
    top = max((max(values, default=0) for _n, values, _c in series), default=0)
    item.setXRange(-0.6, max(len(categories) - 0.4, 0.6), padding=0)
    # headroom for the legend row and the labels above the bars
    item.setYRange(0, top * 1.45 if top > 0 else 1, padding=0)
    item.showGrid(x=False, y=True, alpha=GRID_ALPHA)
    return bars


def text_item(text: str, *, colour: str = "#24292f", anchor=(0.5, 0.5), bold: bool = False,
              point_size: float | None = None) -> pg.TextItem:
    item = pg.TextItem(text, color=colour, anchor=anchor)
    item.setFont(label_font(point_size, bold))
    return item


def save_png(widget: QWidget, path: str | Path) -> Path:
    """Write ``widget`` as it is drawn now to a PNG file (the suffix is forced to .png)."""
    path = Path(path)
    if path.suffix.lower() != ".png":
        path = path.with_suffix(".png")
    pixmap = widget.grab()
    if pixmap.isNull() or not pixmap.save(str(path), "PNG"):
        raise OSError(QCoreApplication.translate("Charts", "Could not write %1.")
                      .replace("%1", str(path)))
    return path


__all__ = ["pg", "Qt", "make_plot", "grouped_bars", "add_legend", "save_png", "money_text",
           "money_short", "pct_text", "stage_colour", "text_item", "MoneyAxis",
           "PercentAxis", "SERIES_COLOURS"]
