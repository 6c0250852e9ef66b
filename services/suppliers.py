"""Suppliers (供应商): master data, contacts, payment terms, rating and purchase history.

Rules enforced here (each public function's docstring says which apply):

- Who edits: warehouse staff and administrators create and change suppliers and their
  contacts (they buy the goods); every other role reads them (finance pays them).
- Codes: ``S-000001``… from a gapless counter row (``doc_sequence`` ``('supplier', 0)``,
  locked while taken, so a rolled-back create gives its number back); a code typed by hand
  is kept (unique, no spaces) and the counter skips it.
- Name required; phone and email validated like a customer's; tax id normalised and, when
  it has 18 characters, checked as a unified social credit code; rating 1–5 stars or none;
  payment days 0–365 or none (the terms text says the rest, e.g. 月结30天).
- At most one primary contact: marking one primary unmarks the others.
- Optimistic locking: ``update_supplier`` names the ``version_id`` the form loaded; a stale
  one is a ``Conflict`` with the supplier as it is now and the fields changed since.
- Every change is audited (services.audit) with before/after of the changed fields.
"""
from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.catalog import Supplier, SupplierContact
from models.stock import PurchaseOrder, StockDocument, StockDocumentLine
from services import audit, normalize, numbering
from services import catalog_values as values
from services.catalog import apply_changes, check_editor, like_pattern
from services.customer_search import normalize_text
from services.customers import changed_since
from services.errors import Conflict, NotFound, ValidationError
from services.money import cents, money
from services.org import Actor

CODE_PREFIX = "S-"
CODE_SEQUENCE = ("supplier", 0)       # doc_sequence key of the supplier code counter
LIMITS = {"name": 200, "phone": 40, "email": 120, "address": 300, "tax_id": 40,
          "bank_account": 80, "payment_terms": 80, "notes": 10000}
CONTACT_LIMITS = {"name": 100, "title": 60, "phone": 40, "email": 120}
SUPPLIER_FIELDS = ("code", "name", "phone", "email", "address", "tax_id", "bank_account",
                   "payment_terms", "payment_days", "rating", "notes", "active")
CONTACT_FIELDS = ("name", "title", "phone", "email", "is_primary")
HISTORY_LIMIT = 500


@dataclass(frozen=True)
class SupplierInput:
    """What the supplier form supplies. Empty strings count as "not given"."""

    name: str
    code: str | None = None               # assigned (S-000001 style) when empty
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    tax_id: str | None = None
    bank_account: str | None = None
    payment_terms: str | None = None      # e.g. 月结30天, 款到发货
    payment_days: int | None = None
    rating: int | None = None             # 1–5 stars
    notes: str | None = None
    active: bool = True


@dataclass(frozen=True)
class SupplierContactInput:
    name: str
    title: str | None = None
    phone: str | None = None
    email: str | None = None
    is_primary: bool = False


@dataclass(frozen=True)
class SupplierContactInfo:
    id: int
    supplier_id: int
    name: str
    title: str | None
    phone: str | None
    email: str | None
    is_primary: bool


@dataclass(frozen=True)
class SupplierInfo:
    id: int
    code: str
    name: str
    phone: str | None
    email: str | None
    address: str | None
    tax_id: str | None
    bank_account: str | None
    payment_terms: str | None
    payment_days: int | None
    rating: int | None
    notes: str | None
    active: bool
    version_id: int
    contacts: tuple[SupplierContactInfo, ...] = ()


@dataclass(frozen=True)
class PurchaseHistoryRow:
    """One purchase order (kind 'PO'), goods receipt ('GR') or supplier return ('SR').
    ``total``: an order's tax-inclusive total; a receipt's or return's value at cost
    (qty × unit cost, net of tax). ``number`` is None for a draft not numbered yet."""

    kind: str
    id: int
    number: str | None
    date: dt.date
    state: str
    total: Decimal


# --------------------------------------------------------------------------- helpers

