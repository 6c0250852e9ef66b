"""Low-stock alerts: products whose available quantity in a warehouse is below their
minimum stock, the biggest shortfall first. A double click shows the product in the stock
inquiry (``open_product``)."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from app.client import Client
from app.runner import Runner
from ui.errors import describe as error_text
from services import stock_inquiry
from ui.stock import fill_warehouse_combo, load_warehouses, qty_text
from ui.stock.tables import fill_table, make_table, selected_id, set_headers
from ui.widgets.field_errors import ERROR_STYLE
from ui.widgets.lifetime import OwnedRunner


def shortfall(row) -> Decimal:
    value = getattr(row, "shortfall", None)
    return Decimal(value) if value is not None else Decimal(row.min_stock) - Decimal(
        row.available)


class LowStockWidget(QWidget):
    open_product = Signal(int)

    def __init__(self, client: Client, runner: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.jobs = OwnedRunner(runner, self)
        self.rows: list = []
        self.settled = False
        self.warehouse = QComboBox()
        self.warehouse.addItem(self.tr("All warehouses"), None)
        self.warehouse.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.summary = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Warehouse:")))
        bar.addWidget(self.warehouse)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        self.table = make_table([""] * 8, stretch=1)
        self.table.activated.connect(lambda _i: self._open_selected())
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        set_headers(self.table, [self.tr("SKU"), self.tr("Product"), self.tr("Warehouse"),
                                 self.tr("On hand"), self.tr("Reserved"), self.tr("Available"),
                                 self.tr("Minimum"), self.tr("Short by")])
        self.jobs.submit(client.read, load_warehouses, on_done=self._warehouses,
                         on_error=self._failed)

    def _warehouses(self, warehouses) -> None:
        fill_warehouse_combo(self.warehouse, warehouses, any_text=self.tr("All warehouses"),
                             keep=self.warehouse.currentData())
        self.refresh()

    def refresh(self) -> None:
        self.settled = False
        self.jobs.submit(self.client.read, stock_inquiry.low_stock,
                         warehouse_id=self.warehouse.currentData(), on_done=self._show,
                         on_error=self._failed, key=f"low-stock-{id(self)}")

    def _show(self, rows) -> None:
        self.rows = sorted(rows, key=lambda r: (-shortfall(r), r.sku))
        fill_table(self.table, self.rows, lambda r: (
            r.sku, r.name, r.warehouse_name or self.tr("All warehouses"), qty_text(r.on_hand),
            qty_text(r.reserved),
            qty_text(r.available), qty_text(r.min_stock), qty_text(shortfall(r))),
            right=(3, 4, 5, 6, 7), row_id=lambda r: r.product_id)
        self.summary.setText(self.tr("%1 products below their minimum stock").replace(
            "%1", str(len({r.product_id for r in self.rows}))))
        self.message.hide()
        self.settled = True

    def _failed(self, exc: BaseException) -> None:
        self.settled = True
        self.message.setText(error_text(exc))
        self.message.show()

    def _open_selected(self) -> None:
        product_id = selected_id(self.table)
        if product_id is not None:
            self.open_product.emit(product_id)
