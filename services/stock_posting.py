"""What the receipt, delivery-note and return posters share: creating a draft from a source
idempotently, locking the order a document comes from, matching document lines to the order
lines they fulfil, and what has already been returned from a posted document.

Lock order (the same in every poster, so two postings queue instead of deadlocking):
the document being posted (``post_document``) → the document it returns goods from →
the order row (``FOR UPDATE``; its lines change only under it) → the balances, sorted
(:func:`lock_costs`, taken again for free by ``apply_moves``) → the document-number counter
(``finish_posting``, called by ``post_document`` after the poster: the counter is held only
for the numbering statements). The balances come before the number because the cost each line moves at
is read under their lock and written on the line before the document is marked posted
(a posted document's lines cannot change); the transfer and count posters do the same.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Iterable, Sequence

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session, aliased

from models.catalog import Product
from models.stock import StockDocument, StockDocumentLine, StockMove
from services.errors import NotFound, ValidationError
from services.org import Actor
from services.stock_documents import DOC_TYPE_NAMES, DocLineInput, new_document, write_lines
from services.stock_ledger import ZERO, Key, lock_balances, lock_document, plain, qty


def resent(session: Session, doc_type: str, client_uuid: str, **same) -> int | None:
    """The document this client UUID already created (a resend, a double click), whatever
    its state now — checked before anything else, so a resend of a note that emptied its
    order still answers with that note. ``same`` are the header fields a resend must agree
    with (the order or document it comes from)."""
    doc = session.scalar(select(StockDocument).where(StockDocument.client_uuid == client_uuid))
    if doc is None:
        return None
    if doc.doc_type != doc_type or any(getattr(doc, k) != v for k, v in same.items()):
        raise ValidationError("client_uuid", "This document id is already used by "
                              "another document.")
    return doc.id


def create_draft(session: Session, actor: Actor, doc_type: str, client_uuid: str,
                 lines: Callable[[], Sequence[DocLineInput]], *, warehouse_id: int,
                 same: dict[str, object], **header) -> int:
    """Create a draft with ``lines()`` — or, when this client UUID already created a
    document (a resend racing the first call), that one untouched; returns its id. ``same``
    as for :func:`resent`, which the caller has called first in this transaction (so the
    UUID is not looked up twice); ``lines`` is only called for a new draft."""
    doc, created = new_document(session, actor, doc_type, client_uuid,
                                warehouse_id=warehouse_id, looked_up=True, **same, **header)
    if not created:
        return resent(session, doc_type, client_uuid, **same)
    write_lines(session, doc, tuple(lines()))
    return doc.id


def text_field(value: str | None, field: str, label: str, limit: int) -> str | None:
    """Trimmed text, None when empty; longer than its column is a ValidationError naming
    it (a database error would lose which field it was)."""
    text = (value or "").strip() or None
    if text is not None and len(text) > limit:
        raise ValidationError(field, f"{label} is too long: {len(text)} characters, "
                                     f"at most {limit}.")
    return text


def line_reasons(lines: Sequence, limit: int = 200) -> None:
    """Each line's reason fits its column (``lines[<n>].reason`` otherwise)."""
    for i, ln in enumerate(lines, start=1):
        text_field(ln.reason, f"lines[{i}].reason", "Reason", limit)


def lock_row(session: Session, model, row_id: int, what: str):
    """Lock an order (or source document) row ``FOR UPDATE`` and return it fresh."""
    row = session.scalar(select(model).where(model.id == row_id).with_for_update()
                         .execution_options(populate_existing=True))
    if row is None:
        raise NotFound(what, row_id)
    return row


def document_lines(session: Session, doc_id: int) -> list[StockDocumentLine]:
    return list(session.scalars(select(StockDocumentLine)
                                .where(StockDocumentLine.document_id == doc_id)
                                .order_by(StockDocumentLine.line_no)
                                .execution_options(populate_existing=True)))


def skus(session: Session, product_ids: Iterable[int]) -> dict[int, str]:
    ids = set(product_ids)
    if not ids:
        return {}
    return dict(session.execute(select(Product.id, Product.sku)
                                .where(Product.id.in_(ids))).all())


@dataclass
class Target:
    """A line of the order (or source document) a document line fulfils, with what is
    still open on it."""

    id: int
    product_id: int
    open: Decimal


def lock_costs(session: Session, keys: Iterable[Key]) -> dict[Key, Decimal]:
    """Lock the balances a posting touches (sorted; ``apply_moves`` takes the same lock
    again for free) and return each one's moving-average cost, or the product's standard
    cost where nothing has an average yet — the cost a line without its own moves at."""
    before = lock_balances(session, keys)
    unvalued = {k[0] for k, b in before.items() if b.avg_cost <= 0}
    standard = dict(session.execute(select(Product.id, Product.cost).where(
        Product.id.in_(unvalued))).all()) if unvalued else {}
    return {k: b.avg_cost if b.avg_cost > 0 else Decimal(standard.get(k[0]) or 0)
            for k, b in before.items()}


