"""Print settings shared by every desktop (the ``setting`` table): the company block printed
on every document, the copies of a delivery note (白联/红联/黄联) and how long a quotation
is valid. Stored in the database so the whole office prints the same header."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.system import Setting
from services import audit
from services.errors import PermissionDenied, ValidationError
from services.org import Actor

COMPANY_SETTING = "print.company"
OPTIONS_SETTING = "print.options"
DEFAULT_COPIES = ("白联（存根）", "红联（客户）", "黄联（财务）")


@dataclass(frozen=True)
class CompanyProfile:
    name: str = ""
    address: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""
    tax_id: str = ""
    bank_name: str = ""
    bank_account: str = ""


@dataclass(frozen=True)
class PrintOptions:
    # One printed copy per name; empty = one copy without a name.
    delivery_note_copies: tuple[str, ...] = DEFAULT_COPIES
    quotation_valid_days: int = 30


def _get(session: Session, key: str):
    return session.scalar(select(Setting.value).where(Setting.key == key))


def company_profile(session: Session) -> CompanyProfile:
    """The company block; empty fields when nobody has set it yet."""
    raw = _get(session, COMPANY_SETTING)
    if not isinstance(raw, dict):
        return CompanyProfile()
    known = {f.name for f in dataclasses.fields(CompanyProfile)}
    return CompanyProfile(**{k: str(v or "") for k, v in raw.items() if k in known})


def print_options(session: Session) -> PrintOptions:
    raw = _get(session, OPTIONS_SETTING)
    if not isinstance(raw, dict):
        return PrintOptions()
    copies = raw.get("delivery_note_copies")
    days = raw.get("quotation_valid_days")
    return PrintOptions(
        delivery_note_copies=tuple(str(c) for c in copies) if isinstance(copies, list)
        else DEFAULT_COPIES,
        quotation_valid_days=days if isinstance(days, int) and days > 0 else 30)


def get_print_settings(session: Session, actor: Actor) -> tuple[CompanyProfile, PrintOptions]:
    return company_profile(session), print_options(session)


def save_print_settings(session: Session, actor: Actor, company: CompanyProfile,
                        options: PrintOptions) -> tuple[CompanyProfile, PrintOptions]:
    """Administrators set the company block and print options for the whole office."""
    if not actor.is_admin:
        raise PermissionDenied("Only an administrator can change the print settings.")
    errors = {}
    if not company.name.strip():
        errors["name"] = "Company name is required."
    if not 1 <= options.quotation_valid_days <= 365:
        errors["quotation_valid_days"] = "A quotation is valid for 1 to 365 days."
    if len(options.delivery_note_copies) > 6:
        errors["delivery_note_copies"] = "At most 6 copies."
    if errors:
        raise ValidationError(errors)
    # merge: a rare administrator's edit, so select-then-write is fine here
    session.merge(Setting(key=COMPANY_SETTING, value={
        k: v.strip() for k, v in dataclasses.asdict(company).items()}))
    session.merge(Setting(key=OPTIONS_SETTING, value={
        "delivery_note_copies": [c.strip() for c in options.delivery_note_copies if c.strip()],
        "quotation_valid_days": options.quotation_valid_days}))
    session.flush()
    audit.record(session, actor.user_id, "print.settings", "setting", None,
                 company=company.name)
    return company_profile(session), print_options(session)
