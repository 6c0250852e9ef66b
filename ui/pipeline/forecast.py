"""The sales forecast by expected-close month: the weighted amount (amount × probability)
with best case and commit (marked by a manager) beside it, and what is already won — per
rep, per team or for the company. A table with every row, a bar chart with the monthly
totals, and an export to .xlsx."""
from __future__ import annotations

from collections import OrderedDict
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from ui.errors import describe as error_text
from ui.pipeline.charts import (SERIES_COLOURS, MoneyAxis, add_legend, grouped_bars,
                                make_plot, money_text, save_png)
from ui.pipeline.report_filters import (FORWARD_PERIODS, ReportFilterBar, ask_save_path,
                                        export_rows_in_background)
from ui.widgets.lifetime import OwnedRunner

AMOUNTS = ("pipeline_amount", "weighted_amount", "best_case_amount", "commit_amount",
           "won_amount")


def month_text(month) -> str:
    return f"{month.year}-{month.month:02d}" if month is not None else ""


def _money_item(value, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(money_text(value))
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if bold:
        font = QFont()
        font.setBold(True)
        item.setFont(font)
    return item


class ForecastWidget(QWidget):
    loaded = Signal()
    exported = Signal(str)

    def __init__(self, client, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.jobs = OwnedRunner(runner, self)
        self.rows: list = []

        self.filters = ReportFilterBar(client, self.jobs, default_period="next_6_months",
                                       periods=FORWARD_PERIODS)
        self.group_label, self.group_by = QLabel(), QComboBox()
        for g in ("rep", "team", "company"):
            self.group_by.addItem("", g)
        if client.actor.role == "sales":
            self.group_by.setCurrentIndex(self.group_by.findData("rep"))
            for w in (self.group_label, self.group_by):
                w.hide()
        else:
            self.group_by.setCurrentIndex(self.group_by.findData(
                "team" if client.actor.role == "admin" else "rep"))
        self.group_label.setBuddy(self.group_by)
        self.refresh_button, self.png_button, self.xlsx_button = (QPushButton(), QPushButton(),
                                                                  QPushButton())
        bar = QHBoxLayout()
        bar.addWidget(self.filters, 1)
        for w in (self.group_label, self.group_by, self.refresh_button, self.png_button,
                  self.xlsx_button):
            bar.addWidget(w)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        self.chart = make_plot(left_axis=MoneyAxis("left"))
        add_legend(self.chart)
        self.table = QTableWidget(0, 7)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(self.table)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

        self.filters.changed.connect(self.refresh)
        self.group_by.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.png_button.clicked.connect(self.export_png)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.group_label.setText(self.tr("&Per:"))
        for i, text in enumerate((self.tr("Rep"), self.tr("Team"), self.tr("Company"))):
            self.group_by.setItemText(i, text)
        self.refresh_button.setText(self.tr("Refresh"))
        self.png_button.setText(self.tr("Save chart as PNG…"))
        self.xlsx_button.setText(self.tr("Export to Excel…"))
        self.table.setHorizontalHeaderLabels(self.headers())
        if self.rows:
            self.show_rows(self.rows)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def headers(self) -> list[str]:
        return [self.tr("Month"), self.group_title(), self.tr("Pipeline"), self.tr("Weighted"),
                self.tr("Best case"), self.tr("Commit"), self.tr("Won")]

    def group_title(self) -> str:
        return {"rep": self.tr("Rep"), "team": self.tr("Team"),
                "company": self.tr("Company")}[self.group_by.currentData()]

    # --- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        from services import pipeline_reports
        self.message.hide()
        self.jobs.submit(self.client.read, pipeline_reports.forecast,
                         self.filters.report_filter(), group_by=self.group_by.currentData(),
                         on_done=self.show_rows, on_error=self._failed,
                         key=f"forecast-{id(self)}")

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(self.tr("The forecast could not be loaded: %1").replace(
            "%1", error_text(exc)))
        self.message.setStyleSheet("color: #b00020")
        self.message.show()

    def monthly_totals(self) -> "OrderedDict":
        totals: OrderedDict = OrderedDict()
        for r in sorted(self.rows, key=lambda r: r.month):
            t = totals.setdefault(r.month, {a: Decimal(0) for a in AMOUNTS})
            for a in AMOUNTS:
                t[a] += getattr(r, a) or Decimal(0)
        return totals

    def show_rows(self, rows) -> None:
        self.rows = list(rows)
        self.table.setHorizontalHeaderLabels(self.headers())
        ordered = sorted(self.rows, key=lambda r: (r.month, r.group_name or ""))
        totals = self.monthly_totals()
        grand = {a: sum((t[a] for t in totals.values()), Decimal(0)) for a in AMOUNTS}
        self.table.setRowCount(len(ordered) + (1 if ordered else 0))
        for row, r in enumerate(ordered):
            self.table.setItem(row, 0, QTableWidgetItem(month_text(r.month)))
            self.table.setItem(row, 1, QTableWidgetItem(r.group_name or ""))
            for col, a in enumerate(AMOUNTS, start=2):
                self.table.setItem(row, col, _money_item(getattr(r, a)))
        if ordered:
            last = len(ordered)
            total = QTableWidgetItem(self.tr("Total"))
            font = total.font()
            font.setBold(True)
            total.setFont(font)
            self.table.setItem(last, 0, total)
            self.table.setItem(last, 1, QTableWidgetItem(""))
            for col, a in enumerate(AMOUNTS, start=2):
                self.table.setItem(last, col, _money_item(grand[a], bold=True))
        self.summary.setText(self.tr(
            "Weighted <b>%1</b> · best case <b>%2</b> · commit <b>%3</b> · won <b>%4</b>")
            .replace("%1", money_text(grand["weighted_amount"], 0))
            .replace("%2", money_text(grand["best_case_amount"], 0))
            .replace("%3", money_text(grand["commit_amount"], 0))
            .replace("%4", money_text(grand["won_amount"], 0)))
        months = [month_text(m) for m in totals]
        series = [(self.tr("Weighted"), [float(t["weighted_amount"]) for t in totals.values()],
                   SERIES_COLOURS["weighted"]),
                  (self.tr("Best case"), [float(t["best_case_amount"]) for t in totals.values()],
                   SERIES_COLOURS["best_case"]),
                  (self.tr("Commit"), [float(t["commit_amount"]) for t in totals.values()],
                   SERIES_COLOURS["commit"]),
                  (self.tr("Won"), [float(t["won_amount"]) for t in totals.values()],
                   SERIES_COLOURS["won"])]
        grouped_bars(self.chart, months, series)
        self.loaded.emit()

    # --- export --------------------------------------------------------------------------
    def export_png(self) -> None:
        path = ask_save_path(self, self.tr("Save the forecast chart"), self.tr("forecast.png"),
                             self.tr("PNG image (*.png)"))
        if path is not None:
            self.exported.emit(str(save_png(self.chart, path)))

    def export_rows(self) -> list[list]:
        return [[month_text(r.month), r.group_name or ""] + [getattr(r, a) for a in AMOUNTS]
                for r in sorted(self.rows, key=lambda r: (r.month, r.group_name or ""))]

    def export_xlsx(self) -> None:
        path = ask_save_path(self, self.tr("Export the forecast"), self.tr("forecast.xlsx"),
                             self.tr("Excel workbook (*.xlsx)"))
        if path is not None:
            self.export_xlsx_to(path)

    def export_xlsx_to(self, path: Path) -> None:
        export_rows_in_background(self.jobs, Path(path), self.headers(), self.export_rows(),
                                  sheet_title=self.tr("Forecast"),
                                  on_done=lambda p: self.exported.emit(str(p)),
                                  on_error=self._failed)
