"""Delivery notes: only from an approved sales order, partial deliveries, never more than a
line still has open, consuming the order's reservation, at the moving-average cost."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from sqlalchemy import select

from models.stock import StockDocument, StockMove
from services import deliveries, receipts, sales_orders, stock_ledger
from services.errors import InsufficientStock, PermissionDenied, ValidationError
from services.stock_documents import (DocLineInput, new_uuid, post_document,
                                      set_draft_lines)
from tests.helpers.documents import approved_po, approved_so, balance, make_world


def stocked_world(db, staff, qty=20):
    """Two products received at 100 and 50 net of tax into the first warehouse."""
    w = make_world(db, staff)
    (p1, p2, _) = w.products
    po = approved_po(db, staff, w, [(p1, qty, "113"), (p2, qty, "56.5")])
    db.write(lambda s: post_document(s, staff.warehouse, receipts.create_receipt_from_po(
        s, staff.warehouse, po, new_uuid()).id))
    return w


def so_info(db, staff, so):
    return db.read(lambda s: sales_orders.get_sales_order(s, staff.warehouse, so))


def test_delivery_from_an_approved_order_ships_everything_open(db, staff):
    w = stocked_world(db, staff)
    (p1, p2, _), wh = w.products, w.warehouses[0]
    so = approved_so(db, staff, w, [(p1, 5, "200", "10"), (p2, 3, "80")])
    assert balance(db, p1, wh) == (D("20"), D("5"))

    doc = db.write(lambda s: deliveries.create_delivery_from_so(s, staff.warehouse, so,
                                                                new_uuid()))
    assert (doc.doc_type, doc.customer_id, doc.sales_order_id) == ("DN", w.customer, so)
    assert [(ln.product_id, ln.qty, ln.unit_price) for ln in doc.lines] == [
        (p1, D("5"), D("180.00")), (p2, D("3"), D("80.00"))]     # net of the 10 % discount

    done = db.write(lambda s: post_document(s, staff.warehouse, doc.id))
    assert done.document.number.startswith("DN-") and done.document.state == "posted"
    assert [ln.unit_cost for ln in done.document.lines] == [D("100"), D("50")]
    assert balance(db, p1, wh) == (D("15"), D("0"))       # reservation consumed
    assert balance(db, p2, wh) == (D("17"), D("0"))
    order = so_info(db, staff, so)
    assert order.state == "delivered"
    assert [(ln.delivered_qty, ln.reserved_qty, ln.open_qty) for ln in order.lines] == [
        (D("5"), D("0"), D("0")), (D("3"), D("0"), D("0"))]
    moves = db.read(lambda s: s.execute(select(StockMove.qty, StockMove.unit_cost,
                                               StockMove.doc_number)
                                        .where(StockMove.document_id == doc.id)
                                        .order_by(StockMove.id)).all())
    assert [(m.qty, m.unit_cost) for m in moves] == [(D("-5"), D("100")), (D("-3"), D("50"))]
    assert {m.doc_number for m in moves} == {done.document.number}
    assert db.read(stock_ledger.verify) == []


def test_partial_deliveries_release_the_reservation_step_by_step(db, staff):
    w = stocked_world(db, staff)
    (p1, p2, _), wh = w.products, w.warehouses[0]
    so = approved_so(db, staff, w, [(p1, 10, "200"), (p2, 4, "80")])
    doc = db.write(lambda s: deliveries.create_delivery_from_so(s, staff.warehouse, so,
                                                                new_uuid()))
    # only 6 of p1 fit on the van today
    first = doc.lines[0]
    db.write(lambda s: set_draft_lines(s, staff.warehouse, doc.id, (DocLineInput(
        p1, D("6"), unit_price=first.unit_price, so_line_id=first.so_line_id),),
        expected_version=doc.version_id))
    db.write(lambda s: post_document(s, staff.warehouse, doc.id))
    assert balance(db, p1, wh) == (D("14"), D("4"))
    assert balance(db, p2, wh) == (D("20"), D("4"))
    order = so_info(db, staff, so)
    assert order.state == "partially_delivered"
    assert [ln.open_qty for ln in order.lines] == [D("4"), D("4")]

    rest = db.write(lambda s: deliveries.post_delivery_from_so(s, staff.warehouse, so,
                                                               new_uuid()))
    assert [(ln.product_id, ln.qty) for ln in rest.document.lines] == [(p1, D("4")),
                                                                       (p2, D("4"))]
    assert so_info(db, staff, so).state == "delivered"
    assert balance(db, p1, wh) == (D("10"), D("0")) and balance(db, p2, wh) == (D("16"), D("0"))
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: deliveries.create_delivery_from_so(s, staff.warehouse, so,
                                                              new_uuid()))
    assert err.value.message.endswith("is fully delivered.")
    assert db.read(lambda s: stock_ledger.verify(s, open_reservations={})) == []


def test_two_notes_of_one_order_cannot_together_deliver_more_than_ordered(db, staff):
    w = stocked_world(db, staff)
    p1, wh = w.products[0], w.warehouses[0]
    so = approved_so(db, staff, w, [(p1, 5, "200")])
    a = db.write(lambda s: deliveries.create_delivery_from_so(s, staff.warehouse, so, new_uuid()))
    b = db.write(lambda s: deliveries.create_delivery_from_so(s, staff.admin, so, new_uuid()))
    db.write(lambda s: set_draft_lines(s, staff.warehouse, a.id,
                                       (DocLineInput(p1, D("2")),)))    # typed by product
    db.write(lambda s: post_document(s, staff.warehouse, a.id))
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: post_document(s, staff.admin, b.id))
    assert err.value.errors == {"lines[1].qty": f"Line 1 (SKU-001): 5 is more than the 3 still "
                                                f"open on SO-{a.doc_date.year}-000001."}
    assert balance(db, p1, wh) == (D("18"), D("3"))
    assert db.read(lambda s: s.get(StockDocument, b.id).state) == "draft"


def test_no_stock_leaves_without_an_approved_sales_order(db, staff):
    from services.order_approval import ApprovalRules, set_approval_rules
    w = stocked_world(db, staff)
    p1 = w.products[0]
    # a note that does not come from an order cannot be posted
    from services.stock_documents import new_document, write_lines

    def orphan(s):
        doc, _ = new_document(s, staff.warehouse, "DN", new_uuid(), warehouse_id=w.warehouses[0])
        write_lines(s, doc, (DocLineInput(p1, D("1")),))
        return doc.id
    orphan_id = db.write(orphan)
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: post_document(s, staff.warehouse, orphan_id))
    assert "no stock leaves without one" in err.value.message

    # an order waiting for approval cannot be delivered
    db.write(lambda s: set_approval_rules(s, staff.admin, ApprovalRules(amount_above=D("0"))))
    from services.order_lines import OrderLineInput
    from services.sales_orders import SalesOrderInput

    def waiting(s):
        so = sales_orders.create_sales_order(s, staff.rep1, SalesOrderInput(
            w.customer, w.warehouses[0], (OrderLineInput(p1, D("1"), D("200")),)), new_uuid())
        return sales_orders.submit_sales_order(s, staff.rep1, so.id).id
    so = db.write(waiting)
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: deliveries.create_delivery_from_so(s, staff.warehouse, so,
                                                              new_uuid()))
    assert err.value.message == f"SO-{dt.date.today().year}-000001 is waiting for approval."

    # approved, a draft note made, then the order is cancelled: the note no longer posts
    db.write(lambda s: sales_orders.approve_sales_order(s, staff.manager, so))
    doc = db.write(lambda s: deliveries.create_delivery_from_so(s, staff.warehouse, so,
                                                                new_uuid()))
    db.write(lambda s: sales_orders.cancel_sales_order(s, staff.rep1, so, "客户取消"))
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: post_document(s, staff.warehouse, doc.id))
    assert err.value.message.endswith("was cancelled.")
    assert balance(db, p1, w.warehouses[0]) == (D("20"), D("0"))

    with pytest.raises(PermissionDenied):
        db.write(lambda s: deliveries.post_delivery_from_so(s, staff.rep1, so, new_uuid()))


def test_a_product_not_on_the_order_is_refused(db, staff):
    w = stocked_world(db, staff)
    (p1, p2, _) = w.products
    so = approved_so(db, staff, w, [(p1, 5, "200")])
    doc = db.write(lambda s: deliveries.create_delivery_from_so(s, staff.warehouse, so,
                                                                new_uuid()))
    db.write(lambda s: set_draft_lines(s, staff.warehouse, doc.id,
                                       (DocLineInput(p1, D("5")), DocLineInput(p2, D("1")))))
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: post_document(s, staff.warehouse, doc.id))
    assert err.value.errors == {"lines[2].qty": "Line 2 (SKU-002): not on "
                                                f"SO-{doc.doc_date.year}-000001."}
    assert balance(db, p2, w.warehouses[0]) == (D("20"), D("0"))


def test_shipping_from_a_warehouse_without_enough_stock_is_refused_whole(db, staff):
    w = stocked_world(db, staff)
    (p1, p2, _), (central, branch) = w.products, w.warehouses
    db.write(lambda s: post_document(s, staff.warehouse, receipts.create_standalone_receipt(
        s, staff.warehouse, branch, "调拨补货", (DocLineInput(p1, D("3"), unit_cost=D("90")),
                                                 DocLineInput(p2, D("9"), unit_cost=D("40"))),
        new_uuid()).id))
    so = approved_so(db, staff, w, [(p2, 2, "80"), (p1, 5, "200")])      # reserved centrally
    with pytest.raises(InsufficientStock) as err:
        db.write(lambda s: deliveries.post_delivery_from_so(s, staff.warehouse, so, new_uuid(),
                                                            warehouse_id=branch))
    assert str(err.value) == "Not enough stock of SKU-001 产品1 in 仓库2: short by 2"
    assert balance(db, p2, branch) == (D("9"), D("0"))                  # nothing half-shipped
    assert balance(db, p1, central) == (D("20"), D("5"))                # still reserved
    assert so_info(db, staff, so).state == "approved"
    assert db.read(lambda s: s.scalar(select(StockMove.id).where(
        StockMove.doc_type == "DN"))) is None

    # an order the branch can serve ships from there; its central reservation is released
    small = approved_so(db, staff, w, [(p1, 3, "200")])
    assert balance(db, p1, central) == (D("20"), D("8"))
    done = db.write(lambda s: deliveries.post_delivery_from_so(
        s, staff.warehouse, small, new_uuid(), warehouse_id=branch)).document
    assert done.warehouse_id == branch and done.lines[0].unit_cost == D("90")
    assert balance(db, p1, branch) == (D("0"), D("0"))
    assert balance(db, p1, central) == (D("20"), D("5"))
    assert db.read(lambda s: stock_ledger.verify(s, open_reservations={
        (p1, central): D("5"), (p2, central): D("2")})) == []
