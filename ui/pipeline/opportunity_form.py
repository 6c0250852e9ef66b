"""Opportunity form (new or edit): customer, title, amount, expected close, stage with its
default probability filled in, owner, products of interest, notes, and — for sales managers
and admins — the forecast's commit mark. Messages appear beside their fields; a stale save
asks whose values to keep. Saving is one transaction (the edit and the commit mark
together), run in the background.

Also the small "why was it lost?" dialog the board uses."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog,
                               QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from app.client import Client
from app.runner import Runner
from services import opportunities as opportunity_service
from services import stages as stage_service
from services.errors import Conflict, ValidationError
from services.opportunities import OpportunityInput
from ui import errors as ui_errors
from ui.errors import describe as error_text, translate_service_message as message_text
from ui.pipeline import money_text, parse_money, sales_people, stage_name
from ui.widgets.customer_picker import CustomerPickerDialog
from ui.widgets.field_errors import ERROR_STYLE, FieldErrors
from ui.widgets.formatting import blank, date_text, local_datetime_text
from ui.widgets.lifetime import OwnedRunner
from ui.widgets.optional_date import OptionalDateEdit

# Literal translate("Context", "…") calls, so lupdate finds every string.
translate = QCoreApplication.translate

OWNER_BY_RULE = 0
MANAGER_ROLES = ("sales_manager", "admin")


def lost_reasons() -> list[str]:
    """Suggestions for the lost-reason box (the user may type any other)."""
    return [translate("LostReason", "Price too high"),
            translate("LostReason", "Chose a competitor"),
            translate("LostReason", "No budget"),
            translate("LostReason", "Project cancelled or postponed"),
            translate("LostReason", "No reply from the customer"),
            translate("LostReason", "Requirements do not fit our products")]


def opportunity_field_label(field: str) -> str:
    labels = {"customer_id": translate("OpportunityForm", "Customer"),
              "title": translate("OpportunityForm", "Title"),
              "amount": translate("OpportunityForm", "Amount"),
              "expected_close_on": translate("OpportunityForm", "Expected close"),
              "stage_id": translate("OpportunityForm", "Stage"),
              "probability": translate("OpportunityForm", "Probability"),
              "owner_id": translate("OpportunityForm", "Owner"),
              "products_of_interest": translate("OpportunityForm", "Products of interest"),
              "notes": translate("OpportunityForm", "Notes"),
              "lost_reason": translate("OpportunityForm", "Lost reason"),
              "is_commit": translate("OpportunityForm", "Commit")}
    return labels.get(field) or ui_errors.field_label(field)


def save_opportunity(session, actor, opportunity_id: int | None, data: OpportunityInput, *,
                     expected_version: int | None, commit: bool | None):
    """The form's save as ONE transaction: create or update, then the commit mark when it
    was changed (managers and admins only)."""
    if opportunity_id is None:
        info = opportunity_service.create_opportunity(session, actor, data)
    else:
        info = opportunity_service.update_opportunity(session, actor, opportunity_id, data,
                                                      expected_version=expected_version)
    if commit is not None and commit != info.is_commit:
        info = opportunity_service.set_commit(session, actor, info.id, commit)
    return info


def _form_choices(session, actor):
    return (stage_service.list_stages(session, actor, include_inactive=True),
            sales_people(session, actor))


class LostReasonDialog(QDialog):
    """Asks why an opportunity was lost; ``reason_given(text)`` once a reason is typed or
    picked and confirmed. Opened with ``open()`` (no nested event loop)."""

    reason_given = Signal(str)

    def __init__(self, title: str, stage: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Why was it lost?"))
        intro = QLabel(self.tr("Moving “%1” to %2. What made the customer say no?")
                       .replace("%1", title).replace("%2", stage))
        intro.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(lost_reasons())
        self.reason.setCurrentIndex(-1)
        self.reason.lineEdit().setPlaceholderText(self.tr("Pick or type the reason"))
        self.reason.lineEdit().setMaxLength(200)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("Mark as lost"))
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.resize(420, self.sizeHint().height())
        self.reason.currentTextChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)

    def _confirm(self) -> None:
        text = self.reason.currentText().strip()
        if not text:
            return
        self.accept()
        self.reason_given.emit(text)


class OpportunityConflictDialog(QDialog):
    """Someone else saved the opportunity after the form loaded it: per field, what the
    user typed and what is saved now."""

    keep_theirs = Signal()
    overwrite = Signal()

    def __init__(self, mine: dict[str, str], theirs: dict[str, str], changed=(), *,
                 who: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed by someone else"))
        intro = QLabel(self.tr("%1 saved this opportunity after you opened it. "
                               "Choose which values to keep.")
                       .replace("%1", who or self.tr("Another user")))
        intro.setWordWrap(True)
        fields = [f for f in mine if mine[f] != theirs.get(f)]
        fields += [f for f in changed if f in mine and f not in fields]
        self.fields = tuple(fields)
        self.table = QTableWidget(len(fields), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Yours"),
                                              self.tr("Theirs (saved)")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        highlight = QBrush(QColor("#fff3cd"))
        for row, f in enumerate(fields):
            cells = (opportunity_field_label(f), mine[f], theirs.get(f, ""))
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if col and mine[f] != theirs.get(f):
                    item.setBackground(highlight)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        for col in (1, 2):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.Stretch)
        self.keep_theirs_button = QPushButton(self.tr("Keep theirs (reload)"))
        self.overwrite_button = QPushButton(self.tr("Overwrite with mine"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_theirs_button)
        buttons.addWidget(self.overwrite_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.resize(600, 300)
        self.cancel_button.clicked.connect(self.reject)
        self.keep_theirs_button.clicked.connect(lambda: (self.accept(), self.keep_theirs.emit()))
        self.overwrite_button.clicked.connect(lambda: (self.accept(), self.overwrite.emit()))

    def row_values(self, field: str) -> tuple[str, str]:
        row = self.fields.index(field)
        return self.table.item(row, 1).text(), self.table.item(row, 2).text()


class OpportunityFormDialog(QDialog):
    """``saved(info)`` carries the saved OpportunityInfo; ``open_customer(id)`` asks for the
    customer's 360° view.

    ``opportunity`` (an OpportunityInfo) edits that one — it is re-read on open so the form
    starts from the saved version; None makes a new one, for ``customer_id`` when given (the
    user picks the customer otherwise)."""

    saved = Signal(object)
    open_customer = Signal(int)

    def __init__(self, client: Client, runner: Runner, *, opportunity=None,
                 customer_id: int | None = None, customer_name: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.jobs = OwnedRunner(runner, self)
        self.info = opportunity
        self.opportunity_id = opportunity.id if opportunity is not None else None
        self.customer_id = opportunity.customer_id if opportunity is not None else customer_id
        self._version = opportunity.version_id if opportunity is not None else None
        self.stages: list = []
        self._choices_loaded = False
        # The form opens for input once the choices and (editing) the saved version are in.
        self._loads = 1 if opportunity is None else 2
        self.picker: CustomerPickerDialog | None = None
        self.conflict_dialog: OpportunityConflictDialog | None = None
        self.can_commit = client.actor.role in MANAGER_ROLES
        self.setWindowTitle(self.tr("New opportunity") if opportunity is None
                            else self.tr("Opportunity"))
        self._build()
        if opportunity is not None:
            self.customer_label.setText(opportunity.customer_name)
        elif customer_name:
            self.customer_label.setText(customer_name)
        self._set_busy(True)
        self.jobs.submit(self.client.read, _form_choices, on_done=self._choices_ready,
                         on_error=self._load_failed)
        if self.opportunity_id is not None:
            self.jobs.submit(self.client.read, opportunity_service.get_opportunity,
                             self.opportunity_id, on_done=self._fresh, on_error=self._load_failed)
            self.jobs.submit(self.client.read, opportunity_service.stage_history,
                             self.opportunity_id, on_done=self._show_history,
                             on_error=lambda _e: None)

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.errors = FieldErrors(message_text)
        self.customer_label = QLabel(self.tr("(choose a customer)"))
        self.customer_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.choose_customer = QPushButton(self.tr("Choose…"))
        self.open_customer_button = QPushButton(self.tr("Open"))
        self.open_customer_button.setToolTip(self.tr("Open the customer's 360° view"))
        customer_row = QWidget()
        row = QHBoxLayout(customer_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.customer_label, 1)
        row.addWidget(self.choose_customer)
        row.addWidget(self.open_customer_button)
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.title.setPlaceholderText(self.tr("What is the deal? e.g. 二期生产线改造"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 120000 or 12万"))
        self.close_on = OptionalDateEdit(self.tr("Set a date"))
        self.stage = QComboBox()
        self.probability = QSpinBox()
        self.probability.setRange(0, 100)
        self.probability.setSuffix(" %")
        self.lost_reason = QComboBox()
        self.lost_reason.setEditable(True)
        self.lost_reason.addItems(lost_reasons())
        self.lost_reason.setCurrentIndex(-1)
        self.lost_reason.lineEdit().setMaxLength(200)
        self.owner = QComboBox()
        self.products = QLineEdit()
        self.products.setPlaceholderText(self.tr("Products or services they are interested in"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.commit = QCheckBox(self.tr("Commit — count it in the forecast's commit column"))
        self.commit.setVisible(self.can_commit)
        self.editors = {"customer_id": customer_row, "title": self.title, "amount": self.amount,
                        "expected_close_on": self.close_on, "stage_id": self.stage,
                        "probability": self.probability, "lost_reason": self.lost_reason,
                        "owner_id": self.owner, "products_of_interest": self.products,
                        "notes": self.notes, "is_commit": self.commit}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.rows: dict[str, QWidget] = {}
        for f in ("customer_id", "title", "amount", "expected_close_on", "stage_id",
                  "probability", "lost_reason", "owner_id", "products_of_interest", "notes"):
            label = opportunity_field_label(f) + (" *" if f in ("customer_id", "title",
                                                                "amount") else "")
            box = self.errors.wrap(f, self.editors[f])
            self.rows[f] = box
            form.addRow(label, box)
        form.addRow("", self.errors.wrap("is_commit", self.commit))
        self.form_layout = form
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.hide()

        self.history = QTableWidget(0, 3)
        self.history.setHorizontalHeaderLabels([self.tr("Stage"), self.tr("Entered"),
                                                self.tr("Left")])
        self.history.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setMaximumHeight(120)
        self.history.hide()

        self.status = QLabel()
        self.status.setObjectName("form_status")
        self.status.setWordWrap(True)
        self.status.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.state_label)
        layout.addLayout(form)
        layout.addWidget(self.history)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

        self._show_lost_reason(False)
        self.open_customer_button.setEnabled(self.customer_id is not None)
        self.choose_customer.clicked.connect(self._pick_customer)
        self.open_customer_button.clicked.connect(self._open_customer)
        self.stage.currentIndexChanged.connect(self._stage_changed)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _show_lost_reason(self, visible: bool) -> None:
        self.rows["lost_reason"].setVisible(visible)
        label = self.form_layout.labelForField(self.rows["lost_reason"])
        if label is not None:
            label.setVisible(visible)

    def _set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)

    @property
    def busy(self) -> bool:
        return not self.save_button.isEnabled()

    def _say(self, text: str, *, error: bool) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "color: #1b5e20;")
        self.status.setText(text)
        self.status.setVisible(bool(text))

    # -- loading --------------------------------------------------------------------------
    def _choices_ready(self, choices) -> None:
        stages, users = choices
        self.stages = list(stages)
        self.stage.blockSignals(True)
        self.stage.clear()
        for s in self.stages:
            if s.active or (self.info is not None and s.id == self.info.stage_id):
                self.stage.addItem(stage_name(s), s.id)
        self.stage.blockSignals(False)
        self.owner.clear()
        if self.opportunity_id is None:
            self.owner.addItem(self.tr("by rule (sales staff: me; others: the customer's "
                                       "owner)"), OWNER_BY_RULE)
        for u in users:
            self.owner.addItem(u.display_name, u.id)
        if self.opportunity_id is None and self.owner.findData(self.client.actor.user_id) >= 0:
            self.owner.setCurrentIndex(self.owner.findData(self.client.actor.user_id))
        self._choices_loaded = True
        if self.info is not None:
            self.fill(self.info)
        else:
            first_open = next((s for s in self.stages if s.active and not s.is_closed), None)
            if first_open is not None:
                self.stage.setCurrentIndex(self.stage.findData(first_open.id))
            self._stage_changed()
        self._loaded_one()

    def _fresh(self, info) -> None:
        self.info = info
        self._version = info.version_id
        if self._choices_loaded:
            self.fill(info)
        self._loaded_one()

    def _loaded_one(self) -> None:
        self._loads -= 1
        if self._loads == 0:
            self._set_busy(False)

    def _load_failed(self, exc: BaseException) -> None:
        self._say(error_text(exc), error=True)

    def _show_history(self, rows) -> None:
        names = {s.id: stage_name(s) for s in self.stages}
        self.history.setRowCount(len(rows))
        for r, h in enumerate(reversed(rows)):      # newest first
            cells = (names.get(h.stage_id, h.stage_code),
                     local_datetime_text(h.entered_at) + (f" · {h.user_name}" if h.user_name
                                                          else ""),
                     local_datetime_text(h.left_at) or self.tr("(current)"))
            for col, value in enumerate(cells):
                self.history.setItem(r, col, QTableWidgetItem(value))
        self.history.resizeColumnsToContents()
        self.history.setVisible(bool(rows))

    def stage_of(self, stage_id: int | None):
        return next((s for s in self.stages if s.id == stage_id), None)

    def fill(self, info) -> None:
        """Show a saved opportunity (OpportunityInfo) and take its version as the base."""
        self.info = info
        self.opportunity_id = info.id
        self._version = info.version_id
        self.customer_id = info.customer_id
        self.customer_label.setText(info.customer_name)
        self.open_customer_button.setEnabled(True)
        self.title.setText(info.title)
        self.amount.setText(f"{info.amount:.2f}")
        self.close_on.setDate(info.expected_close_on)
        self.products.setText(info.products_of_interest or "")
        self.notes.setPlainText(info.notes or "")
        index = self.owner.findData(info.owner_id)
        if index < 0:
            self.owner.addItem(info.owner_name or str(info.owner_id), info.owner_id)
            index = self.owner.count() - 1
        self.owner.setCurrentIndex(index)
        self.stage.blockSignals(True)
        self.stage.setCurrentIndex(max(self.stage.findData(info.stage_id), 0))
        self.stage.blockSignals(False)
        self._stage_changed(keep_probability=True)
        self.probability.setValue(info.probability)
        self.lost_reason.setCurrentText(info.lost_reason or "")
        self.commit.setChecked(info.is_commit)
        self.setWindowTitle(self.tr("Opportunity: %1").replace("%1", info.title))
        if info.state == "open":
            self.state_label.hide()
        else:
            text = (self.tr("Won on %1.") if info.state == "won" else self.tr("Lost on %1."))
            text = text.replace("%1", local_datetime_text(info.closed_at))
            if info.state == "lost" and info.lost_reason:
                text += " " + self.tr("Reason: %1").replace("%1", info.lost_reason)
            self.state_label.setText(text)
            self.state_label.show()

    def _stage_changed(self, _index=None, *, keep_probability: bool = False) -> None:
        stage = self.stage_of(self.stage.currentData())
        if stage is None:
            return
        if not keep_probability:
            self.probability.setValue(stage.probability)
        # A closed stage fixes the probability (100 or 0); only open ones are estimates.
        self.probability.setEnabled(not stage.is_closed)
        self._show_lost_reason(stage.is_lost)
        self.commit.setEnabled(not stage.is_closed)

    # -- customer -------------------------------------------------------------------------
    def _pick_customer(self) -> None:
        self.picker = CustomerPickerDialog(self.client, self.runner,
                                           title=self.tr("Opportunity for which customer?"),
                                           parent=self)
        self.picker.picked.connect(self._customer_picked)
        self.picker.open()

    def _customer_picked(self, customer_id: int) -> None:
        picker = self.picker
        name = next((r.name for r in picker.rows if r.id == customer_id), str(customer_id))
        self.set_customer(customer_id, name)

    def set_customer(self, customer_id: int, name: str) -> None:
        self.customer_id = customer_id
        self.customer_label.setText(name)
        self.open_customer_button.setEnabled(True)

    def _open_customer(self) -> None:
        if self.customer_id is not None:
            self.open_customer.emit(self.customer_id)

    # -- saving ---------------------------------------------------------------------------
    def current_input(self) -> OpportunityInput:
        """The form as an OpportunityInput; raises ValidationError for what cannot even be
        read (no customer, an amount that is no number)."""
        problems = {}
        if self.customer_id is None:
            problems["customer_id"] = self.tr("Choose the customer.")
        try:
            amount = parse_money(self.amount.text())
        except ValueError:
            amount = None
            problems["amount"] = self.tr("Type an amount such as 120000, 120,000.50 or 12万.")
        else:
            if amount is None:
                problems["amount"] = self.tr("Amount is required (0 when not known yet).")
        if problems:
            raise ValidationError(problems)
        stage = self.stage_of(self.stage.currentData())
        owner = self.owner.currentData()
        return OpportunityInput(
            customer_id=self.customer_id, title=self.title.text().strip(), amount=amount,
            expected_close_on=self.close_on.date(),
            stage_id=stage.id if stage is not None else None,
            probability=(self.probability.value() if stage is not None and not stage.is_closed
                         else None),
            owner_id=owner if owner not in (None, OWNER_BY_RULE) else None,
            products_of_interest=self.products.text().strip() or None,
            notes=self.notes.toPlainText().strip() or None,
            lost_reason=(self.lost_reason.currentText().strip() or None
                         if stage is not None and stage.is_lost else None))

    def save(self) -> None:
        if self.busy:
            return
        self._say("", error=False)
        self.errors.clear()
        try:
            data = self.current_input()
        except ValidationError as exc:
            self._show_validation(exc)
            return
        commit = self.commit.isChecked() if self.can_commit else None
        if commit is not None and self.opportunity_id is None and not commit:
            commit = None
        self._set_busy(True)
        self.jobs.submit(self.client.write, save_opportunity, self.opportunity_id, data,
                         expected_version=self._version, commit=commit,
                         on_done=self._saved, on_error=lambda e: self._save_failed(e, data))

    def _saved(self, info) -> None:
        self.info = info
        self._version = info.version_id
        self._set_busy(False)
        self.saved.emit(info)
        self.accept()

    def _show_validation(self, exc: ValidationError) -> None:
        rest = self.errors.show(exc.errors)
        if rest:
            self._say("\n".join(f"{opportunity_field_label(f)}: {message_text(m)}"
                                for f, m in rest.items()), error=True)
        self.layout().activate()
        hint = self.sizeHint()
        if hint.height() > self.height():
            self.resize(self.width(), hint.height())

    def _save_failed(self, exc: BaseException, data: OpportunityInput) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self._show_validation(exc)
        elif isinstance(exc, Conflict) and exc.current is not None:
            self._ask_conflict(data, exc)
        else:
            self._say(error_text(exc), error=True)

    # -- stale edit -----------------------------------------------------------------------
    def _values(self, data) -> dict[str, str]:
        """What the conflict dialog compares, as text (an OpportunityInput or Info)."""
        stage = self.stage_of(data.stage_id)
        owners = {self.owner.itemData(i): self.owner.itemText(i)
                  for i in range(self.owner.count())}
        owner = getattr(data, "owner_name", None) or owners.get(data.owner_id, blank(
            data.owner_id))
        return {"title": data.title, "amount": money_text(data.amount),
                "expected_close_on": date_text(data.expected_close_on),
                "stage_id": stage_name(stage) if stage is not None else "",
                "probability": "" if data.probability is None else f"{data.probability} %",
                "owner_id": owner, "products_of_interest": blank(data.products_of_interest),
                "notes": blank(data.notes), "lost_reason": blank(data.lost_reason)}

    def _ask_conflict(self, data: OpportunityInput, exc: Conflict) -> None:
        current = exc.current
        mine = self._values(data)
        if data.probability is None:
            mine["probability"] = self._values(current)["probability"]
        dialog = OpportunityConflictDialog(mine, self._values(current), exc.changed,
                                           who=None, parent=self)
        dialog.keep_theirs.connect(lambda: self._keep_theirs(current))
        dialog.overwrite.connect(lambda: self._overwrite(current))
        self.conflict_dialog = dialog
        dialog.open()

    def _keep_theirs(self, current) -> None:
        self.fill(current)
        self._say(self.tr("Reloaded the saved version."), error=False)

    def _overwrite(self, current) -> None:
        # Save again on top of the version now seen; a newer save still conflicts.
        self._version = current.version_id
        self.save()

