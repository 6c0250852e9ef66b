"""Customer 360°: header card, contacts, follow-up timeline, quick follow-up entry, and the
sections later modules fill (shown only when they have rows)."""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QGridLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QMessageBox, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from app.client import Client
from app.runner import Runner
from services import customers as customer_service
from ui.customers.contact_form import ContactFormDialog
from ui.customers.customer_fields import kind_text, level_text
from ui.customers.followup import FollowUpEntry, kind_icon, kind_label
from ui.customers.form import CustomerFormDialog
from ui.widgets.customer_picker import CustomerPickerDialog
from ui.errors import describe as error_text
from ui.orders.customer_tabs import CustomerOrdersTab
from ui.pipeline.customer_tabs import (OpportunitiesTab, TimelineTab, customer_history,
                                       has_pipeline_events)
from ui.pipeline.opportunity_form import OpportunityFormDialog
from ui.widgets.formatting import blank, date_text, local_datetime_text
from ui.widgets.lifetime import OwnedRunner

POOL_WARNING_DAYS = 3
CARD_STYLE = """
QFrame#card { background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px; }
QLabel[role="caption"] { color: #57606a; }
QLabel[role="badge"] { background: #eef2f7; border-radius: 3px; padding: 1px 6px; }
QLabel[role="warning"] { background: #fdecea; color: #b71c1c; border-radius: 3px;
                         padding: 1px 6px; font-weight: bold; }
QLabel[role="pool"] { background: #fff3cd; color: #7a5a00; border-radius: 3px;
                      padding: 1px 6px; }
"""


def section_titles() -> dict[str, str]:
    return {"opportunities": QCoreApplication.translate("Customer360Widget", "Opportunities"),
            "orders": QCoreApplication.translate("Customer360Widget", "Orders"),
            "receivables": QCoreApplication.translate("Customer360Widget", "Receivables"),
            "tickets": QCoreApplication.translate("Customer360Widget", "Tickets")}


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _set_role(label: QLabel, role: str) -> None:
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)


