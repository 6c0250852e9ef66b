"""The sales funnel: count and amount per stage drawn as a funnel, the conversion from each
stage to the next and the average days spent in it; filters for period, team and rep.
Clicking a stage (in the chart or the table beside it) lists that stage's opportunities
below; double-clicking one opens its customer. The chart exports as PNG, the numbers as .xlsx."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPen, QPolygonF
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGraphicsPolygonItem, QGroupBox,
                               QHBoxLayout,
                               QHeaderView, QLabel, QPushButton, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from services import opportunities as opportunity_service
from services.opportunities import OpportunityFilter
from ui.errors import describe as error_text
from ui.pipeline.charts import (chinese, make_plot, money_short, money_text, pct_text, pg, save_png,
                                stage_colour, text_item)
from ui.pipeline.report_filters import (ALL_PERIODS, ReportFilterBar, ask_save_path,
                                        export_rows_in_background)
from ui.widgets.formatting import date_text
from ui.widgets.lifetime import OwnedRunner

PAGE = 200


def stage_name(stage) -> str:
    return stage.name_zh if chinese() else stage.name_en


def _number_item(text: str, sort_value=None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if sort_value is not None:
        item.setData(Qt.ItemDataRole.UserRole + 1, sort_value)
    return item


class FunnelChart(QWidget):
    """The funnel drawing: one centred bar per stage (widest on top), its count and amount
    on it, the conversion to the next stage between them. ``stage_clicked(index)`` gives
    the index into the stages last shown."""

    stage_clicked = Signal(int)
    BAR_HEIGHT = 0.78
    HALF_WIDTH = 1.0

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot = make_plot(self)
        self.plot.setMinimumHeight(300)
        item = self.plot.getPlotItem()
        item.hideAxis("bottom")
        item.hideAxis("left")
        item.getViewBox().invertY(True)
        self.stages: list = []
        self.bars: pg.BarGraphItem | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.plot.scene().sigMouseClicked.connect(self._clicked)

    def show_funnel(self, stages, measure: str = "count", selected: int | None = None) -> None:
        """Draw ``stages`` (FunnelStage, lost stages already left out)."""
        self.stages = list(stages)
        item = self.plot.getPlotItem()
        item.clear()
        n = len(self.stages)
        values = [float(s.count if measure == "count" else s.amount) for s in self.stages]
        top = max(values, default=0) or 1.0
        # Even an empty stage keeps a sliver so the shape and its label stay readable.
        widths = [max(v / top, 0.06) * 2 * self.HALF_WIDTH for v in values]
        colours = [stage_colour(i, won=s.stage.is_won) for i, s in enumerate(self.stages)]
        pens = [pg.mkPen("#1f4e79" if i == selected else QColor(c).darker(120),
                         width=3 if i == selected else 1) for i, c in enumerate(colours)]
        half = self.BAR_HEIGHT / 2
        for i in range(n - 1):
            # the funnel's neck between two stages
            top, bottom = widths[i] / 2, widths[i + 1] / 2
            neck = QGraphicsPolygonItem(QPolygonF([
                QPointF(-top, i + half), QPointF(top, i + half),
                QPointF(bottom, i + 1 - half), QPointF(-bottom, i + 1 - half)]))
            neck.setBrush(QColor(200, 215, 230, 110))
            pen = QPen(Qt.PenStyle.NoPen)
            neck.setPen(pen)
            item.addItem(neck)
        if n:
            self.bars = pg.BarGraphItem(x=[0.0] * n, y=list(range(n)), width=widths,
                                        height=self.BAR_HEIGHT, brushes=colours, pens=pens)
            item.addItem(self.bars)
        for i, s in enumerate(self.stages):
            label = (self.tr("%1 · %2").replace("%1", str(s.count))
                     .replace("%2", "¥" + money_short(s.amount)))
            wide = widths[i] > 0.55
            text = text_item(label, colour="#ffffff" if wide and i >= 2 else "#1b1f24",
                             bold=True, anchor=(0.5, 0.5) if wide else (0.0, 0.5))
            text.setPos(0.0 if wide else widths[i] / 2 + 0.04, i)
            item.addItem(text)
            days = s.avg_days_in_stage
            if days is not None and not s.stage.is_won:
                aside = text_item(self.tr("avg %1 d").replace("%1", f"{float(days):.1f}"),
                                  colour="#57606a", anchor=(1.0, 0.5))
                aside.setPos(self.HALF_WIDTH + 0.55, i)
                item.addItem(aside)
            if i + 1 < n:
                arrow = text_item(self.tr("↓ %1").replace(
                    "%1", pct_text(s.conversion_to_next_pct)), colour="#8a4b00",
                    anchor=(0.0, 0.5), point_size=8.5)
                arrow.setPos(self.HALF_WIDTH * 0.05 + max(widths[i], widths[i + 1]) / 2, i + 0.5)
                item.addItem(arrow)
            name = text_item(stage_name(s.stage), colour="#24292f", anchor=(1.0, 0.5),
                             bold=i == selected)
            name.setPos(-self.HALF_WIDTH - 0.08, i)
            item.addItem(name)
        item.setXRange(-self.HALF_WIDTH - 0.75, self.HALF_WIDTH + 0.6, padding=0)
        item.setYRange(-0.6, max(n - 0.4, 0.6), padding=0)

    def stage_at(self, scene_pos: QPointF) -> int | None:
        """The stage drawn at a scene point (anywhere in its row), or None."""
        vb = self.plot.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        p = vb.mapSceneToView(scene_pos)
        index = round(p.y())
        if 0 <= index < len(self.stages) and abs(p.y() - index) <= 0.5:
            return index
        return None

    def scene_point_of(self, index: int) -> QPointF:
        """Where stage ``index`` is drawn (its centre), in scene coordinates."""
        vb = self.plot.getPlotItem().getViewBox()
        return vb.mapViewToScene(QPointF(0.0, float(index)))

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = self.stage_at(event.scenePos())
        if index is not None:
            self.stage_clicked.emit(index)


class FunnelWidget(QWidget):
    """``open_customer(id)`` asks the main window for a customer's 360° view."""

    open_customer = Signal(int)
    loaded = Signal()                # the funnel numbers are shown
    stage_listed = Signal(int)       # the opportunities of a stage (its id) are listed
    exported = Signal(str)           # path of a written PNG or .xlsx

    def __init__(self, client, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.runner = client, runner
        self.jobs = OwnedRunner(runner, self)
        self.funnel = None               # the last Funnel shown
        self.shown_stages: list = []     # stages in the chart (lost left out)
        self.selected_stage = None       # FunnelStage whose opportunities are listed
        self.opportunities: list = []
        self._next_key = None

        self.filters = ReportFilterBar(client, self.jobs, default_period="this_quarter",
                                       periods=ALL_PERIODS)
        self.measure_label, self.measure = QLabel(), QComboBox()
        self.measure.addItem("", "count")
        self.measure.addItem("", "amount")
        self.measure_label.setBuddy(self.measure)
        self.refresh_button = QPushButton()
        self.png_button = QPushButton()
        self.xlsx_button = QPushButton()
        bar = QHBoxLayout()
        bar.addWidget(self.filters, 1)
        for w in (self.measure_label, self.measure, self.refresh_button, self.png_button,
                  self.xlsx_button):
            bar.addWidget(w)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()

        self.chart = FunnelChart()
        self.totals = QLabel()
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.totals)
        chart_layout.addWidget(self.chart, 1)
        self.table = QTableWidget(0, 5)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(chart_box)
        upper.addWidget(self.table)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        upper.setSizes([700, 460])
        upper.setChildrenCollapsible(False)

        self.list_box = QGroupBox()
        self.list_hint = QLabel()
        self.list_hint.setStyleSheet("color: #57606a")
        self.opp_table = QTableWidget(0, 7)
        self.opp_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.opp_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.opp_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.opp_table.verticalHeader().hide()
        self.opp_table.setAlternatingRowColors(True)
        self.opp_table.setWordWrap(False)
        header = self.opp_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in enumerate((90, 260, 220, 120, 110, 90, 80)):
            self.opp_table.setColumnWidth(col, width)
        self.more_button = QPushButton()
        self.more_button.hide()
        more_row = QHBoxLayout()
        more_row.addWidget(self.list_hint, 1)
        more_row.addWidget(self.more_button)
        list_layout = QVBoxLayout(self.list_box)
        list_layout.addWidget(self.opp_table)
        list_layout.addLayout(more_row)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(self.list_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

        self.filters.changed.connect(self.refresh)
        self.measure.currentIndexChanged.connect(lambda _i: self._draw())
        self.refresh_button.clicked.connect(self.refresh)
        self.png_button.clicked.connect(self.export_png)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.chart.stage_clicked.connect(self.show_stage)
        self.table.cellClicked.connect(lambda row, _col: self._table_clicked(row))
        self.opp_table.cellDoubleClicked.connect(lambda row, _col: self._open_row(row))
        self.opp_table.activated.connect(lambda index: self._open_row(index.row()))
        self.more_button.clicked.connect(self._load_more)
        self.retranslate()
        self.refresh()

    # --- texts ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.measure_label.setText(self.tr("&Width by:"))
        self.measure.setItemText(0, self.tr("Count"))
        self.measure.setItemText(1, self.tr("Amount"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.png_button.setText(self.tr("Save chart as PNG…"))
        self.xlsx_button.setText(self.tr("Export to Excel…"))
        self.table.setHorizontalHeaderLabels(self.stage_headers())
        self.opp_table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Customer"), self.tr("Opportunity"), self.tr("Amount"),
             self.tr("Expected close"), self.tr("Owner"), self.tr("Probability")])
        self.more_button.setText(self.tr("Show more"))
        self._title_list()
        if self.funnel is not None:
            self._draw()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def stage_headers(self) -> list[str]:
        return [self.tr("Stage"), self.tr("Count"), self.tr("Amount"),
                self.tr("Conversion to next"), self.tr("Avg days in stage")]

    # --- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        from services import pipeline_reports
        self.message.hide()
        self.jobs.submit(self.client.read, pipeline_reports.funnel, self.filters.report_filter(),
                         on_done=self.show_funnel, on_error=self._failed,
                         key=f"funnel-{id(self)}")

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(self.tr("The funnel could not be loaded: %1").replace(
            "%1", error_text(exc)))
        self.message.setStyleSheet("color: #b00020")
        self.message.show()

    def show_funnel(self, funnel) -> None:
        self.funnel = funnel
        self.shown_stages = [s for s in funnel.stages if not s.stage.is_lost]
        self.totals.setText(self.tr("<b>%1</b> opportunities worth <b>%2</b> expected to close "
                                    "%3").replace("%1", str(funnel.total_count))
                            .replace("%2", money_text(funnel.total_amount, 0))
                            .replace("%3", self.filters.period_text()))
        self._draw()
        self._fill_table()
        if self.selected_stage is not None:
            # keep listing the same stage under the new filter
            same = [i for i, s in enumerate(self.shown_stages)
                    if s.stage.id == self.selected_stage.stage.id]
            if same:
                self.show_stage(same[0])
        self.loaded.emit()

    def _selected_index(self) -> int | None:
        if self.selected_stage is None:
            return None
        for i, s in enumerate(self.shown_stages):
            if s.stage.id == self.selected_stage.stage.id:
                return i
        return None

    def _draw(self) -> None:
        if self.funnel is None:
            return
        self.chart.show_funnel(self.shown_stages, self.measure.currentData(),
                               self._selected_index())

    def _fill_table(self) -> None:
        stages = list(self.funnel.stages)
        self.table.setRowCount(len(stages))
        for row, s in enumerate(stages):
            name = QTableWidgetItem(stage_name(s.stage))
            name.setData(Qt.ItemDataRole.UserRole, s.stage.id)
            if s.stage.is_lost:
                name.setForeground(Qt.GlobalColor.gray)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, _number_item(str(s.count)))
            self.table.setItem(row, 2, _number_item(money_text(s.amount)))
            self.table.setItem(row, 3, _number_item(
                "" if s.stage.is_won or s.stage.is_lost else pct_text(s.conversion_to_next_pct)))
            days = s.avg_days_in_stage
            self.table.setItem(row, 4, _number_item("" if days is None else f"{float(days):.1f}"))

    # --- a stage's opportunities ---------------------------------------------------------
    def _table_clicked(self, row: int) -> None:
        if self.funnel is None or not 0 <= row < len(self.funnel.stages):
            return
        stage = self.funnel.stages[row]
        self._list(stage)

    def show_stage(self, index: int) -> None:
        """List the opportunities of the ``index``-th stage of the chart."""
        if 0 <= index < len(self.shown_stages):
            self._list(self.shown_stages[index])

    def opportunity_filter(self, stage_id: int) -> OpportunityFilter:
        """Exactly the opportunities the funnel counts in that stage (the report service
        knows how its cohort maps onto an OpportunityFilter)."""
        from services.pipeline_reports import stage_opportunity_filter
        return stage_opportunity_filter(self.filters.report_filter(), stage_id)

    def _list(self, stage) -> None:
        self.selected_stage = stage
        self.opportunities = []
        self._next_key = None
        self.opp_table.setRowCount(0)
        self._title_list()
        self._draw()
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == stage.stage.id:
                self.table.blockSignals(True)
                self.table.selectRow(row)
                self.table.blockSignals(False)
        self._fetch(None)

    def _fetch(self, after) -> None:
        stage_id = self.selected_stage.stage.id
        self.jobs.submit(self.client.read, opportunity_service.list_opportunities,
                         self.opportunity_filter(stage_id), after=after, limit=PAGE,
                         on_done=lambda page: self._show_page(stage_id, page),
                         on_error=self._failed, key=f"funnel-list-{id(self)}")

    def _load_more(self) -> None:
        if self._next_key is not None and self.selected_stage is not None:
            self._fetch(self._next_key)

    def _show_page(self, stage_id: int, page) -> None:
        if self.selected_stage is None or self.selected_stage.stage.id != stage_id:
            return
        start = len(self.opportunities)
        self.opportunities.extend(page.rows)
        self._next_key = page.next_key
        self.opp_table.setRowCount(len(self.opportunities))
        for row, o in enumerate(self.opportunities[start:], start=start):
            cells = (QTableWidgetItem(o.customer_code), QTableWidgetItem(o.customer_name),
                     QTableWidgetItem(o.title), _number_item(money_text(o.amount)),
                     QTableWidgetItem(date_text(o.expected_close_on)),
                     QTableWidgetItem(o.owner_name or ""), _number_item(f"{o.probability}%"))
            for col, item in enumerate(cells):
                item.setData(Qt.ItemDataRole.UserRole, o.customer_id)
                self.opp_table.setItem(row, col, item)
        self.more_button.setVisible(self._next_key is not None)
        self._title_list()
        self.stage_listed.emit(stage_id)

    def _title_list(self) -> None:
        if self.selected_stage is None:
            self.list_box.setTitle(self.tr("Opportunities"))
            self.list_hint.setText(self.tr("Click a stage in the funnel to list its "
                                           "opportunities; double-click one to open the "
                                           "customer."))
            return
        self.list_box.setTitle(self.tr("Opportunities in %1").replace(
            "%1", stage_name(self.selected_stage.stage)))
        shown = len(self.opportunities)
        self.list_hint.setText(
            self.tr("%1 shown, now in this stage; double-click to open the customer.")
            .replace("%1", str(shown)))

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.opportunities):
            self.open_customer.emit(self.opportunities[row].customer_id)

    # --- export --------------------------------------------------------------------------
    def export_png(self) -> None:
        path = ask_save_path(self, self.tr("Save the funnel chart"), self.tr("funnel.png"),
                             self.tr("PNG image (*.png)"))
        if path is not None:
            self.export_png_to(path)

    def export_png_to(self, path: Path) -> Path:
        try:
            written = save_png(self.chart, path)
        except OSError as exc:
            self._failed(exc)
            raise
        self.exported.emit(str(written))
        return written

    def export_xlsx(self) -> None:
        path = ask_save_path(self, self.tr("Export the funnel"), self.tr("funnel.xlsx"),
                             self.tr("Excel workbook (*.xlsx)"))
        if path is not None:
            self.export_xlsx_to(path)

    def export_rows(self) -> list[list]:
        rows = []
        for s in (self.funnel.stages if self.funnel is not None else ()):
            closed = s.stage.is_won or s.stage.is_lost
            rows.append([stage_name(s.stage), s.count, s.amount, s.reached,
                         None if closed or s.conversion_to_next_pct is None
                         else float(s.conversion_to_next_pct),
                         None if s.avg_days_in_stage is None else float(s.avg_days_in_stage)])
        return rows

    def export_xlsx_to(self, path: Path) -> None:
        headers = [self.tr("Stage"), self.tr("Count"), self.tr("Amount"), self.tr("Reached"),
                   self.tr("Conversion to next (%)"), self.tr("Avg days in stage")]
        export_rows_in_background(self.jobs, Path(path), headers, self.export_rows(),
                                  sheet_title=self.tr("Funnel"),
                                  on_done=lambda p: self.exported.emit(str(p)),
                                  on_error=self._failed)
