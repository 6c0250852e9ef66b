"""What the sales pipeline adds to the customer 360° view: the opportunities tab and the
unified timeline (follow-ups, opportunity stage changes and owner changes, newest first).

The 360° view (ui/customers/detail.py) owns the layout; these widgets fill their tab."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from services import opportunities as opportunity_service
from services import stages as stage_service
from ui.customers.followup import kind_icon, kind_label
from ui.pipeline import money_text, stage_name
from ui.widgets.formatting import date_text, local_datetime_text

# Literal translate("Context", "…") calls, so lupdate finds every string.
translate = QCoreApplication.translate

# Stage histories read per opportunity: a customer with more shows the newest ones only.
MAX_HISTORIES = 50
STATE_COLOURS = {"won": "#e8f5e9", "lost": "#fdecea"}


def state_text(state: str) -> str:
    return {"open": translate("OpportunityState", "Open"),
            "won": translate("OpportunityState", "Won"),
            "lost": translate("OpportunityState", "Lost")}.get(state, state)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    return table


class OpportunitiesTab(QWidget):
    """The customer's opportunities (open first). ``open_requested(info)`` asks for the
    form of one; ``new_requested()`` for a new one."""

    open_requested = Signal(object)
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: tuple = ()
        self.stages: dict[int, object] = {}
        self.new_button = QPushButton(self.tr("New opportunity…"))
        self.open_button = QPushButton(self.tr("Open…"))
        self.summary = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.summary)
        self.table = _table([self.tr("Title"), self.tr("Stage"), self.tr("Amount"),
                             self.tr("Probability"), self.tr("Expected close"),
                             self.tr("Owner"), self.tr("State")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self._open_selected)
        self.table.itemActivated.connect(lambda _i: self._open_selected())
        self.table.itemSelectionChanged.connect(
            lambda: self.open_button.setEnabled(self.table.currentRow() >= 0))
        self.open_button.setEnabled(False)

    def set_stages(self, stages) -> None:
        self.stages = {s.id: s for s in stages}
        self.show_rows(self.rows)

    def show_rows(self, rows) -> None:
        self.rows = tuple(rows)
        self.table.setRowCount(len(self.rows))
        open_amount = sum((o.amount for o in self.rows if o.state == "open"), start=0)
        for r, o in enumerate(self.rows):
            stage = self.stages.get(o.stage_id)
            cells = (o.title, stage_name(stage) if stage is not None else o.stage_code,
                     money_text(o.amount), f"{o.probability} %",
                     date_text(o.expected_close_on), o.owner_name or "", state_text(o.state))
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, o.id)
                if col in (2, 3):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if o.state in STATE_COLOURS:
                    item.setBackground(QBrush(QColor(STATE_COLOURS[o.state])))
                if col == 6 and o.state == "lost" and o.lost_reason:
                    item.setToolTip(o.lost_reason)
                self.table.setItem(r, col, item)
        for col in range(1, 7):
            self.table.resizeColumnToContents(col)
        n_open = sum(1 for o in self.rows if o.state == "open")
        self.summary.setText(self.tr("%1 open, %2 in the pipeline")
                             .replace("%1", str(n_open)).replace("%2", money_text(open_amount)))

    def _open_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self.open_requested.emit(self.rows[row])


# ------------------------------------------------------------------------------ timeline

@dataclass(frozen=True)
class StageEvent:
    at: dt.datetime
    opportunity_id: int
    opportunity_title: str
    from_stage_id: int | None           # None: the opportunity was opened in this stage
    to_stage_id: int
    user_name: str | None
    lost_reason: str | None = None


@dataclass(frozen=True)
class CustomerHistory:
    stages: tuple                       # StageInfo, every stage (names for the events)
    stage_events: tuple[StageEvent, ...]
    owner_events: tuple                 # services.pool.OwnershipChangeInfo, newest first


def _ownership_history(session, actor, customer_id: int) -> tuple:
    try:
        from services import pool
    except ImportError:                 # the public pool module is optional here
        return ()
    history = getattr(pool, "ownership_history", None)
    return tuple(history(session, actor, customer_id)) if history is not None else ()


def customer_history(session, actor, customer_id: int, opportunities) -> CustomerHistory:
    """Read in one transaction: the stages, the stage history of the customer's newest
    MAX_HISTORIES opportunities, and the customer's owner changes."""
    stages = tuple(stage_service.list_stages(session, actor, include_inactive=True))
    events = []
    newest = sorted(opportunities, key=lambda o: o.created_at, reverse=True)[:MAX_HISTORIES]
    for o in newest:
        previous = None
        for h in opportunity_service.stage_history(session, actor, o.id):
            reason = (o.lost_reason if h.left_at is None and h.stage_id == o.stage_id
                      and o.state == "lost" else None)
            events.append(StageEvent(h.entered_at, o.id, o.title, previous, h.stage_id,
                                     h.user_name, reason))
            previous = h.stage_id
    return CustomerHistory(stages, tuple(events), _ownership_history(session, actor,
                                                                     customer_id))


