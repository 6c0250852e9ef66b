"""Follow-ups (跟进记录): logging a call, visit, WeChat, email or meeting with a customer.

Rules:
- The actor must be able to edit the customer (own customer for a rep, the team's for a
  manager, any for an admin); a customer the actor cannot see is NotFound.
- A customer in the public pool: a sales rep must claim it first (PermissionDenied saying
  so) — logging work on a pool customer would let a rep keep it without owning it.
  Managers and admins may log on pool customers (e.g. a complaint call taken for the
  company); that does not change ownership.
- ``kind`` is one of call, visit, wechat, email, meeting; notes are required; the time is
  an aware datetime not in the future (default: now); ``next_follow_up_on`` is not before
  today; a contact must belong to the customer. All problems are reported at once.
- The customer's ``last_follow_up_at`` becomes the latest follow-up time (a back-dated
  entry never moves it back). It is activity data, not master data, so it does not bump
  the customer's ``version_id``: an edit form open elsewhere does not go stale.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from models.base import utcnow
from models.crm import ACTIVITY_KINDS, Activity
from models.party import Contact, Customer
from services import audit
from services.customers import ActivityInfo, _editable, _load
from services.errors import PermissionDenied, ValidationError
from services.org import Actor

MAX_NOTES = 10000
# Clocks of desktops on a LAN drift; a follow-up "now" on a fast PC is not "future".
CLOCK_SKEW = dt.timedelta(minutes=5)


def log_follow_up(session: Session, actor: Actor, customer_id: int, *, kind: str,
                  notes: str, occurred_at: dt.datetime | None = None,
                  next_follow_up_on: dt.date | None = None,
                  contact_id: int | None = None, today: dt.date | None = None) -> ActivityInfo:
    """Record a follow-up with a customer (see module rules). ``today`` is the user's
    local date (default: this computer's), against which ``next_follow_up_on`` is checked."""
    customer = _load(session, actor, customer_id, lock=False)
    if customer.owner_id is None and actor.role == "sales":
        raise PermissionDenied(f"Customer {customer.code} is in the public pool; claim it "
                               "before logging a follow-up.")
    _editable(session, actor, customer)
    now = utcnow()
    kind = (kind or "").strip().lower()
    notes = (notes or "").strip()
    occurred_at = occurred_at or now
    errors: dict[str, str] = {}
    if kind not in ACTIVITY_KINDS:
        errors["kind"] = f"Unknown follow-up kind {kind!r}; use one of {', '.join(ACTIVITY_KINDS)}."
    if not notes:
        errors["notes"] = "Write what was discussed."
    elif len(notes) > MAX_NOTES:
        errors["notes"] = f"Notes are too long: {len(notes)} characters, at most {MAX_NOTES}."
    if occurred_at.tzinfo is None:
        errors["occurred_at"] = "The follow-up time needs a time zone."
    elif occurred_at > now + CLOCK_SKEW:
        errors["occurred_at"] = "The follow-up time is in the future."
    if next_follow_up_on is not None and next_follow_up_on < (today or dt.date.today()):
        errors["next_follow_up_on"] = (f"The next follow-up date {next_follow_up_on.isoformat()} "
                                       "is in the past.")
    contact_name = None
    if contact_id is not None:
        contact_name = session.scalar(select(Contact.name).where(
            Contact.id == contact_id, Contact.customer_id == customer.id))
        if contact_name is None:
            errors["contact_id"] = f"Contact {contact_id} is not a contact of {customer.code}."
    if errors:
        raise ValidationError(errors)

    activity = Activity(customer_id=customer.id, contact_id=contact_id, user_id=actor.user_id,
                        kind=kind, occurred_at=occurred_at, notes=notes,
                        next_follow_up_on=next_follow_up_on, created_at=now)
    session.add(activity)
    session.flush()
    session.execute(update(Customer)
                    .where(Customer.id == customer.id,
                           or_(Customer.last_follow_up_at.is_(None),
                               Customer.last_follow_up_at < occurred_at))
                    .values(last_follow_up_at=occurred_at)
                    .execution_options(synchronize_session=False))
    session.expire(customer, ["last_follow_up_at"])
    audit.record(session, actor.user_id, "activity.add", "activity", activity.id,
                 customer_id=customer.id, kind=kind, occurred_at=occurred_at,
                 next_follow_up_on=next_follow_up_on, contact_id=contact_id)
    return ActivityInfo(activity.id, customer.id, contact_id, contact_name, actor.user_id,
                        actor.display_name, kind, occurred_at.astimezone(dt.timezone.utc),
                        notes, next_follow_up_on)
