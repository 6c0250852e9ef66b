"""What purchase and sales orders do alike: header checks, creating once per client UUID,
saving a draft under optimistic locking, the state snapshot that audit entries and
conflicts compare, the reason a cancel or reject needs, and the order's history."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.base import utcnow
from models.catalog import Warehouse
from models.org import User
from models.system import AuditLog
from services import audit
from services.errors import Conflict, ValidationError
from services.org import Actor
from services.workflow import Workflow

REASON_LIMIT = 200


def order_lines(session: Session, line_model, order_id: int) -> list:
    """An order's lines in line order, read afresh (``populate_existing``): called after the
    order row is locked, so it sees what is true now, not what this session loaded before."""
    return list(session.scalars(select(line_model).where(line_model.order_id == order_id)
                                .order_by(line_model.line_no)
                                .execution_options(populate_existing=True)))


def check_header(session: Session, data, errors: dict[str, str], *, date_field: str,
                 date_message: str, limits: Mapping[str, int],
                 labels: Mapping[str, str]) -> dict:
    """The header fields both kinds share: an active warehouse, the order date (today when
    not given), a later date (delivery / expected) not before it, and trimmed texts within
    their limits. Problems go into ``errors``; returns the cleaned values."""
    wh = session.get(Warehouse, data.warehouse_id) if data.warehouse_id else None
    if wh is None:
        errors["warehouse_id"] = "Choose a warehouse."
    elif not wh.active:
        errors["warehouse_id"] = f"Warehouse {wh.name} is inactive."
    order_date = data.order_date or dt.date.today()
    later = getattr(data, date_field)
    if later is not None and later < order_date:
        errors[date_field] = date_message
    values: dict[str, Any] = {"warehouse_id": wh.id if wh else None, "order_date": order_date,
                              date_field: later}
    for name, limit in limits.items():
        text = (getattr(data, name) or "").strip() or None
        if text is not None and len(text) > limit:
            errors[name] = f"{labels[name]} is too long: {len(text)} characters, at most {limit}."
        values[name] = text
    return values


def reason_text(reason: str | None, message: str) -> str:
    """A required reason (cancel, reject), trimmed; ``message`` says what is missing."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("reason", message)
    if len(reason) > REASON_LIMIT:
        raise ValidationError("reason", f"Reason is too long: {len(reason)} characters, "
                                        f"at most {REASON_LIMIT}.")
    return reason


def existing_order(session: Session, model, client_uuid: str) -> int | None:
    """The id of the order this client UUID already created (a resend), if any."""
    if not client_uuid or len(client_uuid) > 36:
        raise ValueError("creating an order needs the client's UUID")
    return session.scalar(select(model.id).where(model.client_uuid == client_uuid))


def insert_once(session: Session, order) -> int | None:
    """Insert a new order row; None when it went in. A concurrent resend with the same UUID
    waits for the first transaction and then hits the UNIQUE index: roll back to the
    savepoint and return the id the other call created."""
    try:
        with session.begin_nested():
            session.add(order)
            session.flush()
    except IntegrityError:
        other = session.scalar(select(type(order).id)
                               .where(type(order).client_uuid == order.client_uuid))
        if other is None:
            raise
        return other
    return None


def snapshot(session: Session, order, header_fields: tuple[str, ...], line_model,
             line_columns: tuple[str, ...]) -> dict:
    """Header fields and a signature of the lines as JSON-safe strings: what audit entries
    record as before/after and what a Conflict compares."""
    snap = {f: None if getattr(order, f) is None else str(getattr(order, f))
            for f in header_fields}
    cols = [getattr(line_model, c) for c in line_columns]
    snap["lines"] = ";".join(
        "|".join(str(v) for v in row) for row in session.execute(
            select(*cols).where(line_model.order_id == order.id).order_by(line_model.line_no)))
    return snap


def check_version(session: Session, flow: Workflow, order, expected_version: int | None, *,
                  noun: str, current: Callable[[], Any], state: dict) -> None:
    """Optimistic locking: the order must still be at the version the user loaded (None:
    not checked). Stale → ``Conflict`` carrying the order as it is now and the fields
    changed since (from the audit trail, compared with ``state``)."""
    if expected_version is None or order.version_id == expected_version:
        return
    from services.customers import changed_since
    raise Conflict(f"{noun} {flow.label(order)} was changed by someone else since you "
                   "opened it.", current=current(),
                   changed=changed_since(session, flow.entity, order.id, expected_version,
                                         state))


def save_draft(session: Session, actor: Actor, flow: Workflow, order, expected_version: int,
               *, header: dict, write_lines: Callable[[], None],
               state_of: Callable[[], dict], noun: str, current: Callable[[], Any]) -> None:
    """Replace a draft's header and lines under optimistic locking: only drafts change; a
    save by someone else since ``expected_version`` is a ``Conflict`` carrying the order as
    it is now (``current()``) and the fields they changed (from the audit trail)."""
    if order.state != "draft":
        raise flow.refusal(order)
    before = state_of()
    check_version(session, flow, order, expected_version, noun=noun, current=current,
                  state=before)
    for k, v in header.items():
        setattr(order, k, v)
    order.updated_at = utcnow()     # a save is a new version even if only lines changed
    write_lines()
    after = state_of()
    changed = [k for k in after if after[k] != before[k]]
    audit.record(session, actor.user_id, "update", flow.entity, order.id,
                 version=order.version_id, before={k: before[k] for k in changed},
                 after={k: after[k] for k in changed})


@dataclass(frozen=True)
class OrderEvent:
    """One line of an order's history: what happened, when, by whom (a rejection's or
    cancellation's reason included)."""

    at: dt.datetime
    action: str                      # create, update, submit, approve, reject, cancel, …
    actor_name: str | None
    from_state: str | None
    to_state: str | None
    reason: str | None
    document_id: int | None          # the stock document that moved it (receive, deliver)


def history(session: Session, entity: str, order_id: int) -> tuple[OrderEvent, ...]:
    """The order's audit entries, oldest first."""
    rows = session.execute(
        select(AuditLog.at, AuditLog.action, User.display_name, AuditLog.details)
        .outerjoin(User, User.id == AuditLog.actor_id)
        .where(AuditLog.entity == entity, AuditLog.entity_id == order_id)
        .order_by(AuditLog.id))
    out = []
    for at, action, name, details in rows:
        d = details or {}
        out.append(OrderEvent(at, action, name, d.get("from_state"), d.get("to_state"),
                              d.get("reason"), d.get("document_id")))
    return tuple(out)
