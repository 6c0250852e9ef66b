"""Print preview (QPdfView) of a rendered document, with Print (printer choice, copies; the
printer last used for the document type is chosen again), Save as PDF and Save as Excel.

``show_job`` renders a prepared job off the GUI thread — with a cancellable progress
dialog when it holds many documents (batch print) — and then opens the preview."""
from __future__ import annotations

import os

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QDialog, QFileDialog, QLabel, QMessageBox, QProgressDialog,
                               QToolBar, QVBoxLayout, QWidget)

from printing.jobs import save_job_xlsx
from ui import errors
from ui.printing.output import RenderTask, choose_printer, is_cancel, load_pdf, match_paper, \
    print_pdf
from ui.widgets.lifetime import OwnedRunner

BATCH_PROGRESS_FROM = 2   # documents: a progress dialog from this many on


def _safe_name(text: str) -> str:
    return "".join("_" if c in '\\/:*?"<>|' else c for c in text).strip() or "document"


class PrintPreviewDialog(QDialog):
    def __init__(self, client, runner, job, pdf: bytes, pages: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.job, self.pdf, self.pages = client, job, pdf, pages
        self.jobs = OwnedRunner(runner, self)
        self.setWindowTitle(self.tr("Print preview — %1").replace("%1", job.title))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.document = load_pdf(pdf, self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        bar = QToolBar()
        self.act_print = QAction(self.tr("Print…"), self)
        self.act_print.setShortcut(QKeySequence.StandardKey.Print)
        self.act_print.triggered.connect(lambda: self.print_document())
        self.act_pdf = QAction(self.tr("Save as PDF…"), self)
        self.act_pdf.triggered.connect(lambda: self.save_pdf())
        self.act_xlsx = QAction(self.tr("Save as Excel…"), self)
        self.act_xlsx.triggered.connect(lambda: self.save_excel())
        self.act_fit = QAction(self.tr("Fit width"), self)
        self.act_fit.triggered.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.act_whole = QAction(self.tr("Whole page"), self)
        self.act_whole.triggered.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        for a in (self.act_print, self.act_pdf, self.act_xlsx, None, self.act_fit,
                  self.act_whole):
            bar.addSeparator() if a is None else bar.addAction(a)
        self.info = QLabel(self.tr("%1 pages, %2 documents").replace("%1", str(pages))
                           .replace("%2", str(len(job.contexts))))
        self.info.setContentsMargins(8, 0, 0, 0)
        bar.addWidget(self.info)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)
        self.resize(860, 900)

    # --- printing ------------------------------------------------------------------------

    def make_printer(self) -> QPrinter:
        """A printer set up for this document: its paper, the last printer used for this
        document type."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.job.title)
        match_paper(printer, self.document)
        choose_printer(printer, self.client.settings.last_printers.get(self.job.doc_type))
        return printer

    def print_document(self) -> None:
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print %1").replace("%1", self.job.title))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Send the document to ``printer`` and remember the printer for the type."""
        try:
            sent = print_pdf(self.pdf, printer)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Print"),
                                self.tr("The printer could not print: %1").replace(
                                    "%1", str(exc)))
            return 0
        if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
            self.remember(printer.printerName())
        return sent

    def remember(self, printer_name: str) -> None:
        """The next printout of this document type offers this printer first."""
        if not printer_name:
            return
        self.client.settings.last_printers[self.job.doc_type] = printer_name
        try:
            self.client.settings.save()
        except OSError:
            pass  # the printout went out; remembering the printer is a convenience

    # --- saving --------------------------------------------------------------------------

    def _ask_path(self, title: str, suffix: str, pattern: str) -> str | None:
        start = os.path.join(os.path.expanduser("~"), _safe_name(self.job.title) + suffix)
        path, _ = QFileDialog.getSaveFileName(self, title, start, pattern)
        if not path:
            return None
        return path if path.lower().endswith(suffix) else path + suffix

    def save_pdf(self, path: str | None = None) -> str | None:
        path = path or self._ask_path(self.tr("Save as PDF"), ".pdf", self.tr("PDF (*.pdf)"))
        if not path:
            return None
        tmp = path + ".part"
        try:
            with open(tmp, "wb") as fh:
                fh.write(self.pdf)
            os.replace(tmp, path)
        except OSError as exc:
            errors.show_error(self, exc)
            return None
        return path

    def save_excel(self, path: str | None = None, on_saved=None) -> str | None:
        """The filled workbook of the (first) document, written in the background."""
        path = path or self._ask_path(self.tr("Save as Excel"), ".xlsx",
                                      self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return None
        self.jobs.submit(save_job_xlsx, self.job, path,
                         on_done=lambda _r: on_saved and on_saved(path),
                         on_error=lambda exc: errors.show_error(self, exc))
        return path


def show_job(parent: QWidget, client, runner, job, on_shown=None) -> None:
    """Render ``job`` in the background and open its preview (``on_shown(dialog)``)."""
    task = RenderTask(job, client.settings.print_font or None)
    progress = None
    if len(job.contexts) >= BATCH_PROGRESS_FROM:
        progress = QProgressDialog(
            QCoreApplication.translate("Printing", "Rendering %1 documents…").replace(
                "%1", str(len(job.contexts))),
            QCoreApplication.translate("Printing", "Cancel"), 0, len(job.contexts), parent)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.canceled.connect(task.cancel)
        # The dialog dies with ``parent``; a late progress signal must not touch it then.
        task.progress.connect(lambda done, _total: shiboken6.isValid(progress)
                              and progress.setValue(done))

    def done(result) -> None:
        if progress is not None and shiboken6.isValid(progress):
            progress.close()
        task.deleteLater()
        pdf, pages = result
        dialog = PrintPreviewDialog(client, runner, job, pdf, pages, parent)
        dialog.show()
        if on_shown is not None:
            on_shown(dialog)

    def failed(exc) -> None:
        if progress is not None and shiboken6.isValid(progress):
            progress.close()
        task.deleteLater()
        if not is_cancel(exc):
            errors.show_error(parent, exc)
    OwnedRunner(runner, parent).submit(task, on_done=done, on_error=failed)
