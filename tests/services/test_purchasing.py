"""Purchase orders: the lifecycle click by click, receipts and supplier returns moving it,
the "to receive" queue, idempotent create, stale edits, and who may do what."""
from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal as D

import pytest
from sqlalchemy import select

from models.catalog import Supplier
from models.system import AuditLog
from services import order_progress, purchasing as po
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from tests.helpers.orders import call, create_po, line, make_shop, po_input


@pytest.fixture
def shop(db, staff):
    return make_shop(db, staff.rep1)


def approved_po(db, staff, shop, *lines):
    order = create_po(db, staff.warehouse, po_input(shop, *lines))
    call(db, po.submit_purchase_order, staff.warehouse, order.id)
    return call(db, po.approve_purchase_order, staff.admin, order.id)


def receive(db, line_qty, **kw):
    db.write(lambda s: order_progress.record_receipt(s, line_qty, **kw))


def test_create_prices_from_cost_and_terms_from_supplier(db, staff, shop):
    p1, p2, _ = shop.products
    order = create_po(db, staff.warehouse, po_input(shop, line(p1, 10),
                                                    line(p2, 3, price="12.3456", tax="6")))
    a, b = order.lines
    assert (a.unit_price, a.amount, a.tax_amount) == (D("60"), D("600.00"), D("69.03"))
    # 3 × 12.3456 = 37.0368 → 37.04; tax 37.04 − 37.04 / 1.06 = 2.10
    assert (b.unit_price, b.amount, b.tax_amount) == (D("12.3456"), D("37.04"), D("2.10"))
    assert (order.total, order.tax_total) == (D("637.04"), D("71.13"))
    assert order.payment_terms == "月结30天"
    assert order.state == "draft" and order.number is None
    assert order.created_by_name == "陈库管" and order.supplier_name == "上海供应商"
    assert [x.open_qty for x in order.lines] == [D("10"), D("3")]


def test_lifecycle_submit_approve_receive_in_parts(db, staff, shop):
    p1, p2, _ = shop.products
    order = create_po(db, staff.warehouse, po_input(shop, line(p1, 10), line(p2, 4)))
    submitted = call(db, po.submit_purchase_order, staff.warehouse, order.id)
    assert submitted.state == "submitted"
    assert submitted.number == f"PO-{dt.date.today().year}-000001"
    with pytest.raises(PermissionDenied):
        call(db, po.approve_purchase_order, staff.warehouse, order.id)
    with pytest.raises(Conflict):
        call(db, po.approve_purchase_order, staff.admin, order.id,
             expected_version=order.version_id)            # the draft, not what was submitted
    approved = call(db, po.approve_purchase_order, staff.admin, order.id,
                    expected_version=submitted.version_id)
    assert approved.state == "approved" and approved.approved_by_name == "管理员"
    l1, l2 = (x.id for x in approved.lines)
    receive(db, {l1: D("4")}, actor_id=staff.warehouse.user_id)
    part = call(db, po.get_purchase_order, staff.warehouse, order.id)
    assert part.state == "partially_received"
    assert [(x.received_qty, x.open_qty) for x in part.lines] == [(D("4"), D("6")),
                                                                   (D("0"), D("4"))]
    with pytest.raises(ValidationError) as err:
        receive(db, {l1: D("7")})
    assert err.value.message == f"Line 1 (SKU-001) of {approved.number}: only 6 left to receive."
    receive(db, {l1: D("6"), l2: D("4")})
    done = call(db, po.get_purchase_order, staff.finance, order.id)
    assert done.state == "received"
    actions = db.read(lambda s: s.scalars(
        select(AuditLog.action).where(AuditLog.entity == "purchase_order",
                                      AuditLog.entity_id == order.id)
        .order_by(AuditLog.id)).all())
    assert actions == ["create", "submit", "approve", "receive", "receive"]


def test_reversed_receipt_moves_the_order_back(db, staff, shop):
    order = approved_po(db, staff, shop, line(shop.products[0], 5))
    lid = order.lines[0].id
    receive(db, {lid: D("5")})
    receive(db, {lid: D("-2")})
    assert call(db, po.get_purchase_order, staff.warehouse, order.id).state == \
        "partially_received"
    receive(db, {lid: D("-3")})
    assert call(db, po.get_purchase_order, staff.warehouse, order.id).state == "approved"
    with pytest.raises(ValidationError):
        receive(db, {lid: D("-1")})


