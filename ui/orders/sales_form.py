"""Sales order form (销售订单): customer, warehouse, dates, delivery and payment terms,
contact, the lines (price, discount, tax) and totals; why a manager must approve is shown
above the header. The buttons follow the order's state and the user's role:

- draft (or new): Save, Submit (saves and submits in one transaction; when no approval is
  needed the order is approved — and its stock reserved — at once), Cancel order;
- submitted: Approve and Reject (sales managers, administrators), Cancel order;
- approved / partly delivered: Cancel order (releases the reservation);
- warehouse and finance staff read orders only."""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from app.client import Client
from app.runner import Runner
from services import sales_orders
from services.errors import ValidationError
from services.sales_orders import SalesOrderInput
from ui.orders.order_form import OrderFormBase, OrderServices
from ui.widgets.customer_picker import CustomerPickerDialog
from ui.widgets.optional_date import OptionalDateEdit

SELLER_ROLES = ("sales", "sales_manager", "admin")
APPROVER_ROLES = ("sales_manager", "admin")
CANCELLABLE = ("draft", "submitted", "approved", "partially_delivered")


class SalesOrderForm(OrderFormBase):
    """``open_customer(id)`` asks for the customer's 360° view."""

    purchase = False
    print_types = ("quotation", "sales_order")
    services = OrderServices(sales_orders.create_sales_order, sales_orders.update_sales_order,
                             sales_orders.submit_sales_order, sales_orders.get_sales_order,
                             sales_orders.sales_order_history)
    editor_roles = SELLER_ROLES

    def __init__(self, client: Client, runner: Runner, order_id: int | None = None, *,
                 customer_id: int | None = None, customer_name: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(client, runner, order_id, parent)
        self.customer_id = customer_id
        self.picker: CustomerPickerDialog | None = None
        role = client.actor.role
        self.may_sell = role in SELLER_ROLES
        self.may_approve = role in APPROVER_ROLES
        self._build_header()
        self._build_buttons()
        self.resize(1000, 680)
        if customer_name:
            self.customer_label.setText(customer_name)
        self.open_for_input(self.tr("New sales order") if order_id is None
                            else self.tr("Sales order"))

    def _build_header(self) -> None:
        self.customer_label, customer_row = self.party_row(
            self.tr("(choose a customer)"), "customer_name", self.pick_customer)
        self.warehouse = QComboBox()
        self.order_date = self.date_edit()
        self.delivery_date = OptionalDateEdit(self.tr("Set a date"))
        self.delivery_address = QLineEdit()
        self.delivery_address.setMaxLength(300)
        self.delivery_terms = QLineEdit()
        self.delivery_terms.setMaxLength(200)
        self.delivery_terms.setPlaceholderText(self.tr("e.g. 送货上门, 运费我方承担"))
        self.payment_terms = QLineEdit()
        self.payment_terms.setMaxLength(200)
        self.payment_terms.setPlaceholderText(self.tr("e.g. 月结30天"))
        self.contact_name = QLineEdit()
        self.contact_name.setMaxLength(100)
        self.contact_phone = QLineEdit()
        self.contact_phone.setMaxLength(40)
        self.notes = QLineEdit()
        self.salesperson = QLabel()
        self.editors = {"customer_id": customer_row, "warehouse_id": self.warehouse,
                        "order_date": self.order_date, "delivery_date": self.delivery_date,
                        "delivery_address": self.delivery_address,
                        "delivery_terms": self.delivery_terms,
                        "payment_terms": self.payment_terms, "contact_name": self.contact_name,
                        "contact_phone": self.contact_phone, "notes": self.notes}
        left = (("customer_id", self.tr("Customer *")), ("warehouse_id", self.tr("Warehouse *")),
                ("order_date", self.tr("Order date")),
                ("delivery_date", self.tr("Delivery date")),
                ("delivery_address", self.tr("Delivery address")))
        right = (("delivery_terms", self.tr("Delivery terms")),
                 ("payment_terms", self.tr("Payment terms")),
                 ("contact_name", self.tr("Contact")), ("contact_phone", self.tr("Phone")),
                 ("notes", self.tr("Notes")))
        for form, fields in ((self.header_left, left), (self.header_right, right)):
            for f, label in fields:
                form.addRow(label, self.errors.wrap(f, self.editors[f]))
        self.header_right.addRow(self.tr("Salesperson"), self.salesperson)
        for w in (self.delivery_address, self.delivery_terms, self.payment_terms,
                  self.contact_name, self.contact_phone, self.notes):
            w.textEdited.connect(lambda _t: self.header_changed())
        self.warehouse.currentIndexChanged.connect(lambda _i: self.header_changed())

    def _build_buttons(self) -> None:
        self.save_button = QPushButton(self.tr("Save draft"))
        self.submit_button = QPushButton(self.tr("Submit"))
        self.submit_button.setObjectName("submit")
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setObjectName("approve")
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.cancel_button = QPushButton(self.tr("Cancel order…"))
        self.save_button.clicked.connect(self.save)
        self.submit_button.clicked.connect(self.submit)
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.ask_reject)
        self.cancel_button.clicked.connect(self.ask_cancel)
        self.add_buttons(self.save_button, self.submit_button, self.approve_button,
                         self.reject_button, self.cancel_button)

    # -- loading ----------------------------------------------------------------------------
    def fill_header(self, info) -> None:
        self.customer_id = info.customer_id
        self.customer_label.setText(info.customer_name)
        self.show_warehouse(info)
        d = info.order_date
        self.order_date.setDate(QDate(d.year, d.month, d.day))
        self.delivery_date.setDate(info.delivery_date)
        for edit, value in ((self.delivery_address, info.delivery_address),
                            (self.delivery_terms, info.delivery_terms),
                            (self.payment_terms, info.payment_terms),
                            (self.contact_name, info.contact_name),
                            (self.contact_phone, info.contact_phone), (self.notes, info.notes)):
            edit.setText(value or "")
        self.salesperson.setText(info.salesperson_name or "")
        self.title.setText(self.tr("Sales order %1").replace("%1", info.number)
                           if info.number else self.tr("Sales order (draft)"))
        banner = []
        if info.approval_reason and info.state in ("submitted", "draft"):
            banner.append(self.tr("Needs a manager's approval:") + "\n" + "\n".join(
                _translated_lines(info.approval_reason)))
        elif info.approval_reason and info.approved_by_name:
            banner.append(self.tr("Approved by %1 (%2)").replace("%1", info.approved_by_name)
                          .replace("%2", "; ".join(_translated_lines(info.approval_reason))))
        if info.state == "cancelled" and getattr(info, "cancel_reason", None):
            banner.append(self.tr("Cancelled: %1").replace("%1", info.cancel_reason))
        self.banner.setText("\n".join(banner))
        self.banner.setVisible(bool(banner))

    def update_buttons(self) -> None:
        state = self.info.state if self.info is not None else "draft"
        idle = not self.busy and self.loaded
        draft = self.editable()
        self.save_button.setVisible(draft)
        self.submit_button.setVisible(draft)
        self.save_button.setEnabled(idle and (self.dirty or self.order_id is None))
        self.submit_button.setEnabled(idle and bool(self.model.lines))
        waiting = state == "submitted" and self.may_approve
        self.approve_button.setVisible(waiting)
        self.reject_button.setVisible(waiting)
        self.approve_button.setEnabled(idle)
        self.reject_button.setEnabled(idle)
        self.cancel_button.setVisible(self.may_sell and self.order_id is not None
                                      and state in CANCELLABLE)
        self.cancel_button.setEnabled(idle)

    # -- customer --------------------------------------------------------------------------
    def pick_customer(self) -> None:
        self.picker = CustomerPickerDialog(self.client, self.runner,
                                           title=self.tr("Order for which customer?"),
                                           parent=self)
        self.picker.picked.connect(self._customer_picked)
        self.picker.open()

    def _customer_picked(self, customer_id: int) -> None:
        name = next((r.name for r in self.picker.rows if r.id == customer_id), str(customer_id))
        self.set_customer(customer_id, name)

    def set_customer(self, customer_id: int, name: str) -> None:
        self.customer_id = customer_id
        self.customer_label.setText(name)
        self.header_changed()

    # -- actions ---------------------------------------------------------------------------
    def current_input(self):
        problems = {}
        if self.customer_id is None:
            problems["customer_id"] = self.tr("Choose the customer.")
        if self.warehouse.currentData() is None:
            problems["warehouse_id"] = self.tr("Choose the warehouse that delivers.")
        if problems:
            raise ValidationError(problems)

        def text(edit):
            return edit.text().strip() or None
        return SalesOrderInput(
            customer_id=self.customer_id, warehouse_id=self.warehouse.currentData(),
            lines=self.model.inputs(), order_date=self.order_date.date().toPython(),
            delivery_date=self.delivery_date.date(),
            delivery_address=text(self.delivery_address),
            delivery_terms=text(self.delivery_terms), payment_terms=text(self.payment_terms),
            contact_name=text(self.contact_name), contact_phone=text(self.contact_phone),
            notes=text(self.notes),
            opportunity_id=getattr(self.info, "opportunity_id", None))

    def approve(self) -> None:
        if self.order_id is not None and not self.busy:
            self.run(sales_orders.approve_sales_order, self.order_id,
                     done_text=self.tr("%1 approved; its stock is reserved."))

    def ask_reject(self) -> None:
        self.ask_reason(self.tr("Reject order"),
                        self.tr("Why does the order go back to the salesperson?"),
                        self.tr("Reject"), self.reject_order)

    def reject_order(self, reason: str) -> None:
        self.run(sales_orders.reject_sales_order, self.order_id, reason,
                 done_text=self.tr("Sent back to the salesperson as a draft."))

    def ask_cancel(self) -> None:
        self.ask_reason(self.tr("Cancel order"),
                        self.tr("Why is the order cancelled? Reserved stock is released."),
                        self.tr("Cancel order"), self.cancel_order)

    def cancel_order(self, reason: str) -> None:
        self.run(sales_orders.cancel_sales_order, self.order_id, reason,
                 done_text=self.tr("%1 cancelled."))


def _translated_lines(reason: str) -> list[str]:
    from ui.errors import translate_service_message
    return [translate_service_message(line) for line in reason.splitlines() if line.strip()]

