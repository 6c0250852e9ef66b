"""Import leads from .xlsx/.csv: choose the file → check the columns and rows and choose how
to import → import with progress and cancel, then the result and the error report.

A wizard of its own rather than the customer import's: the pages there call the customer
import service and speak of customers; the flow and the look are the same. Reading and
importing run in the background runner; the service writes all good rows in one
transaction, so cancelling leaves nothing half-imported."""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt,
                            QTimer, Signal)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFileDialog,
                               QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton,
                               QRadioButton, QTableView, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWizard, QWizardPage)

from app import i18n
from app.client import Client
from app.runner import Runner
from services import lead_import
from ui import errors
from ui.customers.import_wizard import FILE_FILTER, STATUS_COLOURS, SUFFIXES, status_text
from ui.leads import lead_field_label
from ui.widgets.field_errors import ERROR_STYLE
from ui.widgets.lifetime import OwnedRunner

# Literal translate("Context", "…") calls, so lupdate finds every string.
translate = QCoreApplication.translate

REMAP_DELAY_MS = 400


def import_field_label(field: str) -> str:
    if field == "owner":
        return translate("LeadImportWizard", "Owner (login or name)")
    return lead_field_label(field)


def row_problem(r) -> str:
    """What is wrong with a preview row (LeadImportRow), in the user's language."""
    if r.issues:
        parts = []
        for i in r.issues:
            reason = errors.translate_service_message(i.reason)
            if i.column:
                reason = (translate("LeadImportWizard", "column %1 (%2): %3")
                          .replace("%1", i.column).replace("%2", i.header)
                          .replace("%3", reason))
            parts.append(reason)
        return "; ".join(parts)
    what = {"phone": translate("LeadImportWizard", "phone"),
            "email": translate("LeadImportWizard", "email")}.get(r.duplicate_reason,
                                                          r.duplicate_reason)
    if r.duplicate_of_lead is not None:
        return (translate("LeadImportWizard", "same %1 as existing lead %2").replace("%1", what)
                .replace("%2", str(r.duplicate_of_lead)))
    if r.duplicate_of_row is not None:
        return (translate("LeadImportWizard", "same %1 as row %2 of this file").replace("%1", what)
                .replace("%2", str(r.duplicate_of_row)))
    return ""


class LeadRowsModel(QAbstractTableModel):
    """The preview's rows, possibly thousands: a model, not a table of items."""

    FIXED = 3     # row number, status, problem

    def __init__(self, parent=None):
        super().__init__(parent)
        self.preview = None
        self.rows: list = []

    def set_preview(self, preview, *, problems_only: bool) -> None:
        self.beginResetModel()
        self.preview = preview
        rows = preview.rows if preview is not None else ()
        self.rows = [r for r in rows if r.status != "ok"] if problems_only else list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        if parent.isValid() or self.preview is None:
            return 0
        return self.FIXED + len(self.preview.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation != Qt.Horizontal or role != Qt.DisplayRole or self.preview is None:
            return None
        if section < self.FIXED:
            return (translate("LeadImportWizard", "Row"), translate("LeadImportWizard", "Status"),
                    translate("LeadImportWizard", "Problem"))[section]
        col = self.preview.columns[section - self.FIXED]
        return f"{col.letter} {col.header}".strip()

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r, col = self.rows[index.row()], index.column()
        if role == Qt.DisplayRole:
            if col == 0:
                return r.row
            if col == 1:
                return status_text(r.status)
            if col == 2:
                return row_problem(r)
            i = col - self.FIXED
            return r.values[i] if i < len(r.values) else ""
        if role == Qt.BackgroundRole and col in (1, 2):
            return QBrush(QColor(STATUS_COLOURS.get(r.status, "#ffffff")))
        if role == Qt.ToolTipRole and col == 2 and r.status != "ok":
            return row_problem(r)
        return None


class LeadFilePage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("An Excel workbook (.xlsx) or a CSV file with one lead per "
                                 "row and column titles such as 联系人 / Contact, 公司 / "
                                 "Company, 电话 / Phone, 需求 / Enquiry."))
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Path of the file to import"))
        self.browse = QPushButton(self.tr("Browse…"))
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addStretch(1)
        # Replaceable so tests need no native file dialog.
        self.choose_file = lambda: QFileDialog.getOpenFileName(
            self, self.tr("Import leads"), "", FILE_FILTER)[0]
        self.browse.clicked.connect(self._browse)
        self.path.textChanged.connect(self.completeChanged)

    def _browse(self) -> None:
        chosen = self.choose_file()
        if chosen:
            self.path.setText(chosen)

    def isComplete(self) -> bool:  # noqa: N802
        p = Path(self.path.text().strip())
        return p.suffix.lower() in SUFFIXES and p.is_file()


