"""The warehouse clerk's page: what is waiting to be shipped and received, the drafts in
progress, and the way to documents without an order.

One click (or Enter) on a queue row creates the delivery note or receipt draft for
everything still open on the order and opens it in the document editor. An order that
already has a draft opens that draft instead of making a second one, and the click's client
UUID is kept per order, so a double click or a resend creates one draft."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QSplitter, QTabWidget, QVBoxLayout, QWidget)

from app.client import Client
from app.runner import Runner
from services import (deliveries, purchasing, receipts, sales_orders,
                      stock_documents as docs)
from services.stock_documents import StockDocFilter
from ui.errors import describe as error_text
from ui.stock import (doc_state_name, doc_type_name, fill_warehouse_combo, load_warehouses,
                      qty_text)
from ui.stock.doc_window import StockDocumentWindow
from ui.stock.tables import fill_table, make_table, selected_id, set_headers
from ui.widgets.field_errors import ERROR_STYLE
from ui.widgets.formatting import date_text
from ui.widgets.lifetime import OwnedRunner

DRAFT_STATES = ("draft", "submitted")
AUTO_REFRESH_MS = 60 * 1000


def open_or_create_delivery(session, actor, so_id: int, client_uuid: str):
    """The order's delivery-note draft: the one already being prepared, else a new one."""
    existing = docs.list_stock_documents(
        session, actor, StockDocFilter(doc_types=("DN",), states=("draft",),
                                       sales_order_id=so_id), limit=1)
    if existing:
        return existing[0]
    return deliveries.create_delivery_from_so(session, actor, so_id, client_uuid)


def open_or_create_receipt(session, actor, po_id: int, client_uuid: str):
    """The order's receipt draft: the one already being prepared, else a new one."""
    existing = docs.list_stock_documents(
        session, actor, StockDocFilter(doc_types=("GR",), states=("draft",),
                                       purchase_order_id=po_id), limit=1)
    if existing:
        return existing[0]
    return receipts.create_receipt_from_po(session, actor, po_id, client_uuid)


def load_queues(session, actor, warehouse_id: int | None):
    """Both queues and the drafts in progress, read in one transaction."""
    drafts = docs.list_stock_documents(
        session, actor, StockDocFilter(states=DRAFT_STATES, warehouse_id=warehouse_id),
        limit=100)
    return (sales_orders.ship_queue(session, actor, warehouse_id),
            purchasing.receive_queue(session, actor, warehouse_id), drafts)


