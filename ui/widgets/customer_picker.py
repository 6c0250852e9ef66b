"""Pick a customer by typing any fragment of its name, code or phone."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView,
                               QLabel, QLineEdit, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from app.client import Client
from app.runner import Runner
from services import customer_search
from services.customer_search import CustomerFilter
from ui.errors import describe as error_text
from ui.widgets.lifetime import OwnedRunner

DEBOUNCE_MS = 250
LIMIT = 50


class CustomerPickerDialog(QDialog):
    picked = Signal(int)

    def __init__(self, client: Client, runner: Runner, *, exclude_id: int | None = None,
                 title: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner, self.exclude_id = client, runner, exclude_id
        self.jobs = OwnedRunner(runner, self)
        self.rows: list = []
        self.setWindowTitle(title or self.tr("Choose a customer"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, code, phone or contact…"))
        self.search.setClearButtonEnabled(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Name"),
                                              self.tr("Owner"), self.tr("Phone")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.status = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("Choose"))
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(620, 420)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.table.itemSelectionChanged.connect(
            lambda: self.ok_button.setEnabled(self.selected_id() is not None))
        self.table.itemDoubleClicked.connect(lambda _i: self._choose())
        self.buttons.accepted.connect(self._choose)
        self.buttons.rejected.connect(self.reject)

    def run_search(self) -> None:
        text = self.search.text().strip()
        self.status.setText(self.tr("Searching…"))
        self.jobs.submit(self.client.read, customer_search.list_customers,
                         CustomerFilter(scope="all", text=text), limit=LIMIT,
                         on_done=self._show, on_error=self._failed,
                         key=f"customer-picker-{id(self)}")

    def _show(self, page) -> None:
        self.rows = [r for r in page.rows if r.id != self.exclude_id]
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            for col, value in enumerate((r.code, r.name, r.owner_name or self.tr("public pool"),
                                         r.phone or "")):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, r.id)
                self.table.setItem(i, col, item)
        self.table.resizeColumnToContents(0)
        if self.rows:
            self.table.selectRow(0)
        self.status.setText(self.tr("No customer matches.") if not self.rows else "")

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))

    def selected_id(self) -> int | None:
        row = self.table.currentRow()
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def _choose(self) -> None:
        chosen = self.selected_id()
        if chosen is None:
            return
        self.accept()
        self.picked.emit(chosen)