class LeadPreviewPage(QWizardPage):
    """The columns (what each is imported as, editable), the rows with their status, and
    how to import: all or nothing / only the good rows, duplicates skipped or not."""

    def __init__(self, wizard: "LeadImportWizard"):
        super().__init__()
        self.w = wizard
        self.jobs = OwnedRunner(wizard.runner, self)
        self.preview = None
        self.loading = False
        self.combos: dict[str, QComboBox] = {}
        self.setTitle(self.tr("Check the columns and rows"))
        self.setSubTitle(self.tr("Change what a column is imported as if it was not "
                                 "recognised; the rows are checked again."))
        self.columns = QTableWidget(3, 0)
        self.columns.setVerticalHeaderLabels([self.tr("Title in file"), self.tr("Import as"),
                                              self.tr("Note")])
        self.columns.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.columns.setWordWrap(True)
        self.columns.setMaximumHeight(150)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.problems_only = QCheckBox(self.tr("Show only rows with problems"))
        self.rows_model = LeadRowsModel(self)
        self.rows = QTableView()
        self.rows.setModel(self.rows_model)
        self.rows.verticalHeader().hide()
        self.rows.setAlternatingRowColors(True)
        self.rows.horizontalHeader().setDefaultSectionSize(110)
        self.all_or_nothing = QRadioButton(self.tr(
            "All or nothing: import only if every row is fine"))
        self.good_rows = QRadioButton(self.tr(
            "Only the good rows: leave out rows with errors (they go into the error report)"))
        self.all_or_nothing.setChecked(True)
        self.import_duplicates = QCheckBox(self.tr(
            "Also import rows that look like existing leads (otherwise they are skipped)"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.columns)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addWidget(self.problems_only)
        layout.addWidget(self.rows, 1)
        layout.addWidget(self.all_or_nothing)
        layout.addWidget(self.good_rows)
        layout.addWidget(self.import_duplicates)
        self._remap = QTimer(self)
        self._remap.setSingleShot(True)
        self._remap.setInterval(REMAP_DELAY_MS)
        self._remap.timeout.connect(self.reload)
        self.problems_only.toggled.connect(self._show_rows)

    def initializePage(self) -> None:  # noqa: N802
        self.w.mapping = None
        self.preview = None
        self.columns.setColumnCount(0)
        self.combos.clear()
        self.reload()

    def reload(self) -> None:
        self.loading = True
        self.completeChanged.emit()
        self.problem.hide()
        self.summary.setText(self.tr("Reading the file…"))
        self.jobs.submit(self.w.client.read, lead_import.preview_lead_import, self.w.path,
                         self.w.mapping, on_done=self._ready, on_error=self._failed,
                         key=f"lead-import-preview-{id(self)}")

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.preview = None
        self.summary.clear()
        self.problem.setText(errors.describe(exc))
        self.problem.show()
        self.rows_model.set_preview(None, problems_only=False)
        self.completeChanged.emit()

    def _ready(self, preview) -> None:
        self.loading = False
        self.preview = preview
        if not self.combos:
            self._show_columns(preview)
        else:
            for c in preview.columns:
                self._set_note(c.index, c.note)
        notes = [errors.translate_service_message(n) for n in preview.notes[1:]]
        self.summary.setText(
            self.tr("%1 rows: %2 ok, %3 with errors, %4 duplicates.")
            .replace("%1", str(len(preview.rows))).replace("%2", str(preview.ok_count))
            .replace("%3", str(preview.error_count))
            .replace("%4", str(preview.duplicate_count))
            + ("\n" + "\n".join(notes) if notes else ""))
        if preview.error_count:
            self.good_rows.setChecked(True)
        self._show_rows()
        self.completeChanged.emit()

    def _show_columns(self, preview) -> None:
        self.columns.setColumnCount(len(preview.columns))
        self.columns.setHorizontalHeaderLabels([c.letter for c in preview.columns])
        for c in preview.columns:
            self.columns.setItem(0, c.index, QTableWidgetItem(c.header))
            combo = QComboBox()
            combo.addItem(self.tr("(ignore)"), None)
            for field in lead_import.LEAD_FIELD_HEADERS:
                combo.addItem(import_field_label(field), field)
            combo.setCurrentIndex(max(combo.findData(c.field), 0))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.columns.setCellWidget(1, c.index, combo)
            self.combos[c.letter] = combo
            self._set_note(c.index, c.note)
        self.columns.resizeColumnsToContents()
        for col in range(self.columns.columnCount()):
            self.columns.setColumnWidth(col, max(self.columns.columnWidth(col), 120))

    def _set_note(self, col: int, note: str) -> None:
        item = QTableWidgetItem(errors.translate_service_message(note) if note else "")
        if note:
            item.setForeground(QBrush(QColor("#7a5a00")))
            item.setToolTip(note)
        self.columns.setItem(2, col, item)

    def set_column_field(self, letter: str, field: str | None) -> None:
        combo = self.combos[letter]
        combo.setCurrentIndex(combo.findData(field))

    def _mapping_changed(self) -> None:
        self.w.mapping = {letter: combo.currentData() for letter, combo in self.combos.items()}
        self.loading = True
        self.completeChanged.emit()
        self._remap.start()

    def _show_rows(self) -> None:
        self.rows_model.set_preview(self.preview, problems_only=self.problems_only.isChecked())
        self.rows.resizeColumnToContents(0)
        self.rows.resizeColumnToContents(1)
        self.rows.setColumnWidth(2, 320)

    @property
    def mode(self) -> str:
        return "good_rows" if self.good_rows.isChecked() else "all_or_nothing"

    @property
    def on_duplicate(self) -> str:
        return "import" if self.import_duplicates.isChecked() else "skip"

    def isComplete(self) -> bool:  # noqa: N802
        return not self.loading and self.preview is not None and bool(self.preview.rows)


class _ProgressRelay(QObject):
    progressed = Signal(int, int)       # emitted on the worker thread, delivered queued


class LeadResultPage(QWizardPage):
    """Runs the import (progress, cancel), then says what happened and offers the error
    report."""

    def __init__(self, wizard: "LeadImportWizard"):
        super().__init__()
        self.w = wizard
        self.jobs = OwnedRunner(wizard.runner, self)
        self.running = False
        self.result = None
        self.report_path: str | None = None
        self._cancel = threading.Event()
        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(self._progressed)
        self.setTitle(self.tr("Importing"))
        self.bar = QProgressBar()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.save_report = QPushButton(self.tr("Save error report…"))
        self.save_report.hide()
        self.report_status = QLabel()
        self.report_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.save_report)
        row.addWidget(self.report_status, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addStretch(1)
        self.ask_report_path = lambda: QFileDialog.getSaveFileName(
            self, self.tr("Save error report"), self._suggested_name(), "Excel (*.xlsx)")[0]
        self.cancel_button.clicked.connect(self.request_cancel)
        self.save_report.clicked.connect(self._save_report)

    def _suggested_name(self) -> str:
        p = Path(self.w.path)
        return str(p.with_name(p.stem + "-errors.xlsx"))

    def initializePage(self) -> None:  # noqa: N802
        self.result = None
        self._cancel.clear()
        self.running = True
        self.bar.setRange(0, 0)
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.save_report.hide()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Checking and importing…"))
        page = self.w.preview_page
        # The rows as previewed are imported (the file is not read again); owners and
        # duplicates are checked once more inside the import's transaction.
        self.jobs.submit(lead_import.run_lead_import, self.w.client.db, self.w.client.actor,
                         page.preview, mode=page.mode, on_duplicate=page.on_duplicate,
                         progress=self._progress, on_done=self._done, on_error=self._failed)

    def _progress(self, done: int, total: int) -> bool:
        self._relay.progressed.emit(done, total)       # worker thread
        return not self._cancel.is_set()

    def _progressed(self, done: int, total: int) -> None:
        if self.running:
            self.bar.setRange(0, max(total, 1))
            self.bar.setValue(done)

    def request_cancel(self) -> None:
        if self.running:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling: undoing what was written…"))

    def _done(self, result) -> None:
        self.running = False
        self.result = result
        self.cancel_button.hide()
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        p = result.preview
        lines = [errors.translate_service_message(result.summary), "",
                 self.tr("Imported: %1").replace("%1", str(result.created)),
                 self.tr("Duplicates skipped: %1").replace("%1", str(result.skipped_duplicates)),
                 self.tr("Rows with errors: %1").replace("%1", str(p.error_count))]
        if result.cancelled:
            lines.insert(1, self.tr("Cancelled: nothing was imported."))
        elif result.refused:
            lines.insert(1, self.tr("Nothing was imported (all or nothing)."))
        self.status.setText("\n".join(lines))
        self.save_report.setVisible(p.error_count + p.duplicate_count > 0)
        self.completeChanged.emit()
        self.w.import_finished(result)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.cancel_button.hide()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(self.tr("Nothing was imported.") + "\n" + errors.describe(exc))
        self.completeChanged.emit()

    def _save_report(self) -> None:
        path = self.ask_report_path()
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.save_report.setEnabled(False)
        language = "zh" if i18n.current_language().startswith("zh") else "en"
        self.jobs.submit(lead_import.write_lead_error_report, self.result, path,
                         language=language, on_done=lambda _n: self._report_saved(path),
                         on_error=self._report_failed)

    def _report_saved(self, path: str) -> None:
        self.report_path = path
        self.save_report.setEnabled(True)
        self.report_status.setStyleSheet("")
        self.report_status.setText(self.tr("Error report saved to %1").replace("%1", path))

    def _report_failed(self, exc: BaseException) -> None:
        self.save_report.setEnabled(True)
        self.report_status.setStyleSheet(ERROR_STYLE)
        self.report_status.setText(errors.describe(exc))

    def isComplete(self) -> bool:  # noqa: N802
        return not self.running and self.result is not None


class LeadImportWizard(QWizard):
    """``imported(n)`` is emitted with the number of leads created (when n > 0)."""

    imported = Signal(int)

    def __init__(self, client: Client, runner: Runner, parent=None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.mapping: dict | None = None
        self.setWindowTitle(self.tr("Import leads"))
        self.setWizardStyle(QWizard.ClassicStyle)
        self.setOption(QWizard.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.NoCancelButtonOnLastPage, True)
        self.file_page = LeadFilePage()
        self.preview_page = LeadPreviewPage(self)
        self.result_page = LeadResultPage(self)
        for page in (self.file_page, self.preview_page, self.result_page):
            self.addPage(page)
        self.preview_page.setCommitPage(True)     # no way back once the import started
        self.setButtonText(QWizard.CommitButton, self.tr("Import"))
        self.resize(900, 620)

    @property
    def path(self) -> str:
        return self.file_page.path.text().strip()

    def import_finished(self, result) -> None:
        if result.created:
            self.imported.emit(result.created)

    def reject(self) -> None:
        # Closing while the import runs cancels it (rolled back) instead of walking away.
        if self.result_page.running:
            self.result_page.request_cancel()
            return
        super().reject()
