"""What the catalog forms share: captions lined up with their editors, a status line, the
save flow (messages beside the fields, a stale edit asks whether to load the other user's
version or save over it) and read-only mode for roles that only look."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QLabel,
                               QLineEdit, QMessageBox, QTableWidget, QWidget)

from services.catalog import EDITOR_ROLES
from services.errors import Conflict, ValidationError
from ui.errors import describe as error_text, translate_service_message as message_text
from ui.widgets.field_errors import ERROR_STYLE, FieldErrors
from ui.widgets.lifetime import OwnedRunner

OK_STYLE = "color: #1b5e20;"


def can_edit_catalog(actor) -> bool:
    """Warehouse staff and administrators edit products, suppliers and warehouses."""
    return actor.role in EDITOR_ROLES


def caption(text: str, editor: QWidget) -> QLabel:
    # As tall as a one-line editor, so the caption lines up with the editor and not with
    # the error message that may appear under it.
    label = QLabel(text)
    label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
    label.setFixedHeight(max(QLineEdit().sizeHint().height(), 24))
    label.setBuddy(editor)
    return label


def money_text(value: Decimal | None, places: int = 2) -> str:
    return "" if value is None else f"{value:,.{places}f}"


def decimal_text(value: Decimal | None, min_places: int = 0) -> str:
    """A stored decimal for an editor: trailing zeros dropped down to ``min_places``
    (cost 10.0000 → '10.00' with 2; minimum stock 3.000 → '3')."""
    if value is None:
        return ""
    whole, _, frac = f"{value:f}".partition(".")
    frac = frac.rstrip("0").ljust(min_places, "0")
    return f"{whole}.{frac}" if frac else whole


class SearchBox(QLineEdit):
    """A search field that calls ``search()`` when typing pauses (``debounce`` ms) or on
    Enter; ``timer`` is stopped by whoever searches for another reason."""

    def __init__(self, placeholder: str, search, debounce: int = 250,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(280)
        self.setPlaceholderText(placeholder)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(debounce)
        self.timer.timeout.connect(search)
        self.textChanged.connect(lambda _t: self.timer.start())
        self.returnPressed.connect(search)


def read_only_table(table: QTableWidget) -> QTableWidget:
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def open_dialog(dialog: QDialog, on_saved=None) -> QDialog:
    """Open a form window-modal (never a nested event loop), deleted when closed."""
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    if on_saved is not None:
        dialog.saved.connect(on_saved)
    dialog.open()
    return dialog


class CatalogFormDialog(QDialog):
    """Base of the product and supplier forms. Subclasses build their editors into
    ``self.errors`` (FieldErrors) and implement ``fill(info)``, ``current_input()`` and
    ``save_call(data)`` → (service function, *args) for create or update."""

    saved = Signal(object)              # the saved ProductInfo / SupplierInfo

    def __init__(self, client, runner, record_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner, self.record_id = client, runner, record_id
        self.jobs = OwnedRunner(runner, self)
        self.info = None                # as loaded / last saved
        self.version: int | None = None
        self.editable = can_edit_catalog(client.actor)
        self.errors = FieldErrors(message_text)
        self.status = QLabel()
        self.status.setObjectName("form_status")
        self.status.setWordWrap(True)
        self.status.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.conflict_box: QMessageBox | None = None

    def start(self, load_fn) -> None:
        """Load the record (when editing); call at the end of the subclass constructor."""
        if not self.editable:
            self.save_button.hide()
            self.buttons.button(QDialogButtonBox.Cancel).hide()
            self.buttons.addButton(QDialogButtonBox.Close)
            self._say(QCoreApplication.translate(
                "CatalogForm", "Only warehouse staff and administrators change this; you "
                "can look at it."), error=False)
        if self.record_id is not None:
            self.save_button.setEnabled(False)
            self.jobs.submit(self.client.read, load_fn, self.record_id,
                             on_done=self._loaded, on_error=self._show_error)

    def set_read_only(self, widgets) -> None:
        for w in widgets:
            if isinstance(w, QLineEdit):
                w.setReadOnly(True)
            else:
                w.setEnabled(False)

    def _say(self, text: str, *, error: bool) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _show_error(self, exc: BaseException) -> None:
        self._say(error_text(exc), error=True)

    def _loaded(self, info) -> None:
        self.fill(info)
        self.info, self.version = info, info.version_id
        self.save_button.setEnabled(True)

    # -- saving ---------------------------------------------------------------------------
    def save(self) -> None:
        if not self.editable or not self.save_button.isEnabled():
            return
        self._say("", error=False)
        self.errors.clear()
        data = self.current_input()
        fn, *args = self.save_call(data)
        self.save_button.setEnabled(False)
        self.jobs.submit(self.client.write, fn, *args, on_done=self._saved,
                         on_error=self._save_failed)

    def _saved(self, info) -> None:
        self.info, self.version = info, info.version_id
        self.record_id = info.id
        self.save_button.setEnabled(True)
        self.saved.emit(info)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            rest = self.errors.show(exc.errors)
            if rest:
                self._say("\n".join(message_text(m) for m in rest.values()), error=True)
            self._grow_to_fit()
        elif isinstance(exc, Conflict) and exc.current is not None:
            self._ask_conflict(exc)
        else:
            self._show_error(exc)

    def _grow_to_fit(self) -> None:
        self.layout().activate()
        hint = self.sizeHint()
        if hint.height() > self.height():
            self.resize(self.width(), hint.height())

    def _ask_conflict(self, exc: Conflict) -> None:
        box = QMessageBox(QMessageBox.Warning, self.windowTitle(), error_text(exc),
                          parent=self)
        self.reload_button = box.addButton(QCoreApplication.translate(
            "CatalogForm", "Load their version"), QMessageBox.AcceptRole)
        self.overwrite_button = box.addButton(QCoreApplication.translate(
            "CatalogForm", "Save mine over it"), QMessageBox.DestructiveRole)
        box.addButton(QMessageBox.Cancel)
        current = exc.current

        def chosen(button) -> None:
            if button is self.reload_button:
                self.fill(current)
                self.info, self.version = current, current.version_id
                self._say(QCoreApplication.translate(
                    "CatalogForm", "Loaded the version saved by the other user."),
                    error=False)
            elif button is self.overwrite_button:
                self.version = current.version_id   # a newer save still conflicts
                self.save()
        box.buttonClicked.connect(chosen)
        self.conflict_box = box
        box.open()

    # -- for subclasses ---------------------------------------------------------------------
    def fill(self, info) -> None:                 # pragma: no cover - abstract
        raise NotImplementedError

    def current_input(self):                      # pragma: no cover - abstract
        raise NotImplementedError

    def save_call(self, data) -> tuple:           # pragma: no cover - abstract
        raise NotImplementedError
