"""Sales orders / contracts (销售订单): customer, lines (product, quantity, tax-inclusive
price, discount, tax), delivery and payment terms, and their lifecycle:

    draft → submitted → approved → partially_delivered → delivered
    draft / submitted / approved / partially_delivered → cancelled;  submitted → draft (rejected)

Rules:
- Who: sales reps, sales managers and administrators create and edit orders, a rep only for
  customers they may see (services/org.py visibility; a pool customer is claimed first), a
  manager for the team's. An order is visible to whoever may see its customer, and to its
  salesperson (and their manager); warehouse and finance staff read every order. An order
  the actor may not see is ``NotFound``.
- Creating is idempotent by the client's UUID: a resend returns the order it created.
- Only drafts are edited; an edit names the ``version_id`` it loaded (stale → ``Conflict``).
- Submitting takes the gapless number ``SO-YYYY-NNNNNN`` (kept if the order is rejected and
  submitted again) and applies the approval rules (services/order_approval.py): an order
  that needs no manager is approved at once; otherwise ``approval_reason`` says why and a
  sales manager or administrator approves or rejects it (rejecting needs a reason).
- Approving reserves every line's quantity in the order's warehouse through
  ``stock_ledger.apply_moves(reserved=+qty)``; not enough available stock is
  ``InsufficientStock`` naming the product, warehouse and shortfall, and nothing changes.
  While the order is approved or partially delivered each line's reservation equals its
  open quantity (qty − delivered).
- Cancelling needs a reason, releases the open reservation and is refused once the order
  is fully delivered.
- Delivery notes and customer returns move the order through services/order_progress.py.
- Every transition is audited (services/workflow.py); money is Decimal, prices tax-inclusive
  (services/order_lines.py).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from sqlalchemy import and_, case, delete, func, or_, select, true
from sqlalchemy.orm import Session, aliased

from models.catalog import Product, Warehouse
from models.org import User
from models.party import Customer
from models.pipeline import Opportunity
from models.stock import SalesOrder, SalesOrderLine
from services import audit
from services.customer_merge import register_merge_repoint
from services.customers import _editable, _load as _load_customer
from services.errors import NotFound, PermissionDenied, ValidationError
from services.order_approval import approval_reasons, load_rules
from services.order_common import (OrderEvent, check_header, check_version, existing_order,
                                   history, insert_once, order_lines, reason_text, save_draft,
                                   snapshot)
from services.order_lines import (LineValues, OrderLineInput, from_milli, milli, totals,
                                  validate_lines)
from services.numbering import next_number
from services.org import Actor, customer_visibility, team_member_ids
from services.stock_ledger import Move, apply_moves, qty
from services.workflow import Workflow

register_merge_repoint(SalesOrder, "customer_id")

SALES_ROLES = ("sales", "sales_manager", "admin")
APPROVER_ROLES = ("sales_manager", "admin")
READ_ALL_ROLES = ("admin", "warehouse", "finance")
ACTIVE_STATES = ("approved", "partially_delivered")
LIMITS = {"delivery_address": 300, "delivery_terms": 200, "payment_terms": 200,
          "contact_name": 100, "contact_phone": 40, "notes": 10000}
LABELS = {"delivery_address": "Delivery address", "delivery_terms": "Delivery terms",
          "payment_terms": "Payment terms", "contact_name": "Contact name",
          "contact_phone": "Contact phone", "notes": "Notes"}


@dataclass(frozen=True)
class SalesOrderInput:
    customer_id: int
    warehouse_id: int
    lines: tuple[OrderLineInput, ...]
    order_date: dt.date | None = None
    delivery_date: dt.date | None = None
    delivery_address: str | None = None
    delivery_terms: str | None = None
    payment_terms: str | None = None
    contact_name: str | None = None
    contact_phone: str | None = None
    notes: str | None = None
    opportunity_id: int | None = None


@dataclass(frozen=True)
class SOLineInfo:
    id: int
    line_no: int
    product_id: int
    sku: str
    product_name: str
    unit: str
    qty: Decimal
    unit_price: Decimal
    discount_pct: Decimal
    tax_rate: Decimal
    amount: Decimal
    tax_amount: Decimal
    reserved_qty: Decimal
    delivered_qty: Decimal
    returned_qty: Decimal
    open_qty: Decimal                 # qty − delivered: still to deliver
    qty_decimals: int = 0


@dataclass(frozen=True)
class SalesOrderInfo:
    id: int
    number: str | None
    state: str
    customer_id: int
    customer_name: str
    warehouse_id: int
    warehouse_name: str
    salesperson_id: int | None
    salesperson_name: str | None
    order_date: dt.date
    delivery_date: dt.date | None
    delivery_address: str | None
    delivery_terms: str | None
    payment_terms: str | None
    contact_name: str | None
    contact_phone: str | None
    total: Decimal
    tax_total: Decimal
    discount_total: Decimal
    approval_reason: str | None       # one sentence per line; None: no approval needed
    notes: str | None
    approved_by_name: str | None      # None with state approved: approved automatically
    version_id: int
    lines: tuple[SOLineInfo, ...] = ()
    client_uuid: str = ""
    opportunity_id: int | None = None
    cancel_reason: str | None = None

    @property
    def label(self) -> str:
        return self.number or f"#{self.id}"


@dataclass(frozen=True)
class ShipQueueRow:
    so_id: int
    number: str
    customer_name: str
    warehouse_name: str
    delivery_date: dt.date | None
    open_lines: int
    open_qty: Decimal
    warehouse_id: int = 0
    customer_id: int = 0


# --------------------------------------------------------------------------- visibility

def visibility(session: Session, actor: Actor):
    """SQL condition on SalesOrder joined with Customer: the orders ``actor`` may see."""
    if actor.role in READ_ALL_ROLES:
        return true()
    seen = customer_visibility(session, actor, Customer.owner_id)
    if actor.role == "sales":
        return or_(seen, SalesOrder.salesperson_id == actor.user_id)
    if actor.role == "sales_manager":
        return or_(seen, SalesOrder.salesperson_id.in_(team_member_ids(session, actor)))
    return seen


def _load(session: Session, actor: Actor, so_id: int) -> SalesOrder:
    """The order row locked for this transaction, if the actor may see it."""
    row = session.scalar(
        select(SalesOrder).join(Customer, Customer.id == SalesOrder.customer_id)
        .where(SalesOrder.id == so_id, visibility(session, actor))
        .with_for_update(of=SalesOrder).execution_options(populate_existing=True))
    if row is None:
        raise NotFound("sales order", so_id)
    return row


def _check_seller(actor: Actor) -> None:
    if actor.role not in SALES_ROLES:
        raise PermissionDenied("Only sales staff and administrators work on sales orders.")


# The lifecycle in one place (see services/workflow.py).
SO_FLOW = Workflow(
    "sales_order",
    frozenset({
        ("draft", "submitted"), ("submitted", "approved"), ("submitted", "draft"),
        ("draft", "cancelled"), ("submitted", "cancelled"), ("approved", "cancelled"),
        ("partially_delivered", "cancelled"),
        # delivery notes (and their reversals) move these:
        ("approved", "partially_delivered"), ("approved", "delivered"),
        ("partially_delivered", "delivered"), ("partially_delivered", "approved"),
        ("delivered", "partially_delivered"), ("delivered", "approved"),
    }),
    load=_load,
    info=lambda s, actor, so_id: get_sales_order(s, actor, so_id))


# --------------------------------------------------------------------------- create, edit

def _customer_for_order(session: Session, actor: Actor, customer_id: int) -> Customer:
    c = _load_customer(session, actor, customer_id, lock=False)
    if c.owner_id is None and actor.is_sales:
        raise PermissionDenied(f"Customer {c.code} is in the public pool; claim it before "
                               "taking an order.")
    _editable(session, actor, c)
    return c


def _checked(session: Session, data: SalesOrderInput, customer: Customer
             ) -> tuple[dict, list[LineValues]]:
    """The header values and the lines, every problem of both at once."""
    errors: dict[str, str] = {}
    v = check_header(session, data, errors, date_field="delivery_date",
                     date_message="The delivery date is before the order date.",
                     limits=LIMITS, labels=LABELS)
    if data.opportunity_id is not None:
        opp_customer = session.scalar(select(Opportunity.customer_id)
                                      .where(Opportunity.id == data.opportunity_id))
        if opp_customer != customer.id:
            errors["opportunity_id"] = "The opportunity belongs to another customer."
    lines = validate_lines(session, data.lines, purchase=False, errors=errors)
    if errors:
        raise ValidationError(errors)
    return dict(v, customer_id=customer.id, opportunity_id=data.opportunity_id,
                delivery_address=v["delivery_address"] or customer.address), lines


def _write_lines(session: Session, order: SalesOrder, values: list[LineValues]) -> None:
    session.execute(delete(SalesOrderLine).where(SalesOrderLine.order_id == order.id))
    session.add_all(SalesOrderLine(
        order_id=order.id, line_no=v.line_no, product_id=v.product_id, qty=v.qty,
        unit_price=v.unit_price, discount_pct=v.discount_pct, tax_rate=v.tax_rate,
        amount=v.amount, tax_amount=v.tax_amount) for v in values)
    order.total, order.tax_total, order.discount_total = totals(values)
    session.flush()


_HEADER_FIELDS = ("customer_id", "warehouse_id", "order_date", "delivery_date",
                  "delivery_address", "delivery_terms", "payment_terms", "contact_name",
                  "contact_phone", "notes", "opportunity_id", "total")


def _state_of(session: Session, order: SalesOrder) -> dict:
    return snapshot(session, order, _HEADER_FIELDS, SalesOrderLine,
                    ("product_id", "qty", "unit_price", "discount_pct", "tax_rate"))


def create_sales_order(session: Session, actor: Actor, data: SalesOrderInput,
                       client_uuid: str) -> SalesOrderInfo:
    """Create a draft order. Idempotent: the same ``client_uuid`` again returns the order it
    created (a resend after a dropped connection), whatever ``data`` says this time. The
    salesperson is the actor when in sales, else (an administrator) the customer's owner."""
    _check_seller(actor)
    existing = existing_order(session, SalesOrder, client_uuid)
    if existing is None:
        customer = _customer_for_order(session, actor, data.customer_id)
        header, values = _checked(session, data, customer)
        salesperson = actor.user_id if actor.is_sales else customer.owner_id
        order = SalesOrder(client_uuid=client_uuid, state="draft", salesperson_id=salesperson,
                           created_by_id=actor.user_id, **header)
        existing = insert_once(session, order)
    if existing is not None:
        return get_sales_order(session, actor, existing)
    _write_lines(session, order, values)
    audit.record(session, actor.user_id, "create", "sales_order", order.id,
                 version=order.version_id, customer_id=order.customer_id, total=order.total,
                 after=_state_of(session, order))
    return get_sales_order(session, actor, order.id)


