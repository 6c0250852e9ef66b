"""What posted stock documents do to the orders they come from. The document posters
(services/receipts.py, deliveries.py, returns.py) and reversals call these inside their own
transaction, after locking their document and before ``apply_moves`` — the global lock
order is stock document → order rows (locked here, sorted by id) → balances.

Quantities are per order line id, signed: a posting passes positive quantities, a reversal
of that posting the same quantities negated.

- :func:`record_receipt` — a goods receipt: ``received_qty`` grows, never above the ordered
  quantity; the purchase order becomes partially received / received (a reversal moves it
  back). Only approved or partially received orders receive.
- :func:`record_supplier_return` — goods sent back to the supplier: ``returned_qty`` grows,
  never above what was received. The order's state does not change (a return does not
  reopen the line; a replacement is a new purchase order).
- :func:`record_delivery` — a delivery note: ``delivered_qty`` grows, never above the
  ordered quantity; the sales order becomes partially delivered / delivered. Returns the
  reservation change per line for the poster's moves (see there).
- :func:`record_customer_return` — goods back from the customer: ``returned_qty`` grows,
  never above what was delivered; the state does not change.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.catalog import Product
from models.stock import PurchaseOrder, PurchaseOrderLine, SalesOrder, SalesOrderLine
from services.errors import NotFound, ValidationError
from services.stock_ledger import plain as _plain
from services.purchasing import PO_FLOW
from services.sales_orders import SO_FLOW
from services.stock_ledger import qty
from services.workflow import Workflow

ZERO = Decimal("0")


@dataclass(frozen=True)
class _Kind:
    flow: Workflow
    order_model: type
    line_model: type
    key: str                         # error key prefix: po_line / so_line
    done: str                        # received_qty / delivered_qty
    partial: str                     # partially_received / partially_delivered
    full: str                        # received / delivered
    verb: str                        # receive / deliver
    undo_hint: str                   # why the done quantity cannot go below the returns


_PURCHASE = _Kind(PO_FLOW, PurchaseOrder, PurchaseOrderLine, "po_line", "received_qty",
                  "partially_received", "received", "receive",
                  "went back to the supplier; undo that return first.")
_SALES = _Kind(SO_FLOW, SalesOrder, SalesOrderLine, "so_line", "delivered_qty",
               "partially_delivered", "delivered", "deliver",
               "came back from the customer; undo that return first.")


def _lock(session: Session, kind: _Kind, line_qty: Mapping[int, Decimal],
          locked: tuple | None = None):
    """Lock the orders of the given lines (sorted by id). Returns (orders by id, lines by
    id, the non-zero quantities by line id). ``locked`` — ``(order, all its lines)`` as the
    caller locked and read them in this transaction — saves reading them again."""
    wanted = {int(k): qty(v) for k, v in line_qty.items() if qty(v) != 0}
    if not wanted:
        return {}, {}, wanted
    line_model, order_model = kind.line_model, kind.order_model
    if locked is not None:
        order, order_lines = locked
        orders = {order.id: order}
        lines = {ln.id: ln for ln in order_lines if ln.id in wanted}
    else:
        order_ids = sorted(set(session.scalars(select(line_model.order_id)
                                               .where(line_model.id.in_(wanted)))))
        orders = {o.id: o for o in session.scalars(
            select(order_model).where(order_model.id.in_(order_ids)).order_by(order_model.id)
            .with_for_update().execution_options(populate_existing=True))}
        lines = {ln.id: ln for ln in session.scalars(
            select(line_model).where(line_model.id.in_(wanted))
            .execution_options(populate_existing=True))}
    missing = sorted(set(wanted) - set(lines))
    if missing:
        raise NotFound(f"{kind.flow.entity.replace('_', ' ')} line", missing[0])
    return orders, lines, wanted


def _skus(session: Session, lines) -> dict[int, str]:
    """SKUs for messages (read only when there is something to say)."""
    return dict(session.execute(select(Product.id, Product.sku).where(
        Product.id.in_({ln.product_id for ln in lines}))).all())


def _where(kind: _Kind, order, line, skus) -> str:
    return f"Line {line.line_no} ({skus[line.product_id]}) of {kind.flow.label(order)}"


def _add_done(session: Session, kind: _Kind, line_qty: Mapping[int, Decimal],
              actor_id: int | None, document_id: int | None, locked: tuple | None = None,
              before_move: Callable[[dict, dict, dict], None] | None = None):
    """Add received / delivered quantities and move each touched order's state. Returns
    (orders, lines) as locked. ``before_move(orders, lines, new_states)`` runs after the
    quantities are set and before the states move, so its own changes go out in the same
    flush."""
    orders, lines, wanted = _lock(session, kind, line_qty, locked)
    problems: list[tuple[str, object, object, str]] = []    # (key, order, line, what)
    for line_id, q in wanted.items():
        ln = lines[line_id]
        order = orders[ln.order_id]
        if q > 0 and order.state not in ("approved", kind.partial):
            raise kind.flow.refusal(order)
        done = qty(getattr(ln, kind.done))
        new = done + q
        if new > qty(ln.qty):
            problems.append((f"{kind.key}[{line_id}]", order, ln,
                             f"only {_plain(qty(ln.qty) - done)} left to {kind.verb}."))
        elif new < qty(ln.returned_qty) or new < 0:
            problems.append((f"{kind.key}[{line_id}]", order, ln,
                             f"{_plain(qty(ln.returned_qty))} of it {kind.undo_hint}"))
        else:
            setattr(ln, kind.done, new)
    if problems:
        skus = _skus(session, [ln for _k, _o, ln, _w in problems])
        raise ValidationError({key: f"{_where(kind, order, ln, skus)}: {what}"
                               for key, order, ln, what in problems})
    states: dict[int, str] = {}
    for order in orders.values():
        if order.state not in ("approved", kind.partial, kind.full):
            continue
        if locked is not None:
            every_line = locked[1]
        else:
            session.flush()
            every_line = session.scalars(
                select(kind.line_model).where(kind.line_model.order_id == order.id))
        progress = [(qty(getattr(x, kind.done)), qty(x.qty)) for x in every_line]
        states[order.id] = (kind.full if all(d >= q for d, q in progress)
                            else kind.partial if any(d > 0 for d, _ in progress)
                            else "approved")
    if before_move is not None:
        before_move(orders, lines, states)
    moved = False
    for order in orders.values():
        state = states.get(order.id, order.state)
        if state != order.state:
            kind.flow.move(session, actor_id, order, state, document_id=document_id)
            moved = True
    if not moved:
        session.flush()
    return orders, lines


def _add_returned(session: Session, kind: _Kind, line_qty: Mapping[int, Decimal]) -> None:
    """Add returned quantities; a line never returns more than was received / delivered."""
    orders, lines, wanted = _lock(session, kind, line_qty)
    problems: list[tuple[str, object, object, str]] = []
    for line_id, q in wanted.items():
        ln = lines[line_id]
        new = qty(ln.returned_qty) + q
        done = qty(getattr(ln, kind.done))
        if new > done:
            problems.append((f"{kind.key}[{line_id}]", orders[ln.order_id], ln,
                             f"only {_plain(done - qty(ln.returned_qty))} "
                             f"{kind.full} and not yet returned."))
        elif new < 0:
            problems.append((f"{kind.key}[{line_id}]", orders[ln.order_id], ln,
                             "nothing returned to undo."))
        else:
            ln.returned_qty = new
    if problems:
        skus = _skus(session, [ln for _k, _o, ln, _w in problems])
        raise ValidationError({key: f"{_where(kind, order, ln, skus)}: {what}"
                               for key, order, ln, what in problems})
    session.flush()


def record_receipt(session: Session, po_line_qty: Mapping[int, Decimal], *,
                   actor_id: int | None = None, document_id: int | None = None) -> None:
    """Add received quantities to purchase order lines (negative: a receipt reversed) and
    move each order's state. Refused (``ValidationError``) when the order is not approved
    or being received, or a line would receive more than ordered (the message says how
    much is left) or less than zero / than what went back to the supplier."""
    _add_done(session, _PURCHASE, po_line_qty, actor_id, document_id)


def record_supplier_return(session: Session, po_line_qty: Mapping[int, Decimal], *,
                           actor_id: int | None = None,
                           document_id: int | None = None) -> None:
    """Add returned quantities to purchase order lines (negative: a return reversed); a line
    never returns more than it received. The order's state stays."""
    _add_returned(session, _PURCHASE, po_line_qty)