class WarehousePage(QWidget):
    """The clerk's page. Documents open in their own editor windows; ``open_product(id)``
    asks the host for the product's stock inquiry (from the low-stock tab)."""

    open_product = Signal(int)
    document_posted = Signal(object)

    def __init__(self, client: Client, runner: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.jobs = OwnedRunner(runner, self)
        self.warehouses: list = []
        self.windows: dict[int, StockDocumentWindow] = {}
        self._uuids: dict[tuple[str, int], str] = {}
        self.settled = False
        self.ship_rows: list = []
        self.receive_rows: list = []
        self.draft_rows: list = []
        self._build()
        self.jobs.submit(client.read, load_warehouses, on_done=self._warehouses_loaded,
                         on_error=self._failed)
        # Orders are approved and received elsewhere all day: the queues follow on their own.
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(AUTO_REFRESH_MS)
        self.refresh_timer.timeout.connect(self._auto_refresh)
        self.refresh_timer.start()

    def _build(self) -> None:
        self.warehouse = QComboBox()
        self.warehouse.setMinimumWidth(160)
        self.warehouse.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.receive_button = QPushButton(self.tr("Receive without order…"))
        self.transfer_button = QPushButton(self.tr("Transfer…"))
        self.count_button = QPushButton(self.tr("Stock count…"))
        for button, kind in ((self.receive_button, "GR"), (self.transfer_button, "TR"),
                             (self.count_button, "SC")):
            button.clicked.connect(lambda _c=False, k=kind: self.new_document(k))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Warehouse:")))
        bar.addWidget(self.warehouse)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        for b in (self.receive_button, self.transfer_button, self.count_button):
            bar.addWidget(b)

        self.ship_table = make_table([""] * 6, stretch=1)
        self.ship_button = QPushButton(self.tr("Create delivery note"))
        self.ship_button.setObjectName("create_delivery")
        self.receive_table = make_table([""] * 6, stretch=1)
        self.receipt_button = QPushButton(self.tr("Create receipt"))
        self.receipt_button.setObjectName("create_receipt")
        self.ship_box = self._queue_box(self.tr("To ship"), self.ship_table, self.ship_button)
        self.receive_box = self._queue_box(self.tr("To receive"), self.receive_table,
                                           self.receipt_button)
        self.ship_table.activated.connect(lambda _i: self.create_delivery())
        self.ship_button.clicked.connect(self.create_delivery)
        self.receive_table.activated.connect(lambda _i: self.create_receipt())
        self.receipt_button.clicked.connect(self.create_receipt)

        self.draft_table = make_table([""] * 7, stretch=2)
        self.draft_table.activated.connect(lambda _i: self._open_selected_draft())
        self.draft_box = QGroupBox(self.tr("Drafts in progress"))
        box = QVBoxLayout(self.draft_box)
        box.addWidget(self.draft_table)

        queues = QSplitter(Qt.Horizontal)
        queues.addWidget(self.ship_box)
        queues.addWidget(self.receive_box)
        queues.setChildrenCollapsible(False)
        work = QSplitter(Qt.Vertical)
        work.addWidget(queues)
        work.addWidget(self.draft_box)
        work.setStretchFactor(0, 3)
        work.setStretchFactor(1, 2)
        work.setChildrenCollapsible(False)

        self.message = QLabel()
        self.message.setObjectName("warehouse_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()

        self.tabs = QTabWidget()
        self.queue_tab = QWidget()
        queue_layout = QVBoxLayout(self.queue_tab)
        queue_layout.setContentsMargins(0, 6, 0, 0)
        queue_layout.addLayout(bar)
        queue_layout.addWidget(self.message)
        queue_layout.addWidget(work, 1)
        self.tabs.addTab(self.queue_tab, "")
        self.documents = None
        self.purchase_orders = None
        self.low_stock = None
        self._extra_tabs()
        self.tabs.currentChanged.connect(self._tab_shown)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.retranslate()

    def _extra_tabs(self) -> None:
        from ui.stock.doc_list import StockDocumentList
        from ui.stock.low_stock import LowStockWidget
        self.documents = StockDocumentList(self.client, self.runner)
        self.documents.open_document.connect(self.open_document)
        self.tabs.addTab(self.documents, "")
        try:
            from ui.orders.order_list import PurchaseOrderList
        except ImportError:
            PurchaseOrderList = None
        if PurchaseOrderList is not None:
            self.purchase_orders = PurchaseOrderList(self.client, self.runner)
            self.tabs.addTab(self.purchase_orders, "")
        self.low_stock = LowStockWidget(self.client, self.runner)
        self.low_stock.open_product.connect(self.open_product)
        self.tabs.addTab(self.low_stock, "")

    def _queue_box(self, title: str, table, button) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(table)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        layout.addLayout(row)
        return box

    def retranslate(self) -> None:
        set_headers(self.ship_table, [self.tr("Order"), self.tr("Customer"),
                                      self.tr("Warehouse"), self.tr("Deliver by"),
                                      self.tr("Open lines"), self.tr("Open qty")])
        set_headers(self.receive_table, [self.tr("Order"), self.tr("Supplier"),
                                         self.tr("Warehouse"), self.tr("Expected"),
                                         self.tr("Open lines"), self.tr("Open qty")])
        set_headers(self.draft_table, [self.tr("Document"), self.tr("State"),
                                       self.tr("Customer / supplier"), self.tr("Order"),
                                       self.tr("Warehouse"), self.tr("Created by"),
                                       self.tr("Date")])
        titles = [self.tr("Work queue"), self.tr("Documents"), self.tr("Purchase orders"),
                  self.tr("Low stock")]
        widgets = [self.queue_tab, self.documents, self.purchase_orders, self.low_stock]
        for widget, title in zip(widgets, titles):
            if widget is not None:
                self.tabs.setTabText(self.tabs.indexOf(widget), title)

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is not self.queue_tab and hasattr(widget, "refresh"):
            widget.refresh()

    # -- loading ----------------------------------------------------------------------------
    def _warehouses_loaded(self, warehouses) -> None:
        self.warehouses = list(warehouses)
        fill_warehouse_combo(self.warehouse, self.warehouses,
                             any_text=self.tr("All warehouses"))
        self.refresh()

    def _auto_refresh(self) -> None:
        if self.isVisible() and self.tabs.currentWidget() is self.queue_tab and self.settled:
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.ship_table.setFocus()        # Enter on the first order makes its delivery note

    def warehouse_id(self) -> int | None:
        return self.warehouse.currentData()

    def refresh(self) -> None:
        self.settled = False
        self.jobs.submit(self.client.read, load_queues, self.warehouse_id(),
                         on_done=self._show, on_error=self._failed,
                         key=f"warehouse-queues-{id(self)}")

    def _show(self, result) -> None:
        ship, receive, drafts = result
        self.ship_rows = list(ship)
        self.receive_rows = list(receive)
        self.draft_rows = list(drafts)
        fill_table(self.ship_table, self.ship_rows,
                   lambda r: (r.number or "", r.customer_name, r.warehouse_name,
                              date_text(r.delivery_date), str(r.open_lines),
                              qty_text(r.open_qty)),
                   right=(4, 5), row_id=lambda r: r.so_id)
        fill_table(self.receive_table, self.receive_rows,
                   lambda r: (r.number or "", r.supplier_name, r.warehouse_name,
                              date_text(r.expected_date), str(r.open_lines),
                              qty_text(r.open_qty)),
                   right=(4, 5), row_id=lambda r: r.po_id)
        fill_table(self.draft_table, self.draft_rows,
                   lambda d: (f"{doc_type_name(d.doc_type)} {d.number or f'#{d.id}'}",
                              doc_state_name(d.state), d.customer_name or d.supplier_name or "",
                              d.sales_order_number or d.purchase_order_number or "",
                              d.warehouse_name + (f" → {d.to_warehouse_name}"
                                                  if d.to_warehouse_name else ""),
                              d.created_by_name or "", date_text(d.doc_date)))
        for table in (self.ship_table, self.receive_table):
            if table.currentRow() < 0 and table.rowCount():
                table.selectRow(0)
        self.ship_box.setTitle(self.tr("To ship (%1)").replace("%1", str(len(self.ship_rows))))
        self.receive_box.setTitle(self.tr("To receive (%1)").replace(
            "%1", str(len(self.receive_rows))))
        self.ship_button.setEnabled(bool(self.ship_rows))
        self.receipt_button.setEnabled(bool(self.receive_rows))
        self._say("")
        self.settled = True

    def _failed(self, exc: BaseException) -> None:
        self.settled = True
        self._say(error_text(exc))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- one click from a queue --------------------------------------------------------------
    def create_delivery(self) -> None:
        so_id = selected_id(self.ship_table)
        if so_id is not None:
            self._create("DN", so_id, open_or_create_delivery)

    def create_receipt(self) -> None:
        po_id = selected_id(self.receive_table)
        if po_id is not None:
            self._create("GR", po_id, open_or_create_receipt)

    def _create(self, doc_type: str, order_id: int, fn) -> None:
        uuid = self._uuids.setdefault((doc_type, order_id), docs.new_uuid())
        self.jobs.submit(self.client.write, fn, order_id, uuid,
                         on_done=self._draft_ready, on_error=self._failed)

    def _draft_ready(self, info) -> None:
        self.open_document(info.id)
        self.refresh()

    def _open_selected_draft(self) -> None:
        doc_id = selected_id(self.draft_table)
        if doc_id is not None:
            self.open_document(doc_id)

    def open_document(self, doc_id: int) -> StockDocumentWindow:
        """The document in its editor window (brought forward when already open)."""
        window = self.windows.get(doc_id)
        if window is not None:
            window.raise_()
            window.activateWindow()
            return window
        window = StockDocumentWindow(self.client, self.runner, doc_id, parent=self)
        self._watch(window, doc_id)
        window.show()
        return window

    def _watch(self, window: StockDocumentWindow, doc_id: int | None) -> None:
        editor = window.editor
        if doc_id is not None:
            self.windows[doc_id] = window
        editor.saved.connect(lambda info, w=window: self._document_changed(w, info))
        editor.posted.connect(lambda info, w=window: self._document_changed(w, info))
        editor.posted.connect(self.document_posted)
        editor.open_document.connect(self.open_document)
        window.destroyed.connect(lambda _o=None, w=window: self._forget(w))

    def _forget(self, window) -> None:
        for key, w in list(self.windows.items()):
            if w is window:
                del self.windows[key]

    def _document_changed(self, window, info) -> None:
        self.windows[info.id] = window
        if info.state in ("posted", "cancelled"):
            # The next click on the order makes a new note for what is still open.
            for key in [k for k in self._uuids if k[0] == info.doc_type
                        and k[1] in (info.sales_order_id, info.purchase_order_id)]:
                del self._uuids[key]
        self.refresh()
        if self.documents is not None:
            self.documents.refresh()

    # -- documents without an order ----------------------------------------------------------
    def new_document(self, doc_type: str) -> None:
        from ui.stock.new_document import NewDocumentDialog
        dialog = NewDocumentDialog(self.client, self.runner, doc_type, self.warehouses,
                                   warehouse_id=self.warehouse_id(), parent=self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.ready.connect(self.open_new)
        dialog.created.connect(self._count_created)
        self.new_dialog = dialog
        dialog.open()

    def open_new(self, new) -> StockDocumentWindow:
        window = StockDocumentWindow(self.client, self.runner, new=new, parent=self)
        self._watch(window, None)
        window.show()
        return window

    def _count_created(self, doc_id: int) -> None:
        self.open_document(doc_id)
        self.refresh()
