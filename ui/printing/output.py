"""Sending a rendered PDF to a printer (QPrinter), and rendering a print job off the GUI
thread with progress and cancel.

A PDF page is drawn onto the printer as an image at the printer's resolution (at most
300 dpi, plenty for forms; the paper size is the PDF's), so what prints is exactly what the
preview shows."""
from __future__ import annotations

import io
import threading
from typing import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRectF, QSize, QSizeF, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from printing import RenderCancelled
from printing.jobs import render_job

MAX_DPI = 300


def load_pdf(data: bytes, parent: QObject | None = None) -> QPdfDocument:
    """A QPdfDocument over ``data`` (the buffer is kept alive as the document's child)."""
    doc = QPdfDocument(parent)
    buf = QBuffer(doc)
    buf.setData(QByteArray(data))
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    doc.load(buf)
    return doc


def choose_printer(printer: QPrinter, name: str | None) -> None:
    """Select the remembered printer when it is still installed."""
    if name and name in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(name)


def match_paper(printer: QPrinter, doc: QPdfDocument) -> None:
    """The printer's paper and orientation follow the PDF's first page."""
    if doc.pageCount() == 0:
        return
    size = doc.pagePointSize(0)
    landscape = size.width() > size.height()
    portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    printer.setPageSize(QPageSize(portrait, QPageSize.Unit.Point))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                               else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF has the template's margins already


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Print every page of ``data``; copies the driver cannot make are printed one after
    the other. Returns the number of pages sent."""
    doc = load_pdf(data)
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    sent = 0
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        target = printer.pageRect(QPrinter.Unit.DevicePixel)
        for copy in range(copies):
            for i in range(doc.pageCount()):
                if sent:
                    printer.newPage()
                pts = doc.pagePointSize(i)
                image = doc.render(i, QSize(int(pts.width() / 72 * dpi),
                                            int(pts.height() / 72 * dpi)))
                painter.drawImage(QRectF(0, 0, target.width(), target.height()), image)
                sent += 1
    finally:
        painter.end()
        doc.close()
    return sent


class RenderTask(QObject):
    """Renders a job to PDF bytes on the runner's thread; ``progress(done, total)`` is
    emitted (queued to the GUI thread) per document; ``cancel()`` stops it between two
    documents without producing anything."""

    progress = Signal(int, int)

    def __init__(self, job, font: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.job, self.font = job, font or None
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def __call__(self) -> tuple[bytes, int]:
        buf = io.BytesIO()

        def step(done: int, total: int) -> bool:
            self.progress.emit(done, total)
            return not self._cancel.is_set()
        many = len(self.job.contexts) > 1
        pages = render_job(self.job, buf, font=self.font, progress=step if many else None)
        return buf.getvalue(), pages


def is_cancel(exc: BaseException) -> bool:
    return isinstance(exc, RenderCancelled)


Callback = Callable[[object], None]
