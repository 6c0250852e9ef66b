"""Stock inquiry: scan or find a product, see its on-hand, reserved and available quantity
in every warehouse, and its ledger history (newest first, a page at a time; a double click
opens the document that moved it)."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

from app.client import Client
from app.runner import Runner
from ui.errors import describe as error_text
from services import catalog, stock_inquiry
from ui.stock import doc_type_name, qty_text
from ui.stock.tables import fill_table, make_table, selected_id, set_headers
from ui.widgets.field_errors import ERROR_STYLE
from ui.widgets.formatting import local_datetime_text
from ui.widgets.lifetime import OwnedRunner
from ui.widgets.product_picker import ProductPicker, ProductPickerDialog

LEDGER_PAGE = 100


def cost_text(value) -> str:
    if value is None:
        return ""
    return f"{Decimal(value):,.4f}".rstrip("0").rstrip(".")


def load_product_stock(session, actor, product_id: int, warehouse_id: int | None):
    """The product, its balances per warehouse and the first ledger page, together."""
    return (catalog.get_product(session, actor, product_id),
            stock_inquiry.stock_by_product(session, actor, product_id),
            stock_inquiry.product_ledger(session, actor, product_id, warehouse_id=warehouse_id,
                                         limit=LEDGER_PAGE))


class StockInquiryWidget(QWidget):
    open_document = Signal(int)

    def __init__(self, client: Client, runner: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.jobs = OwnedRunner(runner, self)
        self.product = None
        self.balances: list = []
        self.ledger: list = []
        self.settled = True
        self._build()

    def _build(self) -> None:
        self.code = ProductPicker(self.client, self.runner, active_only=False)
        self.code.setObjectName("inquiry_code")
        self.code.setPlaceholderText(self.tr("Scan a barcode or type a SKU, then Enter"))
        self.code.product_picked.connect(lambda p: self.show_product(p.id))
        self.code.not_found.connect(lambda text: self._say(
            self.tr("No product has the barcode or SKU “%1”.").replace("%1", text)))
        self.find_button = QPushButton(self.tr("Find product…"))
        self.find_button.clicked.connect(self.find_product)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Product:")))
        bar.addWidget(self.code, 1)
        bar.addWidget(self.find_button)
        self.product_label = QLabel(self.tr("Scan or find a product to see its stock."))
        self.product_label.setObjectName("inquiry_product")
        self.product_label.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.product_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()

        self.balance_table = make_table([""] * 5, stretch=0)
        self.total_label = QLabel()
        balance_box = QGroupBox(self.tr("Stock by warehouse"))
        box = QVBoxLayout(balance_box)
        box.addWidget(self.balance_table)
        box.addWidget(self.total_label)

        self.ledger_warehouse = QComboBox()
        self.ledger_warehouse.addItem(self.tr("All warehouses"), None)
        self.ledger_warehouse.currentIndexChanged.connect(lambda _i: self._reload_ledger())
        self.ledger_table = make_table([""] * 7, stretch=3)
        self.ledger_table.activated.connect(lambda _i: self._open_selected())
        self.more_button = QPushButton(self.tr("More"))
        self.more_button.setEnabled(False)
        self.more_button.clicked.connect(self.load_more)
        ledger_box = QGroupBox(self.tr("Movements"))
        box = QVBoxLayout(ledger_box)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Warehouse:")))
        row.addWidget(self.ledger_warehouse)
        row.addStretch(1)
        row.addWidget(self.more_button)
        box.addLayout(row)
        box.addWidget(self.ledger_table)

        split = QSplitter(Qt.Vertical)
        split.addWidget(balance_box)
        split.addWidget(ledger_box)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.product_label)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        set_headers(self.balance_table, [self.tr("Warehouse"), self.tr("On hand"),
                                         self.tr("Reserved"), self.tr("Available"),
                                         self.tr("Average cost")])
        set_headers(self.ledger_table, [self.tr("Time"), self.tr("Document"), self.tr("Type"),
                                        self.tr("Warehouse"), self.tr("Quantity"),
                                        self.tr("Balance after"), self.tr("Unit cost")])

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- choosing the product ---------------------------------------------------------------
    def find_product(self) -> None:
        dialog = ProductPickerDialog(self.client, self.runner, active_only=False, parent=self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.product_picked.connect(lambda p: self.show_product(p.id))
        self.picker = dialog
        dialog.open()

    def show_product(self, product_id: int) -> None:
        """Load the product's balances and ledger (also used by the low-stock list)."""
        self.settled = False
        self.jobs.submit(self.client.read, load_product_stock, product_id,
                         self.ledger_warehouse.currentData(), on_done=self._show,
                         on_error=self._failed, key=f"inquiry-{id(self)}")

    def _failed(self, exc: BaseException) -> None:
        self.settled = True
        self._say(error_text(exc))

    # -- showing -------------------------------------------------------------------------------
    def _show(self, result) -> None:
        product, balances, ledger = result
        self.product = product
        self.balances = list(balances)
        self._say("")
        spec = f" · {product.spec}" if product.spec else ""
        self.product_label.setText(f"{product.sku}  {product.name}{spec}  ({product.unit})")
        decimals = product.qty_decimals
        fill_table(self.balance_table, self.balances, lambda b: (
            b.warehouse_name, qty_text(b.on_hand, decimals), qty_text(b.reserved, decimals),
            qty_text(b.available, decimals), cost_text(b.avg_cost)),
            right=(1, 2, 3, 4), row_id=lambda b: b.warehouse_id)
        total = sum((Decimal(b.on_hand) for b in self.balances), Decimal(0))
        available = sum((Decimal(b.available) for b in self.balances), Decimal(0))
        text = self.tr("In all warehouses: %1 on hand, %2 available; minimum stock %3.")
        self.total_label.setText(text.replace("%1", qty_text(total, decimals))
                                 .replace("%2", qty_text(available, decimals))
                                 .replace("%3", qty_text(product.min_stock, decimals)))
        keep = self.ledger_warehouse.currentData()
        self.ledger_warehouse.blockSignals(True)
        self.ledger_warehouse.clear()
        self.ledger_warehouse.addItem(self.tr("All warehouses"), None)
        for b in self.balances:
            self.ledger_warehouse.addItem(b.warehouse_name, b.warehouse_id)
        index = self.ledger_warehouse.findData(keep)
        self.ledger_warehouse.setCurrentIndex(max(index, 0))
        self.ledger_warehouse.blockSignals(False)
        self._show_ledger(ledger, append=False)

    def _show_ledger(self, rows, *, append: bool) -> None:
        self.ledger = (self.ledger if append else []) + list(rows)
        self.more_button.setEnabled(len(rows) == LEDGER_PAGE)
        decimals = self.product.qty_decimals if self.product is not None else None

        def signed(value) -> str:
            text = qty_text(value, decimals)
            return ("+" + text) if Decimal(value) > 0 else text
        fill_table(self.ledger_table, self.ledger, lambda r: (
            local_datetime_text(r.at), r.doc_number or "", doc_type_name(r.doc_type),
            r.warehouse_name, signed(r.qty),
            qty_text(getattr(r, "balance_after", None), decimals), cost_text(r.unit_cost)),
            right=(4, 5, 6), row_id=lambda r: r.document_id)
        self.settled = True

    def _reload_ledger(self) -> None:
        if self.product is not None:
            self.show_product(self.product.id)

    def load_more(self) -> None:
        if self.product is None or not self.ledger:
            return
        self.settled = False
        self.jobs.submit(self.client.read, stock_inquiry.product_ledger,
                         self.product.id, warehouse_id=self.ledger_warehouse.currentData(),
                         limit=LEDGER_PAGE, before_id=self.ledger[-1].id,
                         on_done=lambda rows: self._show_ledger(rows, append=True),
                         on_error=self._failed, key=f"inquiry-more-{id(self)}")

    def _open_selected(self) -> None:
        doc_id = selected_id(self.ledger_table)
        if doc_id is None:
            return
        self.open_document.emit(doc_id)
        from ui.stock.doc_window import StockDocumentWindow
        StockDocumentWindow(self.client, self.runner, doc_id, parent=self).show()
