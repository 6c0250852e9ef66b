"""Add or edit one contact person of a customer."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget)

from app.client import Client
from app.runner import Runner
from services import customers as customer_service
from services.customers import ContactInput
from services.errors import Conflict, ValidationError
from ui.errors import describe as error_text, translate_service_message as message_text
from ui.widgets.lifetime import OwnedRunner
from ui.widgets.field_errors import ERROR_STYLE, FieldErrors


class ContactFormDialog(QDialog):
    saved = Signal(object)  # ContactInfo

    def __init__(self, client: Client, runner: Runner, customer_id: int, contact=None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner, self.customer_id = client, runner, customer_id
        self.jobs = OwnedRunner(runner, self)
        self.contact = contact
        self.setWindowTitle(self.tr("New contact") if contact is None else self.tr("Edit contact"))
        self.errors = FieldErrors(message_text)
        self.name = QLineEdit()
        self.title = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.wechat = QLineEdit()
        self.is_primary = QCheckBox(self.tr("Primary contact"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        form = QFormLayout()
        for field, label, editor in (
                ("name", self.tr("Name *"), self.name), ("title", self.tr("Title"), self.title),
                ("phone", self.tr("Phone"), self.phone), ("email", self.tr("Email"), self.email),
                ("wechat", self.tr("WeChat"), self.wechat),
                ("is_primary", "", self.is_primary), ("notes", self.tr("Notes"), self.notes)):
            form.addRow(label, self.errors.wrap(field, editor))
        self.name.setMinimumWidth(260)
        self.status = QLabel()
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setWordWrap(True)
        self.status.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        if contact is not None:
            self.fill(contact)

    def fill(self, contact) -> None:
        self.contact = contact
        for field in ("name", "title", "phone", "email", "wechat"):
            getattr(self, field).setText(getattr(contact, field) or "")
        self.is_primary.setChecked(contact.is_primary)
        self.notes.setPlainText(contact.notes or "")

    def current_input(self) -> ContactInput:
        def text(edit):
            return edit.text().strip() or None
        return ContactInput(name=self.name.text().strip(), title=text(self.title),
                            phone=text(self.phone), email=text(self.email),
                            wechat=text(self.wechat), is_primary=self.is_primary.isChecked(),
                            notes=self.notes.toPlainText().strip() or None)

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.errors.clear()
        self.status.hide()
        self.save_button.setEnabled(False)
        data = self.current_input()
        if self.contact is None:
            self.jobs.submit(self.client.write, customer_service.add_contact,
                             self.customer_id, data, on_done=self._saved,
                             on_error=self._failed)
        else:
            self.jobs.submit(self.client.write, customer_service.update_contact,
                             self.contact.id, data, expected_version=self.contact.version_id,
                             on_done=self._saved, on_error=self._failed)

    def _saved(self, contact) -> None:
        self.save_button.setEnabled(True)
        self.contact = contact
        self.saved.emit(contact)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            rest = self.errors.show(exc.errors)
            if not rest:
                return
            text = "\n".join(message_text(m) for m in rest.values())
        elif isinstance(exc, Conflict) and exc.current is not None:
            # Small record: show what is saved now and let the user redo the change.
            self.fill(exc.current)
            text = self.tr("Someone else changed this contact meanwhile; "
                           "the saved version is shown now.")
        else:
            text = error_text(exc)
        self.status.setText(text)
        self.status.show()
