"""The leads screen: status and scope filters, type-ahead search, the quick "new enquiry"
form, edit, mark contacted / qualified, disqualify with a reason, convert, import.

Double-click (or Enter) on a lead opens its form; on a converted lead it opens the
customer it became."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from app.client import Client
from app.runner import Runner
from services import leads as lead_service
from ui.errors import describe as error_text, error_title
from ui.leads import OPEN_STATUSES, STATUS_COLOURS, STATUSES, status_text
from ui.leads.convert_dialog import ConvertLeadDialog
from ui.leads.lead_form import DisqualifyDialog, LeadFormDialog
from ui.widgets.formatting import local_datetime_text
from ui.widgets.lifetime import OwnedRunner

SEARCH_DELAY_MS = 250
PAGE = 100
COLUMNS = ("created_at", "contact_name", "company", "phone", "source", "enquiry", "status",
           "owner_name")
ENQUIRY_WIDTH = 60      # characters of the enquiry shown in the table


def default_scope(role: str) -> str:
    # Managers hand out unassigned leads, so they start with everything they can see.
    return "mine" if role == "sales" else "all"


class LeadListWidget(QWidget):
    """``open_customer(id)`` asks the main window for the customer a lead became."""

    open_customer = Signal(int)
    lead_changed = Signal(object)      # a LeadInfo saved here

    def __init__(self, client: Client, runner: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.jobs = OwnedRunner(runner, self)
        self.rows: list = []
        self.next_key: int | None = None
        self.loading = True
        self.form: LeadFormDialog | None = None
        self.disqualify_dialog: DisqualifyDialog | None = None
        self.convert_dialog: ConvertLeadDialog | None = None
        self.import_wizard = None
        self.last_conversion = None
        self.error_box: QMessageBox | None = None
        self._select_id: int | None = None
        self._shown_before = False
        self._build()
        self.reload()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Open (new, contacted, qualified)"), OPEN_STATUSES)
        for s in STATUSES:
            self.status_filter.addItem(status_text(s), (s,))
        self.status_filter.addItem(self.tr("All statuses"), None)
        self.scope = QComboBox()
        for code, text in (("mine", self.tr("Mine")), ("team", self.tr("My team")),
                           ("unassigned", self.tr("Unassigned")),
                           ("all", self.tr("All I can see"))):
            if code == "unassigned" and self.client.actor.role == "sales":
                continue
            self.scope.addItem(text, code)
        self.scope.setCurrentIndex(max(self.scope.findData(
            default_scope(self.client.actor.role)), 0))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, company, phone, email or WeChat…"))
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton(self.tr("New enquiry…"))
        self.new_button.setToolTip(self.tr("Quickly note a call or message (Ctrl+N)"))
        self.new_button.setShortcut("Ctrl+N")
        self.full_button = QPushButton(self.tr("New lead…"))
        self.import_button = QPushButton(self.tr("Import…"))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(QLabel(self.tr("Status")))
        top.addWidget(self.status_filter)
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.scope)
        top.addWidget(self.new_button)
        top.addWidget(self.full_button)
        top.addWidget(self.import_button)

        self.edit_button = QPushButton(self.tr("Edit…"))
        self.contacted_button = QPushButton(self.tr("Mark contacted"))
        self.qualified_button = QPushButton(self.tr("Mark qualified"))
        self.disqualify_button = QPushButton(self.tr("Disqualify…"))
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.reopen_button.setToolTip(self.tr("Put a disqualified lead back to new"))
        self.convert_button = QPushButton(self.tr("Convert…"))
        self.convert_button.setToolTip(self.tr("Turn the lead into a customer, a contact and "
                                               "optionally an opportunity"))
        self.customer_button = QPushButton(self.tr("Open customer"))
        actions = QHBoxLayout()
        for b in (self.edit_button, self.contacted_button, self.qualified_button,
                  self.disqualify_button, self.reopen_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.convert_button)
        actions.addWidget(self.customer_button)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([
            self.tr("Received"), self.tr("Contact"), self.tr("Company"), self.tr("Phone"),
            self.tr("Source"), self.tr("Enquiry"), self.tr("Status"), self.tr("Owner")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.Stretch)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.more_button = QPushButton(self.tr("Load more"))
        self.more_button.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.RichText)
        self.message.linkActivated.connect(self._link)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(bottom)

        can_work = self.client.actor.role in ("sales", "sales_manager", "admin")
        for b in (self.new_button, self.full_button, self.import_button):
            b.setVisible(can_work)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.scope.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button.clicked.connect(lambda: self.new_lead(quick=True))
        self.full_button.clicked.connect(lambda: self.new_lead(quick=False))
        self.import_button.clicked.connect(self.import_leads)
        self.edit_button.clicked.connect(self.edit_selected)
        self.contacted_button.clicked.connect(lambda: self.set_status("contacted"))
        self.qualified_button.clicked.connect(lambda: self.set_status("qualified"))
        self.reopen_button.clicked.connect(lambda: self.set_status("new"))
        self.disqualify_button.clicked.connect(self.disqualify_selected)
        self.convert_button.clicked.connect(self.convert_selected)
        self.customer_button.clicked.connect(self._open_selected_customer)
        self.more_button.clicked.connect(self.load_more)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemActivated.connect(lambda _i: self.activate_selected())
        self._selection_changed()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # Coming back to the list (a lead converted or imported elsewhere): reload.
        super().showEvent(event)
        if self._shown_before and not self.loading:
            self.reload()
        self._shown_before = True

    # -- data -----------------------------------------------------------------------------
    def _query(self, after: int | None):
        return dict(status=self.status_filter.currentData(), scope=self.scope.currentData(),
                    text=self.search.text().strip(), after=after, limit=PAGE)

    def reload(self) -> None:
        self.loading = True
        self.jobs.submit(self.client.read, lead_service.list_leads, **self._query(None),
                         on_done=lambda page: self._show(page, append=False),
                         on_error=self._load_failed, key=f"lead-list-{id(self)}")

    def load_more(self) -> None:
        if self.next_key is None:
            return
        self.loading = True
        self.jobs.submit(self.client.read, lead_service.list_leads,
                         **self._query(self.next_key),
                         on_done=lambda page: self._show(page, append=True),
                         on_error=self._load_failed, key=f"lead-list-{id(self)}")

    def _show(self, page, *, append: bool) -> None:
        keep = self._select_id if self._select_id is not None else self.selected_id()
        self._select_id = None
        self.rows = (self.rows if append else []) + list(page.rows)
        self.next_key = page.next_key
        self.table.setRowCount(len(self.rows))
        for r, lead in enumerate(self.rows):
            self._fill_row(r, lead)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.Stretch)
        self.more_button.setVisible(self.next_key is not None)
        if not self.message.property("sticky"):   # a result just reported stays once
            self.message.setStyleSheet("")
            self.message.setText(self.tr("%1 leads shown").replace("%1", str(len(self.rows)))
                                 if self.rows else self.tr("No leads match."))
        self.message.setProperty("sticky", False)
        row = next((i for i, x in enumerate(self.rows) if x.id == keep), -1)
        if row >= 0:
            self.table.selectRow(row)
        self.loading = False
        self._selection_changed()

    def _fill_row(self, r: int, lead) -> None:
        enquiry = " ".join((lead.enquiry or "").split())
        if len(enquiry) > ENQUIRY_WIDTH:
            enquiry = enquiry[:ENQUIRY_WIDTH - 1] + "…"
        values = (local_datetime_text(lead.created_at), lead.contact_name, lead.company or "",
                  lead.phone or lead.wechat or lead.email or "", lead.source or "", enquiry,
                  status_text(lead.status), lead.owner_name or self.tr("(unassigned)"))
        for col, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(Qt.UserRole, lead.id)
            if COLUMNS[col] == "status":
                item.setBackground(QBrush(QColor(STATUS_COLOURS.get(lead.status, "#ffffff"))))
                if lead.status == "disqualified" and lead.disqualify_reason:
                    item.setToolTip(lead.disqualify_reason)
            if COLUMNS[col] == "enquiry" and lead.enquiry:
                item.setToolTip(lead.enquiry)
            self.table.setItem(r, col, item)

    def _load_failed(self, exc: BaseException) -> None:
        self.loading = False
        self._tell(error_text(exc), error=True)

    def _tell(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "")
        self.message.setText(text if "<a " in text else html.escape(text))
        self.message.setProperty("sticky", True)

    def column_texts(self, field: str) -> list[str]:
        col = COLUMNS.index(field)
        return [self.table.item(r, col).text() for r in range(self.table.rowCount())]

    # -- selection ------------------------------------------------------------------------
    def selected(self):
        row = self.table.currentRow()
        items = self.table.selectedItems()
        if not items or not 0 <= row < len(self.rows):
            return None
        return self.rows[row]

    def selected_id(self) -> int | None:
        lead = self.selected()
        return lead.id if lead is not None else None

    def select_lead(self, lead_id: int) -> bool:
        row = next((i for i, x in enumerate(self.rows) if x.id == lead_id), -1)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _selection_changed(self) -> None:
        lead = self.selected()
        status = lead.status if lead is not None else None
        active = status in OPEN_STATUSES
        self.edit_button.setEnabled(lead is not None and status != "converted")
        self.contacted_button.setEnabled(status in ("new",))
        self.qualified_button.setEnabled(status in ("new", "contacted"))
        self.disqualify_button.setEnabled(active)
        self.reopen_button.setEnabled(status == "disqualified")
        self.convert_button.setEnabled(active)
        self.customer_button.setEnabled(lead is not None and lead.customer_id is not None)
        if lead is None:
            self.detail.setText("")
            return
        parts = []
        if lead.enquiry:
            parts.append(lead.enquiry)
        if status == "disqualified" and lead.disqualify_reason:
            parts.append(self.tr("Disqualified: %1").replace("%1", lead.disqualify_reason))
        if status == "converted":
            parts.append(self.tr("Converted on %1.").replace(
                "%1", local_datetime_text(lead.converted_at)))
        self.detail.setText("\n".join(parts))

    def activate_selected(self) -> None:
        lead = self.selected()
        if lead is None:
            return
        if lead.status == "converted" and lead.customer_id is not None:
            self.open_customer.emit(lead.customer_id)
        else:
            self.edit_selected()

    def _open_selected_customer(self) -> None:
        lead = self.selected()
        if lead is not None and lead.customer_id is not None:
            self.open_customer.emit(lead.customer_id)

    # -- actions --------------------------------------------------------------------------
    def new_lead(self, *, quick: bool = True) -> None:
        self.form = LeadFormDialog(self.client, self.runner, quick=quick, parent=self)
        self.form.saved.connect(self._saved)
        self.form.open()

    def edit_selected(self) -> None:
        lead = self.selected()
        if lead is None:
            return
        self.form = LeadFormDialog(self.client, self.runner, lead, parent=self)
        self.form.saved.connect(self._saved)
        self.form.open()

    def _saved(self, info) -> None:
        self._select_id = info.id
        self.lead_changed.emit(info)
        self.reload()

    def set_status(self, status: str, reason: str | None = None) -> None:
        lead = self.selected()
        if lead is None:
            return
        self.jobs.submit(self.client.write, lead_service.set_lead_status, lead.id, status,
                         reason=reason, on_done=self._saved, on_error=self._action_failed)

    def disqualify_selected(self) -> None:
        lead = self.selected()
        if lead is None:
            return
        dialog = DisqualifyDialog(lead.company or lead.contact_name, parent=self)
        dialog.reason_given.connect(lambda reason: self.set_status("disqualified", reason))
        self.disqualify_dialog = dialog
        dialog.open()

    def convert_selected(self) -> None:
        lead = self.selected()
        if lead is None:
            return
        dialog = ConvertLeadDialog(self.client, self.runner, lead, parent=self)
        dialog.converted.connect(lambda result: self._converted(lead, result))
        self.convert_dialog = dialog
        dialog.open()

    def _converted(self, lead, result) -> None:
        # The lead usually leaves the "open" list now, so the way to the customer is a link.
        self.last_conversion = result
        name = html.escape(lead.company or lead.contact_name)
        self._tell(self.tr("%1 converted. <a href=\"customer:%2\">Open the customer</a>")
                   .replace("%1", name).replace("%2", str(result.customer_id)))
        self.lead_changed.emit(lead)
        self.reload()

    def _link(self, href: str) -> None:
        kind, _, value = href.partition(":")
        if kind == "customer" and value.isdigit():
            self.open_customer.emit(int(value))

    def _action_failed(self, exc: BaseException) -> None:
        text = error_text(exc)
        self._tell(text, error=True)
        box = QMessageBox(QMessageBox.Warning, error_title(exc), text, QMessageBox.Ok, self)
        self.error_box = box
        box.open()
        self.reload()

    def import_leads(self) -> None:
        from ui.leads.import_wizard import LeadImportWizard
        wizard = LeadImportWizard(self.client, self.runner, parent=self)
        wizard.finished.connect(lambda _r: self.reload())
        self.import_wizard = wizard
        wizard.open()
