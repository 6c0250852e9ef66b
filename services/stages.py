"""Opportunity stages (初步接触 → 需求确认 → 方案报价 → 商务谈判 → 赢单 / 输单): configurable
name, order and default probability.

Rules:
- Everyone reads the stages; only a sales manager or an administrator changes them.
- ``code`` is the stable key (reports and imports refer to it): letters, digits, '_' or
  '-', unique. Both names are required; probability is a whole percent 0–100; a stage is
  won or lost or neither, never both.
- A stage's won/lost flags cannot change while opportunities sit in it: an opportunity's
  ``state`` (open/won/lost) is copied from its stage for the SQL aggregates, and changing
  the flags under it would make the forecast and the funnel lie.
- Changing the default probability does not touch existing opportunities; it applies to
  those entering the stage from then on.
- Deactivating a stage hides it from new moves; opportunities already in it stay there
  (the board still shows it while it has any).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.pipeline import Opportunity, Stage
from services import audit
from services.errors import NotFound, PermissionDenied, ValidationError
from services.org import Actor

_CODE = re.compile(r"^[A-Za-z0-9_-]+$")
STAGE_FIELDS = ("code", "name_en", "name_zh", "position", "probability", "is_won", "is_lost",
                "active")


@dataclass(frozen=True)
class StageInfo:
    id: int
    code: str
    name_en: str
    name_zh: str
    position: int
    probability: int          # default probability, percent
    is_won: bool
    is_lost: bool
    active: bool

    @property
    def state(self) -> str:
        """The state an opportunity in this stage has: open, won or lost."""
        return "won" if self.is_won else "lost" if self.is_lost else "open"

    @property
    def is_closed(self) -> bool:
        return self.is_won or self.is_lost


def stage_info(s: Stage) -> StageInfo:
    return StageInfo(s.id, s.code, s.name_en, s.name_zh, s.position, s.probability,
                     bool(s.is_won), bool(s.is_lost), bool(s.active))


def list_stages(session: Session, actor: Actor, *,
                include_inactive: bool = False) -> list[StageInfo]:
    """The stages in board order (position, then id); inactive ones only when asked."""
    q = select(Stage).order_by(Stage.position, Stage.id)
    if not include_inactive:
        q = q.where(Stage.active.is_(True))
    return [stage_info(s) for s in session.scalars(q)]


def get_stage(session: Session, stage_id: int) -> StageInfo:
    s = session.get(Stage, stage_id)
    if s is None:
        raise NotFound("stage", stage_id)
    return stage_info(s)


def stage_by_code(session: Session, code: str) -> StageInfo:
    s = session.scalar(select(Stage).where(Stage.code == code))
    if s is None:
        raise NotFound("stage", code)
    return stage_info(s)


def first_open_stage(session: Session) -> StageInfo:
    """Where a new opportunity starts when no stage is given: the first active open stage."""
    s = session.scalar(select(Stage).where(Stage.active.is_(True), Stage.is_won.is_(False),
                                           Stage.is_lost.is_(False))
                       .order_by(Stage.position, Stage.id).limit(1))
    if s is None:
        raise ValidationError("stage_id", "No active open stage is configured; add one in the "
                                          "stage settings first.")
    return stage_info(s)


def save_stage(session: Session, actor: Actor, *, stage_id: int | None = None, code: str,
               name_en: str, name_zh: str, position: int, probability: int,
               is_won: bool = False, is_lost: bool = False, active: bool = True) -> StageInfo:
    """Create (``stage_id`` None) or change a stage. Managers and admins only; every
    invalid field is reported at once; the won/lost flags of a stage in use are fixed
    (see module rules). Audited."""
    if not (actor.is_admin or actor.is_manager):
        raise PermissionDenied("Only a sales manager or an administrator can change the stages.")
    code = (code or "").strip()
    name_en = (name_en or "").strip()
    name_zh = (name_zh or "").strip()
    errors: dict[str, str] = {}
    if not code:
        errors["code"] = "Stage code is required."
    elif len(code) > 30 or not _CODE.match(code):
        errors["code"] = "Stage code: letters, digits, '_' or '-', at most 30."
    for f, v in (("name_en", name_en), ("name_zh", name_zh)):
        if not v:
            errors[f] = "Stage name is required."
        elif len(v) > 60:
            errors[f] = f"Stage name is too long: {len(v)} characters, at most 60."
    if not isinstance(position, int) or isinstance(position, bool):
        errors["position"] = "Position is a whole number."
    if (not isinstance(probability, int) or isinstance(probability, bool)
            or not 0 <= probability <= 100):
        errors["probability"] = f"Probability is a whole percent from 0 to 100 (got {probability!r})."
    if is_won and is_lost:
        errors["is_lost"] = "A stage cannot be both won and lost."
    stage = None
    if stage_id is not None:
        stage = session.scalar(select(Stage).where(Stage.id == stage_id).with_for_update())
        if stage is None:
            raise NotFound("stage", stage_id)
    if code and "code" not in errors:
        q = select(Stage.id).where(Stage.code == code)
        if stage is not None:
            q = q.where(Stage.id != stage.id)
        if session.scalar(q) is not None:
            errors["code"] = f"Stage code {code!r} is already used."
    if stage is not None and (bool(stage.is_won), bool(stage.is_lost)) != (bool(is_won), bool(is_lost)):
        used = session.scalar(select(func.count()).select_from(Opportunity)
                              .where(Opportunity.stage_id == stage.id))
        if used:
            errors["is_won" if bool(stage.is_won) != bool(is_won) else "is_lost"] = (
                f"Stage {stage.code} holds {used} opportunities; move them to another stage "
                "before changing whether it counts as won or lost.")
    if errors:
        raise ValidationError(errors)
    values = dict(code=code, name_en=name_en, name_zh=name_zh, position=position,
                  probability=probability, is_won=bool(is_won), is_lost=bool(is_lost),
                  active=bool(active))
    if stage is None:
        stage = Stage(**values)
        session.add(stage)
        session.flush()
        audit.record(session, actor.user_id, "stage.create", "stage", stage.id, after=values)
    else:
        before = {f: getattr(stage, f) for f in STAGE_FIELDS}
        changed = [f for f in STAGE_FIELDS if before[f] != values[f]]
        if changed:
            for f in changed:
                setattr(stage, f, values[f])
            session.flush()
            audit.record(session, actor.user_id, "stage.update", "stage", stage.id,
                         before={f: before[f] for f in changed},
                         after={f: values[f] for f in changed})
    return stage_info(stage)
