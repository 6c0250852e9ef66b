"""The stock document editor in a window of its own: the warehouse page, the document list
and the stock inquiry open documents here; closing asks before unsaved lines are thrown
away."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from app.client import Client
from app.runner import Runner
from ui.stock.doc_actions import NewDocument
from ui.stock.doc_editor import StockDocumentEditor


class StockDocumentWindow(QDialog):
    """The editor in its own window (the warehouse page, the document list and the queues
    open documents here); closing asks before unsaved lines are thrown away."""

    def __init__(self, client: Client, runner: Runner, doc_id: int | None = None, *,
                 new: NewDocument | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowMaximizeButtonHint, True)
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.editor = StockDocumentEditor(client, runner, doc_id, new=new, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.editor)
        self.resize(900, 620)
        self._retitle()
        self.editor.shown.connect(lambda _i: self._retitle())
        self.editor.scan.setFocus()

    def _retitle(self) -> None:
        self.setWindowTitle(self.editor.title.text() or self.tr("Stock document"))

    def reject(self) -> None:
        if self.editor.confirm_close():
            super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.editor.confirm_close():
            event.accept()
        else:
            event.ignore()
