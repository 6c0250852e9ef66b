"""``python main.py stock check``: exit 0 when the ledger sums to the balances and the open
sales orders' reservations match; exit 1 naming the product and warehouse when not."""
from __future__ import annotations

from decimal import Decimal as D

from sqlalchemy import text

from app import cli
from tests.app.test_cli_pool import run
from tests.helpers.documents import approved_so, make_world
from tests.helpers.inventory import receive


def test_stock_check_passes_then_names_a_corrupted_balance(db, staff, tmp_path):
    w = make_world(db, staff)
    (p1, p2, _), (a, b) = w.products, w.warehouses
    receive(db, p1, a, "10")
    receive(db, p2, b, "4")
    approved_so(db, staff, w, [(p1, 3, "50")])                # reserves 3 of p1 in a

    ok = run(tmp_path, "stock", "check", "--database", db.url)
    assert ok.returncode == cli.EXIT_OK, ok.stderr
    assert ok.stdout.strip() == ("Stock check passed: 2 balances agree with 2 ledger rows "
                                 "and the open reservations.")

    # someone "fixes" stock with SQL instead of a count: the check must notice
    db.write(lambda s: s.execute(text(
        "UPDATE stock_balance SET on_hand = 7 WHERE product_id = :p AND warehouse_id = :w"),
        {"p": p1, "w": a}))
    db.write(lambda s: s.execute(text(
        "UPDATE stock_balance SET reserved = 1 WHERE product_id = :p AND warehouse_id = :w"),
        {"p": p2, "w": b}))
    bad = run(tmp_path, "stock", "check", "--database", db.url)
    assert bad.returncode == cli.EXIT_ERROR
    assert bad.stdout.splitlines() == [
        "Stock check FAILED: 2 differences.",
        "  SKU-001 产品1 in 仓库1: the balance says 7 个 on hand but the ledger adds up to "
        "10 个 (difference -3).",
        "  SKU-002 产品2 in 仓库2: 1 个 reserved but the open sales orders reserve 0 个."]
    assert D("3") == db.read(lambda s: s.execute(text(
        "SELECT reserved FROM stock_balance WHERE product_id = :p"), {"p": p1}).scalar())


def test_stock_check_usage(tmp_path):
    no_action = run(tmp_path, "stock")
    assert no_action.returncode == cli.EXIT_USAGE
