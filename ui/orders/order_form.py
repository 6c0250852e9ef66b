"""What the sales-order and purchase-order forms share: the lines grid with product entry
(ui/widgets/product_picker.py: scan, or type a code or a name fragment; Find product…;
Delete removes a line), the totals, the
status line, messages beside the header fields, and the small "why?" dialog asked before
rejecting or cancelling.

A new order keeps one client UUID for the life of the form, so a resend (or a double
click on Save) creates it once."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QDateEdit, QDialog,
                               QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMenu, QPushButton, QTabWidget,
                               QVBoxLayout, QWidget)

from app.client import Client
from app.runner import Runner
from services.errors import Conflict, InsufficientStock, ValidationError
from services.stock_documents import new_uuid
from ui.errors import describe as error_text, translate_service_message as message_text
from ui.orders import action_name, amount_text, order_state_name
from ui.orders.order_lines import COL_QTY, OrderLinesModel
from ui.stock import fill_warehouse_combo, load_warehouses
from ui.stock.doc_actions import line_of
from ui.stock.reason_dialog import ReasonDialog
from ui.stock.tables import (LINE_EDIT_TRIGGERS, fill_table, lines_view, make_table,
                             set_headers, title_row)
from ui.widgets.formatting import local_datetime_text
from ui.widgets.field_errors import ERROR_STYLE, FieldErrors
from ui.widgets.lifetime import OwnedRunner
from ui.widgets.product_picker import ProductPicker, ProductPickerDialog

OK_STYLE = "color: #2e7d32; font-weight: bold;"
BANNER_STYLE = ("background: #fff3cd; border: 1px solid #e0c36a; border-radius: 3px; "
                "padding: 6px;")


@dataclass(frozen=True)
class OrderServices:
    """The service functions of one kind of order (sales or purchase)."""
    create: Callable
    update: Callable
    submit: Callable
    get: Callable
    history: Callable


def save_order(session, actor, fns: OrderServices, order_id: int | None, data,
               client_uuid: str, expected_version: int | None, *, submit: bool = False):
    """The form's Save / Submit as one transaction: create the draft (idempotent by the
    form's client UUID) or update it, then submit it when asked."""
    if order_id is None:
        info = fns.create(session, actor, data, client_uuid)
    else:
        info = fns.update(session, actor, order_id, data, expected_version)
    if submit:
        info = fns.submit(session, actor, info.id)
    return info


def load_order_form(session, actor, fns: OrderServices, order_id: int | None):
    """What the form needs to open: the warehouses and (editing) the order."""
    return (load_warehouses(session, actor),
            fns.get(session, actor, order_id) if order_id is not None else None)


