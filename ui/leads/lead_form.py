"""The lead form (every field) and the quick "new enquiry" form (who, how to reach them,
what they asked for: what a rep types while the phone is still warm), plus the small
"why disqualify?" question.

The quick form stays open after "Save and add another" for a run of enquiries (after an
exhibition, say); Ctrl+Enter saves."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from app.client import Client
from app.runner import Runner
from services import leads as lead_service
from services.errors import Conflict, ValidationError
from services.leads import LeadInput
from ui.errors import describe as error_text, translate_service_message as message_text
from ui.leads import disqualify_reasons, lead_field_label, status_text
from ui.pipeline import sales_people
from ui.widgets.field_errors import ERROR_STYLE, FieldErrors
from ui.widgets.lifetime import OwnedRunner

OWNER_BY_RULE = 0
QUICK_FIELDS = ("contact_name", "company", "phone", "wechat", "source", "enquiry")
ALL_FIELDS = ("contact_name", "company", "title", "phone", "email", "wechat", "source",
              "region", "owner_id", "enquiry")


class LeadFormDialog(QDialog):
    """``saved(info)`` carries the saved LeadInfo. ``lead`` (a LeadInfo) edits it; None
    records a new one; ``quick`` shows only the enquiry fields."""

    saved = Signal(object)

    def __init__(self, client: Client, runner: Runner, lead=None, *, quick: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner, self.lead = client, runner, lead
        self.quick = quick and lead is None
        self.jobs = OwnedRunner(runner, self)
        self._version = lead.version_id if lead is not None else None
        self._add_another = False
        self.saved_count = 0
        if self.quick:
            self.setWindowTitle(self.tr("New enquiry"))
        else:
            self.setWindowTitle(self.tr("New lead") if lead is None else self.tr("Edit lead"))
        self._build()
        if lead is not None:
            self.fill(lead)
        if not self.quick:
            self.jobs.submit(self.client.read, sales_people, on_done=self._owners_ready,
                             on_error=lambda exc: self._say(error_text(exc), error=True))

    def _build(self) -> None:
        self.errors = FieldErrors(message_text)
        self.contact_name = QLineEdit()
        self.contact_name.setPlaceholderText(self.tr("Who called or wrote, e.g. 王先生"))
        self.company = QLineEdit()
        self.title = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("138 0013 8000")
        self.email = QLineEdit()
        self.wechat = QLineEdit()
        self.source = QComboBox()
        self.source.setEditable(True)
        self.source.addItems(lead_service.SUGGESTED_SOURCES)
        self.source.setCurrentIndex(-1)
        self.source.lineEdit().setPlaceholderText(self.tr("Where the lead came from"))
        self.region = QLineEdit()
        self.owner = QComboBox()
        self.enquiry = QPlainTextEdit()
        self.enquiry.setTabChangesFocus(True)
        self.enquiry.setPlaceholderText(self.tr("What did they ask for? Ctrl+Enter saves."))
        self.enquiry.setFixedHeight(80)
        self.editors = {"contact_name": self.contact_name, "company": self.company,
                        "title": self.title, "phone": self.phone, "email": self.email,
                        "wechat": self.wechat, "source": self.source, "region": self.region,
                        "owner_id": self.owner, "enquiry": self.enquiry}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        for f in (QUICK_FIELDS if self.quick else ALL_FIELDS):
            label = lead_field_label(f) + (" *" if f == "contact_name" else "")
            form.addRow(label, self.errors.wrap(f, self.editors[f]))
        self.contact_name.setMinimumWidth(280)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.Save)
        self.save_button.setToolTip(self.tr("Ctrl+Enter"))
        self.another_button = None
        if self.quick:
            self.another_button = QPushButton(self.tr("Save and add another"))
            self.buttons.addButton(self.another_button, QDialogButtonBox.ActionRole)
            self.another_button.clicked.connect(lambda: self.save(add_another=True))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)

    def _say(self, text: str, *, error: bool) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "color: #1b5e20;")
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _owners_ready(self, users) -> None:
        self.owner.clear()
        if self.lead is None:
            self.owner.addItem(self.tr("by rule (sales staff: me; admin: unassigned)"),
                               OWNER_BY_RULE)
        elif self.lead.owner_id is None:
            self.owner.addItem(self.tr("(unassigned)"), OWNER_BY_RULE)
        for u in users:
            self.owner.addItem(u.display_name, u.id)
        if self.lead is not None and self.lead.owner_id is not None:
            index = self.owner.findData(self.lead.owner_id)
            if index < 0:
                self.owner.addItem(self.lead.owner_name or str(self.lead.owner_id),
                                   self.lead.owner_id)
                index = self.owner.count() - 1
            self.owner.setCurrentIndex(index)

    def fill(self, lead) -> None:
        self.lead = lead
        self._version = lead.version_id
        for f in ("contact_name", "company", "title", "phone", "email", "wechat", "region"):
            self.editors[f].setText(getattr(lead, f) or "")
        self.source.setCurrentText(lead.source or "")
        self.enquiry.setPlainText(lead.enquiry or "")
        text = self.tr("Status: %1").replace("%1", status_text(lead.status))
        if lead.status == "disqualified" and lead.disqualify_reason:
            text += " — " + lead.disqualify_reason
        self.state.setText(text)
        self.state.show()
        if lead.status == "converted":
            self._say(self.tr("This lead was converted into a customer; it can no longer "
                              "change."), error=False)
            self.save_button.setEnabled(False)

    def current_input(self) -> LeadInput:
        def text(edit) -> str | None:
            return edit.text().strip() or None
        owner = self.owner.currentData()
        return LeadInput(contact_name=self.contact_name.text().strip(),
                         company=text(self.company), title=text(self.title),
                         phone=text(self.phone), email=text(self.email),
                         wechat=text(self.wechat),
                         source=self.source.currentText().strip() or None,
                         region=text(self.region),
                         enquiry=self.enquiry.toPlainText().strip() or None,
                         owner_id=owner if owner not in (None, OWNER_BY_RULE) else None)

    @property
    def busy(self) -> bool:
        return not self.save_button.isEnabled()

    def save(self, add_another: bool = False) -> None:
        if self.busy:
            return
        self._say("", error=False)
        self.errors.clear()
        data = self.current_input()
        if not data.contact_name:
            self.errors.show({"contact_name": self.tr("Who is it? Type a name, e.g. 王先生.")})
            return
        self._add_another = add_another
        self.save_button.setEnabled(False)
        if self.lead is None:
            self.jobs.submit(self.client.write, lead_service.create_lead, data,
                             on_done=self._saved, on_error=self._failed)
        else:
            self.jobs.submit(self.client.write, lead_service.update_lead, self.lead.id, data,
                             expected_version=self._version, on_done=self._saved,
                             on_error=self._failed)

    def _saved(self, info) -> None:
        self.save_button.setEnabled(True)
        self.saved_count += 1
        self.saved.emit(info)
        if self._add_another:
            for f in QUICK_FIELDS:
                editor = self.editors[f]
                if f == "source":
                    continue     # a run of enquiries usually shares its source
                editor.clear()
            self._say(self.tr("Saved %1. Next one:").replace("%1", info.contact_name),
                      error=False)
            self.contact_name.setFocus()
            return
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            rest = self.errors.show(exc.errors)
            if rest:
                self._say("\n".join(message_text(m) for m in rest.values()), error=True)
        elif isinstance(exc, Conflict) and exc.current is not None:
            # Lead edits are short: show what is saved now and let the user redo theirs.
            changed = ", ".join(lead_field_label(f) for f in exc.changed)
            self.fill(exc.current)
            self._say(self.tr("Someone else changed this lead meanwhile; the form now shows "
                              "what is saved (changed: %1). Make your change again and "
                              "save.").replace("%1", changed or "-"), error=True)
        else:
            self._say(error_text(exc), error=True)


class DisqualifyDialog(QDialog):
    """Asks why a lead is disqualified; ``reason_given(text)`` once confirmed."""

    reason_given = Signal(str)

    def __init__(self, who: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Disqualify lead"))
        intro = QLabel(self.tr("Why is %1 not worth following up?").replace("%1", who))
        intro.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(disqualify_reasons())
        self.reason.setCurrentIndex(-1)
        self.reason.lineEdit().setMaxLength(200)
        self.reason.lineEdit().setPlaceholderText(self.tr("Pick or type the reason"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("Disqualify"))
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.resize(400, self.sizeHint().height())
        self.reason.currentTextChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)

    def _confirm(self) -> None:
        text = self.reason.currentText().strip()
        if text:
            self.accept()
            self.reason_given.emit(text)
