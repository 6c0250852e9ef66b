"""Contacts (联系人) of a customer: add and edit, with the customer's edit rights.

Rules: whoever may edit the customer may add and edit its contacts (services.org); a
customer the actor cannot see is NotFound, and so is its contact. A merged-away customer
takes no new contacts. Name is required; phone and email are validated like the
customer's. At most one primary contact per customer: marking one primary unmarks the
others. Edits name the ``version_id`` they loaded (stale → Conflict). Every change is
audited and re-indexes the customer for search (contact names and phones are searchable).
"""
from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.party import Contact
from services import audit, customer_search, normalize
from services.customers import (ContactInfo, ContactInput, _editable, _load, changed_since,
                                contact_info)
from services.errors import Conflict, NotFound, ValidationError
from services.org import Actor

CONTACT_LIMITS = {"name": 100, "title": 100, "phone": 40, "email": 120, "wechat": 60,
                  "notes": 10000}
CONTACT_FIELDS = ("name", "title", "phone", "email", "wechat", "is_primary", "notes")


def _values(data: ContactInput) -> dict:
    clean = normalize.clean_text
    name = clean(data.name)
    return {"name": " ".join(name.split()) if name else None, "title": clean(data.title),
            "phone": clean(data.phone), "email": normalize.normalize_email(data.email),
            "wechat": clean(data.wechat), "is_primary": bool(data.is_primary),
            "notes": clean(data.notes)}


def _validate(v: dict) -> None:
    errors: dict[str, str] = {}
    if not v["name"]:
        errors["name"] = "Contact name is required."
    for name, message in (("phone", normalize.validate_phone(v["phone"])),
                          ("email", normalize.validate_email(v["email"]))):
        if message:
            errors[name] = message
    for name, limit in CONTACT_LIMITS.items():
        if v[name] and len(v[name]) > limit and name not in errors:
            errors[name] = f"{name.capitalize()} is too long: {len(v[name])} characters, " \
                           f"at most {limit}."
    if errors:
        raise ValidationError(errors)


def _unmark_other_primaries(session: Session, customer_id: int, keep_id: int) -> None:
    # Bump their versions: a form still showing one of them as primary is now stale.
    session.execute(update(Contact)
                    .where(Contact.customer_id == customer_id, Contact.id != keep_id,
                           Contact.is_primary.is_(True))
                    .values(is_primary=False, version_id=Contact.version_id + 1)
                    .execution_options(synchronize_session="fetch"))


def add_contact(session: Session, actor: Actor, customer_id: int,
                data: ContactInput) -> ContactInfo:
    """Add a contact to a customer the actor may edit (see module rules)."""
    customer = _load(session, actor, customer_id, lock=False)
    _editable(session, actor, customer)
    v = _values(data)
    _validate(v)
    contact = Contact(customer_id=customer.id, phone_digits=normalize.normalize_phone(v["phone"]),
                      **v)
    session.add(contact)
    session.flush()
    if contact.is_primary:
        _unmark_other_primaries(session, customer.id, contact.id)
    customer_search.refresh_search_index(session, [customer.id])
    audit.record(session, actor.user_id, "contact.add", "contact", contact.id,
                 customer_id=customer.id, version=contact.version_id,
                 after={f: x for f, x in v.items() if x not in (None, False)})
    return contact_info(contact)


def update_contact(session: Session, actor: Actor, contact_id: int, data: ContactInput, *,
                   expected_version: int) -> ContactInfo:
    """Save a contact form over the contact: every field is replaced. Stale
    ``expected_version`` → Conflict(current=ContactInfo, changed=fields)."""
    contact = session.scalar(select(Contact).where(Contact.id == contact_id)
                             .with_for_update().execution_options(populate_existing=True))
    if contact is None:
        raise NotFound("contact", contact_id)
    try:
        customer = _load(session, actor, contact.customer_id, lock=False)
    except NotFound:
        raise NotFound("contact", contact_id) from None
    _editable(session, actor, customer)
    if contact.version_id != expected_version:
        current = {f: getattr(contact, f) for f in CONTACT_FIELDS}
        raise Conflict(f"Contact {contact.name} of {customer.code} was changed by someone "
                       "else since you opened it.", current=contact_info(contact),
                       changed=changed_since(session, "contact", contact.id,
                                             expected_version, current))
    v = _values(data)
    _validate(v)
    before = {f: getattr(contact, f) for f in CONTACT_FIELDS}
    changed = [f for f in CONTACT_FIELDS if before[f] != v[f]]
    if not changed:
        return contact_info(contact)
    for f in changed:
        setattr(contact, f, v[f])
    contact.phone_digits = normalize.normalize_phone(v["phone"])
    session.flush()
    if contact.is_primary and "is_primary" in changed:
        _unmark_other_primaries(session, customer.id, contact.id)
    if {"name", "phone"} & set(changed):
        customer_search.refresh_search_index(session, [customer.id])
    audit.record(session, actor.user_id, "contact.update", "contact", contact.id,
                 customer_id=customer.id, version=contact.version_id,
                 before={f: before[f] for f in changed}, after={f: v[f] for f in changed})
    return contact_info(contact)
