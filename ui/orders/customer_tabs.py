"""The customer 360° view's Orders tab: the customer's sales orders (open ones first) and,
below, its delivery notes and customer returns. Enter or a click opens the order form or
the document; *New order…* starts an order for this customer. ``changed()`` after an order
was saved here, so the 360° view reloads."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QPushButton, QSplitter,
                               QVBoxLayout, QWidget)

from app.client import Client
from app.runner import Runner
from ui.orders import amount_text, order_state_name
from ui.stock import doc_state_name, doc_type_name, qty_text
from ui.stock.tables import fill_table, make_table, selected_id, set_headers
from ui.widgets.formatting import date_text

SELLER_ROLES = ("sales", "sales_manager", "admin")


class CustomerOrdersTab(QWidget):
    changed = Signal()

    def __init__(self, client: Client, runner: Runner, customer_id: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner, self.customer_id = client, runner, customer_id
        self.customer_name = ""
        self.orders: tuple = ()
        self.deliveries: tuple = ()
        self.new_button = QPushButton(self.tr("New order…"))
        self.new_button.setVisible(client.actor.role in SELLER_ROLES)
        self.summary = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        self.order_table = make_table([""] * 6, stretch=5)
        set_headers(self.order_table, [self.tr("Order"), self.tr("Order date"),
                                       self.tr("Delivery date"), self.tr("State"),
                                       self.tr("Salesperson"), self.tr("Total")])
        self.delivery_table = make_table([""] * 7, stretch=4)
        set_headers(self.delivery_table, [self.tr("Document"), self.tr("Date"),
                                          self.tr("State"), self.tr("Order"),
                                          self.tr("Warehouse"), self.tr("Quantity"),
                                          self.tr("Amount")])
        self.delivery_box = QGroupBox(self.tr("Deliveries and returns"))
        QVBoxLayout(self.delivery_box).addWidget(self.delivery_table)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.order_table)
        split.addWidget(self.delivery_box)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.new_button.clicked.connect(lambda: self.open_order(None))
        self.order_table.activated.connect(
            lambda _i: self.open_order(selected_id(self.order_table)))
        self.delivery_table.activated.connect(
            lambda _i: self.open_document(selected_id(self.delivery_table)))

    def show_rows(self, orders, deliveries, customer_name: str = "") -> None:
        self.orders, self.deliveries = tuple(orders), tuple(deliveries)
        self.customer_name = customer_name or self.customer_name
        fill_table(self.order_table, self.orders, lambda o: (
            o.number or self.tr("(draft %1)").replace("%1", str(o.id)),
            date_text(o.order_date), date_text(o.delivery_date), order_state_name(o.state),
            o.salesperson_name or "", amount_text(o.total)), right=(5,))
        fill_table(self.delivery_table, self.deliveries, lambda d: (
            f"{doc_type_name(d.doc_type)} {d.number or f'#{d.id}'}", date_text(d.doc_date),
            doc_state_name(d.state), d.sales_order_number or "", d.warehouse_name,
            qty_text(d.qty), amount_text(d.amount)), right=(5, 6))
        self.delivery_box.setVisible(bool(self.deliveries))
        open_total = sum((o.total for o in self.orders
                          if o.state not in ("delivered", "cancelled")), start=0)
        self.summary.setText(self.tr("%1 orders, %2 still open").replace(
            "%1", str(len(self.orders))).replace("%2", amount_text(open_total)))

    def open_order(self, order_id: int | None):
        if order_id is None and self.client.actor.role not in SELLER_ROLES:
            return None
        from ui.orders.sales_form import SalesOrderForm
        form = SalesOrderForm(self.client, self.runner, order_id,
                              customer_id=self.customer_id if order_id is None else None,
                              customer_name=self.customer_name if order_id is None else None,
                              parent=self)
        form.setAttribute(Qt.WA_DeleteOnClose)
        form.saved.connect(lambda _info: self.changed.emit())
        form.show()
        return form

    def open_document(self, doc_id: int | None):
        if doc_id is None:
            return None
        from ui.stock.doc_window import StockDocumentWindow
        window = StockDocumentWindow(self.client, self.runner, doc_id, parent=self)
        window.show()
        return window
