"""Parties: customers and their contacts, plus the search index kept beside them."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text,
                        text)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, utcnow

CUSTOMER_KINDS = ("company", "person")
_LISTED = text("merged_into_id IS NULL")


class Customer(Base):
    __tablename__ = "customer"
    __table_args__ = (
        CheckConstraint("kind IN ('company','person')", name="kind_known"),
        Index("ix_customer_owner_id_id", "owner_id", "id"),
        Index("ix_customer_name_norm", "name_norm"),
        Index("ix_customer_phone_digits", "phone_digits"),
        Index("ix_customer_tax_id_norm", "tax_id_norm"),
        Index("ix_customer_region_id", "region", "id"),
        Index("ix_customer_level_id", "level", "id"),
        # Keyset pages and scrollbar jumps in every sort order (services/customer_search.py):
        # only listed (not merged-away) customers, so pages and OFFSET seeks read the index
        # alone.
        *(Index(f"ix_customer_list_{key}", key, "id", sqlite_where=_LISTED,
                postgresql_where=_LISTED)
          for key in ("code", "name", "region", "level", "last_follow_up_at", "updated_at")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10), default="company")
    level: Mapped[str | None] = mapped_column(String(10))      # A/B/C/D
    industry: Mapped[str | None] = mapped_column(String(60))
    source: Mapped[str | None] = mapped_column(String(60))
    region: Mapped[str | None] = mapped_column(String(60))
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(120))
    tax_id: Mapped[str | None] = mapped_column(String(40))
    notes: Mapped[str | None] = mapped_column(Text)
    # Empty owner means the customer is in the public pool (公海).
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    claimed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    last_follow_up_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # A merged-away customer keeps its row so old references resolve; it is hidden from lists.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id"))
    # Normalised keys for duplicate detection (see services/normalize.py).
    name_norm: Mapped[str] = mapped_column(String(200), default="")
    phone_digits: Mapped[str | None] = mapped_column(String(40))
    tax_id_norm: Mapped[str | None] = mapped_column(String(40))
    # Lower-cased, width-folded name/code/contact names/phone digits: the trigram index target.
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version_id}


class Contact(Base):
    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))
    phone_digits: Mapped[str | None] = mapped_column(String(40), index=True)
    email: Mapped[str | None] = mapped_column(String(120))
    wechat: Mapped[str | None] = mapped_column(String(60))
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version_id}


class CustomerSearchToken(Base):
    """Two-character CJK fragments (and single CJK characters) of a customer's searchable
    text. Trigram indexes cannot answer two-character queries such as 华为 or 深圳, which is
    how Chinese users type; this posting table can. Maintained by services/customer_search.py
    in the same transaction as the customer row."""

    __tablename__ = "customer_search_token"
    # On SQLite the posting list is the primary-key b-tree itself (no rowid table beside it).
    __table_args__ = {"sqlite_with_rowid": False}

    token: Mapped[str] = mapped_column(String(8), primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True, index=True)
