"""Import products from a spreadsheet: choose the file, see what each row would do (create,
update, or what is wrong with it, by row and column), then import all rows in one go —
or fix the file; nothing is imported while a row has an error."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from services import product_import
from ui.catalog.common import read_only_table
from ui.errors import describe as error_text, translate_service_message as message_text
from ui.widgets.lifetime import OwnedRunner

ERROR_COLOR = QColor("#c62828")


class ProductImportDialog(QDialog):
    """``imported(ProductImportResult)`` after a successful import."""

    imported = Signal(object)

    def __init__(self, client, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.jobs = OwnedRunner(runner, self)
        self.preview = None
        self.setWindowTitle(self.tr("Import products"))
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("an .xlsx or .csv file with SKU and name columns"))
        self.browse = QPushButton(self.tr("Choose file…"))
        self.browse.clicked.connect(self.choose_file)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = read_only_table(QTableWidget(0, 4))
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("SKU"),
                                              self.tr("Action"), self.tr("Problems")])
        for col, width in enumerate((50, 130, 90)):
            self.table.setColumnWidth(col, width)
        self.table.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"),
                                                    QDialogButtonBox.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(820, 520)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import products"), "",
            self.tr("Spreadsheets (*.xlsx *.xlsm *.csv)"))
        if name:
            self.load(name)

    def load(self, path: str) -> None:
        """Preview ``path`` (also what the file chooser calls)."""
        self.path.setText(path)
        self.preview = None
        self.import_button.setEnabled(False)
        self.table.setRowCount(0)
        self.summary.setText(self.tr("Reading the file…"))
        self.jobs.submit(self.client.read, product_import.preview_product_import, path,
                         on_done=self._previewed, on_error=self._failed)

    def _previewed(self, preview) -> None:
        self.preview = preview
        actions = {"create": self.tr("new"), "update": self.tr("update"),
                   "error": self.tr("error")}
        self.table.setRowCount(len(preview.rows))
        for i, r in enumerate(preview.rows):
            problems = "\n".join(message_text(e) for e in r.errors)
            for col, text in enumerate((str(r.row), r.sku or "", actions[r.action],
                                        problems)):
                item = QTableWidgetItem(text)
                if r.action == "error":
                    item.setForeground(ERROR_COLOR)
                self.table.setItem(i, col, item)
        self.table.resizeRowsToContents()
        creates, updates, errors = (preview.count(a) for a in ("create", "update", "error"))
        text = (self.tr("%1 new products, %2 to update, %3 rows with errors.")
                .replace("%1", str(creates)).replace("%2", str(updates))
                .replace("%3", str(errors)))
        if errors:
            text += " " + self.tr("Nothing is imported until every row is right: fix the file "
                                  "and choose it again.")
        self.summary.setText(text)
        self.import_button.setEnabled(errors == 0 and bool(preview.rows))

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(error_text(exc))
        self.import_button.setEnabled(False)

    def run_import(self) -> None:
        if self.preview is None or not self.import_button.isEnabled():
            return
        self.import_button.setEnabled(False)
        self.browse.setEnabled(False)
        self.summary.setText(self.tr("Importing…"))
        self.jobs.submit(self.client.write, product_import.run_product_import,
                         self.path.text(), on_done=self._imported, on_error=self._import_failed)

    def _imported(self, result) -> None:
        self.imported.emit(result)
        self.accept()

    def _import_failed(self, exc: BaseException) -> None:
        self.browse.setEnabled(True)
        self._failed(exc)
