"""Sales reports: the funnel, the weighted forecast and rep performance.

Every figure is aggregated by the database (GROUP BY, window functions both SQLite 3.40 and
PostgreSQL 15 have); Python only merges the few grouped rows that come back.

Definitions (what the numbers mean):

* **Period.** ``ReportFilter.date_from`` … ``date_to`` are local calendar days, both
  included. Timestamps (created, closed, follow-up times) are compared with the local
  midnights turned into UTC; ``tz`` is the user's time zone (None: this computer's).
* **Scope.** A sales rep sees their own opportunities, a sales manager their team's (the
  owners now in the team), an administrator everyone's; ``team_id`` / ``owner_id`` narrow
  it. A team is the owner's current team. Finance and warehouse staff get PermissionDenied.
* **Funnel.** The cohort is the opportunities (in scope) whose *expected close date is in
  the period* — the period's pipeline, as the forecast counts it and as
  ``services.opportunities.list_opportunities`` lists it with ``close_from``/``close_to``
  (``stage_opportunity_filter`` builds that filter for a clicked stage); opportunities
  without an expected close date are in no period. For each stage: ``count``/``amount``
  are the cohort opportunities that are in that stage now; ``reached`` counts those that
  entered that stage *or a later one* (stage_history; skipped stages count as passed, the
  lost stage does not count as "later"); for the lost stage,
  ``reached`` is the number lost. ``conversion_to_next_pct`` = reached(next) / reached(this)
  between consecutive stages of the progression (the last progression stage and the lost
  stage have none). ``avg_days_in_stage`` averages (left − entered) over the cohort's
  finished stays in the stage (a stay still open is not counted).
* **Forecast.** Months are local calendar months. Open opportunities count in the month of
  their expected close date (those without one are left out); ``pipeline_amount`` = their
  amounts, ``weighted_amount`` = Σ amount × probability / 100. ``won_amount`` = won
  opportunities by the month they were closed. ``best_case_amount`` = won + every open
  amount (what the month reaches if all open deals close); ``commit_amount`` = won + open
  commit-marked amounts (what the manager vouches for).
* **Rep performance** for the period: ``new_customers`` = customers the rep created
  (customer.created_by; not merged away as a duplicate) plus customers the rep claimed from
  the public pool (ownership_change 'claim'; a customer released and claimed again counts
  again); ``follow_ups`` = activities the rep logged (occurred_at in the period);
  ``opportunities_created`` = opportunities the rep owns that were created in the period;
  won count/amount, ``win_rate_pct`` = won / (won + lost) closed in the period;
  ``avg_deal_size`` = won amount / won count; ``avg_cycle_days`` = mean of closed − created
  over those won; ``target_attainment_pct`` = won amount / the rep's target for the period
  (services.targets.period_targets).

Money is Decimal: sums are taken in integer cents in SQL (SQLite stores NUMERIC as REAL).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Sequence

from sqlalchemy import (ColumnElement, and_, case, false, func, literal,
                        literal_column, select, true, tuple_, union_all)
from sqlalchemy.orm import Session

from models.crm import Activity
from models.org import Team, User
from models.party import Customer
from models.pipeline import Opportunity, OwnershipChange, Stage, StageHistory
from services.errors import PermissionDenied, ValidationError
from services.money import CENT, cents, money
from services.org import Actor
from services.stages import StageInfo

SALES_ROLES = ("sales", "sales_manager")
TENTH = Decimal("0.1")
MAX_MONTHS = 120

o = Opportunity.__table__
sh = StageHistory.__table__
st = Stage.__table__
usr = User.__table__
tm = Team.__table__


# --------------------------------------------------------------------------- dataclasses

@dataclass(frozen=True)
class ReportFilter:
    date_from: dt.date
    date_to: dt.date                      # included
    team_id: int | None = None
    owner_id: int | None = None
    tz: dt.tzinfo | None = None           # the user's zone; None = this computer's


@dataclass(frozen=True)
class FunnelStage:
    stage: StageInfo
    count: int                            # cohort opportunities in this stage now
    amount: Decimal
    reached: int                          # entered this stage or a later one
    conversion_to_next_pct: Decimal | None
    avg_days_in_stage: Decimal | None


@dataclass(frozen=True)
class Funnel:
    stages: tuple[FunnelStage, ...]
    total_count: int = 0                  # opportunities created in the period
    total_amount: Decimal = Decimal("0.00")


@dataclass(frozen=True)
class ForecastRow:
    month: dt.date                        # first day of the month
    group_id: int | None                  # rep id, team id, or None (company / no team)
    group_name: str
    pipeline_amount: Decimal              # open, expected to close in the month
    weighted_amount: Decimal              # Σ open amount × probability / 100
    best_case_amount: Decimal             # won + all open
    commit_amount: Decimal                # won + open commit-marked
    won_amount: Decimal                   # won, closed in the month
    open_count: int = 0
    won_count: int = 0


@dataclass(frozen=True)
class RepPerformance:
    user_id: int
    name: str
    new_customers: int
    follow_ups: int
    opportunities_created: int
    won_count: int
    won_amount: Decimal
    win_rate_pct: Decimal | None
    avg_deal_size: Decimal | None
    avg_cycle_days: Decimal | None
    target_attainment_pct: Decimal | None
    lost_count: int = 0
    target: Decimal | None = None
    team_id: int | None = None


# --------------------------------------------------------------------------- shared helpers



def pct(part, whole) -> Decimal | None:
    """part / whole × 100 with one decimal (None when whole is 0)."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(TENTH, ROUND_HALF_UP)


