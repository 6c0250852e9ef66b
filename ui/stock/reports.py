"""Stock reports (进销存报表): one page with a report chooser, the filters the chosen report
takes (period — this month by default — and warehouse), the rows with a bold totals row
last, and "Export to Excel…" writing the same report through the service's exporter.

Which reports a user is offered follows services/stock_reports.py: quantities (on hand,
movements, product sales) for warehouse, finance, sales managers and administrators; costs
and margins (valuation, gross margin, purchases) for finance, sales managers and
administrators."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QDate, QEvent, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from app.client import Client
from app.runner import Runner
from services import stock_report_export as xl
from services import stock_reports as reports
from services.stock_reports import ReportPeriod
from ui import errors
from ui.pipeline.report_filters import ask_save_path
from ui.stock import fill_warehouse_combo, load_warehouses, qty_text
from ui.widgets.field_errors import ERROR_STYLE
from ui.widgets.lifetime import OwnedRunner


@dataclass(frozen=True)
class Column:
    field: str
    title: str
    kind: str = "text"          # text | qty | money | cost | pct | int


@dataclass(frozen=True)
class ReportSpec:
    key: str
    title: str
    roles: tuple[str, ...]
    build: Callable[..., Any]
    export: Callable[..., Any]
    columns: tuple[Column, ...]
    period: bool = True
    warehouse: bool = False
    options: tuple[tuple[str, Any], ...] = ()


def cell_text(value: Any, kind: str) -> str:
    """Money with two decimals and thousands separators, a cost with four, quantities as
    the clerk reads them, a percentage with one decimal."""
    if value is None:
        return ""
    if kind == "money":
        return f"{Decimal(value):,.2f}"
    if kind == "cost":
        return f"{Decimal(value):,.4f}"
    if kind == "pct":
        return f"{Decimal(value):.1f}%"
    if kind == "qty":
        return qty_text(value)
    return str(value)


class ReportModel(QAbstractTableModel):
    """The report's rows and, last, its totals row (bold, labelled in the first column)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.columns: tuple[Column, ...] = ()
        self.rows: tuple = ()
        self.totals = None
        self.total_label = ""

    def set_report(self, columns: tuple[Column, ...], report, total_label: str) -> None:
        self.beginResetModel()
        self.columns, self.total_label = columns, total_label
        self.rows, self.totals = (report.rows, report.totals) if report else ((), None)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid():
            return 0
        return len(self.rows) + (1 if self.totals is not None else 0)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def is_total(self, row: int) -> bool:
        return self.totals is not None and row == len(self.rows)

    def text(self, row: int, column: int) -> str:
        col = self.columns[column]
        if self.is_total(row):
            if column == 0:
                return self.total_label
            return cell_text(getattr(self.totals, col.field), col.kind) \
                if col.kind != "text" else ""
        return cell_text(getattr(self.rows[row], col.field), col.kind)

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.TextAlignmentRole:
            if self.columns[index.column()].kind != "text":
                return int(Qt.AlignRight | Qt.AlignVCenter)
            return int(Qt.AlignLeft | Qt.AlignVCenter)
        if role == Qt.FontRole and self.is_total(index.row()):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.columns[section].title
        if role == Qt.TextAlignmentRole and orientation == Qt.Horizontal:
            kind = self.columns[section].kind
            return int((Qt.AlignLeft if kind == "text" else Qt.AlignRight) | Qt.AlignVCenter)
        return None


def month_bounds(today: dt.date) -> tuple[dt.date, dt.date]:
    first = today.replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return first, last


