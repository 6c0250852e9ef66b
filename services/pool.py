"""The public customer pool (公海): rules, claim, release, assign, the return sweep and the
ownership history.

Rules (settings table, key ``pool.rules``, JSON — see ``get_pool_rules``):

- Per customer level (A/B/C/D; any other or no level uses ``default``) an owned customer
  returns to the pool when
  * ``no_follow_up_days`` N: nothing was logged for N days, counted from the later of its
    last follow-up (``customer.last_follow_up_at``, by anyone) and its claim (its creation
    when it has neither), or
  * ``no_deal_days`` M: no deal was won within M days of claiming it — "won" means an
    opportunity of that customer with state 'won' and ``closed_at`` ≥ ``claimed_at``
    (creation time for a customer that was never claimed).
  None switches a clock off. Without a saved ``pool.rules`` the old single setting
  ``pool.return_after_days`` (default 30) is N for every level and M is off.
- ``max_owned`` K: a user owns at most K live customers. Checked when claiming and when a
  manager assigns (for the receiving user); creating or importing customers is not
  limited. Concurrent claims of one user are serialised (PostgreSQL: the user's
  ``app_user`` row is locked ``FOR NO KEY UPDATE`` before counting; SQLite: every write
  transaction is ``BEGIN IMMEDIATE``), so the limit holds under concurrency.
- ``reclaim_block_days`` D: a user whose customer left them for the pool — released by
  themselves or a manager, or returned by the sweep — cannot claim it again for D days
  (otherwise releasing and re-claiming would reset the clocks). A manager may still assign
  it back to them.

Claiming is race-safe: ``UPDATE customer … WHERE id = ? AND owner_id IS NULL``; the row
count decides, and the losers get ``AlreadyClaimed`` ("Customer C-000012 was already
claimed by 张伟."). Every ownership change (claim, release, assign, sweep, and the
create/update paths in services/customers.py) writes an ``ownership_change`` row and an
audit entry in the same transaction, and bumps the customer's ``version_id`` (an edit form
open elsewhere goes stale, as for any master-data change).

The sweep (``sweep_pool``) is set-based — on PostgreSQL four statements (lock the due
rows, found through two partial expression indexes, models/pipeline.py POOL_INDEXES; insert
their history and audit rows from arrays; update them), three on SQLite (under its write
lock) — and idempotent: a second run with the same clock finds nothing. ``sweep_due`` runs
it at most once per interval across all clients (setting ``pool.last_sweep_at``, locked
while checked).
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from sqlalchemy import (ColumnElement, Integer, Text, and_, bindparam, case, cast, exists, func,
                        literal, literal_column, null, or_, select, text, update)
from sqlalchemy.orm import Session, aliased

from models.base import UTCDateTime, utcnow
from models.org import User
from models.party import Customer
from models.pipeline import Opportunity, OwnershipChange, pool_deal_start, pool_follow_up_start
from models.system import AuditLog, Setting
from services import audit
from services.customers import (CUSTOMER_LEVELS, DEFAULT_POOL_RETURN_DAYS, POOL_RETURN_SETTING,
                                CustomerDetail, _check_owner, _detail, _load, days_until_pool)
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from services.org import Actor, can_edit_customer, customer_visibility, team_member_ids

RULES_SETTING = "pool.rules"
LAST_SWEEP_SETTING = "pool.last_sweep_at"
DEFAULT_RECLAIM_BLOCK_DAYS = 7
# Ownership changes after which the previous owner may not claim the customer for D days.
BLOCKING_REASONS = ("release", "sweep_no_follow_up", "sweep_no_deal")
CLAIM_ROLES = ("sales", "sales_manager", "admin")
MAX_NOTE = 200
MAX_DAYS = 3650
SWEEP_STATEMENT_TIMEOUT_MS = 30 * 60 * 1000


# --------------------------------------------------------------------------- dataclasses

@dataclass(frozen=True)
class LevelRule:
    """When an owned customer of one level returns to the pool (None = never by that clock)."""

    no_follow_up_days: int | None = None
    no_deal_days: int | None = None


@dataclass(frozen=True)
class PoolRules:
    by_level: dict[str, LevelRule] = field(default_factory=dict)   # 'A'…'D'
    default: LevelRule = LevelRule(DEFAULT_POOL_RETURN_DAYS, None)  # other / no level
    max_owned: int | None = None                                   # None = no limit
    reclaim_block_days: int = DEFAULT_RECLAIM_BLOCK_DAYS           # 0 = no block

    def rule_for(self, level: str | None) -> LevelRule:
        return self.by_level.get((level or "").upper(), self.default)


@dataclass(frozen=True)
class SweepResult:
    no_follow_up: int
    no_deal: int

    @property
    def total(self) -> int:
        return self.no_follow_up + self.no_deal


@dataclass(frozen=True)
class OwnershipChangeInfo:
    at: dt.datetime
    from_owner_name: str | None          # None = from the pool
    to_owner_name: str | None            # None = to the pool
    # create | claim | release | assign | sweep_no_follow_up | sweep_no_deal | merge | import
    reason: str
    actor_name: str | None               # None = the system (sweep)
    note: str | None
    id: int = 0
    from_owner_id: int | None = None
    to_owner_id: int | None = None


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


class AlreadyClaimed(Conflict):
    """Someone (else) owns the customer already: the claim lost the race or came late."""

    def __init__(self, code: str, owner_name: str | None, *, yourself: bool = False):
        self.code, self.owner_name = code, owner_name
        if yourself:
            message = f"Customer {code} is already yours."
        else:
            message = f"Customer {code} was already claimed by {owner_name or 'someone else'}."
        super().__init__(message)


class ClaimLimitReached(PermissionDenied):
    """The user owns ``max_owned`` customers already."""


class ReclaimBlocked(PermissionDenied):
    """The user gave the customer up less than ``reclaim_block_days`` ago."""


# --------------------------------------------------------------------------- rules

def _days(value) -> int | None:
    """A positive whole number of days, else None (off)."""
    if isinstance(value, bool):
        return None
    try:
        n = int(value)
    except (TypeError, ValueError):
        return None
    return n if n > 0 else None


def _legacy_return_days(value) -> int:
    return _days(value) or DEFAULT_POOL_RETURN_DAYS


def _rule(raw, fallback: LevelRule) -> LevelRule:
    if not isinstance(raw, dict):
        return fallback
    return LevelRule(_days(raw.get("no_follow_up_days")), _days(raw.get("no_deal_days")))


def _rules_from(raw, legacy) -> PoolRules:
    default = LevelRule(_legacy_return_days(legacy), None)
    if not isinstance(raw, dict):
        return PoolRules(default=default)
    levels = raw.get("levels") if isinstance(raw.get("levels"), dict) else {}
    by_level = {str(k).upper(): _rule(v, default) for k, v in levels.items()
                if str(k).upper() in CUSTOMER_LEVELS}
    block = raw.get("reclaim_block_days", DEFAULT_RECLAIM_BLOCK_DAYS)
    try:
        block = max(0, int(block)) if not isinstance(block, bool) else DEFAULT_RECLAIM_BLOCK_DAYS
    except (TypeError, ValueError):
        block = DEFAULT_RECLAIM_BLOCK_DAYS
    return PoolRules(by_level=by_level, default=_rule(raw.get("default"), default),
                     max_owned=_days(raw.get("max_owned")), reclaim_block_days=block)


def rules_to_json(rules: PoolRules) -> dict:
    """The stored form of ``rules`` (setting ``pool.rules``)."""
    def one(r: LevelRule) -> dict:
        return {"no_follow_up_days": r.no_follow_up_days, "no_deal_days": r.no_deal_days}
    return {"levels": {k: one(v) for k, v in sorted(rules.by_level.items())},
            "default": one(rules.default), "max_owned": rules.max_owned,
            "reclaim_block_days": rules.reclaim_block_days}


def get_pool_rules(session: Session) -> PoolRules:
    """The pool rules from setting ``pool.rules`` (JSON: ``{"levels": {"A": {
    "no_follow_up_days": 60, "no_deal_days": 180}, …}, "default": {…}, "max_owned": 200,
    "reclaim_block_days": 7}``). Missing or malformed parts fall back: N from the old
    setting ``pool.return_after_days`` (default 30), M off, no limit, 7 days' block; a
    malformed number of days switches that clock off. One query."""
    values = dict(session.execute(
        select(Setting.key, Setting.value)
        .where(Setting.key.in_((RULES_SETTING, POOL_RETURN_SETTING)))).all())
    return _rules_from(values.get(RULES_SETTING), values.get(POOL_RETURN_SETTING))


def _check_rules(rules: PoolRules) -> dict[str, str]:
    errors: dict[str, str] = {}

    def days(name: str, value, *, zero_ok: bool = False) -> None:
        if value is None and not zero_ok:
            return
        ok = isinstance(value, int) and not isinstance(value, bool) and \
            (0 if zero_ok else 1) <= value <= MAX_DAYS
        if not ok:
            low = 0 if zero_ok else 1
            errors[name] = f"{name.replace('_', ' ').capitalize()} must be a whole number " \
                           f"from {low} to {MAX_DAYS}" + ("" if zero_ok else " or empty") + "."

    for level in rules.by_level:
        if level not in CUSTOMER_LEVELS:
            errors[f"level_{level}"] = f"Unknown level {level!r}; use one of " \
                                       f"{', '.join(CUSTOMER_LEVELS)}."
    for key, rule in [("default", rules.default), *sorted(rules.by_level.items())]:
        days(f"{key}_no_follow_up_days", rule.no_follow_up_days)
        days(f"{key}_no_deal_days", rule.no_deal_days)
    if rules.max_owned is not None and not (
            isinstance(rules.max_owned, int) and not isinstance(rules.max_owned, bool)
            and 1 <= rules.max_owned <= 1_000_000):
        errors["max_owned"] = "Max owned must be a whole number from 1 to 1000000 or empty."
    days("reclaim_block_days", rules.reclaim_block_days, zero_ok=True)
    return errors


def save_pool_rules(session: Session, actor: Actor, rules: PoolRules) -> PoolRules:
    """Store the rules (administrators and sales managers). All problems at once
    (ValidationError, fields like ``A_no_deal_days``); audited with before and after."""
    if not (actor.is_admin or actor.is_manager):
        raise PermissionDenied("Only a sales manager or an administrator can change the "
                               "public pool rules.")
    errors = _check_rules(rules)
    if errors:
        raise ValidationError(errors)
    before = rules_to_json(get_pool_rules(session))
    after = rules_to_json(rules)
    _put_setting(session, RULES_SETTING, after)
    audit.record(session, actor.user_id, "pool.rules", "setting", None, before=before,
                 after=after)
    return get_pool_rules(session)


def _put_setting(session: Session, key: str, value) -> None:
    """Insert or replace a setting; the row stays locked to the end of the transaction."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(Setting).values(key=key, value=value)
    session.execute(stmt.on_conflict_do_update(index_elements=[Setting.key],
                                               set_={"value": stmt.excluded.value}))


