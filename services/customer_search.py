"""Customer lists and search: keyset pages, filters, the search index.

CONTRACT (filled in by the search work; signatures and dataclasses are fixed)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy.orm import Session

from services.org import Actor

SORT_KEYS = ("code", "name", "region", "level", "last_follow_up_at", "updated_at")


@dataclass(frozen=True)
class CustomerFilter:
    scope: str = "all"            # 'mine' | 'pool' | 'team' | 'all' (all = everything the actor may see)
    level: str | None = None
    region: str | None = None
    text: str = ""                # any fragment of name, code, phone, contact name


@dataclass(frozen=True)
class CustomerRow:
    id: int
    code: str
    name: str
    kind: str
    level: str | None
    region: str | None
    industry: str | None
    phone: str | None
    owner_id: int | None
    owner_name: str | None
    last_follow_up_at: dt.datetime | None
    updated_at: dt.datetime


@dataclass(frozen=True)
class CustomerPage:
    rows: tuple[CustomerRow, ...]
    next_key: tuple | None        # pass as ``after`` for the following page; None at the end


def build_search_text(*, name: str, code: str, phone: str | None,
                      contact_names: Iterable[str] = (), contact_phones: Iterable[str] = (),
                      email: str | None = None) -> str:
    raise NotImplementedError


def refresh_search_index(session: Session, customer_ids: Iterable[int]) -> None:
    """Recompute customer.search_text and the CJK token rows for these customers (call in
    the same transaction after any change to name, code, phone or contacts)."""
    raise NotImplementedError


def list_customers(session: Session, actor: Actor, filt: CustomerFilter, *,
                   sort: str = "code", descending: bool = False, after: tuple | None = None,
                   limit: int = 100) -> CustomerPage:
    raise NotImplementedError


def count_customers(session: Session, actor: Actor, filt: CustomerFilter, *,
                    cap: int | None = None) -> int:
    """Exact count, or ``cap`` when there are at least that many (cheap for big results)."""
    raise NotImplementedError


def seek_key(session: Session, actor: Actor, filt: CustomerFilter, *, sort: str = "code",
             descending: bool = False, offset: int) -> tuple | None:
    """The keyset key of the row just before ``offset`` (None for offset 0): lets a windowed
    list jump to any scroll position and continue with keyset pages from there."""
    raise NotImplementedError
