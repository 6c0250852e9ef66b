"""Forecast, targets and rep performance screens on a real SQLite database: numbers as
hand-computed from the seeded opportunities, a target typed into the table is saved, the
ranking and trend follow, and the exports write workbooks read back with openpyxl."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLineEdit

from app.client import Client
from services import targets as target_service
from tests.helpers.org import make_staff
from tests.ui.pipeline_data import seed_pipeline, seed_targets
from ui.pipeline.charts import money_text
from ui.pipeline.forecast import ForecastWidget
from ui.pipeline.performance import PerformanceWidget
from ui.pipeline.targets import TargetsWidget, parse_amount


@pytest.fixture
def world(sqlite_db):
    staff = make_staff(sqlite_db)
    today = dt.date.today()
    return staff, today, seed_pipeline(sqlite_db, staff, today=today)


def _shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_forecast_totals_match_the_opportunities_and_export(qtbot, runner, sqlite_db, world,
                                                            tmp_path):
    staff, today, seeded = world
    start, end = today - dt.timedelta(days=10), today + dt.timedelta(days=300)
    widget = _shown(qtbot, ForecastWidget(Client(sqlite_db, staff.admin), runner))
    qtbot.waitUntil(lambda: bool(widget.rows), timeout=20000)
    widget.group_by.setCurrentIndex(widget.group_by.findData("rep"))
    with qtbot.waitSignal(widget.loaded, timeout=20000):
        widget.filters.set_period("custom", start, end)

    open_ = [o for o in seeded.opportunities if o.state == "open"
             and start <= o.expected_close_on <= end]
    won = [o for o in seeded.opportunities if o.state == "won"]
    weighted = sum(o.amount * o.probability / 100 for o in open_)
    won_amount = sum(o.amount for o in won)
    last = widget.table.rowCount() - 1
    assert widget.table.item(last, 0).text() == "Total"
    headers = [widget.table.horizontalHeaderItem(c).text() for c in range(7)]
    assert headers == ["Month", "Rep", "Pipeline", "Weighted", "Best case", "Commit", "Won"]
    assert widget.table.item(last, 2).text() == money_text(sum(o.amount for o in open_))
    assert widget.table.item(last, 3).text() == money_text(weighted)
    assert widget.table.item(last, 6).text() == money_text(won_amount)
    assert widget.table.item(last, 4).text() == money_text(
        won_amount + sum(o.amount for o in open_))
    # one bar series per figure, one bar per month
    bars = [i for i in widget.chart.getPlotItem().items if hasattr(i, "opts")
            and i.opts.get("name")]
    assert [b.opts["name"] for b in bars] == ["Weighted", "Best case", "Commit", "Won"]
    assert len(bars[0].opts["x"]) == len(widget.monthly_totals())

    target = tmp_path / "forecast.xlsx"
    with qtbot.waitSignal(widget.exported, timeout=20000):
        widget.export_xlsx_to(target)
    rows = list(load_workbook(target, read_only=True).active.iter_rows(values_only=True))
    assert rows[0] == tuple(headers)
    assert len(rows) - 1 == len(widget.rows)
    assert sum(Decimal(str(r[3])) for r in rows[1:]) == weighted.quantize(Decimal("0.01"))
    assert {r[1] for r in rows[1:]} <= {"张伟", "李娜", "Tom Lee"}


def test_a_typed_target_is_saved_and_ranked(qtbot, runner, sqlite_db, world):
    staff, today, _seeded = world
    month = today.replace(day=1)
    widget = _shown(qtbot, TargetsWidget(Client(sqlite_db, staff.manager), runner, today=today))
    qtbot.waitUntil(lambda: widget.editor.rowCount() > 0 and bool(widget.ranking), timeout=20000)
    assert (widget.period_kind(), widget.period_start()) == ("month", month)
    names = [widget.editor.item(r, 0).text().strip() for r in range(widget.editor.rowCount())]
    assert names == ["East (team)", "张伟", "李娜", "王经理"]          # the manager's team only

    # Type 120k into 李娜's target and press Enter: saved at once, in one transaction.
    # (QTest cannot type CJK characters; parse_amount's own test covers 12万.)
    row = names.index("李娜")
    widget.editor.setCurrentCell(row, 2)
    widget.editor.editItem(widget.editor.item(row, 2))
    editor = widget.editor.viewport().findChild(QLineEdit)
    assert editor is not None
    with qtbot.waitSignal(widget.target_saved, timeout=20000) as saved:
        qtbot.keyClicks(editor, "120k")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert saved.args[0].amount == Decimal("120000.00")
    stored = sqlite_db.read(lambda s: target_service.list_targets(
        s, staff.admin, period="month", period_start=month))
    assert [(t.name, t.amount) for t in stored] == [("李娜", Decimal("120000.00"))]
    qtbot.waitUntil(lambda: any(a.name == "李娜" and a.target == Decimal("120000.00")
                                for a in widget.ranking), timeout=20000)
    assert widget.editor.item(row, 2).text() == "120,000.00"
    ranked = {a.name: a for a in widget.ranking if a.kind == "rep"}
    assert ranked["李娜"].rank == 1 and ranked["张伟"].rank is None

    # Not an amount: told, nothing saved.
    widget.editor.item(names.index("张伟"), 2).setText("十二万")
    assert widget.message.isVisibleTo(widget) and "not an amount" in widget.message.text()
    assert len(sqlite_db.read(lambda s: target_service.list_targets(
        s, staff.admin, period="month", period_start=month))) == 1

    # The row being edited shows its 12-month trend, reloaded after the save …
    qtbot.waitUntil(lambda: bool(widget.trend) and widget.trend[-1].target == Decimal(
        "120000.00"), timeout=20000)
    assert len(widget.trend) == 12 and "李娜" in widget.trend_box.title()
    # … and choosing another row in the ranking shows that one's.
    ranking_names = [widget.ranking_table.item(r, 1).text()
                     for r in range(widget.ranking_table.rowCount())]
    with qtbot.waitSignal(widget.trend_loaded, timeout=20000):
        widget.ranking_table.setCurrentCell(ranking_names.index("张伟"), 1)
    assert "张伟" in widget.trend_box.title() and widget.trend[-1].target is None


def test_a_rep_sees_targets_read_only(qtbot, runner, sqlite_db, world):
    staff, today, _seeded = world
    seed_targets(sqlite_db, staff, month=today.replace(day=1))
    widget = _shown(qtbot, TargetsWidget(Client(sqlite_db, staff.rep1), runner, today=today))
    qtbot.waitUntil(lambda: widget.editor.rowCount() > 0 and bool(widget.ranking), timeout=20000)
    rows = [(widget.editor.item(r, 0).text().strip(), widget.editor.item(r, 2))
            for r in range(widget.editor.rowCount())]
    assert [(name, item.text()) for name, item in rows] == [
        ("East (team)", "1,000,000.00"), ("张伟", "500,000.00")]
    assert not any(item.flags() & Qt.ItemFlag.ItemIsEditable for _name, item in rows)
    assert [(a.kind, a.name) for a in widget.ranking] == [("rep", "张伟")]
    qtbot.waitUntil(lambda: bool(widget.trend), timeout=20000)     # the rep's own trend


def test_parse_amount():
    assert parse_amount("120000") == Decimal("120000.00")
    assert parse_amount("120,000.5") == Decimal("120000.50")
    assert parse_amount("12万") == Decimal("120000.00")
    assert parse_amount("1.5M") == Decimal("1500000.00")
    assert parse_amount("") == Decimal("0")
    assert parse_amount("abc") is None and parse_amount("-5") is None


def test_performance_table_and_export(qtbot, runner, sqlite_db, world, tmp_path):
    staff, today, seeded = world
    widget = _shown(qtbot, PerformanceWidget(Client(sqlite_db, staff.admin), runner))
    qtbot.waitUntil(lambda: bool(widget.rows), timeout=20000)
    with qtbot.waitSignal(widget.loaded, timeout=20000):
        widget.filters.set_period("custom", today - dt.timedelta(days=10), today)
    by_name = {r.name: r for r in widget.rows}
    won = [o for o in seeded.opportunities if o.state == "won"]
    assert sum(r.won_count for r in widget.rows) == len(won)
    assert sum(r.opportunities_created for r in widget.rows) == len(seeded.opportunities)
    assert set(by_name) >= {"张伟", "李娜", "Tom Lee"}
    table_names = [widget.table.item(r, 0).text() for r in range(widget.table.rowCount())]
    assert sorted(table_names) == sorted(by_name)

    target = tmp_path / "performance.xlsx"
    with qtbot.waitSignal(widget.exported, timeout=20000):
        widget.export_xlsx_to(target)
    rows = list(load_workbook(target, read_only=True).active.iter_rows(values_only=True))
    assert rows[0][:6] == ("Rep", "New customers", "Follow-ups", "Opportunities created",
                           "Won", "Won amount")
    assert {r[0]: r[4] for r in rows[1:]} == {r.name: r.won_count for r in widget.rows}


def test_charts_save_as_png(qtbot, runner, sqlite_db, world, tmp_path):
    from ui.pipeline.charts import save_png
    staff, _today, _seeded = world
    widget = _shown(qtbot, ForecastWidget(Client(sqlite_db, staff.manager), runner))
    qtbot.waitUntil(lambda: bool(widget.rows), timeout=20000)
    path = save_png(widget.chart, tmp_path / "forecast.png")
    image = QImage(str(path))
    assert not image.isNull() and image.width() > 100