# --------------------------------------------------------------------------- helpers

def owned_count(session: Session, user_id: int) -> int:
    """Live (not merged-away) customers the user owns."""
    return session.scalar(select(func.count()).select_from(Customer).where(
        Customer.owner_id == user_id, Customer.merged_into_id.is_(None)))


def _lock_user(session: Session, user_id: int) -> None:
    """Serialise one user's claims and assignments to them (PostgreSQL). FOR NO KEY
    UPDATE does not block rows that merely reference the user (history, audit)."""
    session.execute(select(User.id).where(User.id == user_id)
                    .with_for_update(key_share=True)).all()


def _user_name(session: Session, user_id: int | None) -> str | None:
    if user_id is None:
        return None
    return session.scalar(select(User.display_name).where(User.id == user_id))


def _not_merged(session: Session, code: str, merged_into_id: int | None) -> None:
    if merged_into_id is not None:
        target = session.scalar(select(Customer.code).where(Customer.id == merged_into_id))
        raise ValidationError("customer", f"Customer {code} was merged into {target}; "
                                          f"work on {target} instead.")


def _clean_note(note: str | None) -> str | None:
    note = (note or "").strip() or None
    if note is not None and len(note) > MAX_NOTE:
        raise ValidationError("note", f"Note is too long: {len(note)} characters, at most "
                                      f"{MAX_NOTE}.")
    return note


