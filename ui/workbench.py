"""The "Today" workbench (今日工作台): overdue and due follow-ups, opportunities expected to
close this month and customers about to return to the public pool, each row with one-click
actions — log a follow-up (the 360° view opens with its quick entry focused) and open the
360° view."""
from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import QDate, QEvent, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QScrollArea, QSizePolicy, QTableWidget,
                               QTableWidgetItem, QToolButton, QVBoxLayout, QWidget)

from ui.customers.followup import kind_label
from ui.errors import describe as error_text
from ui.pipeline.charts import chinese, money_text
from ui.widgets.formatting import date_text
from ui.widgets.lifetime import OwnedRunner

SECTIONS = ("overdue", "due", "closing", "pool")
STALE_AFTER_S = 60        # shown again after this long: load again (others may have worked)
ROW_HEIGHT = 30
MAX_VISIBLE_ROWS = 8      # a longer list scrolls inside its box
STYLE = """
QFrame#section { background: palette(base); border: 1px solid #d0d7de; border-radius: 6px; }
QLabel[role="heading"] { font-weight: bold; }
QLabel[role="count"] { border-radius: 9px; padding: 0px 7px; color: white;
                       background: #8c959f; font-weight: bold; }
QLabel[role="count"][tone="red"] { background: #cf222e; }
QLabel[role="count"][tone="amber"] { background: #bf8700; }
QLabel[role="count"][tone="blue"] { background: #0969da; }
QLabel[role="empty"] { color: #57606a; padding: 8px; }
QToolButton[role="action"] { padding: 1px 6px; }
"""
ID_ROLE = Qt.ItemDataRole.UserRole


def _set_prop(widget: QWidget, name: str, value: str) -> None:
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class _Section(QFrame):
    """One box of the workbench: heading with a count, a table, a line when it is empty."""

    def __init__(self, tone: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("section")
        self.heading = QLabel()
        _set_prop(self.heading, "role", "heading")
        self.count = QLabel("0")
        _set_prop(self.count, "role", "count")
        self.tone = tone
        self.more = QLabel()
        self.more.setStyleSheet("color: #57606a")
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.more)
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setFrameShape(QFrame.Shape.NoFrame)
        self.empty = QLabel()
        _set_prop(self.empty, "role", "empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        self.empty.hide()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_count(self, shown: int, total: int, more_text: str) -> None:
        self.count.setText(str(total))
        _set_prop(self.count, "tone", self.tone if total else "")
        self.more.setText(more_text if total > shown else "")
        self.table.setVisible(shown > 0)
        self.empty.setVisible(shown == 0)
        # As tall as its rows (up to MAX_VISIBLE_ROWS): short lists leave no empty boxes.
        rows = min(max(shown, 1), MAX_VISIBLE_ROWS)
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + rows * ROW_HEIGHT + 2 * self.table.frameWidth()
                                  + (self.table.horizontalScrollBar().sizeHint().height()
                                     if self.table.horizontalScrollBar().isVisible() else 0))