class OrderFormBase(QDialog):
    """``saved(info)`` after every successful save or state change."""

    saved = Signal(object)
    purchase = False

    def __init__(self, client: Client, runner: Runner, order_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.jobs = OwnedRunner(runner, self)
        self.order_id = order_id
        self.info = None
        self.client_uuid = new_uuid()
        self.busy = False
        self.dirty = False
        self.loaded = order_id is None
        self.reason_dialog: ReasonDialog | None = None
        self.errors = FieldErrors(message_text)
        self.model = OrderLinesModel(purchase=self.purchase, parent=self)
        self._build_frame()

    # -- layout --------------------------------------------------------------------------------
    def _build_frame(self) -> None:
        self.title, self.state_label, top = title_row("order")
        self.banner = QLabel()
        self.banner.setObjectName("approval_reason")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        # Two columns of header fields (subclasses fill them).
        self.header_left, self.header_right = QFormLayout(), QFormLayout()
        for form in (self.header_left, self.header_right):
            form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.header = QHBoxLayout()
        self.header.addLayout(self.header_left, 1)
        self.header.addSpacing(16)
        self.header.addLayout(self.header_right, 1)

        self.code = ProductPicker(self.client, self.runner)
        self.code.setObjectName("product_code")
        self.code.setPlaceholderText(self.tr("Add a product: scan or type its SKU or name"))
        self.code.product_picked.connect(self.add_product)
        self.code.not_found.connect(lambda text: self._say(
            self.tr("No product has the barcode or SKU “%1”.").replace("%1", text), error=True))
        self.find_button = QPushButton(self.tr("Find product…"))
        self.find_button.clicked.connect(self.find_product)
        self.entry_row = QWidget()
        entry = QHBoxLayout(self.entry_row)
        entry.setContentsMargins(0, 0, 0, 0)
        entry.addWidget(self.code, 1)
        entry.addWidget(self.find_button)

        self.table = lines_view(self.model, self)
        self.table.setMinimumHeight(160)
        self.model.modelReset.connect(self._resize_columns)
        self.model.rowsInserted.connect(lambda *_a: self._resize_columns())
        self.model.lines_changed.connect(self._lines_changed)
        self.model.problem.connect(lambda text: self._say(text, error=True))
        self.lines_box = self.errors.wrap("lines", self.table)
        # the grid, not the spacer under its message, takes the form's spare height
        self.lines_box.layout().setStretch(0, 1)
        self.lines_box.layout().setStretch(2, 0)

        self.totals = QLabel()
        self.totals.setObjectName("order_totals")
        self.totals.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.totals.setStyleSheet("font-weight: bold;")
        self.status = QLabel()
        self.status.setObjectName("order_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.button_row = QHBoxLayout()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        self.theirs_button = QPushButton(self.tr("Load their version"))
        self.theirs_button.hide()
        self.theirs_button.clicked.connect(self.load_theirs)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addLayout(self.header)
        layout.addWidget(self.entry_row)
        self.history = make_table([""] * 5, stretch=4)
        self.history.setObjectName("order_history")
        set_headers(self.history, [self.tr("Time"), self.tr("What"), self.tr("By"),
                                   self.tr("State"), self.tr("Reason")])
        self.history_rows: list = []
        self.pages = QTabWidget()
        self.pages.addTab(self.lines_box, self.tr("Lines"))
        self.pages.addTab(self.history, self.tr("History"))
        self.pages.setTabEnabled(1, False)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.status)
        layout.addLayout(self.button_row)
        shortcut = QShortcut(QKeySequence("Ctrl+S"), self)
        shortcut.activated.connect(self.save)

    def _resize_columns(self) -> None:
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)

    # what this kind of order prints as (ui.printing document types); set by the subclass
    print_types: tuple[str, ...] = ()

    def add_buttons(self, *buttons: QPushButton) -> None:
        """Left to right; Print (when the order prints) and Close go last, after a stretch."""
        for b in buttons + (self.theirs_button,):
            self.button_row.addWidget(b)
        self.button_row.addStretch(1)
        if self.print_types:
            labels = {"quotation": self.tr("Quotation"),
                      "sales_order": self.tr("Sales contract"),
                      "purchase_order": self.tr("Purchase order")}
            self.print_button = QPushButton(self.tr("Print"))
            menu = QMenu(self.print_button)
            for kind in self.print_types:
                menu.addAction(labels[kind], lambda k=kind: self.print_order(k))
            self.print_button.setMenu(menu)
            self.button_row.addWidget(self.print_button)
        self.button_row.addWidget(self.close_button)

    # -- pieces both headers have ----------------------------------------------------------------
    def party_row(self, placeholder: str, object_name: str, pick) -> tuple[QLabel, QWidget]:
        """The customer / supplier: its name and a Choose… button (``self.choose_button``)."""
        label = QLabel(placeholder)
        label.setObjectName(object_name)
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(pick)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label, 1)
        layout.addWidget(self.choose_button)
        return label, row

    @staticmethod
    def date_edit() -> QDateEdit:
        edit = QDateEdit(QDate.currentDate())
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def open_for_input(self, title: str) -> None:
        """The end of a form's constructor: title, state, totals, then load in the
        background (the form opens for input once the warehouses and the order are in)."""
        self.title.setText(title)
        self.setWindowTitle(title)
        self.apply_state()
        self.show_totals()
        self.start_loading()

    # -- lines ------------------------------------------------------------------------------------
    def add_product(self, product, qty: Decimal = Decimal(1)) -> None:
        if not self.model.editable:
            return
        row = self.model.add_product(product, qty)
        index = self.model.index(row, self.model.column_of(COL_QTY))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self._say("", error=False)

    def find_product(self) -> None:
        dialog = ProductPickerDialog(self.client, self.runner, parent=self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.product_picked.connect(self.add_product)
        self.picker = dialog
        dialog.open()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if (obj is self.table and event.type() == QEvent.KeyPress
                and event.key() in (Qt.Key_Delete, Qt.Key_Backspace)
                and self.table.state() != QAbstractItemView.EditingState
                and self.model.editable):
            rows = [i.row() for i in self.table.selectionModel().selectedRows()]
            if rows:
                self.model.remove_rows(rows)
                return True
        return super().eventFilter(obj, event)

    def _lines_changed(self) -> None:
        self.dirty = True
        self.show_totals()
        self.update_buttons()

    def show_totals(self) -> None:
        total, tax, discount = self.model.totals()
        text = self.tr("Total %1 (tax %2)").replace("%1", amount_text(total)).replace(
            "%2", amount_text(tax))
        if discount:
            text += "  " + self.tr("discount %1").replace("%1", amount_text(discount))
        self.totals.setText(text)

    def commit_cell(self) -> None:
        if self.table.state() == QAbstractItemView.EditingState:
            editor = self.table.indexWidget(self.table.currentIndex())
            if editor is not None:
                self.table.commitData(editor)
                self.table.closeEditor(editor, QAbstractItemDelegate.NoHint)

    # -- state ------------------------------------------------------------------------------------
    def _load_history(self) -> None:
        self.jobs.submit(self.client.read, self.services.history, self.order_id,
                         on_done=self._show_history, on_error=lambda _e: None,
                         key=f"order-history-{id(self)}")

    def _show_history(self, events) -> None:
        """Newest first; a draft sent back by a manager says who and why above the form."""
        self.history_rows = list(reversed(events))
        fill_table(self.history, self.history_rows, lambda e: (
            local_datetime_text(e.at), action_name(e.action), e.actor_name or "",
            order_state_name(e.to_state) if e.to_state else "", e.reason or ""),
            row_id=lambda _e: None, keep_selection=False)
        self.pages.setTabEnabled(1, bool(self.history_rows))
        last_move = next((e for e in self.history_rows if e.to_state), None)
        if (self.info is not None and self.info.state == "draft" and last_move is not None
                and last_move.action == "reject"):
            self.banner.setText(self.tr("Sent back by %1: %2").replace(
                "%1", last_move.actor_name or "").replace("%2", last_move.reason or ""))
            self.banner.show()

    def show_order(self, info) -> None:
        """Show ``info`` (a SalesOrderInfo / PurchaseOrderInfo) as saved."""
        self.info = info
        self.order_id = info.id
        self.loaded = True
        self.model.set_progress_visible(info.state not in ("draft", "submitted", "cancelled"))
        self.model.load(info.lines)
        self.fill_header(info)
        self.state_label.setText(order_state_name(info.state))
        self.dirty = False
        self.errors.clear()
        self.apply_state()
        self.show_totals()
        self.setWindowTitle(self.title.text())
        self._load_history()

    # -- what both forms do the same way -------------------------------------------------------
    services: OrderServices        # set by each form
    editor_roles: tuple[str, ...] = ()

    def start_loading(self) -> None:
        self.set_busy(True)
        self.jobs.submit(self.client.read, load_order_form, self.services, self.order_id,
                         on_done=self._form_loaded, on_error=self.load_failed)

    def _form_loaded(self, result) -> None:
        warehouses, info = result
        self.set_busy(False)
        self.loaded = True
        fill_warehouse_combo(self.warehouse, warehouses,
                             keep=info.warehouse_id if info is not None else None)
        if info is not None:
            self.show_order(info)
        else:
            self.dirty = False
            self.update_buttons()

    def show_warehouse(self, info) -> None:
        if self.warehouse.findData(info.warehouse_id) < 0:     # an inactive one
            self.warehouse.addItem(info.warehouse_name, info.warehouse_id)
        self.warehouse.setCurrentIndex(self.warehouse.findData(info.warehouse_id))

    def header_changed(self) -> None:
        if self.model.editable:
            self.dirty = True
            self.update_buttons()

    def set_header_enabled(self, enabled: bool) -> None:
        # Text stays readable (and copyable) on an order that can no longer change.
        for f, w in self.editors.items():
            if isinstance(w, QLineEdit):
                w.setReadOnly(not enabled)
            elif f not in ("customer_id", "supplier_id"):
                w.setEnabled(enabled)
        self.choose_button.setVisible(enabled)

    def editable(self) -> bool:
        state = self.info.state if self.info is not None else "draft"
        return self.client.actor.role in self.editor_roles and state == "draft"

    def save(self, *, submit: bool = False) -> None:
        """Save the draft (and submit it when asked) in one transaction."""
        if self.busy or not self.editable():
            return
        self.commit_cell()
        try:
            data = self.current_input()
        except ValidationError as exc:
            self.failed(exc)
            return
        version = self.info.version_id if self.info is not None else None
        done = self.tr("Submitted as %1.") if submit else self.tr("Saved.")
        self.run(save_order, self.services, self.order_id, data, self.client_uuid, version,
                 submit=submit, done_text=done)

    def submit(self) -> None:
        self.save(submit=True)

    def current_input(self):
        raise NotImplementedError

    def apply_state(self) -> None:
        editable = self.editable()
        self.model.editable = editable
        self.entry_row.setVisible(editable)
        self.table.setEditTriggers(LINE_EDIT_TRIGGERS if editable
                                   else QAbstractItemView.NoEditTriggers)
        self.set_header_enabled(editable)
        self.update_buttons()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.update_buttons()

    def print_order(self, doc_type: str) -> None:
        """Preview the saved order as ``doc_type`` (what is on screen unsaved does not print)."""
        if self.order_id is None:
            self._say(self.tr("Save the order before printing it."), error=True)
            return
        from ui.printing import print_document
        print_document(self, self.client, self.runner, doc_type, self.order_id)

    def _say(self, text: str, *, error: bool, ok: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else OK_STYLE if ok else "")

    def run(self, fn, *args, done_text: str = "", **kwargs) -> None:
        """Run a write (save, submit, approve …) in the background; the order as it is
        afterwards is shown, or the error beside its field."""
        self.set_busy(True)
        self._say("", error=False)
        self.errors.clear()
        self.jobs.submit(self.client.write, fn, *args,
                         on_done=lambda info: self._done(info, done_text),
                         on_error=self.failed, **kwargs)

    def _done(self, info, text: str) -> None:
        self.set_busy(False)
        self.show_order(info)
        if text:
            self._say(text.replace("%1", info.number or ""), error=False, ok=True)
        self.saved.emit(info)

    def failed(self, exc: BaseException) -> None:
        self.set_busy(False)
        if isinstance(exc, ValidationError):
            row = line_of(exc)
            self.model.mark_error(row)
            rest = self.errors.show({f: m for f, m in exc.errors.items()
                                     if not f.startswith("lines[")})
            lines = [message_text(m) for f, m in exc.errors.items() if f.startswith("lines[")]
            lines += [message_text(m) for m in rest.values()]
            self._say("\n".join(lines), error=True)
            return
        if isinstance(exc, InsufficientStock):
            self._say(error_text(exc), error=True)
            return
        if isinstance(exc, Conflict):
            self._say(self.tr("Someone else saved this order after you opened it. Load their "
                              "version to continue (your changes are not saved)."), error=True)
            self._theirs = exc.current
            self.theirs_button.show()
            return
        self._say(error_text(exc), error=True)

    def load_theirs(self) -> None:
        """After a conflict: show the order as the other user saved it."""
        self.theirs_button.hide()
        self._say("", error=False)
        theirs, self._theirs = getattr(self, "_theirs", None), None
        if theirs is not None and getattr(theirs, "lines", None):
            self.show_order(theirs)
        else:
            self.start_loading()

    def load_failed(self, exc: BaseException) -> None:
        self.loaded = True
        self._say(error_text(exc), error=True)
        self.update_buttons()

    def ask_reason(self, title: str, question: str, action: str, then) -> ReasonDialog:
        dialog = ReasonDialog(title, question, action, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.reason_given.connect(then)
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def closeEvent(self, event) -> None:  # noqa: N802
        self.commit_cell()
        super().closeEvent(event)

    # for subclasses
    def fill_header(self, info) -> None:
        raise NotImplementedError

    def update_buttons(self) -> None:
        raise NotImplementedError
