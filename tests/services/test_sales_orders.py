"""Sales orders: the lifecycle click by click, stock reservations in stock_balance,
tax-inclusive totals, idempotent create, stale edits, and who may do what."""
from __future__ import annotations

import threading
import uuid
from decimal import Decimal as D

import pytest
from sqlalchemy import select

from models.system import AuditLog
from services import customers, order_progress, pool, sales_orders as so
from services.errors import (Conflict, InsufficientStock, NotFound, PermissionDenied,
                             ValidationError)
from services.order_approval import ApprovalRules, set_approval_rules
from services.stock_check import check_stock
from services.stock_ledger import Move, apply_moves, verify
from tests.helpers.orders import (balance, call, create_so, line, make_shop, so_input,
                                  stock_in)
from tests.helpers.pipeline import make_customer


@pytest.fixture
def shop(db, staff):
    return make_shop(db, staff.rep1)


def audit_actions(db, so_id):
    return db.read(lambda s: s.scalars(
        select(AuditLog.action).where(AuditLog.entity == "sales_order",
                                      AuditLog.entity_id == so_id)
        .order_by(AuditLog.id)).all())


def test_lines_are_tax_inclusive_and_totals_sit_on_the_header(db, staff, shop):
    p1, p2, _ = shop.products
    order = create_so(db, staff.rep1, so_input(
        shop, line(p1, 3, "99.99", discount="10"), line(p2, "2", None, tax="6")))
    a, b = order.lines
    # 3 × 99.99 × 0.9 = 269.973 → 269.97; tax = 269.97 − 269.97 / 1.13 = 31.06
    assert (a.amount, a.tax_amount, a.tax_rate) == (D("269.97"), D("31.06"), D("13"))
    # the product's sale price (100) when none is typed; 200 at 6 %: tax 11.32
    assert (b.unit_price, b.amount, b.tax_amount) == (D("100"), D("200.00"), D("11.32"))
    assert order.total == D("469.97")
    assert order.tax_total == D("42.38")
    assert order.discount_total == D("30.00")          # 299.97 − 269.97
    assert order.state == "draft" and order.number is None
    assert order.salesperson_id == staff.rep1.user_id
    assert order.delivery_address == "北京市海淀区1号"    # from the customer
    assert [ln.open_qty for ln in order.lines] == [D("3"), D("2")]


def test_submit_without_rules_approves_at_once_and_reserves(db, staff, shop):
    p1, p2, _ = shop.products
    w = shop.warehouses[0]
    stock_in(db, p1, w, 10)
    stock_in(db, p2, w, 5)
    order = create_so(db, staff.rep1, so_input(shop, line(p1, 4), line(p2, 5)))
    done = call(db, so.submit_sales_order, staff.rep1, order.id)
    assert done.state == "approved"
    assert done.number.startswith("SO-") and done.number.endswith("-000001")
    assert done.approval_reason is None and done.approved_by_name is None
    assert [ln.reserved_qty for ln in done.lines] == [D("4"), D("5")]
    assert balance(db, p1, w) == (D("10"), D("4"))
    assert balance(db, p2, w) == (D("5"), D("5"))
    assert audit_actions(db, order.id) == ["create", "submit", "approve"]


def test_not_enough_stock_refuses_approval_naming_product_warehouse_and_shortfall(
        db, staff, shop):
    p1 = shop.products[0]
    w = shop.warehouses[0]
    stock_in(db, p1, w, 3)
    order = create_so(db, staff.rep1, so_input(shop, line(p1, 5)))
    with pytest.raises(InsufficientStock) as err:
        call(db, so.submit_sales_order, staff.rep1, order.id)
    assert err.value.shortfall == D("2")
    assert "SKU-001" in str(err.value) and "仓库1" in str(err.value)
    after = call(db, so.get_sales_order, staff.rep1, order.id)
    assert after.state == "draft" and after.number is None      # nothing half-written
    assert balance(db, p1, w) == (D("3"), D("0"))


