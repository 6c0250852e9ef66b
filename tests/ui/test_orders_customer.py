"""The customer 360° view's Orders tab on a real database: the customer's sales orders and
its delivery notes, each opened from the tab; a new order starts for this customer and the
view reloads after it is saved."""
from __future__ import annotations

from app.client import Client
from services import stock_documents as docs
from services.deliveries import post_delivery_from_so
from tests.ui.stock_data import sales_order, stock_world
from ui.customers.detail import Customer360Widget
from ui.stock.tables import column_texts


def open_view(qtbot, client, runner, customer_id) -> Customer360Widget:
    view = Customer360Widget(client, runner, customer_id)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitUntil(lambda: view.data is not None, timeout=10000)
    return view


def test_orders_tab_lists_orders_and_deliveries_and_opens_them(qtbot, sqlite_db, runner):
    world = stock_world(sqlite_db)
    first = sales_order(sqlite_db, world, [("BOLT-M6", "100")])
    sales_order(sqlite_db, world, [("NUT-M6", "20")], submit=False)
    clerk = Client(sqlite_db, world.staff.warehouse)
    dn = clerk.write(post_delivery_from_so, first, docs.new_uuid()).document
    rep = Client(sqlite_db, world.staff.rep1)

    view = open_view(qtbot, rep, runner, world.customer)
    tab = view.orders_tab
    assert "Orders (2)" in view.visible_tab_titles()
    assert column_texts(tab.order_table, 3) == ["Draft", "Delivered"]   # open ones first
    assert column_texts(tab.order_table, 5) == ["¥6.00", "¥80.00"]
    assert column_texts(tab.delivery_table, 0) == [f"Delivery note {dn.number}"]
    assert column_texts(tab.delivery_table, 5) == ["100"]
    assert tab.summary.text() == "2 orders, ¥6.00 still open"

    tab.delivery_table.setCurrentCell(0, 0)
    window = tab.open_document(dn.id)
    qtbot.waitUntil(lambda: window.editor.loaded and not window.editor.busy, timeout=10000)
    assert window.editor.info.number == dn.number

    form = tab.open_order(None)                       # a new order for this customer
    qtbot.waitUntil(lambda: form.loaded and not form.busy, timeout=10000)
    assert form.customer_id == world.customer
    assert form.customer_label.text() == "上海精工机械有限公司"
    form.add_product(world.products["TAPE-18"])
    form.save_button.click()
    qtbot.waitUntil(lambda: "Orders (3)" in view.visible_tab_titles(), timeout=10000)


def test_a_customer_without_orders_shows_no_orders_tab(qtbot, sqlite_db, runner):
    world = stock_world(sqlite_db, stock={})
    view = open_view(qtbot, Client(sqlite_db, world.staff.rep1), runner, world.customer)
    assert not any(t.startswith("Orders") for t in view.visible_tab_titles())
