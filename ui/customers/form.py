"""Customer form: new or edit, messages beside the fields, duplicate and stale-edit
questions. Saving runs in the background runner; what the user typed is never lost."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QGridLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget)

from app.client import Client
from app.runner import Runner
from services import customers as customer_service
from services import org as org_service
from services.customers import CustomerInput
from services.errors import Conflict, DuplicateCandidate, ValidationError
from ui.customers.customer_fields import LEVELS, field_label, kind_text
from ui.customers.form_dialogs import ConflictDialog, DuplicateDialog
from ui.errors import describe as error_text, translate_service_message as message_text
from ui.widgets.lifetime import OwnedRunner
from ui.widgets.field_errors import ERROR_STYLE, FieldErrors

OWNER_BY_RULE = 0
OWNER_POOL = -1
OWNER_ROLES = ("sales", "sales_manager")


def _owner_candidates(session, actor):
    # Whom the owner combo offers: a rep only themself, a manager their team, an admin all
    # sales staff. The service checks again on save; this only spares pointless choices.
    users = [u for u in org_service.list_users(session) if u.role in OWNER_ROLES]
    if actor.role == "sales":
        return [u for u in users if u.id == actor.user_id]
    if actor.role == "sales_manager":
        return [u for u in users if u.id == actor.user_id or
                (actor.team_id is not None and u.team_id == actor.team_id)]
    return users


class CustomerFormDialog(QDialog):
    """``saved(id)`` is emitted with the customer to show afterwards (the saved one, or the
    candidate this one was merged into). ``open_requested(id)`` asks the caller to open an
    existing customer the user picked in the duplicate dialog instead of creating one."""

    saved = Signal(int)
    open_requested = Signal(int)

    def __init__(self, client: Client, runner: Runner, customer_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner, self.customer_id = client, runner, customer_id
        self.jobs = OwnedRunner(runner, self)
        self.detail = None            # CustomerDetail as loaded / last saved
        self._version: int | None = None
        self._allow_duplicate = False
        self._owners_loaded = False
        self.duplicate_dialog: DuplicateDialog | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.setWindowTitle(self.tr("New customer") if customer_id is None
                            else self.tr("Edit customer"))
        self._build()
        self._set_busy(True)
        self.jobs.submit(self.client.read, _owner_candidates, on_done=self._owners_ready,
                         on_error=self._show_error)
        if customer_id is not None:
            self.jobs.submit(self.client.read, customer_service.get_customer, customer_id,
                             on_done=self._loaded, on_error=self._load_failed)

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.errors = FieldErrors(message_text)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("assigned automatically"))
        self.name = QLineEdit()
        self.kind = QComboBox()
        for kind in ("company", "person"):
            self.kind.addItem(kind_text(kind), kind)
        self.level = QComboBox()
        self.level.addItem(self.tr("(none)"), None)
        for level in LEVELS:
            self.level.addItem(level, level)
        self.owner = QComboBox()
        self.industry = QLineEdit()
        self.source = QLineEdit()
        self.region = QLineEdit()
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("138 0013 8000 / 021-6234 5678")
        self.email = QLineEdit()
        self.tax_id = QLineEdit()
        self.tax_id.setPlaceholderText(self.tr("unified social credit code"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)
        self.editors = {"code": self.code, "name": self.name, "kind": self.kind,
                        "level": self.level, "owner_id": self.owner,
                        "industry": self.industry, "source": self.source,
                        "region": self.region, "address": self.address, "phone": self.phone,
                        "email": self.email, "tax_id": self.tax_id, "notes": self.notes}
        columns = (("name", "code", "kind", "level", "owner_id", "industry"),
                   ("phone", "email", "tax_id", "region", "source", "address"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setColumnMinimumWidth(2, 16)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(4, 1)
        for half, fields in enumerate(columns):
            for row, field in enumerate(fields):
                label = field_label(field) + (" *" if field == "name" else "")
                grid.addWidget(self._caption(label, self.editors[field]), row, half * 3,
                               Qt.AlignTop)
                grid.addWidget(self.errors.wrap(field, self.editors[field]), row, half * 3 + 1)
        grid.addWidget(self._caption(field_label("notes"), self.notes), len(columns[0]), 0,
                       Qt.AlignTop)
        grid.addWidget(self.errors.wrap("notes", self.notes), len(columns[0]), 1, 1, 4)
        for field in ("industry", "source", "region", "address", "phone", "email", "tax_id",
                      "name", "code"):
            self.editors[field].setMinimumWidth(220)

        self.status = QLabel()
        self.status.setObjectName("form_status")
        self.status.setWordWrap(True)
        self.status.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(grid)
        layout.addWidget(self.buttons)
        self.resize(max(780, self.sizeHint().width()), self.sizeHint().height())

    @staticmethod
    def _caption(text: str, editor: QWidget) -> QLabel:
        # As tall as a one-line editor, so the caption lines up with the editor and not with
        # the error message that may appear under it.
        label = QLabel(text)
        label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        label.setFixedHeight(max(QLineEdit().sizeHint().height(), 24))
        label.setBuddy(editor)
        return label

    def _set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)

    def _say(self, text: str, *, error: bool) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "color: #1b5e20;")
        self.status.setText(text)
        self.status.setVisible(bool(text))

    # -- loading --------------------------------------------------------------------------
    def _owners_ready(self, users) -> None:
        current = self.owner.currentData()
        self.owner.clear()
        if self.customer_id is None:
            self.owner.addItem(self.tr("by rule (sales staff: me; others: public pool)"),
                               OWNER_BY_RULE)
        self.owner.addItem(self.tr("public pool"), OWNER_POOL)
        for u in users:
            self.owner.addItem(u.display_name, u.id)
        self._owners_loaded = True
        if self.detail is not None:
            self._select_owner(self.detail.owner_id, self.detail.owner_name)
        elif current is not None:
            self.owner.setCurrentIndex(max(self.owner.findData(current), 0))
        if self.customer_id is None or self.detail is not None:
            self._set_busy(False)

    def _select_owner(self, owner_id: int | None, owner_name: str | None) -> None:
        if owner_id is None:
            self.owner.setCurrentIndex(self.owner.findData(OWNER_POOL))
            return
        index = self.owner.findData(owner_id)
        if index < 0:  # e.g. an inactive user still owns it
            self.owner.addItem(owner_name or str(owner_id), owner_id)
            index = self.owner.count() - 1
        self.owner.setCurrentIndex(index)

    def _loaded(self, detail) -> None:
        self.fill(detail)
        if self._owners_loaded:
            self._set_busy(False)
        if not detail.can_edit:
            self._say(self.tr("You may look at this customer but not change it."), error=True)
            self._set_busy(True)

    def _load_failed(self, exc: BaseException) -> None:
        self._say(error_text(exc), error=True)
        self._grow_to_fit()

    def fill(self, detail) -> None:
        """Show a saved customer (CustomerDetail) and take its version as the base."""
        self.detail = detail
        self._version = detail.version_id
        for field in ("code", "name", "industry", "source", "region", "address", "phone",
                      "email", "tax_id"):
            self.editors[field].setText(getattr(detail, field) or "")
        self.notes.setPlainText(detail.notes or "")
        self.kind.setCurrentIndex(max(self.kind.findData(detail.kind), 0))
        self.level.setCurrentIndex(max(self.level.findData(detail.level), 0))
        if self._owners_loaded:
            self._select_owner(detail.owner_id, detail.owner_name)

    # -- saving ---------------------------------------------------------------------------
    def current_input(self) -> CustomerInput:
        owner = self.owner.currentData()
        return CustomerInput(
            name=self.name.text().strip(), kind=self.kind.currentData(),
            code=self.code.text().strip() or None, level=self.level.currentData(),
            industry=self.industry.text().strip() or None,
            source=self.source.text().strip() or None,
            region=self.region.text().strip() or None,
            address=self.address.text().strip() or None,
            phone=self.phone.text().strip() or None, email=self.email.text().strip() or None,
            tax_id=self.tax_id.text().strip() or None,
            notes=self.notes.toPlainText().strip() or None,
            owner_id=owner if owner not in (None, OWNER_BY_RULE, OWNER_POOL) else None,
            to_pool=owner == OWNER_POOL)

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        self._say("", error=False)
        self.errors.clear()
        data = self.current_input()
        self._set_busy(True)
        if self.customer_id is None:
            self.jobs.submit(self.client.write, customer_service.create_customer, data,
                             allow_duplicate=self._allow_duplicate,
                             on_done=self._saved, on_error=lambda e: self._save_failed(e, data))
        else:
            self.jobs.submit(self.client.write, customer_service.update_customer,
                             self.customer_id, data, expected_version=self._version,
                             allow_duplicate=self._allow_duplicate,
                             on_done=self._saved, on_error=lambda e: self._save_failed(e, data))

    def _saved(self, detail) -> None:
        self.detail = detail
        self._version = detail.version_id
        self._set_busy(False)
        self.saved.emit(detail.id)
        self.accept()

    def _save_failed(self, exc: BaseException, data: CustomerInput) -> None:
        self._set_busy(False)
        self._allow_duplicate = False
        if isinstance(exc, ValidationError):
            rest = self.errors.show(exc.errors)
            if rest:
                self._say("\n".join(message_text(m) for m in rest.values()), error=True)
            self._grow_to_fit()
        elif isinstance(exc, DuplicateCandidate):
            self._ask_duplicate(exc.candidates)
        elif isinstance(exc, Conflict) and exc.current is not None:
            self._ask_conflict(data, exc)
        else:
            self._show_error(exc)

    def _grow_to_fit(self) -> None:
        # Messages beside the fields add height; grow so none is clipped (never shrink
        # under the user's hands).
        self.layout().activate()
        hint = self.sizeHint()
        if hint.height() > self.height():
            self.resize(self.width(), hint.height())

    def _show_error(self, exc: BaseException) -> None:
        self._say(error_text(exc), error=True)

    # -- duplicate ------------------------------------------------------------------------
    def _ask_duplicate(self, candidates) -> None:
        dialog = DuplicateDialog(candidates, editing=self.customer_id is not None, parent=self)
        dialog.save_anyway.connect(self._save_anyway)
        dialog.open_candidate.connect(self._open_candidate)
        dialog.merge_into.connect(self._merge_into)
        self.duplicate_dialog = dialog
        dialog.open()

    def _save_anyway(self) -> None:
        self._allow_duplicate = True
        self.save()

    def _open_candidate(self, candidate_id: int) -> None:
        self.open_requested.emit(candidate_id)
        self.reject()

    def _merge_into(self, candidate_id: int) -> None:
        self._set_busy(True)
        self.jobs.submit(self.client.write, customer_service.merge_customers,
                         keep_id=candidate_id, merge_id=self.customer_id,
                         on_done=self._saved, on_error=self._merge_failed)

    def _merge_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._show_error(exc)

    # -- stale edit -----------------------------------------------------------------------
    def _ask_conflict(self, data: CustomerInput, exc: Conflict) -> None:
        current = exc.current
        names = {self.owner.itemData(i): self.owner.itemText(i) for i in range(self.owner.count())}
        dialog = ConflictDialog(data, current, exc.changed, owner_names=names, parent=self)
        dialog.keep_theirs.connect(lambda: self._keep_theirs(current))
        dialog.overwrite.connect(lambda: self._overwrite(current))
        self.conflict_dialog = dialog
        dialog.open()

    def _keep_theirs(self, current) -> None:
        self.fill(current)
        who = current.updated_by_name or self.tr("another user")
        self._say(self.tr("Reloaded the version saved by %1.").replace("%1", who), error=False)

    def _overwrite(self, current) -> None:
        # Save again on top of the version we have now seen; a newer save still conflicts.
        self._version = current.version_id
        self.save()