def test_amount_rule_makes_a_manager_approve(db, staff, shop):
    p1 = shop.products[0]
    w = shop.warehouses[0]
    stock_in(db, p1, w, 100)
    call(db, set_approval_rules, staff.admin, ApprovalRules(amount_above=D("1000")))
    order = create_so(db, staff.rep1, so_input(shop, line(p1, 11)))      # 1,100.00
    waiting = call(db, so.submit_sales_order, staff.rep1, order.id)
    assert waiting.state == "submitted"
    assert waiting.approval_reason == \
        "The total 1100.00 is above the approval limit 1000.00."
    assert balance(db, p1, w) == (D("100"), D("0"))          # nothing reserved yet
    with pytest.raises(PermissionDenied):
        call(db, so.approve_sales_order, staff.rep1, order.id)
    with pytest.raises(ValidationError) as err:                # a submitted order is not edited
        call(db, so.update_sales_order, staff.rep1, order.id, so_input(shop, line(p1, 1)),
             waiting.version_id)
    assert err.value.message.endswith("is waiting for approval.")
    approved = call(db, so.approve_sales_order, staff.manager, order.id)
    assert approved.state == "approved" and approved.approved_by_name == "王经理"
    assert balance(db, p1, w) == (D("100"), D("11"))
    # approving again (a double click) changes nothing
    again = call(db, so.approve_sales_order, staff.manager, order.id)
    assert again.version_id == approved.version_id
    assert balance(db, p1, w) == (D("100"), D("11"))


def test_order_exactly_at_the_limit_needs_no_approval(db, staff, shop):
    p1 = shop.products[0]
    stock_in(db, p1, shop.warehouses[0], 100)
    call(db, set_approval_rules, staff.manager,
         ApprovalRules(amount_above=D("1000"), discount_above=D("10")))
    order = create_so(db, staff.rep1, so_input(shop, line(p1, 10), line(p1, 1, discount="10")))
    assert order.total == D("1090.00")
    over = call(db, so.submit_sales_order, staff.rep1, order.id)
    assert over.state == "submitted"                            # 1,090 > 1,000
    edge = create_so(db, staff.rep1, so_input(shop, line(p1, 9), line(p1, 1, discount="10")))
    assert edge.total == D("990.00")
    assert call(db, so.submit_sales_order, staff.rep1, edge.id).state == "approved"


def test_discount_rule_names_the_line(db, staff, shop):
    p1, p2, _ = shop.products
    call(db, set_approval_rules, staff.admin, ApprovalRules(discount_above=D("15")))
    order = create_so(db, staff.rep1, so_input(shop, line(p1, 1, discount="15"),
                                               line(p2, 1, discount="20.5")))
    waiting = call(db, so.submit_sales_order, staff.rep1, order.id)
    assert waiting.state == "submitted"
    assert waiting.approval_reason == \
        "Line 2 has a 20.5% discount, above the approval limit of 15%."


def test_reject_sends_back_to_draft_and_resubmit_keeps_the_number(db, staff, shop):
    p1 = shop.products[0]
    stock_in(db, p1, shop.warehouses[0], 10)
    call(db, set_approval_rules, staff.admin, ApprovalRules(amount_above=D("0")))
    order = create_so(db, staff.rep1, so_input(shop, line(p1, 2)))
    first = call(db, so.submit_sales_order, staff.rep1, order.id)
    with pytest.raises(ValidationError) as err:
        call(db, so.reject_sales_order, staff.manager, order.id, "  ")
    assert err.value.field == "reason"
    with pytest.raises(PermissionDenied):
        call(db, so.reject_sales_order, staff.rep1, order.id, "too cheap")
    back = call(db, so.reject_sales_order, staff.manager, order.id, "价格太低")
    assert back.state == "draft" and back.number == first.number
    edited = call(db, so.update_sales_order, staff.rep1, order.id,
                  so_input(shop, line(p1, 2, price="120")), back.version_id)
    call(db, set_approval_rules, staff.admin, ApprovalRules())
    again = call(db, so.submit_sales_order, staff.rep1, order.id)
    assert again.number == first.number and again.state == "approved"
    assert edited.total == D("240.00")
    events = call(db, so.sales_order_history, staff.rep1, order.id)
    assert [e.action for e in events] == ["create", "submit", "reject", "update", "submit",
                                          "approve"]
    rejected = events[2]
    assert (rejected.actor_name, rejected.from_state, rejected.to_state, rejected.reason) == \
        ("王经理", "submitted", "draft", "价格太低")
    with pytest.raises(NotFound):
        call(db, so.sales_order_history, staff.rep3, order.id)


