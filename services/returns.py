"""Returns: customer returns (退货入库, type CR) and supplier returns (退供应商, type SR).

Rules:
- A customer return is made against a posted delivery note, line by line, each line with a
  reason, and optionally a quality note for the whole return (what inspection found). No
  delivery line takes back more than it delivered minus what earlier returns (not reversed)
  took back — checked again at posting under the delivery note's lock, so two returns of
  one note cannot together exceed it. The goods come back into the delivery's warehouse at
  the cost they left with (the delivery's ledger cost), and the sales order line records
  the returned quantity.
- A supplier return sends goods back out, with a reason: against a posted receipt (not more
  than it received minus earlier returns; the purchase order line records the returned
  quantity) or standalone for a supplier. It leaves at the moving-average cost, and never
  takes stock that is not there or is reserved for a customer (``InsufficientStock``).
- Both are idempotent like every stock document (client UUID + conditional state change).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace
from typing import Sequence

from sqlalchemy.orm import Session

from models.catalog import Supplier
from models.stock import PurchaseOrder, SalesOrder, StockDocument, StockDocumentLine
from services import order_progress
from services.errors import NotFound, ValidationError
from services.org import Actor
from services.stock_documents import (DocLineInput, StockDocInfo, check_stock_role,
                                      get_stock_document, poster)
from services.stock_ledger import ZERO, Move, apply_moves, mark_posted, qty
from services.stock_moves_common import active_warehouse
from services.stock_posting import (Target, check_returnable_source, create_draft,
                                    document_lines, ledger_costs, line_reasons, link_lines,
                                    lock_costs, lock_row, match_lines, posted_source, resent,
                                    returned_from, skus, text_field)


@dataclass(frozen=True)
class ReturnLineInput:
    """A customer return line: which delivery line, how much, and why."""

    source_line_id: int
    qty: Decimal
    reason: str | None = None


def returnable(session: Session, actor: Actor, doc_id: int) -> dict[int, Decimal]:
    """What can still be returned from each line of a posted delivery note or receipt:
    {line id: quantity} (the return form's maximum per line)."""
    check_stock_role(actor, "return goods")
    src = session.get(StockDocument, doc_id)
    if src is None or src.doc_type not in ("DN", "GR"):
        raise NotFound("stock document", doc_id)
    return {t.id: t.open for t in _targets(session, src)}


def _targets(session: Session, src: StockDocument) -> list[Target]:
    lines = document_lines(session, src.id)
    back = returned_from(session, [ln.id for ln in lines])
    return [Target(ln.id, ln.product_id, qty(ln.qty) - back.get(ln.id, ZERO)) for ln in lines]


def _check_inputs(session: Session, src: StockDocument, items: Sequence[SimpleNamespace]
                  ) -> dict[int, int]:
    """Match typed return lines to the source document's lines (see ``match_lines``)."""
    return match_lines(session, items, _targets(session, src), "source_line_id", src.number)


def _source_for_create(session: Session, doc_id: int, doc_type: str) -> StockDocument:
    src = session.get(StockDocument, doc_id)
    if src is None or src.doc_type != doc_type:
        raise NotFound({"DN": "delivery note", "GR": "goods receipt"}[doc_type], doc_id)
    check_returnable_source(session, src)
    return src


def _source_lines(session: Session, src: StockDocument) -> dict[int, StockDocumentLine]:
    return {ln.id: ln for ln in document_lines(session, src.id)}


def _reason_errors(items: Sequence[SimpleNamespace], header_reason: str | None,
                   sku: dict[int, str]) -> dict[str, str]:
    if (header_reason or "").strip():
        return {}
    return {f"lines[{it.line_no}].reason":
            f"Line {it.line_no} ({sku.get(it.product_id, it.product_id)}): give the reason "
            "for the return." for it in items if not (it.reason or "").strip()}


# --- customer returns -------------------------------------------------------------------

def create_customer_return(session: Session, actor: Actor, delivery_id: int,
                           lines: tuple[ReturnLineInput, ...], client_uuid: str,
                           quality_note: str | None = None, reason: str | None = None
                           ) -> StockDocInfo:
    """A draft customer return against a posted delivery note: each line names the
    delivery line, the quantity (not more than delivered minus earlier returns) and a
    reason (or the return's ``reason`` covers every line); ``quality_note`` records what
    inspection found. A resend with the same client UUID returns the draft it created."""
    check_stock_role(actor, "take back goods")
    again = resent(session, "CR", client_uuid, source_document_id=delivery_id)
    if again is not None:
        return get_stock_document(session, actor, again)
    dn = _source_for_create(session, delivery_id, "DN")
    src_lines = _source_lines(session, dn)
    quality_note = text_field(quality_note, "quality_note", "Quality note", 300)
    reason = text_field(reason, "reason", "Reason", 200)
    line_reasons(lines)

    def doc_lines():
        items = []
        for i, ln in enumerate(lines, start=1):
            src = src_lines.get(ln.source_line_id)
            if src is None:
                raise ValidationError(f"lines[{i}].source_line_id",
                                      f"Line {i}: not a line of delivery note {dn.number}.")
            items.append(SimpleNamespace(id=i, line_no=i, product_id=src.product_id,
                                         qty=qty(ln.qty), source_line_id=src.id,
                                         reason=ln.reason))
        _validate_customer_items(session, dn, items, reason)
        return [DocLineInput(it.product_id, it.qty, unit_price=src_lines[it.source_line_id]
                             .unit_price, so_line_id=src_lines[it.source_line_id].so_line_id,
                             source_line_id=it.source_line_id,
                             reason=(it.reason or "").strip() or None) for it in items]

    return get_stock_document(session, actor, create_draft(
        session, actor, "CR", client_uuid, doc_lines, warehouse_id=dn.warehouse_id,
        same={"source_document_id": dn.id, "customer_id": dn.customer_id,
              "sales_order_id": dn.sales_order_id},
        quality_note=quality_note, reason=reason))


def _validate_customer_items(session, dn, items, header_reason) -> dict[int, int]:
    errors = _reason_errors(items, header_reason, skus(session, [i.product_id for i in items]))
    try:
        matched = _check_inputs(session, dn, items)
    except ValidationError as exc:
        errors = {**exc.errors, **errors}
        matched = {}
    if errors:
        raise ValidationError(errors)
    return matched


@poster("CR")
def _post_customer_return(session: Session, actor: Actor, doc: StockDocument) -> None:
    if doc.source_document_id is None:
        raise ValidationError("source_document_id",
                              "A customer return is made against a posted delivery note.")
    dn = posted_source(session, doc.source_document_id, "DN")
    if dn.sales_order_id is not None:
        lock_row(session, SalesOrder, dn.sales_order_id, "sales order")
    lines = document_lines(session, doc.id)
    matched = _validate_customer_items(session, dn, lines, doc.reason)
    link_lines(lines, "source_line_id", matched)
    src_lines = _source_lines(session, dn)
    # Back at the cost the goods left with (the delivery's ledger row).
    delivered_cost = ledger_costs(session, src_lines)
    lock_costs(session, {(ln.product_id, doc.warehouse_id) for ln in lines})
    for ln in lines:
        src = src_lines[ln.source_line_id]
        ln.so_line_id = ln.so_line_id or src.so_line_id
        ln.unit_price = ln.unit_price if ln.unit_price is not None else src.unit_price
        ln.unit_cost = delivered_cost.get(src.id, src.unit_cost)
    session.flush()
    per_so_line: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for ln in lines:
        if ln.so_line_id is not None:
            per_so_line[ln.so_line_id] += qty(ln.qty)
    if per_so_line:
        order_progress.record_customer_return(session, dict(per_so_line),
                                              actor_id=actor.user_id, document_id=doc.id)

    mark_posted(session, actor.user_id, doc)
    apply_moves(session, actor.user_id,
                [Move(ln.product_id, doc.warehouse_id, qty(ln.qty),
                      unit_cost=None if ln.unit_cost is None else Decimal(ln.unit_cost),
                      line_id=ln.id) for ln in lines],
                document=doc)


# --- supplier returns -------------------------------------------------------------------

def create_supplier_return(session: Session, actor: Actor, supplier_id: int, warehouse_id: int,
                           lines: tuple[DocLineInput, ...], reason: str, client_uuid: str,
                           receipt_id: int | None = None) -> StockDocInfo:
    """A draft return of goods to a supplier, with a reason. With ``receipt_id`` it is
    made against that posted receipt: each line names a receipt line (``source_line_id``)
    or is matched by product, and no receipt line sends back more than it received minus
    earlier returns. A resend with the same client UUID returns the draft it created."""
    check_stock_role(actor, "return goods to suppliers")
    again = resent(session, "SR", client_uuid, source_document_id=receipt_id)
    if again is not None:
        return get_stock_document(session, actor, again)
    reason = text_field(reason, "reason", "Reason", 200)
    if not reason:
        raise ValidationError("reason", "Say why the goods go back to the supplier.")
    line_reasons(lines)
    active_warehouse(session, warehouse_id, "warehouse_id")
    if session.get(Supplier, supplier_id) is None:
        raise NotFound("supplier", supplier_id)
    gr = None
    if receipt_id is not None:
        gr = _source_for_create(session, receipt_id, "GR")
        if gr.supplier_id is not None and gr.supplier_id != supplier_id:
            raise ValidationError("supplier_id", f"Receipt {gr.number} came from another "
                                  "supplier.")

    def doc_lines():
        if gr is None:
            return lines
        items = [SimpleNamespace(id=i, line_no=i, product_id=ln.product_id, qty=qty(ln.qty),
                                 source_line_id=ln.source_line_id)
                 for i, ln in enumerate(lines, start=1)]
        matched = _check_inputs(session, gr, items)
        src_lines = _source_lines(session, gr)
        return [DocLineInput(ln.product_id, ln.qty, source_line_id=matched[i],
                             po_line_id=src_lines[matched[i]].po_line_id, reason=ln.reason)
                for i, ln in enumerate(lines, start=1)]

    return get_stock_document(session, actor, create_draft(
        session, actor, "SR", client_uuid, doc_lines, warehouse_id=warehouse_id,
        same={"supplier_id": supplier_id, "source_document_id": gr.id if gr else None,
              "purchase_order_id": gr.purchase_order_id if gr else None},
        reason=reason))


@poster("SR")
def _post_supplier_return(session: Session, actor: Actor, doc: StockDocument) -> None:
    if not (doc.reason or "").strip():
        raise ValidationError("reason", "Say why the goods go back to the supplier.")
    if doc.supplier_id is None:
        raise ValidationError("supplier_id", "Choose the supplier the goods go back to.")
    lines = document_lines(session, doc.id)
    if doc.source_document_id is not None:
        gr = posted_source(session, doc.source_document_id, "GR")
        if gr.purchase_order_id is not None:
            lock_row(session, PurchaseOrder, gr.purchase_order_id, "purchase order")
        matched = _check_inputs(session, gr, lines)
        link_lines(lines, "source_line_id", matched)
        src_lines = _source_lines(session, gr)
        per_po_line: dict[int, Decimal] = defaultdict(lambda: ZERO)
        for ln in lines:
            ln.po_line_id = src_lines[ln.source_line_id].po_line_id
            if ln.po_line_id is not None:
                per_po_line[ln.po_line_id] += qty(ln.qty)
        if per_po_line:
            order_progress.record_supplier_return(session, dict(per_po_line),
                                                  actor_id=actor.user_id,
                                                  document_id=doc.id)
    elif any(ln.source_line_id is not None for ln in lines):
        raise ValidationError("lines", "Lines that return goods of a receipt need the "
                              "return to be made against that receipt.")
    cost = lock_costs(session, {(ln.product_id, doc.warehouse_id) for ln in lines})
    for ln in lines:
        ln.unit_cost = cost[(ln.product_id, doc.warehouse_id)]
    session.flush()
    mark_posted(session, actor.user_id, doc)
    apply_moves(session, actor.user_id,
                [Move(ln.product_id, doc.warehouse_id, -qty(ln.qty), line_id=ln.id)
                 for ln in lines], document=doc)
