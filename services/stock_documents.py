"""Stock documents in general: what every type (receipt GR, delivery note DN, customer
return CR, supplier return SR, transfer TR, count SC) shares — creating a draft idempotently
by its client UUID, reading it, replacing a draft's lines, cancelling a draft, and posting.

Posting is dispatched to the type's poster (registered with :func:`poster`), always in the
same frame:

1. lock the document row (``FOR UPDATE``);
2. already posted → return it with ``already_posted=True`` (a double click, a resend after a
   dropped connection, or a colleague who posted it first: it posts once);
3. the poster checks the lines against its rule (e.g. not more than the order still owes),
   calls ``stock_ledger.mark_posted`` and ``stock_ledger.apply_moves`` (balances under
   sorted locks; the ledger rows are kept back) and updates the order it comes from;
4. ``stock_ledger.finish_posting`` takes the gapless number, makes the conditional state
   change and writes the ledger rows, and the audit entry follows — the number's counter
   is locked only for these last statements, all in the caller's one transaction.

Posted documents are never edited (PostgreSQL triggers enforce it); a mistake is corrected
by a reversal document (see the transfer/count/reversal module).
"""
from __future__ import annotations

import datetime as dt
import functools
import uuid as uuidlib
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Callable

from sqlalchemy import bindparam, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from models.base import utcnow
from models.catalog import Product, Supplier, Warehouse
from models.org import User
from models.party import Customer
from models.stock import (STOCK_DOC_TYPES, PurchaseOrder, SalesOrder, StockDocument,
                          StockDocumentLine)
from services import audit
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from services.org import Actor
from services.stock_ledger import (created_here, finish_posting, is_posting,
                                   lock_document, qty)

# Who may create and post stock documents. Posting a count is its approval: admin only.
STOCK_ROLES = ("warehouse", "admin")
COUNT_APPROVERS = ("admin",)

DOC_TYPE_NAMES = {"GR": "goods receipt", "DN": "delivery note", "CR": "customer return",
                  "SR": "supplier return", "TR": "transfer", "SC": "stock count"}


@dataclass(frozen=True)
class DocLineInput:
    product_id: int
    qty: Decimal
    unit_cost: Decimal | None = None
    unit_price: Decimal | None = None
    po_line_id: int | None = None
    so_line_id: int | None = None
    source_line_id: int | None = None
    reason: str | None = None
    system_qty: Decimal | None = None


@dataclass(frozen=True)
class DocLineInfo:
    id: int
    line_no: int
    product_id: int
    sku: str
    product_name: str
    spec: str | None
    unit: str
    qty_decimals: int
    barcode: str | None
    qty: Decimal
    system_qty: Decimal | None
    unit_cost: Decimal | None
    unit_price: Decimal | None
    po_line_id: int | None
    so_line_id: int | None
    source_line_id: int | None
    reason: str | None


@dataclass(frozen=True)
class StockDocInfo:
    id: int
    doc_type: str
    number: str | None
    state: str
    client_uuid: str
    doc_date: dt.date
    warehouse_id: int
    warehouse_name: str
    to_warehouse_id: int | None
    to_warehouse_name: str | None
    customer_id: int | None
    customer_name: str | None
    supplier_id: int | None
    supplier_name: str | None
    purchase_order_id: int | None
    purchase_order_number: str | None
    sales_order_id: int | None
    sales_order_number: str | None
    source_document_id: int | None
    reverses_id: int | None
    reason: str | None
    quality_note: str | None
    notes: str | None
    delivery_address: str | None
    posted_at: dt.datetime | None
    posted_by_name: str | None
    created_at: dt.datetime
    created_by_name: str | None
    version_id: int
    lines: tuple[DocLineInfo, ...] = ()

    @property
    def label(self) -> str:
        """The number once posted; before that the type and draft id."""
        return self.number or f"{self.doc_type} #{self.id}"


@dataclass(frozen=True)
class PostResult:
    document: StockDocInfo
    already_posted: bool


@dataclass(frozen=True)
class StockDocFilter:
    doc_types: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    warehouse_id: int | None = None
    customer_id: int | None = None
    supplier_id: int | None = None
    sales_order_id: int | None = None
    purchase_order_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


Poster = Callable[[Session, Actor, StockDocument], None]
_POSTERS: dict[str, Poster] = {}


