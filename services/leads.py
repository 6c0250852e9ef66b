"""Leads (线索): enquiries not yet a customer, and their conversion into one.

Rules:
- Leads come from manual entry, the quick "new enquiry" form (``create_lead`` with a name
  and a phone or a line of enquiry) and Excel import (services/lead_import.py).
- Who sees and edits what: a sales rep their own leads, a sales manager their team's and
  the unassigned ones (to hand them out), an admin all; finance and warehouse none. A lead
  the actor may not see is ``NotFound``. A rep's new lead is theirs; a manager's too unless
  they name a team member; an admin's is unassigned unless they name an owner.
- Statuses: new → contacted → qualified, or disqualified (with a reason) from any of
  them and back; ``converted`` is reached only through ``convert_lead`` and is final: a
  converted lead is read-only and cannot be converted again.
- Conversion is one step and one transaction (a savepoint inside the caller's): a new
  customer (through services.customers.create_customer, so duplicate detection raises
  DuplicateCandidate unless ``allow_duplicate``) or an existing one the actor may edit,
  the lead's person as a contact (an existing contact with the same name and phone is
  reused), optionally an opportunity; then the lead records all three. Anything failing
  leaves nothing behind. A disqualified lead must be re-qualified first.
- Edits name the ``version_id`` they loaded (stale → Conflict). Every change is audited.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Sequence

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session, aliased

from models.base import utcnow
from models.org import User
from models.party import Contact
from models.pipeline import LEAD_STATUSES, Lead
from services import audit, normalize
from services.customer_merge import register_merge_repoint
from services.customers import (ContactInput, CustomerInput, _editable, _load, changed_since,
                                create_customer, find_duplicates)
from services.errors import (Conflict, DuplicateMatch, NotFound, PermissionDenied,
                             ValidationError)
from services.opportunities import (OpportunityInput, check_owner, create_opportunity,
                                    pipeline_visibility)
from services.org import Actor

register_merge_repoint(Lead, "customer_id")

#: Statuses a person sets; 'converted' is set by convert_lead only.
MANUAL_STATUSES = ("new", "contacted", "qualified", "disqualified")
SCOPES = ("mine", "team", "unassigned", "all")
#: Suggestions for the source field (free text; these are what the forms offer).
SUGGESTED_SOURCES = ("网站 Website", "电话 Phone", "展会 Exhibition", "转介绍 Referral",
                     "微信 WeChat", "广告 Advertising", "其他 Other")
LIMITS = {"contact_name": 100, "company": 200, "title": 100, "phone": 40, "email": 120,
          "wechat": 60, "source": 60, "region": 60, "enquiry": 10000}
LEAD_FIELDS = ("contact_name", "company", "title", "phone", "email", "wechat", "source",
               "region", "enquiry", "owner_id")
_ROLES = ("sales", "sales_manager", "admin")


@dataclass(frozen=True)
class LeadInput:
    contact_name: str
    company: str | None = None
    title: str | None = None
    phone: str | None = None
    email: str | None = None
    wechat: str | None = None
    source: str | None = None
    region: str | None = None
    enquiry: str | None = None
    owner_id: int | None = None           # None: by rule (create) / keep (update)


@dataclass(frozen=True)
class LeadInfo:
    id: int
    contact_name: str
    company: str | None
    title: str | None
    phone: str | None
    email: str | None
    wechat: str | None
    source: str | None
    region: str | None
    enquiry: str | None
    status: str
    disqualify_reason: str | None
    owner_id: int | None
    owner_name: str | None
    customer_id: int | None
    opportunity_id: int | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version_id: int
    contact_id: int | None = None
    converted_at: dt.datetime | None = None


@dataclass(frozen=True)
class LeadPage:
    rows: tuple[LeadInfo, ...]
    next_key: int | None                  # pass as ``after`` for the next page; None at the end


@dataclass(frozen=True)
class ConversionResult:
    customer_id: int
    contact_id: int | None
    opportunity_id: int | None
    created_customer: bool = False


# --------------------------------------------------------------------------- helpers

def lead_visibility(actor: Actor, owner_col) -> ColumnElement[bool]:
    """SQL condition on ``lead.owner_id``: the leads ``actor`` may see and edit."""
    vis = pipeline_visibility(actor, owner_col)
    if actor.is_manager:
        return or_(owner_col.is_(None), vis)
    return vis


def _check_role(actor: Actor) -> None:
    if actor.role not in _ROLES:
        raise PermissionDenied("Only sales staff and administrators work on leads.")


_owner = aliased(User, name="lead_owner")


def _info_select():
    return select(Lead, _owner.display_name).outerjoin(_owner, _owner.id == Lead.owner_id)


def _info(row) -> LeadInfo:
    x, owner_name = row
    return LeadInfo(
        id=x.id, contact_name=x.contact_name, company=x.company, title=x.title, phone=x.phone,
        email=x.email, wechat=x.wechat, source=x.source, region=x.region, enquiry=x.enquiry,
        status=x.status, disqualify_reason=x.disqualify_reason, owner_id=x.owner_id,
        owner_name=owner_name, customer_id=x.customer_id, opportunity_id=x.opportunity_id,
        created_at=x.created_at, updated_at=x.updated_at, version_id=x.version_id,
        contact_id=x.contact_id, converted_at=x.converted_at)


def _get_info(session: Session, lead_id: int) -> LeadInfo:
    row = session.execute(_info_select().where(Lead.id == lead_id)
                          .execution_options(populate_existing=True)).first()
    if row is None:
        raise NotFound("lead", lead_id)
    return _info(row)


def _load_lead(session: Session, actor: Actor, lead_id: int, *, lock: bool) -> Lead:
    q = (select(Lead).where(Lead.id == lead_id, lead_visibility(actor, Lead.owner_id))
         .execution_options(populate_existing=True))
    if lock:
        q = q.with_for_update()
    lead = session.scalar(q)
    if lead is None:
        raise NotFound("lead", lead_id)
    return lead


def _not_converted(lead: Lead) -> None:
    if lead.status == "converted":
        raise ValidationError("status", f"Lead {lead.contact_name} was converted already "
                                        f"(customer {lead.customer_id}); it cannot change.")


def lead_values(data: LeadInput) -> dict:
    """The stored form of the input: stripped, empty → None, email normalised."""
    clean = normalize.clean_text
    v = {f: clean(getattr(data, f)) for f in LIMITS}
    if v["contact_name"]:
        v["contact_name"] = " ".join(v["contact_name"].split())
    if v["company"]:
        v["company"] = " ".join(v["company"].split())
    v["email"] = normalize.normalize_email(data.email)
    return v


def lead_errors(v: dict) -> dict[str, str]:
    """Every problem with the values at once, as {field: message}."""
    errors: dict[str, str] = {}
    if not v["contact_name"]:
        errors["contact_name"] = "Contact name is required."
    for f, message in (("phone", normalize.validate_phone(v["phone"])),
                       ("email", normalize.validate_email(v["email"]))):
        if message:
            errors[f] = message
    for f, limit in LIMITS.items():
        if v.get(f) and len(v[f]) > limit and f not in errors:
            errors[f] = f"{f.replace('_', ' ').capitalize()} is too long: {len(v[f])} " \
                        f"characters, at most {limit}."
    return errors


def default_lead_owner(actor: Actor) -> int | None:
    """A sales rep's or manager's new lead is theirs; an admin's is unassigned."""
    return actor.user_id if actor.is_sales else None


