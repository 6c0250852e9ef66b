"""Sales order list and form on real databases: a rep enters an order (customer, lines by
scanning or typing a SKU, quantity, price, discount), sees the totals the service will
save, and submits — approved at once without approval rules, or waiting with the reason a
manager must approve; the manager approves or rejects with a reason; cancelling releases
the reservation; the buttons follow state and role; refusals appear beside their fields."""
from __future__ import annotations

from decimal import Decimal as D

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.client import Client
from services import sales_orders
from services.order_approval import ApprovalRules, set_approval_rules
from services.stock_inquiry import stock_by_product
from tests.ui.stock_data import sales_order, stock_world
from ui.orders.order_lines import COL_DISCOUNT, COL_PRICE, COL_QTY, COL_RESERVED
from ui.orders.order_list import OrdersPage, SalesOrderList
from ui.orders.sales_form import SalesOrderForm
from ui.stock.tables import column_texts


def open_form(qtbot, client, runner, order_id=None) -> SalesOrderForm:
    form = SalesOrderForm(client, runner, order_id)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: form.loaded and not form.busy, timeout=10000)
    return form


def wait_idle(qtbot, form) -> None:
    qtbot.waitUntil(lambda: not form.busy, timeout=10000)


def scan(qtbot, form, code: str, lines_after: int) -> None:
    form.code.setFocus()
    QTest.keyClicks(form.code, code)
    QTest.keyClick(form.code, Qt.Key_Return)
    qtbot.waitUntil(lambda: len(form.model.lines) == lines_after, timeout=10000)


def set_cell(form, row: int, col: int, text: str) -> bool:
    return form.model.setData(form.model.index(row, form.model.column_of(col)), text)


def reserved(client, world, sku: str) -> D:
    rows = client.read(stock_by_product, world.pid(sku))
    return next(D(r.reserved) for r in rows if r.warehouse_id == world.main)


def test_rep_enters_an_order_and_submits_it_approved_at_once(qtbot, db, runner):
    world = stock_world(db)
    rep = Client(db, world.staff.rep1)
    form = open_form(qtbot, rep, runner)
    assert form.title.text() == "New sales order"
    assert form.warehouse.currentText() == "WH1 总仓"
    assert not form.approve_button.isVisible() and not form.cancel_button.isVisible()
    form.set_customer(world.customer, "上海精工机械有限公司")

    scan(qtbot, form, "6901234500011", 1)          # bolts by barcode: 1 at the list price
    scan(qtbot, form, "WIRE-2.5", 2)
    assert [(ln.sku, ln.qty, ln.unit_price) for ln in form.model.lines] == [
        ("BOLT-M6", D(1), D("0.80")), ("WIRE-2.5", D(1), D("68.00"))]
    assert set_cell(form, 0, COL_QTY, "100")
    assert set_cell(form, 0, COL_DISCOUNT, "5")
    assert set_cell(form, 1, COL_QTY, "2.5")
    assert set_cell(form, 1, COL_PRICE, "66")
    assert not set_cell(form, 1, COL_DISCOUNT, "120")
    assert form.status.text() == "A percentage is from 0 to 100, with at most two decimals."
    # 100 × 0.80 − 5 % = 76.00; 2.5 × 66 = 165.00; tax-inclusive at 13 %
    assert form.totals.text() == "Total ¥241.00 (tax ¥27.72)  discount ¥4.00"

    form.submit_button.click()
    wait_idle(qtbot, form)
    info = form.info
    assert info.state == "approved" and info.number.startswith("SO-")
    assert form.status.text() == f"Submitted as {info.number}."
    assert form.title.text() == f"Sales order {info.number}"
    assert form.state_label.text() == "Approved"
    assert (info.total, info.tax_total, info.discount_total) == (D("241.00"), D("27.72"),
                                                                 D("4.00"))
    # read-only now, with the reservation shown; the rep may still cancel
    assert not form.model.editable and not form.code.isVisible()
    assert not form.save_button.isVisible() and form.cancel_button.isVisible()
    col = form.model.column_of(COL_RESERVED)
    assert form.model.data(form.model.index(0, col)) == "100"
    assert reserved(rep, world, "BOLT-M6") == D(100)