def poster(doc_type: str) -> Callable[[Poster], Poster]:
    """Register the function that posts documents of ``doc_type`` (see module docstring)."""
    def register(fn: Poster) -> Poster:
        _POSTERS[doc_type] = fn
        return fn
    return register


def check_stock_role(actor: Actor, what: str = "work with stock documents") -> None:
    if actor.role not in STOCK_ROLES:
        raise PermissionDenied(f"Only warehouse staff and administrators may {what}.")


def new_uuid() -> str:
    return str(uuidlib.uuid4())


def new_document(session: Session, actor: Actor, doc_type: str, client_uuid: str, *,
                 warehouse_id: int, doc_date: dt.date | None = None,
                 looked_up: bool = False, **header) -> tuple[StockDocument, bool]:
    """Create a draft, or return the one this client UUID already created (a resend).
    Returns ``(document, created)``. ``looked_up``: the caller has just looked for this
    UUID in this transaction and found nothing (a resend racing it still ends here)."""
    if doc_type not in STOCK_DOC_TYPES:
        raise ValueError(f"unknown stock document type {doc_type!r}")
    existing = None if looked_up else session.scalar(
        select(StockDocument).where(StockDocument.client_uuid == client_uuid))
    if existing is not None:
        if existing.doc_type != doc_type:
            raise ValidationError("client_uuid", "This document id is already used by "
                                  "another kind of document.")
        return existing, False
    if session.get(Warehouse, warehouse_id) is None:
        raise ValidationError("warehouse_id", "Choose a warehouse.")
    doc = StockDocument(doc_type=doc_type, client_uuid=client_uuid, state="draft",
                        warehouse_id=warehouse_id, doc_date=doc_date or dt.date.today(),
                        created_by_id=actor.user_id, **header)
    try:
        # A concurrent resend with the same UUID waits for the first call and then hits the
        # UNIQUE index: roll back to the savepoint and use the document the first one made.
        with session.begin_nested():
            session.add(doc)
            session.flush()
    except IntegrityError:
        existing = session.scalar(select(StockDocument)
                                  .where(StockDocument.client_uuid == client_uuid))
        if existing is None:
            raise
        if existing.doc_type != doc_type:
            raise ValidationError("client_uuid", "This document id is already used by "
                                  "another kind of document.") from None
        return existing, False
    created_here(session)[doc.id] = 0
    audit.record(session, actor.user_id, "create", "stock_document", doc.id,
                 doc_type=doc_type)
    return doc, True


def write_lines(session: Session, doc: StockDocument, lines: tuple[DocLineInput, ...]) -> None:
    """Replace a draft's lines (validated: known products, quantities not negative and
    within the product's decimals)."""
    errors: dict[str, str] = {}
    products = {p.id: p for p in session.scalars(
        select(Product).where(Product.id.in_({ln.product_id for ln in lines})))}
    for i, ln in enumerate(lines, start=1):
        p = products.get(ln.product_id)
        if p is None:
            errors[f"lines[{i}].product_id"] = f"Line {i}: unknown product."
            continue
        q = Decimal(ln.qty)
        if q < 0 or (q == 0 and doc.doc_type != "SC"):
            errors[f"lines[{i}].qty"] = f"Line {i} ({p.sku}): the quantity must be above zero."
        elif q != q.quantize(Decimal(1).scaleb(-p.qty_decimals)):
            errors[f"lines[{i}].qty"] = (f"Line {i} ({p.sku}): {p.unit} takes at most "
                                         f"{p.qty_decimals} decimals.")
    if errors:
        raise ValidationError(errors)
    created = created_here(session)
    if created.get(doc.id) != 0:        # a new document has no lines to replace yet
        session.execute(delete(StockDocumentLine)
                        .where(StockDocumentLine.document_id == doc.id))
    session.add_all(StockDocumentLine(
        document_id=doc.id, line_no=i, product_id=ln.product_id, qty=qty(ln.qty),
        system_qty=ln.system_qty, unit_cost=ln.unit_cost, unit_price=ln.unit_price,
        po_line_id=ln.po_line_id, so_line_id=ln.so_line_id, source_line_id=ln.source_line_id,
        reason=ln.reason) for i, ln in enumerate(lines, start=1))
    session.flush()
    if doc.id in created:
        created[doc.id] = len(lines)


def _load(session: Session, actor: Actor, doc_id: int) -> StockDocument:
    doc = session.get(StockDocument, doc_id)
    if doc is None:
        raise NotFound("stock document", doc_id)
    return doc


