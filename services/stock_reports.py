"""Stock and trade reports (进销存报表): stock on hand, movements by period, inventory
valuation at moving-average cost, product sales summary, gross margin (销售毛利) by product
and by customer, and the purchase summary. Each returns rows and a totals row; each is
exported to .xlsx by services/stock_report_export.py.

Where the numbers come from:
- quantities and costs from the ledger (``stock_move``): what really moved, at the cost it
  moved at (a delivery leaves at the moving average of the moment);
- sales revenue from delivery-note lines (``unit_price``: the tax-inclusive price after
  discount) net of VAT at the order line's rate; customer returns count negative;
- purchase amounts from receipt lines (``unit_cost``: the price net of VAT), supplier
  returns negative;
- a reversal document counts with the opposite sign of what it reverses (its ledger rows
  are negated already; its lines are flipped here), so a reversed document adds nothing.

Periods are local calendar days (the user's time zone) on the posting time. Money sums are
taken in integer cents (services/money.py: SQLite keeps NUMERIC as REAL).

Who sees what: quantity reports (on hand, movements, sales summary) — warehouse, finance,
sales managers, administrators; reports with costs and margins (valuation, gross margin,
purchase summary) — finance, sales managers, administrators.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Generic, TypeVar

from sqlalchemy import and_, case, func, literal, select
from sqlalchemy.orm import Session

from models.catalog import Product, ProductCategory, Supplier, Warehouse
from models.party import Customer
from models.stock import SalesOrderLine, StockBalance, StockDocument, StockDocumentLine, StockMove
from services.errors import PermissionDenied, ValidationError
from services.money import cents, money
from services.org import Actor
from services.pipeline_reports import local_midnight, pct
from services.stock_ledger import ZERO, qty

QUANTITY_ROLES = ("warehouse", "finance", "sales_manager", "admin")
COST_ROLES = ("finance", "sales_manager", "admin")
R = TypeVar("R")


@dataclass(frozen=True)
class ReportPeriod:
    date_from: dt.date
    date_to: dt.date                       # inclusive
    tz: dt.tzinfo | None = None            # the user's zone; None = this computer's

    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        if self.date_to < self.date_from:
            raise ValidationError("date_to", "The period ends before it starts.")
        return (local_midnight(self.date_from, self.tz),
                local_midnight(self.date_to + dt.timedelta(days=1), self.tz))


@dataclass(frozen=True)
class Report(Generic[R]):
    rows: tuple[R, ...]
    totals: R


@dataclass(frozen=True)
class ProductInWarehouse:
    product_id: int | None                  # None on the totals row
    sku: str
    name: str
    unit: str
    warehouse_id: int | None
    warehouse_name: str


@dataclass(frozen=True)
class OnHandRow(ProductInWarehouse):
    on_hand: Decimal
    reserved: Decimal
    available: Decimal


@dataclass(frozen=True)
class MovementRow(ProductInWarehouse):
    opening: Decimal
    qty_in: Decimal
    qty_out: Decimal                        # positive: what left
    closing: Decimal
    value_in: Decimal
    value_out: Decimal


@dataclass(frozen=True)
class ValuationRow:
    product_id: int | None
    sku: str
    name: str
    unit: str
    category_name: str
    qty: Decimal
    avg_cost: Decimal | None                # value / qty
    value: Decimal


@dataclass(frozen=True)
class SalesRow:
    product_id: int | None
    sku: str
    name: str
    unit: str
    delivered_qty: Decimal
    returned_qty: Decimal
    net_qty: Decimal
    revenue: Decimal                        # net of VAT
    revenue_incl_tax: Decimal


@dataclass(frozen=True)
class MarginRow:
    key_id: int | None                      # product or customer id; None on the totals
    code: str
    name: str
    net_qty: Decimal
    revenue: Decimal                        # net of VAT
    cost: Decimal                           # at the cost the goods left with
    margin: Decimal
    margin_pct: Decimal | None


@dataclass(frozen=True)
class PurchaseRow:
    supplier_id: int | None
    code: str
    name: str
    receipts: int
    received_qty: Decimal
    amount: Decimal                         # net of VAT
    returned_qty: Decimal
    returned_amount: Decimal
    net_amount: Decimal


def _allow(actor: Actor, roles: tuple[str, ...]) -> None:
    if actor.role not in roles:
        raise PermissionDenied("You are not allowed to see this report.")


def _sign():
    """+1 for a document, −1 for a reversal (its lines repeat the original's quantities)."""
    return case((StockDocument.reverses_id.is_(None), 1), else_=-1)


def _totals(cls, rows, **fixed):
    """A totals row: every Decimal field summed, the others as given."""
    values = {}
    for f in cls.__dataclass_fields__:
        if f in fixed:
            values[f] = fixed[f]
        else:
            values[f] = sum((getattr(r, f) for r in rows), ZERO)
    return cls(**values)


# --------------------------------------------------------------------------- quantities

def stock_on_hand(session: Session, actor: Actor, warehouse_id: int | None = None, *,
                  include_zero: bool = False) -> Report[OnHandRow]:
    """On hand, reserved and available per product and warehouse, by SKU."""
    _allow(actor, QUANTITY_ROLES)
    b = StockBalance
    q = (select(Product.id, Product.sku, Product.name, Product.unit, Warehouse.id,
                Warehouse.name, b.on_hand, b.reserved)
         .join(Product, Product.id == b.product_id).join(Warehouse, Warehouse.id == b.warehouse_id)
         .order_by(Product.sku, Warehouse.code))
    if warehouse_id is not None:
        q = q.where(b.warehouse_id == warehouse_id)
    if not include_zero:
        q = q.where((b.on_hand != 0) | (b.reserved != 0))
    rows = tuple(OnHandRow(pid, sku, name, unit, wid, wname, qty(oh), qty(rs), qty(oh) - qty(rs))
                 for pid, sku, name, unit, wid, wname, oh, rs in session.execute(q))
    return Report(rows, _totals(OnHandRow, rows, product_id=None, sku="", name="",
                                unit="", warehouse_id=None, warehouse_name=""))


def movements(session: Session, actor: Actor, period: ReportPeriod,
              warehouse_id: int | None = None) -> Report[MovementRow]:
    """Per product and warehouse: opening quantity, in, out, closing quantity and the
    value in / out at the ledger's costs. Opening and closing are walked back from today's
    balance through the ledger since the period began (only that part of the ledger is
    read). Products with neither stock nor movement in the period are left out."""
    _allow(actor, QUANTITY_ROLES)
    start, end = period.bounds()
    m = StockMove
    in_period = and_(m.at >= start, m.at < end)
    q = (select(m.product_id, m.warehouse_id,
                func.sum(m.qty).label("since"),
                func.sum(case((and_(in_period, m.qty > 0), m.qty), else_=0)).label("qin"),
                func.sum(case((and_(in_period, m.qty < 0), -m.qty), else_=0)).label("qout"),
                func.sum(case((and_(in_period, m.qty > 0), cents(m.qty * m.unit_cost)),
                              else_=0)).label("vin"),
                func.sum(case((and_(in_period, m.qty < 0), cents(-m.qty * m.unit_cost)),
                              else_=0)).label("vout"))
         .where(m.at >= start).group_by(m.product_id, m.warehouse_id))
    if warehouse_id is not None:
        q = q.where(m.warehouse_id == warehouse_id)
    moved = {(r.product_id, r.warehouse_id): r for r in session.execute(q)}
    b = StockBalance
    bq = select(b.product_id, b.warehouse_id, b.on_hand)
    if warehouse_id is not None:
        bq = bq.where(b.warehouse_id == warehouse_id)
    balances = {(p, w): qty(oh) for p, w, oh in session.execute(bq)}
    keys = set(moved) | {k for k, v in balances.items() if v != 0}
    names = _names(session, keys)
    rows = []
    for key in sorted(keys, key=lambda k: (names[k][0], names[k][3])):
        now = balances.get(key, ZERO)
        r = moved.get(key)
        since, qin, qout = (qty(r.since), qty(r.qin), qty(r.qout)) if r else (ZERO, ZERO, ZERO)
        opening = now - since
        sku, name, unit, wname = names[key]
        rows.append(MovementRow(key[0], sku, name, unit, key[1], wname, opening, qin, qout,
                                opening + qin - qout, money(r.vin if r else 0),
                                money(r.vout if r else 0)))
    rows = tuple(rows)
    return Report(rows, _totals(MovementRow, rows, product_id=None, sku="", name="",
                                unit="", warehouse_id=None, warehouse_name=""))


def _names(session: Session, keys) -> dict[tuple[int, int], tuple[str, str, str, str]]:
    pids = {k[0] for k in keys}
    products = {p: (sku, name, unit) for p, sku, name, unit in session.execute(
        select(Product.id, Product.sku, Product.name, Product.unit)
        .where(Product.id.in_(pids)))} if pids else {}
    warehouses = dict(session.execute(select(Warehouse.id, Warehouse.name)).all())
    return {k: (*products[k[0]], warehouses[k[1]]) for k in keys}


# --------------------------------------------------------------------------- values

def inventory_valuation(session: Session, actor: Actor, warehouse_id: int | None = None
                        ) -> Report[ValuationRow]:
    """What the stock is worth at moving-average cost: per product, Σ on hand × average
    cost over the warehouses (or one warehouse), each balance's value rounded to cents."""
    _allow(actor, COST_ROLES)
    b = StockBalance
    value = func.sum(cents(b.on_hand * b.avg_cost))
    q = (select(Product.id, Product.sku, Product.name, Product.unit,
                func.coalesce(ProductCategory.name, "").label("category"),
                func.sum(b.on_hand).label("qty"), value.label("value"))
         .join(Product, Product.id == b.product_id)
         .outerjoin(ProductCategory, ProductCategory.id == Product.category_id)
         .where(b.on_hand != 0)
         .group_by(Product.id, Product.sku, Product.name, Product.unit, ProductCategory.name)
         .order_by(Product.sku))
    if warehouse_id is not None:
        q = q.where(b.warehouse_id == warehouse_id)
    rows = []
    for r in session.execute(q):
        n, v = qty(r.qty), money(r.value)
        avg = (v / n).quantize(Decimal("0.0001"), ROUND_HALF_UP) if n else None
        rows.append(ValuationRow(r.id, r.sku, r.name, r.unit, r.category, n, avg, v))
    rows = tuple(rows)
    return Report(rows, _totals(ValuationRow, rows, product_id=None, sku="", name="",
                                unit="", category_name="", avg_cost=None))


def _sales_lines(period: ReportPeriod):
    """Delivery-note and customer-return lines posted in the period, with a signed factor
    (+1 delivered, −1 returned, flipped for reversals) and the revenue columns."""
    start, end = period.bounds()
    d, ln, sol = StockDocument, StockDocumentLine, SalesOrderLine
    factor = case((d.doc_type == "DN", 1), else_=-1) * _sign()
    incl = ln.qty * func.coalesce(ln.unit_price, 0)
    net = incl / (1 + func.coalesce(sol.tax_rate, 0) / 100)
    return (d, ln, factor, cents(incl), cents(net),
            lambda q: q.select_from(ln).join(d, d.id == ln.document_id)
            .outerjoin(sol, sol.id == ln.so_line_id)
            .where(d.state == "posted", d.doc_type.in_(("DN", "CR")), d.posted_at >= start,
                   d.posted_at < end))


def product_sales(session: Session, actor: Actor, period: ReportPeriod
                  ) -> Report[SalesRow]:
    """Per product: delivered, returned and net quantity, revenue net of VAT and with it."""
    _allow(actor, QUANTITY_ROLES)
    d, ln, factor, incl, net, frame = _sales_lines(period)
    q = frame(select(ln.product_id,
                     func.sum(case((d.doc_type == "DN", ln.qty * _sign()), else_=0)),
                     func.sum(case((d.doc_type == "CR", ln.qty * _sign()), else_=0)),
                     func.sum(factor * net), func.sum(factor * incl))
              ).group_by(ln.product_id)
    got = {r[0]: r for r in session.execute(q)}
    products = _products(session, got)
    rows = tuple(SalesRow(pid, *products[pid], qty(r[1]), qty(r[2]), qty(r[1]) - qty(r[2]),
                          money(r[3]), money(r[4]))
                 for pid, r in sorted(got.items(), key=lambda x: products[x[0]][0]))
    return Report(rows, _totals(SalesRow, rows, product_id=None, sku="", name="", unit=""))


def _products(session: Session, ids) -> dict[int, tuple[str, str, str]]:
    if not ids:
        return {}
    return {p: (sku, name, unit) for p, sku, name, unit in session.execute(
        select(Product.id, Product.sku, Product.name, Product.unit)
        .where(Product.id.in_(list(ids))))}


def gross_margin(session: Session, actor: Actor, period: ReportPeriod, *,
                 by: str = "product") -> Report[MarginRow]:
    """销售毛利 by product or by customer: revenue net of VAT from the delivery notes posted
    in the period, minus the cost the goods left with (the ledger); customer returns take
    both back. Margin % = margin / revenue."""
    _allow(actor, COST_ROLES)
    if by not in ("product", "customer"):
        raise ValueError(f"gross margin by {by!r}")
    d, ln, factor, _incl, net, frame = _sales_lines(period)
    key = ln.product_id if by == "product" else d.customer_id
    revenue = {k: (qty(n), money(v)) for k, n, v in session.execute(
        frame(select(key, func.sum(factor * ln.qty), func.sum(factor * net))).group_by(key))}
    start, end = period.bounds()
    m = StockMove
    mkey = m.product_id if by == "product" else d.customer_id
    cost = {k: money(c) for k, c in session.execute(
        select(mkey, func.sum(cents(-m.qty * m.unit_cost)))
        .select_from(m).join(d, d.id == m.document_id)
        .where(m.doc_type.in_(("DN", "CR")), d.posted_at >= start, d.posted_at < end)
        .group_by(mkey))}
    keys = set(revenue) | set(cost)
    if by == "product":
        labels = {k: v[:2] for k, v in _products(session, keys).items()}
    else:
        labels = {k: (code, name) for k, code, name in session.execute(
            select(Customer.id, Customer.code, Customer.name)
            .where(Customer.id.in_([k for k in keys if k is not None])))}
        labels[None] = ("", "")
    rows = []
    for k in sorted(keys, key=lambda k: labels[k][0]):
        n, rev = revenue.get(k, (ZERO, money(0)))
        c = cost.get(k, money(0))
        rows.append(MarginRow(k, *labels[k], n, rev, c, rev - c, pct(rev - c, rev)))
    rows = tuple(rows)
    total = _totals(MarginRow, rows, key_id=None, code="", name="", margin_pct=None)
    return Report(rows, MarginRow(None, "", "", total.net_qty, total.revenue, total.cost,
                                  total.margin, pct(total.margin, total.revenue)))


def purchase_summary(session: Session, actor: Actor, period: ReportPeriod
                     ) -> Report[PurchaseRow]:
    """Per supplier: receipts posted in the period (count, quantity, amount net of VAT at
    the receipt's cost) and supplier returns (quantity, amount), and the net amount."""
    _allow(actor, COST_ROLES)
    start, end = period.bounds()
    d, ln = StockDocument, StockDocumentLine
    is_gr = d.doc_type == "GR"
    amount = cents(ln.qty * func.coalesce(ln.unit_cost, 0)) * _sign()
    q = (select(d.supplier_id,
                func.count(func.distinct(case((and_(is_gr, d.reverses_id.is_(None)), d.id)))),
                func.count(func.distinct(case((and_(is_gr, d.reverses_id.isnot(None)), d.id)))),
                func.sum(case((is_gr, ln.qty * _sign()), else_=0)),
                func.sum(case((is_gr, amount), else_=0)),
                func.sum(case((is_gr, literal(0)), else_=ln.qty * _sign())),
                func.sum(case((is_gr, literal(0)), else_=amount)))
         .select_from(ln).join(d, d.id == ln.document_id)
         .where(d.state == "posted", d.doc_type.in_(("GR", "SR")), d.posted_at >= start,
                d.posted_at < end)
         .group_by(d.supplier_id))
    got = {r[0]: r for r in session.execute(q)}
    labels = {k: (code, name) for k, code, name in session.execute(
        select(Supplier.id, Supplier.code, Supplier.name)
        .where(Supplier.id.in_([k for k in got if k is not None])))}
    labels[None] = ("", "")
    rows = []
    for k in sorted(got, key=lambda k: labels[k][0]):
        r = got[k]
        amt, ret = money(r[4]), money(r[6])
        rows.append(PurchaseRow(k, *labels[k], int(r[1]) - int(r[2]), qty(r[3]), amt,
                                qty(r[5]), ret, amt - ret))
    rows = tuple(rows)
    return Report(rows, _totals(PurchaseRow, rows, supplier_id=None, code="", name="",
                                receipts=sum(r.receipts for r in rows)))