def update_sales_order(session: Session, actor: Actor, so_id: int, data: SalesOrderInput,
                       expected_version: int) -> SalesOrderInfo:
    """Replace a draft's header and lines. Only drafts change (a rejected order is a draft
    again); an order saved by someone else since ``expected_version`` is a ``Conflict``
    carrying the order as it is now and the fields they changed."""
    _check_seller(actor)
    order = _load(session, actor, so_id)
    header, values = {}, []
    if order.state == "draft" and order.version_id == expected_version:
        header, values = _checked(session, data,
                                  _customer_for_order(session, actor, data.customer_id))
    save_draft(session, actor, SO_FLOW, order, expected_version, header=header,
               write_lines=lambda: _write_lines(session, order, values),
               state_of=lambda: _state_of(session, order), noun="Sales order",
               current=lambda: get_sales_order(session, actor, so_id))
    return get_sales_order(session, actor, order.id)


# --------------------------------------------------------------------------- transitions

def _approve_if_not_required(session: Session, actor: Actor, order: SalesOrder) -> None:
    if not order.approval_reason:
        _reserve(session, actor, order)
        SO_FLOW.move(session, actor.user_id, order, "approved", automatic=True)


def _check_approver(actor: Actor) -> None:
    if actor.role not in APPROVER_ROLES:
        raise PermissionDenied("Only a sales manager or an administrator can approve orders.")


