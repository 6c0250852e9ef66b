"""Stock inquiry (库存查询): a product's on hand, reserved and available per warehouse, its
ledger history, and the low-stock list.

Everyone on the staff may look (sales need "can I promise this?"); the moving-average cost
is shown to warehouse, finance, managers and administrators only — a sales rep sees
quantities, not what the goods cost.

Built to stay fast at 100,000 products × 5 warehouses and 10,000,000 ledger rows
(bench/stock.py): balances are read by primary key, the ledger newest-first per warehouse
through ``ix_stock_move_product_wh (product_id, warehouse_id, id)`` — one index range per
warehouse, merged — and keyset-paged by id, so a page costs the same whatever the history.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from sqlalchemy import and_, func, or_, select, text
from sqlalchemy.orm import Session

from models.catalog import Product, Warehouse
from models.stock import StockBalance, StockMove
from services.errors import NotFound
from services.org import Actor
from services.stock_ledger import qty

STAFF_ROLES = ("sales", "sales_manager", "warehouse", "finance", "admin")
COST_ROLES = ("sales_manager", "warehouse", "finance", "admin")


@dataclass(frozen=True)
class BalanceRow:
    warehouse_id: int
    warehouse_name: str
    on_hand: Decimal
    reserved: Decimal
    available: Decimal
    avg_cost: Decimal | None          # None for roles that do not see costs


@dataclass(frozen=True)
class LedgerRow:
    id: int
    at: dt.datetime
    doc_type: str
    doc_number: str
    document_id: int
    warehouse_id: int
    warehouse_name: str
    qty: Decimal                      # signed: + in, − out
    balance_after: Decimal            # on hand in that warehouse right after this move
    unit_cost: Decimal | None


@dataclass(frozen=True)
class LowStockRow:
    product_id: int
    sku: str
    name: str
    unit: str
    warehouse_id: int | None          # None: the whole company's stock
    warehouse_name: str | None
    on_hand: Decimal
    reserved: Decimal
    available: Decimal
    min_stock: Decimal
    shortfall: Decimal                # min_stock − available


def _check_reader(actor: Actor) -> None:
    if actor.role not in STAFF_ROLES:
        raise NotFound("stock", "inquiry")


def _sees_cost(actor: Actor) -> bool:
    return actor.role in COST_ROLES


def stock_by_product(session: Session, actor: Actor, product_id: int) -> list[BalanceRow]:
    """On hand, reserved and available of one product in every active warehouse (zero
    where it has none) and in closed ones that still hold some, ordered by warehouse code."""
    _check_reader(actor)
    rows = session.execute(
        select(Warehouse.id, Warehouse.name, StockBalance.on_hand, StockBalance.reserved,
               StockBalance.avg_cost)
        .select_from(Warehouse)
        # joined with the one product row: no rows at all for an unknown product
        .join(Product, Product.id == product_id)
        .outerjoin(StockBalance, and_(StockBalance.warehouse_id == Warehouse.id,
                                      StockBalance.product_id == product_id))
        .where(or_(Warehouse.active.is_(True), StockBalance.on_hand != 0,
                   StockBalance.reserved != 0))
        .order_by(Warehouse.code)).all()
    # One query in the usual case; only an empty answer asks whether the product exists.
    if not rows and session.scalar(select(Product.id).where(Product.id == product_id)) is None:
        raise NotFound("product", product_id)
    cost = _sees_cost(actor)
    out = []
    for wid, name, on_hand, reserved, avg in rows:
        on_hand, reserved = qty(on_hand or 0), qty(reserved or 0)
        out.append(BalanceRow(wid, name, on_hand, reserved, on_hand - reserved,
                              Decimal(avg or 0).quantize(Decimal("0.0001")) if cost else None))
    return out


def product_ledger(session: Session, actor: Actor, product_id: int,
                   warehouse_id: int | None = None, limit: int = 100,
                   before_id: int | None = None) -> list[LedgerRow]:
    """A product's ledger rows, newest first, ``limit`` at a time: pass the last row's id as
    ``before_id`` for the next page. Each row carries the warehouse's on-hand quantity right
    after it (current balance minus every later move)."""
    _check_reader(actor)
    if limit <= 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        # One round trip: each balance row of the product drives its own index range.
        page = session.execute(_lateral_page(warehouse_id is not None, before_id is not None),
                               {"p": product_id, "w": warehouse_id, "n": limit,
                                "before": before_id}).all()
    else:
        page = _union_page(session, product_id, warehouse_id, limit, before_id)
    # Walk each warehouse's balance back from today's on hand: minus the moves newer than
    # the page (id >= before_id: nothing newer than the page is below before_id).
    newer = {r.warehouse_id: qty(r.newer) for r in page}
    cost = _sees_cost(actor)
    out = []
    for r in page:
        after = qty(r.on_hand) - newer[r.warehouse_id]
        newer[r.warehouse_id] += qty(r.qty)
        out.append(LedgerRow(r.id, _aware(r.at), r.doc_type, r.doc_number, r.document_id,
                             r.warehouse_id, r.warehouse_name, qty(r.qty), after,
                             Decimal(r.unit_cost) if cost else None))
    return out


_COLS = "id, at, doc_type, doc_number, document_id, warehouse_id, qty, unit_cost"
_NEWER = ("(SELECT COALESCE(SUM(x.qty), 0) FROM stock_move x WHERE x.product_id = "
          "b.product_id AND x.warehouse_id = b.warehouse_id AND x.id >= :before)")


def _typed(sql: str):
    m = StockMove
    return text(sql).columns(m.id, m.at, m.doc_type, m.doc_number, m.document_id,
                             m.warehouse_id, m.qty, m.unit_cost, StockBalance.on_hand,
                             Warehouse.name.label("warehouse_name"), m.qty.label("newer"))


@lru_cache(maxsize=8)
def _lateral_page(one_warehouse: bool, paged: bool):
    """PostgreSQL: the balances of the product, each with its newest ``n`` ledger rows
    (index ``ix_stock_move_product_wh`` read backwards), merged newest first. Built once
    per shape as SQL text (the expression language cost more than the query)."""
    cond = " AND m.id < :before" if paged else ""
    newer = _NEWER if paged else "0"
    wh = " AND b.warehouse_id = :w" if one_warehouse else ""
    return _typed(
        f"SELECT m.{_COLS.replace(', ', ', m.')}, b.on_hand, w.name, {newer} "
        "FROM stock_balance b JOIN warehouse w ON w.id = b.warehouse_id "
        f"CROSS JOIN LATERAL (SELECT {_COLS} FROM stock_move m WHERE m.product_id = "
        f"b.product_id AND m.warehouse_id = b.warehouse_id{cond} ORDER BY m.id DESC "
        f"LIMIT :n) m WHERE b.product_id = :p{wh} ORDER BY m.id DESC LIMIT :n")


def _union_page(session: Session, product_id: int, warehouse_id: int | None, limit: int,
                before_id: int | None):
    """SQLite (no LATERAL): the product's warehouses first, then one index range each."""
    wids = list(session.scalars(
        select(StockBalance.warehouse_id).where(StockBalance.product_id == product_id)
        .order_by(StockBalance.warehouse_id)))
    wids = [w for w in wids if warehouse_id is None or w == warehouse_id]
    if not wids:
        return []
    return session.execute(_union_statement(len(wids), before_id is not None), {
        "p": product_id, "n": limit, "before": before_id,
        **{f"w{i}": w for i, w in enumerate(wids)}}).all()