class StockReportsWidget(QWidget):
    def __init__(self, client: Client, runner: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.jobs = OwnedRunner(runner, self)
        self.settled = False
        self.specs = [s for s in self._specs() if client.actor.role in s.roles]
        self.chooser = QComboBox()
        for spec in self.specs:
            self.chooser.addItem("", spec.key)
        self.chooser.currentIndexChanged.connect(lambda _i: self._report_changed())
        first, last = month_bounds(dt.date.today())
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit, day in ((self.date_from, first), (self.date_to, last)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(day.year, day.month, day.day))
        self.report_label, self.period_label = QLabel(), QLabel()
        self.to_label, self.warehouse_label = QLabel(), QLabel()
        self.warehouse = QComboBox()
        self.warehouse.addItem("", None)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.export())
        self.summary = QLabel()
        self.report = None
        bar = QHBoxLayout()
        bar.addWidget(self.report_label)
        bar.addWidget(self.chooser)
        for w in (self.period_label, self.date_from, self.to_label, self.date_to,
                  self.warehouse_label, self.warehouse, self.refresh_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.model = ReportModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.retranslate()
        self._report_changed(load=False)
        self.jobs.submit(client.read, load_warehouses, on_done=self._warehouses,
                         on_error=self._failed)

    def _specs(self) -> list[ReportSpec]:
        q, c = reports.QUANTITY_ROLES, reports.COST_ROLES
        sku, name, unit = (Column("sku", self.tr("SKU")), Column("name", self.tr("Product")),
                           Column("unit", self.tr("Unit")))
        wh = Column("warehouse_name", self.tr("Warehouse"))
        margin = (Column("net_qty", self.tr("Net quantity"), "qty"),
                  Column("revenue", self.tr("Revenue excl. VAT"), "money"),
                  Column("cost", self.tr("Cost of sales"), "money"),
                  Column("margin", self.tr("Gross margin"), "money"),
                  Column("margin_pct", self.tr("Margin %"), "pct"))
        return [
            ReportSpec("on_hand", self.tr("Stock on hand"), q, reports.stock_on_hand,
                       xl.export_stock_on_hand,
                       (sku, name, unit, wh, Column("on_hand", self.tr("On hand"), "qty"),
                        Column("reserved", self.tr("Reserved"), "qty"),
                        Column("available", self.tr("Available"), "qty")),
                       period=False, warehouse=True),
            ReportSpec("movements", self.tr("Movements by period"), q, reports.movements,
                       xl.export_movements,
                       (sku, name, unit, wh, Column("opening", self.tr("Opening"), "qty"),
                        Column("qty_in", self.tr("In"), "qty"),
                        Column("qty_out", self.tr("Out"), "qty"),
                        Column("closing", self.tr("Closing"), "qty"),
                        Column("value_in", self.tr("Value in"), "money"),
                        Column("value_out", self.tr("Value out"), "money")), warehouse=True),
            ReportSpec("valuation", self.tr("Inventory valuation"), c,
                       reports.inventory_valuation, xl.export_inventory_valuation,
                       (sku, name, unit, Column("category_name", self.tr("Category")),
                        Column("qty", self.tr("Quantity"), "qty"),
                        Column("avg_cost", self.tr("Average cost"), "cost"),
                        Column("value", self.tr("Value"), "money")),
                       period=False, warehouse=True),
            ReportSpec("sales", self.tr("Product sales summary"), q, reports.product_sales,
                       xl.export_product_sales,
                       (sku, name, unit, Column("delivered_qty", self.tr("Delivered"), "qty"),
                        Column("returned_qty", self.tr("Returned"), "qty"),
                        Column("net_qty", self.tr("Net quantity"), "qty"),
                        Column("revenue", self.tr("Revenue excl. VAT"), "money"),
                        Column("revenue_incl_tax", self.tr("Revenue incl. VAT"), "money"))),
            ReportSpec("margin_product", self.tr("Gross margin by product"), c,
                       reports.gross_margin, xl.export_gross_margin,
                       (Column("code", self.tr("SKU")), Column("name", self.tr("Product")))
                       + margin, options=(("by", "product"),)),
            ReportSpec("margin_customer", self.tr("Gross margin by customer"), c,
                       reports.gross_margin, xl.export_gross_margin,
                       (Column("code", self.tr("Customer code")),
                        Column("name", self.tr("Customer"))) + margin,
                       options=(("by", "customer"),)),
            ReportSpec("purchases", self.tr("Purchase summary"), c, reports.purchase_summary,
                       xl.export_purchase_summary,
                       (Column("code", self.tr("Supplier code")),
                        Column("name", self.tr("Supplier")),
                        Column("receipts", self.tr("Receipts"), "int"),
                        Column("received_qty", self.tr("Received"), "qty"),
                        Column("amount", self.tr("Amount excl. VAT"), "money"),
                        Column("returned_qty", self.tr("Returned"), "qty"),
                        Column("returned_amount", self.tr("Returns"), "money"),
                        Column("net_amount", self.tr("Net purchases"), "money"))),
        ]

    def retranslate(self) -> None:
        self.report_label.setText(self.tr("Report:"))
        self.period_label.setText(self.tr("From:"))
        self.to_label.setText(self.tr("To:"))
        self.warehouse_label.setText(self.tr("Warehouse:"))
        self.warehouse.setItemText(0, self.tr("All warehouses"))
        self.refresh_button.setText(self.tr("Show"))
        self.export_button.setText(self.tr("Export to Excel…"))
        titles = {s.key: s for s in self._specs()}
        self.specs = [titles[s.key] for s in self.specs]
        for i, spec in enumerate(self.specs):
            self.chooser.setItemText(i, spec.title)
        spec = self.spec()
        if spec is not None:
            self.model.set_report(spec.columns, self.report, self.tr("Total"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- state ----------------------------------------------------------------------------

    def spec(self) -> ReportSpec | None:
        index = self.chooser.currentIndex()
        return self.specs[index] if 0 <= index < len(self.specs) else None

    def choose(self, key: str) -> None:
        self.chooser.setCurrentIndex(self.chooser.findData(key))

    def _report_changed(self, load: bool = True) -> None:
        spec = self.spec()
        for w in (self.period_label, self.date_from, self.to_label, self.date_to):
            w.setVisible(bool(spec and spec.period))
        for w in (self.warehouse_label, self.warehouse):
            w.setVisible(bool(spec and spec.warehouse))
        self.report = None
        self.model.set_report(spec.columns if spec else (), None, "")
        self.export_button.setEnabled(spec is not None)
        if load:
            self.refresh()

    def _warehouses(self, warehouses) -> None:
        fill_warehouse_combo(self.warehouse, warehouses, any_text=self.tr("All warehouses"),
                             keep=self.warehouse.currentData())
        self.refresh()

    def period(self) -> ReportPeriod:
        return ReportPeriod(self.date_from.date().toPython(), self.date_to.date().toPython())

    def arguments(self, spec: ReportSpec) -> tuple[tuple, dict]:
        """The report's positional and keyword arguments after (session, actor)."""
        args = (self.period(),) if spec.period else ()
        kwargs = dict(spec.options)
        if spec.warehouse:
            kwargs["warehouse_id"] = self.warehouse.currentData()
        return args, kwargs

    # --- loading and export ---------------------------------------------------------------

    def refresh(self) -> None:
        spec = self.spec()
        if spec is None:
            self.settled = True
            return
        self.settled = False
        args, kwargs = self.arguments(spec)
        self.jobs.submit(self.client.read, spec.build, *args, **kwargs,
                         on_done=lambda report, s=spec: self._show(s, report),
                         on_error=self._failed, key=f"stock-report-{id(self)}")

    def _show(self, spec: ReportSpec, report) -> None:
        if spec is not self.spec():
            return          # an older answer for a report no longer chosen
        self.report = report
        self.model.set_report(spec.columns, report, self.tr("Total"))
        header = self.table.horizontalHeader()
        for i, col in enumerate(spec.columns):     # the name takes the spare width
            header.setSectionResizeMode(i, QHeaderView.Stretch if col.field == "name"
                                        else QHeaderView.ResizeToContents)
        self.summary.setText(self.tr("%1 rows").replace("%1", str(len(report.rows))))
        self.message.hide()
        self.settled = True

    def _failed(self, exc: BaseException) -> None:
        self.settled = True
        self.message.setText(errors.describe(exc))
        self.message.show()

    def export(self, path: Path | None = None) -> None:
        """Ask where (unless given), then write the chosen report with its filters."""
        spec = self.spec()
        if spec is None:
            return
        if path is None:
            path = ask_save_path(self, self.tr("Export to Excel"), f"{spec.key}.xlsx",
                                 self.tr("Excel workbook (*.xlsx)"))
            if path is None:
                return
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        args, kwargs = self.arguments(spec)
        self.settled = False
        self.jobs.submit(self.client.read, spec.export, path, *args, **kwargs,
                         language=self.language(),
                         on_done=lambda _n, p=path: self._exported(p),
                         on_error=self._export_failed)

    def language(self) -> str:
        from app.i18n import resolve_language
        settings = getattr(self.client, "settings", None)
        return resolve_language(getattr(settings, "language", None))

    def _exported(self, path: Path) -> None:
        self.settled = True
        self.exported_path = path
        self.summary.setText(self.tr("Exported to %1").replace("%1", str(path)))

    def _export_failed(self, exc: BaseException) -> None:
        self.settled = True
        errors.show_error(self, exc)
