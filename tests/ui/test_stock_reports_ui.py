"""The stock reports page on a real database with the scenario of the service tests
(tests/services/test_stock_reports.py): the table shows the service's rows and totals with
money right-aligned to two decimals, switching report reloads, each role is offered only
the reports it may see, and "Export to Excel…" writes a workbook openpyxl reads back."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import openpyxl
from PySide6.QtCore import Qt

from app.client import Client
from services.stock_reports import ReportPeriod, gross_margin
from tests.services.test_stock_reports import scenario
from ui.main_window import NAV_STOCK_REPORTS, MainWindow
from ui.stock.reports import StockReportsWidget, month_bounds


def table(page):
    m = page.model
    return [[m.text(r, c) for c in range(m.columnCount())] for r in range(m.rowCount())]


def open_page(qtbot, client, runner, warehouses=1):
    page = StockReportsWidget(client, runner)
    qtbot.addWidget(page)
    page.resize(1300, 420)
    page.show()
    qtbot.waitUntil(lambda: page.settled and page.warehouse.count() > warehouses, timeout=15000)
    return page


def choose(qtbot, page, key):
    page.choose(key)
    qtbot.waitUntil(lambda: page.settled, timeout=15000)


def test_reports_show_the_service_rows_and_totals_and_switch(qtbot, db, staff, runner):
    scenario(db, staff)
    page = open_page(qtbot, Client(db, staff.finance), runner)
    assert page.spec().key == "on_hand"
    assert not page.date_from.isVisible() and page.warehouse.isVisible()
    assert table(page) == [
        ["SKU-001", page.model.rows[0].name, page.model.rows[0].unit, "仓库1", "3", "0", "3"],
        ["SKU-001", page.model.rows[1].name, page.model.rows[1].unit, "仓库2", "3", "0", "3"],
        ["SKU-002", page.model.rows[2].name, page.model.rows[2].unit, "仓库1", "14", "0", "14"],
        ["Total", "", "", "", "20", "0", "20"]]
    # the warehouse filter narrows to one warehouse
    page.warehouse.setCurrentIndex(page.warehouse.findText("仓库2", Qt.MatchContains))
    page.refresh()
    qtbot.waitUntil(lambda: page.settled, timeout=15000)
    assert [row[3] for row in table(page)] == ["仓库2", ""]
    page.warehouse.setCurrentIndex(0)

    choose(qtbot, page, "movements")
    first, last = month_bounds(dt.date.today())
    assert (page.date_from.date().toPython(), page.date_to.date().toPython()) == (first, last)
    assert page.date_from.isVisible()
    rows = table(page)
    assert rows[-1][0] == "Total" and rows[-1][-2:] == ["2,350.00", "1,050.00"]
    assert [r[4:8] for r in rows[:-1]] == [["0", "10", "7", "3"], ["0", "3", "0", "3"],
                                           ["0", "21", "7", "14"]]
    money = page.model.index(0, 8)
    assert page.model.data(money, Qt.TextAlignmentRole) & int(Qt.AlignRight)
    assert page.model.data(page.model.index(3, 0), Qt.FontRole).bold()       # totals row

    choose(qtbot, page, "margin_customer")
    want = db.read(lambda s: gross_margin(s, staff.finance, ReportPeriod(first, last),
                                          by="customer"))
    rows = table(page)
    assert len(rows) == len(want.rows) + 1
    assert rows[-1][2:6] == [f"{want.totals.net_qty.normalize():f}",
                             f"{want.totals.revenue:,.2f}", f"{want.totals.cost:,.2f}",
                             f"{want.totals.margin:,.2f}"]
    assert [h for h in (page.model.headerData(i, Qt.Horizontal)
                        for i in range(2))] == ["Customer code", "Customer"]


def test_roles_see_only_their_reports(qtbot, db, staff, runner):
    clerk = open_page(qtbot, Client(db, staff.warehouse), runner, 0)
    assert [s.key for s in clerk.specs] == ["on_hand", "movements", "sales"]
    finance = open_page(qtbot, Client(db, staff.finance), runner, 0)
    assert [s.key for s in finance.specs] == [
        "on_hand", "movements", "valuation", "sales", "margin_product", "margin_customer",
        "purchases"]


def test_export_writes_the_chosen_report(qtbot, db, staff, runner, tmp_path):
    scenario(db, staff)
    page = open_page(qtbot, Client(db, staff.finance), runner)
    choose(qtbot, page, "purchases")
    shown = table(page)
    page.export(tmp_path / "采购汇总")                 # .xlsx added
    qtbot.waitUntil(lambda: page.settled, timeout=15000)
    path = tmp_path / "采购汇总.xlsx"
    assert page.exported_path == path
    ws = openpyxl.load_workbook(path).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert len(values) == len(shown) + 1                        # header + rows + total
    assert values[-1][0] in ("合计", "Total")
    assert D(str(values[-1][-1])) == D(shown[-1][-1].replace(",", ""))


def test_the_page_follows_a_language_switch(qtbot, qapp, db, staff, runner):
    from app import i18n
    scenario(db, staff)
    page = open_page(qtbot, Client(db, staff.warehouse), runner)
    assert table(page)[-1][0] == "Total"
    assert i18n.install_translators("zh_CN", qapp) == "zh_CN"
    qtbot.waitUntil(lambda: page.chooser.itemText(0) == "库存", timeout=5000)
    assert [page.chooser.itemText(i) for i in range(3)] == ["库存", "收发存", "销售汇总"]
    assert page.model.headerData(0, Qt.Horizontal) == "编码"
    assert table(page)[-1][0] == "合计" and page.export_button.text() == "导出到 Excel…"


def test_navigation_opens_the_page_for_the_allowed_roles(qtbot, db, staff, runner):
    window = MainWindow(Client(db, staff.finance), runner, auto_sweep=False)
    qtbot.addWidget(window)
    window.show()
    item = window.nav.item(NAV_STOCK_REPORTS)
    assert item.text() == "Stock reports" and not item.isHidden()
    window.nav.itemClicked.emit(item)
    page = window.pages["stock_reports"]
    assert isinstance(page, StockReportsWidget) and window.tabs.currentWidget() is page
    qtbot.waitUntil(lambda: page.settled, timeout=15000)
    rep = MainWindow(Client(db, staff.rep1), runner, auto_sweep=False)
    qtbot.addWidget(rep)
    assert rep.nav.item(NAV_STOCK_REPORTS).isHidden()           # the services refuse reps
