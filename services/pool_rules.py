"""The public pool's rules (settings key ``pool.rules``): per customer level when an owned
customer returns to the pool, the claim limit and the re-claim block. See services/pool.py
for what each rule means; services/pool.py re-exports everything here."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.system import Setting
from services import audit
from services.customers import CUSTOMER_LEVELS, DEFAULT_POOL_RETURN_DAYS, POOL_RETURN_SETTING
from services.errors import PermissionDenied, ValidationError
from services.org import Actor

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
