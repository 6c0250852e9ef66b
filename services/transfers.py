"""Transfers between warehouses (调拨, type TR).

A transfer takes goods out of one warehouse and puts the same quantity into another in one
posting: both balances are locked together (sorted, as every posting does), the source must
have the quantity available (not reserved for an order), and the goods arrive at the
source's moving-average cost, so moving stock never changes what it is worth.
"""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from models.stock import StockDocument
from services.errors import ValidationError
from services.org import Actor
from services.stock_documents import (DocLineInput, StockDocInfo, check_stock_role,
                                      get_stock_document, new_document, poster, write_lines)
from services.stock_ledger import Move, apply_moves, lock_balances, mark_posted
from services.stock_moves_common import active_warehouse, write_line_values
from services.stock_posting import document_lines


def create_transfer(session: Session, actor: Actor, from_warehouse_id: int,
                    to_warehouse_id: int, lines: tuple[DocLineInput, ...] | list,
                    client_uuid: str, reason: str | None = None) -> StockDocInfo:
    """A draft transfer from one active warehouse to another (never to itself), with at
    least one line of a positive quantity. Idempotent by ``client_uuid``: a resend returns
    the draft it created the first time."""
    check_stock_role(actor, "create transfers")
    errors = {}
    for field, wid in (("from_warehouse_id", from_warehouse_id),
                       ("to_warehouse_id", to_warehouse_id)):
        try:
            active_warehouse(session, wid, field)
        except ValidationError as e:
            errors.update(e.errors)
    if not errors and from_warehouse_id == to_warehouse_id:
        errors["to_warehouse_id"] = "A transfer goes to a different warehouse."
    if not lines:
        errors["lines"] = "The document has no lines."
    if errors:
        raise ValidationError(errors)
    doc, created = new_document(session, actor, "TR", client_uuid,
                                warehouse_id=from_warehouse_id,
                                to_warehouse_id=to_warehouse_id,
                                reason=(reason or "").strip() or None)
    if created:
        write_lines(session, doc, tuple(DocLineInput(ln.product_id, Decimal(ln.qty),
                                                     reason=ln.reason) for ln in lines))
    return get_stock_document(session, actor, doc.id)


@poster("TR")
def post_transfer(session: Session, actor: Actor, doc: StockDocument) -> None:
    """Out of the source and into the destination at the source's average cost; the
    source's available quantity must cover every line (InsufficientStock otherwise)."""
    src, dst = doc.warehouse_id, doc.to_warehouse_id
    if dst is None or dst == src:
        raise ValidationError("to_warehouse_id", "A transfer goes to a different warehouse.")
    active_warehouse(session, src, "warehouse_id")
    active_warehouse(session, dst, "to_warehouse_id")
    lines = document_lines(session, doc.id)
    before = lock_balances(session, [k for ln in lines
                                     for k in ((ln.product_id, src), (ln.product_id, dst))])
    write_line_values(session, {ln.id: {"unit_cost": before[(ln.product_id, src)].avg_cost}
                                for ln in lines})
    mark_posted(session, actor.user_id, doc)
    moves = []
    for ln in lines:
        moves.append(Move(ln.product_id, src, -ln.qty, line_id=ln.id))
        moves.append(Move(ln.product_id, dst, ln.qty, line_id=ln.id, cost_from_warehouse=src))
    apply_moves(session, actor.user_id, moves, document=doc)
