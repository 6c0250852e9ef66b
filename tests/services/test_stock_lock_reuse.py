"""A posting locks each balance once and reuses what it read; that reuse never outlives
what it describes — a rolled-back savepoint forgets it."""
from __future__ import annotations

from decimal import Decimal as D

from sqlalchemy import event

from services import stock_ledger as ledger
from services.stock_ledger import Move
from tests.helpers.stock import make_catalog
from tests.services.test_stock_ledger import post


def test_balances_locked_again_in_one_transaction_cost_no_statement(db):
    cat = make_catalog(db)
    p, w = cat.products[0], cat.warehouses[0]
    post(db, None, "GR", w, [Move(p, w, D("7"), unit_cost=D("2"))])
    seen: list[str] = []
    listener = lambda *a: seen.append(a[2])                     # noqa: E731

    def work(s):
        first = ledger.lock_balances(s, [(p, w)])
        event.listen(s.connection().engine, "before_cursor_execute", listener)
        try:
            again = ledger.lock_balances(s, [(p, w)])
        finally:
            event.remove(s.connection().engine, "before_cursor_execute", listener)
        return first, again
    first, again = db.write(work)
    assert seen == []
    assert first == again and again[(p, w)].on_hand == D("7")


def test_a_rolled_back_savepoint_is_not_remembered(db):
    cat = make_catalog(db)
    p, w = cat.products[0], cat.warehouses[0]
    post(db, None, "GR", w, [Move(p, w, D("5"), unit_cost=D("2"))])

    def work(s):
        ledger.lock_balances(s, [(p, w)])
        try:
            with s.begin_nested():
                ledger.apply_moves(s, None, [Move(p, w, reserved=D("3"))])
                raise RuntimeError("undo")
        except RuntimeError:
            pass
        return ledger.lock_balances(s, [(p, w)])[(p, w)]
    after = db.write(work)
    assert after.reserved == D("0") and after.on_hand == D("5")