def record_delivery(session: Session, so_line_qty: Mapping[int, Decimal], *,
                    actor_id: int | None = None, document_id: int | None = None,
                    locked: tuple | None = None) -> dict[int, Decimal]:
    """Add delivered quantities to sales order lines (negative: a delivery reversed), move
    each order's state, and keep each line's reservation equal to its open quantity while
    the order is approved or partially delivered (zero once delivered or cancelled).

    Returns ``{so_line_id: reserved_delta}``, signed as ``Move.reserved`` (− releases,
    + reserves again after a reversal). The reservation lives in the ORDER's warehouse
    (``sales_order.warehouse_id``): the poster puts the delta into the same
    ``apply_moves`` call as the stock move, e.g. ``Move(p, wh, qty=-q, reserved=delta)``,
    so the delivered goods leave the reservation in the same check.

    Refused (``ValidationError``) when the order is not approved or being delivered, or a
    line would deliver more than ordered (the message says how much is left), or less
    than zero / than what the customer already returned.

    ``locked=(order, every line of it)``: the caller (the delivery poster) has locked the
    one order the lines belong to and read its lines afresh, so they are not read again."""
    deltas: dict[int, Decimal] = {}

    def follow_reservation(orders, lines, states) -> None:
        for ln in lines.values():
            order = orders[ln.order_id]
            active = states.get(order.id, order.state) in ("approved", "partially_delivered")
            want = max(qty(ln.qty) - qty(ln.delivered_qty), ZERO) if active else ZERO
            deltas[ln.id] = want - qty(ln.reserved_qty)
            ln.reserved_qty = want

    _add_done(session, _SALES, so_line_qty, actor_id, document_id, locked,
              follow_reservation)
    return deltas


def record_customer_return(session: Session, so_line_qty: Mapping[int, Decimal], *,
                           actor_id: int | None = None,
                           document_id: int | None = None) -> None:
    """Add returned quantities to sales order lines (negative: a return reversed); a line
    never takes back more than was delivered. The order's state and reservation stay."""
    _add_returned(session, _SALES, so_line_qty)
