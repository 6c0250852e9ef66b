"""Stock inquiry: per-warehouse on hand / reserved / available / cost, the ledger history
newest first in keyset pages with the balance after each move, and low-stock alerts."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from sqlalchemy import update

from models.catalog import Product, Warehouse
from services import stock_ledger
from services.errors import NotFound
from services.stock_inquiry import low_stock, product_ledger, stock_by_product
from services.stock_ledger import Move
from tests.helpers.inventory import book, receive
from tests.helpers.stock import make_catalog


def test_balances_per_warehouse_with_cost_hidden_from_sales(db, staff):
    cat = make_catalog(db, warehouses=3)
    p, (a, b, c) = cat.products[0], cat.warehouses
    receive(db, p, a, "10", cost="4")
    receive(db, p, b, "2", cost="9")
    db.write(lambda s: stock_ledger.apply_moves(s, None, [Move(p, a, reserved=D("3"))]))
    rows = db.read(lambda s: stock_by_product(s, staff.warehouse, p))
    assert [(r.warehouse_name, r.on_hand, r.reserved, r.available, r.avg_cost) for r in rows] == [
        ("仓库1", D("10"), D("3"), D("7"), D("4")), ("仓库2", D("2"), D("0"), D("2"), D("9")),
        ("仓库3", D("0"), D("0"), D("0"), D("0"))]
    rep_rows = db.read(lambda s: stock_by_product(s, staff.rep1, p))
    assert [r.avg_cost for r in rep_rows] == [None, None, None]
    assert [r.available for r in rep_rows] == [D("7"), D("2"), D("0")]
    # a closed warehouse shows only while it still holds the product
    db.write(lambda s: s.execute(update(Warehouse).where(Warehouse.id.in_([b, c]))
                                 .values(active=False)))
    names = [r.warehouse_name for r in db.read(lambda s: stock_by_product(s, staff.admin, p))]
    assert names == ["仓库1", "仓库2"]
    with pytest.raises(NotFound):
        db.read(lambda s: stock_by_product(s, staff.admin, 999999))


def test_ledger_history_pages_newest_first_with_balance_after(db, staff):
    cat = make_catalog(db, products=2)
    (p, other), (a, b) = cat.products[:2], cat.warehouses
    receive(db, p, a, "10", cost="5")                       # a: 10
    receive(db, other, a, "1")
    receive(db, p, b, "4", cost="6")                        # b: 4
    book(db, None, "DN", a, [(p, "-3", None)])              # a: 7
    receive(db, p, a, "5", cost="5")                        # a: 12
    book(db, None, "DN", b, [(p, "-1", None)])              # b: 3
    rows = db.read(lambda s: product_ledger(s, staff.warehouse, p))
    assert [(r.warehouse_name, r.doc_type, r.qty, r.balance_after) for r in rows] == [
        ("仓库2", "DN", D("-1"), D("3")), ("仓库1", "GR", D("5"), D("12")),
        ("仓库1", "DN", D("-3"), D("7")), ("仓库2", "GR", D("4"), D("4")),
        ("仓库1", "GR", D("10"), D("10"))]
    assert rows[0].doc_number.startswith("DN-") and rows[0].at.tzinfo is not None
    assert rows[1].unit_cost == D("5")
    first = db.read(lambda s: product_ledger(s, staff.warehouse, p, limit=2))
    second = db.read(lambda s: product_ledger(s, staff.warehouse, p, limit=2,
                                              before_id=first[-1].id))
    third = db.read(lambda s: product_ledger(s, staff.warehouse, p, limit=2,
                                             before_id=second[-1].id))
    assert [r.id for r in first + second + third] == [r.id for r in rows]
    assert [r.balance_after for r in second] == [D("7"), D("4")]
    only_a = db.read(lambda s: product_ledger(s, staff.rep1, p, warehouse_id=a))
    assert [r.balance_after for r in only_a] == [D("12"), D("7"), D("10")]
    assert {r.unit_cost for r in only_a} == {None}
    assert db.read(lambda s: product_ledger(s, staff.admin, p, before_id=rows[-1].id)) == []


def test_low_stock_per_warehouse_and_company_wide(db, staff):
    cat = make_catalog(db, products=3)
    (p1, p2, p3), (a, b) = cat.products, cat.warehouses
    db.write(lambda s: s.execute(update(Product).where(Product.id.in_([p1, p2]))
                                 .values(min_stock=D("5"))))
    receive(db, p1, a, "6")
    receive(db, p1, b, "1")
    receive(db, p2, a, "3")
    receive(db, p3, a, "1")                                   # no minimum: never low
    db.write(lambda s: stock_ledger.apply_moves(s, None, [Move(p1, a, reserved=D("2"))]))
    in_a = db.read(lambda s: low_stock(s, staff.warehouse, a))
    assert [(r.sku, r.available, r.shortfall) for r in in_a] == [
        ("SKU-002", D("3"), D("2")), ("SKU-001", D("4"), D("1"))]
    in_b = db.read(lambda s: low_stock(s, staff.warehouse, b))
    assert [(r.sku, r.on_hand, r.shortfall) for r in in_b] == [
        ("SKU-002", D("0"), D("5")), ("SKU-001", D("1"), D("4"))]
    company = db.read(lambda s: low_stock(s, staff.rep1))
    assert [(r.sku, r.available, r.warehouse_id) for r in company] == [
        ("SKU-002", D("3"), None)]                            # p1: 6 + 1 − 2 = 5, not below
    db.write(lambda s: s.execute(update(Product).where(Product.id == p2).values(active=False)))
    assert db.read(lambda s: low_stock(s, staff.admin)) == []
