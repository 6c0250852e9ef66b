"""Goods receipts (入库单, type GR): stock coming in from a supplier.

Rules:
- From an approved (or partially received) purchase order: partial receipts allowed, but no
  order line receives more than it still has open (ordered − received), checked at posting
  under the order's lock; the goods come in at the order's price net of tax (the cost that
  goes into the moving average), and the order moves to partially received / received.
- Standalone (no order: a found pallet, a sample, an opening balance) only with a reason.
- Posting is idempotent (client UUID + the conditional state change; see
  ``services.stock_documents``) and happens in one transaction with the ledger rows.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal, ROUND_HALF_UP

from sqlalchemy.orm import Session

from models.catalog import Supplier
from models.stock import PurchaseOrder, PurchaseOrderLine, StockDocument
from services import order_progress
from services.errors import NotFound, ValidationError
from services.order_common import order_lines
from services.org import Actor
from services.purchasing import PO_FLOW
from services.stock_documents import (DocLineInput, StockDocInfo, check_stock_role,
                                      get_stock_document, poster)
from services.stock_ledger import COST_STEP, ZERO, Move, apply_moves, mark_posted, qty
from services.stock_moves_common import active_warehouse
from services.stock_posting import (Target, create_draft, document_lines, link_lines,
                                    lock_costs, lock_row, match_lines, resent,
                                    text_field)

# Purchase order states goods may be received against.
RECEIVABLE = ("approved", "partially_received")


def open_to_receive(line: PurchaseOrderLine) -> Decimal:
    """What a purchase order line still waits for: ordered − received."""
    return qty(line.qty) - qty(line.received_qty or 0)


def net_unit_cost(line: PurchaseOrderLine) -> Decimal:
    """The order's tax-inclusive price without the VAT (进项税 is reclaimed, so it is not
    part of the goods' cost): unit_price / (1 + tax_rate/100), four decimals."""
    return (Decimal(line.unit_price) / (1 + Decimal(line.tax_rate or 0) / 100)
            ).quantize(COST_STEP, rounding=ROUND_HALF_UP)


def _receivable_order(session: Session, po_id: int, *, lock: bool) -> PurchaseOrder:
    po = (lock_row(session, PurchaseOrder, po_id, "purchase order") if lock
          else session.get(PurchaseOrder, po_id))
    if po is None:
        raise NotFound("purchase order", po_id)
    if po.state not in RECEIVABLE:
        raise PO_FLOW.refusal(po)       # "… is waiting for approval." / "… is fully received." …
    return po


def create_receipt_from_po(session: Session, actor: Actor, po_id: int,
                           client_uuid: str) -> StockDocInfo:
    """A draft receipt for everything the approved order still has open, at its net cost,
    into the order's warehouse; the clerk lowers or removes lines for a partial receipt.
    A resend with the same client UUID returns the receipt it created."""
    check_stock_role(actor, "receive goods")
    again = resent(session, "GR", client_uuid, purchase_order_id=po_id)
    if again is not None:
        return get_stock_document(session, actor, again)
    po = _receivable_order(session, po_id, lock=False)

    def lines():
        out = [DocLineInput(ln.product_id, open_to_receive(ln), unit_cost=net_unit_cost(ln),
                            po_line_id=ln.id)
               for ln in order_lines(session, PurchaseOrderLine, po.id) if open_to_receive(ln) > 0]
        if not out:
            raise ValidationError("purchase_order_id",
                                  f"Purchase order {po.number} has nothing left to receive.")
        return out

    return get_stock_document(session, actor, create_draft(
        session, actor, "GR", client_uuid, lines, warehouse_id=po.warehouse_id,
        same={"purchase_order_id": po.id, "supplier_id": po.supplier_id}))


def create_standalone_receipt(session: Session, actor: Actor, warehouse_id: int, reason: str,
                              lines: tuple[DocLineInput, ...], client_uuid: str,
                              supplier_id: int | None = None) -> StockDocInfo:
    """A draft receipt without a purchase order; it needs a reason (goods do not appear
    from nowhere). ``unit_cost`` per line is optional: without it the goods come in at the
    warehouse's average cost (or the product's standard cost)."""
    check_stock_role(actor, "receive goods")
    again = resent(session, "GR", client_uuid, purchase_order_id=None)
    if again is not None:
        return get_stock_document(session, actor, again)
    reason = text_field(reason, "reason", "Reason", 200)
    _check_standalone(reason, lines)
    active_warehouse(session, warehouse_id, "warehouse_id")
    if supplier_id is not None and session.get(Supplier, supplier_id) is None:
        raise NotFound("supplier", supplier_id)
    return get_stock_document(session, actor, create_draft(
        session, actor, "GR", client_uuid, lambda: lines, warehouse_id=warehouse_id,
        same={"purchase_order_id": None, "supplier_id": supplier_id}, reason=reason))


def _check_standalone(reason: str | None, lines) -> None:
    if not (reason or "").strip():
        raise ValidationError("reason", "Say why goods are received without a purchase order.")
    if any(ln.po_line_id is not None for ln in lines):
        raise ValidationError("lines", "A receipt without a purchase order cannot fill "
                              "purchase order lines; receive those from the order.")


@poster("GR")
def _post_receipt(session: Session, actor: Actor, doc: StockDocument) -> None:
    lines = document_lines(session, doc.id)
    if doc.purchase_order_id is not None:
        po = _receivable_order(session, doc.purchase_order_id, lock=True)
        order_line = {ln.id: ln for ln in order_lines(session, PurchaseOrderLine, po.id)}
        matched = match_lines(session, lines, [Target(ln.id, ln.product_id, open_to_receive(ln))
                                               for ln in order_line.values()],
                              "po_line_id", po.number)
        link_lines(lines, "po_line_id", matched)
        for ln in lines:
            if ln.unit_cost is None:
                ln.unit_cost = net_unit_cost(order_line[ln.po_line_id])
        received: dict[int, Decimal] = defaultdict(lambda: ZERO)
        for ln in lines:
            received[ln.po_line_id] += qty(ln.qty)
        order_progress.record_receipt(session, dict(received), actor_id=actor.user_id,
                                      document_id=doc.id)
    else:
        _check_standalone(doc.reason, lines)
    # A line without a price comes in at the average (or standard) cost; it is written on
    # the line before posting, so the receipt shows what went into the valuation.
    cost = lock_costs(session, {(ln.product_id, doc.warehouse_id) for ln in lines})
    for ln in lines:
        if ln.unit_cost is None:
            ln.unit_cost = cost[(ln.product_id, doc.warehouse_id)]
    session.flush()
    mark_posted(session, actor.user_id, doc)
    apply_moves(session, actor.user_id,
                [Move(ln.product_id, doc.warehouse_id, qty(ln.qty),
                      unit_cost=Decimal(ln.unit_cost), line_id=ln.id) for ln in lines],
                document=doc)
