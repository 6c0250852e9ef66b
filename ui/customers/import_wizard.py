"""Import customers from .xlsx/.csv: choose file → preview (editable column mapping,
per-row status) → mode → run with progress and cancel → result with the error report.

Reading and importing run in the background runner; the import service writes all good
rows in one transaction, so cancelling leaves nothing half-imported."""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt,
                            QTimer, Signal)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFileDialog,
                               QHBoxLayout, QLabel, QLineEdit, QProgressBar,
                               QPushButton, QRadioButton, QTableView, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWizard, QWizardPage)

from app import i18n
from app.client import Client
from app.runner import Runner
from services import customer_import
from ui import errors
from ui.customers.form_dialogs import reason_text
from ui.widgets.field_errors import ERROR_STYLE
from ui.widgets.lifetime import OwnedRunner

FILE_FILTER = "Excel / CSV (*.xlsx *.xlsm *.csv *.txt *.tsv)"
SUFFIXES = (".xlsx", ".xlsm", ".csv", ".txt", ".tsv")
REMAP_DELAY_MS = 400


def import_field_label(field: str) -> str:
    if field == "contact_title":
        return QCoreApplication.translate("ImportWizard", "Contact's title")
    return errors.field_label(field)


def status_text(status: str) -> str:
    names = {"ok": QCoreApplication.translate("ImportWizard", "ok"),
             "error": QCoreApplication.translate("ImportWizard", "errors"),
             "duplicate": QCoreApplication.translate("ImportWizard", "duplicate")}
    return names.get(status, status)


def problem_text(r) -> str:
    """What is wrong with a preview row (RowResult), in the user's language. The row number
    has its own column, so it is not repeated."""
    if r.issues:
        parts = []
        for i in r.issues:
            reason = errors.translate_service_message(i.reason)
            if i.column:
                reason = (QCoreApplication.translate("ImportWizard", "column %1 (%2): %3")
                          .replace("%1", i.column).replace("%2", i.header)
                          .replace("%3", reason))
            parts.append(reason)
        return "; ".join(parts)
    if r.duplicate_of is not None:
        d = r.duplicate_of
        return (QCoreApplication.translate("ImportWizard", "like existing customer %1 %2 (%3)")
                .replace("%1", d.code).replace("%2", d.name)
                .replace("%3", ", ".join(reason_text(x) for x in d.reasons)))
    if r.duplicate_of_row is not None:
        return QCoreApplication.translate("ImportWizard", "same as row %1 of this file").replace(
            "%1", str(r.duplicate_of_row))
    return ""


STATUS_COLOURS = {"ok": "#e8f5e9", "error": "#fdecea", "duplicate": "#fff3cd"}


class PreviewRowsModel(QAbstractTableModel):
    """The preview's rows (RowResult), possibly thousands: a model, not a table of items."""

    FIXED = 3  # row number, status, reason

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
            return (QCoreApplication.translate("ImportWizard", "Row"),
                    QCoreApplication.translate("ImportWizard", "Status"),
                    QCoreApplication.translate("ImportWizard", "Problem"))[section]
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
                return problem_text(r)
            values = r.values
            i = col - self.FIXED
            return values[i] if i < len(values) else ""
        if role == Qt.BackgroundRole and col in (1, 2):
            return QBrush(QColor(STATUS_COLOURS.get(r.status, "#ffffff")))
        if role == Qt.ToolTipRole and col == 2 and r.status != "ok":
            return problem_text(r)
        return None


# ------------------------------------------------------------------------------ pages

class FilePage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("An Excel workbook (.xlsx) or a CSV file with one customer "
                                 "per row and column titles such as 客户名称 / Name, 电话 / Phone."))
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Path of the file to import"))
        self.browse = QPushButton(self.tr("Browse…"))
        self.problem = QLabel()
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        # Replaceable so tests (and other front ends) need no native file dialog.
        self.choose_file = lambda: QFileDialog.getOpenFileName(
            self, self.tr("Import customers"), "", FILE_FILTER)[0]
        self.browse.clicked.connect(self._browse)
        self.path.textChanged.connect(self.completeChanged)

    def _browse(self) -> None:
        chosen = self.choose_file()
        if chosen:
            self.path.setText(chosen)

    def isComplete(self) -> bool:  # noqa: N802
        p = Path(self.path.text().strip())
        return p.suffix.lower() in SUFFIXES and p.is_file()