def local_midnight(day: dt.date, tz: dt.tzinfo | None) -> dt.datetime:
    """The instant a local calendar day starts, as an aware UTC datetime."""
    if tz is None:
        start = dt.datetime.combine(day, dt.time()).astimezone()
    else:
        start = dt.datetime.combine(day, dt.time(), tzinfo=tz)
    return start.astimezone(dt.timezone.utc)


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(day: dt.date, n: int) -> dt.date:
    y, m = divmod(day.year * 12 + day.month - 1 + n, 12)
    return dt.date(y, m + 1, 1)


def months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """First days of the months from ``first``'s month to ``last``'s month."""
    out, m = [], month_start(first)
    while m <= last:
        out.append(m)
        m = add_months(m, 1)
    return out


def month_bucket(col, months: Sequence[dt.date], *, tz: dt.tzinfo | None = None,
                 timestamp: bool) -> ColumnElement:
    """Index of the month ``col`` falls in (0 … len(months) − 1), as a CASE over the month
    boundaries: portable, and correct for local months of UTC timestamps. Rows must already
    be restricted to the months' range."""
    bounds = [add_months(m, 1) for m in months[:-1]]
    if not bounds:
        return literal(0)
    if timestamp:
        bounds = [local_midnight(b, tz) for b in bounds]
    return case(*[(col < b, i) for i, b in enumerate(bounds)], else_=len(bounds))


