"""Order lists, newest first, a page at a time: sales orders (whoever may see them) and
purchase orders (warehouse, finance, administrators). A state filter ("open", "awaiting
approval", each state); New opens an empty form; Enter or a double click opens the order."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from app.client import Client
from app.runner import Runner
from ui.errors import describe as error_text
from ui.orders import amount_text, order_state_name
from services import purchasing, sales_orders
from ui.stock.tables import fill_table, make_table, selected_id, set_headers
from ui.widgets.field_errors import ERROR_STYLE
from ui.widgets.formatting import date_text
from ui.widgets.lifetime import OwnedRunner

PAGE = 200


class OrderListBase(QWidget):
    """Subclasses set the list function, the states, the columns and the form class."""

    order_saved = Signal(object)
    list_orders = None                 # the service's list function
    states: tuple[str, ...] = ()
    open_states: tuple[str, ...] = ()
    creator_roles: tuple[str, ...] = ()

    def __init__(self, client: Client, runner: Runner, parent: QWidget | None = None, *,
                 page: int = PAGE):
        super().__init__(parent)
        self.client, self.runner, self.page = client, runner, page
        self.jobs = OwnedRunner(runner, self)
        self.rows: list = []
        self.forms: dict[int, QWidget] = {}
        self.settled = False
        self.state = QComboBox()
        self.state.addItem(self.tr("Open orders"), self.open_states)
        self.state.addItem(self.tr("Awaiting approval"), ("submitted",))
        self.state.addItem(self.tr("All orders"), ())
        for s in self.states:
            self.state.addItem(order_state_name(s), (s,))
        self.new_button = QPushButton(self.tr("New order"))
        self.new_button.setObjectName("new_order")
        self.new_button.setVisible(client.actor.role in self.creator_roles)
        self.open_button = QPushButton(self.tr("Open"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.bar = bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.state)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.open_button)
        bar.addWidget(self.new_button)
        self.table = make_table([""] * len(self.headers()), stretch=1)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.count = QLabel()
        self.more_button = QPushButton(self.tr("More"))
        self.more_button.setEnabled(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        set_headers(self.table, self.headers())
        self.state.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.more_button.clicked.connect(self.load_more)
        self.new_button.clicked.connect(lambda: self.open_order(None))
        self.open_button.clicked.connect(self._open_selected)
        self.table.activated.connect(lambda _i: self._open_selected())
        self.refresh()

    # subclass hooks
    def headers(self) -> list[str]:
        raise NotImplementedError

    def cells(self, info) -> tuple[str, ...]:
        raise NotImplementedError

    def make_form(self, order_id: int | None):
        raise NotImplementedError

    def set_state_filter(self, states: tuple[str, ...]) -> None:
        for index in range(self.state.count()):
            if tuple(self.state.itemData(index)) == tuple(states):
                self.state.setCurrentIndex(index)
                return

    def refresh(self) -> None:
        self.settled = False
        self.jobs.submit(self.client.read, self.list_orders, states=self.state.currentData(),
                         limit=self.page, on_done=lambda rows: self._show(rows, False),
                         on_error=self._failed, key=f"orders-{id(self)}")

    def load_more(self) -> None:
        if not self.rows:
            return
        self.settled = False
        self.jobs.submit(self.client.read, self.list_orders, states=self.state.currentData(),
                         limit=self.page, before_id=self.rows[-1].id,
                         on_done=lambda rows: self._show(rows, True), on_error=self._failed,
                         key=f"orders-{id(self)}")

    def _show(self, rows, append: bool) -> None:
        self.rows = (self.rows if append else []) + list(rows)
        self.more_button.setEnabled(len(rows) == self.page)
        fill_table(self.table, self.rows, self.cells, right=(len(self.headers()) - 1,))
        self.count.setText(self.tr("%1 orders shown").replace("%1", str(len(self.rows))))
        self.message.hide()
        self.settled = True

    def _failed(self, exc: BaseException) -> None:
        self.settled = True
        self.message.setText(error_text(exc))
        self.message.show()

    def _open_selected(self) -> None:
        order_id = selected_id(self.table)
        if order_id is not None:
            self.open_order(order_id)

    def open_order(self, order_id: int | None):
        """The order's form (brought forward when open); None: a new order."""
        form = self.forms.get(order_id) if order_id is not None else None
        if form is not None:
            form.raise_()
            form.activateWindow()
            return form
        form = self.make_form(order_id)
        form.setAttribute(Qt.WA_DeleteOnClose)
        if order_id is not None:
            self.forms[order_id] = form
        form.saved.connect(lambda info, f=form: self._saved(f, info))
        form.destroyed.connect(lambda _o=None, f=form: self._forget(f))
        form.show()
        return form

    def _saved(self, form, info) -> None:
        self.forms[info.id] = form
        self.order_saved.emit(info)
        self.refresh()

    def _forget(self, form) -> None:
        for key, f in list(self.forms.items()):
            if f is form:
                del self.forms[key]


