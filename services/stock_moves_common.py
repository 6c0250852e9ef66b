"""Small pieces the transfer, count and reversal modules share.

A posted document's lines are immutable (PostgreSQL triggers refuse the UPDATE once the
document's state is ``posted``), so the cost each line moved at is written *before*
``mark_posted``: the poster locks the balances first (``stock_ledger.lock_balances``, the
same sorted lock ``apply_moves`` takes again for free), reads the costs under the lock,
writes them on the lines, then marks the document posted and applies the moves (the
receipt, delivery and return posters do the same, see services/stock_posting.py).
"""
from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from models.catalog import Warehouse
from models.stock import StockDocumentLine
from services.errors import ValidationError


def write_line_values(session: Session, values: dict[int, dict]) -> None:
    """Set columns (``unit_cost``, ``system_qty``) on lines of a document not yet posted."""
    if values:
        session.execute(update(StockDocumentLine),
                        [{"id": line_id, **v} for line_id, v in values.items()])


def active_warehouse(session: Session, warehouse_id: int | None, field: str) -> Warehouse:
    """The warehouse, or a ValidationError on ``field`` when it is unknown or closed."""
    wh = session.get(Warehouse, warehouse_id) if warehouse_id is not None else None
    if wh is None:
        raise ValidationError(field, "Choose a warehouse.")
    if not wh.active:
        raise ValidationError(field, f"Warehouse {wh.name} is closed.")
    return wh
