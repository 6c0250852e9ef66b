"""The small "why?" dialog asked before rejecting or cancelling an order and before
reversing a document or taking goods back; OK is enabled once something is typed. Opened
with ``open()`` (no nested event loop); ``reason_given(text)`` on OK."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class ReasonDialog(QDialog):
    """Asks why (rejecting, cancelling, reversing); ``reason_given(text)`` on OK."""

    reason_given = Signal(str)

    def __init__(self, title: str, question: str, action: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(question)
        label.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(action)
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.resize(420, self.sizeHint().height())
        self.reason.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t.strip())))
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)

    def _confirm(self) -> None:
        text = self.reason.text().strip()
        if text:
            self.accept()
            self.reason_given.emit(text)