def _check_rejecter(actor: Actor) -> None:
    if actor.role not in APPROVER_ROLES:
        raise PermissionDenied("Only a sales manager or an administrator can reject orders.")


@SO_FLOW.transition("submitted", check=_check_seller, after=_approve_if_not_required,
                    done_states=("submitted", "approved"))
def submit_sales_order(session: Session, actor: Actor, order: SalesOrder) -> dict:
    """Submit a draft: it takes its gapless number SO-YYYY-NNNNNN (once; a rejected order
    keeps it) and the approval rules decide — no manager needed → approved at once
    (reserving stock, so not enough stock refuses the submit), otherwise it waits with
    ``approval_reason`` saying why."""
    if order.number is None:
        order.number = next_number(session, "SO", order.order_date.year)
    discounts = session.execute(select(SalesOrderLine.line_no, SalesOrderLine.discount_pct)
                                .where(SalesOrderLine.order_id == order.id)).all()
    if not discounts:
        raise ValidationError("lines", "Add at least one line.")
    reasons = approval_reasons(load_rules(session), Decimal(order.total),
                               [(n, Decimal(d)) for n, d in discounts])
    order.approval_reason = "\n".join(reasons) or None
    return {"approval_reason": order.approval_reason, "total": order.total}


@SO_FLOW.transition("approved", check=_check_approver)
def approve_sales_order(session: Session, actor: Actor, order: SalesOrder, *,
                        expected_version: int | None = None) -> dict:
    """Approve a submitted order (sales managers for their team's orders, administrators)
    and reserve its lines in the order's warehouse; not enough available stock is
    ``InsufficientStock`` and the order stays submitted. With ``expected_version`` the
    manager approves what they saw: an order rejected, changed and submitted again since is
    a ``Conflict``."""
    check_version(session, SO_FLOW, order, expected_version, noun="Sales order",
                  current=lambda: get_sales_order(session, actor, order.id),
                  state=_state_of(session, order))
    _reserve(session, actor, order)
    order.approved_by_id = actor.user_id
    return {}