def test_a_repeated_submit_or_cancel_changes_nothing_but_still_checks_the_role(db, staff, shop):
    p1 = shop.products[0]
    stock_in(db, p1, shop.warehouses[0], 10)
    order = create_so(db, staff.rep1, so_input(shop, line(p1, 2)))
    first = call(db, so.submit_sales_order, staff.rep1, order.id)
    again = call(db, so.submit_sales_order, staff.rep1, order.id)     # a resend
    assert (again.state, again.number, again.version_id) == \
        ("approved", first.number, first.version_id)
    assert balance(db, p1, shop.warehouses[0]) == (D("10"), D("2"))
    call(db, so.cancel_sales_order, staff.rep1, order.id, "客户取消")
    assert call(db, so.cancel_sales_order, staff.rep1, order.id, "again").cancel_reason == \
        "客户取消"
    with pytest.raises(PermissionDenied):
        call(db, so.cancel_sales_order, staff.warehouse, order.id, "again")


def test_numbers_are_gapless_across_a_refused_submit(db, staff, shop):
    p1 = shop.products[0]
    stock_in(db, p1, shop.warehouses[0], 1)
    big = create_so(db, staff.rep1, so_input(shop, line(p1, 5)))
    with pytest.raises(InsufficientStock):
        call(db, so.submit_sales_order, staff.rep1, big.id)
    small = create_so(db, staff.rep1, so_input(shop, line(p1, 1)))
    assert call(db, so.submit_sales_order, staff.rep1, small.id).number.endswith("-000001")


def test_cancel_releases_the_open_reservation(db, staff, shop):
    p1, p2, _ = shop.products
    w = shop.warehouses[0]
    stock_in(db, p1, w, 10)
    stock_in(db, p2, w, 10)
    order = create_so(db, staff.rep1, so_input(shop, line(p1, 4), line(p2, 3)))
    approved = call(db, so.submit_sales_order, staff.rep1, order.id)
    # half of line 1 delivered: the poster's bookkeeping releases its part
    deltas = db.write(lambda s: order_progress.record_delivery(
        s, {approved.lines[0].id: D("2")}, actor_id=staff.warehouse.user_id))
    assert deltas == {approved.lines[0].id: D("-2")}
    db.write(lambda s: apply_moves(s, None, [Move(p1, w, reserved=D("-2"))]))
    part = call(db, so.get_sales_order, staff.rep1, order.id)
    assert part.state == "partially_delivered"
    with pytest.raises(ValidationError) as err:
        call(db, so.cancel_sales_order, staff.rep1, order.id, "")
    assert err.value.field == "reason"
    cancelled = call(db, so.cancel_sales_order, staff.rep1, order.id, "客户取消")
    assert cancelled.state == "cancelled" and cancelled.cancel_reason == "客户取消"
    assert [ln.reserved_qty for ln in cancelled.lines] == [D("0"), D("0")]
    assert [ln.delivered_qty for ln in cancelled.lines] == [D("2"), D("0")]
    assert balance(db, p1, w) == (D("10"), D("0"))
    assert balance(db, p2, w) == (D("10"), D("0"))
    assert audit_actions(db, order.id)[-1] == "cancel"
    # cancelled is final
    with pytest.raises(ValidationError) as err:
        call(db, so.submit_sales_order, staff.rep1, order.id)
    assert err.value.message == f"{approved.number} was cancelled."


def test_a_fully_delivered_order_cannot_be_cancelled(db, staff, shop):
    p1 = shop.products[0]
    stock_in(db, p1, shop.warehouses[0], 5)
    order = call(db, so.submit_sales_order, staff.rep1,
                 create_so(db, staff.rep1, so_input(shop, line(p1, 2))).id)
    deltas = db.write(lambda s: order_progress.record_delivery(s, {order.lines[0].id: D("2")}))
    assert deltas == {order.lines[0].id: D("-2")}
    assert call(db, so.get_sales_order, staff.rep1, order.id).state == "delivered"
    with pytest.raises(ValidationError) as err:
        call(db, so.cancel_sales_order, staff.rep1, order.id, "late")
    assert err.value.message == f"{order.number} is fully delivered."


def test_draft_cancel_and_refusals_of_each_state(db, staff, shop):
    order = create_so(db, staff.rep1, so_input(shop))
    with pytest.raises(ValidationError) as err:
        call(db, so.approve_sales_order, staff.manager, order.id)
    assert err.value.message == f"#{order.id} is still a draft; submit it first."
    with pytest.raises(ValidationError):
        call(db, so.reject_sales_order, staff.manager, order.id, "no")
    gone = call(db, so.cancel_sales_order, staff.rep1, order.id, "duplicate")
    assert gone.state == "cancelled" and gone.number is None


