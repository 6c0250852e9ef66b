"""Order lines shared by purchase and sales orders: the input, validation against the
catalog, and the tax-inclusive (含税) line arithmetic.

Prices are tax-inclusive. For one line, in Decimal, rounding half up to the cent:

    amount     = round(qty × unit_price × (1 − discount_pct / 100), 2)
    tax_amount = round(amount − amount / (1 + tax_rate / 100), 2)
    discount   = round(qty × unit_price, 2) − amount

Order totals are the sums of the rounded line values (what the printed order shows).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Sequence

from sqlalchemy import BigInteger, cast, func, select
from sqlalchemy.orm import Session

from models.catalog import Product
from services.errors import ValidationError
from services.money import CENT
from services.stock_ledger import qty as as_qty

ZERO = Decimal("0")
HUNDRED = Decimal("100")
MAX_LINES = 500
# The columns' ranges: Numeric(14, 3) quantities, (14, 2) money, (14, 4) purchase prices.
MAX_QTY = Decimal("1e11")
MAX_AMOUNT = Decimal("1e12")
MAX_COST = Decimal("1e10")


@dataclass(frozen=True)
class OrderLineInput:
    """One order line as the form sends it. ``unit_price`` None → the product's sale price
    (sales) or cost (purchase); ``tax_rate`` None → the product's rate. Purchase orders
    ignore ``discount_pct``."""

    product_id: int
    qty: Decimal
    unit_price: Decimal | None = None
    discount_pct: Decimal = Decimal("0")
    tax_rate: Decimal | None = None


@dataclass(frozen=True)
class LineValues:
    """A validated line with its computed money."""

    line_no: int
    product_id: int
    qty: Decimal
    unit_price: Decimal
    discount_pct: Decimal
    tax_rate: Decimal
    amount: Decimal
    tax_amount: Decimal
    discount: Decimal


def cents(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def line_money(qty: Decimal, unit_price: Decimal, discount_pct: Decimal,
               tax_rate: Decimal) -> tuple[Decimal, Decimal, Decimal]:
    """(amount, tax_amount, discount) of one tax-inclusive line (see module docstring)."""
    gross = cents(qty * unit_price)
    amount = cents(qty * unit_price * (1 - discount_pct / HUNDRED))
    tax = cents(amount - amount / (1 + tax_rate / HUNDRED))
    return amount, tax, gross - amount


def _decimal(value) -> Decimal | None:
    try:
        d = Decimal(str(value)) if not isinstance(value, Decimal) else value
    except (ArithmeticError, ValueError, TypeError):
        return None
    return d if d.is_finite() else None


def _places(d: Decimal) -> int:
    return max(0, -d.normalize().as_tuple().exponent)


def validate_lines(session: Session, lines: Sequence[OrderLineInput], *, purchase: bool,
                   errors: dict[str, str] | None = None) -> list[LineValues]:
    """Check every line against the catalog and compute its money. All problems at once,
    keyed ``lines[<n>].<field>`` with messages naming the line and product: raised as one
    ``ValidationError``, or added to ``errors`` when the caller collects more."""
    collect = errors is not None
    errors = errors if collect else {}
    if not lines or len(lines) > MAX_LINES:
        errors["lines"] = ("Add at least one line." if not lines
                           else f"An order has at most {MAX_LINES} lines.")
        lines = ()
    products = {p.id: p for p in session.scalars(
        select(Product).where(Product.id.in_({ln.product_id for ln in lines})))}
    price_places = 4 if purchase else 2
    out: list[LineValues] = []
    for i, ln in enumerate(lines, start=1):
        p = products.get(ln.product_id)
        if p is None:
            errors[f"lines[{i}].product_id"] = f"Line {i}: unknown product."
            continue
        if not p.active:
            errors[f"lines[{i}].product_id"] = f"Line {i} ({p.sku}): the product is inactive."
            continue
        where = f"Line {i} ({p.sku})"
        q = _decimal(ln.qty)
        if q is None or q <= 0:
            errors[f"lines[{i}].qty"] = f"{where}: the quantity must be above zero."
            continue
        if _places(q) > p.qty_decimals:
            errors[f"lines[{i}].qty"] = (f"{where}: {p.unit} takes at most "
                                         f"{p.qty_decimals} decimals.")
            continue
        if q >= MAX_QTY:
            errors[f"lines[{i}].qty"] = f"{where}: the quantity is too large."
            continue
        default_price = p.cost if purchase else p.sale_price
        price = _decimal(default_price if ln.unit_price is None else ln.unit_price)
        if price is None or price < 0:
            errors[f"lines[{i}].unit_price"] = f"{where}: the price cannot be negative."
            continue
        if ln.unit_price is not None and _places(price) > price_places:
            errors[f"lines[{i}].unit_price"] = (f"{where}: the price takes at most "
                                                f"{price_places} decimals.")
            continue
        if price >= (MAX_COST if purchase else MAX_AMOUNT):
            errors[f"lines[{i}].unit_price"] = f"{where}: the price is too large."
            continue
        disc = ZERO if purchase else _decimal(ln.discount_pct or 0)
        if disc is None or not ZERO <= disc <= HUNDRED or _places(disc) > 2:
            errors[f"lines[{i}].discount_pct"] = (f"{where}: the discount is a percentage "
                                                  "from 0 to 100.")
            continue
        rate = _decimal(p.tax_rate if ln.tax_rate is None else ln.tax_rate)
        if rate is None or not ZERO <= rate <= HUNDRED or _places(rate) > 2:
            errors[f"lines[{i}].tax_rate"] = (f"{where}: the tax rate is a percentage "
                                              "from 0 to 100.")
            continue
        price = price.quantize(Decimal(1).scaleb(-price_places), rounding=ROUND_HALF_UP)
        amount, tax, discount = line_money(q, price, disc, rate)
        if amount >= MAX_AMOUNT:
            errors[f"lines[{i}].qty"] = f"{where}: the line amount is too large."
            continue
        out.append(LineValues(i, p.id, as_qty(q), price, disc, rate, amount, tax, discount))
    if errors and not collect:
        raise ValidationError(errors)
    return out


def totals(lines: Sequence[LineValues]) -> tuple[Decimal, Decimal, Decimal]:
    """(total, tax_total, discount_total) of validated lines."""
    return (sum((ln.amount for ln in lines), ZERO), sum((ln.tax_amount for ln in lines), ZERO),
            sum((ln.discount for ln in lines), ZERO))


def milli(col):
    """A quantity expression as exact integer thousandths (SQLite NUMERIC is REAL)."""
    return cast(func.round(col * 1000), BigInteger)


def from_milli(value) -> Decimal:
    if value is None:
        return as_qty(0)
    return as_qty(Decimal(int(round(value))) / 1000)