def test_order_over_the_limit_waits_and_the_manager_approves(qtbot, sqlite_db, runner):
    world = stock_world(sqlite_db)
    Client(sqlite_db, world.staff.admin).write(
        set_approval_rules, ApprovalRules(amount_above=D("1000"), discount_above=None))
    so_id = sales_order(sqlite_db, world, [("WIRE-2.5", "20")])      # 1,360.00
    rep = Client(sqlite_db, world.staff.rep1)
    mine = open_form(qtbot, rep, runner, so_id)
    assert mine.info.state == "submitted" and mine.state_label.text() == "Awaiting approval"
    assert mine.banner.isVisible()
    assert mine.banner.text().startswith("Needs a manager's approval:\n")
    assert "1360.00" in mine.banner.text() and "1000.00" in mine.banner.text()
    assert not mine.approve_button.isVisible() and not mine.reject_button.isVisible()

    manager = Client(sqlite_db, world.staff.manager)
    form = open_form(qtbot, manager, runner, so_id)
    assert form.approve_button.isVisible() and form.reject_button.isVisible()
    form.approve_button.click()
    wait_idle(qtbot, form)
    assert form.info.state == "approved"
    assert form.status.text() == f"{form.info.number} approved; its stock is reserved."
    assert form.banner.text().startswith("Approved by 王经理 (")
    assert reserved(manager, world, "WIRE-2.5") == D(20)


def test_manager_rejects_with_a_reason_and_the_rep_can_edit_again(qtbot, sqlite_db, runner):
    world = stock_world(sqlite_db)
    Client(sqlite_db, world.staff.admin).write(
        set_approval_rules, ApprovalRules(amount_above=None, discount_above=D("10")))
    so_id = sales_order(sqlite_db, world, [("GLOVE-L", "10", "4.50", "15")])
    form = open_form(qtbot, Client(sqlite_db, world.staff.manager), runner, so_id)
    form.reject_button.click()
    dialog = form.reason_dialog
    assert dialog is not None and not dialog.ok_button.isEnabled()
    dialog.reason.setText("折扣太高，请重新报价")
    dialog.ok_button.click()
    wait_idle(qtbot, form)
    assert form.info.state == "draft"
    assert form.status.text() == "Sent back to the salesperson as a draft."

    rep_form = open_form(qtbot, Client(sqlite_db, world.staff.rep1), runner, so_id)
    assert rep_form.model.editable and rep_form.save_button.isVisible()
    # the rep reads who sent it back and why, and the order's history
    qtbot.waitUntil(lambda: rep_form.history.rowCount() > 0, timeout=10000)
    assert rep_form.banner.text() == "Sent back by 王经理: 折扣太高，请重新报价"
    assert column_texts(rep_form.history, 1) == ["Sent back", "Submitted", "Created"]
    assert column_texts(rep_form.history, 4)[0] == "折扣太高，请重新报价"
    assert set_cell(rep_form, 0, COL_DISCOUNT, "8")
    rep_form.submit_button.click()
    wait_idle(qtbot, rep_form)
    assert rep_form.info.state == "approved"
    assert rep_form.info.number == form.info.number       # the number is kept


def test_cancelling_an_approved_order_releases_its_reservation(qtbot, sqlite_db, runner):
    world = stock_world(sqlite_db)
    so_id = sales_order(sqlite_db, world, [("NUT-M6", "300")])
    rep = Client(sqlite_db, world.staff.rep1)
    assert reserved(rep, world, "NUT-M6") == D(300)
    form = open_form(qtbot, rep, runner, so_id)
    form.cancel_button.click()
    form.reason_dialog.reason.setText("客户取消")
    form.reason_dialog.ok_button.click()
    wait_idle(qtbot, form)
    assert form.info.state == "cancelled" and form.state_label.text() == "Cancelled"
    assert form.banner.text() == "Cancelled: 客户取消"
    assert not form.cancel_button.isVisible()
    assert reserved(rep, world, "NUT-M6") == D(0)


def test_missing_customer_and_lines_are_shown_beside_their_fields(qtbot, sqlite_db, runner):
    world = stock_world(sqlite_db, stock={})
    form = open_form(qtbot, Client(sqlite_db, world.staff.rep1), runner)
    form.save_button.click()
    assert form.errors.message("customer_id") == "Choose the customer."
    form.set_customer(world.customer, "上海精工机械有限公司")
    form.save_button.click()                       # no lines: the service refuses
    wait_idle(qtbot, form)
    assert form.errors.message("lines") == "Add at least one line."
    assert form.info is None                       # nothing was created


