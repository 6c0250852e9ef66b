"""CRM: follow-up activities (more tables arrive with the sales-pipeline issue)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Text, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, utcnow

ACTIVITY_KINDS = ("call", "visit", "wechat", "email", "meeting")


class Activity(Base):
    """A follow-up (跟进记录) with a customer."""

    __tablename__ = "activity"
    __table_args__ = (
        CheckConstraint("kind IN ('call','visit','wechat','email','meeting')", name="kind_known"),
        Index("ix_activity_customer_occurred", "customer_id", "occurred_at"),
        Index("ix_activity_user_next", "user_id", "next_follow_up_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    kind: Mapped[str] = mapped_column(String(10))
    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    notes: Mapped[str] = mapped_column(Text, default="")
    next_follow_up_on: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
