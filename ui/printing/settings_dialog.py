"""Print settings for the whole office (administrators): the company block printed on every
document (`company.*`), the delivery note's copies (白联/红联/黄联 …) and how many days a
quotation is valid."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QSpinBox, QWidget)

from services import print_settings
from services.print_settings import CompanyProfile, PrintOptions
from ui import errors
from ui.widgets.lifetime import OwnedRunner

COPY_SEPARATOR = "/"


class PrintSettingsDialog(QDialog):
    def __init__(self, client, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.jobs = OwnedRunner(runner, self)
        self.loaded = False
        self.setWindowTitle(self.tr("Print settings"))
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        labels = {"name": self.tr("Company name"), "address": self.tr("Address"),
                  "phone": self.tr("Phone"), "fax": self.tr("Fax"), "email": self.tr("E-mail"),
                  "website": self.tr("Website"), "tax_id": self.tr("Tax id"),
                  "bank_name": self.tr("Bank"), "bank_account": self.tr("Bank account")}
        for key, label in labels.items():
            edit = QLineEdit()
            self.fields[key] = edit
            form.addRow(label, edit)
        self.copies = QLineEdit()
        self.copies.setToolTip(self.tr("One printed copy per name, separated by /; empty for "
                                       "a single copy"))
        form.addRow(self.tr("Delivery note copies"), self.copies)
        self.valid_days = QSpinBox()
        self.valid_days.setRange(1, 365)
        form.addRow(self.tr("Quotation valid (days)"), self.valid_days)
        self.message = QLabel()
        self.message.setWordWrap(True)
        form.addRow(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(lambda: self.save())
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        editable = client.actor.is_admin
        for w in (*self.fields.values(), self.copies, self.valid_days):
            w.setEnabled(editable)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(editable)
        self.jobs.submit(client.read, print_settings.get_print_settings, on_done=self._show,
                         on_error=lambda exc: errors.show_error(self, exc))

    def _show(self, result) -> None:
        company, options = result
        for key, edit in self.fields.items():
            edit.setText(getattr(company, key))
        self.copies.setText(COPY_SEPARATOR.join(options.delivery_note_copies))
        self.valid_days.setValue(options.quotation_valid_days)
        self.loaded = True

    def values(self) -> tuple[CompanyProfile, PrintOptions]:
        company = CompanyProfile(**{k: e.text() for k, e in self.fields.items()})
        copies = tuple(c.strip() for c in self.copies.text().split(COPY_SEPARATOR)
                       if c.strip())
        return company, PrintOptions(copies, self.valid_days.value())

    def save(self, on_saved=None) -> None:
        company, options = self.values()

        def saved(_result) -> None:
            if on_saved is not None:
                on_saved(_result)
            self.accept()
        self.jobs.submit(self.client.write, print_settings.save_print_settings, company,
                         options, on_done=saved, on_error=self._refused)

    def _refused(self, exc: BaseException) -> None:
        self.message.setText(errors.describe(exc))
