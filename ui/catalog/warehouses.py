"""Warehouse settings (仓库设置): the list of warehouses, adding one, renaming, changing the
address, (de)activating — a warehouse that still holds stock is not deactivated (the
service says so). Warehouse staff and administrators only."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from services import catalog
from services.errors import ValidationError
from ui.catalog.common import can_edit_catalog, read_only_table
from ui.errors import describe as error_text, translate_service_message as message_text
from ui.widgets.field_errors import ERROR_STYLE, FieldErrors
from ui.widgets.lifetime import OwnedRunner


class WarehouseDialog(QDialog):
    """New warehouse (``warehouse`` None) or edit one; saves itself, ``accepted`` after."""

    def __init__(self, client, runner, warehouse=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.warehouse = client, warehouse
        self.jobs = OwnedRunner(runner, self)
        self.saved_info = None
        self.setWindowTitle(self.tr("New warehouse") if warehouse is None
                            else self.tr("Edit warehouse"))
        self.errors = FieldErrors(message_text)
        self.code, self.name, self.address = QLineEdit(), QLineEdit(), QLineEdit()
        self.code.setPlaceholderText(self.tr("e.g. WH-SZ"))
        self.active = QCheckBox(self.tr("Active"))
        self.active.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Code *"), self.errors.wrap("code", self.code))
        form.addRow(self.tr("Name *"), self.errors.wrap("name", self.name))
        form.addRow(self.tr("Address"), self.errors.wrap("address", self.address))
        form.addRow("", self.errors.wrap("active", self.active))
        if warehouse is not None:
            self.code.setText(warehouse.code)
            self.code.setReadOnly(True)           # documents print it; it never changes
            self.name.setText(warehouse.name)
            self.address.setText(warehouse.address or "")
            self.active.setChecked(warehouse.active)
        else:
            self.active.setEnabled(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(440, self.sizeHint().height())

    def save(self) -> None:
        self.errors.clear()
        self.status.clear()
        self.buttons.setEnabled(False)
        if self.warehouse is None:
            call = (catalog.create_warehouse, self.code.text(), self.name.text(),
                    self.address.text() or None)
            kwargs = {}
        else:
            call = (catalog.update_warehouse, self.warehouse.id)
            kwargs = {"name": self.name.text(), "address": self.address.text() or None,
                      "active": self.active.isChecked()}
        self.jobs.submit(self.client.write, *call, **kwargs, on_done=self._saved,
                         on_error=self._failed)

    def _saved(self, info) -> None:
        self.saved_info = info
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            rest = self.errors.show(exc.errors)
            if rest:
                self.status.setText("\n".join(message_text(m) for m in rest.values()))
        else:
            self.status.setText(error_text(exc))


class WarehouseWidget(QWidget):
    def __init__(self, client, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.jobs = OwnedRunner(runner, self)
        self.rows: list = []
        self.dialog: WarehouseDialog | None = None
        self.editable = can_edit_catalog(client.actor)
        self.table = read_only_table(QTableWidget(0, 4))
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Name"),
                                              self.tr("Address"), self.tr("Active")])
        for col, width in enumerate((100, 200, 360)):
            self.table.setColumnWidth(col, width)
        self.table.itemActivated.connect(lambda _i: self.edit_current())
        self.table.itemDoubleClicked.connect(lambda _i: self.edit_current())
        self.new_button = QPushButton(self.tr("New warehouse"))
        self.new_button.clicked.connect(self.new_warehouse)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.clicked.connect(self.edit_current)
        for b in (self.new_button, self.edit_button):
            b.setVisible(self.editable)
        self.status = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        self.jobs.submit(self.client.read, catalog.list_warehouses, active_only=False,
                         on_done=self._show, on_error=lambda e: self.status.setText(
                             error_text(e)), key=f"warehouses-{id(self)}")

    def _show(self, rows) -> None:
        self.rows = list(rows)
        self.table.setRowCount(len(self.rows))
        for i, w in enumerate(self.rows):
            cells = (w.code, w.name, w.address or "", self.tr("yes") if w.active
                     else self.tr("no"))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not w.active:
                    item.setForeground(QColor("#9e9e9e"))
                self.table.setItem(i, col, item)
        self.status.setText(self.tr("%1 warehouses").replace("%1", str(len(self.rows))))
        if self.rows and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def new_warehouse(self) -> WarehouseDialog | None:
        return self._open(None)

    def edit_current(self) -> WarehouseDialog | None:
        row = self.table.currentRow()
        return self._open(self.rows[row]) if 0 <= row < len(self.rows) else None

    def _open(self, warehouse) -> WarehouseDialog | None:
        if not self.editable:
            return None
        dialog = WarehouseDialog(self.client, self.runner, warehouse, parent=self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        self.dialog = dialog
        dialog.open()
        return dialog