def owner_change_text(change) -> str:
    src = change.from_owner_name or translate("CustomerTimeline", "the public pool")
    dst = change.to_owner_name or translate("CustomerTimeline", "the public pool")
    texts = {
        "create": translate("CustomerTimeline", "Created; owner %2"),
        "claim": translate("CustomerTimeline", "%2 claimed it from the public pool"),
        "release": translate("CustomerTimeline", "%1 released it to the public pool"),
        "assign": translate("CustomerTimeline", "Handed from %1 to %2"),
        "sweep_no_follow_up": translate("CustomerTimeline", "Returned from %1 to the public "
                                                            "pool: no follow-up for too long"),
        "sweep_no_deal": translate("CustomerTimeline", "Returned from %1 to the public pool: "
                                                       "no deal in time"),
        "merge": translate("CustomerTimeline", "Owner %2 after a merge"),
        "import": translate("CustomerTimeline", "Imported; owner %2"),
    }
    text = texts.get(change.reason, translate("CustomerTimeline", "Owner changed from %1 to %2"))
    text = text.replace("%1", src).replace("%2", dst)
    if getattr(change, "note", None):
        text += " — " + change.note
    return text


def has_pipeline_events(history: CustomerHistory | None) -> bool:
    """Anything the follow-ups tab does not show already? (Creation alone is not news.)"""
    if history is None:
        return False
    return bool(history.stage_events) or any(c.reason != "create"
                                             for c in history.owner_events)


class TimelineTab(QWidget):
    """Follow-ups, stage changes and owner changes merged, newest first."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = _table([self.tr("When"), self.tr("What"), self.tr("By"),
                             self.tr("Details")])
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        self.entries: list[tuple] = []

    def show_events(self, follow_ups, follow_ups_total: int, history: CustomerHistory) -> None:
        names = {s.id: stage_name(s) for s in history.stages}
        entries = []     # (at, order, kind, what, by, details, icon-kind)
        for a in follow_ups:
            details = a.notes + (f" ({a.contact_name})" if a.contact_name else "")
            entries.append((a.occurred_at, 0, "follow_up", kind_label(a.kind), a.user_name,
                            details, a.kind))
        for e in history.stage_events:
            to = names.get(e.to_stage_id, str(e.to_stage_id))
            if e.from_stage_id is None:
                details = self.tr("“%1” opened in %2").replace("%1", e.opportunity_title) \
                    .replace("%2", to)
            else:
                details = (self.tr("“%1”: %2 → %3").replace("%1", e.opportunity_title)
                           .replace("%2", names.get(e.from_stage_id, "?")).replace("%3", to))
            if e.lost_reason:
                details += " — " + e.lost_reason
            entries.append((e.at, 1, "stage", self.tr("Stage"), e.user_name or "", details,
                            None))
        for c in history.owner_events:
            entries.append((c.at, 2, "owner", self.tr("Owner"),
                            c.actor_name or self.tr("(automatic)"), owner_change_text(c), None))
        entries.sort(key=lambda x: (x[0], x[1]), reverse=True)
        self.entries = entries
        self.table.setRowCount(len(entries))
        for r, (at, _order, kind, what, by, details, icon) in enumerate(entries):
            cells = (local_datetime_text(at), what, by, details)
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, kind)
                if col == 1 and icon is not None:
                    item.setIcon(kind_icon(icon))
                self.table.setItem(r, col, item)
        for col in (0, 1, 2):
            self.table.resizeColumnToContents(col)
        self.table.resizeRowsToContents()
        if follow_ups_total > len(follow_ups):
            self.note.setText(self.tr("Includes the newest %1 of %2 follow-ups.")
                              .replace("%1", str(len(follow_ups)))
                              .replace("%2", str(follow_ups_total)))
            self.note.show()
        else:
            self.note.hide()

    def kinds(self) -> list[str]:
        return [e[2] for e in self.entries]

    def details(self) -> list[str]:
        return [e[5] for e in self.entries]