class WorkbenchWidget(QWidget):
    """``open_customer(id)`` opens the 360° view; ``log_follow_up(id)`` opens it with the
    follow-up entry focused."""

    open_customer = Signal(int)
    log_follow_up = Signal(int)
    loaded = Signal()

    def __init__(self, client, runner, parent: QWidget | None = None, *,
                 today: dt.date | None = None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.jobs = OwnedRunner(runner, self)
        self.fixed_today = today
        self.data = None
        self._loaded_at = time.monotonic()
        self.setStyleSheet(STYLE)

        self.greeting = QLabel()
        font = self.greeting.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.greeting.setFont(font)
        self.summary = QLabel()
        self.summary.setStyleSheet("color: #57606a")
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        head = QHBoxLayout()
        text = QVBoxLayout()
        text.addWidget(self.greeting)
        text.addWidget(self.summary)
        head.addLayout(text, 1)
        head.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.message.hide()

        self.sections = {"overdue": _Section("red"), "due": _Section("amber"),
                         "closing": _Section("blue"), "pool": _Section("red")}
        # One full-width box per list, stacked like a to-do list; the page scrolls.
        page = QWidget()
        page.setObjectName("workbench_page")
        stack = QVBoxLayout(page)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(10)
        for name in SECTIONS:
            stack.addWidget(self.sections[name])
        stack.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(head)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll, 1)
        for name, section in self.sections.items():
            section.table.cellDoubleClicked.connect(
                lambda row, _col, n=name: self._open_row(n, row))
        self.retranslate()
        self.refresh()

    # --- texts ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        s = self.sections
        s["overdue"].heading.setText(self.tr("Overdue follow-ups"))
        s["due"].heading.setText(self.tr("Follow-ups due today"))
        s["closing"].heading.setText(self.tr("Closing this month"))
        s["pool"].heading.setText(self.tr("About to return to the public pool"))
        s["overdue"].empty.setText(self.tr("Nothing overdue. Well done."))
        s["due"].empty.setText(self.tr("No follow-ups planned for today."))
        s["closing"].empty.setText(self.tr("No open opportunity is expected to close this "
                                           "month."))
        s["pool"].empty.setText(self.tr("No customer of yours returns to the pool in the "
                                        "next 3 days."))
        self._greet()
        if self.data is not None:
            self.show_data(self.data)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if time.monotonic() - self._loaded_at > STALE_AFTER_S:
            self.refresh()

    def _greet(self) -> None:
        day = self.today()
        when = self.locale().toString(QDate(day.year, day.month, day.day),
                                      QLocale.FormatType.LongFormat)
        self.greeting.setText(self.tr("Today, %1 — %2").replace("%1", when)
                              .replace("%2", self.client.actor.display_name))

    def today(self) -> dt.date:
        return self.fixed_today or dt.date.today()

    # --- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        from services import workbench
        self.message.hide()
        self._greet()
        self._loaded_at = time.monotonic()
        self.jobs.submit(self.client.read, workbench.today, today=self.today(),
                         on_done=self.show_data, on_error=self._failed,
                         key=f"workbench-{id(self)}")

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(self.tr("Today's work could not be loaded: %1").replace(
            "%1", error_text(exc)))
        self.message.show()

    def show_data(self, data) -> None:
        self.data = data
        overdue_total = getattr(data, "overdue_total", len(data.overdue_follow_ups))
        due_total = getattr(data, "due_total", len(data.due_follow_ups))
        closing_total = getattr(data, "closing_total", len(data.closing_this_month))
        self._fill_follow_ups(self.sections["overdue"], data.overdue_follow_ups, overdue=True)
        self._fill_follow_ups(self.sections["due"], data.due_follow_ups, overdue=False)
        self._fill_closing(self.sections["closing"], data.closing_this_month)
        self._fill_pool(self.sections["pool"], data.returning_to_pool)
        more = self.tr("showing the first %1")
        for name, rows, total in (("overdue", data.overdue_follow_ups, overdue_total),
                                  ("due", data.due_follow_ups, due_total),
                                  ("closing", data.closing_this_month, closing_total),
                                  ("pool", data.returning_to_pool, len(data.returning_to_pool))):
            self.sections[name].set_count(len(rows), total,
                                          more.replace("%1", str(len(rows))))
        amount = sum((r.amount for r in data.closing_this_month), 0)
        weighted = sum((r.amount * r.probability / 100 for r in data.closing_this_month), 0)
        self.summary.setText(
            self.tr("%1 overdue · %2 due today · %3 closing this month (%4, weighted %5) · "
                    "%6 returning to the pool")
            .replace("%1", str(overdue_total)).replace("%2", str(due_total))
            .replace("%3", str(closing_total)).replace("%4", money_text(amount, 0))
            .replace("%5", money_text(weighted, 0))
            .replace("%6", str(len(data.returning_to_pool))))
        self.loaded.emit()

    # --- tables --------------------------------------------------------------------------
    def _prepare(self, section: _Section, headers: list[str], n: int, *,
                 stretch: int = 1) -> QTableWidget:
        table = section.table
        table.clearContents()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(n)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return table

    def _actions(self, table: QTableWidget, row: int, customer_id: int, *,
                 follow_up: bool = True) -> None:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.setSpacing(4)
        if follow_up:
            log = QToolButton()
            log.setText(self.tr("Log follow-up"))
            log.setToolTip(self.tr("Open the customer with the follow-up entry ready"))
            _set_prop(log, "role", "action")
            log.setObjectName("log_follow_up")
            log.clicked.connect(lambda: self.log_follow_up.emit(customer_id))
            layout.addWidget(log)
        opener = QToolButton()
        opener.setText(self.tr("Open"))
        opener.setToolTip(self.tr("Open the customer's 360° view"))
        _set_prop(opener, "role", "action")
        opener.setObjectName("open_customer")
        opener.clicked.connect(lambda: self.open_customer.emit(customer_id))
        layout.addWidget(opener)
        layout.addStretch(1)
        table.setCellWidget(row, table.columnCount() - 1, box)

    @staticmethod
    def _item(text: str, customer_id: int, *, right: bool = False,
              colour: str | None = None, bold: bool = False) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setData(ID_ROLE, customer_id)
        if right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if colour:
            item.setForeground(QColor(colour))
        if bold:
            font = QFont()
            font.setBold(True)
            item.setFont(font)
        return item

    def _fill_follow_ups(self, section: _Section, rows, *, overdue: bool) -> None:
        headers = [self.tr("Planned"), self.tr("Customer"), self.tr("Last follow-up"),
                   self.tr("Owner"), ""]
        table = self._prepare(section, headers, len(rows))
        table.setColumnHidden(3, self.client.actor.role == "sales")
        for r, f in enumerate(rows):
            when = date_text(f.next_follow_up_on)
            if overdue:
                when = self.tr("%1 (%2 d late)").replace("%1", when).replace(
                    "%2", str(f.days_overdue))
            last = (self.tr("%1, %2: %3").replace("%1", date_text(
                f.last_activity_at.astimezone().date())).replace(
                    "%2", kind_label(f.last_activity_kind)).replace("%3", f.last_notes)
                    .replace("\n", " "))
            cells = [self._item(when, f.customer_id, colour="#cf222e" if overdue else None),
                     self._item(f.customer_name, f.customer_id, bold=True),
                     self._item(_clip(last, 60), f.customer_id),
                     self._item(f.owner_name or "", f.customer_id)]
            cells[1].setToolTip(f"{f.customer_code} {f.customer_name}")
            cells[2].setToolTip(f.last_notes)
            for col, item in enumerate(cells):
                table.setItem(r, col, item)
            self._actions(table, r, f.customer_id)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(2, 380)

    def _fill_closing(self, section: _Section, rows) -> None:
        headers = [self.tr("Close by"), self.tr("Customer"), self.tr("Opportunity"),
                   self.tr("Amount"), self.tr("Stage"), self.tr("Owner"), ""]
        table = self._prepare(section, headers, len(rows), stretch=2)
        table.setColumnHidden(5, self.client.actor.role == "sales")
        overdue_day = self.today()
        for r, o in enumerate(rows):
            stage = o.stage_name_zh if chinese() else o.stage_name_en
            late = o.expected_close_on < overdue_day
            cells = [self._item(date_text(o.expected_close_on), o.customer_id,
                                colour="#cf222e" if late else None),
                     self._item(o.customer_name, o.customer_id, bold=True),
                     self._item(o.title, o.customer_id),
                     self._item(money_text(o.amount), o.customer_id, right=True),
                     self._item(f"{stage} {o.probability}%", o.customer_id),
                     self._item(o.owner_name or "", o.customer_id)]
            cells[2].setToolTip(o.title)
            for col, item in enumerate(cells):
                table.setItem(r, col, item)
            self._actions(table, r, o.customer_id)

    def _fill_pool(self, section: _Section, rows) -> None:
        headers = [self.tr("Returns"), self.tr("Customer"), self.tr("Why"), self.tr("Owner"),
                   ""]
        table = self._prepare(section, headers, len(rows), stretch=2)
        table.setColumnHidden(3, self.client.actor.role == "sales")
        for r, p in enumerate(rows):
            if p.days_left <= 0:
                when = self.tr("at the next sweep")
            elif p.days_left == 1:
                when = self.tr("in 1 day")
            else:
                when = self.tr("in %1 days").replace("%1", str(p.days_left))
            why = (self.tr("no follow-up") if p.reason == "no_follow_up"
                   else self.tr("no deal won"))
            cells = [self._item(when, p.customer_id,
                                colour="#cf222e" if p.days_left <= 1 else "#9a6700"),
                     self._item(p.name, p.customer_id, bold=True),
                     self._item(why, p.customer_id),
                     self._item(p.owner_name or "", p.customer_id)]
            cells[1].setToolTip(f"{p.code} {p.name}")
            for col, item in enumerate(cells):
                table.setItem(r, col, item)
            self._actions(table, r, p.customer_id)

    def _open_row(self, section: str, row: int) -> None:
        item = self.sections[section].table.item(row, 0)
        if item is not None and item.data(ID_ROLE) is not None:
            self.open_customer.emit(int(item.data(ID_ROLE)))

    def action_button(self, section: str, row: int, name: str) -> QToolButton | None:
        """The one-click button ``name`` ('log_follow_up' or 'open_customer') of a row."""
        table = self.sections[section].table
        box = table.cellWidget(row, table.columnCount() - 1)
        return box.findChild(QToolButton, name) if box is not None else None

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(1100, 680)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

