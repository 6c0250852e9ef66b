"""The warehouse clerk's work on real databases: one click on a "to ship" / "to receive"
row makes the draft and opens it; the scanner (code + Enter) adds a product or one more of
it; quantities are typed with the keyboard, Delete removes a line, Ctrl+Enter posts and the
number is shown; posting twice books once; the print hook; a count approved by the
administrator; refusals shown in words."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.client import Client
from services import sales_orders, stock_documents as docs
from services.stock_documents import StockDocFilter
from services.stock_inquiry import stock_by_product
from tests.ui.stock_data import purchase_order, sales_order, stock_world
from ui.stock import doc_actions
from ui.stock.doc_actions import NewDocument, save_and_post
from ui.stock.doc_editor import StockDocumentEditor
from ui.stock.doc_lines import COL_QTY
from ui.stock.new_document import standalone_receipt, transfer_between
from ui.stock.tables import column_texts
from ui.stock.warehouse_page import WarehousePage


@pytest.fixture(autouse=True)
def _no_printing(monkeypatch):
    """No print handler left behind by a main window of an earlier test (ui.printing.install
    registers one per window); the tests that print set their own."""
    monkeypatch.setattr(doc_actions, "_print_handler", None)


def open_page(qtbot, client, runner) -> WarehousePage:
    page = WarehousePage(client, runner)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: page.settled and page.warehouse.count() > 0, timeout=10000)
    return page


def wait_editor(qtbot, editor: StockDocumentEditor) -> StockDocumentEditor:
    qtbot.waitUntil(lambda: editor.loaded and not editor.busy, timeout=10000)
    return editor


def new_editor(qtbot, client, runner, new: NewDocument) -> StockDocumentEditor:
    editor = StockDocumentEditor(client, runner, new=new)
    qtbot.addWidget(editor)
    editor.resize(900, 600)
    editor.show()
    return editor


def scan(qtbot, editor: StockDocumentEditor, code: str) -> None:
    editor.scan.setFocus()
    QTest.keyClicks(editor.scan, code)
    QTest.keyClick(editor.scan, Qt.Key_Return)


def type_in_cell(table, text: str) -> None:
    """Type over the current cell as a clerk does: the first key opens the cell's editor,
    the rest goes into it, Enter writes it."""
    QTest.keyClick(table, text[0])
    editor = table.indexWidget(table.currentIndex())
    assert editor is not None, "typing did not open the cell editor"
    QTest.keyClicks(editor, text[1:])
    QTest.keyClick(editor, Qt.Key_Return)
    # the delegate writes the value and closes the editor by a queued call
    QApplication.processEvents()


def lines(editor) -> list[tuple[str, D]]:
    return [(ln.sku, ln.qty) for ln in editor.model.lines]


def on_hand(client, product_id: int, warehouse_id: int) -> D:
    rows = client.read(stock_by_product, product_id)
    return next((D(r.on_hand) for r in rows if r.warehouse_id == warehouse_id), D(0))


# A second click brings the open editor window forward; the offscreen platform says it
# cannot raise windows.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_ship_queue_click_makes_the_delivery_draft_once_and_posting_updates_the_order(
        qtbot, db, runner):
    world = stock_world(db)
    so_id = sales_order(db, world, [("BOLT-M6", "100"), ("WIRE-2.5", "2.5")])
    clerk = Client(db, world.staff.warehouse)
    number = clerk.read(sales_orders.get_sales_order, so_id).number

    page = open_page(qtbot, clerk, runner)
    assert column_texts(page.ship_table, 0) == [number]
    assert column_texts(page.ship_table, 1) == ["上海精工机械有限公司"]
    assert column_texts(page.ship_table, 5) == ["102.5"]

    page.ship_table.selectRow(0)
    page.ship_button.click()
    qtbot.waitUntil(lambda: len(page.windows) == 1, timeout=10000)
    window = next(iter(page.windows.values()))
    editor = wait_editor(qtbot, window.editor)
    assert editor.info.doc_type == "DN" and editor.info.state == "draft"
    assert lines(editor) == [("BOLT-M6", D(100)), ("WIRE-2.5", D("2.5"))]
    assert editor.partner_label.text() == "上海精工机械有限公司"
    assert editor.source_label.text() == number

    # a second click on the same order opens the same draft, it does not make another
    page.ship_button.click()
    qtbot.waitUntil(lambda: page.settled, timeout=10000)
    runner.wait_idle()
    qtbot.wait(50)
    drafts = clerk.read(docs.list_stock_documents,
                        StockDocFilter(doc_types=("DN",), sales_order_id=so_id))
    assert len(drafts) == 1 and len(page.windows) == 1

    # partial delivery typed with the keyboard: 60 bolts, then Ctrl+Enter posts
    editor.table.setFocus()
    editor.table.setCurrentIndex(editor.model.index(0, editor.model.column_of(COL_QTY)))
    type_in_cell(editor.table, "60")
    assert lines(editor)[0] == ("BOLT-M6", D(60))
    QTest.keyClick(editor.table, Qt.Key_Return, Qt.ControlModifier)
    qtbot.waitUntil(lambda: editor.info.state == "posted", timeout=10000)
    assert editor.info.number.startswith("DN-")
    assert editor.status.text() == f"Posted as {editor.info.number}."
    assert editor.title.text() == f"Delivery note {editor.info.number}"
    assert not editor.post_button.isVisible() and not editor.scan.isVisible()

    order = clerk.read(sales_orders.get_sales_order, so_id)
    assert order.state == "partially_delivered"
    assert [ln.open_qty for ln in order.lines] == [D(40), D(0)]
    assert on_hand(clerk, world.pid("BOLT-M6"), world.main) == D(440)
    # the order stays in the queue with what is still open
    qtbot.waitUntil(lambda: column_texts(page.ship_table, 5) == ["40"], timeout=10000)


def test_scanner_and_keyboard_line_entry_then_post_books_the_receipt(qtbot, sqlite_db,
                                                                    runner):
    world = stock_world(sqlite_db, stock={})
    clerk = Client(sqlite_db, world.staff.warehouse)
    editor = new_editor(qtbot, clerk, runner, NewDocument(
        "GR", "WH1 总仓", standalone_receipt(world.main), reason="样品入库"))
    assert editor.title.text() == "New Goods receipt"

    scan(qtbot, editor, "6901234500011")               # barcode: a new line of 1
    qtbot.waitUntil(lambda: lines(editor) == [("BOLT-M6", D(1))], timeout=10000)
    scan(qtbot, editor, "6901234500011")               # again: one more
    qtbot.waitUntil(lambda: lines(editor) == [("BOLT-M6", D(2))], timeout=10000)
    scan(qtbot, editor, "nut-m6")                      # a SKU typed by hand
    qtbot.waitUntil(lambda: len(editor.model.lines) == 2, timeout=10000)
    scan(qtbot, editor, "6901234500042")
    qtbot.waitUntil(lambda: len(editor.model.lines) == 3, timeout=10000)
    scan(qtbot, editor, "NOPE-404")
    qtbot.waitUntil(lambda: editor.scan_message.text() != "", timeout=10000)
    assert editor.scan_message.text() == "No product has the barcode or SKU “NOPE-404”."
    assert lines(editor) == [("BOLT-M6", D(2)), ("NUT-M6", D(1)), ("GLOVE-L", D(1))]

    # keyboard only: Down into the lines, + adds one, a typed number replaces, Delete removes
    editor.scan.setFocus()
    QTest.keyClick(editor.scan, Qt.Key_Down)
    assert editor.table.hasFocus() or editor.table.currentIndex().row() >= 0
    row = editor.table.currentIndex().row()
    QTest.keyClick(editor.table, Qt.Key_Plus)
    assert editor.model.lines[row].qty == D(2)
    editor.table.setCurrentIndex(editor.model.index(1, editor.model.column_of(COL_QTY)))
    type_in_cell(editor.table, "250")
    assert editor.model.lines[1].qty == D(250)
    editor.table.selectRow(2)
    QTest.keyClick(editor.table, Qt.Key_Delete)
    assert [sku for sku, _q in lines(editor)] == ["BOLT-M6", "NUT-M6"]

    # a quantity the unit cannot take is refused in words, the line keeps its value
    index = editor.model.index(0, editor.model.column_of(COL_QTY))
    assert not editor.model.setData(index, "1.5")
    assert editor.status.text() == "BOLT-M6 is counted in whole 个."
    assert lines(editor)[0] == ("BOLT-M6", D(2))

    editor.post_button.click()
    qtbot.waitUntil(lambda: editor.info is not None and editor.info.state == "posted",
                    timeout=10000)
    assert editor.info.number.startswith("GR-")
    assert editor.info.reason == "样品入库"
    assert on_hand(clerk, world.pid("NUT-M6"), world.main) == D(250)
    assert on_hand(clerk, world.pid("BOLT-M6"), world.main) == D(2)


def test_posting_again_with_the_editors_uuid_books_once(qtbot, sqlite_db, runner):
    world = stock_world(sqlite_db, stock={})
    clerk = Client(sqlite_db, world.staff.warehouse)
    new = NewDocument("GR", "WH1 总仓", standalone_receipt(world.main), reason="期初")
    editor = new_editor(qtbot, clerk, runner, new)
    scan(qtbot, editor, "TAPE-18")
    qtbot.waitUntil(lambda: len(editor.model.lines) == 1, timeout=10000)
    # Ctrl+Enter right in the scan field posts; a second press while busy is ignored
    QTest.keyClick(editor.scan, Qt.Key_Return, Qt.ControlModifier)
    assert editor.busy
    editor.post()
    qtbot.waitUntil(lambda: editor.info is not None and editor.info.state == "posted",
                    timeout=10000)
    first = editor.info
    # the answer got lost and the same request is sent again (same client UUID)
    again = clerk.write(save_and_post, None, new, editor.client_uuid, editor.model.inputs(),
                        editor.header_values(), None)
    assert again.already_posted and again.document.id == first.id
    assert again.document.number == first.number
    assert on_hand(clerk, world.pid("TAPE-18"), world.main) == D(1)
    receipts = clerk.read(docs.list_stock_documents, StockDocFilter(doc_types=("GR",)))
    assert [d.id for d in receipts] == [first.id]


def test_print_button_calls_the_printing_hook_after_posting(qtbot, sqlite_db, runner,
                                                           monkeypatch):
    world = stock_world(sqlite_db, stock={})
    clerk = Client(sqlite_db, world.staff.warehouse)
    printed: list[int] = []
    monkeypatch.setattr(doc_actions, "_print_handler", lambda parent, doc_id: printed.append(
        doc_id))
    editor = new_editor(qtbot, clerk, runner, NewDocument(
        "GR", "WH1 总仓", standalone_receipt(world.main), reason="期初"))
    signalled: list[int] = []
    editor.print_requested.connect(signalled.append)
    assert not editor.print_button.isVisible()
    scan(qtbot, editor, "BOLT-M6")
    qtbot.waitUntil(lambda: len(editor.model.lines) == 1, timeout=10000)
    editor.post()
    qtbot.waitUntil(lambda: editor.info is not None and editor.info.state == "posted",
                    timeout=10000)
    assert editor.print_button.isVisible() and editor.print_button.isEnabled()
    editor.print_button.click()
    assert printed == [editor.info.id] and signalled == [editor.info.id]


def test_without_printing_the_print_button_says_why(qtbot, sqlite_db, runner, monkeypatch):
    world = stock_world(sqlite_db, stock={"BOLT-M6": "5"})
    clerk = Client(sqlite_db, world.staff.warehouse)
    monkeypatch.setattr(doc_actions, "_print_handler", None)
    doc_id = clerk.read(docs.list_stock_documents, StockDocFilter(doc_types=("GR",)))[0].id
    editor = StockDocumentEditor(clerk, runner, doc_id)
    qtbot.addWidget(editor)
    editor.show()
    wait_editor(qtbot, editor)
    assert editor.info.state == "posted"
    assert editor.print_button.isVisible() and not editor.print_button.isEnabled()
    assert editor.print_button.toolTip() == "Printing is not installed yet."


def test_documents_without_a_print_template_offer_no_print(qtbot, sqlite_db, runner,
                                                          monkeypatch):
    world = stock_world(sqlite_db, stock={"BOLT-M6": "5"})
    clerk = Client(sqlite_db, world.staff.warehouse)
    monkeypatch.setattr(doc_actions, "_print_handler", lambda parent, doc_id: None)
    from services import transfers
    tr = clerk.write(transfers.create_transfer, world.main, world.south,
                     (docs.DocLineInput(world.pid("BOLT-M6"), D(1)),), docs.new_uuid())
    clerk.write(docs.post_document, tr.id)
    editor = StockDocumentEditor(clerk, runner, tr.id)
    qtbot.addWidget(editor)
    editor.show()
    wait_editor(qtbot, editor)
    assert editor.info.state == "posted"
    assert not editor.print_button.isVisible() and not editor.print_after.isVisible()


def test_transfer_beyond_stock_is_refused_naming_product_and_shortfall(qtbot, sqlite_db,
                                                                      runner):
    world = stock_world(sqlite_db, stock={"GLOVE-L": "40"})
    clerk = Client(sqlite_db, world.staff.warehouse)
    editor = new_editor(qtbot, clerk, runner, NewDocument(
        "TR", "WH1 总仓", transfer_between(world.main, world.south), to_warehouse_name="WH2 深圳仓"))
    assert editor.warehouse_label.text() == "WH1 总仓 → WH2 深圳仓"
    scan(qtbot, editor, "GLOVE-L")
    qtbot.waitUntil(lambda: len(editor.model.lines) == 1, timeout=10000)
    assert editor.model.setData(editor.model.index(0, editor.model.column_of(COL_QTY)), "45")
    editor.post()
    qtbot.waitUntil(lambda: not editor.busy and editor.status.text() != "Posting…",
                    timeout=10000)
    assert "GLOVE-L" in editor.status.text() and "short by 5" in editor.status.text()
    assert editor.model.error_rows == {0}
    assert on_hand(clerk, world.pid("GLOVE-L"), world.main) == D(40)
    # nothing was half-written: no transfer exists
    assert clerk.read(docs.list_stock_documents, StockDocFilter(doc_types=("TR",))) == []


def test_count_is_submitted_by_the_clerk_and_posted_by_the_administrator(qtbot, sqlite_db,
                                                                        runner):
    from services.stock_counts import start_count
    world = stock_world(sqlite_db, stock={"BOLT-M6": "500", "NUT-M6": "800"})
    clerk = Client(sqlite_db, world.staff.warehouse)
    count = clerk.write(start_count, world.main, client_uuid=docs.new_uuid())
    editor = StockDocumentEditor(clerk, runner, count.id)
    qtbot.addWidget(editor)
    editor.show()
    wait_editor(qtbot, editor)
    assert not editor.post_button.isVisible() and editor.submit_button.isVisible()
    assert [h for h in (editor.model.headerData(c, Qt.Horizontal)
                        for c in range(editor.model.columnCount()))][-3:] == \
        ["Book qty", "Counted", "Difference"]
    scan(qtbot, editor, "6901234500011")        # one bolt more than the book says
    qtbot.waitUntil(lambda: lines(editor)[0] == ("BOLT-M6", D(501)), timeout=10000)
    assert editor.model.data(editor.model.index(0, editor.model.columnCount() - 1)) == "+1"
    editor.submit_button.click()
    qtbot.waitUntil(lambda: editor.info.state == "submitted", timeout=10000)

    admin = Client(sqlite_db, world.staff.admin)
    approver = StockDocumentEditor(admin, runner, count.id)
    qtbot.addWidget(approver)
    approver.show()
    wait_editor(qtbot, approver)
    assert approver.post_button.isVisible() and approver.post_button.text() == \
        "Approve and post"
    approver.post()
    qtbot.waitUntil(lambda: approver.info.state == "posted", timeout=10000)
    assert approver.info.number.startswith("SC-")
    assert on_hand(admin, world.pid("BOLT-M6"), world.main) == D(501)


def test_receive_queue_click_opens_the_receipt_draft(qtbot, sqlite_db, runner):
    world = stock_world(sqlite_db, stock={})
    po_id = purchase_order(sqlite_db, world, [("GLOVE-L", "300", "2.26")])
    clerk = Client(sqlite_db, world.staff.warehouse)
    page = open_page(qtbot, clerk, runner)
    assert column_texts(page.receive_table, 1) == ["华东五金供应商"]
    page.receive_table.setCurrentCell(0, 0)
    QTest.keyClick(page.receive_table, Qt.Key_Return)       # the keyboard is enough
    qtbot.waitUntil(lambda: len(page.windows) == 1, timeout=10000)
    editor = wait_editor(qtbot, next(iter(page.windows.values())).editor)
    assert editor.info.purchase_order_id == po_id
    assert lines(editor) == [("GLOVE-L", D(300))]
    editor.post()
    qtbot.waitUntil(lambda: editor.info.state == "posted", timeout=10000)
    qtbot.waitUntil(lambda: page.receive_table.rowCount() == 0, timeout=10000)
    assert on_hand(clerk, world.pid("GLOVE-L"), world.main) == D(300)


def test_goods_back_from_a_delivery_and_a_reversal_open_as_new_documents(qtbot, sqlite_db,
                                                                        runner):
    from services.deliveries import post_delivery_from_so
    world = stock_world(sqlite_db)
    so_id = sales_order(sqlite_db, world, [("BOLT-M6", "100"), ("NUT-M6", "50")])
    clerk = Client(sqlite_db, world.staff.warehouse)
    dn = clerk.write(post_delivery_from_so, so_id, docs.new_uuid()).document
    editor = StockDocumentEditor(clerk, runner, dn.id)
    qtbot.addWidget(editor)
    editor.show()
    wait_editor(qtbot, editor)
    assert editor.return_button.isVisible() and editor.reverse_button.isVisible()
    opened: list[int] = []
    editor.open_document.connect(opened.append)

    editor.return_button.click()
    dialog = editor.reason_dialog
    dialog.reason.setText("包装破损")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10000)
    back = StockDocumentEditor(clerk, runner, opened[0])
    qtbot.addWidget(back)
    back.show()
    wait_editor(qtbot, back)
    assert back.info.doc_type == "CR" and back.info.reason == "包装破损"
    assert lines(back) == [("BOLT-M6", D(100)), ("NUT-M6", D(50))]
    back.remove_lines([1])                                    # only bolts came back
    assert back.model.setData(back.model.index(0, back.model.column_of(COL_QTY)), "3")
    back.quality_note.setText("外箱压坏，螺栓完好")
    back.post()
    qtbot.waitUntil(lambda: back.info.state == "posted", timeout=10000)
    assert back.info.number.startswith("CR-")
    assert back.info.quality_note == "外箱压坏，螺栓完好"
    assert on_hand(clerk, world.pid("BOLT-M6"), world.main) == D(403)

    # the return is reversed: the goods go out again
    back.reverse_button.click()
    back.reason_dialog.reason.setText("录错了")
    back.reason_dialog.ok_button.click()
    qtbot.waitUntil(lambda: not back.busy and back.status.text() != "", timeout=10000)
    reversal = clerk.read(docs.list_stock_documents, StockDocFilter(doc_types=("CR",)))[0]
    assert reversal.reverses_id == back.info.id and reversal.state == "posted"
    assert back.status.text() == f"Customer return {reversal.number} created."
    assert on_hand(clerk, world.pid("BOLT-M6"), world.main) == D(400)


def test_a_delivery_note_prints_right_after_posting(qtbot, sqlite_db, runner, monkeypatch):
    from services.deliveries import create_delivery_from_so
    world = stock_world(sqlite_db)
    so_id = sales_order(sqlite_db, world, [("GLOVE-L", "12")])
    clerk = Client(sqlite_db, world.staff.warehouse)
    printed: list[int] = []
    monkeypatch.setattr(doc_actions, "_print_handler", lambda parent, doc_id: printed.append(
        doc_id))
    dn = clerk.write(create_delivery_from_so, so_id, docs.new_uuid())
    editor = StockDocumentEditor(clerk, runner, dn.id)
    qtbot.addWidget(editor)
    editor.show()
    wait_editor(qtbot, editor)
    assert editor.print_after.isVisible() and editor.print_after.isChecked()
    QTest.keyClick(editor.table, Qt.Key_Return, Qt.ControlModifier)
    qtbot.waitUntil(lambda: editor.info.state == "posted", timeout=10000)
    assert printed == [dn.id]
    assert not editor.print_after.isVisible()


def test_scans_faster_than_the_answers_are_all_counted(qtbot, sqlite_db, runner):
    world = stock_world(sqlite_db, stock={})
    clerk = Client(sqlite_db, world.staff.warehouse)
    editor = new_editor(qtbot, clerk, runner, NewDocument(
        "GR", "WH1 总仓", standalone_receipt(world.main), reason="期初"))
    for code in ("6901234500011", "6901234500028", "6901234500011", "6901234500011"):
        scan(qtbot, editor, code)                  # no waiting between scans
    qtbot.waitUntil(lambda: editor.model.total_qty() == D(4), timeout=10000)
    assert lines(editor) == [("BOLT-M6", D(3)), ("NUT-M6", D(1))]
    assert editor.totals.text() == "2 lines, 4 units in total"


def test_goods_go_back_to_the_supplier_from_a_posted_receipt(qtbot, sqlite_db, runner):
    from services.receipts import create_receipt_from_po
    world = stock_world(sqlite_db, stock={})
    po_id = purchase_order(sqlite_db, world, [("GLOVE-L", "300", "2.26")])
    clerk = Client(sqlite_db, world.staff.warehouse)
    gr = clerk.write(create_receipt_from_po, po_id, docs.new_uuid())
    clerk.write(docs.post_document, gr.id)
    editor = StockDocumentEditor(clerk, runner, gr.id)
    qtbot.addWidget(editor)
    editor.show()
    wait_editor(qtbot, editor)
    assert editor.return_button.isVisible()
    assert editor.return_button.text() == "Return to supplier…"
    opened: list[int] = []
    editor.open_document.connect(opened.append)
    editor.return_button.click()
    editor.reason_dialog.reason.setText("破洞，退回")
    editor.reason_dialog.ok_button.click()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10000)
    back = StockDocumentEditor(clerk, runner, opened[0])
    qtbot.addWidget(back)
    back.show()
    wait_editor(qtbot, back)
    assert back.info.doc_type == "SR" and back.info.supplier_name == "华东五金供应商"
    assert lines(back) == [("GLOVE-L", D(300))]
    assert back.model.setData(back.model.index(0, back.model.column_of(COL_QTY)), "25")
    back.post()
    qtbot.waitUntil(lambda: back.info.state == "posted", timeout=10000)
    assert back.info.number.startswith("SR-")
    assert on_hand(clerk, world.pid("GLOVE-L"), world.main) == D(275)


def test_a_stale_draft_offers_the_other_clerks_version(qtbot, sqlite_db, runner):
    from services.deliveries import create_delivery_from_so
    world = stock_world(sqlite_db)
    so_id = sales_order(sqlite_db, world, [("BOLT-M6", "100"), ("NUT-M6", "50")])
    clerk = Client(sqlite_db, world.staff.warehouse)
    dn = clerk.write(create_delivery_from_so, so_id, docs.new_uuid())
    editor = StockDocumentEditor(clerk, runner, dn.id)
    qtbot.addWidget(editor)
    editor.show()
    wait_editor(qtbot, editor)
    # another clerk keeps only the bolts and saves first
    bolts = dn.lines[0]
    clerk.write(docs.set_draft_lines, dn.id, (docs.DocLineInput(
        bolts.product_id, D(100), unit_price=bolts.unit_price, so_line_id=bolts.so_line_id),),
        expected_version=dn.version_id)
    editor.remove_lines([0])
    editor.save()
    qtbot.waitUntil(lambda: not editor.busy, timeout=10000)
    assert editor.status.text().startswith("Someone else changed this document")
    assert editor.theirs_button.isVisible()
    editor.theirs_button.click()
    assert lines(editor) == [("BOLT-M6", D(100))] and not editor.dirty