def _check_limit(session: Session, rules: PoolRules, user_id: int, *, yourself: bool) -> None:
    if rules.max_owned is None:
        return
    _lock_user(session, user_id)
    n = owned_count(session, user_id)
    if n >= rules.max_owned:
        if yourself:
            raise ClaimLimitReached(f"You own {n} customers, the most allowed is "
                                    f"{rules.max_owned}; release one before claiming another.")
        raise ClaimLimitReached(f"{_user_name(session, user_id)} owns {n} customers, the most "
                                f"allowed is {rules.max_owned}.")


def _check_reclaim(session: Session, rules: PoolRules, actor: Actor, customer_id: int,
                   code: str, now: dt.datetime) -> None:
    if not rules.reclaim_block_days:
        return
    block = dt.timedelta(days=rules.reclaim_block_days)
    last = session.scalar(select(func.max(OwnershipChange.at)).where(
        OwnershipChange.customer_id == customer_id,
        OwnershipChange.from_owner_id == actor.user_id,
        OwnershipChange.reason.in_(BLOCKING_REASONS),
        OwnershipChange.at > now - block))
    if last is None:
        return
    days = max(1, math.ceil((last + block - now) / dt.timedelta(days=1)))
    raise ReclaimBlocked(f"Customer {code} left you less than {rules.reclaim_block_days} days "
                         f"ago; you can claim it again in {days} day{'s' if days != 1 else ''}.")


