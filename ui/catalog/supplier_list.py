"""The supplier list (供应商): type-ahead search over code, name, phone and contacts, inactive
ones on request; Enter or a double click opens the form (details, contacts, purchase
history); warehouse staff and administrators add suppliers."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from services import suppliers
from ui.catalog.common import SearchBox, can_edit_catalog, open_dialog, read_only_table
from ui.catalog.supplier_form import SupplierFormDialog, stars
from ui.errors import describe as error_text
from ui.widgets.lifetime import OwnedRunner

LIMIT = 500
SEARCH_DEBOUNCE_MS = 250


class SupplierListWidget(QWidget):
    supplier_saved = Signal(object)

    def __init__(self, client, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.jobs = OwnedRunner(runner, self)
        self.rows: list = []
        self.form: SupplierFormDialog | None = None
        self.search = SearchBox(self.tr("Code, name, phone or contact…"), self.refresh, SEARCH_DEBOUNCE_MS)
        self.show_inactive = QCheckBox(self.tr("Show inactive"))
        self.show_inactive.toggled.connect(self.refresh)
        self.count_label = QLabel()
        self.new_button = QPushButton(self.tr("New supplier"))
        self.new_button.clicked.connect(self.new_supplier)
        self.new_button.setVisible(can_edit_catalog(client.actor))
        self.table = read_only_table(QTableWidget(0, 6))
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Name"),
                                              self.tr("Phone"), self.tr("Payment terms"),
                                              self.tr("Rating"), self.tr("Email")])
        for col, width in enumerate((90, 260, 130, 110, 90)):
            self.table.setColumnWidth(col, width)
        self.table.itemActivated.connect(lambda _i: self._open_current())
        self.table.itemDoubleClicked.connect(lambda _i: self._open_current())
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.show_inactive)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        self.search.timer.stop()
        self.count_label.setText(self.tr("Searching…"))
        self.jobs.submit(self.client.read, suppliers.search_suppliers,
                         self.search.text().strip(), LIMIT,
                         active_only=not self.show_inactive.isChecked(),
                         on_done=self._show, on_error=self._failed,
                         key=f"supplier-list-{id(self)}")

    def _show(self, rows) -> None:
        self.rows = list(rows)
        self.table.setRowCount(len(self.rows))
        for i, s in enumerate(self.rows):
            cells = (s.code, s.name, s.phone or "", s.payment_terms or "", stars(s.rating),
                     s.email or "")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 4:
                    item.setForeground(QColor("#f9a825"))
                if not s.active:
                    item.setForeground(QColor("#9e9e9e"))
                self.table.setItem(i, col, item)
        n = len(self.rows)
        self.count_label.setText(self.tr("No supplier matches.") if n == 0 else
                                 self.tr("%1 suppliers").replace("%1", f"{n:,}"))

    def _failed(self, exc: BaseException) -> None:
        self.count_label.setText(error_text(exc))

    def _open_current(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self.edit_supplier(self.rows[row].id)

    def new_supplier(self) -> SupplierFormDialog:
        self.form = open_dialog(SupplierFormDialog(self.client, self.runner, parent=self),
                                self._saved)
        return self.form

    def edit_supplier(self, supplier_id: int) -> SupplierFormDialog:
        self.form = open_dialog(SupplierFormDialog(self.client, self.runner, supplier_id,
                                                   parent=self), self._saved)
        return self.form

    def _saved(self, supplier) -> None:
        self.refresh()
        self.supplier_saved.emit(supplier)