def test_create_is_idempotent_by_client_uuid(db, staff, shop):
    key = str(uuid.uuid4())
    first = create_so(db, staff.rep1, so_input(shop), client_uuid=key)
    again = create_so(db, staff.rep1, so_input(shop, line(shop.products[1], 9)),
                      client_uuid=key)
    assert again.id == first.id and again.lines == first.lines
    assert len(call(db, so.list_sales_orders, staff.rep1)) == 1


def test_stale_edit_is_a_conflict_naming_what_changed(db, staff, shop):
    p1 = shop.products[0]
    order = create_so(db, staff.rep1, so_input(shop))
    mine = call(db, so.update_sales_order, staff.rep1, order.id,
                so_input(shop, line(p1, 7), delivery_terms="送货上门"), order.version_id)
    assert mine.version_id > order.version_id
    with pytest.raises(Conflict) as err:
        call(db, so.update_sales_order, staff.manager, order.id,
             so_input(shop, line(p1, 1)), order.version_id)
    assert err.value.current.lines[0].qty == D("7")
    assert {"lines", "delivery_terms"} <= set(err.value.changed)


def test_validation_reports_every_bad_line(db, staff, shop):
    p1, p2, _ = shop.products
    with pytest.raises(ValidationError) as err:
        create_so(db, staff.rep1, so_input(shop, line(p1, 0), line(p2, "1.5"),
                                           line(p1, 1, discount="120"),
                                           line(p1, 1, price="-1"), line(999999, 1)))
    assert set(err.value.errors) == {"lines[1].qty", "lines[2].qty", "lines[3].discount_pct",
                                     "lines[4].unit_price", "lines[5].product_id"}
    assert err.value.errors["lines[2].qty"] == "Line 2 (SKU-002): 个 takes at most 0 decimals."
    with pytest.raises(ValidationError) as err:
        create_so(db, staff.rep1, so_input(shop, line(p1, "1e11"), line(p2, 1, price="1e12")))
    assert err.value.errors == {"lines[1].qty": "Line 1 (SKU-001): the quantity is too large.",
                                "lines[2].unit_price": "Line 2 (SKU-002): the price is too "
                                                       "large."}
    with pytest.raises(ValidationError) as err:
        create_so(db, staff.rep1, so_input(shop, warehouse=999999))
    assert err.value.field == "warehouse_id"
    assert call(db, so.list_sales_orders, staff.admin) == []


def test_reps_work_only_on_customers_they_may_see(db, staff, shop):
    other = make_customer(db, staff.rep3, "西区客户")
    with pytest.raises(NotFound):
        create_so(db, staff.rep1, so_input(shop, customer_id=other.id))
    mine = create_so(db, staff.rep1, so_input(shop))
    with pytest.raises(NotFound):
        call(db, so.get_sales_order, staff.rep3, mine.id)
    with pytest.raises(NotFound):
        call(db, so.submit_sales_order, staff.rep3, mine.id)
    assert call(db, so.list_sales_orders, staff.rep3) == []
    # the team's manager and the back office see it; the warehouse may not create orders
    assert call(db, so.get_sales_order, staff.manager, mine.id).id == mine.id
    assert call(db, so.get_sales_order, staff.warehouse, mine.id).id == mine.id
    assert call(db, so.get_sales_order, staff.finance, mine.id).id == mine.id
    with pytest.raises(PermissionDenied):
        create_so(db, staff.warehouse, so_input(shop))
    with pytest.raises(PermissionDenied):
        call(db, so.cancel_sales_order, staff.finance, mine.id, "no")


def test_a_pool_customer_is_claimed_before_an_order(db, staff, shop):
    pooled = make_customer(db, staff.admin, "公海客户")        # an admin's customer goes to the pool
    assert pooled.owner_id is None
    with pytest.raises(PermissionDenied) as err:
        create_so(db, staff.rep1, so_input(shop, customer_id=pooled.id))
    assert "public pool" in str(err.value)
    call(db, pool.claim_customer, staff.rep1, pooled.id)
    assert create_so(db, staff.rep1, so_input(shop, customer_id=pooled.id)).state == "draft"


