"""The funnel screen on real databases: the chart shows the service's numbers, clicking a
stage in the chart lists that stage's opportunities (double-click opens the customer), and
the chart and the numbers export to PNG and .xlsx."""
from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from app.client import Client
from tests.helpers.org import make_staff
from tests.ui.pipeline_data import PATHS, TITLES, seed_pipeline
from ui.pipeline.funnel import FunnelWidget


def _funnel(qtbot, runner, db, actor, today: dt.date) -> FunnelWidget:
    widget = FunnelWidget(Client(db, actor), runner)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.funnel is not None, timeout=20000)
    # Every seeded opportunity closes within 300 days of today.
    with qtbot.waitSignal(widget.loaded, timeout=20000):
        widget.filters.set_period("custom", today, today + dt.timedelta(days=300))
    return widget


def test_clicking_a_stage_lists_its_opportunities_and_opens_the_customer(qtbot, runner, db):
    staff = make_staff(db)
    today = dt.date.today()
    world = seed_pipeline(db, staff, today=today)
    widget = _funnel(qtbot, runner, db, staff.admin, today)

    counts = {s.stage.code: s.count for s in widget.funnel.stages}
    ends = [path[-1] for path, _amount in PATHS]
    assert counts == {code: ends.count(code) for code in
                      ("initial", "needs", "proposal", "negotiation", "won", "lost")}
    # The chart leaves the lost stage out; the table beside it has every stage.
    assert [s.stage.code for s in widget.chart.stages] == [
        "initial", "needs", "proposal", "negotiation", "won"]
    assert widget.table.rowCount() == 6
    assert [widget.table.item(r, 1).text() for r in range(6)] == [
        str(counts[c]) for c in ("initial", "needs", "proposal", "negotiation", "won", "lost")]

    index = [s.stage.code for s in widget.chart.stages].index("proposal")
    point = widget.chart.plot.mapFromScene(widget.chart.scene_point_of(index))
    proposal_id = widget.chart.stages[index].stage.id
    with qtbot.waitSignal(widget.stage_listed, timeout=20000) as listed:
        qtbot.mouseClick(widget.chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert listed.args == [proposal_id]
    expected = sorted(TITLES[i] for i, e in enumerate(ends) if e == "proposal")
    shown = sorted(widget.opp_table.item(r, 2).text() for r in range(widget.opp_table.rowCount()))
    assert shown == expected
    assert "Proposal" in widget.list_box.title()

    # Double-clicking an opportunity opens its customer.
    first = widget.opportunities[0]
    assert first.customer_id in {c.id for c in world.customers}
    rect = widget.opp_table.visualItemRect(widget.opp_table.item(0, 1))
    qtbot.mouseClick(widget.opp_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(widget.open_customer, timeout=5000) as opened:
        qtbot.mouseDClick(widget.opp_table.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert opened.args == [first.customer_id]

    # A click outside every stage's row lists nothing new.
    assert widget.chart.stage_at(widget.chart.plot.mapToScene(2, 2)) is None


def test_the_stage_table_lists_the_lost_stage_too(qtbot, runner, sqlite_db):
    staff = make_staff(sqlite_db)
    today = dt.date.today()
    seed_pipeline(sqlite_db, staff, today=today)
    widget = _funnel(qtbot, runner, sqlite_db, staff.manager, today)
    lost_row = [widget.table.item(r, 0).text() for r in range(widget.table.rowCount())
                ].index("Lost")
    with qtbot.waitSignal(widget.stage_listed, timeout=20000):
        widget.table.cellClicked.emit(lost_row, 0)
    # A manager sees the team East's opportunities only (rep1 and rep2's customers).
    owners = {o.owner_name for o in widget.opportunities}
    assert owners and owners <= {"张伟", "李娜"}
    assert all(o.state == "lost" for o in widget.opportunities)


def test_exports_write_a_png_and_a_workbook(qtbot, runner, sqlite_db, tmp_path):
    staff = make_staff(sqlite_db)
    today = dt.date.today()
    seed_pipeline(sqlite_db, staff, today=today)
    widget = _funnel(qtbot, runner, sqlite_db, staff.admin, today)

    png = widget.export_png_to(tmp_path / "funnel")          # the suffix is added
    assert png.suffix == ".png" and png.stat().st_size > 0
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 200 and image.height() > 200
    colours = {image.pixel(x, y) for x in range(0, image.width(), 9)
               for y in range(0, image.height(), 9)}
    assert len(colours) > 10                                 # bars and labels, not blank

    target = tmp_path / "funnel.xlsx"
    with qtbot.waitSignal(widget.exported, timeout=20000) as done:
        widget.export_xlsx_to(target)
    assert done.args == [str(target)]
    rows = list(load_workbook(target, read_only=True).active.iter_rows(values_only=True))
    assert rows[0] == ("Stage", "Count", "Amount", "Reached", "Conversion to next (%)",
                       "Avg days in stage")
    by_stage = {r[0]: r for r in rows[1:]}
    assert list(by_stage) == ["Initial contact", "Needs confirmed", "Proposal / quote",
                              "Negotiation", "Won", "Lost"]
    for s in widget.funnel.stages:
        row = by_stage[s.stage.name_en]
        assert row[1] == s.count and float(row[2]) == float(s.amount) and row[3] == s.reached