def _draft_for_edit(session: Session, actor: Actor, doc_id: int,
                    expected_version: int | None) -> StockDocument:
    check_stock_role(actor, "edit stock documents")
    doc = lock_document(session, doc_id)
    if doc.state not in ("draft", "submitted") or (doc.state == "submitted"
                                                   and doc.doc_type != "SC"):
        raise ValidationError("state", f"{doc.number or 'This document'} is {doc.state} "
                              "and can no longer be changed.")
    if expected_version is not None and doc.version_id != expected_version:
        raise Conflict("Someone else changed this document after you opened it.",
                       current=get_stock_document(session, actor, doc_id))
    return doc


def set_draft_lines(session: Session, actor: Actor, doc_id: int,
                    lines: tuple[DocLineInput, ...], *, expected_version: int | None = None,
                    **header) -> StockDocInfo:
    """Replace the lines (and optionally header fields such as ``notes``, ``reason``,
    ``doc_date``, ``quality_note``, ``delivery_address``) of a draft. A document edited by
    someone else since it was loaded is a ``Conflict``."""
    doc = _draft_for_edit(session, actor, doc_id, expected_version)
    allowed = {"notes", "reason", "doc_date", "quality_note", "delivery_address",
               "to_warehouse_id", "supplier_id", "customer_id"}
    unknown = set(header) - allowed
    if unknown:
        raise ValueError(f"cannot set {sorted(unknown)} on a draft")
    for k, v in header.items():
        setattr(doc, k, v)
    write_lines(session, doc, tuple(lines))
    doc.version_id += 1
    doc.updated_at = utcnow()
    session.flush()
    audit.record(session, actor.user_id, "update", "stock_document", doc.id,
                 lines=len(lines), version=doc.version_id)
    return get_stock_document(session, actor, doc.id)


def cancel_draft(session: Session, actor: Actor, doc_id: int) -> StockDocInfo:
    """Cancel a draft (posted documents are reversed instead, never cancelled)."""
    doc = _draft_for_edit(session, actor, doc_id, None)
    doc.state = "cancelled"
    doc.cancelled_at = utcnow()
    audit.record(session, actor.user_id, "cancel", "stock_document", doc.id)
    session.flush()
    return get_stock_document(session, actor, doc.id)


def post_document(session: Session, actor: Actor, doc_id: int) -> PostResult:
    """Post a draft (see module docstring). Idempotent: posting a posted document returns
    it with ``already_posted=True`` and changes nothing."""
    check_stock_role(actor, "post stock documents")
    doc = lock_document(session, doc_id)
    if doc.state == "posted":
        return PostResult(get_stock_document(session, actor, doc.id), True)
    if doc.state == "cancelled":
        raise ValidationError("state", "This document was cancelled and cannot be posted.")
    if doc.doc_type == "SC" and actor.role not in COUNT_APPROVERS:
        raise PermissionDenied("A stock count posts only after an administrator approves it.")
    written = created_here(session).get(doc.id)      # lines written in this transaction
    if written is None:
        written = session.scalar(select(StockDocumentLine.id)
                                 .where(StockDocumentLine.document_id == doc.id).limit(1))
    if not written:
        raise ValidationError("lines", "The document has no lines.")
    fn = _POSTERS.get(doc.doc_type)
    if fn is None:
        raise ValueError(f"no poster registered for {doc.doc_type}")
    fn(session, actor, doc)
    if not is_posting(session, doc):
        raise RuntimeError(f"the {doc.doc_type} poster did not call mark_posted for {doc.id}")
    # The answer is read before the number is taken: from here to commit every posting of
    # this type waits on the number's counter row, so only the numbering statements run.
    info = get_stock_document(session, actor, doc.id)
    number = finish_posting(session, doc)
    audit.record(session, actor.user_id, "post", "stock_document", doc.id,
                 number=number, doc_type=doc.doc_type)
    return PostResult(replace(info, number=number, state="posted", posted_at=doc.posted_at,
                              posted_by_name=actor.display_name,
                              version_id=doc.version_id), False)


def get_stock_document(session: Session, actor: Actor, doc_id: int) -> StockDocInfo:
    _load(session, actor, doc_id)
    return _infos(session, [doc_id], with_lines=True)[0]