@SO_FLOW.transition("draft", check=_check_rejecter, done_states=())
def reject_sales_order(session: Session, actor: Actor, order: SalesOrder,
                       reason: str) -> dict:
    """Send a submitted order back to its salesperson as a draft, with a reason (sales
    managers and administrators). It keeps its number."""
    reason = reason_text(reason, "Say why the order is rejected.")
    return {"reason": reason}


@SO_FLOW.transition("cancelled", check=_check_seller)
def cancel_sales_order(session: Session, actor: Actor, order: SalesOrder,
                       reason: str) -> dict:
    """Cancel an order that is not fully delivered, with a reason; the open reservation is
    released (what was delivered stays delivered)."""
    reason = reason_text(reason, "Say why the order is cancelled.")
    released = _release(session, actor, order)
    order.cancel_reason = reason
    return {"reason": reason, "released": released}


def _reserve(session: Session, actor: Actor, order: SalesOrder) -> None:
    lines = order_lines(session, SalesOrderLine, order.id)
    moves = []
    for ln in lines:
        want = qty(ln.qty) - qty(ln.delivered_qty)
        delta = want - qty(ln.reserved_qty)
        if delta:
            moves.append(Move(ln.product_id, order.warehouse_id, reserved=delta))
        ln.reserved_qty = want
    if moves:
        apply_moves(session, actor.user_id, moves)
    session.flush()


def _release(session: Session, actor: Actor, order: SalesOrder) -> str:
    moves = []
    total = Decimal(0)
    for ln in order_lines(session, SalesOrderLine, order.id):
        r = qty(ln.reserved_qty)
        if r:
            moves.append(Move(ln.product_id, order.warehouse_id, reserved=-r))
            total += r
            ln.reserved_qty = Decimal(0)
    if moves:
        apply_moves(session, actor.user_id, moves)
    session.flush()
    return str(total)


# --------------------------------------------------------------------------- reading

_salesperson = aliased(User, name="so_salesperson")
_approver = aliased(User, name="so_approver")


def _info_select():
    return (select(SalesOrder, Customer.name, Warehouse.name, _salesperson.display_name,
                   _approver.display_name)
            .join(Customer, Customer.id == SalesOrder.customer_id)
            .join(Warehouse, Warehouse.id == SalesOrder.warehouse_id)
            .outerjoin(_salesperson, _salesperson.id == SalesOrder.salesperson_id)
            .outerjoin(_approver, _approver.id == SalesOrder.approved_by_id))


def _info(row, lines: tuple[SOLineInfo, ...] = ()) -> SalesOrderInfo:
    o, customer_name, wh_name, sp_name, approver_name = row
    return SalesOrderInfo(
        o.id, o.number, o.state, o.customer_id, customer_name, o.warehouse_id, wh_name,
        o.salesperson_id, sp_name, o.order_date, o.delivery_date, o.delivery_address,
        o.delivery_terms, o.payment_terms, o.contact_name, o.contact_phone, o.total,
        o.tax_total, o.discount_total, o.approval_reason, o.notes, approver_name, o.version_id,
        lines, o.client_uuid, o.opportunity_id, o.cancel_reason)


