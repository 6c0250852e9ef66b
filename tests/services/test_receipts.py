"""Goods receipts: from an approved purchase order (partial receipts, never more than the
order still owes, at the price net of tax) or standalone with a reason."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from sqlalchemy import func, select

from models.catalog import Warehouse
from models.stock import PurchaseOrderLine, StockDocument, StockMove
from services import purchasing, receipts, stock_ledger
from services.errors import NotFound, PermissionDenied, ValidationError
from services.stock_documents import (DocLineInput, get_stock_document, new_uuid,
                                      post_document, set_draft_lines)
from tests.helpers.documents import approved_po, balance, make_world


def test_receipt_from_po_fills_open_lines_at_the_price_net_of_tax(db, staff):
    w = make_world(db, staff)
    (p1, p2, _), wh = w.products, w.warehouses[0]
    po = approved_po(db, staff, w, [(p1, 10, "113"), (p2, 4, "56.5")])

    doc = db.write(lambda s: receipts.create_receipt_from_po(s, staff.warehouse, po, new_uuid()))
    assert (doc.doc_type, doc.state, doc.number) == ("GR", "draft", None)
    assert doc.supplier_id == w.supplier and doc.purchase_order_id == po
    assert doc.warehouse_id == wh
    assert [(ln.product_id, ln.qty, ln.unit_cost) for ln in doc.lines] == [
        (p1, D("10"), D("100.0000")), (p2, D("4"), D("50.0000"))]   # 113 / 1.13, 56.5 / 1.13


def test_partial_receipts_move_the_order_to_received(db, staff):
    w = make_world(db, staff)
    (p1, p2, _), wh = w.products, w.warehouses[0]
    po = approved_po(db, staff, w, [(p1, 10, "113"), (p2, 4, "56.5")])
    doc = db.write(lambda s: receipts.create_receipt_from_po(s, staff.warehouse, po, new_uuid()))

    # the truck brought 6 of p1 and nothing of p2
    first = doc.lines[0]
    db.write(lambda s: set_draft_lines(s, staff.warehouse, doc.id, (DocLineInput(
        p1, D("6"), unit_cost=first.unit_cost, po_line_id=first.po_line_id),),
        expected_version=doc.version_id))
    posted = db.write(lambda s: post_document(s, staff.warehouse, doc.id))
    assert posted.document.number.startswith("GR-") and not posted.already_posted
    assert balance(db, p1, wh) == (D("6"), D("0"))
    order = db.read(lambda s: purchasing.get_purchase_order(s, staff.warehouse, po))
    assert order.state == "partially_received"
    assert [(ln.received_qty, ln.open_qty) for ln in order.lines] == [(D("6"), D("4")),
                                                                      (D("0"), D("4"))]

    # the next receipt offers only what is still open, and receiving it completes the order
    rest = db.write(lambda s: receipts.create_receipt_from_po(s, staff.warehouse, po,
                                                              new_uuid()))
    assert [(ln.product_id, ln.qty) for ln in rest.lines] == [(p1, D("4")), (p2, D("4"))]
    db.write(lambda s: post_document(s, staff.warehouse, rest.id))
    order = db.read(lambda s: purchasing.get_purchase_order(s, staff.warehouse, po))
    assert order.state == "received"
    assert balance(db, p1, wh) == (D("10"), D("0")) and balance(db, p2, wh) == (D("4"), D("0"))
    b = db.read(lambda s: s.get(stock_ledger.StockBalance, (p1, wh)))
    assert b.avg_cost == D("100")                       # the cost net of tax
    assert db.read(stock_ledger.verify) == []

    with pytest.raises(ValidationError) as err:
        db.write(lambda s: receipts.create_receipt_from_po(s, staff.warehouse, po, new_uuid()))
    assert "fully received" in str(err.value)


def test_receiving_more_than_the_order_still_owes_is_refused_at_posting(db, staff):
    w = make_world(db, staff)
    p1, wh = w.products[0], w.warehouses[0]
    po = approved_po(db, staff, w, [(p1, 10, "113")])
    # two clerks open a receipt for the same order; both offer all 10; the first receives 6
    a = db.write(lambda s: receipts.create_receipt_from_po(s, staff.warehouse, po, new_uuid()))
    b = db.write(lambda s: receipts.create_receipt_from_po(s, staff.admin, po, new_uuid()))
    db.write(lambda s: set_draft_lines(s, staff.warehouse, a.id, (DocLineInput(
        p1, D("6"), unit_cost=D("100"), po_line_id=a.lines[0].po_line_id),)))
    db.write(lambda s: post_document(s, staff.warehouse, a.id))
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: post_document(s, staff.admin, b.id))
    assert err.value.errors == {"lines[1].qty": "Line 1 (SKU-001): 10 is more than the 4 still "
                                                "open on PO-%d-000001." % a.doc_date.year}
    assert balance(db, p1, wh) == (D("6"), D("0"))
    assert db.read(lambda s: s.get(StockDocument, b.id).state) == "draft"

    # a line typed by product (no order line) is matched to the order line
    po2 = approved_po(db, staff, w, [(p1, 3, "113")])
    c = db.write(lambda s: receipts.create_receipt_from_po(s, staff.warehouse, po2,
                                                           new_uuid()))
    db.write(lambda s: set_draft_lines(s, staff.warehouse, c.id,
                                       (DocLineInput(p1, D("5")),)))
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: post_document(s, staff.warehouse, c.id))
    assert "5 is more than the 3 still open" in err.value.message
    db.write(lambda s: set_draft_lines(s, staff.warehouse, c.id,
                                       (DocLineInput(p1, D("2")), DocLineInput(p1, D("1")))))
    done = db.write(lambda s: post_document(s, staff.warehouse, c.id)).document
    assert all(ln.po_line_id is not None and ln.unit_cost == D("100") for ln in done.lines)
    assert db.read(lambda s: s.scalar(select(PurchaseOrderLine.received_qty).where(
        PurchaseOrderLine.order_id == po2))) == D("3")


def test_a_product_not_on_the_order_is_refused(db, staff):
    w = make_world(db, staff)
    p1, p3 = w.products[0], w.products[2]
    po = approved_po(db, staff, w, [(p1, 10, "113")])
    doc = db.write(lambda s: receipts.create_receipt_from_po(s, staff.warehouse, po, new_uuid()))
    db.write(lambda s: set_draft_lines(s, staff.warehouse, doc.id,
                                       (DocLineInput(p3, D("1")),)))
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: post_document(s, staff.warehouse, doc.id))
    assert err.value.message.startswith("Line 1 (SKU-003): not on PO-")


def test_only_approved_orders_receive_and_only_the_warehouse_receives(db, staff):
    from services.order_lines import OrderLineInput
    from services.purchasing import PurchaseOrderInput
    w = make_world(db, staff)
    draft = db.write(lambda s: purchasing.create_purchase_order(
        s, staff.warehouse, PurchaseOrderInput(w.supplier, w.warehouses[0],
                                               (OrderLineInput(w.products[0], D("1")),)),
        new_uuid()))
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: receipts.create_receipt_from_po(s, staff.warehouse, draft.id,
                                                           new_uuid()))
    assert err.value.message == f"#{draft.id} is still a draft; submit it first."
    po = approved_po(db, staff, w, [(w.products[0], 1, "10")])
    with pytest.raises(PermissionDenied):
        db.write(lambda s: receipts.create_receipt_from_po(s, staff.rep1, po, new_uuid()))
    with pytest.raises(NotFound):
        db.write(lambda s: receipts.create_receipt_from_po(s, staff.warehouse, 9999,
                                                           new_uuid()))


def test_standalone_receipt_needs_a_reason_and_takes_its_cost(db, staff):
    w = make_world(db, staff)
    (p1, p2, _), wh = w.products, w.warehouses[1]
    lines = (DocLineInput(p1, D("5"), unit_cost=D("8")), DocLineInput(p2, D("2")))
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: receipts.create_standalone_receipt(s, staff.warehouse, wh, "  ",
                                                              lines, new_uuid()))
    assert err.value.field == "reason"

    doc = db.write(lambda s: receipts.create_standalone_receipt(
        s, staff.warehouse, wh, "期初库存", lines, new_uuid(), supplier_id=w.supplier))
    assert (doc.reason, doc.purchase_order_id, doc.supplier_id) == ("期初库存", None, w.supplier)
    done = db.write(lambda s: post_document(s, staff.warehouse, doc.id)).document
    # a line without a price comes in at the product's standard cost (10), shown on the line
    assert [ln.unit_cost for ln in done.lines] == [D("8"), D("10")]
    costs = db.read(lambda s: s.scalars(select(StockMove.unit_cost).where(
        StockMove.document_id == doc.id).order_by(StockMove.id)).all())
    assert costs == [D("8"), D("10")]
    assert balance(db, p1, wh) == (D("5"), D("0"))

    with pytest.raises(ValidationError) as err:
        db.write(lambda s: receipts.create_standalone_receipt(
            s, staff.warehouse, wh, "补单", (DocLineInput(p1, D("1"), po_line_id=1),),
            new_uuid()))
    assert "receive those from the order" in err.value.message

    # nothing is received into a closed warehouse
    db.write(lambda s: setattr(s.get(Warehouse, wh), "active", False))
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: receipts.create_standalone_receipt(s, staff.warehouse, wh, "期初库存",
                                                              lines, new_uuid()))
    assert err.value.errors == {"warehouse_id": "Warehouse 仓库2 is closed."}


def test_a_refused_posting_leaves_nothing_behind(db, staff):
    w = make_world(db, staff)
    p1, wh = w.products[0], w.warehouses[0]
    po = approved_po(db, staff, w, [(p1, 2, "113")])
    assert balance(db, p1, wh) == (D("0"), D("0"))
    doc = db.write(lambda s: receipts.create_receipt_from_po(s, staff.warehouse, po, new_uuid()))
    db.write(lambda s: set_draft_lines(s, staff.warehouse, doc.id,
                                       (DocLineInput(p1, D("3")),)))
    with pytest.raises(ValidationError):
        db.write(lambda s: post_document(s, staff.warehouse, doc.id))
    assert db.read(lambda s: s.scalar(select(func.count()).select_from(StockMove))) == 0
    assert db.read(lambda s: get_stock_document(s, staff.warehouse, doc.id).state) == "draft"
    # the number was not used up: the next posting gets 000001
    db.write(lambda s: set_draft_lines(s, staff.warehouse, doc.id,
                                       (DocLineInput(p1, D("2")),)))
    done = db.write(lambda s: post_document(s, staff.warehouse, doc.id)).document
    assert done.number.endswith("-000001")
    assert balance(db, p1, wh) == (D("2"), D("0"))
