"""Purchase order form and list on a real database: the warehouse clerk picks the supplier
(its payment terms come along), enters lines at purchase prices and submits; only the
administrator approves; the approved order is in the warehouse's "to receive" queue;
cancelling asks why."""
from __future__ import annotations

from decimal import Decimal as D

from app.client import Client
from services import purchasing
from services.suppliers import search_suppliers
from tests.ui.stock_data import purchase_order, stock_world
from ui.orders.order_lines import COL_PRICE, COL_QTY
from ui.orders.order_list import OrdersPage
from ui.orders.purchase_form import PurchaseOrderForm, SupplierPickerDialog
from ui.stock.tables import column_texts


def open_form(qtbot, client, runner, order_id=None) -> PurchaseOrderForm:
    form = PurchaseOrderForm(client, runner, order_id)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: form.loaded and not form.busy, timeout=10000)
    return form


def test_clerk_enters_a_purchase_order_and_the_administrator_approves(qtbot, sqlite_db,
                                                                      runner):
    world = stock_world(sqlite_db, stock={})
    clerk = Client(sqlite_db, world.staff.warehouse)
    form = open_form(qtbot, clerk, runner)
    assert form.title.text() == "New purchase order"

    picker = SupplierPickerDialog(clerk, runner, form)
    qtbot.addWidget(picker)
    qtbot.waitUntil(lambda: picker.table.rowCount() == 1, timeout=10000)
    picked = []
    picker.picked.connect(picked.append)
    picker.buttons.accepted.emit()
    form.set_supplier(picked[0])
    assert form.supplier_label.text() == f"{picked[0].code} 华东五金供应商"
    assert form.payment_terms.text() == "月结30天"

    form.add_product(world.products["GLOVE-L"])
    form.add_product(world.products["TAPE-18"])
    price = form.model.column_of(COL_PRICE)
    assert form.model.data(form.model.index(0, price)) == "2.10"      # the product's cost
    assert form.model.setData(form.model.index(0, form.model.column_of(COL_QTY)), "300")
    assert form.model.setData(form.model.index(0, price), "2.2599")   # 4 decimals allowed
    assert form.model.setData(form.model.index(1, form.model.column_of(COL_QTY)), "50")
    assert form.totals.text() == "Total ¥747.97 (tax ¥86.05)"

    form.submit_button.click()
    qtbot.waitUntil(lambda: not form.busy, timeout=10000)
    info = form.info
    assert info.state == "submitted" and info.number.startswith("PO-")
    assert form.status.text() == f"Submitted as {info.number}."
    assert not form.approve_button.isVisible()             # the clerk does not approve
    assert form.cancel_button.isVisible()

    admin_form = open_form(qtbot, Client(sqlite_db, world.staff.admin), runner, info.id)
    assert admin_form.approve_button.isVisible()
    admin_form.approve_button.click()
    qtbot.waitUntil(lambda: not admin_form.busy, timeout=10000)
    assert admin_form.info.state == "approved"
    assert admin_form.created_by.text() == "陈库管 / 管理员"
    queue = clerk.read(purchasing.receive_queue)
    assert [(r.number, r.open_qty) for r in queue] == [(info.number, D(350))]


def test_cancelling_a_purchase_order_asks_why(qtbot, sqlite_db, runner):
    world = stock_world(sqlite_db, stock={})
    po_id = purchase_order(sqlite_db, world, [("BOLT-M6", "1000")])
    form = open_form(qtbot, Client(sqlite_db, world.staff.warehouse), runner, po_id)
    form.cancel_button.click()
    form.reason_dialog.reason.setText("供应商缺货")
    form.reason_dialog.ok_button.click()
    qtbot.waitUntil(lambda: not form.busy, timeout=10000)
    assert form.info.state == "cancelled"
    assert form.banner.text() == "Cancelled: 供应商缺货"


def test_finance_reads_purchase_orders_beside_sales_orders(qtbot, sqlite_db, runner):
    world = stock_world(sqlite_db, stock={})
    purchase_order(sqlite_db, world, [("BOLT-M6", "1000", "0.35")])
    finance = Client(sqlite_db, world.staff.finance)
    assert [s.name for s in finance.read(search_suppliers, "")] == ["华东五金供应商"]
    page = OrdersPage(finance, runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.purchases.settled, timeout=10000)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Sales orders", "Purchase orders"]
    assert column_texts(page.purchases.table, 1) == ["华东五金供应商"]
    assert column_texts(page.purchases.table, 6) == ["¥350.00"]
    assert not page.purchases.new_button.isVisible()
