"""Sales pipeline screens: the kanban board, the opportunity form (here) and the funnel,
forecast, targets and performance views.

Shared by them: a stage's name in the user's language, money as people read it and type
it, and the sales staff an owner combo offers."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from app import i18n
from services import org as org_service

OWNER_ROLES = ("sales", "sales_manager")


def stage_name(stage) -> str:
    """``name_zh`` when the interface is Chinese, else ``name_en`` (a StageInfo or any
    object with both)."""
    if i18n.current_language().startswith("zh"):
        return stage.name_zh or stage.name_en
    return stage.name_en or stage.name_zh


def money_text(amount: Decimal | None, *, symbol: str = "¥") -> str:
    """12345.5 → '¥12,345.50'; whole amounts without cents: '¥12,345'."""
    if amount is None:
        return ""
    amount = Decimal(amount)
    if amount == amount.to_integral_value():
        return f"{symbol}{amount:,.0f}"
    return f"{symbol}{amount:,.2f}"


def parse_money(text: str) -> Decimal | None:
    """What a clerk types for an amount: '12000', '12,000.50', '¥12 000', '1.5万'.
    '' → None; anything else raises ValueError."""
    t = (text or "").strip()
    for junk in (",", "，", "¥", "￥", " ", "\u00a0", "元"):
        t = t.replace(junk, "")
    if not t:
        return None
    factor = Decimal(1)
    if t.endswith("万"):
        t, factor = t[:-1], Decimal(10000)
    try:
        value = Decimal(t) * factor
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value.quantize(Decimal("0.01"))


def sales_people(session, actor):
    """Whom an owner combo offers: a rep only themself, a manager their team, an admin all
    sales staff. The services check again on save; this only spares pointless choices."""
    users = [u for u in org_service.list_users(session) if u.role in OWNER_ROLES]
    if actor.role == "sales":
        return [u for u in users if u.id == actor.user_id]
    if actor.role == "sales_manager":
        return [u for u in users if u.id == actor.user_id or
                (actor.team_id is not None and u.team_id == actor.team_id)]
    return users