@lru_cache(maxsize=64)
def _union_statement(warehouses: int, paged: bool):
    cond = " AND m.id < :before" if paged else ""
    newer = _NEWER if paged else "0"
    parts = [f"SELECT * FROM (SELECT m.{_COLS.replace(', ', ', m.')}, b.on_hand, w.name, "
             f"{newer} FROM stock_balance b JOIN warehouse w ON w.id = b.warehouse_id "
             f"JOIN stock_move m ON m.product_id = b.product_id AND m.warehouse_id = "
             f"b.warehouse_id WHERE b.product_id = :p AND b.warehouse_id = :w{i}{cond} "
             f"ORDER BY m.id DESC LIMIT :n) AS w{i}" for i in range(warehouses)]
    return _typed(" UNION ALL ".join(parts) + " ORDER BY id DESC LIMIT :n")


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def low_stock(session: Session, actor: Actor, warehouse_id: int | None = None, *,
              limit: int = 1000) -> list[LowStockRow]:
    """Active products whose available quantity is below their minimum stock: in one
    warehouse (a product it has never held counts as 0 there), or company-wide when no
    warehouse is given. Largest shortfall first."""
    _check_reader(actor)
    b = StockBalance
    if warehouse_id is not None:
        wh = session.get(Warehouse, warehouse_id)
        if wh is None:
            raise NotFound("warehouse", warehouse_id)
        on_hand = func.coalesce(b.on_hand, 0)
        reserved = func.coalesce(b.reserved, 0)
        q = (select(Product.id, Product.sku, Product.name, Product.unit, Product.min_stock,
                    on_hand.label("on_hand"), reserved.label("reserved"))
             .outerjoin(b, and_(b.product_id == Product.id, b.warehouse_id == warehouse_id)))
        wid, wname = warehouse_id, wh.name
    else:
        totals = (select(b.product_id, func.sum(b.on_hand).label("on_hand"),
                         func.sum(b.reserved).label("reserved"))
                  .group_by(b.product_id).subquery())
        on_hand = func.coalesce(totals.c.on_hand, 0)
        reserved = func.coalesce(totals.c.reserved, 0)
        q = (select(Product.id, Product.sku, Product.name, Product.unit, Product.min_stock,
                    on_hand.label("on_hand"), reserved.label("reserved"))
             .outerjoin(totals, totals.c.product_id == Product.id))
        wid, wname = None, None
    shortfall = Product.min_stock - (on_hand - reserved)
    q = (q.where(Product.active.is_(True), Product.min_stock > 0, shortfall > 0)
         .order_by(shortfall.desc(), Product.sku).limit(limit))
    out = []
    for r in session.execute(q):
        oh, rs, mn = qty(r.on_hand), qty(r.reserved), qty(r.min_stock)
        out.append(LowStockRow(r.id, r.sku, r.name, r.unit, wid, wname, oh, rs, oh - rs, mn,
                               mn - (oh - rs)))
    return out


