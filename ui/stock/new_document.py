"""Starting a document that does not come from an order: a receipt without a purchase order
(it needs a reason), a transfer between two warehouses, a stock count (盘点). The dialog asks
for the warehouses and the reason; the lines are entered in the document editor."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLineEdit, QVBoxLayout, QWidget)

from services import receipts, stock_counts, stock_documents as docs, transfers
from ui.errors import describe as error_text
from ui.stock import doc_type_name, fill_warehouse_combo
from ui.stock.doc_actions import NewDocument
from ui.widgets.field_errors import ERROR_STYLE
from ui.widgets.lifetime import OwnedRunner

def standalone_receipt(warehouse_id: int):
    """How the editor creates a receipt without a purchase order into ``warehouse_id``."""
    def create(session, actor, lines, client_uuid, header):
        info = receipts.create_standalone_receipt(session, actor, warehouse_id,
                                                  header.get("reason") or "", lines,
                                                  client_uuid)
        if header.get("notes"):
            info = docs.set_draft_lines(session, actor, info.id, lines, notes=header["notes"])
        return info
    return create


def transfer_between(from_id: int, to_id: int):
    """How the editor creates a transfer from one warehouse to another."""
    def create(session, actor, lines, client_uuid, header):
        info = transfers.create_transfer(session, actor, from_id, to_id, lines, client_uuid,
                                         reason=header.get("reason"))
        if header.get("notes"):
            info = docs.set_draft_lines(session, actor, info.id, lines, notes=header["notes"])
        return info
    return create


class NewDocumentDialog(QDialog):
    """``ready(NewDocument)`` for a receipt or transfer (lines still to enter);
    ``created(doc_id)`` for a count (created at once with the book quantities)."""

    ready = Signal(object)
    created = Signal(int)

    def __init__(self, client, runner, doc_type: str, warehouses, *,
                 warehouse_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner, self.doc_type = client, runner, doc_type
        self.jobs = OwnedRunner(runner, self)
        self.client_uuid = docs.new_uuid()
        titles = {"GR": self.tr("Receive goods without a purchase order"),
                  "TR": self.tr("New transfer"), "SC": self.tr("New stock count")}
        self.setWindowTitle(titles[doc_type])
        self.warehouse = QComboBox()
        fill_warehouse_combo(self.warehouse, warehouses, keep=warehouse_id)
        self.to_warehouse = QComboBox()
        fill_warehouse_combo(self.to_warehouse, warehouses)
        if self.to_warehouse.count() > 1 and self.to_warehouse.currentIndex() == \
                self.warehouse.currentIndex():
            self.to_warehouse.setCurrentIndex(1 if self.warehouse.currentIndex() == 0 else 0)
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        form = QFormLayout()
        form.addRow(self.tr("From warehouse") if doc_type == "TR" else self.tr("Warehouse"),
                    self.warehouse)
        if doc_type == "TR":
            form.addRow(self.tr("To warehouse"), self.to_warehouse)
        form.addRow(self.tr("Reason") + (" *" if doc_type == "GR" else ""), self.reason)
        if doc_type == "GR":
            self.reason.setPlaceholderText(self.tr("e.g. sample from supplier, found in stock"))
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("Start"))
        layout = QVBoxLayout(self)
        intro = QLabel(doc_type_name(doc_type))
        intro.setStyleSheet("font-weight: bold;")
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def start(self) -> None:
        wid = self.warehouse.currentData()
        if wid is None:
            self._say(self.tr("Choose a warehouse."))
            return
        reason = self.reason.text().strip()
        if self.doc_type == "GR":
            if not reason:
                self._say(self.tr("Say why goods are received without a purchase order."))
                return
            self.accept()
            self.ready.emit(NewDocument("GR", self.warehouse.currentText(),
                                        standalone_receipt(wid), reason=reason))
        elif self.doc_type == "TR":
            to_id = self.to_warehouse.currentData()
            if to_id is None or to_id == wid:
                self._say(self.tr("A transfer goes to a different warehouse."))
                return
            self.accept()
            self.ready.emit(NewDocument("TR", self.warehouse.currentText(),
                                        transfer_between(wid, to_id),
                                        to_warehouse_name=self.to_warehouse.currentText(),
                                        reason=reason or None))
        else:
            self.ok_button.setEnabled(False)
            self.jobs.submit(self.client.write, stock_counts.start_count, wid,
                             client_uuid=self.client_uuid, reason=reason or None,
                             on_done=self._count_started, on_error=self._failed)

    def _count_started(self, info) -> None:
        self.accept()
        self.created.emit(info.id)

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self._say(error_text(exc))