def day_range(filt: ReportFilter) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) instants of a report period."""
    check_period(filt)
    return (local_midnight(filt.date_from, filt.tz),
            local_midnight(filt.date_to + dt.timedelta(days=1), filt.tz))


def check_period(filt: ReportFilter) -> None:
    if not isinstance(filt.date_from, dt.date) or not isinstance(filt.date_to, dt.date):
        raise ValidationError("date_from", "Choose the first and the last day of the period.")
    if filt.date_to < filt.date_from:
        raise ValidationError("date_to", f"The period ends ({filt.date_to.isoformat()}) before "
                                         f"it starts ({filt.date_from.isoformat()}).")
    if len(months_between(filt.date_from, filt.date_to)) > MAX_MONTHS:
        raise ValidationError("date_to", f"Choose a period of at most {MAX_MONTHS} months.")


def owner_scope(session: Session, actor: Actor, *, team_id: int | None = None,
                owner_id: int | None = None) -> list[int]:
    """The owners whose figures ``actor`` may see under the filter, as a list of user ids
    (for an administrator without a filter: every user). Report queries filter on this
    list: with the owner-first report indexes each owner is one contiguous range, already
    grouped by owner."""
    if actor.is_admin:
        q = select(User.id)
        if team_id is not None:
            q = q.where(User.team_id == team_id)
        ids = list(session.scalars(q))
    elif actor.is_manager:
        if team_id is not None and team_id != actor.team_id:
            raise PermissionDenied("A sales manager sees the figures of their own team only.")
        if actor.team_id is None:
            ids = [actor.user_id]
        else:
            ids = list(session.scalars(select(User.id).where(User.team_id == actor.team_id)))
    elif actor.role == "sales":
        if team_id is not None and team_id != actor.team_id:
            raise PermissionDenied("A sales rep sees their own figures only.")
        ids = [actor.user_id]
    else:
        raise PermissionDenied("Sales reports are for sales staff and administrators.")
    if owner_id is not None:
        if owner_id not in ids and not actor.is_admin:
            raise PermissionDenied("You may not see this rep's figures.")
        ids = [owner_id] if owner_id in ids else []     # an admin's rep outside the team
    return ids


def _in_scope(col, ids: list[int]) -> list[ColumnElement]:
    return [col.in_(ids) if ids else false()]


def _everyone(actor: Actor, filt: ReportFilter) -> bool:
    """The whole company: queries on period-first indexes then need no owner condition."""
    return actor.is_admin and filt.team_id is None and filt.owner_id is None


def days_between(session: Session, later, earlier) -> ColumnElement:
    """(later − earlier) in days as a float, for two timestamp columns."""
    if session.get_bind().dialect.name == "sqlite":
        return func.julianday(later) - func.julianday(earlier)
    # date_part is double precision (EXTRACT is numeric since PostgreSQL 14, far slower)
    return func.date_part("epoch", later - earlier) / 86400.0


def _days(value) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(TENTH, ROUND_HALF_UP)


def _stage_info(r) -> StageInfo:
    return StageInfo(r.id, r.code, r.name_en, r.name_zh, r.position, r.probability,
                     bool(r.is_won), bool(r.is_lost), bool(r.active))


# --------------------------------------------------------------------------- funnel

def funnel(session: Session, actor: Actor, filt: ReportFilter) -> Funnel:
    """Count, amount, reach, stage-to-stage conversion and days in stage for the
    opportunities expected to close in the period (see the module docstring)."""
    check_period(filt)
    ids = owner_scope(session, actor, team_id=filt.team_id, owner_id=filt.owner_id)
    cohort = [o.c.expected_close_on >= filt.date_from, o.c.expected_close_on <= filt.date_to,
              *([] if _everyone(actor, filt) else _in_scope(o.c.owner_id, ids))]

    all_stages = [_stage_info(r) for r in
                  session.execute(select(st).order_by(st.c.position, st.c.id))]
    current_rows = session.execute(
        select(o.c.stage_id, func.count().label("n"), func.sum(cents(o.c.amount)).label("c"),
               func.min(o.c.id).label("lo"), func.max(o.c.id).label("hi"))
        .where(*cohort).group_by(o.c.stage_id)).all()
    current = {r.stage_id: (r.n, r.c) for r in current_rows}
    id_range = ((min(r.lo for r in current_rows), max(r.hi for r in current_rows))
                if current_rows else None)

    progression_stages = [x for x in all_stages if not x.is_lost]
    positions = sorted({x.position for x in progression_stages})
    position = case(*[(sh.c.stage_id == x.id, x.position) for x in progression_stages],
                    else_=None)
    days = days_between(session, sh.c.left_at, sh.c.entered_at)
    finished = sh.c.left_at.is_not(None)
    if session.get_bind().dialect.name == "postgresql":
        reached_by_position, stays = _funnel_history_pg(
            session, cohort, all_stages, positions, position, days, id_range,
            sum(int(n) for n, _ in current.values()))
    else:
        reached_by_position, stays = _funnel_history_sqlite(session, cohort, all_stages,
                                                            positions, position, days, finished)

    stages = [x for x in all_stages if x.active or x.id in current or x.id in stays]
    progression = [s for s in stages if not s.is_lost]
    lost = [s for s in stages if s.is_lost]

    out: list[FunnelStage] = []
    reached = [reached_by_position[x.position] for x in progression]
    for i, s in enumerate(progression):
        n, c = current.get(s.id, (0, 0))
        conv = pct(reached[i + 1], reached[i]) if i + 1 < len(progression) else None
        out.append(FunnelStage(s, int(n), money(c), reached[i], conv, _days(stays.get(s.id))))
    for s in lost:
        n, c = current.get(s.id, (0, 0))
        out.append(FunnelStage(s, int(n), money(c), int(n), None, _days(stays.get(s.id))))
    return Funnel(tuple(out), sum(int(n) for n, _ in current.values()),
                  money(sum(int(c or 0) for _, c in current.values())))


def _funnel_history_sqlite(session, cohort, all_stages, positions, position, days, finished):
    """Reach by position and average days by stage from the cohort's stage history. The
    history is read through IN (cohort ids): SQLite seeks the history index in opportunity
    order, so the per-opportunity GROUP BY streams; conditional aggregates (one output row)
    instead of GROUP BY stage avoid sorting the rows. Two passes: one query that also
    carried the per-stage sums per opportunity costs SQLite more than the second pass."""
    in_cohort = sh.c.opportunity_id.in_(select(o.c.id).where(*cohort))
    furthest = (select(func.max(position).label("pos")).where(in_cohort)
                .group_by(sh.c.opportunity_id).subquery())
    reach_row = session.execute(select(
        *[func.sum(case((furthest.c.pos >= p, 1), else_=0)) for p in positions])).one()
    stay_row = session.execute(
        select(*[func.avg(case((sh.c.stage_id == x.id, days), else_=None)) for x in all_stages])
        .where(in_cohort, finished)).one()
    return ({p: int(n or 0) for p, n in zip(positions, reach_row)},
            {x.id: avg for x, avg in zip(all_stages, stay_row) if avg is not None})


def _funnel_history_pg(session, cohort, all_stages, positions, position, days, id_range,
                       cohort_size):
    """The same figures in one statement on PostgreSQL. Two plans, by the cohort's id range
    (ids follow creation time, so a period's opportunities are usually a dense id range):

    * dense (the range is at most 4 × the cohort): the history index range of those ids is
      read once (parallel, index-only), hash-joined with the cohort and aggregated by
      opportunity and by stage at once (GROUPING SETS);
    * sparse (old opportunities whose close date moved into the period): a LATERAL
      aggregate per cohort opportunity, each one index-only seek.

    A plain join lets the planner misjudge the cohort and hash all 3M history rows."""
    n = len(positions)
    if id_range is not None and id_range[1] - id_range[0] + 1 <= 4 * max(cohort_size, 1):
        lo, hi = id_range
        g = (select(sh.c.opportunity_id.label("oid"), sh.c.stage_id.label("sid"),
                    func.max(position).label("pos"),
                    func.sum(days).label("d"), func.count(sh.c.left_at).label("n"))
             .select_from(o.join(sh, sh.c.opportunity_id == o.c.id))
             .where(*cohort, sh.c.opportunity_id.between(lo, hi))
             .group_by(func.grouping_sets(tuple_(sh.c.opportunity_id), tuple_(sh.c.stage_id)))
             .subquery())
        per_opp, per_stage = g.c.oid.is_not(None), g.c.oid.is_(None)
        row = session.execute(select(
            *[func.sum(case((and_(per_opp, g.c.pos >= p), 1), else_=0)) for p in positions],
            *[c for x in all_stages
              for c in (func.max(case((and_(per_stage, g.c.sid == x.id), g.c.d))),
                        func.max(case((and_(per_stage, g.c.sid == x.id), g.c.n))))])).one()
    else:
        per_opp = (select(func.max(position).label("pos"),
                          *[c for x in all_stages
                            for c in (func.sum(days).filter(sh.c.stage_id == x.id)
                                      .label(f"d{x.id}"),
                                      func.count(sh.c.left_at).filter(sh.c.stage_id == x.id)
                                      .label(f"n{x.id}"))])
                   .where(sh.c.opportunity_id == o.c.id).lateral("per_opp"))
        row = session.execute(
            select(*[func.sum(case((per_opp.c.pos >= p, 1), else_=0)) for p in positions],
                   *[func.sum(per_opp.c[f"{k}{x.id}"]) for x in all_stages for k in "dn"])
            .select_from(o.join(per_opp, true())).where(*cohort)).one()
    stays = {}
    for i, x in enumerate(all_stages):
        total, count = row[n + 2 * i], row[n + 2 * i + 1]
        if count:
            stays[x.id] = float(total) / int(count)
    return {p: int(v or 0) for p, v in zip(positions, row[:n])}, stays


def stage_opportunity_filter(filt: ReportFilter, stage_id: int):
    """The services.opportunities.OpportunityFilter that lists exactly the opportunities a
    funnel stage counts (click-through from the chart)."""
    from services.opportunities import OpportunityFilter
    return OpportunityFilter(stage_id=stage_id, team_id=filt.team_id, owner_id=filt.owner_id,
                             close_from=filt.date_from, close_to=filt.date_to)


# --------------------------------------------------------------------------- forecast

GROUPS = ("rep", "team", "company")


def forecast(session: Session, actor: Actor, filt: ReportFilter, *,
             group_by: str = "rep") -> list[ForecastRow]:
    """Weighted forecast per expected-close month and rep, team or the whole company
    (see the module docstring). Company rows cover every month of the period; rep and team
    rows only the months where they have something. Sorted by month, then name."""
    if group_by not in GROUPS:
        raise ValidationError("group_by", f"Group the forecast by one of {', '.join(GROUPS)}.")
    start, end = day_range(filt)
    ids = owner_scope(session, actor, team_id=filt.team_id, owner_id=filt.owner_id)
    months = months_between(filt.date_from, filt.date_to)
    amount = cents(o.c.amount)
    zero = literal(0)
    open_q = (select(month_bucket(o.c.expected_close_on, months, timestamp=False).label("b"),
                     o.c.owner_id,
                     func.sum(amount).label("open_c"),
                     func.sum(amount * o.c.probability).label("weighted"),
                     func.sum(case((o.c.is_commit, amount), else_=0)).label("commit_c"),
                     zero.label("won_c"), func.count().label("open_n"), zero.label("won_n"))
              .where(o.c.state == "open", o.c.expected_close_on >= filt.date_from,
                     o.c.expected_close_on <= filt.date_to,
                     *([] if _everyone(actor, filt) else _in_scope(o.c.owner_id, ids)))
              .group_by(literal_column("b"), o.c.owner_id))
    won_q = (select(month_bucket(o.c.closed_at, months, tz=filt.tz, timestamp=True).label("b"),
                    o.c.owner_id, zero, zero, zero, func.sum(amount), zero, func.count())
             .where(o.c.state == "won", o.c.closed_at >= start, o.c.closed_at < end,
                    *_in_scope(o.c.owner_id, ids))
             .group_by(literal_column("b"), o.c.owner_id))
    u = union_all(open_q, won_q).subquery()
    sums = (func.sum(u.c.open_c).label("open_c"), func.sum(u.c.weighted).label("weighted"),
            func.sum(u.c.commit_c).label("commit_c"), func.sum(u.c.won_c).label("won_c"),
            func.sum(u.c.open_n).label("open_n"), func.sum(u.c.won_n).label("won_n"))
    if group_by == "rep":
        q = (select(u.c.b, usr.c.id.label("gid"), usr.c.display_name.label("gname"), *sums)
             .select_from(u.join(usr, usr.c.id == u.c.owner_id))
             .group_by(u.c.b, usr.c.id, usr.c.display_name))
    elif group_by == "team":
        q = (select(u.c.b, tm.c.id.label("gid"), tm.c.name.label("gname"), *sums)
             .select_from(u.join(usr, usr.c.id == u.c.owner_id)
                          .outerjoin(tm, tm.c.id == usr.c.team_id))
             .group_by(u.c.b, tm.c.id, tm.c.name))
    else:
        q = select(u.c.b, literal(None).label("gid"), literal("").label("gname"), *sums
                   ).group_by(u.c.b)
    rows = []
    for r in session.execute(q):
        rows.append(_forecast_row(months[int(r.b)], r.gid,
                                  r.gname if r.gname is not None else "No team", r))
    if group_by == "company":
        have = {row.month for row in rows}
        rows += [_forecast_row(m, None, "", None) for m in months if m not in have]
    rows.sort(key=lambda x: (x.month, x.group_name, x.group_id or 0))
    return rows


def _forecast_row(month: dt.date, gid, gname: str, r) -> ForecastRow:
    if r is None:
        z = Decimal("0.00")
        return ForecastRow(month, gid, gname or "Company", z, z, z, z, z, 0, 0)
    open_c, won_c, commit_c = int(r.open_c or 0), int(r.won_c or 0), int(r.commit_c or 0)
    weighted = (Decimal(int(r.weighted or 0)) / 10000).quantize(CENT, ROUND_HALF_UP)
    return ForecastRow(month, gid, gname or "Company", money(open_c), weighted,
                       money(won_c + open_c), money(won_c + commit_c), money(won_c),
                       int(r.open_n or 0), int(r.won_n or 0))


# --------------------------------------------------------------------------- performance

def rep_performance(session: Session, actor: Actor, filt: ReportFilter) -> list[RepPerformance]:
    """One row per sales rep in scope (and any other owner with figures in the period),
    sorted by won amount, then name. See the module docstring for the definitions."""
    from services.targets import period_targets
    start, end = day_range(filt)
    ids = owner_scope(session, actor, team_id=filt.team_id, owner_id=filt.owner_id)

    c = Customer.__table__
    oc = OwnershipChange.__table__
    a = Activity.__table__
    # Two streaming GROUP BYs (the owner-first indexes hand rows over grouped by user).
    new_customers = Counter(dict(session.execute(
        select(c.c.created_by_id, func.count())
        .where(c.c.created_at >= start, c.c.created_at < end, c.c.merged_into_id.is_(None),
               *_in_scope(c.c.created_by_id, ids))
        .group_by(c.c.created_by_id)).all()))
    new_customers.update(dict(session.execute(
        select(oc.c.to_owner_id, func.count())
        .where(oc.c.reason == "claim", oc.c.at >= start, oc.c.at < end,
               *_in_scope(oc.c.to_owner_id, ids))
        .group_by(oc.c.to_owner_id)).all()))
    follow_ups = dict(session.execute(
        select(a.c.user_id, func.count())
        .where(a.c.occurred_at >= start, a.c.occurred_at < end, *_in_scope(a.c.user_id, ids))
        .group_by(a.c.user_id)).all())
    created = dict(session.execute(
        select(o.c.owner_id, func.count())
        .where(o.c.created_at >= start, o.c.created_at < end, *_in_scope(o.c.owner_id, ids))
        .group_by(o.c.owner_id)).all())
    won = o.c.state == "won"
    closed = {r.owner_id: r for r in session.execute(
        select(o.c.owner_id,
               func.sum(case((won, 1), else_=0)).label("won_n"),
               func.sum(case((won, 0), else_=1)).label("lost_n"),
               func.sum(case((won, cents(o.c.amount)), else_=0)).label("won_c"),
               func.avg(case((won, days_between(session, o.c.closed_at, o.c.created_at)),
                             else_=None)).label("cycle"))
        .where(o.c.state.in_(("won", "lost")), o.c.closed_at >= start, o.c.closed_at < end,
               *_in_scope(o.c.owner_id, ids))
        .group_by(o.c.owner_id))}

    with_figures = set(new_customers) | set(follow_ups) | set(created) | set(closed)
    users = (select(usr.c.id, usr.c.display_name, usr.c.team_id)
             .where(usr.c.id.in_(ids) if ids else false(),
                    (usr.c.role.in_(SALES_ROLES) & usr.c.active)
                    | usr.c.id.in_(with_figures or [-1])))
    people = session.execute(users).all()
    targets = period_targets(session, filt.date_from, filt.date_to,
                             ids=[p.id for p in people])
    out = []
    for p in people:
        r = closed.get(p.id)
        won_n, lost_n = (int(r.won_n), int(r.lost_n)) if r else (0, 0)
        won_c = int(r.won_c or 0) if r else 0
        target = targets.get(p.id)
        out.append(RepPerformance(
            user_id=p.id, name=p.display_name,
            new_customers=int(new_customers.get(p.id, 0)),
            follow_ups=int(follow_ups.get(p.id, 0)),
            opportunities_created=int(created.get(p.id, 0)),
            won_count=won_n, won_amount=money(won_c),
            win_rate_pct=pct(won_n, won_n + lost_n),
            avg_deal_size=(money(Decimal(won_c) / won_n) if won_n else None),
            avg_cycle_days=_days(r.cycle) if r else None,
            target_attainment_pct=(pct(won_c, target * 100) if target else None),
            lost_count=lost_n, target=target, team_id=p.team_id))
    out.sort(key=lambda x: (-x.won_amount, x.name, x.user_id))
    return out


PERFORMANCE_HEADERS = ("Rep", "New customers", "Follow-ups", "Opportunities created",
                       "Won", "Won amount", "Lost", "Win rate %", "Average deal size",
                       "Average cycle (days)", "Target", "Target attainment %")


def export_rep_performance(session: Session, actor: Actor, filt: ReportFilter,
                           path: str | Path, *, headers: Sequence[str] | None = None) -> int:
    """Write ``rep_performance`` to an .xlsx file; returns the number of reps written.
    ``headers`` (12 titles, e.g. translated by the UI) default to PERFORMANCE_HEADERS."""
    from services.export import export_rows
    headers = tuple(headers or PERFORMANCE_HEADERS)
    if len(headers) != len(PERFORMANCE_HEADERS):
        raise ValidationError("headers", f"Give {len(PERFORMANCE_HEADERS)} column titles.")
    rows = [(r.name, r.new_customers, r.follow_ups, r.opportunities_created, r.won_count,
             r.won_amount, r.lost_count, r.win_rate_pct, r.avg_deal_size, r.avg_cycle_days,
             r.target, r.target_attainment_pct)
            for r in rep_performance(session, actor, filt)]
    return export_rows(path, headers, rows, sheet_title="Performance")