def list_stock_documents(session: Session, actor: Actor, filt: StockDocFilter = StockDocFilter(),
                         *, limit: int = 200, before_id: int | None = None
                         ) -> list[StockDocInfo]:
    """Newest first, keyset-paged by id (pass the last id as ``before_id``); no lines.
    Every role reads stock documents (sales staff follow their deliveries)."""
    q = select(StockDocument.id).order_by(StockDocument.id.desc()).limit(limit)
    d = StockDocument
    # Conditions are built only for the filters given: comparing a date column with None
    # (``doc_date >= None``) is an error in SQLAlchemy, not "no filter".
    for ok, cond in ((filt.doc_types, lambda: d.doc_type.in_(filt.doc_types)),
                     (filt.states, lambda: d.state.in_(filt.states)),
                     (filt.warehouse_id, lambda: d.warehouse_id == filt.warehouse_id),
                     (filt.customer_id, lambda: d.customer_id == filt.customer_id),
                     (filt.supplier_id, lambda: d.supplier_id == filt.supplier_id),
                     (filt.sales_order_id, lambda: d.sales_order_id == filt.sales_order_id),
                     (filt.purchase_order_id,
                      lambda: d.purchase_order_id == filt.purchase_order_id),
                     (filt.date_from, lambda: d.doc_date >= filt.date_from),
                     (filt.date_to, lambda: d.doc_date <= filt.date_to),
                     (before_id, lambda: d.id < before_id)):
        if ok:
            q = q.where(cond())
    ids = list(session.scalars(q))
    return _infos(session, ids, with_lines=False)


@functools.cache
def _info_queries():
    """The two statements that read documents for display, built once (building a
    statement costs more client time than running it): headers with every name they
    show, and lines with their products; both for the ids bound as ``ids``."""
    d = StockDocument
    to_wh = aliased(Warehouse)
    poster_u, creator_u = aliased(User), aliased(User)
    ids = bindparam("ids", expanding=True)
    head = (select(d, Warehouse.name, to_wh.name, Customer.name, Supplier.name,
                   PurchaseOrder.number, SalesOrder.number, poster_u.display_name,
                   creator_u.display_name)
            .join(Warehouse, Warehouse.id == d.warehouse_id)
            .outerjoin(to_wh, to_wh.id == d.to_warehouse_id)
            .outerjoin(Customer, Customer.id == d.customer_id)
            .outerjoin(Supplier, Supplier.id == d.supplier_id)
            .outerjoin(PurchaseOrder, PurchaseOrder.id == d.purchase_order_id)
            .outerjoin(SalesOrder, SalesOrder.id == d.sales_order_id)
            .outerjoin(poster_u, poster_u.id == d.posted_by_id)
            .outerjoin(creator_u, creator_u.id == d.created_by_id)
            .where(d.id.in_(ids)))
    ln = StockDocumentLine
    lines = (select(ln, Product.sku, Product.name, Product.spec, Product.unit,
                    Product.qty_decimals, Product.barcode)
             .join(Product, Product.id == ln.product_id)
             .where(ln.document_id.in_(ids)).order_by(ln.document_id, ln.line_no))
    return head, lines


def _infos(session: Session, ids: list[int], *, with_lines: bool) -> list[StockDocInfo]:
    if not ids:
        return []
    head, line_query = _info_queries()
    rows = session.execute(head, {"ids": ids}).all()
    lines: dict[int, list[DocLineInfo]] = {i: [] for i in ids}
    if with_lines:
        for r in session.execute(line_query, {"ids": ids}):
            x = r[0]
            lines[x.document_id].append(DocLineInfo(
                x.id, x.line_no, x.product_id, r.sku, r.name, r.spec, r.unit, r.qty_decimals,
                r.barcode, qty(x.qty), None if x.system_qty is None else qty(x.system_qty),
                x.unit_cost, x.unit_price, x.po_line_id, x.so_line_id, x.source_line_id,
                x.reason))
    by_id = {}
    for r in rows:
        x = r[0]
        by_id[x.id] = StockDocInfo(
            x.id, x.doc_type, x.number, x.state, x.client_uuid, x.doc_date, x.warehouse_id,
            r[1], x.to_warehouse_id, r[2], x.customer_id, r[3], x.supplier_id, r[4],
            x.purchase_order_id, r[5], x.sales_order_id, r[6], x.source_document_id,
            x.reverses_id, x.reason, x.quality_note, x.notes, x.delivery_address,
            x.posted_at, r[7], x.created_at, r[8], x.version_id, tuple(lines[x.id]))
    return [by_id[i] for i in ids if i in by_id]
