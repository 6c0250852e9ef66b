"""The customer list screen: type-ahead search, scope/level/region filters, sortable
columns, "New customer", "Export", and double-click/Enter to open the 360° view."""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QCompleter, QFileDialog,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox,
                               QProgressDialog, QPushButton, QTableView, QVBoxLayout, QWidget)

from app.i18n import current_language
from services.customer_search import CustomerFilter
from ui import errors
from ui.customers.list_model import COLUMN_OF, CustomerListModel
from ui.widgets.lifetime import while_alive

SEARCH_DEBOUNCE_MS = 250
SCOPES = ("mine", "team", "pool", "all")
# Staff who own no customers (warehouse, finance) choose only between the pool and all.
OWNERLESS_ROLES = ("warehouse", "finance")
LEVELS = ("A", "B", "C", "D")


def default_scope(role: str) -> str:
    return {"sales": "mine", "sales_manager": "team"}.get(role, "all")


class _ProgressRelay(QObject):
    # Emitted on the worker thread, delivered queued on the GUI thread.
    progress = Signal(int, int)


def _export_service():
    from services import export
    return export


class CustomerListWidget(QWidget):
    """One list of customers. ``pool_only`` makes it the public pool screen."""

    open_customer = Signal(int)
    customer_created = Signal(int)
    export_started = Signal()           # the progress dialog exists (export_dialog)
    export_finished = Signal(str)       # path
    export_cancelled = Signal()
    export_message = Signal(str)        # for the status bar

    def __init__(self, client, runner, *, pool_only: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner, self.pool_only = client, runner, pool_only
        scope = "pool" if pool_only else default_scope(client.actor.role)
        self.model = CustomerListModel(client, runner, CustomerFilter(scope=scope), self)
        self._regions: set[str] = set()
        self._export_cancel: threading.Event | None = None
        self.export_dialog: QProgressDialog | None = None

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.apply_filters)

        self.scope_label, self.scope = QLabel(), QComboBox()
        for s in SCOPES:
            if not (client.actor.role in OWNERLESS_ROLES and s in ("mine", "team")):
                self.scope.addItem("", s)
        self.scope.setCurrentIndex(self.scope.findData(scope))
        self.scope.currentIndexChanged.connect(self.apply_filters)
        self.scope_label.setBuddy(self.scope)
        self.scope_label.setVisible(not pool_only)
        self.scope.setVisible(not pool_only)

        self.level_label, self.level = QLabel(), QComboBox()
        self.level.addItem("", None)
        for lv in LEVELS:
            self.level.addItem(lv, lv)
        self.level.currentIndexChanged.connect(self.apply_filters)
        self.level_label.setBuddy(self.level)

        # Regions are free text; the completer offers the regions seen in loaded rows.
        self.region_label, self.region = QLabel(), QComboBox()
        self.region.setEditable(True)
        self.region.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.region.setMinimumWidth(110)
        self._region_names = QStringListModel(self)
        self._region_completer = QCompleter(self._region_names, self)
        self._region_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.region.setCompleter(self._region_completer)
        self.region.lineEdit().editingFinished.connect(self.apply_filters)
        self.region.activated.connect(lambda _i: self.apply_filters())
        self.region_label.setBuddy(self.region)

        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_customer)
        self.new_button.setVisible(client.actor.role in ("sales", "sales_manager", "admin"))
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export)
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(120)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(self.model.sort_column, self.model.sort_order)
        header.sectionClicked.connect(self._header_clicked)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for attr, width in (("code", 100), ("name", 260), ("level", 50), ("region", 90),
                            ("industry", 110), ("phone", 130), ("owner_name", 90),
                            ("last_follow_up_at", 130)):
            self.table.setColumnWidth(COLUMN_OF[attr], width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(self._activated)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        for w in (self.scope_label, self.scope, self.level_label, self.level,
                  self.region_label, self.region):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.new_button)
        bar.addWidget(self.export_button)
        # Loading problems show here, not in a modal box: the list stays usable.
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        self.retry_button = QPushButton()
        self.retry_button.clicked.connect(self.refresh)
        problem_row = QHBoxLayout()
        problem_row.addWidget(self.problem, 1)
        problem_row.addWidget(self.retry_button)
        self.problem_box = QWidget()
        self.problem_box.setLayout(problem_row)
        self.problem_box.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.problem_box)
        layout.addWidget(self.table)

        self.model.count_changed.connect(self._show_count)
        self.model.loading_changed.connect(lambda _b: self._show_count())
        self.model.page_loaded.connect(self._collect_regions)
        self.model.load_failed.connect(self._load_failed)
        self.model.reloaded.connect(lambda: self.problem_box.setVisible(False))
        self.retranslate()
        self.model.reload()

    # --- texts -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search name, code, phone or contact…"))
        self.scope_label.setText(self.tr("&Show:"))
        scope_texts = {"mine": self.tr("My customers"), "team": self.tr("My team"),
                       "pool": self.tr("Public pool"), "all": self.tr("All I can see")}
        for i in range(self.scope.count()):
            self.scope.setItemText(i, scope_texts[self.scope.itemData(i)])
        self.level_label.setText(self.tr("&Level:"))
        self.level.setItemText(0, self.tr("Any"))
        self.region_label.setText(self.tr("&Region:"))
        self.region.lineEdit().setPlaceholderText(self.tr("Any"))
        self.new_button.setText(self.tr("&New customer"))
        self.export_button.setText(self.tr("E&xport…"))
        self.retry_button.setText(self.tr("Try again"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          self.model.columnCount() - 1)
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_count(self, *_args) -> None:
        if self.model.is_loading and self.model.rowCount() == 0:
            self.count_label.setText(self.tr("Loading…"))
            return
        n = self.locale().toString(self.model.rowCount())
        if self.model.capped:
            self.count_label.setText(self.tr("%1+ customers").replace("%1", n))
        else:
            self.count_label.setText(self.tr("%1 customers").replace("%1", n))

    # --- filters and sorting -----------------------------------------------------------

    def current_filter(self) -> CustomerFilter:
        region = self.region.currentText().strip() or None
        return CustomerFilter(scope=self.scope.currentData(), level=self.level.currentData(),
                              region=region, text=self.search.text().strip())

    def apply_filters(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.current_filter())

    def refresh(self) -> None:
        self.model.reload()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _header_clicked(self, column: int) -> None:
        if not self.model.is_sortable(column):
            # keep showing the sort that is in effect
            self.table.horizontalHeader().setSortIndicator(self.model.sort_column,
                                                           self.model.sort_order)
            return
        if column == self.model.sort_column:
            order = (Qt.SortOrder.DescendingOrder
                     if self.model.sort_order == Qt.SortOrder.AscendingOrder
                     else Qt.SortOrder.AscendingOrder)
        else:
            order = Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(column, order)
        self.model.sort(column, order)

    def _collect_regions(self, page: int) -> None:
        rows = self.model.page_rows(page)
        new = {r.region for r in rows if r.region} - self._regions
        if new:
            self._regions |= new
            self._region_names.setStringList(sorted(self._regions))

    def _load_failed(self, exc: BaseException) -> None:
        self.problem.setText(self.tr("The list could not be loaded: %1").replace(
            "%1", errors.describe(exc)))
        self.problem_box.setVisible(True)
        self._show_count()

    # --- opening, creating -------------------------------------------------------------

    def selected_customer_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.customer_id(index.row()) if index.isValid() else None

    def _activated(self, index) -> None:
        customer_id = self.model.customer_id(index.row())
        if customer_id is not None:
            self.open_customer.emit(customer_id)

    def new_customer(self) -> None:
        try:
            from ui.customers.form import CustomerFormDialog
        except ImportError:
            QMessageBox.information(self, self.tr("New customer"),
                                    self.tr("The customer form is not available in this "
                                            "version."))
            return
        dialog = CustomerFormDialog(self.client, self.runner, None, self)
        dialog.saved.connect(self._created)
        # The duplicate dialog can send the user to the existing customer instead.
        if hasattr(dialog, "open_requested"):
            dialog.open_requested.connect(self.open_customer)
        dialog.open()

    def _created(self, customer_id: int) -> None:
        self.model.reload()
        self.customer_created.emit(customer_id)
        self.open_customer.emit(customer_id)

    # --- export ------------------------------------------------------------------------

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export customers"),
                                              str(Path.home() / self.tr("customers.xlsx")),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(Path(path))

    def cancel_export(self) -> None:
        """Stop a running export; the service removes the partial file."""
        if self._export_cancel is not None:
            self._export_cancel.set()

    def export_to(self, path: Path) -> None:
        """Export the list as filtered now, in the background, with a cancellable progress
        dialog. The export service writes the file completely or not at all."""
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        try:
            export = _export_service()
        except ImportError:
            QMessageBox.information(self, self.tr("Export"),
                                    self.tr("Export is not available in this version."))
            return
        cancel = threading.Event()
        self._export_cancel = cancel
        relay = _ProgressRelay(self)
        dialog = QProgressDialog(self.tr("Exporting customers…"), self.tr("Cancel"), 0, 0, self)
        dialog.setWindowTitle(self.tr("Export"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel_export)
        self.export_dialog = dialog

        def show_progress(done: int, total: int) -> None:
            if dialog.wasCanceled():
                return
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)
            dialog.setLabelText(self.tr("Exporting customers… %1 of %2").replace(
                "%1", self.locale().toString(done)).replace("%2",
                                                            self.locale().toString(total)))
        relay.progress.connect(show_progress)

        def progress(done: int, total: int | None = None) -> bool:
            # Called on the worker thread by the export service; False stops it (the
            # service then removes the partial file).
            if cancel.is_set():
                return False
            relay.progress.emit(int(done), int(total or 0))
            return True

        def finished(count) -> None:
            dialog.close()
            dialog.deleteLater()
            relay.deleteLater()
            self._export_cancel = None
            self.export_finished.emit(str(path))
            n = count if isinstance(count, int) else None
            text = (self.tr("Exported %1 customers to %2").replace(
                "%1", self.locale().toString(n)).replace("%2", str(path)) if n is not None
                else self.tr("Exported to %1").replace("%1", str(path)))
            self.export_message.emit(text)

        def failed(exc: BaseException) -> None:
            dialog.close()
            dialog.deleteLater()
            relay.deleteLater()
            self._export_cancel = None
            if isinstance(exc, export.ExportCancelled) or cancel.is_set():
                self.export_message.emit(self.tr("Export cancelled"))
                self.export_cancelled.emit()
                return
            errors.show_error(self, exc)

        self.export_started.emit()
        language = "zh" if current_language() == "zh_CN" else "en"
        self.runner.submit(self.client.read, export.export_customers, self.current_filter(),
                           path, progress=progress, language=language,
                           on_done=while_alive(self, finished),
                           on_error=while_alive(self, failed))