@dataclass(frozen=True)
class DeliveryRow:
    """A delivery note or customer return of a customer, for the 360° view."""

    id: int
    doc_type: str                     # DN / CR
    number: str | None                # None while a draft
    state: str
    doc_date: dt.date
    posted_at: dt.datetime | None
    warehouse_name: str
    sales_order_id: int | None
    sales_order_number: str | None
    reverses_id: int | None
    qty: Decimal                      # total of the lines
    amount: Decimal                   # Σ qty × unit price (tax-inclusive, after discount)


def customer_deliveries(session: Session, actor: Actor, customer_id: int, *,
                        limit: int = 200) -> tuple[DeliveryRow, ...]:
    """A customer's delivery notes and customer returns (drafts and posted; cancelled
    drafts left out), newest first — for whoever may see the customer. One query after the
    visibility check."""
    from services.customers import get_customer
    get_customer(session, actor, customer_id)
    return deliveries_of_customer(session, customer_id, limit=limit)


def deliveries_of_customer(session: Session, customer_id: int, *,
                           limit: int = 200) -> tuple[DeliveryRow, ...]:
    """As :func:`customer_deliveries` without the visibility check (the caller made it):
    one query."""
    from models.stock import SalesOrder, StockDocument, StockDocumentLine
    from services.money import cents, money
    d, ln = StockDocument, StockDocumentLine
    rows = session.execute(
        select(d.id, d.doc_type, d.number, d.state, d.doc_date, d.posted_at, Warehouse.name,
               d.sales_order_id, SalesOrder.number, d.reverses_id,
               func.coalesce(func.sum(ln.qty), 0),
               func.coalesce(func.sum(cents(ln.qty * func.coalesce(ln.unit_price, 0))), 0))
        .join(Warehouse, Warehouse.id == d.warehouse_id)
        .outerjoin(SalesOrder, SalesOrder.id == d.sales_order_id)
        .outerjoin(ln, ln.document_id == d.id)
        .where(d.customer_id == customer_id, d.doc_type.in_(("DN", "CR")),
               d.state.in_(("draft", "posted")))
        .group_by(d.id, d.doc_type, d.number, d.state, d.doc_date, d.posted_at, Warehouse.name,
                  d.sales_order_id, SalesOrder.number, d.reverses_id)
        .order_by(d.id.desc()).limit(limit)).all()
    return tuple(DeliveryRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                             qty(r[10]), money(r[11])) for r in rows)
