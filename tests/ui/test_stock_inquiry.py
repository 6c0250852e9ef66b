"""Stock inquiry, low-stock list and document list on real databases: a scanned product
shows its on-hand / reserved / available per warehouse and its ledger; products under their
minimum stock are listed with the shortfall; documents filter by type and page by id."""
from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.client import Client
from services import stock_documents as docs
from services.deliveries import post_delivery_from_so
from tests.ui.stock_data import receive, sales_order, stock_world
from ui.main_window import MainWindow
from ui.stock.doc_list import StockDocumentList
from ui.stock.inquiry import StockInquiryWidget
from ui.stock.low_stock import LowStockWidget
from ui.stock.tables import column_texts


def test_inquiry_shows_balances_per_warehouse_and_the_ledger(qtbot, db, runner):
    world = stock_world(db)
    receive(db, world, world.south, {"BOLT-M6": "120"})
    sales_order(db, world, [("BOLT-M6", "100")])             # reserves 100 in the main one
    clerk = Client(db, world.staff.warehouse)
    inquiry = StockInquiryWidget(clerk, runner)
    qtbot.addWidget(inquiry)
    inquiry.show()
    inquiry.code.setFocus()
    QTest.keyClicks(inquiry.code, "6901234500011")
    QTest.keyClick(inquiry.code, Qt.Key_Return)
    qtbot.waitUntil(lambda: inquiry.product is not None and inquiry.settled, timeout=10000)
    assert inquiry.product_label.text() == "BOLT-M6  六角螺栓 · M6×30 镀锌  (个)"
    table = inquiry.balance_table
    assert column_texts(table, 0) == ["总仓", "深圳仓"]
    assert column_texts(table, 1) == ["500", "120"]          # on hand
    assert column_texts(table, 2) == ["100", "0"]            # reserved
    assert column_texts(table, 3) == ["400", "120"]          # available
    assert column_texts(table, 4) == ["0.35", "0.35"]        # average cost (clerks see it)
    assert inquiry.total_label.text() == \
        "In all warehouses: 620 on hand, 520 available; minimum stock 0."
    # newest first: the second receipt, then the opening stock
    assert column_texts(inquiry.ledger_table, 3) == ["深圳仓", "总仓"]
    assert column_texts(inquiry.ledger_table, 4) == ["+120", "+500"]
    assert column_texts(inquiry.ledger_table, 5) == ["120", "500"]
    assert all(n.startswith("GR-") for n in column_texts(inquiry.ledger_table, 1))

    # one warehouse's history only
    inquiry.ledger_warehouse.setCurrentIndex(inquiry.ledger_warehouse.findData(world.main))
    qtbot.waitUntil(lambda: inquiry.settled and inquiry.ledger_table.rowCount() == 1,
                    timeout=10000)
    assert column_texts(inquiry.ledger_table, 3) == ["总仓"]


def test_unknown_code_is_said_in_words(qtbot, sqlite_db, runner):
    world = stock_world(sqlite_db, stock={})
    inquiry = StockInquiryWidget(Client(sqlite_db, world.staff.rep1), runner)
    qtbot.addWidget(inquiry)
    inquiry.show()
    inquiry.code.setFocus()
    QTest.keyClicks(inquiry.code, "0000000000000")
    QTest.keyClick(inquiry.code, Qt.Key_Return)
    qtbot.waitUntil(lambda: inquiry.message.text() != "", timeout=10000)
    assert inquiry.message.text() == "No product has the barcode or SKU “0000000000000”."


def test_low_stock_lists_shortfalls_and_opens_the_inquiry(qtbot, sqlite_db, runner):
    world = stock_world(sqlite_db)                           # 40 gloves, minimum 200
    clerk = Client(sqlite_db, world.staff.warehouse)
    window = MainWindow(clerk, runner, auto_sweep=False)
    qtbot.addWidget(window)
    window.show()
    page = window.pages["warehouse"]                         # the clerk's start page
    low: LowStockWidget = page.low_stock
    page.tabs.setCurrentWidget(low)
    qtbot.waitUntil(lambda: low.settled and low.table.rowCount() > 0, timeout=10000)
    assert column_texts(low.table, 0) == ["GLOVE-L"]
    assert column_texts(low.table, 5) == ["40"] and column_texts(low.table, 7) == ["160"]
    assert low.summary.text() == "1 products below their minimum stock"
    low.table.selectRow(0)
    low.table.activated.emit(low.table.model().index(0, 0))
    inquiry = window.pages["inquiry"]
    assert window.tabs.currentWidget() is inquiry
    qtbot.waitUntil(lambda: inquiry.product is not None, timeout=10000)
    assert inquiry.product.sku == "GLOVE-L"


def test_document_list_filters_by_type_and_pages_by_id(qtbot, sqlite_db, runner):
    world = stock_world(sqlite_db)
    clerk = Client(sqlite_db, world.staff.warehouse)
    for _ in range(3):
        so_id = sales_order(sqlite_db, world, [("TAPE-18", "1")])
        clerk.write(post_delivery_from_so, so_id, docs.new_uuid())
    listing = StockDocumentList(clerk, runner, page=2)
    qtbot.addWidget(listing)
    listing.show()
    qtbot.waitUntil(lambda: listing.settled and listing.warehouse.count() > 1, timeout=10000)
    listing.doc_type.setCurrentIndex(listing.doc_type.findData("DN"))
    qtbot.waitUntil(lambda: listing.settled and listing.table.rowCount() == 2, timeout=10000)
    assert listing.more_button.isEnabled()
    listing.more_button.click()
    qtbot.waitUntil(lambda: listing.settled and listing.table.rowCount() == 3, timeout=10000)
    numbers = column_texts(listing.table, 0)
    assert numbers == sorted(numbers, reverse=True) and all(n.startswith("DN-")
                                                            for n in numbers)
    assert set(column_texts(listing.table, 4)) == {"上海精工机械有限公司"}
    opened: list[int] = []
    listing.open_document.connect(opened.append)
    listing.table.selectRow(2)
    listing.open_button.click()
    assert opened == [listing.rows[2].id]
