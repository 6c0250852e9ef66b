"""What the report screens share: the period / team / rep filter bar, the list of sales
staff the actor may filter by, and writing a report's rows to .xlsx in the background."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFileDialog, QHBoxLayout, QLabel,
                               QWidget)

from services import org

SALES_ROLES = ("sales", "sales_manager")
PERIODS = ("this_month", "last_month", "this_quarter", "last_quarter", "this_year",
           "last_year", "last_12_months", "custom")
# Periods that look ahead, for the forecast.
FORWARD_PERIODS = ("this_month", "next_month", "this_quarter", "next_quarter",
                   "next_6_months", "this_year", "custom")
ALL_PERIODS = ("this_month", "next_month", "this_quarter", "next_quarter", "next_6_months",
               "this_year", "last_month", "last_quarter", "last_year", "last_12_months",
               "custom")


def sales_staff(session, actor) -> list[org.UserInfo]:
    """Reps and managers ``actor`` may filter reports by: an administrator everyone in
    sales, a manager the own team, a rep only themself."""
    people = [u for u in org.list_users(session) if u.role in SALES_ROLES]
    if actor.role == "sales_manager":
        return [u for u in people if u.team_id is not None and u.team_id == actor.team_id]
    if actor.role == "sales":
        return [u for u in people if u.id == actor.user_id]
    return people


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def period_range(period: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day (both included) of a named period around ``today``."""
    if period == "this_month":
        start = month_start(today)
        return start, add_months(start, 1) - dt.timedelta(days=1)
    if period == "last_month":
        start = add_months(month_start(today), -1)
        return start, add_months(start, 1) - dt.timedelta(days=1)
    if period == "this_quarter":
        start = quarter_start(today)
        return start, add_months(start, 3) - dt.timedelta(days=1)
    if period == "last_quarter":
        start = add_months(quarter_start(today), -3)
        return start, add_months(start, 3) - dt.timedelta(days=1)
    if period == "this_year":
        return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    if period == "last_year":
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    if period == "next_month":
        start = add_months(month_start(today), 1)
        return start, add_months(start, 1) - dt.timedelta(days=1)
    if period == "next_quarter":
        start = add_months(quarter_start(today), 3)
        return start, add_months(start, 3) - dt.timedelta(days=1)
    if period == "next_6_months":
        start = month_start(today)
        return start, add_months(start, 6) - dt.timedelta(days=1)
    if period == "last_12_months":
        start = add_months(month_start(today), -11)
        return start, add_months(month_start(today), 1) - dt.timedelta(days=1)
    raise ValueError(f"unknown period {period!r}")


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReportFilterBar(QWidget):
    """Period, team and rep. A rep sees only the period (reports show their own numbers);
    a manager chooses among the own team's reps; an administrator chooses team and rep.
    ``changed`` fires whenever the choice changes; ``staff_loaded`` once the people are in
    the combo boxes."""

    changed = Signal()
    staff_loaded = Signal()

    def __init__(self, client, jobs, *, default_period: str = "this_quarter",
                 periods: Sequence[str] = PERIODS, show_people: bool = True,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.jobs = client, jobs
        self.staff: list[org.UserInfo] = []
        role = client.actor.role
        self.period_label, self.period = QLabel(), QComboBox()
        for p in periods:
            self.period.addItem("", p)
        self.period.setCurrentIndex(max(self.period.findData(default_period), 0))
        self.period_label.setBuddy(self.period)
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.dash = QLabel("–")
        self.team_label, self.team = QLabel(), QComboBox()
        self.team.addItem("", None)
        self.team_label.setBuddy(self.team)
        self.rep_label, self.rep = QLabel(), QComboBox()
        self.rep.addItem("", None)
        self.rep.setMinimumWidth(110)
        self.rep_label.setBuddy(self.rep)
        show_team = show_people and role == "admin"
        show_rep = show_people and role in ("admin", "sales_manager")
        self.show_team, self.show_rep = show_team, show_rep
        for w in (self.team_label, self.team):
            w.setVisible(show_team)
        for w in (self.rep_label, self.rep):
            w.setVisible(show_rep)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.period_label, self.period, self.date_from, self.dash, self.date_to,
                  self.team_label, self.team, self.rep_label, self.rep):
            layout.addWidget(w)
        layout.addStretch(1)

        self._set_dates_for_period()
        self.period.currentIndexChanged.connect(self._period_changed)
        self.date_from.dateChanged.connect(self._dates_edited)
        self.date_to.dateChanged.connect(self._dates_edited)
        self.team.currentIndexChanged.connect(self._team_changed)
        self.rep.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.retranslate()
        if show_team or show_rep:
            self.jobs.submit(client.read, sales_staff, on_done=self._show_staff,
                             key=f"report-staff-{id(self)}")

    # --- texts ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.period_label.setText(self.tr("&Period:"))
        texts = {"this_month": self.tr("This month"), "last_month": self.tr("Last month"),
                 "this_quarter": self.tr("This quarter"),
                 "last_quarter": self.tr("Last quarter"), "this_year": self.tr("This year"),
                 "last_year": self.tr("Last year"),
                 "last_12_months": self.tr("Last 12 months"), "custom": self.tr("Custom"),
                 "next_month": self.tr("Next month"), "next_quarter": self.tr("Next quarter"),
                 "next_6_months": self.tr("Next 6 months")}
        for i in range(self.period.count()):
            self.period.setItemText(i, texts[self.period.itemData(i)])
        self.team_label.setText(self.tr("&Team:"))
        self.team.setItemText(0, self.tr("All teams"))
        self.rep_label.setText(self.tr("&Rep:"))
        self.rep.setItemText(0, self.tr("All reps"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- choices -------------------------------------------------------------------------
    def _show_staff(self, staff: list[org.UserInfo]) -> None:
        self.staff = staff
        teams = sorted({(u.team_name or "", u.team_id) for u in staff if u.team_id is not None})
        self.team.blockSignals(True)
        for name, team_id in teams:
            self.team.addItem(name, team_id)
        self.team.blockSignals(False)
        self._fill_reps()
        self.staff_loaded.emit()

    def _fill_reps(self) -> None:
        team_id = self.team.currentData()
        current = self.rep.currentData()
        self.rep.blockSignals(True)
        while self.rep.count() > 1:
            self.rep.removeItem(1)
        for u in sorted(self.staff, key=lambda u: u.display_name):
            if team_id is None or u.team_id == team_id:
                self.rep.addItem(u.display_name, u.id)
        self.rep.setCurrentIndex(max(self.rep.findData(current), 0))
        self.rep.blockSignals(False)

    def _team_changed(self, _index: int) -> None:
        self._fill_reps()
        self.changed.emit()

    def _set_dates_for_period(self) -> None:
        period = self.period.currentData()
        custom = period == "custom"
        for w in (self.date_from, self.dash, self.date_to):
            w.setVisible(custom)
        if not custom:
            start, end = period_range(period, dt.date.today())
            for edit, day in ((self.date_from, start), (self.date_to, end)):
                edit.blockSignals(True)
                edit.setDate(_qdate(day))
                edit.blockSignals(False)

    def _period_changed(self, _index: int) -> None:
        self._set_dates_for_period()
        self.changed.emit()

    def _dates_edited(self, _date) -> None:
        if self.period.currentData() == "custom":
            self.changed.emit()

    def set_period(self, period: str, start: dt.date | None = None,
                   end: dt.date | None = None) -> None:
        """Choose a period; ``custom`` takes the two dates."""
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData(period))
        self.period.blockSignals(False)
        self._set_dates_for_period()
        if period == "custom" and start is not None and end is not None:
            self.date_from.blockSignals(True)
            self.date_to.blockSignals(True)
            self.date_from.setDate(_qdate(start))
            self.date_to.setDate(_qdate(end))
            self.date_from.blockSignals(False)
            self.date_to.blockSignals(False)
        self.changed.emit()

    # --- the filter ----------------------------------------------------------------------
    def dates(self) -> tuple[dt.date, dt.date]:
        start, end = self.date_from.date().toPython(), self.date_to.date().toPython()
        return (start, end) if start <= end else (end, start)

    def team_id(self) -> int | None:
        return self.team.currentData() if self.show_team else None

    def owner_id(self) -> int | None:
        return self.rep.currentData() if self.show_rep else None

    def report_filter(self):
        from services.pipeline_reports import ReportFilter
        start, end = self.dates()
        return ReportFilter(date_from=start, date_to=end, team_id=self.team_id(),
                            owner_id=self.owner_id())

    def period_text(self) -> str:
        start, end = self.dates()
        return f"{start.isoformat()} – {end.isoformat()}"


def ask_save_path(parent: QWidget, title: str, default_name: str, file_filter: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / default_name),
                                          file_filter)
    return Path(path) if path else None


def export_rows_in_background(jobs, path: Path, headers: Sequence[str],
                              rows: Sequence[Sequence], *, sheet_title: str,
                              on_done: Callable[[Path], None],
                              on_error: Callable[[BaseException], None]) -> None:
    """Write the rows a screen already shows to ``path`` (.xlsx) off the GUI thread."""
    from services.export import export_rows
    if path.suffix.lower() != ".xlsx":
        path = path.with_suffix(".xlsx")
    jobs.submit(export_rows, path, list(headers), [list(r) for r in rows],
                sheet_title=sheet_title, on_done=lambda _n: on_done(path), on_error=on_error)
