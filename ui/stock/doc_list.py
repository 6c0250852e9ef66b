"""Stock documents, newest first: filtered by type, state and warehouse, a page at a time
(keyset by id: "More" loads the next page). Enter or a double click opens the editor."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from app.client import Client
from app.runner import Runner
from models.stock import STOCK_DOC_STATES, STOCK_DOC_TYPES
from services import stock_documents as docs
from services.stock_documents import StockDocFilter
from ui.errors import describe as error_text
from ui.stock import (doc_state_name, doc_type_name, fill_warehouse_combo, load_warehouses)
from ui.stock.tables import fill_table, make_table, selected_id, set_headers
from ui.widgets.field_errors import ERROR_STYLE
from ui.widgets.formatting import date_text, local_datetime_text
from ui.widgets.lifetime import OwnedRunner

PAGE = 200


class StockDocumentList(QWidget):
    open_document = Signal(int)

    def __init__(self, client: Client, runner: Runner, parent: QWidget | None = None, *,
                 page: int = PAGE):
        super().__init__(parent)
        self.client, self.runner, self.page = client, runner, page
        self.jobs = OwnedRunner(runner, self)
        self.rows: list = []
        self.more = False
        self.settled = False
        self.doc_type = QComboBox()
        self.doc_type.addItem(self.tr("All types"), None)
        for t in STOCK_DOC_TYPES:
            self.doc_type.addItem(doc_type_name(t), t)
        self.state = QComboBox()
        self.state.addItem(self.tr("All states"), None)
        for s in STOCK_DOC_STATES:
            self.state.addItem(doc_state_name(s), s)
        self.warehouse = QComboBox()
        self.warehouse.addItem(self.tr("All warehouses"), None)
        self.more_button = QPushButton(self.tr("More"))
        self.more_button.setEnabled(False)
        self.open_button = QPushButton(self.tr("Open"))
        # batch print (ui.printing): the posted delivery notes among the selected rows
        self.print_button = QPushButton(self.tr("Print selected"))
        bar = QHBoxLayout()
        for label, combo in ((self.tr("Type:"), self.doc_type), (self.tr("State:"), self.state),
                             (self.tr("Warehouse:"), self.warehouse)):
            bar.addWidget(QLabel(label))
            bar.addWidget(combo)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.open_button)
        self.table = make_table([""] * 8, stretch=4)
        self.table.setSelectionMode(self.table.SelectionMode.ExtendedSelection)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.count = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        set_headers(self.table, [self.tr("Document"), self.tr("Type"), self.tr("State"),
                                 self.tr("Date"), self.tr("Customer / supplier"),
                                 self.tr("Warehouse"), self.tr("Order"), self.tr("Posted")])
        for combo in (self.doc_type, self.state, self.warehouse):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.more_button.clicked.connect(self.load_more)
        self.open_button.clicked.connect(self._open_selected)
        self.print_button.clicked.connect(self.print_selected)
        self.table.activated.connect(lambda _i: self._open_selected())
        self.jobs.submit(client.read, load_warehouses, on_done=self._warehouses,
                         on_error=lambda e: self._say(error_text(e)))

    def _warehouses(self, warehouses) -> None:
        fill_warehouse_combo(self.warehouse, warehouses, any_text=self.tr("All warehouses"),
                             keep=self.warehouse.currentData())
        self.refresh()

    def current_filter(self) -> StockDocFilter:
        t, s = self.doc_type.currentData(), self.state.currentData()
        return StockDocFilter(doc_types=(t,) if t else (), states=(s,) if s else (),
                              warehouse_id=self.warehouse.currentData())

    def refresh(self) -> None:
        self.settled = False
        self.jobs.submit(self.client.read, docs.list_stock_documents, self.current_filter(),
                         limit=self.page, on_done=lambda rows: self._show(rows, False),
                         on_error=self._failed, key=f"stock-docs-{id(self)}")

    def load_more(self) -> None:
        if not self.rows:
            return
        self.settled = False
        self.jobs.submit(self.client.read, docs.list_stock_documents, self.current_filter(),
                         limit=self.page, before_id=self.rows[-1].id,
                         on_done=lambda rows: self._show(rows, True), on_error=self._failed,
                         key=f"stock-docs-{id(self)}")

    def _show(self, rows, append: bool) -> None:
        self.rows = (self.rows if append else []) + list(rows)
        self.more = len(rows) == self.page
        self.more_button.setEnabled(self.more)
        fill_table(self.table, self.rows, lambda d: (
            d.label, doc_type_name(d.doc_type), doc_state_name(d.state), date_text(d.doc_date),
            d.customer_name or d.supplier_name or "",
            d.warehouse_name + (f" → {d.to_warehouse_name}" if d.to_warehouse_name else ""),
            d.sales_order_number or d.purchase_order_number or "",
            local_datetime_text(d.posted_at)))
        self.count.setText(self.tr("%1 documents shown").replace("%1", str(len(self.rows))))
        self._say("")
        self.settled = True

    def _failed(self, exc: BaseException) -> None:
        self.settled = True
        self._say(error_text(exc))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _open_selected(self) -> None:
        doc_id = selected_id(self.table)
        if doc_id is not None:
            self.open_document.emit(doc_id)

    def selected_delivery_notes(self) -> list[int]:
        """Ids of the posted delivery notes among the selected rows, in list order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.rows[r].id for r in rows if r < len(self.rows) and
                self.rows[r].doc_type == "DN" and self.rows[r].state == "posted"]

    def print_selected(self) -> None:
        ids = self.selected_delivery_notes()
        if not ids:
            self._say(self.tr("Select posted delivery notes to print."))
            return
        from ui.printing import print_documents
        print_documents(self, self.client, self.runner, "delivery_note", ids)
