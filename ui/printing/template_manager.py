"""Template manager: per document type, the stored templates and the built-in ones —
import an .xlsx (checked on import; the problems are listed by sheet and cell), preview with
sample data or with a real document, set the default, show earlier versions, export.
Administrators import and choose the default; everybody may preview and export."""
from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QFileDialog,
                               QHBoxLayout, QHeaderView, QInputDialog, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.i18n import current_language
from services import print_jobs, print_templates
from services.print_fields import DOC_TYPES
from ui import errors
from ui.printing.preview import show_job
from ui.widgets.lifetime import OwnedRunner


def ui_language() -> str:
    return "en" if current_language().startswith("en") else "zh"


class TemplateManager(QDialog):
    def __init__(self, client, runner, parent: QWidget | None = None,
                 doc_type: str = "delivery_note"):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.jobs = OwnedRunner(runner, self)
        self.rows: list = []
        self.is_admin = client.actor.role in print_templates.MANAGERS
        self.setWindowTitle(self.tr("Print templates"))
        self.types = QListWidget()
        lang = ui_language()
        for d in DOC_TYPES.values():
            item = QListWidgetItem(d.zh if lang == "zh" else d.en)
            item.setData(Qt.ItemDataRole.UserRole, d.key)
            self.types.addItem(item)
        self.types.setMaximumWidth(200)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Version"), self.tr("Language"), self.tr("Default"),
            self.tr("Imported by"), self.tr("Imported at")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.versions = QCheckBox(self.tr("Show earlier versions"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        # per desktop: a TrueType font embedded in PDFs sent outside the office
        self.font_label = QLabel()
        self.font_button = QPushButton(self.tr("PDF font…"))
        self.font_reset = QPushButton(self.tr("Default PDF font"))
        self._show_font()

        self.import_button = QPushButton(self.tr("Import…"))
        self.preview_button = QPushButton(self.tr("Preview"))
        self.real_button = QPushButton(self.tr("Preview with a document…"))
        self.default_button = QPushButton(self.tr("Set as default"))
        self.export_button = QPushButton(self.tr("Export .xlsx…"))
        self.import_button.setVisible(self.is_admin)
        self.default_button.setVisible(self.is_admin)
        buttons = QHBoxLayout()
        for b in (self.import_button, self.preview_button, self.real_button,
                  self.default_button, self.export_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.versions)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.table, 1)
        rl.addLayout(buttons)
        rl.addWidget(self.status)
        fonts = QHBoxLayout()
        fonts.addWidget(self.font_label, 1)
        fonts.addWidget(self.font_button)
        fonts.addWidget(self.font_reset)
        rl.addLayout(fonts)
        split = QSplitter()
        split.addWidget(self.types)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.resize(900, 460)

        self.types.currentRowChanged.connect(lambda _r: self.reload())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.versions.toggled.connect(lambda _on: self.reload())
        self.import_button.clicked.connect(lambda: self.import_file())
        self.preview_button.clicked.connect(lambda: self.preview())
        self.real_button.clicked.connect(lambda: self.preview_document())
        self.default_button.clicked.connect(lambda: self.set_default())
        self.export_button.clicked.connect(lambda: self.export())
        self.font_button.clicked.connect(lambda: self.choose_font())
        self.font_reset.clicked.connect(lambda: self.set_pdf_font(""))
        self.table.itemDoubleClicked.connect(lambda _i: self.preview())
        keys = list(DOC_TYPES)
        self.types.setCurrentRow(keys.index(doc_type) if doc_type in keys else 0)

    # --- state ---------------------------------------------------------------------------

    @property
    def doc_type(self) -> str:
        item = self.types.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else "delivery_note"

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        info = self.selected()
        for b in (self.preview_button, self.export_button):
            b.setEnabled(info is not None)
        self.real_button.setEnabled(info is not None and DOC_TYPES[self.doc_type].has_number)
        self.default_button.setEnabled(info is not None and not info.is_default and
                                       (info.id is not None or self._has_stored_default()))

    def _has_stored_default(self) -> bool:
        return any(r.is_default for r in self.rows)

    def reload(self, select_id: int | None = None) -> None:
        self.jobs.submit(self.client.read, print_templates.list_templates, self.doc_type,
                         language=ui_language(), all_versions=self.versions.isChecked(),
                         on_done=lambda rows: self._show(rows, select_id),
                         on_error=lambda exc: errors.show_error(self, exc),
                         key=f"templates-{id(self)}")

    def _show(self, rows, select_id=None) -> None:
        self.rows = list(rows)
        self.table.setRowCount(len(self.rows))
        for i, t in enumerate(self.rows):
            name = t.name if not t.builtin else self.tr("%1 (built-in)").replace("%1", t.name)
            who = t.created_by_name or ""
            when = t.created_at.astimezone().strftime("%Y-%m-%d %H:%M") if t.created_at else ""
            default = self.tr("default") if t.is_default or (
                t.builtin and i == len(self.rows) - 2 and not self._has_stored_default()) \
                else ""
            lang = {"zh": self.tr("Chinese"), "en": self.tr("English")}.get(t.language or "", "")
            for col, text in enumerate((name, "" if t.builtin else str(t.version), lang,
                                        default, who, when)):
                self.table.setItem(i, col, QTableWidgetItem(text))
            if select_id is not None and t.id == select_id:
                self.table.selectRow(i)
        if self.table.currentRow() < 0 and self.rows:
            self.table.selectRow(0)
        self._update_buttons()

    def _show_font(self) -> None:
        font = self.client.settings.print_font
        self.font_label.setText(
            self.tr("PDF font: %1").replace("%1", os.path.basename(font)) if font else
            self.tr("PDF font: STSong-Light (every PDF reader has it; nothing embedded)"))
        self.font_reset.setEnabled(bool(font))

    def choose_font(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("PDF font"), "",
                                                  self.tr("TrueType fonts (*.ttf *.ttc)"))
            if not path:
                return
        self.set_pdf_font(path)

    def set_pdf_font(self, path: str, on_done=None) -> None:
        """Check the font (reportlab must be able to embed it) before keeping it."""
        def keep(_fonts) -> None:
            self.client.settings.print_font = path
            try:
                self.client.settings.save()
            except OSError as exc:
                errors.show_error(self, exc)
            self._show_font()
            if on_done is not None:
                on_done(path)
        if not path:
            keep(None)
            return
        from printing import font_set
        self.jobs.submit(font_set, path, on_done=keep, on_error=self._font_refused)

    def _font_refused(self, exc: BaseException) -> None:
        from printing import FontError
        if not isinstance(exc, (FontError, OSError)):
            errors.show_error(self, exc)
            return
        self.status.setText(self.tr("This font cannot be used for PDFs: %1").replace(
            "%1", str(exc)))

    # --- actions -------------------------------------------------------------------------

    def import_file(self, path: str | None = None, name: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a template"),
                                                  os.path.expanduser("~"),
                                                  self.tr("Excel workbook (*.xlsx)"))
            if not path:
                return
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Import a template"),
                                            self.tr("Template name (a new name, or an "
                                                    "existing one for a new version):"),
                                            text=os.path.splitext(os.path.basename(path))[0])
            if not ok:
                return
        try:
            with open(path, "rb") as fh:
                content = fh.read()
        except OSError as exc:
            errors.show_error(self, exc)
            return
        self.status.setText(self.tr("Checking %1…").replace("%1", os.path.basename(path)))
        self.jobs.submit(self.client.write, print_templates.import_template, self.doc_type,
                         name, content, filename=path,
                         on_done=self._imported, on_error=self._import_failed)

    def _imported(self, info) -> None:
        self.status.setText(self.tr("Imported %1, version %2.").replace("%1", info.name)
                            .replace("%2", str(info.version)))
        self.reload(select_id=info.id)

    def _import_failed(self, exc) -> None:
        self.status.setText(self.tr("The template was not imported."))
        errors.show_error(self, exc)

    def _template_args(self, info) -> dict:
        if info.builtin:
            return {"template": print_templates.builtin_template(info.doc_type,
                                                                 info.language).content,
                    "template_filename": info.filename, "language": info.language}
        return {"template_id": info.id, "language": info.language or ui_language()}

    def preview(self, on_shown=None) -> None:
        info = self.selected()
        if info is None:
            return
        self.jobs.submit(self.client.read, print_jobs.prepare_sample, info.doc_type,
                         **self._template_args(info),
                         on_done=lambda job: show_job(self, self.client, self.runner, job,
                                                      on_shown),
                         on_error=lambda exc: errors.show_error(self, exc))

    def preview_document(self, number: str | None = None, on_shown=None) -> None:
        info = self.selected()
        if info is None:
            return
        if number is None:
            prompt = self.tr("Customer code (this month's statement):") \
                if info.doc_type == "statement" else self.tr("Document number:")
            number, ok = QInputDialog.getText(self, self.tr("Preview with a document"), prompt)
            if not ok or not number.strip():
                return
        args = self._template_args(info)
        if info.doc_type == "statement":
            import datetime as dt
            from services.print_context import find_document

            def prepare(s, actor):
                end = dt.date.today()
                key = (find_document(s, actor, "statement", number), end.replace(day=1), end)
                return print_jobs.prepare_print(s, actor, "statement", key, **args)
            call = (self.client.read, prepare)
        else:
            call = (self.client.read, print_jobs.prepare_by_number, info.doc_type, number)
        self.jobs.submit(*call, **({} if info.doc_type == "statement" else args),
                         on_done=lambda job: show_job(self, self.client, self.runner, job,
                                                      on_shown),
                         on_error=lambda exc: errors.show_error(self, exc))

    def set_default(self) -> None:
        info = self.selected()
        if info is None:
            return
        self.jobs.submit(self.client.write, print_templates.set_default, info.id,
                         self.doc_type,
                         on_done=lambda _r: self.reload(select_id=info.id),
                         on_error=lambda exc: errors.show_error(self, exc))

    def export(self, path: str | None = None) -> None:
        info = self.selected()
        if info is None:
            return
        if path is None:
            suggested = info.filename or f"{info.name}.xlsx"
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export template"),
                os.path.join(os.path.expanduser("~"), suggested),
                self.tr("Excel workbook (*.xlsx)"))
            if not path:
                return

        def write(content) -> None:
            try:
                with open(path, "wb") as fh:
                    fh.write(content.content)
            except OSError as exc:
                errors.show_error(self, exc)
                return
            self.status.setText(self.tr("Exported to %1.").replace("%1", path))
        self.jobs.submit(self.client.read, print_templates.template_content, info.id,
                         info.doc_type, info.language, on_done=write,
                         on_error=lambda exc: errors.show_error(self, exc))

