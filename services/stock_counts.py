"""Stock counts (盘点, type SC): a clerk counts, an administrator approves.

1. ``start_count`` snapshots the book quantity of the products counted (every product with
   stock in the warehouse, or the ones named) into a draft: ``system_qty`` = book,
   ``qty`` = book to start with, so a clerk only types the lines that differ.
2. The clerk enters counted quantities (``set_counted`` or the generic
   ``stock_documents.set_draft_lines``) and ``submit_count`` hands the count over.
3. Posting the count is its approval (``post_document``; administrators only). The
   difference is taken against the book quantity *at approval*, not at the snapshot —
   goods received or shipped while the count waited were real movements, the count only
   corrects what nobody booked. Gains come in at the moving-average cost (the product's
   standard cost when the warehouse has none yet), losses leave at it; the line keeps the
   book quantity it was compared with and that cost.
"""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.catalog import Product
from models.stock import StockBalance, StockDocument
from services import audit
from services.errors import ValidationError
from services.org import Actor
from services.stock_documents import (DocLineInput, StockDocInfo, check_stock_role,
                                      get_stock_document, new_document, poster,
                                      set_draft_lines, write_lines)
from services.stock_ledger import (ZERO, Move, apply_moves, lock_balances, lock_document,
                                   mark_posted, qty)
from services.stock_moves_common import active_warehouse, write_line_values
from services.stock_posting import document_lines, lock_costs


def start_count(session: Session, actor: Actor, warehouse_id: int,
                product_ids: list[int] | tuple[int, ...] | None = None, *,
                client_uuid: str, reason: str | None = None) -> StockDocInfo:
    """A draft count of ``warehouse_id``: every product with stock there (``product_ids``
    None) or the products named, each line starting at its book quantity. Idempotent by
    ``client_uuid``."""
    check_stock_role(actor, "count stock")
    active_warehouse(session, warehouse_id, "warehouse_id")
    doc, created = new_document(session, actor, "SC", client_uuid, warehouse_id=warehouse_id,
                                reason=(reason or "").strip() or None)
    if created:
        book = dict(session.execute(
            select(StockBalance.product_id, StockBalance.on_hand)
            .where(StockBalance.warehouse_id == warehouse_id)
            .where(StockBalance.on_hand != 0 if product_ids is None
                   else StockBalance.product_id.in_(list(product_ids)))).all())
        if product_ids is None:
            ids = list(session.scalars(select(Product.id).where(Product.id.in_(list(book)))
                                       .order_by(Product.sku)))
        else:
            ids = list(dict.fromkeys(product_ids))
        if not ids:
            raise ValidationError("product_ids", "There is nothing to count in this warehouse.")
        write_lines(session, doc, tuple(
            DocLineInput(pid, qty(book.get(pid, ZERO)), system_qty=qty(book.get(pid, ZERO)))
            for pid in ids))
    return get_stock_document(session, actor, doc.id)


def set_counted(session: Session, actor: Actor, doc_id: int, counted: dict[int, Decimal], *,
                expected_version: int | None = None) -> StockDocInfo:
    """Enter counted quantities by product: a product already on the count gets the new
    quantity; a product not on it is added with its current book quantity as the
    snapshot. Lines not named keep their quantity."""
    doc = get_stock_document(session, actor, doc_id)
    if doc.doc_type != "SC":
        raise ValidationError("doc_type", "This document is not a stock count.")
    lines = [DocLineInput(ln.product_id, counted.get(ln.product_id, ln.qty),
                          system_qty=ln.system_qty, reason=ln.reason) for ln in doc.lines]
    new = [pid for pid in counted if pid not in {ln.product_id for ln in doc.lines}]
    if new:
        book = dict(session.execute(
            select(StockBalance.product_id, StockBalance.on_hand)
            .where(StockBalance.warehouse_id == doc.warehouse_id,
                   StockBalance.product_id.in_(new))).all())
        lines += [DocLineInput(pid, counted[pid], system_qty=qty(book.get(pid, ZERO)))
                  for pid in new]
    return set_draft_lines(session, actor, doc_id, tuple(lines),
                           expected_version=expected_version)


def submit_count(session: Session, actor: Actor, doc_id: int) -> StockDocInfo:
    """Hand a finished count to an administrator: draft → submitted. It can still be
    corrected until it is approved (posted)."""
    check_stock_role(actor, "count stock")
    doc = lock_document(session, doc_id)
    if doc.doc_type != "SC":
        raise ValidationError("doc_type", "This document is not a stock count.")
    if doc.state != "draft":
        raise ValidationError("state", "Only a draft count can be submitted.")
    _check_unique_products(document_lines(session, doc.id))
    doc.state = "submitted"
    doc.submitted_at = utcnow()
    doc.submitted_by_id = actor.user_id
    doc.version_id += 1
    session.flush()
    audit.record(session, actor.user_id, "submit", "stock_document", doc.id)
    return get_stock_document(session, actor, doc.id)


def _check_unique_products(lines) -> None:
    seen: dict[int, int] = {}
    for ln in lines:
        if ln.product_id in seen:
            raise ValidationError(f"lines[{ln.line_no}].product_id",
                                  f"Line {ln.line_no}: the product is already counted on "
                                  f"line {seen[ln.product_id]}.")
        seen[ln.product_id] = ln.line_no


@poster("SC")
def post_count(session: Session, actor: Actor, doc: StockDocument) -> None:
    """Approve a submitted count: book each difference (counted − book quantity now)."""
    if doc.state != "submitted":
        raise ValidationError("state", "Submit the count before approving it.")
    wh = doc.warehouse_id
    lines = document_lines(session, doc.id)
    _check_unique_products(lines)
    keys = [(ln.product_id, wh) for ln in lines]
    costs = lock_costs(session, keys)
    before = lock_balances(session, keys)            # held already: only reads on hand
    moves, values = [], {}
    for ln in lines:
        b = before[(ln.product_id, wh)]
        values[ln.id] = {"system_qty": b.on_hand, "unit_cost": costs[(ln.product_id, wh)]}
        diff = qty(ln.qty) - b.on_hand
        if diff != 0:
            moves.append(Move(ln.product_id, wh, diff, line_id=ln.id))
    write_line_values(session, values)
    mark_posted(session, actor.user_id, doc, from_states=("submitted",))
    apply_moves(session, actor.user_id, moves, document=doc)
