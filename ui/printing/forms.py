"""The two printouts that are not a stored document yet: a customer statement (对账单) for a
period, and a payment receipt (收据) typed in by finance (there is no payment table yet)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QPushButton, QWidget)

from services import print_jobs
from services.print_context import ReceiptInput
from ui import errors
from ui.printing.preview import show_job
from ui.printing.template_manager import ui_language
from ui.widgets.lifetime import OwnedRunner


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class StatementDialog(QDialog):
    """Choose the customer and the period; Preview opens the statement."""

    def __init__(self, client, runner, customer_id: int | None = None,
                 customer_name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.jobs = OwnedRunner(runner, self)
        self.customer_id = customer_id
        self.setWindowTitle(self.tr("Customer statement"))
        self.customer = QLabel(customer_name or self.tr("(none chosen)"))
        self.pick = QPushButton(self.tr("Choose…"))
        self.pick.clicked.connect(self.choose_customer)
        today = dt.date.today()
        self.start = QDateEdit(_qdate(today.replace(day=1)))
        self.end = QDateEdit(_qdate(today))
        for d in (self.start, self.end):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        note = QLabel(self.tr("Deliveries and returns only: payments are not deducted yet."))
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow("", self.pick)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button = buttons.addButton(self.tr("Preview"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(lambda: self.preview())
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.preview_button.setEnabled(customer_id is not None)

    def choose_customer(self) -> None:
        from ui.widgets.customer_picker import CustomerPickerDialog
        picker = CustomerPickerDialog(self.client, self.runner, parent=self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.selected_id() is not None:
            row = picker.rows[picker.table.currentRow()]
            self.set_customer(row.id, f"{row.code} {row.name}")

    def set_customer(self, customer_id: int, label: str) -> None:
        self.customer_id = customer_id
        self.customer.setText(label)
        self.preview_button.setEnabled(True)

    def preview(self, on_shown=None) -> None:
        if self.customer_id is None:
            return
        key = (self.customer_id, _pydate(self.start.date()), _pydate(self.end.date()))
        self.jobs.submit(self.client.read, print_jobs.prepare_print, "statement", key,
                         language=ui_language(),
                         on_done=lambda job: show_job(self.parentWidget() or self,
                                                      self.client, self.runner, job,
                                                      on_shown),
                         on_error=lambda exc: errors.show_error(self, exc))


class ReceiptDialog(QDialog):
    """收据: who paid, how much, for what; Preview prints it."""

    def __init__(self, client, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.jobs = OwnedRunner(runner, self)
        self.setWindowTitle(self.tr("Payment receipt"))
        self.payer = QLineEdit()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("0.00")
        self.purpose = QLineEdit()
        self.method = QLineEdit()
        self.method.setPlaceholderText(self.tr("bank transfer, cash, cheque…"))
        self.date = QDateEdit(_qdate(dt.date.today()))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("(from the date)"))
        self.remark = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Received from"), self.payer)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("For"), self.purpose)
        form.addRow(self.tr("Paid by"), self.method)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Receipt number"), self.number)
        form.addRow(self.tr("Remark"), self.remark)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("Preview"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(lambda: self.preview())
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def data(self) -> ReceiptInput:
        try:
            amount = Decimal(self.amount.text().replace(",", "").strip() or "0")
        except InvalidOperation:
            amount = Decimal(0)
        return ReceiptInput(payer=self.payer.text(), amount=amount,
                            purpose=self.purpose.text(), date=_pydate(self.date.date()),
                            method=self.method.text(), number=self.number.text(),
                            remark=self.remark.text())

    def preview(self, on_shown=None) -> None:
        self.jobs.submit(self.client.read, print_jobs.prepare_print, "payment_receipt",
                         self.data(), language=ui_language(),
                         on_done=lambda job: show_job(self.parentWidget() or self,
                                                      self.client, self.runner, job,
                                                      on_shown),
                         on_error=lambda exc: errors.show_error(self, exc))