def match_lines(session: Session, lines: Sequence[StockDocumentLine], targets: list[Target],
                link: str, source: str) -> dict[int, int]:
    """Match each document line to the order line it fulfils (``link`` names the document
    line's column, e.g. ``so_line_id``) and check that no order line gets more than is open
    on it. A line without a link (typed or scanned by product) takes the first order line of
    its product with enough left open. Returns {document line id: target id}; every problem
    is one ``ValidationError`` naming the line, product and the open quantity."""
    by_id = {t.id: t for t in targets}
    left = {t.id: t.open for t in targets}
    problems: list[tuple[StockDocumentLine, str]] = []      # (line, what is wrong)
    matched: dict[int, int] = {}
    for ln in lines:
        q = qty(ln.qty)
        target_id = getattr(ln, link)
        if target_id is not None:
            t = by_id.get(target_id)
            if t is None or t.product_id != ln.product_id:
                problems.append((ln, f"not on {source}."))
                continue
        else:
            mine = [t for t in targets if t.product_id == ln.product_id]
            if not mine:
                problems.append((ln, f"not on {source}."))
                continue
            t = next((t for t in mine if left[t.id] >= q), mine[0])
        if q > left[t.id]:
            problems.append((ln, f"{plain(q)} is more than the {plain(max(left[t.id], ZERO))} "
                                 f"still open on {source}."))
            continue
        left[t.id] -= q
        matched[ln.id] = t.id
    if problems:
        sku = skus(session, [ln.product_id for ln, _ in problems])     # only to say what
        raise ValidationError({f"lines[{ln.line_no}].qty":
                               f"Line {ln.line_no} ({sku.get(ln.product_id, ln.product_id)}): "
                               f"{what}" for ln, what in problems})
    return matched


def link_lines(lines: Sequence[StockDocumentLine], link: str, matched: dict[int, int]) -> None:
    """Write the matched order line onto lines that were entered by product, before the
    document is posted (a posted document's lines cannot change)."""
    for ln in lines:
        if getattr(ln, link) is None:
            setattr(ln, link, matched[ln.id])


def returned_from(session: Session, source_line_ids: Iterable[int]) -> dict[int, Decimal]:
    """How much of each posted line has been returned already: the posted return lines
    pointing at it, leaving out returns that were themselves reversed and the reversal
    documents (which point at the return they undo, not at the source)."""
    ids = set(source_line_ids)
    if not ids:
        return {}
    ret, rev = aliased(StockDocument), aliased(StockDocument)
    ln = StockDocumentLine
    rows = session.execute(
        select(ln.source_line_id, func.sum(ln.qty))
        .join(ret, ret.id == ln.document_id)
        .where(ln.source_line_id.in_(ids), ret.doc_type.in_(("CR", "SR")),
               ret.state == "posted", ret.reverses_id.is_(None),
               ~exists().where(and_(rev.reverses_id == ret.id, rev.state == "posted")))
        .group_by(ln.source_line_id))
    return {line_id: qty(total) for line_id, total in rows}


def ledger_costs(session: Session, line_ids: Iterable[int]) -> dict[int, Decimal]:
    """The unit cost each posted line's ledger row carried (what a return brings back at)."""
    ids = set(line_ids)
    if not ids:
        return {}
    return {line_id: Decimal(cost) for line_id, cost in session.execute(
        select(StockMove.line_id, StockMove.unit_cost).where(StockMove.line_id.in_(ids)))}


def posted_source(session: Session, doc_id: int, doc_type: str) -> StockDocument:
    """The posted document a return refers to, locked: returns against it queue."""
    try:
        src = lock_document(session, doc_id)
    except NotFound:
        raise NotFound(DOC_TYPE_NAMES[doc_type], doc_id) from None
    if src.doc_type != doc_type:
        raise NotFound(DOC_TYPE_NAMES[doc_type], doc_id)
    check_returnable_source(session, src)
    return src


def check_returnable_source(session: Session, src: StockDocument) -> None:
    """Goods are returned only from a posted document that has not been reversed (the
    reversal already took its goods back); a reversal itself is not returned from."""
    if src.state != "posted" or src.reverses_id is not None:
        raise ValidationError("source_document_id",
                              "Goods can only be returned from a posted document.")
    reversal = session.scalar(select(StockDocument.number).where(
        StockDocument.reverses_id == src.id, StockDocument.state == "posted"))
    if reversal is not None:
        raise ValidationError("source_document_id", f"{src.number} was reversed by "
                              f"{reversal}; nothing can be returned from it.")
