"""Render the Chinese screenshots of the order and warehouse screens.

    python docs/screenshots/render_stock.py            # warehouse-queue.png, sales-order.png
    python docs/screenshots/render_stock.py --all DIR  # also the document editor, the stock
                                                       # inquiry and the order list, into DIR

Offscreen, with the zh_CN translation installed. The data is built fresh in a temporary
SQLite file through the real services (the small trading company of tests/ui/stock_data.py
with more customers and orders): the clerk 陈库管 sees five orders to ship, two purchase
orders to receive and the drafts in progress; the sales manager 王经理 looks at an order
that waits for approval because of its total and a discount."""
from __future__ import annotations

import datetime as dt
import sys
import tempfile
from decimal import Decimal as D
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render import migrated_sqlite, save, settle, wait_until  # noqa: E402

CUSTOMERS = ("上海精工机械有限公司", "苏州华星电子科技有限公司", "杭州远航建设工程有限公司",
             "南京东方智能装备有限公司", "宁波宏达五金贸易有限公司")


def build(directory: Path):
    from services import customers, purchasing, sales_orders, stock_documents as docs
    from services.customers import CustomerInput
    from services.deliveries import create_delivery_from_so
    from services.order_approval import ApprovalRules, set_approval_rules
    from services.order_lines import OrderLineInput
    from services.purchasing import PurchaseOrderInput
    from services.sales_orders import SalesOrderInput
    from services.stock_counts import start_count, submit_count
    from tests.ui.stock_data import purchase_order, receive, stock_world

    db = migrated_sqlite(directory / "stock.sqlite3")
    world = stock_world(db, stock={"BOLT-M6": "5000", "NUT-M6": "8000", "WIRE-2.5": "320.5",
                                   "GLOVE-L": "40", "TAPE-18": "600"})
    receive(db, world, world.south, {"BOLT-M6": "1200", "TAPE-18": "150"})
    staff, today = world.staff, dt.date.today()
    ids = [world.customer] + [db.write(lambda s, n=n: customers.create_customer(
        s, staff.rep1 if i % 2 else staff.rep2, CustomerInput(name=n)).id)
        for i, n in enumerate(CUSTOMERS[1:], start=1)]

    def order(customer, lines, days, rep, warehouse=None, submit=True):
        def work(s):
            so = sales_orders.create_sales_order(s, rep, SalesOrderInput(
                customer, warehouse or world.main, tuple(
                    OrderLineInput(world.pid(sku), D(q), D(p), D(disc))
                    for sku, q, p, disc in lines),
                delivery_date=today + dt.timedelta(days=days),
                delivery_address="上海市嘉定区安亭镇墨玉路 88 号", delivery_terms="送货上门",
                payment_terms="月结30天", contact_name="刘工", contact_phone="13801234567",
                notes="请在工作日 9:00–17:00 送达"), docs.new_uuid())
            if submit:
                sales_orders.submit_sales_order(s, rep, so.id)
            return so.id
        return db.write(work)

    rep1, rep2 = staff.rep1, staff.rep2      # the owners of the customers they sell to
    order(ids[0], [("BOLT-M6", "800", "0.80", "0"), ("NUT-M6", "800", "0.30", "0")], 1, rep1)
    order(ids[1], [("WIRE-2.5", "45.5", "68", "0")], 2, rep1)
    order(ids[2], [("TAPE-18", "120", "3.20", "0"), ("GLOVE-L", "20", "4.50", "0")], 3, rep2)
    order(ids[3], [("BOLT-M6", "600", "0.78", "0")], 5, rep1, warehouse=world.south)
    order(ids[4], [("NUT-M6", "1500", "0.28", "0"), ("BOLT-M6", "300", "0.80", "0")], 7, rep2)
    purchase_order(db, world, [("GLOVE-L", "500", "2.20"), ("TAPE-18", "200", "1.40")])

    def late_po(s):
        po = purchasing.create_purchase_order(s, staff.warehouse, PurchaseOrderInput(
            world.supplier, world.main, (OrderLineInput(world.pid("WIRE-2.5"), D("200"),
                                                        D("51.50")),),
            expected_date=today + dt.timedelta(days=4)), docs.new_uuid())
        purchasing.submit_purchase_order(s, staff.warehouse, po.id)
        purchasing.approve_purchase_order(s, staff.admin, po.id)
    db.write(late_po)
    first = db.read(lambda s: sales_orders.ship_queue(s, staff.warehouse))[0]
    db.write(lambda s: create_delivery_from_so(s, staff.warehouse, first.so_id,
                                               docs.new_uuid()))

    def count(s):
        c = start_count(s, staff.warehouse, world.south, client_uuid=docs.new_uuid(),
                        reason="月末盘点")
        submit_count(s, staff.warehouse, c.id)
    db.write(count)
    # an order over the limits waits for the manager
    db.write(lambda s: set_approval_rules(s, staff.admin, ApprovalRules(
        amount_above=D("5000"), discount_above=D("10"))))
    waiting = order(ids[0], [("WIRE-2.5", "60", "68.00", "5"), ("BOLT-M6", "2000", "0.80", "12"),
                             ("NUT-M6", "2000", "0.30", "12"), ("GLOVE-L", "100", "4.50", "0"),
                             ("TAPE-18", "200", "3.20", "0")], 10, rep1)
    return db, world, waiting


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.client import Client
    from app.runner import Runner
    from ui.orders.sales_form import SalesOrderForm
    from ui.stock.warehouse_page import WarehousePage

    out_all = Path(argv[argv.index("--all") + 1]) if "--all" in argv else None
    app = QApplication.instance() or QApplication([])
    i18n.install_translators("zh_CN", app)
    runner = Runner()
    with tempfile.TemporaryDirectory() as tmp:
        db, world, waiting = build(Path(tmp))
        clerk = Client(db, world.staff.warehouse)
        page = WarehousePage(clerk, runner)
        page.resize(1280, 720)
        page.show()
        wait_until(lambda: page.settled and page.ship_table.rowCount() > 0)
        save(page, "warehouse-queue.png")

        form = SalesOrderForm(Client(db, world.staff.manager), runner, waiting)
        form.resize(1120, 720)
        form.show()
        wait_until(lambda: form.loaded and not form.busy)
        settle(form)
        save(form, "sales-order.png")

        if out_all is not None:
            shots_for_review(out_all, db, world, page, runner)
        for w in (page, form):
            w.close()
        runner.wait_idle()
        db.dispose()
    return 0


