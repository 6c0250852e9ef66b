"""Exact money arithmetic in SQL.

SQLite stores NUMERIC columns as REAL, so ``SUM(amount)`` there is a float sum that can be
off by cents on large totals. Sum integer cents instead (exact on both back ends) and turn
the result back into Decimal yuan with two places."""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy import BigInteger, ColumnElement, cast, func

CENT = Decimal("0.01")


def cents(col) -> ColumnElement:
    """An amount column as exact integer cents."""
    return cast(func.round(col * 100), BigInteger)


def money(value_cents) -> Decimal:
    """Integer cents (int, Decimal or float from SUM) → Decimal with two places."""
    if value_cents is None:
        return Decimal("0.00")
    return (Decimal(int(round(value_cents))) / 100).quantize(CENT)
