"""The stock document editor, one for every type (receipt, delivery note, returns, transfer,
count): the header, the lines, and posting.

Line entry is made for a barcode scanner and for the keyboard alone:
- the scan field has the focus; a scanner types the code and Enter — the product is added,
  or its line goes up by one (a code typed by hand works the same: barcode, else SKU; a
  name or specification fragment lists the matches, ui/widgets/product_picker.py);
- Down moves into the lines; typing a number over a quantity replaces it, + and - change it
  by one, Delete removes the line, Escape goes back to the scan field;
- Ctrl+S saves the draft, Ctrl+Enter posts.

Posting saves the lines and posts in one transaction. It is idempotent: a new document keeps
the client UUID this editor made for it, and posting a posted document only reports its
number, so a double press or a resend after a dropped connection posts once.

``print_requested(doc_id)`` is the printing module's hook: connect a slot to it (and call
ui.stock.doc_actions.set_print_handler) and the Print button works for posted documents."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QApplication,
                               QCheckBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget)

from app.client import Client
from app.runner import Runner
from services import stock_documents as docs
from services.errors import Conflict, InsufficientStock, ValidationError
from services.print_jobs import STOCK_DOC_TYPES as PRINTABLE_TYPES
from ui.errors import describe as error_text
from ui.stock import doc_state_name, doc_type_name, qty_text
from ui.stock.doc_lines import COL_QTY, DocLinesModel
from ui.stock.doc_actions import (NewDocument, line_of, print_handler, save_and_post,
                                  save_lines, submit_lines)
from ui.stock.doc_posted import PostedDocumentActions
from ui.stock.tables import LINE_EDIT_TRIGGERS, lines_view, title_row
from ui.widgets.field_errors import ERROR_STYLE
from ui.widgets.formatting import date_text, local_datetime_text
from ui.widgets.lifetime import OwnedRunner
from ui.widgets.product_picker import ProductPicker, ProductPickerDialog

OK_STYLE = "color: #2e7d32; font-weight: bold;"


class StockDocumentEditor(PostedDocumentActions, QWidget):
    """``posted(StockDocInfo)`` once posted; ``saved(StockDocInfo)`` after a save or
    submit; ``open_document(id)`` asks the host to open another document (a return or a
    reversal made from this one); ``print_requested(id)`` when Print is pressed."""

    posted = Signal(object)
    saved = Signal(object)
    shown = Signal(object)
    open_document = Signal(int)
    print_requested = Signal(int)

    def __init__(self, client: Client, runner: Runner, doc_id: int | None = None, *,
                 doc_type: str | None = None, new: NewDocument | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        if doc_id is None and new is None:
            raise ValueError("open a document by id or give a NewDocument")
        self.client, self.runner = client, runner
        self.jobs = OwnedRunner(runner, self)
        self.doc_id = doc_id
        self.new = new
        self.info = None
        self.client_uuid = docs.new_uuid()      # kept: every save/post resend is the same
        self.doc_type = new.doc_type if new is not None else doc_type
        self.dirty = False
        self.busy = False
        self.loaded = doc_id is None
        self.model = DocLinesModel(self.doc_type or "GR", self)
        self._build()
        if doc_id is not None:
            self.reload()
        else:
            self._show_header()
            self._apply_state()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.title, self.state_label, top = title_row("doc")

        self.header = QFormLayout()
        self.header.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.warehouse_label = QLabel()
        self.partner_label = QLabel()
        self.source_label = QLabel()
        self.date_label = QLabel()
        self.by_label = QLabel()
        for w in (self.warehouse_label, self.partner_label, self.source_label, self.by_label):
            w.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.quality_note = QLineEdit()
        self.quality_note.setMaxLength(300)
        self.notes = QLineEdit()
        self.header.addRow(self.tr("Warehouse"), self.warehouse_label)
        self.header.addRow(self.tr("From / to"), self.partner_label)
        self.header.addRow(self.tr("Order"), self.source_label)
        self.header.addRow(self.tr("Date"), self.date_label)
        self.header.addRow(self.tr("Reason"), self.reason)
        self.header.addRow(self.tr("Quality note"), self.quality_note)
        self.header.addRow(self.tr("Notes"), self.notes)
        self.header.addRow(self.tr("Created / posted"), self.by_label)
        for edit in (self.reason, self.quality_note, self.notes):
            edit.textEdited.connect(self._mark_dirty)

        # Inactive products too: an open order may still need one shipped.
        self.scan = ProductPicker(self.client, self.runner, active_only=False)
        self.scan.setObjectName("scan")
        self.scan.setPlaceholderText(self.tr("Scan a barcode or type a SKU, then Enter"))
        self.scan.product_picked.connect(self._product_picked)
        self.scan.not_found.connect(self._not_found)
        self.scan.installEventFilter(self)
        self.find_button = QPushButton(self.tr("Find product…"))
        self.find_button.clicked.connect(self.find_product)
        self.scan_message = QLabel()
        self.scan_message.setObjectName("scan_message")
        self.scan_message.setStyleSheet(ERROR_STYLE)
        self.scan_message.setWordWrap(True)
        scan_row = QHBoxLayout()
        self.scan_caption = QLabel(self.tr("Scan:"))
        scan_row.addWidget(self.scan_caption)
        scan_row.addWidget(self.scan, 1)
        scan_row.addWidget(self.find_button)

        self.table = lines_view(self.model, self)
        self.table.horizontalHeader().setStretchLastSection(False)
        self._connect_model()

        self.totals = QLabel()
        self.totals.setObjectName("doc_totals")
        self.status = QLabel()
        self.status.setObjectName("doc_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.save_button = QPushButton(self.tr("Save draft"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.post_button = QPushButton(self.tr("Post"))
        self.post_button.setObjectName("post")
        self.post_button.setToolTip(self.tr("Ctrl+Enter: book the stock movement and give the "
                                            "document its number"))
        self.submit_button = QPushButton(self.tr("Submit for approval"))
        self.cancel_button = QPushButton(self.tr("Cancel document"))
        self.print_button = QPushButton(self.tr("Print"))
        self.print_button.setObjectName("print")
        # A delivery note goes out with its paper: printed right after posting by default.
        self.print_after = QCheckBox(self.tr("Print after posting"))
        self.print_after.setChecked(self.doc_type == "DN")
        self.return_button = QPushButton(self.tr("Customer return…"))
        self.reverse_button = QPushButton(self.tr("Reverse…"))
        self.theirs_button = QPushButton(self.tr("Load their version"))
        self.theirs_button.hide()
        self.theirs_button.clicked.connect(self.load_theirs)
        self.save_button.clicked.connect(self.save)
        self.post_button.clicked.connect(self.post)
        self.submit_button.clicked.connect(self.submit_for_approval)
        self.cancel_button.clicked.connect(self.cancel_document)
        self.print_button.clicked.connect(self.print_document)
        self.return_button.clicked.connect(self.make_return)
        self.reverse_button.clicked.connect(self.reverse)
        buttons = QHBoxLayout()
        for b in (self.cancel_button, self.return_button, self.reverse_button,
                  self.theirs_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.print_after)
        for b in (self.print_button, self.save_button, self.submit_button, self.post_button):
            buttons.addWidget(b)
        self.post_button.setDefault(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.header)
        layout.addLayout(scan_row)
        layout.addWidget(self.scan_message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        for keys, slot in (("Ctrl+Return", self.post), ("Ctrl+Enter", self.post),
                           ("Ctrl+S", self.save), ("Ctrl+F", self.find_product)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def _connect_model(self) -> None:
        self.model.modelReset.connect(self._resize_columns)
        self.model.rowsInserted.connect(lambda *_a: self._resize_columns())
        self.model.lines_changed.connect(self._mark_dirty)
        self.model.lines_changed.connect(self._show_totals)
        self.model.problem.connect(lambda text: self._say(text, error=True))

    def _resize_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.Stretch)        # the product name
        qty_col = self.model.column_of(COL_QTY)
        # room for the quantity as it grows while scanning, and to type over it
        self.table.setColumnWidth(qty_col, max(self.table.columnWidth(qty_col), 90))

    # -- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        self._set_busy(True)
        self.jobs.submit(self.client.read, docs.get_stock_document, self.doc_id,
                         on_done=self._loaded, on_error=self._load_failed,
                         key=f"stock-doc-{id(self)}")

    def _loaded(self, info) -> None:
        self.loaded = True
        self._set_busy(False)
        self.show_document(info)

    def _load_failed(self, exc: BaseException) -> None:
        self.loaded = True
        self._set_busy(False)
        self._say(error_text(exc), error=True)

    def show_document(self, info) -> None:
        """Show ``info`` (a StockDocInfo) as saved: lines, header, buttons."""
        self.info = info
        self.doc_id = info.id
        if self.doc_type != info.doc_type:
            self.doc_type = info.doc_type
            self.model.deleteLater()
            self.model = DocLinesModel(info.doc_type, self)
            self.table.setModel(self.model)
            self._connect_model()
            self.print_after.setChecked(info.doc_type == "DN")
        self.model.cost_editable = info.doc_type == "GR" and info.purchase_order_id is None
        self.model.load(info.lines)
        self.dirty = False
        self._show_header()
        self._apply_state()
        self._show_totals()
        self.shown.emit(info)

    def _show_header(self) -> None:
        info, new = self.info, self.new
        kind = doc_type_name(self.doc_type)
        if info is not None:
            self.title.setText(f"{kind} {info.number}" if info.number
                               else self.tr("%1 (draft %2)").replace("%1", kind)
                               .replace("%2", str(info.id)))
            self.state_label.setText(doc_state_name(info.state))
            if info.reverses_id is not None:
                self.title.setText(self.title.text() + " " + self.tr("(reversal)"))
            where = info.warehouse_name
            if info.to_warehouse_name:
                where = self.tr("%1 → %2").replace("%1", where).replace(
                    "%2", info.to_warehouse_name)
            self.warehouse_label.setText(where)
            self.partner_label.setText(info.customer_name or info.supplier_name or "")
            self.source_label.setText(info.sales_order_number or info.purchase_order_number
                                      or "")
            self.date_label.setText(date_text(info.doc_date))
            by = info.created_by_name or ""
            if info.posted_at is not None:
                by = self.tr("%1; posted %2 by %3").replace("%1", by).replace(
                    "%2", local_datetime_text(info.posted_at)).replace(
                    "%3", info.posted_by_name or "")
            self.by_label.setText(by)
            for edit, value in ((self.reason, info.reason),
                                (self.quality_note, info.quality_note),
                                (self.notes, info.notes)):
                edit.setText(value or "")
        else:
            self.title.setText(self.tr("New %1").replace("%1", kind))
            self.state_label.setText(doc_state_name("draft"))
            where = new.warehouse_name
            if new.to_warehouse_name:
                where = self.tr("%1 → %2").replace("%1", where).replace(
                    "%2", new.to_warehouse_name)
            self.warehouse_label.setText(where)
            self.partner_label.setText(new.partner_name or "")
            self.source_label.setText("")
            self.date_label.setText("")
            self.by_label.setText("")
            self.reason.setText(new.reason or "")
        shown = {self.partner_label: bool(self.partner_label.text()),
                 self.source_label: bool(self.source_label.text()),
                 self.reason: self.doc_type in ("GR", "CR", "SR", "TR", "SC")
                 or bool(self.reason.text()),
                 self.quality_note: self.doc_type == "CR",
                 self.by_label: bool(self.by_label.text()),
                 self.date_label: bool(self.date_label.text())}
        for widget, visible in shown.items():
            self.header.setRowVisible(widget, visible)

    def _apply_state(self) -> None:
        state = self.info.state if self.info is not None else "draft"
        role = self.client.actor.role
        may_work = role in docs.STOCK_ROLES
        editable = may_work and (state == "draft" or (state == "submitted"
                                                      and self.doc_type == "SC"))
        self.model.editable = editable
        for w in (self.scan, self.find_button):
            w.setEnabled(editable)
        for edit in (self.reason, self.quality_note, self.notes):
            edit.setReadOnly(not editable)        # still readable and copyable
        self.scan.setVisible(editable)
        self.scan_caption.setVisible(editable)
        self.find_button.setVisible(editable)
        self.scan_message.setVisible(editable and bool(self.scan_message.text()))
        self.save_button.setVisible(editable)
        is_count = self.doc_type == "SC"
        may_post = editable and (not is_count or role in docs.COUNT_APPROVERS)
        self.post_button.setVisible(may_post)
        self.post_button.setText(self.tr("Approve and post") if is_count else self.tr("Post"))
        self.submit_button.setVisible(editable and is_count and state == "draft"
                                      and self.doc_id is not None)
        self.cancel_button.setVisible(editable and self.doc_id is not None)
        posted = state == "posted"
        # Only delivery notes and goods receipts have print templates.
        printable = self.doc_type in PRINTABLE_TYPES
        self.print_after.setVisible(self.post_button.isVisibleTo(self) and printable
                                    and print_handler() is not None)
        self.print_button.setVisible(posted and printable)
        self.print_button.setEnabled(posted and print_handler() is not None)
        self.print_button.setToolTip("" if print_handler() is not None
                                     else self.tr("Printing is not installed yet."))
        # goods back from the customer (a delivery note) or to the supplier (a receipt from one)
        self.return_button.setVisible(posted and may_work and self.info is not None and (
            self.doc_type == "DN" or (self.doc_type == "GR"
                                      and self.info.supplier_id is not None)))
        self.return_button.setText(self.tr("Return to supplier…") if self.doc_type == "GR"
                                   else self.tr("Customer return…"))
        self.reverse_button.setVisible(posted and may_work and self.info is not None
                                       and self.info.reverses_id is None)
        self.table.setEditTriggers(LINE_EDIT_TRIGGERS if editable
                                   else QAbstractItemView.NoEditTriggers)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_lines = bool(self.model.lines)
        self.save_button.setEnabled(not self.busy and self.dirty)
        self.post_button.setEnabled(not self.busy and has_lines)
        self.submit_button.setEnabled(not self.busy and has_lines)
        for button in (self.cancel_button, self.return_button, self.reverse_button):
            button.setEnabled(not self.busy)

    def _show_totals(self) -> None:
        lines = self.model.lines
        self.totals.setText(self.tr("%1 lines, %2 units in total").replace(
            "%1", str(len(lines))).replace("%2", qty_text(self.model.total_qty())))
        self._update_buttons()

    def _mark_dirty(self, *_args) -> None:
        if not self.model.editable:
            return
        self.dirty = True
        self._update_buttons()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    def _say(self, text: str, *, error: bool, ok: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else OK_STYLE if ok else "")

    # -- scanning and keyboard -------------------------------------------------------------
    def _not_found(self, code: str) -> None:
        self._scan_problem(self.tr("No product has the barcode or SKU “%1”.").replace("%1", code))
        QApplication.beep()

    def _scan_problem(self, text: str) -> None:
        self.scan_message.setText(text)
        self.scan_message.setVisible(bool(text))

    def _select(self, row: int) -> None:
        index = self.model.index(row, self.model.column_of(COL_QTY))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.table.scrollTo(index)

    def find_product(self) -> None:
        """Search by name or specification (ui/widgets/product_picker.py)."""
        if not self.model.editable:
            return
        dialog = ProductPickerDialog(self.client, self.runner, active_only=False, parent=self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.product_picked.connect(self._product_picked)
        if self.scan.text().strip():
            dialog.search.setText(self.scan.text().strip())
        self.picker = dialog
        dialog.open()

    def _product_picked(self, product) -> None:
        """A scan (or a pick from the list): the product's line goes up by one, or a new
        line of one is added."""
        if not self.model.editable:
            return
        self._scan_problem("")
        if not product.active:
            self._scan_problem(self.tr("%1 %2 is no longer sold (inactive); added anyway.")
                               .replace("%1", product.sku).replace("%2", product.name))
        self._select(self.model.add_product(product))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() != QEvent.KeyPress:
            return super().eventFilter(obj, event)
        key = event.key()
        if (obj is self.scan and key == Qt.Key_Down and self.model.lines
                and not self.scan.popup_visible()):
            current = self.table.currentIndex()
            self._select(current.row() if current.isValid() else 0)
            self.table.setFocus()
            return True
        if obj is self.table and self.table.state() != QAbstractItemView.EditingState:
            rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
            if key in (Qt.Key_Delete, Qt.Key_Backspace) and rows and self.model.editable:
                self.remove_lines(rows)
                return True
            if key in (Qt.Key_Plus, Qt.Key_Minus) and rows and self.model.editable:
                step = Decimal(1 if key == Qt.Key_Plus else -1)
                for row in rows:
                    self.model.change_qty(row, step)
                return True
            if key == Qt.Key_Escape:
                self.scan.setFocus()
                return True
            if key in (Qt.Key_Return, Qt.Key_Enter) and not event.modifiers() & Qt.ControlModifier:
                current = self.table.currentIndex()
                if current.isValid() and self.model.editable:
                    self.table.edit(self.model.index(current.row(),
                                                     self.model.column_of(COL_QTY)))
                    return True
        return super().eventFilter(obj, event)

    def remove_lines(self, rows) -> None:
        self.model.remove_rows(rows)
        if self.model.lines:
            self._select(min(min(rows), len(self.model.lines) - 1))

    # -- saving and posting ---------------------------------------------------------------
    def header_values(self) -> dict:
        values = {"notes": self.notes.text().strip() or None}
        if self.doc_type in ("GR", "CR", "SR", "TR", "SC") or self.reason.text().strip():
            values["reason"] = self.reason.text().strip() or None
        if self.doc_type == "CR":
            values["quality_note"] = self.quality_note.text().strip() or None
        return values

    def _commit_editor(self) -> None:
        # A quantity still being typed counts: write it and close the cell editor.
        if self.table.state() == QAbstractItemView.EditingState:
            editor = self.table.indexWidget(self.table.currentIndex())
            if editor is not None:
                self.table.commitData(editor)
                self.table.closeEditor(editor, QAbstractItemDelegate.NoHint)

    def _version(self) -> int | None:
        return self.info.version_id if self.info is not None else None

    def save(self) -> None:
        if self.busy or not self.model.editable:
            return
        self._commit_editor()
        if not self.model.lines and self.doc_id is None:
            self._say(self.tr("Scan or add at least one product first."), error=True)
            return
        self._say("", error=False)
        self._set_busy(True)
        self.jobs.submit(self.client.write, save_lines, self.doc_id, self.new,
                         self.client_uuid, self.model.inputs(), self.header_values(),
                         self._version(), on_done=self._saved, on_error=self._failed)

    def _saved(self, info) -> None:
        self._set_busy(False)
        self.show_document(info)
        self._say(self.tr("Draft saved."), error=False, ok=True)
        self.saved.emit(info)

    def post(self) -> None:
        """Save and post (Ctrl+Enter). Refused while busy, so a double press sends once;
        a resend is safe anyway (see module docstring)."""
        if self.busy or not self.post_button.isVisible():
            return
        self._commit_editor()
        if not self.model.lines:
            self._say(self.tr("Scan or add at least one product first."), error=True)
            return
        self._say(self.tr("Posting…"), error=False)
        self._set_busy(True)
        self.jobs.submit(self.client.write, save_and_post, self.doc_id, self.new,
                         self.client_uuid, self.model.inputs(), self.header_values(),
                         self._version(), on_done=self._posted, on_error=self._failed)

    def _posted(self, result) -> None:
        self._set_busy(False)
        info = result.document
        self.show_document(info)
        if result.already_posted:
            text = self.tr("Already posted as %1; nothing was booked twice.")
        else:
            text = self.tr("Posted as %1.")
        self._say(text.replace("%1", info.number or ""), error=False, ok=True)
        self.posted.emit(info)
        if self.print_button.isEnabled():
            self.print_button.setFocus()
            if self.print_after.isChecked() and not result.already_posted:
                self.print_document()

    def submit_for_approval(self) -> None:
        if self.busy or self.doc_id is None:
            return
        self._commit_editor()
        self._set_busy(True)
        self.jobs.submit(self.client.write, submit_lines, self.doc_id, self.model.inputs(),
                         self.header_values(), self._version(),
                         on_done=self._submitted, on_error=self._failed)

    def _submitted(self, info) -> None:
        self._set_busy(False)
        self.show_document(info)
        self._say(self.tr("Sent to an administrator for approval."), error=False, ok=True)
        self.saved.emit(info)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            row = line_of(exc)
            self.model.mark_error(row)
            if row is not None:
                self._select(row)
        elif isinstance(exc, InsufficientStock):
            pid = getattr(exc, "product_id", None)       # the ledger names the product
            row = (self.model.row_of_product(pid) if pid is not None else next(
                (r for r, ln in enumerate(self.model.lines)
                 if str(exc.product) == ln.sku or str(exc.product).startswith(ln.sku + " ")),
                None))
            self.model.mark_error(row)
        if isinstance(exc, Conflict):
            self._say(self.tr("Someone else changed this document after you opened it. "
                              "Load their version to continue (your changes are not saved)."),
                      error=True)
            self._theirs = exc.current
            self.theirs_button.show()
            return
        self._say(error_text(exc), error=True)

    def load_theirs(self) -> None:
        """After a conflict: show the document as the other user saved it."""
        self.theirs_button.hide()
        self._say("", error=False)
        theirs, self._theirs = getattr(self, "_theirs", None), None
        if theirs is not None:
            self.show_document(theirs)
        else:
            self.reload()

    def cancel_document(self) -> None:
        if self.busy or self.doc_id is None:
            return
        answer = QMessageBox.question(self, self.tr("Cancel document"),
                                      self.tr("Cancel this draft? Nothing was booked; it "
                                              "stays in the list as cancelled."))
        if answer != QMessageBox.Yes:
            return
        self.cancel_now()

    def cancel_now(self) -> None:
        self._set_busy(True)
        self.jobs.submit(self.client.write, docs.cancel_draft, self.doc_id,
                         on_done=self._saved, on_error=self._failed)

    # -- after posting ----------------------------------------------------------------------
    def confirm_close(self) -> bool:
        """False when the user wants to keep editing unsaved lines."""
        if not self.dirty or not self.model.editable:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved lines"),
            self.tr("The lines were changed and not saved. Close anyway?"),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes
