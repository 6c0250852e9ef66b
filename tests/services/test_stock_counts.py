"""Stock counts: a snapshot to start, counted quantities entered, submitted, and the
differences booked only when an administrator approves — against the book quantity at
approval, gains at the moving-average cost."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from sqlalchemy import select

from models.stock import StockBalance, StockMove
from services import stock_ledger
from services.errors import PermissionDenied, ValidationError
from services.stock_counts import set_counted, start_count, submit_count
from services.stock_documents import DocLineInput, new_uuid, set_draft_lines
from tests.helpers.inventory import book, post, receive
from tests.helpers.stock import make_catalog


def on_hand(db, p, w):
    b = db.read(lambda s: s.get(StockBalance, (p, w)))
    return b.on_hand if b else None


def start(db, actor, w, products=None):
    return db.write(lambda s: start_count(s, actor, w, products, client_uuid=new_uuid()))


def test_count_snapshot_then_approval_books_differences_at_average_cost(db, staff):
    cat = make_catalog(db, products=3)
    (p1, p2, p3), w = cat.products, cat.warehouses[0]
    receive(db, p1, w, "10", cost="4")
    receive(db, p2, w, "5", cost="6")
    receive(db, p3, cat.warehouses[1], "7")          # other warehouse: not on this count
    count = start(db, staff.warehouse, w)
    assert [(ln.product_id, ln.system_qty, ln.qty) for ln in count.lines] == [
        (p1, D("10"), D("10")), (p2, D("5"), D("5"))]
    count = db.write(lambda s: set_counted(s, staff.warehouse, count.id,
                                           {p1: D("12"), p2: D("3")},
                                           expected_version=count.version_id))
    # p1 ships 1 while the count waits for approval: a real movement, not a difference
    book(db, None, "DN", w, [(p1, "-1", None)])
    submitted = db.write(lambda s: submit_count(s, staff.warehouse, count.id))
    assert submitted.state == "submitted"
    with pytest.raises(PermissionDenied):
        post(db, staff.warehouse, count.id)
    assert on_hand(db, p1, w) == D("9")
    posted = post(db, staff.admin, count.id).document
    assert posted.state == "posted" and posted.number.startswith("SC-")
    assert on_hand(db, p1, w) == D("12") and on_hand(db, p2, w) == D("3")
    by_product = {ln.product_id: ln for ln in posted.lines}
    assert by_product[p1].system_qty == D("9") and by_product[p1].unit_cost == D("4")
    assert by_product[p2].system_qty == D("5") and by_product[p2].unit_cost == D("6")
    moves = db.read(lambda s: sorted((m.product_id, m.qty, m.unit_cost) for m in s.scalars(
        select(StockMove).where(StockMove.document_id == posted.id))))
    assert moves == sorted([(p1, D("3"), D("4")), (p2, D("-2"), D("6"))])
    assert db.read(lambda s: s.get(StockBalance, (p1, w)).avg_cost) == D("4")
    assert db.read(stock_ledger.verify) == []


def test_count_of_named_products_adds_a_product_without_stock_at_standard_cost(db, staff):
    cat = make_catalog(db, products=2, cost="7.5")
    (p1, p2), w = cat.products, cat.warehouses[0]
    count = start(db, staff.warehouse, w, [p2])
    assert [(ln.product_id, ln.system_qty) for ln in count.lines] == [(p2, D("0"))]
    count = db.write(lambda s: set_counted(s, staff.warehouse, count.id, {p2: D("2"),
                                                                        p1: D("0")}))
    assert [(ln.product_id, ln.qty, ln.system_qty) for ln in count.lines] == [
        (p2, D("2"), D("0")), (p1, D("0"), D("0"))]
    db.write(lambda s: submit_count(s, staff.warehouse, count.id))
    post(db, staff.admin, count.id)
    b = db.read(lambda s: s.get(StockBalance, (p2, w)))
    assert (b.on_hand, b.avg_cost) == (D("2"), D("7.5"))
    assert db.read(lambda s: s.scalar(select(StockMove.id).where(StockMove.product_id == p1))
                   ) is None                          # no difference, no ledger row


def test_count_must_be_submitted_before_approval_and_products_counted_once(db, staff):
    cat = make_catalog(db)
    p, w = cat.products[0], cat.warehouses[0]
    receive(db, p, w, "3")
    count = start(db, staff.warehouse, w)
    with pytest.raises(ValidationError) as err:
        post(db, staff.admin, count.id)
    assert err.value.errors == {"state": "Submit the count before approving it."}
    db.write(lambda s: set_draft_lines(s, staff.warehouse, count.id, (
        DocLineInput(p, D("1"), system_qty=D("3")), DocLineInput(p, D("2"), system_qty=D("3")))))
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: submit_count(s, staff.warehouse, count.id))
    assert "already counted on line 1" in err.value.errors["lines[2].product_id"]
    with pytest.raises(ValidationError):
        start(db, staff.warehouse, cat.warehouses[1])        # nothing in stock there
    with pytest.raises(PermissionDenied):
        start(db, staff.rep1, w)
    assert on_hand(db, p, w) == D("3")
