"""Sales order approval rules, kept as a setting (``setting`` key ``sales_order_approval``,
JSON ``{"amount_above": "50000.00" | null, "discount_above": "10" | null}``).

A submitted order needs a sales manager's (or an administrator's) approval when its
tax-inclusive total is above ``amount_above`` or any line's discount is above
``discount_above`` percent; otherwise it is approved as soon as it is submitted. A rule
left empty (None) never asks for approval. With no setting stored, no order needs one.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from models.system import Setting
from services import audit
from services.errors import PermissionDenied, ValidationError
from services.stock_ledger import plain as _plain
from services.org import Actor

SETTING_KEY = "sales_order_approval"
MAX_AMOUNT = Decimal("1e12")


@dataclass(frozen=True)
class ApprovalRules:
    amount_above: Decimal | None = None
    discount_above: Decimal | None = None


def _parse(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        d = Decimal(str(value))
    except ArithmeticError:
        return None
    return d if d.is_finite() else None


def rules_from_setting(value) -> ApprovalRules:
    """The rules from the stored JSON; a malformed part counts as not set."""
    value = value if isinstance(value, dict) else {}
    return ApprovalRules(_parse(value.get("amount_above")), _parse(value.get("discount_above")))


def load_rules(session: Session) -> ApprovalRules:
    return rules_from_setting(session.scalar(select(Setting.value)
                                             .where(Setting.key == SETTING_KEY)))


def get_approval_rules(session: Session, actor: Actor) -> ApprovalRules:
    """The current rules; everyone may read them (the order form shows when an order will
    need approval)."""
    return load_rules(session)


def set_approval_rules(session: Session, actor: Actor, rules: ApprovalRules) -> ApprovalRules:
    """Store the rules (sales managers and administrators). The amount is money from 0 with
    at most two decimals; the discount a percentage from 0 to 100. Audited with before and
    after. Orders already submitted keep the decision taken when they were submitted."""
    if not (actor.is_admin or actor.is_manager):
        raise PermissionDenied("Only a sales manager or an administrator can change the "
                               "approval rules.")
    errors: dict[str, str] = {}
    amount, discount = _parse(rules.amount_above), _parse(rules.discount_above)
    if rules.amount_above is not None and (
            amount is None or amount < 0 or amount >= MAX_AMOUNT
            or amount != amount.quantize(Decimal("0.01"))):
        errors["amount_above"] = "The approval amount is money from 0 with at most two " \
                                 "decimals, or empty."
    if rules.discount_above is not None and (
            discount is None or not 0 <= discount <= 100
            or discount != discount.quantize(Decimal("0.01"))):
        errors["discount_above"] = "The approval discount is a percentage from 0 to 100, " \
                                   "or empty."
    if errors:
        raise ValidationError(errors)
    before = _to_json(load_rules(session))
    after = _to_json(ApprovalRules(amount, discount))
    # An upsert, so two first saves at the same moment do not collide on the key.
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = insert(Setting).values(key=SETTING_KEY, value=after)
    session.execute(stmt.on_conflict_do_update(index_elements=[Setting.key],
                                               set_={"value": stmt.excluded.value}))
    audit.record(session, actor.user_id, "approval.rules", "setting", None,
                 key=SETTING_KEY, before=before, after=after)
    return load_rules(session)


def _to_json(rules: ApprovalRules) -> dict:
    def s(v):
        return None if v is None else f"{v.normalize():f}"
    return {"amount_above": s(rules.amount_above), "discount_above": s(rules.discount_above)}


def approval_reasons(rules: ApprovalRules, total: Decimal,
                     discounts: Iterable[tuple[int, Decimal]]) -> list[str]:
    """Why an order needs a manager (empty: it does not). ``discounts`` are (line_no,
    discount_pct). Each reason is one English sentence (ui/errors.py translates them)."""
    reasons: list[str] = []
    if rules.amount_above is not None and total > rules.amount_above:
        reasons.append(f"The total {total:.2f} is above the approval limit "
                       f"{rules.amount_above:.2f}.")
    if rules.discount_above is not None:
        over = [(n, d) for n, d in discounts if d > rules.discount_above]
        if over:
            n, d = max(over, key=lambda x: (x[1], -x[0]))
            reasons.append(f"Line {n} has a {_plain(d)}% discount, above the approval limit "
                           f"of {_plain(rules.discount_above)}%.")
    return reasons
