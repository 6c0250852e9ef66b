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

The sweep (``sweep_pool``, services/pool_sweep.py) is set-based — on PostgreSQL three
statements (lock the due rows, found through two partial expression indexes,
models/pipeline.py POOL_INDEXES; insert their history and audit rows; update them), three
on SQLite (under its write lock) — and idempotent: a second run with the same clock finds
nothing. ``sweep_due`` runs it at most once per interval across all clients (setting
``pool.last_sweep_at``, locked while checked). The rules' storage is services/pool_rules.py;
this module re-exports both.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, aliased

from models.base import utcnow
from models.org import User
from models.party import Customer
from models.pipeline import OwnershipChange
from services import audit
from services.customers import CustomerDetail, _check_owner, _detail, _load
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from services.org import Actor, can_edit_customer, customer_visibility
# The rules and the sweep live in their own modules; callers use them through this one.
from services.pool_rules import (  # noqa: F401
    BLOCKING_REASONS, CLAIM_ROLES, DEFAULT_RECLAIM_BLOCK_DAYS, LAST_SWEEP_SETTING, MAX_DAYS,
    MAX_NOTE, RULES_SETTING, LevelRule, PoolRules, _put_setting, get_pool_rules,
    rules_to_json, save_pool_rules)
from services.pool_sweep import (  # noqa: F401
    SWEEP_KINDS, PoolDueRow, SweepResult, due_for_pool, has_won_since, sweep_due, sweep_pool)


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
