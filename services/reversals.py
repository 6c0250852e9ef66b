"""Reversal documents (红冲): the only way to correct a posted stock document.

Posted documents never change (PostgreSQL triggers refuse it). ``reverse_document`` posts a
new document of the same type that points at the original (``reverses_id``, unique: a
document is reversed once) and undoes it exactly:

- its lines copy the original's (same products and quantities; ``source_line_id`` points
  at the line undone);
- its ledger rows are the original's negated, per warehouse: goods that left come back at
  the cost they left with; goods that came in leave at the current moving average;
- the order progress is undone through services/order_progress.py with the quantities
  negated — a receipt's received quantity and a delivery's delivered quantity go down
  (the order's state moves back and a sales order line reserves its open quantity again),
  a return's returned quantity goes down.

Refused: a document not posted, a reversal (post the document again instead), one already
reversed, one that later returns depend on (a delivery note with a customer return, a
receipt with a supplier return — reverse the return first), and any reversal that would
take stock that is no longer there or is reserved (``InsufficientStock``: goods received
and already sold cannot be un-received). Counts are reversed by administrators only, as
they are approved. Idempotent by ``client_uuid``.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import Session, aliased

from models.stock import SalesOrder, SalesOrderLine, StockDocument, StockMove
from services import audit, order_progress
from services.errors import PermissionDenied, ValidationError
from services.org import Actor
from services.stock_documents import (COUNT_APPROVERS, DocLineInput,
                                      StockDocInfo, check_stock_role, get_stock_document,
                                      new_document, write_lines)
from services.stock_ledger import (Move, apply_moves, finish_posting, lock_document,
                                   mark_posted, qty)
from services.stock_moves_common import write_line_values
from services.stock_posting import document_lines, lock_costs

HEADER = ("warehouse_id", "to_warehouse_id", "customer_id", "supplier_id",
          "purchase_order_id", "sales_order_id", "source_document_id")


def reverse_document(session: Session, actor: Actor, doc_id: int, reason: str,
                     client_uuid: str) -> StockDocInfo:
    """Post the reversal of posted document ``doc_id`` (see the module docstring for what
    is undone and when it is refused) and return it."""
    check_stock_role(actor, "reverse stock documents")
    done = session.scalar(select(StockDocument).where(StockDocument.client_uuid == client_uuid))
    if done is not None:
        if done.reverses_id != doc_id:
            raise ValidationError("client_uuid", "This document id is already used by "
                                  "another document.")
        return get_stock_document(session, actor, done.id)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("reason", "Say why the document is reversed.")
    orig = lock_document(session, doc_id)
    _check_reversible(session, actor, orig)

    doc, _ = new_document(session, actor, orig.doc_type, client_uuid,
                          warehouse_id=orig.warehouse_id, doc_date=dt.date.today(),
                          reason=reason[:200], reverses_id=orig.id,
                          **{k: getattr(orig, k) for k in HEADER if k != "warehouse_id"})
    orig_lines = document_lines(session, orig.id)
    write_lines(session, doc, tuple(
        DocLineInput(ln.product_id, qty(ln.qty), unit_cost=ln.unit_cost,
                     unit_price=ln.unit_price, po_line_id=ln.po_line_id,
                     so_line_id=ln.so_line_id, source_line_id=ln.id, reason=ln.reason,
                     system_qty=ln.system_qty) for ln in orig_lines))
    line_of = {ln.source_line_id: ln.id for ln in document_lines(session, doc.id)}

    reserved = _undo_order_progress(session, actor, orig, orig_lines, doc.id)
    ledger = session.execute(
        select(StockMove.product_id, StockMove.warehouse_id, StockMove.qty,
               StockMove.unit_cost, StockMove.line_id)
        .where(StockMove.document_id == orig.id).order_by(StockMove.id)).all()
    keys = {(r.product_id, r.warehouse_id) for r in ledger} | set(reserved)
    costs = lock_costs(session, keys)
    # What the reversal's ledger rows will carry, written on its lines before posting.
    values = {}
    for r in ledger:
        if r.line_id in line_of:
            back_in = qty(r.qty) < 0
            values.setdefault(line_of[r.line_id], {"unit_cost": Decimal(r.unit_cost) if back_in
                                                   else costs[(r.product_id, r.warehouse_id)]})
    write_line_values(session, values)
    mark_posted(session, actor.user_id, doc)
    moves = [Move(r.product_id, r.warehouse_id, -qty(r.qty), line_id=line_of.get(r.line_id),
                  unit_cost=Decimal(r.unit_cost) if qty(r.qty) < 0 else None)
             for r in ledger]
    moves += [Move(p, w, reserved=delta) for (p, w), delta in sorted(reserved.items()) if delta]
    apply_moves(session, actor.user_id, moves, document=doc)
    finish_posting(session, doc)
    audit.record(session, actor.user_id, "reverse", "stock_document", orig.id,
                 number=orig.number, reversal_id=doc.id, reversal_number=doc.number,
                 reason=reason)
    return get_stock_document(session, actor, doc.id)


def _check_reversible(session: Session, actor: Actor, orig: StockDocument) -> None:
    label = orig.number or f"{orig.doc_type} #{orig.id}"
    if orig.doc_type == "SC" and actor.role not in COUNT_APPROVERS:
        raise PermissionDenied("Only an administrator can reverse a stock count.")
    if orig.state != "posted":
        raise ValidationError("state", f"{label} is not posted: change or cancel the draft "
                              "instead.")
    if orig.reverses_id is not None:
        raise ValidationError("reverses_id", f"{label} is itself a reversal and cannot be "
                              "reversed; post the original document again instead.")
    earlier = session.scalar(select(StockDocument.number)
                             .where(StockDocument.reverses_id == orig.id))
    if earlier is not None:
        raise ValidationError("reverses_id", f"{label} was already reversed by {earlier}.")
    ret, rev = aliased(StockDocument), aliased(StockDocument)
    dependent = session.scalar(
        select(ret.number)
        .where(ret.source_document_id == orig.id, ret.state == "posted",
               ret.reverses_id.is_(None), ret.doc_type.in_(("CR", "SR")),
               ~exists().where(and_(rev.reverses_id == ret.id, rev.state == "posted")))
        .order_by(ret.id).limit(1))
    if dependent is not None:
        raise ValidationError("source_document_id",
                              f"Goods of {label} were returned on {dependent}; reverse that "
                              "return first.")


def _undo_order_progress(session: Session, actor: Actor, orig: StockDocument, lines,
                         doc_id: int) -> dict[tuple[int, int], Decimal]:
    """Take the original's quantities back off its order lines. Returns the reservation
    changes per (product, order warehouse) for the reversal's moves."""
    per_line: dict[int, Decimal] = defaultdict(Decimal)
    link = "po_line_id" if orig.doc_type in ("GR", "SR") else "so_line_id"
    for ln in lines:
        if getattr(ln, link) is not None:
            per_line[getattr(ln, link)] -= qty(ln.qty)
    if not per_line or orig.doc_type not in ("GR", "SR", "DN", "CR"):
        return {}
    kw = {"actor_id": actor.user_id, "document_id": doc_id}
    if orig.doc_type == "GR":
        order_progress.record_receipt(session, dict(per_line), **kw)
    elif orig.doc_type == "SR":
        order_progress.record_supplier_return(session, dict(per_line), **kw)
    elif orig.doc_type == "CR":
        order_progress.record_customer_return(session, dict(per_line), **kw)
    else:
        deltas = order_progress.record_delivery(session, dict(per_line), **kw)
        out: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
        for line_id, product_id, wh in session.execute(
                select(SalesOrderLine.id, SalesOrderLine.product_id, SalesOrder.warehouse_id)
                .join(SalesOrder, SalesOrder.id == SalesOrderLine.order_id)
                .where(SalesOrderLine.id.in_(list(deltas)))):
            out[(product_id, wh)] += deltas[line_id]
        return dict(out)
    return {}
