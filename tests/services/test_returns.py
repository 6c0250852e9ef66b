"""Customer returns (against a posted delivery note, with reason and quality note, back at
the delivery's cost) and supplier returns (against a receipt or standalone, with a reason,
never more than is there and free)."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from sqlalchemy import select

from models.stock import StockBalance, StockMove
from services import deliveries, purchasing, receipts, returns, sales_orders, stock_ledger
from services.errors import InsufficientStock, PermissionDenied, ValidationError
from services.returns import ReturnLineInput
from services.stock_documents import DocLineInput, new_uuid, post_document
from tests.helpers.documents import approved_po, approved_so, balance, make_world


def receive(db, staff, w, lines):
    po = approved_po(db, staff, w, lines)
    gr = db.write(lambda s: post_document(s, staff.warehouse, receipts.create_receipt_from_po(
        s, staff.warehouse, po, new_uuid()).id)).document
    return po, gr


def deliver(db, staff, w, lines):
    so = approved_so(db, staff, w, lines)
    dn = db.write(lambda s: deliveries.post_delivery_from_so(s, staff.warehouse, so,
                                                             new_uuid())).document
    return so, dn


def test_customer_return_brings_goods_back_at_the_delivery_cost(db, staff):
    w = make_world(db, staff)
    (p1, p2, _), wh = w.products, w.warehouses[0]
    receive(db, staff, w, [(p1, 10, "113"), (p2, 10, "56.5")])        # cost 100 and 50
    so, dn = deliver(db, staff, w, [(p1, 6, "200"), (p2, 2, "80")])
    receive(db, staff, w, [(p1, 4, "226")])                           # avg now 4×100+4×200 / 8
    assert db.read(lambda s: s.get(StockBalance, (p1, wh)).avg_cost) == D("150")

    ret = db.write(lambda s: returns.create_customer_return(
        s, staff.warehouse, dn.id, (ReturnLineInput(dn.lines[0].id, D("2"), "包装破损"),),
        new_uuid(), quality_note="2 件外箱压坏, 产品完好可再售"))
    assert (ret.doc_type, ret.source_document_id, ret.customer_id, ret.sales_order_id) == (
        "CR", dn.id, w.customer, so)
    assert ret.quality_note == "2 件外箱压坏, 产品完好可再售"
    [line] = ret.lines
    assert (line.product_id, line.qty, line.reason, line.unit_price) == (
        p1, D("2"), "包装破损", D("200.00"))
    done = db.write(lambda s: post_document(s, staff.warehouse, ret.id)).document
    assert done.number.startswith("CR-") and done.lines[0].unit_cost == D("100")
    cost = db.read(lambda s: s.scalar(select(StockMove.unit_cost)
                                      .where(StockMove.document_id == ret.id)))
    assert cost == D("100")                  # what it left with, not today's average
    assert balance(db, p1, wh) == (D("10"), D("0"))
    assert db.read(lambda s: s.get(StockBalance, (p1, wh)).avg_cost) == D("140")
    order = db.read(lambda s: sales_orders.get_sales_order(s, staff.warehouse, so))
    assert [ln.returned_qty for ln in order.lines] == [D("2"), D("0")]
    assert order.state == "delivered"        # a return does not reopen the order
    assert db.read(stock_ledger.verify) == []


def test_a_delivery_line_cannot_take_back_more_than_it_delivered(db, staff):
    w = make_world(db, staff)
    p1 = w.products[0]
    receive(db, staff, w, [(p1, 10, "113")])
    _, dn = deliver(db, staff, w, [(p1, 5, "200")])
    line = dn.lines[0].id
    # two returns drafted at once, 3 each: the second no longer fits when it is posted
    a = db.write(lambda s: returns.create_customer_return(
        s, staff.warehouse, dn.id, (ReturnLineInput(line, D("3"), "质量问题"),), new_uuid()))
    b = db.write(lambda s: returns.create_customer_return(
        s, staff.warehouse, dn.id, (ReturnLineInput(line, D("3"), "质量问题"),), new_uuid()))
    db.write(lambda s: post_document(s, staff.warehouse, a.id))
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: post_document(s, staff.warehouse, b.id))
    assert err.value.errors == {"lines[1].qty": f"Line 1 (SKU-001): 3 is more than the 2 still "
                                                f"open on {dn.number}."}
    with pytest.raises(ValidationError) as err:      # and it is said when drafting, too
        db.write(lambda s: returns.create_customer_return(
            s, staff.warehouse, dn.id, (ReturnLineInput(line, D("2.5"), "x"),), new_uuid()))
    assert balance(db, p1, w.warehouses[0]) == (D("8"), D("0"))
    assert db.read(lambda s: returns.returnable(s, staff.warehouse, dn.id)) == {line: D("2")}


def test_customer_return_needs_a_reason_and_a_posted_delivery(db, staff):
    w = make_world(db, staff)
    p1 = w.products[0]
    receive(db, staff, w, [(p1, 10, "113")])
    _, dn = deliver(db, staff, w, [(p1, 5, "200")])
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: returns.create_customer_return(
            s, staff.warehouse, dn.id, (ReturnLineInput(dn.lines[0].id, D("1")),),
            new_uuid()))
    assert err.value.errors == {"lines[1].reason": "Line 1 (SKU-001): give the reason for "
                                                   "the return."}
    # a reason for the whole return covers its lines
    ok = db.write(lambda s: returns.create_customer_return(
        s, staff.warehouse, dn.id, (ReturnLineInput(dn.lines[0].id, D("1")),), new_uuid(),
        reason="客户订错型号"))
    assert ok.reason == "客户订错型号"
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: returns.create_customer_return(
            s, staff.warehouse, dn.id, (ReturnLineInput(999999, D("1"), "x"),), new_uuid()))
    assert "not a line of delivery note" in err.value.message

    so = approved_so(db, staff, w, [(p1, 1, "200")])
    draft = db.write(lambda s: deliveries.create_delivery_from_so(s, staff.warehouse, so,
                                                                  new_uuid()))
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: returns.create_customer_return(
            s, staff.warehouse, draft.id, (ReturnLineInput(draft.lines[0].id, D("1"), "x"),),
            new_uuid()))
    assert err.value.message == "Goods can only be returned from a posted document."
    with pytest.raises(PermissionDenied):
        db.write(lambda s: returns.create_customer_return(
            s, staff.rep1, dn.id, (ReturnLineInput(dn.lines[0].id, D("1"), "x"),), new_uuid()))


def test_supplier_return_against_a_receipt(db, staff):
    w = make_world(db, staff)
    (p1, p2, _), wh = w.products, w.warehouses[0]
    po, gr = receive(db, staff, w, [(p1, 10, "113"), (p2, 5, "56.5")])
    sr = db.write(lambda s: returns.create_supplier_return(
        s, staff.warehouse, w.supplier, wh, (DocLineInput(p2, D("2")),), "来料不良",
        new_uuid(), receipt_id=gr.id))
    assert (sr.doc_type, sr.source_document_id, sr.purchase_order_id, sr.reason) == (
        "SR", gr.id, po, "来料不良")
    assert sr.lines[0].source_line_id == gr.lines[1].id       # matched by product
    done = db.write(lambda s: post_document(s, staff.warehouse, sr.id)).document
    assert done.number.startswith("SR-") and done.lines[0].unit_cost == D("50")
    assert balance(db, p2, wh) == (D("3"), D("0"))
    order = db.read(lambda s: purchasing.get_purchase_order(s, staff.warehouse, po))
    assert [(ln.received_qty, ln.returned_qty) for ln in order.lines] == [
        (D("10"), D("0")), (D("5"), D("2"))]

    with pytest.raises(ValidationError) as err:
        db.write(lambda s: returns.create_supplier_return(
            s, staff.warehouse, w.supplier, wh, (DocLineInput(p2, D("4")),), "来料不良",
            new_uuid(), receipt_id=gr.id))
    assert err.value.message == f"Line 1 (SKU-002): 4 is more than the 3 still open on {gr.number}."
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: returns.create_supplier_return(
            s, staff.warehouse, w.supplier, wh, (DocLineInput(p1, D("1")),), "",
            new_uuid(), receipt_id=gr.id))
    assert err.value.field == "reason"


def test_supplier_return_never_takes_missing_or_reserved_stock(db, staff):
    w = make_world(db, staff)
    p1, wh = w.products[0], w.warehouses[0]
    receive(db, staff, w, [(p1, 5, "113")])
    approved_so(db, staff, w, [(p1, 4, "200")])                       # 4 of the 5 reserved
    sr = db.write(lambda s: returns.create_supplier_return(
        s, staff.warehouse, w.supplier, wh, (DocLineInput(p1, D("3")),), "样品退回",
        new_uuid()))
    with pytest.raises(InsufficientStock) as err:
        db.write(lambda s: post_document(s, staff.warehouse, sr.id))
    assert str(err.value) == "Not enough stock of SKU-001 产品1 in 仓库1: short by 2"
    assert balance(db, p1, wh) == (D("5"), D("4"))

    other = w.warehouses[1]                                            # nothing there at all
    sr2 = db.write(lambda s: returns.create_supplier_return(
        s, staff.warehouse, w.supplier, other, (DocLineInput(p1, D("1")),), "样品退回",
        new_uuid()))
    with pytest.raises(InsufficientStock) as err:
        db.write(lambda s: post_document(s, staff.warehouse, sr2.id))
    assert (err.value.warehouse, err.value.shortfall) == ("仓库2", D("1"))
    assert db.read(lambda s: s.scalar(select(StockMove.id).where(
        StockMove.doc_type == "SR"))) is None


def test_texts_that_do_not_fit_are_refused_by_field(db, staff):
    w = make_world(db, staff)
    p1, wh = w.products[0], w.warehouses[0]
    receive(db, staff, w, [(p1, 5, "113")])
    _, dn = deliver(db, staff, w, [(p1, 2, "200")])
    line = ReturnLineInput(dn.lines[0].id, D("1"), "坏")
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: returns.create_customer_return(
            s, staff.warehouse, dn.id, (line,), new_uuid(), quality_note="划痕" * 151))
    assert err.value.errors == {"quality_note": "Quality note is too long: 302 characters, "
                                                "at most 300."}
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: returns.create_supplier_return(
            s, staff.warehouse, w.supplier, wh, (DocLineInput(p1, D("1"), reason="x" * 201),),
            "退货", new_uuid()))
    assert err.value.field == "lines[1].reason"


def test_nothing_is_returned_from_a_reversed_delivery(db, staff):
    from services.reversals import reverse_document
    w = make_world(db, staff)
    p1, wh = w.products[0], w.warehouses[0]
    receive(db, staff, w, [(p1, 5, "113")])
    _, dn = deliver(db, staff, w, [(p1, 2, "200")])
    draft = db.write(lambda s: returns.create_customer_return(
        s, staff.warehouse, dn.id, (ReturnLineInput(dn.lines[0].id, D("2"), "错发"),),
        new_uuid()))
    rev = db.write(lambda s: reverse_document(s, staff.warehouse, dn.id, "开错单", new_uuid()))
    assert balance(db, p1, wh) == (D("5"), D("2"))          # back on the shelf, reserved again
    message = f"{dn.number} was reversed by {rev.number}; nothing can be returned from it."
    with pytest.raises(ValidationError) as err:              # the goods would come back twice
        db.write(lambda s: post_document(s, staff.warehouse, draft.id))
    assert err.value.message == message
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: returns.create_customer_return(
            s, staff.warehouse, dn.id, (ReturnLineInput(dn.lines[0].id, D("1"), "错发"),),
            new_uuid()))
    assert err.value.message == message
    assert balance(db, p1, wh) == (D("5"), D("2"))
    assert db.read(stock_ledger.verify) == []