class Customer360Widget(QWidget):
    """``customer_changed(id)`` fires after anything here changed a customer (edit, follow-up,
    contact, merge), so lists can refresh that row."""

    customer_changed = Signal(int)

    def __init__(self, client: Client, runner: Runner, customer_id: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner, self.customer_id = client, runner, customer_id
        self.jobs = OwnedRunner(runner, self)
        self.data = None                      # the last Customer360 shown
        self.form_dialog: CustomerFormDialog | None = None
        self.contact_dialog: ContactFormDialog | None = None
        self.picker_dialog: CustomerPickerDialog | None = None
        self.merge_confirm: QMessageBox | None = None
        self.opportunity_form: OpportunityFormDialog | None = None
        self.history = None                   # the last CustomerHistory (pipeline timeline)
        self.section_tables: dict[str, QTableWidget] = {}
        self.setStyleSheet(CARD_STYLE)
        self._build()
        self.reload()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.message = QLabel(self.tr("Loading…"))
        self.message.setWordWrap(True)

        card = QFrame()
        card.setObjectName("card")
        self.title = QLabel()
        self.title.setTextInteractionFlags(Qt.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.code_label, self.kind_label, self.level_label = QLabel(), QLabel(), QLabel()
        for badge in (self.code_label, self.kind_label, self.level_label):
            _set_role(badge, "badge")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.merge_button = QPushButton(self.tr("Merge a duplicate…"))
        self.merge_button.setToolTip(self.tr("Pick another customer and merge it into this "
                                             "one: its contacts and follow-ups move here."))
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.code_label)
        top.addWidget(self.kind_label)
        top.addWidget(self.level_label)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        top.addWidget(self.merge_button)
        self.new_opportunity_button = QPushButton(self.tr("New opportunity…"))
        self.new_opportunity_button.setVisible(
            self.client.actor.role in ("sales", "sales_manager", "admin"))
        top.addWidget(self.new_opportunity_button)

        self.owner_value, self.pool_value = QLabel(), QLabel()
        self.last_value, self.next_value = QLabel(), QLabel()
        self.phone_value, self.region_value = QLabel(), QLabel()
        self.industry_value, self.address_value = QLabel(), QLabel()
        facts = QGridLayout()
        facts.setHorizontalSpacing(16)
        pairs = ((self.tr("Owner"), self.owner_value), (self.tr("Last follow-up"), self.last_value),
                 (self.tr("Next follow-up"), self.next_value),
                 (self.tr("Returns to pool"), self.pool_value),
                 (self.tr("Phone"), self.phone_value), (self.tr("Region"), self.region_value),
                 (self.tr("Industry"), self.industry_value),
                 (self.tr("Address"), self.address_value))
        for i, (caption, value) in enumerate(pairs):
            cap = QLabel(caption)
            _set_role(cap, "caption")
            value.setTextInteractionFlags(Qt.TextSelectableByMouse)
            row, col = divmod(i, 4)
            facts.addWidget(cap, row * 2, col)
            facts.addWidget(value, row * 2 + 1, col, Qt.AlignLeft)
        for col in range(4):
            facts.setColumnStretch(col, 1)
        card_layout = QVBoxLayout(card)
        card_layout.addLayout(top)
        card_layout.addLayout(facts)

        self.tabs = QTabWidget()
        self.contacts = _table([self.tr("Name"), self.tr("Title"), self.tr("Phone"),
                                self.tr("Email"), self.tr("WeChat"), self.tr("Notes")])
        self.add_contact_button = QPushButton(self.tr("Add contact…"))
        self.edit_contact_button = QPushButton(self.tr("Edit contact…"))
        contact_buttons = QHBoxLayout()
        contact_buttons.addWidget(self.add_contact_button)
        contact_buttons.addWidget(self.edit_contact_button)
        contact_buttons.addStretch(1)
        contacts_page = QWidget()
        contacts_layout = QVBoxLayout(contacts_page)
        contacts_layout.addLayout(contact_buttons)
        contacts_layout.addWidget(self.contacts)

        self.timeline = _table([self.tr("When"), self.tr("Kind"), self.tr("By"),
                                self.tr("Contact"), self.tr("Notes"), self.tr("Next")])
        self.timeline.setWordWrap(True)
        self.timeline.horizontalHeader().setStretchLastSection(False)
        self.timeline.horizontalHeader().setSectionResizeMode(4, QHeaderView.Stretch)
        self.timeline_note = QLabel()
        _set_role(self.timeline_note, "caption")
        timeline_page = QWidget()
        timeline_layout = QVBoxLayout(timeline_page)
        timeline_layout.addWidget(self.timeline)
        timeline_layout.addWidget(self.timeline_note)
        self.tabs.addTab(contacts_page, self.tr("Contacts"))
        self.tabs.addTab(timeline_page, self.tr("Follow-ups"))
        self.contacts_tab, self.timeline_tab = contacts_page, timeline_page
        # Shown only when they have something: opportunities, and the unified timeline once
        # there is more than follow-ups (stage or owner changes).
        self.opportunities_tab = OpportunitiesTab()
        self.history_tab = TimelineTab()
        # Sales orders with the customer's deliveries and returns (ui/orders/customer_tabs).
        self.orders_tab = CustomerOrdersTab(self.client, self.runner, self.customer_id)
        self.orders_tab.changed.connect(self._changed)
        self.tabs.setCurrentWidget(timeline_page)  # beside the quick entry, what reps read most

        self.follow_up = FollowUpEntry(self.client, self.runner, self.customer_id)
        entry_box = QGroupBox(self.tr("Log a follow-up"))
        QVBoxLayout(entry_box).addWidget(self.follow_up)
        entry_box.setMinimumWidth(320)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(entry_box)
        side_layout.addStretch(1)

        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self.tabs)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(card)
        body_layout.addWidget(splitter, 1)
        self.body.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.body, 1)

        self.edit_button.clicked.connect(self.open_form)
        self.merge_button.clicked.connect(self.choose_merge_source)
        self.add_contact_button.clicked.connect(lambda: self.open_contact(None))
        self.edit_contact_button.clicked.connect(self._edit_selected_contact)
        self.contacts.itemDoubleClicked.connect(lambda _i: self._edit_selected_contact())
        self.follow_up.logged.connect(self._follow_up_logged)
        self.new_opportunity_button.clicked.connect(lambda: self.open_opportunity(None))
        self.opportunities_tab.new_requested.connect(lambda: self.open_opportunity(None))
        self.opportunities_tab.open_requested.connect(self.open_opportunity)

    # -- data -----------------------------------------------------------------------------
    def reload(self) -> None:
        self.jobs.submit(self.client.read, customer_service.customer_360, self.customer_id,
                         on_done=self.show_data, on_error=self._load_failed,
                         key=f"customer-360-{id(self)}")

    def _load_failed(self, exc: BaseException) -> None:
        self.message.setText(error_text(exc))
        self.message.setStyleSheet("color: #c62828;")
        self.message.show()

    def show_data(self, data) -> None:
        """Show a Customer360 (normally from ``reload``)."""
        self.data = data
        c = data.customer
        self.message.hide()
        self.body.show()
        self.setWindowTitle(f"{c.code} {c.name}")
        self.title.setText(c.name)
        self.code_label.setText(c.code)
        self.kind_label.setText(kind_text(c.kind))
        self.level_label.setText(self.tr("Level %1").replace("%1", level_text(c.level)))
        self._show_owner(data)
        self.last_value.setText(local_datetime_text(c.last_follow_up_at) or self.tr("never"))
        self.next_value.setText(date_text(data.next_follow_up_on) or self.tr("not planned"))
        self.phone_value.setText(blank(c.phone))
        self.region_value.setText(blank(c.region))
        self.industry_value.setText(blank(c.industry))
        self.address_value.setText(blank(c.address))
        self.edit_button.setEnabled(c.can_edit)
        self.merge_button.setEnabled(c.can_edit)
        self.add_contact_button.setEnabled(c.can_edit)
        self.edit_contact_button.setEnabled(c.can_edit)
        self._show_contacts(data.contacts)
        self._show_timeline(data)
        self._show_sections(data)
        self._show_opportunities(data)
        self.follow_up.set_contacts(data.contacts)

    def _show_owner(self, data) -> None:
        c = data.customer
        if c.owner_id is None:
            self.owner_value.setText(self.tr("in public pool"))
            _set_role(self.owner_value, "pool")
            self.pool_value.setText(self.tr("in public pool"))
            _set_role(self.pool_value, "pool")
            return
        self.owner_value.setText(c.owner_name or "")
        _set_role(self.owner_value, "")
        days = data.days_until_pool
        if days is None:
            self.pool_value.setText(self.tr("does not return"))
            _set_role(self.pool_value, "")
            return
        if days <= 0:
            text = self.tr("today")
        elif days == 1:
            text = self.tr("in 1 day")
        else:
            text = self.tr("in %1 days").replace("%1", str(days))
        self.pool_value.setText(text)
        _set_role(self.pool_value, "warning" if days <= POOL_WARNING_DAYS else "")

    @property
    def pool_warning(self) -> bool:
        """True when the header highlights that the customer soon returns to the pool."""
        return self.pool_value.property("role") == "warning"

    def _show_contacts(self, contacts) -> None:
        self.contacts.setRowCount(len(contacts))
        for row, ct in enumerate(contacts):
            name = ct.name + (" ★" if ct.is_primary else "")
            for col, value in enumerate((name, ct.title, ct.phone, ct.email, ct.wechat, ct.notes)):
                item = QTableWidgetItem(blank(value))
                item.setData(Qt.UserRole, ct.id)
                self.contacts.setItem(row, col, item)
        self.contacts.resizeColumnsToContents()
        self.tabs.setTabText(self.tabs.indexOf(self.contacts_tab),
                             self.tr("Contacts (%1)").replace("%1", str(len(contacts))))

    def _show_timeline(self, data) -> None:
        rows = data.timeline
        self.timeline.setRowCount(len(rows))
        for row, a in enumerate(rows):
            cells = (local_datetime_text(a.occurred_at), kind_label(a.kind), a.user_name,
                     blank(a.contact_name), a.notes, date_text(a.next_follow_up_on))
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, a.id)
                if col == 1:
                    item.setIcon(kind_icon(a.kind))
                self.timeline.setItem(row, col, item)
        for col in (0, 1, 2, 3, 5):
            self.timeline.resizeColumnToContents(col)
        self.timeline.resizeRowsToContents()
        self.tabs.setTabText(self.tabs.indexOf(self.timeline_tab),
                             self.tr("Follow-ups (%1)").replace("%1", str(data.timeline_total)))
        if data.timeline_total > len(rows):
            self.timeline_note.setText(self.tr("Showing the newest %1 of %2 follow-ups.")
                                       .replace("%1", str(len(rows)))
                                       .replace("%2", str(data.timeline_total)))
            self.timeline_note.show()
        else:
            self.timeline_note.hide()

    def _show_sections(self, data) -> None:
        # Later modules put their rows into these tuples; a tab appears only when there are
        # rows, so nobody sees an empty placeholder.
        for name, title in section_titles().items():
            if name in ("opportunities", "orders"):
                continue                      # their own tabs (_show_opportunities, below)
            rows = tuple(getattr(data, name, ()) or ())
            table = self.section_tables.get(name)
            if not rows:
                if table is not None:
                    self.tabs.removeTab(self.tabs.indexOf(table))
                    del self.section_tables[name]
                    table.deleteLater()
                continue
            fields = [f.name for f in dataclasses.fields(rows[0])
                      if f.name not in ("id", "customer_id")] if dataclasses.is_dataclass(
                          rows[0]) else ["value"]
            if table is None:
                table = _table(fields)
                self.section_tables[name] = table
                self.tabs.addTab(table, "")
            table.setColumnCount(len(fields))
            table.setHorizontalHeaderLabels([f.replace("_", " ") for f in fields])
            table.setRowCount(len(rows))
            for r, obj in enumerate(rows):
                for col, field in enumerate(fields):
                    value = getattr(obj, field) if field != "value" else obj
                    table.setItem(r, col, QTableWidgetItem(blank(value)))
            table.resizeColumnsToContents()
            self.tabs.setTabText(self.tabs.indexOf(table), f"{title} ({len(rows)})")
        orders, deliveries = tuple(data.orders or ()), tuple(data.deliveries or ())
        self.orders_tab.show_rows(orders, deliveries, data.customer.name)
        self._show_tab(self.orders_tab, f"{section_titles()['orders']} ({len(orders)})",
                       bool(orders or deliveries), self.timeline_tab)

    # -- opportunities and the unified timeline -------------------------------------------
    def _show_tab(self, page: QWidget, title: str, visible: bool, after: QWidget) -> None:
        index = self.tabs.indexOf(page)
        if not visible:
            if index >= 0:
                self.tabs.removeTab(index)
            return
        if index < 0:
            index = self.tabs.insertTab(self.tabs.indexOf(after) + 1, page, title)
        self.tabs.setTabText(index, title)

    def _show_opportunities(self, data) -> None:
        c = data.customer
        rows = tuple(getattr(data, "opportunities", ()) or ())
        may_open = c.can_edit and not (c.owner_id is None and self.client.actor.role == "sales")
        self.new_opportunity_button.setEnabled(may_open)
        self.new_opportunity_button.setToolTip(
            "" if may_open or not c.can_edit else
            self.tr("Claim the customer from the public pool first."))
        self.opportunities_tab.new_button.setEnabled(may_open)
        self.opportunities_tab.show_rows(rows)
        self._show_tab(self.opportunities_tab,
                       self.tr("Opportunities (%1)").replace("%1", str(len(rows))),
                       bool(rows), self.timeline_tab)
        self.jobs.submit(self.client.read, customer_history, c.id, rows,
                         on_done=lambda history: self._show_history(data, history),
                         on_error=lambda _exc: None, key=f"customer-history-{id(self)}")

    def _show_history(self, data, history) -> None:
        if data is not self.data:
            return                            # a newer 360 is on its way with its own
        self.history = history
        self.opportunities_tab.set_stages(history.stages)
        shown = has_pipeline_events(history)
        if shown:
            self.history_tab.show_events(data.timeline, data.timeline_total, history)
        after = (self.opportunities_tab if self.tabs.indexOf(self.opportunities_tab) >= 0
                 else self.timeline_tab)
        self._show_tab(self.history_tab, self.tr("Timeline"), shown, after)

    def open_opportunity(self, info) -> None:
        """The opportunity form for ``info`` (an OpportunityInfo) or a new one here."""
        c = self.data.customer if self.data is not None else None
        self.opportunity_form = OpportunityFormDialog(
            self.client, self.runner, opportunity=info,
            customer_id=None if info is not None else self.customer_id,
            customer_name=c.name if c is not None and info is None else None, parent=self)
        self.opportunity_form.open_customer_button.hide()   # this is the customer
        self.opportunity_form.choose_customer.setVisible(info is not None)
        self.opportunity_form.saved.connect(lambda _info: self._changed())
        self.opportunity_form.open()

    def visible_tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def _changed(self, customer_id: int | None = None) -> None:
        self.reload()
        self.customer_changed.emit(customer_id or self.customer_id)

    def _follow_up_logged(self, _activity) -> None:
        self._changed()

    # -- edit -----------------------------------------------------------------------------
    def open_form(self) -> None:
        self.form_dialog = CustomerFormDialog(self.client, self.runner, self.customer_id,
                                              parent=self)
        self.form_dialog.saved.connect(self._form_saved)
        self.form_dialog.open()

    def _form_saved(self, customer_id: int) -> None:
        if customer_id != self.customer_id:
            # This customer was merged into the candidate from the duplicate dialog.
            old = self.customer_id
            self.customer_id = customer_id
            self.follow_up.customer_id = customer_id
            self.customer_changed.emit(old)
        self._changed()

    def open_contact(self, contact) -> None:
        self.contact_dialog = ContactFormDialog(self.client, self.runner, self.customer_id,
                                                contact, parent=self)
        self.contact_dialog.saved.connect(lambda _c: self._changed())
        self.contact_dialog.open()

    def _edit_selected_contact(self) -> None:
        row = self.contacts.currentRow()
        if self.data is not None and 0 <= row < len(self.data.contacts):
            self.open_contact(self.data.contacts[row])

    # -- merge ----------------------------------------------------------------------------
    def choose_merge_source(self) -> None:
        self.picker_dialog = CustomerPickerDialog(
            self.client, self.runner, exclude_id=self.customer_id,
            title=self.tr("Merge which customer into this one?"), parent=self)
        self.picker_dialog.picked.connect(self._merge_source_picked)
        self.picker_dialog.open()

    def _merge_source_picked(self, other_id: int) -> None:
        # Load the other customer first so the confirmation can say what moves.
        self.jobs.submit(self.client.read, customer_service.customer_360, other_id,
                         timeline_limit=1, on_done=self._confirm_merge,
                         on_error=self._load_failed_box)

    def _confirm_merge(self, other) -> None:
        keep, gone = self.data.customer, other.customer
        moves = [self.tr("%1 contact(s)").replace("%1", str(len(other.contacts))),
                 self.tr("%1 follow-up(s)").replace("%1", str(other.timeline_total))]
        for name, title in section_titles().items():
            if getattr(other, name, ()):
                moves.append(f"{title} ({len(getattr(other, name))})")
        text = (self.tr("Merge %1 into %2?").replace("%1", f"{gone.code} {gone.name}")
                .replace("%2", f"{keep.code} {keep.name}"))
        detail = (self.tr("These move to %1: %2.").replace("%1", keep.code)
                  .replace("%2", ", ".join(moves)) + "\n"
                  + self.tr("%1 is then hidden from lists; its history is kept in the "
                            "audit log.").replace("%1", gone.code))
        box = QMessageBox(QMessageBox.Question, self.tr("Merge customers"), text,
                          QMessageBox.NoButton, self)
        box.setInformativeText(detail)
        box.merge_button = box.addButton(self.tr("Merge"), QMessageBox.AcceptRole)
        box.addButton(QMessageBox.Cancel)
        box.setDefaultButton(QMessageBox.Cancel)
        box.merge_id = gone.id
        box.buttonClicked.connect(lambda button: self._merge_answer(box, button))
        self.merge_confirm = box
        box.open()

    def _merge_answer(self, box: QMessageBox, button) -> None:
        if button is not box.merge_button:
            return
        merge_id = box.merge_id
        self.jobs.submit(self.client.write, customer_service.merge_customers,
                         keep_id=self.customer_id, merge_id=merge_id,
                         on_done=lambda _d: self._merged(merge_id),
                         on_error=self._load_failed_box)

    def _merged(self, merge_id: int) -> None:
        self.customer_changed.emit(merge_id)
        self._changed()

    def _load_failed_box(self, exc: BaseException) -> None:
        box = QMessageBox(QMessageBox.Warning, self.tr("Customer"), error_text(exc),
                          QMessageBox.Ok, self)
        self.error_box = box
        box.open()
