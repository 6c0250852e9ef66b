"""The "Today" workbench: what a sales rep (or a manager, for the team) should act on today.

Buckets:
- ``overdue_follow_ups``: customers whose *latest* follow-up (by time, then id) set a next
  follow-up date before today — a later follow-up replaces the reminder, with or without a
  date of its own. Oldest first.
- ``due_follow_ups``: the same with the next follow-up date today.
- ``closing_this_month``: open opportunities expected to close in the current month.
- ``returning_to_pool``: customers about to go back to the public pool
  (services.pool.due_for_pool, within 3 days, in that function's scope: an administrator
  sees every owned customer there).

Whose: customers and opportunities owned by the actor; for a sales manager, by anyone in the
manager's team. Merged-away customers are left out. Each bucket holds at most ``limit`` rows
(the ``*_total`` fields give the full counts).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from models.crm import Activity
from models.org import User
from models.party import Customer
from models.pipeline import Opportunity, Stage
from services.org import Actor, team_member_ids
from services.pipeline_reports import CENT, add_months
from services.pool import PoolDueRow, due_for_pool

POOL_DAYS_AHEAD = 3


@dataclass(frozen=True)
class FollowUpRow:
    customer_id: int
    customer_code: str
    customer_name: str
    owner_id: int | None
    owner_name: str | None
    next_follow_up_on: dt.date
    days_overdue: int                     # 0 when due today
    last_activity_id: int
    last_activity_at: dt.datetime
    last_activity_kind: str
    last_notes: str


@dataclass(frozen=True)
class ClosingRow:
    opportunity_id: int
    customer_id: int
    customer_name: str
    title: str
    amount: Decimal
    expected_close_on: dt.date
    stage_id: int
    stage_code: str
    stage_name_en: str
    stage_name_zh: str
    probability: int
    owner_id: int
    owner_name: str


@dataclass(frozen=True)
class Workbench:
    overdue_follow_ups: tuple[FollowUpRow, ...]
    due_follow_ups: tuple[FollowUpRow, ...]
    closing_this_month: tuple[ClosingRow, ...]
    returning_to_pool: tuple[PoolDueRow, ...]
    today: dt.date | None = None
    overdue_total: int = 0
    due_total: int = 0
    closing_total: int = 0


def owners_for(session: Session, actor: Actor) -> list[int]:
    """Whose customers the workbench shows: the actor's, or the team's for a manager."""
    if actor.is_manager:
        return team_member_ids(session, actor)
    return [actor.user_id]


def _follow_ups(session: Session, owners: list[int], today: dt.date, *,
                limit: int) -> tuple[tuple[FollowUpRow, ...], int, tuple[FollowUpRow, ...], int]:
    """(overdue rows, overdue total, due-today rows, due total) in one pass over the owned
    customers: each customer's latest follow-up by (occurred_at, id) descending is one
    index seek (ix_activity_customer_occurred); window functions number and count the two
    buckets."""
    c = Customer.__table__
    a = Activity.__table__
    later = aliased(Activity)
    owner = User.__table__
    latest_id = (select(later.id).where(later.customer_id == c.c.id)
                 .order_by(later.occurred_at.desc(), later.id.desc()).limit(1)
                 .correlate(c).scalar_subquery())
    bucket = case((a.c.next_follow_up_on < today, 0), else_=1)       # 0 overdue, 1 today
    sub = (select(c.c.id, c.c.code, c.c.name, c.c.owner_id, owner.c.display_name,
                  a.c.next_follow_up_on, a.c.id.label("aid"), a.c.occurred_at, a.c.kind,
                  a.c.notes, bucket.label("bucket"),
                  func.row_number().over(partition_by=bucket,
                                         order_by=(a.c.next_follow_up_on, c.c.name, c.c.id))
                  .label("rn"),
                  func.count().over(partition_by=bucket).label("total"))
           .select_from(c.join(a, a.c.id == latest_id)
                        .outerjoin(owner, owner.c.id == c.c.owner_id))
           .where(c.c.owner_id.in_(owners), c.c.merged_into_id.is_(None),
                  a.c.next_follow_up_on <= today)).subquery()
    rows = session.execute(select(sub).where(sub.c.rn <= limit)
                           .order_by(sub.c.bucket, sub.c.rn)).all()
    out: dict[int, list[FollowUpRow]] = {0: [], 1: []}
    totals = {0: 0, 1: 0}
    for r in rows:
        totals[r.bucket] = int(r.total)
        out[r.bucket].append(FollowUpRow(
            r.id, r.code, r.name, r.owner_id, r.display_name, r.next_follow_up_on,
            (today - r.next_follow_up_on).days, r.aid, r.occurred_at, r.kind, r.notes))
    return tuple(out[0]), totals[0], tuple(out[1]), totals[1]


def _closing(session: Session, owners: list[int], today: dt.date,
             limit: int) -> tuple[tuple[ClosingRow, ...], int]:
    o = Opportunity.__table__
    st = Stage.__table__
    c = Customer.__table__
    u = User.__table__
    first, nxt = today.replace(day=1), add_months(today, 1)
    cond = [o.c.owner_id.in_(owners), o.c.state == "open",
            o.c.expected_close_on >= first, o.c.expected_close_on < nxt]
    total = session.scalar(select(func.count()).select_from(o).where(*cond))
    rows = session.execute(
        select(o.c.id, o.c.customer_id, c.c.name.label("customer_name"), o.c.title, o.c.amount,
               o.c.expected_close_on, o.c.stage_id, st.c.code, st.c.name_en, st.c.name_zh,
               o.c.probability, o.c.owner_id, u.c.display_name)
        .select_from(o.join(c, c.c.id == o.c.customer_id).join(st, st.c.id == o.c.stage_id)
                     .join(u, u.c.id == o.c.owner_id))
        .where(*cond).order_by(o.c.expected_close_on, o.c.amount.desc(), o.c.id).limit(limit)
    ).all()
    return tuple(ClosingRow(r.id, r.customer_id, r.customer_name, r.title,
                            Decimal(r.amount).quantize(CENT), r.expected_close_on, r.stage_id,
                            r.code, r.name_en, r.name_zh, r.probability, r.owner_id,
                            r.display_name) for r in rows), int(total or 0)


def today(session: Session, actor: Actor, *, today: dt.date | None = None,
          now: dt.datetime | None = None, limit: int = 200) -> Workbench:
    """The actor's workbench for ``today`` (the user's local date; default this computer's).
    ``now`` (aware) is the instant the pool rules count from (default: now)."""
    day = today or dt.date.today()
    owners = owners_for(session, actor)
    overdue, n_overdue, due, n_due = _follow_ups(session, owners, day, limit=limit)
    closing, n_closing = _closing(session, owners, day, limit)
    returning = tuple(due_for_pool(session, actor, within_days=POOL_DAYS_AHEAD, now=now,
                                   limit=limit))
    return Workbench(overdue, due, closing, returning, day, n_overdue, n_due, n_closing)