# --------------------------------------------------------------------------- writing

def create_lead(session: Session, actor: Actor, data: LeadInput, *,
                now: dt.datetime | None = None) -> LeadInfo:
    """Record a lead (manual entry or the quick enquiry form): status ``new``. Every
    invalid field is reported at once; the owner follows the module rules. Audited."""
    _check_role(actor)
    v = lead_values(data)
    errors = lead_errors(v)
    if errors:
        raise ValidationError(errors)
    if data.owner_id is not None:
        check_owner(session, actor, data.owner_id, "leads")
        owner_id = data.owner_id
    else:
        owner_id = default_lead_owner(actor)
    now = now or utcnow()
    lead = Lead(**v, phone_digits=normalize.normalize_phone(v["phone"]), status="new",
                owner_id=owner_id, created_at=now, created_by_id=actor.user_id, updated_at=now)
    session.add(lead)
    session.flush()
    audit.record(session, actor.user_id, "lead.create", "lead", lead.id,
                 version=lead.version_id,
                 after={f: x for f, x in {**v, "owner_id": owner_id}.items() if x is not None})
    return _get_info(session, lead.id)


def update_lead(session: Session, actor: Actor, lead_id: int, data: LeadInput, *,
                expected_version: int) -> LeadInfo:
    """Save the form over the lead: every field is replaced, ``owner_id`` None keeps the
    owner. A converted lead cannot change. Stale version → Conflict(current=LeadInfo,
    changed=fields). Nothing changed → no write."""
    _check_role(actor)
    lead = _load_lead(session, actor, lead_id, lock=True)
    if lead.version_id != expected_version:
        current = {f: getattr(lead, f) for f in LEAD_FIELDS}
        raise Conflict(f"Lead {lead.contact_name} was changed by someone else since you opened "
                       f"it (version {expected_version}, now {lead.version_id}).",
                       current=_get_info(session, lead.id),
                       changed=changed_since(session, "lead", lead.id, expected_version,
                                             {**current, "status": lead.status}))
    _not_converted(lead)
    v = lead_values(data)
    errors = lead_errors(v)
    if errors:
        raise ValidationError(errors)
    owner_id = lead.owner_id
    if data.owner_id is not None and data.owner_id != lead.owner_id:
        check_owner(session, actor, data.owner_id, "leads")
        owner_id = data.owner_id
    new = {**v, "owner_id": owner_id}
    before = {f: getattr(lead, f) for f in LEAD_FIELDS}
    changed = [f for f in LEAD_FIELDS if before[f] != new[f]]
    if not changed:
        return _get_info(session, lead.id)
    for f in changed:
        setattr(lead, f, new[f])
    lead.phone_digits = normalize.normalize_phone(v["phone"])
    lead.updated_at = utcnow()
    session.flush()
    audit.record(session, actor.user_id, "lead.update", "lead", lead.id,
                 version=lead.version_id, before={f: before[f] for f in changed},
                 after={f: new[f] for f in changed})
    return _get_info(session, lead.id)