def _record(session: Session, *, customer_id: int, from_owner_id: int | None,
            to_owner_id: int | None, reason: str, at: dt.datetime, actor_id: int | None,
            version: int, note: str | None = None) -> None:
    """History row + audit entry for one ownership change."""
    session.add(OwnershipChange(customer_id=customer_id, from_owner_id=from_owner_id,
                                to_owner_id=to_owner_id, reason=reason, at=at,
                                actor_id=actor_id, note=note))
    details = {"version": version, "before": {"owner_id": from_owner_id},
               "after": {"owner_id": to_owner_id}, "reason": reason}
    if note:
        details["note"] = note
    audit.record(session, actor_id, f"customer.{reason}", "customer", customer_id, **details)


def record_ownership_change(session: Session, *, customer_id: int, from_owner_id: int | None,
                            to_owner_id: int | None, reason: str, actor_id: int | None,
                            at: dt.datetime | None = None, note: str | None = None) -> None:
    """History row only (the caller audits the change itself): for services that change an
    owner on their own path (customer create/update, merge, import)."""
    session.add(OwnershipChange(customer_id=customer_id, from_owner_id=from_owner_id,
                                to_owner_id=to_owner_id, reason=reason, at=at or utcnow(),
                                actor_id=actor_id, note=note))


def check_owner_change(session: Session, actor: Actor, customer_id: int, code: str, *,
                       from_owner: int | None, to_owner: int | None,
                       now: dt.datetime | None = None) -> str:
    """The pool rules for an owner change made on another path (the customer form:
    services.customers.update_customer): a user taking a pool customer for themselves is
    a claim (re-claim block and limit), giving it to someone an assignment (the receiver's
    limit), emptying the owner a release. Returns the history reason; raises as
    claim_customer / assign_customer do."""
    if to_owner is None:
        return "release"
    rules = get_pool_rules(session)
    if from_owner is None and to_owner == actor.user_id:
        _check_reclaim(session, rules, actor, customer_id, code, now or utcnow())
        _check_limit(session, rules, to_owner, yourself=True)
        return "claim"
    _check_limit(session, rules, to_owner, yourself=to_owner == actor.user_id)
    return "assign"


