"""Customers: create/update with validation and duplicate detection, merge, contacts,
follow-ups, the 360° view.

Rules enforced here (each public function's docstring says which apply):

- Who may do what (services.org): a sales rep sees and edits own customers and the public
  pool, a sales manager those of their team and the pool, an admin everything; finance and
  warehouse read every customer but edit none. A customer the actor may not see is reported
  as ``NotFound`` — never ``PermissionDenied`` — so an id does not reveal that a customer
  exists. ``PermissionDenied`` means "you can see it but not do this".
- Ownership: a sales rep's new customer is theirs (``claimed_at`` = now); customers created
  by a manager or an admin go to the pool unless they name an owner (a manager only from
  their own team); ``to_pool`` empties the owner. Reps cannot hand customers to others.
- Codes: ``C-000001``… from a gapless counter row (``doc_sequence`` ``('customer', 0)``,
  locked while taken, so a rolled-back create gives its number back); codes typed by hand
  are kept and skipped by the counter.
- Duplicates (``find_duplicates``) compare normalised name, phone digits (against customers'
  and contacts' phones) and tax id over all customers, visible or not: a rep must learn
  that a customer already belongs to a colleague (撞单) before creating it twice. Updates
  are only checked when one of those three keys changes.
- Optimistic locking: master-data edits name the ``version_id`` they loaded; a stale one is a
  ``Conflict`` carrying the customer as it is now and the fields changed since (taken from
  the audit trail: every audited change records the version it produced).
- Every change is audited (services.audit) with before/after of the changed fields, and the
  search index (services.customer_search) is refreshed in the same transaction.

Contacts are in services/contacts.py, follow-ups in services/followups.py and merging in
services/customer_merge.py; the functions below with those names delegate to them so
callers have one entry point.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from models.base import utcnow
from models.crm import Activity
from models.org import User
from models.party import CUSTOMER_KINDS, Contact, Customer
from models.system import AuditLog
from services import audit, customer_search, normalize, numbering
from services.errors import (Conflict, DuplicateCandidate, DuplicateMatch, NotFound,
                             PermissionDenied, ValidationError)
from services.org import Actor, can_edit_customer, customer_visibility

CUSTOMER_LEVELS = ("A", "B", "C", "D")
POOL_RETURN_SETTING = "pool.return_after_days"
DEFAULT_POOL_RETURN_DAYS = 30
CODE_PREFIX = "C-"
CODE_SEQUENCE = ("customer", 0)            # doc_sequence key of the customer code counter
MAX_DUPLICATES = 20

# Longest accepted value per field (the column sizes; notes are Text but kept sane).
FIELD_LIMITS = {"code": 32, "name": 200, "industry": 60, "source": 60, "region": 60,
                "address": 300, "phone": 40, "email": 120, "tax_id": 40, "notes": 10000}
# Master-data fields, in form order: what update compares, audits and reports as changed.
MASTER_FIELDS = ("code", "name", "kind", "level", "industry", "source", "region", "address",
                 "phone", "email", "tax_id", "notes", "owner_id")
_EDITOR_ROLES = ("sales", "sales_manager", "admin")
_OWNER_ROLES = ("sales", "sales_manager", "admin")


@dataclass(frozen=True)
class CustomerInput:
    """What a form or an import row supplies. Empty strings count as "not given"."""

    name: str
    kind: str = "company"                 # 'company' | 'person'
    code: str | None = None               # auto-assigned (C-000001 style) when empty
    level: str | None = None              # 'A' | 'B' | 'C' | 'D'
    industry: str | None = None
    source: str | None = None
    region: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    tax_id: str | None = None
    notes: str | None = None
    # None = keep/assign by rule: a sales rep's new customer is theirs; others go to the pool.
    owner_id: int | None = None
    to_pool: bool = False                 # explicitly create/put in the public pool


@dataclass(frozen=True)
class ContactInput:
    name: str
    title: str | None = None
    phone: str | None = None
    email: str | None = None
    wechat: str | None = None
    is_primary: bool = False
    notes: str | None = None


@dataclass(frozen=True)
class ContactInfo:
    id: int
    customer_id: int
    name: str
    title: str | None
    phone: str | None
    email: str | None
    wechat: str | None
    is_primary: bool
    notes: str | None
    version_id: int


@dataclass(frozen=True)
class ActivityInfo:
    id: int
    customer_id: int
    contact_id: int | None
    contact_name: str | None
    user_id: int
    user_name: str
    kind: str                             # call | visit | wechat | email | meeting
    occurred_at: dt.datetime              # UTC, aware
    notes: str
    next_follow_up_on: dt.date | None


@dataclass(frozen=True)
class CustomerDetail:
    id: int
    code: str
    name: str
    kind: str
    level: str | None
    industry: str | None
    source: str | None
    region: str | None
    address: str | None
    phone: str | None
    email: str | None
    tax_id: str | None
    notes: str | None
    owner_id: int | None
    owner_name: str | None
    claimed_at: dt.datetime | None
    last_follow_up_at: dt.datetime | None
    created_at: dt.datetime
    created_by_name: str | None
    updated_at: dt.datetime
    updated_by_name: str | None
    merged_into_id: int | None
    version_id: int
    can_edit: bool


@dataclass(frozen=True)
class Customer360:
    """Everything the 360° view shows, loaded in a fixed number of queries."""

    customer: CustomerDetail
    contacts: tuple[ContactInfo, ...]
    timeline: tuple[ActivityInfo, ...]    # newest first, at most ``timeline_limit``
    timeline_total: int
    next_follow_up_on: dt.date | None
    days_until_pool: int | None           # None when in the pool already
    # Sections that later modules fill (orders, receivables, tickets).
    # The actor's visible opportunities (services.opportunities.OpportunityInfo), open first.
    opportunities: tuple = ()
    # Sales orders the actor may see (services.sales_orders.SalesOrderInfo), open first.
    orders: tuple = ()
    # Delivery notes and customer returns (services.stock_inquiry.DeliveryRow), newest
    # first, at most 200; cancelled drafts left out.
    deliveries: tuple = ()
    receivables: tuple = ()
    tickets: tuple = ()


# --------------------------------------------------------------------------- helpers

def _now() -> dt.datetime:
    return utcnow()


def _values(data: CustomerInput) -> dict:
    """The stored form of the input: stripped, empty → None, email/tax id/level normalised."""
    clean = normalize.clean_text
    name = clean(data.name)
    return {
        "code": clean(data.code),
        "name": " ".join(name.split()) if name else None,
        "kind": (clean(data.kind) or "company").lower(),
        "level": (clean(data.level) or "").upper() or None,
        "industry": clean(data.industry), "source": clean(data.source),
        "region": clean(data.region), "address": clean(data.address),
        "phone": clean(data.phone),
        "email": normalize.normalize_email(data.email),
        "tax_id": normalize.normalize_tax_id(data.tax_id),
        "notes": clean(data.notes),
    }


def _validate(session: Session, v: dict, *, exclude_id: int | None) -> dict[str, str]:
    """Every problem with the values at once, as {field: message}."""
    errors: dict[str, str] = {}
    if not v["name"]:
        errors["name"] = "Name is required."
    if v["kind"] not in CUSTOMER_KINDS:
        errors["kind"] = f"Unknown kind {v['kind']!r}; use one of {', '.join(CUSTOMER_KINDS)}."
    if v["level"] is not None and v["level"] not in CUSTOMER_LEVELS:
        errors["level"] = f"Unknown level {v['level']!r}; use one of {', '.join(CUSTOMER_LEVELS)}."
    for name, message in (("phone", normalize.validate_phone(v["phone"])),
                          ("email", normalize.validate_email(v["email"])),
                          ("tax_id", normalize.validate_tax_id(v["tax_id"], kind=v["kind"]))):
        if message:
            errors[name] = message
    for name, limit in FIELD_LIMITS.items():
        if v.get(name) and len(v[name]) > limit and name not in errors:
            errors[name] = f"{name.replace('_', ' ').capitalize()} is too long: " \
                           f"{len(v[name])} characters, at most {limit}."
    if v["code"] and "code" not in errors:
        q = select(Customer.id).where(Customer.code == v["code"])
        if exclude_id is not None:
            q = q.where(Customer.id != exclude_id)
        if session.scalar(q) is not None:
            errors["code"] = f"Code {v['code']!r} is already used by another customer."
    return errors


def _keys(v: dict) -> dict:
    """The normalised duplicate-detection columns for stored values."""
    return {"name_norm": normalize.normalize_name(v["name"]),
            "phone_digits": normalize.normalize_phone(v["phone"]),
            "tax_id_norm": v["tax_id"]}


def _next_code(session: Session) -> str:
    """The next free ``C-000001`` style code from the locked counter row."""
    return numbering.next_code(session, CODE_SEQUENCE[0], CODE_PREFIX, lambda code: (
        session.scalar(select(Customer.id).where(Customer.code == code)) is not None))


def _check_owner(session: Session, actor: Actor, owner_id: int) -> None:
    """May ``actor`` make ``owner_id`` the owner of a customer? Raises if not."""
    user = session.get(User, owner_id)
    if user is None or not user.active or user.role not in _OWNER_ROLES:
        raise ValidationError("owner_id", f"User {owner_id} cannot own customers "
                                          "(unknown, inactive or not in sales).")
    if actor.is_admin or owner_id == actor.user_id:
        return
    if actor.is_manager and can_edit_customer(session, actor, owner_id):
        return                             # a member of the manager's team
    if actor.is_manager:
        raise PermissionDenied("You can assign customers only to members of your team.")
    raise PermissionDenied("Only a sales manager or an administrator can give a customer "
                           "to someone else.")


def _load(session: Session, actor: Actor, customer_id: int, *, lock: bool) -> Customer:
    """The customer row if ``actor`` may see it (else NotFound), optionally locked."""
    q = (select(Customer).where(Customer.id == customer_id,
                                customer_visibility(session, actor, Customer.owner_id))
         .execution_options(populate_existing=True))
    if lock:
        q = q.with_for_update()
    c = session.scalar(q)
    if c is None:
        raise NotFound("customer", customer_id)
    return c


def _editable(session: Session, actor: Actor, c: Customer) -> None:
    if c.merged_into_id is not None:
        target = session.scalar(select(Customer.code).where(Customer.id == c.merged_into_id))
        raise ValidationError("customer", f"Customer {c.code} was merged into {target}; "
                                          f"work on {target} instead.")
    if actor.role not in _EDITOR_ROLES:
        raise PermissionDenied("Your role can look at customers but not change them.")
    if not can_edit_customer(session, actor, c.owner_id):
        raise PermissionDenied(f"You cannot change customer {c.code}: it belongs to "
                               "someone outside your team.")


def _snapshot(c: Customer) -> dict:
    return {f: getattr(c, f) for f in MASTER_FIELDS}


def _diff(before: dict, after: dict) -> tuple[dict, dict]:
    changed = [f for f in before if before[f] != after[f]]
    return {f: before[f] for f in changed}, {f: after[f] for f in changed}


def changed_since(session: Session, entity: str, entity_id: int, version: int,
                  current: dict) -> tuple[str, ...]:
    """Fields of ``entity`` changed since ``version`` and different now: read from the audit
    entries that record ``version`` (> the given one) and ``before``/``after``."""
    first_before: dict = {}
    for details in session.scalars(
            select(AuditLog.details).where(AuditLog.entity == entity,
                                           AuditLog.entity_id == entity_id)
            .order_by(AuditLog.id)):
        if (details or {}).get("version", 0) <= version:
            continue
        for f, old in (details.get("before") or {}).items():
            first_before.setdefault(f, old)
    # Master-data values are str/int/bool/None, which the audit's JSON keeps as they are.
    return tuple(f for f in current if f in first_before and first_before[f] != current[f])


def pool_return_days(session: Session, level: str | None = None) -> int | None:
    """Days without a follow-up after which an owned customer of ``level`` goes back to
    the public pool (None: never by that clock) — the per-level rules of services.pool
    (setting ``pool.rules``); without them the setting ``pool.return_after_days``
    (default 30) for every level."""
    from services.pool import get_pool_rules
    return get_pool_rules(session).rule_for(level).no_follow_up_days


def days_until_pool(*, owner_id: int | None, claimed_at: dt.datetime | None,
                    last_follow_up_at: dt.datetime | None, created_at: dt.datetime,
                    return_after_days: int | None = None, now: dt.datetime | None = None,
                    no_deal_days: int | None = None, has_won_deal: bool = False) -> int | None:
    """Whole days left before an owned customer returns to the pool: the sooner of two
    clocks (services.pool's rules for its level). No follow-up for ``return_after_days``,
    counted from the later of its last follow-up and its claim (its creation when it has
    neither); no deal won within ``no_deal_days`` of its claim (its creation when never
    claimed) — ``has_won_deal`` (a won opportunity closed since the claim) stops that clock.
    0 when due; None for a pool customer or when no clock runs. The sweep
    (services.pool.sweep_pool) returns exactly the customers for which this is 0."""
    if owner_id is None:
        return None
    now = now or _now()
    left = []
    if return_after_days is not None:
        start = max((t for t in (last_follow_up_at, claimed_at) if t is not None),
                    default=created_at)
        left.append(max(0, return_after_days - (now - start).days))
    if no_deal_days is not None and not has_won_deal:
        left.append(max(0, no_deal_days - (now - (claimed_at or created_at)).days))
    return min(left, default=None)


def _pool_days_of(session: Session, detail: CustomerDetail) -> int | None:
    """days_until_pool for a loaded customer under its level's rule (one query for the
    rules; one more for a won deal only when the no-deal clock is on)."""
    if detail.owner_id is None:
        return None
    from services import pool
    rule = pool.get_pool_rules(session).rule_for(detail.level)
    won = rule.no_deal_days is not None and pool.has_won_since(
        session, detail.id, detail.claimed_at or detail.created_at)
    return days_until_pool(owner_id=detail.owner_id, claimed_at=detail.claimed_at,
                           last_follow_up_at=detail.last_follow_up_at,
                           created_at=detail.created_at,
                           return_after_days=rule.no_follow_up_days,
                           no_deal_days=rule.no_deal_days, has_won_deal=won)


def _detail_query(session: Session, actor: Actor, customer_id: int, *, visible_only: bool):
    owner, creator, updater = aliased(User), aliased(User), aliased(User)
    q = (select(Customer, owner.display_name, creator.display_name, updater.display_name)
         .outerjoin(owner, owner.id == Customer.owner_id)
         .outerjoin(creator, creator.id == Customer.created_by_id)
         .outerjoin(updater, updater.id == Customer.updated_by_id)
         .where(Customer.id == customer_id)
         .execution_options(populate_existing=True))
    if visible_only:
        q = q.where(customer_visibility(session, actor, Customer.owner_id))
    return q


def _detail(session: Session, actor: Actor, customer_id: int, *,
            visible_only: bool = False) -> CustomerDetail:
    row = session.execute(_detail_query(session, actor, customer_id,
                                        visible_only=visible_only)).first()
    if row is None:
        raise NotFound("customer", customer_id)
    c, owner_name, created_by, updated_by = row
    return CustomerDetail(
        id=c.id, code=c.code, name=c.name, kind=c.kind, level=c.level, industry=c.industry,
        source=c.source, region=c.region, address=c.address, phone=c.phone, email=c.email,
        tax_id=c.tax_id, notes=c.notes, owner_id=c.owner_id, owner_name=owner_name,
        claimed_at=c.claimed_at, last_follow_up_at=c.last_follow_up_at,
        created_at=c.created_at, created_by_name=created_by, updated_at=c.updated_at,
        updated_by_name=updated_by, merged_into_id=c.merged_into_id, version_id=c.version_id,
        can_edit=c.merged_into_id is None and can_edit_customer(session, actor, c.owner_id))


def _flush_unique_code(session: Session, code: str) -> None:
    try:
        session.flush()
    except IntegrityError as exc:          # a concurrent save took the code after our check
        if "code" in str(exc.orig).lower():
            raise ValidationError("code", f"Code {code!r} is already used by another "
                                          "customer.") from None
        raise


# --------------------------------------------------------------------------- create/update

def create_customer(session: Session, actor: Actor, data: CustomerInput, *,
                    allow_duplicate: bool = False) -> CustomerDetail:
    """Create a customer. Only sales staff and admins create customers. All invalid fields
    are reported at once (ValidationError); a likely duplicate raises DuplicateCandidate
    unless ``allow_duplicate``. Ownership follows the module rules; the code is assigned
    when empty. Indexed for search and audited in the same transaction."""
    if actor.role not in _EDITOR_ROLES:
        raise PermissionDenied("Only sales staff and administrators can create customers.")
    v = _values(data)
    errors = _validate(session, v, exclude_id=None)
    if data.to_pool and data.owner_id is not None:
        errors["owner_id"] = "Choose an owner or the public pool, not both."
    if errors:
        raise ValidationError(errors)
    if data.to_pool:
        owner_id = None
    elif data.owner_id is not None:
        _check_owner(session, actor, data.owner_id)
        owner_id = data.owner_id
    else:
        owner_id = actor.user_id if actor.role == "sales" else None
    if not allow_duplicate:
        matches = find_duplicates(session, data)
        if matches:
            raise DuplicateCandidate(matches)
    now = _now()
    v["code"] = v["code"] or _next_code(session)
    c = Customer(**v, **_keys(v), owner_id=owner_id, claimed_at=now if owner_id else None,
                 created_at=now, created_by_id=actor.user_id, updated_at=now,
                 updated_by_id=actor.user_id)
    session.add(c)
    _flush_unique_code(session, v["code"])
    customer_search.refresh_search_index(session, [c.id])
    after = {f: value for f, value in _snapshot(c).items() if value is not None}
    audit.record(session, actor.user_id, "customer.create", "customer", c.id,
                 version=c.version_id, after=after)
    if owner_id is not None:               # the owner's history starts here (services.pool)
        from services.pool import record_ownership_change
        record_ownership_change(session, customer_id=c.id, from_owner_id=None,
                                to_owner_id=owner_id, reason="create",
                                actor_id=actor.user_id, at=now)
    return _detail(session, actor, c.id)


def update_customer(session: Session, actor: Actor, customer_id: int, data: CustomerInput, *,
                    expected_version: int, allow_duplicate: bool = False) -> CustomerDetail:
    """Save the form over the customer. ``data`` replaces every field; an empty code keeps
    the current one; ``owner_id`` None keeps the owner, ``to_pool`` releases it. Stale
    ``expected_version`` → Conflict(current=CustomerDetail, changed=fields). Duplicates are
    checked only when name, phone or tax id change. Nothing changed → no write, no audit."""
    c = _load(session, actor, customer_id, lock=True)
    _editable(session, actor, c)
    if c.version_id != expected_version:
        current = _detail(session, actor, c.id)
        changed = changed_since(session, "customer", c.id, expected_version, _snapshot(c))
        raise Conflict(f"Customer {c.code} was changed by someone else since you opened it "
                       f"(version {expected_version}, now {c.version_id}).",
                       current=current, changed=changed)
    v = _values(data)
    v["code"] = v["code"] or c.code
    errors = _validate(session, v, exclude_id=c.id)
    if data.to_pool and data.owner_id is not None:
        errors["owner_id"] = "Choose an owner or the public pool, not both."
    if errors:
        raise ValidationError(errors)
    owner_id = c.owner_id
    if data.to_pool:
        owner_id = None
    elif data.owner_id is not None and data.owner_id != c.owner_id:
        _check_owner(session, actor, data.owner_id)
        owner_id = data.owner_id
    keys = _keys(v)
    if not allow_duplicate and any(keys[k] != getattr(c, k) for k in keys if keys[k]):
        matches = find_duplicates(session, data, exclude_id=c.id)
        if matches:
            raise DuplicateCandidate(matches)
    before = _snapshot(c)
    before_diff, after_diff = _diff(before, {**v, "owner_id": owner_id})
    if not after_diff:
        return _detail(session, actor, c.id)
    for f, value in {**v, **keys}.items():
        setattr(c, f, value)
    if owner_id != c.owner_id:            # the pool's rules and history (services.pool)
        from services.pool import check_owner_change, record_ownership_change
        reason = check_owner_change(session, actor, c.id, c.code, from_owner=c.owner_id,
                                    to_owner=owner_id)
        record_ownership_change(session, customer_id=c.id, from_owner_id=c.owner_id,
                                to_owner_id=owner_id, actor_id=actor.user_id, reason=reason)
        c.owner_id, c.claimed_at = owner_id, (_now() if owner_id else None)
    c.updated_at, c.updated_by_id = _now(), actor.user_id
    _flush_unique_code(session, v["code"])
    if {"name", "code", "phone", "email"} & after_diff.keys():
        customer_search.refresh_search_index(session, [c.id])
    audit.record(session, actor.user_id, "customer.update", "customer", c.id,
                 version=c.version_id, before=before_diff, after=after_diff)
    return _detail(session, actor, c.id)


def find_duplicates(session: Session, data: CustomerInput, *,
                    exclude_id: int | None = None) -> list:
    """Live (not merged-away) customers that look like ``data``: same normalised name,
    same phone digits as the customer's or one of its contacts' phones, or same tax id.
    Returns DuplicateMatch rows (reasons 'name', 'phone', 'tax_id'), best matches first."""
    v = _values(data)
    keys = _keys(v)
    reasons: dict[int, set[str]] = {}

    def collect(query, reason):
        q = query.where(Customer.merged_into_id.is_(None))
        if exclude_id is not None:
            q = q.where(Customer.id != exclude_id)
        for cid in session.scalars(q.limit(MAX_DUPLICATES)):
            reasons.setdefault(cid, set()).add(reason)

    if keys["name_norm"]:
        collect(select(Customer.id).where(Customer.name_norm == keys["name_norm"]), "name")
    if keys["phone_digits"]:
        collect(select(Customer.id).where(Customer.phone_digits == keys["phone_digits"]),
                "phone")
        collect(select(Customer.id).join(Contact, Contact.customer_id == Customer.id)
                .where(Contact.phone_digits == keys["phone_digits"]).distinct(), "phone")
    if keys["tax_id_norm"]:
        collect(select(Customer.id).where(Customer.tax_id_norm == keys["tax_id_norm"]),
                "tax_id")
    if not reasons:
        return []
    rows = session.execute(select(Customer.id, Customer.code, Customer.name, User.display_name)
                           .outerjoin(User, User.id == Customer.owner_id)
                           .where(Customer.id.in_(reasons))).all()
    order = ("tax_id", "phone", "name")
    matches = [DuplicateMatch(cid, code, name, owner,
                              tuple(r for r in order if r in reasons[cid]))
               for cid, code, name, owner in rows]
    matches.sort(key=lambda m: (-len(m.reasons), [order.index(r) for r in m.reasons], m.code))
    return matches[:MAX_DUPLICATES]


# --------------------------------------------------------------------------- merge

def merge_customers(session: Session, actor: Actor, *, keep_id: int,
                    merge_id: int) -> CustomerDetail:
    """See services.customer_merge.merge_customers."""
    from services import customer_merge
    return customer_merge.merge_customers(session, actor, keep_id=keep_id, merge_id=merge_id)


# --------------------------------------------------------------------------- reading

def get_customer(session: Session, actor: Actor, customer_id: int) -> CustomerDetail:
    """One customer as the actor may see it (NotFound otherwise). A merged-away customer
    is returned too (``merged_into_id`` says where it went) so old references resolve."""
    return _detail(session, actor, customer_id, visible_only=True)


def contact_info(c: Contact) -> ContactInfo:
    return ContactInfo(c.id, c.customer_id, c.name, c.title, c.phone, c.email, c.wechat,
                       c.is_primary, c.notes, c.version_id)


def customer_360(session: Session, actor: Actor, customer_id: int, *,
                 timeline_limit: int = 200) -> Customer360:
    """The 360° view: the customer (visibility as get_customer), its contacts (primary
    first), the newest ``timeline_limit`` follow-ups and their total, the next follow-up
    date planned by the newest follow-up, and the days until the customer returns to the
    pool, the opportunities, sales orders and delivery notes / customer returns. A fixed
    number of queries, whatever the number of contacts, follow-ups, orders and deliveries."""
    detail = get_customer(session, actor, customer_id)
    contacts = tuple(contact_info(c) for c in session.scalars(
        select(Contact).where(Contact.customer_id == customer_id)
        .order_by(Contact.is_primary.desc(), Contact.id)))
    timeline = tuple(
        ActivityInfo(a.id, a.customer_id, a.contact_id, contact_name, a.user_id, user_name,
                     a.kind, a.occurred_at, a.notes, a.next_follow_up_on)
        for a, contact_name, user_name in session.execute(
            select(Activity, Contact.name, User.display_name)
            .outerjoin(Contact, Contact.id == Activity.contact_id)
            .join(User, User.id == Activity.user_id)
            .where(Activity.customer_id == customer_id)
            .order_by(Activity.occurred_at.desc(), Activity.id.desc())
            .limit(max(0, timeline_limit))))
    newest_next = (select(Activity.next_follow_up_on)
                   .where(Activity.customer_id == customer_id)
                   .order_by(Activity.occurred_at.desc(), Activity.id.desc())
                   .limit(1).scalar_subquery())
    total, next_on = session.execute(
        select(func.count(Activity.id), newest_next)
        .where(Activity.customer_id == customer_id)).one()
    days = _pool_days_of(session, detail)
    from services.opportunities import opportunities_of_customer
    opportunities = opportunities_of_customer(session, actor, customer_id)   # one query
    from services.sales_orders import sales_orders_of_customer
    from services.stock_inquiry import deliveries_of_customer
    orders = sales_orders_of_customer(session, actor, customer_id)           # one query
    deliveries = deliveries_of_customer(session, customer_id)                # one query
    return Customer360(customer=detail, contacts=contacts, timeline=timeline,
                       timeline_total=total, next_follow_up_on=next_on, days_until_pool=days,
                       opportunities=opportunities, orders=orders, deliveries=deliveries)


# --------------------------------------------------------------------------- contacts, follow-ups

def add_contact(session: Session, actor: Actor, customer_id: int,
                data: ContactInput) -> ContactInfo:
    """See services.contacts.add_contact."""
    from services import contacts
    return contacts.add_contact(session, actor, customer_id, data)


def update_contact(session: Session, actor: Actor, contact_id: int, data: ContactInput, *,
                   expected_version: int) -> ContactInfo:
    """See services.contacts.update_contact."""
    from services import contacts
    return contacts.update_contact(session, actor, contact_id, data,
                                   expected_version=expected_version)


def log_follow_up(session: Session, actor: Actor, customer_id: int, *, kind: str,
                  notes: str, occurred_at: dt.datetime | None = None,
                  next_follow_up_on: dt.date | None = None,
                  contact_id: int | None = None) -> ActivityInfo:
    """See services.followups.log_follow_up."""
    from services import followups
    return followups.log_follow_up(session, actor, customer_id, kind=kind, notes=notes,
                                   occurred_at=occurred_at,
                                   next_follow_up_on=next_follow_up_on, contact_id=contact_id)