def set_lead_status(session: Session, actor: Actor, lead_id: int, status: str, *,
                    reason: str | None = None) -> LeadInfo:
    """Set a lead's status to new, contacted, qualified or disqualified (which needs
    ``reason``; leaving it clears the reason). 'converted' comes only from convert_lead and
    a converted lead keeps it. Setting the current status again changes nothing."""
    _check_role(actor)
    status = (status or "").strip().lower()
    if status == "converted":
        raise ValidationError("status", "A lead becomes converted by converting it into a "
                                        "customer, not by setting its status.")
    if status not in MANUAL_STATUSES:
        raise ValidationError("status", f"Unknown lead status {status!r}; one of "
                                        f"{', '.join(MANUAL_STATUSES)}.")
    reason = normalize.clean_text(reason)
    if status == "disqualified" and not reason:
        raise ValidationError("reason", "Say why the lead is disqualified.")
    if reason and len(reason) > 200:
        raise ValidationError("reason", f"Reason is too long: {len(reason)} characters, "
                                        "at most 200.")
    lead = _load_lead(session, actor, lead_id, lock=True)
    _not_converted(lead)
    new_reason = reason if status == "disqualified" else None
    if lead.status == status and lead.disqualify_reason == new_reason:
        return _get_info(session, lead.id)
    before = {"status": lead.status, "disqualify_reason": lead.disqualify_reason}
    lead.status, lead.disqualify_reason = status, new_reason
    lead.updated_at = utcnow()
    session.flush()
    audit.record(session, actor.user_id, "lead.status", "lead", lead.id,
                 version=lead.version_id, before=before,
                 after={"status": status, "disqualify_reason": new_reason})
    return _get_info(session, lead.id)