def test_supplier_return_is_bounded_by_what_was_received(db, staff, shop):
    order = approved_po(db, staff, shop, line(shop.products[0], 5))
    lid = order.lines[0].id
    receive(db, {lid: D("3")})
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: order_progress.record_supplier_return(s, {lid: D("4")}))
    assert err.value.message.endswith("only 3 received and not yet returned.")
    db.write(lambda s: order_progress.record_supplier_return(s, {lid: D("2")}))
    after = call(db, po.get_purchase_order, staff.warehouse, order.id)
    assert after.state == "partially_received"          # a return does not reopen the line
    assert (after.lines[0].received_qty, after.lines[0].returned_qty,
            after.lines[0].open_qty) == (D("3"), D("2"), D("2"))
    with pytest.raises(ValidationError) as err:          # undoing the receipt under the return
        receive(db, {lid: D("-3")})
    assert "went back to the supplier" in err.value.message


def test_receiving_needs_an_approved_order(db, staff, shop):
    order = create_po(db, staff.warehouse, po_input(shop))
    call(db, po.submit_purchase_order, staff.warehouse, order.id)
    with pytest.raises(ValidationError) as err:
        receive(db, {order.lines[0].id: D("1")})
    assert err.value.message.endswith("is waiting for approval.")


def test_cancel_until_something_is_received(db, staff, shop):
    draft = create_po(db, staff.warehouse, po_input(shop))
    with pytest.raises(ValidationError) as err:
        call(db, po.cancel_purchase_order, staff.warehouse, draft.id, " ")
    assert err.value.field == "reason"
    assert call(db, po.cancel_purchase_order, staff.warehouse, draft.id,
                "录入错误").state == "cancelled"
    order = approved_po(db, staff, shop)
    receive(db, {order.lines[0].id: D("1")})
    with pytest.raises(ValidationError) as err:
        call(db, po.cancel_purchase_order, staff.admin, order.id, "too late")
    assert err.value.message == f"{order.number} is already being received."
    other = approved_po(db, staff, shop)
    gone = call(db, po.cancel_purchase_order, staff.admin, other.id, "供应商停产")
    assert (gone.state, gone.cancel_reason) == ("cancelled", "供应商停产")
    with pytest.raises(ValidationError) as err:
        call(db, po.approve_purchase_order, staff.admin, other.id)
    assert err.value.message == f"{other.number} was cancelled."


def test_cancel_a_submitted_order_and_no_approval_of_a_draft(db, staff, shop):
    order = create_po(db, staff.warehouse, po_input(shop))
    with pytest.raises(ValidationError) as err:
        call(db, po.approve_purchase_order, staff.admin, order.id)
    assert err.value.message == f"#{order.id} is still a draft; submit it first."
    submitted = call(db, po.submit_purchase_order, staff.warehouse, order.id)
    assert call(db, po.submit_purchase_order, staff.warehouse, order.id) == submitted
    gone = call(db, po.cancel_purchase_order, staff.warehouse, order.id, "重复下单")
    assert gone.state == "cancelled" and gone.number == submitted.number
    events = call(db, po.purchase_order_history, staff.finance, order.id)
    assert [(e.action, e.to_state, e.reason) for e in events] == [
        ("create", None, None), ("submit", "submitted", None),
        ("cancel", "cancelled", "重复下单")]
    with pytest.raises(NotFound):
        call(db, po.purchase_order_history, staff.rep1, order.id)


def test_receive_queue(db, staff, shop):
    p1, p2, _ = shop.products
    w1, w2 = shop.warehouses
    later = approved_po(db, staff, shop, line(p1, 5), line(p2, "2"))
    sooner_data = po_input(shop, line(p1, 1), warehouse_id=w2,
                           expected_date=dt.date.today() + dt.timedelta(days=1))
    sooner = create_po(db, staff.warehouse, sooner_data)
    call(db, po.submit_purchase_order, staff.warehouse, sooner.id)
    assert [r.po_id for r in call(db, po.receive_queue, staff.warehouse)] == [later.id]
    call(db, po.approve_purchase_order, staff.admin, sooner.id)
    rows = call(db, po.receive_queue, staff.warehouse)
    assert [(r.po_id, r.open_lines, r.open_qty) for r in rows] == \
        [(sooner.id, 1, D("1")), (later.id, 2, D("7"))]
    assert rows[1].supplier_name == "上海供应商" and rows[1].warehouse_name == "仓库1"
    receive(db, {later.lines[0].id: D("5")})
    assert [(r.open_lines, r.open_qty) for r in call(db, po.receive_queue, staff.warehouse,
                                                     w1)] == [(1, D("2"))]
    assert call(db, po.receive_queue, staff.rep1) == []


