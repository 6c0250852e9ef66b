"""Convert a lead in one step: into a new customer or an existing one (the customers the
lead looks like are listed first, with why they match — a colleague may own it already),
the lead's person as a contact, and optionally an opportunity. The service does all of it
in one transaction; nothing is half-converted."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QCheckBox, QComboBox, QDialog,
                               QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QRadioButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.client import Client
from app.runner import Runner
from services import leads as lead_service
from services import stages as stage_service
from services.customers import CustomerInput
from services.errors import DuplicateCandidate, DuplicateMatch, ValidationError
from services.opportunities import OpportunityInput
from ui.customers.customer_fields import kind_text
from ui.customers.form_dialogs import reason_text
from ui.errors import describe as error_text, translate_service_message as message_text
from ui.pipeline import parse_money, stage_name
from ui.pipeline.opportunity_form import opportunity_field_label
from ui.widgets.customer_picker import CustomerPickerDialog
from ui.widgets.field_errors import ERROR_STYLE, FieldErrors
from ui.widgets.lifetime import OwnedRunner
from ui.widgets.optional_date import OptionalDateEdit
from ui.leads import lead_field_label

TITLE_LENGTH = 60

DIALOG_STYLE = """
QLabel#duplicateNote { background: #fff3cd; color: #7a5a00; border-radius: 4px; padding: 6px; }
QLabel#personCard { color: #424a53; }
"""


def _conversion_choices(session, actor, lead_id: int):
    return (lead_service.conversion_candidates(session, actor, lead_id),
            stage_service.list_stages(session, actor))


def suggested_title(lead) -> str:
    """A first opportunity title: the first line of the enquiry, else who it is for."""
    first = (lead.enquiry or "").strip().splitlines()
    if first and first[0].strip():
        text = first[0].strip()
        return text if len(text) <= TITLE_LENGTH else text[:TITLE_LENGTH - 1] + "…"
    return lead.company or lead.contact_name


class ConvertLeadDialog(QDialog):
    """``converted(result)`` carries the service's ConversionResult."""

    converted = Signal(object)

    def __init__(self, client: Client, runner: Runner, lead, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner, self.lead = client, runner, lead
        self.jobs = OwnedRunner(runner, self)
        self.candidates: list[DuplicateMatch] = []
        self.loaded = False
        self._allow_duplicate = False
        self.picker: CustomerPickerDialog | None = None
        self.setWindowTitle(self.tr("Convert lead: %1").replace(
            "%1", lead.company or lead.contact_name))
        self.setStyleSheet(DIALOG_STYLE)
        self._build()
        self._set_busy(True)
        self.jobs.submit(self.client.read, _conversion_choices, lead.id,
                         on_done=self._choices_ready, on_error=self._load_failed)

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        lead = self.lead
        self.errors = FieldErrors(message_text)

        # Customer: new or existing
        customer_box = QGroupBox(self.tr("Customer"))
        self.new_choice = QRadioButton(self.tr("Create a new customer"))
        self.existing_choice = QRadioButton(self.tr("Attach to an existing customer"))
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.new_choice)
        self.choice.addButton(self.existing_choice)
        self.new_choice.setChecked(True)
        self.name = QLineEdit(lead.company or lead.contact_name)
        self.kind = QComboBox()
        for kind in ("company", "person"):
            self.kind.addItem(kind_text(kind), kind)
        self.kind.setCurrentIndex(self.kind.findData("company" if lead.company else "person"))
        self.phone = QLineEdit(lead.phone or "")
        self.region = QLineEdit(lead.region or "")
        self.source = QLineEdit(lead.source or "")
        self.new_fields = QWidget()
        new_form = QFormLayout(self.new_fields)
        new_form.setContentsMargins(24, 0, 0, 0)
        for f, label, editor in (("name", self.tr("Name *"), self.name),
                                 ("kind", self.tr("Kind"), self.kind),
                                 ("phone", self.tr("Phone"), self.phone),
                                 ("region", self.tr("Region"), self.region),
                                 ("source", self.tr("Source"), self.source)):
            new_form.addRow(label, self.errors.wrap(f, editor))
        self.duplicate_note = QLabel()
        self.duplicate_note.setObjectName("duplicateNote")
        self.duplicate_note.setWordWrap(True)
        self.duplicate_note.hide()
        self.candidate_table = QTableWidget(0, 4)
        self.candidate_table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Name"),
                                                        self.tr("Owner"),
                                                        self.tr("Why it matches")])
        self.candidate_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.candidate_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.candidate_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.candidate_table.verticalHeader().hide()
        self.candidate_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.candidate_table.setMaximumHeight(130)
        self.find_button = QPushButton(self.tr("Find another customer…"))
        self.anyway_button = QPushButton(self.tr("Create a new customer anyway"))
        self.anyway_button.hide()
        existing_row = QHBoxLayout()
        existing_row.addWidget(self.find_button)
        existing_row.addStretch(1)
        existing_row.addWidget(self.anyway_button)
        self.existing_fields = QWidget()
        existing_layout = QVBoxLayout(self.existing_fields)
        existing_layout.setContentsMargins(24, 0, 0, 0)
        existing_layout.addWidget(self.candidate_table)
        existing_layout.addLayout(existing_row)
        customer_layout = QVBoxLayout(customer_box)
        customer_layout.addWidget(self.duplicate_note)
        customer_layout.addWidget(self.new_choice)
        customer_layout.addWidget(self.new_fields)
        customer_layout.addWidget(self.existing_choice)
        customer_layout.addWidget(self.existing_fields)

        # Contact
        person = " · ".join(x for x in (lead.contact_name, lead.title, lead.phone, lead.email,
                                        lead.wechat) if x)
        self.create_contact = QCheckBox(self.tr("Add the lead's person as a contact"))
        self.create_contact.setChecked(True)
        person_label = QLabel(person)
        person_label.setObjectName("personCard")
        person_label.setContentsMargins(24, 0, 0, 0)
        contact_box = QGroupBox(self.tr("Contact"))
        contact_layout = QVBoxLayout(contact_box)
        contact_layout.addWidget(self.create_contact)
        contact_layout.addWidget(person_label)

        # Opportunity
        self.opportunity_box = QGroupBox(self.tr("Also open an opportunity"))
        self.opportunity_box.setCheckable(True)
        self.opportunity_box.setChecked(lead.status == "qualified")
        self.title = QLineEdit(suggested_title(lead))
        self.title.setMaxLength(200)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 120000 or 12万"))
        self.close_on = OptionalDateEdit(self.tr("Set a date"))
        self.stage = QComboBox()
        opp_form = QFormLayout(self.opportunity_box)
        for f, editor in (("title", self.title), ("amount", self.amount),
                          ("expected_close_on", self.close_on), ("stage_id", self.stage)):
            label = opportunity_field_label(f) + (" *" if f in ("title", "amount") else "")
            opp_form.addRow(label, self.errors.wrap(f, editor))

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.convert_button = self.buttons.button(QDialogButtonBox.Ok)
        self.convert_button.setText(self.tr("Convert"))
        layout = QVBoxLayout(self)
        layout.addWidget(customer_box)
        layout.addWidget(contact_box)
        layout.addWidget(self.opportunity_box)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

        self.choice.buttonToggled.connect(lambda *_: self._choice_changed())
        self.candidate_table.itemSelectionChanged.connect(self._candidate_selected)
        self.find_button.clicked.connect(self._find_customer)
        self.anyway_button.clicked.connect(self._convert_anyway)
        self.buttons.accepted.connect(self.convert)
        self.buttons.rejected.connect(self.reject)
        self._choice_changed()

    def _choice_changed(self) -> None:
        new = self.new_choice.isChecked()
        self.new_fields.setEnabled(new)
        self.existing_fields.setEnabled(not new)
        self.anyway_button.setEnabled(True)

    def _candidate_selected(self) -> None:
        if self.candidate_table.currentRow() >= 0:
            self.existing_choice.setChecked(True)

    def _set_busy(self, busy: bool) -> None:
        self.convert_button.setEnabled(not busy)

    @property
    def busy(self) -> bool:
        return not self.convert_button.isEnabled()

    def _say(self, text: str, *, error: bool) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "color: #1b5e20;")
        self.status.setText(text)
        self.status.setVisible(bool(text))

    # -- loading --------------------------------------------------------------------------
    def _choices_ready(self, choices) -> None:
        candidates, stages = choices
        for s in stages:
            if not s.is_closed:
                self.stage.addItem(f"{stage_name(s)} ({s.probability} %)", s.id)
        self.show_candidates(candidates)
        if candidates:
            text = (self.tr("This lead looks like an existing customer. Attach it to that "
                            "customer instead of creating a second record.")
                    if len(candidates) == 1 else
                    self.tr("This lead looks like %1 existing customers. Attach it to one of "
                            "them instead of creating a second record.")
                    .replace("%1", str(len(candidates))))
            self.duplicate_note.setText(text)
            self.duplicate_note.show()
            self.candidate_table.selectRow(0)
            self.existing_choice.setChecked(True)
        self.loaded = True
        self._set_busy(False)

    def _load_failed(self, exc: BaseException) -> None:
        self.loaded = True
        self._say(error_text(exc), error=True)
        self._set_busy(False)

    def show_candidates(self, candidates) -> None:
        self.candidates = list(candidates)
        table = self.candidate_table
        table.setRowCount(len(self.candidates))
        for row, c in enumerate(self.candidates):
            values = (c.code, c.name, c.owner_name or self.tr("public pool"),
                      ", ".join(reason_text(r) for r in c.reasons))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, c.customer_id)
                table.setItem(row, col, item)
        table.resizeColumnToContents(0)
        table.resizeColumnToContents(2)

    def _find_customer(self) -> None:
        self.picker = CustomerPickerDialog(self.client, self.runner,
                                           title=self.tr("Attach the lead to which customer?"),
                                           parent=self)
        self.picker.picked.connect(self._customer_picked)
        self.picker.open()

    def _customer_picked(self, customer_id: int) -> None:
        row = next((r for r in self.picker.rows if r.id == customer_id), None)
        if row is None:
            return
        known = [c for c in self.candidates if c.customer_id != customer_id]
        self.show_candidates([DuplicateMatch(row.id, row.code, row.name, row.owner_name, ())]
                             + known)
        self.candidate_table.selectRow(0)
        self.existing_choice.setChecked(True)

    def selected_customer_id(self) -> int | None:
        row = self.candidate_table.currentRow()
        return self.candidates[row].customer_id if 0 <= row < len(self.candidates) else None

    # -- converting -----------------------------------------------------------------------
    def _inputs(self):
        problems: dict[str, str] = {}
        customer, existing = None, None
        if self.new_choice.isChecked():
            name = self.name.text().strip()
            if not name:
                problems["name"] = self.tr("Name the customer.")
            customer = CustomerInput(name=name, kind=self.kind.currentData(),
                                     phone=self.phone.text().strip() or None,
                                     email=self.lead.email,
                                     region=self.region.text().strip() or None,
                                     source=self.source.text().strip() or None)
        else:
            existing = self.selected_customer_id()
            if existing is None:
                problems["customer"] = self.tr("Pick the customer to attach the lead to.")
        opportunity = None
        if self.opportunity_box.isChecked():
            try:
                amount = parse_money(self.amount.text())
            except ValueError:
                amount = None
                problems["amount"] = self.tr("Type an amount such as 120000, 120,000.50 or "
                                             "12万.")
            else:
                if amount is None:
                    problems["amount"] = self.tr("Amount is required (0 when not known yet).")
            opportunity = OpportunityInput(customer_id=0, title=self.title.text().strip(),
                                           amount=amount,
                                           expected_close_on=self.close_on.date(),
                                           stage_id=self.stage.currentData())
        if problems:
            raise ValidationError(problems)
        return customer, existing, opportunity

    def convert(self) -> None:
        if self.busy:
            return
        self._say("", error=False)
        self.errors.clear()
        try:
            customer, existing, opportunity = self._inputs()
        except ValidationError as exc:
            self._show_validation(exc)
            return
        self._set_busy(True)
        self.jobs.submit(self.client.write, lead_service.convert_lead, self.lead.id,
                         customer=customer, existing_customer_id=existing,
                         create_contact=self.create_contact.isChecked(),
                         opportunity=opportunity, allow_duplicate=self._allow_duplicate,
                         on_done=self._converted, on_error=self._failed)

    def _convert_anyway(self) -> None:
        self._allow_duplicate = True
        self.new_choice.setChecked(True)
        self.convert()

    def _converted(self, result) -> None:
        self._set_busy(False)
        self.converted.emit(result)
        self.accept()

    def _show_validation(self, exc: ValidationError) -> None:
        rest = self.errors.show(exc.errors)
        if rest:
            self._say("\n".join(f"{lead_field_label(f)}: {message_text(m)}"
                                for f, m in rest.items()), error=True)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._allow_duplicate = False
        if isinstance(exc, DuplicateCandidate):
            self.show_candidates(exc.candidates)
            self.duplicate_note.setText(self.tr(
                "A customer like this exists already. Attach the lead to it, or create a "
                "new customer anyway."))
            self.duplicate_note.show()
            self.anyway_button.show()
            self.candidate_table.selectRow(0)
            self.existing_choice.setChecked(True)
        elif isinstance(exc, ValidationError):
            self._show_validation(exc)
        else:
            self._say(error_text(exc), error=True)