# --------------------------------------------------------------------------- reading

def get_lead(session: Session, actor: Actor, lead_id: int) -> LeadInfo:
    row = session.execute(_info_select().where(
        Lead.id == lead_id, lead_visibility(actor, Lead.owner_id))).first()
    if row is None:
        raise NotFound("lead", lead_id)
    return _info(row)


def list_leads(session: Session, actor: Actor, *, status: str | Sequence[str] | None = None,
               scope: str = "mine", text: str = "", after: int | None = None,
               limit: int = 100) -> LeadPage:
    """One page of the leads ``actor`` may see, newest first. ``scope``: 'mine' (owned by
    the actor), 'team' (owned by the actor's team), 'unassigned' (no owner: managers and
    admins), 'all' (everything visible). ``status`` is one status or several; ``text`` a
    fragment of the name, company, phone, email or WeChat."""
    if scope not in SCOPES:
        raise ValidationError("scope", f"Unknown scope {scope!r}; one of {', '.join(SCOPES)}.")
    if limit < 1:
        raise ValidationError("limit", "A page has at least one row.")
    conds = [lead_visibility(actor, Lead.owner_id)]
    if scope == "mine":
        conds.append(Lead.owner_id == actor.user_id)
    elif scope == "team":
        if actor.team_id is None:
            conds.append(Lead.owner_id == actor.user_id)
        else:
            conds.append(Lead.owner_id.in_(select(User.id).where(User.team_id == actor.team_id)
                                           .scalar_subquery()))
    elif scope == "unassigned":
        conds.append(Lead.owner_id.is_(None))
    if status is not None:
        wanted = (status,) if isinstance(status, str) else tuple(status)
        bad = [s for s in wanted if s not in LEAD_STATUSES]
        if bad:
            raise ValidationError("status", f"Unknown lead status {bad[0]!r}; one of "
                                            f"{', '.join(LEAD_STATUSES)}.")
        conds.append(Lead.status.in_(wanted))
    needle = (text or "").strip()
    if needle:
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        like = [col.ilike(pattern, escape="\\")
                for col in (Lead.contact_name, Lead.company, Lead.email, Lead.wechat)]
        digits = normalize.normalize_phone(needle) if any(c.isdigit() for c in needle) else None
        if digits and len(digits) >= 3:
            like.append(Lead.phone_digits.like(f"%{digits}%"))
        conds.append(or_(*like))
    if after is not None:
        conds.append(Lead.id < after)
    rows = session.execute(_info_select().where(*conds).order_by(Lead.id.desc())
                           .limit(limit + 1)).all()
    out = tuple(_info(r) for r in rows[:limit])
    return LeadPage(out, out[-1].id if len(rows) > limit else None)


# --------------------------------------------------------------------------- conversion

def customer_input_from_lead(lead: Lead | LeadInfo) -> CustomerInput:
    """The customer a lead becomes when the user does not fill the form: its company (or,
    without one, the person), phone, email, region and source."""
    return CustomerInput(name=lead.company or lead.contact_name,
                         kind="company" if lead.company else "person",
                         phone=lead.phone, email=lead.email, region=lead.region,
                         source=lead.source)


def conversion_candidates(session: Session, actor: Actor, lead_id: int) -> list[DuplicateMatch]:
    """Existing customers the lead may already be (same normalised company name, phone
    digits — the customer's or a contact's — as services.customers.find_duplicates): the
    conversion dialog offers them to attach to instead of creating a customer. Searches
    all customers, visible or not, so a rep learns a colleague owns it (撞单)."""
    _check_role(actor)
    lead = _load_lead(session, actor, lead_id, lock=False)
    return find_duplicates(session, customer_input_from_lead(lead))


