"""Quick "log a follow-up" entry: kind, notes, optional next date; Ctrl+Enter saves.

Also the follow-up kinds' labels and icons, shared with the 360° timeline."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from app.client import Client
from app.runner import Runner
from services import customers as customer_service
from services.errors import ValidationError
from ui.errors import describe as error_text, translate_service_message as message_text
from ui.widgets.lifetime import OwnedRunner
from ui.widgets.field_errors import ERROR_STYLE, FieldErrors
from ui.widgets.optional_date import OptionalDateEdit

KINDS = ("call", "visit", "wechat", "email", "meeting")
_KIND_STYLE = {  # colour and glyph of the round badge in the timeline
    "call": ("#1e88e5", "☎"), "visit": ("#43a047", "⌂"), "wechat": ("#2e7d32", "W"),
    "email": ("#f4511e", "@"), "meeting": ("#8e24aa", "M"),
}
_icons: dict[str, QIcon] = {}


def kind_label(kind: str) -> str:
    labels = {
        "call": QCoreApplication.translate("FollowUpKind", "Call"),
        "visit": QCoreApplication.translate("FollowUpKind", "Visit"),
        "wechat": QCoreApplication.translate("FollowUpKind", "WeChat"),
        "email": QCoreApplication.translate("FollowUpKind", "Email"),
        "meeting": QCoreApplication.translate("FollowUpKind", "Meeting"),
    }
    return labels.get(kind, kind)


def kind_icon(kind: str) -> QIcon:
    if kind not in _icons:
        colour, glyph = _KIND_STYLE.get(kind, ("#757575", "?"))
        size = 32
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(1, 1, size - 2, size - 2)
        painter.setPen(QColor("white"))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(17)
        painter.setFont(font)
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignCenter, glyph)
        painter.end()
        _icons[kind] = QIcon(pixmap)
    return _icons[kind]


class FollowUpEntry(QWidget):
    """Logs a follow-up for one customer in the background; ``logged`` carries the
    service's ActivityInfo once it is saved."""

    logged = Signal(object)

    def __init__(self, client: Client, runner: Runner, customer_id: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner, self.customer_id = client, runner, customer_id
        self.jobs = OwnedRunner(runner, self)
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(kind_icon(kind), kind_label(kind), kind)
        self.contact = QComboBox()
        self.contact.addItem(self.tr("(no contact)"), None)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("What was discussed? Ctrl+Enter saves."))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.next_date = OptionalDateEdit(self.tr("Next follow-up on"))
        self.save_button = QPushButton(self.tr("Log follow-up"))
        self.save_button.setToolTip(self.tr("Ctrl+Enter"))
        self.save_button.setDefault(True)
        self.status = QLabel()
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setWordWrap(True)
        self.status.hide()

        self.errors = FieldErrors(message_text)
        form = QFormLayout()
        top = QHBoxLayout()
        top.addWidget(self.errors.wrap("kind", self.kind))
        top.addWidget(QLabel(self.tr("with")))
        top.addWidget(self.errors.wrap("contact_id", self.contact), 1)
        form.addRow(self.tr("Kind"), top)
        form.addRow(self.tr("Notes"), self.errors.wrap("notes", self.notes))
        form.addRow("", self.errors.wrap("next_follow_up_on", self.next_date))
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        form.addRow("", bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.status)

        self.save_button.clicked.connect(self.save)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)

    def set_contacts(self, contacts) -> None:
        """Offer the customer's contacts (ContactInfo) as the person spoken to."""
        current = self.contact.currentData()
        self.contact.clear()
        self.contact.addItem(self.tr("(no contact)"), None)
        for c in contacts:
            self.contact.addItem(c.name + (f" · {c.title}" if c.title else ""), c.id)
        index = self.contact.findData(current)
        self.contact.setCurrentIndex(max(index, 0))

    @property
    def busy(self) -> bool:
        return not self.save_button.isEnabled()

    def save(self) -> None:
        if self.busy:
            return  # a second Ctrl+Enter while saving must not log twice
        self.status.hide()
        self.errors.clear()
        notes = self.notes.toPlainText().strip()
        if not notes:
            self.errors.show({"notes": self.tr("Write what was discussed.")})
            return
        self.save_button.setEnabled(False)
        self.jobs.submit(
          self.client.write, customer_service.log_follow_up, self.customer_id,
          kind=self.kind.currentData(), notes=notes,
          next_follow_up_on=self.next_date.date(), contact_id=self.contact.currentData(),
          on_done=self._saved, on_error=self._failed)

    def _saved(self, activity) -> None:
        self.save_button.setEnabled(True)
        self.notes.clear()
        self.next_date.setDate(None)
        self.logged.emit(activity)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            rest = self.errors.show(exc.errors)
            if rest:
                self.status.setText("\n".join(message_text(m) for m in rest.values()))
                self.status.show()
            return
        self.status.setText(error_text(exc))
        self.status.show()