def shots_for_review(out: Path, db, world, page, runner) -> None:
    """More screens, written to ``out`` (not kept in docs/): the clerk's delivery note being
    scanned, the stock inquiry, the order list."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app.client import Client
    from ui.orders.order_list import OrdersPage
    from ui.stock.inquiry import StockInquiryWidget
    out.mkdir(parents=True, exist_ok=True)
    draft = page.draft_rows[-1] if page.draft_rows else None
    for row in page.draft_rows:
        if row.doc_type == "DN":
            draft = row
    window = page.open_document(draft.id)
    window.resize(1000, 640)
    wait_until(lambda: window.editor.loaded and not window.editor.busy)
    editor = window.editor
    for code in ("6901234500011", "6901234500011", "TAPE-18"):
        QTest.keyClicks(editor.scan, code)
        QTest.keyClick(editor.scan, Qt.Key_Return)
        wait_until(lambda: not editor.scan._pending)
    settle(window)
    window.grab().save(str(out / "doc-editor.png"))

    inquiry = StockInquiryWidget(Client(db, world.staff.warehouse), runner)
    inquiry.resize(1100, 640)
    inquiry.show()
    inquiry.show_product(world.pid("BOLT-M6"))
    wait_until(lambda: inquiry.product is not None and inquiry.settled)
    settle(inquiry)
    inquiry.grab().save(str(out / "stock-inquiry.png"))

    orders = OrdersPage(Client(db, world.staff.admin), runner)
    orders.resize(1100, 560)
    orders.show()
    wait_until(lambda: orders.sales.settled)
    settle(orders)
    orders.grab().save(str(out / "orders.png"))
    print(f"wrote review shots to {out}")
    for w in (window, inquiry, orders):
        w.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
