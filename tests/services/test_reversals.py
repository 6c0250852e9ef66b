"""Reversals: a posted document is corrected by a new posted document of the same type that
undoes its stock moves and its order progress — once, never when later returns depend on
it, never taking stock that is gone."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from sqlalchemy import select

from models.stock import StockMove
from services import deliveries, purchasing, receipts, returns, sales_orders, stock_ledger
from services.errors import InsufficientStock, PermissionDenied, ValidationError
from services.reversals import reverse_document
from services.stock_counts import set_counted, start_count, submit_count
from services.stock_documents import DocLineInput, new_uuid, post_document
from services.transfers import create_transfer
from tests.helpers.documents import approved_po, approved_so, balance, make_world
from tests.helpers.inventory import book, post, receive
from tests.helpers.stock import make_catalog


def reverse(db, actor, doc_id, reason="录入错误", uuid=None):
    return db.write(lambda s: reverse_document(s, actor, doc_id, reason, uuid or new_uuid()))


def ledger_of(db, doc_id):
    return db.read(lambda s: [(m.product_id, m.warehouse_id, m.qty, m.unit_cost) for m in
                              s.scalars(select(StockMove).where(StockMove.document_id == doc_id)
                                        .order_by(StockMove.id))])


def test_reversing_a_transfer_moves_the_goods_back_once(db, staff):
    cat = make_catalog(db)
    p, (a, b) = cat.products[0], cat.warehouses
    receive(db, p, a, "10", cost="8")
    tr = db.write(lambda s: create_transfer(s, staff.warehouse, a, b, [DocLineInput(p, D("4"))],
                                            new_uuid()))
    posted = post(db, staff.warehouse, tr.id).document
    uuid = new_uuid()
    rev = reverse(db, staff.warehouse, posted.id, uuid=uuid)
    assert (rev.doc_type, rev.state, rev.reverses_id) == ("TR", "posted", posted.id)
    assert rev.number.startswith("TR-") and rev.number != posted.number
    assert (rev.warehouse_id, rev.to_warehouse_id, rev.reason) == (a, b, "录入错误")
    assert [(ln.product_id, ln.qty, ln.source_line_id) for ln in rev.lines] == [
        (p, D("4"), posted.lines[0].id)]
    assert ledger_of(db, rev.id) == [(p, a, D("4"), D("8")), (p, b, D("-4"), D("8"))]
    assert balance(db, p, a) == (D("10"), D("0")) and balance(db, p, b) == (D("0"), D("0"))
    assert db.read(stock_ledger.verify) == []
    # a resend returns the same reversal; a second reversal is refused
    assert reverse(db, staff.warehouse, posted.id, uuid=uuid).id == rev.id
    with pytest.raises(ValidationError) as err:
        reverse(db, staff.warehouse, posted.id)
    assert err.value.errors == {"reverses_id": f"{posted.number} was already reversed by "
                                                f"{rev.number}."}
    with pytest.raises(ValidationError) as err:
        reverse(db, staff.warehouse, rev.id)
    assert "is itself a reversal" in err.value.message
    with pytest.raises(ValidationError) as err:
        reverse(db, staff.warehouse, posted.id, reason="  ")
    assert err.value.errors == {"reason": "Say why the document is reversed."}
    with pytest.raises(PermissionDenied):
        reverse(db, staff.rep1, posted.id)


def test_reversing_a_receipt_reopens_the_order_unless_the_goods_are_gone(db, staff):
    w = make_world(db, staff)
    (p1, p2, _), wh = w.products, w.warehouses[0]
    po = approved_po(db, staff, w, [(p1, 10, "113"), (p2, 5, "11.3")])
    gr = db.write(lambda s: receipts.create_receipt_from_po(s, staff.warehouse, po, new_uuid()))
    gr = post(db, staff.warehouse, gr.id).document
    assert db.read(lambda s: purchasing.get_purchase_order(s, staff.admin, po)).state == \
        "received"
    # 8 of p1 left already: the receipt can no longer be undone
    book(db, None, "SR", wh, [(p1, "-8", None)])
    with pytest.raises(InsufficientStock) as err:
        reverse(db, staff.warehouse, gr.id)
    assert "SKU-001" in str(err.value) and err.value.shortfall == D("8")
    assert balance(db, p2, wh) == (D("5"), D("0"))              # nothing half-done
    order = db.read(lambda s: purchasing.get_purchase_order(s, staff.admin, po))
    assert order.state == "received" and order.lines[0].received_qty == D("10")
    # the goods come back; now the receipt reverses and the order waits for them again
    receive(db, p1, wh, "8", cost="100")
    rev = reverse(db, staff.admin, gr.id)
    assert rev.purchase_order_id == po and rev.doc_type == "GR"
    order = db.read(lambda s: purchasing.get_purchase_order(s, staff.admin, po))
    assert order.state == "approved"
    assert [(ln.received_qty, ln.open_qty) for ln in order.lines] == [(D("0"), D("10")),
                                                                      (D("0"), D("5"))]
    assert balance(db, p1, wh) == (D("0"), D("0")) and balance(db, p2, wh) == (D("0"), D("0"))
    assert db.read(stock_ledger.verify) == []


def test_reversing_a_delivery_brings_goods_back_and_reserves_them_again(db, staff):
    w = make_world(db, staff)
    p1, wh = w.products[0], w.warehouses[0]
    receive(db, p1, wh, "10", cost="30")
    so = approved_so(db, staff, w, [(p1, 6, "113")])
    dn = db.write(lambda s: deliveries.post_delivery_from_so(s, staff.warehouse, so, new_uuid()))
    dn = dn.document
    assert balance(db, p1, wh) == (D("4"), D("0"))
    rev = reverse(db, staff.warehouse, dn.id, reason="客户拒收，未出库")
    assert rev.sales_order_id == so and rev.lines[0].unit_price == dn.lines[0].unit_price
    assert ledger_of(db, rev.id) == [(p1, wh, D("6"), D("30"))]
    assert balance(db, p1, wh) == (D("10"), D("6"))             # back, and promised again
    order = db.read(lambda s: sales_orders.get_sales_order(s, staff.admin, so))
    assert order.state == "approved"
    assert (order.lines[0].delivered_qty, order.lines[0].reserved_qty) == (D("0"), D("6"))
    assert db.read(stock_ledger.verify) == []


def test_a_delivery_with_a_customer_return_is_not_reversed(db, staff):
    w = make_world(db, staff)
    p1, wh = w.products[0], w.warehouses[0]
    receive(db, p1, wh, "10")
    so = approved_so(db, staff, w, [(p1, 6, "113")])
    dn = db.write(lambda s: deliveries.post_delivery_from_so(s, staff.warehouse, so,
                                                             new_uuid())).document
    cr = book(db, None, "CR", wh, [(p1, "2", "10")], source_document_id=dn.id)
    with pytest.raises(ValidationError) as err:
        reverse(db, staff.warehouse, dn.id)
    cr_number = db.read(lambda s: s.get(stock_ledger.StockDocument, cr).number)
    assert err.value.errors == {"source_document_id": f"Goods of {dn.number} were returned "
                                f"on {cr_number}; reverse that return first."}
    reverse(db, staff.warehouse, cr)                              # undo the return first
    assert reverse(db, staff.warehouse, dn.id).reverses_id == dn.id


def test_count_reversal_is_for_administrators(db, staff):
    cat = make_catalog(db)
    p, wh = cat.products[0], cat.warehouses[0]
    receive(db, p, wh, "5", cost="2")
    count = db.write(lambda s: start_count(s, staff.warehouse, wh, client_uuid=new_uuid()))
    db.write(lambda s: set_counted(s, staff.warehouse, count.id, {p: D("3")}))
    db.write(lambda s: submit_count(s, staff.warehouse, count.id))
    sc = db.write(lambda s: post_document(s, staff.admin, count.id)).document
    with pytest.raises(PermissionDenied):
        reverse(db, staff.warehouse, sc.id)
    rev = reverse(db, staff.admin, sc.id)
    assert ledger_of(db, rev.id) == [(p, wh, D("2"), D("2"))]
    assert balance(db, p, wh) == (D("5"), D("0"))
    draft = db.write(lambda s: start_count(s, staff.warehouse, wh, client_uuid=new_uuid()))
    with pytest.raises(ValidationError) as err:
        reverse(db, staff.admin, draft.id)
    assert "is not posted" in err.value.message


def test_reversing_a_customer_return_takes_the_goods_out_again(db, staff):
    w = make_world(db, staff)
    p1, wh = w.products[0], w.warehouses[0]
    receive(db, p1, wh, "10", cost="30")
    so = approved_so(db, staff, w, [(p1, 6, "113")])
    dn = db.write(lambda s: deliveries.post_delivery_from_so(s, staff.warehouse, so,
                                                             new_uuid())).document
    cr = db.write(lambda s: returns.create_customer_return(
        s, staff.warehouse, dn.id, (returns.ReturnLineInput(dn.lines[0].id, D("2"), "破损"),),
        new_uuid()))
    cr = post(db, staff.warehouse, cr.id).document
    assert balance(db, p1, wh) == (D("6"), D("0"))
    order = db.read(lambda s: sales_orders.get_sales_order(s, staff.admin, so))
    assert order.lines[0].returned_qty == D("2")
    rev = reverse(db, staff.warehouse, cr.id, reason="退货登记错误")
    assert (rev.doc_type, rev.source_document_id) == ("CR", dn.id)
    assert ledger_of(db, rev.id) == [(p1, wh, D("-2"), D("30"))]
    assert balance(db, p1, wh) == (D("4"), D("0"))
    order = db.read(lambda s: sales_orders.get_sales_order(s, staff.admin, so))
    assert (order.state, order.lines[0].returned_qty) == ("delivered", D("0"))
    assert db.read(stock_ledger.verify) == []