def _set_owner(session: Session, customer_id: int, *, expected_owner: int | None,
               new_owner: int | None, actor_id: int | None, now: dt.datetime) -> int | None:
    """Conditional owner change; the new version, or None when the owner was not
    ``expected_owner`` any more (someone else was faster)."""
    t = Customer.__table__
    owner_is = t.c.owner_id.is_(None) if expected_owner is None else \
        t.c.owner_id == expected_owner
    return session.execute(
        update(t).where(t.c.id == customer_id, owner_is, t.c.merged_into_id.is_(None))
        .values(owner_id=new_owner, claimed_at=now if new_owner is not None else None,
                updated_at=now, updated_by_id=actor_id, version_id=t.c.version_id + 1)
        .returning(t.c.version_id)).scalar()


# --------------------------------------------------------------------------- claim/release/assign

def claim_customer(session: Session, actor: Actor, customer_id: int, *,
                   now: dt.datetime | None = None) -> CustomerDetail:
    """Take a customer from the pool (sales staff, managers, admins). Refusals:
    ``AlreadyClaimed`` (a Conflict: someone owns it — the race loser's message names the
    winner), ``ReclaimBlocked`` / ``ClaimLimitReached`` (PermissionDenied with the rule in
    words), ValidationError for a merged-away customer, NotFound for an unknown id."""
    if actor.role not in CLAIM_ROLES:
        raise PermissionDenied("Only sales staff can claim customers from the public pool.")
    now = now or utcnow()
    row = session.execute(
        select(Customer.code, Customer.owner_id, Customer.merged_into_id, User.display_name)
        .outerjoin(User, User.id == Customer.owner_id)
        .where(Customer.id == customer_id)).first()
    if row is None:
        raise NotFound("customer", customer_id)
    code, owner_id, merged_into_id, owner_name = row
    _not_merged(session, code, merged_into_id)
    if owner_id is not None:
        raise AlreadyClaimed(code, owner_name, yourself=owner_id == actor.user_id)
    rules = get_pool_rules(session)
    _check_reclaim(session, rules, actor, customer_id, code, now)
    _check_limit(session, rules, actor.user_id, yourself=True)
    version = _set_owner(session, customer_id, expected_owner=None, new_owner=actor.user_id,
                         actor_id=actor.user_id, now=now)
    if version is None:               # lost the race: the winner has committed by now
        winner, merged = session.execute(
            select(Customer.owner_id, Customer.merged_into_id)
            .where(Customer.id == customer_id)).one()
        _not_merged(session, code, merged)
        raise AlreadyClaimed(code, _user_name(session, winner),
                             yourself=winner == actor.user_id)
    _record(session, customer_id=customer_id, from_owner_id=None, to_owner_id=actor.user_id,
            reason="claim", at=now, actor_id=actor.user_id, version=version)
    return _detail(session, actor, customer_id)


def release_customer(session: Session, actor: Actor, customer_id: int, *,
                     note: str | None = None, now: dt.datetime | None = None) -> CustomerDetail:
    """Put an owned customer back into the pool: its owner, a manager for the team's
    customers, an admin for any. The previous owner may not claim it again for
    ``reclaim_block_days``. ``note`` (≤ 200 characters) is kept in the history."""
    now = now or utcnow()
    c = _load(session, actor, customer_id, lock=True)
    _not_merged(session, c.code, c.merged_into_id)
    if c.owner_id is None:
        raise ValidationError("customer", f"Customer {c.code} is already in the public pool.")
    if actor.role not in CLAIM_ROLES or not can_edit_customer(session, actor, c.owner_id):
        raise PermissionDenied(f"You cannot release customer {c.code}: it is not yours.")
    note = _clean_note(note)
    previous = c.owner_id
    version = _set_owner(session, c.id, expected_owner=previous, new_owner=None,
                         actor_id=actor.user_id, now=now)
    if version is None:                # cannot happen under the row lock; be explicit anyway
        raise Conflict(f"Customer {c.code} was changed by someone else since you opened it.")
    _record(session, customer_id=c.id, from_owner_id=previous, to_owner_id=None,
            reason="release", at=now, actor_id=actor.user_id, version=version, note=note)
    return _detail(session, actor, c.id)


