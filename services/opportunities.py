"""Opportunities (商机): a possible deal with a customer moving through the stages.

Rules:
- Who sees and edits what: a sales rep their own opportunities, a sales manager those owned
  by members of their team, an admin all; finance and warehouse staff see none (the
  pipeline is sales work). An opportunity the actor may not see is ``NotFound``, never
  ``PermissionDenied`` (as for customers), so an id reveals nothing.
- A new opportunity needs a customer the actor may edit (a rep: their own customer; a pool
  customer must be claimed first), a title and an amount (Decimal ≥ 0, cents at most). Its
  owner is the actor when the actor is in sales, otherwise (an admin) the customer's owner;
  a rep cannot give an opportunity to someone else, a manager only to their team.
- The stage decides the state: an opportunity in a won stage is ``won``, in a lost stage
  ``lost``, otherwise ``open``. Entering won/lost sets ``closed_at``; lost needs a reason.
  Entering a stage sets the probability to the stage's default (it may be changed while
  the opportunity is open; a closed one keeps its stage's probability, 100 or 0).
- Every stage change closes the current ``stage_history`` row (``left_at``) and opens a new
  one (``entered_at``), both at the same instant, so the funnel measures time in stage.
- Reopening — moving a won or lost opportunity to any other stage — and editing a closed
  opportunity are for sales managers and admins only: won amounts count towards targets,
  so a rep cannot quietly undo a result.
- ``is_commit`` (the forecast's commit column) is set by sales managers and admins only,
  on open opportunities.
- Edits name the ``version_id`` they loaded; a stale one is a ``Conflict`` carrying the
  opportunity as it is now and the fields changed since. ``move_stage`` checks the version
  only when given one (a drag on the board passes the card's version).
- Every change is audited with before/after of the changed fields.
- Rows follow their customer when it is merged into another (customer_merge).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import ColumnElement, case, false, func, or_, select, true, update
from sqlalchemy.orm import Session, aliased

from models.base import utcnow
from models.org import User
from models.party import Customer
from models.pipeline import Opportunity, Stage, StageHistory
from services import audit, normalize
from services.customer_merge import register_merge_repoint
from services.customers import _editable, _load, changed_since
from services.money import cents, money
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from services.org import Actor
from services.stages import StageInfo, first_open_stage, list_stages

register_merge_repoint(Opportunity, "customer_id")

STATES = ("open", "won", "lost")
SCOPES = ("mine", "team", "all")
MAX_AMOUNT = Decimal("999999999999.99")          # Numeric(14, 2)
LIMITS = {"title": 200, "lost_reason": 200, "products_of_interest": 10000, "notes": 10000}
# Fields the form edits, in form order: compared, audited and reported as changed.
EDIT_FIELDS = ("customer_id", "title", "amount", "expected_close_on", "owner_id", "probability",
               "products_of_interest", "notes", "lost_reason")
_PIPELINE_ROLES = ("sales", "sales_manager", "admin")
_OWNER_ROLES = ("sales", "sales_manager", "admin")


# --------------------------------------------------------------------------- dataclasses

@dataclass(frozen=True)
class OpportunityInput:
    customer_id: int
    title: str
    amount: Decimal
    expected_close_on: dt.date | None = None
    stage_id: int | None = None           # None: first open stage (create) / keep (update)
    probability: int | None = None        # None: the stage's default (create) / keep (update)
    owner_id: int | None = None           # None: by rule (create) / keep (update)
    products_of_interest: str | None = None
    notes: str | None = None
    lost_reason: str | None = None        # needed when stage_id is a lost stage


@dataclass(frozen=True)
class OpportunityInfo:
    id: int
    customer_id: int
    customer_name: str
    title: str
    amount: Decimal
    expected_close_on: dt.date | None
    owner_id: int
    owner_name: str | None
    stage_id: int
    stage_code: str
    probability: int
    state: str                            # open | won | lost
    is_commit: bool
    products_of_interest: str | None
    lost_reason: str | None
    notes: str | None
    closed_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version_id: int
    customer_code: str = ""

    @property
    def weighted_amount(self) -> Decimal:
        return (self.amount * self.probability / 100).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class OpportunityFilter:
    scope: str = "all"                    # 'mine' | 'team' | 'all' (all the actor may see)
    stage_id: int | None = None
    state: str | None = None              # 'open' | 'won' | 'lost'
    owner_id: int | None = None
    team_id: int | None = None
    close_from: dt.date | None = None     # expected close date, inclusive
    close_to: dt.date | None = None       # inclusive
    customer_id: int | None = None
    text: str = ""                        # fragment of the title or the customer's name


@dataclass(frozen=True)
class OpportunityPage:
    rows: tuple[OpportunityInfo, ...]
    next_key: int | None                  # pass as ``after`` for the next page; None at the end


@dataclass(frozen=True)
class BoardColumn:
    stage: StageInfo
    count: int                            # all opportunities of the stage passing the filter
    amount: Decimal                       # their total amount
    cards: tuple[OpportunityInfo, ...]    # the biggest ``per_stage_limit`` of them


@dataclass(frozen=True)
class StageHistoryInfo:
    stage_id: int
    stage_code: str
    entered_at: dt.datetime
    left_at: dt.datetime | None           # None: the current stage
    user_name: str | None


# --------------------------------------------------------------------------- permissions

def pipeline_visibility(actor: Actor, owner_col) -> ColumnElement[bool]:
    """SQL condition on an owner column of pipeline rows (opportunities, leads): own rows
    for a rep, the team's for a manager, all for an admin, none for other roles. A
    subquery names the team so the check costs no extra round trip."""
    if actor.is_admin:
        return true()
    if actor.is_manager:
        if actor.team_id is None:
            return owner_col == actor.user_id
        return owner_col.in_(select(User.id).where(User.team_id == actor.team_id)
                             .scalar_subquery())
    if actor.role == "sales":
        return owner_col == actor.user_id
    return false()


def check_owner(session: Session, actor: Actor, owner_id: int, what: str) -> None:
    """May ``actor`` make ``owner_id`` the owner of ``what`` (e.g. 'opportunities')?"""
    user = session.get(User, owner_id)
    if user is None or not user.active or user.role not in _OWNER_ROLES:
        raise ValidationError("owner_id", f"User {owner_id} cannot own {what} "
                                          "(unknown, inactive or not in sales).")
    if actor.is_admin or owner_id == actor.user_id:
        return
    if actor.is_manager:
        if actor.team_id is not None and user.team_id == actor.team_id:
            return
        raise PermissionDenied(f"You can give {what} only to members of your team.")
    raise PermissionDenied(f"Only a sales manager or an administrator can give {what} to "
                           "someone else.")


def _check_role(actor: Actor) -> None:
    if actor.role not in _PIPELINE_ROLES:
        raise PermissionDenied("Only sales staff and administrators work on opportunities.")


def _customer_for_opportunity(session: Session, actor: Actor, customer_id: int) -> Customer:
    c = _load(session, actor, customer_id, lock=False)
    if c.owner_id is None and actor.role == "sales":
        raise PermissionDenied(f"Customer {c.code} is in the public pool; claim it before "
                               "opening an opportunity.")
    _editable(session, actor, c)
    return c


# --------------------------------------------------------------------------- reading helpers

_owner = aliased(User, name="opportunity_owner")


def _info_select():
    return (select(Opportunity, Customer.name, Customer.code, _owner.display_name, Stage.code)
            .join(Customer, Customer.id == Opportunity.customer_id)
            .join(Stage, Stage.id == Opportunity.stage_id)
            .outerjoin(_owner, _owner.id == Opportunity.owner_id))


def _info(row) -> OpportunityInfo:
    o, customer_name, customer_code, owner_name, stage_code = row
    return OpportunityInfo(
        id=o.id, customer_id=o.customer_id, customer_name=customer_name, title=o.title,
        amount=o.amount, expected_close_on=o.expected_close_on, owner_id=o.owner_id,
        owner_name=owner_name, stage_id=o.stage_id, stage_code=stage_code,
        probability=o.probability, state=o.state, is_commit=bool(o.is_commit),
        products_of_interest=o.products_of_interest, lost_reason=o.lost_reason, notes=o.notes,
        closed_at=o.closed_at, created_at=o.created_at, updated_at=o.updated_at,
        version_id=o.version_id, customer_code=customer_code)


def _get_info(session: Session, opp_id: int) -> OpportunityInfo:
    row = session.execute(_info_select().where(Opportunity.id == opp_id)
                          .execution_options(populate_existing=True)).first()
    if row is None:
        raise NotFound("opportunity", opp_id)
    return _info(row)


def _load_opportunity(session: Session, actor: Actor, opp_id: int, *,
                      lock: bool) -> Opportunity:
    q = (select(Opportunity)
         .where(Opportunity.id == opp_id, pipeline_visibility(actor, Opportunity.owner_id))
         .execution_options(populate_existing=True))
    if lock:
        q = q.with_for_update()
    o = session.scalar(q)
    if o is None:
        raise NotFound("opportunity", opp_id)
    return o


def _snapshot(o: Opportunity) -> dict:
    """The edited fields as the audit trail stores them (JSON: amounts and dates as text)."""
    return {f: _audit_value(getattr(o, f)) for f in EDIT_FIELDS}


def _audit_value(v):
    if isinstance(v, Decimal):
        return f"{v:.2f}"
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def _conflict(session: Session, o: Opportunity, expected_version: int) -> Conflict:
    return Conflict(f"Opportunity {o.title!r} was changed by someone else since you opened it "
                    f"(version {expected_version}, now {o.version_id}).",
                    current=_get_info(session, o.id),
                    changed=changed_since(session, "opportunity", o.id, expected_version,
                                          {**_snapshot(o), "stage_id": o.stage_id,
                                           "is_commit": bool(o.is_commit)}))


# --------------------------------------------------------------------------- validation

def _amount(value, errors: dict) -> Decimal | None:
    if value is None or value == "":
        errors["amount"] = "Amount is required (0 when not known yet)."
        return None
    if isinstance(value, float):
        errors["amount"] = "Amount must be exact (a Decimal), not a floating-point number."
        return None
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip()
                                                                  .replace(",", ""))
    except InvalidOperation:
        errors["amount"] = f"Amount {value!r} is not a number."
        return None
    if not amount.is_finite():
        errors["amount"] = f"Amount {value!r} is not a number."
    elif amount < 0:
        errors["amount"] = "Amount cannot be negative."
    elif amount > MAX_AMOUNT:
        errors["amount"] = f"Amount is too large (at most {MAX_AMOUNT:,})."
    elif amount != amount.quantize(Decimal("0.01")):
        errors["amount"] = "Amount has at most two decimals (cents)."
    else:
        return amount.quantize(Decimal("0.01"))
    return None


def _probability(value, errors: dict) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        errors["probability"] = f"Probability is a whole percent from 0 to 100 (got {value!r})."
        return None
    return value


def _texts(data: OpportunityInput, errors: dict) -> dict:
    clean = normalize.clean_text
    v = {"title": clean(data.title), "products_of_interest": clean(data.products_of_interest),
         "notes": clean(data.notes), "lost_reason": clean(data.lost_reason)}
    if v["title"]:
        v["title"] = " ".join(v["title"].split())
    else:
        errors["title"] = "Title is required."
    for f, limit in LIMITS.items():
        if v.get(f) and len(v[f]) > limit and f not in errors:
            errors[f] = f"{f.replace('_', ' ').capitalize()} is too long: {len(v[f])} " \
                        f"characters, at most {limit}."
    close = data.expected_close_on
    if close is not None and (isinstance(close, dt.datetime) or not isinstance(close, dt.date)):
        errors["expected_close_on"] = "Expected close date must be a date."
    return v


def _target_stage(session: Session, stage_id: int, errors: dict) -> Stage | None:
    s = session.get(Stage, stage_id)
    if s is None:
        errors["stage_id"] = f"Stage {stage_id} does not exist."
        return None
    if not s.active:
        errors["stage_id"] = f"Stage {s.code} is no longer in use; choose another."
        return None
    return s


def _state(stage: Stage) -> str:
    return "won" if stage.is_won else "lost" if stage.is_lost else "open"


# --------------------------------------------------------------------------- stage moves

def _apply_stage(o: Opportunity, stage: Stage, lost_reason: str | None,
                 now: dt.datetime) -> None:
    state = _state(stage)
    o.stage_id = stage.id
    o.state = state
    o.probability = stage.probability
    o.closed_at = now if state != "open" else None
    o.lost_reason = lost_reason if state == "lost" else None
    o.updated_at = now


def _enter_stage(session: Session, actor: Actor, o: Opportunity, stage: Stage,
                 lost_reason: str | None, now: dt.datetime) -> None:
    """Move the (persisted) ``o`` into ``stage`` at ``now``: the open history row is
    closed and a new one opened; state, probability, closed_at and lost reason follow."""
    if o.state in ("won", "lost") and not (actor.is_admin or actor.is_manager):
        raise PermissionDenied(f"Opportunity {o.title!r} is {o.state}; only a sales manager or "
                               "an administrator can reopen it.")
    if stage.is_lost and not lost_reason:
        raise ValidationError("lost_reason", "Say why the opportunity was lost.")
    session.execute(update(StageHistory)
                    .where(StageHistory.opportunity_id == o.id, StageHistory.left_at.is_(None))
                    .values(left_at=now).execution_options(synchronize_session=False))
    _apply_stage(o, stage, lost_reason, now)
    session.add(StageHistory(opportunity_id=o.id, stage_id=stage.id, entered_at=now,
                             user_id=actor.user_id))


# --------------------------------------------------------------------------- writing

def create_opportunity(session: Session, actor: Actor, data: OpportunityInput, *,
                       now: dt.datetime | None = None) -> OpportunityInfo:
    """Open an opportunity (see module rules for customer, owner, stage and probability).
    Every invalid field is reported at once. Starts the stage history; audited. ``now``
    (tests, imports) is the creation instant."""
    _check_role(actor)
    now = now or utcnow()
    customer = _customer_for_opportunity(session, actor, data.customer_id)
    errors: dict[str, str] = {}
    v = _texts(data, errors)
    amount = _amount(data.amount, errors)
    probability = _probability(data.probability, errors)
    if data.stage_id is not None:
        stage = _target_stage(session, data.stage_id, errors)
    else:
        stage = session.get(Stage, first_open_stage(session).id)
    if stage is not None and stage.is_lost and not v["lost_reason"]:
        errors["lost_reason"] = "Say why the opportunity was lost."
    if errors:
        raise ValidationError(errors)
    if data.owner_id is not None:
        check_owner(session, actor, data.owner_id, "opportunities")
        owner_id = data.owner_id
    elif actor.is_sales or customer.owner_id is None:
        owner_id = actor.user_id
    else:
        owner_id = customer.owner_id
    o = Opportunity(customer_id=customer.id, title=v["title"], amount=amount,
                    expected_close_on=data.expected_close_on, owner_id=owner_id,
                    is_commit=False, products_of_interest=v["products_of_interest"],
                    notes=v["notes"], created_at=now, created_by_id=actor.user_id)
    _apply_stage(o, stage, v["lost_reason"], now)
    if probability is not None and o.state == "open":
        o.probability = probability
    session.add(o)
    session.flush()
    session.add(StageHistory(opportunity_id=o.id, stage_id=stage.id, entered_at=now,
                             user_id=actor.user_id))
    after = {f: x for f, x in _snapshot(o).items() if x is not None}
    audit.record(session, actor.user_id, "opportunity.create", "opportunity", o.id,
                 version=o.version_id, customer_id=customer.id,
                 after={**after, "stage_id": o.stage_id, "state": o.state})
    return _get_info(session, o.id)


def update_opportunity(session: Session, actor: Actor, opp_id: int, data: OpportunityInput, *,
                       expected_version: int, now: dt.datetime | None = None) -> OpportunityInfo:
    """Save the form over the opportunity: title, amount, dates, texts and customer are
    replaced; ``owner_id``/``probability``/``stage_id`` None keep the current value. A new
    stage moves it as ``move_stage`` does (with ``data.lost_reason`` for a lost stage); a
    new stage without an explicit probability takes the stage's default. Closed
    opportunities: managers and admins only. Stale version → Conflict. Nothing changed →
    no write, no audit."""
    _check_role(actor)
    now = now or utcnow()
    o = _load_opportunity(session, actor, opp_id, lock=True)
    if o.version_id != expected_version:
        raise _conflict(session, o, expected_version)
    if o.state != "open" and not (actor.is_admin or actor.is_manager):
        raise PermissionDenied(f"Opportunity {o.title!r} is {o.state}; only a sales manager or "
                               "an administrator can change it.")
    errors: dict[str, str] = {}
    v = _texts(data, errors)
    amount = _amount(data.amount, errors)
    probability = _probability(data.probability, errors)
    stage = None
    if data.stage_id is not None and data.stage_id != o.stage_id:
        stage = _target_stage(session, data.stage_id, errors)
        if stage is not None and stage.is_lost and not v["lost_reason"]:
            errors["lost_reason"] = "Say why the opportunity was lost."
    if errors:
        raise ValidationError(errors)
    if data.customer_id != o.customer_id:
        _customer_for_opportunity(session, actor, data.customer_id)
    if data.owner_id is not None and data.owner_id != o.owner_id:
        check_owner(session, actor, data.owner_id, "opportunities")
    before = _snapshot(o)
    before_stage = (o.stage_id, o.state)
    if stage is not None:
        _enter_stage(session, actor, o, stage, v["lost_reason"], now)
    elif o.state == "lost" and v["lost_reason"]:
        o.lost_reason = v["lost_reason"]      # a better worded reason for a lost one
    new = {"customer_id": data.customer_id, "title": v["title"], "amount": amount,
           "expected_close_on": data.expected_close_on,
           "owner_id": data.owner_id if data.owner_id is not None else o.owner_id,
           "probability": probability if probability is not None and o.state == "open"
           else o.probability,
           "products_of_interest": v["products_of_interest"], "notes": v["notes"]}
    for f, value in new.items():
        if getattr(o, f) != value:
            setattr(o, f, value)
    after = _snapshot(o)
    changed = [f for f in EDIT_FIELDS if before[f] != after[f]]
    if not changed and stage is None:
        return _get_info(session, o.id)
    o.updated_at = now
    session.flush()
    b = {f: before[f] for f in changed}
    a = {f: after[f] for f in changed}
    if stage is not None:
        b.update(stage_id=before_stage[0], state=before_stage[1])
        a.update(stage_id=o.stage_id, state=o.state)
    audit.record(session, actor.user_id, "opportunity.update", "opportunity", o.id,
                 version=o.version_id, before=b, after=a)
    return _get_info(session, o.id)


def move_stage(session: Session, actor: Actor, opp_id: int, stage_id: int, *,
               expected_version: int | None = None, lost_reason: str | None = None,
               now: dt.datetime | None = None) -> OpportunityInfo:
    """Move an opportunity to another stage (the board's drag and drop). Closes the current
    stage_history row and opens one for the new stage at ``now``; a won/lost stage sets the
    state and ``closed_at`` (lost needs ``lost_reason``); the probability becomes the
    stage's default. Reopening a closed one: managers and admins only. Moving to the stage
    it is in changes nothing. Audited."""
    _check_role(actor)
    now = now or utcnow()
    o = _load_opportunity(session, actor, opp_id, lock=True)
    if expected_version is not None and o.version_id != expected_version:
        raise _conflict(session, o, expected_version)
    if stage_id == o.stage_id:
        return _get_info(session, o.id)
    errors: dict[str, str] = {}
    stage = _target_stage(session, stage_id, errors)
    if errors:
        raise ValidationError(errors)
    before = {"stage_id": o.stage_id, "state": o.state, "probability": o.probability}
    _enter_stage(session, actor, o, stage, normalize.clean_text(lost_reason), now)
    session.flush()
    audit.record(session, actor.user_id, "opportunity.stage", "opportunity", o.id,
                 version=o.version_id, before=before,
                 after={"stage_id": o.stage_id, "state": o.state, "probability": o.probability,
                        **({"lost_reason": o.lost_reason} if o.lost_reason else {})})
    return _get_info(session, o.id)


def set_commit(session: Session, actor: Actor, opp_id: int, commit: bool) -> OpportunityInfo:
    """Mark an open opportunity as commit (counted in the forecast's commit column) or
    unmark it. Sales managers (their team's) and admins only. Audited when it changes."""
    if not (actor.is_admin or actor.is_manager):
        raise PermissionDenied("Only a sales manager or an administrator marks commit.")
    o = _load_opportunity(session, actor, opp_id, lock=True)
    commit = bool(commit)
    if bool(o.is_commit) == commit:
        return _get_info(session, o.id)
    if commit and o.state != "open":
        raise ValidationError("is_commit", f"Opportunity {o.title!r} is {o.state}; only open "
                                           "opportunities can be marked commit.")
    o.is_commit = commit
    o.updated_at = utcnow()
    session.flush()
    audit.record(session, actor.user_id, "opportunity.commit", "opportunity", o.id,
                 version=o.version_id, before={"is_commit": not commit},
                 after={"is_commit": commit})
    return _get_info(session, o.id)


# --------------------------------------------------------------------------- reading

def get_opportunity(session: Session, actor: Actor, opp_id: int) -> OpportunityInfo:
    row = session.execute(_info_select().where(
        Opportunity.id == opp_id, pipeline_visibility(actor, Opportunity.owner_id))).first()
    if row is None:
        raise NotFound("opportunity", opp_id)
    return _info(row)


def _conditions(actor: Actor, filt: OpportunityFilter) -> tuple[list, bool]:
    """(WHERE conditions, whether they need the customer table joined)."""
    if filt.scope not in SCOPES:
        raise ValidationError("scope", f"Unknown scope {filt.scope!r}; one of {', '.join(SCOPES)}.")
    if filt.state is not None and filt.state not in STATES:
        raise ValidationError("state", f"Unknown state {filt.state!r}; one of {', '.join(STATES)}.")
    o = Opportunity
    conds = []
    conds.append(pipeline_visibility(actor, o.owner_id))
    if filt.scope == "mine":
        conds.append(o.owner_id == actor.user_id)
    elif filt.scope == "team":
        if actor.team_id is None:
            conds.append(o.owner_id == actor.user_id)
        else:
            conds.append(o.owner_id.in_(select(User.id).where(User.team_id == actor.team_id)
                                        .scalar_subquery()))
    if filt.team_id is not None:
        conds.append(o.owner_id.in_(select(User.id).where(User.team_id == filt.team_id)
                                    .scalar_subquery()))
    for col, value in ((o.stage_id, filt.stage_id), (o.state, filt.state),
                       (o.owner_id, filt.owner_id), (o.customer_id, filt.customer_id)):
        if value is not None:
            conds.append(col == value)
    if filt.close_from is not None:
        conds.append(o.expected_close_on >= filt.close_from)
    if filt.close_to is not None:
        conds.append(o.expected_close_on <= filt.close_to)
    needle = (filt.text or "").strip()
    if needle:
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conds.append(or_(o.title.ilike(pattern, escape="\\"),
                         Customer.name.ilike(pattern, escape="\\")))
        return conds, True
    return conds, False


def list_opportunities(session: Session, actor: Actor, filt: OpportunityFilter, *,
                       after: int | None = None, limit: int = 200) -> OpportunityPage:
    """One page of the opportunities ``actor`` may see that pass ``filt``, newest first
    (by id); ``after`` is the previous page's ``next_key``."""
    if limit < 1:
        raise ValidationError("limit", "A page has at least one row.")
    conds, _ = _conditions(actor, filt)
    q = _info_select().where(*conds)
    if after is not None:
        q = q.where(Opportunity.id < after)
    rows = session.execute(q.order_by(Opportunity.id.desc()).limit(limit + 1)).all()
    out = tuple(_info(r) for r in rows[:limit])
    return OpportunityPage(out, out[-1].id if len(rows) > limit else None)


def board(session: Session, actor: Actor, filt: OpportunityFilter, *,
          per_stage_limit: int = 50) -> list[BoardColumn]:
    """The kanban board: one column per active stage (and per inactive stage still holding
    opportunities), in stage order, with the count and total amount of the opportunities
    passing ``filt`` (one GROUP BY in SQL) and the ``per_stage_limit`` biggest of them by
    amount (one windowed query). Three queries whatever the number of opportunities."""
    if per_stage_limit < 0:
        raise ValidationError("per_stage_limit", "The number of cards cannot be negative.")
    conds, needs_customer = _conditions(actor, filt)
    agg = select(Opportunity.stage_id, func.count(),
                 func.coalesce(func.sum(cents(Opportunity.amount)), 0)).where(*conds)
    if needs_customer:
        agg = agg.join(Customer, Customer.id == Opportunity.customer_id)
    sums = {sid: (n, money(total_cents))
            for sid, n, total_cents in session.execute(agg.group_by(Opportunity.stage_id))}
    cards: dict[int, list[OpportunityInfo]] = {}
    if per_stage_limit and sums:
        rank = func.row_number().over(partition_by=Opportunity.stage_id,
                                      order_by=(Opportunity.amount.desc(), Opportunity.id.desc()))
        ranked = select(Opportunity.id, rank.label("rank")).where(*conds)
        if needs_customer:
            ranked = ranked.join(Customer, Customer.id == Opportunity.customer_id)
        ranked = ranked.subquery()
        q = (_info_select().join(ranked, ranked.c.id == Opportunity.id)
             .where(ranked.c.rank <= per_stage_limit)
             .order_by(Opportunity.stage_id, ranked.c.rank))
        for row in session.execute(q):
            info = _info(row)
            cards.setdefault(info.stage_id, []).append(info)
    columns = []
    for stage in list_stages(session, actor, include_inactive=True):
        if not stage.active and stage.id not in sums:
            continue
        n, amount = sums.get(stage.id, (0, Decimal("0.00")))
        columns.append(BoardColumn(stage, n, amount, tuple(cards.get(stage.id, ()))))
    return columns


def stage_history(session: Session, actor: Actor, opp_id: int) -> list[StageHistoryInfo]:
    """When the opportunity entered and left each stage, oldest first (visibility as
    get_opportunity)."""
    _load_opportunity(session, actor, opp_id, lock=False)
    rows = session.execute(
        select(StageHistory.stage_id, Stage.code, StageHistory.entered_at, StageHistory.left_at,
               User.display_name)
        .join(Stage, Stage.id == StageHistory.stage_id)
        .outerjoin(User, User.id == StageHistory.user_id)
        .where(StageHistory.opportunity_id == opp_id)
        .order_by(StageHistory.entered_at, StageHistory.id))
    return [StageHistoryInfo(*r) for r in rows]


def opportunities_of_customer(session: Session, actor: Actor,
                              customer_id: int) -> tuple[OpportunityInfo, ...]:
    """The customer's opportunities the actor may see (for the 360° view): open ones first,
    then by expected close date and newest. One query."""
    rows = session.execute(
        _info_select()
        .where(Opportunity.customer_id == customer_id,
               pipeline_visibility(actor, Opportunity.owner_id))
        .order_by(case((Opportunity.state == "open", 0), else_=1),
                  Opportunity.expected_close_on.is_(None), Opportunity.expected_close_on,
                  Opportunity.id.desc()))
    return tuple(_info(r) for r in rows)