class SalesOrderList(OrderListBase):
    list_orders = staticmethod(sales_orders.list_sales_orders)
    states = ("draft", "submitted", "approved", "partially_delivered", "delivered",
              "cancelled")
    open_states = ("draft", "submitted", "approved", "partially_delivered")
    creator_roles = ("sales", "sales_manager", "admin")

    def __init__(self, client: Client, runner: Runner, parent: QWidget | None = None, *,
                 page: int = PAGE):
        super().__init__(client, runner, parent, page=page)
        from ui.orders.approval_rules import RULE_EDITORS
        self.rules_button = QPushButton(self.tr("Approval rules…"))
        self.rules_button.setVisible(client.actor.role in RULE_EDITORS)
        self.rules_button.clicked.connect(self.edit_rules)
        self.bar.insertWidget(self.bar.count() - 2, self.rules_button)
        self.rules_dialog = None

    def edit_rules(self):
        from ui.orders.approval_rules import ApprovalRulesDialog
        self.rules_dialog = ApprovalRulesDialog(self.client, self.runner, self)
        self.rules_dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.rules_dialog.open()
        return self.rules_dialog

    def headers(self) -> list[str]:
        return [self.tr("Order"), self.tr("Customer"), self.tr("Salesperson"),
                self.tr("Order date"), self.tr("Delivery date"), self.tr("State"),
                self.tr("Total")]

    def cells(self, info) -> tuple[str, ...]:
        return (info.number or self.tr("(draft %1)").replace("%1", str(info.id)),
                info.customer_name, info.salesperson_name or "", date_text(info.order_date),
                date_text(info.delivery_date), order_state_name(info.state),
                amount_text(info.total))

    def make_form(self, order_id: int | None):
        from ui.orders.sales_form import SalesOrderForm
        return SalesOrderForm(self.client, self.runner, order_id, parent=self)


class PurchaseOrderList(OrderListBase):
    list_orders = staticmethod(purchasing.list_purchase_orders)
    states = ("draft", "submitted", "approved", "partially_received", "received", "cancelled")
    open_states = ("draft", "submitted", "approved", "partially_received")
    creator_roles = ("warehouse", "admin")

    def headers(self) -> list[str]:
        return [self.tr("Order"), self.tr("Supplier"), self.tr("Warehouse"),
                self.tr("Order date"), self.tr("Expected"), self.tr("State"), self.tr("Total")]

    def cells(self, info) -> tuple[str, ...]:
        return (info.number or self.tr("(draft %1)").replace("%1", str(info.id)),
                info.supplier_name, info.warehouse_name, date_text(info.order_date),
                date_text(info.expected_date), order_state_name(info.state),
                amount_text(info.total))

    def make_form(self, order_id: int | None):
        from ui.orders.purchase_form import PurchaseOrderForm
        return PurchaseOrderForm(self.client, self.runner, order_id, parent=self)


class OrdersPage(QWidget):
    """The Orders screen: sales orders, and purchase orders for those who read them."""

    def __init__(self, client: Client, runner: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtWidgets import QTabWidget
        self.sales = SalesOrderList(client, runner)
        self.purchases = None
        layout = QVBoxLayout(self)
        if client.actor.role in ("warehouse", "finance", "admin"):
            self.tabs = QTabWidget()
            self.purchases = PurchaseOrderList(client, runner)
            self.tabs.addTab(self.sales, self.tr("Sales orders"))
            self.tabs.addTab(self.purchases, self.tr("Purchase orders"))
            layout.addWidget(self.tabs)
        else:
            layout.addWidget(self.sales)

    def refresh(self) -> None:
        self.sales.refresh()
        if self.purchases is not None:
            self.purchases.refresh()
