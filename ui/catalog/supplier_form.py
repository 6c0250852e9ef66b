"""Supplier form (供应商): details with payment terms and a 1–5 star rating; contacts (add,
edit, remove; one primary); purchase history (orders, receipts, returns). Warehouse staff
and administrators edit; everyone else sees it read-only."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QSpinBox, QTableWidget, QTableWidgetItem,
                               QTabWidget, QVBoxLayout, QWidget)

from services import suppliers
from services.suppliers import SupplierContactInput, SupplierInput
from ui.catalog.common import CatalogFormDialog, caption, money_text, read_only_table
from ui.errors import translate_service_message as message_text
from ui.widgets.field_errors import FieldErrors
from ui.widgets.formatting import date_text

STARS = "★★★★★"


def stars(rating: int | None) -> str:
    return "" if not rating else STARS[:rating] + "☆" * (5 - rating)


def kind_text(kind: str) -> str:
    return {"PO": QCoreApplication.translate("SupplierForm", "Purchase order"),
            "GR": QCoreApplication.translate("SupplierForm", "Goods receipt"),
            "SR": QCoreApplication.translate("SupplierForm", "Supplier return")}.get(kind, kind)


def state_text(state: str) -> str:
    return {"draft": QCoreApplication.translate("SupplierForm", "draft"),
            "submitted": QCoreApplication.translate("SupplierForm", "submitted"),
            "approved": QCoreApplication.translate("SupplierForm", "approved"),
            "partially_received": QCoreApplication.translate("SupplierForm",
                                                             "partially received"),
            "received": QCoreApplication.translate("SupplierForm", "received"),
            "posted": QCoreApplication.translate("SupplierForm", "posted"),
            "cancelled": QCoreApplication.translate("SupplierForm", "cancelled")
            }.get(state, state)


class ContactDialog(QDialog):
    """Add or edit one supplier contact; saves itself and emits ``accepted``."""

    def __init__(self, form: "SupplierFormDialog", contact=None):
        super().__init__(form)
        self.form, self.contact = form, contact
        self.setWindowTitle(self.tr("Contact"))
        self.errors = FieldErrors(message_text)
        self.name, self.title, self.phone, self.email = (QLineEdit() for _ in range(4))
        self.is_primary = QCheckBox(self.tr("Primary contact"))
        grid = QFormLayout()
        for field, text, editor in (("name", self.tr("Name *"), self.name),
                                    ("title", self.tr("Job title"), self.title),
                                    ("phone", self.tr("Phone"), self.phone),
                                    ("email", self.tr("Email"), self.email)):
            grid.addRow(text, self.errors.wrap(field, editor))
        grid.addRow("", self.is_primary)
        if contact is not None:
            self.name.setText(contact.name)
            self.title.setText(contact.title or "")
            self.phone.setText(contact.phone or "")
            self.email.setText(contact.email or "")
            self.is_primary.setChecked(contact.is_primary)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(420, self.sizeHint().height())

    def save(self) -> None:
        data = SupplierContactInput(self.name.text(), title=self.title.text() or None,
                                    phone=self.phone.text() or None,
                                    email=self.email.text() or None,
                                    is_primary=self.is_primary.isChecked())
        if self.contact is None:
            call = (suppliers.add_supplier_contact, self.form.record_id, data)
        else:
            call = (suppliers.update_supplier_contact, self.contact.id, data)
        self.buttons.setEnabled(False)
        self.form.jobs.submit(self.form.client.write, *call, on_done=self._saved,
                              on_error=self._failed)

    def _saved(self, _contact) -> None:
        self.accept()
        self.form.reload_contacts()

    def _failed(self, exc) -> None:
        from services.errors import ValidationError
        from ui.errors import describe
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.errors.show(exc.errors)
        else:
            self.status.setText(describe(exc))


class SupplierFormDialog(CatalogFormDialog):
    """New supplier (``supplier_id`` None) or edit one. ``saved(SupplierInfo)``. Contacts
    and history are available once the supplier exists."""

    def __init__(self, client, runner, supplier_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(client, runner, supplier_id, parent)
        self.setWindowTitle(self.tr("New supplier") if supplier_id is None
                            else self.tr("Edit supplier"))
        self.contact_dialog: ContactDialog | None = None
        self._build()
        self.start(suppliers.get_supplier)
        if supplier_id is not None:
            self.jobs.submit(self.client.read, suppliers.supplier_purchase_history,
                             supplier_id, on_done=self._history, on_error=self._show_error)

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("assigned automatically"))
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.address = QLineEdit()
        self.tax_id = QLineEdit()
        self.bank_account = QLineEdit()
        self.payment_terms = QComboBox()
        self.payment_terms.setEditable(True)
        self.payment_terms.addItems(["", "款到发货", "货到付款", "月结30天", "月结60天",
                                     "月结90天"])
        self.payment_days = QSpinBox()
        self.payment_days.setRange(-1, 365)
        self.payment_days.setSpecialValueText(self.tr("not set"))
        self.payment_days.setValue(-1)
        self.payment_days.setSuffix(self.tr(" days"))
        self.rating = QComboBox()
        self.rating.addItem(self.tr("not rated"), None)
        for n in range(1, 6):
            self.rating.addItem(stars(n), n)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.active = QCheckBox(self.tr("Active"))
        self.active.setChecked(True)
        self.editors = {"name": self.name, "code": self.code, "phone": self.phone,
                        "email": self.email, "address": self.address, "tax_id": self.tax_id,
                        "bank_account": self.bank_account,
                        "payment_terms": self.payment_terms,
                        "payment_days": self.payment_days, "rating": self.rating}
        labels = {"name": self.tr("Name *"), "code": self.tr("Code"),
                  "phone": self.tr("Phone"), "email": self.tr("Email"),
                  "address": self.tr("Address"), "tax_id": self.tr("Tax ID"),
                  "bank_account": self.tr("Bank account"),
                  "payment_terms": self.tr("Payment terms"),
                  "payment_days": self.tr("Payment days"), "rating": self.tr("Rating")}
        columns = (("name", "code", "phone", "email", "address"),
                   ("payment_terms", "payment_days", "rating", "tax_id", "bank_account"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setColumnMinimumWidth(2, 16)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(4, 2)
        for half, fields in enumerate(columns):
            for row, field in enumerate(fields):
                grid.addWidget(caption(labels[field], self.editors[field]), row, half * 3,
                               Qt.AlignTop)
                grid.addWidget(self.errors.wrap(field, self.editors[field]), row, half * 3 + 1)
        grid.addWidget(caption(self.tr("Notes"), self.notes), 5, 0, Qt.AlignTop)
        grid.addWidget(self.errors.wrap("notes", self.notes), 5, 1, 1, 4)
        grid.addWidget(self.active, 6, 1)
        grid.setRowStretch(7, 1)            # rows keep their height; the space goes below
        details = QWidget()
        details.setLayout(grid)

        self.contacts = read_only_table(QTableWidget(0, 5))
        self.contacts.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Job title"),
                                                 self.tr("Phone"), self.tr("Email"),
                                                 self.tr("Primary")])
        self.contacts.itemDoubleClicked.connect(lambda _i: self.edit_contact())
        self.add_contact_button = QPushButton(self.tr("Add contact"))
        self.add_contact_button.clicked.connect(lambda: self.edit_contact(new=True))
        self.edit_contact_button = QPushButton(self.tr("Edit"))
        self.edit_contact_button.clicked.connect(lambda: self.edit_contact())
        self.remove_contact_button = QPushButton(self.tr("Remove"))
        self.remove_contact_button.clicked.connect(self.remove_contact)
        self.contacts_note = QLabel(self.tr("Save the supplier first, then add its contacts."))
        buttons = QHBoxLayout()
        for b in (self.add_contact_button, self.edit_contact_button,
                  self.remove_contact_button):
            buttons.addWidget(b)
            b.setVisible(self.editable)
            b.setEnabled(self.record_id is not None)
        buttons.addStretch(1)
        buttons.addWidget(self.contacts_note)
        self.contacts_note.setVisible(self.record_id is None and self.editable)
        contacts_page = QWidget()
        box = QVBoxLayout(contacts_page)
        box.addWidget(self.contacts)
        box.addLayout(buttons)

        self.history = read_only_table(QTableWidget(0, 5))
        self.history.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Document"),
                                                self.tr("Number"), self.tr("State"),
                                                self.tr("Amount")])
        self.history_note = QLabel(self.tr("Orders: total with tax. Receipts and returns: "
                                           "value at cost, without tax."))
        self.history_note.setWordWrap(True)
        history_page = QWidget()
        box = QVBoxLayout(history_page)
        box.addWidget(self.history)
        box.addWidget(self.history_note)

        self.tabs = QTabWidget()
        self.tabs.addTab(details, self.tr("Details"))
        self.tabs.addTab(contacts_page, self.tr("Contacts"))
        self.tabs.addTab(history_page, self.tr("Purchase history"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        if not self.editable:
            self.set_read_only([*self.editors.values(), self.notes, self.active])
            self.notes.setEnabled(True)
            self.notes.setReadOnly(True)
        self.resize(max(760, self.sizeHint().width()), max(440, self.sizeHint().height()))

    # -- details --------------------------------------------------------------------------
    def fill(self, s) -> None:
        """Show a saved supplier (SupplierInfo) with its contacts."""
        for field in ("name", "code", "phone", "email", "address", "tax_id", "bank_account"):
            self.editors[field].setText(getattr(s, field) or "")
        self.payment_terms.setEditText(s.payment_terms or "")
        self.payment_days.setValue(-1 if s.payment_days is None else s.payment_days)
        self.rating.setCurrentIndex(max(0, self.rating.findData(s.rating)))
        self.notes.setPlainText(s.notes or "")
        self.active.setChecked(s.active)
        self.show_contacts(s.contacts)

    def current_input(self) -> SupplierInput:
        days = self.payment_days.value()
        return SupplierInput(
            name=self.name.text(), code=self.code.text() or None,
            phone=self.phone.text() or None, email=self.email.text() or None,
            address=self.address.text() or None, tax_id=self.tax_id.text() or None,
            bank_account=self.bank_account.text() or None,
            payment_terms=self.payment_terms.currentText() or None,
            payment_days=None if days < 0 else days, rating=self.rating.currentData(),
            notes=self.notes.toPlainText() or None, active=self.active.isChecked())

    def save_call(self, data: SupplierInput) -> tuple:
        if self.record_id is None:
            return (suppliers.create_supplier, data)
        return (suppliers.update_supplier, self.record_id, data, self.version)

    # -- contacts -------------------------------------------------------------------------
    def show_contacts(self, contacts) -> None:
        self.contact_rows = list(contacts)
        self.contacts.setRowCount(len(self.contact_rows))
        for i, c in enumerate(self.contact_rows):
            cells = (c.name, c.title or "", c.phone or "", c.email or "",
                     "✓" if c.is_primary else "")
            for col, text in enumerate(cells):
                self.contacts.setItem(i, col, QTableWidgetItem(text))
        for col, width in enumerate((110, 110, 130, 200)):
            self.contacts.setColumnWidth(col, width)
        if self.contact_rows:
            self.contacts.selectRow(0)

    def reload_contacts(self) -> None:
        self.jobs.submit(self.client.read, suppliers.get_supplier, self.record_id,
                         on_done=lambda s: self.show_contacts(s.contacts),
                         on_error=self._show_error)

    def _current_contact(self):
        row = self.contacts.currentRow()
        rows = getattr(self, "contact_rows", [])
        return rows[row] if 0 <= row < len(rows) else None

    def edit_contact(self, *, new: bool = False) -> ContactDialog | None:
        if not self.editable or self.record_id is None:
            return None
        contact = None if new else self._current_contact()
        if not new and contact is None:
            return None
        dialog = ContactDialog(self, contact)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.contact_dialog = dialog
        dialog.open()
        return dialog

    def remove_contact(self) -> None:
        contact = self._current_contact()
        if contact is None or not self.editable:
            return
        self.jobs.submit(self.client.write, suppliers.remove_supplier_contact, contact.id,
                         on_done=lambda _r: self.reload_contacts(),
                         on_error=self._show_error)

    # -- history --------------------------------------------------------------------------
    def _history(self, rows) -> None:
        self.history.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells = (date_text(r.date), kind_text(r.kind), r.number or self.tr("(draft)"),
                     state_text(r.state), money_text(r.total))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 4:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.history.setItem(i, col, item)
        self.history.horizontalHeader().setStretchLastSection(False)
        for col, width in enumerate((100, 110, 170, 100, 130)):
            self.history.setColumnWidth(col, width)
        if not rows:
            self.history_note.setText(self.tr("No purchases from this supplier yet."))
