"""Sales pipeline: stages, leads, opportunities and their stage history, sales targets,
and the customer ownership history the public pool keeps."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, Numeric,
                        String, Text, UniqueConstraint, func, text)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, utcnow

LEAD_STATUSES = ("new", "contacted", "qualified", "disqualified", "converted")
OWNERSHIP_REASONS = ("create", "claim", "release", "assign", "sweep_no_follow_up",
                     "sweep_no_deal", "merge", "import")
TARGET_PERIODS = ("month", "quarter", "year")


class Stage(Base):
    """A configurable opportunity stage. Defaults (seeded by the migration): 初步接触 10%,
    需求确认 30%, 方案报价 50%, 商务谈判 70%, 赢单 100%, 输单 0%."""

    __tablename__ = "stage"
    __table_args__ = (
        CheckConstraint("probability >= 0 AND probability <= 100", name="probability_range"),
        CheckConstraint("NOT (is_won AND is_lost)", name="won_xor_lost"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    name_en: Mapped[str] = mapped_column(String(60))
    name_zh: Mapped[str] = mapped_column(String(60))
    position: Mapped[int] = mapped_column(Integer)
    probability: Mapped[int] = mapped_column(Integer)      # default probability, percent
    is_won: Mapped[bool] = mapped_column(Boolean, default=False)
    is_lost: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Lead(Base):
    __tablename__ = "lead"
    __table_args__ = (
        CheckConstraint("status IN ('new','contacted','qualified','disqualified','converted')",
                        name="status_known"),
        Index("ix_lead_owner_status", "owner_id", "status", "id"),
        Index("ix_lead_phone_digits", "phone_digits"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_name: Mapped[str] = mapped_column(String(100))
    company: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))
    phone_digits: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(120))
    wechat: Mapped[str | None] = mapped_column(String(60))
    source: Mapped[str | None] = mapped_column(String(60))
    region: Mapped[str | None] = mapped_column(String(60))
    enquiry: Mapped[str | None] = mapped_column(Text)      # what they asked for
    status: Mapped[str] = mapped_column(String(15), default="new")
    disqualify_reason: Mapped[str | None] = mapped_column(String(200))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id"))
    opportunity_id: Mapped[int | None] = mapped_column(
        ForeignKey("opportunity.id"))
    converted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version_id}


class Opportunity(Base):
    __tablename__ = "opportunity"
    __table_args__ = (
        CheckConstraint("amount >= 0", name="amount_not_negative"),
        CheckConstraint("probability >= 0 AND probability <= 100", name="probability_range"),
        CheckConstraint("state IN ('open','won','lost')", name="state_known"),
        Index("ix_opportunity_owner_state_close", "owner_id", "state", "expected_close_on"),
        Index("ix_opportunity_stage_state", "stage_id", "state"),
        # with state and close time: the pool's "won a deal since the claim" test for a
        # customer reads this index alone (services/pool.py)
        Index("ix_opportunity_customer", "customer_id", "state", "closed_at"),
        Index("ix_opportunity_close", "expected_close_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    title: Mapped[str] = mapped_column(String(200))
    amount: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=Decimal("0"))
    expected_close_on: Mapped[dt.date | None] = mapped_column(Date)
    owner_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id"))
    probability: Mapped[int] = mapped_column(Integer)
    # Denormalised from the stage for SQL aggregates: open | won | lost.
    state: Mapped[str] = mapped_column(String(10), default="open")
    is_commit: Mapped[bool] = mapped_column(Boolean, default=False)   # manager-marked commit
    products_of_interest: Mapped[str | None] = mapped_column(Text)
    lost_reason: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version_id}


class StageHistory(Base):
    """When an opportunity entered and left each stage (left_at NULL = current stage)."""

    __tablename__ = "stage_history"
    __table_args__ = (
        Index("ix_stage_history_opportunity", "opportunity_id", "entered_at"),
        Index("ix_stage_history_stage_entered", "stage_id", "entered_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(ForeignKey("opportunity.id", ondelete="CASCADE"))
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id"))
    entered_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    left_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class SalesTarget(Base):
    """A target for one rep (user_id) or one team (team_id) for a month, quarter or year
    starting at period_start (the first day of the period)."""

    __tablename__ = "sales_target"
    __table_args__ = (
        CheckConstraint("period IN ('month','quarter','year')", name="period_known"),
        CheckConstraint("(user_id IS NULL) <> (team_id IS NULL)", name="rep_or_team"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
        UniqueConstraint("period", "period_start", "user_id", "team_id",
                         name="uq_sales_target_period_owner"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(10))
    period_start: Mapped[dt.date] = mapped_column(Date)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"))
    amount: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version_id}


class OwnershipChange(Base):
    """Every change of a customer's owner (claim, release, assign, pool sweep …)."""

    __tablename__ = "ownership_change"
    __table_args__ = (
        Index("ix_ownership_change_customer", "customer_id", "at"),
        Index("ix_ownership_change_from_owner", "from_owner_id", "reason", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    from_owner_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    to_owner_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    reason: Mapped[str] = mapped_column(String(30))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    note: Mapped[str | None] = mapped_column(String(200))


# Indexes the sales reports read (services/pipeline_reports.py, services/targets.py): each
# report query is a range scan of one of these, covering the columns it aggregates, so the
# funnel, forecast, performance and attainment stay fast at 1,000,000 opportunities
# (bench/pipeline.py). The customer and activity ones live here because only the reports
# need them.
from models.crm import Activity  # noqa: E402
from models.party import Customer  # noqa: E402

REPORT_INDEXES = (
    # funnel (expected close in the period, any state) and forecast (open ones): the period
    # first, so the whole company's cohort is one index-only range (id too: PostgreSQL
    # indexes do not carry the key the funnel joins the stage history on)
    Index("ix_opportunity_report_close", Opportunity.expected_close_on, Opportunity.owner_id,
          Opportunity.state, Opportunity.stage_id, Opportunity.probability,
          Opportunity.is_commit, Opportunity.amount, Opportunity.id),
    # The others owner first: those reports filter on a list of owners (a rep, a team, or
    # all users) and group by owner, so each owner's rows are one contiguous, already
    # grouped range.
    # won/lost in the period: forecast won, performance, attainment, trend
    Index("ix_opportunity_report_closed", Opportunity.owner_id, Opportunity.state,
          Opportunity.closed_at, Opportunity.amount, Opportunity.created_at),
    # opportunities created in the period (performance)
    Index("ix_opportunity_report_created", Opportunity.owner_id, Opportunity.created_at),
    # the funnel's reach and days in stage for a cohort of opportunities
    Index("ix_stage_history_report", StageHistory.opportunity_id, StageHistory.stage_id,
          StageHistory.entered_at, StageHistory.left_at),
    # follow-ups logged in the period (performance)
    Index("ix_activity_report_user", Activity.user_id, Activity.occurred_at),
    # customers created in the period (performance: new customers)
    Index("ix_customer_report_created", Customer.created_by_id, Customer.created_at,
          Customer.merged_into_id),
    # claims in the period (performance: new customers)
    Index("ix_ownership_change_report", OwnershipChange.to_owner_id, OwnershipChange.reason,
          OwnershipChange.at, OwnershipChange.customer_id),
)


# The public-pool clocks (services/pool.py) on PostgreSQL, and the indexes built on exactly
# these expressions: PostgreSQL uses an expression index only for an identical expression,
# so the sweep and the index share this code. (SQLite keeps the sweep's portable CASE form
# and no such index: it cannot reflect expression indexes, and its sweep is within target.)

def pool_follow_up_start(c=Customer.__table__):
    """When the no-follow-up clock starts: the later of the last follow-up and the claim;
    the creation when neither (services.customers.days_until_pool). PostgreSQL's GREATEST
    skips NULLs."""
    return func.coalesce(func.greatest(c.c.last_follow_up_at, c.c.claimed_at), c.c.created_at)


def pool_deal_start(c=Customer.__table__):
    """When the no-won-deal clock starts: the claim, or the creation when never claimed."""
    return func.coalesce(c.c.claimed_at, c.c.created_at)


# Owned, live customers only: the sweep's own update (owner → NULL) leaves these indexes
# alone (a row that stops matching the predicate gets no new entry), and the sweep finds its
# candidates as one range of each instead of visiting every owned customer (bench/pipeline.py).
POOL_OWNED = text("owner_id IS NOT NULL AND merged_into_id IS NULL")
POOL_INDEXES = tuple(
    Index(name, start, Customer.level, postgresql_where=POOL_OWNED).ddl_if(dialect="postgresql")
    for name, start in (("ix_customer_pool_follow_up", pool_follow_up_start()),
                        ("ix_customer_pool_deal", pool_deal_start())))