def _contact_for(session: Session, actor: Actor, customer_id: int, lead: Lead, *,
                 primary: bool) -> int:
    digits = normalize.normalize_phone(lead.phone)
    q = select(Contact.id).where(Contact.customer_id == customer_id,
                                 Contact.name == lead.contact_name)
    q = q.where(Contact.phone_digits == digits) if digits else q
    existing = session.scalar(q.order_by(Contact.id).limit(1))
    if existing is not None:
        return existing
    from services.contacts import add_contact
    return add_contact(session, actor, customer_id, ContactInput(
        name=lead.contact_name, title=lead.title, phone=lead.phone, email=lead.email,
        wechat=lead.wechat, is_primary=primary)).id


def convert_lead(session: Session, actor: Actor, lead_id: int, *,
                 customer: CustomerInput | None = None, existing_customer_id: int | None = None,
                 create_contact: bool = True, opportunity: OpportunityInput | None = None,
                 allow_duplicate: bool = False) -> ConversionResult:
    """Convert a lead in one step (see module rules): into a new customer (``customer``, or
    one made from the lead when neither is given; DuplicateCandidate unless
    ``allow_duplicate``) or into ``existing_customer_id``; plus the lead's person as a
    contact (``create_contact``) and an opportunity (``opportunity``: its customer_id is
    replaced by the customer's). The lead becomes ``converted`` and records the three.
    The new customer and opportunity belong to the lead's owner when that is someone other
    than the actor (a manager converting a team member's lead); otherwise by the usual
    rules."""
    _check_role(actor)
    if customer is not None and existing_customer_id is not None:
        raise ValidationError("customer", "Convert into a new customer or an existing one, "
                                          "not both.")
    lead = _load_lead(session, actor, lead_id, lock=True)
    if lead.status == "converted":
        raise ValidationError("status", f"Lead {lead.contact_name} was converted already "
                                        f"(customer {lead.customer_id}).")
    if lead.status == "disqualified":
        raise ValidationError("status", f"Lead {lead.contact_name} is disqualified "
                                        f"({lead.disqualify_reason}); change its status "
                                        "before converting it.")
    hand_over = lead.owner_id if lead.owner_id not in (None, actor.user_id) else None
    with session.begin_nested():
        created = existing_customer_id is None
        if created:
            data = customer or customer_input_from_lead(lead)
            if hand_over is not None and data.owner_id is None and not data.to_pool:
                data = replace(data, owner_id=hand_over)
            customer_id = create_customer(session, actor, data,
                                          allow_duplicate=allow_duplicate).id
        else:
            c = _load(session, actor, existing_customer_id, lock=False)
            _editable(session, actor, c)
            customer_id = c.id
        contact_id = (_contact_for(session, actor, customer_id, lead, primary=created)
                      if create_contact else None)
        opportunity_id = None
        if opportunity is not None:
            opp = replace(opportunity, customer_id=customer_id)
            if hand_over is not None and opp.owner_id is None:
                opp = replace(opp, owner_id=hand_over)
            opportunity_id = create_opportunity(session, actor, opp).id
        before = {"status": lead.status}
        lead.status = "converted"
        lead.customer_id, lead.contact_id, lead.opportunity_id = (customer_id, contact_id,
                                                                  opportunity_id)
        lead.converted_at = lead.updated_at = utcnow()
        session.flush()
        audit.record(session, actor.user_id, "lead.convert", "lead", lead.id,
                     version=lead.version_id, before=before,
                     after={"status": "converted", "customer_id": customer_id,
                            "contact_id": contact_id, "opportunity_id": opportunity_id,
                            "created_customer": created})
    return ConversionResult(customer_id, contact_id, opportunity_id, created)
