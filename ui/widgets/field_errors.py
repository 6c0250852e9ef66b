"""Validation messages shown beside the field they belong to.

A form registers each editor under the service's field name; ``show(errors)`` puts the
message from ``ValidationError.errors`` in a red label right under that editor and marks
the editor, without touching what the user typed."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

ERROR_STYLE = "color: #c62828;"
INVALID_STYLE = "border: 1px solid #c62828; border-radius: 2px;"


class FieldErrors:
    def __init__(self, translate: Callable[[str], str] | None = None):
        self._translate = translate or (lambda text: text)
        self._editors: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        self._styles: dict[str, str] = {}

    def wrap(self, field: str, editor: QWidget) -> QWidget:
        """Return a container holding ``editor`` with its (hidden) error label beneath."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        label = QLabel()
        label.setObjectName(f"error_{field}")
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        layout.addWidget(label)
        layout.addStretch(1)  # keep editor and message at the top of a taller grid row
        self._editors[field] = editor
        self._labels[field] = label
        self._styles[field] = editor.styleSheet()
        return box

    def label(self, field: str) -> QLabel:
        return self._labels[field]

    def message(self, field: str) -> str:
        """The text shown beside ``field`` ('' when none is shown)."""
        label = self._labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear(self) -> None:
        for field, label in self._labels.items():
            label.clear()
            label.setMinimumHeight(0)
            label.hide()
            self._editors[field].setStyleSheet(self._styles[field])

    def show(self, errors: dict[str, str]) -> dict[str, str]:
        """Show each message beside its field; return the ones that have no field here."""
        self.clear()
        unplaced = {}
        first = None
        for field, message in errors.items():
            label = self._labels.get(field)
            if label is None:
                unplaced[field] = message
                continue
            label.setText(self._translate(message))
            label.show()
            editor = self._editors[field]
            # Nested layouts do not ask a word-wrapped label for its height at a given
            # width, so a long message would be clipped: reserve the height it needs.
            if editor.width() > 50:
                label.setMinimumHeight(label.heightForWidth(editor.width()))
            editor.setStyleSheet(self._styles[field] + INVALID_STYLE)
            first = first or editor
        if first is not None:
            first.setFocus()
        return unplaced