def _values(data: SupplierInput) -> tuple[dict, dict[str, str]]:
    errors: dict[str, str] = {}
    v: dict = {"code": values.code(data.code, "code", 32, errors)}
    for f, limit in LIMITS.items():
        v[f] = values.text(getattr(data, f), f, limit, errors,
                           required="Name is required." if f == "name" else None)
    if v["name"]:
        v["name"] = " ".join(v["name"].split())
    v["email"] = normalize.normalize_email(v["email"])
    v["tax_id"] = normalize.normalize_tax_id(v["tax_id"])
    for f, message in (("phone", normalize.validate_phone(v["phone"])),
                       ("email", normalize.validate_email(v["email"]))):
        if message and f not in errors:
            errors[f] = message
    if v["tax_id"] and "tax_id" not in errors:
        message = normalize.validate_tax_id(v["tax_id"], kind="company")
        if message:
            errors["tax_id"] = message
    v["payment_days"] = values.whole(
        data.payment_days, "payment_days", errors, low=0, high=365,
        message=f"Payment days must be a whole number from 0 to 365 "
                f"(got {data.payment_days!r}).")
    v["rating"] = values.whole(data.rating, "rating", errors, low=1, high=5,
                               message=f"Rating is 1 to 5 stars (got {data.rating!r}).")
    v["active"] = bool(data.active)
    return v, errors


def _code_taken(session: Session, code: str, exclude_id: int | None) -> bool:
    q = select(Supplier.id).where(Supplier.code == code)
    if exclude_id is not None:
        q = q.where(Supplier.id != exclude_id)
    return session.scalar(q) is not None


def _next_code(session: Session) -> str:
    """The next free ``S-000001`` style code (services.numbering.next_code)."""
    return numbering.next_code(session, CODE_SEQUENCE[0], CODE_PREFIX,
                               lambda code: _code_taken(session, code, None))


def _contact_info(c: SupplierContact) -> SupplierContactInfo:
    return SupplierContactInfo(c.id, c.supplier_id, c.name, c.title, c.phone, c.email,
                               bool(c.is_primary))


def _info(session: Session, supplier_id: int) -> SupplierInfo:
    s = session.scalar(select(Supplier).where(Supplier.id == supplier_id)
                       .execution_options(populate_existing=True))
    if s is None:
        raise NotFound("supplier", supplier_id)
    contacts = tuple(_contact_info(c) for c in session.scalars(
        select(SupplierContact).where(SupplierContact.supplier_id == supplier_id)
        .order_by(SupplierContact.is_primary.desc(), SupplierContact.id)))
    return SupplierInfo(**{f: getattr(s, f) for f in SUPPLIER_FIELDS}, id=s.id,
                        version_id=s.version_id, contacts=contacts)


def _snapshot(s: Supplier) -> dict:
    return {f: getattr(s, f) for f in SUPPLIER_FIELDS}


@contextmanager
def _unique_code(code: str):
    """A concurrent save that took the code after our check is told like the check."""
    try:
        yield
    except IntegrityError as exc:
        if "code" in str(exc.orig).lower():
            raise ValidationError("code", f"Supplier code {code!r} is already used by "
                                          "another supplier.") from None
        raise


# --------------------------------------------------------------------------- suppliers

def create_supplier(session: Session, actor: Actor, data: SupplierInput) -> SupplierInfo:
    """Create a supplier (warehouse staff and administrators only). All invalid fields at
    once; the code is assigned when empty (see module rules). Audited."""
    check_editor(actor, "suppliers")
    v, errors = _values(data)
    if v["code"] and "code" not in errors and _code_taken(session, v["code"], None):
        errors["code"] = f"Supplier code {v['code']!r} is already used by another supplier."
    if errors:
        raise ValidationError(errors)
    v["code"] = v["code"] or _next_code(session)
    s = Supplier(**v)
    session.add(s)
    with _unique_code(v["code"]):
        session.flush()
    audit.record(session, actor.user_id, "supplier.create", "supplier", s.id,
                 version=s.version_id,
                 after={f: x for f, x in _snapshot(s).items() if x is not None})
    return _info(session, s.id)


