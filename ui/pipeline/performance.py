"""Rep performance for a chosen period: new customers, follow-ups, opportunities created,
won count and amount, win rate, average deal size and cycle, target attainment; sortable,
exportable to .xlsx."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from ui.errors import describe as error_text
from ui.pipeline.charts import money_text, pct_text
from ui.pipeline.report_filters import ReportFilterBar, ask_save_path
from ui.widgets.lifetime import OwnedRunner

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class _SortableItem(QTableWidgetItem):
    """Sorts by the number behind the text (amounts with separators, blanks last)."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        a, b = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if a is None or b is None:
            # not QTableWidgetItem.__lt__: PySide would dispatch it back to this method
            return self.text() < other.text()
        return a < b


def _cell(text: str, sort_value=None, numeric: bool = True) -> QTableWidgetItem:
    item = _SortableItem(text)
    if numeric:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setData(SORT_ROLE, float("-inf") if sort_value is None else float(sort_value))
    return item


class PerformanceWidget(QWidget):
    loaded = Signal()
    exported = Signal(str)

    def __init__(self, client, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.jobs = OwnedRunner(runner, self)
        self.rows: list = []
        self.filters = ReportFilterBar(client, self.jobs, default_period="this_month")
        self.refresh_button, self.xlsx_button = QPushButton(), QPushButton()
        bar = QHBoxLayout()
        bar.addWidget(self.filters, 1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.xlsx_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.table = QTableWidget(0, 11)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #57606a")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.filters.changed.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.xlsx_button.setText(self.tr("Export to Excel…"))
        self.table.setHorizontalHeaderLabels(self.headers()[:11])
        self.note.setText(self.tr(
            "New customers: created or claimed from the pool in the period. Win rate: won ÷ "
            "(won + lost) closed in the period. Cycle: days from creation to won."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def headers(self) -> list[str]:
        """Column titles of the table; the export has the same plus Lost and Target."""
        return [self.tr("Rep"), self.tr("New customers"), self.tr("Follow-ups"),
                self.tr("Opportunities created"), self.tr("Won"), self.tr("Won amount"),
                self.tr("Win rate"), self.tr("Average deal size"),
                self.tr("Average cycle (days)"), self.tr("Target"),
                self.tr("Target attainment")]

    def export_headers(self) -> list[str]:
        return [self.tr("Rep"), self.tr("New customers"), self.tr("Follow-ups"),
                self.tr("Opportunities created"), self.tr("Won"), self.tr("Won amount"),
                self.tr("Lost"), self.tr("Win rate %"), self.tr("Average deal size"),
                self.tr("Average cycle (days)"), self.tr("Target"),
                self.tr("Target attainment %")]

    def refresh(self) -> None:
        from services import pipeline_reports
        self.message.hide()
        self.jobs.submit(self.client.read, pipeline_reports.rep_performance,
                         self.filters.report_filter(), on_done=self.show_rows,
                         on_error=self._failed, key=f"performance-{id(self)}")

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(error_text(exc))
        self.message.setStyleSheet("color: #b00020")
        self.message.show()

    def show_rows(self, rows) -> None:
        self.rows = list(rows)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.rows))
        for r, p in enumerate(self.rows):
            target = getattr(p, "target", None)
            cells = [_cell(p.name, numeric=False),
                     _cell(str(p.new_customers), p.new_customers),
                     _cell(str(p.follow_ups), p.follow_ups),
                     _cell(str(p.opportunities_created), p.opportunities_created),
                     _cell(str(p.won_count), p.won_count),
                     _cell(money_text(p.won_amount), p.won_amount),
                     _cell(pct_text(p.win_rate_pct) if p.win_rate_pct is not None else "",
                           p.win_rate_pct),
                     _cell(money_text(p.avg_deal_size), p.avg_deal_size),
                     _cell("" if p.avg_cycle_days is None else f"{float(p.avg_cycle_days):.1f}",
                           p.avg_cycle_days),
                     _cell(money_text(target), target),
                     _cell(pct_text(p.target_attainment_pct)
                           if p.target_attainment_pct is not None else "",
                           p.target_attainment_pct)]
            cells[0].setData(Qt.ItemDataRole.UserRole, p.user_id)
            for col, item in enumerate(cells):
                self.table.setItem(r, col, item)
        self.table.setSortingEnabled(True)
        self.loaded.emit()

    def export_xlsx(self) -> None:
        path = ask_save_path(self, self.tr("Export rep performance"),
                             self.tr("performance.xlsx"), self.tr("Excel workbook (*.xlsx)"))
        if path is not None:
            self.export_xlsx_to(path)

    def export_xlsx_to(self, path: Path) -> None:
        from services import pipeline_reports
        path = Path(path)
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        self.jobs.submit(self.client.read, pipeline_reports.export_rep_performance,
                         self.filters.report_filter(), path, headers=self.export_headers(),
                         on_done=lambda _n: self.exported.emit(str(path)),
                         on_error=self._failed)
