"""The public pool's return sweep (``sweep_pool``, ``sweep_due``) and the workbench's list
of customers about to return (``due_for_pool``): the rules' clocks as SQL conditions. See
services/pool.py for the rules; services/pool.py re-exports everything public here.

PostgreSQL finds the due customers through two partial expression indexes over owned
customers (models/pipeline.py POOL_INDEXES) and sweeps in three statements; SQLite in three
statements under its write lock. Timings: docs/performance.md (bench/pipeline.py)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import (ColumnElement, Integer, Text, and_, bindparam, case, cast, exists, func,
                        literal, literal_column, null, or_, select, text, update)
from sqlalchemy.orm import Session

from models.base import UTCDateTime, utcnow
from models.org import User
from models.party import Customer
from models.pipeline import Opportunity, OwnershipChange, pool_deal_start, pool_follow_up_start
from models.system import AuditLog, Setting
from services.customers import days_until_pool
from services.errors import ValidationError
from services.org import Actor, team_member_ids
from services.pool_rules import (CLAIM_ROLES, LAST_SWEEP_SETTING, LevelRule, PoolRules,
                                 _put_setting, get_pool_rules)

SWEEP_STATEMENT_TIMEOUT_MS = 30 * 60 * 1000


@dataclass(frozen=True)
class SweepResult:
    no_follow_up: int
    no_deal: int

    @property
    def total(self) -> int:
        return self.no_follow_up + self.no_deal


@dataclass(frozen=True)
class PoolDueRow:
    customer_id: int
    code: str
    name: str
    owner_id: int
    owner_name: str
    level: str | None
    days_left: int                       # 0 = returns at the next sweep
    reason: str                          # 'no_follow_up' | 'no_deal' (the sooner clock)


# --------------------------------------------------------------------------- clocks in SQL

def has_won_since(session: Session, customer_id: int, since: dt.datetime) -> bool:
    """Has the customer an opportunity won (state 'won') and closed at or after ``since``?"""
    return session.scalar(select(exists().where(
        Opportunity.customer_id == customer_id, Opportunity.state == "won",
        Opportunity.closed_at >= since))) or False


def _follow_up_start(c, dialect: str) -> ColumnElement:
    """The later of last follow-up and claim; creation when neither (days_until_pool).
    PostgreSQL: the expression of ix_customer_pool_follow_up (models/pipeline.py)."""
    if dialect == "postgresql":
        return pool_follow_up_start(c)
    return case((c.c.last_follow_up_at.is_(None), func.coalesce(c.c.claimed_at, c.c.created_at)),
                (c.c.claimed_at.is_(None), c.c.last_follow_up_at),
                (c.c.last_follow_up_at > c.c.claimed_at, c.c.last_follow_up_at),
                else_=c.c.claimed_at)


def _won_since_claim(c) -> ColumnElement:
    o = Opportunity.__table__
    return exists().where(o.c.customer_id == c.c.id, o.c.state == "won",
                          o.c.closed_at >= pool_deal_start(c))


def _cutoff(rule: LevelRule, days_of, now: dt.datetime, ahead_days: int) -> dt.datetime | None:
    days = days_of(rule)
    return None if days is None else now - dt.timedelta(days=days - ahead_days)


def _cutoff_by_level(c, rules: PoolRules, days_of, now: dt.datetime,
                     ahead_days: int = 0) -> ColumnElement | None:
    """CASE level WHEN 'A' THEN now - N_A days … ELSE now - N_default END (NULL where the
    clock is off; None when it is off for every level). ``ahead_days`` moves the cutoff
    forward: "due within that many days"."""
    def cutoff(rule: LevelRule):
        at = _cutoff(rule, days_of, now, ahead_days)
        return null() if at is None else literal(at, UTCDateTime())

    if all(days_of(r) is None for r in (rules.default, *rules.by_level.values())):
        return None
    whens = [(c.c.level == level, cutoff(rule)) for level, rule in sorted(rules.by_level.items())]
    default = cutoff(rules.default)
    return case(*whens, else_=default) if whens else default


def _range_by_level(c, start: ColumnElement, rules: PoolRules, days_of, now: dt.datetime,
                    ahead_days: int) -> ColumnElement | None:
    """A looser, index-friendly form of "``start`` ≤ the level's cutoff": ``start`` ≤ the
    latest cutoff of any level, and — when the default level's clock is off — the level
    one of those whose clock runs (levels not listed follow the default)."""
    cutoffs = {level: _cutoff(rule, days_of, now, ahead_days)
               for level, rule in rules.by_level.items()}
    default = _cutoff(rules.default, days_of, now, ahead_days)
    on = [at for at in (default, *cutoffs.values()) if at is not None]
    if not on:
        return None
    cond = start <= literal(max(on), UTCDateTime())
    if default is None:
        cond = and_(cond, c.c.level.in_(sorted(k for k, at in cutoffs.items() if at is not None)))
    return cond


def _due_conditions(c, rules: PoolRules, now: dt.datetime, dialect: str,
                    ahead_days: int = 0) -> tuple[dict[str, ColumnElement], ColumnElement | None]:
    """SQL conditions "returns to the pool (within ``ahead_days``)" per clock, for owned,
    live customers (``_owned``), and on PostgreSQL a looser condition implied by them that
    reads only the due range of the two pool indexes (models/pipeline.py POOL_INDEXES)."""
    conds, ranges = {}, []
    start = _follow_up_start(c, dialect)
    fu = _cutoff_by_level(c, rules, lambda r: r.no_follow_up_days, now, ahead_days)
    if fu is not None:
        conds["no_follow_up"] = start <= fu
        ranges.append(_range_by_level(c, start, rules, lambda r: r.no_follow_up_days, now,
                                      ahead_days))
    deal = _cutoff_by_level(c, rules, lambda r: r.no_deal_days, now, ahead_days)
    if deal is not None:
        # CASE, not AND: the won-deal lookup runs only for customers past the cutoff
        conds["no_deal"] = case((pool_deal_start(c) <= deal, ~_won_since_claim(c)),
                                else_=literal(False))
        ranges.append(_range_by_level(c, pool_deal_start(c), rules, lambda r: r.no_deal_days,
                                      now, ahead_days))
    return conds, (or_(*ranges) if ranges and dialect == "postgresql" else None)


def _owned(c) -> ColumnElement:
    return and_(c.c.owner_id.is_not(None), c.c.merged_into_id.is_(None))


# --------------------------------------------------------------------------- sweep

def _json_object(dialect: str, *pairs) -> ColumnElement:
    fn = func.json_build_object if dialect == "postgresql" else func.json_object
    args = []
    for key, value in pairs:
        args += [literal_column(f"'{key}'"), value]
    return fn(*args)


def _audit_details(dialect: str, reason, version, old_owner) -> ColumnElement:
    return _json_object(dialect, ("version", version),
                        ("before", _json_object(dialect, ("owner_id", old_owner))),
                        ("after", _json_object(dialect, ("owner_id", null()))),
                        ("reason", reason))


_HISTORY_COLS = ("customer_id", "from_owner_id", "to_owner_id", "reason", "at", "actor_id",
                 "note")
_AUDIT_COLS = ("at", "actor_id", "db_user", "action", "entity", "entity_id", "details")
SWEEP_KINDS = ("no_follow_up", "no_deal")


def _sweep(session: Session, conds: dict[str, ColumnElement], ranges: ColumnElement | None,
           now: dt.datetime, actor_id: int | None) -> dict[str, int]:
    """Return every customer matching one of ``conds`` (kind → condition; the first kind
    that matches names the reason) to the pool, with history and audit rows, in one pass
    over the table. Returns the count per kind."""
    from sqlalchemy import insert
    if not conds:
        return {}
    dialect = session.get_bind().dialect.name
    c = Customer.__table__
    oc, al = OwnershipChange.__table__, AuditLog.__table__
    at = literal(now, UTCDateTime())
    who = literal(actor_id, Integer())
    released = dict(owner_id=None, claimed_at=None, updated_at=now, updated_by_id=actor_id,
                    version_id=c.c.version_id + 1)
    kinds = [k for k in SWEEP_KINDS if k in conds]
    reason = literal_column(f"'sweep_{kinds[-1]}'")
    for kind in reversed(kinds[:-1]):
        reason = case((conds[kind], literal_column(f"'sweep_{kind}'")), else_=reason)
    due_cond = and_(_owned(c), or_(*(conds[k] for k in kinds)))
    if dialect == "postgresql":
        return _sweep_postgresql(session, due_cond, ranges, reason, at, who, released)
    # SQLite: BEGIN IMMEDIATE holds the database's write lock for the whole transaction, so
    # the due set cannot change between these statements. History rows first (they keep
    # the old owner), then audit and update from exactly those rows.
    marker = session.scalar(select(func.coalesce(func.max(oc.c.id), 0)))
    n = session.execute(insert(oc).from_select(
        _HISTORY_COLS, select(c.c.id, c.c.owner_id, null(), reason, at, who, null())
        .where(due_cond))).rowcount
    if not n:
        return {}
    new = oc.c.id > marker
    session.execute(insert(al).from_select(
        _AUDIT_COLS, select(at, who, null(), literal_column("'customer.'").op("||")(oc.c.reason),
                            literal_column("'customer'"), c.c.id,
                            _audit_details(dialect, oc.c.reason, c.c.version_id + 1,
                                           oc.c.from_owner_id))
        .select_from(oc.join(c, c.c.id == oc.c.customer_id)).where(new)))
    session.execute(update(c).where(c.c.id.in_(select(oc.c.customer_id).where(new)))
                    .values(**released))
    rows = session.execute(select(oc.c.reason, func.count()).where(new)
                           .group_by(oc.c.reason)).all()
    return {r.removeprefix("sweep_"): n for r, n in rows}


def _sweep_postgresql(session: Session, due_cond: ColumnElement, ranges: ColumnElement | None,
                      reason: ColumnElement, at, who, released: dict) -> dict[str, int]:
    """The PostgreSQL sweep in three set-based statements of one transaction (a crash leaves
    either all of it or none): lock the due rows, write their history rows and audit
    entries, then update them."""
    from sqlalchemy import any_, insert
    from sqlalchemy.dialects.postgresql import ARRAY
    c = Customer.__table__
    oc, al = OwnershipChange.__table__, AuditLog.__table__
    # The due rows, locked: read from the due range of the pool indexes (``ranges``), and a
    # row changed meanwhile by someone else is re-checked against the condition once their
    # transaction ends, so the rows written below are exactly those still due, each with
    # the owner and version it had.
    rows = session.execute(
        select(c.c.id, c.c.owner_id, c.c.version_id, reason.label("reason"))
        .where(due_cond, *([ranges] if ranges is not None else []))
        .order_by(c.c.id).with_for_update(of=c)).all()
    if not rows:
        return {}
    # Each foreign-key check of a row inserted below must reuse its plan: re-planned per row
    # (plan_cache_mode=force_custom_plan, which the client once set for every connection)
    # they took 6 of 7 s at 35,000 rows. The client no longer sets it (app/db.py sends
    # statements unprepared instead); this keeps the sweep right on a server configured so.
    session.execute(text("SET LOCAL plan_cache_mode = auto"))

    def array(name, values):
        # one array literal: the driver's list adaptation costs ~10 µs per element in Python
        return cast(bindparam(name, "{" + ",".join(map(str, values)) + "}", type_=Text()),
                    ARRAY(Integer))

    # The due rows go back as integer arrays; one statement writes both the history rows
    # and the audit entries from them.
    kinds = {f"sweep_{k}": i for i, k in enumerate(SWEEP_KINDS)}
    ids, owners, versions, reasons = zip(*rows)         # columns (Row attributes are slow)
    src = func.unnest(array("ids", ids), array("owners", owners),
                      array("versions", [v + 1 for v in versions]),
                      array("kinds", [kinds[r] for r in reasons])) \
        .table_valued("id", "owner_id", "version", "kind").render_derived("src")
    due = select(src.c.id, src.c.owner_id, src.c.version,
                 case(*((src.c.kind == i, literal(r)) for r, i in kinds.items()))
                 .label("reason")).cte("due")
    # History and audit rows before the update: their foreign-key checks then find rows
    # this transaction has locked already, not new row versions to lock again.
    history = insert(oc).from_select(
        _HISTORY_COLS, select(due.c.id, due.c.owner_id, null(), due.c.reason, at, who, null())
    ).cte("history")
    session.execute(insert(al).from_select(
        _AUDIT_COLS, select(at, who, literal_column("session_user"),
                            literal_column("'customer.'").op("||")(due.c.reason),
                            literal_column("'customer'"), due.c.id,
                            _audit_details("postgresql", due.c.reason, due.c.version,
                                           due.c.owner_id))).add_cte(due, history))
    # The update in id order, through the primary key: a new row version gets an entry in
    # every customer index, and in id order most of them (primary key, (owner, id), (level,
    # id), code, creation, (updated_at, id)) receive theirs side by side. The planner prefers
    # a sequential scan for 35,000 ids, which visits the rows in storage order (random by
    # id once rows have been updated): 3× the index pages dirtied, 2–3× the time.
    session.execute(text("SET LOCAL enable_seqscan = off"))
    session.execute(text("SET LOCAL enable_bitmapscan = off"))
    session.execute(update(c).where(c.c.id == any_(array("ids", ids))).values(**released))
    session.execute(text("SET LOCAL enable_seqscan = on"))
    session.execute(text("SET LOCAL enable_bitmapscan = on"))
    counts: dict[str, int] = {}
    for reason in reasons:
        counts[reason] = counts.get(reason, 0) + 1
    return {r.removeprefix("sweep_"): n for r, n in counts.items()}


def sweep_pool(session: Session, *, now: dt.datetime | None = None,
               actor: Actor | None = None) -> SweepResult:
    """Return every owned customer that is due under the rules to the pool (see the module
    rules), set-based, in one pass over the customers (a customer due by both clocks counts
    once, as no_follow_up). Idempotent: a second run with the same clock returns 0.
    ``now`` is the clock (default: now); ``actor`` None is the system (the scheduled task,
    the client's automatic sweep). Records ``pool.last_sweep_at``; that setting row stays
    locked until commit, so concurrent sweeps run one after another."""
    now = now or utcnow()
    if now.tzinfo is None:
        raise ValidationError("now", "The sweep time needs a time zone.")
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        # The client's 60 s statement limit is for interactive queries; the first sweep after
        # rules are tightened may return hundreds of thousands of customers in one statement.
        session.execute(text(f"SET LOCAL statement_timeout = {SWEEP_STATEMENT_TIMEOUT_MS}"))
        # The won-deal subquery makes the estimate huge; compiling it (JIT) cost 0.4 s.
        session.execute(text("SET LOCAL jit = off"))
    _put_setting(session, LAST_SWEEP_SETTING, now.astimezone(dt.timezone.utc).isoformat())
    rules = get_pool_rules(session)
    conds, ranges = _due_conditions(Customer.__table__, rules, now, dialect)
    counts = _sweep(session, conds, ranges, now, actor.user_id if actor else None)
    return SweepResult(**{k: counts.get(k, 0) for k in SWEEP_KINDS})


def _parse_time(value) -> dt.datetime | None:
    try:
        t = dt.datetime.fromisoformat(str(value))
    except (TypeError, ValueError):
        return None
    return t if t.tzinfo else t.replace(tzinfo=dt.timezone.utc)


def sweep_due(session: Session, *, now: dt.datetime | None = None,
              min_interval_minutes: int = 60) -> SweepResult | None:
    """The client's automatic sweep: runs ``sweep_pool`` only when the last sweep (setting
    ``pool.last_sweep_at``, by any client or the scheduled task) is at least
    ``min_interval_minutes`` away from ``now``, and nobody is sweeping right now
    (PostgreSQL: the setting row is locked, SKIP LOCKED; SQLite: writes are serialised).
    None when skipped."""
    now = now or utcnow()
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    session.execute(insert(Setting).values(key=LAST_SWEEP_SETTING, value=None)
                    .on_conflict_do_nothing(index_elements=[Setting.key]))
    row = session.execute(select(Setting.value).where(Setting.key == LAST_SWEEP_SETTING)
                          .with_for_update(skip_locked=True)).first()
    if row is None:                    # another client holds it: it is sweeping now
        return None
    last = _parse_time(row[0])
    # A last sweep far in the future (a PC with a wrong clock) does not block sweeping.
    if last is not None and abs(now - last) < dt.timedelta(minutes=min_interval_minutes):
        return None
    return sweep_pool(session, now=now)


# --------------------------------------------------------------------------- workbench

def due_for_pool(session: Session, actor: Actor, *, within_days: int = 3,
                 now: dt.datetime | None = None, limit: int = 500) -> list[PoolDueRow]:
    """Customers that return to the pool within ``within_days`` (0 = due at the next
    sweep): a rep's own, a manager's team's, every owned one for an admin; nothing for
    staff who own no customers. Soonest first, then by code; at most ``limit`` rows."""
    if actor.role not in CLAIM_ROLES:
        return []
    now = now or utcnow()
    rules = get_pool_rules(session)
    c = Customer.__table__
    conds, ranges = _due_conditions(c, rules, now, session.get_bind().dialect.name,
                                    ahead_days=max(0, within_days))
    if not conds:
        return []
    won = _won_since_claim(c).label("won")
    owner = User.__table__
    q = (select(c.c.id, c.c.code, c.c.name, c.c.owner_id, owner.c.display_name, c.c.level,
                c.c.claimed_at, c.c.last_follow_up_at, c.c.created_at, won)
         .join(owner, owner.c.id == c.c.owner_id)
         .where(_owned(c), or_(*conds.values()), *([ranges] if ranges is not None else []))
         .limit(max(0, limit)))
    if actor.role == "sales":
        q = q.where(c.c.owner_id == actor.user_id)
    elif actor.is_manager:
        q = q.where(c.c.owner_id.in_(team_member_ids(session, actor)))
    out = []
    for cid, code, name, owner_id, owner_name, level, claimed, last_fu, created, has_won in \
            session.execute(q):
        rule = rules.rule_for(level)
        fu_left = days_until_pool(owner_id=owner_id, claimed_at=claimed,
                                  last_follow_up_at=last_fu, created_at=created,
                                  return_after_days=rule.no_follow_up_days, now=now)
        deal_left = days_until_pool(owner_id=owner_id, claimed_at=claimed,
                                    last_follow_up_at=last_fu, created_at=created,
                                    no_deal_days=rule.no_deal_days,
                                    has_won_deal=bool(has_won), now=now)
        clocks = [(d, k) for d, k in ((fu_left, "no_follow_up"), (deal_left, "no_deal"))
                  if d is not None]
        days, reason = min(clocks, key=lambda dk: dk[0])     # ties: no_follow_up (as swept)
        if days <= within_days:
            out.append(PoolDueRow(cid, code, name, owner_id, owner_name, level, days, reason))
    out.sort(key=lambda r: (r.days_left, r.code))
    return out
