"""Transfers: out of one warehouse and into another in one posting, at the source's cost,
never taking stock that is not there or reserved for an order."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from sqlalchemy import select

from models.stock import StockBalance, StockMove
from services import stock_ledger
from services.errors import InsufficientStock, PermissionDenied, ValidationError
from services.stock_documents import DocLineInput, new_uuid
from services.stock_ledger import Move
from services.transfers import create_transfer
from tests.helpers.inventory import post, receive
from tests.helpers.stock import make_catalog


def balance(db, p, w):
    b = db.read(lambda s: s.get(StockBalance, (p, w)))
    return (b.on_hand, b.reserved, b.avg_cost) if b else None


def transfer(db, actor, src, dst, lines, uuid=None, reason=None):
    return db.write(lambda s: create_transfer(
        s, actor, src, dst, [DocLineInput(p, D(q)) for p, q in lines], uuid or new_uuid(),
        reason=reason))


def test_transfer_moves_stock_at_the_source_cost(db, staff):
    cat = make_catalog(db, products=2)
    (p1, p2), (a, b) = cat.products[:2], cat.warehouses
    receive(db, p1, a, "10", cost="12.5")
    receive(db, p2, a, "4", cost="3")
    receive(db, p1, b, "2", cost="20")
    draft = transfer(db, staff.warehouse, a, b, [(p1, "6"), (p2, "4")], reason="补货")
    assert (draft.state, draft.number, draft.to_warehouse_id) == ("draft", None, b)
    result = post(db, staff.warehouse, draft.id)
    doc = result.document
    assert doc.state == "posted" and doc.number.startswith("TR-")
    assert balance(db, p1, a) == (D("4"), D("0"), D("12.5"))
    # 2 at 20 and 6 arriving at 12.5 → (40 + 75) / 8
    assert balance(db, p1, b) == (D("8"), D("0"), D("14.375"))
    assert balance(db, p2, a)[0] == 0 and balance(db, p2, b) == (D("4"), D("0"), D("3"))
    assert [ln.unit_cost for ln in doc.lines] == [D("12.5"), D("3")]
    moves = db.read(lambda s: [(m.product_id, m.warehouse_id, m.qty, m.unit_cost) for m in
                               s.scalars(select(StockMove).where(
                                   StockMove.document_id == doc.id).order_by(StockMove.id))])
    assert moves == [(p1, a, D("-6"), D("12.5")), (p1, b, D("6"), D("12.5")),
                     (p2, a, D("-4"), D("3")), (p2, b, D("4"), D("3"))]
    assert db.read(stock_ledger.verify) == []
    again = post(db, staff.warehouse, draft.id)
    assert again.already_posted and again.document.number == doc.number


def test_transfer_cannot_take_reserved_or_missing_stock(db, staff):
    cat = make_catalog(db)
    p, (a, b) = cat.products[0], cat.warehouses
    receive(db, p, a, "5")
    db.write(lambda s: stock_ledger.apply_moves(s, None, [Move(p, a, reserved=D("3"))]))
    draft = transfer(db, staff.warehouse, a, b, [(p, "3")])
    with pytest.raises(InsufficientStock) as err:
        post(db, staff.warehouse, draft.id)
    assert "SKU-001" in str(err.value) and "仓库1" in str(err.value)
    assert err.value.shortfall == D("1")
    assert balance(db, p, a) == (D("5"), D("3"), D("10"))
    assert db.read(lambda s: s.get(StockBalance, (p, b))) is None or balance(db, p, b)[0] == 0
    assert db.read(lambda s: s.scalar(select(StockMove.id).where(
        StockMove.warehouse_id == b))) is None


def test_transfer_input_is_checked_and_resend_creates_one_draft(db, staff):
    cat = make_catalog(db)
    p, (a, b) = cat.products[0], cat.warehouses
    with pytest.raises(ValidationError) as err:
        transfer(db, staff.warehouse, a, a, [(p, "1")])
    assert err.value.errors == {"to_warehouse_id": "A transfer goes to a different warehouse."}
    with pytest.raises(ValidationError) as err:
        transfer(db, staff.warehouse, a, b, [(p, "0")])
    assert "above zero" in err.value.errors["lines[1].qty"]
    with pytest.raises(ValidationError) as err:
        transfer(db, staff.warehouse, a, b, [])
    assert "lines" in err.value.errors
    with pytest.raises(PermissionDenied):
        transfer(db, staff.rep1, a, b, [(p, "1")])
    uuid = new_uuid()
    first = transfer(db, staff.warehouse, a, b, [(p, "1")], uuid=uuid)
    second = transfer(db, staff.warehouse, a, b, [(p, "1")], uuid=uuid)
    assert first.id == second.id and len(second.lines) == 1
