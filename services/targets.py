"""Sales targets per rep and per team for a month, quarter or year, and their attainment.

Rules:
- An administrator sets targets for anyone; a sales manager for their own team and its
  members; nobody else sets targets. ``set_target`` replaces the target of the same
  period and rep/team (one row each).
- ``period_start`` is the first day of the period: the 1st of a month; 1 January, April,
  July or October for a quarter; 1 January for a year.
- The target of a period is the one set for exactly that period; when none is set, the sum
  of the month targets set for the months the period covers (so twelve month targets make
  a year target), else none.
- Attainment is measured on the basis in the setting ``targets.basis``: 'won' (won
  opportunities by the local day they were closed; computable now); 'orders' (signed
  orders) and 'cash' (cash collected) need the orders and finance modules and raise
  ValidationError until those exist.
- A team's achievement is the sum over the owners now in the team. Reps see their own row,
  managers their team and its reps, administrators everyone. Ranks (1 = best) order the
  rows of one kind by attainment %, ties sharing a rank; rows without a target have none.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import (BigInteger, Integer, and_, case, cast, func, literal, literal_column,
                        null, or_, select, union_all)
from sqlalchemy.orm import Session

from models.base import utcnow
from models.org import Team, User
from models.pipeline import TARGET_PERIODS, SalesTarget
from models.system import Setting
from services import audit
from services.errors import NotFound, PermissionDenied, ValidationError
from services.org import Actor
from services.pipeline_reports import (SALES_ROLES, _in_scope, add_months,
                                       cents, local_midnight, money, month_bucket,
                                       months_between, o, owner_scope, pct, tm, usr)

BASIS_SETTING = "targets.basis"
BASES = ("won", "orders", "cash")
_BASIS_NEEDS = {"orders": "signed orders need the orders module",
                "cash": "cash collected needs the finance module"}
PERIOD_MONTHS = {"month": 1, "quarter": 3, "year": 12}

t = SalesTarget.__table__


@dataclass(frozen=True)
class TargetInfo:
    id: int
    period: str                           # month | quarter | year
    period_start: dt.date
    user_id: int | None
    team_id: int | None
    name: str                             # the rep's or the team's name
    amount: Decimal
    updated_at: dt.datetime
    version_id: int


@dataclass(frozen=True)
class AttainmentRow:
    kind: str                             # 'rep' | 'team'
    id: int
    name: str
    target: Decimal | None
    achieved: Decimal
    pct: Decimal | None                   # achieved / target × 100, one decimal
    rank: int | None                      # 1 = best within the kind; None without a target


@dataclass(frozen=True)
class TrendPoint:
    month: dt.date                        # first day of the month
    target: Decimal | None
    achieved: Decimal
    pct: Decimal | None


# --------------------------------------------------------------------------- periods

def period_end(period: str, period_start: dt.date) -> dt.date:
    """Last day (included) of a period."""
    return add_months(period_start, PERIOD_MONTHS[period]) - dt.timedelta(days=1)


def check_period(period: str, period_start) -> None:
    if period not in TARGET_PERIODS:
        raise ValidationError("period", f"Unknown period {period!r}; use one of "
                                        f"{', '.join(TARGET_PERIODS)}.")
    if not isinstance(period_start, dt.date) or isinstance(period_start, dt.datetime):
        raise ValidationError("period_start", "Give the first day of the period as a date.")
    ok = period_start.day == 1 and (
        period == "month" or (period == "quarter" and period_start.month in (1, 4, 7, 10))
        or (period == "year" and period_start.month == 1))
    if not ok:
        first = {"month": "the 1st of a month",
                 "quarter": "1 January, 1 April, 1 July or 1 October",
                 "year": "1 January"}[period]
        raise ValidationError("period_start", f"A {period} starts on {first}, not "
                                              f"{period_start.isoformat()}.")


def exact_period(date_from: dt.date, date_to: dt.date) -> tuple[str, dt.date] | None:
    """('year'|'quarter'|'month', start) when the days are exactly one such period."""
    for period in ("year", "quarter", "month"):
        try:
            check_period(period, date_from)
        except ValidationError:
            continue
        if period_end(period, date_from) == date_to:
            return period, date_from
    return None


def period_targets(session: Session, date_from: dt.date, date_to: dt.date, *,
                   kind: str = "rep", ids=None) -> dict[int, Decimal]:
    """Targets for a period (see the module rules) of reps (``kind`` 'rep', keyed by user id)
    or teams ('team', keyed by team id), for ``ids`` (None: all). Two grouped queries."""
    col = t.c.user_id if kind == "rep" else t.c.team_id
    if ids is not None and not ids:
        return {}
    scope = [col.is_not(None), *([] if ids is None else [col.in_(list(ids))])]
    out: dict[int, Decimal] = {}
    exact = exact_period(date_from, date_to)
    if exact and exact[0] != "month":
        for key, c in session.execute(select(col, cents(t.c.amount))
                                      .where(t.c.period == exact[0],
                                             t.c.period_start == exact[1], *scope)):
            out[key] = money(c)
    first = date_from.replace(day=1)
    for key, c in session.execute(select(col, func.sum(cents(t.c.amount)))
                                  .where(t.c.period == "month", t.c.period_start >= first,
                                         t.c.period_start <= date_to, *scope)
                                  .group_by(col)):
        out.setdefault(key, money(c))
    return out


# --------------------------------------------------------------------------- basis

def get_basis(session: Session) -> str:
    value = session.scalar(select(Setting.value).where(Setting.key == BASIS_SETTING))
    return value if isinstance(value, str) and value else "won"


def set_basis(session: Session, actor: Actor, basis: str) -> str:
    """Administrator only. 'orders' and 'cash' may be chosen ahead of their modules;
    attainment then explains what is missing."""
    if not actor.is_admin:
        raise PermissionDenied("Only an administrator chooses how targets are measured.")
    if basis not in BASES:
        raise ValidationError("basis", f"Unknown basis {basis!r}; use one of {', '.join(BASES)}.")
    row = session.get(Setting, BASIS_SETTING)
    if row is None:
        session.add(Setting(key=BASIS_SETTING, value=basis))
    else:
        row.value = basis
    audit.record(session, actor.user_id, "setting.save", "setting", None,
                 key=BASIS_SETTING, value=basis)
    return basis


def _require_won_basis(session: Session) -> None:
    basis = get_basis(session)
    if basis == "won":
        return
    if basis in _BASIS_NEEDS:
        raise ValidationError(BASIS_SETTING, f"Targets are set to be measured on {basis!r}, but "
                                             f"{_BASIS_NEEDS[basis]}, which is not installed yet; "
                                             "set targets.basis to 'won' for now.")
    raise ValidationError(BASIS_SETTING, f"Unknown targets.basis {basis!r} in the settings; "
                                         f"use one of {', '.join(BASES)}.")


# --------------------------------------------------------------------------- targets

def _info(session: Session, target: SalesTarget) -> TargetInfo:
    if target.user_id is not None:
        name = session.scalar(select(User.display_name).where(User.id == target.user_id))
    else:
        name = session.scalar(select(Team.name).where(Team.id == target.team_id))
    return TargetInfo(target.id, target.period, target.period_start, target.user_id,
                      target.team_id, name or "", money(target.amount * 100),
                      target.updated_at, target.version_id)


def _may_set(session: Session, actor: Actor, user_id: int | None, team_id: int | None) -> None:
    if actor.is_admin:
        return
    if not actor.is_manager or actor.team_id is None:
        raise PermissionDenied("Only sales managers (for their team) and administrators "
                               "set targets.")
    if team_id is not None and team_id != actor.team_id:
        raise PermissionDenied("A sales manager sets targets for their own team only.")
    if user_id is not None:
        member_team = session.scalar(select(User.team_id).where(User.id == user_id))
        if member_team != actor.team_id:
            raise PermissionDenied("A sales manager sets targets for their own team's reps only.")


def set_target(session: Session, actor: Actor, *, period: str, period_start: dt.date,
               amount, user_id: int | None = None, team_id: int | None = None) -> TargetInfo:
    """Set (create or replace) the target of one rep or one team for one period."""
    check_period(period, period_start)
    errors: dict[str, str] = {}
    if (user_id is None) == (team_id is None):
        errors["user_id"] = "Set a target for either a rep or a team."
    try:
        value = Decimal(str(amount)).quantize(Decimal("0.01"))
        if not value.is_finite() or value < 0 or value >= Decimal("1e12"):
            raise ValueError
    except (ArithmeticError, ValueError):
        errors["amount"] = f"The target amount {amount!r} is not an amount of money ≥ 0."
        value = None
    if user_id is not None and session.get(User, user_id) is None:
        errors["user_id"] = f"There is no user {user_id}."
    if team_id is not None and session.get(Team, team_id) is None:
        errors["team_id"] = f"There is no team {team_id}."
    if errors:
        raise ValidationError(errors)
    _may_set(session, actor, user_id, team_id)
    owner = (SalesTarget.user_id == user_id if user_id is not None
             else SalesTarget.team_id == team_id)
    target = session.scalar(select(SalesTarget).where(
        SalesTarget.period == period, SalesTarget.period_start == period_start, owner))
    before = None
    if target is None:
        target = SalesTarget(period=period, period_start=period_start, user_id=user_id,
                             team_id=team_id, amount=value, updated_at=utcnow())
        session.add(target)
    else:
        before = str(money(target.amount * 100))
        target.amount = value
        target.updated_at = utcnow()
    session.flush()
    audit.record(session, actor.user_id, "target.set", "sales_target", target.id,
                 period=period, period_start=period_start, user_id=user_id, team_id=team_id,
                 amount=str(value), before=before)
    return _info(session, target)


def delete_target(session: Session, actor: Actor, target_id: int) -> None:
    target = session.get(SalesTarget, target_id)
    if target is None:
        raise NotFound("sales target", target_id)
    _may_set(session, actor, target.user_id, target.team_id)
    audit.record(session, actor.user_id, "target.delete", "sales_target", target.id,
                 period=target.period, period_start=target.period_start,
                 user_id=target.user_id, team_id=target.team_id, amount=str(target.amount))
    session.delete(target)
    session.flush()


def _visible_targets(session: Session, actor: Actor):
    """(user ids, team ids) whose targets ``actor`` sees; None = all."""
    if actor.is_admin:
        return None, None
    if actor.role not in SALES_ROLES:
        raise PermissionDenied("Targets are for sales staff and administrators.")
    if actor.is_manager and actor.team_id is not None:
        members = list(session.scalars(select(User.id).where(User.team_id == actor.team_id)))
        return members, [actor.team_id]
    return [actor.user_id], ([actor.team_id] if actor.team_id is not None else [])


def list_targets(session: Session, actor: Actor, *, period: str,
                 period_start: dt.date) -> list[TargetInfo]:
    """The targets set for exactly this period that ``actor`` may see: teams first, then
    reps, by name."""
    check_period(period, period_start)
    users, teams = _visible_targets(session, actor)
    q = select(SalesTarget).where(SalesTarget.period == period,
                                  SalesTarget.period_start == period_start)
    if users is not None:
        q = q.where(or_(SalesTarget.user_id.in_(users or [-1]),
                        SalesTarget.team_id.in_(teams or [-1])))
    out = [_info(session, x) for x in session.scalars(q)]
    out.sort(key=lambda x: (x.user_id is not None, x.name, x.id))
    return out


# --------------------------------------------------------------------------- attainment

def attainment(session: Session, actor: Actor, *, period: str, period_start: dt.date,
               tz: dt.tzinfo | None = None) -> list[AttainmentRow]:
    """Target, achieved (won amount closed in the period), % and rank for each rep and team
    ``actor`` may see: reps first, then teams, each by rank (unranked last, by achieved)."""
    check_period(period, period_start)
    _require_won_basis(session)
    last = period_end(period, period_start)
    start, end = local_midnight(period_start, tz), local_midnight(last + dt.timedelta(days=1), tz)
    if actor.role == "sales":
        ids, team_ids = [actor.user_id], []
    else:
        ids = owner_scope(session, actor)
        team_ids = None if actor.is_admin else ([actor.team_id] if actor.team_id else [])

    won = (select(o.c.owner_id, func.sum(cents(o.c.amount)).label("c"))
           .where(o.c.state == "won", o.c.closed_at >= start, o.c.closed_at < end,
                  *_in_scope(o.c.owner_id, ids))
           .group_by(o.c.owner_id).subquery())
    rep_targets = period_targets(session, period_start, last, ids=ids)
    team_targets = period_targets(session, period_start, last, kind="team", ids=team_ids)

    # Reps: sales staff in scope plus anyone who won or has a target.
    reps_q = (select(usr.c.id, usr.c.display_name.label("name"), won.c.c)
              .select_from(usr.outerjoin(won, won.c.owner_id == usr.c.id))
              .where(*_in_scope(usr.c.id, ids),
                     or_(and_(usr.c.role.in_(SALES_ROLES), usr.c.active), won.c.c.is_not(None),
                         usr.c.id.in_(list(rep_targets) or [-1]))))
    teams_q = (select(tm.c.id, tm.c.name, func.sum(won.c.c).label("c"))
               .select_from(tm.outerjoin(usr, usr.c.team_id == tm.c.id)
                            .outerjoin(won, won.c.owner_id == usr.c.id))
               .where(*([] if team_ids is None else _in_scope(tm.c.id, team_ids)))
               .group_by(tm.c.id, tm.c.name))
    return (_ranked(session, "rep", reps_q, rep_targets)
            + _ranked(session, "team", teams_q, team_targets))


def _ranked(session: Session, kind: str, q, targets: dict[int, Decimal]) -> list[AttainmentRow]:
    """Rank the rows of ``q`` (id, name, achieved cents) by attainment in SQL: the targets
    (a few dozen) join as a VALUES-like union so RANK() runs over ratio = achieved/target."""
    base = q.subquery()
    if targets:
        tv = union_all(*[select(literal(k, Integer).label("tid"),
                                literal(int(v * 100), BigInteger).label("tc"))
                         for k, v in targets.items()]).subquery()
        tc = tv.c.tc
        src = base.outerjoin(tv, tv.c.tid == base.c.id)
    else:
        tc = cast(null(), BigInteger)
        src = base
    achieved = func.coalesce(base.c.c, 0)
    ratio = case((tc > 0, achieved * 1.0 / tc), else_=None)
    rank = func.rank().over(order_by=(case((ratio.is_(None), 1), else_=0), ratio.desc()))
    rows = session.execute(select(base.c.id, base.c.name, achieved.label("a"),
                                  tc.label("tc"), ratio.label("ratio"), rank.label("rk"))
                           .select_from(src)).all()
    out = []
    for r in rows:
        target = money(r.tc) if r.tc is not None else None
        p = pct(int(r.a), int(r.tc)) if r.tc else None
        out.append(AttainmentRow(kind, r.id, r.name, target, money(r.a), p,
                                 int(r.rk) if p is not None else None))
    out.sort(key=lambda x: (x.rank is None, x.rank or 0, -x.achieved, x.name, x.id))
    return out


def attainment_trend(session: Session, actor: Actor, *, user_id: int | None = None,
                     team_id: int | None = None, months: int = 12,
                     today: dt.date | None = None,
                     tz: dt.tzinfo | None = None) -> list[TrendPoint]:
    """Month by month target, won amount and % for the ``months`` months ending with the
    current one: for one rep (``user_id``), one team (``team_id``), or — neither given —
    the actor (a rep), their team (a manager) or the company (an administrator; its target
    is the sum of the team targets)."""
    _require_won_basis(session)
    if not 1 <= months <= 120:
        raise ValidationError("months", "Show between 1 and 120 months.")
    if user_id is not None and team_id is not None:
        raise ValidationError("user_id", "Choose a rep or a team, not both.")
    if user_id is None and team_id is None:
        if actor.role == "sales":
            user_id = actor.user_id
        elif actor.is_manager:
            team_id = actor.team_id
    if user_id is not None:
        ids = owner_scope(session, actor, owner_id=user_id)
    else:
        ids = owner_scope(session, actor, team_id=team_id)
    today = today or dt.date.today()
    last = today.replace(day=1)
    first = add_months(last, -(months - 1))
    month_list = months_between(first, last)
    start = local_midnight(first, tz)
    end = local_midnight(add_months(last, 1), tz)
    achieved = dict(session.execute(
        select(month_bucket(o.c.closed_at, month_list, tz=tz, timestamp=True).label("b"),
               func.sum(cents(o.c.amount)))
        .where(o.c.state == "won", o.c.closed_at >= start, o.c.closed_at < end,
               *_in_scope(o.c.owner_id, ids))
        .group_by(literal_column("b"))).all())
    if user_id is not None:
        who = [t.c.user_id == user_id]
    elif team_id is not None:
        who = [t.c.team_id == team_id]
    else:
        who = [t.c.team_id.is_not(None)]
    targets = dict(session.execute(
        select(t.c.period_start, func.sum(cents(t.c.amount)))
        .where(t.c.period == "month", t.c.period_start >= first, t.c.period_start <= last, *who)
        .group_by(t.c.period_start)).all())
    out = []
    for i, m in enumerate(month_list):
        a = int(achieved.get(i, 0) or 0)
        tc = targets.get(m)
        out.append(TrendPoint(m, money(tc) if tc is not None else None, money(a),
                              pct(a, int(tc)) if tc else None))
    return out