def test_warehouse_staff_read_orders_without_buttons(qtbot, sqlite_db, runner):
    world = stock_world(sqlite_db)
    so_id = sales_order(sqlite_db, world, [("BOLT-M6", "10")], submit=False)
    form = open_form(qtbot, Client(sqlite_db, world.staff.warehouse), runner, so_id)
    assert form.info.state == "draft" and not form.model.editable
    for button in (form.save_button, form.submit_button, form.approve_button,
                   form.reject_button, form.cancel_button):
        assert not button.isVisible()


def test_order_list_filters_by_state_and_opens_the_form(qtbot, sqlite_db, runner):
    world = stock_world(sqlite_db)
    draft = sales_order(sqlite_db, world, [("BOLT-M6", "10")], submit=False)
    approved = sales_order(sqlite_db, world, [("NUT-M6", "10")])
    rep = Client(sqlite_db, world.staff.rep1)
    page = OrdersPage(rep, runner)
    qtbot.addWidget(page)
    page.show()
    orders: SalesOrderList = page.sales
    qtbot.waitUntil(lambda: orders.settled, timeout=10000)
    assert page.purchases is None                   # reps do not see purchase orders
    number = rep.read(sales_orders.get_sales_order, approved).number
    assert column_texts(orders.table, 0) == [number, f"(draft {draft})"]
    assert column_texts(orders.table, 5) == ["Approved", "Draft"]
    orders.set_state_filter(("draft",))
    qtbot.waitUntil(lambda: orders.settled and orders.table.rowCount() == 1, timeout=10000)
    orders.table.selectRow(0)
    orders.open_button.click()
    form = orders.forms[draft]
    qtbot.waitUntil(lambda: form.loaded and not form.busy, timeout=10000)
    assert form.info.id == draft and form.model.editable
    assert orders.new_button.isVisible()


def test_a_manager_sets_the_approval_rules_from_the_order_list(qtbot, sqlite_db, runner):
    from services.order_approval import get_approval_rules
    world = stock_world(sqlite_db, stock={})
    manager = Client(sqlite_db, world.staff.manager)
    orders = SalesOrderList(manager, runner)
    qtbot.addWidget(orders)
    orders.show()
    assert orders.rules_button.isVisible()
    dialog = orders.edit_rules()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
    assert (dialog.amount.text(), dialog.discount.text()) == ("", "")
    dialog.amount.setText("5万")
    dialog.discount.setText("abc")
    dialog.save_button.click()
    assert dialog.errors.message("discount_above") == "Type a percentage such as 10."
    dialog.discount.setText("120")
    dialog.save_button.click()                     # the service refuses it
    qtbot.waitUntil(lambda: dialog.errors.message("discount_above") != "", timeout=10000)
    assert dialog.errors.message("discount_above") == \
        "The approval discount is a percentage from 0 to 100, or empty."
    saved = []
    dialog.saved.connect(saved.append)
    dialog.discount.setText("10")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(saved), timeout=10000)
    rules = manager.read(get_approval_rules)
    assert (rules.amount_above, rules.discount_above) == (D("50000"), D("10"))
    # a rep sees no such button
    rep_orders = SalesOrderList(Client(sqlite_db, world.staff.rep1), runner)
    qtbot.addWidget(rep_orders)
    assert not rep_orders.rules_button.isVisibleTo(rep_orders)


def test_a_stale_save_offers_the_other_users_version(qtbot, sqlite_db, runner):
    from services.order_lines import OrderLineInput
    from services.sales_orders import SalesOrderInput
    world = stock_world(sqlite_db, stock={})
    so_id = sales_order(sqlite_db, world, [("BOLT-M6", "10")], submit=False)
    rep = Client(sqlite_db, world.staff.rep1)
    form = open_form(qtbot, rep, runner, so_id)
    # a colleague (the manager) changes the draft meanwhile
    current = rep.read(sales_orders.get_sales_order, so_id)
    Client(sqlite_db, world.staff.manager).write(
        sales_orders.update_sales_order, so_id, SalesOrderInput(
            world.customer, world.main, (OrderLineInput(world.pid("NUT-M6"), D("99")),)),
        current.version_id)
    assert set_cell(form, 0, COL_QTY, "12")
    form.save_button.click()
    wait_idle(qtbot, form)
    assert form.status.text().startswith("Someone else saved this order after you opened it.")
    assert form.theirs_button.isVisible()
    form.theirs_button.click()
    qtbot.waitUntil(lambda: not form.busy and [ln.sku for ln in form.model.lines] == ["NUT-M6"],
                    timeout=10000)
    assert form.model.lines[0].qty == D(99) and not form.theirs_button.isVisible()
    assert form.model.editable and not form.dirty
