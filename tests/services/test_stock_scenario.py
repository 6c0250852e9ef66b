"""The 进销存 day, clicked through the services on both databases: purchase → receive →
sell → approve → deliver → return → count, each step by the role that does it."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from sqlalchemy import select

from models.stock import StockBalance, StockMove
from services import (deliveries, purchasing, receipts, returns, sales_orders, stock_counts,
                      stock_ledger)
from services.order_approval import ApprovalRules, set_approval_rules
from services.order_lines import OrderLineInput
from services.purchasing import PurchaseOrderInput
from services.returns import ReturnLineInput
from services.sales_orders import SalesOrderInput
from services.stock_documents import (DocLineInput, new_uuid, post_document,
                                      set_draft_lines)
from tests.helpers.documents import balance, make_world


def test_purchase_receive_sell_approve_deliver_return_count(db, staff):
    w = make_world(db, staff)
    (p1, p2, _), wh = w.products, w.warehouses[0]
    year = dt.date.today().year
    db.write(lambda s: set_approval_rules(s, staff.manager, ApprovalRules(
        amount_above=D("1000"))))

    # purchase: the warehouse orders, the admin approves
    def purchase(s):
        po = purchasing.create_purchase_order(s, staff.warehouse, PurchaseOrderInput(
            w.supplier, wh, (OrderLineInput(p1, D("20"), D("113")),
                             OrderLineInput(p2, D("10"), D("56.5")))), new_uuid())
        purchasing.submit_purchase_order(s, staff.warehouse, po.id)
        return purchasing.approve_purchase_order(s, staff.admin, po.id).id
    po = db.write(purchase)

    # receive: a first truck brings 12 of p1 and all of p2, a second the other 8
    gr1 = db.write(lambda s: receipts.create_receipt_from_po(s, staff.warehouse, po,
                                                             new_uuid()))
    db.write(lambda s: set_draft_lines(s, staff.warehouse, gr1.id, (
        DocLineInput(p1, D("12"), unit_cost=gr1.lines[0].unit_cost,
                     po_line_id=gr1.lines[0].po_line_id),
        DocLineInput(p2, D("10"), unit_cost=gr1.lines[1].unit_cost,
                     po_line_id=gr1.lines[1].po_line_id))))
    gr1 = db.write(lambda s: post_document(s, staff.warehouse, gr1.id)).document
    assert db.read(lambda s: purchasing.get_purchase_order(s, staff.admin, po).state) \
        == "partially_received"
    gr2 = db.write(lambda s: post_document(s, staff.warehouse, receipts.create_receipt_from_po(
        s, staff.warehouse, po, new_uuid()).id)).document
    assert [(ln.product_id, ln.qty) for ln in gr2.lines] == [(p1, D("8"))]
    assert db.read(lambda s: purchasing.get_purchase_order(s, staff.admin, po).state) \
        == "received"
    assert balance(db, p1, wh) == (D("20"), D("0")) and balance(db, p2, wh) == (D("10"), D("0"))

    # sell: the rep's order is over the approval amount and waits for the manager
    def sell(s):
        so = sales_orders.create_sales_order(s, staff.rep1, SalesOrderInput(
            w.customer, wh, (OrderLineInput(p1, D("15"), D("200"), D("5")),
                             OrderLineInput(p2, D("4"), D("80")))), new_uuid())
        return sales_orders.submit_sales_order(s, staff.rep1, so.id)
    so = db.write(sell)
    assert so.state == "submitted" and so.approval_reason
    assert balance(db, p1, wh) == (D("20"), D("0"))               # nothing reserved yet

    # approve: the stock is reserved for the customer
    db.write(lambda s: sales_orders.approve_sales_order(s, staff.manager, so.id))
    assert balance(db, p1, wh) == (D("20"), D("15")) and balance(db, p2, wh) == (D("10"), D("4"))

    # deliver: 10 of p1 and all of p2 today, the last 5 of p1 tomorrow
    dn1 = db.write(lambda s: deliveries.create_delivery_from_so(s, staff.warehouse, so.id,
                                                                new_uuid()))
    db.write(lambda s: set_draft_lines(s, staff.warehouse, dn1.id, (
        DocLineInput(p1, D("10"), so_line_id=dn1.lines[0].so_line_id),
        DocLineInput(p2, D("4"), so_line_id=dn1.lines[1].so_line_id))))
    dn1 = db.write(lambda s: post_document(s, staff.warehouse, dn1.id)).document
    assert dn1.lines[0].unit_price == D("190.00")                 # 200 less 5 %
    assert db.read(lambda s: sales_orders.get_sales_order(s, staff.rep1, so.id).state) \
        == "partially_delivered"
    assert balance(db, p1, wh) == (D("10"), D("5"))
    dn2 = db.write(lambda s: deliveries.post_delivery_from_so(s, staff.warehouse, so.id,
                                                              new_uuid())).document
    assert db.read(lambda s: sales_orders.get_sales_order(s, staff.rep1, so.id).state) \
        == "delivered"
    assert balance(db, p1, wh) == (D("5"), D("0")) and balance(db, p2, wh) == (D("6"), D("0"))

    # return: the customer sends 2 of p1 back from the first note; we send 1 of p2 back
    cr = db.write(lambda s: post_document(s, staff.warehouse, returns.create_customer_return(
        s, staff.warehouse, dn1.id, (ReturnLineInput(dn1.lines[0].id, D("2"), "规格不符"),),
        new_uuid(), quality_note="外观完好, 可再售").id)).document
    sr = db.write(lambda s: post_document(s, staff.warehouse, returns.create_supplier_return(
        s, staff.warehouse, w.supplier, wh, (DocLineInput(p2, D("1")),), "来料划伤",
        new_uuid(), receipt_id=gr1.id).id)).document
    assert balance(db, p1, wh) == (D("7"), D("0")) and balance(db, p2, wh) == (D("5"), D("0"))
    order = db.read(lambda s: sales_orders.get_sales_order(s, staff.rep1, so.id))
    assert [ln.returned_qty for ln in order.lines] == [D("2"), D("0")]
    po_info = db.read(lambda s: purchasing.get_purchase_order(s, staff.admin, po))
    assert [ln.returned_qty for ln in po_info.lines] == [D("0"), D("1")]

    # count: one p1 is missing; the clerk counts, the admin approves
    count = db.write(lambda s: stock_counts.start_count(s, staff.warehouse, wh,
                                                        client_uuid=new_uuid()))
    assert {(ln.product_id, ln.system_qty) for ln in count.lines} == {(p1, D("7")),
                                                                      (p2, D("5"))}
    db.write(lambda s: stock_counts.set_counted(s, staff.warehouse, count.id, {p1: D("6")}))
    db.write(lambda s: stock_counts.submit_count(s, staff.warehouse, count.id))
    sc = db.write(lambda s: post_document(s, staff.admin, count.id)).document
    assert balance(db, p1, wh) == (D("6"), D("0")) and balance(db, p2, wh) == (D("5"), D("0"))

    # every document numbered gaplessly per type, and the ledger tells the whole story
    assert [d.number for d in (gr1, gr2, dn1, dn2, cr, sr, sc)] == [
        f"GR-{year}-000001", f"GR-{year}-000002", f"DN-{year}-000001", f"DN-{year}-000002",
        f"CR-{year}-000001", f"SR-{year}-000001", f"SC-{year}-000001"]
    story = db.read(lambda s: s.execute(select(StockMove.doc_type, StockMove.qty).where(
        StockMove.product_id == p1).order_by(StockMove.id)).all())
    assert [(t, q) for t, q in story] == [("GR", D("12")), ("GR", D("8")), ("DN", D("-10")),
                                          ("DN", D("-5")), ("CR", D("2")), ("SC", D("-1"))]
    assert db.read(lambda s: s.get(StockBalance, (p1, wh)).avg_cost) == D("100")
    assert db.read(lambda s: stock_ledger.verify(s, open_reservations={})) == []
