"""The stock self-check behind ``python main.py stock check``: the ledger must sum to every
balance's on-hand quantity, and every balance's reserved quantity must equal what the open
sales orders (approved or partially delivered) reserve in that warehouse. Each difference
is described in words a warehouse manager can act on."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.catalog import Product, Warehouse
from models.stock import SalesOrder, SalesOrderLine, StockBalance, StockMove
from services.stock_ledger import CheckProblem, Key, plain, qty, verify

OPEN_ORDER_STATES = ("approved", "partially_delivered")


@dataclass(frozen=True)
class StockCheckResult:
    balances: int                  # balance rows compared
    ledger_rows: int
    problems: tuple[CheckProblem, ...]
    messages: tuple[str, ...]      # one sentence per problem, naming product and warehouse

    @property
    def ok(self) -> bool:
        return not self.problems


def open_reservations(session: Session) -> dict[Key, Decimal]:
    """What the open sales orders hold back, per (product, order's warehouse)."""
    rows = session.execute(
        select(SalesOrderLine.product_id, SalesOrder.warehouse_id,
               func.sum(SalesOrderLine.reserved_qty))
        .join(SalesOrder, SalesOrder.id == SalesOrderLine.order_id)
        .where(SalesOrder.state.in_(OPEN_ORDER_STATES))
        .group_by(SalesOrderLine.product_id, SalesOrder.warehouse_id)).all()
    return {(p, w): qty(total) for p, w, total in rows if qty(total) != 0}


def check_stock(session: Session) -> StockCheckResult:
    """Compare balances with the ledger and with the open reservations (read only)."""
    problems = tuple(verify(session, open_reservations(session)))
    balances = session.scalar(select(func.count()).select_from(StockBalance)) or 0
    ledger_rows = session.scalar(select(func.count()).select_from(StockMove)) or 0
    products = {p.id: p for p in session.execute(
        select(Product.id, Product.sku, Product.name, Product.unit)
        .where(Product.id.in_({x.product_id for x in problems})))} if problems else {}
    warehouses = dict(session.execute(select(Warehouse.id, Warehouse.name)).all())
    return StockCheckResult(balances, ledger_rows, problems,
                            tuple(_describe(x, products, warehouses) for x in problems))


def _describe(x: CheckProblem, products, warehouses) -> str:
    p = products.get(x.product_id)
    what = f"{p.sku} {p.name}" if p else f"product {x.product_id}"
    unit = f" {p.unit}" if p else ""
    where = warehouses.get(x.warehouse_id, f"warehouse {x.warehouse_id}")
    book, expected = plain(qty(x.book)), plain(qty(x.expected))
    if x.what == "on_hand":
        return (f"{what} in {where}: the balance says {book}{unit} on hand but the ledger "
                f"adds up to {expected}{unit} (difference {plain(qty(x.book - x.expected))}).")
    if x.what == "reserved":
        return (f"{what} in {where}: {book}{unit} reserved but the open sales orders reserve "
                f"{expected}{unit}.")
    return f"{what} in {where}: on hand is negative ({book}{unit})."