def test_rep_keeps_seeing_own_order_after_customer_moves(db, staff, shop):
    order = create_so(db, staff.rep1, so_input(shop))
    detail = call(db, customers.get_customer, staff.admin, shop.customer)
    call(db, customers.update_customer, staff.admin, shop.customer,
         customers.CustomerInput(name=detail.name, owner_id=staff.rep3.user_id),
         expected_version=detail.version_id)
    assert call(db, so.get_sales_order, staff.rep1, order.id).id == order.id
    assert call(db, so.get_sales_order, staff.rep3, order.id).id == order.id


def test_ship_queue_lists_orders_with_open_lines(db, staff, shop):
    p1, p2, _ = shop.products
    w1, w2 = shop.warehouses
    for p in (p1, p2):
        stock_in(db, p, w1, 20)
        stock_in(db, p, w2, 20)
    a = call(db, so.submit_sales_order, staff.rep1,
             create_so(db, staff.rep1, so_input(shop, line(p1, 3), line(p2, "4"))).id)
    b = call(db, so.submit_sales_order, staff.rep1,
             create_so(db, staff.rep1, so_input(shop, line(p1, 1), warehouse=w2)).id)
    create_so(db, staff.rep1, so_input(shop))                   # a draft is not shipped
    rows = call(db, so.ship_queue, staff.warehouse)
    assert [(r.so_id, r.open_lines, r.open_qty) for r in rows] == \
        [(a.id, 2, D("7")), (b.id, 1, D("1"))]
    assert rows[0].customer_name == "客户甲有限公司" and rows[0].warehouse_name == "仓库1"
    assert [r.so_id for r in call(db, so.ship_queue, staff.warehouse, w2)] == [b.id]
    db.write(lambda s: order_progress.record_delivery(s, {a.lines[0].id: D("3")}))
    rows = call(db, so.ship_queue, staff.warehouse, w1)
    assert [(r.open_lines, r.open_qty) for r in rows] == [(1, D("4"))]
    db.write(lambda s: order_progress.record_delivery(s, {a.lines[1].id: D("4")}))
    assert call(db, so.ship_queue, staff.warehouse, w1) == []


def test_orders_of_customer_for_the_360_view(db, staff, shop):
    p1 = shop.products[0]
    stock_in(db, p1, shop.warehouses[0], 5)
    old = create_so(db, staff.rep1, so_input(shop))
    call(db, so.cancel_sales_order, staff.rep1, old.id, "dup")
    new = create_so(db, staff.rep1, so_input(shop))
    rows = call(db, so.sales_orders_of_customer, staff.rep1, shop.customer)
    assert [r.id for r in rows] == [new.id, old.id]            # open first
    assert call(db, so.sales_orders_of_customer, staff.rep3, shop.customer) == ()


def test_delivery_progress_keeps_reservation_equal_to_open_qty(db, staff, shop):
    p1 = shop.products[0]
    w = shop.warehouses[0]
    stock_in(db, p1, w, 10)
    order = call(db, so.submit_sales_order, staff.rep1,
                 create_so(db, staff.rep1, so_input(shop, line(p1, 6))).id)
    lid = order.lines[0].id
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: order_progress.record_delivery(s, {lid: D("7")}))
    assert "only 6 left to deliver" in err.value.message
    assert db.write(lambda s: order_progress.record_delivery(s, {lid: D("6")})) == {lid: D("-6")}
    db.write(lambda s: order_progress.record_customer_return(s, {lid: D("2")}))
    with pytest.raises(ValidationError):                     # undo the delivery under a return
        db.write(lambda s: order_progress.record_delivery(s, {lid: D("-6")}))
    with pytest.raises(ValidationError):
        db.write(lambda s: order_progress.record_customer_return(s, {lid: D("5")}))
    # a reversal of 3 reopens the line and reserves it again
    assert db.write(lambda s: order_progress.record_delivery(s, {lid: D("-3")})) == {lid: D("3")}
    back = call(db, so.get_sales_order, staff.rep1, order.id)
    assert back.state == "partially_delivered"
    assert (back.lines[0].delivered_qty, back.lines[0].reserved_qty,
            back.lines[0].returned_qty) == (D("3"), D("3"), D("2"))
    cancelled = call(db, so.cancel_sales_order, staff.rep1, order.id, "stop")
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: order_progress.record_delivery(s, {lid: D("1")}))
    assert err.value.message == f"{cancelled.number} was cancelled."
    assert db.read(verify) == []