class PreviewPage(QWizardPage):
    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.w = wizard
        self.jobs = OwnedRunner(wizard.runner, self)
        self.preview = None
        self.loading = False
        self.setTitle(self.tr("Check the columns and rows"))
        self.setSubTitle(self.tr("Each column of the file and what it is imported as. Change a "
                                 "column's field if it was not recognised; the rows are "
                                 "checked again."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        # One column per file column, as in the file: its title, what it is imported as
        # (editable) and a note when something about it needs saying.
        self.columns = QTableWidget(3, 0)
        self.columns.setVerticalHeaderLabels([self.tr("Title in file"), self.tr("Import as"),
                                              self.tr("Note")])
        self.columns.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.columns.setWordWrap(True)
        self.combos: dict[str, QComboBox] = {}
        self.problems_only = QCheckBox(self.tr("Show only rows with problems"))
        self.rows_model = PreviewRowsModel(self)
        self.rows = QTableView()
        self.rows.setModel(self.rows_model)
        self.rows.verticalHeader().hide()
        self.rows.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.rows.setAlternatingRowColors(True)
        self.rows.horizontalHeader().setDefaultSectionSize(110)
        layout = QVBoxLayout(self)
        layout.addWidget(self.columns)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addWidget(self.problems_only)
        layout.addWidget(self.rows, 1)
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
        self.jobs.submit(self.w.client.read, customer_import.preview_import,
                         self.w.path, self.w.mapping, on_done=self._ready,
                         on_error=self._failed, key=f"import-preview-{id(self)}")

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
            for c in preview.columns:  # notes may change with the mapping
                row = c.index
                if row < self.columns.columnCount():
                    self._set_note(row, c.note)
        total = len(preview.rows)
        self.summary.setText(
            self.tr("%1 rows: %2 ok, %3 with errors, %4 duplicates.")
            .replace("%1", str(total)).replace("%2", str(preview.ok_count))
            .replace("%3", str(preview.error_count))
            .replace("%4", str(preview.duplicate_count))
            + ("\n" + "\n".join(errors.translate_service_message(n) for n in preview.notes[1:])
               if len(preview.notes) > 1 else ""))
        self._show_rows()
        self.completeChanged.emit()

    def _show_columns(self, preview) -> None:
        self.columns.setColumnCount(len(preview.columns))
        self.columns.setHorizontalHeaderLabels([c.letter for c in preview.columns])
        for c in preview.columns:
            self.columns.setItem(0, c.index, QTableWidgetItem(c.header))
            combo = QComboBox()
            combo.addItem(self.tr("(ignore)"), None)
            for field in customer_import.FIELD_HEADERS:
                combo.addItem(import_field_label(field), field)
            combo.setCurrentIndex(max(combo.findData(c.field), 0))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.columns.setCellWidget(1, c.index, combo)
            self.combos[c.letter] = combo
            self._set_note(c.index, c.note)
        self.columns.resizeColumnsToContents()
        for col in range(self.columns.columnCount()):
            self.columns.setColumnWidth(col, max(self.columns.columnWidth(col), 120))
        self.columns.resizeRowsToContents()
        self.columns.setRowHidden(2, not any(c.note for c in preview.columns))
        height = (self.columns.horizontalHeader().height() + 4
                  + sum(self.columns.rowHeight(r) for r in range(3)
                        if not self.columns.isRowHidden(r))
                  + self.columns.horizontalScrollBar().sizeHint().height())
        self.columns.setFixedHeight(height)

    def _set_note(self, col: int, note: str) -> None:
        item = QTableWidgetItem(errors.translate_service_message(note) if note else "")
        item.setToolTip(note)
        if note:
            item.setForeground(QBrush(QColor("#7a5a00")))
        self.columns.setItem(2, col, item)

    def set_column_field(self, letter: str, field: str | None) -> None:
        """Choose what column ``letter`` is imported as (what the combo does)."""
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
        self.rows.setColumnWidth(2, 380)

    def isComplete(self) -> bool:  # noqa: N802
        return not self.loading and self.preview is not None and bool(self.preview.rows)


class ModePage(QWizardPage):
    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.w = wizard
        self.jobs = OwnedRunner(wizard.runner, self)
        self.setTitle(self.tr("How to import"))
        self.all_or_nothing = QRadioButton(self.tr(
            "All or nothing: import only if every row is fine"))
        self.good_rows = QRadioButton(self.tr(
            "Only the good rows: leave out rows with errors (they go into the error report)"))
        self.import_duplicates = QCheckBox(self.tr(
            "Also import rows that look like existing customers (otherwise they are skipped)"))
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.all_or_nothing)
        layout.addWidget(self.good_rows)
        layout.addSpacing(12)
        layout.addWidget(self.import_duplicates)
        layout.addStretch(1)
        self.all_or_nothing.setChecked(True)

    def initializePage(self) -> None:  # noqa: N802
        p = self.w.preview_page.preview
        self.counts.setText(self.tr("%1 rows are fine, %2 have errors and %3 look like "
                                    "customers that already exist.")
                            .replace("%1", str(p.ok_count)).replace("%2", str(p.error_count))
                            .replace("%3", str(p.duplicate_count)))
        if p.error_count:
            self.good_rows.setChecked(True)

    @property
    def mode(self) -> str:
        return "good_rows" if self.good_rows.isChecked() else "all_or_nothing"

    @property
    def on_duplicate(self) -> str:
        return "import" if self.import_duplicates.isChecked() else "skip"


class _ProgressRelay(QObject):
    # Emitted on the worker thread; delivered queued on the GUI thread.
    progressed = Signal(int, int)


class RunPage(QWizardPage):
    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.w = wizard
        self.jobs = OwnedRunner(wizard.runner, self)
        self.running = False
        self.result = None
        self.failure: BaseException | None = None
        self._cancel = threading.Event()
        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(self._progressed)
        self.setTitle(self.tr("Importing"))
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addStretch(1)
        self.cancel_button.clicked.connect(self.request_cancel)

    def initializePage(self) -> None:  # noqa: N802
        self.result, self.failure = None, None
        self._cancel.clear()
        self.running = True
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.status.setText(self.tr("Reading and checking the file…"))
        self.completeChanged.emit()
        mode = self.w.mode_page
        # The rows as previewed are imported (the file is not read again); duplicates are
        # checked once more inside the import's transaction.
        self.jobs.submit(self.w.client.write, customer_import.run_import,
                         self.w.preview_page.preview, mode=mode.mode,
                         on_duplicate=mode.on_duplicate, progress=self._progress,
                         on_done=self._done, on_error=self._failed)

    def _progress(self, done: int, total: int) -> bool:
        # Runs on the worker thread.
        self._relay.progressed.emit(done, total)
        return not self._cancel.is_set()

    def _progressed(self, done: int, total: int) -> None:
        if not self.running:
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.status.setText(self.tr("%1 of %2 rows done…").replace("%1", str(done))
                            .replace("%2", str(total)))

    def request_cancel(self) -> None:
        if self.running:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling: undoing what was written…"))

    def _done(self, result) -> None:
        self.running = False
        self.result = result
        self.cancel_button.setEnabled(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.status.setText(self.tr("Finished."))
        self.completeChanged.emit()
        self.w.import_finished(result)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.failure = exc
        self.cancel_button.setEnabled(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.status.setText(self.tr("Nothing was imported.") + "\n" + errors.describe(exc))
        self.status.setStyleSheet(ERROR_STYLE)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return not self.running and self.result is not None


class ResultPage(QWizardPage):
    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.w = wizard
        self.jobs = OwnedRunner(wizard.runner, self)
        self.report_path: str | None = None
        self.setTitle(self.tr("Result"))
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.save_report = QPushButton(self.tr("Save error report…"))
        self.report_status = QLabel()
        self.report_status.setWordWrap(True)
        self.problems_model = PreviewRowsModel(self)
        self.problems = QTableView()
        self.problems.setModel(self.problems_model)
        self.problems.verticalHeader().hide()
        self.problems.setAlternatingRowColors(True)
        self.problems.horizontalHeader().setDefaultSectionSize(110)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        row = QHBoxLayout()
        row.addWidget(self.save_report)
        row.addWidget(self.report_status, 1)
        layout.addLayout(row)
        layout.addWidget(self.problems, 1)
        self.ask_report_path = lambda: QFileDialog.getSaveFileName(
            self, self.tr("Save error report"), self._suggested_name(), "Excel (*.xlsx)")[0]
        self.save_report.clicked.connect(self._save_report)

    def _suggested_name(self) -> str:
        p = Path(self.w.path)
        return str(p.with_name(p.stem + "-errors.xlsx"))

    def initializePage(self) -> None:  # noqa: N802
        r = self.w.run_page.result
        self.report_path = None
        self.report_status.clear()
        lines = [errors.translate_service_message(r.summary), "",
                 self.tr("Imported: %1").replace("%1", str(r.created)),
                 self.tr("Duplicates skipped: %1").replace("%1", str(r.skipped_duplicates)),
                 self.tr("Rows with errors: %1").replace("%1", str(r.preview.error_count))]
        if r.cancelled:
            lines.insert(1, self.tr("Cancelled: nothing was imported."))
        elif r.refused:
            lines.insert(1, self.tr("Nothing was imported (all or nothing)."))
        self.counts.setText("\n".join(lines))
        problems = r.preview.error_count + r.preview.duplicate_count
        self.save_report.setEnabled(problems > 0)
        self.problems_model.set_preview(r.preview, problems_only=True)
        self.problems.setVisible(problems > 0)
        self.problems.resizeColumnToContents(0)
        self.problems.resizeColumnToContents(1)
        self.problems.setColumnWidth(2, 380)

    def _save_report(self) -> None:
        path = self.ask_report_path()
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.save_report.setEnabled(False)
        self.report_status.setText(self.tr("Writing the report…"))
        language = "zh" if i18n.current_language().startswith("zh") else "en"
        self.jobs.submit(customer_import.write_error_report, self.w.run_page.result, path,
                         language=language, on_done=lambda _r: self._report_saved(path),
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


class ImportWizard(QWizard):
    """``imported(n)`` is emitted with the number of customers created (when n > 0)."""

    imported = Signal(int)

    def __init__(self, client: Client, runner: Runner, parent=None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.mapping: dict | None = None
        self.setWindowTitle(self.tr("Import customers"))
        self.setWizardStyle(QWizard.ClassicStyle)
        self.setOption(QWizard.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage()
        self.preview_page = PreviewPage(self)
        self.mode_page = ModePage(self)
        self.run_page = RunPage(self)
        self.result_page = ResultPage(self)
        for page in (self.file_page, self.preview_page, self.mode_page, self.run_page,
                     self.result_page):
            self.addPage(page)
        self.setButtonText(QWizard.CommitButton, self.tr("Import"))
        self.mode_page.setCommitPage(True)   # no way back once the import started
        self.resize(900, 620)

    @property
    def path(self) -> str:
        return self.file_page.path.text().strip()

    def import_finished(self, result) -> None:
        if result.created:
            self.imported.emit(result.created)
        self.next()  # on to the result page

    def reject(self) -> None:
        # Closing while the import runs cancels it (rolled back) instead of walking away.
        if self.run_page.running:
            self.run_page.request_cancel()
            return
        super().reject()