def update_supplier(session: Session, actor: Actor, supplier_id: int, data: SupplierInput,
                    expected_version: int) -> SupplierInfo:
    """Save the supplier form (warehouse staff and administrators only): every field is
    replaced; an empty code keeps the current one. Stale ``expected_version`` →
    Conflict(current=SupplierInfo, changed=fields). Nothing changed → no write, no audit."""
    check_editor(actor, "suppliers")
    s = session.scalar(select(Supplier).where(Supplier.id == supplier_id).with_for_update()
                       .execution_options(populate_existing=True))
    if s is None:
        raise NotFound("supplier", supplier_id)
    before = _snapshot(s)
    if s.version_id != expected_version:
        raise Conflict(f"Supplier {s.code} was changed by someone else since you opened it "
                       f"(version {expected_version}, now {s.version_id}).",
                       current=_info(session, s.id),
                       changed=changed_since(session, "supplier", s.id, expected_version,
                                             before))
    v, errors = _values(data)
    v["code"] = v["code"] or s.code
    if "code" not in errors and _code_taken(session, v["code"], s.id):
        errors["code"] = f"Supplier code {v['code']!r} is already used by another supplier."
    if errors:
        raise ValidationError(errors)
    with _unique_code(v["code"]):
        apply_changes(session, actor, s, "supplier", before, v)
    return _info(session, s.id)


def get_supplier(session: Session, actor: Actor, supplier_id: int) -> SupplierInfo:
    """One supplier with its contacts (primary first). Every role reads suppliers."""
    return _info(session, supplier_id)


def search_suppliers(session: Session, actor: Actor, text: str = "", limit: int = 50, *,
                     active_only: bool = True) -> list[SupplierInfo]:
    """Suppliers whose code, name, phone or a contact's name or phone contains every word
    of ``text`` (width- and case-folded), by name. Contacts are not loaded (empty tuple):
    open one with get_supplier. Every role reads suppliers."""
    limit = max(1, min(int(limit), 500))
    q = select(Supplier).order_by(Supplier.name, Supplier.id).limit(limit)
    if active_only:
        q = q.where(Supplier.active.is_(True))
    for word in normalize_text(text).split():
        pattern = like_pattern(word)
        contact = (select(SupplierContact.id)
                   .where(SupplierContact.supplier_id == Supplier.id,
                          or_(func.lower(SupplierContact.name).like(pattern, escape="\\"),
                              SupplierContact.phone.like(pattern, escape="\\")))
                   .exists())
        q = q.where(or_(func.lower(Supplier.code).like(pattern, escape="\\"),
                        func.lower(Supplier.name).like(pattern, escape="\\"),
                        Supplier.phone.like(pattern, escape="\\"), contact))
    return [SupplierInfo(**{f: getattr(s, f) for f in SUPPLIER_FIELDS}, id=s.id,
                         version_id=s.version_id) for s in session.scalars(q)]


# --------------------------------------------------------------------------- contacts

def _contact_values(data: SupplierContactInput) -> dict:
    errors: dict[str, str] = {}
    v = {f: values.text(getattr(data, f), f, limit, errors,
                        required="Contact name is required." if f == "name" else None)
         for f, limit in CONTACT_LIMITS.items()}
    v["email"] = normalize.normalize_email(v["email"])
    for f, message in (("phone", normalize.validate_phone(v["phone"])),
                       ("email", normalize.validate_email(v["email"]))):
        if message and f not in errors:
            errors[f] = message
    if errors:
        raise ValidationError(errors)
    v["is_primary"] = bool(data.is_primary)
    return v


def _editable_supplier(session: Session, actor: Actor, supplier_id: int) -> Supplier:
    check_editor(actor, "suppliers")
    s = session.get(Supplier, supplier_id)
    if s is None:
        raise NotFound("supplier", supplier_id)
    return s


def _unmark_other_primaries(session: Session, supplier_id: int, keep_id: int) -> None:
    session.execute(update(SupplierContact)
                    .where(SupplierContact.supplier_id == supplier_id,
                           SupplierContact.id != keep_id,
                           SupplierContact.is_primary.is_(True))
                    .values(is_primary=False).execution_options(synchronize_session="fetch"))