def assign_customer(session: Session, actor: Actor, customer_id: int, to_user_id: int, *,
                    note: str | None = None, now: dt.datetime | None = None) -> CustomerDetail:
    """Give a customer (from the pool, or from a team member) to ``to_user_id``: a sales
    manager within their own team, an admin to anyone who can own customers. The
    receiver's ``max_owned`` limit applies; the re-claim block does not (it is the
    manager's decision)."""
    if not (actor.is_admin or actor.is_manager):
        raise PermissionDenied("Only a sales manager or an administrator can assign "
                               "customers.")
    now = now or utcnow()
    rules = get_pool_rules(session)
    if rules.max_owned is not None:
        _lock_user(session, to_user_id)    # before the customer row, as claims lock them
    c = _load(session, actor, customer_id, lock=True)     # a manager: pool or own team
    _not_merged(session, c.code, c.merged_into_id)
    if not can_edit_customer(session, actor, c.owner_id):
        raise PermissionDenied(f"You cannot change customer {c.code}: it belongs to "
                               "someone outside your team.")
    if c.owner_id == to_user_id:
        raise ValidationError("owner_id", f"Customer {c.code} already belongs to "
                                          f"{_user_name(session, to_user_id)}.")
    _check_owner(session, actor, to_user_id)
    note = _clean_note(note)
    _check_limit(session, rules, to_user_id, yourself=to_user_id == actor.user_id)
    previous = c.owner_id
    version = _set_owner(session, c.id, expected_owner=previous, new_owner=to_user_id,
                         actor_id=actor.user_id, now=now)
    if version is None:
        raise Conflict(f"Customer {c.code} was changed by someone else since you opened it.")
    _record(session, customer_id=c.id, from_owner_id=previous, to_owner_id=to_user_id,
            reason="assign", at=now, actor_id=actor.user_id, version=version, note=note)
    return _detail(session, actor, c.id)


# --------------------------------------------------------------------------- history

def ownership_history(session: Session, actor: Actor,
                      customer_id: int) -> list[OwnershipChangeInfo]:
    """Every owner change of a customer the actor may see (NotFound otherwise), newest
    first."""
    visible = session.scalar(select(Customer.id).where(
        Customer.id == customer_id, customer_visibility(session, actor, Customer.owner_id)))
    if visible is None:
        raise NotFound("customer", customer_id)
    src, dst, who = aliased(User), aliased(User), aliased(User)
    oc = OwnershipChange
    rows = session.execute(
        select(oc, src.display_name, dst.display_name, who.display_name)
        .outerjoin(src, src.id == oc.from_owner_id)
        .outerjoin(dst, dst.id == oc.to_owner_id)
        .outerjoin(who, who.id == oc.actor_id)
        .where(oc.customer_id == customer_id)
        .order_by(oc.at.desc(), oc.id.desc())).all()
    return [OwnershipChangeInfo(at=r.at, from_owner_name=f, to_owner_name=t, reason=r.reason,
                                actor_name=a, note=r.note, id=r.id,
                                from_owner_id=r.from_owner_id, to_owner_id=r.to_owner_id)
            for r, f, t, a in rows]


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
    # The client plans every statement for its values (app/db.py, force_custom_plan); that
    # includes each foreign-key check of a row inserted below, re-planned per row (6 of the
    # 7 s the history rows' checks took at 35,000 rows). The plan of such a check does not
    # depend on the value: let PostgreSQL reuse it.
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
