"""Purchase order form (采购订单): supplier, receiving warehouse, order and expected dates,
payment terms (the supplier's when left empty), the lines at tax-inclusive purchase prices,
totals. Warehouse staff and administrators create, edit (drafts) and submit; an
administrator approves; cancelling needs a reason and is refused once goods were received.
Finance reads only."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox,
                               QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from app.client import Client
from app.runner import Runner
from services import purchasing, suppliers
from services.errors import ValidationError
from services.purchasing import PurchaseOrderInput
from ui.errors import describe as error_text
from ui.orders.order_form import OrderFormBase, OrderServices
from ui.stock.tables import fill_table, make_table, selected_id
from ui.widgets.lifetime import OwnedRunner
from ui.widgets.optional_date import OptionalDateEdit

BUYER_ROLES = ("warehouse", "admin")
APPROVER_ROLES = ("admin",)
CANCELLABLE = ("draft", "submitted", "approved")


class SupplierPickerDialog(QDialog):
    """Pick a supplier by any fragment of its code, name or phone; ``picked(SupplierInfo)``."""

    picked = Signal(object)

    def __init__(self, client: Client, runner: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.jobs = OwnedRunner(runner, self)
        self.rows: list = []
        self.setWindowTitle(self.tr("Choose a supplier"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Code, name or phone…"))
        self.search.setClearButtonEnabled(True)
        self.table = make_table([self.tr("Code"), self.tr("Name"), self.tr("Phone"),
                                 self.tr("Payment terms")], stretch=1)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Choose"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(600, 400)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.table.doubleClicked.connect(lambda _i: self._choose())
        self.buttons.accepted.connect(self._choose)
        self.buttons.rejected.connect(self.reject)
        self.run_search()

    def run_search(self) -> None:
        self.jobs.submit(self.client.read, suppliers.search_suppliers,
                         self.search.text().strip(), on_done=self._show,
                         on_error=lambda e: self.search.setToolTip(error_text(e)),
                         key=f"supplier-picker-{id(self)}")

    def _show(self, rows) -> None:
        self.rows = [r for r in rows if getattr(r, "active", True)]
        fill_table(self.table, self.rows, lambda r: (r.code, r.name, r.phone or "",
                                                     r.payment_terms or ""))
        if self.rows:
            self.table.selectRow(0)

    def _choose(self) -> None:
        chosen = selected_id(self.table)
        supplier = next((r for r in self.rows if r.id == chosen), None)
        if supplier is not None:
            self.accept()
            self.picked.emit(supplier)


class PurchaseOrderForm(OrderFormBase):
    purchase = True
    print_types = ("purchase_order",)
    services = OrderServices(purchasing.create_purchase_order, purchasing.update_purchase_order,
                             purchasing.submit_purchase_order, purchasing.get_purchase_order,
                             purchasing.purchase_order_history)
    editor_roles = BUYER_ROLES

    def __init__(self, client: Client, runner: Runner, order_id: int | None = None, *,
                 parent: QWidget | None = None):
        super().__init__(client, runner, order_id, parent)
        self.supplier_id: int | None = None
        role = client.actor.role
        self.may_buy = role in BUYER_ROLES
        self.may_approve = role in APPROVER_ROLES
        self._build_header()
        self._build_buttons()
        self.resize(960, 640)
        self.open_for_input(self.tr("New purchase order") if order_id is None
                            else self.tr("Purchase order"))

    def _build_header(self) -> None:
        self.supplier_label, supplier_row = self.party_row(
            self.tr("(choose a supplier)"), "supplier_name", self.pick_supplier)
        self.warehouse = QComboBox()
        self.order_date = self.date_edit()
        self.expected_date = OptionalDateEdit(self.tr("Set a date"))
        self.payment_terms = QLineEdit()
        self.payment_terms.setMaxLength(80)
        self.payment_terms.setPlaceholderText(self.tr("empty: the supplier's terms"))
        self.notes = QLineEdit()
        self.created_by = QLabel()
        self.editors = {"supplier_id": supplier_row, "warehouse_id": self.warehouse,
                        "order_date": self.order_date, "expected_date": self.expected_date,
                        "payment_terms": self.payment_terms, "notes": self.notes}
        left = (("supplier_id", self.tr("Supplier *")),
                ("warehouse_id", self.tr("Receiving warehouse *")),
                ("order_date", self.tr("Order date")))
        right = (("expected_date", self.tr("Expected")),
                 ("payment_terms", self.tr("Payment terms")), ("notes", self.tr("Notes")))
        for form, fields in ((self.header_left, left), (self.header_right, right)):
            for f, label in fields:
                form.addRow(label, self.errors.wrap(f, self.editors[f]))
        self.header_left.addRow(self.tr("Created / approved by"), self.created_by)
        for w in (self.payment_terms, self.notes):
            w.textEdited.connect(lambda _t: self.header_changed())
        self.warehouse.currentIndexChanged.connect(lambda _i: self.header_changed())

    def _build_buttons(self) -> None:
        self.save_button = QPushButton(self.tr("Save draft"))
        self.submit_button = QPushButton(self.tr("Submit"))
        self.submit_button.setObjectName("submit")
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setObjectName("approve")
        self.cancel_button = QPushButton(self.tr("Cancel order…"))
        self.save_button.clicked.connect(self.save)
        self.submit_button.clicked.connect(self.submit)
        self.approve_button.clicked.connect(self.approve)
        self.cancel_button.clicked.connect(self.ask_cancel)
        self.add_buttons(self.save_button, self.submit_button, self.approve_button,
                         self.cancel_button)

    def fill_header(self, info) -> None:
        self.supplier_id = info.supplier_id
        self.supplier_label.setText(info.supplier_name)
        self.show_warehouse(info)
        d = info.order_date
        self.order_date.setDate(QDate(d.year, d.month, d.day))
        self.expected_date.setDate(info.expected_date)
        self.payment_terms.setText(info.payment_terms or "")
        self.notes.setText(info.notes or "")
        by = info.created_by_name or ""
        if info.approved_by_name:
            by += " / " + info.approved_by_name
        self.created_by.setText(by)
        self.title.setText(self.tr("Purchase order %1").replace("%1", info.number)
                           if info.number else self.tr("Purchase order (draft)"))
        reason = getattr(info, "cancel_reason", None)
        self.banner.setText(self.tr("Cancelled: %1").replace("%1", reason or ""))
        self.banner.setVisible(info.state == "cancelled" and bool(reason))

    def update_buttons(self) -> None:
        state = self.info.state if self.info is not None else "draft"
        idle = not self.busy and self.loaded
        draft = self.editable()
        self.save_button.setVisible(draft)
        self.submit_button.setVisible(draft)
        self.save_button.setEnabled(idle and (self.dirty or self.order_id is None))
        self.submit_button.setEnabled(idle and bool(self.model.lines))
        self.approve_button.setVisible(state == "submitted" and self.may_approve)
        self.approve_button.setEnabled(idle)
        self.cancel_button.setVisible(self.may_buy and self.order_id is not None
                                      and state in CANCELLABLE)
        self.cancel_button.setEnabled(idle)

    # -- supplier ----------------------------------------------------------------------------
    def pick_supplier(self) -> None:
        self.picker = SupplierPickerDialog(self.client, self.runner, self)
        self.picker.setAttribute(Qt.WA_DeleteOnClose)
        self.picker.picked.connect(self.set_supplier)
        self.picker.open()

    def set_supplier(self, supplier) -> None:
        self.supplier_id = supplier.id
        self.supplier_label.setText(f"{supplier.code} {supplier.name}")
        if not self.payment_terms.text().strip() and supplier.payment_terms:
            self.payment_terms.setText(supplier.payment_terms)
        self.header_changed()

    # -- actions -------------------------------------------------------------------------------
    def current_input(self):
        problems = {}
        if self.supplier_id is None:
            problems["supplier_id"] = self.tr("Choose the supplier.")
        if self.warehouse.currentData() is None:
            problems["warehouse_id"] = self.tr("Choose the warehouse that receives the goods.")
        if problems:
            raise ValidationError(problems)
        return PurchaseOrderInput(
            supplier_id=self.supplier_id, warehouse_id=self.warehouse.currentData(),
            lines=self.model.inputs(), order_date=self.order_date.date().toPython(),
            expected_date=self.expected_date.date(),
            payment_terms=self.payment_terms.text().strip() or None,
            notes=self.notes.text().strip() or None)

    def approve(self) -> None:
        if self.order_id is not None and not self.busy:
            self.run(purchasing.approve_purchase_order, self.order_id,
                     done_text=self.tr("%1 approved; it is in the warehouse's queue to "
                                       "receive."))

    def ask_cancel(self) -> None:
        self.ask_reason(self.tr("Cancel order"), self.tr("Why is the order cancelled?"),
                        self.tr("Cancel order"), self.cancel_order)

    def cancel_order(self, reason: str) -> None:
        self.run(purchasing.cancel_purchase_order, self.order_id, reason,
                 done_text=self.tr("%1 cancelled."))