def race(n: int, work) -> list:
    """Run ``work(i)`` in ``n`` threads (each with its own connection) released at once;
    each result or the business error it raised."""
    barrier = threading.Barrier(n)
    results: list = [None] * n

    def run(i):
        barrier.wait()
        try:
            results[i] = work(i)
        except Exception as exc:            # kept so the assertion shows it
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_concurrent_submits_never_over_reserve_and_keep_numbers_gapless(db, staff, shop):
    p1 = shop.products[0]
    w = shop.warehouses[0]
    stock_in(db, p1, w, 10)
    drafts = [create_so(db, staff.rep1, so_input(shop, line(p1, 3))) for _ in range(6)]
    results = race(6, lambda i: call(db, so.submit_sales_order, staff.rep1, drafts[i].id))
    approved = [r for r in results if isinstance(r, so.SalesOrderInfo)]
    refused = [r for r in results if not isinstance(r, so.SalesOrderInfo)]
    assert len(approved) == 3 and all(isinstance(r, InsufficientStock) for r in refused)
    assert sorted(r.number[-6:] for r in approved) == ["000001", "000002", "000003"]
    assert balance(db, p1, w) == (D("10"), D("9"))
    states = [call(db, so.get_sales_order, staff.rep1, d.id) for d in drafts]
    assert sorted((x.state, x.number is None) for x in states) == \
        [("approved", False)] * 3 + [("draft", True)] * 3
    assert db.read(check_stock).ok                  # reserved == what open orders hold


def test_concurrent_resends_of_one_create_make_one_order(db, staff, shop):
    key = str(uuid.uuid4())
    results = race(5, lambda i: create_so(db, staff.rep1, so_input(shop), client_uuid=key))
    assert all(isinstance(r, so.SalesOrderInfo) for r in results), results
    assert len({r.id for r in results}) == 1
    assert len(call(db, so.list_sales_orders, staff.admin)) == 1


def test_cancel_from_submitted_and_approved_and_no_reject_after_approval(db, staff, shop):
    p1 = shop.products[0]
    w = shop.warehouses[0]
    stock_in(db, p1, w, 10)
    call(db, set_approval_rules, staff.admin, ApprovalRules(amount_above=D("150")))
    waiting = call(db, so.submit_sales_order, staff.rep1,
                   create_so(db, staff.rep1, so_input(shop, line(p1, 2))).id)
    assert waiting.state == "submitted"
    assert call(db, so.cancel_sales_order, staff.manager, waiting.id, "重复").state == \
        "cancelled"
    approved = call(db, so.approve_sales_order, staff.admin, call(
        db, so.submit_sales_order, staff.rep1,
        create_so(db, staff.rep1, so_input(shop, line(p1, 3))).id).id)
    assert approved.approved_by_name == "管理员"
    assert balance(db, p1, w) == (D("10"), D("3"))
    with pytest.raises(ValidationError) as err:
        call(db, so.reject_sales_order, staff.manager, approved.id, "too late")
    assert err.value.message == f"{approved.number} is already approved."
    call(db, so.cancel_sales_order, staff.rep1, approved.id, "客户取消")
    assert balance(db, p1, w) == (D("10"), D("0"))
    assert db.read(check_stock).ok


def test_a_manager_approves_the_version_they_saw(db, staff, shop):
    p1 = shop.products[0]
    stock_in(db, p1, shop.warehouses[0], 20)
    call(db, set_approval_rules, staff.admin, ApprovalRules(amount_above=D("0")))
    order = create_so(db, staff.rep1, so_input(shop, line(p1, 2)))
    seen = call(db, so.submit_sales_order, staff.rep1, order.id)
    # meanwhile: rejected, changed to 9 and submitted again
    back = call(db, so.reject_sales_order, staff.admin, order.id, "数量不对")
    call(db, so.update_sales_order, staff.rep1, order.id, so_input(shop, line(p1, 9)),
         back.version_id)
    now = call(db, so.submit_sales_order, staff.rep1, order.id)
    with pytest.raises(Conflict) as err:
        call(db, so.approve_sales_order, staff.manager, order.id,
             expected_version=seen.version_id)
    assert err.value.current.lines[0].qty == D("9")
    assert {"lines", "total"} <= set(err.value.changed)
    assert balance(db, shop.products[0], shop.warehouses[0]) == (D("20"), D("0"))
    done = call(db, so.approve_sales_order, staff.manager, order.id,
                expected_version=now.version_id)
    assert done.state == "approved"
