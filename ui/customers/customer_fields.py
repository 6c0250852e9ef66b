"""Customer fields as people read them: labels, and the values a form holds, so the form,
the conflict dialog and the 360° header name things the same way."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from services.customers import CustomerInput
from ui import errors

# The CustomerInput fields a user edits, in form order.
EDITABLE = ("code", "name", "kind", "level", "owner_id", "industry", "source", "region",
            "address", "phone", "email", "tax_id", "notes")
LEVELS = ("A", "B", "C", "D")


def field_label(field: str) -> str:
    return errors.field_label(field)


def kind_text(kind: str | None) -> str:
    names = {"company": QCoreApplication.translate("CustomerFields", "Company"),
             "person": QCoreApplication.translate("CustomerFields", "Person")}
    return names.get(kind or "", kind or "")


def level_text(level: str | None) -> str:
    return level or QCoreApplication.translate("CustomerFields", "(none)")


def detail_as_input(detail) -> CustomerInput:
    """The form values that reproduce a saved customer (CustomerDetail)."""
    return CustomerInput(
        name=detail.name, kind=detail.kind, code=detail.code, level=detail.level,
        industry=detail.industry, source=detail.source, region=detail.region,
        address=detail.address, phone=detail.phone, email=detail.email, tax_id=detail.tax_id,
        notes=detail.notes, owner_id=detail.owner_id, to_pool=detail.owner_id is None)


def shown(value) -> str:
    return "" if value is None else str(value).strip()


def differing_fields(mine: CustomerInput, theirs) -> tuple[str, ...]:
    """Fields where the form's values differ from a saved customer (CustomerDetail)."""
    other = detail_as_input(theirs)
    out = []
    for field in EDITABLE:
        if field == "owner_id":
            if mine.to_pool != other.to_pool or (
                    not mine.to_pool and mine.owner_id is not None
                    and mine.owner_id != other.owner_id):
                out.append(field)
        elif field == "code" and not shown(mine.code):
            continue  # empty code means "leave as it is"
        elif shown(getattr(mine, field)) != shown(getattr(other, field)):
            out.append(field)
    return tuple(out)
