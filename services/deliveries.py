"""Delivery notes (发货单, type DN): the only way stock leaves for a customer.

Rules:
- A delivery note is made from an approved (or partially delivered) sales order — no stock
  leaves without one — and delivers from the order's warehouse unless the clerk ships from
  another one (the reservation is then released in the order's warehouse).
- Partial deliveries: each note takes what the clerk actually ships; no order line gets more
  than it still has open (ordered − delivered), checked at posting under the order's lock,
  so two notes of one order cannot together over-deliver.
- Posting consumes the order's reservation (approval reserved the stock), takes the goods
  off on hand at the moving-average cost, and moves the order to partially delivered /
  delivered — one transaction. Not enough on hand is ``InsufficientStock`` naming the
  product, the warehouse and the shortfall; nothing is written.
- Posting is idempotent: the same client UUID creates one note, and a posted note re-posts
  as ``already_posted`` (see ``services.stock_documents``).
"""
from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy.orm import Session

from models.stock import SalesOrder, SalesOrderLine, StockDocument
from services import order_progress
from services.errors import NotFound, ValidationError
from services.money import CENT
from services.order_common import order_lines
from services.org import Actor
from services.sales_orders import SO_FLOW
from services.stock_documents import (DocLineInput, PostResult, StockDocInfo,
                                      check_stock_role, get_stock_document, post_document,
                                      poster)
from services.stock_ledger import ZERO, Move, apply_moves, mark_posted, qty
from services.stock_moves_common import active_warehouse
from services.stock_posting import (Target, create_draft, document_lines, link_lines,
                                    lock_costs, lock_row, match_lines, resent)

# Sales order states a delivery note may be made from and posted against.
DELIVERABLE = ("approved", "partially_delivered")


def open_to_deliver(line: SalesOrderLine) -> Decimal:
    """What a sales order line still waits for: ordered − delivered."""
    return qty(line.qty) - qty(line.delivered_qty or 0)


def net_unit_price(line: SalesOrderLine) -> Decimal:
    """The tax-inclusive price per unit after the line discount (what the customer pays
    per unit; margin reports take it from the delivery line)."""
    return (Decimal(line.unit_price) * (1 - Decimal(line.discount_pct or 0) / 100)
            ).quantize(CENT, rounding=ROUND_HALF_UP)


def _deliverable_order(session: Session, so_id: int, *, lock: bool) -> SalesOrder:
    so = (lock_row(session, SalesOrder, so_id, "sales order") if lock
          else session.get(SalesOrder, so_id))
    if so is None:
        raise NotFound("sales order", so_id)
    if so.state not in DELIVERABLE:
        raise SO_FLOW.refusal(so)       # "… is waiting for approval." / "… was cancelled." …
    return so


def create_delivery_from_so(session: Session, actor: Actor, so_id: int, client_uuid: str,
                            warehouse_id: int | None = None) -> StockDocInfo:
    """A draft delivery note for everything the approved order still has open, at the
    order's net prices, from the order's warehouse (or ``warehouse_id``: shipped from
    another one, the order's reservation is still released where it was made); the clerk
    lowers or removes lines for a partial delivery. A resend with the same client UUID
    returns the note it created."""
    return get_stock_document(session, actor, _draft_delivery(session, actor, so_id,
                                                              client_uuid, warehouse_id))


def post_delivery_from_so(session: Session, actor: Actor, so_id: int, client_uuid: str,
                          warehouse_id: int | None = None) -> PostResult:
    """Create the delivery note for everything still open on the order and post it, in one
    transaction. Idempotent by client UUID: a resend returns the note posted the first time
    with ``already_posted=True``."""
    return post_document(session, actor, _draft_delivery(session, actor, so_id, client_uuid,
                                                         warehouse_id))


def _draft_delivery(session: Session, actor: Actor, so_id: int, client_uuid: str,
                    warehouse_id: int | None) -> int:
    check_stock_role(actor, "create delivery notes")
    again = resent(session, "DN", client_uuid, sales_order_id=so_id)
    if again is not None:
        return again
    so = _deliverable_order(session, so_id, lock=False)
    if warehouse_id is not None and warehouse_id != so.warehouse_id:
        active_warehouse(session, warehouse_id, "warehouse_id")

    def lines():
        out = [DocLineInput(ln.product_id, open_to_deliver(ln), unit_price=net_unit_price(ln),
                            so_line_id=ln.id)
               for ln in order_lines(session, SalesOrderLine, so.id) if open_to_deliver(ln) > 0]
        if not out:
            raise ValidationError("sales_order_id",
                                  f"Sales order {so.number} has nothing left to deliver.")
        return out

    return create_draft(session, actor, "DN", client_uuid, lines,
                        warehouse_id=warehouse_id or so.warehouse_id,
                        same={"sales_order_id": so.id, "customer_id": so.customer_id},
                        delivery_address=so.delivery_address)


@poster("DN")
def _post_delivery(session: Session, actor: Actor, doc: StockDocument) -> None:
    if doc.sales_order_id is None:
        raise ValidationError("sales_order_id", "A delivery note needs an approved sales "
                              "order: no stock leaves without one.")
    so = _deliverable_order(session, doc.sales_order_id, lock=True)
    order_line = {ln.id: ln for ln in order_lines(session, SalesOrderLine, so.id)}
    lines = document_lines(session, doc.id)
    matched = match_lines(session, lines, [Target(ln.id, ln.product_id, open_to_deliver(ln))
                                           for ln in order_line.values()],
                          "so_line_id", so.number)
    link_lines(lines, "so_line_id", matched)
    cost = lock_costs(session, {(ln.product_id, w) for ln in lines
                                for w in (doc.warehouse_id, so.warehouse_id)})
    for ln in lines:
        if ln.unit_price is None:
            ln.unit_price = net_unit_price(order_line[ln.so_line_id])
        ln.unit_cost = cost[(ln.product_id, doc.warehouse_id)]
    session.flush()

    shipped: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for ln in lines:
        shipped[ln.so_line_id] += qty(ln.qty)
    # The order's bookkeeping says how its reservation changes (it follows the open qty).
    reserved = order_progress.record_delivery(session, dict(shipped), actor_id=actor.user_id,
                                              document_id=doc.id,
                                              locked=(so, list(order_line.values())))

    mark_posted(session, actor.user_id, doc)
    # Goods leave the note's warehouse; the reservation is released where the order made it.
    # apply_moves checks each balance after all its moves, so the release and the issue of
    # one product are judged together.
    moves = [Move(ln.product_id, doc.warehouse_id, -qty(ln.qty), line_id=ln.id)
             for ln in lines]
    moves += [Move(order_line[so_line_id].product_id, so.warehouse_id, reserved=delta)
              for so_line_id, delta in sorted(reserved.items()) if delta]
    apply_moves(session, actor.user_id, moves, document=doc)