def add_supplier_contact(session: Session, actor: Actor, supplier_id: int,
                         data: SupplierContactInput) -> SupplierContactInfo:
    """Add a contact (warehouse staff and administrators only). Name required, phone and
    email validated; a primary contact unmarks the others. Audited."""
    s = _editable_supplier(session, actor, supplier_id)
    v = _contact_values(data)
    c = SupplierContact(supplier_id=s.id, **v)
    session.add(c)
    session.flush()
    if c.is_primary:
        _unmark_other_primaries(session, s.id, c.id)
    audit.record(session, actor.user_id, "supplier_contact.add", "supplier_contact", c.id,
                 supplier_id=s.id, after={f: x for f, x in v.items() if x not in (None, False)})
    return _contact_info(c)


def _load_contact(session: Session, actor: Actor, contact_id: int) -> SupplierContact:
    c = session.scalar(select(SupplierContact).where(SupplierContact.id == contact_id)
                       .with_for_update().execution_options(populate_existing=True))
    if c is None:
        raise NotFound("supplier_contact", contact_id)
    _editable_supplier(session, actor, c.supplier_id)
    return c


def update_supplier_contact(session: Session, actor: Actor, contact_id: int,
                            data: SupplierContactInput) -> SupplierContactInfo:
    """Replace a contact's fields (warehouse staff and administrators only; rules as
    add_supplier_contact). Last save wins: a contact is a few phone-book fields."""
    c = _load_contact(session, actor, contact_id)
    v = _contact_values(data)
    before = {f: getattr(c, f) for f in CONTACT_FIELDS}
    changed = apply_changes(session, actor, c, "supplier_contact", before, v,
                            supplier_id=c.supplier_id)
    if c.is_primary and "is_primary" in changed:
        _unmark_other_primaries(session, c.supplier_id, c.id)
    return _contact_info(c)


def remove_supplier_contact(session: Session, actor: Actor, contact_id: int) -> None:
    """Delete a contact (warehouse staff and administrators only). Audited with what it
    held, so the trail still tells who the person was."""
    c = _load_contact(session, actor, contact_id)
    audit.record(session, actor.user_id, "supplier_contact.remove", "supplier_contact", c.id,
                 supplier_id=c.supplier_id,
                 before={f: getattr(c, f) for f in CONTACT_FIELDS})
    session.delete(c)
    session.flush()


# --------------------------------------------------------------------------- history

def supplier_purchase_history(session: Session, actor: Actor, supplier_id: int, *,
                              limit: int = HISTORY_LIMIT) -> list[PurchaseHistoryRow]:
    """The supplier's purchase orders, goods receipts and supplier returns (cancelled
    drafts included, so the history is complete), newest first, at most ``limit``. A
    receipt belongs to the supplier when it names the supplier or comes from one of its
    purchase orders. Every role reads suppliers."""
    if session.get(Supplier, supplier_id) is None:
        raise NotFound("supplier", supplier_id)
    orders = session.execute(
        select(PurchaseOrder.id, PurchaseOrder.number, PurchaseOrder.order_date,
               PurchaseOrder.state, PurchaseOrder.total)
        .where(PurchaseOrder.supplier_id == supplier_id)
        .order_by(PurchaseOrder.order_date.desc(), PurchaseOrder.id.desc()).limit(limit)).all()
    po_ids = select(PurchaseOrder.id).where(PurchaseOrder.supplier_id == supplier_id)
    value = (select(func.coalesce(func.sum(cents(StockDocumentLine.qty
                                                 * func.coalesce(StockDocumentLine.unit_cost,
                                                                 0))), 0))
             .where(StockDocumentLine.document_id == StockDocument.id)
             .scalar_subquery())
    docs = session.execute(
        select(StockDocument.doc_type, StockDocument.id, StockDocument.number,
               StockDocument.doc_date, StockDocument.state, value)
        .where(StockDocument.doc_type.in_(("GR", "SR")),
               or_(StockDocument.supplier_id == supplier_id,
                   StockDocument.purchase_order_id.in_(po_ids)))
        .order_by(StockDocument.doc_date.desc(), StockDocument.id.desc()).limit(limit)).all()
    rows = [PurchaseHistoryRow("PO", i, n, d, st, values.canonical(t, 2))
            for i, n, d, st, t in orders]
    rows += [PurchaseHistoryRow(k, i, n, d, st, money(v)) for k, i, n, d, st, v in docs]
    rows.sort(key=lambda r: (r.date, r.id), reverse=True)
    return rows[:limit]
