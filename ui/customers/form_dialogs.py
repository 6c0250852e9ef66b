"""The two questions a customer save can raise: "this looks like an existing customer"
(DuplicateCandidate) and "someone else saved it meanwhile" (Conflict).

Both are opened with ``open()`` (window-modal, never a nested event loop), so the form and
the tests stay in control; the choice comes back as a signal."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from services.customers import CustomerInput
from ui.customers.customer_fields import (detail_as_input, differing_fields, field_label,
                                          kind_text, shown)


def reason_text(reason: str) -> str:
    reasons = {
        "name": QCoreApplication.translate("DuplicateDialog", "same name"),
        "phone": QCoreApplication.translate("DuplicateDialog", "same phone"),
        "tax_id": QCoreApplication.translate("DuplicateDialog", "same tax ID"),
        "code": QCoreApplication.translate("DuplicateDialog", "same code"),
    }
    return reasons.get(reason, reason)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)
    return table


class DuplicateDialog(QDialog):
    """Lists the candidates. For a new customer: open an existing one or save anyway.
    For an edit: merge this customer into a candidate or save anyway."""

    save_anyway = Signal()
    open_candidate = Signal(int)
    merge_into = Signal(int)

    def __init__(self, candidates, *, editing: bool, parent=None):
        super().__init__(parent)
        self.candidates = list(candidates)
        self.setWindowTitle(self.tr("Possible duplicate"))
        intro = QLabel(self.tr("This customer looks like one that already exists. "
                               "Check the list before saving a second record."))
        intro.setWordWrap(True)
        self.table = _table([self.tr("Code"), self.tr("Name"), self.tr("Owner"),
                             self.tr("Why it matches")])
        self.table.setRowCount(len(self.candidates))
        for row, c in enumerate(self.candidates):
            values = (c.code, c.name, c.owner_name or self.tr("public pool"),
                      ", ".join(reason_text(r) for r in c.reasons))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, c.customer_id)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        if self.candidates:
            self.table.selectRow(0)

        self.save_anyway_button = QPushButton(self.tr("Save anyway"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        if editing:
            self.candidate_button = QPushButton(
                self.tr("Merge this customer into the selected one"))
            self.candidate_button.setToolTip(self.tr(
                "Contacts and follow-ups of this customer move to the selected customer; "
                "this record is then hidden from lists."))
        else:
            self.candidate_button = QPushButton(self.tr("Open the selected customer"))
        self.editing = editing
        buttons = QHBoxLayout()
        buttons.addWidget(self.candidate_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_anyway_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.resize(640, 300)

        self.cancel_button.clicked.connect(self.reject)
        self.save_anyway_button.clicked.connect(self._save_anyway)
        self.candidate_button.clicked.connect(self._candidate)
        self.table.itemDoubleClicked.connect(lambda _item: self._candidate())

    def selected_id(self) -> int | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.candidates):
            return None
        return self.candidates[row].customer_id

    def _save_anyway(self) -> None:
        self.accept()
        self.save_anyway.emit()

    def _candidate(self) -> None:
        chosen = self.selected_id()
        if chosen is None:
            return
        self.accept()
        (self.merge_into if self.editing else self.open_candidate).emit(chosen)


class ConflictDialog(QDialog):
    """Someone else saved the customer after this form loaded it: show, per changed field,
    what the user typed and what is saved now."""

    keep_theirs = Signal()
    overwrite = Signal()

    def __init__(self, mine: CustomerInput, theirs, changed=(), *, owner_names=None,
                 parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed by someone else"))
        who = theirs.updated_by_name or self.tr("Another user")
        intro = QLabel(self.tr("%1 saved this customer after you opened it. "
                               "Choose which values to keep.").replace("%1", who))
        intro.setWordWrap(True)
        owner_names = owner_names or {}
        theirs_input = detail_as_input(theirs)
        fields = list(differing_fields(mine, theirs))
        # Fields the service reports as changed but where both sides agree are still shown,
        # so the user sees everything the other person touched.
        for f in changed:
            if f in theirs_input.__dataclass_fields__ and f not in fields:
                fields.append(f)
        self.fields = tuple(fields)

        def text(data: CustomerInput, field: str) -> str:
            if field == "owner_id":
                if data is theirs_input:
                    return theirs.owner_name or self.tr("public pool")
                if data.to_pool:
                    return self.tr("public pool")
                if data.owner_id is None:
                    return self.tr("(unchanged)")
                return owner_names.get(data.owner_id, str(data.owner_id))
            if field == "kind":
                return kind_text(data.kind)
            return shown(getattr(data, field))

        self.table = _table([self.tr("Field"), self.tr("Yours"), self.tr("Theirs (saved)")])
        self.table.setRowCount(len(self.fields))
        highlight = QBrush(QColor("#fff3cd"))
        for row, field in enumerate(self.fields):
            yours, saved = text(mine, field), text(theirs_input, field)
            cells = (field_label(field), yours, saved)
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if yours != saved and col > 0:
                    item.setBackground(highlight)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)

        self.keep_theirs_button = QPushButton(self.tr("Keep theirs (reload)"))
        self.overwrite_button = QPushButton(self.tr("Overwrite with mine"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_theirs_button)
        buttons.addWidget(self.overwrite_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.resize(620, 320)

        self.cancel_button.clicked.connect(self.reject)
        self.keep_theirs_button.clicked.connect(lambda: (self.accept(), self.keep_theirs.emit()))
        self.overwrite_button.clicked.connect(lambda: (self.accept(), self.overwrite.emit()))

    def row_values(self, field: str) -> tuple[str, str]:
        """(yours, theirs) as shown for ``field``."""
        row = self.fields.index(field)
        return self.table.item(row, 1).text(), self.table.item(row, 2).text()