def test_create_is_idempotent_by_client_uuid(db, staff, shop):
    key = str(uuid.uuid4())
    first = create_po(db, staff.warehouse, po_input(shop), client_uuid=key)
    again = create_po(db, staff.warehouse, po_input(shop, line(shop.products[2], 99)),
                      client_uuid=key)
    assert again.id == first.id and again.lines == first.lines
    assert len(call(db, po.list_purchase_orders, staff.warehouse)) == 1


def test_only_drafts_are_edited_and_stale_edits_conflict(db, staff, shop):
    p1, p2, _ = shop.products
    order = create_po(db, staff.warehouse, po_input(shop))
    saved = call(db, po.update_purchase_order, staff.admin, order.id,
                 po_input(shop, line(p2, 8), notes="加急"), order.version_id)
    assert [x.product_id for x in saved.lines] == [p2] and saved.notes == "加急"
    with pytest.raises(Conflict) as err:
        call(db, po.update_purchase_order, staff.warehouse, order.id,
             po_input(shop, line(p1, 1)), order.version_id)
    assert err.value.current.version_id == saved.version_id
    assert {"lines", "notes"} <= set(err.value.changed)
    call(db, po.submit_purchase_order, staff.warehouse, order.id)
    with pytest.raises(ValidationError) as err:
        call(db, po.update_purchase_order, staff.warehouse, order.id, po_input(shop),
             saved.version_id + 1)
    assert err.value.field == "state"


def test_validation(db, staff, shop):
    def deactivate(s):
        s.get(Supplier, shop.supplier).active = False
    with pytest.raises(ValidationError) as err:
        create_po(db, staff.warehouse, po_input(
            shop, line(shop.products[0], 1, price="1.23456"),
            expected_date=dt.date.today() - dt.timedelta(days=1), payment_terms="x" * 81))
    assert set(err.value.errors) == {"lines[1].unit_price", "expected_date", "payment_terms"}
    assert err.value.errors["payment_terms"] == \
        "Payment terms is too long: 81 characters, at most 80."
    db.write(deactivate)
    with pytest.raises(ValidationError) as err:
        create_po(db, staff.warehouse, po_input(shop))
    assert err.value.errors == {"supplier_id": "Supplier 上海供应商 is inactive."}


def test_who_may_do_what(db, staff, shop):
    order = create_po(db, staff.warehouse, po_input(shop))
    for sales in (staff.rep1, staff.manager):
        with pytest.raises(PermissionDenied):
            create_po(db, sales, po_input(shop))
        with pytest.raises(NotFound):
            call(db, po.get_purchase_order, sales, order.id)
        assert call(db, po.list_purchase_orders, sales) == []
    assert call(db, po.get_purchase_order, staff.finance, order.id).id == order.id
    with pytest.raises(PermissionDenied):
        create_po(db, staff.finance, po_input(shop))
    with pytest.raises(PermissionDenied):
        call(db, po.submit_purchase_order, staff.finance, order.id)
    admin_made = create_po(db, staff.admin, po_input(shop))
    listed = call(db, po.list_purchase_orders, staff.finance)
    assert [x.id for x in listed] == [admin_made.id, order.id]
    assert [x.id for x in call(db, po.list_purchase_orders, staff.finance,
                               before_id=admin_made.id)] == [order.id]
    assert call(db, po.list_purchase_orders, staff.finance, states=("approved",)) == []


def test_declared_lifecycles_use_the_tables_states():
    """Every state the tables allow has a refusal message, and the lifecycles only name
    states the database accepts (its CHECK constraint)."""
    from models.stock import PO_STATES, SO_STATES
    from services.sales_orders import SO_FLOW
    from services.workflow import STATE_MESSAGES
    for flow, states in ((po.PO_FLOW, PO_STATES), (SO_FLOW, SO_STATES)):
        named = {s for pair in flow.transitions for s in pair}
        assert named == set(states)
        assert set(states) <= set(STATE_MESSAGES)
        assert not any(flow.allowed("cancelled", s) for s in states)   # cancelled is final
