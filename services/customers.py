"""Customers: create/update with validation and duplicate detection, merge, contacts,
follow-ups, the 360° view.

CONTRACT (filled in by the customers work; signatures and dataclasses are fixed so the UI,
import and CLI can be written against them)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from services.org import Actor


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
    # Sections that later modules fill (opportunities, orders, receivables, tickets).
    opportunities: tuple = ()
    orders: tuple = ()
    receivables: tuple = ()
    tickets: tuple = ()


def create_customer(session: Session, actor: Actor, data: CustomerInput, *,
                    allow_duplicate: bool = False) -> CustomerDetail:
    """Validate, check duplicates (raise DuplicateCandidate unless allow_duplicate),
    insert, index for search, audit."""
    raise NotImplementedError


def update_customer(session: Session, actor: Actor, customer_id: int, data: CustomerInput, *,
                    expected_version: int, allow_duplicate: bool = False) -> CustomerDetail:
    """Stale expected_version → Conflict(current=CustomerDetail, changed=fields)."""
    raise NotImplementedError


def find_duplicates(session: Session, data: CustomerInput, *,
                    exclude_id: int | None = None) -> list:
    """DuplicateMatch list on normalized name, phone digits, tax id."""
    raise NotImplementedError


def merge_customers(session: Session, actor: Actor, *, keep_id: int,
                    merge_id: int) -> CustomerDetail:
    raise NotImplementedError


def get_customer(session: Session, actor: Actor, customer_id: int) -> CustomerDetail:
    raise NotImplementedError


def customer_360(session: Session, actor: Actor, customer_id: int, *,
                 timeline_limit: int = 200) -> Customer360:
    raise NotImplementedError


def add_contact(session: Session, actor: Actor, customer_id: int,
                data: ContactInput) -> ContactInfo:
    raise NotImplementedError


def update_contact(session: Session, actor: Actor, contact_id: int, data: ContactInput, *,
                   expected_version: int) -> ContactInfo:
    raise NotImplementedError


def log_follow_up(session: Session, actor: Actor, customer_id: int, *, kind: str,
                  notes: str, occurred_at: dt.datetime | None = None,
                  next_follow_up_on: dt.date | None = None,
                  contact_id: int | None = None) -> ActivityInfo:
    raise NotImplementedError