def line_infos(session: Session, order_id: int) -> tuple[SOLineInfo, ...]:
    ln = SalesOrderLine
    return tuple(
        SOLineInfo(x.id, x.line_no, x.product_id, sku, name, unit, qty(x.qty), x.unit_price,
                   x.discount_pct, x.tax_rate, x.amount, x.tax_amount, qty(x.reserved_qty),
                   qty(x.delivered_qty), qty(x.returned_qty),
                   max(qty(x.qty) - qty(x.delivered_qty), qty(0)), decimals)
        for x, sku, name, unit, decimals in session.execute(
            select(ln, Product.sku, Product.name, Product.unit, Product.qty_decimals)
            .join(Product, Product.id == ln.product_id)
            .where(ln.order_id == order_id).order_by(ln.line_no)))


def get_sales_order(session: Session, actor: Actor, so_id: int) -> SalesOrderInfo:
    """One order with its lines, if the actor may see it (NotFound otherwise)."""
    row = session.execute(_info_select().where(SalesOrder.id == so_id,
                                               visibility(session, actor))).first()
    if row is None:
        raise NotFound("sales order", so_id)
    return _info(row, line_infos(session, so_id))


def sales_order_history(session: Session, actor: Actor, so_id: int
                        ) -> tuple[OrderEvent, ...]:
    """What happened to the order, oldest first — e.g. why a manager rejected it."""
    if session.scalar(select(SalesOrder.id).join(Customer, Customer.id == SalesOrder.customer_id)
                      .where(SalesOrder.id == so_id, visibility(session, actor))) is None:
        raise NotFound("sales order", so_id)
    return history(session, SO_FLOW.entity, so_id)


def list_sales_orders(session: Session, actor: Actor, *, states: Sequence[str] = (),
                      customer_id: int | None = None, limit: int = 200,
                      before_id: int | None = None) -> list[SalesOrderInfo]:
    """Orders the actor may see, newest first, without lines; keyset pages (pass the last
    id as ``before_id``)."""
    q = (_info_select().where(visibility(session, actor))
         .order_by(SalesOrder.id.desc()).limit(max(1, min(limit, 1000))))
    if states:
        q = q.where(SalesOrder.state.in_(tuple(states)))
    if customer_id is not None:
        q = q.where(SalesOrder.customer_id == customer_id)
    if before_id is not None:
        q = q.where(SalesOrder.id < before_id)
    return [_info(r) for r in session.execute(q)]


def sales_orders_of_customer(session: Session, actor: Actor, customer_id: int
                             ) -> tuple[SalesOrderInfo, ...]:
    """The customer's orders the actor may see (for the 360° view): open ones (not yet
    delivered or cancelled) first, then newest. Without lines; one query."""
    finished = case((SalesOrder.state.in_(("delivered", "cancelled")), 1), else_=0)
    q = (_info_select().where(SalesOrder.customer_id == customer_id, visibility(session, actor))
         .order_by(finished, SalesOrder.id.desc()).limit(500))
    return tuple(_info(r) for r in session.execute(q))


def ship_queue(session: Session, actor: Actor, warehouse_id: int | None = None
               ) -> list[ShipQueueRow]:
    """The warehouse's "to ship" list: approved and partially delivered orders with lines
    still to deliver, earliest delivery date first (orders without one last)."""
    ln = SalesOrderLine
    open_q = ln.qty - ln.delivered_qty
    q = (select(SalesOrder.id, SalesOrder.number, Customer.name, Warehouse.name,
                SalesOrder.delivery_date, func.count(ln.id), func.sum(milli(open_q)),
                SalesOrder.warehouse_id, SalesOrder.customer_id)
         .join(Customer, Customer.id == SalesOrder.customer_id)
         .join(Warehouse, Warehouse.id == SalesOrder.warehouse_id)
         .join(ln, and_(ln.order_id == SalesOrder.id, ln.qty > ln.delivered_qty))
         .where(SalesOrder.state.in_(ACTIVE_STATES), visibility(session, actor))
         .group_by(SalesOrder.id, SalesOrder.number, Customer.name, Warehouse.name,
                   SalesOrder.delivery_date, SalesOrder.warehouse_id, SalesOrder.customer_id)
         .order_by(SalesOrder.delivery_date.is_(None), SalesOrder.delivery_date,
                   SalesOrder.id))
    if warehouse_id is not None:
        q = q.where(SalesOrder.warehouse_id == warehouse_id)
    return [ShipQueueRow(r[0], r[1], r[2], r[3], r[4], r[5], from_milli(r[6]), r[7], r[8])
            for r in session.execute(q)]
