"""The ledger core: balances change only with ledger rows, never below zero, never into
someone else's reservation, with moving-average cost; the ledger sums to the balances."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from models.stock import StockBalance, StockMove
from services import stock_ledger as ledger
from services.errors import InsufficientStock
from services.stock_ledger import Move
from tests.helpers.stock import draft_document, make_catalog


def post(db, actor_id, doc_type, wh, moves, **kw):
    def work(s):
        doc = draft_document(s, doc_type, wh, **kw)
        ledger.lock_document(s, doc.id)
        ledger.mark_posted(s, actor_id, doc)
        applied = ledger.apply_moves(s, actor_id, moves, document=doc)
        ledger.finish_posting(s, doc)
        return applied
    return db.write(work)


def balance(db, p, w):
    return db.read(lambda s: s.get(StockBalance, (p, w)))


def test_receipt_then_issue_keeps_ledger_equal_to_balance(db, staff):
    cat = make_catalog(db)
    p, w = cat.products[0], cat.warehouses[0]
    post(db, staff.warehouse.user_id, "GR", w, [Move(p, w, D("10"), unit_cost=D("5"))])
    post(db, staff.warehouse.user_id, "GR", w, [Move(p, w, D("10"), unit_cost=D("8"))])
    applied = post(db, staff.warehouse.user_id, "SR", w, [Move(p, w, D("-4"))])
    b = balance(db, p, w)
    assert b.on_hand == D("16")
    assert b.avg_cost == D("6.5")                 # (10×5 + 10×8) / 20
    assert applied.costs == (D("6.5"),)           # an issue moves at the average
    assert db.read(ledger.verify) == []
    numbers = db.read(lambda s: s.scalars(select(StockMove.doc_number)
                                          .order_by(StockMove.id)).all())
    assert numbers[0].startswith("GR-") and numbers[2].startswith("SR-")


def test_shortfall_is_refused_whole_and_names_product_warehouse_and_amount(db, staff):
    cat = make_catalog(db)
    (p1, p2, _), w = cat.products, cat.warehouses[0]
    post(db, None, "GR", w, [Move(p1, w, D("5")), Move(p2, w, D("1"))])
    with pytest.raises(InsufficientStock) as err:
        post(db, None, "SR", w, [Move(p1, w, D("-2")), Move(p2, w, D("-3"))])
    assert "SKU-002" in str(err.value) and "仓库1" in str(err.value)
    assert err.value.shortfall == D("2")
    assert balance(db, p1, w).on_hand == D("5")   # the first line was not half-applied
    assert db.read(lambda s: s.scalar(select(text("count(*)")).select_from(StockMove))) == 2


def test_reserved_stock_cannot_be_taken_by_another_move(db, staff):
    cat = make_catalog(db)
    p, w = cat.products[0], cat.warehouses[0]
    post(db, None, "GR", w, [Move(p, w, D("10"))])
    db.write(lambda s: ledger.apply_moves(s, None, [Move(p, w, reserved=D("8"))]))
    with pytest.raises(InsufficientStock) as err:
        post(db, None, "SR", w, [Move(p, w, D("-3"))])
    assert err.value.shortfall == D("1")
    # delivering against the reservation consumes it
    post(db, None, "DN", w, [Move(p, w, D("-8"), reserved=D("-8"))])
    b = balance(db, p, w)
    assert (b.on_hand, b.reserved) == (D("2"), D("0"))


def test_transfer_carries_the_source_cost(db, staff):
    cat = make_catalog(db)
    p, (a, b) = cat.products[0], cat.warehouses
    post(db, None, "GR", a, [Move(p, a, D("4"), unit_cost=D("12.5"))])
    post(db, None, "TR", a, [Move(p, a, D("-4")), Move(p, b, D("4"), cost_from_warehouse=a)],
         to_warehouse_id=b)
    assert balance(db, p, b).avg_cost == D("12.5")
    assert balance(db, p, a).on_hand == 0
    assert db.read(ledger.verify) == []


def test_database_refuses_negative_on_hand_even_without_the_service(db, staff):
    cat = make_catalog(db)
    p, w = cat.products[0], cat.warehouses[0]
    post(db, None, "GR", w, [Move(p, w, D("1"))])
    with pytest.raises(IntegrityError):
        db.write(lambda s: s.execute(text(
            "UPDATE stock_balance SET on_hand = -1 WHERE product_id = :p"), {"p": p}))


def test_verify_reports_a_balance_that_disagrees_with_the_ledger(db, staff):
    cat = make_catalog(db)
    p, w = cat.products[0], cat.warehouses[0]
    post(db, None, "GR", w, [Move(p, w, D("3"))])
    db.write(lambda s: s.execute(text(
        "UPDATE stock_balance SET on_hand = 7 WHERE product_id = :p"), {"p": p}))
    [problem] = db.read(ledger.verify)
    assert (problem.what, problem.book, problem.expected) == ("on_hand", D("7"), D("3"))


def test_ledger_and_posted_documents_are_immutable_in_postgresql(pg_db):
    from tests.helpers.org import make_staff
    make_staff(pg_db)
    cat = make_catalog(pg_db)
    p, w = cat.products[0], cat.warehouses[0]
    post(pg_db, None, "GR", w, [Move(p, w, D("3"))])
    for sql in ("UPDATE stock_move SET qty = 30", "DELETE FROM stock_move",
                "UPDATE stock_document SET notes = 'edited'", "DELETE FROM stock_document"):
        with pytest.raises(DBAPIError) as err:
            pg_db.write(lambda s: s.execute(text(sql)))
        assert "posted" in str(err.value) or "append-only" in str(err.value)


def test_a_posting_never_finished_is_refused_at_commit(db, staff):
    cat = make_catalog(db)
    p, w = cat.products[0], cat.warehouses[0]

    def half(s):
        doc = draft_document(s, "GR", w)
        ledger.mark_posted(s, None, doc)
        ledger.apply_moves(s, None, [Move(p, w, D("2"))], document=doc)
    with pytest.raises(RuntimeError, match="never finished"):
        db.write(half)
    assert db.read(lambda s: s.get(StockBalance, (p, w))) is None   # nothing half-written
