"""Sales targets: a manager types the target of each rep and team for a month, quarter or
year (each edited cell is saved at once); beside it the ranking by attainment, and below
the 12-month trend of the rep or team chosen in either table."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QPushButton, QSpinBox, QSplitter,
                               QStyledItemDelegate, QStyleOptionProgressBar, QApplication,
                               QStyle, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ui.errors import describe as error_text
from ui.pipeline.charts import (SERIES_COLOURS, MoneyAxis, add_legend, grouped_bars,
                                make_plot, money_text, pct_text, save_png,
                                text_item)
from ui.pipeline.forecast import month_text
from ui.pipeline.report_filters import ask_save_path, sales_staff
from ui.widgets.lifetime import OwnedRunner

EDITORS = ("sales_manager", "admin")
KEY_ROLE = Qt.ItemDataRole.UserRole          # ('rep' | 'team', id)
PCT_ROLE = Qt.ItemDataRole.UserRole + 1
_AMOUNT = re.compile(r"^\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万|w|W|k|K|m|M)?\s*$")
_SCALE = {None: 1, "万": 10_000, "w": 10_000, "W": 10_000, "k": 1_000, "K": 1_000,
          "m": 1_000_000, "M": 1_000_000}


def parse_amount(text: str) -> Decimal | None:
    """A typed target: '120000', '120,000.50', '12万', '120k', '1.2M'; '' means 0.
    None when it is not an amount."""
    if not text.strip():
        return Decimal("0")
    m = _AMOUNT.match(text)
    if m is None:
        return None
    try:
        value = Decimal(m.group(1).replace(",", "")) * _SCALE[m.group(2)]
    except InvalidOperation:
        return None
    return value.quantize(Decimal("0.01"))


def period_start_of(period: str, year: int, sub: int) -> dt.date:
    """First day of the month (sub 1–12), the quarter (sub 1–4) or the year."""
    if period == "month":
        return dt.date(year, sub, 1)
    if period == "quarter":
        return dt.date(year, (sub - 1) * 3 + 1, 1)
    return dt.date(year, 1, 1)


class AttainmentBarDelegate(QStyledItemDelegate):
    """Draws the attainment percent as a progress bar with the number on it."""

    def paint(self, painter, option, index) -> None:
        pct = index.data(PCT_ROLE)
        if pct is None:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(3, 4, -3, -4)
        bar.minimum, bar.maximum = 0, 100
        bar.progress = max(0, min(100, int(round(float(pct)))))
        bar.text = pct_text(pct)
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = option.state | QStyle.StateFlag.State_Enabled
        if float(pct) >= 100:
            bar.palette.setColor(bar.palette.ColorRole.Highlight, QColor("#2e9d5b"))
        (option.widget.style() if option.widget else QApplication.style()).drawControl(
            QStyle.ControlElement.CE_ProgressBar, bar, painter)


class TargetsWidget(QWidget):
    loaded = Signal()                 # targets and ranking shown
    target_saved = Signal(object)     # TargetInfo
    trend_loaded = Signal()
    exported = Signal(str)

    def __init__(self, client, runner, parent: QWidget | None = None, *,
                 today: dt.date | None = None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.jobs = OwnedRunner(runner, self)
        self.today = today or dt.date.today()
        self.can_edit = client.actor.role in EDITORS
        self.staff: list = []
        self.targets: dict[tuple[str, int], Decimal] = {}
        self.ranking: list = []
        self.trend: list = []
        self.trend_key: tuple[str, int] | None = None
        self._filling = False

        self.period_label, self.period = QLabel(), QComboBox()
        for p in ("month", "quarter", "year"):
            self.period.addItem("", p)
        self.period_label.setBuddy(self.period)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self.today.year)
        self.sub = QComboBox()
        self.refresh_button = QPushButton()
        self.png_button = QPushButton()
        bar = QHBoxLayout()
        for w in (self.period_label, self.period, self.year, self.sub):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.png_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()

        self.editor_box = QGroupBox()
        self.editor = QTableWidget(0, 3)
        self.editor.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.editor.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.editor.verticalHeader().hide()
        self.editor.setAlternatingRowColors(True)
        self.editor.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                    | QAbstractItemView.EditTrigger.EditKeyPressed
                                    | QAbstractItemView.EditTrigger.AnyKeyPressed)
        eh = self.editor.horizontalHeader()
        eh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        eh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.editor_hint = QLabel()
        self.editor_hint.setWordWrap(True)
        self.editor_hint.setStyleSheet("color: #57606a")
        editor_layout = QVBoxLayout(self.editor_box)
        editor_layout.addWidget(self.editor)
        editor_layout.addWidget(self.editor_hint)

        self.ranking_box = QGroupBox()
        self.ranking_table = QTableWidget(0, 5)
        self.ranking_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ranking_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ranking_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ranking_table.verticalHeader().hide()
        self.ranking_table.setAlternatingRowColors(True)
        rh = self.ranking_table.horizontalHeader()
        rh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        rh.setSectionResizeMode(4, QHeaderView.ResizeMode.Fixed)
        self.ranking_table.setColumnWidth(4, 150)
        self.ranking_table.setItemDelegateForColumn(4, AttainmentBarDelegate(self))
        QVBoxLayout(self.ranking_box).addWidget(self.ranking_table)

        self.trend_box = QGroupBox()
        self.chart = make_plot(left_axis=MoneyAxis("left"))
        add_legend(self.chart)
        QVBoxLayout(self.trend_box).addWidget(self.chart)

        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(self.editor_box)
        upper.addWidget(self.ranking_box)
        upper.setStretchFactor(0, 1)
        upper.setStretchFactor(1, 1)
        upper.setChildrenCollapsible(False)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(self.trend_box)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([380, 320])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

        self.period.currentIndexChanged.connect(self._period_kind_changed)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.sub.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.png_button.clicked.connect(self.export_png)
        self.editor.itemChanged.connect(self._edited)
        self.editor.currentCellChanged.connect(
            lambda row, _c, _pr, _pc: self._trend_for(self._key_at(self.editor, row)))
        self.ranking_table.currentCellChanged.connect(
            lambda row, _c, _pr, _pc: self._trend_for(self._key_at(self.ranking_table, row)))
        self._fill_sub()
        self.retranslate()
        self.jobs.submit(client.read, sales_staff, on_done=self._staff_loaded,
                         on_error=self._failed, key=f"targets-staff-{id(self)}")

    # --- texts ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.period_label.setText(self.tr("&Target for:"))
        for i, text in enumerate((self.tr("Month"), self.tr("Quarter"), self.tr("Year"))):
            self.period.setItemText(i, text)
        self._sub_texts()
        self.refresh_button.setText(self.tr("Refresh"))
        self.png_button.setText(self.tr("Save trend as PNG…"))
        self.editor_box.setTitle(self.tr("Targets"))
        self.editor.setHorizontalHeaderLabels([self.tr("Rep or team"), self.tr("Team"),
                                               self.tr("Target")])
        self.editor_hint.setText(
            self.tr("Type a target and press Enter; it is saved at once. 12万, 120k and "
                    "120,000 all mean 120,000.") if self.can_edit
            else self.tr("Targets are set by your sales manager."))
        self.ranking_box.setTitle(self.tr("Ranking by attainment"))
        self.ranking_table.setHorizontalHeaderLabels(
            [self.tr("Rank"), self.tr("Name"), self.tr("Target"), self.tr("Achieved"),
             self.tr("Attainment")])
        self._trend_title()
        if self.staff:
            self._fill_editor()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _sub_texts(self) -> None:
        period = self.period.currentData()
        for i in range(self.sub.count()):
            n = self.sub.itemData(i)
            self.sub.setItemText(i, self.tr("Q%1").replace("%1", str(n)) if period == "quarter"
                                 else self.locale().monthName(n))

    def _fill_sub(self) -> None:
        period = self.period.currentData()
        self.sub.blockSignals(True)
        self.sub.clear()
        if period == "month":
            for m in range(1, 13):
                self.sub.addItem("", m)
            self.sub.setCurrentIndex(self.today.month - 1)
        elif period == "quarter":
            for q in range(1, 5):
                self.sub.addItem("", q)
            self.sub.setCurrentIndex((self.today.month - 1) // 3)
        self.sub.setVisible(period != "year")
        self._sub_texts()
        self.sub.blockSignals(False)

    def _period_kind_changed(self, _index: int) -> None:
        self._fill_sub()
        self.refresh()

    # --- the period ----------------------------------------------------------------------
    def period_kind(self) -> str:
        return self.period.currentData()

    def period_start(self) -> dt.date:
        return period_start_of(self.period_kind(), self.year.value(), self.sub.currentData() or 1)

    def set_period(self, period: str, start: dt.date) -> None:
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData(period))
        self.period.blockSignals(False)
        self._fill_sub()
        self.year.blockSignals(True)
        self.year.setValue(start.year)
        self.year.blockSignals(False)
        if period == "month":
            self.sub.setCurrentIndex(start.month - 1)
        elif period == "quarter":
            self.sub.setCurrentIndex((start.month - 1) // 3)
        self.refresh()

    # --- loading -------------------------------------------------------------------------
    def _staff_loaded(self, staff) -> None:
        self.staff = staff
        self.refresh()

    def refresh(self) -> None:
        from services import targets as target_service
        self.message.hide()
        period, start = self.period_kind(), self.period_start()

        def load(session, actor):
            return (target_service.list_targets(session, actor, period=period,
                                                period_start=start),
                    target_service.attainment(session, actor, period=period,
                                              period_start=start))
        self.jobs.submit(self.client.read, load,
                         on_done=lambda result: self._show(period, start, *result),
                         on_error=self._failed, key=f"targets-{id(self)}")

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(error_text(exc))
        self.message.setStyleSheet("color: #b00020")
        self.message.show()

    def _show(self, period, start, targets, ranking) -> None:
        if (period, start) != (self.period_kind(), self.period_start()):
            return
        self.targets = {}
        for t in targets:
            key = ("rep", t.user_id) if t.user_id is not None else ("team", t.team_id)
            self.targets[key] = t.amount
        self.ranking = list(ranking)
        self._fill_editor()
        self._fill_ranking()
        if self.trend_key is None:
            self._trend_for(self._default_trend_key())
        self.loaded.emit()

    def _default_trend_key(self):
        actor = self.client.actor
        if actor.role == "sales":
            return ("rep", actor.user_id)
        if actor.role == "sales_manager" and actor.team_id is not None:
            return ("team", actor.team_id)
        if self.ranking:
            return (self.ranking[0].kind, self.ranking[0].id)
        return None

    def editor_rows(self) -> list[tuple[str, int, str, str]]:
        """(kind, id, name, team name) for every row of the editor: each team, then its
        people."""
        teams: dict[int, str] = {}
        for u in self.staff:
            if u.team_id is not None:
                teams[u.team_id] = u.team_name or ""
        rows = []
        for team_id, team_name in sorted(teams.items(), key=lambda kv: kv[1]):
            rows.append(("team", team_id, team_name, team_name))
            for u in sorted((u for u in self.staff if u.team_id == team_id),
                            key=lambda u: u.display_name):
                rows.append(("rep", u.id, u.display_name, team_name))
        for u in sorted((u for u in self.staff if u.team_id is None),
                        key=lambda u: u.display_name):
            rows.append(("rep", u.id, u.display_name, ""))
        return rows

    def _fill_editor(self) -> None:
        self._filling = True
        rows = self.editor_rows()
        self.editor.setRowCount(len(rows))
        bold = self.editor.font()
        bold.setBold(True)
        for r, (kind, ident, name, team_name) in enumerate(rows):
            label = (self.tr("%1 (team)").replace("%1", name) if kind == "team"
                     else "    " + name)
            name_item = QTableWidgetItem(label)
            team_item = QTableWidgetItem(team_name)
            amount = self.targets.get((kind, ident))
            value_item = QTableWidgetItem("" if amount is None else money_text(amount))
            value_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for item in (name_item, team_item, value_item):
                item.setData(KEY_ROLE, (kind, ident))
                if kind == "team":
                    item.setFont(bold)
            for item in (name_item, team_item):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if not self.can_edit:
                value_item.setFlags(value_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.editor.setItem(r, 0, name_item)
            self.editor.setItem(r, 1, team_item)
            self.editor.setItem(r, 2, value_item)
        self._filling = False

    def _fill_ranking(self) -> None:
        self.ranking_table.setRowCount(len(self.ranking))
        for r, a in enumerate(self.ranking):
            name = a.name if a.kind == "rep" else self.tr("%1 (team)").replace("%1", a.name)
            cells = [QTableWidgetItem(str(a.rank) if a.rank is not None else ""),
                     QTableWidgetItem(name), QTableWidgetItem(money_text(a.target)),
                     QTableWidgetItem(money_text(a.achieved)), QTableWidgetItem("")]
            for col in (0, 2, 3):
                cells[col].setTextAlignment(Qt.AlignmentFlag.AlignRight
                                            | Qt.AlignmentFlag.AlignVCenter)
            cells[4].setData(PCT_ROLE, None if a.pct is None else float(a.pct))
            cells[4].setData(Qt.ItemDataRole.ToolTipRole, pct_text(a.pct))
            for item in cells:
                item.setData(KEY_ROLE, (a.kind, a.id))
            if a.kind == "team":
                for item in cells:
                    item.setBackground(QBrush(QColor("#f3f6f9")))
            for col, item in enumerate(cells):
                self.ranking_table.setItem(r, col, item)

    # --- editing -------------------------------------------------------------------------
    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 2:
            return
        kind, ident = item.data(KEY_ROLE)
        amount = parse_amount(item.text())
        if amount is None:
            item.setBackground(QBrush(QColor("#fdecea")))
            item.setToolTip(self.tr("Type an amount such as 120000, 120,000 or 12万."))
            self.message.setText(self.tr("“%1” is not an amount.").replace("%1", item.text()))
            self.message.setStyleSheet("color: #b00020")
            self.message.show()
            return
        self.save_target(kind, ident, amount)

    def save_target(self, kind: str, ident: int, amount: Decimal) -> None:
        """Save one target for the period shown (one transaction)."""
        from services import targets as target_service
        self.message.hide()
        period, start = self.period_kind(), self.period_start()
        who = {"user_id": ident} if kind == "rep" else {"team_id": ident}
        self._mark(kind, ident, pending=True)
        self.jobs.submit(self.client.write, target_service.set_target, period=period,
                         period_start=start, amount=amount, **who,
                         on_done=lambda info: self._saved(kind, ident, info),
                         on_error=lambda exc: self._save_failed(kind, ident, exc))

    def _row_of(self, key) -> int | None:
        for r in range(self.editor.rowCount()):
            if self.editor.item(r, 2).data(KEY_ROLE) == key:
                return r
        return None

    def _mark(self, kind, ident, *, pending: bool = False, error: str | None = None) -> None:
        row = self._row_of((kind, ident))
        if row is None:
            return
        item = self.editor.item(row, 2)
        self._filling = True
        font = item.font()
        font.setItalic(pending)
        item.setFont(font)
        item.setBackground(QBrush(QColor("#fdecea")) if error else QBrush())
        item.setToolTip(error or "")
        self._filling = False

    def _saved(self, kind, ident, info) -> None:
        self.targets[(kind, ident)] = info.amount
        row = self._row_of((kind, ident))
        if row is not None:
            self._filling = True
            self.editor.item(row, 2).setText(money_text(info.amount))
            self._filling = False
        self._mark(kind, ident)
        self.target_saved.emit(info)
        self.refresh()
        if self.trend_key == (kind, ident):
            self._load_trend(self.trend_key)

    def _save_failed(self, kind, ident, exc) -> None:
        text = error_text(exc)
        self._mark(kind, ident, error=text)
        self._failed(exc)

    # --- trend ---------------------------------------------------------------------------
    @staticmethod
    def _key_at(table: QTableWidget, row: int):
        item = table.item(row, 0) if row >= 0 else None
        return item.data(KEY_ROLE) if item is not None else None

    def _trend_for(self, key) -> None:
        if key is None or key == self.trend_key:
            return
        self.trend_key = tuple(key)
        self._load_trend(self.trend_key)

    def _load_trend(self, key) -> None:
        from services import targets as target_service
        kind, ident = key
        who = {"user_id": ident} if kind == "rep" else {"team_id": ident}
        self._trend_title()
        self.jobs.submit(self.client.read, target_service.attainment_trend, months=12,
                         today=self.today, **who,
                         on_done=lambda points: self._show_trend(key, points),
                         on_error=self._failed, key=f"targets-trend-{id(self)}")

    def _name_of(self, key) -> str:
        kind, ident = key
        for k, i, name, _team in self.editor_rows():
            if (k, i) == (kind, ident):
                return self.tr("%1 (team)").replace("%1", name) if kind == "team" else name
        for a in self.ranking:
            if (a.kind, a.id) == (kind, ident):
                return a.name
        return ""

    def _trend_title(self) -> None:
        if self.trend_key is None:
            self.trend_box.setTitle(self.tr("Attainment over 12 months"))
        else:
            self.trend_box.setTitle(self.tr("Attainment over 12 months: %1").replace(
                "%1", self._name_of(self.trend_key)))

    def _show_trend(self, key, points) -> None:
        if key != self.trend_key:
            return
        self.trend = list(points)
        self._trend_title()
        months = [month_text(p.month) for p in self.trend]
        grouped_bars(self.chart, months, [
            (self.tr("Target"), [float(p.target or 0) for p in self.trend],
             SERIES_COLOURS["target"]),
            (self.tr("Achieved"), [float(p.achieved or 0) for p in self.trend],
             SERIES_COLOURS["achieved"])])
        item = self.chart.getPlotItem()
        top = max([float(p.target or 0) for p in self.trend]
                  + [float(p.achieved or 0) for p in self.trend] + [0])
        for i, p in enumerate(self.trend):
            if p.pct is None:
                continue
            height = max(float(p.target or 0), float(p.achieved or 0))
            label = text_item(pct_text(p.pct), colour="#2e9d5b" if float(p.pct) >= 100
                              else "#57606a", anchor=(0.5, 1.0), point_size=8)
            label.setPos(i, height + top * 0.01)
            item.addItem(label)
        self.trend_loaded.emit()

    # --- export --------------------------------------------------------------------------
    def export_png(self) -> None:
        path = ask_save_path(self, self.tr("Save the trend chart"), self.tr("targets.png"),
                             self.tr("PNG image (*.png)"))
        if path is not None:
            self.exported.emit(str(save_png(self.trend_box, path)))

