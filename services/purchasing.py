"""Purchase orders (采购订单) and their lifecycle:

    draft → submitted → approved → partially_received → received
    draft / submitted / approved → cancelled

Rules:
- Who: warehouse staff and administrators create, edit, submit and cancel purchase orders;
  an administrator approves them; finance reads them. Other roles see none (NotFound).
- Creating is idempotent by the client's UUID: a resend returns the order it created.
- Only drafts are edited; an edit names the ``version_id`` it loaded (stale → ``Conflict``).
- Submitting takes the gapless number ``PO-YYYY-NNNNNN``.
- Goods receipts move an approved order to partially received / received
  (services/order_progress.py); an order is not cancelled once anything was received.
- Prices are tax-inclusive purchase prices with up to four decimals; line amount =
  round(qty × price, 2) (services/order_lines.py). Every transition is audited.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from sqlalchemy import and_, delete, func, select
from sqlalchemy.orm import Session, aliased

from models.catalog import Product, Supplier, Warehouse
from models.org import User
from models.stock import PurchaseOrder, PurchaseOrderLine
from services import audit
from services.errors import NotFound, PermissionDenied, ValidationError
from services.numbering import next_number
from services.order_common import (OrderEvent, check_header, check_version, existing_order,
                                   history, insert_once, reason_text, save_draft, snapshot)
from services.order_lines import (LineValues, OrderLineInput, from_milli, milli, totals,
                                  validate_lines)
from services.org import Actor
from services.stock_ledger import qty
from services.workflow import Workflow

BUYER_ROLES = ("warehouse", "admin")
APPROVER_ROLES = ("admin",)
READER_ROLES = ("warehouse", "admin", "finance")
ACTIVE_STATES = ("approved", "partially_received")
LIMITS = {"payment_terms": 80, "notes": 10000}
LABELS = {"payment_terms": "Payment terms", "notes": "Notes"}


@dataclass(frozen=True)
class PurchaseOrderInput:
    supplier_id: int
    warehouse_id: int
    lines: tuple[OrderLineInput, ...]
    order_date: dt.date | None = None
    expected_date: dt.date | None = None
    payment_terms: str | None = None        # None → the supplier's payment terms
    notes: str | None = None


@dataclass(frozen=True)
class POLineInfo:
    id: int
    line_no: int
    product_id: int
    sku: str
    product_name: str
    unit: str
    qty: Decimal
    unit_price: Decimal
    tax_rate: Decimal
    amount: Decimal
    tax_amount: Decimal
    received_qty: Decimal
    returned_qty: Decimal
    open_qty: Decimal                 # qty − received: still to receive
    qty_decimals: int = 0


@dataclass(frozen=True)
class PurchaseOrderInfo:
    id: int
    number: str | None
    state: str
    supplier_id: int
    supplier_name: str
    warehouse_id: int
    warehouse_name: str
    order_date: dt.date
    expected_date: dt.date | None
    payment_terms: str | None
    total: Decimal
    tax_total: Decimal
    notes: str | None
    created_by_name: str | None
    approved_by_name: str | None
    version_id: int
    lines: tuple[POLineInfo, ...] = ()
    client_uuid: str = ""
    cancel_reason: str | None = None

    @property
    def label(self) -> str:
        return self.number or f"#{self.id}"


@dataclass(frozen=True)
class ReceiveQueueRow:
    po_id: int
    number: str
    supplier_name: str
    warehouse_name: str
    expected_date: dt.date | None
    open_lines: int
    open_qty: Decimal
    warehouse_id: int = 0
    supplier_id: int = 0


def _check_reader(actor: Actor, po_id) -> None:
    if actor.role not in READER_ROLES:
        raise NotFound("purchase order", po_id)


def _check_buyer(actor: Actor) -> None:
    if actor.role not in BUYER_ROLES:
        raise PermissionDenied("Only warehouse staff and administrators work on purchase "
                               "orders.")


def _load(session: Session, actor: Actor, po_id: int) -> PurchaseOrder:
    """The order row locked for this transaction, if the actor may see it."""
    _check_reader(actor, po_id)
    row = session.scalar(select(PurchaseOrder).where(PurchaseOrder.id == po_id)
                         .with_for_update().execution_options(populate_existing=True))
    if row is None:
        raise NotFound("purchase order", po_id)
    return row


# The lifecycle in one place (see services/workflow.py).
PO_FLOW = Workflow(
    "purchase_order",
    frozenset({
        ("draft", "submitted"), ("submitted", "approved"),
        ("draft", "cancelled"), ("submitted", "cancelled"), ("approved", "cancelled"),
        # goods receipts (and their reversals) move these:
        ("approved", "partially_received"), ("approved", "received"),
        ("partially_received", "received"), ("partially_received", "approved"),
        ("received", "partially_received"), ("received", "approved"),
    }),
    load=_load,
    info=lambda s, actor, po_id: get_purchase_order(s, actor, po_id))


# --------------------------------------------------------------------------- create, edit

def _checked(session: Session, data: PurchaseOrderInput) -> tuple[dict, list[LineValues]]:
    """The header values and the lines, every problem of both at once."""
    errors: dict[str, str] = {}
    supplier = session.get(Supplier, data.supplier_id) if data.supplier_id else None
    if supplier is None:
        errors["supplier_id"] = "Choose a supplier."
    elif not supplier.active:
        errors["supplier_id"] = f"Supplier {supplier.name} is inactive."
    v = check_header(session, data, errors, date_field="expected_date",
                     date_message="The expected date is before the order date.",
                     limits=LIMITS, labels=LABELS)
    lines = validate_lines(session, data.lines, purchase=True, errors=errors)
    if errors:
        raise ValidationError(errors)
    return dict(v, supplier_id=supplier.id,
                payment_terms=v["payment_terms"] or supplier.payment_terms), lines


def _write_lines(session: Session, order: PurchaseOrder, values: list[LineValues]) -> None:
    session.execute(delete(PurchaseOrderLine).where(PurchaseOrderLine.order_id == order.id))
    session.add_all(PurchaseOrderLine(
        order_id=order.id, line_no=v.line_no, product_id=v.product_id, qty=v.qty,
        unit_price=v.unit_price, tax_rate=v.tax_rate, amount=v.amount,
        tax_amount=v.tax_amount) for v in values)
    order.total, order.tax_total, _ = totals(values)
    session.flush()


_HEADER_FIELDS = ("supplier_id", "warehouse_id", "order_date", "expected_date",
                  "payment_terms", "notes", "total")


def _state_of(session: Session, order: PurchaseOrder) -> dict:
    return snapshot(session, order, _HEADER_FIELDS, PurchaseOrderLine,
                    ("product_id", "qty", "unit_price", "tax_rate"))


def create_purchase_order(session: Session, actor: Actor, data: PurchaseOrderInput,
                          client_uuid: str) -> PurchaseOrderInfo:
    """Create a draft purchase order (warehouse staff, administrators). Idempotent: the same
    ``client_uuid`` again returns the order it created. Line prices default to the
    product's cost, the payment terms to the supplier's."""
    _check_buyer(actor)
    existing = existing_order(session, PurchaseOrder, client_uuid)
    if existing is None:
        header, values = _checked(session, data)
        order = PurchaseOrder(client_uuid=client_uuid, state="draft",
                              created_by_id=actor.user_id, **header)
        existing = insert_once(session, order)
    if existing is not None:
        return get_purchase_order(session, actor, existing)
    _write_lines(session, order, values)
    audit.record(session, actor.user_id, "create", "purchase_order", order.id,
                 version=order.version_id, supplier_id=order.supplier_id, total=order.total,
                 after=_state_of(session, order))
    return get_purchase_order(session, actor, order.id)


def update_purchase_order(session: Session, actor: Actor, po_id: int,
                          data: PurchaseOrderInput, expected_version: int
                          ) -> PurchaseOrderInfo:
    """Replace a draft's header and lines; a save by someone else since
    ``expected_version`` is a ``Conflict`` with the order as it is now and what changed."""
    _check_buyer(actor)
    order = _load(session, actor, po_id)
    header, values = {}, []
    if order.state == "draft" and order.version_id == expected_version:
        header, values = _checked(session, data)
    save_draft(session, actor, PO_FLOW, order, expected_version, header=header,
               write_lines=lambda: _write_lines(session, order, values),
               state_of=lambda: _state_of(session, order), noun="Purchase order",
               current=lambda: get_purchase_order(session, actor, po_id))
    return get_purchase_order(session, actor, order.id)


# --------------------------------------------------------------------------- transitions

def _check_approver(actor: Actor) -> None:
    if actor.role not in APPROVER_ROLES:
        raise PermissionDenied("Only an administrator can approve purchase orders.")


@PO_FLOW.transition("submitted", check=_check_buyer)
def submit_purchase_order(session: Session, actor: Actor, order: PurchaseOrder) -> dict:
    """Submit a draft for approval; it takes its gapless number PO-YYYY-NNNNNN."""
    if not session.scalar(select(PurchaseOrderLine.id)
                          .where(PurchaseOrderLine.order_id == order.id).limit(1)):
        raise ValidationError("lines", "Add at least one line.")
    if order.number is None:
        order.number = next_number(session, "PO", order.order_date.year)
    return {"total": order.total}


@PO_FLOW.transition("approved", check=_check_approver)
def approve_purchase_order(session: Session, actor: Actor, order: PurchaseOrder, *,
                           expected_version: int | None = None) -> dict:
    """Approve a submitted purchase order (administrators); it then shows in the warehouse's
    "to receive" queue. With ``expected_version``, an order changed since the approver
    loaded it is a ``Conflict``."""
    check_version(session, PO_FLOW, order, expected_version, noun="Purchase order",
                  current=lambda: get_purchase_order(session, actor, order.id),
                  state=_state_of(session, order))
    order.approved_by_id = actor.user_id
    return {}


@PO_FLOW.transition("cancelled", check=_check_buyer)
def cancel_purchase_order(session: Session, actor: Actor, order: PurchaseOrder,
                          reason: str) -> dict:
    """Cancel a purchase order with a reason — not once anything was received."""
    reason = reason_text(reason, "Say why the order is cancelled.")
    received = session.scalar(select(func.count(PurchaseOrderLine.id)).where(
        PurchaseOrderLine.order_id == order.id, PurchaseOrderLine.received_qty > 0))
    if received:
        raise ValidationError("state", f"{PO_FLOW.label(order)} has received goods and "
                                       "cannot be cancelled.")
    order.cancel_reason = reason
    return {"reason": reason}


# --------------------------------------------------------------------------- reading

_creator = aliased(User, name="po_creator")
_approver = aliased(User, name="po_approver")


def _info_select():
    return (select(PurchaseOrder, Supplier.name, Warehouse.name, _creator.display_name,
                   _approver.display_name)
            .join(Supplier, Supplier.id == PurchaseOrder.supplier_id)
            .join(Warehouse, Warehouse.id == PurchaseOrder.warehouse_id)
            .outerjoin(_creator, _creator.id == PurchaseOrder.created_by_id)
            .outerjoin(_approver, _approver.id == PurchaseOrder.approved_by_id))


def _info(row, lines: tuple[POLineInfo, ...] = ()) -> PurchaseOrderInfo:
    o, supplier_name, wh_name, creator, approver = row
    return PurchaseOrderInfo(
        o.id, o.number, o.state, o.supplier_id, supplier_name, o.warehouse_id, wh_name,
        o.order_date, o.expected_date, o.payment_terms, o.total, o.tax_total, o.notes,
        creator, approver, o.version_id, lines, o.client_uuid, o.cancel_reason)


def line_infos(session: Session, order_id: int) -> tuple[POLineInfo, ...]:
    ln = PurchaseOrderLine
    return tuple(
        POLineInfo(x.id, x.line_no, x.product_id, sku, name, unit, qty(x.qty), x.unit_price,
                   x.tax_rate, x.amount, x.tax_amount, qty(x.received_qty),
                   qty(x.returned_qty), max(qty(x.qty) - qty(x.received_qty), qty(0)),
                   decimals)
        for x, sku, name, unit, decimals in session.execute(
            select(ln, Product.sku, Product.name, Product.unit, Product.qty_decimals)
            .join(Product, Product.id == ln.product_id)
            .where(ln.order_id == order_id).order_by(ln.line_no)))


def get_purchase_order(session: Session, actor: Actor, po_id: int) -> PurchaseOrderInfo:
    """One purchase order with its lines (warehouse, finance, administrators)."""
    _check_reader(actor, po_id)
    row = session.execute(_info_select().where(PurchaseOrder.id == po_id)).first()
    if row is None:
        raise NotFound("purchase order", po_id)
    return _info(row, line_infos(session, po_id))


def purchase_order_history(session: Session, actor: Actor, po_id: int
                           ) -> tuple[OrderEvent, ...]:
    """What happened to the purchase order, oldest first."""
    _check_reader(actor, po_id)
    if session.get(PurchaseOrder, po_id) is None:
        raise NotFound("purchase order", po_id)
    return history(session, PO_FLOW.entity, po_id)


def list_purchase_orders(session: Session, actor: Actor, *, states: Sequence[str] = (),
                         supplier_id: int | None = None, limit: int = 200,
                         before_id: int | None = None) -> list[PurchaseOrderInfo]:
    """Purchase orders newest first, without lines; keyset pages (``before_id``). Roles that
    do not read purchase orders get an empty list."""
    if actor.role not in READER_ROLES:
        return []
    q = _info_select().order_by(PurchaseOrder.id.desc()).limit(max(1, min(limit, 1000)))
    if states:
        q = q.where(PurchaseOrder.state.in_(tuple(states)))
    if supplier_id is not None:
        q = q.where(PurchaseOrder.supplier_id == supplier_id)
    if before_id is not None:
        q = q.where(PurchaseOrder.id < before_id)
    return [_info(r) for r in session.execute(q)]


def receive_queue(session: Session, actor: Actor, warehouse_id: int | None = None
                  ) -> list[ReceiveQueueRow]:
    """The warehouse's "to receive" list: approved and partially received purchase orders
    with lines still to receive, earliest expected date first (undated last)."""
    if actor.role not in READER_ROLES:
        return []
    ln = PurchaseOrderLine
    q = (select(PurchaseOrder.id, PurchaseOrder.number, Supplier.name, Warehouse.name,
                PurchaseOrder.expected_date, func.count(ln.id),
                func.sum(milli(ln.qty - ln.received_qty)), PurchaseOrder.warehouse_id,
                PurchaseOrder.supplier_id)
         .join(Supplier, Supplier.id == PurchaseOrder.supplier_id)
         .join(Warehouse, Warehouse.id == PurchaseOrder.warehouse_id)
         .join(ln, and_(ln.order_id == PurchaseOrder.id, ln.qty > ln.received_qty))
         .where(PurchaseOrder.state.in_(ACTIVE_STATES))
         .group_by(PurchaseOrder.id, PurchaseOrder.number, Supplier.name, Warehouse.name,
                   PurchaseOrder.expected_date, PurchaseOrder.warehouse_id,
                   PurchaseOrder.supplier_id)
         .order_by(PurchaseOrder.expected_date.is_(None), PurchaseOrder.expected_date,
                   PurchaseOrder.id))
    if warehouse_id is not None:
        q = q.where(PurchaseOrder.warehouse_id == warehouse_id)
    return [ReceiveQueueRow(r[0], r[1], r[2], r[3], r[4], r[5], from_milli(r[6]), r[7], r[8])
            for r in session.execute(q)]
